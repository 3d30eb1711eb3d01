// Regression cases: the admin's sample packets and notes with what they expect. They all run on
// every edit; results show in the side panel like a test runner.
import { h, field, select, button, list } from '../form.js';
import { caseReport } from '../cases-runner.js';

export const title = 'Regression cases';
const GRADES = [['', '(any)'], ['A', 'A'], ['B', 'B'], ['C', 'C'], ['D', 'D'], ['F', 'F']];

// The side panel's rows by what they show: a row whose case gave the same result as on the last
// run is kept, not rebuilt (most edits change few results).
let rows = new Map();

function resultRow(r) {
  return h('div', { class: `case ${r.passed ? 'passed' : 'failed'}`, 'data-case': r.name },
    h('strong', {}, r.passed ? '✔ ' : '✘ ', r.name),
    r.report ? h('div', { class: 'muted' },
      `${r.report.valid ? 'valid' : 'not valid'}, grade `, h('span', { 'data-testid': 'case-grade' }, r.report.score?.grade ?? '–'),
      r.report.sla ? [', deadline ', h('span', { 'data-testid': 'case-deadline' }, r.report.sla.deadline), ` (${r.report.sla.deadline_local})`] : '') : null,
    r.report ? h('div', { class: 'mono', 'data-testid': 'case-codes' }, r.report.diagnostics.map((d) => d.code).join(' ')) : null,
    r.failures.length ? h('ul', {}, r.failures.map((f) => h('li', { class: 'fail' }, f))) : null);
}

/** The side panel: one line per case, green or red, with what it got. */
export function renderResults(box, results, { ms } = {}) {
  const failed = results.filter((r) => !r.passed).length;
  const next = new Map();
  const nodes = results.map((r, k) => {
    const key = JSON.stringify([k, r.name, r.passed, r.failures, r.report?.valid, r.report?.score?.grade, r.report?.sla?.deadline,
      r.report?.sla?.deadline_local, r.report?.diagnostics.map((d) => d.code)]);
    const node = rows.get(key) ?? resultRow(r);
    rows.delete(key);
    next.set(key, node);
    return node;
  });
  rows = next;
  const summary = h('p', { 'data-testid': 'cases-summary', class: failed ? 'fail' : 'pass' },
    results.length ? `${results.length - failed} of ${results.length} cases pass` : 'No regression cases yet.',
    ms === undefined ? '' : h('span', { class: 'muted' }, ` (${ms.toFixed(1)} ms)`));
  box.replaceChildren(summary, ...nodes);
}

function draftCase(form) {
  const c = { name: form.name.value.trim() || 'unnamed case' };
  if (form.scenario.value) c.scenario = form.scenario.value;
  if (form.kind.value === 'packet') c.packet = JSON.parse(form.input.value || '{}');
  else {
    c.note = form.input.value;
    c.format = form.kind.value === 'html' ? 'html' : 'text';
  }
  if (form.now.value.trim()) c.now = form.now.value.trim();
  const expect = {};
  if (form.valid.value) expect.valid = form.valid.value === 'true';
  if (list(form.codes.value).length) expect.codes = [...new Set(list(form.codes.value))];
  if (list(form.absent.value).length) expect.absent = [...new Set(list(form.absent.value))];
  if (form.grade.value) expect.min_grade = form.grade.value;
  if (form.deadline.value.trim()) expect.deadline = form.deadline.value.trim();
  c.expect = expect;
  return c;
}

