// handoff-kit/audit in Node against the CLI: the report of an export written by the generator
// (bench/audit_export.rs) equals `handoff audit FILE --format json` (and --format html), however
// the export is cut into pushes — through a line, through a UTF-8 sequence, through a UTF-16
// surrogate pair — and with the lines the CLI treats specially: CRLF, not UTF-8, past the
// packet ceiling, no final line break. Needs the release CLI and the generator (cargo builds them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Auditor, HandoffKitError, auditStream, init } from 'handoff-kit/audit';
import { HandoffKitError as KitError, Validator } from 'handoff-kit';

const repo = process.env.HANDOFF_REPO ?? new URL('../..', import.meta.url).pathname;
let dir;
let cli;
let file;
let bytes;

// The CLI's figures for `names` (in `dir`, so examples name the files as given).
function handoff(names, format = 'json', by = 'team') {
  const out = execFileSync(cli, ['audit', ...names, '--format', format, '--by', by], { cwd: dir, maxBuffer: 1 << 28 });
  return format === 'json' ? JSON.parse(out) : out.toString('utf8');
}

// A line the generator does not write: text in three scripts and an emoji (2-, 3- and 4-byte
// UTF-8 sequences, a UTF-16 surrogate pair).
function multibyteLine(template) {
  const packet = JSON.parse(template);
  packet.summary = `Kundin möchte die Rückerstattung — 返金を希望 😀 ${packet.summary ?? ''}`;
  packet.ticket.id = 'T-ünïcødé-😀';
  return JSON.stringify(packet);
}

before(() => {
  execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'handoff', '--example', 'audit'], { cwd: repo, stdio: 'inherit' });
  cli = join(repo, 'target/release/handoff');
  dir = mkdtempSync(join(tmpdir(), 'handoff-audit-js-'));
  execFileSync(join(repo, 'target/release/examples/audit'), ['--generate', '400', join(dir, 'generated.ndjson'), '--seed', '7', '--bad-every', '9']);
  const generated = readFileSync(join(dir, 'generated.ndjson'));
  const lines = generated.toString('utf8').split('\n');
  const handoffLine = lines.find((l) => l.includes('"handoff"'));
  const encoder = new TextEncoder();
  // The special lines first, so that they are among the bad lines the report lists (20).
  const parts = [
    encoder.encode(`${multibyteLine(handoffLine)}\r\n`),
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]), // {"a":"\xff\xfe"}: not UTF-8
    encoder.encode(`{"ticket": {"id": "${'x'.repeat(4 << 20)}"}}\n`), // past the 4 MiB packet ceiling
    encoder.encode(`\r\n\n${lines[1]}\r\n`),
    generated,
    encoder.encode(multibyteLine(handoffLine)), // no final line break
  ];
  bytes = Buffer.concat(parts);
  file = 'export.ndjson';
  writeFileSync(join(dir, file), bytes);
  writeFileSync(join(dir, 'text.ndjson'), Buffer.concat([generated, encoder.encode(`${multibyteLine(handoffLine)}\n${multibyteLine(handoffLine)}`)]));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('init() is done on import in Node and resolves', async () => {
  await init();
});

test('require() gives the same module, and HandoffKitError is the main entry\'s class', () => {
  const required = createRequire(import.meta.url)('handoff-kit/audit');
  assert.equal(required.Auditor, Auditor);
  assert.equal(HandoffKitError, KitError);
});

test('the whole export pushed at once gives the CLI report, for each grouping', () => {
  for (const by of ['team', 'scenario', 'agent', 'week']) {
    const auditor = new Auditor({ file });
    auditor.push(bytes);
    assert.deepEqual(auditor.report({ by }), handoff([file], 'json', by), `by ${by}`);
    auditor.free();
  }
  const expected = handoff([file]);
  const schema = JSON.parse(readFileSync(new URL('./node_modules/handoff-kit/schemas/audit.schema.json', import.meta.url), 'utf8'));
  const auditor = new Auditor({ file });
  auditor.push(bytes);
  assert.deepEqual(new Validator(schema).validate(auditor.report()), [], 'the report follows schemas/audit.schema.json');
  auditor.free();
  // What the export holds besides the generator's lines, as the CLI counts it.
  const messages = expected.bad_lines.examples.map((b) => b.message).join('\n');
  assert.match(messages, /not UTF-8/);
  assert.match(messages, /packet-bytes/);
  assert.ok(expected.bad_lines.count > 40, `bad lines: ${expected.bad_lines.count}`);
});

test('bytes pushed in odd-sized pieces, cutting lines and UTF-8 sequences, give the same report', () => {
  const expected = handoff([file]);
  // Small pieces over the first 200 KB (every kind of cut), then pieces of a few KB.
  for (const sizes of [[1, 2, 3, 5, 7], [4093], [65_537, 3], [1 << 20]]) {
    const auditor = new Auditor({ file });
    let at = 0;
    for (let k = 0; at < bytes.length; k++) {
      const size = at < 200_000 ? sizes[k % sizes.length] : sizes[k % sizes.length] * 997;
      auditor.push(bytes.subarray(at, at + size));
      at += size;
    }
    assert.deepEqual(auditor.report(), expected, `pieces of ${sizes.join(', ')}`);
    auditor.free();
  }
});

