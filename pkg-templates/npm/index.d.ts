// Type declarations for handoff-kit. Shapes match schemas/report.schema.json,
// schemas/packet.schema.json and schemas/org-bundle.schema.json.

// `Symbol.dispose` and `Disposable` as TypeScript 5.2+'s lib `esnext.disposable` (and
// @types/node) declare them, so the classes type-check for projects on older `lib`s too.
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
  interface Disposable {
    [Symbol.dispose](): void;
  }
}

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type Severity = 'error' | 'warning' | 'info';
export type DiagnosticSource = 'schema' | 'rubric' | 'sla';

/** Offsets (UTF-16 code units, like JS string indices) into the note text the agent sees. */
export interface Span {
  start: number;
  end: number;
}

/** One finding: what is wrong, where, and what to do. */
export interface Diagnostic {
  /** Stable code, e.g. `schema/required`, `rubric/owner-not-a-person`, `sla/breached`. */
  code: string;
  severity: Severity;
  /** RFC 6901 JSON Pointer of the field to fix; for a missing property, its own pointer. */
  path: string;
  /** Plain words for an agent. */
  message: string;
  hint?: string;
  source: DiagnosticSource;
  span?: Span;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/**
 * How a rubric check came out: `passed` (it applies and earned all its points, though it may
 * still give advice), `failed` (it lost points, also when the information it judges is
 * missing), or `not_applicable` (it cannot apply to this handoff: no points, none at stake).
 */
export type CheckStatus = 'passed' | 'failed' | 'not_applicable';

export interface CheckScore {
  /** The check's id; its diagnostics use the code `rubric/<id>`. */
  id: string;
  status: CheckStatus;
  points: number;
  /**
   * The points at stake on this check: its weight for the handoff's scenario (the bundle's
   * `rubric.scenario_weights`, else `rubric.weights`, else the built-in weight), or 0 when it
   * does not apply.
   */
  max_points: number;
  /** Why the check does not apply, or why it failed for lack of information. */
  reason?: string;
}

/**
 * Why a score is capped: the handoff is not ready (its report has an error), so it is graded
 * `grade` (`value`) at most until the errors are fixed.
 */
export interface ScoreCap {
  /** The highest grade a handoff that is not ready gets: `'D'`. */
  grade: Grade;
  /** The highest value: 69, the top of D. */
  value: number;
  /** How many diagnostics of severity `error` the report has. */
  errors: number;
  /** `'not ready: graded D at most until 2 errors are fixed'`. */
  reason: string;
}

export interface Score {
  /** 0–100: `uncapped_value`, at most `cap.value` when a cap applies. */
  value: number;
  /** The grade of `value`: A from 90, B from 80, C from 70, D from 60, F below. */
  grade: Grade;
  /** Present when the handoff is not ready: the highest grade it can get, and why. */
  cap?: ScoreCap;
  /** What the checks earned before the cap: `100 × points / max_points`, rounded (0 when nothing is at stake). */
  uncapped_value: number;
  /** The points earned: the sum of the checks' `points`. */
  points: number;
  /** The points at stake: the sum of the checks' `max_points`. */
  max_points: number;
  checks: CheckScore[];
}

export type TargetUnit = 'business_minutes' | 'business_hours' | 'business_days' | 'calendar_minutes';

export interface Target {
  unit: TargetUnit;
  value: number;
}

export type SlaStatus = 'on_track' | 'at_risk' | 'breached' | 'paused';

/** One stretch of open time a deadline consumed, in the calendar's local time. */
export interface SlaSegment {
  start: string;
  end: string;
  minutes: number;
}

/** The receiving team's internal deadline for a handoff. */
export interface SlaReport {
  policy: string;
  calendar: string;
  /**
   * The receiving team's id the policy was chosen for: the page's team name as the bundle's
   * `teams` (aliases) and vocabulary resolve it, or the scenario's usual team; `null` when none.
   */
  team: string | null;
  time_zone: string;
  target: Target;
  start: string;
  /** UTC, `…Z`. */
  deadline: string;
  /** RFC 3339 with the calendar's offset. */
  deadline_local: string;
  warn_at: string | null;
  status: SlaStatus | null;
  remaining_business_minutes: number | null;
  elapsed_ratio: number | null;
  segments: SlaSegment[];
}

/** What `check` returns and every surface renders. */
export interface Report {
  valid: boolean;
  diagnostics: Diagnostic[];
  score: Score | null;
  sla: SlaReport | null;
}

export type Sentiment = 'calm' | 'neutral' | 'concerned' | 'frustrated' | 'angry';
export type Urgency = 'standard' | 'urgent' | 'executive';

export interface TeamRef {
  team?: string;
  [field: string]: Json | undefined;
}

/**
 * A handoff's context packet. Every field is optional here because `check` exists to report
 * what is missing; see schemas/packet.schema.json and the scenario schemas for what is required.
 */
export interface ContextPacket {
  ticket?: { id?: string; url?: string; channel?: string; opened_at?: string; [field: string]: Json | undefined };
  handoff?: {
    from?: TeamRef;
    to?: TeamRef;
    scenario?: string;
    mode?: 'transfer' | 'consult';
    at?: string;
    reason?: string;
    [field: string]: Json | TeamRef | undefined;
  };
  owner?: { name?: string; team?: string; email?: string; [field: string]: Json | undefined };
  summary?: string;
  actions_taken?: Array<{ action?: string; outcome?: string; at?: string; [field: string]: Json | undefined }>;
  customer?: {
    name?: string;
    sentiment?: Sentiment;
    informed_of_handoff?: boolean;
    promised?: string;
    deadline?: string;
    last_message_at?: string;
    [field: string]: Json | undefined;
  };
  urgency?: Urgency;
  requested_outcome?: string;
  documents?: Array<{ name?: string; url?: string; provided_by?: 'customer' | 'agent'; [field: string]: Json | undefined }>;
  policy_refs?: string[];
  next_steps?: Array<{ action?: string; owner?: string; due?: string; [field: string]: Json | undefined }>;
  tags?: string[];
  [field: string]: Json | undefined | object;
}

/** A JSON Schema document (object or boolean form). */
export type JsonSchema = boolean | { [keyword: string]: Json };

/**
 * The bundle's `rubric` section (schemas/bundle/rubric.schema.json, docs/scoring.md). Every part
 * is optional. Rules a bundle must keep, or `new HandoffKit(bundle)` throws a `bundle` error
 * naming the path: weights are whole numbers 0–100, `document-asked-twice` stays 0, each
 * scenario's checks that run have more than 0 points in all, and `scenario_weights` names
 * scenarios the kit knows (built-in or the bundle's).
 */
export type RubricSettings = {
  /** Points per check id, in every scenario, e.g. `{ completeness: 30 }`. */
  weights?: { [check: string]: number };
  /**
   * Points per check for one kind of handoff: scenario → check id → points, e.g.
   * `{ billing_to_finance: { completeness: 40 } }`. Beats `weights`; a handoff without a
   * scenario is scored with every scenario's weights and keeps the lowest score.
   */
  scenario_weights?: { [scenario: string]: { [check: string]: number } };
  thresholds?: {
    handoff_minutes?: number;
    summary_min_words?: number;
    summary_max_words?: number;
    transcript_lines?: number;
    urgent_sentiment?: 'concerned' | 'frustrated' | 'angry';
  };
  /** Checks that do not run at all. */
  disabled?: string[];
  severity?: { [check: string]: Severity };
  /** Extra completeness items: scenario (or `'*'`) → JSON Pointer → weight 0–10. */
  completeness?: { [scenario: string]: { [pointer: string]: number } };
};

/** What an admin publishes; see schemas/org-bundle.schema.json. */
export interface OrgBundle {
  bundle: string;
  version: string;
  schemas?: Record<string, JsonSchema>;
  packet_schema?: string;
  scenarios?: Record<string, { title?: string; description?: string; schema?: string; teams?: string[] }>;
  calendars?: Record<string, Json>;
  policies?: Json[];
  rubric?: RubricSettings;
  vocabulary?: { [key: string]: Json };
  notes?: { [key: string]: Json };
  /** Teams by id: the names and aliases pages show for them, and their calendar. */
  teams?: Record<string, BundleTeam>;
  /** The browser extension's gate and the admin's own adapters. */
  extension?: { gate?: 'off' | 'warn' | 'block'; adapters?: Adapter[] };
  /** Regression cases, run by `runCases()` and `handoff bundle test`. */
  cases?: BundleCase[];
  [section: string]: Json | undefined;
}

/** A team of the bundle (`teams.<id>`). */
export type BundleTeam = {
  name?: string;
  aliases?: string[];
  /** The calendar its SLA policies count on when a policy names none. */
  calendar?: string;
};

/** Where an adapter reads one context value: a URL parameter, or an element. */
export type AdapterSource =
  | { from: 'url'; param: string }
  | { selector: string; read?: 'text' | 'value' | 'selectedText' | `attribute:${string}`; pattern?: string };

/** A helpdesk page described by selectors (`extension.adapters[]`; schemas/bundle/extension.schema.json). */
export type Adapter = {
  id: string;
  name?: string;
  match: { hosts: string[]; paths?: string[] };
  editor: { selector: string; frame?: string; format?: 'text' | 'html' };
  /** JSON Pointer into the context packet → where the page shows it. */
  context?: Record<string, AdapterSource>;
  action?: { selector: string; event?: 'click' | 'submit' };
};

/** A regression case (`cases[]`): a packet or a note, and what its report must show. */
export type BundleCase = {
  name: string;
  scenario?: string;
  now?: string;
  expect: {
    valid?: boolean;
    codes?: string[];
    absent?: string[];
    min_grade?: Grade;
    deadline?: string;
  };
} & (
  /** A context packet (the fields of `ContextPacket`). */
  | { packet: { [field: string]: Json } }
  | { note: string; format?: 'text' | 'html' }
);

/** What running one regression case gave (`runCases()`). */
export interface CaseResult {
  name: string;
  passed: boolean;
  /** One sentence per expectation that failed. */
  failures: string[];
  /** The case's report; null when it could not be checked. */
  report: Report | null;
}

export interface BundleInfo {
  bundle: string;
  version: string;
  scenarios: string[];
}

/** `[["09:00", "17:00"], …]`: open intervals of one day; an end not after its start runs past midnight. */
export type Hours = Array<[string, string]>;

/** A business calendar, as in a bundle's `calendars`. */
export interface Calendar {
  time_zone: string;
  week: { mon?: Hours; tue?: Hours; wed?: Hours; thu?: Hours; fri?: Hours; sat?: Hours; sun?: Hours };
  /** `"YYYY-MM-DD"` dates, or `"*-MM-DD"` every year, in the calendar's own zone. */
  holidays?: string[];
  /** Dates whose hours replace the week's (half days, special openings). */
  exceptions?: Array<{ date: string; hours: Hours }>;
}

export interface WarnBefore {
  percent?: number;
  minutes?: number;
}

export interface DeadlineRequest {
  /** A bundle calendar's id (`"default"` is built in), or a calendar. */
  calendar: string | Calendar;
  start: string | Date;
  target: Target;
  /** Time in which the clock stops (e.g. waiting on the customer). */
  pauses?: Array<{ from: string | Date; to: string | Date }>;
  now?: string | Date;
  warn_before?: WarnBefore;
}

/** A deadline: `SlaReport` without the policy and calendar ids. */
export type Deadline = Omit<SlaReport, 'policy' | 'calendar'>;

export interface NoteOptions {
  /** `"text"` (plain text or Markdown, the default) or `"html"` (as rich editors emit it). */
  format?: 'text' | 'html';
}

export interface CheckNoteOptions extends NoteOptions {
  now?: string | Date;
  /** What the page knows (ticket id, teams, times); the note wins where both say something. */
  context?: ContextPacket;
}

/** A note read into a packet. Offsets are UTF-16 code units into `text`. */
export interface ParsedNote {
  packet: ContextPacket;
  diagnostics: Diagnostic[];
  /** The text the agent sees (for HTML, the rendered text). */
  text: string;
  /** Where each packet field came from, by JSON Pointer. */
  spans: Record<string, Span>;
  /** Where a missing section would go: after the last section. */
  insert_at: number;
}

export interface CheckOptions {
  /** The current time, for SLA status. The kit never reads a clock. */
  now?: string | Date;
}

/**
 * Checks context packets against a bundle, or the built-in schemas when none is given.
 *
 * `free()` is optional: an unreferenced kit is released when it is garbage-collected. Call it (or
 * declare the kit with `using`) to release the wasm memory at once; afterwards every call throws.
 */
export class HandoffKit implements Disposable {
  /**
   * @param bundle An org bundle object, or its JSON text (a bundle is never a string).
   * @throws {HandoffKitError} when the bundle is malformed or does not match its meta-schema.
   */
  constructor(bundle?: OrgBundle | string);
  /** The full report. `packet` is an object, or its JSON text (a packet is never a string). */
  check(packet: ContextPacket | string, options?: CheckOptions): Report;
  /** Schema diagnostics only. `packet` is an object, or its JSON text. */
  validate(packet: ContextPacket | string): Diagnostic[];
  /** The internal deadline on a business calendar. */
  deadline(request: DeadlineRequest): Deadline;
  /**
   * Open minutes of a calendar between two instants (negative when `to` is before `from`).
   * @param calendar A bundle calendar's id (`"default"` is built in) or a calendar object.
   */
  businessMinutesBetween(calendar: string | Calendar, from: string | Date, to: string | Date): number;
  /** The blank note for a scenario: headings an agent fills in. */
  noteTemplate(scenario: string): string;
  /**
   * Reads a handoff note into a packet. Never throws for odd text: problems are diagnostics.
   * @throws {HandoffKitError} of kind `limit` for a text past the `note-bytes` ceiling (README, "Limits").
   */
  parseNote(text: string, options?: NoteOptions): ParsedNote;
  /** The report for a note; diagnostics carry `span`s into the text the agent sees. */
  checkNote(text: string, options?: CheckNoteOptions): Report;
  /** Runs the bundle's regression cases (`cases`), in order. */
  runCases(): CaseResult[];
  /** `{ bundle, version, scenarios }` of the loaded bundle. */
  readonly bundle: BundleInfo;
  /** Releases the wasm memory now. Optional; a second call does nothing; any other call afterwards throws. */
  free(): void;
  /** What `using kit = new HandoffKit()` calls at the end of the block: `free()`. */
  [Symbol.dispose](): void;
}

export interface ValidatorOptions {
  /**
   * Schemas that `$ref`s may resolve to, keyed by the URI they are referred to by (usually their
   * `$id`). Nothing is ever fetched over the network.
   */
  registry?: Record<string, JsonSchema>;
  /**
   * Whether `format` (`date-time`, `email`, `uri`, `uuid`, …) is an assertion. **Default `true`**:
   * a value that does not match its format is invalid (as ajv with ajv-formats). `false` gives
   * draft 2020-12's own default, where `format` is only an annotation and never fails (unless
   * the schema's meta-schema turns on the format-assertion vocabulary). Unknown formats are
   * ignored; `idn-email` and `idn-hostname` are not fully checked. `HandoffKit` always asserts.
   */
  assertFormats?: boolean;
}

/**
 * Any JSON Schema (draft 2020-12 by default), compiled once.
 *
 * `validate`/`isValid` take a JS value, as ajv does: a string is the JSON string `"…"`. JSON text
 * goes through `validateText`/`isValidText`. A value is read as `JSON.stringify` writes it
 * (`toJSON` applies, a property set to `undefined` is absent); what JSON cannot represent —
 * `NaN`, `±Infinity`, `BigInt`, functions, symbols, `undefined` in an array, cycles — throws a
 * `HandoffKitError` (kind `input`) naming the JSON Pointer where it is, rather than being changed.
 *
 * `free()` is optional, as for `HandoffKit`; `using` works too.
 */
export class Validator implements Disposable {
  /**
   * @param schema An object or a boolean, or its JSON text (a schema is never a string).
   * @throws {HandoffKitError} for an invalid schema, a bad regex or an unresolvable `$ref`.
   */
  constructor(schema: JsonSchema | string, options?: ValidatorOptions);
  /** Diagnostics for a JS value (a string is a JSON string, not JSON text); `[]` when valid. */
  validate(value: unknown): Diagnostic[];
  /** Whether a JS value is valid (a string is a JSON string, not JSON text). */
  isValid(value: unknown): boolean;
  /** Diagnostics for a document given as JSON text. */
  validateText(text: string): Diagnostic[];
  /** Whether a document given as JSON text is valid. */
  isValidText(text: string): boolean;
  /** Releases the wasm memory now. Optional; a second call does nothing; any other call afterwards throws. */
  free(): void;
  /** What `using validator = new Validator(schema)` calls at the end of the block: `free()`. */
  [Symbol.dispose](): void;
}

/** `limit`: an input passed one of the ceilings listed in the README's "Limits" section. */
export type HandoffKitErrorKind = 'json' | 'input' | 'schema' | 'bundle' | 'calendar' | 'note' | 'limit' | 'init' | 'internal';

/** Every failure the package throws. */
export class HandoffKitError extends Error {
  readonly name: 'HandoffKitError';
  readonly kind: HandoffKitErrorKind;
  /** The problems behind the error, e.g. each way a bundle fails its meta-schema. */
  readonly diagnostics: Diagnostic[];
}

/** Where the `.wasm` comes from, for `init` in browsers and bundlers. */
export type InitInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the wasm module, once (later calls resolve at once). Needed in browsers and with
 * bundlers; the Node entry does it on import. Without `input`, `handoff-kit` fetches the
 * `.wasm` next to its module and `handoff-kit/inline` uses the copy inlined in its JS;
 * `handoff-kit/slim` needs `input`. A failure is a `HandoffKitError` of kind `init` naming the
 * URL, what came back (status, content type) and the fix.
 */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;
/** Loads the wasm module synchronously (Node, workers; browsers refuse it on the main thread). */
export function initSync(module: BufferSource | WebAssembly.Module): void;
export default init;
