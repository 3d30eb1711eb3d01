// The package as type checkers and package linters see it: tsc --noEmit for the `bundler`,
// `node16` (.mts and .cts) and `nodenext` resolutions, @arethetypeswrong/cli over the packed
// tarball and publint over the installed package, each with no problem at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { here, run } from './harness.mjs';

const bin = (name) => join(here, 'node_modules/.bin', name);

for (const project of ['bundler', 'node16', 'nodenext']) {
  test(`tsc --noEmit, moduleResolution ${project}`, async () => {
    await run(bin('tsc'), ['-p', `types/${project}/tsconfig.json`]);
  });
}

// kit-worker.js (a worker script) and handoff_kit_bg.wasm (for runtimes that compile .wasm
// imports) are files to point at, not modules to require: attw checks every other entry point.
// handoff-kit/ui is ESM only by design (browser pages): checked alone, where `require` resolving
// to ESM is the one expected finding.
test('@arethetypeswrong/cli: no problem for any module entry point in any resolution', async () => {
  const output = await run(bin('attw'), [
    process.env.HANDOFF_TARBALL, '--format', 'table-flipped',
    '--exclude-entrypoints', 'kit-worker.js', 'handoff_kit_bg.wasm', 'ui',
  ]);
  assert.match(output, /No problems found/, output);
  const ui = await run(bin('attw'), [
    process.env.HANDOFF_TARBALL, '--format', 'table-flipped', '--entrypoints', 'ui',
    '--ignore-rules', 'cjs-resolves-to-esm',
  ]);
  assert.match(ui, /No problems found/, ui);
});

test('publint: no error, warning or suggestion', async () => {
  const output = await run(bin('publint'), ['run', join(here, 'node_modules/handoff-kit'), '--level', 'suggestion']);
  assert.doesNotMatch(output, /Errors:|Warnings:|Suggestions:/, output);
});
