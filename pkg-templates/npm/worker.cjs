// handoff-kit/worker for require() (Node >= 20.19 loads the ES module synchronously).
'use strict';
module.exports = require('./worker.js');
