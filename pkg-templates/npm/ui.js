// handoff-kit/ui: underlines, a findings panel and a live deadline over a <textarea> or a
// contenteditable, for any kit (HandoffKit, handoff-kit/worker's WorkerKit, a proxy). Browser
// only, ES module only. See ui.d.ts and the README's "handoff-kit/ui" section.
export { attach } from './ui/attach.js';
export { noteText } from './ui/offsets.js';
