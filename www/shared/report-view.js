// Renders a Report (index.d.ts): the findings (each a button that jumps to its field or span),
// the score with its per-check breakdown as an inline SVG chart, and the SLA deadline on a week
// strip. Text goes in with textContent only.
import { weekStrip } from './week-strip.js';

/** The built-in calendar "default": Monday to Friday 09:00–17:00 UTC. */
export const DEFAULT_CALENDAR = {
  time_zone: 'UTC',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
};

export function h(tag, attributes = {}, ...content) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === 'onclick') node.addEventListener('click', v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of content.flat()) if (c !== undefined && c !== null) node.append(c instanceof Node ? c : String(c));
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';
function s(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The per-check breakdown: one bar per check, points earned out of points at stake. */
export function scoreChart(score) {
  const checks = score.checks;
  const rowHeight = 20;
  const width = 520;
  const label = 190;
  const max = Math.max(1, ...checks.map((c) => c.max_points));
  const svg = s('svg', { viewBox: `0 0 ${width} ${checks.length * rowHeight + 4}`, width: '100%', role: 'img', class: 'score-chart' });
  svg.append(s('title', {}, `Score breakdown: ${checks.map((c) => `${c.id} ${c.points} of ${c.max_points}`).join(', ')}`));
  checks.forEach((c, i) => {
    const y = i * rowHeight + 2;
    const scale = (width - label - 70) / max;
    svg.append(s('text', { x: 0, y: y + 13, 'font-size': 11, fill: '#1d2330' }, c.id));
    svg.append(s('rect', { x: label, y: y + 3, width: Math.max(c.max_points * scale, 1), height: 12, fill: '#e9ecf1' }));
    const colour = c.status === 'passed' ? '#17663a' : c.status === 'failed' ? '#a4161a' : '#8b96a8';
    svg.append(s('rect', { x: label, y: y + 3, width: c.points * scale, height: 12, fill: colour, 'data-check': c.id }));
    const text = c.status === 'not_applicable' ? 'n/a' : `${c.points}/${c.max_points}`;
    svg.append(s('text', { x: label + c.max_points * scale + 6, y: y + 13, 'font-size': 11, fill: '#1d2330' }, text));
  });
  return svg;
}

const time = (instant, zone) => {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(instant));
  } catch {
    return instant;
  }
};

/** The SLA part: deadline local and UTC, status, and the week strip. */
export function slaView(sla, calendar, extra = {}) {
  return h('div', { class: 'sla' },
    h('p', {}, h('strong', {}, 'Deadline: '), h('span', { 'data-testid': 'deadline-local' }, sla.deadline_local), ' — ',
      h('span', { 'data-testid': 'deadline-utc' }, sla.deadline), ` (${time(sla.deadline, sla.time_zone)})`),
    h('p', { class: 'muted' }, `${'policy' in sla ? `Policy ${sla.policy}, calendar ${sla.calendar}, ` : ''}${sla.time_zone}; target ${sla.target.value} ${sla.target.unit.replace('_', ' ')}`,
      sla.warn_at ? `; warning at ${sla.warn_at}` : '', sla.status ? `; status ${sla.status.replace('_', ' ')}` : ''),
    weekStrip(sla, calendar, extra));
}

/**
 * Draws `report` into `container`. `onPick(diagnostic)` runs when a finding is chosen;
 * `calendarOf(id)` gives the calendar object of an SLA's calendar id.
 */
export function renderReport(container, report, { onPick, calendarOf, customerDeadline } = {}) {
  const { diagnostics, score, sla } = report;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  const list = h('ul', { class: 'diagnostics', 'aria-label': 'Findings' },
    diagnostics.map((d) => h('li', {}, h('button', { type: 'button', class: `sev-${d.severity}`, 'data-code': d.code, 'data-path': d.path, onclick: () => onPick?.(d) },
      h('strong', {}, `${d.severity}: `), d.message, d.hint ? h('span', { class: 'muted' }, ` ${d.hint}`) : null,
      h('br'), h('code', {}, d.code), ' ', h('code', {}, d.path || '/')))));
  const parts = [
    h('h2', {}, 'Report'),
    h('p', { 'data-testid': 'validity', class: report.valid ? 'pass' : 'fail' }, report.valid ? 'Valid' : 'Not valid',
      h('span', { class: 'muted' }, ` — ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`)),
  ];
  if (score) {
    parts.push(h('div', { class: 'score' },
      h('span', { class: 'grade', 'data-testid': 'grade' }, score.grade), ' ',
      h('span', { 'data-testid': 'score' }, `${score.value}`), h('span', { class: 'muted' }, ` / 100 (${score.points} of ${score.max_points} points)`),
      score.cap ? h('p', { class: 'muted', 'data-testid': 'cap' }, score.cap.reason) : null,
      h('h3', {}, 'Per-check breakdown'), scoreChart(score)));
  }
  parts.push(h('h3', {}, `Findings (${diagnostics.length})`), diagnostics.length ? list : h('p', {}, 'Nothing to fix.'));
  if (sla) {
    parts.push(h('h3', {}, 'Receiving team deadline'), slaView(sla, calendarOf?.(sla.calendar) ?? null, { customerDeadline }));
  }
  container.replaceChildren(...parts);
}
