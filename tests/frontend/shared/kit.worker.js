// A module worker of the app's own, as the README shows it: start init() at once, answer
// messages after it; no top-level await (Vite's default worker format cannot have one).
import init, { HandoffKit } from 'handoff-kit';
import { reports } from './fixture.js';

const ready = init();

self.onmessage = async () => {
  try {
    await ready;
    self.postMessage(await reports(new HandoffKit()));
  } catch (error) {
    self.postMessage({ error: { name: error?.name, kind: error?.kind, message: String(error?.message ?? error) } });
  }
};
