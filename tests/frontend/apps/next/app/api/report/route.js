// A route handler: the server entry, bundled into the server build.
import { HandoffKit } from 'handoff-kit';
import { reports } from '../../../../../shared/fixture.js';

export const dynamic = 'force-dynamic';

export async function GET() {
  return Response.json(await reports(new HandoffKit()));
}
