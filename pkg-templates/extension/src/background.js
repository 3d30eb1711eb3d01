// The background (a service worker in Chromium, an event page in Firefox): the only place the
// wasm runs. It is instantiated once per worker life from the packaged .wasm and re-created
// lazily when the browser has evicted the worker. Content scripts and the options page talk to
// it with runtime.sendMessage; the only network request is the org bundle's URL.

import { init, HandoffKit } from 'handoff-kit/slim';
import { SHIPPED_ADAPTERS } from './shipped-adapters.js';
import { readSettings, writeUserSettings } from './settings.js';
import { checkBundleText, checkIntegrity, fetchBundle } from './bundle-source.js';

const api = globalThis.browser ?? globalThis.chrome;
const ALARM = 'bundle-refresh';
const HOST_SCRIPT_ID = 'enabled-hosts';

/** The live kit and what it was built from: { kit, info, good } (good = storage's last good). */
let active = null;
let booting = null;
let warmed = false;
let checkedOnce = false;

// Marks for the cold-start figure (bench/extension.mjs reads them; a few microseconds each).
const mark = (name) => performance.mark(`handoff:${name}`);
mark('worker-start');

async function startWasm() {
  const url = api.runtime.getURL('handoff_kit_bg.wasm');
  await init(fetch(url));
  mark('wasm-ready');
}

/**
 * Boots once per worker life (the wasm, then the last good bundle or the built-in one) and
 * resolves with the kit active *now*: a bundle applied since boot replaced (and freed) the first.
 */
function ready() {
  return boot().then(() => active);
}

function boot() {
  booting ??= (async () => {
    const [, stored] = await Promise.all([startWasm(), api.storage.local.get('bundle_good')]);
    const good = stored.bundle_good ?? null;
    if (good) {
      const checked = checkBundleText(good.text, (t) => new HandoffKit(t));
      if (checked.ok) {
        active = { kit: checked.kit, info: checked.info, good, json: checked.json };
        mark('kit-ready');
        return active;
      }
      // A stored bundle a newer kit no longer accepts: fall back, and say so.
      await recordAttempt({ ok: false, source: good.source, url: good.url, reason: `the stored bundle no longer loads: ${checked.reason}` });
    }
    const kit = new HandoffKit();
    active = { kit, info: kit.bundle, good: null, json: null };
    mark('kit-ready');
    return active;
  })();
  booting.catch(() => {
    booting = null; // let the next message try again rather than keep a failed start
  });
  return booting;
}

async function recordAttempt(attempt) {
  await api.storage.local.set({ bundle_attempt: { at: new Date().toISOString(), ...attempt } });
}

let refreshing = Promise.resolve();

/** Fetches/reads the configured bundle and applies it only when every check passes. */
function refreshBundle() {
  refreshing = refreshing.then(refreshOnce, refreshOnce);
  return refreshing;
}

async function refreshOnce() {
  await ready();
  const { settings } = await readSettings(api);
  let source;
  let text;
  let digest;
  if (settings.bundle_json) {
    source = 'managed';
    const bytes = new TextEncoder().encode(settings.bundle_json);
    const integrity = await checkIntegrity(bytes, settings.bundle_integrity);
    if (!integrity.ok) return recordAttempt({ ok: false, source, reason: integrity.reason });
    text = settings.bundle_json;
    digest = integrity.digest;
  } else if (settings.bundle_url) {
    source = 'url';
    const fetched = await fetchBundle(settings.bundle_url);
    if (!fetched.ok) return recordAttempt({ ok: false, source, url: settings.bundle_url, reason: fetched.reason });
    const integrity = await checkIntegrity(fetched.bytes, settings.bundle_integrity);
    if (!integrity.ok) return recordAttempt({ ok: false, source, url: settings.bundle_url, reason: integrity.reason });
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(fetched.bytes);
    } catch {
      return recordAttempt({ ok: false, source, url: settings.bundle_url, reason: 'the bundle is not UTF-8 text' });
    }
    digest = integrity.digest;
  } else {
    // Nothing configured: the built-in bundle, which needs no network.
    if (active.good) {
      active.kit.free();
      const kit = new HandoffKit();
      active = { kit, info: kit.bundle, good: null, json: null };
      await api.storage.local.remove('bundle_good');
    }
    return recordAttempt({ ok: true, source: 'built-in', reason: 'no bundle configured: the built-in bundle is active' });
  }
  const url = source === 'url' ? settings.bundle_url : undefined;
  if (active.good && active.good.digest === digest && active.good.source === source) {
    return recordAttempt({ ok: true, source, url, reason: 'unchanged' });
  }
  const checked = checkBundleText(text, (t) => new HandoffKit(t));
  if (!checked.ok) return recordAttempt({ ok: false, source, url, reason: checked.reason });
  const good = {
    text,
    source,
    url,
    digest,
    name: checked.info.bundle,
    version: checked.info.version,
    applied_at: new Date().toISOString(),
  };
  await api.storage.local.set({ bundle_good: good });
  const previous = active.kit;
  active = { kit: checked.kit, info: checked.info, good, json: checked.json };
  previous.free();
  return recordAttempt({ ok: true, source, url, reason: 'applied' });
}

