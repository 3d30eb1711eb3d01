// Calendars: time zone, a visual week editor (drag on a day's bar to add hours; split and
// overnight shifts; every interval also as two time fields for the keyboard), holidays with
// .ics import, and partial-day exceptions.
import { h, field, text, select, button, prune } from '../form.js';
import { holidaysFromIcs } from '../ics.js';

export const title = 'Calendars';
const DAYS = [['mon', 'Mon'], ['tue', 'Tue'], ['wed', 'Wed'], ['thu', 'Thu'], ['fri', 'Fri'], ['sat', 'Sat'], ['sun', 'Sun']];
let selected;
let icsMessage = '';

const minutes = (hhmm) => {
  const [hh, mm] = hhmm.split(':').map(Number);
  return hh * 60 + mm;
};
const hhmm = (m) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The hours as "09:00-12:00, 13:00-18:00" and back. */
const hoursText = (hours) => hours.map(([a, b]) => `${a}-${b}`).join(', ');
function parseHours(value) {
  return value.split(',').map((s) => s.trim()).filter(Boolean).map((part) => {
    const m = /^(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!m) throw new Error(`"${part}" is not a time range like 09:00-12:00`);
    return [m[1].padStart(5, '0'), m[2].padStart(5, '0')];
  });
}

let zones;
function zoneList() {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return h('datalist', { id: 'time-zones' }, ['UTC', ...zones].map((z) => h('option', { value: z })));
}

function dayBar(id, day, hours, previous, store) {
  const bar = h('div', { class: 'day-bar', 'aria-hidden': 'true', 'data-day': day, title: 'Drag to add open hours' });
  // The morning part of the previous day's overnight shifts.
  for (const [a, b] of previous) {
    if (minutes(b) <= minutes(a) && minutes(b) > 0) {
      bar.append(h('div', { class: 'open', style: `left:0;width:${(minutes(b) / 1440) * 100}%;opacity:.55` }));
    }
  }
  for (const [a, b] of hours) {
    const from = minutes(a);
    const to = minutes(b) > from ? minutes(b) : 1440; // overnight: until midnight here, the rest the next morning
    bar.append(h('div', { class: 'open', style: `left:${(from / 1440) * 100}%;width:${((to - from) / 1440) * 100}%` }));
  }
  let start = null;
  let ghost = null;
  const at = (event) => {
    const rect = bar.getBoundingClientRect();
    return Math.round((Math.min(Math.max(event.clientX - rect.left, 0), rect.width) / rect.width) * 96) * 15;
  };
  bar.addEventListener('pointerdown', (event) => {
    start = at(event);
    bar.setPointerCapture(event.pointerId);
    ghost = h('div', { class: 'open', style: 'opacity:.5' });
    bar.append(ghost);
  });
  bar.addEventListener('pointermove', (event) => {
    if (start === null) return;
    const end = at(event);
    ghost.style.left = `${(Math.min(start, end) / 1440) * 100}%`;
    ghost.style.width = `${(Math.abs(end - start) / 1440) * 100}%`;
  });
  bar.addEventListener('pointerup', (event) => {
    if (start === null) return;
    const end = at(event);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    if (b - a < 15) {
      ghost.remove();
      return;
    }
    store.update((draft) => {
      const week = draft.calendars[id].week;
      week[day] = [...(week[day] ?? []), [hhmm(a), b === 1440 ? '00:00' : hhmm(b)]].sort((x, y) => minutes(x[0]) - minutes(y[0]));
    });
  });
  return bar;
}

function weekEditor(id, calendar, store) {
  const setDay = (day, hours) => store.update((b) => {
    if (hours.length) b.calendars[id].week[day] = hours;
    else delete b.calendars[id].week[day];
  });
  return DAYS.map(([day, label], index) => {
    const hours = calendar.week?.[day] ?? [];
    const previous = calendar.week?.[DAYS[(index + 6) % 7][0]] ?? [];
    const intervals = hours.map(([a, b], k) => {
      const change = (which) => (event) => {
        const next = hours.map((pair) => [...pair]);
        next[k][which] = event.target.value;
        setDay(day, next);
      };
      const from = h('input', { type: 'time', value: a, 'aria-label': `${label} interval ${k + 1} opens`, 'data-day': day, 'data-k': k, 'data-end': 'from' });
      const to = h('input', { type: 'time', value: b, 'aria-label': `${label} interval ${k + 1} closes`, 'data-day': day, 'data-k': k, 'data-end': 'to' });
      from.addEventListener('change', change(0));
      to.addEventListener('change', change(1));
      const overnight = minutes(b) <= minutes(a) ? h('span', { class: 'muted' }, ' (overnight, into the next day)') : null;
      return h('span', {}, from, ' – ', to, overnight,
        button('×', () => setDay(day, hours.filter((_, j) => j !== k)), { 'aria-label': `Remove ${label} interval ${k + 1}` }));
    });
    const add = button('+ hours', () => {
      const last = hours.at(-1);
      const from = last ? Math.min(minutes(last[1]) + 60, 1380) : 540;
      setDay(day, [...hours, [hhmm(from), hhmm(Math.min(from + 240, 1439))]]);
    }, { 'aria-label': `Add hours on ${label}`, 'data-add-day': day });
    return h('div', { class: 'day-row' }, h('strong', {}, label), dayBar(id, day, hours, previous, store),
      h('div', { class: 'intervals' }, intervals.length ? intervals : h('span', { class: 'muted' }, 'closed'), add));
  });
}

