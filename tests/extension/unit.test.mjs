// The extension's logic that needs no browser: adapter matching and context reading from URLs,
// the shipped adapters' shape, bundle fetch/integrity/meta-schema checks, settings precedence,
// and the background kit proxy's coalescing.
import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HandoffKit } from '../../dist/npm/node.mjs';
import { hostMatches, pathMatches, pickAdapter, readSource, setPointer } from '../../pkg-templates/extension/src/adapter.js';
import { checkBundleText, checkIntegrity, fetchBundle, sri384 } from '../../pkg-templates/extension/src/bundle-source.js';
import { readSettings, writeUserSettings } from '../../pkg-templates/extension/src/settings.js';
import { backgroundKit } from '../../pkg-templates/extension/src/kit-proxy.js';
import { ROOT } from './harness.mjs';

const ADAPTERS_DIR = path.join(ROOT, 'pkg-templates/extension/adapters');
const shipped = fs.readdirSync(ADAPTERS_DIR).map((f) => JSON.parse(fs.readFileSync(path.join(ADAPTERS_DIR, f), 'utf8')));
const loc = (href) => {
  const u = new URL(href);
  return { hostname: u.hostname, pathname: u.pathname, search: u.search, hash: u.hash };
};

test('shipped adapters: eight helpdesks, each with match, editor, context pointers and an action', () => {
  assert.deepEqual(shipped.map((a) => a.id).sort(), ['freescout', 'freshdesk', 'helpscout', 'jira-service-management', 'osticket', 'rt5', 'zammad', 'zendesk']);
  for (const a of shipped) {
    assert.ok(a.name && a.match.hosts.length && a.match.paths.length, a.id);
    assert.ok(['text', 'html'].includes(a.editor.format), `${a.id} editor.format`);
    assert.ok(a.action.selector && ['click', 'submit'].includes(a.action.event), `${a.id} action`);
    for (const [pointer, source] of Object.entries(a.context)) {
      assert.match(pointer, /^(\/[a-z_]+)+$/, `${a.id} ${pointer}`);
      if (source.pattern) assert.doesNotThrow(() => new RegExp(source.pattern), `${a.id} ${pointer} pattern`);
      assert.ok(source.from === 'url' || source.selector, `${a.id} ${pointer} source`);
    }
  }
});

test('shipped adapters: each is one an admin could put in the org bundle (the bundle meta-schema accepts them)', () => {
  // The same strict schema (schemas/bundle/extension.schema.json#/$defs/adapter) that refuses a
  // typo in an org adapter: a shipped adapter that drifted from the contract fails here.
  for (const adapter of shipped) {
    const bundle = { bundle: 'adapters-check', version: '1.0.0', extension: { gate: 'warn', adapters: [adapter] } };
    assert.doesNotThrow(() => new HandoffKit(bundle).free(), `${adapter.id} does not match the bundle's adapter schema`);
  }
  // And the check can fail: a misspelt key is refused with its path.
  const typo = { ...shipped[0], editor: { ...shipped[0].editor, selecter: 'textarea' } };
  assert.throws(
    () => new HandoffKit({ bundle: 'adapters-check', version: '1.0.0', extension: { adapters: [typo] } }),
    (e) => e.kind === 'bundle' && /selecter/.test(JSON.stringify(e.diagnostics) + e.message),
  );
});

test('host and path matching', () => {
  assert.ok(hostMatches(['*.zendesk.com'], 'acme.zendesk.com'));
  assert.ok(!hostMatches(['*.zendesk.com'], 'zendesk.com.evil.example'));
  assert.ok(hostMatches(['*'], 'rt.example.org'));
  assert.ok(pathMatches(['/Ticket/Update.html'], loc('http://x/Ticket/Update.html?id=3')));
  assert.ok(!pathMatches(['/Ticket/Update.html'], loc('http://x/Ticket/Display.html?id=3')));
  assert.ok(pathMatches(['/agent/tickets/*'], loc('https://a.zendesk.com/agent/tickets/12')));
  assert.ok(pathMatches(['/#ticket/zoom/*'], loc('https://z.example/#ticket/zoom/7')));
  assert.ok(!pathMatches(['/#ticket/zoom/*'], loc('https://z.example/#dashboard')));
});

test('pickAdapter: the first match wins, so an org adapter comes before the shipped ones', () => {
  const own = { id: 'own', match: { hosts: ['rt.acme.test'], paths: ['/Ticket/'] }, editor: { selector: 'textarea' } };
  assert.equal(pickAdapter([own, ...shipped], loc('https://rt.acme.test/Ticket/Update.html?id=1')).id, 'own');
  assert.equal(pickAdapter(shipped, loc('https://other.test/Ticket/Update.html?id=1')).id, 'rt5');
  assert.equal(pickAdapter(shipped, loc('https://acme.zendesk.com/agent/tickets/42')).id, 'zendesk');
  assert.equal(pickAdapter(shipped, loc('https://acme.freshdesk.com/a/tickets/9')).id, 'freshdesk');
  assert.equal(pickAdapter(shipped, loc('https://example.org/')), null);
  assert.equal(pickAdapter([null, 'x', { id: 'no-editor', match: { hosts: ['*'], paths: ['/'] } }], loc('https://e/')), null);
});

