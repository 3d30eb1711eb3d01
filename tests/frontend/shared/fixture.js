// What every app in tests/frontend checks: one packet (examples/packets/missing-owner.json)
// and one note (tests/notes/billing-plain.txt), at a fixed instant so reports are comparable.
// The runner computes the same two reports with the Node entry and compares them key for key.

export const NOW = '2026-11-18T09:30:00-05:00';

export const packet = {
  "ticket": {
    "id": "SUP-48402",
    "url": "https://support.example.com/tickets/48402",
    "channel": "phone",
    "opened_at": "2026-11-18T07:55:00-05:00"
  },
  "handoff": {
    "from": {
      "team": "tier1",
      "agent": "Carla Mendes"
    },
    "to": {
      "team": "tier2",
      "queue": "integrations"
    },
    "scenario": "tier1_to_tier2",
    "mode": "transfer",
    "at": "2026-11-18T09:20:00-05:00",
    "reason": "SSO login fails after the customer rotated their certificate; tier 1 checks are done."
  },
  "summary": "Since rotating their identity provider certificate yesterday, none of the 85 users at Northwind Legal can sign in with SSO. Password login is disabled for them by policy, so the whole firm is locked out.",
  "actions_taken": [
    {
      "action": "Checked the SSO settings page",
      "outcome": "Only the old certificate is active; uploading the new one fails with 'unsupported key type'",
      "at": "2026-11-18T08:20:00-05:00"
    },
    {
      "action": "Asked the customer to export the certificate again as PEM and re-upload it",
      "outcome": "Same error",
      "at": "2026-11-18T08:50:00-05:00"
    }
  ],
  "customer": {
    "name": "Grace Whitfield",
    "sentiment": "frustrated",
    "informed_of_handoff": true,
    "promised": "A specialist will call back within the hour.",
    "last_message_at": "2026-11-18T08:52:00-05:00"
  },
  "urgency": "urgent",
  "requested_outcome": "Users can sign in with SSO again today.",
  "documents": [
    {
      "name": "New IdP certificate (PEM)",
      "provided_by": "customer"
    }
  ],
  "policy_refs": [
    "KB-2231 Rotating SAML certificates"
  ],
  "next_steps": [
    {
      "action": "Call Grace back and check the key type",
      "owner": "Dmitri Volkov",
      "due": "2026-11-18T10:20:00-05:00"
    }
  ],
  "tags": [
    "sso",
    "lockout"
  ],
  "escalation": {
    "reason": "Certificate upload rejects an ECDSA key; tier 1 cannot change accepted key types.",
    "category": "authentication",
    "checks_done": [
      "Certificate is not expired",
      "Certificate is PEM encoded",
      "Clock skew on the IdP is under 1 minute"
    ]
  }
};

export const note = "Hi Finance team — handing this one over.\n\nSummary: Renée Müller was charged twice for invoice INV-2041 (€49.00 each) on 2026-11-18.\nTried:\n- Checked the invoice → two identical charges\n- Asked the customer for a bank statement -> she sent it 📄\n- Retried the refund in Stripe: failed with \"charge already captured\"\nCustomer mood: furious 😡 — third contact this week\nCustomer informed: yes\nPromised: a call back from Finance by Friday\nAsk: refund the duplicate charge\nUrgency: high\nOwner: Dana Kim (Finance)\nDocs:\n- bank-statement.pdf (from customer)\n- refund-log.csv (from agent)\nNext steps:\n- Refund the duplicate charge — Dana, by 2026-11-27\n- Email Renée the refund receipt\nInvoice: INV-2041\nAmount: €49.00\n";

export const noteContext = {
  ticket: { id: 'T-2041', opened_at: '2026-11-18T09:00:00Z' },
  handoff: { from_team: 'support', to_team: 'finance', at: '2026-11-18T09:20:00Z' },
};

/** The two reports, from a kit whose methods return values or promises of them. */
export async function reports(kit) {
  const report = await kit.check(packet, { now: NOW });
  const noteReport = await kit.checkNote(note, { context: noteContext, now: NOW });
  return { report, noteReport };
}

/** The reports from an entry's module (`import * as kit from 'handoff-kit'`): init, then a kit. */
export async function direct(entry) {
  await entry.default();
  return reports(new entry.HandoffKit());
}

/** The reports from a module worker of the app's own (shared/kit.worker.js), asked at once. */
export function moduleWorker(worker) {
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => (data.error ? reject(Object.assign(new Error(data.error.message), data.error)) : resolve(data));
    worker.onerror = (event) => reject(new Error(`worker error: ${event.message}`));
    worker.postMessage('reports');
  });
}

/** Runs each named way of getting the reports and shows them all, errors included. */
export async function runAll(runs) {
  const out = {};
  for (const [name, run] of Object.entries(runs)) {
    try {
      out[name] = await run();
    } catch (error) {
      out[name] = { error: { name: error?.name, kind: error?.kind, message: String(error?.message ?? error) } };
    }
  }
  show(out);
}

/** What the page shows the runner: `#result` holds JSON, `body[data-done]` says it is there. */
export function show(value) {
  const pre = document.createElement('pre');
  pre.id = 'result';
  pre.textContent = JSON.stringify(value);
  document.body.append(pre);
  document.body.dataset.done = 'true';
}
