// handoff-kit/slim: the wasm comes from the caller — a URL, a Response, its bytes or a
// WebAssembly.Module, e.g. the one Cloudflare workerd gives for `import wasm from
// 'handoff-kit/handoff_kit_bg.wasm'`. Nothing here refers to the .wasm file itself.
import { initFrom } from './api.js';

export { HandoffKit, HandoffKitError, Validator, initSync } from './api.js';

/** Loads the wasm module from `input` (required). */
export function init(input) {
  return initFrom(input, 'handoff-kit/slim');
}

export default init;
