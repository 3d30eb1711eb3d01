// The JS API of Handoff Kit, shared by the Node, bundler and browser entry points.
// It converts arguments and errors; all validation, scoring and time math runs in the wasm core.
import * as core from './handoff_kit.js';
import { NotJsonError, jsonOfValue } from './json-value.js';
import { LoadError, resolveWasm } from './load.js';
import { HandoffKitError, coreError, describe } from './error.js';

export { HandoffKitError };

let ready = false;
// Bumped whenever the wasm instance is replaced after a trap; objects rebuild their core handle.
let generation = 0;

let loading;

/**
 * Loads the wasm module once from `input` (see load.js for what it may be, or a function that
 * gives it, called only if the module is not loaded yet); `what` names the
 * entry point in the message when nothing was given. Every failure is a HandoffKitError of
 * kind `init` that says what was fetched, what came back and what to do.
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
      throw initError(error);
    }
  })();
  return loading;
}

function initError(error) {
  if (error instanceof HandoffKitError) return error;
  const message = error instanceof LoadError
    ? error.message
    : `The Handoff Kit .wasm could not be started: ${error?.message ?? error}`;
  return new HandoffKitError(message, { kind: 'init', cause: error instanceof LoadError ? error.cause : error });
}

/** Loads the wasm module synchronously from its bytes or a compiled WebAssembly.Module. */
export function initSync(module) {
  if (ready) return;
  if (!(module instanceof WebAssembly.Module) && !(module instanceof ArrayBuffer || ArrayBuffer.isView(module))) {
    throw new HandoffKitError(
      `initSync() takes the .wasm bytes or a WebAssembly.Module, not ${describe(module)}.`,
      { kind: 'init' },
    );
  }
  try {
    core.initSync({ module });
  } catch (error) {
    // Browsers refuse to compile more than a few KB synchronously on the main thread.
    throw new HandoffKitError(
      `initSync() could not start the .wasm: ${error?.message ?? error}. On a page's main thread, `
        + 'use `await init(…)` with the same argument instead (browsers compile large modules only asynchronously there).',
      { kind: 'init', cause: error },
    );
  }
  ready = true;
}

// Any JS value as JSON text, as JSON.stringify writes it; what JSON cannot carry (NaN, a
// function, a BigInt, a cycle, …) is an error naming where it is (see json-value.js).
function valueText(value, what) {
  try {
    return jsonOfValue(value, what);
  } catch (error) {
    if (error instanceof NotJsonError) throw new HandoffKitError(error.message, { cause: error.cause });
    throw error;
  }
}

// An object (never a string), or JSON text of one: a string is read as JSON text.
function objectText(value, what) {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HandoffKitError(`${what} must be an object or JSON text, not ${describe(value)}.`);
  }
  return valueText(value, what);
}

// A schema is an object or a boolean, never a string: a string is read as JSON text.
function schemaText(schema) {
  if (typeof schema === 'string') return schema;
  if (typeof schema !== 'boolean' && (schema === null || typeof schema !== 'object' || Array.isArray(schema))) {
    throw new HandoffKitError(
      `A schema is an object or a boolean (or its JSON text), not ${describe(schema)}.`,
      { kind: 'schema' },
    );
  }
  return valueText(schema, 'The schema');
}

function textArgument(text, what) {
  if (typeof text !== 'string') throw new HandoffKitError(`${what} must be a string of JSON text, not ${describe(text)}.`);
  return text;
}

// Documents go to the core as UTF-8 that `encodeInto` writes into one reused buffer: the glue's
// own `&str` path copies character by character in JS first (bench/README.md). The wasm-bindgen
// glue copies the bytes into wasm memory before the call, so reusing the buffer is safe.
const encoder = new TextEncoder();
let scratch = new Uint8Array(1 << 16);
function utf8(text) {
  // At most 3 bytes per UTF-16 code unit. Big documents get their own buffer, not a kept one.
  if (text.length * 3 > scratch.length) {
    if (text.length > 1 << 20) return encoder.encode(text);
    scratch = new Uint8Array(text.length * 3);
  }
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}

function instantText(value, what) {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new HandoffKitError(`${what} is an invalid Date.`);
    return value.toISOString();
  }
  if (typeof value === 'string') return value;
  throw new HandoffKitError(`${what} must be an RFC 3339 string or a Date, not ${describe(value)}.`);
}

