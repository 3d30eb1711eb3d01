// Instances nobody frees are released when they are garbage-collected: the wasm-bindgen glue
// registers every core object with a FinalizationRegistry. Measured on the wasm side, through the
// glue (not part of the package's API): the number of live core objects (`liveCoreObjects`) and
// the size of wasm memory. Needs `node --expose-gc` (tests/js/run.sh passes it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { HandoffKit, Validator } from 'handoff-kit';
// The same module instance the package uses: the file api.js imports.
import * as glue from './node_modules/handoff-kit/handoff_kit.js';

const wasm = glue.initSync(); // already initialised on import: returns the instance's exports
const live = () => glue.liveCoreObjects();
const memoryMb = () => wasm.memory.buffer.byteLength / 2 ** 20;

// Full collections until the registry's callbacks (which run in later tasks) have caught up,
// or a few when there is nothing to wait for.
async function collect(until) {
  const rounds = until === undefined ? 3 : 50;
  for (let round = 0; round < rounds && !until?.(); round++) {
    globalThis.gc();
    await sleep(10);
  }
}

// A validator holding ~60 KB of its own in wasm memory (a distinct 1,000-value enum).
const bigValidator = (i) => new Validator({ enum: Array.from({ length: 1000 }, (_, k) => `value ${i} ${k}`) });

test('node runs with --expose-gc', () => {
  assert.equal(typeof globalThis.gc, 'function', 'run the JS tests through tests/js/run.sh');
});

test('dropped HandoffKits and Validators are freed by the FinalizationRegistry', async () => {
  await collect();
  const before = live();
  // Control: while referenced, every object stays alive, so the counter can see a leak.
  let kept = [];
  for (let i = 0; i < 10; i++) kept.push(new HandoffKit(), new Validator({ const: i }));
  await collect();
  assert.equal(live(), before + 20, 'referenced objects are alive');
  kept = null;
  // Dropped without free(): only the registry can release them.
  for (let i = 0; i < 10; i++) {
    new HandoffKit().validate({ ticket: { id: `T-${i}` } });
    new Validator({ const: i }).isValid(i);
  }
  await collect(() => live() === before);
  assert.equal(live(), before, 'every dropped object was freed');
});

test('wasm memory does not grow over many unreferenced validators', async () => {
  // Warm up: the allocator reaches the size one round needs.
  const roundObjects = 30;
  for (let i = 0; i < roundObjects; i++) bigValidator(i).isValid('value 0 0');
  await collect();
  const baseline = memoryMb();
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < roundObjects; i++) bigValidator(round * roundObjects + i).isValid('x');
    await collect();
  }
  const grown = memoryMb() - baseline;
  // Kept, as many validators take far more (the control below measures it).
  let kept = [];
  const beforeKept = memoryMb();
  for (let i = 0; i < 5 * roundObjects; i++) kept.push(bigValidator(10_000 + i));
  const keptGrowth = memoryMb() - beforeKept;
  kept = null;
  await collect();
  console.log(`finalization: ${5 * roundObjects} dropped validators grew wasm memory by ${grown} MB; as many kept ones by ${keptGrowth} MB`);
  assert.ok(keptGrowth >= 4, `the control must be able to fail the test: kept validators grew memory by ${keptGrowth} MB`);
  assert.ok(grown <= keptGrowth / 8, `dropped validators grew wasm memory by ${grown} MB`);
});
