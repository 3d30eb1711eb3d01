//! Bundle calendars and policies: validation with pointers into the bundle, policy matching,
//! and the SLA findings of a packet.

use handoff_kit::sla::{Sla, Status, TargetUnit};
use handoff_kit::Severity;
use serde_json::{json, Value};

fn london() -> Value {
    let day = json!([["09:00", "17:00"]]);
    json!({ "time_zone": "Europe/London",
        "week": { "mon": day, "tue": day, "wed": day, "thu": day, "fri": day } })
}

fn bundle_sla() -> Sla {
    Sla::from_bundle(
        &json!({ "london": london() }),
        &json!([
            { "id": "finance", "match": { "team": "finance" }, "calendar": "london",
              "target": { "unit": "business_hours", "value": 4 }, "warn_before": { "percent": 25 } },
            { "id": "finance-urgent", "match": { "team": "finance", "urgency": ["urgent", "executive"] },
              "calendar": "london", "target": { "unit": "business_hours", "value": 2 } },
            { "id": "finance-billing", "match": { "team": "finance", "scenario": "billing_to_finance" },
              "calendar": "london", "target": { "unit": "business_hours", "value": 3 } },
            { "id": "tier2", "match": { "scenario": "tier1_to_tier2" },
              "target": { "unit": "business_minutes", "value": 30 } }
        ]),
    )
    .expect("valid bundle")
}

fn packet(team: Option<&str>, scenario: &str, extra: Value) -> Value {
    let mut packet = json!({
        "ticket": { "id": "T-1" },
        "handoff": { "from": { "team": "support" }, "to": {}, "scenario": scenario,
            "at": "2026-11-20T16:00:00Z" },
        "owner": { "name": "Priya Shah" },
        "summary": "Customer charged twice."
    });
    if let Some(team) = team {
        packet["handoff"]["to"]["team"] = json!(team);
    }
    if let (Some(object), Some(extra)) = (packet.as_object_mut(), extra.as_object()) {
        for (key, value) in extra {
            object.insert(key.clone(), value.clone());
        }
    }
    packet
}

#[test]
fn the_most_specific_bundle_policy_wins_and_ties_go_to_the_first() {
    let sla = bundle_sla();
    let pick = |p: &Value| sla.for_packet(p, None).0.map(|r| r.policy);
    // team + scenario (2 fields) beats team alone.
    assert_eq!(
        pick(&packet(Some("finance"), "billing_to_finance", json!({}))).as_deref(),
        Some("finance-billing")
    );
    // team + urgency and team + scenario both have 2 fields: the first listed wins.
    assert_eq!(
        pick(&packet(
            Some(" Finance "),
            "billing_to_finance",
            json!({ "urgency": "urgent" })
        ))
        .as_deref(),
        Some("finance-urgent")
    );
    assert_eq!(
        pick(&packet(Some("FINANCE"), "other", json!({}))).as_deref(),
        Some("finance")
    );
    // A bundle policy matching only the scenario is still tried before the built-ins.
    assert_eq!(
        pick(&packet(Some("tier2"), "tier1_to_tier2", json!({}))).as_deref(),
        Some("tier2")
    );
    // Nothing in the bundle matches: the built-ins apply.
    assert_eq!(
        pick(&packet(
            Some("engineering"),
            "support_to_engineering",
            json!({})
        ))
        .as_deref(),
        Some("default-engineering")
    );
}

#[test]
fn builtin_policies_follow_the_reference_numbers() {
    let sla = Sla::default();
    let report = |p: &Value| sla.for_packet(p, None).0.expect("a policy applies");
    let finance = report(&packet(None, "billing_to_finance", json!({})));
    assert_eq!(finance.policy, "default-finance");
    assert_eq!(finance.calendar, "default");
    assert_eq!(finance.deadline.target.unit, TargetUnit::BusinessHours);
    assert_eq!(finance.deadline.deadline, "2026-11-23T12:00:00Z");
    let engineering = report(&packet(None, "support_to_engineering", json!({})));
    assert_eq!(engineering.deadline.deadline, "2026-11-23T16:00:00Z");
    let angry = report(&packet(
        Some("supervisor"),
        "agent_to_supervisor",
        json!({ "customer": { "sentiment": "angry" } }),
    ));
    assert_eq!(angry.policy, "default-supervisor-sentiment");
    assert_eq!(angry.deadline.deadline, "2026-11-20T16:15:00Z");
    let calm = report(&packet(
        None,
        "agent_to_supervisor",
        json!({ "customer": { "sentiment": "calm" } }),
    ));
    assert_eq!(calm.policy, "default-supervisor");
    assert_eq!(calm.deadline.deadline, "2026-11-20T17:00:00Z");
    let success = report(&packet(None, "sales_to_success", json!({})));
    assert_eq!(success.policy, "default-customer-success");
    assert_eq!(success.deadline.deadline, "2026-11-21T16:00:00Z");
    let other = report(&packet(Some("Returns desk"), "custom", json!({})));
    assert_eq!(other.policy, "default-initial-response");
    assert_eq!(other.deadline.deadline, "2026-11-20T17:00:00Z");
}

