// Adapters are data (adapters/<id>.json, and the org bundle's `extension.adapters`): which pages,
// which element is the handoff note, where the page says what the packet's context is, and which
// action is the handoff. This module reads them against a page; it never writes to the page.

/** `*.zendesk.com`-style glob → RegExp over the whole string (`*` = any run of characters). */
function globToRegExp(glob, { caseInsensitive = true } = {}) {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, caseInsensitive ? 'i' : '');
}

/** Whether `host` (no port) matches one of `patterns`; `*` matches any host. */
export function hostMatches(patterns, host) {
  return (patterns ?? []).some((p) => p === '*' || globToRegExp(p).test(host));
}

/**
 * Whether the location matches one of `patterns`. A pattern is a path prefix (`/Ticket/Update.html`)
 * or, with a `*`, a glob over the whole path; a pattern starting `/#` is matched against path + hash
 * (single-page helpdesks such as Zammad route in the hash). No `paths` at all: every path.
 */
export function pathMatches(patterns, location) {
  if (patterns === undefined) return true; // an adapter without paths applies to every path
  return patterns.some((p) => {
    const subject = p.startsWith('/#') ? location.pathname + location.hash : location.pathname;
    if (p.includes('*')) return globToRegExp(p, { caseInsensitive: false }).test(subject);
    return subject.startsWith(p);
  });
}

/** Every adapter whose hosts and paths both match `location`, in order (the org's first). */
export function matchingAdapters(adapters, location) {
  return (adapters ?? []).filter(
    (a) => a && typeof a === 'object' && a.match && a.editor && hostMatches(a.match.hosts, location.hostname) && pathMatches(a.match.paths, location),
  );
}

/** The first adapter whose hosts and paths both match `location`, or null. */
export function pickAdapter(adapters, location) {
  return matchingAdapters(adapters, location)[0] ?? null;
}

function isVisible(el) {
  if (!el.isConnected) return false;
  const view = el.ownerDocument.defaultView;
  // An iframe's <body> is visible when its frame is; its own box may be zero-height while empty.
  if (el === el.ownerDocument.body) return true;
  const style = view.getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

function usableEditor(el) {
  if (el.disabled || el.readOnly) return false;
  if (el.getAttribute('data-enable-grammarly') === 'false' || el.getAttribute('data-handoff') === 'off') return false;
  return isVisible(el);
}

/**
 * The adapter's note editor on this page: the first visible, writable element matching
 * `editor.selector` (inside the same-origin iframe `editor.frame` when given), or null.
 */
export function findEditor(adapter, doc) {
  const { selector, frame } = adapter.editor;
  let root = doc;
  if (frame) {
    let frameEl;
    try {
      frameEl = [...doc.querySelectorAll(frame)].find((f) => f.tagName === 'IFRAME' && isVisible(f));
    } catch {
      return null; // a bad selector in an adapter is the adapter's problem, never the page's
    }
    let inner = null;
    try {
      inner = frameEl?.contentDocument ?? null;
    } catch {
      inner = null; // cross-origin: not ours to read
    }
    if (!inner || inner.readyState === 'uninitialized') return null;
    root = inner;
  }
  try {
    return [...root.querySelectorAll(selector)].find(usableEditor) ?? null;
  } catch {
    return null;
  }
}

/** Reads one context source; a string, or undefined when the page does not say. */
export function readSource(source, doc, location) {
  let value;
  if (source.from === 'url') {
    if (source.param) {
      value = new URLSearchParams(location.search).get(source.param) ?? undefined;
    } else if (source.pattern) {
      const m = new RegExp(source.pattern).exec(location.pathname + location.search + location.hash);
      return m?.[1]?.trim() || undefined;
    }
  } else if (source.selector) {
    let el;
    try {
      el = doc.querySelector(source.selector);
    } catch {
      return undefined;
    }
    if (!el) return undefined;
    const read = source.read ?? 'text';
    if (read === 'text') value = el.textContent;
    else if (read === 'value') value = el.value;
    else if (read === 'selectedText') value = el.selectedOptions?.[0]?.textContent ?? el.textContent;
    else if (read.startsWith('attribute:')) value = el.getAttribute(read.slice('attribute:'.length)) ?? undefined;
  }
  if (typeof value !== 'string') return undefined;
  value = value.replace(/\s+/g, ' ').trim();
  if (source.pattern && source.from !== 'url') {
    let m;
    try {
      m = new RegExp(source.pattern).exec(value);
    } catch {
      return undefined;
    }
    value = m?.[1]?.trim();
  }
  return value || undefined;
}

/** Sets `value` at RFC 6901 `pointer` in `target`, creating objects on the way. */
export function setPointer(target, pointer, value) {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (!keys.length) return;
  let node = target;
  for (const k of keys.slice(0, -1)) {
    if (typeof node[k] !== 'object' || node[k] === null) node[k] = {};
    node = node[k];
  }
  node[keys[keys.length - 1]] = value;
}

/** The context packet the page gives, per the adapter: `{ ticket: { id }, handoff: { to: … } }`. */
export function readContext(adapter, doc, location) {
  const packet = {};
  for (const [pointer, source] of Object.entries(adapter.context ?? {})) {
    if (!pointer.startsWith('/') || !source || typeof source !== 'object') continue;
    const value = readSource(source, doc, location);
    if (value !== undefined) setPointer(packet, pointer, value);
  }
  return packet;
}

/** The element (or its ancestor) matching the adapter's action selector, for event `target`. */
/** The page's handoff action elements (the open panel keeps clear of them). */
export function actionElements(adapter, doc = document) {
  if (!adapter.action?.selector) return [];
  try {
    return [...doc.querySelectorAll(adapter.action.selector)];
  } catch {
    return [];
  }
}

export function actionTarget(adapter, target) {
  if (!adapter.action?.selector || !target || typeof target.closest !== 'function') return null;
  try {
    return target.closest(adapter.action.selector);
  } catch {
    return null;
  }
}
