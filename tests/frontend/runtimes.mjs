// Runtimes from the npm registry: Node ESM and CommonJS, a server build (the Node entry bundled
// by esbuild and run where only the bundle may be read), Bun, Deno, and workerd via miniflare.
// Each prints the reports for the fixture; they must equal the Node entry's here.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { HandoffKit } from 'handoff-kit';
import { reports } from './shared/fixture.js';
import { here, run } from './harness.mjs';

const bin = (name) => join(here, 'node_modules/.bin', name);
const out = join(here, '.out/runtimes');
let expected;

before(async () => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  expected = JSON.parse(JSON.stringify(await reports(new HandoffKit())));
});

function assertPrinted(output, label) {
  const line = output.trim().split('\n').at(-1);
  assert.deepEqual(JSON.parse(line), expected, `${label}: the same reports as the Node entry`);
}

test('Node ESM: import, ready on import', async () => {
  assertPrinted(await run(process.execPath, ['runtimes/app.mjs']), 'node esm');
});

test('Node CommonJS: require', async () => {
  assertPrinted(await run(process.execPath, ['runtimes/app.cjs']), 'node cjs');
});

test('a server build: the Node entry bundled by esbuild runs where only the bundle may be read', async () => {
  const bundle = join(out, 'server.mjs');
  await run(bin('esbuild'), ['runtimes/app.mjs', '--bundle', '--platform=node', '--format=esm', `--outfile=${bundle}`, '--log-level=warning']);
  // Node's permission model: reading any other file (a .wasm next to the module) would throw.
  const output = await run(process.execPath, ['--experimental-permission', `--allow-fs-read=${bundle}`, bundle]);
  assertPrinted(output, 'server bundle');
});

test('Bun (npm package bun)', async () => {
  assertPrinted(await run(bin('bun'), ['runtimes/app.mjs']), 'bun');
});

test('Deno (npm package deno), with the project node_modules', async () => {
  const output = await run(bin('deno'), ['run', '--quiet', '--no-prompt', '--allow-read', '--allow-env', 'runtimes/app.mjs'], {
    env: { DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(here, 'node_modules/.cache/deno') },
  });
  assertPrinted(output, 'deno');
});

test('Cloudflare workerd via miniflare: WebAssembly.Module import + handoff-kit/slim', async () => {
  const dir = join(out, 'workerd');
  // As wrangler does: bundle the JS, keep the .wasm a separate module that workerd compiles.
  await run(bin('esbuild'), ['runtimes/workerd.mjs', '--bundle', '--format=esm', '--platform=neutral',
    '--conditions=workerd,worker,browser', '--loader:.wasm=copy', `--outdir=${dir}`, '--log-level=warning']);
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(dir, 'workerd.js'),
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: '2026-07-30',
  });
  try {
    const response = await mf.dispatchFetch('http://127.0.0.1/');
    assertPrinted(await response.text(), 'workerd');
  } finally {
    await mf.dispose();
  }
  assert.ok(readdirSync(dir).some((f) => f.endsWith('.wasm')));
});
