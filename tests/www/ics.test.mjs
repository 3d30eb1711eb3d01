// Holidays from iCalendar files (www/studio/ics.js): all-day events, multi-day events (DTEND
// exclusive), yearly repeats, folded lines, events without a date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holidaysFromIcs } from '../../www/studio/ics.js';

const calendar = (...events) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flat(), 'END:VCALENDAR', ''].join('\r\n');

test('an all-day event is its date', () => {
  const ics = calendar(['BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261208', 'DTEND;VALUE=DATE:20261209', 'SUMMARY:Foundation day', 'END:VEVENT']);
  assert.deepEqual(holidaysFromIcs(ics), { holidays: ['2026-12-08'], skipped: 0 });
});

test('a multi-day event is every date up to its exclusive end', () => {
  const ics = calendar(['BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261229', 'DTEND;VALUE=DATE:20270102', 'END:VEVENT']);
  assert.deepEqual(holidaysFromIcs(ics).holidays, ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01']);
});

test('a yearly event is every year\'s date', () => {
  const ics = calendar(['BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY', 'END:VEVENT']);
  assert.deepEqual(holidaysFromIcs(ics).holidays, ['*-01-01']);
});

test('folded lines are unfolded, a timed event counts for its start date, an event without a date is skipped', () => {
  const ics = calendar(
    ['BEGIN:VEVENT', 'DTSTART;TZID=Asia/Tokyo:20261', ' 103T090000', 'END:VEVENT'],
    ['BEGIN:VEVENT', 'SUMMARY:no date', 'END:VEVENT'],
  );
  assert.deepEqual(holidaysFromIcs(ics), { holidays: ['2026-11-03'], skipped: 1 });
});

test('a date listed twice is one holiday', () => {
  const event = ['BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20260505', 'END:VEVENT'];
  assert.deepEqual(holidaysFromIcs(calendar(event, event)).holidays, ['2026-05-05']);
});
