// Self-hosted helpdesks on custom domains: hosts saved on the options page are asked for through
// optional_host_permissions and get the content script registered at run time; a page on such a
// host gets the script once (registered and static scripts do not double up).
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, setOptions } from './harness.mjs';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<form id="note" onsubmit="return false"><textarea id="internal_note"></textarea><input type="submit"></form></body></html>`;

test('enabled hosts: permission asked, content script registered, injected once', { timeout: 90_000 }, async () => {
  const server = await serve({ '/scp/tickets.php': (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE) });
  const browser = await launch();
  try {
    // 127.0.0.1 is granted at install, so the browser answers the request without a prompt.
    const options = await setOptions(browser, { enabled_hosts: ['http://127.0.0.1/*'] });
    const registered = await options.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    assert.deepEqual(registered.map((s) => [s.id, s.matches, s.js, s.allFrames]), [['enabled-hosts', ['http://127.0.0.1/*'], ['content.js'], true]]);
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/scp/tickets.php?id=1`);
    await page.waitForFunction(() => document.querySelector('handoff-kit-layer'), null, { timeout: 15_000 });
    await page.waitForTimeout(2000);
    assert.equal(await page.evaluate(() => document.querySelectorAll('handoff-kit-layer').length), 1, 'one layer: the script ran once');
    // Removing the host unregisters the script.
    const cleared = await setOptions(browser, { enabled_hosts: [] });
    assert.deepEqual(await cleared.evaluate(() => chrome.scripting.getRegisteredContentScripts()), []);
  } finally {
    await browser.close();
    await server.close();
  }
});
