//! Generated handoffs for the rubric's property tests: each field absent or one of a few
//! good and bad values, the good context a packet lacks, and junk JSON for any field.

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Value};

const SCENARIOS: &[Option<&str>] = &[
    None,
    Some("billing_to_finance"),
    Some("support_to_engineering"),
    Some("tier1_to_tier2"),
    Some("bot_to_human"),
    Some("agent_to_supervisor"),
    Some("sales_to_success"),
    Some("support_to_fulfillment"),
    Some("voice_to_chat"),
    Some("legal_review"),
];

/// The receiving team that fits each built-in scenario.
fn team_for(scenario: &str) -> &'static str {
    match scenario {
        "billing_to_finance" => "finance",
        "support_to_engineering" => "engineering",
        "tier1_to_tier2" => "tier2",
        "bot_to_human" => "support",
        "agent_to_supervisor" => "supervisor",
        "sales_to_success" => "customer_success",
        "support_to_fulfillment" => "fulfillment",
        "voice_to_chat" => "chat_support",
        _ => "legal",
    }
}

const GOOD_SUMMARY: &str =
    "Customer was charged twice (€49.00) for invoice INV-2211 on 3 November.";

/// A generated handoff: each field absent or one of a few good and bad values.
#[derive(Debug, Clone)]
pub struct Spec {
    scenario: Option<&'static str>,
    to_team: Option<&'static str>,
    owner: (Option<&'static str>, Option<&'static str>),
    summary: Option<&'static str>,
    actions: Option<Vec<(&'static str, Option<&'static str>)>>,
    customer: (Option<&'static str>, Option<bool>, Option<&'static str>),
    urgency: Option<&'static str>,
    requested_outcome: Option<&'static str>,
    documents: Option<Vec<(&'static str, &'static str)>>,
    next_steps: Option<Vec<(&'static str, Option<&'static str>)>>,
    policy_refs: bool,
    /// Minutes after 09:00 of ticket opening, last customer message, handoff.
    times: (Option<i64>, Option<i64>, Option<i64>),
    billing: (Option<&'static str>, bool, Option<&'static str>),
}

pub fn spec() -> impl Strategy<Value = Spec> {
    let routing = (
        select(SCENARIOS.to_vec()),
        select(vec![
            None,
            Some("finance"),
            Some("engineering"),
            Some("Fnance"),
            Some("Accounts Receivable"),
            Some("fits"),
        ]),
        (
            select(vec![
                None,
                Some("Dana Kim"),
                Some("Finance"),
                Some("TBD"),
                Some("billing specialist"),
                Some("?"),
            ]),
            select(vec![None, Some("finance"), Some("support")]),
        ),
    );
    let text = (
        select(vec![
            None,
            Some(GOOD_SUMMARY),
            Some("Customer has an issue, see above."),
            Some("Customer: charged twice\nAgent: checking\nCustomer: please fix\nAgent: ok"),
            Some("Refund for INV-2211; I promised the customer a reply by Friday."),
            Some("billing question"),
        ]),
        proptest::option::of(prop::collection::vec(
            (
                select(vec![
                    "Checked the invoice",
                    "Cleared the cache",
                    "Restarted the sync",
                ]),
                select(vec![
                    None,
                    Some("Two charges of €49 on 3 Nov"),
                    Some("didn't work"),
                    Some("No change after restart"),
                ]),
            ),
            1..4,
        )),
        (
            select(vec![
                None,
                Some("calm"),
                Some("neutral"),
                Some("concerned"),
                Some("frustrated"),
                Some("angry"),
                Some("furious"),
            ]),
            select(vec![None, Some(true), Some(false)]),
            select(vec![None, Some("Refund confirmed by Friday")]),
        ),
        select(vec![
            None,
            Some("standard"),
            Some("urgent"),
            Some("executive"),
        ]),
        select(vec![None, Some("Refund the duplicate charge")]),
    );
    let follow_up = (
        proptest::option::of(prop::collection::vec(
            (
                select(vec![
                    "invoice-INV-2211.pdf",
                    "screenshot.png",
                    "bank statement.pdf",
                ]),
                select(vec!["customer", "agent"]),
            ),
            0..3,
        )),
        proptest::option::of(prop::collection::vec(
            (
                select(vec![
                    "Refund the duplicate charge",
                    "Ask the customer for the invoice",
                    "Confirm by e-mail",
                    "Request a screenshot",
                ]),
                select(vec![None, Some("Dana Kim"), Some("TBD")]),
            ),
            0..4,
        )),
        any::<bool>(),
        (
            proptest::option::of(0i64..300),
            proptest::option::of(0i64..300),
            proptest::option::of(0i64..400),
        ),
        (
            select(vec![None, Some("INV-2211")]),
            any::<bool>(),
            select(vec![None, Some("2026-11-03")]),
        ),
    );
    (routing, text, follow_up).prop_map(
        |(
            (scenario, to_team, owner),
            (summary, actions, customer, urgency, requested_outcome),
            (documents, next_steps, policy_refs, times, billing),
        )| Spec {
            scenario,
            to_team,
            owner,
            summary,
            actions,
            customer,
            urgency,
            requested_outcome,
            documents,
            next_steps,
            policy_refs,
            times,
            billing,
        },
    )
}

