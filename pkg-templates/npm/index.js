// The default entry for browsers and bundlers: call `await init()` once, then use the API.
// `new URL('./handoff_kit_bg.wasm', import.meta.url)` is the pattern Vite, webpack 5, Parcel and
// browsers resolve to the .wasm next to this module; esbuild and Rollup do not (use
// handoff-kit/inline there, or pass the URL to init).
import { initFrom } from './api.js';

export { HandoffKit, HandoffKitError, Validator, initSync } from './api.js';

/** Loads the wasm module: from `input` if given, else from the .wasm next to this module. */
export function init(input) {
  return initFrom(input ?? new URL('./handoff_kit_bg.wasm', import.meta.url), 'handoff-kit');
}

export default init;
