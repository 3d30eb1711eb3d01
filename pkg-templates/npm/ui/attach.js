// attach(editable, options): checks an editor's note as the agent types, draws underlines and
// the panel, and returns a handle. The host page's DOM and the agent's text are never changed
// (the layer's host element is the one node added; "Insert template" types through the
// editor's own pipeline, only when clicked). Kit errors are shown in the panel, never thrown.
import {
  clipAncestors, clipOf, frameChain, frameTransform, intersect, isEmpty, layerWindow, rect,
} from './frames.js';
import { textareaSource } from './mirror.js';
import { editableSource } from './editable.js';
import { createLayer } from './layer.js';
import { createPanel } from './panel.js';
import { insertTemplate } from './editing.js';
import { cost } from './describe.js';

function isThenable(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
}

function isReport(value) {
  return value !== null && typeof value === 'object' && Array.isArray(value.diagnostics);
}

function nowValue(now) {
  const value = typeof now === 'function' ? now() : now ?? new Date();
  return value instanceof Date ? value.toISOString() : String(value);
}

function validate(editable, options) {
  if (!editable || editable.nodeType !== 1) throw new TypeError('attach: the first argument must be a <textarea> or a contenteditable element');
  const textarea = editable.localName === 'textarea';
  if (!textarea && !editable.isContentEditable) {
    throw new TypeError(`attach: <${editable.localName}> is neither a <textarea> nor contenteditable`);
  }
  if (!options || typeof options.kit?.checkNote !== 'function') {
    throw new TypeError('attach: options.kit must have a checkNote(text, options) method (a HandoffKit, a WorkerKit or a proxy)');
  }
  if (options.format !== undefined && options.format !== 'text' && options.format !== 'html') {
    throw new TypeError("attach: options.format must be 'text' or 'html'");
  }
  if (textarea && options.format === 'html') {
    throw new TypeError("attach: a <textarea> holds text: format 'html' would put the underlines on other words");
  }
  if (options.debounce !== undefined && !(Number.isFinite(options.debounce) && options.debounce >= 0)) {
    throw new TypeError('attach: options.debounce must be a number of milliseconds, 0 or more');
  }
  return textarea;
}

// One layer per editor: attaching again replaces the first (a page script re-scanning its
// editors, an extension's content script after a re-render).
const attached = new WeakMap();

