// Node (CommonJS): require() of the package; prints the reports.
const { HandoffKit } = require('handoff-kit');
const { reports } = require('../shared/fixture.js');

reports(new HandoffKit()).then((value) => console.log(JSON.stringify(value)));
