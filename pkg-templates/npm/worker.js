// handoff-kit/worker: the same kits, computed in a module worker the package ships, so the
// page's main thread never runs the wasm. `const kit = await createKit({ bundle })`; every
// method returns a promise. One worker serves every kit and validator of the page; messages
// sent before it is ready wait for it.
import { HandoffKitError } from './error.js';

export { HandoffKitError };

let shared;

function workerFailed(url, detail) {
  return new HandoffKitError(
    `The handoff-kit worker (${url}) did not start${detail ? `: ${detail}` : ''}. Serve kit-worker.js next to `
      + "worker.js (bundlers that understand `new Worker(new URL(…, import.meta.url))` do it: Vite, "
      + 'webpack 5, Parcel), or pass createKit({ worker }) a Worker you made from handoff-kit/kit-worker.js.',
    { kind: 'init' },
  );
}

// The shared worker and its pending calls, created by the first createKit/createValidator.
function connection(options) {
  if (shared !== undefined) return shared;
  if (typeof Worker !== 'function' && options.worker === undefined) {
    throw new HandoffKitError(
      'handoff-kit/worker needs module workers (a browser, or a runtime with a web-style Worker); in Node use `handoff-kit`.',
      { kind: 'init' },
    );
  }
  const url = options.worker === undefined ? 'kit-worker.js, next to handoff-kit/worker' : 'the worker you passed';
  const worker = options.worker
    ?? new Worker(new URL('./kit-worker.js', import.meta.url), { type: 'module', name: 'handoff-kit' });
  const pending = new Map();
  let nextId = 0;
  let broken;
  // A worker that failed stays failed for the kits made on it; the next createKit starts anew.
  const fail = (error) => {
    broken = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    if (shared?.send === send) shared = undefined;
  };
  worker.addEventListener('message', ({ data }) => {
    const call = pending.get(data.id);
    if (call === undefined) return;
    pending.delete(data.id);
    if (data.error) call.reject(new HandoffKitError(data.error.message, data.error));
    else call.resolve(data.value);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault?.();
    fail(workerFailed(url, event.message));
  });
  worker.addEventListener('messageerror', () => fail(workerFailed(url, 'a message could not be read')));
  const send = (message) => new Promise((resolve, reject) => {
    if (broken) {
      reject(broken);
      return;
    }
    const id = nextId++;
    pending.set(id, { resolve, reject });
    try {
      worker.postMessage({ ...message, id });
    } catch (error) {
      pending.delete(id);
      // A value the structured clone cannot copy (a function, a symbol, …).
      reject(new HandoffKitError(`This argument cannot be sent to the worker: ${error?.message ?? error}`, { cause: error }));
    }
  });
  let nextHandle = 0;
  shared = { send, handle: () => nextHandle++ };
  send({ op: 'init', wasm: options.wasm === undefined ? undefined : wasmInput(options.wasm) }).catch(() => {});
  return shared;
}

// What the worker's init() can receive: URLs travel as text (a URL object does not clone).
function wasmInput(wasm) {
  return wasm instanceof URL ? wasm.href : wasm;
}

const dispose = Symbol.dispose ?? Symbol.for('Symbol.dispose');

class Remote {
  #send;
  #handle;
  constructor(send, handle) {
    this.#send = send;
    this.#handle = handle;
  }
  call(method, args) {
    return this.#send({ op: 'call', handle: this.#handle, method, args });
  }
  /** Releases the object in the worker. */
  free() {
    return this.#send({ op: 'free', handle: this.#handle });
  }
  [dispose]() {
    this.free().catch(() => {});
  }
}

/** A HandoffKit in the worker: the same methods, each returning a promise. */
export class WorkerKit extends Remote {
  constructor(send, handle, bundle) {
    super(send, handle);
    /** `{ bundle, version, scenarios }` of the loaded bundle. */
    this.bundle = bundle;
  }
  check(packet, options) { return this.call('check', [packet, options]); }
  validate(packet) { return this.call('validate', [packet]); }
  deadline(request) { return this.call('deadline', [request]); }
  businessMinutesBetween(calendar, from, to) { return this.call('businessMinutesBetween', [calendar, from, to]); }
  noteTemplate(scenario) { return this.call('noteTemplate', [scenario]); }
  parseNote(text, options) { return this.call('parseNote', [text, options]); }
  checkNote(text, options) { return this.call('checkNote', [text, options]); }
  runCases() { return this.call('runCases', []); }
}

/** A Validator in the worker: the same methods, each returning a promise. */
export class WorkerValidator extends Remote {
  validate(value) { return this.call('validate', [value]); }
  isValid(value) { return this.call('isValid', [value]); }
  validateText(text) { return this.call('validateText', [text]); }
  isValidText(text) { return this.call('isValidText', [text]); }
}

/**
 * A kit computed in the package's module worker. `bundle`: an org bundle (object or JSON text);
 * `wasm`: where the worker loads the .wasm from (default: next to kit-worker.js); `worker`: a
 * Worker you created from handoff-kit/kit-worker.js yourself. The first call's options decide
 * the shared worker.
 */
export async function createKit(options = {}) {
  const { send, handle } = connection(options ?? {});
  const id = handle();
  const bundle = await send({ op: 'kit', handle: id, bundle: options?.bundle });
  return new WorkerKit(send, id, bundle);
}

/** A Validator for any JSON Schema, computed in the package's module worker. */
export async function createValidator(schema, options = {}) {
  const { worker, wasm, ...validatorOptions } = options ?? {};
  const { send, handle } = connection({ worker, wasm });
  const id = handle();
  await send({ op: 'validator', handle: id, schema, options: validatorOptions });
  return new WorkerValidator(send, id);
}
