// `module: nodenext` in a "type": "module" package.
import init, { HandoffKit, Validator, type Diagnostic } from 'handoff-kit';
import initInline from 'handoff-kit/inline';

await init();
await initInline();
const diagnostics: Diagnostic[] = new Validator({ type: 'object' }).validate([]);
export const first = new HandoffKit().validate('{}')[0]?.path ?? diagnostics.length;
