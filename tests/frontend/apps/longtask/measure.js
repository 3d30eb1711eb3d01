// Loads a kit the page's way (direct or handoff-kit/worker), asks for the reports of the
// fixture five times, and shows the main thread's long tasks over that time, with when the
// first report arrived (ms since navigation).
import { reports, show } from '/shared/fixture.js';

export async function measure(makeKit) {
  const started = performance.now();
  const kit = await makeKit();
  const first = await reports(kit);
  const firstReportMs = Math.round(performance.now());
  for (let k = 0; k < 4; k++) await reports(kit);
  const doneMs = Math.round(performance.now());
  // Long-task entries are delivered after the task: give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 300));
  show({ first, startedMs: Math.round(started), firstReportMs, doneMs, longTasks: window.longTasks });
}
