// The built-in schemas, for completion in the JSON editors (loaded as a separate chunk, after
// the first report). Keyed by $id, as `$ref`s name them.
import packet from 'handoff-kit/schemas/packet.schema.json';
import orgBundle from 'handoff-kit/schemas/org-bundle.schema.json';
import calendars from 'handoff-kit/schemas/bundle/calendars.schema.json';
import notes from 'handoff-kit/schemas/bundle/notes.schema.json';
import policies from 'handoff-kit/schemas/bundle/policies.schema.json';
import rubric from 'handoff-kit/schemas/bundle/rubric.schema.json';
import vocabulary from 'handoff-kit/schemas/bundle/vocabulary.schema.json';
import teams from 'handoff-kit/schemas/bundle/teams.schema.json';
import extension from 'handoff-kit/schemas/bundle/extension.schema.json';
import cases from 'handoff-kit/schemas/bundle/cases.schema.json';
import agentToSupervisor from 'handoff-kit/schemas/scenarios/agent_to_supervisor.schema.json';
import billingToFinance from 'handoff-kit/schemas/scenarios/billing_to_finance.schema.json';
import botToHuman from 'handoff-kit/schemas/scenarios/bot_to_human.schema.json';
import salesToSuccess from 'handoff-kit/schemas/scenarios/sales_to_success.schema.json';
import supportToEngineering from 'handoff-kit/schemas/scenarios/support_to_engineering.schema.json';
import supportToFulfillment from 'handoff-kit/schemas/scenarios/support_to_fulfillment.schema.json';
import tier1ToTier2 from 'handoff-kit/schemas/scenarios/tier1_to_tier2.schema.json';
import voiceToChat from 'handoff-kit/schemas/scenarios/voice_to_chat.schema.json';

export const BUILT_IN = Object.fromEntries([
  packet, orgBundle, calendars, notes, policies, rubric, vocabulary, teams, extension, cases, agentToSupervisor, billingToFinance, botToHuman,
  salesToSuccess, supportToEngineering, supportToFulfillment, tier1ToTier2, voiceToChat,
].map((s) => [s.$id, s]));

export const PACKET_ID = packet.$id;
export const BUNDLE_ID = orgBundle.$id;

/** The schema a packet of `scenario` is checked against (built-in ones only), for completion. */
export function scenarioSchema(scenario) {
  return BUILT_IN[`https://handoff-kit.dev/schemas/scenarios/${scenario}.schema.json`] ?? packet;
}
