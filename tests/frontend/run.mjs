// The front-end matrix (issue 19): one small app per tool, built from the packed tarball that
// tests/frontend/run.sh installed, served on 127.0.0.1 and opened in headless Chromium. Each page
// shows the reports for one packet and one note (shared/fixture.js); they must equal, key for
// key, what the Node entry computes for the same input here. Run through run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { HandoffKit } from 'handoff-kit';
import { reports } from './shared/fixture.js';
import { freePort, here, readPage, run, serve, startServer } from './harness.mjs';

const out = join(here, '.out');
const bin = (name) => join(here, 'node_modules/.bin', name);
const vite7 = join(here, 'node_modules/vite7/bin/vite.js');
const artifacts = process.env.HANDOFF_ARTIFACTS;
let browser;
let expected;
/** Per case: milliseconds from navigation to the page showing its reports (bench/frontend.mjs). */
export const timings = {};

before(async () => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  expected = JSON.parse(JSON.stringify(await reports(new HandoffKit())));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  console.log(`# first report after a cold load, ms from navigation: ${JSON.stringify(timings)}`);
});

/** The page's reports for `name` are the Node entry's, and they are real reports. */
function assertReports(result, name, label) {
  const got = result[name];
  assert.ok(got, `${label}: no result for ${name}`);
  assert.equal(got.error, undefined, `${label} ${name}: ${got.error?.message}`);
  assert.equal(typeof got.report.score.value, 'number');
  assert.ok(got.report.diagnostics.some((d) => d.code === 'schema/required' && d.path === '/owner'), `${label} ${name}: the missing owner is reported`);
  assert.match(got.report.sla.deadline, /^\d{4}-\d\d-\d\dT/);
  assert.ok(got.noteReport.score.checks.length >= 12, `${label} ${name}: the note is scored`);
  assert.deepEqual(got, expected, `${label} ${name}: the same reports as the Node entry`);
}

/** `name` failed to load the .wasm with a HandoffKitError of kind init that says `pattern`. */
function assertInitError(result, name, pattern, label) {
  const error = result[name]?.error;
  assert.ok(error, `${label} ${name}: expected an init error, got reports`);
  assert.equal(error.name, 'HandoffKitError', `${label} ${name}: ${error.message}`);
  assert.equal(error.kind, 'init');
  assert.match(error.message, pattern);
}

async function openServed(root, path, label) {
  const server = await serve(root);
  try {
    const page = await readPage(browser, `${server.origin}${path}`, { screenshot: artifacts && join(artifacts, `frontend-${label}.png`) });
    timings[label] = page.elapsed;
    return page.result;
  } finally {
    server.close();
  }
}

async function openDev(command, args, label) {
  const port = await freePort();
  const server = await startServer(command, [...args, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], `http://127.0.0.1:${port}/`);
  try {
    const page = await readPage(browser, `http://127.0.0.1:${port}/`);
    timings[label] = page.elapsed;
    return page.result;
  } finally {
    server.stop();
  }
}

const NOT_SERVED = /handoff_kit_bg\.wasm answered 404[\s\S]*handoff-kit\/inline/;

test('esbuild: handoff-kit/inline works with no plugin; the default entry fails with an init error naming the URL', async () => {
  const dir = join(out, 'esbuild');
  await run(bin('esbuild'), ['apps/esbuild/main.js', '--bundle', '--format=esm', `--outdir=${dir}`, '--log-level=warning']);
  copyFileSync(join(here, 'apps/esbuild/index.html'), join(dir, 'index.html'));
  const result = await openServed(dir, '/', 'esbuild');
  assertReports(result, 'inline', 'esbuild');
  assertInitError(result, 'defaultEntry', NOT_SERVED, 'esbuild');
});

test('Rollup + node-resolve: handoff-kit/inline works with no plugin; the default entry fails clearly', async () => {
  const dir = join(out, 'rollup');
  await run(bin('rollup'), ['-c', 'apps/rollup/rollup.config.mjs', '--silent'], { env: { OUT_DIR: dir } });
  copyFileSync(join(here, 'apps/rollup/index.html'), join(dir, 'index.html'));
  const result = await openServed(dir, '/', 'rollup');
  assertReports(result, 'inline', 'rollup');
  assertInitError(result, 'defaultEntry', NOT_SERVED, 'rollup');
});

test('static page with an import map: default entry, /inline and /worker from node_modules', async () => {
  const result = await openServed(here, '/apps/static/index.html', 'static');
  for (const name of ['direct', 'inline', 'workerApi']) assertReports(result, name, 'static');
  const sharing = result.workerSharing;
  assert.equal(sharing.error, undefined, sharing.error?.message);
  assert.equal(sharing.workers, 1, 'every kit and validator of the page shares one worker');
  assert.ok(sharing.same && sharing.valid && sharing.stillWorks);
  assert.equal(sharing.badBundle.isError, true);
  assert.equal(sharing.badBundle.kind, 'json', sharing.badBundle.message);
  assert.equal(sharing.afterFree.kind, 'input', 'a freed worker kit refuses calls');
  assert.match(sharing.afterFree.message, /was freed/);
  const [pass, fail] = result.workerCases;
  assert.deepEqual([pass.passed, pass.failures, pass.valid], [true, [], false], JSON.stringify(pass));
  assert.equal(fail.passed, false);
  assert.match(fail.failures[0], /^expected a valid handoff, but it has \d+ error\(s\): schema\/required/);
});

