//! Pass and fail fixtures for every rubric check, through the public API: each fail fixture
//! in `tests/packets/` is the complete billing handoff with one thing wrong, so exactly one
//! check reports it, at the expected field, and the score drops by exactly the points that
//! check lost — none for advice (a second next step without an owner next to an owned one)
//! and for the checks that are reported but not scored (`docs/scoring.md`).

use handoff_kit::report::CheckStatus;
use handoff_kit::rubric::{Rubric, ScoreContext};
use handoff_kit::vocabulary::Vocabulary;
use handoff_kit::{Diagnostic, Grade, Score, Severity, Source};
use serde_json::Value;

fn packet(name: &str) -> Value {
    let path = format!("{}/tests/packets/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Normalise with the built-in vocabulary, then score with the built-in rubric.
fn check(name: &str) -> (Score, Vec<Diagnostic>) {
    let mut packet = packet(name);
    let mut diagnostics = Vocabulary::builtin().normalise(&mut packet);
    let (score, rubric) = Rubric::builtin().score(&packet, &ScoreContext::default());
    diagnostics.extend(rubric);
    (score, diagnostics)
}

#[test]
fn complete_handoffs_score_100_without_findings() {
    for name in [
        "billing-complete.json",
        "engineering-complete.json",
        "billing-team-synonyms.json",
        // Near misses: each looks like a failure of one check but is not.
        "billing-consult-customer-not-told.json",
        "billing-old-ticket-recent-message.json",
        "billing-angry-customer-urgent.json",
        "billing-asks-for-a-new-document.json",
        "billing-owner-first-name-only.json",
    ] {
        let (score, diagnostics) = check(name);
        assert!(diagnostics.is_empty(), "{name}: {diagnostics:#?}");
        assert_eq!(score.value, 100, "{name}");
        assert_eq!(score.grade, Grade::A);
        assert!(
            score
                .checks
                .iter()
                .all(|c| c.status != CheckStatus::Failed && c.points == c.max_points),
            "{name}"
        );
    }
}

#[test]
fn each_fail_fixture_fails_exactly_its_check() {
    // (fixture, the check that reports it, at these paths, the checks that fail). Advice costs
    // nothing (an action without its outcome next to one with it), nor does
    // document-asked-twice (weight 0); a missing mood also fails urgency-below-sentiment,
    // without a second diagnostic.
    let cases: &[(&str, &str, &[&str], &[&str])] = &[
        (
            "billing-missing-context.json",
            "completeness",
            &[
                "/customer/sentiment",
                "/policy_refs",
                "/billing/charge_date",
            ],
            &["completeness", "urgency-below-sentiment"],
        ),
        (
            "billing-owner-is-a-team.json",
            "owner-not-a-person",
            &["/owner/name"],
            &["owner-not-a-person"],
        ),
        (
            "billing-action-without-outcome.json",
            "action-without-outcome",
            &["/actions_taken/1/outcome"],
            &[],
        ),
        (
            "billing-vague-summary.json",
            "vague-summary",
            &["/summary"],
            &["vague-summary"],
        ),
        (
            "billing-silent-transfer.json",
            "customer-not-informed",
            &["/customer/informed_of_handoff"],
            &["customer-not-informed"],
        ),
        (
            "billing-promise-not-recorded.json",
            "promise-not-recorded",
            &["/customer/promised"],
            &["promise-not-recorded"],
        ),
        (
            "billing-invoice-asked-twice.json",
            "document-asked-twice",
            &["/next_steps/2/action"],
            &["document-asked-twice"],
        ),
        (
            "billing-angry-customer-standard-urgency.json",
            "urgency-below-sentiment",
            &["/urgency"],
            &["urgency-below-sentiment"],
        ),
        (
            "billing-sent-to-engineering.json",
            "wrong-team",
            &["/handoff/to/team"],
            &["wrong-team"],
        ),
        (
            "billing-late-handoff.json",
            "late-handoff",
            &["/handoff/at"],
            &["late-handoff"],
        ),
        (
            "billing-pasted-transcript.json",
            "too-much-noise",
            &["/summary"],
            &["too-much-noise"],
        ),
        (
            "billing-next-step-without-owner.json",
            "next-step-without-owner",
            &["/next_steps/1/owner"],
            &[],
        ),
    ];
    for (name, id, paths, failing) in cases {
        let (score, diagnostics) = check(name);
        let code = format!("rubric/{id}");
        let found: Vec<&str> = diagnostics.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(&found, paths, "{name}: {diagnostics:#?}");
        for d in &diagnostics {
            assert_eq!(d.code, code, "{name}");
            assert_eq!(d.source, Source::Rubric);
            // A document asked for twice makes the handoff not ready (docs/scoring.md).
            let severity = if *id == "document-asked-twice" {
                Severity::Error
            } else {
                Severity::Warning
            };
            assert_eq!(d.severity, severity, "{name}");
            assert!(
                d.hint.as_deref().is_some_and(|h| !h.is_empty()),
                "{name}: no hint"
            );
            assert!(
                !d.message.contains("schema") && !d.message.contains("property"),
                "{name}: jargon in {}",
                d.message
            );
        }
        let failed: Vec<&str> = score
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::Failed)
            .map(|c| c.id.as_ref())
            .collect();
        assert_eq!(&failed, failing, "{name}");
        let lost: u32 = score.checks.iter().map(|c| c.max_points - c.points).sum();
        let costs = failing.iter().any(|f| *f != "document-asked-twice");
        assert_eq!(lost > 0, costs, "{name}");
        assert_eq!(score.max_points, 100, "{name}");
        assert_eq!(score.value, 100 - lost, "{name}");
    }
}

#[test]
fn messages_say_what_to_do() {
    let (_, d) = check("billing-owner-is-a-team.json");
    assert_eq!(
        d[0].message,
        "Name the person who owns this after the handoff — 'Finance' is a team, not an owner."
    );
    let (_, d) = check("billing-late-handoff.json");
    assert_eq!(
        d[0].message,
        "This handoff came 2 h 15 min after the customer's last message; the target is 30 minutes."
    );
    let (_, d) = check("billing-invoice-asked-twice.json");
    assert_eq!(d[0].message, "This next step asks the customer for 'invoice-INV-2211.pdf', which they already sent: use the copy in the documents.");
    let (_, d) = check("billing-missing-context.json");
    assert_eq!(d[2].message, "Add the date of the charge.");
    assert_eq!(
        d[2].hint.as_deref(),
        Some("It tells Finance which statement to look at.")
    );
}

#[test]
fn unknown_team_gets_a_suggestion_and_routing_fails() {
    let (score, diagnostics) = check("billing-unknown-team.json");
    let unknown = diagnostics
        .iter()
        .find(|d| d.code == "rubric/unknown-team")
        .expect("unknown-team");
    assert_eq!(unknown.path, "/handoff/to/team");
    assert_eq!(
        unknown.message,
        "'Fnance' is not a team this organisation knows. Did you mean 'finance'?"
    );
    assert!(score
        .checks
        .iter()
        .any(|c| c.id == "wrong-team" && c.status == CheckStatus::Failed));
}

#[test]
fn what_the_schema_reported_costs_points_once_and_is_not_said_twice() {
    let packet = packet("billing-missing-context.json");
    let reported = vec![Diagnostic::new(
        "schema/required",
        Severity::Error,
        Source::Schema,
        "/billing/charge_date",
        "Add the date of the charge.",
    )];
    let rubric = Rubric::builtin();
    let (plain, plain_diagnostics) = rubric.score(&packet, &ScoreContext::default());
    let ctx = ScoreContext {
        schema_diagnostics: &reported,
        business_minutes: None,
    };
    let (informed, informed_diagnostics) = rubric.score(&packet, &ctx);
    // The points are lost either way; only the rubric's own diagnostic is dropped, because
    // the schema's already explains the loss.
    assert_eq!(informed.value, plain.value);
    assert!(plain.value < 100);
    assert_eq!(plain_diagnostics.len(), informed_diagnostics.len() + 1);
    assert!(informed_diagnostics
        .iter()
        .all(|d| d.path != "/billing/charge_date"));
}

#[test]
fn business_minutes_from_the_sla_engine_are_used() {
    let packet = packet("billing-late-handoff.json");
    // 2026-11-16T09:15:00Z and 2026-11-16T11:30:00Z.
    let measure = |from: i64, to: i64| {
        assert_eq!((from, to), (1_794_820_500, 1_794_828_600));
        Some(20)
    };
    let ctx = ScoreContext {
        schema_diagnostics: &[],
        business_minutes: Some(&measure),
    };
    let (score, diagnostics) = Rubric::builtin().score(&packet, &ctx);
    assert_eq!(score.value, 100, "{diagnostics:?}");
}

#[test]
fn score_serialises_as_the_report_schema_says() {
    let (score, _) = check("billing-silent-transfer.json");
    let json = serde_json::to_value(&score).expect("score is JSON");
    assert_eq!(json["value"], 95);
    assert_eq!(json["grade"], "A");
    assert_eq!(
        (json["points"].clone(), json["max_points"].clone()),
        (95.into(), 100.into())
    );
    let entry = |id: &str| {
        json["checks"]
            .as_array()
            .and_then(|c| c.iter().find(|c| c["id"] == id))
            .cloned()
    };
    assert_eq!(
        entry("customer-not-informed"),
        Some(
            serde_json::json!({"id": "customer-not-informed", "status": "failed", "points": 0, "max_points": 5})
        )
    );
    let (consult, _) = check("billing-consult-customer-not-told.json");
    let json = serde_json::to_value(&consult).expect("score is JSON");
    let not_applicable = json["checks"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["id"] == "customer-not-informed"))
        .cloned();
    assert_eq!(
        not_applicable,
        Some(
            serde_json::json!({"id": "customer-not-informed", "status": "not_applicable", "points": 0, "max_points": 0,
            "reason": "A consult keeps the case with you: the customer need not be told about it."})
        )
    );
    assert_eq!(
        (json["value"].clone(), json["max_points"].clone()),
        (100.into(), 95.into())
    );
}

