// The schema studio: one bundle in a Store (undo/redo, IndexedDB autosave), a form or a JSON
// editor per part, the kit rebuilt in the worker on every edit (an invalid bundle shows its
// errors and the previous one keeps running), and the regression cases re-run and drawn.
import { startKit, describeError } from '../shared/kit.js';
import { h } from '../shared/report-view.js';
import { Store, loadSaved, builtInBundle } from './store.js';
import { runCases as runCasesHere } from './cases-runner.js';
import { EXAMPLES } from '../examples.js';
import metaSchema from 'handoff-kit/schemas/org-bundle.schema.json';
import * as source from './sections/source.js';
import * as teams from './sections/teams.js';
import * as calendars from './sections/calendars.js';
import * as policies from './sections/policies.js';
import * as scenarios from './sections/scenarios.js';
import * as wording from './sections/wording.js';
import * as rubric from './sections/rubric.js';
import * as extension from './sections/extension.js';
import * as cases from './sections/cases.js';
import * as publish from './sections/publish.js';

const SECTIONS = { start: source, teams, calendars, policies, scenarios, wording, rubric, extension, cases, publish };
const $ = (id) => document.getElementById(id);
const known = new Set(Object.keys(metaSchema.properties));

/**
 * The bundle the kit is given: the sections the packed package's meta-schema knows. A package
 * older than the `teams`, `extension` and `cases` sections still checks the rest; the export
 * always keeps everything.
 */
export function kitBundle(bundle) {
  return Object.fromEntries(Object.entries(bundle).filter(([key]) => known.has(key)));
}

const ctx = {
  store: null,
  builtInScenarios: [],
  /** Built-in scenarios and the bundle's own. */
  get scenarios() {
    return [...new Set([...this.builtInScenarios, ...Object.keys(this.store.bundle.scenarios ?? {})])];
  },
  checks: [],
  schemas: null,
  kit: () => kit,
  whenBuilt: async () => {
    await building;
    return builtError;
  },
};
let kit;
let builtError = null;
let good = null;
let building = Promise.resolve();
let queued = false;
let active = (location.hash.slice(1) in SECTIONS) ? location.hash.slice(1) : 'start';
// Edit → cases drawn, in ms, for bench/www.mjs (and how much of it the kit's rebuild took).
const timings = [];
const phases = [];
window.studioTimings = timings;
window.studioPhases = phases;

function renderStatus() {
  const b = ctx.store.bundle;
  const parts = [];
  if (builtError) {
    parts.push(h('div', { class: 'error-box', role: 'alert', id: 'bundle-error' }, h('strong', {}, 'This bundle does not check out: '), h('pre', { style: 'white-space:pre-wrap;overflow-wrap:anywhere;margin:.3rem 0 0' }, describeError(builtError))));
    if (good) parts.push(h('p', { id: 'previous-bundle' }, `The previous bundle (${good.bundle} ${good.version}) still runs the cases until this is fixed.`));
  } else {
    parts.push(h('p', { class: 'ok-box', id: 'bundle-ok' }, `${b.bundle} ${b.version} checks out.`));
  }
  const dropped = Object.keys(b).filter((k) => !known.has(k));
  if (dropped.length) parts.push(h('p', { class: 'muted' }, `This build of the kit does not know the section${dropped.length > 1 ? 's' : ''} ${dropped.join(', ')}: exported as written, not checked here.`));
  $('bundle-status').replaceChildren(...parts);
}

async function runAll(startedAt, builtAt) {
  const list = ctx.store.bundle.cases ?? [];
  // The kit runs the bundle's own cases in one call when it has them (runCases); while the
  // bundle does not check out, the previous kit runs the current cases one by one.
  const results = typeof kit.runCases === 'function' && known.has('cases') && !builtError
    ? await kit.runCases()
    : await runCasesHere(kit, list);
  const ranAt = performance.now();
  cases.renderResults($('case-results'), results, { ms: performance.now() - startedAt });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  timings.push(performance.now() - startedAt);
  phases.push({ build: builtAt - startedAt, run: ranAt - builtAt, total: performance.now() - startedAt });
  $('case-results').dataset.run = String(timings.length);
}

