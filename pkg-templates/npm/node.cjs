// Entry point for Node (CommonJS): loads the ES module synchronously (Node >= 20.19).
'use strict';
module.exports = require('./node.mjs');
