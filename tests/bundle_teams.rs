//! The bundle's `teams`: a page's team name (an alias) selects the team's SLA policy and
//! calendar, the report says which team it resolved to, and bad sections are refused with
//! the place to fix.

use handoff_kit::{CheckOptions, Kit, Report};
use serde_json::{json, Value};

const GOOD: &str = include_str!("../examples/packets/billing_to_finance-good.json");

fn bundle(extra: Value) -> Value {
    let weekdays = ["mon", "tue", "wed", "thu", "fri"];
    let week: serde_json::Map<String, Value> = weekdays
        .iter()
        .map(|day| (day.to_string(), json!([["09:00", "18:00"]])))
        .collect();
    let mut bundle = json!({
        "bundle": "acme",
        "version": "1.0.0",
        "calendars": { "finance_hours": { "time_zone": "Asia/Tokyo", "week": week } },
        "teams": {
            "finance": {
                "name": "Finance",
                "aliases": ["Billing Finance", "finance-queue"],
                "calendar": "finance_hours"
            }
        }
    });
    for (key, value) in extra.as_object().unwrap() {
        bundle[key] = value.clone();
    }
    bundle
}

/// The good billing packet handed to `team`, checked with `kit`.
fn check_to(kit: &Kit, team: &str, now: Option<&str>) -> Report {
    let mut packet: Value = serde_json::from_str(GOOD).unwrap();
    packet["handoff"]["to"]["team"] = json!(team);
    let options = CheckOptions {
        now: now.map(str::to_string),
    };
    kit.check(packet, &options).unwrap()
}

#[test]
fn an_alias_selects_the_teams_policy_and_calendar() {
    let kit = Kit::from_value(&bundle(json!({}))).unwrap();
    for name in [
        "Billing Finance",
        "  billing finance ",
        "FINANCE-QUEUE",
        "finance",
    ] {
        let report = check_to(&kit, name, None);
        let sla = report.sla.as_ref().unwrap();
        assert_eq!(sla.policy, "default-finance", "{name}");
        assert_eq!(sla.calendar, "finance_hours", "{name}");
        assert_eq!(sla.team.as_deref(), Some("finance"), "{name}");
        // Handed off Mon 09:05 UTC = 18:05 in Tokyo, after closing: 4 business hours from
        // Tue 09:00 Tokyo end at Tue 13:00 Tokyo.
        assert_eq!(sla.deadline.deadline, "2026-11-17T04:00:00Z", "{name}");
        assert!(
            !report
                .diagnostics
                .iter()
                .any(|d| d.code == "rubric/unknown-team"),
            "{name}: {:?}",
            report.diagnostics
        );
    }
}

#[test]
fn a_policy_without_a_calendar_counts_on_the_teams_and_one_with_a_calendar_on_its_own() {
    let kit = Kit::from_value(&bundle(json!({
        "policies": [
            { "id": "finance-urgent", "match": { "team": "finance", "urgency": "urgent" },
              "target": { "unit": "business_hours", "value": 2 } },
            { "id": "finance-executive", "match": { "team": "finance", "urgency": "executive" },
              "calendar": "default", "target": { "unit": "business_hours", "value": 2 } }
        ]
    })))
    .unwrap();
    let report = check_to(&kit, "Billing Finance", None);
    let sla = report.sla.unwrap();
    assert_eq!(
        (sla.policy.as_str(), sla.calendar.as_str()),
        ("finance-urgent", "finance_hours")
    );
    assert_eq!(sla.deadline.deadline, "2026-11-17T02:00:00Z");

    let mut packet: Value = serde_json::from_str(GOOD).unwrap();
    packet["handoff"]["to"]["team"] = json!("finance-queue");
    packet["urgency"] = json!("executive");
    let sla = kit
        .check(packet, &CheckOptions::default())
        .unwrap()
        .sla
        .unwrap();
    assert_eq!(
        (sla.policy.as_str(), sla.calendar.as_str()),
        ("finance-executive", "default")
    );
    // Mon 09:05 UTC on the built-in Mon–Fri 09:00–17:00 UTC calendar, plus 2 hours.
    assert_eq!(sla.deadline.deadline, "2026-11-16T11:05:00Z");
}

