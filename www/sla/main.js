// The SLA calculator: calendar + start + target (+ pauses) → deadline, segments listed and drawn;
// and business time between two instants. kit.deadline and kit.businessMinutesBetween do the math.
import { startKit, describeError } from '../shared/kit.js';
import { slaView, h } from '../shared/report-view.js';
import { jsonEditor } from '../shared/json-editor.js';

const $ = (id) => document.getElementById(id);
const CALENDAR = {
  time_zone: 'Asia/Tokyo',
  week: {
    mon: [['09:00', '12:00'], ['13:00', '18:00']],
    tue: [['09:00', '12:00'], ['13:00', '18:00']],
    wed: [['09:00', '12:00'], ['13:00', '18:00']],
    thu: [['09:00', '12:00'], ['13:00', '18:00']],
    fri: [['09:00', '12:00'], ['13:00', '18:00']],
  },
  holidays: ['*-01-01', '2026-12-31'],
  exceptions: [{ date: '2026-12-28', hours: [['09:00', '12:00']] }],
};
let kit;
// Intervals on one line each: ["09:00", "12:00"].
let calendarText = JSON.stringify(CALENDAR, null, 2).replace(/\[\s+("[^"]*"),\s+("[^"]*")\s+\]/g, '[$1, $2]');
const result = $('result');

function pauses() {
  return $('pauses').value.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const [from, to] = line.split(/\s+/);
    return { from, to };
  });
}

function fail(box, error) {
  box.replaceChildren(h('pre', { class: 'error-box' }, describeError(error)));
}

let serial = 0;
async function compute() {
  const mine = ++serial;
  let calendar;
  try {
    calendar = JSON.parse(calendarText);
  } catch (error) {
    fail(result, new Error(`The calendar is not JSON: ${error.message}`));
    return;
  }
  const request = {
    calendar,
    start: $('start').value.trim(),
    target: { unit: $('target-unit').value, value: Number($('target-value').value) },
    pauses: pauses(),
  };
  if ($('warn-percent').value !== '') request.warn_before = { percent: Number($('warn-percent').value) };
  if ($('now').value.trim()) request.now = $('now').value.trim();
  try {
    const deadline = await kit.deadline(request);
    const between = await kit.businessMinutesBetween(calendar, $('between-from').value.trim(), $('between-to').value.trim());
    if (mine !== serial) return;
    result.replaceChildren(
      slaView(deadline, calendar, { pauses: request.pauses }),
      h('h3', {}, `Business segments (${deadline.segments.length})`),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'From'), h('th', {}, 'To'), h('th', {}, 'Minutes'))),
        h('tbody', {}, deadline.segments.map((s) => h('tr', {}, h('td', {}, s.start), h('td', {}, s.end), h('td', {}, String(s.minutes)))))),
    );
    $('between').textContent = `${between} business minutes (${Math.trunc(between / 60)} h ${Math.abs(between % 60)} min) between the two instants.`;
    result.dataset.ready = String(mine);
  } catch (error) {
    if (mine === serial) fail(result, error);
  }
}

async function main() {
  const diagnose = async (text) => {
    try {
      await kit?.deadline({ calendar: JSON.parse(text), start: '2026-01-05T00:00:00Z', target: { unit: 'business_minutes', value: 1 } });
      return [];
    } catch (error) {
      return (error.diagnostics ?? []).length ? error.diagnostics : [{ path: '', severity: 'error', message: error.message, code: `error/${error.kind}` }];
    }
  };
  let schemas;
  import('../shared/schemas.js').then((m) => { schemas = m; });
  const CALENDARS = 'https://handoff-kit.dev/schemas/bundle/calendars.schema.json';
  jsonEditor($('calendar-editor'), {
    doc: calendarText,
    label: 'Calendar (JSON)',
    diagnose,
    // Completion from the bundle meta-schema's calendar.
    schema: () => schemas && { root: { $id: CALENDARS, $ref: '#/$defs/calendar' }, schemas: schemas.BUILT_IN },
    onChange: (text) => {
      calendarText = text;
      compute();
    },
  });
  try {
    kit = await startKit();
  } catch (error) {
    fail(result, error);
    return;
  }
  for (const id of ['start', 'target-value', 'target-unit', 'warn-percent', 'now', 'pauses', 'between-from', 'between-to']) {
    $(id).addEventListener('input', compute);
  }
  compute();
}

main();