/** The gate: the administrator's (managed) value, else the bundle's, else the agent's, else off. */
function effectiveGate(settings, locked) {
  if (locked.includes('gate')) return settings.gate;
  return active?.json?.extension?.gate ?? (settings.gate || 'off');
}

async function pageConfig() {
  const [{ settings, locked }] = await Promise.all([readSettings(api), ready()]);
  const own = Array.isArray(active.json?.extension?.adapters) ? active.json.extension.adapters : [];
  return {
    adapters: [...own, ...SHIPPED_ADAPTERS],
    gate: effectiveGate(settings, locked),
    bundle: active.info,
  };
}

async function status() {
  const [{ settings, locked }, stored] = await Promise.all([
    readSettings(api),
    api.storage.local.get(['bundle_good', 'bundle_attempt']),
    ready(),
  ]);
  const good = stored.bundle_good;
  return {
    settings,
    locked,
    gate: effectiveGate(settings, locked),
    active: good
      ? { source: good.source, url: good.url, name: good.name, version: good.version, digest: good.digest, applied_at: good.applied_at }
      : { source: 'built-in', name: active.info.bundle, version: active.info.version },
    attempt: stored.bundle_attempt ?? null,
    adapters: SHIPPED_ADAPTERS.map((a) => ({ id: a.id, name: a.name })),
  };
}

/** Registers content scripts for the granted extra helpdesk origins (enabled_hosts). */
async function syncHostScripts() {
  if (!api.scripting?.registerContentScripts) return;
  const { settings } = await readSettings(api);
  const granted = [];
  for (const origin of settings.enabled_hosts) {
    try {
      if (await api.permissions.contains({ origins: [origin] })) granted.push(origin);
    } catch {
      // not a valid match pattern: the options page already said so
    }
  }
  try {
    await api.scripting.unregisterContentScripts({ ids: [HOST_SCRIPT_ID] });
  } catch {
    // none registered yet
  }
  if (granted.length) {
    await api.scripting.registerContentScripts([
      { id: HOST_SCRIPT_ID, matches: granted, js: ['content.js'], allFrames: true, runAt: 'document_idle' },
    ]);
  }
}

async function scheduleRefresh() {
  const { settings } = await readSettings(api);
  await api.alarms.create(ALARM, { periodInMinutes: settings.refresh_minutes });
}

async function handle(message) {
  switch (message?.type) {
    case 'page':
      return pageConfig();
    case 'ping':
      // The agent entered a note editor: boot now, and run one small check so the note reader's
      // code is compiled before the first real check needs it (once per worker life).
      await ready();
      if (!warmed) {
        warmed = true;
        active.kit.checkNote('Summary: warm-up\nOwner: Dana Kim (Finance)\nTo: Finance', { now: new Date().toISOString() });
        mark('warmed');
      }
      return true;
    case 'checkNote': {
      await ready();
      // `active` read after the await, synchronously with the call: never a kit a bundle update freed.
      const report = active.kit.checkNote(String(message.text ?? ''), message.options ?? {});
      // The first check only: a mark per keystroke would pile up in the worker's timeline.
      if (!checkedOnce) {
        checkedOnce = true;
        mark('checked');
      }
      return { report };
    }
    case 'noteTemplate': {
      await ready();
      return { template: active.kit.noteTemplate(String(message.scenario ?? '')) };
    }
    case 'status':
      return status();
    case 'save':
      await writeUserSettings(api, message.settings ?? {});
      await refreshBundle();
      await Promise.all([syncHostScripts(), scheduleRefresh()]);
      return status();
    case 'refresh':
      await refreshBundle();
      return status();
    case 'timings':
      // This worker's start-up marks, ms since its time origin (bench/extension.mjs).
      return {
        origin: performance.timeOrigin,
        marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
      };
    default:
      throw new Error(`unknown message ${JSON.stringify(message?.type)}`);
  }
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== api.runtime.id) return false;
  handle(message).then(
    (value) => sendResponse({ ok: true, value }),
    (error) => sendResponse({ ok: false, error: { message: String(error?.message ?? error), kind: error?.kind } }),
  );
  return true;
});

api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) refreshBundle();
});

api.runtime.onInstalled.addListener(() => {
  refreshBundle();
  scheduleRefresh();
  syncHostScripts();
});

api.runtime.onStartup.addListener(() => {
  refreshBundle();
  syncHostScripts();
});

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed') refreshBundle();
});

// Start the wasm as soon as the worker runs: a worker woken by a content script's message is
// ready a little sooner. (Nothing else runs at start-up.)
ready();

// The toolbar button opens the settings.
api.action?.onClicked.addListener(() => api.runtime.openOptionsPage());
