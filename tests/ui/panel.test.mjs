// The panel and the contract with the kit: stale results dropped, kit failures shown (never
// thrown), keyboard use (toggle, findings, arrows, Escape, caret), the live region, the SLA
// countdown and its colours changing on one timer (cleared by detach), the customer-deadline
// conflict, and axe-core finding no serious or critical violation on the open panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, waitForCode } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const WEAK = 'Summary: customer charged twice.\nOwner: Finance\nUrgency: high';
const shadow = (sel) => `handoff-kit-layer ${sel}`;

test('a result that resolves after a newer one is dropped', async () => {
  const { page, errors } = await open(browser, server.origin, 'textarea.html');
  const outcome = await page.evaluate(async () => {
    window.handle.detach();
    const note = document.getElementById('note');
    note.value = 'Owner: Finance';
    const delays = [300, 20];
    const slow = {
      checkNote(text, options) {
        const report = window.kit.checkNote(text, options);
        const delay = delays.shift() ?? 0;
        return new Promise((resolve) => setTimeout(() => resolve(report), delay));
      },
    };
    const drawn = [];
    const handle = window.attach(note, { kit: slow, onReport: (r) => drawn.push(r) });
    note.value = 'Owner: Dana Kim';
    note.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 600));
    const codes = (r) => r.diagnostics.map((d) => d.code);
    return { drawn: drawn.map(codes), last: codes(handle.report()) };
  });
  assert.equal(outcome.drawn.length, 1, 'only the newer result is drawn');
  assert.ok(!outcome.last.includes('rubric/owner-not-a-person'), 'the drawn report is the newer text\'s');
  assert.deepEqual(errors, []);
  await page.close();
});

