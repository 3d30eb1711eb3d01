// Vocabulary and note headings: JSON editors with the kit's findings inline, and a preview of
// how the kit reads a note with the current headings.
import { h } from '../form.js';
import { jsonEditor } from '../../shared/json-editor.js';

export const title = 'Vocabulary & notes';

function part(key, label, ctx) {
  const { store } = ctx;
  const box = h('div', {});
  jsonEditor(box, {
    doc: JSON.stringify(store.bundle[key] ?? {}, null, 2),
    label,
    diagnose: async () => ((await ctx.whenBuilt())?.diagnostics ?? []).filter((d) => d.path.startsWith(`/${key}`)).map((d) => ({ ...d, path: d.path.slice(key.length + 1) })),
    onChange: (value) => {
      let parsed;
      try {
        parsed = JSON.parse(value);
      } catch {
        return;
      }
      store.update((b) => {
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.keys(parsed).length === 0) delete b[key];
        else b[key] = parsed;
      }, { render: false, coalesce: key });
    },
  });
  return [h('h2', {}, label), box];
}

export function render(box, ctx) {
  const note = h('textarea', { class: 'note', rows: 6, 'aria-label': 'A note to read with these headings', spellcheck: 'false' });
  note.value = 'Summary: Customer was charged twice.\nOwner: Tomás Okafor\nSentiment: frustrated\n';
  const out = h('pre', { class: 'out', 'aria-live': 'polite' });
  const preview = async () => {
    try {
      const parsed = await ctx.kit().parseNote(note.value);
      out.textContent = JSON.stringify({ packet: parsed.packet, diagnostics: parsed.diagnostics.map((d) => `${d.code} ${d.path}: ${d.message}`) }, null, 2);
    } catch (error) {
      out.textContent = error.message;
    }
  };
  note.addEventListener('input', preview);
  box.replaceChildren(
    h('p', { class: 'muted' }, 'The words your people use for teams, scenarios and issue types, and the headings of free-text notes (see the meta-schema: completion lists them).'),
    ...part('vocabulary', 'Vocabulary', ctx),
    ...part('notes', 'Note headings', ctx),
    h('h3', {}, 'How the kit reads a note with these'),
    note, out,
  );
  preview();
}
