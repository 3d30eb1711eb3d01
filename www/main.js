// The playground: a packet (JSON) or a note (text or HTML) in, the report out, live.
import { startKit, describeError } from './shared/kit.js';
import { renderReport, DEFAULT_CALENDAR } from './shared/report-view.js';
import { encodeState, decodeState } from './shared/permalink.js';
import { EXAMPLES, NOTE_EXAMPLE } from './examples.js';
import { attach } from 'handoff-kit/ui';

const $ = (id) => document.getElementById(id);
const reportBox = $('report');
const status = $('status');
const state = { mode: 'packet', example: 'billing-missing-invoice', scenario: '', packet: '', note: NOTE_EXAMPLE, html: '', now: '' };
let kit;
let bundle; // the studio's bundle with ?bundle=studio, else none (the built-in one)
let editor;
let schemas;
let noteHandle;
let serial = 0;

const pretty = (value) => JSON.stringify(value, null, 2);
const nowOption = () => (state.now.trim() ? { now: state.now.trim() } : {});

function show(report) {
  let customerDeadline;
  try {
    if (state.mode === 'packet') customerDeadline = JSON.parse(state.packet)?.customer?.deadline;
  } catch { /* the status line says why */ }
  renderReport(reportBox, report, {
    onPick: pick,
    calendarOf: (id) => bundle?.calendars?.[id] ?? (id === 'default' ? DEFAULT_CALENDAR : null),
    customerDeadline,
  });
  reportBox.dataset.ready = String(++serial);
  // For bench/www.mjs: when the first report is in the DOM (the next frame paints it).
  if (serial === 1) performance.mark('first-report');
}

function pick(diagnostic) {
  if (state.mode === 'packet') {
    editor?.reveal(diagnostic.path);
  } else if (state.mode === 'text' && diagnostic.span) {
    const area = $('note-text');
    area.focus();
    area.setSelectionRange(diagnostic.span.start, diagnostic.span.end);
  } else {
    (state.mode === 'text' ? $('note-text') : $('note-html')).focus();
  }
}

let pending;
// The last packet checked, so the editor's inline findings reuse its report.
let lastCheck = { text: null, report: null };
async function checkPacket() {
  const text = state.packet;
  try {
    JSON.parse(text);
  } catch (error) {
    status.textContent = `The packet is not JSON yet: ${error.message}`;
    return;
  }
  status.textContent = '';
  const mine = (pending = kit.check(text, nowOption()));
  lastCheck = { text, report: mine };
  try {
    const report = await mine;
    if (mine === pending) show(report);
  } catch (error) {
    if (mine === pending) status.textContent = describeError(error);
  }
}

let permalinkTimer;
function remember() {
  clearTimeout(permalinkTimer);
  permalinkTimer = setTimeout(async () => history.replaceState(null, '', await encodeState(state)), 300);
}

async function packetEditor() {
  if (editor) return editor;
  const { jsonEditor } = await import('./shared/json-editor.js');
  editor = jsonEditor($('packet-editor'), {
    doc: state.packet,
    label: 'Context packet (JSON)',
    diagnose: async (text) => {
      try {
        const report = await (lastCheck.text === text ? lastCheck.report : kit.check(text, nowOption()));
        return report.diagnostics.filter((d) => d.source === 'schema');
      } catch {
        return []; // the status line shows the kit's error
      }
    },
    schema: () => schemas && { root: schemas.scenarioSchema(scenarioOf(state.packet)), schemas: schemas.BUILT_IN },
    onChange: (text) => {
      state.packet = text;
      remember();
      checkPacket();
    },
  });
  import('./shared/schemas.js').then((m) => { schemas = m; });
  return editor;
}

function scenarioOf(text) {
  try {
    return JSON.parse(text)?.handoff?.scenario ?? '';
  } catch {
    return state.scenario;
  }
}

// What a helpdesk page would know about the ticket (the extension reads it through an adapter).
const PAGE_CONTEXT = {
  ticket: { id: 'SUP-48213', channel: 'email', opened_at: '2026-11-16T08:42:00+01:00' },
  handoff: { from: { team: 'support' }, to: { team: 'finance' }, scenario: 'billing_to_finance', at: '2026-11-16T10:05:00+01:00' },
};

function noteContext() {
  const context = structuredClone(PAGE_CONTEXT);
  if (state.scenario) context.handoff.scenario = state.scenario;
  return context;
}

