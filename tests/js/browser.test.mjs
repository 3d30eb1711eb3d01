// The npm package in a real page: headless Chromium (Debian's, driven by playwright-core) loads
// a page served from the scratch project on 127.0.0.1, types a packet, clicks Check, and reads
// what the page shows. A screenshot is kept in tests/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';

const { chromium } = await import(pathToFileURL(`${process.env.HANDOFF_REPO}/node_modules/playwright-core/index.mjs`));
const examples = process.env.HANDOFF_EXAMPLES;
const artifacts = process.env.HANDOFF_ARTIFACTS;
const root = process.cwd();
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

let server;
let origin;
let browser;

before(async () => {
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const file = join(root, path === '/' ? 'page/index.html' : path);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage() {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  return { page, requests, errors };
}

test('an agent types a packet, clicks Check, and sees the field to fix', async () => {
  const { page, requests, errors } = await openPage();
  await page.fill('#packet', readFileSync(`${examples}/missing-owner.json`, 'utf8'));
  await page.click('#check');
  await page.waitForSelector('#diagnostics li');
  assert.match(await page.textContent('#status'), /^Not ready — score \d+ \([A-F]\)$/);
  const owner = page.locator('#diagnostics li[data-path="/owner"]');
  assert.equal(await owner.getAttribute('data-code'), 'schema/required');
  assert.match(await owner.textContent(), /Add who owns this case after the handoff/);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: `${artifacts}/browser-check.png`, fullPage: true });

  // A good packet turns the page green.
  await page.fill('#packet', readFileSync(`${examples}/billing_to_finance-good.json`, 'utf8'));
  await page.click('#check');
  await page.waitForFunction(() => document.querySelector('#status').className === 'ok');
  assert.match(await page.textContent('#status'), /^Ready to hand off — score \d+ \([A-F]\)$/);

  // Privacy: the page fetched only its own files, nothing left the machine.
  assert.ok(requests.length > 0);
  for (const url of requests) assert.ok(url.startsWith(origin), `unexpected request ${url}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('malformed input shows a clear error in the page, and the next check works', async () => {
  const { page } = await openPage();
  await page.fill('#packet', '{\n  "ticket": { "id": "T-1" ');
  await page.click('#check');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('not valid JSON'));
  assert.match(await page.textContent('#status'), /line 2, column \d+/);
  await page.fill('#packet', readFileSync(`${examples}/unknown-sentiment.json`, 'utf8'));
  await page.click('#check');
  await page.waitForSelector('#diagnostics li[data-path="/customer/sentiment"]');
  await page.close();
});

test('hostile input in the browser: errors, never a frozen tab or a dead module', async () => {
  const { page } = await openPage();
  const outcome = await page.evaluate(() => {
    const { kit, Validator, HandoffKitError } = window.handoff;
    const results = {};
    let deep = {};
    for (let i = 0; i < 10_000; i++) deep = { nested: deep };
    try { kit.check({ summary: deep }); } catch (e) { results.deep = e instanceof HandoffKitError; }
    try { new Validator({ $ref: 'https://evil.example/x.json' }); } catch (e) { results.remote = e.kind; }
    const started = performance.now();
    const evil = new Validator({ type: 'string', pattern: '^(a|aa)+$' });
    results.regexDiagnostics = evil.validate(`${'a'.repeat(20_000)}b`).length;
    results.regexMs = performance.now() - started;
    results.after = kit.check({ ticket: { id: 'T-1' } }).valid;
    return results;
  });
  assert.deepEqual({ ...outcome, regexMs: undefined }, { deep: true, remote: 'schema', regexDiagnostics: 1, after: false, regexMs: undefined });
  assert.ok(outcome.regexMs < 5_000, `regex took ${outcome.regexMs} ms`);
  await page.close();
});

test('`using` frees a kit and a validator at the end of the block in Chromium', async () => {
  const { page } = await openPage();
  // A string, not a function: Node 20 cannot parse `using`, Chromium runs it natively.
  const outcome = await page.evaluate(`(() => {
    const { HandoffKit, Validator, HandoffKitError } = window.handoff;
    const results = { native: typeof Symbol.dispose === 'symbol' };
    let kept;
    let keptValidator;
    {
      using kit = new HandoffKit();
      using strings = new Validator({ type: 'string' });
      kept = kit;
      keptValidator = strings;
      results.inside = [kit.check({ ticket: { id: 'T-1' } }).valid, strings.isValid('hello')];
    }
    for (const [name, run] of [['kit', () => kept.check({})], ['validator', () => keptValidator.isValid('x')]]) {
      try {
        run();
        results[name] = 'still works';
      } catch (error) {
        results[name] = error instanceof HandoffKitError ? error.kind + ': ' + error.message : String(error);
      }
    }
    return results;
  })()`);
  assert.equal(outcome.native, true);
  assert.deepEqual(outcome.inside, [false, true]);
  assert.match(outcome.kit, /^input: This HandoffKit was freed/);
  assert.match(outcome.validator, /^input: This Validator was freed/);
  await page.close();
});
