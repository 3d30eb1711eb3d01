// The bundle's teams and regression cases through the npm package: kit.runCases() gives what
// `handoff bundle test` gives, each report the same as kit.check of the case's packet.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import test from 'node:test';
import { HandoffKit, HandoffKitError, Validator } from 'handoff-kit';

const require = createRequire(import.meta.url);
const acme = JSON.parse(readFileSync(`${process.env.HANDOFF_REPO}/examples/bundles/acme.bundle.json`, 'utf8'));
const reportSchema = JSON.parse(readFileSync(require.resolve('handoff-kit/schemas/report.schema.json'), 'utf8'));
const reportValidator = new Validator(reportSchema);

test('runCases runs the example bundle\'s cases: all pass, with their reports', () => {
  const kit = new HandoffKit(acme);
  const results = kit.runCases();
  assert.deepEqual(results.map((r) => [r.name, r.passed, r.failures]), acme.cases.map((c) => [c.name, true, []]));
  for (const result of results) assert.deepEqual(reportValidator.validate(result.report), []);
  const first = acme.cases[0];
  assert.deepEqual(results[0].report, kit.check(first.packet, { now: first.now }));
  assert.equal(results[0].report.sla.team, 'finance');
  assert.equal(results[0].report.sla.calendar, 'finance_hours');
  // A second run numbers no text twice (the kit's text table is shared with check()).
  assert.deepEqual(kit.runCases(), results);
});

test('runCases says what failed, in the words of handoff bundle test', () => {
  const bundle = structuredClone(acme);
  bundle.cases[0].expect.deadline = '2026-11-16T11:00:00+01:00';
  bundle.cases[1].expect.valid = true;
  const results = new HandoffKit(bundle).runCases();
  assert.deepEqual(results.map((r) => r.passed), [false, false, true]);
  assert.deepEqual(results[0].failures, [
    'expected the deadline 2026-11-16T11:00:00+01:00, but it is 2026-11-16T11:05:00Z',
  ]);
  assert.deepEqual(results[1].failures, ['expected a valid handoff, but it has 1 error(s): schema/required']);
});

test('a kit without cases runs none; a case with a typo is a bundle error with its path', () => {
  assert.deepEqual(new HandoffKit().runCases(), []);
  const bundle = structuredClone(acme);
  bundle.cases[0].expect.min_grad = 'B';
  let error;
  try {
    new HandoffKit(bundle);
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof HandoffKitError);
  assert.equal(error.kind, 'bundle');
  assert.match(error.message, /\/cases\/0\/expect\/min_grad/);
});

test('a page\'s team name resolves through the bundle\'s teams', () => {
  const kit = new HandoffKit(acme);
  const packet = structuredClone(acme.cases[0].packet);
  packet.handoff.to.team = '  FINANCE-queue ';
  const { sla } = kit.check(packet);
  assert.deepEqual([sla.team, sla.policy, sla.calendar], ['finance', 'finance-urgent', 'finance_hours']);
  packet.handoff.to.team = 'Nobody We Know';
  assert.equal(kit.check(packet).sla.team, 'nobody we know');
});
