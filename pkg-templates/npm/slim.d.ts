// Types for handoff-kit/slim: the API of `handoff-kit`, with `init` taking the .wasm from you.
export * from './index.js';
import type { InitInput } from './index.js';

/** Loads the wasm module from `input`: its URL, a Response, its bytes or a WebAssembly.Module. */
export declare function init(input: InitInput | Promise<InitInput>): Promise<void>;
export default init;
