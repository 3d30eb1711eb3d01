//! `handoff audit`'s library: exact figures on a generated export whose answers are known
//! (bench/audit_export.rs), partial summaries that merge to the whole, bad lines with their
//! numbers.

#[path = "../bench/audit_export.rs"]
mod export;

use export::{generate, median, Expected, Options};
use handoff_kit::audit::{self, AuditReport, Auditor, By, Partial, Summary};
use handoff_kit::report::CheckStatus;
use handoff_kit::{CheckOptions, Kit};

fn export(tickets: u64, seed: u64, bad_every: u64) -> (String, Expected) {
    let mut out = Vec::new();
    let expected = generate(
        &Options {
            tickets,
            seed,
            bad_every,
        },
        &mut out,
    )
    .unwrap();
    (String::from_utf8(out).unwrap(), expected)
}

fn summary_of(files: &[(&str, &str)]) -> Summary {
    let mut auditor = Auditor::new(Kit::builtin().unwrap());
    for (name, text) in files {
        auditor.start_file(name);
        auditor.push_text(text.trim_end_matches('\n'));
    }
    auditor.finish()
}

fn report(summary: &Summary) -> AuditReport {
    AuditReport::new(summary, By::Team, "built-in@test")
}

#[test]
fn generator_variants_are_judged_as_the_generator_says() {
    let kit = Kit::builtin().unwrap();
    for (i, (_, name, score, failed)) in export::VARIANTS.iter().enumerate() {
        let report = kit
            .check(export::variant_packet(i), &CheckOptions::default())
            .unwrap();
        let score_got = report.score.as_ref().unwrap();
        let failed_got: Vec<&str> = score_got
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::Failed)
            .map(|c| c.id.as_ref())
            .collect();
        assert_eq!(i64::from(score_got.value), *score, "variant {i} {name}");
        assert_eq!(failed_got, failed.to_vec(), "variant {i} {name}");
    }
}

#[test]
fn audit_of_a_generated_export_gives_its_known_figures() {
    let (text, e) = export(240, 7, 50);
    let summary = summary_of(&[("export.ndjson", &text)]);
    let r = report(&summary);
    assert_eq!(r.lines, e.lines);
    assert_eq!(r.handoffs, e.handoffs);
    assert_eq!(r.direct_tickets, e.direct);
    assert_eq!(r.bad_lines.count, e.bad_lines.len() as u64);
    let bad: Vec<u64> = r.bad_lines.examples.iter().map(|b| b.line).collect();
    assert_eq!(bad, e.bad_lines);
    // Touches per ticket.
    assert_eq!(r.tickets.handed_off, e.handed_off_tickets);
    let touches: Vec<(i64, u64)> = e.touches.iter().map(|(t, n)| (*t as i64, *n)).collect();
    assert_eq!(r.tickets.touches_histogram, touches);
    // Re-opens and CSAT.
    assert_eq!(r.tickets.reopened, e.reopened);
    assert_eq!(r.tickets.reopen_known, e.reopen_known);
    assert_eq!(r.tickets.direct_reopened, e.direct_reopened);
    assert_eq!(r.csat.handed_off.count, e.csat_handed_off.len() as u64);
    assert_eq!(r.csat.handed_off.median, median(&e.csat_handed_off));
    assert_eq!(r.csat.direct.count, e.csat_direct.len() as u64);
    assert_eq!(r.csat.direct.median, median(&e.csat_direct));
    // Time to first transfer.
    assert_eq!(r.time_to_transfer.count, e.transfer_minutes.len() as u64);
    assert_eq!(r.time_to_transfer.median, median(&e.transfer_minutes));
    // Scores and readiness.
    assert_eq!(r.score.median, median(&e.scores));
    assert_eq!(r.score.not_ready, e.not_ready);
    // The internal SLA on each team's calendar.
    assert_eq!(r.sla.met, e.met);
    assert_eq!(r.sla.breached, e.breached);
    assert_eq!(r.sla.no_action, e.no_action);
    assert_eq!(r.sla.broke_customer_deadline, e.broke_customer);
    assert_eq!(r.sla.median_margin_minutes, median(&e.margins));
    // The checks that fail, with the first line each failed on.
    for check in &r.checks {
        assert_eq!(
            check.failed,
            e.failed.get(&check.id).copied().unwrap_or(0),
            "{}",
            check.id
        );
        if check.failed > 0 {
            let example = check.example.as_ref().unwrap();
            assert_eq!(example.line, e.first_failure[&check.id], "{}", check.id);
        }
    }
    assert_eq!(r.silent_transfers, e.silent);
    assert_eq!(r.documents_asked_twice, e.asked_twice);
    for team in &r.teams {
        assert_eq!(team.handoffs, e.team_handoffs[&team.key], "{}", team.key);
    }
}

