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

test('underlines land on the words in paragraphs, list items and lines after a <br>', async () => {
  const { page } = await open(browser, server.origin, 'editable.html');
  await page.evaluate(() => {
    document.getElementById('note').innerHTML = '<p><strong>Summary:</strong> customer charged twice.</p>'
      + '<ul><li>Tried: nothing yet</li><li>Urgency: high</li></ul><p>Customer mood: angry<br>Owner: Finance</p>';
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
