// `moduleResolution: bundler` (Vite, webpack, esbuild projects): every subpath has types.
import init, { HandoffKit, HandoffKitError, type Report } from 'handoff-kit';
import initInline, { HandoffKit as InlineKit } from 'handoff-kit/inline';
import initSlim from 'handoff-kit/slim';
import { createKit, createValidator, type WorkerKit } from 'handoff-kit/worker';
import wasm from 'handoff-kit/handoff_kit_bg.wasm';

export async function main(): Promise<number> {
  await init();
  await initInline();
  // @ts-expect-error handoff-kit/slim needs the .wasm
  await initSlim();
  await initSlim(wasm);
  await initSlim(fetch('/handoff_kit_bg.wasm'));
  const report: Report = new HandoffKit().check('{}');
  const kit: WorkerKit = await createKit({ bundle: undefined });
  const fromWorker: Report = await kit.check({ ticket: { id: 'T-1' } }, { now: new Date() });
  const valid: boolean = await (await createValidator({ type: 'string' })).isValid('x');
  try {
    new InlineKit().check('not json');
  } catch (error) {
    if (error instanceof HandoffKitError && error.kind === 'json') return 0;
  }
  return report.diagnostics.length + fromWorker.diagnostics.length + Number(valid);
}
