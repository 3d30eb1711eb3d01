// Cold start of the built npm package (dist/npm), as a user feels it:
//   - in headless Chromium: a page on 127.0.0.1 imports the package, `await init()` (fetch +
//     compile + instantiate, streamed: the .wasm is served as application/wasm), the first
//     `new HandoffKit()`, the first `kit.check`, then a second `new HandoffKit()`. Each run with
//     an empty HTTP cache (a fresh browser context) and with a warm one (a page loaded before in
//     the same context).
//   - the floor, in the same runs: the same page importing an empty one-line module and fetching
//     a dummy file as large as the .wasm. What the browser costs before any of our code runs; our
//     cost is the total minus the floor (per run, then the median), and the ratio total / floor.
//   - the same page with `<link rel="modulepreload">` for the entry and `<link rel="preload"
//     as="fetch" crossorigin>` for the .wasm (what the README recommends), so the .wasm
//     downloads while the modules load.
//   Runs are interleaved (floor, page, preloaded page, floor, …) so drift affects all alike.
//   - in Node: a fresh process imports node.mjs (reads, compiles and instantiates the .wasm),
//     then the same steps; the floor is a fresh process importing an empty module.
// Medians of 5 (--runs N). Run alone (`node bench/cold-start.mjs [--pkg DIR] [--json FILE]`) or from
// bench/run.mjs, which prints these figures with the others.
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// --pkg DIR: another build of the package (to compare before and after).
const pkgArg = process.argv.indexOf('--pkg');
const pkg = pkgArg > 0 ? normalize(process.argv[pkgArg + 1]) : join(root, 'dist/npm');
const packetsDir = join(root, 'examples/packets');
const firstPacket = () => {
  const file = readdirSync(packetsDir).filter((f) => f.endsWith('.json')).sort()[0];
  return readFileSync(join(packetsDir, file), 'utf8');
};

const STEPS = ['import', 'init', 'firstKit', 'firstCheck', 'secondKit'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const totalOf = (r) => r.import + r.init + r.firstKit + r.firstCheck;
// Medians of each step; with floor runs (paired by index), the median of (total - floor) and of
// total / floor.
const medians = (runs, floors) => {
  const out = Object.fromEntries(STEPS.map((s) => [s, median(runs.map((r) => r[s]))]));
  out.total = median(runs.map(totalOf));
  if (floors) {
    out.floor = median(floors.map((f) => f.total));
    out.ours = median(runs.map((r, i) => totalOf(r) - floors[i].total));
    out.ratio = median(runs.map((r, i) => totalOf(r) / floors[i].total));
  }
  return out;
};

// The page: every step timed with performance.now(), the result left in window.__coldStart.
const kitPage = (packet, preload) => `<!doctype html><meta charset="utf-8"><title>cold start</title>
${preload ? '<link rel="modulepreload" href="./index.js">\n<link rel="preload" href="./handoff_kit_bg.wasm" as="fetch" crossorigin>' : ''}
<script type="module">
const packet = ${JSON.stringify(packet)};
const t0 = performance.now();
const mod = await import('./index.js');
const t1 = performance.now();
await mod.init();
const t2 = performance.now();
const kit = new mod.HandoffKit();
const t3 = performance.now();
const report = kit.check(packet, { now: '2026-11-21T12:00:00Z' });
const t4 = performance.now();
const second = new mod.HandoffKit();
const t5 = performance.now();
if (typeof report.valid !== 'boolean' || second.bundle.bundle !== 'built-in') throw new Error('unexpected answer');
window.__coldStart = { import: t1 - t0, init: t2 - t1, firstKit: t3 - t2, firstCheck: t4 - t3, secondKit: t5 - t4 };
</script>`;

// The floor: the same page, an empty module and a dummy file of the .wasm's size.
const floorPage = `<!doctype html><meta charset="utf-8"><title>floor</title>
<script type="module">
const t0 = performance.now();
await import('./__floor/empty.js');
const t1 = performance.now();
const bytes = await (await fetch('./__floor/dummy.bin')).arrayBuffer();
const t2 = performance.now();
if (bytes.byteLength === 0) throw new Error('empty dummy');
window.__coldStart = { import: t1 - t0, fetch: t2 - t1, total: t2 - t0 };
</script>`;

const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };

