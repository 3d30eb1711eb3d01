//! The completeness plan: which fields a handoff of each scenario should carry, with their
//! weights and what to say when one is missing. The built-in items live here; the bundle's
//! `rubric.completeness` adds items or changes weights, and [`Plan::new`] resolves them once
//! when the rubric is built. The `completeness` check (`checks/completeness.rs`) judges a
//! packet against the plan.

use crate::packet::step;
use crate::rubric::fields::{is_filled, Fields, SECTIONS};
use crate::rubric::settings::Settings;
use crate::tape::Node;
use std::collections::BTreeMap;

/// Items every handoff is checked for: (field, weight).
#[rustfmt::skip]
const BASE_ITEMS: &[(&str, u32)] = &[
    ("/summary", 3),
    ("/actions_taken", 3),
    ("/customer/sentiment", 2),
    ("/requested_outcome", 2),
    ("/next_steps", 2),
    ("/documents", 1),
    ("/policy_refs", 1),
];

/// Per scenario: items added, or base items re-weighted.
#[rustfmt::skip]
pub(super) const SCENARIO_ITEMS: &[(&str, &[(&str, u32)])] = &[
    ("billing_to_finance", &[("/documents", 3), ("/requested_outcome", 3), ("/billing/invoice_id", 3), ("/billing/amount", 3), ("/billing/charge_date", 1), ("/billing/payment_method", 1), ("/billing/dispute_reason", 2)]),
    ("support_to_engineering", &[("/customer/sentiment", 1), ("/engineering/reproduction_steps", 3), ("/engineering/environment", 2), ("/engineering/expected", 2), ("/engineering/actual", 2), ("/engineering/error_text", 2), ("/engineering/frequency", 1), ("/engineering/affected_users", 1)]),
    ("tier1_to_tier2", &[("/actions_taken", 4), ("/escalation/reason", 3), ("/escalation/checks_done", 2), ("/escalation/category", 1)]),
    ("bot_to_human", &[("/actions_taken", 1), ("/bot/intent", 3), ("/bot/trigger", 2), ("/bot/transcript_url", 3), ("/bot/collected", 1)]),
    ("agent_to_supervisor", &[("/customer/sentiment", 3), ("/escalation/reason", 3), ("/escalation/customer_request", 2), ("/escalation/requested_by", 1)]),
    ("sales_to_success", &[("/actions_taken", 1), ("/customer/sentiment", 1), ("/account/company", 2), ("/account/deal_closed_at", 2), ("/account/expectations", 3), ("/account/success_criteria", 3), ("/account/red_flags", 1), ("/account/stakeholders", 2), ("/account/plan", 1)]),
    ("support_to_fulfillment", &[("/fulfillment/order_id", 3), ("/fulfillment/issue", 3), ("/fulfillment/items", 2), ("/fulfillment/carrier", 1), ("/fulfillment/tracking_number", 1)]),
    ("voice_to_chat", &[("/call/call_summary", 3), ("/call/identity_verified", 3), ("/call/callback_requested", 1), ("/call/preferred_channel", 1), ("/call/call_id", 1)]),
];

/// Fields where an empty list is an answer ("no red flags").
const EMPTY_LIST_IS_AN_ANSWER: &[&str] = &["/account/red_flags"];

