// Start: the built-in bundle or an import (file, URL, paste); the bundle's name and version; and
// the whole bundle as JSON, checked against the meta-schema as you type.
import { h, field, text, button } from '../form.js';
import { builtInBundle } from '../store.js';
import { jsonEditor } from '../../shared/json-editor.js';

export const title = 'Start';
let message = '';

export function render(box, ctx) {
  const { store } = ctx;
  const status = h('p', { role: 'status', id: 'import-status' }, message);
  const load = (bundle, from) => {
    if (!bundle || typeof bundle !== 'object' || Array.isArray(bundle)) throw new Error('a bundle is a JSON object');
    message = `Loaded ${bundle.bundle ?? '(no name)'} ${bundle.version ?? ''} from ${from}.`;
    store.replace(bundle);
  };
  const attempt = async (from, read) => {
    try {
      load(JSON.parse(await read()), from);
    } catch (error) {
      status.textContent = `Could not import from ${from}: ${error.message}`;
    }
  };
  const file = h('input', { type: 'file', id: 'import-file', accept: '.json,application/json' });
  file.addEventListener('change', () => file.files?.[0] && attempt(file.files[0].name, () => file.files[0].text()));
  const url = h('input', { type: 'url', id: 'import-url', size: 44, placeholder: 'https://intranet.example/handoff/bundle.json' });
  const paste = h('textarea', { id: 'import-paste', class: 'note', rows: 4, spellcheck: 'false', 'aria-label': 'Paste a bundle (JSON)' });
  const whole = h('div', {});
  jsonEditor(whole, {
    doc: JSON.stringify(store.bundle, null, 2),
    label: 'The whole bundle (JSON)',
    schema: () => ctx.schemas && { root: ctx.schemas.BUILT_IN[ctx.schemas.BUNDLE_ID], schemas: ctx.schemas.BUILT_IN },
    diagnose: async () => (await ctx.whenBuilt())?.diagnostics ?? [],
    onChange: (value) => {
      let parsed;
      try {
        parsed = JSON.parse(value);
      } catch {
        return;
      }
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) store.update(() => parsed, { render: false, coalesce: 'whole' });
    },
  });
  box.replaceChildren(
    h('div', { class: 'row' },
      button('Start from the built-in bundle', () => { message = 'Started from the built-in bundle: every section keeps its defaults until you change it.'; store.replace(builtInBundle()); }, { id: 'start-builtin' }),
      field('Import a file', file)),
    h('div', { class: 'row' }, field('Import from a URL', url), button('Load', () => attempt(url.value, async () => {
      const response = await fetch(url.value, { cache: 'no-store' });
      if (!response.ok) throw new Error(`${url.value} answered ${response.status}`);
      return response.text();
    }), { id: 'import-url-run' })),
    h('div', { class: 'row' }, field('Or paste it', paste, { style: 'flex:1' }), button('Load pasted JSON', () => attempt('the pasted text', async () => paste.value), { id: 'import-paste-run' })),
    status,
    h('div', { class: 'row' },
      field('Bundle name', text(store.bundle.bundle, (v) => store.update((b) => { b.bundle = v.trim(); }), { id: 'bundle-name' })),
      field('Version', text(store.bundle.version, (v) => store.update((b) => { b.version = v.trim(); }), { id: 'bundle-version' }))),
    h('h2', {}, 'The whole bundle (JSON)'),
    whole,
  );
}
