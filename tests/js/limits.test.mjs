// The ceilings of src/limits.rs (README, "Limits") through the packed package: past one, a
// HandoffKitError of kind 'limit' naming the limit, the size met and the path, at once; the
// next call still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HandoffKit, HandoffKitError, Validator } from 'handoff-kit';

const packets = process.env.HANDOFF_EXAMPLES;
const good = readFileSync(`${packets}/voice_to_chat-good.json`, 'utf8');
const kit = new HandoffKit();

/** The error `run` throws, which must be a HandoffKitError of kind 'limit', and how long it took. */
function refused(run) {
  const started = performance.now();
  try {
    run();
  } catch (error) {
    const took = performance.now() - started;
    assert.ok(error instanceof HandoffKitError, `expected a HandoffKitError, got ${error}`);
    assert.equal(error.kind, 'limit', error.message);
    return { error, took };
  }
  return assert.fail('expected an error of kind limit');
}

test('a packet past packet-bytes is refused at once with kind limit; the next check works', () => {
  const ceiling = 4 * 1024 * 1024;
  const base = '{"ticket": {"id": "T-1"}, "summary": ""}';
  const packet = (bytes) => `{"ticket": {"id": "T-1"}, "summary": "${'x'.repeat(bytes - base.length)}"}`;
  const { error, took } = refused(() => kit.check(packet(ceiling + 1)));
  assert.equal(
    error.message,
    'The packet has 4,194,305 bytes, more than the limit packet-bytes of 4,194,304 bytes (at /).',
  );
  // The text crosses into wasm (a copy) before the check; still well under a keystroke.
  assert.ok(took < 200, `${took} ms`);
  assert.ok(kit.check(packet(ceiling)).score !== undefined);
  assert.equal(kit.validate(good).length, 0);
});

test('keys-per-object and json-depth name the path; a note past note-bytes is refused', () => {
  const members = Array.from({ length: 10_001 }, (_, i) => `"k${i}": ${i}`).join(',');
  const wide = refused(() => kit.validate(`{"ticket": {"custom": {${members}}}}`)).error;
  assert.match(wide.message, /has 10,001 keys, more than the limit keys-per-object of 10,000 keys \(at \/ticket\/custom\)/);
  const deep = refused(() => new Validator({}).validateText('['.repeat(200) + ']'.repeat(200))).error;
  assert.match(deep.message, /limit json-depth of 128 levels \(at (\/0){127}\) \(line 1, column 128\)$/);
  const note = 'Summary\n' + 'word '.repeat(2 * 1024 * 1024);
  const past = refused(() => kit.checkNote(note));
  assert.match(past.error.message, /^The note has 10,485,768 bytes, more than the limit note-bytes/);
  assert.ok(past.took < 200, `${past.took} ms`);
  refused(() => kit.parseNote(note));
  assert.equal(kit.check(good, { now: '2026-11-21T12:00:00Z' }).valid, true);
});

test('calendar and deadline ceilings give kind limit with the field', () => {
  const request = (calendar, target = { unit: 'business_hours', value: 4 }) => ({
    calendar,
    start: '2026-07-03T16:00:00Z',
    target,
  });
  const week = { mon: Array.from({ length: 1_441 }, () => ['09:00', '10:00']) };
  const tooMany = refused(() => kit.deadline(request({ time_zone: 'UTC', week }))).error;
  assert.match(tooMany.message, /limit intervals-per-day of 1,440 intervals \(at \/calendar\/week\/mon\)/);
  const tooFar = refused(() => kit.deadline(request('default', { unit: 'business_days', value: 3_001 }))).error;
  assert.match(tooFar.message, /has 3,001 days, more than the limit target-business-days/);
  refused(() => kit.businessMinutesBetween('default', '2000-01-01T00:00:00Z', '2100-03-18T00:00:00Z'));
  assert.ok(kit.businessMinutesBetween('default', '2000-01-01T00:00:00Z', '2100-03-17T00:00:00Z') > 0);
  assert.equal(typeof kit.deadline(request('default', { unit: 'business_days', value: 3_000 })).deadline, 'string');
});

test('every ceiling that refuses is kind limit through the package: bundle, schema and SLA texts too', () => {
  const members = (n, value = '1') => Array.from({ length: n }, (_, i) => `"k${i}": ${value}`).join(',');
  // bundle-bytes, and keys-per-object / json-depth in a bundle text (not only in packets).
  const bundle = '{"bundle": "acme", "version": "1.0.0"}';
  const big = refused(() => new HandoffKit(bundle + ' '.repeat(4 * 1024 * 1024))).error;
  assert.match(big.message, /more than the limit bundle-bytes of 4,194,304 bytes \(at \/\)/);
  const wideBundle = `{"bundle": "acme", "version": "1.0.0", "vocabulary": {"teams": {${members(10_001, '"finance"')}}}}`;
  const wide = refused(() => new HandoffKit(wideBundle)).error;
  assert.match(wide.message, /has 10,001 keys, more than the limit keys-per-object of 10,000 keys \(at \/vocabulary\/teams\)/);
  const deepBundle = `{"bundle": "acme", "x": ${'['.repeat(200)}${']'.repeat(200)}}`;
  assert.match(refused(() => new HandoffKit(deepBundle)).error.message, /limit json-depth of 128 levels \(at \/x(\/0){126}\)/);
  // schema-bytes, keys-per-object and schema-values in a schema text.
  const longSchema = { description: 'x'.repeat(4 * 1024 * 1024) };
  assert.match(refused(() => new Validator(longSchema)).error.message, /more than the limit schema-bytes of 4,194,304 bytes \(at \/\)/);
  const wideSchema = `{"properties": {${members(10_001, '{}')}}}`;
  assert.match(refused(() => new Validator(wideSchema)).error.message, /limit keys-per-object of 10,000 keys \(at \/properties\)/);
  const manyValues = { enum: Array.from({ length: 200_001 }, (_, i) => i) };
  assert.match(refused(() => new Validator(manyValues)).error.message, /schema-values/);
  // holidays and exceptions of a calendar; a deadline not reached within sla-span-days.
  const request = (calendar, target = { unit: 'business_hours', value: 4 }) => ({
    calendar,
    start: '2026-07-03T16:00:00Z',
    target,
  });
  const week = { mon: [['09:00', '17:00']] };
  const holidays = Array.from({ length: 10_001 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
  assert.match(
    refused(() => kit.deadline(request({ time_zone: 'UTC', week, holidays }))).error.message,
    /limit holidays of 10,000 holidays \(at \/calendar\/holidays\)/,
  );
  const exceptions = holidays.map((date) => ({ date, hours: [] }));
  assert.match(
    refused(() => kit.deadline(request({ time_zone: 'UTC', week, exceptions }))).error.message,
    /limit exceptions of 10,000 exceptions \(at \/calendar\/exceptions\)/,
  );
  const minute = { time_zone: 'UTC', week: { mon: [['09:00', '09:01']] } };
  const far = refused(() => kit.deadline(request(minute, { unit: 'business_minutes', value: 2_000_000 })));
  assert.equal(
    far.error.message,
    'The deadline is not reached within 36,600 days of the start, the limit sla-span-days (at /target).',
  );
  assert.equal(far.error.diagnostics[0].path, '/target');
  assert.ok(far.took < 200, `${far.took} ms`);
  // Every ceiling was refused without breaking the kit.
  assert.equal(typeof kit.deadline(request(minute, { unit: 'business_minutes', value: 5_200 })).deadline, 'string');
  assert.equal(kit.validate(good).length, 0);
});
