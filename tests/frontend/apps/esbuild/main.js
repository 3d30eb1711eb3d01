// esbuild and Rollup do not emit `new URL(…, import.meta.url)` assets: handoff-kit/inline works
// with no plugin; the default entry must fail with an init error that says why and what to do.
import * as inline from 'handoff-kit/inline';
import * as kit from 'handoff-kit';
import { direct, runAll } from '../../shared/fixture.js';

runAll({
  inline: () => direct(inline),
  defaultEntry: () => direct(kit),
});
