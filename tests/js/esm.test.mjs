// The npm package as a Node ES module user sees it: installed from the packed tarball into a
// scratch project (tests/js/run.sh) and imported by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { HandoffKit, HandoffKitError, Validator } from 'handoff-kit';
import init from 'handoff-kit';

const require = createRequire(import.meta.url);
const packets = process.env.HANDOFF_EXAMPLES;
const readPacket = (name) => readFileSync(`${packets}/${name}`, 'utf8');
const reportSchema = JSON.parse(readFileSync(require.resolve('handoff-kit/schemas/report.schema.json'), 'utf8'));
const NOW = '2026-11-21T12:00:00Z';

const kit = new HandoffKit();
const reportValidator = new Validator(reportSchema);

/** The error `run` throws, checked to be a `type`; fails the test when nothing is thrown. */
function thrown(run, type = HandoffKitError) {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof type, `expected a ${type.name}, got ${error}`);
    return error;
  }
  return assert.fail('expected an error');
}

function assertReportShape(report) {
  assert.deepEqual(reportValidator.validate(report), [], 'report matches report.schema.json');
}

test('loads synchronously on import: no init needed in Node, init() is harmless', async () => {
  assert.equal(kit.bundle.bundle, 'built-in');
  assert.ok(kit.bundle.scenarios.includes('billing_to_finance'));
  await init();
});

test('every good example packet is valid and scores well, from text and from an object', () => {
  const good = readdirSync(packets).filter((f) => f.endsWith('-good.json'));
  assert.ok(good.length >= 8);
  for (const file of good) {
    const text = readPacket(file);
    const fromText = kit.check(text, { now: NOW });
    const fromObject = kit.check(JSON.parse(text), { now: new Date(NOW) });
    assert.equal(fromText.valid, true, `${file}: ${JSON.stringify(fromText.diagnostics)}`);
    assert.deepEqual(fromObject, fromText, `${file}: text and object input agree`);
    assert.ok(fromText.score.value >= 80, `${file} scores ${fromText.score.value}`);
    assertReportShape(fromText);
  }
});

test('kit.check gives the same report as the native CLI, key for key, byte for byte', () => {
  // The core hands reports to JS in a compact wire form; rebuilt, they must be the Report the
  // CLI writes (serde_json's output of the same Rust value).
  const cli = `${process.env.HANDOFF_REPO}/target/release/handoff`;
  const files = readdirSync(packets).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length >= 18);
  for (const now of [NOW, '2026-11-18T14:50:00Z']) {
    for (const file of files) {
      const run = spawnSync(cli, ['check', `${packets}/${file}`, '--format', 'json', '--now', now], { encoding: 'utf8' });
      assert.ok(run.status === 0 || run.status === 1, `${file}: the CLI failed: ${run.stderr}`);
      const expected = JSON.stringify(JSON.parse(run.stdout));
      assert.equal(JSON.stringify(kit.check(readPacket(file), { now })), expected, file);
    }
  }
});

test('reports stay whole when a kit has numbered more texts than its table holds', () => {
  // The wire form numbers each recurring text once per kit, up to 4096; after that new texts
  // come inline. Every owner email below gives a message of its own.
  const busy = new HandoffKit();
  const packet = JSON.parse(readPacket('bad-owner-email.json'));
  const withEmail = (i) => ({ ...packet, owner: { ...packet.owner, email: `agent ${i} at example.com` } });
  for (let i = 0; i < 4200; i++) busy.check(withEmail(i), { now: NOW });
  for (const i of [0, 4199, 5000]) {
    const report = busy.check(withEmail(i), { now: NOW });
    assert.deepEqual(report, new HandoffKit().check(withEmail(i), { now: NOW }), `packet ${i}`);
    assert.ok(report.diagnostics.some((d) => d.message.includes(`agent ${i} at example.com`)));
  }
});

test('bad example packets report the field to fix, in plain words', () => {
  const expected = {
    'missing-owner.json': ['schema/required', '/owner', /^Add who owns this case/],
    'billing-missing-invoice.json': ['schema/required', '/billing/invoice_id', /^Add the invoice number/],
    'bad-timestamp.json': ['schema/format', '/handoff/at', /not a valid date and time/],
    'unknown-sentiment.json': ['schema/enum', '/customer/sentiment', /"furious"/],
    'bad-owner-email.json': ['schema/format', '/owner/email', /not valid/],
    'owner-is-a-team.json': ['rubric/owner-not-a-person', '/owner/name', /is a team, not an owner/],
  };
  for (const [file, [code, path, message]] of Object.entries(expected)) {
    const report = kit.check(readPacket(file), { now: NOW });
    assertReportShape(report);
    const found = report.diagnostics.find((d) => d.code === code && d.path === path);
    assert.ok(found, `${file}: expected ${code} at ${path}, got ${JSON.stringify(report.diagnostics)}`);
    assert.match(found.message, message);
    assert.doesNotMatch(found.message, /is a required property|instance|schema/i, 'no JSON-Schema jargon');
  }
});

