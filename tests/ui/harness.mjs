// What the UI tests and bench/ui.mjs share: a static server on 127.0.0.1 for the fixture pages
// (tests/ui/pages), the packed package (dist/npm), CKEditor 5 and axe-core (node_modules), and
// Debian's Chromium driven by playwright-core. Every request is recorded.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = await import(pathToFileURL(join(repo, 'node_modules/playwright-core/index.mjs')).href);

const roots = {
  '/pages/': join(repo, 'tests/ui/pages'),
  '/npm/': process.env.HANDOFF_NPM_DIR || join(repo, 'dist/npm'),
  '/ckeditor5/': join(repo, 'node_modules/ckeditor5/dist/browser'),
  '/axe/': join(repo, 'node_modules/axe-core'),
  // The README's example page imports the package from /node_modules/handoff-kit/.
  '/node_modules/handoff-kit/': process.env.HANDOFF_NPM_DIR || join(repo, 'dist/npm'),
  '/e2e/': join(repo, 'target/e2e/ui'),
};
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
};

export async function serve() {
  const requests = [];
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    requests.push(path);
    const prefix = Object.keys(roots).find((p) => path.startsWith(p));
    const file = prefix && join(roots[prefix], path.slice(prefix.length));
    if (!file || !file.startsWith(roots[prefix])) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  // The server stops by itself when the process ends; close() for tidiness.
  server.unref();
  return { origin: `http://127.0.0.1:${server.address().port}`, requests, close: () => server.close() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** Opens a fixture page and waits for the layer's first report. */
export async function open(browser, origin, page, { options, viewport = { width: 1000, height: 800 } } = {}) {
  const tab = await browser.newPage({ viewport });
  const requests = [];
  const errors = [];
  tab.on('request', (r) => requests.push(r.url()));
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (options) await tab.addInitScript((o) => { window.attachOptions = o; }, options);
  await tab.goto(`${origin}/pages/${page}`);
  await tab.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { page: tab, requests, errors };
}

// --- page-side measurements (run with page.evaluate) ---------------------------------------

/** The visible underline rectangles of the first finding with `code`, or null if none. */
export function marksOf(page, code) {
  return page.evaluate((c) => {
    const host = document.querySelector('handoff-kit-layer');
    const index = window.handle.report()?.diagnostics.findIndex((d) => d.code === c) ?? -1;
    if (!host || index < 0) return null;
    return [...host.shadowRoot.querySelectorAll(`.mark[data-index="${index}"]`)]
      .filter((m) => m.style.display !== 'none')
      .map((m) => m.getBoundingClientRect().toJSON());
  }, code);
}

/**
 * The rectangles of `word` in the editor, from a Range over the word's own text node (in top
 * page coordinates; `frame` is the selector of the iframe holding the editor). For a textarea
 * (no Range reaches its text) the oracle is its monospace grid: column × the font's advance,
 * line × line-height.
 */
export function wordRects(page, { word, root = '#note', frame = null, textarea = false }) {
  return page.evaluate(({ word: w, root: r, frame: f, textarea: t }) => {
    if (t) {
      const ta = document.querySelector(r);
      const cs = getComputedStyle(ta);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
      const advance = ctx.measureText('0').width;
      const lineHeight = parseFloat(cs.lineHeight);
      const before = ta.value.slice(0, ta.value.indexOf(w));
      const line = before.split('\n').length - 1;
      const column = before.length - before.lastIndexOf('\n') - 1;
      const box = ta.getBoundingClientRect();
      const left = box.left + ta.clientLeft + parseFloat(cs.paddingLeft) + column * advance - ta.scrollLeft;
      const top = box.top + ta.clientTop + parseFloat(cs.paddingTop) + line * lineHeight - ta.scrollTop;
      return [{ left, right: left + w.length * advance, top, bottom: top + lineHeight }];
    }
    let doc = document;
    let dx = 0;
    let dy = 0;
    if (f) {
      const el = document.querySelector(f);
      doc = el.contentDocument;
      const box = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      dx = box.left + el.clientLeft + parseFloat(cs.paddingLeft);
      dy = box.top + el.clientTop + parseFloat(cs.paddingTop);
    }
    const rootNode = r ? doc.querySelector(r) : doc.body;
    const walker = doc.createTreeWalker(rootNode, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(w);
      if (at < 0) continue;
      const range = doc.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      return [...range.getClientRects()].map((x) => ({ left: x.left + dx, right: x.right + dx, top: x.top + dy, bottom: x.bottom + dy }));
    }
    return null;
  }, { word, root, frame, textarea });
}

/** Asserts that underlines lie under the word: same line, covering ≥ 90% of its width. */
export function assertUnder(assert, marks, words, label) {
  assert.ok(marks && marks.length > 0, `${label}: no underline drawn`);
  assert.ok(words && words.length > 0, `${label}: word not found`);
  const word = words[0];
  const covered = marks.reduce((sum, m) => sum + Math.max(0, Math.min(m.right, word.right) - Math.max(m.left, word.left)), 0);
  const width = word.right - word.left;
  assert.ok(covered >= 0.9 * width, `${label}: underline covers ${covered.toFixed(1)} of ${width.toFixed(1)} px (marks ${JSON.stringify(marks)}, word ${JSON.stringify(word)})`);
  for (const m of marks) {
    assert.ok(m.left >= word.left - 2 && m.right <= word.right + 2, `${label}: underline ${JSON.stringify(m)} strays outside the word ${JSON.stringify(word)}`);
    assert.ok(m.bottom >= word.top + 0.5 * (word.bottom - word.top) && m.bottom <= word.bottom + 3, `${label}: underline ${JSON.stringify(m)} is not on the word's line ${JSON.stringify(word)}`);
  }
}

/** Waits until the last drawn report has (or, with `absent`, no longer has) a finding `code`. */
export function waitForCode(page, code, { absent = false, timeout = 10_000 } = {}) {
  return page.waitForFunction(([c, a]) => {
    const report = window.handle.report();
    if (!report) return false;
    const has = report.diagnostics.some((d) => d.code === c);
    return a ? !has : has;
  }, [code, absent], { timeout });
}
