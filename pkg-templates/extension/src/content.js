// The content script (every frame of a helpdesk page the extension may run on). It asks the
// background which adapters and gate apply, finds the adapter's note editor, reads the page's
// context, and hands both to handoff-kit/ui with a kit that forwards checks to the background.
// It never edits the page or the agent's text: the ui layer adds its one host node, and the
// gate only holds (preventDefault) the handoff action.

import { attach } from 'handoff-kit/ui';
import { findEditor, pickAdapter, readContext } from './adapter.js';
import { installGate } from './gate.js';

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
 * A kit for handoff-kit/ui whose checks run in the background. Calls are coalesced: while one
 * check is in flight only the newest text waits, and every superseded call gets the newest
 * result (the ui drops stale ones anyway), so a burst of keystrokes costs two round trips.
 */
export function backgroundKit(send = ask) {
  let inFlight = null;
  let waiting = null; // { text, options, resolvers: [] }
  const last = { text: null, report: null };

  function start(text, options) {
    const p = send({ type: 'checkNote', text, options }).then((v) => {
      last.text = text;
      last.report = v.report;
      return v.report;
    });
    inFlight = p.finally(() => {
      inFlight = null;
      if (waiting) {
        const w = waiting;
        waiting = null;
        start(w.text, w.options).then(
          (r) => w.resolvers.forEach(([ok]) => ok(r)),
          (e) => w.resolvers.forEach(([, ko]) => ko(e)),
        );
      }
    });
    return p;
  }

  return {
    last,
    checkNote(text, options) {
      if (!inFlight) return start(text, options);
      return new Promise((ok, ko) => {
        const resolvers = waiting?.resolvers ?? [];
        resolvers.push([ok, ko]);
        waiting = { text, options, resolvers };
      });
    },
    /** A check that skips the queue (the gate's), still recorded as the latest. */
    checkNow(text, options) {
      return send({ type: 'checkNote', text, options }).then((v) => {
        last.text = text;
        last.report = v.report;
        return v.report;
      });
    },
    async noteTemplate(scenario) {
      return (await send({ type: 'noteTemplate', scenario })).template;
    },
  };
}

/** The page's context, plus the moment of the handoff (now) when the page does not give one. */
function pageContext(adapter) {
  const context = readContext(adapter, document, location);
  context.handoff = { ...context.handoff };
  context.handoff.at ??= new Date().toISOString();
  return context;
}

async function main() {
  if (globalThis.__handoffKitContent) return; // registered twice (static + enabled host)
  globalThis.__handoffKitContent = true;
  let config;
  try {
    config = await ask({ type: 'page' });
  } catch {
    return; // the extension is reloading or disabled: leave the page alone
  }
  const adapter = pickAdapter(config.adapters, location);
  if (!adapter) return;

  const kit = backgroundKit();
  let attached = null; // { editor, handle, gate }
  let contextKey = '';

  function attachTo(editor) {
    const context = pageContext(adapter);
    contextKey = JSON.stringify({ ...context, handoff: { ...context.handoff, at: undefined } });
    const handle = attach(editor, {
      kit,
      context,
      format: adapter.editor.format ?? (editor.localName === 'textarea' ? 'text' : 'html'),
      scenario: context.handoff?.scenario ?? adapter.scenario,
      now: () => new Date(),
    });
    const gate = installGate({ adapter, gate: config.gate, editor, handle, kit, context: () => pageContext(adapter) });
    attached = { editor, handle, gate };
  }

  function scan() {
    if (attached && !attached.editor.isConnected) {
      attached.gate.remove();
      attached.handle.detach();
      attached = null;
    }
    const editor = findEditor(adapter, document);
    if (attached && editor && editor !== attached.editor) {
      attached.gate.remove();
      attached.handle.detach();
      attached = null;
    }
    if (!attached && editor) attachTo(editor);
    if (attached) {
      // Queue, owner or priority changed on the page: check against the new context.
      const context = pageContext(adapter);
      const key = JSON.stringify({ ...context, handoff: { ...context.handoff, at: undefined } });
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
