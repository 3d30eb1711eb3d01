// The org bundle drives the extension: its own adapter (a page no shipped adapter knows) is used,
// its `extension.gate` applies, and a team alias on the page ("Billing Finance") selects the
// team's policy, so the panel shows that team's deadline.
import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { foreignRequests, launch, panel, serve, setOptions, until } from './harness.mjs';

const BUNDLE = JSON.stringify({
  bundle: 'acme-support',
  version: '2.0.0',
  teams: { finance: { name: 'Finance', aliases: ['Billing Finance'] } },
  extension: {
    gate: 'block',
    adapters: [
      {
        id: 'acme-desk',
        name: 'Acme Desk',
        match: { hosts: ['127.0.0.1'], paths: ['/acme/case'] },
        editor: { selector: '#handoff-note', format: 'text' },
        context: {
          '/ticket/id': { from: 'url', param: 'case' },
          '/handoff/from/team': { selector: '#from', read: 'text' },
          '/handoff/to/team': { selector: '#queue', read: 'selectedText' },
        },
        action: { selector: '#escalate', event: 'click' },
      },
    ],
  },
});

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Acme Desk</title></head>
<body><h1>Case 881</h1><span id="from">Support</span>
<select id="queue"><option>Support</option><option selected>Billing Finance</option></select>
<textarea id="handoff-note" style="width:600px;height:200px"></textarea>
<button id="escalate" type="button">Escalate</button>
<script>window.handoffs = 0; document.getElementById('escalate').addEventListener('click', () => window.handoffs++);</script>
</body></html>`;

// Also the regression test for checks after a bundle update in the same worker life: they used
// the kit the update had freed ("This HandoffKit was freed") until ready() returned the live one.
test("the org bundle's adapter, gate and team aliases; checks after a bundle update use the new kit", { timeout: 120_000 }, async () => {
  const server = await serve({
    '/bundle.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(BUNDLE),
    '/acme/case': (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
  });
  const browser = await launch();
  try {
    const integrity = `sha384-${crypto.createHash('sha384').update(BUNDLE).digest('base64')}`;
    const options = await setOptions(browser, { bundle_url: `${server.url}/bundle.json`, bundle_integrity: integrity, gate: '' });
    assert.match(await options.textContent('#active'), /acme-support 2\.0\.0/);
    await options.close();

    const page = await browser.context.newPage();
    await page.goto(`${server.url}/acme/case?case=881`);
    await page.waitForFunction(() => document.querySelector('handoff-kit-layer'), null, { timeout: 15_000 });
    await page.focus('#handoff-note');
    await page.keyboard.type('Scenario: billing_to_finance\nSummary: customer is upset about something.\nOwner: Finance');
    const p = await until(async () => {
      const s = await panel(page);
      return s?.codes.includes('schema/required') && s.sla ? s : null;
    }, 'findings and the Finance deadline');
    assert.match(p.sla, /Due/);
    await page.click('#escalate');
    await until(async () => (await panel(page))?.notice, "the bundle's block gate");
    assert.equal(await page.evaluate(() => window.handoffs), 0, "the bundle's gate (block) held the escalation");
    assert.deepEqual(foreignRequests(browser.requests, browser.extensionId), []);
    assert.ok(server.log.filter((p) => p === '/bundle.json').length >= 1);
  } finally {
    await browser.close();
    await server.close();
  }
});
