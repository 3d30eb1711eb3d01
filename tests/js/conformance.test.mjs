// The official JSON-Schema-Test-Suite (draft 2020-12) through the npm package's Validator, with
// each case's `data` passed as the JS value it is (a string is a JSON string, as ajv reads it).
// Remotes are served from the registry (nothing is fetched).
//
// Formats run in both modes:
// - `assertFormats: true` (the package's default) for `optional/format/*`: every case counts as
//   written, and must pass or be listed, with its reason, in conformance-known-failures.json;
// - `assertFormats: false` (draft 2020-12's own default, format as an annotation) for every
//   other file, and for `optional/format/*` again, where every instance must then be valid.
// A listed case that passes fails the run too, so the list stays exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Validator } from 'handoff-kit';

const suite = process.env.HANDOFF_SUITE;
const knownFailures = JSON.parse(readFileSync(new URL('./conformance-known-failures.json', import.meta.url), 'utf8'));

function walk(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.json') ? [path] : [];
  });
}

const remotesDir = join(suite, 'remotes');
const registry = Object.fromEntries(
  walk(remotesDir).map((path) => [`http://localhost:1234/${relative(remotesDir, path)}`, JSON.parse(readFileSync(path, 'utf8'))]),
);

const testsDir = join(suite, 'tests', 'draft2020-12');
const files = walk(testsDir).map((path) => relative(testsDir, path));
const formatFiles = files.filter((file) => file.startsWith('optional/format/'));
const outcomes = {
  core: { passed: 0, known: 0 },
  asserted: { passed: 0, known: 0 },
  annotation: { passed: 0, known: 0 },
};
const seenKnown = new Set();

// Runs one file's cases; `expected(t)` is what the case must give in this mode.
function run(file, { assertFormats, expected, tally, label }) {
  const groups = JSON.parse(readFileSync(join(testsDir, file), 'utf8'));
  const unexpected = [];
  for (const group of groups) {
    let validator;
    let compileError;
    try {
      validator = new Validator(group.schema, { registry, assertFormats });
    } catch (error) {
      compileError = error;
    }
    for (const t of group.tests) {
      const key = `${label}${file} :: ${group.description} :: ${t.description}`;
      const actual = compileError ? `schema refused: ${compileError.message}` : validator.isValid(t.data);
      const passed = actual === expected(t);
      if (key in knownFailures) {
        seenKnown.add(key);
        if (passed) unexpected.push(`now passes, remove from the known-failures list: ${key}`);
        else tally.known += 1;
      } else if (passed) {
        tally.passed += 1;
      } else {
        unexpected.push(`${key}: expected ${expected(t)}, got ${actual}`);
      }
    }
    validator?.free();
  }
  assert.deepEqual(unexpected, []);
}

for (const file of files) {
  const asserted = formatFiles.includes(file);
  test(`draft2020-12/${file}${asserted ? ' (assertFormats: true)' : ''}`, () => {
    run(file, asserted
      ? { assertFormats: true, expected: (t) => t.valid, tally: outcomes.asserted, label: '' }
      : { assertFormats: false, expected: (t) => t.valid, tally: outcomes.core, label: '' });
  });
}

for (const file of formatFiles) {
  test(`draft2020-12/${file} (assertFormats: false): every instance is valid`, () => {
    // These schemas hold nothing but `format` (checked below), so as an annotation it admits all.
    for (const group of JSON.parse(readFileSync(join(testsDir, file), 'utf8'))) {
      assert.deepEqual(Object.keys(group.schema).filter((k) => k !== '$schema' && k !== 'format'), [], group.description);
    }
    run(file, { assertFormats: false, expected: () => true, tally: outcomes.annotation, label: 'annotation: ' });
  });
}

test('the known-failures list names only cases that exist', () => {
  const missing = Object.keys(knownFailures).filter((key) => !seenKnown.has(key));
  assert.deepEqual(missing, []);
  const { core, asserted, annotation } = outcomes;
  console.log(`conformance: ${core.passed} cases pass outside optional/format, ${core.known} known failures`);
  console.log(`conformance: optional/format with assertFormats: true: ${asserted.passed} pass, ${asserted.known} known failures (listed with reasons)`);
  console.log(`conformance: optional/format with assertFormats: false: ${annotation.passed} of ${annotation.passed + annotation.known} valid, as an annotation must be`);
});
