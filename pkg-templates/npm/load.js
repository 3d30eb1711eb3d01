// Turns whatever the caller gives `init` (a URL, a Response, bytes, a WebAssembly.Module, or a
// promise of one) into something the wasm-bindgen glue can instantiate, and every way that can
// fail into one message: which URL was fetched, what came back, and what to do about it.

const MAGIC = [0x00, 0x61, 0x73, 0x6d];

const HTML_FIX = 'A dev server answered with its HTML page instead of the .wasm: the file is not '
  + 'where the module expects it, usually because the bundler moved the module. With Vite, '
  + "exclude the package from dependency optimisation (optimizeDeps: { exclude: ['handoff-kit'] }); "
  + "with any bundler, `import init from 'handoff-kit/inline'` needs no asset at all, or pass "
  + "the .wasm's URL to init() (handoff-kit/slim).";

function hex(bytes) {
  return Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function asBytes(source) {
  if (source instanceof Uint8Array) return source;
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return new Uint8Array(source);
}

function isBufferSource(value) {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value)
    || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer);
}

/** Checks the first bytes are wasm's; `where` and `fix` go into the message when they are not. */
function checkMagic(bytes, where, fix) {
  if (bytes.length >= 4 && MAGIC.every((b, k) => bytes[k] === b)) return;
  const found = bytes.length === 0 ? 'nothing (0 bytes)' : `${hex(bytes)} (${bytes.length} bytes)`;
  throw new LoadError(`${where} is not WebAssembly: expected the bytes 00 61 73 6d, found ${found}. ${fix}`);
}

/** A failure to load the wasm; api.js turns it into a HandoffKitError of kind `init`. */
export class LoadError extends Error {}

function responseWhere(response, url) {
  const shown = response.url || url || '(a Response without a URL)';
  const type = response.headers.get('content-type') ?? 'no content type';
  return { shown, type, text: `${shown} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} (${type})` };
}

// A Response: refused with a clear message for a 404 or an HTML page; streamed straight into
// the compiler when it is served as application/wasm, read into bytes otherwise.
async function fromResponse(response, url) {
  const where = responseWhere(response, url);
  if (!response.ok) {
    throw new LoadError(`Could not load the Handoff Kit .wasm: ${where.text}. `
      + `Serve handoff_kit_bg.wasm at that URL, or pass its URL to init(). ${response.status === 404 ? HTML_FIX : ''}`.trim());
  }
  if (/^\s*text\/html/i.test(where.type)) {
    throw new LoadError(`Could not load the Handoff Kit .wasm: ${where.text}, not the .wasm. ${HTML_FIX}`);
  }
  if (/^\s*application\/wasm/i.test(where.type) && typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(response);
    } catch (error) {
      throw new LoadError(`The .wasm from ${where.shown} did not compile: ${error.message}`, { cause: error });
    }
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  checkMagic(bytes, `The answer from ${where.shown} (${where.type})`, HTML_FIX);
  return bytes;
}

/**
 * What the glue's `init` takes: a WebAssembly.Module or wasm bytes. `input` is what the caller
 * passed (or the entry's default URL); `what` names the entry for the "nothing given" message.
 */
export async function resolveWasm(input, what) {
  let value = input;
  try {
    value = await value;
  } catch (error) {
    throw new LoadError(`The promise given to init() was rejected: ${error?.message ?? error}`, { cause: error });
  }
  if (value === undefined || value === null) {
    throw new LoadError(`${what} needs the .wasm: pass init() its URL, a Response, its bytes or a `
      + "WebAssembly.Module (e.g. init(new URL('handoff_kit_bg.wasm', import.meta.url))).");
  }
  if (value instanceof WebAssembly.Module) return value;
  if (isBufferSource(value)) {
    const bytes = asBytes(value);
    checkMagic(bytes, 'The bytes given to init()', 'Pass the contents of handoff_kit_bg.wasm.');
    return bytes;
  }
  if (typeof Response === 'function' && value instanceof Response) return fromResponse(value);
  const isRequest = typeof Request === 'function' && value instanceof Request;
  if (typeof value === 'string' || value instanceof URL || isRequest) {
    const url = isRequest ? value.url : String(value);
    let response;
    try {
      response = await fetch(value);
    } catch (error) {
      throw new LoadError(`Could not fetch the Handoff Kit .wasm from ${url}: ${error?.message ?? error}. `
        + 'Check the URL is reachable from this page (and allowed by its Content-Security-Policy), '
        + "or use 'handoff-kit/inline', which needs no request.", { cause: error });
    }
    return fromResponse(response, url);
  }
  throw new LoadError('init() takes a URL (or string), a Request, a Response, the .wasm bytes or a '
    + `WebAssembly.Module, not ${Object.prototype.toString.call(value)}.`);
}

/**
 * The bytes of base64 text: native where the engine has it, else atob. (No `Buffer` here: this
 * module reaches browsers, and a bundler that sees `Buffer` may add a polyfill for it.)
 */
export function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes;
}
