// handoff-kit/audit's API, shared by its browser entry (audit.js) and its Node entry
// (audit-node.js): `handoff audit` in JavaScript. It has its own .wasm (audit/handoff_kit_audit_bg.wasm,
// the core built with the cargo feature `wasm-audit`), so the package's main .wasm, which agents
// and developers load, does not carry the audit. All reading, checking and adding up runs in
// that core; this module converts arguments and errors.
import * as core from './audit/handoff_kit_audit.js';
import { HandoffKitError, coreError, describe } from './error.js';
import { LoadError, resolveWasm } from './load.js';

export { HandoffKitError };

let ready = false;
let loading;
// Bumped whenever the wasm instance is replaced after a trap: audits begun before are lost.
let generation = 0;

/**
 * Loads the audit's wasm module once from `input` (a URL, a Response, bytes, a
 * WebAssembly.Module, a promise of one, or a function giving one, called only if it is not
 * loaded yet). Every failure is a HandoffKitError of kind `init`.
 */
export function initFrom(input, what) {
  if (ready) return Promise.resolve();
  loading ??= (async () => {
    try {
      const module = await resolveWasm(typeof input === 'function' ? input() : input, what);
      await core.default({ module_or_path: module });
      ready = true;
    } catch (error) {
      loading = undefined;
      if (error instanceof HandoffKitError) throw error;
      // load.js words its messages for the main .wasm: name this one instead.
      const message = error instanceof LoadError
        ? error.message.replaceAll('the Handoff Kit .wasm', "handoff-kit/audit's .wasm")
          .replaceAll('handoff_kit_bg.wasm', 'audit/handoff_kit_audit_bg.wasm')
          .replace("`import init from 'handoff-kit/inline'` needs no asset at all, or ", '')
          .replace(", or use 'handoff-kit/inline', which needs no request.", '.')
        : `handoff-kit/audit's .wasm could not be started: ${error?.message ?? error}`;
      throw new HandoffKitError(message, { kind: 'init', cause: error instanceof LoadError ? error.cause : error });
    }
  })();
  return loading;
}

/** Loads the audit's wasm module synchronously from its bytes or a compiled WebAssembly.Module. */
export function initSync(module) {
  if (ready) return;
  if (!(module instanceof WebAssembly.Module) && !(module instanceof ArrayBuffer || ArrayBuffer.isView(module))) {
    throw new HandoffKitError(`initSync() takes the .wasm bytes or a WebAssembly.Module, not ${describe(module)}.`, { kind: 'init' });
  }
  try {
    core.initSync({ module });
  } catch (error) {
    throw new HandoffKitError(
      `initSync() could not start handoff-kit/audit's .wasm: ${error?.message ?? error}. On a page's main thread, use \`await init()\` instead.`,
      { kind: 'init', cause: error },
    );
  }
  ready = true;
}

function toError(error) {
  return coreError(error, (trap) => {
    // The instance may be broken: replace it, so that a new Auditor works.
    core.__wbg_reset_state();
    generation += 1;
    return `The audit hit an internal error (${trap.message}) and was lost; start a new Auditor. `
      + 'Please report this with the input that caused it.';
  });
}

function guard(run) {
  if (!ready) {
    throw new HandoffKitError(
      "handoff-kit/audit is not initialised: call `await init()` once before the first Auditor (its Node entry needs none).",
      { kind: 'init' },
    );
  }
  try {
    return run();
  } catch (error) {
    throw toError(error);
  }
}

const BY = ['team', 'scenario', 'agent', 'week'];
const FORMAT = ['json', 'html'];
const encoder = new TextEncoder();

function reportOptions(options) {
  const by = options?.by ?? 'team';
  const format = options?.format ?? 'json';
  if (!BY.includes(by)) throw new HandoffKitError(`options.by must be "team", "scenario", "agent" or "week", not ${JSON.stringify(by)}.`);
  if (!FORMAT.includes(format)) throw new HandoffKitError(`options.format must be "json" or "html", not ${JSON.stringify(format)}.`);
  return { by, format };
}
const dispose = Symbol.dispose ?? Symbol.for('Symbol.dispose');

function bundleText(bundle) {
  if (bundle === undefined || bundle === null || typeof bundle === 'string') return bundle ?? undefined;
  if (typeof bundle !== 'object' || Array.isArray(bundle)) {
    throw new HandoffKitError(`options.bundle must be an org bundle (an object or its JSON text), not ${describe(bundle)}.`);
  }
  try {
    return JSON.stringify(bundle);
  } catch (error) {
    throw new HandoffKitError(`options.bundle is not JSON: ${error.message}`, { cause: error });
  }
}

function fileName(file, what) {
  if (file === undefined) return '-';
  if (typeof file !== 'string') throw new HandoffKitError(`${what} must be a string (the file's name in examples), not ${describe(file)}.`);
  return file;
}

/**
 * An audit in progress: push the NDJSON export in pieces cut anywhere (strings or bytes), then
 * ask for the report. Figures equal `handoff audit FILE`'s.
 */
