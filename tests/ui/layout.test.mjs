// The text model and the geometry: noteText() of real editor markup is the text the kit reads
// (so spans land on the right words), underlines over lists, <br> and paragraphs, and
// underlines that follow the editor's scrolling, the page's scrolling, a resize and a font
// change (each compared again with the words' own rectangles).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repo, serve, launch, open, marksOf, wordRects, assertUnder, waitForCode } from './harness.mjs';

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

const notes = join(repo, 'tests/notes');
const MARKUP = [
  '<p>a</p><p>b</p>',
  '<div>a</div><div>b</div>',
  '<h2>Tried</h2><ul><li>x</li><li>y</li></ul>',
  '<p>a</p><p><br></p><p>b<br></p><div>c</div>',
  'x<br>y<br>z',
  '<p>  a \n  <b>b</b>  c  </p>',
  '<p>a&nbsp;&nbsp;b </p>',
  '<p>a <br> b</p>',
  '<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>',
  '<pre>a\n  b</pre><p>after</p>',
  '<ol><li>one<ul><li>nested <em>deep</em></li></ul></li><li>two</li></ol>',
  '<blockquote>quoted</blockquote>text after',
  '<p>emoji 😡 and Müller — ok</p><p><br data-cke-filler="true"></p>',
  '<div><p>in</p>between<p>out</p></div>',
  '<p>x<!-- a comment -->y<span style="display:none">z</span></p>',
  ' leading  <br><br> and trailing ',
  '',
  ...readdirSync(notes).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(notes, f), 'utf8')),
];

