// handoff-kit/audit for browsers and bundlers: `await init()` once, then `new Auditor()` or
// `auditStream(file)`. The audit has its own .wasm (audit/handoff_kit_audit_bg.wasm), found
// next to this module the way handoff-kit's default entry finds its own (Vite, webpack 5, Parcel,
// browsers); elsewhere pass its URL, a Response, its bytes or a WebAssembly.Module to init().
import { initFrom } from './audit-api.js';

export { Auditor, HandoffKitError, auditStream, initSync } from './audit-api.js';

/** Loads the audit's wasm module: from `input` if given, else from the .wasm beside this module. */
export function init(input) {
  return initFrom(input ?? new URL('./audit/handoff_kit_audit_bg.wasm', import.meta.url), 'handoff-kit/audit');
}

export default init;
