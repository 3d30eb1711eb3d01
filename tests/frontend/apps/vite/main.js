// The default entry, a module worker of the app's own, and handoff-kit/worker, with no config.
import * as kit from 'handoff-kit';
import { createKit } from 'handoff-kit/worker';
import { direct, moduleWorker, reports, runAll } from '../../shared/fixture.js';

runAll({
  direct: () => direct(kit),
  moduleWorker: () => moduleWorker(new Worker(new URL('../../shared/kit.worker.js', import.meta.url), { type: 'module' })),
  workerApi: async () => reports(await createKit()),
});
