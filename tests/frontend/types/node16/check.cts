// `module: node16`, a CommonJS module: require() of every subpath, typed by the .d.cts files
// (TS1479 "the current file is a CommonJS module" would mean a CommonJS entry typed as ESM).
import kit = require('handoff-kit');
import slim = require('handoff-kit/slim');
import inline = require('handoff-kit/inline');
import worker = require('handoff-kit/worker');

const report: kit.Report = new kit.HandoffKit().check({ ticket: { id: 'T-1' } });
const error: typeof kit.HandoffKitError = slim.HandoffKitError;
export = { report, error, inline: inline.init, createKit: worker.createKit };
