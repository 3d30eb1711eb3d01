// The audit page: files picked or dropped go to a module worker (worker.js) that streams them
// through handoff-kit/audit; this page only draws progress, the figures and the report (the
// core's self-contained HTML page, in a sandboxed iframe). Nothing is uploaded.
import { describeError, siteRoot } from '../shared/kit.js';
import { h } from '../shared/report-view.js';

const $ = (id) => document.getElementById(id);
const root = siteRoot();
let worker;
let bundle;
let downloads = [];
// What the page is showing, for tests and the bench: the last report object and timings.
window.auditPage = { state: 'idle', report: null, seconds: null, startedAt: null, doneAt: null };

const number = new Intl.NumberFormat('en');
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const percent = (rate) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)} %`);
const value = (x) => (x === null || x === undefined ? '—' : number.format(x));

function setState(state) {
  window.auditPage.state = state;
  document.body.dataset.audit = state;
  $('stop').disabled = state !== 'running';
  $('file').disabled = state === 'running';
  $('bundle').disabled = state === 'running';
  $('by').disabled = state === 'running';
}

function showError(message) {
  $('error').replaceChildren(message ? h('pre', { class: 'error-box' }, message) : '');
}

function startWorker() {
  worker?.terminate();
  worker = new Worker(new URL('audit/worker.js', root), { type: 'module', name: 'handoff-kit-audit' });
  worker.onmessage = ({ data }) => {
    if (data.type === 'progress') progress(data);
    else if (data.type === 'report') show(data);
    else if (data.type === 'error') {
      setState('failed');
      $('status').textContent = 'The audit stopped with an error.';
      showError(describeError(data));
    }
  };
  worker.onerror = (event) => {
    setState('failed');
    showError(`The audit's worker failed: ${event.message ?? 'unknown error'}`);
  };
}

// The live region says how far it is at most every 10 %; the bar and its text follow every message.
let announced = -1;
function progress({ bytes, lines, total }) {
  const share = total > 0 ? bytes / total : 0;
  $('progress').value = share;
  const text = `${megabytes(bytes)} of ${megabytes(total)}, ${number.format(lines)} lines`;
  $('progress-text').textContent = text;
  const tenth = Math.floor(share * 10);
  if (tenth !== announced) {
    announced = tenth;
    $('status').textContent = `Auditing: ${Math.round(share * 100)} % (${text}).`;
  }
}

function figure(label, text, key) {
  return [h('dt', {}, label), h('dd', { 'data-figure': key }, text)];
}

function show({ json, html, seconds }) {
  const r = json;
  if (seconds !== undefined) window.auditPage.seconds = seconds;
  window.auditPage.report = r;
  $('figures').replaceChildren(...[
    figure('Lines', value(r.lines), 'lines'),
    figure('Handoffs', value(r.handoffs), 'handoffs'),
    figure('Direct tickets', value(r.direct_tickets), 'direct_tickets'),
    figure('Bad lines', value(r.bad_lines.count), 'bad_lines'),
    figure('Median score', value(r.score.median), 'median_score'),
    figure('Not ready (errors)', value(r.score.not_ready), 'not_ready'),
    figure('Internal SLA met', `${percent(r.sla.attainment)} (${value(r.sla.met)} met, ${value(r.sla.breached)} breached)`, 'sla'),
    figure('Median SLA margin', r.sla.median_margin_minutes === null ? '—' : `${value(r.sla.median_margin_minutes)} business minutes`, 'margin'),
    figure('Touches per ticket (median)', value(r.tickets.touches.median), 'touches'),
    figure('Re-open rate after a handoff', percent(r.tickets.reopen_rate), 'reopen_rate'),
    figure('Silent transfers', value(r.silent_transfers), 'silent_transfers'),
    figure('Documents asked twice', value(r.documents_asked_twice), 'documents_asked_twice'),
  ].flat());
  for (const url of downloads) URL.revokeObjectURL(url);
  const jsonUrl = URL.createObjectURL(new Blob([`${JSON.stringify(r, null, 2)}\n`], { type: 'application/json' }));
  const htmlUrl = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  downloads = [jsonUrl, htmlUrl];
  $('download-json').href = jsonUrl;
  $('download-html').href = htmlUrl;
  $('report').srcdoc = html;
  $('figures-section').hidden = false;
  $('report-section').hidden = false;
  setState('done');
  window.auditPage.doneAt = performance.now();
  const time = window.auditPage.seconds === null ? '' : ` in ${window.auditPage.seconds.toFixed(1)} s`;
  $('status').textContent = `Audited ${value(r.lines)} lines${time}: ${value(r.handoffs)} handoffs, ${value(r.bad_lines.count)} bad lines. Report grouped by ${r.by}.`;
}

function audit(files) {
  if (files.length === 0) return;
  window.auditPage.startedAt = performance.now();
  showError('');
  startWorker();
  setState('running');
  announced = -1;
  $('progress-panel').hidden = false;
  $('figures-section').hidden = true;
  $('report-section').hidden = true;
  $('status').textContent = `Auditing ${files.map((f) => f.name).join(', ')}…`;
  progress({ bytes: 0, lines: 0, total: files.reduce((sum, f) => sum + f.size, 0) });
  worker.postMessage({ type: 'audit', files, bundle, by: $('by').value, wasm: new URL('assets/handoff_kit_audit_bg.wasm', root).href });
}

$('file').addEventListener('change', () => audit([...$('file').files]));
$('bundle').addEventListener('change', async () => {
  const file = $('bundle').files[0];
  bundle = file ? await file.text() : undefined;
  $('status').textContent = file ? `Bundle ${file.name} will be used for the next audit.` : 'The built-in schemas will be used.';
});
$('by').addEventListener('change', () => {
  if (worker && window.auditPage.state === 'done') worker.postMessage({ type: 'report', by: $('by').value });
});
$('stop').addEventListener('click', () => {
  worker?.terminate();
  worker = undefined;
  setState('stopped');
  $('status').textContent = 'Stopped. Pick or drop a file to start again.';
});

const drop = $('drop');
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  if (window.auditPage.state !== 'running') audit([...event.dataTransfer.files]);
});
setState('idle');
