// The module worker behind handoff-kit/worker: it owns the wasm and the kits, and answers the
// page's messages `{ id, op, … }` with `{ id, value }` or `{ id, error }`. Messages that arrive
// before the .wasm is ready wait for it, in order; none is dropped.
import init, { HandoffKit, HandoffKitError, Validator } from './index.js';

const objects = new Map();
let started;

const KIT_METHODS = new Set([
  'check', 'validate', 'deadline', 'businessMinutesBetween', 'noteTemplate', 'parseNote', 'checkNote', 'runCases',
]);
const VALIDATOR_METHODS = new Set(['validate', 'isValid', 'validateText', 'isValidText']);

function run(message) {
  switch (message.op) {
    case 'kit': {
      const kit = new HandoffKit(message.bundle);
      objects.set(message.handle, kit);
      return kit.bundle;
    }
    case 'validator':
      objects.set(message.handle, new Validator(message.schema, message.options));
      return undefined;
    case 'call': {
      const target = objects.get(message.handle);
      if (target === undefined) {
        throw new HandoffKitError('This kit or validator was freed (by free() or at the end of a `using` block); create a new one.');
      }
      const methods = target instanceof HandoffKit ? KIT_METHODS : VALIDATOR_METHODS;
      if (!methods.has(message.method)) throw new TypeError(`No method ${message.method} here`);
      return target[message.method](...message.args);
    }
    case 'free':
      objects.get(message.handle)?.free();
      objects.delete(message.handle);
      return undefined;
    default:
      throw new TypeError(`Unknown message ${JSON.stringify(message.op)}`);
  }
}

function errorData(error) {
  return {
    message: error?.message ?? String(error),
    kind: error?.name === 'HandoffKitError' ? error.kind : 'internal',
    diagnostics: error?.diagnostics ?? [],
  };
}

self.onmessage = async ({ data }) => {
  if (data.op === 'init') {
    started ??= init(data.wasm ?? undefined);
  }
  started ??= init();
  let reply;
  try {
    await started;
    reply = { id: data.id, value: data.op === 'init' ? undefined : run(data) };
  } catch (error) {
    reply = { id: data.id, error: errorData(error) };
  }
  self.postMessage(reply);
};