test('validate() returns schema diagnostics only', () => {
  const diagnostics = kit.validate(readPacket('missing-owner.json'));
  assert.deepEqual(diagnostics.map((d) => [d.code, d.path, d.source]), [['schema/required', '/owner', 'schema']]);
});

test('malformed JSON names line and column, and the kit keeps working', () => {
  const error = thrown(() => kit.check('{\n  "ticket": {"id": "T-1",}\n}'));
  assert.equal(error.kind, 'json');
  assert.match(error.message, /line 2, column \d+/);
  assert.equal(kit.check(readPacket('billing_to_finance-good.json')).valid, true);
});

test('wrong types from JS are clear errors, never crashes', () => {
  for (const bad of [42, null, undefined, true, [], ['a'], () => 1, Symbol('x'), 10n]) {
    const error = thrown(() => kit.check(bad));
    assert.match(error.message, /packet must be an object or JSON text/);
  }
  const circular = { ticket: {} };
  circular.ticket.self = circular;
  assert.throws(() => kit.check(circular), (e) => e instanceof HandoffKitError && /cannot be turned into JSON/.test(e.message));
  assert.throws(() => kit.check('[1, 2]'), (e) => e.kind === 'input' && /not a list/.test(e.message));
  assert.throws(() => kit.check('{}', { now: 5 }), (e) => e.kind === 'input' && /options.now/.test(e.message));
  assert.throws(() => kit.check('{}', { now: new Date('nope') }), /invalid Date/);
});

