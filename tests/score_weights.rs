//! More properties of the score (issue 18, docs/scoring.md), with the built-in weights and
//! with random admissible weights per scenario (any bundle `rubric` the kit accepts):
//!
//! 1. Adding a missing required field never lowers the score: for every example packet that
//!    lacks a field its scenario requires, adding a plausible value does not lower `value` or
//!    `uncapped_value`.
//! 2. A packet or note without content scores at most 20 (F): `{}`, `{"handoff":{}}`, `''`,
//!    `'ok'`, whitespace, a scenario's note template with nothing filled in.
//! 3. A packet with everything its scenario asks for and no finding scores 100.
//! 4. Removing one piece of information never raises what the checks earn, whatever the weights.
//!
//! `tests/score_properties.rs` holds the rest (every removal over every example, the cap).

use handoff_kit::note::NoteFormat;
use handoff_kit::report::Report;
use handoff_kit::{CheckOptions, Grade, Kit};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

const NOW: &str = "2026-11-21T10:00:00Z";
const SCENARIOS: [&str; 8] = [
    "billing_to_finance",
    "support_to_engineering",
    "tier1_to_tier2",
    "bot_to_human",
    "agent_to_supervisor",
    "sales_to_success",
    "support_to_fulfillment",
    "voice_to_chat",
];
/// The checks that can carry points (document-asked-twice must stay 0).
const SCORED: [&str; 11] = [
    "completeness",
    "owner-not-a-person",
    "action-without-outcome",
    "vague-summary",
    "customer-not-informed",
    "promise-not-recorded",
    "urgency-below-sentiment",
    "wrong-team",
    "late-handoff",
    "too-much-noise",
    "next-step-without-owner",
];

fn options() -> CheckOptions {
    CheckOptions {
        now: Some(NOW.to_string()),
    }
}

fn builtin() -> &'static Kit {
    static KIT: OnceLock<Kit> = OnceLock::new();
    KIT.get_or_init(|| Kit::builtin().expect("the built-in kit"))
}

fn check(kit: &Kit, packet: &Value) -> Report {
    kit.check(packet.clone(), &options()).expect("a report")
}

/// Every packet of `examples/packets/`, `tests/packets/` and the calibration set
/// (`tests/scoring/`, where many miss a required field), by name.
fn packets() -> &'static [(String, Value)] {
    static PACKETS: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    PACKETS.get_or_init(|| {
        let mut all = Vec::new();
        for dir in ["examples/packets", "tests/packets", "tests/scoring"] {
            let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
            let mut paths: Vec<_> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{dir}: {e}"))
                .map(|entry| entry.expect("an entry").path())
                .filter(|path| path.extension().is_some_and(|e| e == "json"))
                .filter(|path| !path.ends_with("labels.json"))
                .collect();
            paths.sort();
            for path in paths {
                let text = std::fs::read_to_string(&path).expect("readable");
                all.push((
                    path.display().to_string(),
                    serde_json::from_str(&text).expect("JSON"),
                ));
            }
        }
        all
    })
}

