// Teams: id, the name and aliases helpdesk pages show, and the calendar their policies use.
import { h, field, text, select, button, list, slug, calendarIds, prune } from '../form.js';

export const title = 'Teams';

export function render(box, { store }) {
  const bundle = store.bundle;
  const teams = bundle.teams ?? {};
  const nameInput = h('input', { type: 'text', id: 'new-team-name', placeholder: 'Kestrel Air Ops' });
  const add = () => {
    const name = nameInput.value.trim();
    const id = slug(name);
    if (!id) return;
    store.update((b) => {
      b.teams ??= {};
      b.teams[id] ??= { name, aliases: [] };
    });
  };
  nameInput.addEventListener('keydown', (e) => { if (e.key === 'Enter') add(); });
  const rows = Object.entries(teams).map(([id, team]) => h('tr', { 'data-team': id },
    h('td', {}, h('code', {}, id)),
    h('td', {}, text(team.name, (v) => store.update((b) => { b.teams[id].name = v; }, { render: false }), { 'aria-label': `Name of ${id}` })),
    h('td', {}, text((team.aliases ?? []).join(', '), (v) => store.update((b) => { b.teams[id].aliases = list(v); }, { render: false }),
      { 'aria-label': `Aliases of ${id}`, 'data-field': 'aliases', size: 30 })),
    h('td', {}, select(team.calendar ?? '', [['', '(policy decides)'], ...calendarIds(bundle).map((c) => [c, c])],
      (v) => store.update((b) => { if (v) b.teams[id].calendar = v; else delete b.teams[id].calendar; }, { render: false }),
      { 'aria-label': `Calendar of ${id}`, 'data-field': 'calendar' })),
    h('td', {}, button('Remove', () => store.update((b) => { delete b.teams[id]; prune(b, 'teams'); }), { 'aria-label': `Remove team ${id}` })),
  ));
  box.replaceChildren(
    h('p', { class: 'muted' }, 'A team id is what policies and scenarios name; pages show its name or one of its aliases (queue or group names), and the kit maps those to the id, ignoring case.'),
    h('div', { class: 'row' }, field('New team name', nameInput), button('Add team', add, { id: 'add-team' })),
    rows.length ? h('table', {}, h('thead', {}, h('tr', {}, ['Id', 'Name', 'Aliases (comma-separated)', 'Calendar', ''].map((t) => h('th', {}, t)))), h('tbody', {}, rows))
      : h('p', {}, 'No teams yet: the built-in team names apply.'),
  );
}
