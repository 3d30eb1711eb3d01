// Runs the bundle's regression cases (adapter.md, CASE) against a kit: the kit's own runCases
// when it has one, else each case through check/checkNote and the expectations compared here.
const GRADES = ['F', 'D', 'C', 'B', 'A'];

function withScenario(packet, scenario) {
  if (!scenario || typeof packet !== 'object' || packet === null) return packet;
  return { ...packet, handoff: { ...(packet.handoff ?? {}), scenario: packet.handoff?.scenario ?? scenario } };
}

/** The failures of `report` against `expect`, as sentences. */
export function compare(report, expect = {}) {
  const failures = [];
  const codes = new Set(report.diagnostics.map((d) => d.code));
  if (typeof expect.valid === 'boolean' && report.valid !== expect.valid) {
    failures.push(`expected ${expect.valid ? 'valid' : 'not valid'}, got ${report.valid ? 'valid' : 'not valid'}`);
  }
  for (const code of expect.codes ?? []) if (!codes.has(code)) failures.push(`expected ${code}, not found`);
  for (const code of expect.absent ?? []) if (codes.has(code)) failures.push(`${code} must not appear`);
  if (expect.min_grade) {
    const grade = report.score?.grade ?? 'F';
    if (GRADES.indexOf(grade) < GRADES.indexOf(expect.min_grade)) failures.push(`grade ${grade} is below ${expect.min_grade}`);
  }
  if (expect.deadline) {
    const got = report.sla?.deadline;
    if (!got) failures.push(`expected the deadline ${expect.deadline}, got none`);
    else if (Date.parse(got) !== Date.parse(expect.deadline)) failures.push(`expected the deadline ${expect.deadline}, got ${got}`);
  }
  return failures;
}

/** The report of one case. */
export function caseReport(kit, c) {
  const options = c.now ? { now: c.now } : {};
  if (typeof c.note === 'string') {
    const context = c.scenario ? { handoff: { scenario: c.scenario } } : undefined;
    return kit.checkNote(c.note, { ...options, format: c.format ?? 'text', context });
  }
  // JSON text: the kit reads text far faster than it converts a JS object (about 1.5 ms against
  // 26 ms for 50 example packets in Node).
  return kit.check(JSON.stringify(withScenario(c.packet ?? {}, c.scenario)), options);
}

/** `[{ name, passed, failures, report }]` for every case, in order. */
export async function runCases(kit, cases) {
  return Promise.all((cases ?? []).map(async (c, index) => {
    const name = c.name ?? `case ${index + 1}`;
    try {
      const report = await caseReport(kit, c);
      const failures = compare(report, c.expect);
      return { name, passed: failures.length === 0, failures, report };
    } catch (error) {
      return { name, passed: false, failures: [`the kit refused it: ${error.message}`], report: null };
    }
  }));
}
