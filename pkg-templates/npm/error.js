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
