// What every case of tests/frontend/run.mjs needs: run a tool, serve a folder on 127.0.0.1, start
// a dev server and wait for it, open a page in headless Chromium and read what it shows.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { createServer as netServer } from 'node:net';

export const here = new URL('.', import.meta.url).pathname;
const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.map': 'application/json',
};

/** Runs a command to completion (its output kept for the failure message). */
export function run(command, args, { cwd = here, env = {}, timeout = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code}):\n${output.slice(-4000)}`));
    });
  });
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve) => {
    const server = netServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Serves `root` on 127.0.0.1 (`/` is `index`); returns its origin and a `close`. */
export async function serve(root, index = 'index.html') {
  const server = createServer((request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (path.endsWith('/')) path += index;
    const file = join(root, path);
    if (!file.startsWith(root)) return response.writeHead(403).end();
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      const body = readFileSync(file);
      return response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      return response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Starts a long-running server (a dev server) and waits until `url` answers. */
export async function startServer(command, args, url, { cwd = here, env = {}, timeout = 90_000 } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited early:\n${output.slice(-3000)}`);
    try {
      const answer = await fetch(url);
      if (answer.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeout) {
      stop();
      throw new Error(`${command} did not answer ${url} within ${timeout} ms:\n${output.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { stop, output: () => output };
}

/**
 * Opens `url` and returns the JSON the page put in `#result` once `body[data-done]` is set,
 * with the page's errors and how long it took from navigation to the result.
 */
export async function readPage(browser, url, { timeout = 90_000, screenshot } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const started = Date.now();
  try {
    await page.goto(url);
    await page.waitForSelector('body[data-done="true"]', { timeout });
    const elapsed = Date.now() - started;
    const result = JSON.parse(await page.textContent('#result'));
    if (screenshot) await page.screenshot({ path: screenshot });
    return { result, errors, elapsed };
  } catch (error) {
    throw new Error(`${url}: ${error.message}\npage errors: ${errors.join('\n')}`);
  } finally {
    await page.close();
  }
}
