// The READMEs' examples print what the READMEs say (issue 19: the example showed one
// diagnostic where the snippet printed ten). Every ```js block after an `<!-- example: … -->`
// marker runs in this scratch project, and its output must equal the ```text block after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const EXAMPLE = /<!-- example:[^>]*-->\s*```js\n([\s\S]*?)```\s*```text\n([\s\S]*?)```/g;

for (const readme of ['README.md', 'pkg-templates/npm/README.md']) {
  test(`${readme}: each example's output is what running it prints`, () => {
    const text = readFileSync(`${process.env.HANDOFF_REPO}/${readme}`, 'utf8');
    const examples = [...text.matchAll(EXAMPLE)];
    assert.ok(examples.length >= 1, `${readme} has an example with its output`);
    examples.forEach(([, code, shown], k) => {
      const file = `readme-example-${readme.replaceAll('/', '-')}-${k}.mjs`;
      writeFileSync(file, code);
      assert.equal(execFileSync(process.execPath, [file], { encoding: 'utf8' }), shown, `${readme}, example ${k + 1}`);
    });
  });
}
