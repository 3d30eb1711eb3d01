// The example packets of examples/packets/, bundled into the playground (no request at run time).
import billingGood from '../examples/packets/billing_to_finance-good.json';
import billingMissingInvoice from '../examples/packets/billing-missing-invoice.json';
import engineeringGood from '../examples/packets/support_to_engineering-good.json';
import engineeringNoRepro from '../examples/packets/engineering-no-repro-steps.json';
import tier2Good from '../examples/packets/tier1_to_tier2-good.json';
import missingOwner from '../examples/packets/missing-owner.json';
import ownerIsATeam from '../examples/packets/owner-is-a-team.json';
import badTimestamp from '../examples/packets/bad-timestamp.json';
import angryStandard from '../examples/packets/angry-customer-standard-urgency.json';
import supervisorGood from '../examples/packets/agent_to_supervisor-good.json';
import botGood from '../examples/packets/bot_to_human-good.json';

export const EXAMPLES = {
  'billing-missing-invoice': billingMissingInvoice,
  'billing_to_finance-good': billingGood,
  'support_to_engineering-good': engineeringGood,
  'engineering-no-repro-steps': engineeringNoRepro,
  'tier1_to_tier2-good': tier2Good,
  'missing-owner': missingOwner,
  'owner-is-a-team': ownerIsATeam,
  'bad-timestamp': badTimestamp,
  'angry-customer-standard-urgency': angryStandard,
  'agent_to_supervisor-good': supervisorGood,
  'bot_to_human-good': botGood,
};

export const NOTE_EXAMPLE = `Summary: Helena was charged twice for the November renewal (2 x 249.00 EUR on 1 Nov).
Owner: Finance
Customer: frustrated, wants the duplicate refunded
Tried: checked the payment gateway
`;
