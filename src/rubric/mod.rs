//! The scoring rubric: a dozen quality checks, each in its own file under `checks/`, that
//! together score a handoff 0–100 and say exactly what to fix.
//!
//! A [`Rubric`] is built once from the bundle's `rubric` section and scenarios
//! ([`Rubric::from_bundle`]) and scores any number of packets ([`Rubric::score`]). Packets
//! should be normalised by the [`Vocabulary`] first, so team and scenario words are ids.
//!
//! Scoring (`docs/scoring.md`): each check has a weight (built-in weights add up to 100, see
//! [`registry::ENTRIES`]); a check that applies earns its full weight, a share of it, or
//! nothing, and is `passed` or `failed`. Missing information is a failed check, never "nothing
//! to judge"; a check that truly cannot apply (a consult for `customer-not-informed`, a
//! scenario without known teams for `wrong-team`) is `not_applicable`: it earns nothing and
//! puts nothing at stake. `value = round(100 × points / points at stake)`. Every point lost
//! comes with a reason: a diagnostic `rubric/<check id>`, or, for a missing field another
//! check or the schema already asks for, that diagnostic and the check's `reason`.

pub mod check;
pub mod checks;
pub mod fields;
pub mod plan;
pub mod registry;
pub mod routing;
pub mod settings;
#[cfg(test)]
mod testing;
pub mod weights;
pub mod word_lists;
pub mod wording;
pub mod words;

pub use check::BusinessMinutes;

use crate::diagnostic::{Diagnostic, Source};
use crate::error::{Error, Result};
use crate::report::{CheckScore, Score};
use crate::rules::RuleDoc;
use crate::tape::{Node, Tape};
use crate::vocabulary::{self, Vocabulary};
use check::Input;
use fields::Fields;
use plan::Plan;
use registry::ENTRIES;
use routing::Routing;
use serde_json::{Map, Value};
use settings::Settings;
use std::collections::HashSet;
use weights::{Choice, Weights};

/// Codes this module emits: one per check, then the vocabulary's and the bundle's.
pub const RULES: &[RuleDoc] = &[
    checks::completeness::RULE,
    checks::owner_not_a_person::RULE,
    checks::action_without_outcome::RULE,
    checks::vague_summary::RULE,
    checks::customer_not_informed::RULE,
    checks::promise_not_recorded::RULE,
    checks::document_asked_twice::RULE,
    checks::urgency_below_sentiment::RULE,
    checks::wrong_team::RULE,
    checks::late_handoff::RULE,
    checks::too_much_noise::RULE,
    checks::next_step_without_owner::RULE,
    vocabulary::UNKNOWN_TEAM,
    vocabulary::INVALID_SETTING,
];

/// What the rest of the kit already knows about the packet being scored.
#[derive(Clone, Copy, Default)]
pub struct ScoreContext<'a> {
    /// What the JSON Schema already reported: a check that fails on such a field loses its
    /// points, but gets no second diagnostic (the schema's explains the loss).
    pub schema_diagnostics: &'a [Diagnostic],
    /// The SLA engine's business-time measure: `(from, to)` as Unix seconds → minutes. When `None`
    /// (or when it answers `None`), `late-handoff` uses elapsed calendar minutes.
    pub business_minutes: Option<BusinessMinutes<'a>>,
}

/// A compiled rubric: weights, thresholds, routing and the words for teams.
#[derive(Debug, Clone)]
pub struct Rubric {
    settings: Settings,
    /// The completeness items per scenario, resolved from the settings once.
    completeness: Plan,
    /// The weight sets per scenario, resolved from the settings once.
    weights: Weights,
    routing: Routing,
    vocabulary: Vocabulary,
}

impl Default for Rubric {
    fn default() -> Self {
        let settings = Settings::builtin(ENTRIES);
        Rubric {
            completeness: Plan::new(&settings),
            weights: Weights::new(&settings),
            settings,
            routing: Routing::default(),
            vocabulary: Vocabulary::builtin(),
        }
    }
}

impl Rubric {
    /// The built-in rubric.
    pub fn builtin() -> Rubric {
        Rubric::default()
    }

    /// The rubric from the bundle's `rubric` section (`Value::Null` when absent) and its
    /// `scenarios` (whose `teams` extend or override which teams fit each scenario). A setting
    /// that cannot be used is an error of kind `bundle` whose diagnostics point inside the bundle.
    pub fn from_bundle(rubric: &Value, scenarios: &Map<String, Value>) -> Result<Rubric> {
        let mut problems = Vec::new();
        let settings = Settings::from_bundle(rubric, ENTRIES, &mut problems);
        let routing = Routing::from_bundle(scenarios, &mut problems);
        let weights = Weights::new(&settings);
        let known = |s: &str| crate::scenario::is_builtin(s) || scenarios.contains_key(s);
        weights.check_rules(&settings, known, &mut problems);
        if !problems.is_empty() {
            let summary: Vec<&str> = problems.iter().map(|d| d.message.as_str()).collect();
            return Err(Error::new(
                "bundle",
                format!("The bundle's rubric cannot be used: {}", summary.join(" ")),
            )
            .with_diagnostics(problems));
        }
        let vocabulary = Vocabulary::from_bundle(&Value::Null, scenarios).unwrap_or_default();
        Ok(Rubric {
            completeness: Plan::new(&settings),
            weights,
            settings,
            routing,
            vocabulary,
        })
    }

