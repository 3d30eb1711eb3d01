// handoff-kit/ui in headless Chromium over each kind of editor an agent writes in: a textarea,
// a contenteditable, a contenteditable <body> inside an iframe (as CKEditor 4 in Request
// Tracker), and a real CKEditor 5 (as Zendesk's composer). The agent types a weak note; the
// underlines must lie under the criticised words (compared with the words' own rectangles),
// hovering shows the message and the points, a click on a finding moves the caret, fixing the
// note removes the underline, the page's DOM gains only the layer's host node and the text is
// exactly what was typed; "Insert template" is undone by Ctrl+Z; detach removes everything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repo, serve, launch, open, marksOf, wordRects, assertUnder, waitForCode } from './harness.mjs';

const shots = join(repo, 'target/e2e/ui');
mkdirSync(shots, { recursive: true });

const WEAK = ['Summary: customer charged twice.', 'Owner: Finance', 'Urgency: high'];

const editors = [
  { name: 'textarea', page: 'textarea.html', click: '#note', root: '#note', textarea: true },
  { name: 'contenteditable', page: 'editable.html', click: '#note', root: '#note' },
  { name: 'iframe', page: 'iframe.html', click: '#frame', root: null, frame: '#frame' },
  { name: 'ckeditor5', page: 'ckeditor5.html', click: '.ck-editor__editable', root: '.ck-editor__editable', ckeditor: true },
];

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

// What the editor holds, byte for byte: a textarea's value, CKEditor's data, else the
// editable's HTML (and the text the kit reads from it).
function content(page, editor) {
  return page.evaluate(async ({ root, frame, textarea, ckeditor }) => {
    const { noteText } = await import('/npm/ui.js');
    const doc = frame ? document.querySelector(frame).contentDocument : document;
    const el = root ? doc.querySelector(root) : doc.body;
    if (textarea) return { text: el.value, raw: el.value };
    return { text: noteText(el), raw: ckeditor ? window.editor.getData() : el.innerHTML };
  }, editor);
}

// Selects `word` in the editor (as a double-click would) so typing replaces it.
function select(page, editor, word) {
  return page.evaluate(({ root, frame, textarea, w }) => {
    const doc = frame ? document.querySelector(frame).contentDocument : document;
    const el = root ? doc.querySelector(root) : doc.body;
    el.focus();
    if (textarea) {
      const at = el.value.indexOf(w);
      el.setSelectionRange(at, at + w.length);
      return;
    }
    const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(w);
      if (at < 0) continue;
      doc.getSelection().setBaseAndExtent(n, at, n, at + w.length);
      return;
    }
  }, { ...editor, w: word });
}

