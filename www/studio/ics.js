// Holidays from an iCalendar (.ics) file: each VEVENT's DTSTART date, "*-MM-DD" when it repeats
// yearly (RRULE:FREQ=YEARLY), and every date of a multi-day event (DTEND is exclusive).
function unfold(text) {
  return text.replace(/\r\n/g, '\n').replace(/\n[ \t]/g, '').split('\n');
}

const dateOf = (value) => {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
};

/** `{ holidays: [...], skipped: n }` from the text of an .ics file. */
export function holidaysFromIcs(text) {
  const holidays = [];
  let skipped = 0;
  let event = null;
  for (const line of unfold(text)) {
    if (line === 'BEGIN:VEVENT') event = {};
    else if (line === 'END:VEVENT') {
      const start = event?.start && dateOf(event.start);
      if (!start) {
        skipped += 1;
      } else if (/FREQ=YEARLY/.test(event.rrule ?? '')) {
        holidays.push(`*-${start.slice(5)}`);
      } else {
        const end = event.end && dateOf(event.end);
        let day = Date.parse(`${start}T00:00:00Z`);
        const stop = end && /VALUE=DATE|^\d{8}$/.test(event.endRaw) ? Date.parse(`${end}T00:00:00Z`) : day + 86400000;
        for (let n = 0; day < stop && n < 366; n++, day += 86400000) holidays.push(new Date(day).toISOString().slice(0, 10));
      }
      event = null;
    } else if (event) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0].toUpperCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'DTSTART') event.start = value;
      if (name === 'DTEND') {
        event.end = value;
        event.endRaw = line.slice(0, colon).includes('VALUE=DATE') ? 'VALUE=DATE' : value;
      }
      if (name === 'RRULE') event.rrule = value;
    }
  }
  return { holidays: [...new Set(holidays)], skipped };
}
