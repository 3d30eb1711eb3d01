// Getting an org bundle: fetch it (the only network request the extension makes), check its
// integrity pin, read it as JSON and prove it against the bundle meta-schema by constructing a
// HandoffKit. Each step answers { ok: true, … } or { ok: false, reason } in words for the
// options page; nothing here touches storage, so a failure cannot replace the last good bundle.

export const FETCH_TIMEOUT_MS = 10_000;
export const MAX_BUNDLE_BYTES = 8 * 1024 * 1024;

function base64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** `sha384-<base64>` of `bytes`, as Subresource Integrity writes it. */
export async function sri384(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  return `sha384-${base64(digest)}`;
}

/** Whether `pin` is a well-formed `sha384-…` value (one, no options). */
export function isIntegrity(pin) {
  return /^sha384-[A-Za-z0-9+/]{64}$/.test(pin);
}

/**
 * Fetches `url` (https, or http on a loopback address) within `timeoutMs`: `{ ok, bytes }` or
 * `{ ok: false, reason }`. No cookies, no referrer, no cache reuse of a stale copy.
 */
export async function fetchBundle(url, { fetchImpl = fetch, timeoutMs = FETCH_TIMEOUT_MS } = {}) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: `the bundle URL ${JSON.stringify(url)} is not a URL` };
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    return { ok: false, reason: `the bundle URL must be https (got ${parsed.protocol})` };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchImpl(parsed.href, {
      signal: controller.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-cache',
      redirect: 'follow',
    });
    if (!res.ok) return { ok: false, reason: `the server answered HTTP ${res.status}` };
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > MAX_BUNDLE_BYTES) {
      return { ok: false, reason: `the bundle is ${bytes.length} bytes, over the ${MAX_BUNDLE_BYTES}-byte limit` };
    }
    return { ok: true, bytes };
  } catch (e) {
    if (controller.signal.aborted) return { ok: false, reason: `no answer within ${timeoutMs / 1000} s (timed out)` };
    return { ok: false, reason: `the request failed: ${e?.message ?? e}` };
  } finally {
    clearTimeout(timer);
  }
}

/** Checks `bytes` against the `sha384-…` pin (when there is one): `{ ok, digest }` or a reason. */
export async function checkIntegrity(bytes, pin) {
  const digest = await sri384(bytes);
  if (!pin) return { ok: true, digest };
  if (!isIntegrity(pin)) return { ok: false, digest, reason: `the integrity value ${JSON.stringify(pin)} is not sha384-<base64>` };
  if (pin !== digest) return { ok: false, digest, reason: `integrity mismatch: expected ${pin}, the file is ${digest}` };
  return { ok: true, digest };
}

/**
 * Proves `text` is an org bundle: JSON, then `makeKit(text)` (the HandoffKit constructor runs the
 * bundle meta-schema). `{ ok, kit, info }` or `{ ok: false, reason }`.
 */
export function checkBundleText(text, makeKit) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `the bundle is not JSON: ${e.message}` };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, reason: 'the bundle is not a JSON object' };
  }
  try {
    const kit = makeKit(text);
    return { ok: true, kit, info: kit.bundle, json };
  } catch (e) {
    const details = (e?.diagnostics ?? []).slice(0, 3).map((d) => `${d.path || '/'}: ${d.message}`);
    const more = (e?.diagnostics?.length ?? 0) > 3 ? ` (and ${e.diagnostics.length - 3} more)` : '';
    return {
      ok: false,
      reason: `the bundle does not match the bundle meta-schema: ${e?.message ?? e}${details.length ? ` — ${details.join('; ')}${more}` : ''}`,
    };
  }
}