for (const editor of editors) {
  test(`${editor.name}: underlines under the criticised words, panel, fix, template, detach`, async () => {
    const { page, requests, errors } = await open(browser, server.origin, editor.page);
    const where = { root: editor.root, frame: editor.frame, textarea: editor.textarea };
    await page.click(editor.click);
    await page.keyboard.type(WEAK.join('\n'));
    await waitForCode(page, 'rubric/owner-not-a-person');
    await page.waitForTimeout(50); // one frame, so a queued repaint has run

    // Underlines lie under the words the report criticises.
    assertUnder(assert, await marksOf(page, 'rubric/owner-not-a-person'), await wordRects(page, { ...where, word: 'Finance' }), 'owner');
    assertUnder(assert, await marksOf(page, 'rubric/vague-summary'), await wordRects(page, { ...where, word: 'customer charged twice.' }), 'summary');

    // The text is exactly what was typed.
    const typed = await content(page, editor);
    assert.equal(typed.text, WEAK.join(editor.textarea ? '\n' : editor.ckeditor ? '\n\n' : '\n'));

    // Hovering the word shows the message, the hint and the points it costs.
    const [word] = await wordRects(page, { ...where, word: 'Finance' });
    await page.mouse.move((word.left + word.right) / 2, (word.top + word.bottom) / 2);
    const tip = page.locator('handoff-kit-layer .tooltip');
    await tip.waitFor({ state: 'visible' });
    const tipText = await tip.textContent();
    assert.match(tipText, /Name the person who owns this/);
    assert.match(tipText, /Costs \d+ of \d+ points \(Owner not a person\)/);
    // Where the missing sections would go, one marker holds them all; its tooltip says so.
    const [spot] = await marksOf(page, 'schema/required');
    await page.mouse.move(spot.left + 3, spot.bottom - 1);
    await page.waitForFunction(() => /\d+ more findings here/.test(document.querySelector('handoff-kit-layer').shadowRoot.querySelector('.tooltip').textContent));
    assert.match(await tip.textContent(), /^Error: Add the details of the charge in question\./);
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'hidden' });

    // The panel: score, grade, the cap's reason, the deadline; a finding moves the caret.
    await page.click('handoff-kit-layer .toggle');
    const panel = page.locator('handoff-kit-layer .panel');
    await panel.waitFor({ state: 'visible' });
    assert.match(await panel.locator('.score').textContent(), /^Score \d+ \/ 100 — grade [A-F]$/);
    assert.match(await panel.locator('.cap').textContent(), /^not ready: graded D at most until \d+ errors? (is|are) fixed$/);
    assert.match(await panel.locator('.sla').textContent(), /Due Fri 20 Nov, 13:00 \(UTC\).*On track — in 3 h 00 min/);
    // caret: 'initial', else Playwright styles the focused editor to hide its caret.
    await page.screenshot({ path: join(shots, `${editor.name}.png`), caret: 'initial' });
    await panel.locator('.finding[data-code="rubric/owner-not-a-person"]').click();
    const caret = await page.evaluate(({ root, frame, textarea }) => {
      const doc = frame ? document.querySelector(frame).contentDocument : document;
      const el = root ? doc.querySelector(root) : doc.body;
      if (textarea) return { focused: document.activeElement === el, text: el.value.slice(el.selectionStart) };
      const s = doc.getSelection();
      return { focused: doc.activeElement === el || el.contains(doc.activeElement), text: s.anchorNode.data?.slice(s.anchorOffset) ?? '' };
    }, where);
    assert.ok(caret.focused, 'the editor has the focus');
    assert.ok(caret.text.startsWith('Finance'), `the caret is before "Finance", not before ${JSON.stringify(caret.text)}`);
    assert.deepEqual(await content(page, editor), typed, 'the layer changed the text');

    // Fixing the note removes the finding and its underline.
    await select(page, editor, 'Finance');
    await page.keyboard.type('Dana Kim');
    await waitForCode(page, 'rubric/owner-not-a-person', { absent: true });
    await page.waitForTimeout(50);
    const fixed = await wordRects(page, { ...where, word: 'Dana Kim' });
    const over = await page.evaluate((w) => [...document.querySelector('handoff-kit-layer').shadowRoot.querySelectorAll('.mark')]
      .filter((m) => m.style.display !== 'none')
      .map((m) => m.getBoundingClientRect())
      .filter((r) => r.right > w.left + 1 && r.left < w.right - 1 && r.bottom > w.top && r.top < w.bottom + 3).length, fixed[0]);
    assert.equal(over, 0, 'an underline is still drawn under the fixed owner');
    const fixedContent = await content(page, editor);
    assert.equal(fixedContent.text, typed.text.replace('Finance', 'Dana Kim'));

    // The page's DOM outside the editor gained exactly one node: the layer's host.
    // (The fixture's own `data-ready` flag on <body> is set after the recording starts.)
    const mutations = (await page.evaluate(() => window.pageMutations.take())).filter((m) => m.attribute !== 'data-ready');
    assert.deepEqual(mutations.map((m) => [m.type, m.target, m.attribute, m.added, m.removed]), [['childList', 'BODY', null, ['HANDOFF-KIT-LAYER'], []]]);
    if (editor.frame) assert.deepEqual(await page.evaluate(() => window.framePageMutations.take()), []);

    // "Insert template" types the scenario's template through the editor, on a line of its own
    // after the caret's; it stays (a rich editor did not re-render it away); Ctrl+Z takes it back.
    await page.click('handoff-kit-layer .insert');
    await page.waitForFunction(async ({ root, frame, textarea }) => {
      const { noteText } = await import('/npm/ui.js');
      const doc = frame ? document.querySelector(frame).contentDocument : document;
      const el = root ? doc.querySelector(root) : doc.body;
      return (textarea ? el.value : noteText(el)).includes('Dispute reason:');
    }, where);
    await page.waitForTimeout(300);
    const inserted = await content(page, editor);
    assert.match(inserted.text, /Owner: Dana Kim\n+Summary:\n+Tried:\n+Customer mood:[\s\S]*Dispute reason:/);
    assert.match(inserted.raw, /Dispute reason:/);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(async ([ed, want]) => {
      const { noteText } = await import('/npm/ui.js');
      const doc = ed.frame ? document.querySelector(ed.frame).contentDocument : document;
      const el = ed.root ? doc.querySelector(ed.root) : doc.body;
      return (ed.textarea ? el.value : noteText(el)) === want;
    }, [where, fixedContent.text]);
    assert.deepEqual(await content(page, editor), fixedContent, 'Ctrl+Z restored the note exactly');

    // detach() removes the host, its listeners and observers: typing draws nothing more.
    const before = await page.evaluate(() => { window.handle.detach(); return window.reports.length; });
    assert.equal(await page.locator('handoff-kit-layer').count(), 0);
    await page.keyboard.type(' more');
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.reports.length), before);
    const all = (await page.evaluate(() => window.pageMutations.take())).filter((m) => m.attribute !== 'data-ready');
    assert.deepEqual(all.slice(1).map((m) => [m.type, m.target, m.attribute, m.added, m.removed]), [['childList', 'BODY', null, [], ['HANDOFF-KIT-LAYER']]]);

    for (const url of requests) assert.ok(url.startsWith(server.origin) || url.startsWith('data:'), `unexpected request ${url}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
