// Compiled with `tsc --noEmit` against the installed package: proves the published types are
// real (no `any` for Report or Diagnostic) and match how the API is used.
import init, { HandoffKit, HandoffKitError, Validator } from 'handoff-kit';
import type { CaseResult, ContextPacket, Diagnostic, OrgBundle, Report, Severity, SlaReport } from 'handoff-kit';

const packet: ContextPacket = {
  ticket: { id: 'T-1' },
  handoff: { from: { team: 'support' }, to: { team: 'finance' }, scenario: 'billing_to_finance', at: '2026-11-21T14:30:00Z' },
  customer: { sentiment: 'angry' },
  urgency: 'urgent',
};
const kit = new HandoffKit();
const report: Report = kit.check(packet, { now: new Date() });
const first: Diagnostic | undefined = report.diagnostics[0];
const severity: Severity | undefined = first?.severity;
const path: string | undefined = first?.path;
const score: number | undefined = report.score?.value;
const sla: SlaReport | null = report.sla;
const diagnostics: Diagnostic[] = kit.validate('{"ticket": {}}');
const bundle: OrgBundle = { bundle: 'acme', version: '1.0.0', packet_schema: 'https://acme.example/p.json' };
new HandoffKit(bundle).free();
const withCases: OrgBundle = {
  bundle: 'acme',
  version: '1.0.0',
  teams: { finance: { name: 'Finance', aliases: ['Billing Finance'], calendar: 'default' } },
  extension: { gate: 'block', adapters: [{ id: 'desk', match: { hosts: ['*'] }, editor: { selector: 'textarea' } }] },
  cases: [{ name: 'bare note', note: 'Summary: x', expect: { valid: false, min_grade: 'D' } }],
};
const results: CaseResult[] = new HandoffKit(withCases).runCases();
const caseReport: Report | null = results[0]?.report ?? null;
const team: string | null | undefined = caseReport?.sla?.team;
const v = new Validator({ type: 'object' }, { registry: {}, assertFormats: false });
const ok: boolean = v.isValid({ a: 1 });
// A JS value of any type (a string is a JSON string); JSON text goes through the *Text methods.
const stringOk: boolean = new Validator({ type: 'string' }).isValid('hello');
const fromText: Diagnostic[] = v.validateText('{"a": 1}');
const textOk: boolean = v.isValidText('{"a": 1}');
const typedValue: Diagnostic[] = v.validate(packet);
// Disposable: `using` frees at the end of the block (TypeScript 5.2+).
function scoped(): number {
  using scopedKit = new HandoffKit();
  using scopedValidator = new Validator(true);
  const disposable: Disposable = scopedValidator;
  disposable[Symbol.dispose]();
  return scopedKit.validate(packet).length;
}
try {
  kit.check('{');
} catch (error) {
  if (error instanceof HandoffKitError) {
    const kind: 'json' | 'input' | 'schema' | 'bundle' | 'calendar' | 'note' | 'limit' | 'init' | 'internal' = error.kind;
    const more: Diagnostic[] = error.diagnostics;
    console.log(kind, more.length);
  }
}
async function browser(): Promise<void> {
  await init(new URL('https://cdn.example/handoff_kit_bg.wasm'));
}

// The types must reject misuse; each line below is an error that tsc must report.
// @ts-expect-error valid is a boolean
const wrong: number = report.valid;
// @ts-expect-error severity is a closed set
const bad: Diagnostic = { code: 'x', severity: 'fatal', path: '', message: '', source: 'schema' };
// @ts-expect-error sentiment is a closed set
const badPacket: ContextPacket = { customer: { sentiment: 'furious' } };
// @ts-expect-error now is a string or a Date
kit.check(packet, { now: 5 });
// @ts-expect-error a bundle needs a version
const noVersion: OrgBundle = { bundle: 'acme' };
// @ts-expect-error validateText takes JSON text, not a value
v.validateText({ a: 1 });
// @ts-expect-error a schema is not a number
new Validator(42);
// @ts-expect-error the gate is off, warn or block
const badGate: OrgBundle = { bundle: 'a', version: '1.0.0', extension: { gate: 'strict' } };

console.log(severity, path, score, sla, diagnostics, ok, stringOk, fromText, textOk, typedValue, scoped, wrong, bad, badPacket, noVersion, browser, team, badGate);
