// Scenarios and the bundle's own schemas: a new scenario from a name and its extra required
// fields (the studio writes its schema: the base packet schema plus those fields), and every
// schema in a JSON editor with the kit's findings inline.
import { h, field, text, select, button, list, slug, prune } from '../form.js';
import { jsonEditor } from '../../shared/json-editor.js';
import { escapePointer } from '../../shared/json-editor.js';

export const title = 'Scenarios & schemas';
const PACKET = 'https://handoff-kit.dev/schemas/packet.schema.json';
const builtInSchema = (s) => `https://handoff-kit.dev/schemas/scenarios/${s}.schema.json`;

export function schemaFor(bundle, name, titleText, fields) {
  const properties = Object.fromEntries(fields.map((f) => [f, { title: f.replace(/_/g, ' '), description: `${f.replace(/_/g, ' ')}, which the receiving team needs for this kind of handoff.`, type: 'string', minLength: 1 }]));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://schemas.example/${slug(bundle.bundle) || 'bundle'}/${name}.schema.json`,
    title: titleText || name,
    allOf: [{ $ref: PACKET }],
    type: 'object',
    required: fields,
    properties,
  };
}

function schemaEditor(id, schema, store, ctx) {
  const box = h('div', { 'data-schema': id });
  const prefix = `/schemas/${escapePointer(id)}`;
  jsonEditor(box, {
    doc: JSON.stringify(schema, null, 2),
    label: `Schema ${id}`,
    schema: () => ctx.schemas && { root: ctx.schemas.BUILT_IN['https://json-schema.org/draft/2020-12/schema'] ?? {}, schemas: ctx.schemas.BUILT_IN },
    diagnose: async () => {
      const error = await ctx.whenBuilt();
      return (error?.diagnostics ?? []).filter((d) => d.path.startsWith(prefix)).map((d) => ({ ...d, path: d.path.slice(prefix.length) }));
    },
    onChange: (value) => {
      let parsed;
      try {
        parsed = JSON.parse(value);
      } catch {
        return; // the editor shows the syntax error; the bundle keeps the last good JSON
      }
      store.update((b) => { b.schemas[id] = parsed; }, { render: false, coalesce: `schema:${id}` });
    },
  });
  return box;
}

export function render(box, ctx) {
  const { store, scenarios } = ctx;
  const bundle = store.bundle;
  const own = bundle.scenarios ?? {};
  const schemaIds = [...scenarios.map((s) => builtInSchema(s)), ...Object.keys(bundle.schemas ?? {})];
  const name = h('input', { type: 'text', id: 'new-scenario-name', placeholder: 'aog_to_engineering' });
  const titleInput = h('input', { type: 'text', id: 'new-scenario-title', placeholder: 'Aircraft on ground to Engineering' });
  const fields = h('input', { type: 'text', id: 'new-scenario-fields', placeholder: 'aircraft_registration', size: 30 });
  const teams = h('input', { type: 'text', id: 'new-scenario-teams', placeholder: 'kestrel_air_ops', list: 'scenario-team-ids' });
  const problem = h('p', { role: 'alert', class: 'fail' });
  const add = () => {
    const id = name.value.trim();
    if (!/^[a-z][a-z0-9_]*$/.test(id)) {
      problem.textContent = 'A scenario name uses lowercase letters, digits and underscores, starting with a letter.';
      return;
    }
    const extra = list(fields.value);
    store.update((b) => {
      const scenario = { title: titleInput.value.trim() || id };
      if (extra.length) {
        const schema = schemaFor(b, id, scenario.title, extra);
        (b.schemas ??= {})[schema.$id] = schema;
        scenario.schema = schema.$id;
      }
      if (list(teams.value).length) scenario.teams = list(teams.value);
      (b.scenarios ??= {})[id] = scenario;
    });
  };
  const rows = Object.entries(own).map(([id, s]) => h('fieldset', { class: 'panel', 'data-scenario': id },
    h('legend', {}, id),
    h('div', { class: 'row' },
      field('Title', text(s.title, (v) => store.update((b) => { b.scenarios[id].title = v; }, { render: false }))),
      field('Schema', select(s.schema ?? '', [['', '(the packet schema)'], ...schemaIds.map((x) => [x, x])],
        (v) => store.update((b) => { if (v) b.scenarios[id].schema = v; else delete b.scenarios[id].schema; }))),
      field('Receiving teams', text((s.teams ?? []).join(', '), (v) => store.update((b) => { if (list(v).length) b.scenarios[id].teams = list(v); else delete b.scenarios[id].teams; }, { render: false }), { list: 'scenario-team-ids' })),
      button('Remove', () => store.update((b) => { delete b.scenarios[id]; prune(b, 'scenarios'); }), { 'aria-label': `Remove scenario ${id}` }))));
  const schemas = Object.entries(bundle.schemas ?? {}).map(([id, schema]) => h('div', {},
    h('h3', {}, h('code', {}, id), ' ', button('Remove schema', () => store.update((b) => { delete b.schemas[id]; prune(b, 'schemas'); }), { 'aria-label': `Remove schema ${id}` })),
    schemaEditor(id, schema, store, ctx)));
  box.replaceChildren(
    h('datalist', { id: 'scenario-team-ids' }, Object.keys(bundle.teams ?? {}).map((t) => h('option', { value: t }))),
    h('h2', {}, 'New scenario'),
    h('div', { class: 'row' }, field('Name', name), field('Title', titleInput), field('Extra required fields (comma-separated)', fields), field('Receiving teams', teams),
      button('Add scenario', add, { id: 'add-scenario' })),
    problem,
    h('h2', {}, `Your scenarios (${Object.keys(own).length})`),
    ...(rows.length ? rows : [h('p', {}, 'None yet: the built-in scenarios apply.')]),
    h('h2', {}, `Your schemas (${Object.keys(bundle.schemas ?? {}).length})`),
    ...schemas,
  );
}
