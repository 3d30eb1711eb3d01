// Weights per scenario through the npm package (docs/scoring.md, "Weights per scenario"): a
// bundle's rubric.scenario_weights changes what each check is worth for that scenario only,
// checks[].max_points show it, the breakdown still adds up, and a bundle that breaks the
// rules is refused with a bundle error naming the path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HandoffKit } from 'handoff-kit';

const packets = process.env.HANDOFF_EXAMPLES;
const NOW = '2026-11-21T12:00:00Z';
const read = (file) => JSON.parse(readFileSync(`${packets}/${file}`, 'utf8'));
const bundle = (rubric) => ({ bundle: 'acme', version: '1.0.0', rubric });
const check = (kit, packet) => kit.check(packet, { now: NOW }).score;
const entry = (score, id) => score.checks.find((c) => c.id === id);

function addsUp(score, what) {
  const points = score.checks.reduce((n, c) => n + c.points, 0);
  const atStake = score.checks.reduce((n, c) => n + c.max_points, 0);
  assert.equal(score.points, points, what);
  assert.equal(score.max_points, atStake, what);
  assert.equal(score.uncapped_value, atStake === 0 ? 0 : Math.round((100 * points) / atStake), what);
}

test('a scenario\'s weights apply to that scenario only and show in max_points', () => {
  const kit = new HandoffKit(bundle({ scenario_weights: { billing_to_finance: { 'owner-not-a-person': 60, 'late-handoff': 0 } } }));
  const builtin = new HandoffKit();
  const billing = read('billing-missing-invoice.json');
  assert.equal(billing.handoff.scenario, 'billing_to_finance');
  const tuned = check(kit, billing);
  assert.equal(entry(tuned, 'owner-not-a-person').max_points, 60);
  assert.equal(entry(tuned, 'late-handoff').max_points, 0);
  addsUp(tuned, 'billing');
  const other = read('support_to_engineering-good.json');
  assert.notEqual(other.handoff.scenario, 'billing_to_finance');
  assert.deepEqual(check(kit, other), check(builtin, other), 'other scenarios keep their weights');
});

test('a team as owner costs what the scenario says it costs', () => {
  const packet = read('owner-is-a-team.json');
  const scenario = packet.handoff.scenario;
  const light = new HandoffKit(bundle({ scenario_weights: { [scenario]: { 'owner-not-a-person': 2 } } }));
  const heavy = new HandoffKit(bundle({ scenario_weights: { [scenario]: { 'owner-not-a-person': 80 } } }));
  const [l, h] = [check(light, packet), check(heavy, packet)];
  assert.equal(entry(l, 'owner-not-a-person').status, 'failed');
  assert.ok(l.value > h.value, `${l.value} > ${h.value}`);
  addsUp(l, 'light');
  addsUp(h, 'heavy');
});

test('the built-in weights of each scenario add up to 100', () => {
  const kit = new HandoffKit();
  for (const file of ['billing_to_finance-good.json', 'bot_to_human-good.json', 'sales_to_success-good.json', 'tier1_to_tier2-good.json']) {
    const score = check(kit, read(file));
    const all = score.checks.reduce((n, c) => n + (c.status === 'not_applicable' ? 0 : c.max_points), 0);
    const notApplicable = score.checks.filter((c) => c.status === 'not_applicable').map((c) => c.id);
    assert.ok(notApplicable.length > 0 || all === 100, `${file}: ${all}`);
    addsUp(score, file);
  }
  const sales = check(kit, read('sales_to_success-good.json'));
  assert.equal(entry(sales, 'action-without-outcome').max_points, 0, 'a closed deal has nothing tried');
});

test('weights that break the rules are refused with the path', () => {
  // [rubric, the path a diagnostic names, a word its message has]
  const cases = [
    [{ scenario_weights: { billing_to_finance: { 'document-asked-twice': 5 } } }, '/rubric/scenario_weights/billing_to_finance/document-asked-twice', 'stay 0'],
    [{ weights: { 'document-asked-twice': 1 } }, '/rubric/weights/document-asked-twice', 'stay 0'],
    [{ scenario_weights: { billing_to_financ: { completeness: 5 } } }, '/rubric/scenario_weights/billing_to_financ', 'billing_to_financ'],
    [{ scenario_weights: { billing_to_finance: { completenes: 5 } } }, '/rubric/scenario_weights/billing_to_finance', 'completenes'],
    [{ scenario_weights: { billing_to_finance: { completeness: -1 } } }, '/rubric/scenario_weights/billing_to_finance/completeness', ''],
    [{ scenario_weights: { billing_to_finance: { 'too-much-noise': 100 } } }, '/rubric/scenario_weights/billing_to_finance', 'one-line summary'],
  ];
  for (const [rubric, path, word] of cases) {
    let error;
    try {
      new HandoffKit(bundle(rubric));
    } catch (e) {
      error = e;
    }
    assert.ok(error, `${JSON.stringify(rubric)} was accepted`);
    assert.equal(error.kind, 'bundle', JSON.stringify(rubric));
    const named = (error.diagnostics ?? []).find((d) => d.path === path);
    assert.ok(named, `${path}: ${error.message} ${JSON.stringify(error.diagnostics)}`);
    assert.ok(named.message.includes(word), `${path}: ${named.message}`);
  }
});

test('every check of a scenario at 0 is refused', () => {
  const zero = Object.fromEntries(new HandoffKit().check(read('billing_to_finance-good.json'), { now: NOW }).score.checks.map((c) => [c.id, 0]));
  assert.throws(() => new HandoffKit(bundle({ scenario_weights: { billing_to_finance: zero } })), (e) => e.kind === 'bundle' && /billing_to_finance/.test(e.message));
});
