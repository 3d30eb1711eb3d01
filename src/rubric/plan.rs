//! The completeness plan: which fields a handoff of each scenario should carry, with their
//! weights and what to say when one is missing. The built-in items live here; the bundle's
//! `rubric.completeness` adds items or changes weights, and [`Plan::new`] resolves them once
//! when the rubric is built. The `completeness` check (`checks/completeness.rs`) judges a
//! packet against the plan.

use crate::packet::{array_index, step};
use crate::rubric::fields::{is_filled, Fields, SECTIONS};
use crate::rubric::settings::Settings;
use crate::tape::Node;
use ahash::AHashMap;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

// The hash tables here are of the types the note reader and its spans already use
// (`AHashMap<String, usize>`, `FxHashMap<u32, u32>`), and the sort is of the `(i64, i64)`
// pairs the SLA engine sorts: each new type of either is kilobytes of the .wasm.

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
///
/// Every scenario starts from the same items (the built-in ones with the bundle's `"*"`
/// changes), so those are kept once, in `shared`, and each scenario keeps only how it differs.
/// A copy of all of them per scenario grew with scenarios × items: a bundle of thousands of
/// each took seconds and gigabytes to build, and judging a packet without a scenario against
/// every scenario took as long on each check.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The built-in items with the bundle's `"*"` changes, weight-0 ones included (a scenario
    /// may weigh them again): the items of a packet of any other scenario, or of none.
    shared: Vec<Item>,
    /// How many of `shared` are built-in items; the `"*"` additions follow them.
    builtin: usize,
    /// Per scenario with items of its own (built-in or configured).
    by_scenario: BTreeMap<String, Own>,
}

/// How one scenario's items differ from [`Plan::shared`], in the order they are listed: the
/// built-in items, the scenario's own built-in additions (`first`), the `"*"` additions, the
/// scenario's configured additions (`last`).
#[derive(Debug, Clone, Default)]
struct Own {
    /// Shared items this scenario weighs differently, by index, ascending: the new weight
    /// (0 drops it), or `None` when the item is listed in `first` instead.
    changed: Vec<(usize, Option<u32>)>,
    first: Vec<Item>,
    last: Vec<Item>,
}

/// Items in the order a scenario lists them, with the weight each has there (never 0).
pub(super) struct Items<'p> {
    shared: &'p [Item],
    builtin: usize,
    own: Option<&'p Own>,
    /// Where the walk is: 0 built-in shared items, 1 `first`, 2 the other shared items,
    /// 3 `last`; and the index in that part.
    part: u8,
    at: usize,
    /// The next entry of `own.changed` that is not behind `at`.
    change: usize,
}

impl<'p> Iterator for Items<'p> {
    type Item = (&'p Item, u32);

    fn next(&mut self) -> Option<Self::Item> {
        const NO_ITEMS: &[Item] = &[];
        let changed = self.own.map_or(&[][..], |own| own.changed.as_slice());
        loop {
            let (list, end) = match self.part {
                0 => (self.shared, self.builtin),
                1 => (
                    self.own.map_or(NO_ITEMS, |own| own.first.as_slice()),
                    usize::MAX,
                ),
                2 => (self.shared, self.shared.len()),
                3 => (
                    self.own.map_or(NO_ITEMS, |own| own.last.as_slice()),
                    usize::MAX,
                ),
                _ => return None,
            };
            let Some(item) = list.get(self.at).filter(|_| self.at < end) else {
                self.part += 1;
                if self.part == 2 {
                    self.at = self.builtin;
                } else {
                    self.at = 0;
                }
                continue;
            };
            let index = self.at;
            self.at += 1;
            let mut weight = Some(item.weight);
            if self.part % 2 == 0 {
                if let Some(&(_, new)) = changed.get(self.change).filter(|(i, _)| *i == index) {
                    self.change += 1;
                    weight = new;
                }
            }
            match weight {
                Some(w) if w > 0 => return Some((item, w)),
                _ => continue,
            }
        }
    }
}

impl Plan {
    /// Resolves the items of every scenario the built-in items or `settings` name.
    pub fn new(settings: &Settings) -> Plan {
        let mut shared: Vec<(String, u32)> = BASE_ITEMS
            .iter()
            .map(|(p, w)| ((*p).to_string(), *w))
            .collect();
        let builtin = shared.len();
        let mut place: AHashMap<String, usize> = shared
            .iter()
            .enumerate()
            .map(|(at, (p, _))| (p.clone(), at))
            .collect();
        let star = settings.completeness.get("*");
        for (pointer, weight) in star.into_iter().flatten() {
            match place.get(pointer) {
                Some(&at) => shared[at].1 = *weight,
                None => {
                    place.insert(pointer.clone(), shared.len());
                    shared.push((pointer.clone(), *weight));
                }
            }
        }
        let named = SCENARIO_ITEMS
            .iter()
            .map(|(scenario, _)| *scenario)
            .chain(settings.completeness.keys().map(String::as_str))
            .filter(|scenario| *scenario != "*");
        let mut by_scenario = BTreeMap::new();
        for scenario in named {
            if !by_scenario.contains_key(scenario) {
                let own = own(settings, scenario, &shared, builtin, &place);
                by_scenario.insert(scenario.to_string(), own);
            }
        }
        Plan {
            shared: shared
                .into_iter()
                .map(|(pointer, weight)| Item::new(pointer, weight))
                .collect(),
            builtin,
            by_scenario,
        }
    }