test('noteText() of real editor markup is the text the kit reads from its HTML', async () => {
  const { page, errors } = await open(browser, server.origin, 'editable.html');
  const mismatches = await page.evaluate(async (list) => {
    const { noteText } = await import('/npm/ui.js');
    const note = document.getElementById('note');
    const out = [];
    for (const html of list) {
      note.innerHTML = html;
      const ours = noteText(note);
      const kits = window.kit.parseNote(note.innerHTML, { format: 'html' }).text;
      if (ours !== kits) out.push({ html: html.slice(0, 80), ours, kits });
    }
    return out;
  }, MARKUP);
  assert.deepEqual(mismatches, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('underlines land on the words in paragraphs, list items and lines after a <br> and emoji (UTF-16 spans)', async () => {
  const { page } = await open(browser, server.origin, 'editable.html');
  await page.evaluate(() => {
    document.getElementById('note').innerHTML = '<p><strong>Summary:</strong> customer charged twice.</p>'
      + '<ul><li>Tried: nothing yet</li><li>Urgency: high</li></ul><p>Customer mood: angry 😡😡 — Renée<br>Owner: Finance</p>';
  });
  await waitForCode(page, 'rubric/owner-not-a-person');
  await page.waitForTimeout(50);
  assertUnder(assert, await marksOf(page, 'rubric/owner-not-a-person'), await wordRects(page, { word: 'Finance' }), 'owner after <br>');
  assertUnder(assert, await marksOf(page, 'rubric/vague-summary'), await wordRects(page, { word: 'customer charged twice.' }), 'summary after <strong>');
  await page.close();
});

test('underlines follow the editor scrolling, the page scrolling, a resize and a font change', async () => {
  const { page } = await open(browser, server.origin, 'editable.html');
  const lines = Array.from({ length: 30 }, (_, i) => `<p>Line ${i + 1} of what the customer said.</p>`).join('');
  await page.evaluate((l) => {
    document.getElementById('note').innerHTML = `<p>Summary: customer charged twice.</p>${l}<p>Owner: Finance</p>`;
  }, lines);
  await waitForCode(page, 'rubric/owner-not-a-person');
  const check = async (label) => {
    await page.waitForTimeout(60); // the repaint runs on the next animation frame
    assertUnder(assert, await marksOf(page, 'rubric/owner-not-a-person'), await wordRects(page, { word: 'Finance' }), label);
  };
  // Scrolled out of the editor's box, the underline is clipped away.
  const clipped = await page.evaluate(() => {
    const host = document.querySelector('handoff-kit-layer').shadowRoot;
    const clip = host.querySelector('.clip').getBoundingClientRect();
    const i = window.handle.report().diagnostics.findIndex((d) => d.code === 'rubric/owner-not-a-person');
    const mark = host.querySelector(`.mark[data-index="${i}"]`).getBoundingClientRect();
    return mark.top >= clip.bottom;
  });
  assert.ok(clipped, 'the underline of a word scrolled out of view is outside the clip');

  await page.evaluate(() => { document.getElementById('note').scrollTop = 10_000; });
  await check('editor scrolled to the end');
  await page.evaluate(() => {
    document.documentElement.style.height = '3000px';
    window.scrollTo(0, 120);
  });
  await check('page scrolled');
  await page.evaluate(() => { document.getElementById('note').style.width = '300px'; });
  await check('editor narrowed');
  await page.evaluate(() => { document.getElementById('note').style.fontSize = '22px'; });
  await check('font size changed');
  // A page theme switch: a class on <body> changes the editor's font, not its size.
  await page.evaluate(() => {
    const note = document.getElementById('note');
    note.style.height = '300px';
    note.style.removeProperty('font-size');
    document.head.append(Object.assign(document.createElement('style'), { textContent: 'body.big #note { font-size: 26px; letter-spacing: 1px; }' }));
  });
  await check('fixed height');
  await page.evaluate(() => document.body.classList.add('big'));
  await check('theme class on <body>');
  await page.close();
});

test('a textarea: underlines follow its scrolling and a font change (the mirror re-reads its style)', async () => {
  const { page } = await open(browser, server.origin, 'textarea.html');
  const text = ['Summary: customer charged twice.', ...Array.from({ length: 20 }, (_, i) => `Line ${i + 1}`), 'Owner: Finance'].join('\n');
  await page.evaluate((t) => {
    const note = document.getElementById('note');
    note.value = t;
    window.handle.refresh();
  }, text);
  await waitForCode(page, 'rubric/owner-not-a-person');
  const check = async (label) => {
    await page.waitForTimeout(60);
    assertUnder(assert, await marksOf(page, 'rubric/owner-not-a-person'), await wordRects(page, { word: 'Finance', textarea: true }), label);
  };
  await page.evaluate(() => { document.getElementById('note').scrollTop = 10_000; });
  await check('textarea scrolled to the end');
  await page.evaluate(() => { document.getElementById('note').style.fontSize = '19px'; });
  await check('font size changed');
  await page.evaluate(() => { document.getElementById('note').style.paddingLeft = '30px'; });
  await check('padding changed');
  await page.close();
});

test("layer: 'frame' draws in the iframe's own document, under the words", async () => {
  const { page, errors } = await open(browser, server.origin, 'iframe.html');
  const result = await page.evaluate(async () => {
    window.handle.detach();
    const doc = document.getElementById('frame').contentDocument;
    doc.body.innerHTML = '<p>Summary: customer charged twice.</p><p>Owner: Finance</p>';
    const handle = window.attach(doc.body, { kit: window.kit, layer: 'frame' });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)));
    const index = handle.report().diagnostics.findIndex((d) => d.code === 'rubric/owner-not-a-person');
    const host = doc.querySelector('handoff-kit-layer');
    const marks = [...host.shadowRoot.querySelectorAll(`.mark[data-index="${index}"]`)]
      .filter((m) => m.style.display !== 'none').map((m) => m.getBoundingClientRect().toJSON());
    const text = [...doc.body.querySelectorAll('p')][1].firstChild;
    const range = doc.createRange();
    range.setStart(text, text.data.indexOf('Finance'));
    range.setEnd(text, text.data.indexOf('Finance') + 'Finance'.length);
    const inTop = document.querySelectorAll('handoff-kit-layer').length;
    const parent = host.parentNode.nodeName;
    handle.detach();
    return { marks, word: [range.getBoundingClientRect().toJSON()], inTop, parent, left: doc.querySelectorAll('handoff-kit-layer').length };
  });
  assertUnder(assert, result.marks, result.word, 'owner, layer in the frame');
  assert.equal(result.inTop, 0, 'nothing drawn in the top document');
  assert.equal(result.parent, 'HTML', 'the editable is the <body>: the host goes next to it, not inside it');
  assert.equal(result.left, 0, 'detach removed the host');
  assert.deepEqual(errors, []);
  await page.close();
});

