// What the web page's tests and bench share: dist/www served on 127.0.0.1, headless Chromium
// (playwright-core + the Debian package), and a guard that fails on any request that would
// leave 127.0.0.1.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const shots = join(repo, 'target/e2e/www');
mkdirSync(shots, { recursive: true });

export async function start({ viewport = { width: 1280, height: 800 } } = {}) {
  const server = await serve(join(repo, 'dist/www'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const foreign = [];
  // Every request of every page and worker: anything not on 127.0.0.1 is recorded and refused.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    foreign.push(url.href);
    return route.abort();
  });
  const errors = [];
  context.on('weberror', (e) => errors.push(String(e.error())));
  return {
    url: server.url,
    browser,
    context,
    foreign,
    errors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
