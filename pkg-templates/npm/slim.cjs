// handoff-kit/slim for require() (Node >= 20.19 loads the ES module synchronously).
'use strict';
module.exports = require('./slim.js');
