// Types for handoff-kit/ui: the rendering layer over a note editor. Browser only (it needs a
// DOM) and ES module only (there is no require() entry).
import type { CheckNoteOptions, ContextPacket, Report } from './index.js';

export type * from './index.js';

/**
 * What `attach` needs from a kit: `HandoffKit` (synchronous), `handoff-kit/worker`'s
 * `WorkerKit` (promises) and any proxy with the same two methods (an extension's messaging)
 * all fit.
 */
export interface NoteKit {
  checkNote(text: string, options?: CheckNoteOptions): Report | PromiseLike<Report>;
  /** Needed only for the panel's "Insert template" button. */
  noteTemplate?(scenario: string): string | PromiseLike<string>;
}

export interface AttachOptions {
  kit: NoteKit;
  /** The scenario of the handoff (`billing_to_finance`…): goes into `context.handoff.scenario` and enables "Insert template". */
  scenario?: string;
  /** What the page knows (ticket id, teams, times); the note wins where both say something. */
  context?: ContextPacket;
  /**
   * What the kit is given: `'html'` (a contenteditable's HTML, its default) or `'text'` (a
   * textarea's value, the only format for a textarea; for a contenteditable, its rendered text).
   */
  format?: 'text' | 'html';
  /** The caller's clock, for the SLA status and the countdown (default: the system clock). */
  now?: Date | string | (() => Date | string);
  /** Called after each fresh report is drawn. Exceptions from it are logged, not thrown. */
  onReport?(report: Report): void;
  /**
   * Milliseconds of quiet typing before a check (default 0: one check per burst of input
   * events, run before the next frame; after a synchronous check and drawing that took longer
   * than a frame, the next check waits that long). Raise it for a slow or remote kit.
   */
  debounce?: number;
  /** `true` (default): a toggle at the editor's corner opening the panel; `'open'`: start opened; `false`: underlines and tooltips only. */
  panel?: boolean | 'open';
  /**
   * Elements the open panel must not cover, such as the page's submit or transfer button (or a
   * function giving them, called each time the panel is placed). The panel goes beside the
   * editor where it covers neither the editor nor these.
   */
  avoid?: Iterable<Element> | (() => Iterable<Element>);
  /**
   * Where the layer draws for an editor inside a same-origin iframe: `'top'` (default) the
   * top-most same-origin document, with the iframe's rectangles shifted and clipped;
   * `'frame'` the editor's own document.
   */
  layer?: 'top' | 'frame';
}

export interface AttachHandle {
  /** New page context (e.g. the agent picked another receiving team): re-checks. */
  update(context: ContextPacket | undefined): void;
  /** The last report drawn, or null before the first one. */
  report(): Report | null;
  /** Re-checks now and redraws (after a programmatic change of a textarea's value, say). */
  refresh(): void;
  /**
   * Opens the findings panel. It goes beside the editor (right, else left, else below, else
   * above), over the editor only when the viewport has no room elsewhere. No-op with `panel: false`.
   */
  open(): void;
  /** Closes the findings panel. No-op with `panel: false`. */
  close(): void;
  /**
   * Shows `text` at the top of the panel as an alert (announced by screen readers) and opens the
   * panel — e.g. why a submit was held; `null` removes it. Rendered as text, never as HTML.
   * `tone`: `'warn'` (default) or `'block'`. No-op with `panel: false`.
   */
  notice(text: string | null, options?: { tone?: 'warn' | 'block' }): void;
  /** Removes the layer, its listeners, observers and timer. The editor is left as it was. */
  detach(): void;
}

/**
 * Checks `editable` (a `<textarea>` or a contenteditable element, also one inside a
 * same-origin iframe) with `options.kit.checkNote` as the agent types, underlines what the
 * report criticises and shows the score, the findings and the deadline in a panel. The page's
 * DOM and the agent's text are never changed: one host element with a shadow root is the only
 * node added. Kit errors are shown in the panel, never thrown. Attaching to an editor that
 * already has a layer replaces it.
 * @throws {TypeError} when `editable` is not an editor or `options.kit` has no `checkNote`.
 */
export declare function attach(editable: HTMLElement, options: AttachOptions): AttachHandle;

/**
 * The text the agent sees in `editable`, which the spans of its reports index: a textarea's
 * value, or a contenteditable's text as the kit renders its HTML (paragraphs leave a blank
 * line, `<br>` and list items a line break, whitespace collapses).
 */
export declare function noteText(editable: HTMLElement): string;