/** Rebuilds the kit for the current bundle (one build at a time; edits meanwhile queue one more). */
function rebuild(startedAt = performance.now()) {
  if (queued) return building;
  queued = true;
  building = building.then(async () => {
    queued = false;
    const bundle = ctx.store.bundle;
    try {
      // As JSON text: the kit reads text faster than it converts an object.
      const next = await startKit(JSON.stringify(kitBundle(bundle)));
      const old = kit;
      kit = next;
      old?.free().catch(() => {});
      builtError = null;
      good = { bundle: bundle.bundle, version: bundle.version };
    } catch (error) {
      builtError = error;
    }
    renderStatus();
    if (kit) await runAll(startedAt, performance.now());
  });
  return building;
}

function renderTabs() {
  const tabs = Object.entries(SECTIONS).map(([id, section]) => {
    const tab = h('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-selected': String(id === active), 'aria-controls': 'section', tabindex: id === active ? '0' : '-1' }, section.title);
    tab.addEventListener('click', () => select(id));
    tab.addEventListener('keydown', (event) => {
      const ids = Object.keys(SECTIONS);
      const at = ids.indexOf(id);
      const to = event.key === 'ArrowRight' ? ids[(at + 1) % ids.length] : event.key === 'ArrowLeft' ? ids[(at + ids.length - 1) % ids.length] : null;
      if (to) {
        select(to);
        $(`tab-${to}`).focus();
      }
    });
    return tab;
  });
  $('tabs').replaceChildren(...tabs);
  $('section').setAttribute('aria-labelledby', `tab-${active}`);
}

function renderSection() {
  SECTIONS[active].render($('section'), ctx);
}

function select(id) {
  active = id;
  history.replaceState(null, '', `#${id}`);
  renderTabs();
  renderSection();
}

function updateButtons() {
  $('undo').disabled = !ctx.store.canUndo;
  $('redo').disabled = !ctx.store.canRedo;
}

async function main() {
  const saved = await loadSaved();
  ctx.store = new Store(saved?.bundle ?? builtInBundle());
  if (saved) $('saved').textContent = `Restored the work saved in this browser at ${saved.savedAt}.`;
  ctx.store.subscribe((bundle, { render }) => {
    const startedAt = performance.now();
    updateButtons();
    if (render) renderSection();
    rebuild(startedAt);
  });
  addEventListener('hashchange', () => {
    const id = location.hash.slice(1);
    if (id in SECTIONS && id !== active) select(id);
  });
  document.addEventListener('studio-saved', (event) => { $('saved').textContent = `Saved in this browser at ${event.detail.savedAt}.`; });
  document.addEventListener('studio-save-failed', (event) => {
    $('saved').textContent = `Not saved: this browser refused to store the work (${event.detail?.message ?? event.detail}). Export it from Publish to keep it.`;
  });
  $('undo').addEventListener('click', () => ctx.store.undo());
  $('redo').addEventListener('click', () => ctx.store.redo());
  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest?.('input, textarea, select, [contenteditable="true"], .cm-editor');
    if (typing || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
    event.preventDefault();
    if (event.shiftKey) ctx.store.redo(); else ctx.store.undo();
  });
  // Leaving the page: write now (the browser may or may not finish it; edits are written within
  // 150 ms anyway).
  addEventListener('pagehide', () => { ctx.store.save().catch(() => {}); });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') ctx.store.save().catch(() => {});
  });
  try {
    // The built-in kit gives the scenarios and the built-in weight of each check.
    const builtIn = await startKit();
    ctx.builtInScenarios = builtIn.bundle.scenarios;
    const sample = await builtIn.check(EXAMPLES['billing_to_finance-good']);
    ctx.checks = sample.score.checks.map((c) => ({ id: c.id, weight: c.max_points }));
  } catch (error) {
    $('bundle-status').replaceChildren(h('pre', { class: 'error-box' }, describeError(error)));
    return;
  }
  import('../shared/schemas.js').then((m) => { ctx.schemas = m; });
  updateButtons();
  renderTabs();
  renderSection();
  await rebuild();
}

main();
