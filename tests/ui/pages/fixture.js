// Shared by the fixture pages: loads the packed package (served from dist/npm), records every
// change to the page's DOM outside the layer's host, and exposes what the tests drive.
import init, { HandoffKit } from '/npm/index.js';
import { attach } from '/npm/ui.js';

// Records before anything is attached: the page's own nodes must never change except the one
// host element the layer adds (and the editor's content, which the tests check separately).
// `editorRoots`: the editor's own nodes (its content, and a rich editor's toolbar and
// balloons), which change as the agent types; the tests check the content separately.
export function watch(doc, ...editorRoots) {
  const records = [];
  // A node no longer in the document (an editor's paragraph it replaced) is not the page's DOM.
  const inEditor = (node) => !node.isConnected || editorRoots.some((root) => root && (root === node || root.contains(node)));
  const keep = (list) => {
    for (const r of list) {
      if (inEditor(r.target)) continue;
      records.push({
        type: r.type,
        target: r.target.nodeName,
        attribute: r.attributeName,
        old: r.oldValue,
        now: r.attributeName ? r.target.getAttribute(r.attributeName) : undefined,
        added: [...r.addedNodes].map((n) => n.nodeName),
        removed: [...r.removedNodes].map((n) => n.nodeName),
      });
    }
  };
  const observer = new MutationObserver(keep);
  observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeOldValue: true, characterData: true });
  return {
    records,
    take() {
      keep(observer.takeRecords());
      return records;
    },
  };
}

export async function start(editable, options = {}) {
  await init();
  const kit = new HandoffKit();
  const reports = [];
  const handle = attach(editable, {
    kit,
    scenario: 'billing_to_finance',
    now: '2026-11-20T10:00:00Z',
    context: { handoff: { at: '2026-11-20T09:00:00Z', to: { team: 'finance' } } },
    onReport: (report) => reports.push(report),
    ...options,
  });
  Object.assign(window, { kit, handle, reports, attach, HandoffKit });
  document.body.dataset.ready = 'true';
  return handle;
}
