// handoff-kit/inline: the .wasm travels inside the JavaScript as base64, so any bundler
// (esbuild, Rollup, Parcel, …) ships it with no plugin and no asset to serve. It costs a third
// more bytes raw than the .wasm file (README, "What it costs to load"). `await init()` once.
import { initFrom } from './api.js';
import { decodeBase64 } from './load.js';
import wasmBase64 from './wasm-base64.js';

export { HandoffKit, HandoffKitError, Validator, initSync } from './api.js';

/** Loads the inlined wasm module (or `input`, when given). */
export function init(input) {
  return initFrom(input ?? inlinedWasm, 'handoff-kit/inline');
}

// Decoded by the browser's own data: URL fetch where it can (native code, and the module
// compiles while it streams); by decodeBase64 where fetch refuses data: URLs (a strict CSP).
async function inlinedWasm() {
  if (typeof fetch === 'function') {
    try {
      return await fetch(`data:application/wasm;base64,${wasmBase64}`);
    } catch {
      // fall through
    }
  }
  return decodeBase64(wasmBase64);
}

export default init;