test('handoff-kit/worker\'s WorkerKit (promises from a module worker) drives the same layer', async () => {
  const { page, errors } = await open(browser, server.origin, 'editable.html');
  await page.evaluate(async () => {
    const { createKit } = await import('/npm/worker.js');
    window.handle.detach();
    const kit = await createKit();
    window.handle = window.attach(document.getElementById('note'), { kit, scenario: 'billing_to_finance', panel: 'open' });
  });
  await page.click('#note');
  await page.keyboard.type(WEAK);
  await waitForCode(page, 'rubric/owner-not-a-person');
  await page.click(shadow('.insert'));
  await page.waitForFunction(async () => (await import('/npm/ui.js')).noteText(document.getElementById('note')).includes('Dispute reason:'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a slow synchronous kit is not called on every keystroke, and the last text is checked', async () => {
  const { page } = await open(browser, server.origin, 'textarea.html');
  await page.evaluate(() => {
    window.handle.detach();
    window.calls = [];
    const slow = {
      checkNote(text, options) {
        window.calls.push(text);
        const until = performance.now() + 40; // a check that takes 40 ms
        while (performance.now() < until);
        return window.kit.checkNote(text, options);
      },
    };
    window.handle = window.attach(document.getElementById('note'), { kit: slow });
  });
  await page.click('#note');
  await page.keyboard.type('Owner: Finance', { delay: 5 });
  await page.waitForFunction(() => window.calls.at(-1) === 'Owner: Finance');
  const calls = await page.evaluate(() => window.calls.length);
  assert.ok(calls < 1 + 'Owner: Finance'.length, `${calls} calls for 14 keystrokes`);
  await waitForCode(page, 'rubric/owner-not-a-person');
  await page.close();
});

test('kit failures are shown in the panel, never thrown into the page; the text is untouched', async () => {
  const { page, errors } = await open(browser, server.origin, 'textarea.html', { options: { panel: 'open' } });
  const kits = {
    throws: 'checkNote() { throw Object.assign(new Error("the bundle is unreachable"), { kind: "init" }); }',
    rejects: 'checkNote() { return Promise.reject(new Error("worker crashed")); }',
    garbage: 'checkNote() { return 42; }',
  };
  const expected = {
    throws: 'The check failed (init): the bundle is unreachable',
    rejects: 'The check failed: worker crashed',
    garbage: 'The check failed: kit.checkNote did not return a Report',
  };
  for (const [name, body] of Object.entries(kits)) {
    const shown = await page.evaluate(async ([source, value]) => {
      window.handle.detach();
      const note = document.getElementById('note');
      note.value = value;
      // eslint-disable-next-line no-new-func
      const kit = new Function(`return { ${source} };`)();
      window.handle = window.attach(note, { kit, panel: 'open' });
      await new Promise((r) => setTimeout(r, 50));
      const root = document.querySelector('handoff-kit-layer').shadowRoot;
      return { box: root.querySelector('.errorbox').textContent, toggle: root.querySelector('.toggle').textContent, value: note.value };
    }, [body, WEAK]);
    assert.equal(shown.box, expected[name], name);
    assert.equal(shown.toggle, 'Handoff: check failed');
    assert.equal(shown.value, WEAK);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard: Tab to the toggle, open, arrows along the findings, Enter moves the caret, Escape closes', async () => {
  const { page } = await open(browser, server.origin, 'textarea.html');
  await page.click('#note');
  await page.keyboard.type(WEAK);
  await waitForCode(page, 'rubric/owner-not-a-person');
  const active = () => page.evaluate(() => {
    const root = document.querySelector('handoff-kit-layer')?.shadowRoot;
    const el = root?.activeElement;
    return el ? { cls: el.className, code: el.dataset.code ?? null, expanded: el.getAttribute('aria-expanded') } : { cls: document.activeElement.id };
  });
  await page.keyboard.press('Tab');
  assert.equal((await active()).cls, 'toggle grade-F');
  await page.keyboard.press('Enter');
  assert.equal((await active()).expanded, 'true');
  await page.locator(shadow('.panel')).waitFor({ state: 'visible' });
  await page.keyboard.press('Tab');
  const first = await active();
  assert.match(first.cls, /^finding /);
  const codes = await page.evaluate(() => window.handle.report().diagnostics.map((d) => d.code));
  const target = codes.indexOf('rubric/owner-not-a-person');
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
  assert.equal((await active()).code, 'rubric/owner-not-a-person');
  // Keyboard focus on a finding shows its tooltip and highlights its underline.
  const tip = page.locator(shadow('.tooltip'));
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /Name the person/);
  assert.equal(await page.locator(shadow('.mark.active')).count() > 0, true);
  await page.keyboard.press('Enter');
  const caret = await page.evaluate(() => {
    const note = document.getElementById('note');
    return { focused: document.activeElement === note, at: note.selectionStart, end: note.selectionEnd };
  });
  const span = await page.evaluate(() => window.handle.report().diagnostics.find((d) => d.code === 'rubric/owner-not-a-person').span);
  assert.deepEqual(caret, { focused: true, at: span.start, end: span.start });
  // Back into the panel and out with Escape: closed, focus on the toggle.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // closes (it was open)
  await page.keyboard.press('Enter'); // opens again
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(shadow('.panel')).isHidden(), true);
  assert.equal((await active()).expanded, 'false');
  await page.close();
});

test('the live region announces the score; the deadline counts down on one timer that detach clears', async () => {
  const { page, errors } = await open(browser, server.origin, 'textarea.html');
  await page.click('#note');
  await page.keyboard.type(WEAK);
  await waitForCode(page, 'rubric/owner-not-a-person');
  const live = page.locator(shadow('[role="status"]'));
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  assert.match(await live.textContent(), /^Handoff score \d+, grade [A-F], not ready, \d+ findings\.$/);

  // A clock two seconds before the deadline: on track → breached by the timer alone.
  const states = await page.evaluate(async () => {
    const timers = new Set();
    const { setInterval: set, clearInterval: clear } = window;
    window.setInterval = (fn, ms) => { const id = set(fn, ms); timers.add(id); return id; };
    window.clearInterval = (id) => { timers.delete(id); clear(id); };
    window.handle.detach();
    const start = Date.now();
    const clock = () => new Date(Date.parse('2026-11-20T12:59:58.500Z') + (Date.now() - start));
    const reports = [];
    window.handle = window.attach(document.getElementById('note'), {
      kit: window.kit, scenario: 'billing_to_finance', now: clock, panel: 'open', onReport: (r) => reports.push(r),
      context: { handoff: { at: '2026-11-20T09:00:00Z', to: { team: 'finance' } }, customer: { deadline: '2026-11-20T10:00:00Z' } },
    });
    const root = document.querySelector('handoff-kit-layer').shadowRoot;
    const read = () => ({
      cls: root.querySelector('.sla').className,
      text: root.querySelector('.sla').textContent,
      conflict: root.querySelector('.conflict').hidden ? null : root.querySelector('.conflict').textContent,
    });
    await new Promise((r) => setTimeout(r, 50));
    const first = read();
    await new Promise((r) => setTimeout(r, 3000));
    const later = read();
    const during = timers.size;
    window.handle.detach();
    return { first, later, checks: reports.length, during, after: timers.size };
  });
  assert.equal(states.first.cls, 'sla at_risk');
  assert.match(states.first.text, /At risk — in [12] s/);
  assert.equal(states.later.cls, 'sla breached');
  assert.match(states.later.text, /Breached — overdue by [12] s/);
  assert.equal(states.checks, 1, 'the countdown changed without re-checking');
  assert.match(states.first.conflict, /after the customer's deadline/);
  assert.equal(states.during, 1, 'one timer while attached');
  assert.equal(states.after, 0, 'detach cleared the timer');
  assert.deepEqual(errors, []);
  await page.close();
});

for (const fixture of ['textarea.html', 'ckeditor5.html']) {
  test(`axe-core: no serious or critical violation with the panel open and a tooltip shown (${fixture})`, async () => {
    const { page } = await open(browser, server.origin, fixture, { options: { panel: 'open' } });
    await page.click(fixture === 'textarea.html' ? '#note' : '.ck-editor__editable');
    await page.keyboard.type(WEAK);
    await waitForCode(page, 'rubric/owner-not-a-person');
    await page.locator(shadow('.finding[data-code="rubric/owner-not-a-person"]')).focus();
    await page.locator(shadow('.tooltip')).waitFor({ state: 'visible' });
    await page.addScriptTag({ url: '/axe/axe.min.js' });
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations', 'passes'] });
      const inLayer = (node) => Array.isArray(node.target[0]) && node.target[0][0] === 'handoff-kit-layer';
      return {
        bad: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) })),
        layerPasses: [...new Set(r.passes.filter((p) => p.nodes.some(inLayer)).map((p) => p.id))],
      };
    });
    assert.deepEqual(result.bad, []);
    // axe looked inside the layer's shadow root (buttons named, contrast, ARIA checked there).
    for (const rule of ['button-name', 'color-contrast', 'aria-allowed-attr']) {
      assert.ok(result.layerPasses.includes(rule), `axe did not check ${rule} in the layer: ${result.layerPasses}`);
    }
    await page.close();
  });
}
