// Shared by the fixture pages: loads the packed package (served from dist/npm), records every
// change to the page's DOM outside the layer's host, and exposes what the tests drive.
import init, { HandoffKit } from '/npm/index.js';
import { attach } from '/npm/ui.js';

// Records before anything is attached: the page's own nodes must never change except the one
// host element the layer adds (and the editor's content, which the tests check separately).
export function watch(doc, editorRoot) {
  const records = [];
  const observer = new MutationObserver((list) => {
    for (const r of list) {
      if (editorRoot && (editorRoot === r.target || editorRoot.contains(r.target))) continue;
      records.push({
        type: r.type,
        target: r.target.nodeName,
        attribute: r.attributeName,
        added: [...r.addedNodes].map((n) => n.nodeName),
        removed: [...r.removedNodes].map((n) => n.nodeName),
      });
    }
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  return { records, take: () => [...records, ...observer.takeRecords().map((r) => ({ type: r.type, target: r.target.nodeName, added: [...r.addedNodes].map((n) => n.nodeName), removed: [...r.removedNodes].map((n) => n.nodeName) }))] };
}

export async function start(editable, options = {}) {
  await init();
  const kit = new HandoffKit();
  const reports = [];
  const handle = attach(editable, {
    kit,
    scenario: 'billing_to_finance',
    now: '2026-11-20T10:00:00Z',
    context: { handoff: { to: { team: 'finance' } } },
    onReport: (report) => reports.push(report),
    ...options,
  });
  Object.assign(window, { kit, handle, reports, attach, HandoffKit });
  document.body.dataset.ready = 'true';
  return handle;
}
