//! Properties of the score over many generated handoffs:
//!
//! 1. Every lost point has a diagnostic that says why (and a passed check says nothing).
//! 2. Adding missing context never lowers the score. "Context" is a field the packet lacks,
//!    filled with a good value: a named owner, a specific summary, an action with its result,
//!    a next step with its owner, a calm-to-concerned mood, an urgency of `urgent`, times that
//!    meet the handoff target, documents the agent provided, the scenario's own fields. (A
//!    value that reveals a problem — an angry mood on a standard-urgency handoff, a handoff
//!    two hours late — may lower the score: that is the point of the check.)
//! 3. The same packet always gets the same score, whatever its key order and however often.
//! 4. Any JSON at any field scores without panicking, within 0–100.

mod rubric_handoffs;

use handoff_kit::rubric::{Rubric, ScoreContext};
use handoff_kit::Source;
use proptest::prelude::*;
use proptest::sample::select;
use rubric_handoffs::{additions, build, junk, set, spec};
use serde_json::Value;

fn score(packet: &Value) -> (handoff_kit::Score, Vec<handoff_kit::Diagnostic>) {
    Rubric::builtin().score(packet, &ScoreContext::default())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_lost_point_has_a_diagnostic(spec in spec()) {
        let packet = build(&spec);
        let (score, diagnostics) = score(&packet);
        for check in &score.checks {
            let reasons = diagnostics.iter().filter(|d| d.code == format!("rubric/{}", check.id)).count();
            prop_assert!(check.points <= check.max_points);
            // A missing field another check (or the schema) already asks for is said once;
            // the check's own reason says why it lost its points (docs/scoring.md).
            let explained = reasons > 0 || check.reason.is_some();
            if check.points < check.max_points {
                prop_assert!(explained, "{} lost points without a reason in {packet}", check.id);
            }
            use handoff_kit::report::CheckStatus;
            match check.status {
                CheckStatus::Passed => prop_assert_eq!(check.points, check.max_points),
                CheckStatus::Failed => prop_assert!(explained, "{} failed without a reason", check.id),
                CheckStatus::NotApplicable => prop_assert!(check.max_points == 0 && check.reason.is_some()),
            }
        }
        for d in &diagnostics {
            prop_assert_eq!(d.source, Source::Rubric);
            prop_assert!(d.path.starts_with('/'));
            prop_assert!(d.hint.is_some());
        }
        let points: u32 = score.checks.iter().map(|c| c.points).sum();
        let at_stake: u32 = score.checks.iter().map(|c| c.max_points).sum();
        prop_assert_eq!((score.points, score.max_points), (points, at_stake));
        prop_assert_eq!(score.value, (200 * points + at_stake) / (2 * at_stake.max(1)));
    }

    #[test]
    fn adding_missing_context_never_lowers_the_score(spec in spec()) {
        let packet = build(&spec);
        let (before, _) = score(&packet);
        for (pointer, value) in additions(&packet) {
            let mut richer = packet.clone();
            set(&mut richer, &pointer, value.clone());
            let (after, diagnostics) = score(&richer);
            prop_assert!(after.value >= before.value,
                "adding {pointer} = {value} lowered the score from {} to {}: {diagnostics:#?}\n{packet}", before.value, after.value);
        }
    }

    #[test]
    fn the_same_packet_always_gets_the_same_score(spec in spec()) {
        let packet = build(&spec);
        let first = score(&packet);
        prop_assert_eq!(&first, &score(&packet));
        // Re-parsed text (another key order) and another rubric instance give the same answer.
        let reparsed: Value = serde_json::from_str(&serde_json::to_string_pretty(&packet).unwrap_or_default()).unwrap_or(Value::Null);
        let other = Rubric::from_bundle(&Value::Null, &serde_json::Map::new()).map(|r| r.score(&reparsed, &ScoreContext::default()));
        prop_assert_eq!(Ok(first), other.map_err(|e| e.message));
    }

    #[test]
    fn any_json_at_any_field_scores_without_panicking(spec in spec(), field in select(vec![
        "", "/owner", "/owner/name", "/summary", "/actions_taken", "/actions_taken/0", "/customer",
        "/customer/sentiment", "/next_steps", "/documents", "/handoff", "/handoff/at", "/urgency", "/billing",
    ]), junk in junk()) {
        let mut packet = build(&spec);
        if field.is_empty() {
            packet = junk;
        } else {
            set(&mut packet, field, junk);
        }
        let (score, _) = score(&packet);
        prop_assert!(score.value <= 100);
    }
}
