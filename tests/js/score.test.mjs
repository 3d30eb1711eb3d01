// The score as an npm user reads it (docs/scoring.md): notes with nothing in them score F,
// checks with nothing to look at give no points, and the breakdown adds up to the score.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { HandoffKit } from 'handoff-kit';

const packets = process.env.HANDOFF_EXAMPLES;
const NOW = '2026-11-21T12:00:00Z';
const kit = new HandoffKit();

function assertAddsUp(score, what) {
  const points = score.checks.reduce((sum, c) => sum + c.points, 0);
  const atStake = score.checks.reduce((sum, c) => sum + c.max_points, 0);
  assert.equal(score.points, points, `${what}: points add up`);
  assert.equal(score.max_points, atStake, `${what}: points at stake add up`);
  if (atStake > 0) assert.equal(score.uncapped_value, Math.round((100 * points) / atStake), what);
  assert.equal(score.value, score.cap ? Math.min(score.uncapped_value, score.cap.value) : score.uncapped_value, what);
  for (const check of score.checks) {
    assert.ok(['passed', 'failed', 'not_applicable'].includes(check.status), `${what}: ${check.id}`);
    if (check.status === 'not_applicable') {
      assert.equal(check.max_points, 0, `${what}: ${check.id} puts nothing at stake`);
      assert.equal(typeof check.reason, 'string', `${what}: ${check.id} says why`);
    }
  }
}

// Issue 12 §5: checkNote('') scored 58/F, and "ok" and "Sent to billing." 53, from checks
// that had nothing to look at.
test('checkNote of an empty or one-line note scores F with no points for checks with nothing to look at', () => {
  const empty = kit.checkNote('', { now: NOW }).score;
  assert.equal(empty.value, 0);
  assert.equal(empty.grade, 'F');
  assert.deepEqual(empty.checks.filter((c) => c.points > 0), []);
  assert.ok(empty.checks.every((c) => c.status !== 'passed'), JSON.stringify(empty.checks));
  assertAddsUp(empty, "''");
  for (const text of ['ok', 'Sent to billing.']) {
    const { score } = kit.checkNote(text, { now: NOW });
    assert.ok(score.value <= 20, `${text} scores ${score.value}`);
    assert.equal(score.grade, 'F', text);
    assertAddsUp(score, text);
    // Only the checks that read the note's one line, its summary, may earn anything.
    const earning = score.checks.filter((c) => c.points > 0).map((c) => c.id);
    assert.ok(earning.every((id) => ['completeness', 'too-much-noise'].includes(id)), `${text}: ${earning}`);
  }
});

test('every example packet has a status and reason per check, adding up to its score', () => {
  const files = readdirSync(packets).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 18);
  for (const file of files) {
    const report = kit.check(readFileSync(`${packets}/${file}`, 'utf8'), { now: NOW });
    assertAddsUp(report.score, file);
    const cap = report.valid ? [] : ['cap'];
    assert.deepEqual(Object.keys(report.score), ['value', 'grade', ...cap, 'uncapped_value', 'points', 'max_points', 'checks']);
  }
});

test('a consult whose customer was not told is not applicable for customer-not-informed, and says why', () => {
  const packet = JSON.parse(readFileSync(`${packets}/billing_to_finance-good.json`, 'utf8'));
  packet.handoff.mode = 'consult';
  packet.customer.informed_of_handoff = false;
  const { score } = kit.check(packet, { now: NOW });
  const check = score.checks.find((c) => c.id === 'customer-not-informed');
  assert.deepEqual(check, {
    id: 'customer-not-informed',
    status: 'not_applicable',
    points: 0,
    max_points: 0,
    reason: 'A consult keeps the case with you: the customer need not be told about it.',
  });
  assert.equal(score.max_points, 95);
  assert.equal(score.value, 100);
});