test('context from the URL: query parameters and patterns', () => {
  assert.equal(readSource({ from: 'url', param: 'id' }, null, loc('http://x/Ticket/Update.html?id=17&Action=Comment')), '17');
  assert.equal(readSource({ from: 'url', pattern: '/agent/tickets/(\\d+)' }, null, loc('https://a.zendesk.com/agent/tickets/42')), '42');
  assert.equal(readSource({ from: 'url', pattern: '#ticket/zoom/(\\d+)' }, null, loc('https://z/#ticket/zoom/7')), '7');
  assert.equal(readSource({ from: 'url', param: 'nope' }, null, loc('http://x/?id=1')), undefined);
  const packet = {};
  setPointer(packet, '/handoff/to/team', 'Finance');
  setPointer(packet, '/ticket/id', '17');
  assert.deepEqual(packet, { handoff: { to: { team: 'Finance' } }, ticket: { id: '17' } });
});

test('bundle checks: integrity pin, JSON, meta-schema through HandoffKit', async () => {
  const text = JSON.stringify({ bundle: 'acme', version: '1.0.0' });
  const bytes = new TextEncoder().encode(text);
  const pin = `sha384-${crypto.createHash('sha384').update(text).digest('base64')}`;
  assert.equal(await sri384(bytes), pin);
  assert.deepEqual(await checkIntegrity(bytes, pin), { ok: true, digest: pin });
  assert.match((await checkIntegrity(bytes, `sha384-${'A'.repeat(64)}`)).reason, /integrity mismatch/);
  assert.match((await checkIntegrity(bytes, 'sha256-abc')).reason, /not sha384/);
  const make = (t) => new HandoffKit(t);
  const ok = checkBundleText(text, make);
  assert.equal(ok.ok, true);
  assert.equal(ok.info.bundle, 'acme');
  ok.kit.free();
  assert.match(checkBundleText('{"bundle":', make).reason, /not JSON/);
  assert.match(checkBundleText('[1]', make).reason, /not a JSON object/);
  assert.match(checkBundleText('{"bundle":"acme"}', make).reason, /meta-schema.*\/version/);
});

test('bundle fetch: https only (or loopback http), HTTP errors, timeouts, size', async () => {
  const fake = (res) => async () => res;
  assert.match((await fetchBundle('http://example.org/b.json', { fetchImpl: fake() })).reason, /must be https/);
  assert.match((await fetchBundle('not a url', { fetchImpl: fake() })).reason, /not a URL/);
  assert.match((await fetchBundle('https://e.test/b.json', { fetchImpl: fake(new Response('x', { status: 503 })) })).reason, /HTTP 503/);
  const good = await fetchBundle('https://e.test/b.json', { fetchImpl: fake(new Response('{"a":1}')) });
  assert.equal(new TextDecoder().decode(good.bytes), '{"a":1}');
  const hang = (url, { signal }) => new Promise((_, ko) => signal.addEventListener('abort', () => ko(new Error('aborted'))));
  assert.match((await fetchBundle('http://127.0.0.1:9/b.json', { fetchImpl: hang, timeoutMs: 50 })).reason, /timed out/);
  const refused = async () => {
    throw new TypeError('fetch failed');
  };
  assert.match((await fetchBundle('https://e.test/b.json', { fetchImpl: refused })).reason, /request failed: fetch failed/);
});

test('settings: managed values win and are locked; the agent cannot write them', async () => {
  const store = { settings: { gate: 'warn', bundle_url: 'https://agent.test/b.json', bundle_json: '{}', junk: 1 } };
  const api = {
    storage: {
      managed: { get: async () => ({ gate: 'block', enabled_hosts: ['https://rt.acme.test/*', 3], refresh_minutes: 1 }) },
      local: { get: async (k) => ({ [k]: store[k] }), set: async (v) => Object.assign(store, v) },
    },
  };
  const { settings, locked } = await readSettings(api);
  assert.equal(settings.gate, 'block');
  assert.deepEqual(settings.enabled_hosts, ['https://rt.acme.test/*']);
  assert.equal(settings.refresh_minutes, 60, 'under 5 minutes is ignored');
  assert.equal(settings.bundle_url, 'https://agent.test/b.json');
  assert.equal(settings.bundle_json, '', 'an inline bundle only comes from policy');
  assert.deepEqual(locked.sort(), ['enabled_hosts', 'gate']);
  await writeUserSettings(api, { gate: 'off', bundle_url: 'https://other.test/b.json' });
  assert.equal(store.settings.gate, undefined, 'a locked key is not stored');
  assert.equal(store.settings.bundle_url, 'https://other.test/b.json');
  const firefoxWithoutPolicy = { storage: { ...api.storage, managed: { get: async () => Promise.reject(new Error('Managed storage manifest not found')) } } };
  assert.deepEqual((await readSettings(firefoxWithoutPolicy)).locked, []);
});

test('kit proxy: a burst of checks costs two round trips and every caller gets the newest report', async () => {
  const sent = [];
  const pending = [];
  const send = (m) => {
    sent.push(m.text);
    return new Promise((ok) => pending.push(() => ok({ report: { diagnostics: [], text: m.text } })));
  };
  const kit = backgroundKit(send);
  const calls = ['a', 'ab', 'abc', 'abcd'].map((t) => kit.checkNote(t, {}));
  assert.deepEqual(sent, ['a']);
  pending.shift()();
  await new Promise((ok) => setTimeout(ok, 0));
  assert.deepEqual(sent, ['a', 'abcd']);
  pending.shift()();
  const results = await Promise.all(calls);
  assert.deepEqual(results.map((r) => r.text), ['a', 'abcd', 'abcd', 'abcd']);
  assert.equal(kit.last.text, 'abcd');
  const failing = backgroundKit(() => Promise.reject(new Error('worker gone')));
  await assert.rejects(failing.checkNote('x', {}), /worker gone/);
  await assert.rejects(failing.checkNote('y', {}), /worker gone/, 'a failure does not wedge the queue');
});
