// A server component (rendered at `next build`, on the server entry) and a client component
// (in the browser, the default entry) on one page.
import { HandoffKit } from 'handoff-kit';
import { NOW, packet } from '../../../shared/fixture.js';
import Client from './client.js';

export default function Page() {
  const report = new HandoffKit().check(packet, { now: NOW });
  return (
    <main>
      <pre id="server">{JSON.stringify(report)}</pre>
      <Client />
    </main>
  );
}
