// The README's handoff-kit/ui example runs as written: its page is served next to the packed
// package (/node_modules/handoff-kit/), an agent types a weak note, and the owner is underlined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo, serve, launch, marksOf, wordRects, assertUnder, waitForCode } from './harness.mjs';

test('pkg-templates/npm/README.md: the handoff-kit/ui example page works as written', async () => {
  const readme = readFileSync(join(repo, 'pkg-templates/npm/README.md'), 'utf8');
  const example = /<!-- ui-example:[^>]*-->\s*```html\n([\s\S]*?)```/.exec(readme);
  assert.ok(example, 'the README has a ui-example html block');
  const dir = join(repo, 'target/e2e/ui');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'readme-example.html'), example[1]);
  const server = await serve();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/e2e/readme-example.html`);
    await page.waitForFunction(() => window.handoff);
    await page.evaluate(() => { window.handle = window.handoff; });
    // A numeric line height, for the monospace oracle of wordRects (the default is 'normal').
    await page.addStyleTag({ content: '#note { font: 15px/1.5 monospace; }' });
    await page.click('#note');
    await page.keyboard.type('Summary: customer charged twice.\nOwner: Finance\nUrgency: high');
    await waitForCode(page, 'rubric/owner-not-a-person');
    await page.waitForTimeout(50);
    assertUnder(assert, await marksOf(page, 'rubric/owner-not-a-person'), await wordRects(page, { word: 'Finance', textarea: true }), 'owner');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