#[test]
fn small_export_exact_figures() {
    // One small export (seed 3, 40 tickets, 73 lines), its figures written out: the generator's
    // own counts agree (the test above), and these pin what the report says.
    let (text, _) = export(40, 3, 0);
    let r = report(&summary_of(&[("small.ndjson", &text)]));
    assert_eq!((r.lines, r.handoffs, r.direct_tickets), (73, 69, 4));
    assert_eq!(r.tickets.touches_histogram, [(1, 12), (2, 15), (3, 9)]);
    assert_eq!(r.tickets.touches.median, Some(2));
    assert_eq!(r.tickets.touches.mean, Some(1.92));
    assert_eq!((r.tickets.reopened, r.tickets.reopen_known), (9, 36));
    assert_eq!(r.tickets.reopen_rate, Some(0.25));
    assert_eq!(
        (
            r.sla.met,
            r.sla.breached,
            r.sla.no_action,
            r.sla.broke_customer_deadline
        ),
        (38, 11, 20, 8)
    );
    assert_eq!(r.sla.attainment, Some(0.7755));
    assert_eq!(r.sla.median_margin_minutes, Some(180));
    let finance = r.teams.iter().find(|t| t.key == "finance").unwrap();
    assert_eq!(
        (finance.handoffs, finance.sla.met, finance.sla.breached),
        (45, 23, 8)
    );
    let top: Vec<(&str, u64)> = r
        .checks
        .iter()
        .map(|c| (c.id.as_str(), c.failed))
        .take(5)
        .collect();
    assert_eq!(
        top,
        [
            ("completeness", 24),
            ("customer-not-informed", 21),
            ("document-asked-twice", 18),
            ("next-step-without-owner", 17),
            ("owner-not-a-person", 15)
        ]
    );
    assert_eq!(r.score.median, Some(91));
    assert_eq!(r.score.grades.list().map(|(_, n)| n), [36, 0, 15, 18, 0]);
    assert_eq!(r.time_to_transfer.median, Some(123));
    assert_eq!(
        (r.csat.handed_off.mean, r.csat.direct.mean),
        (Some(2.89), Some(4.5))
    );
    assert_eq!((r.silent_transfers, r.documents_asked_twice), (21, 18));
}

#[test]
fn parallel_stream_equals_one_line_at_a_time() {
    let (text, _) = export(3000, 11, 400);
    let kit = Kit::builtin().unwrap();
    let streamed = audit::read_lines(
        &kit,
        "big.ndjson",
        std::io::Cursor::new(text.clone()),
        |_| {},
    )
    .unwrap();
    let serial = summary_of(&[("big.ndjson", &text)]);
    assert_eq!(streamed, serial);
}

#[test]
fn merged_partials_equal_the_audit_of_all_input() {
    let (a, _) = export(150, 21, 40);
    let (b, _) = export(170, 22, 0);
    let whole = summary_of(&[("a.ndjson", &a), ("b.ndjson", &b)]);
    let label = "built-in@test".to_string();
    let parts: Vec<(String, Partial)> = [("a.ndjson", &a), ("b.ndjson", &b)]
        .iter()
        .rev()
        .map(|(name, text)| {
            let partial = Partial::new(label.clone(), summary_of(&[(name, text)]));
            let json = serde_json::to_string(&partial).unwrap();
            (name.to_string(), Partial::from_json(name, &json).unwrap())
        })
        .collect();
    let merged = Partial::merge_all(parts).unwrap();
    assert_eq!(merged.summary, whole);
    for by in [By::Team, By::Scenario, By::Agent, By::Week] {
        let one = serde_json::to_string(&AuditReport::new(&whole, by, &label)).unwrap();
        let two = serde_json::to_string(&AuditReport::new(&merged.summary, by, &label)).unwrap();
        assert_eq!(one, two);
    }
}

#[test]
fn bad_lines_are_counted_with_their_numbers_and_never_stop_the_run() {
    let good = export(2, 5, 0).0;
    let good: Vec<&str> = good.lines().collect();
    let text = [
        good[0],
        "",
        "{not json",
        "[1, 2]",
        r#"{"ticket": {"id": "x"}, "csat": 0}"#,
        r#"{"ticket": {"id": "x"}, "received_at": "yesterday"}"#,
        r#"{"ticket": {"id": "x"}, "reopened": "yes"}"#,
        good[1],
    ]
    .join("\n");
    let summary = summary_of(&[("mixed.ndjson", &text)]);
    assert_eq!(summary.bad, 5);
    let lines: Vec<u64> = summary.bad_examples.iter().map(|b| b.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7]);
    assert!(
        summary.bad_examples[0].message.contains("line 1"),
        "{:?}",
        summary.bad_examples[0]
    );
    assert!(summary.bad_examples[2].message.contains("csat"));
    assert_eq!(summary.lines, 7);
}

#[test]
fn partial_from_another_bundle_is_refused() {
    let one = Partial::new("a@1".into(), Summary::default());
    let two = Partial::new("b@1".into(), Summary::default());
    let err = Partial::merge_all(vec![("one".into(), one), ("two".into(), two)]).unwrap_err();
    assert!(err.message.contains("same bundle"), "{}", err.message);
    assert!(Partial::from_json("x", r#"{"kind": "audit"}"#).is_err());
}

#[test]
fn report_and_records_follow_their_schemas() {
    use handoff_kit::schema::SchemaStore;
    let store = SchemaStore::builtin();
    let schema = |id: &str| {
        let schema = store
            .get(&format!("https://handoff-kit.dev/schemas/{id}"))
            .unwrap();
        handoff_kit::Validator::new(schema, store).unwrap()
    };
    let (text, _) = export(60, 9, 20);
    let r = report(&summary_of(&[("x.ndjson", &text)]));
    let value = serde_json::to_value(&r).unwrap();
    let diagnostics = schema("audit.schema.json").validate(&value).unwrap();
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let records = schema("audit-record.schema.json");
    let mut direct = 0;
    for line in text
        .lines()
        .filter(|l| !l.contains("broken") && !l.contains("bad-csat"))
    {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        direct += usize::from(value["direct"] == true);
        let errors: Vec<_> = records
            .validate(&value)
            .unwrap()
            .into_iter()
            .filter(|d| d.is_error())
            .collect();
        assert!(errors.is_empty(), "{line}: {errors:?}");
    }
    assert!(direct > 0);
    let bad: serde_json::Value =
        serde_json::json!({"ticket": {"id": "x"}, "csat": 9, "direct": true});
    assert!(!records.validate(&bad).unwrap().is_empty());
}
