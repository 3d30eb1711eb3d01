// `module: node16`, an ES module: the import conditions, typed by the .d.ts files.
import init, { HandoffKit, type Report } from 'handoff-kit';
import { createKit } from 'handoff-kit/worker';
import initSlim from 'handoff-kit/slim';

await init();
const report: Report = new HandoffKit().check({ ticket: { id: 'T-1' } });
export const count: number = report.diagnostics.length;
export const later = createKit().then((kit) => kit.check('{}'));
export const slim: (input: URL) => Promise<void> = initSlim;
