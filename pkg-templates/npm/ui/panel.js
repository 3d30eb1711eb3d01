// The panel: a toggle button at the editor's bottom-right corner showing the score, and the
// findings list, the score's breakdown, the deadline with a live countdown and the "Insert
// template" action. Everything is text (textContent); every control is a real <button>, so
// the panel is reachable with Tab, Enter and Space; arrow keys move along the findings. A
// polite live region announces each new score.
import { el } from './element.js';
import {
  announcement, checkLabel, countdown, deadlineText, failure, liveStatus, statusWord,
} from './describe.js';

const CONFLICT = 'sla/after-customer-deadline';

// Writing the same text still replaces the text node (and re-lays it out): write changes only.
function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
const SEVERITY_WORDS = { error: 'Error', warning: 'Warning', info: 'Info' };

/**
 * `hooks`: `onFinding(index, event)` with event 'activate' | 'focus' | 'blur', `onInsert()`,
 * `now()` (milliseconds, the caller's clock), `avoid()` (rectangles, layer coordinates, the open
 * panel must not cover). `options.open` starts it expanded.
 */
export function createPanel(layer, hooks, options = {}) {
  const doc = layer.doc;
  const id = layer.id;
  const toggle = el(doc, 'button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': `${id}-panel` }, 'Handoff: checking…');
  const live = el(doc, 'div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const score = el(doc, 'div', { class: 'score' });
  const cap = el(doc, 'div', { class: 'cap', hidden: true });
  const slaWhen = el(doc, 'div');
  const slaStatus = el(doc, 'span', { class: 'status' });
  const slaCountdown = el(doc, 'span', { class: 'countdown' });
  const conflict = el(doc, 'div', { class: 'conflict', hidden: true });
  const sla = el(doc, 'div', { class: 'sla', hidden: true, role: 'group', 'aria-label': 'Internal deadline' },
    slaWhen, el(doc, 'div', {}, slaStatus, ' — ', slaCountdown), conflict);
  const errorBox = el(doc, 'div', { class: 'errorbox', role: 'alert', hidden: true });
  const notice = el(doc, 'div', { class: 'notice', role: 'alert', hidden: true });
  const findingsTitle = el(doc, 'h3', { id: `${id}-findings` }, 'Findings');
  const findings = el(doc, 'ul', { 'aria-labelledby': `${id}-findings` });
  const checksTitle = el(doc, 'h3', { id: `${id}-checks` }, 'Score breakdown');
  const checks = el(doc, 'ul', { class: 'checks', 'aria-labelledby': `${id}-checks` });
  const insert = el(doc, 'button', { type: 'button', class: 'insert', hidden: true }, 'Insert template');
  const panel = el(doc, 'section', { class: 'panel', id: `${id}-panel`, 'aria-label': 'Handoff check', hidden: true },
    notice, el(doc, 'h2', {}, 'Handoff check'), score, cap, sla, errorBox, findingsTitle, findings, checksTitle, checks, insert);
  // The toggle comes first, so Tab goes from it into the panel; place() puts the panel
  // beside the editor where there is room (it is positioned on its own, not in the dock's flow).
  layer.dock.append(toggle, panel, live);

  let report = null;
  let timer = null;
  let announced = '';
  let rendered = {};
  let toggleHeight = 0;
  let placed = null; // { box, viewport, toggleBottom } of the last place()
  let panelKey = '';

  const setOpen = (open) => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open && placed) placePanel();
  };

  const setStyle = (style, name, value) => {
    if (value === null) style.removeProperty(name);
    else style.setProperty(name, value);
  };

  /**
   * Where the open panel goes, in this order: to the right of the editor, to its left, below
   * it, above it — the first with room for it that covers none of the `avoid` rectangles (the
   * page's handoff action, say) — so it never hides the text being written; only when none
   * fits does it open over the editor, above or below the toggle.
   */
  function placePanel() {
    const { box, viewport, toggleBottom } = placed;
    const avoid = hooks.avoid?.() ?? [];
    const margin = 6;
    const gap = 8;
    const tallest = 560;
    const width = Math.max(200, Math.min(340, viewport.right - viewport.left - 2 * margin));
    const room = {
      right: viewport.right - margin - (box.right + gap),
      left: box.left - gap - (viewport.left + margin),
      below: viewport.bottom - margin - (box.bottom + gap),
      above: box.top - gap - (viewport.top + margin),
    };
    const besideTop = Math.max(viewport.top + margin, Math.min(box.top, viewport.bottom - margin - 320));
    const alongRight = Math.max(viewport.left + margin, Math.min(box.right - width, viewport.right - margin - width));
    const candidates = [
      room.right >= width && { where: 'right', left: box.right + gap, top: besideTop },
      room.left >= width && { where: 'left', left: box.left - gap - width, top: besideTop },
      room.below >= 200 && { where: 'below', left: alongRight, top: box.bottom + gap, height: room.below },
      room.above >= 200 && { where: 'above', left: alongRight, bottom: viewport.bottom - (box.top - gap), height: room.above },
    ].filter(Boolean).map((c) => {
      const height = Math.min(tallest, c.height ?? viewport.bottom - margin - c.top);
      const top = c.top ?? viewport.bottom - c.bottom - height;
      return { ...c, height, rect: { left: c.left, top, right: c.left + width, bottom: top + height } };
    });
    const hits = (r) => avoid.filter((a) => Math.min(r.right, a.right) > Math.max(r.left, a.left)
      && Math.min(r.bottom, a.bottom) > Math.max(r.top, a.top));
    // A candidate that covers an avoided element is shortened from its free end (the bottom,
    // or the top of one that opens upwards) to stop short of it, while 200px tall or more.
    const fit = (c) => {
      const hit = hits(c.rect);
      if (!hit.length) return c;
      const r = { ...c.rect };
      if (c.bottom === undefined) r.bottom = Math.min(...hit.map((a) => a.top)) - gap;
      else r.top = Math.max(...hit.map((a) => a.bottom)) + gap;
      const height = r.bottom - r.top;
      return height >= 200 && !hits(r).length ? { ...c, height, top: c.bottom === undefined ? c.top : undefined, rect: r } : null;
    };
    const chosen = candidates.map(fit).find(Boolean);
    let where;
    let left;
    let top = null;
    let bottom = null;
    let height;
    if (chosen) {
      ({ where, left, height } = chosen);
      top = chosen.top ?? null;
      bottom = chosen.bottom ?? null;
    } else {
      // No room outside the editor: over it, above or below the toggle, where there is more.
      left = alongRight;
      const toggleTop = toggleBottom - (toggleHeight || 26);
      const above = toggleTop - gap - (viewport.top + margin);
      const below = viewport.bottom - margin - (toggleBottom + gap);
      if (above >= below) {
        where = 'over-above';
        bottom = viewport.bottom - (toggleTop - gap);
        height = above;
      } else {
        where = 'over-below';
        top = toggleBottom + gap;
        height = below;
      }
    }
    if (height === undefined) height = viewport.bottom - margin - top;
    height = Math.max(120, Math.min(tallest, height));
    // Written only when the place changed: place() runs on every keystroke.
    const key = `${where} ${left} ${top} ${bottom} ${height} ${width}`;
    if (key === panelKey) return;
    panelKey = key;
    const style = panel.style;
    panel.dataset.placement = where;
    setStyle(style, 'left', `${left}px`);
    setStyle(style, 'top', top === null ? null : `${top}px`);
    setStyle(style, 'bottom', bottom === null ? null : `${bottom}px`);
    setStyle(style, 'width', `${width}px`);
    setStyle(style, 'max-height', `${height}px`);
  }
  toggle.addEventListener('click', () => setOpen(panel.hidden));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      setOpen(false);
      toggle.focus();
      event.stopPropagation();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const buttons = [...findings.querySelectorAll('button')];
      const at = buttons.indexOf(layer.shadow.activeElement);
      if (at < 0) return;
      event.preventDefault();
      buttons[(at + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length].focus();
    }
  });
  insert.addEventListener('click', () => hooks.onInsert());
  setOpen(Boolean(options.open));

  function tick() {
    if (!report?.sla) return;
    const now = hooks.now();
    const status = liveStatus(report.sla, now);
    if (sla.className !== `sla ${status}`) sla.className = `sla ${status}`;
    setText(slaStatus, statusWord(status));
    setText(slaCountdown, countdown(report.sla, now));
  }

  function renderSla() {
    const value = report.sla;
    sla.hidden = !value;
    if (timer !== null && !value) {
      clearInterval(timer);
      timer = null;
    }
    if (!value) return;
    slaWhen.textContent = `Due ${deadlineText(value)}`;
    const clash = report.diagnostics.find((d) => d.code === CONFLICT);
    conflict.hidden = !clash;
    conflict.textContent = clash ? clash.message : '';
    tick();
    if (timer === null) timer = setInterval(tick, 1000);
  }

  function renderFindings(canInsert) {
    const items = report.diagnostics.map((d, index) => {
      const hasSpan = Boolean(d.span);
      const button = el(doc, 'button', {
        type: 'button', class: `finding ${d.severity}`, 'data-index': index, 'data-code': d.code,
        'aria-disabled': hasSpan ? undefined : 'true', 'aria-describedby': `${id}-tip`,
      }, el(doc, 'span', { class: 'sev' }, SEVERITY_WORDS[d.severity] ?? String(d.severity)), ': ', String(d.message));
      button.addEventListener('click', () => hasSpan && hooks.onFinding(index, 'activate'));
      button.addEventListener('focus', () => hooks.onFinding(index, 'focus'));
      button.addEventListener('mouseenter', () => hooks.onFinding(index, 'focus'));
      button.addEventListener('blur', () => hooks.onFinding(index, 'blur'));
      button.addEventListener('mouseleave', () => hooks.onFinding(index, 'blur'));
      return el(doc, 'li', {}, button);
    });
    // Keyboard focus on a finding survives a new report (the page changed the context, say).
    const had = layer.shadow.activeElement;
    const focusedIndex = had && findings.contains(had) ? Number(had.dataset.index) : -1;
    findingsTitle.textContent = `Findings (${items.length})`;
    findings.replaceChildren(...items);
    if (focusedIndex >= 0) (items[Math.min(focusedIndex, items.length - 1)]?.firstChild ?? toggle).focus();
    insert.hidden = !canInsert;
  }

  function renderChecks() {
    const list = report.score?.checks ?? [];
    checks.hidden = list.length === 0;
    checksTitle.hidden = list.length === 0;
    checks.replaceChildren(...list.map((c) => {
      const points = c.status === 'not_applicable' ? 'n/a' : `${c.points} / ${c.max_points}`;
      const line = el(doc, 'div', { class: `check ${c.status}` },
        el(doc, 'span', {}, checkLabel(c.id)), el(doc, 'span', { class: 'pts' }, points));
      return el(doc, 'li', { 'data-check': c.id }, line, c.reason ? el(doc, 'div', { class: 'reason' }, c.reason) : null);
    }));
  }

  return {
    /** Shows a report. */
    render(next, { canInsert }) {
      report = next;
      const wasError = !errorBox.hidden;
      if (wasError) errorBox.hidden = true;
      const s = next.score;
      setText(score, s ? `Score ${s.value} / 100 — grade ${s.grade}` : 'No score');
      if (cap.hidden !== !s?.cap) cap.hidden = !s?.cap;
      setText(cap, s?.cap?.reason ?? '');
      setText(toggle, s ? `Handoff: ${s.value} · ${s.grade}` : `Handoff: ${next.diagnostics.length} findings`);
      const toggleClass = `toggle${s ? ` grade-${s.grade}` : ''}`;
      if (toggle.className !== toggleClass) toggle.className = toggleClass;
      // Typing moves spans but mostly leaves the findings as they were: each part is rebuilt
      // only when what it shows changed (a finding's span is read from the report on click).
      const keys = {
        sla: JSON.stringify([next.sla, next.diagnostics.find((d) => d.code === CONFLICT)?.message]),
        findings: JSON.stringify([canInsert, next.diagnostics.map((d) => [d.severity, d.code, d.message, Boolean(d.span)])]),
        checks: JSON.stringify(next.score?.checks ?? []),
      };
      if (wasError || keys.sla !== rendered.sla) renderSla();
      if (wasError || keys.findings !== rendered.findings) renderFindings(canInsert);
      if (wasError || keys.checks !== rendered.checks) renderChecks();
      rendered = keys;
      const words = announcement(next);
      if (words !== announced) {
        announced = words;
        live.textContent = words;
      }
    },
    /** Shows a kit failure; the last findings stay listed but the underlines are gone. */
    renderError(error) {
      errorBox.hidden = false;
      errorBox.textContent = failure(error);
      toggle.textContent = 'Handoff: check failed';
      toggle.className = 'toggle failed';
    },
    /** Shows the insertion failing (the text is untouched). */
    renderInsertError(error) {
      errorBox.hidden = false;
      errorBox.textContent = `The template could not be inserted: ${error?.message ?? String(error)}`;
    },
    /**
     * Keeps the toggle at the editor's bottom-right corner (box and viewport in layer
     * coordinates) and the open panel beside the editor (placePanel), clear of `avoid`.
     */
    place(box, viewport) {
      const dock = layer.dock.style;
      if (!box) {
        dock.setProperty('display', 'none');
        return;
      }
      dock.removeProperty('display');
      // Read once: place() runs after the underlines were written, and a read here would
      // force a second layout on every keystroke.
      if (!toggleHeight) toggleHeight = toggle.offsetHeight || 26;
      const right = Math.min(Math.max(6, viewport.right - box.right + 6), viewport.right - 60);
      const toggleBottom = Math.min(Math.max(toggleHeight + 6, box.bottom - 6), viewport.bottom - 6);
      dock.setProperty('right', `${right}px`);
      dock.setProperty('top', `${toggleBottom - toggleHeight}px`);
      placed = { box, viewport, toggleBottom };
      if (!panel.hidden) placePanel();
    },
    /** Opens or closes the panel. */
    open: setOpen,
    /** Whether the panel is open. */
    isOpen: () => !panel.hidden,
    /**
     * Shows `text` at the top of the panel as an alert (`tone` 'warn' or 'block') and opens the
     * panel; `null` removes it.
     */
    notice(text, tone = 'warn') {
      if (text === null || text === undefined || text === '') {
        notice.hidden = true;
        notice.textContent = '';
        return;
      }
      notice.className = `notice ${tone === 'block' ? 'block' : 'warn'}`;
      notice.textContent = String(text);
      notice.hidden = false;
      setOpen(true);
      panel.scrollTop = 0;
    },
    destroy() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
}
