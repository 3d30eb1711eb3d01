// Where the layer draws, and how a rectangle in the editable's window becomes a rectangle in
// the layer's window.
//
// By default the layer lives in the top-most same-origin document above the editable: for an
// editable inside a same-origin iframe (CKEditor 4, Redactor, TinyMCE's iframe mode) its
// underlines and panel are drawn in the parent page, with the iframe's rectangles shifted by
// the iframe's content-box position and clipped to the iframe's viewport. That keeps the layer
// out of editors whose <body> IS the editable, and gives the panel the whole page to open in.
// `layer: 'frame'` draws in the editable's own document instead.

/** The window the layer draws in for an editable in `view`. */
export function layerWindow(view, mode) {
  if (mode === 'frame') return view;
  let current = view;
  for (;;) {
    let parent;
    try {
      parent = current.parent;
      if (!parent || parent === current || !current.frameElement) break;
      void parent.document.documentElement; // throws across origins
    } catch {
      break;
    }
    current = parent;
  }
  return current;
}

/** The frame elements between `view` and `top` (innermost first). */
export function frameChain(view, top) {
  const chain = [];
  let current = view;
  while (current !== top) {
    const frame = current.frameElement;
    if (!frame) break;
    chain.push(frame);
    current = current.parent;
  }
  return chain;
}

/** A plain rectangle {left, top, right, bottom}. */
export function rect(left, top, right, bottom) {
  return { left, top, right, bottom };
}

export function intersect(a, b) {
  return rect(Math.max(a.left, b.left), Math.max(a.top, b.top), Math.min(a.right, b.right), Math.min(a.bottom, b.bottom));
}

export function isEmpty(r) {
  return !(r.right > r.left && r.bottom > r.top);
}

/** The visible viewport of a window, in its own coordinates. */
function viewport(view) {
  const root = view.document.documentElement;
  return rect(0, 0, root?.clientWidth || view.innerWidth, root?.clientHeight || view.innerHeight);
}

/**
 * The shift from the editable's window to the layer's window and the clip of the frames
 * between them, for the current scroll positions: `{ dx, dy, clip }` (clip in layer coordinates).
 */
export function frameTransform(view, chain) {
  let dx = 0;
  let dy = 0;
  let clip = viewport(view);
  for (const frame of chain) {
    const box = frame.getBoundingClientRect();
    const style = frame.ownerDocument.defaultView.getComputedStyle(frame);
    const left = box.left + frame.clientLeft + (parseFloat(style.paddingLeft) || 0);
    const top = box.top + frame.clientTop + (parseFloat(style.paddingTop) || 0);
    dx += left;
    dy += top;
    clip = rect(clip.left + left, clip.top + top, clip.right + left, clip.bottom + top);
    clip = intersect(clip, viewport(frame.ownerDocument.defaultView));
  }
  return { dx, dy, clip };
}

/**
 * The clip of an element's own scrolling and clipping ancestors (and itself), in its window's
 * coordinates: underlines of scrolled-away text must not show outside the editor.
 */
export function clipAncestors(element) {
  const view = element.ownerDocument.defaultView;
  const list = [];
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    if (node === node.ownerDocument.body || node === node.ownerDocument.documentElement) break;
    const style = view.getComputedStyle(node);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible' || node === element && node.localName === 'textarea') {
      list.push(node);
    }
  }
  return list;
}

/** The current client box (inside borders, outside scrollbars) of each clipping element. */
export function clipOf(elements, view) {
  let clip = viewport(view);
  for (const node of elements) {
    const box = node.getBoundingClientRect();
    const left = box.left + node.clientLeft;
    const top = box.top + node.clientTop;
    clip = intersect(clip, rect(left, top, left + node.clientWidth, top + node.clientHeight));
  }
  return clip;
}