export class Auditor {
  #raw;
  #generation;
  #bundle;
  // A high surrogate that ended the last string pushed (its pair starts the next one).
  #surrogate = '';
  /** `options`: `{ bundle?, file? }` (`file`: the name examples and bad lines give; default `-`). */
  constructor(options = {}) {
    if (options === null || typeof options !== 'object') {
      throw new HandoffKitError(`The options must be an object, not ${describe(options)}.`);
    }
    this.#bundle = bundleText(options.bundle);
    const file = fileName(options.file, 'options.file');
    guard(() => {
      this.#raw = new core.RawAuditor(this.#bundle, file);
      this.#generation = generation;
    });
  }

  #core() {
    if (this.#raw === undefined) {
      throw new HandoffKitError('This Auditor was freed (by free() or at the end of a `using` block); create a new one.');
    }
    if (this.#generation !== generation) {
      throw new HandoffKitError('This audit was lost when the audit core restarted after an internal error; start a new Auditor.', { kind: 'internal' });
    }
    return this.#raw;
  }

  /**
   * The next piece of the export: a string, or UTF-8 bytes (Uint8Array, ArrayBuffer, any view),
   * cut anywhere (in a line, in a UTF-8 sequence); line numbers go on from the last push.
   */
  push(chunk) {
    let bytes;
    if (typeof chunk === 'string') {
      let text = this.#surrogate + chunk;
      this.#surrogate = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        this.#surrogate = text.slice(-1);
        text = text.slice(0, -1);
      }
      bytes = encoder.encode(text);
    } else if (chunk instanceof Uint8Array) {
      bytes = chunk;
    } else if (chunk instanceof ArrayBuffer) {
      bytes = new Uint8Array(chunk);
    } else if (ArrayBuffer.isView(chunk)) {
      bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    } else {
      throw new HandoffKitError(`push() takes a string or UTF-8 bytes (a Uint8Array or an ArrayBuffer), not ${describe(chunk)}.`);
    }
    guard(() => this.#core().push(bytes));
  }

  /** Ends the current file and starts the next one, named `file`; its lines count from 1. */
  startFile(file) {
    const name = fileName(file, 'The file');
    this.#flushSurrogate();
    guard(() => this.#core().startFile(name));
  }

  /** Lines met so far in the current file (an unfinished last line not included). */
  get lines() {
    return guard(() => this.#core().lines());
  }

  /**
   * The report of everything pushed so far: `format: 'json'` (default) an object following
   * schemas/audit.schema.json, `'html'` one self-contained page (a string). `by`: team (default),
   * scenario, agent or week. An unfinished last line counts as the last line.
   */
  report(options = {}) {
    const { by, format } = reportOptions(options);
    this.#flushSurrogate();
    const text = guard(() => this.#core().report(by, format === 'html'));
    return format === 'html' ? text : JSON.parse(text);
  }

  // A lone high surrogate at the very end is text, as TextEncoder writes it (U+FFFD).
  #flushSurrogate() {
    if (this.#surrogate === '') return;
    const bytes = encoder.encode(this.#surrogate);
    this.#surrogate = '';
    guard(() => this.#core().push(bytes));
  }

  /** Releases the audit's wasm memory now; calling it twice is harmless. */
  free() {
    if (this.#raw !== undefined && this.#generation === generation) this.#raw.free();
    this.#raw = undefined;
  }

  /** `using audit = new Auditor()` frees it at the end of the block. */
  [dispose]() {
    this.free();
  }
}

function isStream(value) {
  return typeof value?.getReader === 'function';
}

/**
 * Audits a whole export from a ReadableStream (of bytes or strings) or a Blob / File, chunk by
 * chunk, in constant memory: resolves to `auditor.report(options)`. `options`: `{ bundle?, file?,
 * by?, format?, signal? }` (`file` defaults to the File's name). `onProgress({ bytes, lines,
 * total })` is called after each chunk (`total`: the Blob's size, else null).
 */
export async function auditStream(source, options = {}, onProgress) {
  const isBlob = typeof Blob === 'function' && source instanceof Blob;
  if (!isBlob && !isStream(source)) {
    throw new HandoffKitError(`auditStream() takes a ReadableStream or a Blob (a File), not ${describe(source)}.`);
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new HandoffKitError(`onProgress must be a function, not ${describe(onProgress)}.`);
  }
  reportOptions(options);
  const file = options?.file ?? (isBlob && typeof source.name === 'string' && source.name !== '' ? source.name : undefined);
  const auditor = new Auditor({ bundle: options?.bundle, file });
  const total = isBlob ? source.size : null;
  const reader = (isBlob ? source.stream() : source).getReader();
  const signal = options?.signal;
  let bytes = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason ?? new DOMException('The audit was aborted.', 'AbortError');
      const { done, value } = await reader.read();
      if (done) break;
      auditor.push(value);
      bytes += typeof value === 'string' ? encoder.encode(value).length : value.byteLength;
      onProgress?.({ bytes, lines: auditor.lines, total });
    }
    return auditor.report(options);
  } catch (error) {
    reader.cancel(error).catch(() => {});
    throw error;
  } finally {
    reader.releaseLock?.();
    auditor.free();
  }
}
