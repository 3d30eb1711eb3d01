// Entry point for Node, Bun and Deno (ESM): ready on import, no `await`. The .wasm comes from
// a JavaScript module (base64), not the file system: nothing is read from disk, and a server
// build (Next.js, other SSR bundlers) that moves this module still carries the bytes with it.
import { Buffer } from 'node:buffer';
import { initSync, initFrom } from './api.js';
import wasmBase64 from './wasm-base64.js';

initSync(Buffer.from(wasmBase64, 'base64'));

export { HandoffKit, HandoffKitError, Validator, initSync } from './api.js';

/** Already done on import; kept so code written for browsers runs unchanged. */
export function init(input) {
  return initFrom(input, 'handoff-kit');
}

export default init;