/// A plausible value for a required field an agent forgot, by its pointer.
fn plausible(pointer: &str) -> Option<Value> {
    let last = pointer.rsplit('/').next()?;
    Some(match last {
        "owner" => json!({"name": "Dana Kim", "email": "dana.kim@example.com"}),
        "summary" => json!("Charged twice (2 x 49.00 EUR) for invoice INV-2041 on 18 Nov."),
        "at" => json!("2026-11-20T10:00:00Z"),
        "to" => json!({"team": "finance"}),
        "from" => json!({"team": "support"}),
        "id" => json!("T-1001"),
        "invoice_id" => json!("INV-2026-11-0999"),
        "amount" => json!({"value": 49.0, "currency": "EUR"}),
        "documents" => json!([{"name": "Invoice INV-2026-11-0999 (PDF)", "provided_by": "agent"}]),
        "requested_outcome" => json!("Refund the duplicate charge."),
        "reproduction_steps" => json!(["Open the report", "Export it as CSV"]),
        "environment" => json!({"product": "Web app 4.12", "browser": "Firefox 133"}),
        "expected" => json!("All rows are exported."),
        "actual" => json!("The export stops at row 10,000."),
        "reason" => {
            json!("The customer asked for a manager about a refund over the agent's limit.")
        }
        "sentiment" => json!("concerned"),
        "intent" => json!("merge_accounts"),
        "trigger" => json!("customer_request"),
        "transcript_url" => json!("https://support.example.com/chats/1/transcript"),
        "company" => json!("Brightwater Clinics"),
        "deal_closed_at" => json!("2026-11-20T11:00:00Z"),
        "expectations" => json!(["Replace the legacy booking tool"]),
        "success_criteria" => json!(["All clinics booking in the product by January"]),
        "red_flags" => json!([]),
        "order_id" => json!("100-5582"),
        "issue" => json!("damaged"),
        "call_summary" => json!("Set up two-factor sign-in; two users cannot scan the QR code."),
        "identity_verified" => json!(true),
        "actions_taken" => {
            json!([{"action": "Checked the invoice", "outcome": "Two identical charges"}])
        }
        "escalation" => json!({"reason": "Tier 1 checks are done and the login still fails."}),
        "billing" => {
            json!({"invoice_id": "INV-2026-11-0999", "amount": {"value": 49.0, "currency": "EUR"}})
        }
        "engineering" => json!({"reproduction_steps": ["Open the report", "Export it as CSV"],
            "environment": {"product": "Web app 4.12"}, "expected": "All rows.", "actual": "10,000 rows."}),
        _ => return None,
    })
}

/// The packet with `value` at `pointer` (its parent exists or is created as an object).
fn with(packet: &Value, pointer: &str, value: Value) -> Value {
    let mut packet = packet.clone();
    let mut at = &mut packet;
    let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
    for (i, token) in tokens.iter().enumerate() {
        let Value::Object(members) = at else {
            return packet;
        };
        if i + 1 == tokens.len() {
            members.insert((*token).to_string(), value);
            break;
        }
        at = members
            .entry((*token).to_string())
            .or_insert_with(|| json!({}));
    }
    packet
}

/// Adds a plausible value for each field the schema says is required and missing; returns
/// how many additions were checked.
fn adding_required_fields_never_lowers(kit: &Kit) -> usize {
    let mut added = 0;
    for (name, packet) in packets() {
        let before = check(kit, packet);
        let missing: Vec<&str> = before
            .diagnostics
            .iter()
            .filter(|d| d.code == "schema/required")
            .map(|d| d.path.as_str())
            .collect();
        for pointer in missing {
            let Some(value) = plausible(pointer) else {
                panic!("{name}: no plausible value for {pointer}");
            };
            let after = check(kit, &with(packet, pointer, value));
            let (b, a) = (
                before.score.as_ref().unwrap(),
                after.score.as_ref().unwrap(),
            );
            assert!(
                a.value >= b.value && a.uncapped_value >= b.uncapped_value,
                "{name}: adding {pointer} lowered {}/{} to {}/{}\nbefore: {:?}\nafter: {:?}",
                b.value,
                b.uncapped_value,
                a.value,
                a.uncapped_value,
                b.checks,
                a.checks
            );
            added += 1;
        }
    }
    added
}

fn note_score(kit: &Kit, text: &str) -> u32 {
    let report = kit
        .check_note(text, NoteFormat::Text, &Value::Null, &options())
        .expect("a note report");
    report.score.expect("a score").value
}

/// Handoffs without content score at most 20, F.
fn nothing_scores_f(kit: &Kit) {
    for packet in [json!({}), json!({"handoff": {}})] {
        let score = check(kit, &packet).score.unwrap();
        assert!(
            score.value <= 20 && score.grade == Grade::F,
            "{packet}: {}",
            score.value
        );
    }
    let mut notes: Vec<String> = ["", "ok", "Sent to billing.", "   \n\t\n"]
        .map(str::to_string)
        .to_vec();
    notes.extend(SCENARIOS.iter().map(|s| kit.note_template(s)));
    for text in &notes {
        let value = note_score(kit, text);
        assert!(value <= 20, "{text:?} scores {value}");
    }
}