/// For each item: what to add, and why the receiving team needs it.
#[rustfmt::skip]
const LABELS: &[(&str, &str, &str)] = &[
    ("/summary", "a summary of the issue in a sentence or two", "It is the first, and often the only, thing the receiving team reads."),
    ("/actions_taken", "what you already tried, each with its result", "Without it the receiving team repeats your steps and the customer repeats their story."),
    ("/customer/sentiment", "how the customer feels (calm, neutral, concerned, frustrated or angry)", "The receiving team decides how fast and how carefully to reply from it."),
    ("/requested_outcome", "what the customer wants as the outcome", "The receiving team needs to know what 'resolved' means to this customer."),
    ("/next_steps", "the next steps, each with who does it", "Otherwise nobody knows what happens next, or who does it."),
    ("/documents", "the documents you have (screenshots, invoices, logs) and who provided them", "So nobody asks the customer for them again."),
    ("/policy_refs", "the policies or help articles that apply", "So the receiving team applies the same rules you did."),
    ("/billing/invoice_id", "the number of the invoice in dispute", "Finance looks the charge up by it."),
    ("/billing/amount", "the amount in dispute, with its currency", "Finance matches the charge by its amount."),
    ("/billing/charge_date", "the date of the charge", "It tells Finance which statement to look at."),
    ("/billing/payment_method", "how the customer paid (card, bank transfer, …)", "A refund goes back the way the money came."),
    ("/billing/dispute_reason", "why the customer disputes the charge", "Finance chooses between a refund, a credit and a correction from it."),
    ("/engineering/reproduction_steps", "the steps that reproduce the problem", "Engineering cannot fix what it cannot reproduce."),
    ("/engineering/environment", "the product and version, and the platform, browser or OS where it happens", "Many bugs live in one version or one browser."),
    ("/engineering/expected", "what the customer expected to happen", "Engineering needs to know what 'working' looks like."),
    ("/engineering/actual", "what actually happened", "It is the bug, in the customer's terms."),
    ("/engineering/error_text", "the exact error text", "Engineers search the logs and the code for it."),
    ("/engineering/frequency", "how often it happens (always, often, sometimes, once)", "It sets the priority and the way to reproduce it."),
    ("/engineering/affected_users", "how many users are affected", "One user or all of them is a different priority."),
    ("/escalation/reason", "why you are escalating", "The receiving team starts from it."),
    ("/escalation/checks_done", "the checks you already did", "So the next tier does not redo them."),
    ("/escalation/category", "the category of the issue", "It routes the case to the right specialist."),
    ("/escalation/customer_request", "what the customer asked the supervisor for", "The supervisor answers that request, not a guess."),
    ("/escalation/requested_by", "who asked for the escalation (customer, agent or policy)", "A customer's request for a manager is handled differently."),
    ("/bot/intent", "what the customer asked the bot for", "The agent picks up from there instead of asking again."),
    ("/bot/trigger", "why the bot handed over", "A bot that failed and a customer who asked for a person need different openings."),
    ("/bot/transcript_url", "a link to the bot conversation", "The agent reads it instead of making the customer repeat."),
    ("/bot/collected", "what the bot already collected (order number, e-mail, …)", "So the customer is not asked for it again."),
    ("/account/company", "the customer's company", "Customer success sets up the account by it."),
    ("/account/deal_closed_at", "when the deal closed", "The kickoff clock starts then."),
    ("/account/expectations", "what the customer expects from the product", "Customer success plans the onboarding around it."),
    ("/account/success_criteria", "how the customer will judge success", "It is what customer success is measured against."),
    ("/account/red_flags", "the red flags from the sale (or an empty list if there are none)", "Risks found in the sale should not surprise the success team."),
    ("/account/stakeholders", "the customer's stakeholders, with their roles", "Customer success needs to know whom to talk to."),
    ("/account/plan", "the plan the customer bought", "It sets what the customer is entitled to."),
    ("/fulfillment/order_id", "the order number", "Fulfillment finds the shipment by it."),
    ("/fulfillment/issue", "what went wrong with the order (not delivered, damaged, wrong item, …)", "Each issue has its own process."),
    ("/fulfillment/items", "the items concerned, with their quantities", "So the right items are replaced or refunded."),
    ("/fulfillment/carrier", "the carrier", "Fulfillment opens the claim with them."),
    ("/fulfillment/tracking_number", "the tracking number", "It shows where the parcel is."),
    ("/call/call_summary", "a summary of the call", "The chat agent continues the conversation from it."),
    ("/call/identity_verified", "whether the caller's identity was verified", "The chat agent must not verify again, or must not skip it."),
    ("/call/callback_requested", "whether the customer asked for a callback", "A promised callback that never comes is a new complaint."),
    ("/call/preferred_channel", "how the customer prefers to be contacted", "So the answer reaches them where they look."),
    ("/call/call_id", "the call's id", "So the recording can be found."),
];

/// The completeness items of every scenario, resolved once from the built-in items and the
/// bundle's `rubric.completeness` when the rubric is built.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Per scenario with items of its own (built-in or configured).
    by_scenario: BTreeMap<String, Vec<Item>>,
    /// For any other scenario, and for a packet without one.
    other: Vec<Item>,
}

/// One expected field: where it is, its weight, and what to say when it is missing.
#[derive(Debug, Clone)]
pub(super) struct Item {
    pub(super) pointer: String,
    /// The position of the pointer's first token in [`SECTIONS`], when it is one of them.
    section: Option<usize>,
    /// The pointer's tokens, unescaped.
    tokens: Vec<String>,
    pub(super) weight: u32,
    empty_list_is_an_answer: bool,
    /// "Add …": what the finding asks for when the field is missing.
    pub(super) message: String,
    /// Why the receiving team needs the field.
    pub(super) hint: String,
}

