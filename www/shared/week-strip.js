// The deadline drawn on a strip of the receiving team's week: one row per local day from the
// start, open hours, the business time consumed, pauses, the warning, the deadline and the
// customer's deadline. Inline SVG, in the calendar's own time zone.
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const SVG = 'http://www.w3.org/2000/svg';

/** `{ date: 'YYYY-MM-DD', minutes }` of an instant on the wall clock of `timeZone`. */
export function localParts(instant, timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const toMinutes = (hhmm) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + (m || 0);
};
const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

/** Open intervals `[from, to]` in minutes of one local date (overnight parts from the day before). */
export function openIntervals(calendar, date) {
  const hoursOf = (d) => {
    if ((calendar.holidays ?? []).some((h) => h === d || (h.startsWith('*-') && h.slice(1) === d.slice(4)))) return [];
    const exception = (calendar.exceptions ?? []).find((e) => e.date === d);
    if (exception) return exception.hours;
    return calendar.week?.[DAYS[new Date(`${d}T00:00:00Z`).getUTCDay()]] ?? [];
  };
  const out = [];
  for (const [a, b] of hoursOf(date)) {
    const from = toMinutes(a);
    const to = toMinutes(b);
    out.push([from, to > from ? to : 1440]);
  }
  for (const [a, b] of hoursOf(addDays(date, -1))) {
    const from = toMinutes(a);
    const to = toMinutes(b);
    if (to <= from && to > 0) out.push([0, to]);
  }
  return out;
}

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * An SVG strip for a deadline `sla` (SlaReport or Deadline) on `calendar` (the calendar object;
 * null draws no open hours). `extra`: `{ customerDeadline, pauses: [{from, to}] }`.
 */
export function weekStrip(sla, calendar, extra = {}) {
  const zone = sla.time_zone;
  const start = localParts(sla.start, zone);
  const end = localParts(sla.deadline, zone);
  const span = Math.round((Date.parse(`${end.date}T00:00:00Z`) - Date.parse(`${start.date}T00:00:00Z`)) / 86400000);
  const rows = Math.min(Math.max(span + 1, 7), 21);
  const labelWidth = 92;
  const width = 760;
  const rowHeight = 22;
  const x = (minutes) => labelWidth + (minutes / 1440) * (width - labelWidth - 8);
  const svg = el('svg', { viewBox: `0 0 ${width} ${rows * rowHeight + 34}`, width: '100%', role: 'img', class: 'week-strip' });
  const summary = `Deadline ${sla.deadline_local} (${zone}); ${sla.segments.length} business segments from ${sla.start}.`;
  svg.append(el('title', {}, summary));
  const rowOf = (date) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${start.date}T00:00:00Z`)) / 86400000);
  for (let r = 0; r < rows; r++) {
    const date = addDays(start.date, r);
    const y = r * rowHeight;
    const weekday = DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
    svg.append(el('text', { x: 2, y: y + 15, 'font-size': 11, fill: '#1d2330' }, `${weekday} ${date.slice(5)}`));
    svg.append(el('rect', { x: x(0), y: y + 3, width: x(1440) - x(0), height: rowHeight - 6, fill: '#e9ecf1' }));
    if (calendar) {
      for (const [a, b] of openIntervals(calendar, date)) {
        svg.append(el('rect', { x: x(a), y: y + 3, width: x(b) - x(a), height: rowHeight - 6, fill: '#d7e8d1', 'data-kind': 'open' }));
      }
    }
  }
  // Segments consumed (local times); a segment may cross midnight.
  const draw = (from, to, attributes) => {
    let a = localParts(from, zone);
    const b = localParts(to, zone);
    for (let guard = 0; guard < 60; guard++) {
      const r = rowOf(a.date);
      const last = a.date === b.date;
      const stop = last ? b.minutes : 1440;
      if (r >= 0 && r < rows) svg.append(el('rect', { x: x(a.minutes), y: r * rowHeight + 6, width: Math.max(x(stop) - x(a.minutes), 1.5), height: rowHeight - 12, ...attributes }));
      if (last) break;
      a = { date: addDays(a.date, 1), minutes: 0 };
    }
  };
  for (const s of sla.segments) draw(s.start, s.end, { fill: '#2f7d4a', 'data-kind': 'segment' });
  for (const p of extra.pauses ?? []) draw(p.from, p.to, { fill: '#c9a227', 'data-kind': 'pause' });
  const mark = (instant, colour, kind) => {
    const at = localParts(instant, zone);
    const r = rowOf(at.date);
    if (r < 0 || r >= rows) return;
    svg.append(el('line', { x1: x(at.minutes), x2: x(at.minutes), y1: r * rowHeight, y2: r * rowHeight + rowHeight, stroke: colour, 'stroke-width': 3, 'data-kind': kind }));
  };
  if (sla.warn_at) mark(sla.warn_at, '#8a5300', 'warn');
  if (extra.customerDeadline) mark(extra.customerDeadline, '#6b2fa3', 'customer-deadline');
  mark(sla.deadline, '#a4161a', 'deadline');
  const legendY = rows * rowHeight + 22;
  const legend = [['#d7e8d1', 'open'], ['#2f7d4a', 'business time used'], ['#c9a227', 'paused'], ['#8a5300', 'warning'], ['#a4161a', 'deadline'], ['#6b2fa3', 'customer deadline']];
  let lx = 4;
  for (const [colour, text] of legend) {
    svg.append(el('rect', { x: lx, y: legendY - 9, width: 10, height: 10, fill: colour }));
    svg.append(el('text', { x: lx + 14, y: legendY, 'font-size': 11, fill: '#1d2330' }, text));
    lx += 24 + text.length * 6;
  }
  return svg;
}
