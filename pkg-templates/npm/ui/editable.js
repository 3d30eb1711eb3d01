// A contenteditable as a source of text and rectangles. The kit gets the editor's HTML (format
// 'html': headings and bold labels are part of how a note is read); the spans it returns index
// the rendered text, which offsets.js rebuilds from the same DOM with the kit's rules, with a
// map back to text nodes. Rectangles come from Ranges over those text nodes only (a Range
// across blocks would also return the blocks' own boxes).
import { readRendered } from './offsets.js';

export function editableSource(element) {
  const doc = element.ownerDocument;
  const view = doc.defaultView;
  let map = null;
  let stale = true;
  let saved = null; // the agent's last selection inside the editor

  const onSelection = () => {
    const selection = doc.getSelection();
    if (selection && selection.rangeCount > 0 && element.contains(selection.anchorNode)) {
      saved = selection.getRangeAt(0).cloneRange();
    }
  };
  doc.addEventListener('selectionchange', onSelection);

  function current() {
    if (stale || !map) {
      map = readRendered(element);
      stale = false;
    }
    return map;
  }

  const source = {
    kind: 'contenteditable',
    element,
    format: 'html',
    read(format) {
      map = readRendered(element);
      stale = false;
      return { text: map.text, input: format === 'text' ? map.text : element.innerHTML };
    },
    measure(spans) {
      const m = current();
      const range = doc.createRange();
      return spans.map(({ start, end }) => {
        const rects = [];
        for (const piece of m.pieces(start, end)) {
          if (!piece.node.isConnected) continue;
          const length = piece.node.data.length;
          range.setStart(piece.node, Math.min(piece.from, length));
          range.setEnd(piece.node, Math.min(piece.to, length));
          for (const r of range.getClientRects()) rects.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
        }
        return rects;
      });
    },
    caret(offset) {
      element.focus({ preventScroll: true });
      const at = current().position(offset, offset < current().text.length ? 'start' : 'end');
      const selection = doc.getSelection();
      if (at) selection.collapse(at.node, Math.min(at.offset, at.node.data.length));
      else selection.collapse(element, 0);
      const target = at ? at.node.parentElement : element;
      target?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    },
    hasSelection() {
      const selection = doc.getSelection();
      return Boolean(selection && selection.rangeCount > 0 && element.contains(selection.anchorNode));
    },
    /**
     * Focuses the editor at the agent's caret (its last selection inside, else the end) and
     * sets the selection anew: that closes the browser's typing group, so Ctrl+Z takes the
     * insertion back alone, not with the words typed just before.
     */
    prepareInsert() {
      element.focus({ preventScroll: true });
      const selection = doc.getSelection();
      let range;
      if (source.hasSelection()) range = selection.getRangeAt(0).cloneRange();
      else if (saved && saved.startContainer.isConnected && element.contains(saved.startContainer)) range = saved;
      else {
        range = doc.createRange();
        range.selectNodeContents(element);
        range.collapse(false);
      }
      selection.removeAllRanges();
      selection.addRange(range);
    },
    /** Whether the caret is at the start of a line: nothing shown before it in its block. */
    atLineStart() {
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0) return true;
      const caret = selection.getRangeAt(0);
      let block = caret.startContainer.nodeType === 1 ? caret.startContainer : caret.startContainer.parentElement;
      while (block && block !== element && view.getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      const before = doc.createRange();
      before.setStart(block && element.contains(block) ? block : element, 0);
      before.setEnd(caret.startContainer, caret.startOffset);
      // What the block shows before the caret, read as the kit reads it (a detached copy).
      const copy = doc.createElement('div');
      copy.append(before.cloneContents());
      const text = readRendered(copy).text;
      return text === '' || text.endsWith('\n');
    },
    // When execCommand is refused: offer the text to the editor as a `beforeinput` (rich
    // editors handle it and cancel it); if nobody handles it, insert a text node and say so
    // with an `input` event.
    fallbackInsert(value) {
      const init = { bubbles: true, cancelable: true, inputType: 'insertText', data: value };
      if (!element.dispatchEvent(new view.InputEvent('beforeinput', init))) return;
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      range.deleteContents();
      const node = doc.createTextNode(value);
      range.insertNode(node);
      range.setStartAfter(node);
      range.collapse(true);
      selection.removeAllRanges();
      selection.addRange(range);
      element.dispatchEvent(new view.InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
    },
    /** The editor's DOM changed: the map is rebuilt before the next measurement. */
    mutated() {
      stale = true;
      return true;
    },
    destroy() {
      doc.removeEventListener('selectionchange', onSelection);
      map = null;
      saved = null;
    },
  };
  return source;
}
