// Bundle updates through the options page: a good bundle is applied; a wrong integrity pin, a
// bundle that fails the meta-schema, a file that is not JSON, an HTTP 500 and a server that never
// answers are each refused with the reason on the options page, and the last good bundle stays
// active (also across an extension restart). The only requests are the bundle URL's.
import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import path from 'node:path';
import { SHOTS, foreignRequests, launch, optionsStatus, serve, setOptions, stopWorker } from './harness.mjs';

const sri = (text) => `sha384-${crypto.createHash('sha384').update(text).digest('base64')}`;
const V1 = JSON.stringify({ bundle: 'acme-support', version: '1.2.0' });
const V2 = JSON.stringify({ bundle: 'acme-support', version: '1.3.0' });
const INVALID = JSON.stringify({ bundle: 'acme-support' }); // no version: fails the meta-schema

test('bundle updates: good applied; bad integrity, invalid, not JSON, 500, timeout refused and the last good kept', { timeout: 180_000 }, async () => {
  const json = (body) => (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  const server = await serve({
    '/v1.json': json(V1),
    '/v2.json': json(V2),
    '/invalid.json': json(INVALID),
    '/not-json.json': json('{"bundle": "acme-support", '),
    '/500.json': (req, res) => res.writeHead(500).end('boom'),
    '/slow.json': (req, res) => setTimeout(() => res.writeHead(200).end(V2), 15_000).unref(),
  });
  const browser = await launch();
  try {
    const initial = await setOptions(browser, {});
    assert.match((await optionsStatus(initial)).active, /built-in bundle/);
    await initial.close();

    const step = async (values, expect) => {
      const page = await setOptions(browser, values);
      const status = await optionsStatus(page);
      await page.close();
      assert.match(status.active, expect.active, `active after ${JSON.stringify(values)}: ${status.active}`);
      assert.match(status.attempt, expect.attempt, `attempt after ${JSON.stringify(values)}: ${status.attempt}`);
      return status;
    };
    const keep = /acme-support 1\.2\.0/;
    await step({ bundle_url: `${server.url}/v1.json`, bundle_integrity: sri(V1) }, { active: keep, attempt: /applied/ });
    await step({ bundle_url: `${server.url}/v2.json`, bundle_integrity: sri(V1) }, { active: keep, attempt: /refused.*integrity mismatch.*kept/ });
    await step({ bundle_url: `${server.url}/invalid.json`, bundle_integrity: '' }, { active: keep, attempt: /refused.*meta-schema.*version/ });
    await step({ bundle_url: `${server.url}/not-json.json` }, { active: keep, attempt: /refused.*not JSON/ });
    await step({ bundle_url: `${server.url}/500.json` }, { active: keep, attempt: /refused.*HTTP 500/ });
    const page = await setOptions(browser, { bundle_url: `${server.url}/slow.json` });
    await page.waitForFunction(() => /timed out/.test(document.getElementById('attempt').textContent), null, { timeout: 20_000 });
    const slow = await optionsStatus(page);
    assert.match(slow.active, keep);
    assert.match(slow.attempt, /refused.*timed out/);
    await page.screenshot({ path: path.join(SHOTS, 'options-update-refused.png') });
    await page.close();
    await step({ bundle_url: `${server.url}/v2.json`, bundle_integrity: sri(V2) }, { active: /acme-support 1\.3\.0/, attempt: /applied/ });

    // The last good bundle survives the worker: stop it (as the browser does when idle), ask again.
    await stopWorker(browser);
    const after = await browser.context.newPage();
    await after.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await after.waitForFunction(() => /1\.3\.0/.test(document.getElementById('active').textContent), null, { timeout: 15_000 });
    await after.close();

    assert.ok(server.log.every((p) => /^\/(v1|v2|invalid|not-json|500|slow)\.json$/.test(p)), `only bundle URLs were requested: ${server.log}`);
    assert.deepEqual(foreignRequests(browser.requests, browser.extensionId), []);
  } finally {
    await browser.close();
    await server.close();
  }
});
