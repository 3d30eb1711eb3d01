// The one error class of the package, in its own module so handoff-kit/worker's page side
// has it without loading the wasm glue.

/** Thrown for every failure: bad input, an unusable bundle or schema, or an internal error. */
export class HandoffKitError extends Error {
  constructor(message, { kind = 'input', diagnostics = [], cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'HandoffKitError';
    this.kind = kind;
    this.diagnostics = diagnostics;
  }
}

/** What a value is, for messages about a wrong type: "null", "an array", "a number"… */
export function describe(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A failure out of a wasm core as a HandoffKitError: the core's own error (JSON text with
 * message, kind and diagnostics) as it says; a trap or a blown stack, after which the instance
 * may be broken, through `onTrap(error)`, which resets the instance and returns the words for
 * the caller; anything else as it was thrown.
 */
export function coreError(error, onTrap) {
  if (typeof error === 'string') {
    try {
      const { message, kind, diagnostics } = JSON.parse(error);
      return new HandoffKitError(message, { kind, diagnostics });
    } catch {
      return new HandoffKitError(error, { kind: 'internal' });
    }
  }
  const trapped = error instanceof WebAssembly.RuntimeError
    || (error instanceof RangeError && /call stack|memory/i.test(error.message));
  if (trapped) return new HandoffKitError(onTrap(error), { kind: 'internal', cause: error });
  return error;
}
