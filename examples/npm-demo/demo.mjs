// What a front-end developer writes: check a handoff, show the fixes, the score and the
// receiving team's deadline; compute a deadline; read a free-text note.
import { readFileSync } from 'node:fs';
import { HandoffKit, Validator } from 'handoff-kit';

const kit = new HandoffKit();
const packet = JSON.parse(readFileSync(`${process.env.HANDOFF_EXAMPLES}/owner-is-a-team.json`, 'utf8'));
const report = kit.check(packet, { now: '2026-11-16T10:00:00Z' });

console.log(`handoff ${packet.ticket.id}: ${report.valid ? 'ready' : 'not ready'}, score ${report.score.value} (${report.score.grade})`);
for (const d of report.diagnostics) console.log(`  ${d.severity.padEnd(7)} ${d.path.padEnd(14)} ${d.message}`);
if (report.sla) {
  console.log(`  ${packet.handoff.to.team} must act by ${report.sla.deadline_local} (${report.sla.time_zone}), status: ${report.sla.status}`);
}

const deadline = kit.deadline({
  calendar: { time_zone: 'Europe/London', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } },
  start: '2026-11-20T16:00:00Z',
  target: { unit: 'business_hours', value: 4 },
});
const spans = deadline.segments.map((s) => `${s.start.slice(0, 16)}–${s.end.slice(11, 16)}`).join(', ');
console.log(`\n4 business hours from Fri 16:00 in London end ${deadline.deadline_local}: ${spans}`);

const note = `Summary: Customer was charged twice for invoice INV-2041 (2 x $49.00).
Tried:
- Checked the invoice -> two identical charges on 3 Nov
Owner: Finance
Customer mood: furious`;
const fromNote = kit.checkNote(note, { context: { ticket: { id: 'T-1042' }, handoff: { from: { team: 'support' }, to: { team: 'finance' }, scenario: 'billing_to_finance', at: '2026-11-20T16:00:00Z' } } });
console.log(`\nfrom a note: score ${fromNote.score.value}; first findings:`);
for (const d of fromNote.diagnostics.slice(0, 4)) {
  const words = d.span && d.span.end > d.span.start ? ` «${note.slice(d.span.start, d.span.end)}»` : '';
  console.log(`  ${d.code}${words}: ${d.message}`);
}

// Any JSON Schema, as ajv users know it: validate a JS value, or JSON text with validateText.
const email = new Validator({ type: 'string', format: 'email' });
console.log(`\nValidator: 'dana@example.com' ${email.isValid('dana@example.com') ? 'is' : 'is not'} an email; `
  + `'dana at example' gives: ${email.validate('dana at example')[0].message}`);
console.log(`validateText('"dana@example.com"') finds ${email.validateText('"dana@example.com"').length} problems`);
