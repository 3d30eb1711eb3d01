// Compiled with `tsc --noEmit` against the installed package: handoff-kit/audit's types match
// how its API is used (the report typed after schemas/audit.schema.json, no `any`).
import init, { Auditor, HandoffKitError, auditStream } from 'handoff-kit/audit';
import type { AuditCheck, AuditGroup, AuditProgress, AuditReport } from 'handoff-kit/audit';

async function run(file: Blob, stream: ReadableStream<Uint8Array>): Promise<number> {
  await init();
  const auditor = new Auditor({ bundle: { bundle: 'acme', version: '1.0.0', packet_schema: 'https://acme.example/p.json' }, file: 'export.ndjson' });
  auditor.push('{"ticket": {"id": "T-1"}}\n{"tick');
  auditor.push(new Uint8Array([101, 116, 34, 58, 123, 125, 125, 10]));
  auditor.startFile('second.ndjson');
  const met: number = auditor.lines;
  const report: AuditReport = auditor.report({ by: 'agent' });
  const html: string = auditor.report({ format: 'html', by: 'week' });
  const attainment: number | null = report.sla.attainment;
  const first: AuditCheck | undefined = report.checks[0];
  const where: string | undefined = first?.example?.file;
  const team: AuditGroup | undefined = report.teams[0];
  const touches: [number, number] | undefined = report.tickets.touches_histogram[0];
  const badLine: number | undefined = report.bad_lines.examples[0]?.line;
  auditor.free();
  const fromFile: AuditReport = await auditStream(file, { by: 'scenario' }, (p: AuditProgress) => {
    const share: number | null = p.total === null ? null : p.bytes / p.total;
    return share;
  });
  const page: string = await auditStream(stream, { format: 'html', signal: new AbortController().signal });
  try {
    new Auditor().report({ by: 'team' });
  } catch (error) {
    if (error instanceof HandoffKitError) console.log(error.kind);
  }
  return met + html.length + (attainment ?? 0) + (where?.length ?? 0) + (team?.handoffs ?? 0) + (touches?.[1] ?? 0)
    + (badLine ?? 0) + fromFile.lines + page.length;
}

// @ts-expect-error: `by` is one of team, scenario, agent, week.
new Auditor().report({ by: 'month' });
// @ts-expect-error: push takes text or bytes.
new Auditor().push(42);

export { run };
