// What the UI tests and bench/ui.mjs share: a static server on 127.0.0.1 for the fixture pages
// (tests/ui/pages), the packed package (dist/npm), CKEditor 5 and axe-core (node_modules), and
// Debian's Chromium driven by playwright-core. Every request is recorded.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = await import(pathToFileURL(join(repo, 'node_modules/playwright-core/index.mjs')).href);

const roots = {
  '/pages/': join(repo, 'tests/ui/pages'),
  '/npm/': process.env.HANDOFF_NPM_DIR ?? join(repo, 'dist/npm'),
  '/ckeditor5/': join(repo, 'node_modules/ckeditor5/dist/browser'),
  '/axe/': join(repo, 'node_modules/axe-core'),
};
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
};

export async function serve() {
  const requests = [];
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    requests.push(path);
    const prefix = Object.keys(roots).find((p) => path.startsWith(p));
    const file = prefix && join(roots[prefix], path.slice(prefix.length));
    if (!file || !file.startsWith(roots[prefix])) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  // The server stops by itself when the process ends; close() for tidiness.
  server.unref();
  return { origin: `http://127.0.0.1:${server.address().port}`, requests, close: () => server.close() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** Opens a fixture page and waits for the layer's first report. */
export async function open(browser, origin, page, { options, viewport = { width: 1000, height: 800 } } = {}) {
  const tab = await browser.newPage({ viewport });
  const requests = [];
  const errors = [];
  tab.on('request', (r) => requests.push(r.url()));
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (options) await tab.addInitScript((o) => { window.attachOptions = o; }, options);
  await tab.goto(`${origin}/pages/${page}`);
  await tab.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { page: tab, requests, errors };
}
