// The audit in the browser (bench/audit-web.md): a ~100 MB export written by
// the generator (bench/audit_export.rs), picked on the audit page (www/audit/) in headless
// Chromium and audited in its worker through handoff-kit/audit; side by side with the native
// CLI on the same file (both cores, and one). Figures: wall time and MB/s (MB = 10^6 bytes),
// the ratio to the CLI, the longest main-thread task seen by a PerformanceObserver (`longtask`
// reports tasks of 50 ms and more) and the longest gap of a setTimeout(0) heartbeat on the main
// thread (any freeze, small ones too). The page's report must equal the CLI's.
// Needs dist/www and the release CLI (make build). Usage: node bench/audit-web.mjs [--mb N]
// [--json FILE] [--keep] (--keep: leave the export in target/audit-bench/).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { start, repo } from '../tests/www/harness.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const MB = Number(option('--mb', 100));
const out = option('--json', join(repo, 'bench/results/audit-web.json'));
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'handoff', '--example', 'audit'], { cwd: repo, stdio: 'inherit' });
const folder = join(repo, 'target/audit-bench');
mkdirSync(folder, { recursive: true });
const file = join(folder, `web-${MB}mb.ndjson`);
// About 3,900 bytes a ticket (1–3 handoff lines each), a bad line every 1,000 tickets.
if (!existsSync(file)) execFileSync(join(repo, 'target/release/examples/audit'), ['--generate', String(Math.round(MB * 1e6 / 3900)), file, '--seed', '1', '--bad-every', '1000']);
const bytes = statSync(file).size;

// Native: best of three wall times of `handoff audit FILE --format json`, on every core and on one.
function native(threads) {
  let best = Infinity;
  let report;
  for (let k = 0; k < 3; k++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(join(repo, 'target/release/handoff'), ['audit', basename(file), '--format', 'json'], {
      cwd: folder, maxBuffer: 1 << 28, env: { ...process.env, ...(threads ? { RAYON_NUM_THREADS: String(threads) } : {}) },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`handoff audit failed: ${run.stderr}`);
    report = JSON.parse(run.stdout);
    best = Math.min(best, seconds);
  }
  return { seconds: best, report };
}

const results = { file_bytes: bytes, cpus: cpus().length, load_average_before: round(loadavg()[0], 2) };
const both = native(0);
const one = native(1);
results.native = { seconds: round(both.seconds, 3), mb_per_s: round(bytes / 1e6 / both.seconds), one_core_seconds: round(one.seconds, 3), one_core_mb_per_s: round(bytes / 1e6 / one.seconds) };

// Chromium: the page's own clock from the pick to the report drawn, the worker's from its start
// to the report made, and the main thread's long tasks and heartbeat gaps over that time.
const env = await start();
const page = await env.context.newPage();
await page.addInitScript(() => {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.heartbeat = { last: 0, gaps: [] };
  const beat = () => {
    const now = performance.now();
    if (window.heartbeat.last) window.heartbeat.gaps.push({ at: now, gap: now - window.heartbeat.last });
    window.heartbeat.last = now;
    setTimeout(beat, 0);
  };
  beat();
});
await page.goto(`${env.url}audit/`);
await page.waitForFunction(() => window.auditPage?.state === 'idle');
await page.setInputFiles('#file', file);
await page.waitForFunction(() => ['done', 'failed'].includes(window.auditPage.state), null, { timeout: 600_000, polling: 500 });
await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
const seen = await page.evaluate(() => {
  const { startedAt, doneAt, seconds, state, report } = window.auditPage;
  const during = (t) => t >= startedAt;
  return {
    state,
    report,
    page_seconds: (doneAt - startedAt) / 1000,
    worker_seconds: seconds,
    long_tasks: window.longTasks.filter((t) => during(t.start)),
    longest_gap_ms: Math.max(0, ...window.heartbeat.gaps.filter((g) => during(g.at)).map((g) => g.gap)),
    error: document.querySelector('#error')?.textContent ?? '',
  };
});
await env.close();
if (seen.state !== 'done') throw new Error(`the page did not finish: ${seen.error}`);
const same = isDeepStrictEqual(seen.report, both.report);
const longest = Math.max(0, ...seen.long_tasks.map((t) => t.duration));
results.browser = {
  seconds: round(seen.page_seconds, 3),
  worker_seconds: round(seen.worker_seconds, 3),
  mb_per_s: round(bytes / 1e6 / seen.page_seconds),
  long_tasks_over_50_ms: seen.long_tasks.length,
  longest_long_task_ms: round(longest),
  longest_heartbeat_gap_ms: round(seen.longest_gap_ms),
  report_equals_cli: same,
};
results.ratio_to_native = round(results.browser.seconds / results.native.seconds, 2);
results.ratio_to_native_one_core = round(results.browser.seconds / results.native.one_core_seconds, 2);
results.load_average_after = round(loadavg()[0], 2);
if (!args.includes('--keep')) rmSync(file, { force: true });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

const b = results.browser;
const n = results.native;
console.log(`Audit of ${round(bytes / 1e6)} MB (${seen.report.lines} lines), load average ${results.load_average_before} on ${results.cpus} CPUs:`);
console.log(`  native CLI, both cores: ${n.seconds} s (${n.mb_per_s} MB/s); one core: ${n.one_core_seconds} s (${n.one_core_mb_per_s} MB/s)`);
console.log(`  Chromium page (worker, one core): ${b.seconds} s from the pick to the report drawn (${b.mb_per_s} MB/s; worker ${b.worker_seconds} s), ${results.ratio_to_native}x the CLI's time on both cores, ${results.ratio_to_native_one_core}x on one`);
console.log(`  main thread: ${b.long_tasks_over_50_ms} tasks over 50 ms (longest ${b.longest_long_task_ms} ms); longest heartbeat gap ${b.longest_heartbeat_gap_ms} ms; report equals the CLI's: ${same}`);
if (!same || b.long_tasks_over_50_ms > 0) {
  console.error('bench/audit-web.mjs: PAST ITS LIMIT: ' + [!same && 'the report differs from the CLI\'s', b.long_tasks_over_50_ms > 0 && 'a main-thread task over 50 ms'].filter(Boolean).join(', '));
  if (args.includes('--strict')) process.exitCode = 1;
}
