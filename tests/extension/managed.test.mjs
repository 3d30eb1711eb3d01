// Browser policy (chrome.storage.managed): an administrator's values win over the agent's and are
// shown locked on the options page; an inline bundle (`bundle_json`) is applied. Chromium reads
// policy files from /etc/chromium/policies/managed/ at start-up; the test writes one naming only
// its own copy of the extension (its id derives from the copy's path) and removes it afterwards.
// Skipped, saying why, when that directory cannot be written (not root).
import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXTENSION_DIR, launch } from './harness.mjs';

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** Chromium's id for an unpacked extension: sha256 of its path, first 32 hex digits as a–p. */
function unpackedId(dir) {
  const hex = crypto.createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

function writable(dir) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const canWrite = writable(POLICY_DIR);
if (!canWrite) console.error(`\n#### SKIPPED: ${POLICY_DIR} is not writable; the managed-storage test did NOT run ####\n`);

test('managed policy: values win, are shown locked, and an inline bundle is applied', { skip: !canWrite && `${POLICY_DIR} not writable`, timeout: 120_000 }, async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-ext-managed-'));
  fs.cpSync(EXTENSION_DIR, copy, { recursive: true });
  const id = unpackedId(copy);
  const policyFile = path.join(POLICY_DIR, `handoff-kit-test-${id}.json`);
  const bundle = JSON.stringify({ bundle: 'acme-policy', version: '3.1.0' });
  fs.writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: { gate: 'warn', bundle_json: bundle, enabled_hosts: ['https://rt.acme.test/*'] } } } }));
  let browser;
  try {
    browser = await launch({ extensionDir: copy });
    assert.equal(browser.extensionId, id, 'the policy names this copy of the extension');
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    // The worker applies the inline bundle on install; ask again until it is active.
    await page.waitForFunction(async () => {
      const s = await chrome.runtime.sendMessage({ type: 'refresh' });
      return s.ok && s.value.active.name === 'acme-policy';
    }, null, { timeout: 20_000, polling: 500 });
    await page.reload();
    await page.waitForFunction(() => /acme-policy 3\.1\.0/.test(document.getElementById('active').textContent));
    assert.match(await page.textContent('#active'), /your administrator \(policy\)/);
    assert.equal(await page.inputValue('#gate'), 'warn');
    assert.ok(await page.isDisabled('#gate'), 'the gate is locked');
    assert.ok(await page.isVisible('[data-lock="gate"]'), 'and says who set it');
    assert.ok(await page.isDisabled('#enabled_hosts'));
    assert.ok(!(await page.isDisabled('#bundle_url')), 'what the admin did not set stays editable');
    // The agent cannot override a managed value through the background either.
    const after = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'save', settings: { gate: 'off' } }));
    assert.equal(after.value.gate, 'warn');
  } finally {
    await browser?.close();
    fs.rmSync(policyFile, { force: true });
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