// Where the open panel goes: beside the editor while the viewport has room, else below or
// above it, and over the editor only when there is no room outside it. handle.open(),
// close() and notice() drive it from code (the extension's gate uses them).
test('the open panel goes beside the editor, never over it while there is room; open/close/notice', async () => {
  const rectOf = (page, sel) => page.evaluate((s) => {
    const root = document.querySelector('handoff-kit-layer').shadowRoot;
    const el = s === '#note' ? document.getElementById('note') : root.querySelector(s);
    if (!el || el.hidden) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, placement: el.dataset?.placement ?? null };
  }, sel);
  const overlaps = (a, b) => Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
  const cases = [
    { viewport: { width: 1000, height: 800 }, placement: 'right' },
    { viewport: { width: 700, height: 900 }, placement: 'below' },
    { viewport: { width: 700, height: 430 }, placement: /^over-/ },
  ];
  for (const { viewport, placement } of cases) {
    const { page, errors } = await open(browser, server.origin, 'textarea.html', { viewport });
    await page.evaluate(() => {
      const note = document.getElementById('note');
      note.value = 'Summary: customer charged twice.\nOwner: Finance';
      note.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    await waitForCode(page, 'rubric/owner-not-a-person');
    assert.equal(await rectOf(page, 'section.panel'), null, 'closed until asked');
    await page.evaluate(() => window.handle.open());
    const panel = await rectOf(page, 'section.panel');
    const note = await rectOf(page, '#note');
    const where = `${viewport.width}×${viewport.height}`;
    assert.ok(panel, `${where}: open() opens the panel`);
    if (placement instanceof RegExp) {
      assert.match(panel.placement, placement, `${where}: no room outside the editor`);
      assert.ok(panel.top >= 0 && panel.bottom <= viewport.height, `${where}: the panel stays in the viewport ${JSON.stringify(panel)}`);
    } else {
      assert.equal(panel.placement, placement, `${where}: placement`);
      assert.ok(!overlaps(panel, note), `${where}: the panel ${JSON.stringify(panel)} does not cover the editor ${JSON.stringify(note)}`);
      assert.ok(panel.right <= viewport.width && panel.bottom <= viewport.height, `${where}: inside the viewport`);
    }
    // A notice opens the panel and reads first, as text; null removes it; close() closes.
    await page.evaluate(() => {
      window.handle.close();
      window.handle.notice('Handoff held: <b>fix</b> the owner.', { tone: 'block' });
    });
    const notice = await page.evaluate(() => {
      const root = document.querySelector('handoff-kit-layer').shadowRoot;
      const n = root.querySelector('section.panel .notice');
      return { open: !root.querySelector('section.panel').hidden, text: n.textContent, html: n.innerHTML, first: n.parentElement.firstElementChild === n, role: n.getAttribute('role'), cls: n.className };
    });
    assert.deepEqual(notice, { open: true, text: 'Handoff held: <b>fix</b> the owner.', html: 'Handoff held: &lt;b&gt;fix&lt;/b&gt; the owner.', first: true, role: 'alert', cls: 'notice block' });
    await page.evaluate(() => { window.handle.notice(null); window.handle.close(); });
    assert.equal(await rectOf(page, 'section.panel .notice'), null);
    assert.equal(await rectOf(page, 'section.panel'), null);
    assert.deepEqual(errors, []);
    await page.close();
  }
  // An element the page names in `avoid` (a submit button beside the editor) is kept clear too.
  const { page, errors } = await open(browser, server.origin, 'textarea.html', { viewport: { width: 1000, height: 800 } });
  const placed = await page.evaluate(async () => {
    const note = document.getElementById('note');
    const button = document.createElement('button');
    button.textContent = 'Post';
    button.style.cssText = 'position:absolute;left:620px;top:200px;width:120px;height:32px';
    document.body.append(button);
    window.handle.detach();
    window.handle = window.attach(note, { kit: window.kit, avoid: [button] });
    window.handle.open();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const p = document.querySelector('handoff-kit-layer').shadowRoot.querySelector('section.panel');
    const r = p.getBoundingClientRect();
    const b = button.getBoundingClientRect();
    const n = note.getBoundingClientRect();
    const hit = (a, c) => Math.min(a.right, c.right) > Math.max(a.left, c.left) && Math.min(a.bottom, c.bottom) > Math.max(a.top, c.top);
    return { placement: p.dataset.placement, button: hit(r, b), note: hit(r, n) };
  });
  assert.deepEqual(placed, { placement: 'below', button: false, note: false });
  assert.deepEqual(errors, []);
  await page.close();
});