export function attach(editable, options) {
  const textarea = validate(editable, options);
  attached.get(editable)?.detach();
  const kit = options.kit;
  const view = editable.ownerDocument.defaultView;
  const top = layerWindow(view, options.layer);
  const chain = frameChain(view, top);
  const layer = createLayer(top.document);
  const source = textarea ? textareaSource(editable, top.document, layer.root) : editableSource(editable);
  const format = options.format ?? source.format;
  const debounce = options.debounce ?? 0;
  let context = options.context;
  let contextVersion = 0;
  const scenario = options.scenario;
  const clippers = clipAncestors(editable);

  let detached = false;
  let current = null; // { report, input }
  let lastReport = null;
  let requested = null; // the input and context of the last call made
  let seq = 0;
  let edits = 0;
  let queued = false;
  let timer = null;
  let paintQueued = false;
  let focused = -1;
  let hovered = -1;
  let hoveredAll = [];

  const panel = options.panel === false ? null : createPanel(layer, {
    onFinding: (index, event) => {
      if (event === 'activate') {
        const span = current?.report.diagnostics[index]?.span;
        if (span) source.caret(span.start);
      }
      focused = event === 'blur' ? -1 : index;
      showTip();
      paint();
    },
    onInsert: () => {
      insertTemplate(source, kit, scenario).catch((error) => panel?.renderInsertError(error));
    },
    avoid: () => avoidRects(),
    now: () => {
      try {
        return Date.parse(nowValue(options.now));
      } catch {
        return NaN; // a clock that throws or gives an invalid date: the countdown shows nothing
      }
    },
  }, { open: options.panel === 'open' });

  function checkOptions() {
    let ctx = context;
    if (scenario) ctx = { ...ctx, handoff: { ...ctx?.handoff, scenario } };
    const o = { format, now: nowValue(options.now) };
    if (ctx !== undefined) o.context = ctx;
    return o;
  }

  // A check and its drawing that took longer than a frame (a very long note on a slow machine)
  // make the next one wait as long, so typing stays responsive.
  let lastCost = 0;

  function schedule() {
    if (detached) return;
    const wait = Math.max(debounce, lastCost > 16 ? lastCost : 0);
    if (wait > 0) {
      clearTimeout(timer);
      timer = setTimeout(run, wait);
    } else if (!queued) {
      queued = true;
      queueMicrotask(run);
    }
  }

  function run(force = false) {
    queued = false;
    timer = null;
    if (detached) return;
    const started = performance.now();
    const snapshot = source.read(format);
    if (!force && requested && requested.input === snapshot.input && requested.context === contextVersion) {
      requestPaint();
      return;
    }
    requested = { input: snapshot.input, context: contextVersion };
    const id = (seq += 1);
    const startEdits = edits;
    const accept = (report) => {
      if (detached || id !== seq) return; // a newer call was made: this result is stale
      if (edits !== startEdits && source.read(format).input !== snapshot.input) {
        requested = null; // the text moved on: whatever run comes next must call the kit again
        schedule();
        return;
      }
      if (!isReport(report)) {
        fail(new TypeError('kit.checkNote did not return a Report'));
        return;
      }
      current = { report, input: snapshot.input };
      lastReport = report;
      paint();
      panel?.render(report, { canInsert: Boolean(scenario) && typeof kit.noteTemplate === 'function' });
      if (options.onReport) {
        try {
          options.onReport(report);
        } catch (error) {
          console.error('handoff-kit/ui: onReport threw', error);
        }
      }
    };
    const fail = (error) => {
      if (detached || id !== seq) return;
      current = null;
      paint();
      panel?.renderError(error);
    };
    let result;
    try {
      result = kit.checkNote(snapshot.input, checkOptions());
    } catch (error) {
      fail(error);
      return;
    }
    if (isThenable(result)) Promise.resolve(result).then(accept, fail);
    else {
      accept(result);
      lastCost = performance.now() - started;
    }
  }

  function requestPaint() {
    if (paintQueued || detached) return;
    paintQueued = true;
    top.requestAnimationFrame(() => {
      paintQueued = false;
      paint();
    });
  }

  /** Measures every finding's span and draws the underlines and the dock. */
  function paint() {
    if (detached) return;
    try {
      draw();
    } catch (error) {
      // Drawing runs from the page's scroll and resize events: never throw into the page.
      console.warn('handoff-kit/ui: could not draw the underlines', error);
    }
  }

  function draw() {
    layer.ensureAttached();
    const connected = editable.isConnected;
    // The spans first: a textarea's mirror takes the new text (a write) before anything is read,
    // and every read comes before the layer's writes, so a keystroke costs one layout.
    const withSpan = [];
    current?.report.diagnostics.forEach((d, index) => {
      if (d.span && Number.isFinite(d.span.start) && Number.isFinite(d.span.end)) withSpan.push({ d, index });
    });
    const measured = current && connected ? source.measure(withSpan.map(({ d }) => d.span)) : [];
    const { dx, dy, clip: frameClip } = frameTransform(view, chain);
    const shift = (r) => rect(r.left + dx, r.top + dy, r.right + dx, r.bottom + dy);
    const topRoot = top.document.documentElement;
    const viewport = rect(0, 0, topRoot.clientWidth || top.innerWidth, topRoot.clientHeight || top.innerHeight);
    const area = connected ? intersect(shift(clipOf(clippers, view)), frameClip) : rect(0, 0, 0, 0);
    const marks = measured.map((rects, i) => {
      const { d, index } = withSpan[i];
      return { index, severity: d.severity, insert: d.span.end <= d.span.start, rects: rects.map(shift) };
    });
    // An editor that is a whole document's <body> (an iframe editor) fills its frame.
    const whole = editable === editable.ownerDocument.body;
    const box = panel && connected ? (whole ? frameClip : shift(editable.getBoundingClientRect())) : null;
    layer.setActive(focused);
    layer.draw(marks, area);
    if (panel) panel.place(box && !isEmpty(intersect(box, area)) ? intersect(box, frameClip) : null, viewport);
  }

  // The page's elements the open panel must not cover (options.avoid: elements, or a function
  // giving them), in layer coordinates; read only while placing an open panel.
  function avoidRects() {
    let list = options.avoid;
    try {
      if (typeof list === 'function') list = list();
    } catch {
      return [];
    }
    if (!list || typeof list[Symbol.iterator] !== 'function') return [];
    const out = [];
    const { dx, dy } = frameTransform(view, chain);
    for (const node of list ?? []) {
      if (!node?.isConnected || typeof node.getBoundingClientRect !== 'function') continue;
      const r = node.getBoundingClientRect();
      const inFrame = node.ownerDocument === editable.ownerDocument && node.ownerDocument !== layer.doc;
      out.push(inFrame ? rect(r.left + dx, r.top + dy, r.right + dx, r.bottom + dy) : rect(r.left, r.top, r.right, r.bottom));
    }
    return out;
  }

  function showTip() {
    const index = focused >= 0 ? focused : hovered;
    const d = index >= 0 ? current?.report.diagnostics[index] : null;
    if (!d) {
      layer.showTip(-1, null);
      return;
    }
    const severity = { error: 'Error', warning: 'Warning', info: 'Info' }[d.severity] ?? d.severity;
    // Missing sections all point where they would go: one tooltip says how many share it.
    const more = focused >= 0 ? 0 : hoveredAll.length - 1;
    layer.showTip(index, [
      ['tip-message', `${severity}: ${d.message}`],
      ['tip-hint', d.hint ?? ''],
      ['tip-cost', cost(d, current.report)],
      ['tip-more', more > 0 ? `${more} more finding${more === 1 ? '' : 's'} here: open the panel to see them all.` : ''],
    ]);
  }

  // --- events -------------------------------------------------------------------------------
  const onInput = () => {
    edits += 1;
    schedule();
  };
  const onMove = (event) => {
    const { dx, dy } = frameTransform(view, chain);
    const all = layer.hit(event.clientX + dx, event.clientY + dy);
    const index = all.length > 0 ? all[0] : -1;
    if (index !== hovered || all.length !== hoveredAll.length) {
      hovered = index;
      hoveredAll = all;
      showTip();
    }
  };
  const onLeave = () => {
    hovered = -1;
    hoveredAll = [];
    showTip();
  };
  editable.addEventListener('input', onInput);
  editable.addEventListener('mousemove', onMove);
  editable.addEventListener('mouseleave', onLeave);
  const windows = [view, ...chain.map((frame) => frame.ownerDocument.defaultView)];
  for (const w of windows) {
    w.addEventListener('scroll', requestPaint, { capture: true, passive: true });
    w.addEventListener('resize', requestPaint, { passive: true });
  }
  const mutations = new view.MutationObserver((records) => {
    let textChanged = false;
    for (const r of records) if (r.type !== 'attributes') textChanged = true;
    if (textChanged && source.mutated()) {
      edits += 1;
      schedule();
    } else requestPaint();
  });
  mutations.observe(editable, { childList: true, subtree: true, characterData: true, attributes: true });
  // A theme or font switch on <html> or <body> (a class, a style) moves text without resizing
  // the editor: repaint then too (attributes of those two elements only, not their subtree).
  const theme = new view.MutationObserver(requestPaint);
  for (const node of [editable.ownerDocument.documentElement, editable.ownerDocument.body]) {
    if (node && node !== editable) theme.observe(node, { attributes: true, attributeFilter: ['class', 'style'] });
  }
  const resize = typeof view.ResizeObserver === 'function' ? new view.ResizeObserver(requestPaint) : null;
  resize?.observe(editable);
  const fonts = editable.ownerDocument.fonts;
  fonts?.addEventListener?.('loadingdone', requestPaint);

  run(true);

  const handle = {
    update(next) {
      if (detached) return;
      context = next;
      contextVersion += 1;
      schedule();
    },
    report() {
      return lastReport;
    },
    refresh() {
      if (detached) return;
      source.mutated();
      run(true);
    },
    open() {
      if (!detached) panel?.open(true);
    },
    close() {
      if (!detached) panel?.open(false);
    },
    notice(text, noticeOptions) {
      if (!detached) panel?.notice(text ?? null, noticeOptions?.tone);
    },
    detach() {
      if (detached) return;
      detached = true;
      clearTimeout(timer);
      editable.removeEventListener('input', onInput);
      editable.removeEventListener('mousemove', onMove);
      editable.removeEventListener('mouseleave', onLeave);
      for (const w of windows) {
        w.removeEventListener('scroll', requestPaint, { capture: true });
        w.removeEventListener('resize', requestPaint);
      }
      mutations.disconnect();
      theme.disconnect();
      resize?.disconnect();
      fonts?.removeEventListener?.('loadingdone', requestPaint);
      panel?.destroy();
      source.destroy();
      layer.destroy();
      current = null;
      if (attached.get(editable) === handle) attached.delete(editable);
    },
  };
  attached.set(editable, handle);
  return handle;
}