#[test]
fn list_checks_cost_when_no_entry_is_complete() {
    for (name, list, id) in [
        (
            "billing-action-without-outcome.json",
            "actions_taken",
            "action-without-outcome",
        ),
        (
            "billing-next-step-without-owner.json",
            "next_steps",
            "next-step-without-owner",
        ),
    ] {
        // Without the complete entry, only the one without its outcome (owner) is left.
        let mut packet = packet(name);
        packet[list].as_array_mut().expect("a list").remove(0);
        let (score, diagnostics) = Rubric::builtin().score(&packet, &ScoreContext::default());
        let entry = score.checks.iter().find(|c| c.id == id).expect("scored");
        assert_eq!(
            (entry.status, entry.points),
            (CheckStatus::Failed, 0),
            "{name}"
        );
        assert!(
            diagnostics.iter().any(|d| d.code == format!("rubric/{id}")),
            "{name}"
        );
        // And without any entry the check fails outright, with completeness asking for them.
        packet[list] = serde_json::json!([]);
        let (score, diagnostics) = Rubric::builtin().score(&packet, &ScoreContext::default());
        let entry = score.checks.iter().find(|c| c.id == id).expect("scored");
        assert_eq!(entry.points, 0, "{name}");
        let at: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d.path == format!("/{list}"))
            .map(|d| d.code.as_str())
            .collect();
        assert_eq!(at, ["rubric/completeness"], "{name}");
    }
}

#[test]
fn bundle_weights_and_severities_change_the_score() {
    let bundle = serde_json::json!({"weights": {"owner-not-a-person": 40}, "severity": {"owner-not-a-person": "error"}});
    let rubric = Rubric::from_bundle(&bundle, &serde_json::Map::new()).expect("valid rubric");
    let (score, diagnostics) = rubric.score(
        &packet("billing-owner-is-a-team.json"),
        &ScoreContext::default(),
    );
    // 119 points in all (21 for the owner became 40), 40 lost: round(100 × 79 / 119) = 66.
    assert_eq!(score.value, 66);
    assert_eq!(score.grade, Grade::D);
    assert_eq!(diagnostics[0].severity, Severity::Error);
}
