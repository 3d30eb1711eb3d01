// The extension: gate mode (off, warn, block) and the admin's own adapters (adapter.md).
import { h, field, select } from '../form.js';
import { jsonEditor } from '../../shared/json-editor.js';

export const title = 'Extension';
const EXAMPLE = [{
  id: 'our-helpdesk',
  name: 'Our helpdesk',
  match: { hosts: ['help.example.com'], paths: ['/tickets/*'] },
  editor: { selector: 'textarea[name=note]', format: 'text' },
  context: { '/ticket/id': { from: 'url', param: 'id' }, '/handoff/to/team': { selector: 'select[name=queue]', read: 'selectedText' } },
  action: { selector: 'button[type=submit]', event: 'click' },
}];

export function render(box, ctx) {
  const { store } = ctx;
  const extension = store.bundle.extension ?? {};
  const gate = select(extension.gate ?? '', [['', '(the extension\'s setting)'], ['off', 'off: only show findings'], ['warn', 'warn: ask before handing off'], ['block', 'block: no handoff with errors']],
    (v) => store.update((b) => {
      b.extension ??= {};
      if (v) b.extension.gate = v; else delete b.extension.gate;
      if (!Object.keys(b.extension).length) delete b.extension;
    }, { render: false }), { id: 'gate' });
  const editorBox = h('div', {});
  jsonEditor(editorBox, {
    doc: JSON.stringify(extension.adapters ?? [], null, 2),
    label: 'Adapters (JSON)',
    schema: () => ctx.schemas && { root: { $id: 'https://handoff-kit.dev/schemas/bundle/extension.schema.json', $ref: '#/properties/adapters' }, schemas: ctx.schemas.BUILT_IN },
    diagnose: async () => ((await ctx.whenBuilt())?.diagnostics ?? []).filter((d) => d.path.startsWith('/extension/adapters')).map((d) => ({ ...d, path: d.path.slice('/extension/adapters'.length) })),
    onChange: (value) => {
      let parsed;
      try {
        parsed = JSON.parse(value);
      } catch {
        return;
      }
      store.update((b) => {
        b.extension ??= {};
        if (Array.isArray(parsed) && parsed.length === 0) delete b.extension.adapters; else b.extension.adapters = parsed;
        if (!Object.keys(b.extension).length) delete b.extension;
      }, { render: false, coalesce: 'adapters' });
    },
  });
  box.replaceChildren(
    h('p', { class: 'muted' }, 'The gate hooks each adapter\'s action (the button or form that hands off). Your adapters are tried before the shipped ones (Request Tracker, osTicket, Zendesk, Freshdesk, Jira Service Management, Zammad, FreeScout, Help Scout).'),
    field('Gate', gate),
    h('h3', {}, 'Your adapters'),
    editorBox,
    h('details', {}, h('summary', {}, 'An example adapter'), h('pre', { class: 'out' }, JSON.stringify(EXAMPLE, null, 2))),
  );
}