function invalid(what) {
  throw new HandoffKitError(`${what} is required: an RFC 3339 string or a Date.`);
}

// Whether a string surely has no lone surrogate (false where String.prototype.isWellFormed is missing).
const wellFormed = (text) => typeof text.isWellFormed === 'function' && text.isWellFormed();

function noteText(text) {
  if (typeof text !== 'string') throw new HandoffKitError(`The note must be a string, not ${describe(text)}.`);
  return text;
}

// true for HTML (as rich editors emit it), false for plain text and Markdown.
function noteFormat(format = 'text') {
  if (format !== 'text' && format !== 'html') {
    throw new HandoffKitError(`options.format must be "text" or "html", not ${JSON.stringify(format)}.`);
  }
  return format === 'html';
}

function toError(error) {
  return coreError(error, (trap) => {
    // The instance may be in a broken state: replace it so the next call works.
    core.__wbg_reset_state();
    generation += 1;
    return `Handoff Kit hit an internal error (${trap.message}) and restarted; the next call will work. `
      + 'Please report this with the input that caused it.';
  });
}

function guard(run) {
  if (!ready) {
    throw new HandoffKitError(
      'Handoff Kit is not initialised: call `await init()` once before the first kit (browsers, bundlers, '
        + "handoff-kit/inline and handoff-kit/slim; the Node entry and handoff-kit/worker need no init).",
      { kind: 'init' },
    );
  }
  try {
    return run();
  } catch (error) {
    throw toError(error);
  }
}

const SEVERITY = ['error', 'warning', 'info'];
const SOURCE = ['schema', 'rubric', 'sla'];
const GRADE = ['A', 'B', 'C', 'D', 'F'];
const CHECK_STATUS = ['passed', 'failed', 'not_applicable'];

// A report from the core's wire form (src/json_text/, `report_wire`): the same object that
// parsing the report's JSON would give, key order included, read code unit by code unit with
// no JSON.parse. `table` holds the texts this kit's core has numbered; each report brings the
// ones it numbered first.
function fromWire(s, table) {
  // Code units read in order: no JSON.parse. See `report_wire` for the layout.
  let i = 0;
  const num = () => {
    let u = s.charCodeAt(i++);
    if (u < 0x4000) return u;
    let n = u - 0x4000;
    let scale = 0x4000;
    for (;;) {
      u = s.charCodeAt(i++);
      if (u < 0x4000) return n + u * scale;
      n += (u - 0x4000) * scale;
      scale *= 0x4000;
    }
  };
  const signed = () => {
    const z = num();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  };
  const slice = (length) => {
    const value = s.slice(i, i + length);
    i += length;
    return value;
  };
  const str = () => slice(num());
  // A number names a text in the table; once the table is full, texts come inline.
  const t = () => {
    const v = num();
    return v % 2 === 0 ? table[v / 2] : slice((v - 1) / 2);
  };
  const news = num();
  for (let k = 0; k < news; k++) table.push(str());
  const valid = num() === 1;
  const diagnostics = new Array(num());
  for (let k = 0; k < diagnostics.length; k++) {
    const diagnostic = { code: t(), severity: SEVERITY[num()], path: t(), message: t() };
    if (num() === 1) diagnostic.hint = t();
    diagnostic.source = SOURCE[num()];
    if (num() === 1) diagnostic.span = { start: num(), end: num() };
    diagnostics[k] = diagnostic;
  }
  let score = null;
  if (num() === 1) {
    const value = num();
    const grade = GRADE[num()];
    const cap = num() === 1 ? { grade: GRADE[num()], value: num(), errors: num(), reason: t() } : null;
    const uncapped_value = num();
    const points = num();
    const max_points = num();
    const checks = new Array(num());
    for (let k = 0; k < checks.length; k++) {
      const check = { id: t(), status: CHECK_STATUS[num()], points: num(), max_points: num() };
      if (num() === 1) check.reason = t();
      checks[k] = check;
    }
    score = cap ? { value, grade, cap, uncapped_value } : { value, grade, uncapped_value };
    score.points = points;
    score.max_points = max_points;
    score.checks = checks;
  }
  let sla = null;
  if (num() === 1) {
    sla = { policy: t(), calendar: t(), team: num() === 1 ? t() : null, time_zone: t(), target: { unit: t(), value: num() } };
    sla.start = str();
    sla.deadline = str();
    sla.deadline_local = str();
    sla.warn_at = num() === 1 ? str() : null;
    sla.status = num() === 1 ? t() : null;
    sla.remaining_business_minutes = num() === 1 ? signed() : null;
    sla.elapsed_ratio = num() === 1 ? Number(str()) : null;
    const segments = new Array(num());
    for (let k = 0; k < segments.length; k++) {
      const start = str();
      const end = str();
      const kind = num();
      segments[k] = { start, end, minutes: kind === 0 ? signed() : kind === 1 ? Number(str()) : null };
    }
    sla.segments = segments;
  }
  return { valid, diagnostics, score, sla };
}

