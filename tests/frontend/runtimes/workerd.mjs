// Cloudflare workerd (run by miniflare): the .wasm arrives as a WebAssembly.Module through a
// module import (wrangler and miniflare compile .wasm imports), given to handoff-kit/slim.
import wasm from 'handoff-kit/handoff_kit_bg.wasm';
import { initSync, HandoffKit } from 'handoff-kit/slim';
import { reports } from '../shared/fixture.js';

initSync(wasm);

export default {
  async fetch() {
    return Response.json(await reports(new HandoffKit()));
  },
};