export function render(box, ctx) {
  const { store, scenarios } = ctx;
  const cases = store.bundle.cases ?? [];
  const form = {
    name: h('input', { type: 'text', id: 'case-name', size: 32 }),
    scenario: select('', [['', '(the packet\'s own)'], ...scenarios.map((s) => [s, s])], () => {}, { id: 'case-scenario' }),
    kind: select('packet', [['packet', 'packet (JSON)'], ['text', 'note (text)'], ['html', 'note (HTML)']], () => {}, { id: 'case-kind' }),
    input: h('textarea', { id: 'case-input', class: 'note', rows: 10, spellcheck: 'false', 'aria-label': 'The case\'s packet JSON or note' }),
    now: h('input', { type: 'text', id: 'case-now', size: 24, placeholder: '2026-12-01T10:00:00Z' }),
    valid: select('', [['', '(any)'], ['true', 'valid'], ['false', 'not valid']], () => {}, { id: 'case-valid' }),
    codes: h('input', { type: 'text', id: 'case-codes', size: 40, placeholder: 'schema/required' }),
    absent: h('input', { type: 'text', id: 'case-absent', size: 40, placeholder: 'rubric/vague-summary' }),
    grade: select('', GRADES, () => {}, { id: 'case-min-grade' }),
    deadline: h('input', { type: 'text', id: 'case-deadline', size: 26, placeholder: '2026-12-01T15:00:00Z' }),
  };
  const out = h('div', { id: 'case-try-out', 'aria-live': 'polite' });
  const problem = h('p', { role: 'alert', class: 'fail' });
  let tried = null;
  const attempt = async () => {
    problem.textContent = '';
    try {
      const c = draftCase(form);
      tried = await caseReport(ctx.kit(), c);
      out.replaceChildren(h('p', {}, `${tried.valid ? 'valid' : 'not valid'}, grade ${tried.score?.grade ?? '–'}, `,
        tried.sla ? `deadline ${tried.sla.deadline}` : 'no deadline', h('br'), h('code', {}, tried.diagnostics.map((d) => d.code).join(' ') || 'no findings')));
      return tried;
    } catch (error) {
      problem.textContent = error instanceof SyntaxError ? `The packet is not JSON: ${error.message}` : error.message;
      return null;
    }
  };
  const fill = async () => {
    const report = await attempt();
    if (!report) return;
    form.valid.value = String(report.valid);
    form.codes.value = [...new Set(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].join(', ');
    form.grade.value = report.score?.grade ?? '';
    form.deadline.value = report.sla?.deadline ?? '';
  };
  const add = () => {
    problem.textContent = '';
    try {
      const c = draftCase(form);
      if (Object.keys(c.expect).length === 0) {
        problem.textContent = 'Say at least one thing the case expects, or press "Expect what it gives now".';
        return;
      }
      store.update((b) => { (b.cases ??= []).push(c); });
    } catch (error) {
      problem.textContent = error.message;
    }
  };
  const existing = cases.map((c, k) => {
    const area = h('textarea', { class: 'note', rows: 6, spellcheck: 'false', 'aria-label': `Case ${c.name} (JSON)` });
    area.value = JSON.stringify(c, null, 2);
    const bad = h('span', { role: 'alert', class: 'fail' });
    area.addEventListener('change', () => {
      try {
        const parsed = JSON.parse(area.value);
        bad.textContent = '';
        store.update((b) => { b.cases[k] = parsed; });
      } catch (error) {
        bad.textContent = `Not JSON: ${error.message}`;
      }
    });
    return h('details', { 'data-case-editor': k }, h('summary', {}, c.name ?? `case ${k + 1}`), area, bad,
      button('Remove case', () => store.update((b) => { b.cases.splice(k, 1); if (!b.cases.length) delete b.cases; }), { 'aria-label': `Remove case ${c.name}` }));
  });
  box.replaceChildren(
    h('p', { class: 'muted' }, 'Each case is a packet or a note and what it must give. They run on every edit of the bundle, here and with `handoff bundle test bundle.json` in CI.'),
    h('h2', {}, 'New case'),
    h('div', { class: 'row' }, field('Name', form.name), field('Scenario', form.scenario), field('Kind', form.kind), field('Now', form.now)),
    field('Packet JSON or note', form.input, { style: 'width:100%' }),
    h('div', { class: 'row' }, field('Expect valid', form.valid), field('Codes that must appear', form.codes), field('Codes that must not', form.absent),
      field('Minimum grade', form.grade), field('Deadline', form.deadline)),
    h('div', { class: 'row' }, button('Try it', attempt, { id: 'case-try' }), button('Expect what it gives now', fill, { id: 'case-fill' }),
      button('Add case', add, { id: 'add-case', class: 'primary' })),
    problem, out,
    h('h2', {}, `Cases (${cases.length})`),
    ...existing,
  );
}
