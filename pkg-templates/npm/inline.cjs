// handoff-kit/inline for require() (Node >= 20.19 loads the ES module synchronously).
'use strict';
module.exports = require('./inline.js');
