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

// Decoded with Uint8Array.fromBase64 where the engine has it, atob elsewhere: in headless
// Chromium 14–46 ms and 29–74 ms to bytes and compiled, against 222–458 ms through a
// `data:application/wasm;base64,…` fetch.
function inlinedWasm() {
  return decodeBase64(wasmBase64);
}

export default init;
