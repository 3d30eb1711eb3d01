// The one change the layer ever makes to the agent's text, and only when the agent clicks
// "Insert template": the scenario's blank note goes in through the editor's own input
// pipeline, so the editor's undo takes it back.
// - A contenteditable is first offered a `paste` (text/plain and text/html): rich editors
//   whose model owns the DOM (CKEditor 4 and 5, ProseMirror, Quill, Lexical…) take pastes
//   through their clipboard pipeline and cancel the event; their DOM would be re-rendered
//   over a raw edit.
// - Otherwise (a textarea, a plain contenteditable) `execCommand('insertText')`, what typing
//   does: an `input` event and the browser's undo stack. When a browser refuses it, the
//   source falls back to setRangeText (textarea) or a beforeinput the editor may handle
//   (contenteditable), followed by an input event.

/** Resolves a value or a promise of one. */
function settle(value) {
  return value && typeof value.then === 'function' ? value : Promise.resolve(value);
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Offers `text` to a rich editor as a paste; true when the editor took it (cancelled it). */
function offerPaste(element, template, lineStart) {
  // After other text on the line, an empty first block: editors merge the first pasted block
  // into the caret's, so the template's first line then starts a block of its own.
  const text = lineStart ? template : `\n${template}`;
  const view = element.ownerDocument.defaultView;
  if (typeof view.DataTransfer !== 'function' || typeof view.ClipboardEvent !== 'function') return false;
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  const lines = text.replace(/\n+$/, '').split('\n');
  data.setData('text/html', lines.map((line) => `<p>${escapeHtml(line)}</p>`).join(''));
  let event;
  try {
    event = new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  } catch {
    return false;
  }
  const target = element.ownerDocument.getSelection()?.anchorNode ?? element;
  (target.nodeType === 1 ? target : target.parentNode ?? element).dispatchEvent(event);
  return event.defaultPrevented;
}

/** Inserts `kit.noteTemplate(scenario)` at the agent's caret (or at the end). */
export async function insertTemplate(source, kit, scenario) {
  const template = await settle(kit.noteTemplate(scenario));
  if (typeof template !== 'string') throw new TypeError('kit.noteTemplate did not return a string');
  source.prepareInsert();
  const lineStart = source.atLineStart();
  if (source.kind === 'contenteditable' && offerPaste(source.element, template, lineStart)) return;
  // Typed after other text on the same line, the template starts on a line of its own.
  const text = lineStart ? template : `\n${template}`;
  const doc = source.element.ownerDocument;
  let done = false;
  try {
    done = doc.execCommand('insertText', false, text);
  } catch {
    done = false;
  }
  if (!done) source.fallbackInsert(text);
}
