// The extension's settings: what the agent set on the options page (storage.local `settings`),
// overridden key by key by what an administrator pushed through browser policy
// (storage.managed, described by managed_schema.json). Managed values win and are shown locked.

export const DEFAULTS = Object.freeze({
  /** https URL of the org bundle; empty = the built-in bundle. */
  bundle_url: '',
  /** `sha384-<base64>` of the bundle file (Subresource Integrity format); empty = not pinned. */
  bundle_integrity: '',
  /** The org bundle itself as JSON text (managed storage only): wins over `bundle_url`. */
  bundle_json: '',
  /** What the handoff action does when the note has errors: `off`, `warn` or `block`. */
  gate: '',
  /** Extra helpdesk origins (match patterns such as `https://rt.example.org/*`). */
  enabled_hosts: [],
  /** How often the bundle URL is fetched again, in minutes. */
  refresh_minutes: 60,
});

export const GATES = ['off', 'warn', 'block'];

function clean(key, value) {
  const d = DEFAULTS[key];
  if (Array.isArray(d)) return Array.isArray(value) ? value.filter((v) => typeof v === 'string' && v.trim()).map((v) => v.trim()) : undefined;
  if (typeof d === 'number') return Number.isFinite(value) && value >= 5 ? Math.floor(value) : undefined;
  if (key === 'gate') return GATES.includes(value) ? value : undefined;
  return typeof value === 'string' ? value.trim() : undefined;
}

/** Keeps only known keys with values of the right type. */
export function sanitize(raw) {
  const out = {};
  for (const key of Object.keys(DEFAULTS)) {
    if (!raw || !(key in raw)) continue;
    const v = clean(key, raw[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

async function managedValues(api) {
  try {
    // Firefox rejects when no policy exists; Chromium resolves {}.
    return sanitize(await api.storage.managed.get(null));
  } catch {
    return {};
  }
}

/**
 * `{ settings, locked, user }`: the effective settings, the keys an administrator set, and the
 * agent's own values. `bundle_json` is only honoured from managed storage.
 */
export async function readSettings(api) {
  const managed = await managedValues(api);
  const { settings: stored } = await api.storage.local.get('settings');
  const user = sanitize(stored ?? {});
  delete user.bundle_json;
  return {
    settings: { ...DEFAULTS, ...user, ...managed },
    locked: Object.keys(managed),
    user,
  };
}

/** Saves the agent's settings; keys the administrator manages are not written. */
export async function writeUserSettings(api, values) {
  const { locked, user } = await readSettings(api);
  const next = { ...user, ...sanitize(values) };
  delete next.bundle_json;
  for (const key of locked) delete next[key];
  await api.storage.local.set({ settings: next });
  return next;
}
