// Types for handoff-kit/worker: the kits of `handoff-kit`, computed in a module worker; every
// method returns a promise of what the direct method returns.
import type {
  BundleInfo, CaseResult, CheckOptions, CheckNoteOptions, Calendar, ContextPacket, Deadline, DeadlineRequest, Diagnostic,
  InitInput, JsonSchema, NoteOptions, OrgBundle, ParsedNote, Report, ValidatorOptions,
} from './index.js';

export { HandoffKitError } from './index.js';
export type * from './index.js';

/** Where the worker gets the .wasm from; it travels to the worker, so no Response or Request. */
export type WorkerWasmInput = string | URL | BufferSource | WebAssembly.Module;

export interface WorkerOptions {
  /** Where the worker loads the .wasm from (default: next to kit-worker.js). */
  wasm?: WorkerWasmInput;
  /** A Worker you created from `handoff-kit/kit-worker.js` (default: the package creates one). */
  worker?: Worker;
}

export interface CreateKitOptions extends WorkerOptions {
  /** An org bundle (object or JSON text); the built-in schemas without it. */
  bundle?: OrgBundle | string;
}

/** A kit computed in the shared worker. */
export declare class WorkerKit implements Disposable {
  private constructor();
  /** `{ bundle, version, scenarios }` of the loaded bundle. */
  readonly bundle: BundleInfo;
  check(packet: ContextPacket | string, options?: CheckOptions): Promise<Report>;
  validate(packet: ContextPacket | string): Promise<Diagnostic[]>;
  deadline(request: DeadlineRequest): Promise<Deadline>;
  businessMinutesBetween(calendar: string | Calendar, from: string | Date, to: string | Date): Promise<number>;
  noteTemplate(scenario: string): Promise<string>;
  parseNote(text: string, options?: NoteOptions): Promise<ParsedNote>;
  checkNote(text: string, options?: CheckNoteOptions): Promise<Report>;
  runCases(): Promise<CaseResult[]>;
  /** Releases the kit in the worker. */
  free(): Promise<void>;
  [Symbol.dispose](): void;
}

/** A Validator computed in the shared worker. */
export declare class WorkerValidator implements Disposable {
  private constructor();
  validate(value: unknown): Promise<Diagnostic[]>;
  isValid(value: unknown): Promise<boolean>;
  validateText(text: string): Promise<Diagnostic[]>;
  isValidText(text: string): Promise<boolean>;
  free(): Promise<void>;
  [Symbol.dispose](): void;
}

/** A kit in the package's module worker (one worker for every kit of the page). */
export declare function createKit(options?: CreateKitOptions): Promise<WorkerKit>;
/** A Validator for any JSON Schema, in the same worker. */
export declare function createValidator(
  schema: JsonSchema | string,
  options?: ValidatorOptions & WorkerOptions,
): Promise<WorkerValidator>;

export type { InitInput };
