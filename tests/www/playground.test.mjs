// The playground renders the report the npm package gives for each example, updates when a field
// is fixed (packet and note), keeps its input in a permalink, and the SLA calculator agrees
// with kit.deadline in Node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, shots, repo } from './harness.mjs';

let env;
let page;
let kit;
before(async () => {
  env = await start();
  page = await env.context.newPage();
  const { HandoffKit } = await import(join(repo, 'dist/npm/node.mjs'));
  kit = new HandoffKit();
});
after(async () => {
  kit?.free();
  await env?.close();
});

const example = (name) => JSON.parse(readFileSync(join(repo, `examples/packets/${name}.json`), 'utf8'));

/** What the report panel shows. */
function shown() {
  return page.evaluate(() => ({
    valid: document.querySelector('[data-testid="validity"]').textContent.startsWith('Valid'),
    grade: document.querySelector('[data-testid="grade"]')?.textContent,
    score: Number(document.querySelector('[data-testid="score"]')?.textContent),
    findings: [...document.querySelectorAll('#report ul.diagnostics button')].map((b) => `${b.dataset.code} ${b.dataset.path}`),
    deadline: document.querySelector('#report [data-testid="deadline-utc"]')?.textContent ?? null,
  }));
}

const expected = (report) => ({
  valid: report.valid,
  grade: report.score.grade,
  score: report.score.value,
  findings: report.diagnostics.map((d) => `${d.code} ${d.path}`),
  deadline: report.sla?.deadline ?? null,
});

async function nextReport(after) {
  await page.waitForFunction((n) => Number(document.querySelector('#report').dataset.ready ?? 0) > n, after);
  return Number(await page.getAttribute('#report', 'data-ready'));
}

test('each example shows the report the npm package gives', async () => {
  await page.goto(env.url);
  let ready = await nextReport(0);
  assert.deepEqual(await shown(), expected(kit.check(example('billing-missing-invoice'))));
  for (const name of ['owner-is-a-team', 'billing_to_finance-good', 'bad-timestamp', 'angry-customer-standard-urgency']) {
    await page.selectOption('#example', name);
    ready = await nextReport(ready);
    assert.deepEqual(await shown(), expected(kit.check(example(name))), name);
  }
  await page.screenshot({ path: join(shots, 'playground.png'), fullPage: true });
});

test('fixing a field updates the report, and the permalink brings the input back', async () => {
  const last = Number(await page.getAttribute('#report', 'data-ready'));
  await page.selectOption('#example', 'billing-missing-invoice');
  await nextReport(last);
  const before = await shown();
  assert.ok(before.findings.includes('schema/required /billing/invoice_id'));
  // The finding jumps to the field: the editor selects the billing object that lacks it.
  await page.click('#report button[data-path="/billing/invoice_id"]');
  const selected = await page.evaluate(() => getSelection().toString());
  assert.match(selected, /^\{/);
  // Type the missing field, as an agent would, right after the billing object's brace.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.insertText('"invoice_id": "INV-2026-11-0457", ');
  await page.waitForFunction(() => !document.querySelector('#report button[data-path="/billing/invoice_id"]'));
  const fixed = example('billing-missing-invoice');
  fixed.billing = { invoice_id: 'INV-2026-11-0457', ...fixed.billing };
  assert.deepEqual(await shown(), expected(kit.check(fixed)));
  assert.equal((await shown()).valid, true);

  await page.waitForFunction(() => location.hash.startsWith('#v1.'));
  await page.waitForTimeout(400);
  const link = page.url();
  const other = await env.context.newPage();
  await other.goto(link);
  await other.waitForFunction(() => Number(document.querySelector('#report').dataset.ready ?? 0) > 0);
  await other.waitForFunction(() => document.querySelector('[data-testid="validity"]').textContent.startsWith('Valid'));
  const again = await other.evaluate(() => [...document.querySelectorAll('#report ul.diagnostics button')].map((b) => `${b.dataset.code} ${b.dataset.path}`));
  assert.deepEqual(again, expected(kit.check(fixed)).findings);
  await other.close();
});

test('a note is underlined and its report updates when the owner is named', async () => {
  await page.check('input[name="mode"][value="text"]');
  await page.waitForFunction(() => [...document.querySelectorAll('#report ul.diagnostics button')].some((b) => b.dataset.code === 'rubric/owner-not-a-person'));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, 'playground-note.png'), fullPage: true });
  const text = await page.inputValue('#note-text');
  await page.fill('#note-text', text.replace('Owner: Finance', 'Owner: Tomás Okafor'));
  await page.waitForFunction(() => ![...document.querySelectorAll('#report ul.diagnostics button')].some((b) => b.dataset.code === 'rubric/owner-not-a-person'));
});

test('the packet editor completes property names from the scenario\'s schema', async () => {
  await page.check('input[name="mode"][value="packet"]');
  await page.waitForSelector('.cm-content');
  await page.click('.cm-line >> nth=0');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('"requ');
  await page.waitForSelector('.cm-tooltip-autocomplete li');
  const options = await page.$$eval('.cm-tooltip-autocomplete li', (items) => items.map((li) => li.textContent));
  assert.ok(options.includes('"requested_outcome"'), options.join(', '));
  await page.keyboard.press('Escape');
});

test('the SLA calculator gives kit.deadline\'s answer and draws its segments', async () => {
  await page.goto(`${env.url}sla/`);
  await page.waitForSelector('#result[data-ready]');
  const last = Number(await page.getAttribute('#result', 'data-ready'));
  await page.fill('#pauses', '2026-12-07T09:30:00+09:00 2026-12-07T10:30:00+09:00');
  await page.waitForFunction((n) => Number(document.querySelector('#result').dataset.ready) > n && document.querySelector('.week-strip [data-kind="pause"]'), last);
  const calendar = {
    time_zone: 'Asia/Tokyo',
    week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '12:00'], ['13:00', '18:00']]])),
    holidays: ['*-01-01', '2026-12-31'],
    exceptions: [{ date: '2026-12-28', hours: [['09:00', '12:00']] }],
  };
  const want = kit.deadline({
    calendar, start: '2026-12-04T16:30:00+09:00', target: { unit: 'business_hours', value: 4 },
    pauses: [{ from: '2026-12-07T09:30:00+09:00', to: '2026-12-07T10:30:00+09:00' }], warn_before: { percent: 25 },
  });
  assert.equal(await page.textContent('[data-testid="deadline-utc"]'), want.deadline);
  assert.equal(await page.textContent('[data-testid="deadline-local"]'), want.deadline_local);
  assert.equal(await page.locator('.week-strip [data-kind="segment"]').count(), want.segments.length);
  assert.equal(await page.locator('.week-strip [data-kind="pause"]').count(), 1);
  assert.equal(await page.textContent('#between'), `${kit.businessMinutesBetween(calendar, '2026-12-04T16:30:00+09:00', '2026-12-08T10:00:00+09:00')} business minutes (10 h 30 min) between the two instants.`);
  await page.screenshot({ path: join(shots, 'sla.png'), fullPage: true });
  assert.deepEqual(env.foreign, [], 'no request left 127.0.0.1');
  assert.deepEqual(env.errors, []);
});
