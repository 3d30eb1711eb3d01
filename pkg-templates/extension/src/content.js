// The content script (every frame of a helpdesk page the extension may run on). It asks the
// background which adapters and gate apply, finds the adapter's note editor, reads the page's
// context, and hands both to handoff-kit/ui with a kit that forwards checks to the background.
// It never edits the page or the agent's text: the ui layer adds its one host node, and the
// gate only holds (preventDefault) the handoff action.

import { attach } from 'handoff-kit/ui';
import { actionElements, findEditor, matchingAdapters, readContext } from './adapter.js';
import { installGate } from './gate.js';
import { backgroundKit } from './kit-proxy.js';

const api = globalThis.browser ?? globalThis.chrome;
const RESCAN_MS = 300;

async function ask(message) {
  const answer = await api.runtime.sendMessage(message);
  if (!answer) throw new Error('Handoff Kit: no answer from the extension');
  if (!answer.ok) {
    const error = new Error(answer.error?.message ?? 'Handoff Kit: the check failed');
    if (answer.error?.kind) error.kind = answer.error.kind;
    throw error;
  }
  return answer.value;
}

/**
 * How the kit reads the editor: a textarea's value is plain text (an adapter's `html` names the
 * rich editor that may stand in for it); a contenteditable is read as HTML unless it says `text`.
 */
function noteFormat(adapter, editor) {
  if (editor.localName === 'textarea') return 'text';
  return adapter.editor.format === 'text' ? 'text' : 'html';
}

/** The page's context, plus the moment of the handoff (now) when the page does not give one. */
function pageContext(adapter) {
  const context = readContext(adapter, document, location);
  context.handoff = { ...context.handoff };
  context.handoff.at ??= new Date().toISOString();
  return context;
}

/** What makes a new context worth a new check: any change, the handoff time to the minute. */
function keyOf(context) {
  return JSON.stringify({ ...context, handoff: { ...context.handoff, at: String(context.handoff.at).slice(0, 16) } });
}

async function main() {
  if (globalThis.__handoffKitContent) return; // registered twice (static + enabled host)
  globalThis.__handoffKitContent = true;
  let config;
  for (let attempt = 0; !config; attempt++) {
    try {
      config = await ask({ type: 'page' });
    } catch (error) {
      // The worker was starting, stopping or updating: try again a few times, then leave the
      // page alone (the extension is disabled or gone).
      if (attempt >= 4) return;
      await new Promise((ok) => setTimeout(ok, 250 * 2 ** attempt));
    }
  }
  // Several adapters may match a page (`*` hosts, shared paths such as /conversation/): the
  // first whose editor is on the page is the one; until one is found, every rescan tries them
  // (single-page helpdesks change path and hash without a page load).
  const candidates = () => matchingAdapters(config.adapters, location);
  let adapter = null;

  const kit = backgroundKit(ask);
  let keepAlive = null;
  const wake = () => ask({ type: 'ping' }).catch(() => {});
  let attached = null; // { editor, handle, gate }
  let contextKey = '';

  function attachTo(editor) {
    const context = pageContext(adapter);
    contextKey = keyOf(context);
    const handle = attach(editor, {
      kit,
      context,
      format: noteFormat(adapter, editor),
      scenario: context.handoff?.scenario ?? adapter.scenario,
      now: () => new Date(),
      avoid: () => actionElements(adapter, document),
      onReport: (report) => attached?.gate.onReport(report),
    });
    // Wake the worker when the agent enters the editor (before the first keystroke needs it),
    // and keep it from being evicted while a visible page has a note open: one message per
    // 20 s, well inside Chrome's 30 s idle limit.
    editor.addEventListener('focus', wake, true);
    keepAlive ??= setInterval(() => {
      if (attached && document.visibilityState === 'visible') wake();
    }, 20_000);
    const gate = installGate({ adapter, gate: config.gate, editor, kit, handle, format: noteFormat(adapter, editor), context: () => pageContext(adapter) });
    attached = { editor, handle, gate };
  }

  function detachCurrent() {
    attached.editor.removeEventListener('focus', wake, true);
    attached.gate.remove();
    attached.handle.detach();
    attached = null;
  }

  function scan() {
    if (attached && !attached.editor.isConnected) detachCurrent();
    let editor = attached ? findEditor(adapter, document) : null;
    if (!editor) {
      for (const a of candidates()) {
        editor = findEditor(a, document);
        if (editor) {
          if (attached && a !== adapter) detachCurrent();
          adapter = a;
          break;
        }
      }
    }
    if (attached && editor && editor !== attached.editor) detachCurrent();
    if (!attached && editor) attachTo(editor);
    if (attached) {
      // Queue, owner or priority changed on the page, or a minute passed (the handoff's time is
      // now): check against the new context.
      const context = pageContext(adapter);
      const key = keyOf(context);
      if (key !== contextKey) {
        contextKey = key;
        attached.handle.update(context);
      }
    }
  }

  // Editors appear late (CKEditor builds its iframe after load; single-page helpdesks render
  // on navigation): rescan on DOM changes, throttled, and on a slow timer for iframes that load
  // without a mutation in this document.
  let pending = false;
  const throttled = () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      scan();
    }, RESCAN_MS);
  };
  new MutationObserver(throttled).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('change', throttled, true);
  window.addEventListener('hashchange', throttled);
  setInterval(scan, 1500);
  scan();
}

main();
