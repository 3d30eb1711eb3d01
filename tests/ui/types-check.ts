// tsc --noEmit over handoff-kit/ui's published types, as a page using them would be written.
import { attach, noteText, type AttachHandle, type AttachOptions, type NoteKit, type Report } from 'handoff-kit/ui';
import { HandoffKit } from 'handoff-kit';
import { createKit } from 'handoff-kit/worker';

declare const textarea: HTMLTextAreaElement;
declare const editable: HTMLDivElement;

const direct: NoteKit = new HandoffKit();
const options: AttachOptions = {
  kit: direct,
  scenario: 'billing_to_finance',
  context: { handoff: { to: { team: 'finance' } } },
  now: () => new Date(),
  onReport(report: Report) {
    const grade: string | undefined = report.score?.grade;
    void grade;
  },
  debounce: 0,
  panel: 'open',
  layer: 'top',
  format: 'text',
};
const handle: AttachHandle = attach(textarea, options);
handle.update({ urgency: 'urgent' });
const last: Report | null = handle.report();
void last;
handle.refresh();
handle.open();
handle.notice('Held: fix the owner first.', { tone: 'block' });
handle.notice(null);
handle.close();
// @ts-expect-error the tone is 'warn' or 'block'
handle.notice('x', { tone: 'loud' });
handle.detach();

async function viaWorker(): Promise<void> {
  const kit = await createKit();
  const h = attach(editable, { kit, panel: false });
  const text: string = noteText(editable);
  void text;
  h.detach();
}
void viaWorker;

// A proxy with only checkNote (no template button) fits too.
const proxy: NoteKit = { checkNote: async () => ({ valid: true, diagnostics: [], score: null, sla: null }) };
attach(editable, { kit: proxy });

// @ts-expect-error a kit without checkNote is refused
attach(editable, { kit: { noteTemplate: () => '' } });
