// The one change the layer ever makes to the agent's text, and only when the agent clicks
// "Insert template": the scenario's blank note goes in through the editor's own input
// pipeline. `execCommand('insertText')` is what typing does (it fires beforeinput/input and
// lands on the editor's undo stack, in a textarea and in a contenteditable; rich editors such
// as CKEditor 5 take it through their own model). When a browser refuses it, the source falls
// back to setRangeText (textarea) or a beforeinput the editor may handle (contenteditable),
// followed by an input event.

/** Resolves a value or a promise of one. */
function settle(value) {
  return value && typeof value.then === 'function' ? value : Promise.resolve(value);
}

/** Inserts `kit.noteTemplate(scenario)` at the agent's caret (or at the end). */
export async function insertTemplate(source, kit, scenario) {
  const template = await settle(kit.noteTemplate(scenario));
  if (typeof template !== 'string') throw new TypeError('kit.noteTemplate did not return a string');
  source.prepareInsert();
  const doc = source.element.ownerDocument;
  let done = false;
  try {
    done = doc.execCommand('insertText', false, template);
  } catch {
    done = false;
  }
  if (!done) source.fallbackInsert(template);
}