function startNote() {
  noteHandle?.detach();
  const html = state.mode === 'html';
  const editable = html ? $('note-html') : $('note-text');
  noteHandle = attach(editable, {
    kit,
    scenario: state.scenario || undefined,
    context: noteContext(),
    format: html ? 'html' : 'text',
    ...nowOption(),
    onReport: (report, error) => {
      if (report) show(report);
      else if (error) status.textContent = describeError(error);
    },
  });
}

async function setMode(mode) {
  state.mode = mode;
  for (const input of document.querySelectorAll('input[name=mode]')) input.checked = input.value === mode;
  $('packet-editor').hidden = mode !== 'packet';
  $('note-text').hidden = mode !== 'text';
  $('note-html').hidden = mode !== 'html';
  $('note-context').hidden = mode === 'packet';
  if (mode === 'packet') {
    noteHandle?.detach();
    noteHandle = undefined;
    await packetEditor();
    await checkPacket();
  } else {
    startNote();
  }
  remember();
}

function setPacket(text) {
  state.packet = text;
  if (editor) editor.text = text; // the editor's change listener re-checks
  else checkPacket();
}

async function main() {
  // `?bundle=studio`: the bundle being built in the studio (this browser's IndexedDB).
  if (new URLSearchParams(location.search).get('bundle') === 'studio') {
    const { loadSaved } = await import('./studio/store.js');
    bundle = (await loadSaved())?.bundle;
    $('bundle-note').hidden = false;
    $('bundle-note').textContent = bundle
      ? `Checking against your studio bundle ${bundle.bundle} ${bundle.version}.`
      : 'No bundle is saved in the studio in this browser: the built-in rules apply.';
  }
  // The worker and its .wasm start loading first; the rest of the page sets up meanwhile.
  const kitReady = startKit(bundle);
  kitReady.catch(() => {});
  const saved = await decodeState(location.hash);
  if (saved) Object.assign(state, saved);
  if (!state.packet) state.packet = pretty(EXAMPLES[state.example] ?? Object.values(EXAMPLES)[0]);
  const exampleSelect = $('example');
  for (const name of Object.keys(EXAMPLES)) exampleSelect.append(new Option(name, name, false, name === state.example));
  $('now').value = state.now;
  $('note-text').value = state.note;
  $('note-html').innerHTML = state.html || '<p>Summary: Helena was charged twice for the November renewal.</p><p>Owner: Finance</p>';
  try {
    kit = await kitReady;
  } catch (error) {
    reportBox.replaceChildren(Object.assign(document.createElement('pre'), { className: 'error-box', textContent: describeError(error) }));
    return;
  }
  const scenarioSelect = $('scenario');
  for (const name of kit.bundle.scenarios) scenarioSelect.append(new Option(name, name, false, name === state.scenario));
  if (state.mode === 'packet') {
    // The first report before the editor (CodeMirror arrives as its own chunk).
    await checkPacket();
  }

  exampleSelect.addEventListener('change', () => {
    state.example = exampleSelect.value;
    state.scenario = '';
    scenarioSelect.value = '';
    if (state.mode !== 'packet') setMode('packet');
    setPacket(pretty(EXAMPLES[state.example]));
    remember();
  });
  scenarioSelect.addEventListener('change', () => {
    state.scenario = scenarioSelect.value;
    if (state.mode === 'packet' && state.scenario) {
      try {
        const packet = JSON.parse(state.packet);
        packet.handoff = { ...(packet.handoff ?? {}), scenario: state.scenario };
        setPacket(pretty(packet));
      } catch {
        status.textContent = 'Fix the JSON first: the scenario is written into handoff.scenario.';
      }
    } else if (state.mode !== 'packet') {
      startNote();
    }
    remember();
  });
  for (const input of document.querySelectorAll('input[name=mode]')) input.addEventListener('change', () => setMode(input.value));
  $('note-text').addEventListener('input', () => { state.note = $('note-text').value; remember(); });
  $('note-html').addEventListener('input', () => { state.html = $('note-html').innerHTML; remember(); });
  $('now').addEventListener('change', () => {
    state.now = $('now').value;
    remember();
    if (state.mode === 'packet') checkPacket();
    else startNote();
  });
  $('permalink').addEventListener('click', async () => {
    const url = new URL(await encodeState(state), location.href).href;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = 'Permalink copied; the input is in the link itself, after the #.';
    } catch {
      status.textContent = `Permalink: ${url}`;
    }
  });
  // The controls answer from here on; the editor (its own chunk) arrives now.
  await setMode(state.mode);
}

main();
