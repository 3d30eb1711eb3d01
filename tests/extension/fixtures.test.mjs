// The shipped adapters on fixture pages (fixtures.mjs) in Chromium with the extension, gate
// `block`: a weak note gets the owner finding underlined and the panel's score, grade and
// deadline (the receiving team read from the page where the adapter says where it is); the
// handoff action is held; the fixed note goes through; the editor holds exactly what was typed;
// the page's DOM outside its editor gains one node (the layer's host) and nothing else.
// SaaS hosts (*.zendesk.com…) are mapped to 127.0.0.1 with --host-resolver-rules over TLS with a
// throwaway certificate, so the adapters' real host patterns are what is tested.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES } from './fixtures.mjs';
import { ROOT, SHOTS, foreignRequests, launch, panel, serve, setOptions, underlines, underlinesWord, until } from './harness.mjs';

const SAAS_HOSTS = [...new Set(FIXTURES.filter((f) => f.origin !== 'local').map((f) => new URL(f.origin).hostname))];
const weakNote = (teamOnPage) => ['Scenario: billing_to_finance', 'Summary: customer is upset about something, please look asap.', ...(teamOnPage ? [] : ['To: Finance']), 'Owner: Finance'];
const GOOD = [
  'Scenario: billing_to_finance',
  'Summary: Renée Müller was charged twice for invoice INV-2041 (€49.00 each) on 2026-11-18.',
  'Tried: checked the invoice → two identical charges',
  'Customer mood: furious',
  'Customer informed: yes',
  'Promised: a call back from Finance by Friday',
  'Ask: refund the duplicate charge',
  'Urgency: urgent',
  'From: Support',
  'To: Finance',
  'Owner: Dana Kim (Finance)',
  'Docs: bank-statement.pdf (from customer)',
  'Invoice: INV-2041',
  'Amount: €49.00',
];

function certificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=handoff-fixtures',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  const tls = { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) };
  fs.rmSync(dir, { recursive: true, force: true });
  return tls;
}