test('a cut inside a multibyte sequence of each length gives the same report', () => {
  const expected = handoff([file]);
  const text = bytes.toString('latin1');
  for (const marker of ['ö', '返', '😀']) {
    const start = bytes.indexOf(Buffer.from(marker, 'utf8'));
    assert.ok(start > 0 && text.length === bytes.length);
    for (let cut = start + 1; cut < start + Buffer.byteLength(marker); cut++) {
      const auditor = new Auditor({ file });
      auditor.push(bytes.subarray(0, cut));
      auditor.push(bytes.subarray(cut));
      assert.deepEqual(auditor.report(), expected, `cut ${cut - start} bytes into ${marker}`);
      auditor.free();
    }
  }
});

test('text pushed in pieces that split surrogate pairs gives the CLI report (and the same HTML page)', () => {
  const name = 'text.ndjson';
  const text = readFileSync(join(dir, name), 'utf8');
  const auditor = new Auditor({ file: name });
  const emoji = text.indexOf('😀');
  auditor.push(text.slice(0, emoji + 1)); // ends with a high surrogate
  for (let at = emoji + 1; at < text.length; at += 1009) auditor.push(text.slice(at, at + 1009));
  assert.deepEqual(auditor.report(), handoff([name]));
  assert.equal(auditor.report({ format: 'html' }), handoff([name], 'html'));
  auditor.free();
});

test('a report mid-stream counts the unfinished line without losing it', () => {
  const expected = handoff([file]);
  const auditor = new Auditor({ file });
  const cut = bytes.length - 40; // inside the last line
  auditor.push(bytes.subarray(0, cut));
  const early = auditor.report();
  assert.equal(early.lines, expected.lines);
  assert.equal(early.bad_lines.count, expected.bad_lines.count + 1, 'the cut last line is bad so far');
  auditor.push(bytes.subarray(cut));
  assert.deepEqual(auditor.report(), expected);
  auditor.free();
});

test('several files, as `handoff audit A B`: startFile numbers the next file from 1', () => {
  const auditor = new Auditor({ file: 'generated.ndjson' });
  auditor.push(readFileSync(join(dir, 'generated.ndjson')));
  auditor.startFile(file);
  auditor.push(bytes);
  assert.deepEqual(auditor.report({ by: 'agent' }), handoff(['generated.ndjson', file], 'json', 'agent'));
  auditor.free();
});

test('auditStream reads a Blob and a ReadableStream, reports progress, and equals the CLI', async () => {
  const expected = handoff([file]);
  const breaks = bytes.filter((b) => b === 0x0a).length;
  const blobProgress = [];
  assert.deepEqual(await auditStream(new File([bytes], file), {}, (p) => blobProgress.push(p)), expected, 'the File\'s name names the file');
  assert.deepEqual(blobProgress.at(-1), { bytes: bytes.length, lines: breaks, total: bytes.length },
    'all bytes read; lines met: every ended line, blank ones included, not the unfinished last one');
  // A stream of 64 KiB pieces (and one of text pieces): progress after each, bytes growing.
  const pieces = (size, map = (x) => x) => {
    let at = 0;
    return new ReadableStream({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(map(bytes.subarray(at, at + size)));
        at += size;
      },
    });
  };
  const progress = [];
  const html = await auditStream(pieces(65_536), { file, format: 'html', by: 'week' }, (p) => progress.push(p));
  assert.equal(html, handoff([file], 'html', 'week'));
  assert.equal(progress.length, Math.ceil(bytes.length / 65_536));
  for (let k = 1; k < progress.length; k++) assert.ok(progress[k].bytes > progress[k - 1].bytes && progress[k].lines >= progress[k - 1].lines);
  assert.deepEqual(progress.at(-1), { bytes: bytes.length, lines: breaks, total: null });
  const text = readFileSync(join(dir, 'text.ndjson'));
  const textStream = new Blob([text]).stream().pipeThrough(new TextDecoderStream());
  assert.deepEqual(await auditStream(textStream, { file: 'text.ndjson' }), handoff(['text.ndjson']));
});

test('an aborted auditStream rejects with the reason', async () => {
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await assert.rejects(auditStream(new Blob([bytes]), { signal: controller.signal }), /stop/);
});

test('bad arguments are HandoffKitErrors that say what to pass', async () => {
  const expect = (run, pattern, kind = 'input') => assert.throws(run, (error) => {
    assert.ok(error instanceof HandoffKitError, String(error));
    assert.equal(error.kind, kind);
    assert.match(error.message, pattern);
    return true;
  });
  const auditor = new Auditor();
  expect(() => auditor.push(42), /push\(\) takes a string or UTF-8 bytes/);
  expect(() => auditor.report({ by: 'month' }), /options\.by must be "team", "scenario", "agent" or "week", not "month"/);
  expect(() => auditor.report({ format: 'text' }), /options\.format must be "json" or "html"/);
  expect(() => new Auditor({ file: 3 }), /options\.file must be a string/);
  expect(() => new Auditor({ bundle: '{"bundle": 1' }), /./, 'json');
  expect(() => new Auditor({ bundle: { bundle: 'acme' } }), /./, 'bundle');
  auditor.free();
  auditor.free();
  expect(() => auditor.push('{}\n'), /This Auditor was freed/);
  await assert.rejects(auditStream('not a stream'), (error) => error instanceof HandoffKitError && /ReadableStream or a Blob/.test(error.message));
  await assert.rejects(auditStream(new Blob([]), { by: 'month' }), /options\.by/);
});

test('an empty export is a report of nothing, and the file name defaults to "-"', () => {
  const auditor = new Auditor();
  const report = auditor.report();
  assert.equal(report.kind, 'audit');
  assert.equal(report.lines, 0);
  auditor.push('{"ticket":');
  assert.equal(auditor.report().bad_lines.examples[0].file, '-');
  auditor.free();
});