/// Every example with no schema or rubric finding scores 100; returns how many there are.
fn complete_without_findings_scores_100(kit: &Kit) -> usize {
    let mut complete = 0;
    for (name, packet) in packets() {
        let report = check(kit, packet);
        let findings = report
            .diagnostics
            .iter()
            .filter(|d| !d.code.starts_with("sla/"))
            .count();
        if findings == 0 {
            complete += 1;
            let score = report.score.unwrap();
            assert_eq!(
                (score.value, score.grade),
                (100, Grade::A),
                "{name}: {:?}",
                score.checks
            );
        }
    }
    complete
}

#[test]
fn adding_a_missing_required_field_never_lowers_the_score() {
    let added = adding_required_fields_never_lowers(builtin());
    assert!(added >= 25, "{added} additions");
}

#[test]
fn a_packet_or_note_without_content_scores_at_most_20() {
    nothing_scores_f(builtin());
}

#[test]
fn everything_the_scenario_asks_for_and_no_finding_scores_100() {
    let complete = complete_without_findings_scores_100(builtin());
    assert!(complete >= 2, "{complete} complete examples");
}

/// A bundle `rubric` with these weights, or `None` when the kit refuses it.
fn kit_with(weights: Vec<u32>, scenarios: Vec<(usize, Vec<u32>)>) -> Option<Kit> {
    let set = |w: &[u32]| -> Map<String, Value> {
        SCORED
            .iter()
            .zip(w)
            .map(|(id, w)| ((*id).to_string(), json!(w)))
            .collect()
    };
    let scenario_weights: Map<String, Value> = scenarios
        .iter()
        .map(|(s, w)| (SCENARIOS[*s].to_string(), Value::Object(set(w))))
        .collect();
    let bundle = json!({"bundle": "random", "version": "1.0.0",
        "rubric": {"weights": set(&weights), "scenario_weights": scenario_weights}});
    Kit::from_json(&bundle.to_string()).ok()
}

fn weight_set() -> impl Strategy<Value = Vec<u32>> {
    // too-much-noise last: small, so that few sets are refused for it.
    (proptest::collection::vec(0u32..=40, 10), 0u32..=4).prop_map(|(mut w, noise)| {
        w.insert(9, noise);
        w
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_properties_hold_with_random_weights_per_scenario(
        weights in weight_set(),
        scenarios in proptest::collection::vec((0usize..8, weight_set()), 0..4),
        which in 0..64usize,
    ) {
        let kit = kit_with(weights, scenarios);
        prop_assume!(kit.is_some());
        let kit = kit.unwrap();
        nothing_scores_f(&kit);
        prop_assert!(adding_required_fields_never_lowers(&kit) >= 25);
        prop_assert!(complete_without_findings_scores_100(&kit) >= 1);
        // Every single removal from one example: what the checks earn never rises.
        let (name, packet) = &packets()[which % packets().len()];
        let before = check(&kit, packet).score.unwrap();
        for removal in single_removals(packet) {
            let after = check(&kit, &removal.1).score.unwrap();
            prop_assert!(
                after.uncapped_value <= before.uncapped_value,
                "{}: removing {} raised {} to {}", name, removal.0, before.uncapped_value, after.uncapped_value
            );
        }
    }
}

/// Every packet one member or element smaller, with the pointer removed.
fn single_removals(packet: &Value) -> Vec<(String, Value)> {
    fn walk(value: &Value, pointer: &str, out: &mut Vec<String>) {
        match value {
            Value::Object(members) => {
                for (key, member) in members {
                    let at = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                    out.push(at.clone());
                    walk(member, &at, out);
                }
            }
            Value::Array(elements) => {
                for (index, element) in elements.iter().enumerate() {
                    let at = format!("{pointer}/{index}");
                    out.push(at.clone());
                    walk(element, &at, out);
                }
            }
            _ => {}
        }
    }
    let mut pointers = Vec::new();
    walk(packet, "", &mut pointers);
    pointers
        .into_iter()
        .map(|pointer| {
            let mut smaller = packet.clone();
            let (parent, last) = pointer.rsplit_once('/').expect("a member");
            let last = last.replace("~1", "/").replace("~0", "~");
            match smaller.pointer_mut(parent) {
                Some(Value::Object(members)) => {
                    members.remove(&last);
                }
                Some(Value::Array(elements)) => {
                    elements.remove(last.parse::<usize>().expect("an index"));
                }
                _ => {}
            }
            (pointer, smaller)
        })
        .collect()
}
