// The permalink: the input, deflated and base64url-encoded, in the URL fragment (a fragment is
// never sent to a server).
const toBase64Url = (bytes) => btoa(Array.from(bytes, (c) => String.fromCharCode(c)).join('')).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

/** `#v1.<data>` for a JSON-able state. */
export async function encodeState(state) {
  const bytes = await pipe(new TextEncoder().encode(JSON.stringify(state)), new CompressionStream('deflate-raw'));
  return `#v1.${toBase64Url(bytes)}`;
}

/** The state in a fragment made by encodeState, or null. */
export async function decodeState(hash) {
  const match = /^#v1\.([\w-]+)$/.exec(hash);
  if (!match) return null;
  try {
    const bytes = await pipe(fromBase64Url(match[1]), new DecompressionStream('deflate-raw'));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}