#[test]
fn a_deadline_after_the_customers_is_flagged_in_plain_words() {
    let sla = bundle_sla();
    let p = packet(
        Some("Finance"),
        "other",
        json!({ "customer": { "deadline": "2026-11-23T09:00:00Z" } }),
    );
    let (report, diagnostics) = sla.for_packet(&p, None);
    assert_eq!(
        report.map(|r| r.deadline.deadline).as_deref(),
        Some("2026-11-23T12:00:00Z")
    );
    assert_eq!(diagnostics.len(), 1);
    let d = &diagnostics[0];
    assert_eq!(d.code, "sla/after-customer-deadline");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.path, "/customer/deadline");
    assert_eq!(
        d.message,
        "Finance must act by Mon 23 Nov 12:00 (London) — after the customer's deadline of Mon 23 Nov 09:00. Ask Finance to prioritise or reset the customer's expectation."
    );
    // A customer deadline after the internal one is fine.
    let p = packet(
        Some("Finance"),
        "other",
        json!({ "customer": { "deadline": "2026-11-24T09:00:00Z" } }),
    );
    assert!(sla.for_packet(&p, None).1.is_empty());
}

#[test]
fn now_brings_at_risk_and_breached_findings() {
    let sla = bundle_sla();
    let p = packet(Some("finance"), "other", json!({}));
    let (report, diagnostics) = sla.for_packet(&p, Some("2026-11-23T11:30:00Z"));
    assert_eq!(report.and_then(|r| r.deadline.status), Some(Status::AtRisk));
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].code, "sla/at-risk");
    assert_eq!(
        diagnostics[0].message,
        "Finance must act by Mon 23 Nov 12:00 (London): 30 business minutes left of 4 business hours."
    );
    let (report, diagnostics) = sla.for_packet(&p, Some("2026-11-23T12:30:00Z"));
    let report = report.expect("report");
    assert_eq!(report.deadline.status, Some(Status::Breached));
    assert_eq!(report.deadline.remaining_business_minutes, Some(-30));
    assert_eq!(diagnostics[0].code, "sla/breached");
    assert_eq!(diagnostics[0].severity, Severity::Warning);
    let (_, diagnostics) = sla.for_packet(&p, Some("2026-11-23T10:00:00Z"));
    assert!(diagnostics.is_empty());
}

#[test]
fn no_usable_handoff_time_means_no_sla() {
    let sla = Sla::default();
    let mut p = packet(Some("finance"), "billing_to_finance", json!({}));
    p["handoff"]["at"] = json!("yesterday");
    assert_eq!(sla.for_packet(&p, None), (None, Vec::new()));
    assert_eq!(sla.for_packet(&json!([1, 2]), None), (None, Vec::new()));
    assert_eq!(
        sla.for_packet(&json!({ "handoff": 3 }), None),
        (None, Vec::new())
    );
}

#[test]
fn the_report_serialises_policy_calendar_and_deadline_fields_flat() {
    let (report, _) = bundle_sla().for_packet(&packet(Some("finance"), "other", json!({})), None);
    let value = serde_json::to_value(report.expect("report")).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "policy",
        "calendar",
        "time_zone",
        "target",
        "start",
        "deadline",
        "deadline_local",
        "warn_at",
        "status",
        "remaining_business_minutes",
        "elapsed_ratio",
        "segments",
    ] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    assert_eq!(value["policy"], json!("finance"));
    assert_eq!(value["calendar"], json!("london"));
    assert_eq!(value["warn_at"], json!("2026-11-23T11:00:00Z"));
}

#[test]
fn invalid_bundle_sections_point_inside_the_bundle() {
    let err = Sla::from_bundle(
        &json!({ "london": { "time_zone": "Europe/London",
            "week": { "mon": [["09:00", "25:00"]], "tue": [["09:00", "17:00"]] },
            "exceptions": [{ "date": "2026-12-24", "hours": [["09:00", "13:00"], ["12:00", "14:00"]] }] } }),
        &Value::Null,
    )
    .unwrap_err();
    assert_eq!(err.kind, "calendar");
    let paths: Vec<&str> = err.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "/calendars/london/week/mon/0/1",
            "/calendars/london/exceptions/0/hours/1"
        ]
    );
    assert!(err
        .diagnostics
        .iter()
        .all(|d| d.code == "sla/invalid-calendar"));
    let err = Sla::from_bundle(
        &Value::Null,
        &json!([{ "id": "x", "calendar": "london", "target": { "unit": "business_hours", "value": 4 } }]),
    )
    .unwrap_err();
    assert_eq!(err.kind, "bundle");
    assert_eq!(err.diagnostics[0].path, "/policies/0/calendar");
    assert_eq!(err.diagnostics[0].code, "sla/invalid-policy");
    let err = Sla::from_bundle(
        &json!({ "ops": { "time_zone": "UTC", "week": {} } }),
        &Value::Null,
    )
    .unwrap_err();
    assert_eq!(err.diagnostics[0].path, "/calendars/ops/week");
}

#[test]
fn every_emitted_code_is_documented() {
    let codes: Vec<&str> = handoff_kit::sla::RULES.iter().map(|r| r.code).collect();
    for code in [
        "sla/at-risk",
        "sla/breached",
        "sla/after-customer-deadline",
        "sla/invalid-calendar",
        "sla/invalid-policy",
        "sla/invalid-request",
    ] {
        assert!(codes.contains(&code), "{code}");
    }
}
