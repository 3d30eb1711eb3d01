// handoff-kit/ui while an agent types (bench/README.md, "The rendering layer"): a 3 KB note in
// each fixture editor (tests/ui/pages) in headless Chromium, then keystrokes typed at 40 ms
// intervals. For every input event, timed with performance.now() in the page:
//   drawn   input event → the new report's underlines are in the layer and laid out
//   frame   input event → the next requestAnimationFrame after that (the frame that paints them)
//   painted input event → a task queued from that rAF runs, i.e. after the frame was painted
// and the floor: the same keystrokes with the layer detached (input → next frame, → painted),
// plus the kit's own checkNote time for the same note (alone in a loop, and where the layer
// calls it while typing), and every long task (> 50 ms) seen by a
// PerformanceObserver while typing. Usage: node bench/ui.mjs [--json FILE] [--keys N]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repo, serve, launch, open } from '../tests/ui/harness.mjs';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const keysAt = args.indexOf('--keys');
const KEYS = keysAt >= 0 ? Number(args[keysAt + 1]) : 150;

// A 3 KB billing note: the plain fixture, its tried-steps repeated, the owner left as a team.
const plain = readFileSync(join(repo, 'tests/notes/billing-plain.txt'), 'utf8').replace('Dana Kim (Finance)', 'Finance');
const lines = plain.split('\n');
const extra = [];
for (let i = 1; plain.length + extra.join('\n').length < 3000; i++) extra.push(`- Call ${i}: checked the ledger again → same duplicate charge`);
const note = [...lines.slice(0, 6), ...extra, ...lines.slice(6)].join('\n');

const editors = [
  { name: 'textarea', page: 'textarea.html', click: '#note' },
  { name: 'contenteditable', page: 'editable.html', click: '#note' },
  { name: 'ckeditor5', page: 'ckeditor5.html', click: '.ck-editor__editable' },
];

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const stats = (xs) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs) });

