// Benchmarks the built npm package (dist/npm) side by side with ajv 8 in one Node process and
// prints ratios, the .wasm size (raw, gzip, brotli) and the cold start in headless Chromium and
// in Node (bench/cold-start.mjs). Run with `make bench` (builds first). Options: --quick
// (shorter rounds, 3 cold starts), --json FILE (also write the figures as JSON).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { chromiumColdStart, nodeColdStart, printColdStart } from './cold-start.mjs';
import addFormats from 'ajv-formats';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = `${root}dist/npm/`;
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const { HandoffKit, Validator } = await import(`${pkg}node.mjs`);

// ---- inputs: every example packet, as JSON text and as an object ----------------------------
const dir = `${root}examples/packets/`;
const packets = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const text = readFileSync(dir + file, 'utf8');
    const object = JSON.parse(text);
    return { file, text, object, scenario: object?.handoff?.scenario };
  });

// ---- the schemas, compiled once by each side ---------------------------------------------------
const schemaDir = `${pkg}schemas/`;
const schemaFiles = ['packet.schema.json', ...readdirSync(`${schemaDir}scenarios`).map((f) => `scenarios/${f}`)];
const schemas = Object.fromEntries(
  schemaFiles.map((f) => {
    const schema = JSON.parse(readFileSync(schemaDir + f, 'utf8'));
    return [schema.$id, schema];
  }),
);
const idFor = (scenario) => {
  const id = `https://handoff-kit.dev/schemas/scenarios/${scenario}.schema.json`;
  return schemas[id] ? id : 'https://handoff-kit.dev/schemas/packet.schema.json';
};

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
for (const schema of Object.values(schemas)) ajv.addSchema(schema);
const ajvValidators = Object.fromEntries(Object.keys(schemas).map((id) => [id, ajv.getSchema(id)]));
const ourValidators = Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, new Validator(s)]));
const kit = new HandoffKit();
// JSON text: `isValidText` where the API has it (0.2), `isValid` on a string before.
const isValidText = (v, text) => (v.isValidText ? v.isValidText(text) : v.isValid(text));
const isValidObject = (v, object) => v.isValid(object);

// A second built-in kit shares the first one's compiled core: the time of `new HandoffKit()`.
const kitNs = (() => {
  const n = quick ? 200 : 1000;
  const times = [];
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) new HandoffKit().free();
    times.push(Number(process.hrtime.bigint() - start) / n);
  }
  return times.sort((a, b) => a - b)[2];
})();

const cases = packets.map((p) => ({ ...p, id: idFor(p.scenario) }));

// Sanity: both sides agree on validity for every packet, or the comparison means nothing.
for (const c of cases) {
  const ours = isValidText(ourValidators[c.id], c.text);
  const theirs = ajvValidators[c.id](c.object);
  if (ours !== theirs) throw new Error(`validity differs on ${c.file}: ours ${ours}, ajv ${theirs}`);
}

// ---- timing --------------------------------------------------------------------------------
const roundMs = quick ? 150 : 400;
const rounds = quick ? 5 : 9;
let sink = 0;

