// Entry point for browsers and bundlers: call `await init()` once, then use the API.
export { HandoffKit, HandoffKitError, Validator, init, initSync } from './api.js';
export { init as default } from './api.js';