fn at_minute(minute: i64) -> String {
    let base: jiff::Timestamp = "2026-11-16T09:00:00Z".parse().expect("base time");
    base.checked_add(jiff::SignedDuration::from_mins(minute))
        .expect("in range")
        .to_string()
}

pub fn build(spec: &Spec) -> Value {
    let mut p = json!({"ticket": {"id": "ZD-1"}, "handoff": {"from": {"team": "support"}}});
    if let Some(s) = spec.scenario {
        set(&mut p, "/handoff/scenario", json!(s));
    }
    if let Some(t) = spec.to_team {
        let team = if t == "fits" {
            spec.scenario.map_or("finance", team_for)
        } else {
            t
        };
        set(&mut p, "/handoff/to/team", json!(team));
    }
    if let Some(n) = spec.owner.0 {
        set(&mut p, "/owner/name", json!(n));
    }
    if let Some(t) = spec.owner.1 {
        set(&mut p, "/owner/team", json!(t));
    }
    if let Some(s) = spec.summary {
        set(&mut p, "/summary", json!(s));
    }
    if let Some(actions) = &spec.actions {
        let list: Vec<Value> = actions
            .iter()
            .map(|(a, o)| match o {
                Some(o) => json!({"action": a, "outcome": o}),
                None => json!({ "action": a }),
            })
            .collect();
        set(&mut p, "/actions_taken", Value::Array(list));
    }
    if let Some(s) = spec.customer.0 {
        set(&mut p, "/customer/sentiment", json!(s));
    }
    if let Some(i) = spec.customer.1 {
        set(&mut p, "/customer/informed_of_handoff", json!(i));
    }
    if let Some(pr) = spec.customer.2 {
        set(&mut p, "/customer/promised", json!(pr));
    }
    if let Some(u) = spec.urgency {
        set(&mut p, "/urgency", json!(u));
    }
    if let Some(r) = spec.requested_outcome {
        set(&mut p, "/requested_outcome", json!(r));
    }
    if let Some(docs) = &spec.documents {
        let list: Vec<Value> = docs
            .iter()
            .map(|(n, by)| json!({"name": n, "provided_by": by}))
            .collect();
        set(&mut p, "/documents", Value::Array(list));
    }
    if let Some(steps) = &spec.next_steps {
        let list: Vec<Value> = steps
            .iter()
            .map(|(a, o)| match o {
                Some(o) => json!({"action": a, "owner": o}),
                None => json!({ "action": a }),
            })
            .collect();
        set(&mut p, "/next_steps", Value::Array(list));
    }
    if spec.policy_refs {
        set(&mut p, "/policy_refs", json!(["KB-112"]));
    }
    let (opened, last, at) = spec.times;
    if let Some(m) = opened {
        set(&mut p, "/ticket/opened_at", json!(at_minute(m)));
    }
    if let Some(m) = last {
        set(&mut p, "/customer/last_message_at", json!(at_minute(m)));
    }
    if let Some(m) = at {
        set(&mut p, "/handoff/at", json!(at_minute(m)));
    }
    if let Some(i) = spec.billing.0 {
        set(&mut p, "/billing/invoice_id", json!(i));
    }
    if spec.billing.1 {
        set(
            &mut p,
            "/billing/amount",
            json!({"value": 49, "currency": "EUR"}),
        );
    }
    if let Some(d) = spec.billing.2 {
        set(&mut p, "/billing/charge_date", json!(d));
    }
    p
}