#[test]
fn unknown_names_behave_as_without_teams() {
    let with_teams = Kit::from_value(&bundle(json!({}))).unwrap();
    let mut plain = bundle(json!({}));
    plain.as_object_mut().unwrap().remove("teams");
    let without = Kit::from_value(&plain).unwrap();
    for name in ["Kestrel Air", "Fnance"] {
        let now = Some("2026-11-20T10:00:00Z");
        let a = serde_json::to_value(check_to(&with_teams, name, now)).unwrap();
        let b = serde_json::to_value(check_to(&without, name, now)).unwrap();
        assert_eq!(a, b, "{name}");
        assert!(a["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "rubric/unknown-team" && d["path"] == "/handoff/to/team"));
        assert_eq!(a["sla"]["calendar"], "default");
        assert_eq!(a["sla"]["team"], json!(name.to_lowercase()));
    }
}

#[test]
fn findings_name_the_team_as_the_bundle_names_it() {
    let kit = Kit::from_value(&bundle(json!({
        "teams": { "kestrel_air_ops": { "name": "Kestrel Air Ops", "aliases": ["KAO queue"] } },
        "policies": [{ "id": "kestrel", "match": { "team": "kestrel_air_ops" },
                       "target": { "unit": "business_hours", "value": 4 } }]
    })))
    .unwrap();
    let report = check_to(&kit, "KAO Queue", Some("2026-11-20T10:00:00Z"));
    assert_eq!(report.sla.as_ref().unwrap().policy, "kestrel");
    assert_eq!(
        report.sla.as_ref().unwrap().team.as_deref(),
        Some("kestrel_air_ops")
    );
    let breached = report
        .diagnostics
        .iter()
        .find(|d| d.code == "sla/breached")
        .expect("breached");
    assert!(
        breached
            .message
            .starts_with("Kestrel Air Ops's deadline passed"),
        "{}",
        breached.message
    );
}

#[test]
fn bad_teams_sections_are_refused_with_the_place_to_fix() {
    let typo = bundle(json!({ "teams": { "finance": { "alias": ["Billing"] } } }));
    let err = Kit::from_value(&typo).err().expect("refused");
    assert_eq!(err.kind, "bundle");
    assert!(err.message.contains("/teams/finance"), "{}", err.message);

    let shared = bundle(json!({ "teams": {
        "finance": { "aliases": ["Billing"] },
        "billing_ops": { "name": "billing" }
    } }));
    let err = Kit::from_value(&shared).err().expect("refused");
    assert_eq!(err.kind, "bundle");
    assert!(
        err.message.contains("/teams/billing_ops/name"),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("/teams/finance/aliases/0"),
        "{}",
        err.message
    );

    let calendar = bundle(json!({ "teams": { "finance": { "calendar": "nope" } } }));
    let err = Kit::from_value(&calendar).err().expect("refused");
    assert_eq!(err.diagnostics[0].path, "/teams/finance/calendar");
}

#[test]
fn the_report_schema_accepts_the_team() {
    use handoff_kit::schema::{SchemaStore, Validator};
    let store = SchemaStore::builtin();
    let schema = store
        .get("https://handoff-kit.dev/schemas/report.schema.json")
        .unwrap();
    let validator = Validator::new(schema, store).unwrap();
    let kit = Kit::from_value(&bundle(json!({}))).unwrap();
    let report = serde_json::to_value(check_to(&kit, "Billing Finance", None)).unwrap();
    assert_eq!(report["sla"]["team"], "finance");
    assert_eq!(validator.validate(&report).unwrap(), vec![]);
}

#[test]
fn rubric_routing_reads_the_team_an_alias_names() {
    let kit = Kit::from_value(&bundle(json!({
        "teams": {
            "finance": { "aliases": ["Billing Finance"] },
            "engineering": { "aliases": ["Dev Escalations"] }
        }
    })))
    .unwrap();
    let wrong = |report: &Report| {
        report
            .diagnostics
            .iter()
            .any(|d| d.code == "rubric/wrong-team")
    };
    // A billing handoff sent to the engineering queue is routed wrong; to finance's, right.
    assert!(wrong(&check_to(&kit, "Dev Escalations", None)));
    assert!(!wrong(&check_to(&kit, "Billing Finance", None)));
}
