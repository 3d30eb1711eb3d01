// The kit every view uses: handoff-kit/worker, so checks run off the main thread. The worker
// script and the .wasm live in dist/www/assets/; pages find it through <meta name="site-root">.
import { createKit } from 'handoff-kit/worker';

/** The site's root URL (the folder holding assets/), from the page's <meta name="site-root">. */
export function siteRoot() {
  const meta = document.querySelector('meta[name="site-root"]');
  return new URL(meta ? meta.content : './', location.href);
}

let worker;
/** A WorkerKit for `bundle` (the built-in schemas without one). Rejects with a HandoffKitError. */
export function startKit(bundle) {
  const root = siteRoot();
  // A page may start the worker from an inline script in its <head> (the playground does).
  worker ??= globalThis.handoffKitWorker ?? new Worker(new URL('assets/kit-worker.js', root), { type: 'module', name: 'handoff-kit' });
  return createKit({ bundle, worker, wasm: new URL('assets/handoff_kit_bg.wasm', root).href });
}

/** `text` for an error, with the diagnostics behind it (a bundle's meta-schema findings). */
export function describeError(error) {
  const lines = [error?.message ?? String(error)];
  for (const d of error?.diagnostics ?? []) lines.push(`${d.path || '/'}: ${d.message}`);
  return lines.join('\n');
}
