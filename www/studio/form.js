// Small form pieces the studio's sections share. Text goes in with textContent only.
import { h } from '../shared/report-view.js';

export { h };

/** A labelled control; `control` is an element. */
export function field(label, control, attributes = {}) {
  return h('label', attributes, label, control);
}

/** A text input that commits on `change` (or on every `input` when `live`). */
export function text(value, commit, attributes = {}, { live = false } = {}) {
  const input = h('input', { type: 'text', ...attributes });
  input.value = value ?? '';
  input.addEventListener(live ? 'input' : 'change', () => commit(input.value));
  return input;
}

export function number(value, commit, attributes = {}) {
  const input = h('input', { type: 'number', ...attributes });
  input.value = value ?? '';
  input.addEventListener('change', () => commit(input.value === '' ? undefined : Number(input.value)));
  return input;
}

/** A select of `[value, label]` options. */
export function select(value, options, commit, attributes = {}) {
  const node = h('select', attributes, options.map(([v, label]) => h('option', { value: v }, label ?? v)));
  node.value = value ?? '';
  node.addEventListener('change', () => commit(node.value));
  return node;
}

export function button(label, onClick, attributes = {}) {
  return h('button', { type: 'button', ...attributes, onclick: onClick }, label);
}

/** "a, b , c" → ["a", "b", "c"]. */
export const list = (value) => String(value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** A lowercase id from a name: "Kestrel Air Ops" → "kestrel_air_ops". */
export const slug = (name) => String(name).trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^(\d)/, 't$1');

/** The ids of the calendars a policy or team can name. */
export function calendarIds(bundle) {
  return ['default', ...Object.keys(bundle.calendars ?? {}).filter((id) => id !== 'default')];
}

/** Deletes `key` from `object` and the object from `parent` when it is left empty. */
export function prune(parent, key) {
  if (parent[key] && typeof parent[key] === 'object' && Object.keys(parent[key]).length === 0) delete parent[key];
}