function holidays(id, calendar, store) {
  const dateInput = h('input', { type: 'date', id: 'holiday-date', 'aria-label': 'Holiday date' });
  const file = h('input', { type: 'file', id: 'ics-file', accept: '.ics,text/calendar' });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const { holidays: found, skipped } = holidaysFromIcs(await chosen.text());
    icsMessage = `${chosen.name}: ${found.length} holiday${found.length === 1 ? '' : 's'} imported${skipped ? `, ${skipped} event(s) without a date skipped` : ''}.`;
    store.update((b) => {
      const cal = b.calendars[id];
      cal.holidays = [...new Set([...(cal.holidays ?? []), ...found])].sort();
    });
  });
  const list = (calendar.holidays ?? []).map((day) => h('li', {}, h('code', {}, day), ' ',
    button('×', () => store.update((b) => {
      b.calendars[id].holidays = b.calendars[id].holidays.filter((d) => d !== day);
      if (!b.calendars[id].holidays.length) delete b.calendars[id].holidays;
    }), { 'aria-label': `Remove holiday ${day}` })));
  return [
    h('h3', {}, 'Holidays'),
    h('ul', { id: 'holidays' }, list),
    h('div', { class: 'row' }, field('Date', dateInput), button('Add holiday', () => {
      if (!dateInput.value) return;
      store.update((b) => { b.calendars[id].holidays = [...new Set([...(b.calendars[id].holidays ?? []), dateInput.value])].sort(); });
    }, { id: 'add-holiday' }), field('Import an iCalendar (.ics) file', file)),
    h('p', { role: 'status', id: 'ics-status' }, icsMessage),
  ];
}

function exceptions(id, calendar, store) {
  const date = h('input', { type: 'date', 'aria-label': 'Exception date', id: 'exception-date' });
  const hours = h('input', { type: 'text', 'aria-label': 'Exception hours', id: 'exception-hours', placeholder: '09:00-12:00 (empty: closed)' });
  const problem = h('p', { role: 'alert', class: 'fail' });
  const rows = (calendar.exceptions ?? []).map((e, k) => h('li', {}, h('code', {}, e.date), ` ${e.hours.length ? hoursText(e.hours) : 'closed'} `,
    button('×', () => store.update((b) => {
      b.calendars[id].exceptions.splice(k, 1);
      if (!b.calendars[id].exceptions.length) delete b.calendars[id].exceptions;
    }), { 'aria-label': `Remove exception ${e.date}` })));
  return [
    h('h3', {}, 'Exceptions (hours that replace a day\'s)'),
    h('ul', {}, rows),
    h('div', { class: 'row' }, field('Date', date), field('Hours', hours), button('Add exception', () => {
      try {
        const parsed = parseHours(hours.value);
        if (!date.value) throw new Error('Pick a date.');
        store.update((b) => { (b.calendars[id].exceptions ??= []).push({ date: date.value, hours: parsed }); });
      } catch (error) {
        problem.textContent = error.message;
      }
    }, { id: 'add-exception' })),
    problem,
  ];
}

export function render(box, { store }) {
  const bundle = store.bundle;
  const ids = Object.keys(bundle.calendars ?? {});
  if (!ids.includes(selected)) selected = ids[0];
  const newId = h('input', { type: 'text', id: 'new-calendar-id', placeholder: 'tokyo' });
  const add = button('Add calendar', () => {
    const id = newId.value.trim();
    if (!id) return;
    selected = id;
    store.update((b) => {
      b.calendars ??= {};
      b.calendars[id] ??= { time_zone: 'UTC', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } };
    });
  }, { id: 'add-calendar' });
  const parts = [
    h('p', { class: 'muted' }, 'The built-in calendar "default" is Monday to Friday 09:00–17:00 UTC. An interval whose end is not after its start runs past midnight.'),
    h('div', { class: 'row' },
      ids.length ? field('Calendar', select(selected, ids.map((c) => [c, c]), (v) => { selected = v; render(box, { store }); }, { id: 'calendar-select' })) : null,
      field('New calendar id', newId), add),
  ];
  if (selected) {
    const id = selected;
    const calendar = bundle.calendars[id];
    const zone = text(calendar.time_zone, (v) => store.update((b) => { b.calendars[id].time_zone = v.trim(); }), { id: 'cal-tz', list: 'time-zones', size: 28 });
    parts.push(
      h('div', { class: 'row' }, field('Time zone', zone), zoneList(),
        button('Copy Monday to Tuesday–Friday', () => store.update((b) => {
          const week = b.calendars[id].week;
          for (const day of ['tue', 'wed', 'thu', 'fri']) {
            if (week.mon) week[day] = structuredClone(week.mon);
            else delete week[day];
          }
        }), { id: 'copy-mon' }),
        button('Remove this calendar', () => store.update((b) => { delete b.calendars[id]; prune(b, 'calendars'); }))),
      h('h3', {}, 'Week'),
      h('div', { class: 'week-editor' }, weekEditor(id, calendar, store)),
      ...holidays(id, calendar, store),
      ...exceptions(id, calendar, store),
    );
  }
  box.replaceChildren(...parts);
}
