// Node (ESM), Bun and Deno: the package's Node entry, ready on import; prints the reports.
import { HandoffKit } from 'handoff-kit';
import { reports } from '../shared/fixture.js';

console.log(JSON.stringify(await reports(new HandoffKit())));
