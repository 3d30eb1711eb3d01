// SLA policies: which target applies to which scenario / receiving team / urgency, on which
// calendar, with warn_before. The most specific match wins; ties go to the first in the list.
import { h, field, text, number, select, button, calendarIds } from '../form.js';

export const title = 'SLA policies';
const UNITS = ['business_minutes', 'business_hours', 'business_days', 'calendar_minutes'];
const URGENCIES = ['standard', 'urgent', 'executive'];
const asList = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function setMatch(policy, key, values) {
  policy.match ??= {};
  if (values.length === 0) delete policy.match[key];
  else policy.match[key] = values.length === 1 ? values[0] : values;
  if (Object.keys(policy.match).length === 0) delete policy.match;
}

export function render(box, { store, scenarios }) {
  const bundle = store.bundle;
  const policies = bundle.policies ?? [];
  const teamIds = Object.keys(bundle.teams ?? {});
  const edit = (k, change, render = false) => store.update((b) => { change(b.policies[k]); }, { render });
  const rows = policies.map((p, k) => {
    const urgency = asList(p.match?.urgency);
    const checks = URGENCIES.map((u) => {
      const box2 = h('input', { type: 'checkbox', 'data-urgency': u });
      box2.checked = urgency.includes(u);
      box2.addEventListener('change', () => edit(k, (policy) => {
        const now = new Set(asList(policy.match?.urgency));
        if (box2.checked) now.add(u); else now.delete(u);
        setMatch(policy, 'urgency', URGENCIES.filter((x) => now.has(x)));
      }));
      return h('label', { class: 'inline' }, box2, u);
    });
    return h('fieldset', { class: 'panel', 'data-policy': k },
      h('legend', {}, `Policy ${k + 1}: ${p.id}`),
      h('div', { class: 'row' },
        field('Id', text(p.id, (v) => edit(k, (policy) => { policy.id = v.trim(); }, true), { 'data-field': 'id' })),
        field('Scenario', select(asList(p.match?.scenario)[0] ?? '', [['', '(any)'], ...scenarios.map((s) => [s, s])],
          (v) => edit(k, (policy) => setMatch(policy, 'scenario', v ? [v] : [])), { 'data-field': 'scenario' })),
        field('Receiving team', text(asList(p.match?.team).join(', '), (v) => edit(k, (policy) => setMatch(policy, 'team', v.split(',').map((s) => s.trim()).filter(Boolean))),
          { 'data-field': 'team', list: 'team-ids', placeholder: '(any)' })),
        h('fieldset', { class: 'row', style: 'border:none;padding:0;margin:0' }, h('legend', { class: 'muted' }, 'Urgency (none: any)'), checks)),
      h('div', { class: 'row' },
        field('Calendar', select(p.calendar ?? '', [['', '(the team\'s, else default)'], ...calendarIds(bundle).map((c) => [c, c])],
          (v) => edit(k, (policy) => { if (v) policy.calendar = v; else delete policy.calendar; }), { 'data-field': 'calendar' })),
        field('Target', number(p.target?.value, (v) => edit(k, (policy) => { policy.target.value = v ?? 0; }), { 'data-field': 'target-value', min: 0, style: 'width:6rem' })),
        field('Unit', select(p.target?.unit, UNITS.map((u) => [u, u.replace('_', ' ')]), (v) => edit(k, (policy) => { policy.target.unit = v; }), { 'data-field': 'target-unit' })),
        field('Warn when % left', number(p.warn_before?.percent, (v) => edit(k, (policy) => {
          if (v === undefined) delete policy.warn_before?.percent; else (policy.warn_before ??= {}).percent = v;
          if (policy.warn_before && !Object.keys(policy.warn_before).length) delete policy.warn_before;
        }), { 'data-field': 'warn-percent', min: 0, max: 100, style: 'width:5rem' })),
        field('or minutes left', number(p.warn_before?.minutes, (v) => edit(k, (policy) => {
          if (v === undefined) delete policy.warn_before?.minutes; else (policy.warn_before ??= {}).minutes = v;
          if (policy.warn_before && !Object.keys(policy.warn_before).length) delete policy.warn_before;
        }), { 'data-field': 'warn-minutes', min: 0, style: 'width:5rem' })),
        button('Up', () => store.update((b) => { if (k > 0) [b.policies[k - 1], b.policies[k]] = [b.policies[k], b.policies[k - 1]]; }), { 'aria-label': `Move policy ${p.id} up` }),
        button('Remove', () => store.update((b) => { b.policies.splice(k, 1); if (!b.policies.length) delete b.policies; }), { 'aria-label': `Remove policy ${p.id}` })));
  });
  box.replaceChildren(
    h('p', { class: 'muted' }, 'For a handoff, the policy whose match names the most fields that all fit wins; ties go to the first. Built-in policies apply only when none of yours matches.'),
    h('datalist', { id: 'team-ids' }, teamIds.map((t) => h('option', { value: t }))),
    button('Add policy', () => store.update((b) => {
      (b.policies ??= []).push({ id: `policy-${(b.policies.length ?? 0) + 1}`, match: {}, target: { unit: 'business_hours', value: 4 }, warn_before: { percent: 25 } });
      if (Object.keys(b.policies.at(-1).match).length === 0) delete b.policies.at(-1).match;
    }), { id: 'add-policy' }),
    ...rows,
  );
}
