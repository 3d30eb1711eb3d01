// Readiness before polish (docs/scoring.md, "Readiness: the cap"), as an npm user reads it: a
// report with an error grades D at most, `score.cap` says why, and `score.uncapped_value`
// keeps what the checks earned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { HandoffKit } from 'handoff-kit';

const packets = process.env.HANDOFF_EXAMPLES;
const NOW = '2026-11-21T12:00:00Z';
const kit = new HandoffKit();
const read = (file) => JSON.parse(readFileSync(`${packets}/${file}`, 'utf8'));

test('every example with an error is capped at D and says why; every ready one is not capped', () => {
  const files = readdirSync(packets).filter((f) => f.endsWith('.json'));
  let capped = 0;
  for (const file of files) {
    const { valid, diagnostics, score } = kit.check(read(file), { now: NOW });
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    assert.equal(valid, errors === 0, file);
    if (valid) {
      assert.equal(score.cap, undefined, `${file}: ready, no cap`);
      assert.equal(score.value, score.uncapped_value, file);
      continue;
    }
    capped += 1;
    const s = errors === 1 ? '1 error is' : `${errors} errors are`;
    assert.deepEqual(score.cap, { grade: 'D', value: 69, errors, reason: `not ready: graded D at most until ${s} fixed` }, file);
    assert.ok(['D', 'F'].includes(score.grade), `${file} grades ${score.grade} with an error`);
    assert.equal(score.value, Math.min(score.uncapped_value, 69), file);
  }
  assert.equal(capped, 7, 'the seven examples that are not ready');
});

test('fixing the error lifts the cap: the bad owner email, corrected', () => {
  const packet = read('bad-owner-email.json');
  const before = kit.check(packet, { now: NOW }).score;
  assert.equal(before.value, 69);
  assert.equal(before.grade, 'D');
  assert.ok(before.uncapped_value > 69, `earned ${before.uncapped_value}`);
  packet.owner.email = 'priya.shah@example.com';
  const after = kit.check(packet, { now: NOW });
  assert.equal(after.valid, true, JSON.stringify(after.diagnostics));
  assert.equal(after.score.cap, undefined);
  assert.equal(after.score.value, after.score.uncapped_value);
  assert.ok(after.score.value >= before.uncapped_value);
});

test('a capped report reads the same through the wire as its JSON text', () => {
  const text = readFileSync(`${packets}/missing-owner.json`, 'utf8');
  const fromObject = kit.check(JSON.parse(text), { now: NOW });
  const fromText = kit.check(text, { now: NOW });
  assert.deepEqual(fromObject, fromText);
  assert.deepEqual(Object.keys(fromText.score), ['value', 'grade', 'cap', 'uncapped_value', 'points', 'max_points', 'checks']);
  assert.equal(fromText.score.cap.reason, 'not ready: graded D at most until 1 error is fixed');
  // A second kit has no texts numbered yet: the reason arrives as a new text, the same.
  assert.deepEqual(new HandoffKit().check(text, { now: NOW }).score, fromText.score);
});

test('checkNote caps a note whose packet has an error', () => {
  const report = kit.checkNote('Summary: Refund of 120 EUR on invoice INV-1 is missing.', { now: NOW });
  assert.equal(report.valid, false);
  assert.equal(report.score.cap.errors, report.diagnostics.filter((d) => d.severity === 'error').length);
  assert.ok(report.score.value <= 69);
});
