// A real trap inside wasm (memory exhausted at wasm32's 4 GB while parsing a 400 MB array)
// becomes a HandoffKitError, and every object keeps working afterwards: the JS layer
// re-instantiates the module and rebuilds each core object from the inputs it kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HandoffKit, HandoffKitError, Validator } from 'handoff-kit';

test('after a trap inside wasm, the next call works', () => {
  const kit = new HandoffKit();
  const arrays = new Validator({ type: 'array' });
  const before = kit.validate('{"ticket": {}}');
  // Reports name recurring texts by number in a table the core and the JS side share: a new
  // core after the trap must start the table again.
  const packet = { summary: 'Charged twice', owner: { name: 'Finance' }, handoff: { scenario: 'billing_to_finance' } };
  const reportBefore = kit.check(packet, { now: '2026-11-21T12:00:00Z' });

  const huge = `[${'0,'.repeat(200_000_000)}0]`;
  let error;
  try {
    arrays.isValidText(huge);
  } catch (caught) {
    error = caught;
  }
  assert.ok(error instanceof HandoffKitError, `expected a HandoffKitError, got ${error}`);
  assert.equal(error.kind, 'internal');
  assert.match(error.message, /restarted; the next call will work/);

  assert.deepEqual(kit.validate('{"ticket": {}}'), before, 'an existing kit works');
  assert.deepEqual(kit.check(packet, { now: '2026-11-21T12:00:00Z' }), reportBefore, 'and reports as before');
  assert.equal(arrays.isValidText('[1]'), true, 'an existing validator works');
  assert.equal(new Validator({ type: 'string' }).isValid('x'), true, 'new objects work');
});