    /// The same rubric reading team words with the organisation's vocabulary (used by
    /// `owner-not-a-person` to recognise team names and by `wrong-team` to compare teams).
    #[must_use]
    pub fn with_vocabulary(mut self, vocabulary: &Vocabulary) -> Rubric {
        self.vocabulary = vocabulary.clone();
        self
    }

    /// The settings in force (weights, thresholds, severities).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Scores one packet: the score with one entry per check that runs, and the diagnostics
    /// that explain every point lost (in check order). A packet nested deeper than a parsed
    /// document can be (127 containers) is scored as if it were empty.
    pub fn score(&self, packet: &Value, ctx: &ScoreContext) -> (Score, Vec<Diagnostic>) {
        crate::tape::with_value(packet, |packet| self.score_node(packet, ctx))
            .unwrap_or_else(|| self.score_node(Tape::empty_object().root(), ctx))
    }

    /// [`Rubric::score`] for a packet read in place (the kit's path).
    pub fn score_node(&self, packet: Node<'_>, ctx: &ScoreContext) -> (Score, Vec<Diagnostic>) {
        let input = Input {
            fields: Fields::read(packet),
            settings: &self.settings,
            completeness: &self.completeness,
            routing: &self.routing,
            vocabulary: &self.vocabulary,
            schema_diagnostics: ctx.schema_diagnostics,
            business_minutes: ctx.business_minutes,
        };
        // Every check runs once; the weights only decide what its verdict is worth.
        let verdicts: Vec<_> = ENTRIES
            .iter()
            .zip(&self.settings.checks)
            .enumerate()
            .filter(|(_, (_, setting))| setting.enabled)
            .map(|(index, (entry, setting))| (index, entry, setting, entry.check.run(&input)))
            .collect();
        let tally = |weights: &[u32]| {
            verdicts.iter().fold((0u32, 0u32), |(p, m), (i, _, _, v)| {
                let at_stake = if v.applies { weights[*i] } else { 0 };
                (p + v.points(weights[*i]), m + at_stake)
            })
        };
        let weights = match self.weights.choose(input.scenario()) {
            Choice::One(weights) => weights,
            // No scenario: the set that scores it lowest (docs/scoring.md, rule 3).
            Choice::Lowest(sets) => sets
                .into_iter()
                .min_by_key(|set| {
                    let (p, m) = tally(set);
                    (Score::uncapped(p, m, Vec::new()).uncapped_value, p)
                })
                .unwrap_or(&[]),
        };
        // Which findings get a diagnostic, decided against indexes of what the schema and the
        // checks before reported: each finding asks them once per part of its path. (Asking
        // every report for every finding was quadratic: a note of 48,000 list items made as
        // many findings and reports.) The indexes borrow the paths, so they are decided before
        // the findings move into diagnostics; a copy of each path fragmented the heap.
        let covered: Vec<bool> = {
            let schema_paths = input.schema_paths();
            let mut rubric_paths: HashSet<&str> = HashSet::new();
            let findings = verdicts.iter().flat_map(|(.., verdict)| &verdict.findings);
            findings
                .map(|f| {
                    // A finding at a field the schema already reported costs its points but
                    // gets no second diagnostic: the schema's says why. Likewise a missing
                    // field that an earlier check (completeness) already asked for.
                    let covered = check::covered(&f.path, &schema_paths)
                        || (f.missing && check::covered(&f.path, &rubric_paths));
                    if !covered {
                        rubric_paths.insert(&f.path);
                    }
                    covered
                })
                .collect()
        };
        let mut covered = covered.into_iter();
        let mut checks = Vec::with_capacity(verdicts.len());
        let mut diagnostics: Vec<Diagnostic> = Vec::new();
        let (mut points, mut max_points) = (0u32, 0u32);
        for (index, entry, setting, verdict) in verdicts {
            let weight = weights.get(index).copied().unwrap_or(setting.weight);
            let status = verdict.status();
            let earned = verdict.points(weight);
            let at_stake = if verdict.applies { weight } else { 0 };
            points += earned;
            max_points += at_stake;
            for f in verdict.findings {
                if covered.next() == Some(true) {
                    continue;
                }
                diagnostics.push(
                    Diagnostic::new(
                        entry.rule.code,
                        setting.severity,
                        Source::Rubric,
                        f.path,
                        f.message,
                    )
                    .with_hint(f.hint),
                );
            }
            checks.push(CheckScore {
                id: setting.id.into(),
                status,
                points: earned,
                max_points: at_stake,
                reason: verdict.reason,
            });
        }
        // The report caps it when it has an error (`Score::with_readiness`).
        let score = Score::uncapped(points, max_points, checks);
        (score, diagnostics)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn registry_and_rules_agree() {
        for entry in ENTRIES {
            assert!(
                RULES.iter().any(|r| r.code == entry.rule.code),
                "{} missing from RULES",
                entry.rule.code
            );
        }
        assert!(RULES
            .iter()
            .all(|r| r.source == Source::Rubric && r.code.starts_with("rubric/")));
    }

    #[test]
    fn empty_object_scores_without_panicking() {
        let (score, diagnostics) = Rubric::builtin().score(&json!({}), &ScoreContext::default());
        assert_eq!((score.value, score.points), (0, 0));
        assert!(!diagnostics.is_empty());
        assert_eq!(score.checks.len(), ENTRIES.len());
    }

    #[test]
    fn what_the_schema_reported_costs_points_once_without_a_second_diagnostic() {
        use crate::diagnostic::Severity;
        let reported = [
            Diagnostic::new(
                "schema/required",
                Severity::Error,
                Source::Schema,
                "/owner",
                "Add the owner.",
            ),
            Diagnostic::new(
                "schema/required",
                Severity::Error,
                Source::Schema,
                "/customer",
                "Add the customer.",
            ),
        ];
        let rubric = Rubric::builtin();
        let context = ScoreContext {
            schema_diagnostics: &reported,
            business_minutes: None,
        };
        let (without_owner, diagnostics) = rubric.score(&json!({}), &context);
        let owner = without_owner
            .checks
            .iter()
            .find(|c| c.id == "owner-not-a-person")
            .unwrap();
        assert_eq!(
            owner.points, 0,
            "a missing owner still costs the owner check's points"
        );
        assert!(
            diagnostics
                .iter()
                .all(|d| !d.path.starts_with("/owner") && !d.path.starts_with("/customer")),
            "no second diagnostic where the schema already spoke: {diagnostics:?}"
        );
        assert!(diagnostics.iter().any(|d| d.path == "/actions_taken"));
        let (with_owner, _) = rubric.score(
            &json!({"owner": {"name": "Dana Kim"}}),
            &ScoreContext::default(),
        );
        assert!(with_owner.value > without_owner.value);
    }

    #[test]
    fn disabled_checks_leave_the_score() {
        let rubric =
            Rubric::from_bundle(&json!({"disabled": ["completeness"]}), &Map::new()).unwrap();
        let (score, diagnostics) = rubric.score(&json!({}), &ScoreContext::default());
        assert!(score.checks.iter().all(|c| c.id != "completeness"));
        assert!(diagnostics.iter().all(|d| d.code != "rubric/completeness"));
        assert_eq!(score.checks.iter().map(|c| c.max_points).sum::<u32>(), 76);
        assert_eq!(score.max_points, 76);
    }

    #[test]
    fn not_applicable_checks_leave_the_denominator() {
        use crate::report::CheckStatus;
        // A consult whose customer was not told: customer-not-informed does not apply.
        let packet = json!({"handoff": {"mode": "consult", "scenario": "legal_review", "to": {"team": "legal"}},
            "owner": {"name": "Dana Kim"}, "summary": "Charged twice (€49) for INV-2211 on 3 Nov."});
        let (score, _) = Rubric::builtin().score(&packet, &ScoreContext::default());
        let na: Vec<&str> = score
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::NotApplicable)
            .map(|c| c.id.as_ref())
            .collect();
        assert_eq!(
            na,
            [
                "customer-not-informed",
                "document-asked-twice",
                "wrong-team"
            ]
        );
        for c in score
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::NotApplicable)
        {
            assert_eq!((c.points, c.max_points), (0, 0), "{}", c.id);
            assert!(c.reason.is_some(), "{}", c.id);
        }
        assert_eq!(score.max_points, 100 - 5 - 21);
        assert_eq!(
            score.points,
            score.checks.iter().map(|c| c.points).sum::<u32>()
        );
        let expected = (200 * score.points + score.max_points) / (2 * score.max_points);
        assert_eq!(score.value, expected);
    }

    #[test]
    fn a_missing_field_is_asked_for_once() {
        let (score, diagnostics) = Rubric::builtin().score(&json!({}), &ScoreContext::default());
        assert_eq!(score.value, 0);
        for path in [
            "/summary",
            "/actions_taken",
            "/customer/sentiment",
            "/next_steps",
        ] {
            let at: Vec<&str> = diagnostics
                .iter()
                .filter(|d| d.path == path)
                .map(|d| d.code.as_str())
                .collect();
            assert_eq!(at, ["rubric/completeness"], "{path}");
        }
        let vague = score
            .checks
            .iter()
            .find(|c| c.id == "vague-summary")
            .unwrap();
        assert_eq!(vague.points, 0);
        assert!(vague
            .reason
            .as_deref()
            .is_some_and(|r| r.starts_with("There is no summary")));
    }

    #[test]
    fn bad_bundle_is_a_bundle_error() {
        let err = Rubric::from_bundle(&json!({"weights": {"nope": 1}}), &Map::new()).unwrap_err();
        assert_eq!(err.kind, "bundle");
        assert_eq!(err.diagnostics[0].path, "/rubric/weights/nope");
    }
}
