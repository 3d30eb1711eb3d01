// Types for handoff-kit/audit: `handoff audit` in JavaScript, with its own .wasm. The report
// follows schemas/audit.schema.json (docs/audit.md, "What the report says").
import type { InitInput, OrgBundle } from './index.js';

export { HandoffKitError } from './index.js';
export type { HandoffKitErrorKind, InitInput, OrgBundle } from './index.js';

/** How the report groups handoffs besides the receiving teams and scenarios. */
export type AuditBy = 'team' | 'scenario' | 'agent' | 'week';

export interface AuditorOptions {
  /** An org bundle (object or JSON text); the built-in schemas without it. */
  bundle?: OrgBundle | string;
  /** The name examples and bad lines give for the first file (default `-`). */
  file?: string;
}

export interface AuditReportOptions {
  /** Default `team`. */
  by?: AuditBy;
  /** `json` (default): an object; `html`: one self-contained page. */
  format?: 'json' | 'html';
}

/** Where a line is: the file's name and its 1-based line number. */
export interface AuditLocation {
  file: string;
  line: number;
  ticket?: string;
}

export interface AuditBadLine {
  file: string;
  line: number;
  message: string;
}

/** Counts per value, summed up; medians are the lower middle value. */
export interface AuditDistribution {
  count: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
  max: number | null;
}

export interface AuditGrades {
  A: number;
  B: number;
  C: number;
  D: number;
  F: number;
}

export interface AuditCheck {
  /** A rubric check's id, e.g. `owner-not-a-person`. */
  id: string;
  applied: number;
  failed: number;
  /** failed / applied, rounded to 4 decimals. */
  failure_rate: number;
  /** The first line it failed on. */
  example?: AuditLocation;
}

/** Internal SLA attainment, judged at the receiving team's first action on its calendar. */
export interface AuditSla {
  met: number;
  breached: number;
  /** met / (met + breached); null when no handoff was judged. */
  attainment: number | null;
  /** Business minutes left at the first action (negative: late). */
  median_margin_minutes: number | null;
  broke_customer_deadline: number;
  no_action: number;
  no_policy: number;
}

export interface AuditGroup {
  key: string;
  handoffs: number;
  not_ready: number;
  median_score: number | null;
  grades: AuditGrades;
  sla: AuditSla;
  silent_transfers: number;
  documents_asked_twice: number;
  /** Up to three checks that fail most here. */
  top_checks: AuditCheck[];
}

/** `handoff audit --format json`: schemas/audit.schema.json. */
export interface AuditReport {
  kind: 'audit';
  /** `name@version` of the bundle. */
  bundle: string;
  by: AuditBy;
  lines: number;
  handoffs: number;
  direct_tickets: number;
  bad_lines: { count: number; examples: AuditBadLine[] };
  score: {
    median: number | null;
    mean: number | null;
    histogram: { from: number; to: number; count: number }[];
    grades: AuditGrades;
    not_ready: number;
  };
  checks: AuditCheck[];
  sla: AuditSla;
  tickets: {
    handed_off: number;
    direct: number;
    touches: AuditDistribution;
    /** `[touches, tickets]`, fewest touches first. */
    touches_histogram: [number, number][];
    reopened: number;
    reopen_known: number;
    reopen_rate: number | null;
    direct_reopened: number;
    direct_reopen_known: number;
    direct_reopen_rate: number | null;
    no_ticket_id: number;
  };
  /** Minutes from ticket.opened_at to the ticket's first handoff. */
  time_to_transfer: AuditDistribution;
  csat: { handed_off: AuditDistribution; direct: AuditDistribution };
  documents_asked_twice: number;
  silent_transfers: number;
  teams: AuditGroup[];
  scenarios: AuditGroup[];
  groups: AuditGroup[];
}

/**
 * An audit in progress. Push the export in pieces cut anywhere, then ask for the report; the
 * figures equal `handoff audit FILE`'s.
 * @throws {HandoffKitError} (constructor) when the bundle is malformed, or kind `init` before `init()`.
 */
export declare class Auditor implements Disposable {
  constructor(options?: AuditorOptions);
  /** The next piece of the export: text, or UTF-8 bytes cut anywhere. */
  push(chunk: string | BufferSource): void;
  /** Ends the current file and starts the next, named `file` (its lines count from 1). */
  startFile(file: string): void;
  /** Lines met so far in the current file. */
  readonly lines: number;
  /** The report of everything pushed so far. */
  report(options?: AuditReportOptions & { format?: 'json' }): AuditReport;
  report(options: AuditReportOptions & { format: 'html' }): string;
  /** Releases the wasm memory now; any other call afterwards throws. */
  free(): void;
  [Symbol.dispose](): void;
}

export interface AuditProgress {
  /** Bytes read so far. */
  bytes: number;
  /** Lines met so far. */
  lines: number;
  /** The Blob's size, or null for a stream. */
  total: number | null;
}

export interface AuditStreamOptions extends AuditorOptions, AuditReportOptions {
  /** Stops the audit: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Audits a whole export from a stream (bytes or text) or a Blob/File, chunk by chunk. */
export declare function auditStream(
  source: ReadableStream<Uint8Array | string> | Blob,
  options?: AuditStreamOptions & { format?: 'json' },
  onProgress?: (progress: AuditProgress) => void,
): Promise<AuditReport>;
export declare function auditStream(
  source: ReadableStream<Uint8Array | string> | Blob,
  options: AuditStreamOptions & { format: 'html' },
  onProgress?: (progress: AuditProgress) => void,
): Promise<string>;

/**
 * Loads the audit's .wasm (default: audit/handoff_kit_audit_bg.wasm next to the module). The
 * Node entry is ready on import. A failure is a HandoffKitError of kind `init`.
 */
export declare function init(input?: InitInput | Promise<InitInput>): Promise<void>;
export declare function initSync(module: BufferSource | WebAssembly.Module): void;
export default init;