test('handoff-kit/worker: a worker that does not start is an init error, and the next createKit starts anew', async () => {
  const result = await openServed(here, '/apps/static/broken-worker.html', 'broken-worker');
  assertInitError(result, 'missing', /The handoff-kit worker \(the worker you passed\) did not start/, 'broken worker');
  assertReports(result, 'recovered', 'broken worker');
});

test('webpack 5, no config beyond entry and output: default entry, a module worker, /worker', async () => {
  const dir = join(out, 'webpack');
  await run(bin('webpack'), ['--config', 'apps/webpack/webpack.config.js'], { env: { OUT_DIR: dir } });
  copyFileSync(join(here, 'apps/webpack/index.html'), join(dir, 'index.html'));
  const result = await openServed(dir, '/', 'webpack');
  for (const name of ['direct', 'moduleWorker', 'workerApi']) assertReports(result, name, 'webpack');
});

for (const [major, cli] of [['8', [bin('vite')]], ['7', [process.execPath, vite7]]]) {
  test(`Vite ${major} build, no config: default entry, a module worker, /worker`, async () => {
    const dir = join(out, `vite${major}`);
    await run(cli[0], [...cli.slice(1), 'build', 'apps/vite', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn']);
    const result = await openServed(dir, '/', `vite${major}-build`);
    for (const name of ['direct', 'moduleWorker', 'workerApi']) assertReports(result, name, `vite ${major} build`);
  });
}

test('Vite 8 dev server, no config: default entry, a module worker, /worker', async () => {
  const result = await openDev(bin('vite'), ['apps/vite'], 'vite8-dev');
  for (const name of ['direct', 'moduleWorker', 'workerApi']) assertReports(result, name, 'vite 8 dev');
});

test('Vite 7 dev server: with no config, init() says the dev server answered HTML and how to fix it', async () => {
  const result = await openDev(process.execPath, [vite7, 'apps/vite', '--force'], 'vite7-dev-noconfig');
  assertInitError(result, 'direct', /answered 200 OK \(text\/html[^)]*\), not the \.wasm[\s\S]*optimizeDeps: \{ exclude: \['handoff-kit'\] \}/, 'vite 7 dev');
});

test("Vite 7 dev server with optimizeDeps.exclude ['handoff-kit'] (the README's fix): all three work", async () => {
  const result = await openDev(process.execPath, [vite7, 'apps/vite', '--force', '--config', 'apps/vite/vite.exclude.config.js'], 'vite7-dev');
  for (const name of ['direct', 'moduleWorker', 'workerApi']) assertReports(result, name, 'vite 7 dev');
});

/** Long tasks (> 50 ms) on the main thread of a cold page, and when its first report came. */
export const longTasks = {};

test('handoff-kit/worker: no main-thread long task over 50 ms from the kit (direct use measured beside it)', async () => {
  for (const mode of ['direct', 'worker']) {
    const result = await openServed(here, `/apps/longtask/${mode}.html`, `longtask-${mode}`);
    assert.deepEqual(result.first, expected, `${mode}: the same reports as the Node entry`);
    longTasks[mode] = result;
    console.log(`# ${mode}: long tasks ${JSON.stringify(result.longTasks)}, first report at ${result.firstReportMs} ms`);
  }
  const over = longTasks.worker.longTasks.filter((t) => t.duration > 50);
  assert.deepEqual(over, [], 'no long task with handoff-kit/worker');
});

test('Parcel 2, no config: default entry, a module worker, /worker', async () => {
  const dir = join(out, 'parcel');
  await run(bin('parcel'), ['build', 'apps/parcel/index.html', '--dist-dir', dir, '--cache-dir', 'node_modules/.cache/parcel',
    '--no-source-maps', '--no-autoinstall', '--public-url', './']);
  const result = await openServed(dir, '/', 'parcel');
  for (const name of ['direct', 'moduleWorker', 'workerApi']) assertReports(result, name, 'parcel');
});

test('Next.js 16 app router, next build && next start: server component, client component, route handler', async () => {
  const env = { NEXT_TELEMETRY_DISABLED: '1' };
  await run(bin('next'), ['build', 'apps/next'], { env });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startServer(bin('next'), ['start', 'apps/next', '--port', String(port), '--hostname', '127.0.0.1'], `${origin}/`, { env });
  try {
    const route = await (await fetch(`${origin}/api/report`)).json();
    assert.deepEqual(route, expected, 'route handler: the same reports as the Node entry');
    const page = await readPage(browser, `${origin}/`, { screenshot: artifacts && join(artifacts, 'frontend-next.png') });
    timings.next = page.elapsed;
    assertReports(page.result, 'direct', 'next client component');
    const html = await (await fetch(`${origin}/`)).text();
    const prerendered = JSON.parse(html.match(/<pre id="server">([^<]*)<\/pre>/)[1].replaceAll('&quot;', '"').replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#x27;', "'"));
    assert.deepEqual(prerendered, expected.report, 'server component, prerendered at build: the same report');
  } finally {
    server.stop();
  }
});
