// bench/frontend.mjs: the smallest app on the default entry — load, one kit, the fixture's reports,
// and when they were on screen (ms since navigation).
import init, { HandoffKit } from 'handoff-kit';
import { reports, show } from '../../../shared/fixture.js';

init()
  .then(() => reports(new HandoffKit()))
  .then((value) => show({ ...value, shownMs: Math.round(performance.now()) }));
