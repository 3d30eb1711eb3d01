// The entry points besides the Node one (issue 19), in Node: /slim takes the .wasm from the
// caller, /inline carries it, and every way init() can fail is a HandoffKitError of kind init
// that names what was fetched, what came back and the fix. The browser side of these is
// tests/frontend (real bundlers and dev servers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const wasmPath = new URL('./node_modules/handoff-kit/handoff_kit_bg.wasm', import.meta.url);
const bytes = readFileSync(wasmPath);

async function initError(promise) {
  try {
    await promise;
  } catch (error) {
    assert.equal(error.name, 'HandoffKitError', String(error));
    assert.equal(error.kind, 'init');
    return error;
  }
  return assert.fail('expected init() to fail');
}

// Each case imports its own copy of slim.js (a query makes a new module instance), so one
// case's successful init() does not hide another's error.

test('slim init() without the .wasm is an init error that says what to pass', async () => {
  const { init } = await import('./node_modules/handoff-kit/slim.js?no-input');
  const error = await initError(init());
  assert.match(error.message, /handoff-kit\/slim needs the \.wasm: pass init\(\) its URL, a Response, its bytes or a WebAssembly\.Module/);
});

test('init() of a dev server answering HTML names the URL, status, content type and the optimizeDeps fix', async () => {
  const { init } = await import('./node_modules/handoff-kit/slim.js?html');
  const html = new Response('<!doctype html><html></html>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
  Object.defineProperty(html, 'url', { value: 'http://127.0.0.1:5173/node_modules/.vite/deps/handoff_kit_bg.wasm' });
  const error = await initError(init(html));
  assert.match(error.message, /http:\/\/127\.0\.0\.1:5173\/node_modules\/\.vite\/deps\/handoff_kit_bg\.wasm answered 200 \(text\/html; charset=utf-8\)/);
  assert.match(error.message, /optimizeDeps: \{ exclude: \['handoff-kit'\] \}/);
});

test('init() of a 404 says so and what to do; of HTML bytes without a content type, shows the bytes found', async () => {
  const { init } = await import('./node_modules/handoff-kit/slim.js?404');
  const missing = await initError(init(new Response('not found', { status: 404, statusText: 'Not Found' })));
  assert.match(missing.message, /answered 404 Not Found \(text\/plain;charset=UTF-8\)\. Serve handoff_kit_bg\.wasm at that URL, or pass its URL to init\(\)/);
  const untyped = new Response(new TextEncoder().encode('<!doctype html>'), { status: 200 });
  const error = await initError(init(untyped));
  assert.match(error.message, /is not WebAssembly: expected the bytes 00 61 73 6d, found 3c 21 64 6f/);
});

test('init() of an unreachable URL and of a rejected promise are init errors too', async () => {
  const { init } = await import('./node_modules/handoff-kit/slim.js?unreachable');
  const unreachable = await initError(init('http://127.0.0.1:9/handoff_kit_bg.wasm'));
  assert.match(unreachable.message, /Could not fetch the Handoff Kit \.wasm from http:\/\/127\.0\.0\.1:9\/handoff_kit_bg\.wasm/);
  const rejected = await initError(init(Promise.reject(new Error('offline'))));
  assert.match(rejected.message, /The promise given to init\(\) was rejected: offline/);
  const wrong = await initError(init(42));
  assert.match(wrong.message, /init\(\) takes a URL/);
  await initError(init(new Uint8Array([1, 2, 3, 4])));
});

test('slim: init from bytes, from a WebAssembly.Module and from a Response; a kit before init() says to call it', async () => {
  const fromBytes = await import('./node_modules/handoff-kit/slim.js?bytes');
  assert.throws(() => new fromBytes.HandoffKit(), (e) => e.kind === 'init' && /call `await init\(\)`/.test(e.message));
  await fromBytes.init(bytes);
  assert.equal(new fromBytes.HandoffKit().bundle.bundle, 'built-in');
  await fromBytes.init(); // already loaded: resolves, no argument needed
  const fromModule = await import('./node_modules/handoff-kit/slim.js?module');
  fromModule.initSync(new WebAssembly.Module(bytes));
  assert.equal(new fromModule.HandoffKit().bundle.bundle, 'built-in');
  const fromResponse = await import('./node_modules/handoff-kit/slim.js?response');
  await fromResponse.init(new Response(bytes, { headers: { 'content-type': 'application/wasm' } }));
  assert.ok(new fromResponse.HandoffKit().noteTemplate('billing_to_finance').includes('Summary:'));
});

test('initSync of something else than bytes or a module is an init error', async () => {
  const { initSync } = await import('./node_modules/handoff-kit/slim.js?sync');
  assert.throws(() => initSync('handoff_kit_bg.wasm'), (e) => e.name === 'HandoffKitError' && e.kind === 'init');
});

test('inline: init() with no argument, no file read', async () => {
  const inline = await import('handoff-kit/inline');
  await inline.init();
  assert.equal(new inline.HandoffKit().bundle.bundle, 'built-in');
});

test('require() of every subpath gives the same API (Node >= 20.19 loads the ES modules)', () => {
  const require = createRequire(import.meta.url);
  for (const entry of ['handoff-kit', 'handoff-kit/inline', 'handoff-kit/slim']) {
    const api = require(entry);
    assert.equal(typeof api.init, 'function', entry);
    assert.equal(typeof api.HandoffKit, 'function', entry);
    assert.equal(typeof api.HandoffKitError, 'function', entry);
  }
  assert.equal(typeof require('handoff-kit/worker').createKit, 'function');
});

test('handoff-kit/worker outside a browser: createKit is an init error that says where it runs', async () => {
  const { createKit } = await import('handoff-kit/worker');
  const error = await initError(createKit());
  assert.match(error.message, /needs module workers/);
});
