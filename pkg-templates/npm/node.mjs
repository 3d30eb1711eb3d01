// Entry point for Node (ESM): the wasm module is loaded synchronously on import, no `await`.
import { readFileSync } from 'node:fs';
import { initSync } from './api.js';

initSync(readFileSync(new URL('./handoff_kit_bg.wasm', import.meta.url)));

export { HandoffKit, HandoffKitError, Validator, init, initSync } from './api.js';
export { init as default } from './api.js';
