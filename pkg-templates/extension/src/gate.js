// The gate on the adapter's handoff action (off | warn | block). It listens in the capture phase
// on the window, before the page's own handlers, and only ever holds the action
// (preventDefault + stopImmediatePropagation): the agent's text is never cleared or changed.
// - block: held while the note has errors; released by fixing them.
// - warn: the first attempt with errors is held and the findings shown; the next attempt goes
//   through.
// When the last check is not of the current text, the action is held, the text checked, and the
// action replayed if it may proceed.

import { actionTarget } from './adapter.js';

function errorsOf(report) {
  return (report?.diagnostics ?? []).filter((d) => d.severity === 'error');
}

/** What handoff-kit/ui sends the kit for this editor (textarea: value; contenteditable: HTML). */
function currentInput(editor, format) {
  if (editor.localName === 'textarea') return editor.value;
  return format === 'text' ? editor.innerText : editor.innerHTML;
}

/**
 * Installs the gate; `{ remove() }`. `kit` is the content script's background kit (its `last`
 * holds the latest text and report), `context()` the page context now, `handle` the editor's
 * handoff-kit/ui handle: the gate's words are shown with its `notice()`, at the top of the
 * findings panel, which it opens.
 */
export function installGate({ adapter, gate, editor, kit, format, context, handle, doc = document }) {
  const win = doc.defaultView;
  if (gate !== 'warn' && gate !== 'block') return { onReport() {}, remove() {} };
  const eventName = adapter.action?.event === 'submit' ? 'submit' : 'click';
  let warned = null; // the input the agent was warned about (warn lets the next attempt through)
  let replaying = false;

  function decide(input, report) {
    const errors = errorsOf(report);
    if (!errors.length) {
      handle.notice(null);
      return true;
    }
    const list = errors.slice(0, 3).map((d) => d.message).join(' ');
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
    if (gate === 'block') {
      handle.notice(`Handoff held: this note has ${errors.length} error${errors.length === 1 ? '' : 's'} to fix first. ${list}${more}`, { tone: 'block' });
      return false;
    }
    if (warned !== null) {
      warned = null;
      handle.notice(null);
      return true;
    }
    warned = input;
    handle.notice(`This note has ${errors.length} error${errors.length === 1 ? '' : 's'}: ${list}${more} Submit again to hand off anyway.`, { tone: 'warn' });
    return false;
  }

  function replay(target) {
    replaying = true;
    try {
      if (eventName === 'submit') {
        const form = target.closest('form') ?? target;
        if (typeof form.requestSubmit === 'function') form.requestSubmit();
        else form.submit();
      } else {
        target.click();
      }
    } finally {
      replaying = false;
    }
  }

  function onAction(event) {
    if (replaying) return;
    const target = actionTarget(adapter, event.target);
    if (!target || !editor.isConnected) return;
    const input = currentInput(editor, format);
    if (kit.last.text === input && kit.last.report) {
      if (!decide(input, kit.last.report)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
      return;
    }
    // The last report is not of this text (typed within the last few milliseconds): hold, check, replay.
    event.preventDefault();
    event.stopImmediatePropagation();
    kit
      .checkNow(input, { format, context: context(), now: new Date().toISOString() })
      .then((report) => {
        if (decide(input, report)) replay(target);
      })
      .catch((error) => {
        // The check failed: never trap the agent's work behind a broken extension.
        handle.notice(`Handoff Kit could not check this note (${error?.message ?? error}); the handoff goes ahead.`, { tone: 'warn' });
        replay(target);
      });
  }

  win.addEventListener(eventName, onAction, true);
  return {
    /** A new report drawn: once the note has no error, a notice about its errors is stale. */
    onReport(report) {
      if (!errorsOf(report).length) {
        warned = null;
        handle.notice(null);
      }
    },
    remove() {
      win.removeEventListener(eventName, onAction, true);
      handle.notice(null);
    },
  };
}
