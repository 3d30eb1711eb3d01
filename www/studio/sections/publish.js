// Publish: the bundle JSON to download, its sha384 integrity, the Chrome and Firefox policy
// snippets for the extension's managed storage, the npm snippet, and a diff against the bundle
// published at a URL (the one network request the studio makes, and only when asked).
import { h, field, button } from '../form.js';
import { escapePointer } from '../../shared/json-editor.js';

export const title = 'Publish';
let extensionId = '';
// Firefox knows the extension by its gecko id (.ci/extension, GECKO_ID); Chromium by the id its
// store or the admin's packing gave it.
const GECKO_ID = 'handoff-kit@handoff-kit.dev';
let publishUrl = '';

/** The exact bytes published: 2-space JSON and a final newline. */
export const bundleText = (bundle) => `${JSON.stringify(bundle, null, 2)}\n`;

export async function integrity(text) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', new TextEncoder().encode(text)));
  return `sha384-${btoa(Array.from(digest, (b) => String.fromCharCode(b)).join(''))}`;
}

/** Differences between two JSON values as `{ op, path, from?, to? }`, parents before children. */
export function diff(before, after, path = '', out = []) {
  const isObject = (v) => v !== null && typeof v === 'object';
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      const p = `${path}/${escapePointer(key)}`;
      if (!(key in after)) out.push({ op: 'removed', path: p, from: before[key] });
      else if (!(key in before)) out.push({ op: 'added', path: p, to: after[key] });
      else diff(before[key], after[key], p, out);
    }
  } else if (JSON.stringify(before) !== JSON.stringify(after)) {
    out.push({ op: 'changed', path: path || '/', from: before, to: after });
  }
  return out;
}

const short = (v) => {
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

export function render(box, { store }) {
  const text = bundleText(store.bundle);
  const link = h('a', { id: 'export', download: `${store.bundle.bundle || 'bundle'}-${store.bundle.version || '0'}.json` }, 'Download the bundle JSON');
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.href = url;
  const sri = h('code', { id: 'integrity' }, '…');
  const chrome = h('pre', { class: 'out', id: 'chrome-policy' });
  const firefox = h('pre', { class: 'out', id: 'firefox-policy' });
  const npm = h('pre', { class: 'out', id: 'npm-snippet' });
  const idInput = h('input', { type: 'text', id: 'extension-id', size: 36, placeholder: 'the Chromium extension id' });
  idInput.value = extensionId;
  const urlInput = h('input', { type: 'url', id: 'publish-url', size: 48, placeholder: 'https://intranet.example/handoff/bundle.json' });
  urlInput.value = publishUrl;
  const diffUrl = h('input', { type: 'url', id: 'diff-url', size: 48, 'aria-label': 'URL of the published bundle' });
  diffUrl.value = publishUrl;
  const diffOut = h('div', { id: 'diff-out', 'aria-live': 'polite' });
  const snippets = (hash) => {
    const managed = { bundle_url: urlInput.value || 'https://intranet.example/handoff/bundle.json', bundle_integrity: hash };
    if (store.bundle.extension?.gate) managed.gate = store.bundle.extension.gate;
    const id = idInput.value || 'EXTENSION_ID';
    chrome.textContent = JSON.stringify({ '3rdparty': { extensions: { [id]: managed } } }, null, 2);
    firefox.textContent = JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: managed } } } }, null, 2);
    npm.textContent = `npm install handoff-kit\n\nimport init, { HandoffKit } from 'handoff-kit';\nawait init();\nconst response = await fetch('${managed.bundle_url}', { integrity: '${hash}' });\nconst kit = new HandoffKit(await response.json());\nconst report = kit.check(packet);`;
  };
  let hash = '';
  integrity(text).then((value) => {
    hash = value;
    sri.textContent = value;
    snippets(value);
  });
  idInput.addEventListener('input', () => { extensionId = idInput.value; snippets(hash); });
  urlInput.addEventListener('input', () => { publishUrl = urlInput.value; snippets(hash); });
  const runDiff = async () => {
    diffOut.textContent = `Loading ${diffUrl.value}…`;
    try {
      const response = await fetch(diffUrl.value, { cache: 'no-store' });
      if (!response.ok) throw new Error(`${diffUrl.value} answered ${response.status}`);
      const published = await response.json();
      const changes = diff(published, store.bundle);
      diffOut.replaceChildren(
        h('p', {}, changes.length ? `${changes.length} change${changes.length === 1 ? '' : 's'} from the published bundle (version ${published.version ?? '?'}):` : 'No change from the published bundle.'),
        h('ul', {}, changes.map((c) => h('li', { class: c.op === 'removed' ? 'fail' : c.op === 'added' ? 'pass' : '' },
          `${c.op} `, h('code', {}, c.path), c.op === 'changed' ? `: ${short(c.from)} → ${short(c.to)}` : c.op === 'added' ? `: ${short(c.to)}` : ''))));
    } catch (error) {
      diffOut.replaceChildren(h('p', { class: 'error-box' }, `Could not load the published bundle: ${error.message}`));
    }
  };
  box.replaceChildren(
    h('p', {}, link, ` (${new TextEncoder().encode(text).length} bytes)`),
    h('p', {}, 'Integrity: ', sri),
    h('div', { class: 'row' }, field('Chromium extension id', idInput), field('Where you publish the bundle', urlInput)),
    h('h3', {}, 'Chrome policy (3rdparty.extensions.<id>, managed storage)'), chrome,
    h('h3', {}, 'Firefox policies.json'), firefox,
    h('h3', {}, 'npm'), npm,
    h('h3', {}, 'Diff against the published bundle'),
    h('div', { class: 'row' }, field('Published bundle URL', diffUrl), button('Load and compare', runDiff, { id: 'diff-run' })),
    diffOut,
  );
}
