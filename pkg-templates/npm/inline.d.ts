// Types for handoff-kit/inline: the API of `handoff-kit`; `init()` needs no argument (the
// .wasm is inlined in the module).
export * from './index.js';
export { default } from './index.js';