const server = await serve();
const browser = await launch();
const results = { note_bytes: Buffer.byteLength(note), keys: KEYS, editors: {} };
for (const editor of editors) {
  const { page, errors } = await open(browser, server.origin, editor.page);
  // Load the note through the editor itself (paste-like, one input), re-attach with probes.
  await page.evaluate(async ({ text, name }) => {
    window.handle.detach();
    const el = name === 'ckeditor5' ? window.editor.ui.getEditableElement() : document.getElementById('note');
    if (name === 'textarea') el.value = text;
    else if (name === 'ckeditor5') window.editor.setData(text.split('\n').map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join(''));
    else el.innerHTML = text.split('\n').map((l) => `<div>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;') || '<br>'}</div>`).join('');
    const samples = { drawn: [], frame: [], painted: [], longtasks: [], in_flow: [] };
    let t0 = null;
    window.addEventListener('input', () => { t0 = performance.now(); }, { capture: true });
    const channel = new MessageChannel();
    let pending = null;
    channel.port1.onmessage = () => { if (pending !== null) samples.painted.push(performance.now() - pending); pending = null; };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) samples.longtasks.push(e.duration);
    }).observe({ type: 'longtask' });
    window.samples = samples;
    // The same kit, timed where the layer calls it (the `drawn` time includes this).
    const timed = {
      checkNote(t, o) {
        const s = performance.now();
        const r = window.kit.checkNote(t, o);
        samples.in_flow.push(performance.now() - s);
        return r;
      },
      noteTemplate: (x) => window.kit.noteTemplate(x),
    };
    window.handle = window.attach(el, {
      kit: timed,
      scenario: 'billing_to_finance',
      now: '2026-11-20T10:00:00Z',
      context: { handoff: { at: '2026-11-20T09:00:00Z', to: { team: 'finance' } } },
      onReport: () => {
        if (t0 === null) return;
        const start = t0;
        t0 = null;
        samples.drawn.push(performance.now() - start);
        requestAnimationFrame(() => {
          samples.frame.push(performance.now() - start);
          pending = start;
          channel.port2.postMessage(0);
        });
      },
    });
    // The kit alone on this note, warm.
    const kitTimes = [];
    const input = name === 'textarea' ? el.value : el.innerHTML;
    const format = name === 'textarea' ? 'text' : 'html';
    for (let i = 0; i < 30; i++) {
      const s = performance.now();
      window.kit.checkNote(input + (i % 2 ? ' ' : ''), { format, now: '2026-11-20T10:00:00Z' });
      kitTimes.push(performance.now() - s);
    }
    samples.kit = kitTimes.slice(5);
  }, { text: note, name: editor.name });
  await page.click(editor.click);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' warm up', { delay: 40 });
  await page.evaluate(() => { for (const k of ['drawn', 'frame', 'painted', 'longtasks', 'in_flow']) window.samples[k].length = 0; });
  const words = 'refund approved pending ledger review with Finance today ';
  await page.keyboard.type(words.repeat(Math.ceil(KEYS / words.length)).slice(0, KEYS), { delay: 40 });
  await page.waitForTimeout(200);
  const s = await page.evaluate(() => window.samples);
  const size = await page.evaluate((name) => {
    const el = name === 'ckeditor5' ? window.editor.ui.getEditableElement() : document.getElementById('note');
    return { text: (name === 'textarea' ? el.value : el.innerText).length, findings: window.handle.report().diagnostics.length };
  }, editor.name);
  // The floor: the same typing with the layer detached, input event → next frame and → after
  // its paint (what the browser costs with none of our code; vsync alignment included).
  await page.evaluate(() => {
    window.handle.detach();
    const floor = { frame: [], painted: [] };
    const channel = new MessageChannel();
    let pending = null;
    channel.port1.onmessage = () => { if (pending !== null) floor.painted.push(performance.now() - pending); pending = null; };
    window.addEventListener('input', () => {
      const start = performance.now();
      requestAnimationFrame(() => {
        floor.frame.push(performance.now() - start);
        pending = start;
        channel.port2.postMessage(0);
      });
    }, { capture: true });
    window.floor = floor;
  });
  await page.keyboard.type(words.repeat(Math.ceil(KEYS / words.length)).slice(0, KEYS), { delay: 40 });
  await page.waitForTimeout(200);
  const floor = await page.evaluate(() => window.floor);
  results.editors[editor.name] = {
    kit_in_flow_ms: stats(s.in_flow), drawn_ms: stats(s.drawn), frame_ms: stats(s.frame), painted_ms: stats(s.painted), kit_check_ms: stats(s.kit),
    floor_frame_ms: stats(floor.frame), floor_painted_ms: stats(floor.painted),
    long_tasks: s.longtasks.length, longest_task_ms: s.longtasks.length ? Math.max(...s.longtasks) : 0,
    text_chars: size.text, findings: size.findings, page_errors: errors,
  };
  await page.close();
}
await browser.close();
server.close();

const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
console.log(`handoff-kit/ui: ${results.note_bytes} B note, ${KEYS} keystrokes at 40 ms, headless Chromium (ms, p50 / p95 / max)`);
console.log('editor           kit (alone)        kit (in the flow)  drawn              frame              painted            floor: frame       floor: painted     long tasks');
for (const [name, r] of Object.entries(results.editors)) {
  const col = (x) => `${f(x.p50)} / ${f(x.p95)} / ${f(x.max)}`.padEnd(19);
  console.log(`${name.padEnd(17)}${col(r.kit_check_ms)}${col(r.kit_in_flow_ms)}${col(r.drawn_ms)}${col(r.frame_ms)}${col(r.painted_ms)}${col(r.floor_frame_ms)}${col(r.floor_painted_ms)}${r.long_tasks} (longest ${f(r.longest_task_ms)})`);
}
if (jsonAt >= 0) {
  const file = args[jsonAt + 1];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
