// The kit handoff-kit/ui is given in a content script: checks run in the background worker.

/**
 * A kit for handoff-kit/ui whose checks run in the background. Calls are coalesced: while one
 * check is in flight only the newest text waits, and every superseded call gets the newest
 * result (the ui drops stale ones anyway), so a burst of keystrokes costs two round trips.
 */
export function backgroundKit(send) {
  let inFlight = null;
  let waiting = null; // { text, options, resolvers: [] }
  const last = { text: null, report: null };

  function start(text, options) {
    const p = send({ type: 'checkNote', text, options }).then((v) => {
      last.text = text;
      last.report = v.report;
      return v.report;
    });
    inFlight = p;
    const settle = () => {
      inFlight = null;
      if (waiting) {
        const w = waiting;
        waiting = null;
        start(w.text, w.options).then(
          (r) => w.resolvers.forEach(([ok]) => ok(r)),
          (e) => w.resolvers.forEach(([, ko]) => ko(e)),
        );
      }
    };
    p.then(settle, settle);
    return p;
  }

  return {
    last,
    checkNote(text, options) {
      if (!inFlight) return start(text, options);
      return new Promise((ok, ko) => {
        const resolvers = waiting?.resolvers ?? [];
        resolvers.push([ok, ko]);
        waiting = { text, options, resolvers };
      });
    },
    /** A check that skips the queue (the gate's), still recorded as the latest. */
    checkNow(text, options) {
      return send({ type: 'checkNote', text, options }).then((v) => {
        last.text = text;
        last.report = v.report;
        return v.report;
      });
    },
    async noteTemplate(scenario) {
      return (await send({ type: 'noteTemplate', scenario })).template;
    },
  };
}