    /// The items for a packet of this scenario, each with its weight there.
    pub(super) fn items(&self, scenario: Option<&str>) -> Items<'_> {
        Items {
            shared: &self.shared,
            builtin: self.builtin,
            own: scenario.and_then(|s| self.by_scenario.get(s)),
            part: 0,
            at: 0,
            change: 0,
        }
    }

    /// For the items of a packet of any other scenario, then for those of each scenario that
    /// has items of its own: the weight of the items `counts` accepts, and of all of them.
    /// `counts` is asked once per shared item, however many scenarios there are.
    /// (`counts` is `dyn`: one copy of this in the .wasm for its two callers.)
    pub(super) fn shares(&self, counts: &mut dyn FnMut(&Item) -> bool) -> Vec<(u32, u32)> {
        let counted: Vec<bool> = self.shared.iter().map(&mut *counts).collect();
        let share = |items: &mut dyn Iterator<Item = (bool, u32)>| {
            items.fold((0u32, 0u32), |(yes, all), (counted, w)| {
                (yes + if counted { w } else { 0 }, all + w)
            })
        };
        let other = share(
            &mut self
                .shared
                .iter()
                .zip(&counted)
                .map(|(i, c)| (*c, i.weight)),
        );
        let mut shares = vec![other];
        for own in self.by_scenario.values() {
            // The shared share, less what the scenario changes, plus its own items.
            let (mut yes, mut all) = other;
            for &(at, new) in &own.changed {
                let (old, counted) = (self.shared[at].weight, counted[at]);
                all = all - old + new.unwrap_or(0);
                if counted {
                    yes = yes - old + new.unwrap_or(0);
                }
            }
            let mut mine = own
                .first
                .iter()
                .chain(&own.last)
                .map(|i| (counts(i), i.weight));
            let (y, a) = share(&mut mine);
            shares.push((yes + y, all + a));
        }
        shares
    }
}

