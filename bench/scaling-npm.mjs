// The scaling cases of bench/scaling.rs through the built npm package (dist/npm) in Node: each
// entry point at n and at 8n of a growing input, best of several warm runs, and the ratio
// (linear is 8; the bound is 10). The native example measures the core; this measures
// what a page or the extension runs: the .wasm with its own allocator, and the JS around it.
// Run with `make bench` (after `node bench/run.mjs`) or `node bench/scaling-npm.mjs [CASE]`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { HandoffKit, Validator } = await import(`${root}dist/npm/node.mjs`);
const only = process.argv[2] ?? '';

const kit = new HandoffKit();
const note = readFileSync(`${root}tests/notes/billing-markdown.md`, 'utf8');
const html = readFileSync(`${root}tests/notes/billing-ckeditor5.html`, 'utf8');
const example = readFileSync(`${root}examples/packets/billing_to_finance-good.json`, 'utf8');
const NOW = '2026-11-21T12:00:00Z';

/** `{"k0":0,"k1":1,…}` with n keys (as bench/scaling.rs's `object`). */
const object = (n, key = (i) => `k${i}`) =>
  `{${Array.from({ length: n }, (_, i) => `"${key(i)}":${i}`).join(',')}}`;

/** A calendar of `perDay` one-minute intervals a day and a holiday every Wednesday. */
function calendar(perDay) {
  const step = Math.floor(1440 / perDay);
  const time = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const hours = Array.from({ length: perDay }, (_, i) => [time(i * step), time(i * step + 1)]);
  const week = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, hours]));
  const first = Date.UTC(2026, 10, 18);
  const holidays = Array.from({ length: 20 * 53 }, (_, w) => new Date(first + w * 7 * 86400e3).toISOString().slice(0, 10));
  return { time_zone: 'Europe/London', week, holidays };
}

/** A `not` chain n deep around `{"type": "string"}`. */
function notChain(n) {
  let schema = { type: 'string' };
  for (let i = 0; i < n; i++) schema = { not: schema };
  return schema;
}

// The cases and sizes of bench/scaling.rs (8n stays under each ceiling).
const cases = [
  ['tape/keys (validate)', 1250, (n) => { const t = object(n); return () => kit.validate(t); }],
  ['tape/keys-shared-prefix (validate)', 1250, (n) => {
    const t = object(n, (i) => `customer_reference_${String(i).padStart(8, '0')}`);
    return () => kit.validate(t);
  }],
  ['note/parse-repeated-billing-note', 230, (n) => { const t = note.repeat(n); return () => kit.parseNote(t); }],
  ['note/check-repeated-billing-note', 230, (n) => { const t = note.repeat(n); return () => kit.checkNote(t, { context: {} }); }],
  ['note/check-long-list', 6000, (n) => { const t = `## Tried\n${'- a\n'.repeat(n)}`; return () => kit.checkNote(t, { context: {} }); }],
  ['note/check-repeated-billing-html', 170, (n) => { const t = html.repeat(n); return () => kit.checkNote(t, { format: 'html', context: {} }); }],
  ['sla/intervals-per-day', 90, (n) => {
    const request = { calendar: calendar(n), start: '2026-11-16T10:00:00Z', now: '2031-11-16T10:00:00Z', target: { unit: 'business_hours', value: 60 } };
    return () => {
      kit.deadline(request);
      kit.businessMinutesBetween(request.calendar, request.start, request.now);
    };
  }],
  ['kit/check-wide-object', 1250, (n) => {
    const packet = JSON.parse(example);
    packet.ticket.custom = Object.fromEntries(Array.from({ length: n }, (_, i) => [`field_${i}`, i]));
    const t = JSON.stringify(packet);
    return () => kit.check(t, { now: NOW });
  }],
  ['schema/not-chain-compile', 15, (n) => { const s = notChain(n); return () => new Validator(s).free(); }],
];

/** The best of `runs` timed calls, after two untimed ones (V8 tiers up on the first calls). */
function best(work, runs) {
  work();
  work();
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const ms = (t) => (t < 1 ? `${(t * 1000).toFixed(0)} µs` : `${t.toFixed(2)} ms`);
console.log(`${'case (through npm, wasm)'.padEnd(40)} ${'n'.padStart(6)} ${'time n'.padStart(10)} ${'time 8n'.padStart(10)}  ratio`);
for (const [name, n, make] of cases.filter(([name]) => name.includes(only))) {
  const small = make(n);
  const large = make(8 * n);
  // Enough runs for about a second each side, at least five.
  const once = best(large, 1);
  const runs = Math.max(5, Math.min(200, Math.round(1000 / Math.max(once, 0.01))));
  const a = best(small, runs * 4);
  const b = best(large, runs);
  console.log(`${name.padEnd(40)} ${String(n).padStart(6)} ${ms(a).padStart(10)} ${ms(b).padStart(10)}  ${(b / a).toFixed(1)}`);
}
