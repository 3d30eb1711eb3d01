// End to end: seed a real Request Tracker 5 through REST 2 with tickets that move between
// queues, `handoff import rt` them, `handoff audit` the records, and check the figures against
// what was seeded. Run by tests/audit/rt.sh inside tests/rt/server.sh (RT_URL, RT_USER,
// RT_PASSWORD set).
import { RtClient } from '../rt/rest.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const cli = process.env.HANDOFF_CLI ?? 'target/release/handoff';
const rt = new RtClient();
const queues = ['Finance', 'Engineering'];
for (const q of queues) await rt.ensureQueue(q);

const note = (i) =>
  [
    `Summary: Customer ${i} was charged twice for the November renewal; refund the duplicate.`,
    'Owner: Tomás Okafor',
    'Requested outcome: Refund the duplicate charge to the original card.',
    'Customer informed: yes',
    '',
  ].join('\n');

const TICKETS = 30;
const expected = { handoffs: 0, direct: 0, touches: {}, reopened: 0, actions: 0, teams: {} };
for (let i = 0; i < TICKETS; i++) {
  const { id } = await rt.createTicket({ Queue: 'General', Subject: `Audit seed ${i}`, Content: `Ticket ${i}` });
  const moves = i % 5 === 0 ? 0 : 1 + (i % 3);
  for (let m = 0; m < moves; m++) {
    const to = queues[m % 2];
    await rt.comment(id, note(i));
    await rt.updateTicket(id, { Queue: to });
    expected.handoffs++;
    expected.teams[to.toLowerCase()] = (expected.teams[to.toLowerCase()] ?? 0) + 1;
    const reply = (i + m) % 4 !== 0;
    if (reply) {
      await rt.request('POST', `ticket/${id}/correspond`, { Content: `Working on it (${i}/${m}).`, ContentType: 'text/plain' });
    }
    // The receiving team's first action: a reply, a comment (the next handoff's note) or a
    // status change (the resolve below) before the next queue change.
    if (reply || m < moves - 1 || i % 6 === 1) expected.actions++;
  }
  if (moves === 0) expected.direct++;
  else expected.touches[moves] = (expected.touches[moves] ?? 0) + 1;
  if (i % 6 === 1) {
    await rt.updateTicket(id, { Status: 'resolved' });
    await rt.updateTicket(id, { Status: 'open' });
    if (moves > 0) expected.reopened++;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'handoff-rt-audit-'));
const records = join(dir, 'rt.ndjson');
execFileSync(cli, ['import', 'rt', '--url', process.env.RT_URL, '--user', process.env.RT_USER, '--out', records], {
  env: { ...process.env, RT_PASSWORD: process.env.RT_PASSWORD },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const lines = readFileSync(records, 'utf8').trim().split('\n');
const report = JSON.parse(execFileSync(cli, ['audit', '--format', 'json', records], { encoding: 'utf8' }));

assert.equal(lines.length, expected.handoffs + expected.direct);
assert.equal(report.bad_lines.count, 0, JSON.stringify(report.bad_lines));
assert.equal(report.handoffs, expected.handoffs);
assert.equal(report.direct_tickets, expected.direct);
assert.deepEqual(
  Object.fromEntries(report.tickets.touches_histogram.map(([t, n]) => [t, n])),
  expected.touches,
);
assert.equal(report.tickets.reopened, expected.reopened);
// Every first action came seconds after the queue change: met on any calendar day.
assert.equal(report.sla.met, expected.actions);
assert.equal(report.sla.breached, 0);
assert.equal(report.sla.no_action, expected.handoffs - expected.actions);
const teams = Object.fromEntries(report.teams.map((t) => [t.key, t.handoffs]));
assert.deepEqual(teams, expected.teams);
// The note became the packet: its owner is a named person and the summary was read.
const first = JSON.parse(lines.find((l) => !l.includes('"direct"')));
assert.equal(first.owner.name, 'Tomás Okafor');
assert.match(first.summary, /charged twice/);
console.log(
  `rt import: ${TICKETS} tickets seeded in RT 5, ${lines.length} records imported; audit: ${report.handoffs} handoffs, ` +
    `${report.direct_tickets} direct, touches ${JSON.stringify(report.tickets.touches_histogram)}, re-opened ${report.tickets.reopened}, ` +
    `SLA met ${report.sla.met}, no action ${report.sla.no_action}`,
);
