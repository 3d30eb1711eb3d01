// A <textarea> as a source of text and rectangles: its value is the text the agent sees, and
// a hidden mirror <div> in the layer's shadow root, laid out with the textarea's own font,
// padding, borders, width and wrapping, gives the rectangles of any span (a Range over the
// mirror's text). The mirror never enters the host page's DOM.
import { el } from './element.js';

// The computed properties that decide where a character lands.
const COPIED = [
  'direction', 'writing-mode', 'border-top-width', 'border-right-width', 'border-bottom-width',
  'border-left-width', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'font-style', 'font-variant', 'font-weight', 'font-stretch', 'font-size', 'font-size-adjust',
  'line-height', 'font-family', 'font-feature-settings', 'font-kerning', 'font-variation-settings',
  'font-optical-sizing', 'text-align', 'text-transform', 'text-indent', 'letter-spacing',
  'word-spacing', 'tab-size', 'white-space', 'word-break', 'overflow-wrap', 'text-rendering',
  'hyphens',
];

export function textareaSource(textarea, layerDoc, parent) {
  const view = textarea.ownerDocument.defaultView;
  const text = layerDoc.createTextNode('');
  // A zero-width space after the text: a trailing newline then opens a line, as in the textarea.
  const mirror = el(layerDoc, 'div', { class: 'mirror', 'aria-hidden': 'true' }, text, '\u200b');
  parent.append(mirror);
  const range = layerDoc.createRange();

  function sync() {
    const style = view.getComputedStyle(textarea);
    const target = mirror.style;
    for (const name of COPIED) target.setProperty(name, style.getPropertyValue(name));
    const borders = (parseFloat(style.borderLeftWidth) || 0) + (parseFloat(style.borderRightWidth) || 0);
    target.setProperty('width', `${textarea.clientWidth + borders}px`);
    if (text.data !== textarea.value) text.data = textarea.value;
  }

  return {
    kind: 'textarea',
    element: textarea,
    format: 'text',
    read() {
      const value = textarea.value;
      return { text: value, input: value };
    },
    /** For each [start, end) span, its rectangles in the textarea's window. */
    measure(spans) {
      sync();
      const length = text.data.length;
      const mirrorBox = mirror.getBoundingClientRect();
      const box = textarea.getBoundingClientRect();
      const dx = box.left - mirrorBox.left - textarea.scrollLeft;
      const dy = box.top - mirrorBox.top - textarea.scrollTop;
      return spans.map(({ start, end }) => {
        const s = Math.max(0, Math.min(start, length));
        const e = Math.max(s, Math.min(end, length));
        range.setStart(text, s);
        range.setEnd(text, e);
        return Array.from(range.getClientRects(), (r) => ({
          left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy,
        }));
      });
    },
    /** Moves the caret to `offset` and scrolls the textarea so the caret's line shows. */
    caret(offset) {
      textarea.focus({ preventScroll: true });
      textarea.setSelectionRange(offset, offset);
      const [line] = this.measure([{ start: offset, end: offset }])[0];
      if (line) {
        const box = textarea.getBoundingClientRect();
        const top = line.top - box.top - textarea.clientTop;
        const bottom = line.bottom - box.top - textarea.clientTop;
        if (top < 0) textarea.scrollTop += top;
        else if (bottom > textarea.clientHeight) textarea.scrollTop += bottom - textarea.clientHeight;
      }
      textarea.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    },
    /** Whether the selection is in the editor (where an insertion goes). */
    hasSelection() {
      return textarea.ownerDocument.activeElement === textarea;
    },
    /** Puts the caret at the end unless the agent already has it in the editor. */
    prepareInsert() {
      if (!this.hasSelection()) {
        textarea.focus();
        const end = textarea.value.length;
        textarea.setSelectionRange(end, end);
      }
    },
    /** The insertion when execCommand is refused: setRangeText + an input event. */
    fallbackInsert(value) {
      textarea.setRangeText(value, textarea.selectionStart, textarea.selectionEnd, 'end');
      textarea.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
    },
    mutated() {
      return false;
    },
    destroy() {
      mirror.remove();
    },
  };
}
