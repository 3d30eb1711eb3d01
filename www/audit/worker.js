// The audit page's module worker: reads the picked files as streams (File.stream()), pushes
// each chunk to handoff-kit/audit's Auditor and posts progress; then the report (JSON and HTML).
// The Auditor stays, so the page can ask for the report grouped another way without reading
// the files again. Messages in: { type: 'audit', files, bundle, by, wasm } | { type: 'report', by }.
// Out: { type: 'progress', bytes, lines, total } | { type: 'report', json, html, seconds } | { type: 'error', message, kind, diagnostics }.
import init, { Auditor } from 'handoff-kit/audit';

let auditor;
// Progress at most every PROGRESS_MS, so that the page draws a bar, not a queue of messages.
const PROGRESS_MS = 100;

function report(by) {
  const json = auditor.report({ by });
  const html = auditor.report({ by, format: 'html' });
  return { type: 'report', json, html };
}

async function audit({ files, bundle, by, wasm }) {
  const started = performance.now();
  await init(wasm);
  auditor?.free();
  auditor = undefined;
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const next = new Auditor({ bundle, file: files[0]?.name ?? '-' });
  let bytes = 0;
  let lines = 0;
  let posted = 0;
  for (const [k, file] of files.entries()) {
    if (k > 0) {
      lines += next.lines;
      next.startFile(file.name);
    }
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      next.push(value);
      bytes += value.byteLength;
      const now = performance.now();
      if (now - posted >= PROGRESS_MS) {
        posted = now;
        postMessage({ type: 'progress', bytes, lines: lines + next.lines, total });
      }
    }
  }
  postMessage({ type: 'progress', bytes, lines: lines + next.lines, total });
  auditor = next;
  return { ...report(by), seconds: (performance.now() - started) / 1000 };
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === 'audit') postMessage(await audit(data));
    else if (data.type === 'report' && auditor) postMessage(report(data.by));
  } catch (error) {
    postMessage({ type: 'error', message: error?.message ?? String(error), kind: error?.kind ?? 'internal', diagnostics: error?.diagnostics ?? [] });
  }
};
