// Every view: axe-core finds no serious or critical violation, the page works on a 390-px phone
// (no horizontal scrolling), it can be used from the keyboard, and no request leaves 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, shots, repo } from './harness.mjs';

const AXE = join(repo, 'node_modules/axe-core/axe.min.js');
const VIEWS = [
  ['playground', '', null],
  ['playground-note', '', async (page) => { await page.check('input[name="mode"][value="text"]'); await page.waitForTimeout(400); }],
  ['sla', 'sla/', null],
  ...['start', 'teams', 'calendars', 'policies', 'scenarios', 'wording', 'rubric', 'extension', 'cases', 'publish'].map((tab) => [
    `studio-${tab}`, 'studio/', async (page) => {
      await page.click(`#tab-${tab}`);
      if (tab === 'calendars' && !(await page.$('#cal-tz'))) {
        await page.fill('#new-calendar-id', 'tokyo');
        await page.click('#add-calendar');
      }
      if (tab === 'policies' && !(await page.$('[data-policy]'))) await page.click('#add-policy');
      await page.waitForTimeout(300);
    }]),
];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function open(page, path, prepare) {
  await page.goto(`${env.url}${path}`);
  await page.waitForSelector('#report [data-testid="grade"], #result[data-ready], #bundle-ok, #bundle-error');
  await prepare?.(page);
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe-core: no serious or critical violation on any view (1280×800)', async () => {
  const page = await env.context.newPage();
  const found = {};
  for (const [name, path, prepare] of VIEWS) {
    await open(page, path, prepare);
    const violations = await axe(page);
    if (violations.length) found[name] = violations;
  }
  await page.close();
  assert.deepEqual(found, {});
});

test('a 390-px phone: every view fits its width', async () => {
  const phone = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  const page = await phone.newPage();
  const wide = {};
  for (const [name, path, prepare] of VIEWS) {
    await open(page, path, prepare);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide[name] = width;
    if (['playground', 'sla', 'studio-calendars', 'studio-cases'].includes(name)) await page.screenshot({ path: join(shots, `phone-${name}.png`), fullPage: true });
  }
  await phone.close();
  assert.deepEqual(wide, {});
});

test('the keyboard reaches the views, the tabs and the findings', async () => {
  const page = await env.context.newPage();
  await open(page, 'studio/', null);
  await page.focus('#tab-start');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-teams');
  assert.equal(await page.getAttribute('#tab-teams', 'aria-selected'), 'true');
  // Ctrl+Z and Ctrl+Shift+Z outside a text field undo and redo.
  await page.fill('#new-team-name', 'Night Desk');
  await page.press('#new-team-name', 'Enter');
  await page.waitForSelector('[data-team="night_desk"]');
  await page.focus('#tab-teams');
  await page.keyboard.press('Control+Z');
  await page.waitForSelector('[data-team="night_desk"]', { state: 'detached' });
  await page.focus('#tab-teams');
  await page.keyboard.press('Control+Shift+Z');
  await page.waitForSelector('[data-team="night_desk"]');
  await open(page, '', null);
  // Tab from the top of the page reaches the first finding, and Enter on it moves focus to the editor.
  let reached = false;
  for (let k = 0; k < 40 && !reached; k++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.closest('ul.diagnostics') !== null);
  }
  assert.ok(reached, 'a finding is reachable with Tab');
  await page.keyboard.press('Enter');
  assert.ok(await page.evaluate(() => document.activeElement?.closest('.cm-editor') !== null));
  await page.close();
  assert.deepEqual(env.foreign, [], 'no request left 127.0.0.1');
});
