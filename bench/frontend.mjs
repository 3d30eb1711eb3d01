// Front-end figures (issue 19), from the tools tests/frontend pins: for each bundler, the bytes a
// build of the smallest app ships (JS and .wasm, raw and brotli), the default entry next to
// handoff-kit/inline; the first report after a cold load of each build in headless Chromium;
// and main-thread long tasks with handoff-kit/worker against direct use.
// It installs tests/frontend's pinned tools and the tarball first (tests/frontend/install.sh).
// Usage: node bench/frontend.mjs [--tarball dist/handoff-kit-X.tgz] [--json FILE] [--runs N]
import { execFileSync } from 'node:child_process';
import { brotliCompressSync, constants } from 'node:zlib';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = new URL('..', import.meta.url).pathname;
const frontend = join(repo, 'tests/frontend');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const version = readFileSync(join(repo, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const tarball = option('--tarball', join(repo, `dist/handoff-kit-${version}.tgz`));
execFileSync(join(frontend, 'install.sh'), [tarball], { stdio: 'inherit' });
const { run, serve, readPage } = await import(pathToFileURL(join(frontend, 'harness.mjs')));
const { chromium } = await import('playwright-core');
const runs = Number(option('--runs', 3));
const bin = (name) => join(frontend, 'node_modules/.bin', name);
const out = join(frontend, '.out/bench');
rmSync(out, { recursive: true, force: true });

const app = (entry) => join(frontend, 'apps/bench', entry);
// Each tool builds apps/bench/<entry> into <dir>; the default entry is skipped where the tool
// cannot ship it (esbuild and Rollup emit no `new URL(…, import.meta.url)` asset).
const TOOLS = {
  esbuild: { entries: ['inline'], build: (entry, dir) => run(bin('esbuild'), [join(app(entry), 'main.js'), '--bundle', '--format=esm', '--minify', `--outdir=${dir}`, '--log-level=warning']) },
  rollup: { entries: ['inline'], build: (entry, dir) => run(bin('rollup'), ['-c', 'apps/rollup/rollup.config.mjs', '--silent'], { env: { OUT_DIR: dir, ENTRY: join(app(entry), 'main.js') } }) },
  vite8: { entries: ['default', 'inline'], build: (entry, dir) => run(bin('vite'), ['build', app(entry), '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn']) },
  webpack: { entries: ['default', 'inline'], build: (entry, dir) => run(bin('webpack'), ['--config', 'apps/webpack/webpack.config.js'], { env: { OUT_DIR: dir, ENTRY: join(app(entry), 'main.js') } }) },
  parcel: { entries: ['default', 'inline'], build: (entry, dir) => run(bin('parcel'), ['build', join(app(entry), 'index.html'), '--dist-dir', dir, '--no-cache', '--no-source-maps', '--no-autoinstall', '--public-url', './']) },
};
const NEEDS_PAGE = { esbuild: 'module', rollup: 'module', webpack: 'classic' };

function files(dir) {
  return readdirSync(dir, { recursive: true }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function shipped(dir) {
  const sizes = { js: { raw: 0, brotli: 0 }, wasm: { raw: 0, brotli: 0 } };
  for (const file of files(dir)) {
    const kind = { '.js': 'js', '.mjs': 'js', '.wasm': 'wasm' }[extname(file)];
    if (!kind) continue;
    const bytes = readFileSync(file);
    sizes[kind].raw += bytes.length;
    sizes[kind].brotli += brotli(bytes);
  }
  return sizes;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = { builds: [], longTasks: {} };
try {
  for (const [tool, { entries, build }] of Object.entries(TOOLS)) {
    for (const entry of entries) {
      const dir = join(out, `${tool}-${entry}`);
      mkdirSync(dir, { recursive: true });
      await build(entry, dir);
      if (NEEDS_PAGE[tool]) {
        const html = readFileSync(join(app(entry), 'index.html'), 'utf8');
        writeFileSync(join(dir, 'index.html'), NEEDS_PAGE[tool] === 'module' ? html : html.replace(' type="module"', ''));
      }
      const sizes = shipped(dir);
      const server = await serve(dir);
      const shown = [];
      try {
        for (let k = 0; k < runs; k++) shown.push((await readPage(browser, `${server.origin}/`)).result.shownMs);
      } finally {
        server.close();
      }
      results.builds.push({ tool, entry, ...sizes, firstReportMs: median(shown), runs: shown });
    }
  }
  const root = await serve(frontend);
  try {
    for (const mode of ['direct', 'worker']) {
      const samples = [];
      for (let k = 0; k < runs; k++) samples.push((await readPage(browser, `${root.origin}/apps/longtask/${mode}.html`)).result);
      results.longTasks[mode] = {
        longestMs: samples.map((s) => Math.max(0, ...s.longTasks.map((t) => t.duration))),
        count: samples.map((s) => s.longTasks.length),
        firstReportMs: median(samples.map((s) => s.firstReportMs)),
      };
    }
  } finally {
    root.close();
  }
} finally {
  await browser.close();
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`Front-end builds of apps/bench (median of ${runs} cold loads in headless Chromium, served on 127.0.0.1)`);
console.log('tool     entry    JS raw      JS brotli   wasm raw    wasm brotli total brotli  first report');
for (const b of results.builds) {
  console.log([b.tool.padEnd(8), b.entry.padEnd(8), kb(b.js.raw).padStart(10), kb(b.js.brotli).padStart(11),
    kb(b.wasm.raw).padStart(11), kb(b.wasm.brotli).padStart(11), kb(b.js.brotli + b.wasm.brotli).padStart(12),
    `${b.firstReportMs} ms`.padStart(12)].join(' '));
}
for (const [mode, t] of Object.entries(results.longTasks)) {
  console.log(`long tasks, ${mode.padEnd(6)}: longest per run ${t.longestMs.join(' / ')} ms, count ${t.count.join(' / ')}, first report ${t.firstReportMs} ms (median)`);
}
const json = option('--json');
if (json) {
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
}
