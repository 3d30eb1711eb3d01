// webpack 5 with no loader and no plugin: `new URL(…, import.meta.url)` and module workers are
// built in. The page is ../../apps/webpack/index.html, copied next to the bundle by the runner.
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: process.env.ENTRY ?? fileURLToPath(new URL('./main.js', import.meta.url)),
  output: { path: process.env.OUT_DIR, filename: 'main.js', clean: true },
  performance: { hints: false },
};
