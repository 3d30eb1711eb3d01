// The HTML audit report in headless Chromium: its charts are drawn (inline SVG with bars), it
// runs no script and loads nothing from the network. A screenshot is kept in target/e2e/audit/.
//   node tests/audit/html.mjs   (after cargo build --release --bin handoff --example audit)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const out = resolve('target/e2e/audit');
mkdirSync(out, { recursive: true });
const exportFile = `${out}/export.ndjson`;
execFileSync('target/release/examples/audit', ['--generate', '300', exportFile, '--bad-every', '100'], { stdio: 'inherit' });
const html = `${out}/report.html`;
execFileSync('target/release/handoff', ['audit', exportFile, '--format', 'html', '--by', 'week', '--out', html]);
const text = readFileSync(html, 'utf8');
assert.doesNotMatch(text, /<script|<link|<img|@import|url\(/i, 'the report must not load or run anything');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  const charts = await page.$$eval('figure svg', (svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      const bars = [...svg.querySelectorAll('rect')].filter((r) => r.getBoundingClientRect().height > 0 && r.getBoundingClientRect().width > 0);
      return { label: svg.getAttribute('aria-label'), width: box.width, height: box.height, bars: bars.length };
    }),
  );
  assert.ok(charts.length >= 5, JSON.stringify(charts));
  for (const chart of charts) {
    assert.ok(chart.width > 0 && chart.height > 0, `chart ${chart.label} is not drawn`);
    assert.ok(chart.bars > 0, `chart ${chart.label} has no visible bar`);
  }
  const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
  assert.ok(headings.includes('By week'), headings.join(', '));
  assert.ok(headings.some((h) => h.startsWith('Bad lines (3)')), headings.join(', '));
  const others = requests.filter((u) => u !== pathToFileURL(html).href);
  assert.deepEqual(others, [], `the report loaded ${others.join(', ')}`);
  await page.screenshot({ path: `${out}/report.png`, fullPage: true });
  console.log(`audit HTML: ${charts.length} charts (${charts.map((c) => `${c.label}: ${c.bars} bars`).join('; ')}), 0 requests; screenshot ${out}/report.png`);
} finally {
  await browser.close();
}