function routes() {
  const r = {};
  for (const f of FIXTURES) {
    const pathname = new URL(f.path, 'http://x').pathname;
    r[pathname] = (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(f.html);
  }
  const ck = path.join(ROOT, 'node_modules/ckeditor5/dist/browser');
  r['/ckeditor5/'] = (req, res, url) => {
    const file = path.join(ck, path.basename(url.pathname));
    if (!fs.existsSync(file)) return res.writeHead(404).end();
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/json';
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
  };
  return r;
}

/** Records every mutation of the top document, flagged when it happens inside the editor's own UI. */
function recorder() {
  if (window !== window.top) return;
  window.__mutations = [];
  let parsed = false; // the parser's own insertions are the page, not changes to it
  const inEditor = (n) => Boolean(n?.closest?.('[contenteditable], textarea, .ck-editor, .ck-body-wrapper') ?? n?.parentElement?.closest?.('[contenteditable], .ck-editor'));
  const observer = new MutationObserver((records) => {
    if (!parsed) return;
    for (const r of records) {
      const editor = inEditor(r.target);
      for (const n of r.addedNodes) window.__mutations.push({ type: 'added', node: n.nodeName, cls: n.className ?? '', parent: r.target.nodeName, editor });
      for (const n of r.removedNodes) window.__mutations.push({ type: 'removed', node: n.nodeName, editor });
      if (r.type === 'attributes') {
        window.__mutations.push({ type: 'attr', node: r.target.nodeName, name: r.attributeName, editor, what: editor ? '' : r.target.outerHTML.slice(0, 200) });
      }
      if (r.type === 'characterData') window.__mutations.push({ type: 'text', editor });
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // Records of the parser's last insertions may still be queued at DOMContentLoaded: drop them.
  document.addEventListener('DOMContentLoaded', () => {
    observer.takeRecords();
    parsed = true;
  });
}

async function typeInto(page, selector, lines, { replace = false } = {}) {
  await page.focus(selector);
  if (replace) {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
  }
  for (const [i, line] of lines.entries()) {
    if (i) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

const editorLines = (page, selector) =>
  page.$eval(selector, (el) => (el.localName === 'textarea' ? el.value : el.innerText).split('\n').map((l) => l.replace(/\u00a0/g, ' ')).filter((l) => l.trim() !== ''));

/** The rectangle of the last occurrence of `word` in a contenteditable (top-document viewport). */
const wordRect = (page, selector, word) =>
  page.$eval(selector, (el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let hit = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.includes(w)) hit = [n, n.data.lastIndexOf(w)];
    if (!hit) return null;
    const range = document.createRange();
    range.setStart(hit[0], hit[1]);
    range.setEnd(hit[0], hit[1] + w.length);
    const r = range.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }, word);

test('shipped adapters on fixture pages: underlines, panel, page context, block gate, text and DOM untouched', { timeout: 300_000 }, async (t) => {
  const tls = certificate();
  const httpsServer = await serve(routes(), { tls });
  const httpServer = await serve(routes());
  const rules = SAAS_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${httpsServer.port}`).join(', ');
  const browser = await launch({ args: [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'] });
  try {
    (await setOptions(browser, { gate: 'block' })).close();
    for (const f of FIXTURES) {
      await t.test(f.adapter, async () => {
        const page = await browser.context.newPage();
        await page.addInitScript(recorder);
        if (process.env.DEBUG_PAGES) page.on('console', (m) => console.log(f.adapter, m.type(), m.text().slice(0, 300)));
        if (process.env.DEBUG_PAGES) page.on('pageerror', (e) => console.log(f.adapter, 'pageerror', e.message));
        const base = f.origin === 'local' ? httpServer.url : `${f.origin}:${httpsServer.port}`;
        await page.goto(`${base}${f.path}`);
        if (f.adapter === 'zendesk') await page.waitForFunction(() => window.editorReady === true);
        await page.waitForFunction(() => document.querySelector('handoff-kit-layer'), null, { timeout: 15_000 });

        const weak = weakNote(f.teamOnPage);
        await typeInto(page, f.editor, weak);
        const p = await until(async () => {
          const s = await panel(page);
          return s?.codes.includes('rubric/owner-not-a-person') && s.codes.includes('schema/required') && s.sla ? s : null;
        }, `${f.adapter}: the weak note's findings and a deadline`);
        assert.match(p.toggle, /Handoff: \d+ · [A-F]/);
        assert.match(p.score, /Score \d+ \/ 100 — grade [A-F]/);
        assert.match(p.sla, /Due/, 'the deadline (its team read from the page when the note names none)');
        const marks = await underlines(page);
        if ((await page.$eval(f.editor, (el) => el.localName)) !== 'textarea') {
          const owner = await wordRect(page, f.editor, 'Finance');
          assert.ok(marks.some((m) => underlinesWord(m, owner)), `${f.adapter}: an underline under the owner "Finance"`);
        } else {
          assert.ok(marks.length > 0, `${f.adapter}: underlines drawn over the textarea`);
        }
        if (f.adapter === 'zendesk') {
          await page.locator('button.toggle').click();
          // caret 'initial': Playwright otherwise restyles the page's inputs for the shot.
          await page.screenshot({ path: path.join(SHOTS, 'zendesk-ckeditor5.png'), caret: 'initial' });
          await page.locator('button.toggle').click();
        }

        await page.click(f.action);
        await until(async () => (await panel(page))?.notice, `${f.adapter}: the gate notice`);
        assert.equal(await page.evaluate(() => window.handoffs), 0, 'block held the handoff');
        assert.deepEqual(await editorLines(page, f.editor), weak, 'the held note is intact');

        await typeInto(page, f.editor, GOOD, { replace: true });
        await until(async () => {
          const s = await panel(page);
          return s && s.codes.length && s.errors === 0 && !s.codes.includes('rubric/owner-not-a-person');
        }, `${f.adapter}: the findings to go`);
        await page.click(f.action);
        await until(() => page.evaluate(() => window.handoffs === 1), `${f.adapter}: the fixed note's handoff to go through`);
        assert.deepEqual(await editorLines(page, f.editor), GOOD, 'the editor holds exactly what was typed');

        const mutations = await page.evaluate(() => window.__mutations);
        if (process.env.DEBUG_MUTATIONS) console.log(JSON.stringify(mutations.filter((m) => !m.editor)));
        const outside = mutations.filter((m) => !m.editor && !(m.type === 'added' && /ck-body-wrapper/.test(m.cls)));
        const hosts = outside.filter((m) => m.type === 'added' && m.node === 'HANDOFF-KIT-LAYER');
        assert.equal(hosts.length, 1, 'one host node');
        assert.deepEqual(outside.filter((m) => !(m.type === 'added' && m.node === 'HANDOFF-KIT-LAYER')), [], 'nothing else changed outside the editor');
        await page.close();
      });
    }
    const foreign = foreignRequests(browser.requests, browser.extensionId).filter((u) => !SAAS_HOSTS.includes(new URL(u).hostname));
    assert.deepEqual(foreign, [], 'no request but to 127.0.0.1 (and the fixture hosts mapped to it)');
  } finally {
    await browser.close();
    await httpsServer.close();
    await httpServer.close();
  }
});
