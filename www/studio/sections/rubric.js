// Rubric weights: one slider per check (0–100 points), with the cases re-run as it moves.
import { h, button } from '../form.js';

export const title = 'Rubric';

export function render(box, { store, checks }) {
  const weights = store.bundle.rubric?.weights ?? {};
  const rows = checks.map(({ id, weight }) => {
    const fixed = id === 'document-asked-twice';
    const value = weights[id] ?? weight;
    const output = h('output', { id: `weight-${id}-value` }, `${value}${weights[id] === undefined ? ' (built-in)' : ''}`);
    const slider = h('input', { type: 'range', min: 0, max: 100, step: 1, id: `weight-${id}`, 'aria-label': `Weight of ${id}`, disabled: fixed });
    slider.value = value;
    slider.addEventListener('input', () => {
      output.textContent = slider.value;
      store.update((b) => {
        b.rubric ??= {};
        b.rubric.weights ??= {};
        b.rubric.weights[id] = Number(slider.value);
      }, { render: false, coalesce: `weight:${id}` });
    });
    return h('tr', {}, h('th', { scope: 'row' }, h('label', { for: `weight-${id}` }, id)), h('td', {}, slider), h('td', {}, output),
      h('td', {}, weights[id] === undefined || fixed ? null : button('Built-in', () => store.update((b) => {
        delete b.rubric.weights[id];
        if (!Object.keys(b.rubric.weights).length) delete b.rubric.weights;
        if (!Object.keys(b.rubric).length) delete b.rubric;
      }), { 'aria-label': `Reset ${id} to its built-in weight` })));
  });
  box.replaceChildren(
    h('p', { class: 'muted' }, 'Points per check, in every scenario. The regression cases re-run as you move a slider. document-asked-twice stays 0 (it only advises).'),
    h('table', {}, h('tbody', {}, rows)),
  );
}