// A core object that is rebuilt from its inputs if the wasm instance was replaced. Without an
// explicit `free()`, the glue's FinalizationRegistry frees the core object once its wrapper
// (and so this handle) has been collected.
class Handle {
  #make;
  #value;
  #generation = -1;
  #owner;
  constructor(owner, make) {
    this.#owner = owner;
    this.#make = make;
  }
  get() {
    if (this.#make === undefined) {
      throw new HandoffKitError(
        `This ${this.#owner} was freed (by free() or at the end of a \`using\` block); create a new one.`,
        { kind: 'input' },
      );
    }
    if (this.#value === undefined || this.#generation !== generation) {
      this.#value = this.#make();
      this.#generation = generation;
    }
    return this.#value;
  }
  // Once freed, always freed: a second call does nothing, and `get` refuses.
  free() {
    if (this.#value !== undefined && this.#generation === generation) this.#value.free();
    this.#value = undefined;
    this.#make = undefined;
  }
}

// Read once, when this module loads: a `Symbol.dispose` polyfill must be loaded before it. With
// neither native nor polyfill, the method sits under a registered symbol, out of the way.
const dispose = Symbol.dispose ?? Symbol.for('Symbol.dispose');

/** Checks context packets against a bundle (or the built-in schemas). */
export class HandoffKit {
  #core;
  // The texts the current core has numbered (see `fromWire`), and that core.
  #table = [];
  #tableOf;
  constructor(bundle) {
    const text = bundle === undefined || bundle === null ? undefined : objectText(bundle, 'The bundle');
    this.#core = new Handle('HandoffKit', () => new core.RawKit(text));
    guard(() => this.#core.get());
  }

  /** The full report: `{ valid, diagnostics, score, sla }`. */
  check(packet, options = {}) {
    const text = objectText(packet, 'The packet');
    const now = instantText(options?.now, 'options.now');
    return this.#report((raw) => raw.check(utf8(text), now));
  }

  /** Schema diagnostics only. */
  validate(packet) {
    const text = objectText(packet, 'The packet');
    return JSON.parse(guard(() => this.#core.get().validate(utf8(text))));
  }

  /** The receiving team's deadline: `{ calendar, start, target, pauses?, now?, warn_before? }`. */
  deadline(request) {
    const text = objectText(request, 'The deadline request');
    return JSON.parse(guard(() => this.#core.get().deadline(text)));
  }

  /** Open minutes of a calendar (a bundle calendar's id, or a calendar object) between two instants. */
  businessMinutesBetween(calendar, from, to) {
    if (typeof calendar !== 'string' && (calendar === null || typeof calendar !== 'object' || Array.isArray(calendar))) {
      throw new HandoffKitError(`The calendar must be a calendar's id or a calendar object, not ${describe(calendar)}.`);
    }
    // A string is the calendar's id, not JSON text.
    const calendarText = valueText(calendar, 'The calendar');
    const fromText = instantText(from, 'from') ?? invalid('from');
    const toText = instantText(to, 'to') ?? invalid('to');
    return guard(() => this.#core.get().businessMinutesBetween(calendarText, fromText, toText));
  }

  /** The blank note (headings to fill in) for a scenario. */
  noteTemplate(scenario) {
    if (typeof scenario !== 'string') throw new HandoffKitError(`The scenario must be a string, not ${describe(scenario)}.`);
    return guard(() => this.#core.get().noteTemplate(scenario));
  }

  /** Reads a handoff note into `{ packet, diagnostics, text, spans, insert_at }`. */
  parseNote(text, options = {}) {
    const note = noteText(text);
    const html = noteFormat(options?.format);
    // A text note's text is the note itself, unless it has lone surrogates (the core reads
    // them as U+FFFD): only then, and for HTML (the rendered text), does the core send it.
    const withText = html || !wellFormed(note);
    const { packet, diagnostics, text: shown, spans, insert_at } = JSON.parse(guard(() => this.#core.get().parseNote(note, html, withText)));
    return { packet, diagnostics, text: withText ? shown : note, spans, insert_at };
  }

  /** The report for a note; every diagnostic's `span` points into the text the agent sees. */
  checkNote(text, options = {}) {
    const note = noteText(text);
    const html = noteFormat(options?.format);
    const context = options?.context === undefined ? undefined : objectText(options.context, 'options.context');
    const now = instantText(options?.now, 'options.now');
    return this.#report((raw) => raw.checkNote(note, html, context, now));
  }

  /**
   * Runs the bundle's regression cases (`cases`), in order: `[{ name, passed, failures, report }]`
   * (`report` is null when a case could not be checked; `failures` says why).
   */
  runCases() {
    return guard(() => {
      const raw = this.#raw();
      const results = new Array(raw.caseCount());
      for (let k = 0; k < results.length; k++) {
        const text = raw.runCase(k);
        const cut = text.indexOf('\n');
        const { name, passed, failures } = JSON.parse(text.slice(0, cut));
        const report = cut + 1 < text.length ? fromWire(text.slice(cut + 1), this.#table) : null;
        results[k] = { name, passed, failures, report };
      }
      return results;
    });
  }

  // A report from the core.
  #report(run) {
    return guard(() => fromWire(run(this.#raw()), this.#table));
  }

  // The core; a new core (after a trap) starts with an empty text table.
  #raw() {
    const raw = this.#core.get();
    if (raw !== this.#tableOf) {
      this.#table = [];
      this.#tableOf = raw;
    }
    return raw;
  }

  /** `{ bundle, version, scenarios }` of the loaded bundle. */
  get bundle() {
    return JSON.parse(guard(() => this.#core.get().describe()));
  }

  /**
   * Releases the wasm memory now rather than when the kit is garbage-collected. Optional;
   * calling it twice is harmless, and any other call afterwards throws a HandoffKitError.
   */
  free() {
    this.#core.free();
  }

  /** `using kit = new HandoffKit()` frees the kit at the end of the block. */
  [dispose]() {
    this.free();
  }
}

/** Any JSON Schema, compiled once: for front-end forms and tools. */
export class Validator {
  #core;
  /** `schema`: an object or a boolean, or its JSON text (a schema is never a string). */
  constructor(schema, options = {}) {
    const text = schemaText(schema);
    const registry = options?.registry === undefined ? undefined : objectText(options.registry, 'options.registry');
    const assertFormats = options?.assertFormats ?? true;
    if (typeof assertFormats !== 'boolean') {
      throw new HandoffKitError(`options.assertFormats must be true or false, not ${describe(assertFormats)}.`);
    }
    this.#core = new Handle('Validator', () => new core.RawValidator(text, registry, assertFormats));
    guard(() => this.#core.get());
  }

  /** Diagnostics for a JS value, as ajv reads one: a string is a JSON string, not JSON text. */
  validate(value) {
    return this.#diagnostics(valueText(value, 'The value'));
  }

  /** Whether a JS value is valid: a string is a JSON string, not JSON text. */
  isValid(value) {
    return this.#isValid(valueText(value, 'The value'));
  }

  /** Diagnostics for a document given as JSON text. */
  validateText(text) {
    return this.#diagnostics(textArgument(text, 'The document'));
  }

  /** Whether a document given as JSON text is valid. */
  isValidText(text) {
    return this.#isValid(textArgument(text, 'The document'));
  }

  #diagnostics(text) {
    return JSON.parse(guard(() => this.#core.get().validate(utf8(text))));
  }

  #isValid(text) {
    return guard(() => this.#core.get().isValid(utf8(text)));
  }

  /** Releases the wasm memory now rather than at garbage collection; see `HandoffKit#free`. */
  free() {
    this.#core.free();
  }

  /** `using validator = new Validator(schema)` frees it at the end of the block. */
  [dispose]() {
    this.free();
  }
}