// Runs `fn` over all cases for ~roundMs, returns ns per call.
function round(fn) {
  let calls = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(roundMs) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (const c of cases) sink ^= fn(c) ? 1 : 0;
    calls += cases.length;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / calls;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Interleaves all benchmarks round by round so drift affects them alike.
function measure(benchmarks) {
  const samples = Object.fromEntries(Object.keys(benchmarks).map((k) => [k, []]));
  for (const fn of Object.values(benchmarks)) round(fn); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(benchmarks)) samples[name].push(round(fn));
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

const validation = measure({
  'ajv JSON.parse + validate': (c) => ajvValidators[c.id](JSON.parse(c.text)),
  'ajv validate (object)': (c) => ajvValidators[c.id](c.object),
  'Validator.isValid (JSON text)': (c) => isValidText(ourValidators[c.id], c.text),
  'Validator.isValid (object)': (c) => isValidObject(ourValidators[c.id], c.object),
  'kit.validate (JSON text)': (c) => kit.validate(c.text).length === 0,
  'kit.validate (object)': (c) => kit.validate(c.object).length === 0,
  'kit.check (JSON text)': (c) => kit.check(c.text, { now: '2026-11-21T12:00:00Z' }).valid,
});

// ---- deadlines (SLA engine) through the package -------------------------------------------------
const london = {
  time_zone: 'Europe/London',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  holidays: ['2026-12-25', '2026-12-28', '*-01-01'],
  exceptions: [{ date: '2026-12-24', hours: [['09:00', '13:00']] }],
};
const deadlineTargets = {
  '1 business hour': { unit: 'business_hours', value: 1 },
  '5 business days': { unit: 'business_days', value: 5 },
  '60 business days': { unit: 'business_days', value: 60 },
};
const deadlineCases = Object.fromEntries(
  Object.entries(deadlineTargets).map(([name, target]) => [
    name,
    { calendar: london, start: '2026-11-20T16:30:00Z', target, now: '2026-11-23T10:00:00Z', warn_before: { percent: 25 } },
  ]),
);
const deadlines = measure(
  Object.fromEntries(Object.entries(deadlineCases).map(([name, request]) => [
    `deadline(): ${name}`,
    () => kit.deadline(request).deadline.length > 0,
  ])),
);

// ---- size and cold start ---------------------------------------------------------------------
const wasm = readFileSync(`${pkg}handoff_kit_bg.wasm`);
const size = {
  raw: wasm.length,
  gzip: gzipSync(wasm, { level: 9 }).length,
  brotli: brotliCompressSync(wasm, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
};

const cold = { chromium: await chromiumColdStart({ runs: quick ? 3 : 5 }), node: nodeColdStart({ runs: quick ? 3 : 5 }) };

// ---- report ----------------------------------------------------------------------------------
const anchor = validation['ajv JSON.parse + validate'];
const anchorObject = validation['ajv validate (object)'];
console.log(`Handoff Kit benchmark — ${cases.length} example packets, median of ${rounds} rounds, Node ${process.version}\n`);
console.log('validation                          ns/packet   vs ajv JSON.parse+validate   vs ajv object');
for (const [name, ns] of Object.entries(validation)) {
  console.log(
    `  ${name.padEnd(32)} ${ns.toFixed(0).padStart(9)}   ${(ns / anchor).toFixed(2).padStart(8)}x`
      + `                   ${(ns / anchorObject).toFixed(2).padStart(6)}x`,
  );
}
console.log(`\n.wasm size: ${size.raw} bytes raw, ${size.gzip} gzip -9, ${size.brotli} brotli (quality 11)`);
console.log(`second new HandoffKit() (built-in bundle, shared core): ${(kitNs / 1000).toFixed(1)} µs\n`);
printColdStart(cold);

const oneHour = deadlines['deadline(): 1 business hour'];
console.log('\ndeadlines (Europe/London, Mon–Fri 09:00–17:00, holidays)   ns/call   vs 1 business hour');
for (const [name, ns] of Object.entries(deadlines)) {
  console.log(`  ${name.padEnd(32)} ${ns.toFixed(0).padStart(9)}   ${(ns / oneHour).toFixed(2).padStart(8)}x`);
}
const sixtyDayRatio = deadlines['deadline(): 60 business days'] / oneHour;

const stringRatio = validation['Validator.isValid (JSON text)'] / anchor;
const checkRatio = validation['kit.check (JSON text)'] / anchor;
const coldMs = cold.chromium.emptyCache.total;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
console.log('\ntargets (issue 12)');
console.log(`  .wasm brotli ≤ 800 KB (aim 500 KB): ${size.brotli} bytes ${verdict(size.brotli <= 800_000)}; gzip ${size.gzip} bytes (aim ≤ 1 MB) ${verdict(size.gzip <= 1_000_000)}`);
console.log(`  cold start in Chromium ≤ 50 ms (aim 20 ms), empty cache: ${coldMs.toFixed(1)} ms ${verdict(coldMs <= 50)}; warm cache ${cold.chromium.warmCache.total.toFixed(1)} ms`);
console.log(`  second new HandoffKit() ≤ 1 ms: ${(kitNs / 1e6).toFixed(3)} ms in Node ${verdict(kitNs <= 1e6)}, ${cold.chromium.emptyCache.secondKit.toFixed(1)} ms in Chromium ${verdict(cold.chromium.emptyCache.secondKit <= 1)}`);
console.log(`  Validator.isValid on text ≤ 1.5x ajv JSON.parse+validate (aim 1.0x): ${stringRatio.toFixed(2)}x ${verdict(stringRatio <= 1.5)}`);
console.log(`  kit.check ≤ 3x ajv JSON.parse+validate (aim 2x): ${checkRatio.toFixed(2)}x ${verdict(checkRatio <= 3)}`);
console.log(`  60 business days ≤ 3x 1 business hour: ${sixtyDayRatio.toFixed(2)}x ${verdict(sixtyDayRatio <= 3)}`);

if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({ validation, deadlines, size, cold, kitNs, ratios: { stringRatio, checkRatio, sixtyDayRatio } }, null, 2));
}
if (sink === 42) console.log(''); // keep results observable
