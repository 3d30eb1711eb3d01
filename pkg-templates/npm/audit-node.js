// handoff-kit/audit for Node, Bun and Deno: ready on import, no `await init()` needed (it is
// kept, so code written for browsers runs unchanged). The audit's .wasm is read from the
// package's folder (audit/handoff_kit_audit_bg.wasm) when this module loads.
import { readFileSync } from 'node:fs';
import { initFrom, initSync } from './audit-api.js';

initSync(readFileSync(new URL('./audit/handoff_kit_audit_bg.wasm', import.meta.url)));

export { Auditor, HandoffKitError, auditStream, initSync } from './audit-api.js';

/** Already done on import. */
export function init(input) {
  return initFrom(input, 'handoff-kit/audit');
}

export default init;
