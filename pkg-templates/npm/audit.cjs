// handoff-kit/audit for Node (CommonJS): loads the ES module synchronously (require(esm), Node
// >= 20.19), so `require` and `import` share one module instance and one wasm instance.
'use strict';
module.exports = require('./audit-node.js');
