// The official JSON-Schema-Test-Suite (draft 2020-12) through the npm package's Validator.
// Remotes are served from the registry (nothing is fetched); `optional/format` runs with format
// assertion on, the rest with draft 2020-12's default (format as annotation). Every case must
// pass or be listed, with its reason, in conformance-known-failures.json; a listed case that
// passes fails the run too, so the list stays exact.
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
const outcomes = { passed: 0, known: 0 };
const seenKnown = new Set();

for (const file of files) {
  test(`draft2020-12/${file}`, () => {
    const assertFormats = file.startsWith('optional/format/');
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
        const key = `${file} :: ${group.description} :: ${t.description}`;
        let actual;
        if (compileError) {
          actual = `schema refused: ${compileError.message}`;
        } else {
          actual = validator.isValid(JSON.stringify(t.data));
        }
        const passed = actual === t.valid;
        if (key in knownFailures) {
          seenKnown.add(key);
          if (passed) unexpected.push(`now passes, remove from the known-failures list: ${key}`);
          else outcomes.known += 1;
        } else if (passed) {
          outcomes.passed += 1;
        } else {
          unexpected.push(`${key}: expected ${t.valid}, got ${actual}`);
        }
      }
      validator?.free();
    }
    assert.deepEqual(unexpected, []);
  });
}

test('the known-failures list names only cases that exist', () => {
  const missing = Object.keys(knownFailures).filter((key) => !seenKnown.has(key));
  assert.deepEqual(missing, []);
  console.log(`conformance: ${outcomes.passed} cases pass, ${outcomes.known} known failures (listed with reasons)`);
});