/// Sets the value at a JSON Pointer, creating objects on the way.
pub fn set(packet: &mut Value, pointer: &str, value: Value) {
    let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
    let mut current = packet;
    for (i, token) in tokens.iter().enumerate() {
        let last = i + 1 == tokens.len();
        current = match current {
            Value::Object(map) => {
                if last {
                    map.insert((*token).to_string(), value);
                    return;
                }
                map.entry((*token).to_string()).or_insert_with(|| json!({}))
            }
            Value::Array(list) => match token.parse::<usize>().ok().and_then(|i| list.get_mut(i)) {
                Some(item) if !last => item,
                Some(item) => {
                    *item = value;
                    return;
                }
                None => return,
            },
            _ => return,
        };
    }
}

/// Every good piece of context the packet lacks, as (pointer, value).
pub fn additions(p: &Value) -> Vec<(String, Value)> {
    let missing = |ptr: &str| p.pointer(ptr).is_none();
    let mut out: Vec<(String, Value)> = Vec::new();
    let mut add = |ptr: &str, value: Value| {
        if missing(ptr) {
            out.push((ptr.to_string(), value));
        }
    };
    add("/owner/name", json!("Dana Kim"));
    add("/summary", json!(GOOD_SUMMARY));
    add(
        "/actions_taken",
        json!([{"action": "Checked the invoice", "outcome": "Two charges of €49 on 3 Nov"}]),
    );
    add("/customer/sentiment", json!("concerned"));
    add("/customer/informed_of_handoff", json!(true));
    add("/customer/promised", json!("Refund confirmed by Friday"));
    add("/urgency", json!("urgent"));
    add("/requested_outcome", json!("Refund the duplicate charge"));
    add(
        "/documents",
        json!([{"name": "stripe-charges.png", "provided_by": "agent"}]),
    );
    add(
        "/next_steps",
        json!([{"action": "Refund the duplicate charge", "owner": "Dana Kim"}]),
    );
    add("/policy_refs", json!(["KB-112"]));
    add("/billing/invoice_id", json!("INV-2211"));
    add("/billing/amount", json!({"value": 49, "currency": "EUR"}));
    add("/billing/charge_date", json!("2026-11-03"));
    let scenario = p.pointer("/handoff/scenario").and_then(Value::as_str);
    add(
        "/handoff/to/team",
        json!(scenario.map_or("finance", team_for)),
    );
    // Times that meet the 30-minute target.
    let minute = |ptr: &str| {
        p.pointer(ptr)
            .and_then(Value::as_str)
            .and_then(|t| t.parse::<jiff::Timestamp>().ok())
            .map(|t| (t.as_second() - 1_794_819_600) / 60)
    };
    let at = minute("/handoff/at");
    let latest_start = [
        minute("/ticket/opened_at"),
        minute("/customer/last_message_at"),
    ]
    .into_iter()
    .flatten()
    .filter(|m| at.is_none_or(|a| *m <= a))
    .max();
    if let Some(at) = at {
        add("/ticket/opened_at", json!(at_minute(at - 10)));
        add("/customer/last_message_at", json!(at_minute(at - 5)));
    } else {
        add(
            "/handoff/at",
            json!(at_minute(latest_start.unwrap_or(0) + 10)),
        );
    }
    // Outcomes and owners for list entries that lack them.
    for (list, field, value) in [
        (
            "actions_taken",
            "outcome",
            json!("No change: error EXP-413 again"),
        ),
        ("next_steps", "owner", json!("Dana Kim")),
    ] {
        for (i, item) in p
            .pointer(&format!("/{list}"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            if item.get(field).is_none() {
                out.push((format!("/{list}/{i}/{field}"), value.clone()));
            }
        }
    }
    out
}

pub fn junk() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        "\\PC{0,40}".prop_map(Value::String),
        select(vec![
            "",
            " ",
            "?",
            "TBD",
            "2026-11-16T09:00:00Z",
            "angry",
            "standard",
            "customer"
        ])
        .prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                select(vec![
                    "action",
                    "outcome",
                    "owner",
                    "name",
                    "provided_by",
                    "team"
                ]),
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}
