// The npm package through require(), as a CommonJS project uses it.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const { HandoffKit, HandoffKitError, Validator } = require('handoff-kit');

test('require() gives a ready kit, no await', () => {
  const kit = new HandoffKit();
  const text = readFileSync(`${process.env.HANDOFF_EXAMPLES}/missing-owner.json`, 'utf8');
  const report = kit.check(text, { now: '2026-11-21T12:00:00Z' });
  assert.equal(report.valid, false);
  assert.equal(report.diagnostics[0].path, '/owner');
  assert.equal(typeof report.score.value, 'number');
});

test('errors are HandoffKitError instances under require() too', () => {
  assert.throws(() => new Validator('{"type": '), (e) => e instanceof HandoffKitError && e.kind === 'json');
});

test('ESM and CommonJS share one module instance', async () => {
  const esm = await import('handoff-kit');
  assert.equal(esm.HandoffKit, HandoffKit);
});
