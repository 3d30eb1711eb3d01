// Cold start of the built npm package (dist/npm), as a user feels it:
//   - in headless Chromium: a page on 127.0.0.1 imports the package, `await init()` (fetch +
//     compile + instantiate, streamed: the .wasm is served as application/wasm), the first
//     `new HandoffKit()`, the first `kit.check`, then a second `new HandoffKit()`. Each run with
//     an empty HTTP cache (a fresh browser context) and with a warm one (a page loaded before in
//     the same context).
//   - in Node: a fresh process imports node.mjs (reads, compiles and instantiates the .wasm),
//     then the same steps.
// Medians of 5 (--runs N). Run alone (`node bench/cold-start.mjs [--pkg DIR] [--json FILE]`) or from
// bench/run.mjs, which prints these figures with the others.
import { createServer } from 'node:http';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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
const medians = (runs) => {
  const out = Object.fromEntries(STEPS.map((s) => [s, median(runs.map((r) => r[s]))]));
  out.total = median(runs.map((r) => r.import + r.init + r.firstKit + r.firstCheck));
  return out;
};

// The page: every step timed with performance.now(), the result left in window.__coldStart.
const page = (packet) => `<!doctype html><meta charset="utf-8"><title>cold start</title>
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

const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };

function serve(html) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path === '/' || path === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(html);
      return;
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
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=3600',
    }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function chromiumColdStart({ runs = 5 } = {}) {
  const { chromium } = await import(pathToFileURL(join(root, 'node_modules/playwright-core/index.mjs')));
  const server = await serve(page(firstPacket()));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const load = async (context) => {
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e));
    await tab.goto(url);
    const result = await tab.waitForFunction(() => window.__coldStart, null, { timeout: 60_000 }).then((h) => h.jsonValue())
      .catch((e) => { throw errors[0] ?? e; });
    await tab.close();
    return result;
  };
  try {
    const empty = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext(); // its own, empty HTTP cache
      empty.push(await load(context));
      await context.close();
    }
    const context = await browser.newContext();
    await load(context); // fills the cache
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await load(context));
    await context.close();
    return { emptyCache: medians(empty), warmCache: medians(warm), runs };
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
  const all = [];
  for (let i = 0; i < runs; i++) {
    all.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString()));
  }
  return { ...medians(all), runs };
}

const ms = (x) => `${x.toFixed(1).padStart(6)} ms`;
export function printColdStart({ chromium, node }) {
  console.log('cold start (median of each step)   import      init   1st kit  1st check     total   2nd kit');
  const row = (name, r) => console.log(
    `  ${name.padEnd(31)} ${ms(r.import)} ${ms(r.init)} ${ms(r.firstKit)} ${ms(r.firstCheck)} ${ms(r.total)} ${ms(r.secondKit)}`,
  );
  row(`Chromium, empty cache (${chromium.runs} runs)`, chromium.emptyCache);
  row(`Chromium, warm cache (${chromium.runs} runs)`, chromium.warmCache);
  row(`Node, fresh process (${node.runs} runs)`, node);
  console.log('  (Node: import = read + compile + instantiate, synchronous; init is part of it)');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
  const figures = { chromium: await chromiumColdStart({ runs }), node: nodeColdStart({ runs }) };
  printColdStart(figures);
  if (args.includes('--json')) writeFileSync(args[args.indexOf('--json') + 1], JSON.stringify(figures, null, 2));
}