impl Plan {
    /// Resolves the items of every scenario the built-in items or `settings` name.
    pub fn new(settings: &Settings) -> Plan {
        let named = SCENARIO_ITEMS
            .iter()
            .map(|(scenario, _)| *scenario)
            .chain(settings.completeness.keys().map(String::as_str))
            .filter(|scenario| *scenario != "*");
        let by_scenario = named
            .map(|scenario| {
                let items = resolve(settings, Some(scenario));
                (scenario.to_string(), items)
            })
            .collect();
        Plan {
            by_scenario,
            other: resolve(settings, None),
        }
    }

    /// The items for a packet of this scenario.
    pub(super) fn items(&self, scenario: Option<&str>) -> &[Item] {
        scenario
            .and_then(|s| self.by_scenario.get(s))
            .unwrap_or(&self.other)
    }

    /// The items of each scenario that has items of its own.
    pub(super) fn scenarios(&self) -> impl Iterator<Item = &[Item]> {
        self.by_scenario.values().map(Vec::as_slice)
    }
}

impl Item {
    fn new(pointer: String, weight: u32) -> Item {
        let (what, why) = label(&pointer);
        let tokens: Vec<String> = pointer
            .split('/')
            .skip(1)
            .map(|t| {
                if t.contains('~') {
                    t.replace("~1", "/").replace("~0", "~")
                } else {
                    t.to_string()
                }
            })
            .collect();
        Item {
            section: tokens
                .first()
                .and_then(|first| SECTIONS.binary_search(&first.as_str()).ok()),
            tokens,
            weight,
            empty_list_is_an_answer: EMPTY_LIST_IS_AN_ANSWER.contains(&pointer.as_str()),
            message: ["Add ", &what, "."].concat(),
            hint: why,
            pointer,
        }
    }

    /// Whether the item's field carries information.
    pub(super) fn is_present(&self, fields: &Fields) -> bool {
        is_filled(self.read(fields), self.empty_list_is_an_answer)
    }

    /// The value at the item's pointer, read as a JSON Pointer reads it (its section as
    /// [`Fields`] already read it).
    fn read<'a>(&self, fields: &Fields<'a>) -> Option<Node<'a>> {
        match (self.section, self.tokens.split_first()) {
            (Some(section), Some((_, rest))) => rest
                .iter()
                .try_fold(fields.section(section)?, |value, token| step(value, token)),
            _ => self
                .tokens
                .iter()
                .try_fold(fields.packet, |value, token| step(value, token)),
        }
    }
}

/// The items for a scenario, after the bundle's changes; weight-0 items dropped.
fn resolve(settings: &Settings, scenario: Option<&str>) -> Vec<Item> {
    let mut items: Vec<(String, u32)> = BASE_ITEMS
        .iter()
        .map(|(p, w)| ((*p).to_string(), *w))
        .collect();
    let mut apply = |changes: &mut dyn Iterator<Item = (String, u32)>| {
        for (pointer, weight) in changes {
            match items.iter_mut().find(|(p, _)| *p == pointer) {
                Some(item) => item.1 = weight,
                None => items.push((pointer, weight)),
            }
        }
    };
    if let Some((_, extra)) = SCENARIO_ITEMS.iter().find(|(s, _)| Some(*s) == scenario) {
        apply(&mut extra.iter().map(|(p, w)| ((*p).to_string(), *w)));
    }
    let configured = &settings.completeness;
    for key in std::iter::once("*").chain(scenario) {
        if let Some(changes) = configured.get(key) {
            apply(&mut changes.iter().cloned());
        }
    }
    items.retain(|(_, w)| *w > 0);
    items
        .into_iter()
        .map(|(pointer, weight)| Item::new(pointer, weight))
        .collect()
}

/// What to add and why, for a built-in item or one an organisation configured.
fn label(pointer: &str) -> (String, String) {
    if let Some((_, what, why)) = LABELS.iter().find(|(p, _, _)| *p == pointer) {
        return ((*what).to_string(), (*why).to_string());
    }
    let name = pointer
        .rsplit('/')
        .next()
        .unwrap_or(pointer)
        .replace(['_', '-'], " ");
    (
        format!("the {name}"),
        "Your organisation asks for it in this kind of handoff.".to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_items_have_plain_labels() {
        assert_eq!(label("/billing/po_number").0, "the po number");
        assert_eq!(
            label("/summary").0,
            "a summary of the issue in a sentence or two"
        );
    }
}
