// Shared pieces of the extension tests: Chromium with the unpacked extension loaded, a record of
// every request the browser makes, a small bundle server on 127.0.0.1, the options page, and
// geometry helpers for comparing underline rectangles with the words' own.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = process.env.HANDOFF_EXTENSION_DIR ?? path.join(ROOT, 'dist/extension/chromium');
export const SHOTS = path.join(ROOT, 'target/e2e/extension');
fs.mkdirSync(SHOTS, { recursive: true });

/**
 * Chromium (Debian's, headless=new) with the extension. `requests` collects every request URL the
 * browser makes (pages, frames, and the extension's service worker).
 */
export async function launch({ extensionDir = EXTENSION_DIR, args = [] } = {}) {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} is not built: run make build (or .ci/extension)`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-ext-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--no-default-browser-check',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...args,
    ],
  });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    requests,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Request URLs that are neither 127.0.0.1/localhost, nor the extension's, nor data:/blob:/about:. */
export function foreignRequests(requests, extensionId) {
  return requests.filter((u) => {
    if (/^(data|blob|about):/.test(u)) return false;
    if (u.startsWith(`chrome-extension://${extensionId}/`)) return false;
    const { hostname } = new URL(u);
    return hostname !== '127.0.0.1' && hostname !== 'localhost';
  });
}

/**
 * An HTTP server on 127.0.0.1 that answers `routes[path](req, res)`; it logs every request it
 * gets and closes by itself after `lifetimeMs`.
 */
export async function serve(routes, { lifetimeMs = 10 * 60_000, tls = null } = {}) {
  const log = [];
  const sockets = new Set();
  const create = tls ? (h) => https.createServer(tls, h) : (h) => http.createServer(h);
  const server = create((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    log.push(url.pathname);
    // An exact path, else the longest route ending in '/' that prefixes it.
    const prefix = Object.keys(routes)
      .filter((p) => p.endsWith('/') && url.pathname.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    const route = routes[url.pathname] ?? routes[prefix];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    route(req, res, url);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const timer = setTimeout(() => close(), lifetimeMs);
  timer.unref();
  function close() {
    clearTimeout(timer);
    for (const s of sockets) s.destroy();
    return new Promise((ok) => server.close(() => ok()));
  }
  const port = server.address().port;
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, port, log, close };
}

/** Opens the options page, fills the given fields, saves, and returns the page (left open). */
export async function setOptions(browser, values) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForFunction(() => document.getElementById('active').textContent !== 'Loading…');
  if ('bundle_url' in values) await page.fill('#bundle_url', values.bundle_url);
  if ('bundle_integrity' in values) await page.fill('#bundle_integrity', values.bundle_integrity);
  if ('gate' in values) await page.selectOption('#gate', values.gate);
  if ('enabled_hosts' in values) await page.fill('#enabled_hosts', values.enabled_hosts.join('\n'));
  const before = await page.textContent('#attempt');
  await page.click('#save');
  await page.waitForFunction((b) => {
    const t = document.getElementById('attempt').textContent;
    return t && t !== b;
  }, before, { timeout: 30_000 }).catch(() => {});
  return page;
}

/** The options page's two status lines. */
export async function optionsStatus(page) {
  return { active: await page.textContent('#active'), attempt: await page.textContent('#attempt') };
}

/** Underline boxes (viewport coordinates of the top document) drawn by handoff-kit/ui. */
export async function underlines(page) {
  return page.evaluate(() => {
    const host = document.querySelector('handoff-kit-layer');
    if (!host?.shadowRoot) return [];
    return [...host.shadowRoot.querySelectorAll('.mark')]
      .filter((m) => m.getClientRects().length)
      .map((m) => {
        const r = m.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, cls: m.className };
      });
  });
}

/** The panel's finding codes and its toggle/score/deadline text. */
export async function panel(page) {
  return page.evaluate(() => {
    const root = document.querySelector('handoff-kit-layer')?.shadowRoot;
    if (!root) return null;
    const text = (s) => root.querySelector(s)?.textContent ?? null;
    return {
      toggle: text('button.toggle'),
      score: text('.score'),
      sla: root.querySelector('.sla')?.hidden === false ? root.querySelector('.sla').textContent : null,
      codes: [...root.querySelectorAll('[data-code]')].map((e) => e.getAttribute('data-code')),
      errors: root.querySelectorAll('.finding.error').length,
      notice: root.querySelector('.notice:not([hidden])')?.textContent ?? null,
      open: root.querySelector('section.panel')?.hidden === false,
      placement: root.querySelector('section.panel')?.dataset.placement ?? null,
      rect: (() => {
        const p = root.querySelector('section.panel');
        if (!p || p.hidden) return null;
        const r = p.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      })(),
    };
  });
}

/** Whether rectangle `mark` underlines `word`: overlapping columns, at the word's baseline. */
export function underlinesWord(mark, word) {
  const overlap = Math.min(mark.right, word.right) - Math.max(mark.left, word.left);
  const atBaseline = mark.bottom >= word.top + (word.bottom - word.top) / 2 && mark.top <= word.bottom + 6;
  return overlap >= Math.min(8, (word.right - word.left) / 2) && atBaseline;
}

/** Polls `fn` until it returns a truthy value (returned) or `timeoutMs` passes (throws `what`). */
export async function until(fn, what, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`timed out waiting for ${what} (last value: ${JSON.stringify(last)})`);
}

/**
 * Stops the extension's service worker (as the browser does after 30 s idle) through the DevTools
 * protocol of one of its pages; resolves when it is stopped. The next message starts it again.
 */
export async function stopWorker(browser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const cdp = await browser.context.newCDPSession(page);
  let stopped;
  const done = new Promise((ok) => (stopped = ok));
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    if (e.versions.some((v) => v.scriptURL.includes(browser.extensionId) && v.runningStatus === 'stopped')) stopped();
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([done, new Promise((_, ko) => setTimeout(() => ko(new Error('the worker did not stop')), 10_000))]);
  await cdp.detach();
  await page.close();
}