function serve(pages) {
  const dummy = Buffer.alloc(statSync(join(pkg, 'handoff_kit_bg.wasm')).size, 7);
  const cacheable = { 'cache-control': 'public, max-age=3600' };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (pages[path] !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(pages[path]);
      return;
    }
    if (path === '/__floor/empty.js') {
      return response.writeHead(200, { 'content-type': 'text/javascript', ...cacheable }).end('export const empty = 1;\n');
    }
    if (path === '/__floor/dummy.bin') {
      return response.writeHead(200, { 'content-type': 'application/octet-stream', ...cacheable }).end(dummy);
    }
    const file = normalize(join(pkg, path));
    if (!file.startsWith(pkg)) return response.writeHead(403).end();
    let body;
    try {
      body = readFileSync(file);
    } catch {
      return response.writeHead(404).end();
    }
    // Cacheable, as a CDN serves a versioned package: the warm runs fetch from the HTTP cache.
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', ...cacheable }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const PAGES = { floor: '/floor.html', kit: '/index.html', preload: '/preload.html' };

// extraArgs: more Chromium switches, for experiments only (e.g. `--js-flags=...`, which users cannot set).
export async function chromiumColdStart({ runs = 5, extraArgs = [] } = {}) {
  const { chromium } = await import(pathToFileURL(join(root, 'node_modules/playwright-core/index.mjs')));
  const packet = firstPacket();
  const server = await serve({
    [PAGES.floor]: floorPage, [PAGES.kit]: kitPage(packet, false), [PAGES.preload]: kitPage(packet, true),
  });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs],
  });
  const load = async (context, page) => {
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e));
    await tab.goto(base + page);
    const result = await tab.waitForFunction(() => window.__coldStart, null, { timeout: 60_000 }).then((h) => h.jsonValue())
      .catch((e) => { throw errors[0] ?? e; });
    await tab.close();
    return result;
  };
  const kinds = Object.keys(PAGES);
  try {
    const empty = Object.fromEntries(kinds.map((k) => [k, []]));
    for (let i = 0; i < runs; i++) {
      for (const kind of kinds) {
        const context = await browser.newContext(); // its own, empty HTTP cache
        empty[kind].push(await load(context, PAGES[kind]));
        await context.close();
      }
    }
    const warm = Object.fromEntries(kinds.map((k) => [k, []]));
    const contexts = {};
    for (const kind of kinds) {
      contexts[kind] = await browser.newContext();
      await load(contexts[kind], PAGES[kind]); // fills the cache
    }
    for (let i = 0; i < runs; i++) {
      for (const kind of kinds) warm[kind].push(await load(contexts[kind], PAGES[kind]));
    }
    for (const kind of kinds) await contexts[kind].close();
    const floorOf = (runs) => ({ import: median(runs.map((r) => r.import)), fetch: median(runs.map((r) => r.fetch)), total: median(runs.map((r) => r.total)) });
    return {
      emptyCache: medians(empty.kit, empty.floor),
      warmCache: medians(warm.kit, warm.floor),
      emptyCachePreload: medians(empty.preload, empty.floor),
      warmCachePreload: medians(warm.preload, warm.floor),
      floor: { emptyCache: floorOf(empty.floor), warmCache: floorOf(warm.floor) },
      runs,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

export function nodeColdStart({ runs = 5 } = {}) {
  const script = `
    const t0 = performance.now();
    const { HandoffKit } = await import(${JSON.stringify(pathToFileURL(join(pkg, 'node.mjs')).href)});
    const t1 = performance.now();
    const kit = new HandoffKit();
    const t2 = performance.now();
    kit.check(${JSON.stringify(firstPacket())}, { now: '2026-11-21T12:00:00Z' });
    const t3 = performance.now();
    new HandoffKit();
    const t4 = performance.now();
    console.log(JSON.stringify({ import: t1 - t0, init: 0, firstKit: t2 - t1, firstCheck: t3 - t2, secondKit: t4 - t3 }));
  `;
  // The floor: a fresh process importing an empty module the same way.
  const dir = mkdtempSync(join(tmpdir(), 'cold-floor-'));
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, 'export const empty = 1;\n');
  const floorScript = `
    const t0 = performance.now();
    await import(${JSON.stringify(pathToFileURL(empty).href)});
    const t1 = performance.now();
    console.log(JSON.stringify({ total: t1 - t0 }));
  `;
  const all = [];
  const floors = [];
  try {
    for (let i = 0; i < runs; i++) {
      floors.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', floorScript]).toString()));
      all.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString()));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { ...medians(all, floors), runs };
}

const ms = (x) => `${x.toFixed(1).padStart(6)} ms`;
export function printColdStart({ chromium, node }) {
  console.log('cold start (median of each step)        import      init   1st kit  1st check     total     floor  total-floor  ratio   2nd kit');
  const row = (name, r) => console.log(
    `  ${name.padEnd(38)} ${ms(r.import)} ${ms(r.init)} ${ms(r.firstKit)} ${ms(r.firstCheck)} ${ms(r.total)} ${ms(r.floor)} ${ms(r.ours)}    ${r.ratio.toFixed(2).padStart(5)}× ${ms(r.secondKit)}`,
  );
  const n = chromium.runs;
  row(`Chromium, empty cache (${n} runs)`, chromium.emptyCache);
  row(`Chromium, empty cache, preload`, chromium.emptyCachePreload);
  row(`Chromium, warm cache (${n} runs)`, chromium.warmCache);
  row(`Chromium, warm cache, preload`, chromium.warmCachePreload);
  row(`Node, fresh process (${node.runs} runs)`, node);
  const f = chromium.floor;
  console.log(`  floor in Chromium (empty module + a ${'.wasm'}-sized fetch): empty cache ${f.emptyCache.import.toFixed(1)} + ${f.emptyCache.fetch.toFixed(1)} ms, warm ${f.warmCache.import.toFixed(1)} + ${f.warmCache.fetch.toFixed(1)} ms`);
  console.log('  (total-floor and ratio: medians of the per-run difference and quotient against the floor run next to it;');
  console.log('   Node: import = read + compile + instantiate, synchronous; init is part of it; floor = importing an empty module)');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
  const extraArgs = args.filter((a) => a.startsWith('--js-flags='));
  const figures = { chromium: await chromiumColdStart({ runs, extraArgs }), node: nodeColdStart({ runs }) };
  printColdStart(figures);
  if (args.includes('--json')) writeFileSync(args[args.indexOf('--json') + 1], JSON.stringify(figures, null, 2));
}