/// How `scenario`'s items differ from the shared ones: its built-in additions, then the
/// `"*"` changes, then its own configured changes, each pointer in the place it first had.
fn own(
    settings: &Settings,
    scenario: &str,
    shared: &[(String, u32)],
    builtin: usize,
    place: &AHashMap<String, usize>,
) -> Own {
    let star = settings.completeness.get("*");
    let extra = SCENARIO_ITEMS
        .iter()
        .find(|(s, _)| *s == scenario)
        .map_or(&[][..], |(_, extra)| *extra);
    // The scenario's pointers in the order they came, each once with its latest weight, and
    // where it goes: 0 a shared item weighed anew in its place, 1 `first` (a new one, or a
    // "*" addition this scenario lists among its built-in ones), 2 `last`.
    let mut entries: Vec<(String, u32, u8)> = Vec::new();
    let mut mine: AHashMap<String, usize> = AHashMap::new();
    let mut set = |pointer: &str, weight: u32, new: Option<u8>| match mine.get(pointer) {
        Some(&at) => entries[at].1 = weight,
        None => {
            if let Some(kind) = new {
                mine.insert(pointer.to_string(), entries.len());
                entries.push((pointer.to_string(), weight, kind));
            }
        }
    };
    let builtin_item = |pointer: &str| place.get(pointer).is_some_and(|&at| at < builtin);
    for (pointer, weight) in extra {
        set(
            pointer,
            *weight,
            Some(if builtin_item(pointer) { 0 } else { 1 }),
        );
    }
    // "*" comes after the scenario's built-in items: its weights win over theirs.
    for (pointer, weight) in star.into_iter().flatten() {
        set(pointer, *weight, None);
    }
    for (pointer, weight) in settings.completeness.get(scenario).into_iter().flatten() {
        set(
            pointer,
            *weight,
            Some(if place.contains_key(pointer) { 0 } else { 2 }),
        );
    }
    // The shared items changed, by index (a weight they have anyway is no change), as the
    // `(i64, i64)` pairs whose sort the .wasm already has; -1 for one moved to `first`.
    let mut order: Vec<(i64, i64)> = entries
        .iter()
        .filter_map(|(pointer, weight, kind)| {
            let at = *place.get(pointer)?;
            match kind {
                0 if *weight != shared[at].1 => Some((at as i64, i64::from(*weight))),
                1 => Some((at as i64, -1)),
                _ => None,
            }
        })
        .collect();
    order.sort_unstable();
    let changed = order
        .into_iter()
        .map(|(at, w)| (at as usize, u32::try_from(w).ok()))
        .collect();
    let (mut first, mut last) = (Vec::new(), Vec::new());
    for (pointer, weight, kind) in entries {
        match kind {
            1 => first.push((pointer, weight)),
            2 => last.push((pointer, weight)),
            _ => {}
        }
    }
    let items = |list: Vec<(String, u32)>| {
        list.into_iter()
            .filter(|(_, w)| *w > 0)
            .map(|(p, w)| Item::new(p, w))
            .collect()
    };
    Own {
        changed,
        first: items(first),
        last: items(last),
    }
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
    pub(super) fn is_present<'a>(&self, fields: &Fields<'a>, lookups: &mut Lookups<'a>) -> bool {
        is_filled(self.read(fields, lookups), self.empty_list_is_an_answer)
    }

    /// The value at the item's pointer, read as a JSON Pointer reads it (its section as
    /// [`Fields`] already read it).
    fn read<'a>(&self, fields: &Fields<'a>, lookups: &mut Lookups<'a>) -> Option<Node<'a>> {
        let step = |value, token: &String| lookups.step(value, token);
        match (self.section, self.tokens.split_first()) {
            (Some(section), Some((_, rest))) => {
                rest.iter().try_fold(fields.section(section)?, step)
            }
            _ => self.tokens.iter().try_fold(fields.packet, step),
        }
    }
}

/// The lists and objects of one packet that the items look into, each indexed the first time
/// an item looks into it when it is large: a bundle's thousands of items in one section of
/// thousands of keys would otherwise each walk the section's members.
#[derive(Default)]
pub(super) struct Lookups<'a> {
    /// A container's place in the tape → its index in `indexes`.
    indexed: FxHashMap<u32, u32>,
    indexes: Vec<Index<'a>>,
}

/// A large container's values, in order; for an object, also each key's place among them.
struct Index<'a> {
    keys: AHashMap<String, usize>,
    values: Vec<Node<'a>>,
}

impl<'a> Lookups<'a> {
    /// Lists and objects up to this size are walked, not indexed.
    const WALKED: usize = 16;

    /// [`step`], through an index of `value` when it is large.
    fn step(&mut self, value: Node<'a>, token: &str) -> Option<Node<'a>> {
        let object = value.is_object();
        let size = if object {
            value.members().size_hint().1
        } else if value.is_array() {
            value.elements().size_hint().1
        } else {
            None
        };
        if size.is_none_or(|size| size <= Self::WALKED) {
            return step(value, token);
        }
        let next = self.indexes.len() as u32;
        let at = *self.indexed.entry(value.index() as u32).or_insert(next);
        if at == next {
            let mut index = Index {
                keys: AHashMap::new(),
                values: Vec::new(),
            };
            if object {
                for (key, value) in value.members() {
                    index.keys.insert(key.to_string(), index.values.len());
                    index.values.push(value);
                }
            } else {
                index.values.extend(value.elements());
            }
            self.indexes.push(index);
        }
        let index = &self.indexes[at as usize];
        let place = if object {
            index.keys.get(token).copied()
        } else {
            array_index(token)
        };
        index.values.get(place?).copied()
    }
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
mod tests;
