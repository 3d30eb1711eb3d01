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

  let copied = '';
  function sync() {
    const style = view.getComputedStyle(textarea);
    const borders = (parseFloat(style.borderLeftWidth) || 0) + (parseFloat(style.borderRightWidth) || 0);
    const values = COPIED.map((name) => style.getPropertyValue(name));
    values.push(`${textarea.clientWidth + borders}px`);
    const key = values.join('|');
    if (key !== copied) {
      copied = key;
      const target = mirror.style;
      COPIED.forEach((name, i) => target.setProperty(name, values[i]));
      target.setProperty('width', values[COPIED.length]);
    }
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
    /**
     * Focuses the textarea at the agent's last caret (a textarea keeps it while blurred) and
     * sets it again: a new selection closes the browser's typing group, so Ctrl+Z takes the
     * insertion back alone, not with the words typed just before.
     */
    prepareInsert() {
      const { selectionStart, selectionEnd, selectionDirection } = textarea;
      textarea.focus({ preventScroll: true });
      textarea.setSelectionRange(selectionStart, selectionEnd, selectionDirection);
    },
    /** Whether the caret is at the start of a line (or of the text). */
    atLineStart() {
      const at = textarea.selectionStart;
      return at === 0 || textarea.value[at - 1] === '\n';
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
