// Rollup with node-resolve only (no wasm or asset plugin).
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: process.env.ENTRY ?? new URL('./main.js', import.meta.url).pathname,
  output: { dir: process.env.OUT_DIR, format: 'es' },
  plugins: [nodeResolve({ browser: true })],
};
