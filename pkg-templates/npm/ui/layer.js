// The one node the layer adds to a page: a <handoff-kit-layer> host whose open shadow root holds
// the underlines, the tooltip, the textarea mirror and the panel. Underlines are boxes drawn in
// a fixed, clipped container over the editor; they never take pointer events (the editor keeps
// every click), so hovering is a hit test of the mouse position against their rectangles.
import { el } from './element.js';
import { adoptStyles } from './styles.js';
import { isEmpty } from './frames.js';

let nextId = 0;

/** Creates the host in `doc` and returns the layer's parts and drawing functions. */
export function createLayer(doc) {
  const id = `hk${(nextId += 1)}`;
  const host = doc.createElement('handoff-kit-layer');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, doc);
  const clip = el(doc, 'div', { class: 'clip', 'aria-hidden': 'true' });
  const tooltip = el(doc, 'div', { class: 'tooltip', role: 'tooltip', id: `${id}-tip`, hidden: true });
  const dock = el(doc, 'div', { class: 'dock' });
  const root = el(doc, 'div', { class: 'root' }, clip, tooltip, dock);
  shadow.append(root);

  const parent = () => (doc.body && !doc.body.isContentEditable ? doc.body : doc.documentElement);
  parent().append(host);

  let items = []; // [{ index, rects }] in layer coordinates, for hit tests
  let pool = [];
  let active = -1;

  /**
   * Draws `marks` ([{ index, severity, insert, rects }], layer coordinates) inside `area`
   * (the visible part of the editor, layer coordinates).
   */
  function draw(marks, area) {
    items = marks;
    const hidden = isEmpty(area);
    clip.style.setProperty('display', hidden ? 'none' : 'block');
    if (!hidden) {
      clip.style.setProperty('left', `${area.left}px`);
      clip.style.setProperty('top', `${area.top}px`);
      clip.style.setProperty('width', `${area.right - area.left}px`);
      clip.style.setProperty('height', `${area.bottom - area.top}px`);
    }
    let used = 0;
    for (const mark of marks) {
      for (const r of mark.rects) {
        let box = pool[used];
        if (!box) {
          box = el(doc, 'div');
          pool.push(box);
          clip.append(box);
        }
        used += 1;
        const isActive = mark.index === active;
        box.className = `mark ${mark.severity}${mark.insert ? ' at' : ''}${isActive ? ' active' : ''}`;
        const width = Math.max(r.right - r.left, mark.insert ? 8 : 0);
        const s = box.style;
        s.setProperty('display', 'block');
        s.setProperty('left', `${r.left - area.left - (mark.insert ? 1 : 0)}px`);
        s.setProperty('width', `${width}px`);
        if (isActive) {
          s.setProperty('top', `${r.top - area.top}px`);
          s.setProperty('height', `${Math.max(3, r.bottom - r.top)}px`);
        } else {
          s.setProperty('top', `${r.bottom - area.top - 3}px`);
          s.removeProperty('height');
        }
        box.dataset.index = String(mark.index);
      }
    }
    for (let i = used; i < pool.length; i++) pool[i].style.setProperty('display', 'none');
  }

  /** The findings under a point (layer coordinates), in report order; [] when none. */
  function hit(x, y) {
    const found = [];
    for (const mark of items) {
      const under = mark.rects.some((r) => {
        const left = mark.insert ? r.left - 2 : r.left;
        const right = mark.insert ? Math.max(r.right, r.left + 8) : r.right;
        return x >= left && x <= right && y >= r.top && y <= r.bottom + 2;
      });
      if (under) found.push(mark.index);
    }
    return found;
  }

  /** The rectangles of finding `index`, in layer coordinates. */
  function rectsOf(index) {
    return items.find((mark) => mark.index === index)?.rects ?? [];
  }

  /** Shows the tooltip under finding `index` with `lines` ([class, text]), or hides it. */
  function showTip(index, lines) {
    const first = rectsOf(index)[0];
    if (!lines || !first) {
      tooltip.hidden = true;
      return;
    }
    tooltip.replaceChildren(...lines.filter(([, text]) => text).map(([name, text]) => el(doc, 'div', { class: name }, text)));
    tooltip.hidden = false;
    const view = doc.defaultView;
    const width = tooltip.offsetWidth;
    const height = tooltip.offsetHeight;
    const vw = doc.documentElement.clientWidth || view.innerWidth;
    const vh = doc.documentElement.clientHeight || view.innerHeight;
    const left = Math.max(4, Math.min(first.left, vw - width - 4));
    const below = first.bottom + 6;
    const top = below + height > vh - 4 ? Math.max(4, first.top - height - 6) : below;
    tooltip.style.setProperty('left', `${left}px`);
    tooltip.style.setProperty('top', `${top}px`);
  }

  function setActive(index) {
    active = index;
  }

  /** Puts the host back if the page's own re-render removed it. */
  function ensureAttached() {
    if (!host.isConnected) parent().append(host);
  }

  function destroy() {
    host.remove();
    items = [];
    pool = [];
  }

  return { id, host, shadow, root, dock, tooltip, doc, draw, hit, rectsOf, showTip, setActive, ensureAttached, destroy };
}
