// Vocabulary and note headings: JSON editors with the kit's findings inline, and a preview of
// how the kit reads a note with the current headings.
import { h, field, text, button, list } from '../form.js';
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

const KINDS = [['teams', 'Teams'], ['scenarios', 'Scenarios'], ['issue_types', 'Issue types']];

/** The vocabulary as a table: per kind, an id and the other words people use for it. */
function vocabularyTable(ctx) {
  const { store } = ctx;
  const vocabulary = store.bundle.vocabulary ?? {};
  const set = (kind, id, words) => store.update((b) => {
    b.vocabulary ??= {};
    b.vocabulary[kind] ??= {};
    if (words === null) delete b.vocabulary[kind][id]; else b.vocabulary[kind][id] = words;
    if (!Object.keys(b.vocabulary[kind]).length) delete b.vocabulary[kind];
    if (!Object.keys(b.vocabulary).length) delete b.vocabulary;
  }, { render: words === null || !(vocabulary[kind] && id in vocabulary[kind]) });
  const parts = [];
  for (const [kind, label] of KINDS) {
    const rows = Object.entries(vocabulary[kind] ?? {}).map(([id, words]) => h('tr', {},
      h('td', {}, h('code', {}, id)),
      h('td', {}, text(words.join(', '), (v) => set(kind, id, list(v)), { 'aria-label': `Words for ${id}`, size: 40 })),
      h('td', {}, button('×', () => set(kind, id, null), { 'aria-label': `Remove ${id}` }))));
    const id = h('input', { type: 'text', size: 16, 'aria-label': `New ${label.toLowerCase()} id` });
    const words = h('input', { type: 'text', size: 30, 'aria-label': `Its words (comma-separated)` });
    parts.push(h('h3', {}, label),
      rows.length ? h('table', {}, h('tbody', {}, rows)) : h('p', { class: 'muted' }, 'Only the built-in words.'),
      h('div', { class: 'row' }, field('Id', id), field('Words', words), button('Add', () => id.value.trim() && set(kind, id.value.trim(), list(words.value)))));
  }
  // "Did you mean": what the kit makes of a team name an agent might type.
  const probe = h('input', { type: 'text', id: 'vocabulary-probe', placeholder: 'acounts receivable', 'aria-label': 'A receiving team name to try' });
  const answer = h('p', { role: 'status', id: 'vocabulary-answer' });
  probe.addEventListener('input', async () => {
    const name = probe.value.trim();
    if (!name) { answer.textContent = ''; return; }
    try {
      const report = await ctx.kit().check(JSON.stringify({ handoff: { to: { team: name }, at: '2026-12-01T10:00:00Z' }, urgency: 'standard' }));
      const about = report.diagnostics.filter((d) => d.path.startsWith('/handoff/to/team'));
      answer.textContent = about.length ? about.map((d) => `${d.message}${d.hint ? ` ${d.hint}` : ''}`).join(' ')
        : `Understood${report.sla ? `: policy ${report.sla.policy}${report.sla.team ? `, team ${report.sla.team}` : ''}` : ''}.`;
    } catch (error) {
      answer.textContent = error.message;
    }
  });
  parts.push(h('h3', {}, 'Did you mean…?'), field('Try a receiving team name', probe), answer);
  return parts;
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
    h('h2', {}, 'Vocabulary'),
    ...vocabularyTable(ctx),
    ...part('notes', 'Note headings', ctx),
    h('h3', {}, 'How the kit reads a note with these'),
    note, out,
  );
  preview();
}