test('a 10,000-deep document is refused with a reason, as text and as an object', () => {
  const deepText = `{"summary": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
  const fromText = thrown(() => kit.validate(deepText));
  assert.equal(fromText.kind, 'limit');
  assert.match(fromText.message, /json-depth of 128 levels \(at \/summary\/0\/0\/.*\(line 1, column \d+\)$/);
  let deep = {};
  for (let i = 0; i < 10_000; i++) deep = { nested: deep };
  thrown(() => kit.validate({ summary: deep }));
  assert.equal(kit.validate(readPacket('voice_to_chat-good.json')).length, 0);
});

test('HandoffKitError is a real Error subclass', () => {
  const error = thrown(() => new HandoffKit('not json'));
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'HandoffKitError');
  assert.ok(Array.isArray(error.diagnostics));
});

test('a bundle that fails its meta-schema is refused with per-field diagnostics', () => {
  const error = thrown(() => new HandoffKit({ bundle: 'acme', version: 'one', calenders: {} }));
  assert.equal(error.kind, 'bundle');
  const paths = error.diagnostics.map((d) => d.path).sort();
  assert.deepEqual(paths, ['/calenders', '/version']);
});

test("an org bundle's own packet schema can $ref the built-in ones", () => {
  const bundle = {
    bundle: 'acme-support',
    version: '1.2.0',
    schemas: {
      'https://acme.example/schemas/packet.json': {
        $id: 'https://acme.example/schemas/packet.json',
        allOf: [{ $ref: 'https://handoff-kit.dev/schemas/packet.schema.json' }],
        required: ['account_id'],
        properties: { account_id: { title: 'Account', description: 'the Acme account number. Finance bills by it.', type: 'string', pattern: '^AC-[0-9]{5}$', examples: ['AC-00042'] } },
      },
    },
    packet_schema: 'https://acme.example/schemas/packet.json',
  };
  const acme = new HandoffKit(bundle);
  assert.equal(acme.bundle.bundle, 'acme-support');
  const packet = JSON.parse(readPacket('billing_to_finance-good.json'));
  const missing = acme.validate(packet);
  assert.deepEqual(missing.map((d) => [d.code, d.path, d.message]), [['schema/required', '/account_id', 'Add the Acme account number.']]);
  const malformed = acme.validate({ ...packet, account_id: '42' });
  assert.equal(malformed[0].code, 'schema/pattern');
  assert.equal(malformed[0].hint, 'For example: AC-00042');
  assert.deepEqual(acme.validate({ ...packet, account_id: 'AC-12345' }), []);
});

test('Validator: any schema, diagnostics, isValid, registry, free', () => {
  const form = new Validator({
    type: 'object',
    required: ['email'],
    properties: { email: { title: 'Email', type: 'string', format: 'email' }, age: { $ref: 'https://forms.example/age.json' } },
  }, { registry: { 'https://forms.example/age.json': { type: 'integer', minimum: 0 } } });
  assert.equal(form.isValid({ email: 'a@example.com', age: 3 }), true);
  assert.equal(form.isValidText('{"email": "a@example.com"}'), true, 'JSON text goes through isValidText');
  assert.deepEqual(form.validate({ age: -1 }).map((d) => [d.code, d.path]).sort(), [['schema/minimum', '/age'], ['schema/required', '/email']]);
  const annotationOnly = new Validator({ format: 'email' }, { assertFormats: false });
  assert.equal(annotationOnly.isValid('nope'), true);
  assert.equal(new Validator({ format: 'email' }).isValid('nope'), false, 'formats are asserted by default');
  form.free();
  annotationOnly.free();
});

test('hostile schemas get errors, never a hang or a dead module', () => {
  const cases = [
    [{ pattern: '(unclosed' }, /not valid JSON Schema|regex|pattern/i],
    [{ $ref: 'https://evil.example/schema.json' }, /never fetches schemas over the network/],
    [{ $ref: '#/$defs/missing' }, /cannot be resolved/],
    [{ type: 12 }, /not valid JSON Schema/],
  ];
  for (const [schema, message] of cases) {
    const error = thrown(() => new Validator(schema));
    assert.equal(error.kind, 'schema');
    assert.match(error.message, message);
  }
  // A $ref cycle: refused or answered, promptly, and the module still works.
  const cyclic = { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' };
  try {
    new Validator(cyclic).validate({ x: 1 });
  } catch (error) {
    assert.ok(error instanceof HandoffKitError, String(error));
  }
  // Catastrophic backtracking is bounded.
  const started = Date.now();
  const evil = new Validator({ type: 'string', pattern: '^(a|aa)+$' });
  const diagnostics = evil.validate(`${'a'.repeat(20_000)}b`);
  assert.equal(diagnostics.length, 1);
  assert.ok(Date.now() - started < 5_000, 'bounded time');
  // A 10,000-deep schema.
  const deepSchema = `${'{"items":'.repeat(10_000)}{}${'}'.repeat(10_000)}`;
  assert.throws(() => new Validator(deepSchema), (e) => e.kind === 'limit' && /json-depth/.test(e.message));
  assert.equal(kit.validate(readPacket('tier1_to_tier2-good.json')).length, 0);
});

test('notes: template, parse and check, with spans into the text the agent sees', () => {
  const notes = `${process.env.HANDOFF_REPO}/tests/notes`;
  const template = kit.noteTemplate('billing_to_finance');
  assert.match(template, /Summary:/);
  const plain = readFileSync(`${notes}/billing-plain.txt`, 'utf8');
  const parsed = kit.parseNote(plain);
  assert.equal(parsed.packet.owner.name, 'Dana Kim');
  const context = { ticket: { id: 'T-2041', opened_at: '2026-11-18T09:00:00Z' }, handoff: { from_team: 'support', to_team: 'finance', at: '2026-11-18T09:20:00Z' } };
  for (const [file, format, seen] of [
    ['billing-plain.txt', 'text', 'billing-plain.txt'],
    ['billing-ckeditor5.html', 'html', 'billing-ckeditor5.innertext.txt'],
  ]) {
    const text = readFileSync(`${notes}/${file}`, 'utf8');
    const visible = readFileSync(`${notes}/${seen}`, 'utf8');
    const report = kit.checkNote(text, { format, context, now: NOW });
    assertReportShape(report);
    assert.deepEqual(Object.keys(report), ['valid', 'diagnostics', 'score', 'sla']);
    assert.ok(report.score.checks.length >= 12, `${file}: every check scored`);
    const spanned = report.diagnostics.filter((d) => d.span);
    assert.ok(spanned.length > 0, `${file}: some diagnostic points into the note`);
    for (const d of report.diagnostics) {
      const keys = ['code', 'severity', 'path', 'message', ...(d.hint ? ['hint'] : []), 'source', ...(d.span ? ['span'] : [])];
      assert.deepEqual(Object.keys(d), keys, `${file}: ${d.code} keeps the Report's key order`);
      if (d.span) {
        assert.ok(d.span.start <= d.span.end && d.span.end <= visible.length, `${file}: ${d.code} span ${JSON.stringify(d.span)} inside the visible text`);
      }
    }
  }
});

test('parseNote gives the same text and keys whether or not the core sends the text back', () => {
  const kit = new HandoffKit();
  // A text note's text is the note itself (not sent back); a lone surrogate is read as U+FFFD
  // (sent back, as the core read it); an HTML note's text is the rendered text.
  for (const [note, format, text] of [
    ['Summary: Charged twice 😡\nOwner: Dana Kim', 'text', 'Summary: Charged twice 😡\nOwner: Dana Kim'],
    ['Summary: Charged \uD83D twice\nOwner: Dana Kim', 'text', 'Summary: Charged \uFFFD twice\nOwner: Dana Kim'],
    ['<p><strong>Summary:</strong> Charged twice</p><p>Owner: Dana Kim</p>', 'html', 'Summary: Charged twice\n\nOwner: Dana Kim'],
  ]) {
    const parsed = kit.parseNote(note, { format });
    assert.deepEqual(Object.keys(parsed), ['packet', 'diagnostics', 'text', 'spans', 'insert_at']);
    assert.equal(parsed.text, text);
    assert.equal(parsed.packet.owner.name, 'Dana Kim');
    const { start, end } = parsed.spans['/owner/name'];
    assert.equal(parsed.text.slice(start, end), 'Dana Kim');
  }
  kit.free();
});
