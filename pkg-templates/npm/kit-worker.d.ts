// handoff-kit/kit-worker.js is a worker script: `new Worker(new URL(…), { type: 'module' })`,
// then createKit({ worker }) from handoff-kit/worker. It exports nothing.
export {};
