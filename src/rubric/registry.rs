//! The registry: every rubric check, its documentation and its built-in weight, in the order
//! the score lists them. What a check is ([`Check`], [`Input`](super::check::Input),
//! [`Verdict`](super::check::Verdict)) is in [`check`](super::check).

use crate::rubric::check::Check;
use crate::rubric::checks::{
    action_without_outcome, completeness, customer_not_informed, document_asked_twice,
    late_handoff, next_step_without_owner, owner_not_a_person, promise_not_recorded,
    too_much_noise, urgency_below_sentiment, vague_summary, wrong_team,
};
use crate::rubric::settings::{CheckSetting, Registered};
use crate::rules::RuleDoc;

/// A registered check: its rule (code `rubric/<id>`, What / Why / Example), built-in weight
/// and implementation.
pub struct Entry {
    pub rule: &'static RuleDoc,
    pub weight: u32,
    pub check: &'static dyn Check,
}

impl Entry {
    /// The check's id: its code without `rubric/`.
    pub fn id(&self) -> &'static str {
        self.rule
            .code
            .strip_prefix("rubric/")
            .unwrap_or(self.rule.code)
    }
}

impl Registered for Entry {
    fn builtin(&self) -> CheckSetting {
        CheckSetting {
            id: self.id(),
            weight: self.weight,
            severity: self.rule.severity,
            enabled: true,
        }
    }
}

/// Every check, in score order. Built-in weights add up to 100.
pub static ENTRIES: &[Entry] = &[
    Entry {
        rule: &completeness::RULE,
        weight: 24,
        check: &completeness::Completeness,
    },
    Entry {
        rule: &owner_not_a_person::RULE,
        weight: 21,
        check: &owner_not_a_person::OwnerNotAPerson,
    },
    Entry {
        rule: &action_without_outcome::RULE,
        weight: 8,
        check: &action_without_outcome::ActionWithoutOutcome,
    },
    Entry {
        rule: &vague_summary::RULE,
        weight: 8,
        check: &vague_summary::VagueSummary,
    },
    Entry {
        rule: &customer_not_informed::RULE,
        weight: 5,
        check: &customer_not_informed::CustomerNotInformed,
    },
    Entry {
        rule: &promise_not_recorded::RULE,
        weight: 4,
        check: &promise_not_recorded::PromiseNotRecorded,
    },
    Entry {
        rule: &document_asked_twice::RULE,
        // Reported, not scored: see the check's doc comment and docs/scoring.md.
        weight: 0,
        check: &document_asked_twice::DocumentAskedTwice,
    },
    Entry {
        rule: &urgency_below_sentiment::RULE,
        weight: 5,
        check: &urgency_below_sentiment::UrgencyBelowSentiment,
    },
    Entry {
        rule: &wrong_team::RULE,
        weight: 21,
        check: &wrong_team::WrongTeam,
    },
    Entry {
        rule: &late_handoff::RULE,
        weight: 2,
        check: &late_handoff::LateHandoff,
    },
    Entry {
        rule: &too_much_noise::RULE,
        weight: 1,
        check: &too_much_noise::TooMuchNoise,
    },
    Entry {
        rule: &next_step_without_owner::RULE,
        weight: 1,
        check: &next_step_without_owner::NextStepWithoutOwner,
    },
];

/// Built-in weights per scenario, where a check matters more or less to the receiving team than
/// the default weight says (calibrated against `tests/scoring/`, docs/scoring.md). A check not
/// listed keeps its weight from [`ENTRIES`]; a bundle's `rubric.weights` beats these. Each set
/// still adds up to 100 (the points move to or from `completeness`).
#[rustfmt::skip]
pub static SCENARIO_WEIGHTS: &[(&str, &[(&str, u32)])] = &[
    // A closed deal has nothing "tried": no actions is not a gap for customer success.
    ("sales_to_success", &[("action-without-outcome", 0), ("completeness", 32)]),
    // The agent picks up the live chat at once: the bot promises nothing and the next step is
    // the agent's reply.
    ("bot_to_human", &[("promise-not-recorded", 0), ("next-step-without-owner", 0), ("completeness", 29)]),
    // What tier 1 tried and what it showed is the escalation: without outcomes tier 2 redoes it.
    ("tier1_to_tier2", &[("action-without-outcome", 16), ("completeness", 20), ("vague-summary", 4)]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Source};
    use crate::rubric::check::Input;
    use crate::rubric::fields::Fields;
    use crate::rubric::plan::Plan;
    use crate::rubric::routing::Routing;
    use crate::rubric::settings::Settings;
    use crate::vocabulary::Vocabulary;

    #[test]
    fn builtin_weights_sum_to_100_and_ids_are_unique() {
        assert_eq!(ENTRIES.iter().map(|e| e.weight).sum::<u32>(), 100);
        for (scenario, changes) in SCENARIO_WEIGHTS {
            assert!(crate::scenario::is_builtin(scenario), "{scenario}");
            let total: u32 = ENTRIES
                .iter()
                .map(|e| {
                    changes
                        .iter()
                        .find(|(id, _)| *id == e.id())
                        .map_or(e.weight, |(_, w)| *w)
                })
                .sum();
            assert_eq!(total, 100, "{scenario}");
            assert!(changes
                .iter()
                .all(|(id, _)| ENTRIES.iter().any(|e| e.id() == *id)));
        }
        let mut ids: Vec<&str> = ENTRIES.iter().map(Entry::id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ENTRIES.len());
        assert!(ENTRIES.iter().all(|e| e.rule.code.starts_with("rubric/")));
    }

    #[test]
    fn schema_reports_cover_their_children_only() {
        let settings = Settings::builtin(ENTRIES);
        let routing = Routing::default();
        let vocabulary = Vocabulary::builtin();
        let reported = [Diagnostic::new(
            "schema/required",
            crate::diagnostic::Severity::Error,
            Source::Schema,
            "/customer",
            "Add the customer.",
        )];
        let plan = Plan::new(&settings);
        let null = crate::tape::Tape::parse("null").unwrap();
        let input = Input {
            fields: Fields::read(null.root()),
            settings: &settings,
            completeness: &plan,
            routing: &routing,
            vocabulary: &vocabulary,
            schema_diagnostics: &reported,
            business_minutes: None,
        };
        assert!(input.reported_by_schema("/customer"));
        assert!(input.reported_by_schema("/customer/sentiment"));
        assert!(!input.reported_by_schema("/customers"));
        assert!(!input.reported_by_schema("/summary"));
    }
}
