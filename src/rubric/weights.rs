//! Weights per scenario: what each check is worth in each kind of handoff, resolved once when
//! the rubric is built.
//!
//! A check's weight for a packet of scenario `s` is, first found: the bundle's
//! `rubric.scenario_weights.s.<check>`, the bundle's `rubric.weights.<check>`, the built-in
//! weight for `s` ([`SCENARIO_WEIGHTS`](super::registry::SCENARIO_WEIGHTS)), the built-in
//! weight. A packet whose scenario has no weights of its own uses the default set (the last
//! two steps without `s`). A packet **without** a scenario is scored with every set and keeps
//! the lowest score, as `completeness` holds it to the strictest scenario: deleting the scenario
//! can then never raise a score (`docs/scoring.md`, rule 3).
//!
//! Rules a bundle's weights must keep (checked when the bundle loads, each a `bundle` error
//! naming the path): whole numbers 0–100; `document-asked-twice` stays 0 (it cannot cost
//! points without breaking rule 3: its finding makes the handoff not ready instead); every set
//! gives the checks that run more than 0 points in all; scenarios are ones the kit knows; and a
//! handoff with nothing but a one-line summary ("ok") earns at most a fifth of any set's points
//! (what `too-much-noise` gives a summary without noise, plus the summary's share of
//! `completeness`), so a handoff without content stays at F (rule 3's "near zero").

use crate::diagnostic::{pointer_join, Diagnostic};
use crate::rubric::plan::Plan;
use crate::rubric::registry::SCENARIO_WEIGHTS;
use crate::rubric::settings::Settings;
use crate::vocabulary::invalid;
use std::collections::BTreeMap;

/// The check whose weight must stay 0 (`docs/scoring.md`, "Why the rules look the way they do").
pub const UNSCORED: &str = "document-asked-twice";

/// The weight sets: one per scenario with weights of its own, and the default.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// Aligned with `Settings::checks`.
    default: Vec<u32>,
    by_scenario: BTreeMap<String, Vec<u32>>,
}

/// Which weights score a packet.
pub enum Choice<'a> {
    /// The set of its scenario (or the default set).
    One(&'a [u32]),
    /// No scenario: every set, keeping the lowest score.
    Lowest(Vec<&'a [u32]>),
}

impl Weights {
    /// Resolves every set from the built-in weights and the bundle's settings.
    pub fn new(settings: &Settings) -> Weights {
        let default: Vec<u32> = settings.checks.iter().map(|c| c.weight).collect();
        let scenarios = SCENARIO_WEIGHTS
            .iter()
            .map(|(s, _)| *s)
            .chain(settings.scenario_weights.keys().map(String::as_str));
        let by_scenario = scenarios
            .map(|scenario| {
                let builtin = SCENARIO_WEIGHTS
                    .iter()
                    .find(|(s, _)| *s == scenario)
                    .map_or(&[][..], |(_, w)| *w);
                let configured = settings.scenario_weights.get(scenario);
                let set = settings
                    .checks
                    .iter()
                    .zip(&default)
                    .map(|(check, default)| {
                        let from = |list: &[(&str, u32)]| {
                            list.iter().find(|(id, _)| *id == check.id).map(|(_, w)| *w)
                        };
                        configured
                            .and_then(|c| c.iter().find(|(id, _)| *id == check.id))
                            .map(|(_, w)| *w)
                            .or_else(|| settings.weight_configured(check.id).then_some(*default))
                            .or_else(|| from(builtin))
                            .unwrap_or(*default)
                    })
                    .collect();
                (scenario.to_string(), set)
            })
            .collect();
        Weights {
            default,
            by_scenario,
        }
    }

    /// The weights for a packet of this scenario.
    pub fn choose(&self, scenario: Option<&str>) -> Choice<'_> {
        match scenario {
            Some(s) => Choice::One(self.by_scenario.get(s).unwrap_or(&self.default)),
            None => Choice::Lowest(
                std::iter::once(self.default.as_slice())
                    .chain(self.by_scenario.values().map(Vec::as_slice))
                    .collect(),
            ),
        }
    }

    /// The set for this scenario (the default set for one without weights of its own).
    pub fn of(&self, scenario: &str) -> &[u32] {
        self.by_scenario.get(scenario).unwrap_or(&self.default)
    }

    /// The rules every set must keep; `known` says whether a scenario exists.
    pub fn check_rules(
        &self,
        settings: &Settings,
        known: impl Fn(&str) -> bool,
        problems: &mut Vec<Diagnostic>,
    ) {
        let enabled_total = |set: &[u32]| -> u32 {
            settings
                .checks
                .iter()
                .zip(set)
                .filter(|(c, _)| c.enabled)
                .map(|(_, w)| *w)
                .sum()
        };
        if settings.weight_configured(UNSCORED)
            && settings.check(UNSCORED).map(|c| c.weight) != Some(0)
        {
            problems.push(unscored(&pointer_join("/rubric/weights", UNSCORED)));
        }
        // The most a lone summary can earn of completeness: its item's largest share in any plan.
        let plan = Plan::new(settings);
        let summary_share = plan
            .shares(&mut |i| i.pointer == "/summary")
            .into_iter()
            .map(|(summary, all)| f64::from(summary) / f64::from(all.max(1)))
            .fold(0.0, f64::max);
        let weight_in = |set: &[u32], id: &str| -> f64 {
            settings
                .checks
                .iter()
                .zip(set)
                .find(|(c, _)| c.id == id && c.enabled)
                .map_or(0.0, |(_, w)| f64::from(*w))
        };
        let lone_summary_too_rich = |set: &[u32]| {
            let earned =
                weight_in(set, "too-much-noise") + weight_in(set, "completeness") * summary_share;
            let total = f64::from(enabled_total(set));
            total > 0.0 && earned > total / 5.0
        };
        if lone_summary_too_rich(&self.default) {
            problems.push(lone_summary("/rubric/weights"));
        }
        for (scenario, changes) in &settings.scenario_weights {
            let path = pointer_join("/rubric/scenario_weights", scenario);
            if !known(scenario) {
                problems.push(invalid(&path, format!("'{scenario}' is not a scenario of this bundle or a built-in one; weights for it would never apply.")));
                continue;
            }
            if changes.iter().any(|(id, w)| *id == UNSCORED && *w > 0) {
                problems.push(unscored(&pointer_join(&path, UNSCORED)));
            }
            if enabled_total(self.of(scenario)) == 0 {
                problems.push(invalid(&path, format!("Every check that runs has weight 0 for '{scenario}', so no such handoff could earn a point; give at least one check a weight.")));
            } else if lone_summary_too_rich(self.of(scenario)) {
                problems.push(lone_summary(&path));
            }
        }
    }
}

fn lone_summary(path: &str) -> Diagnostic {
    invalid(path, "With these weights a handoff with nothing but a one-line summary (\"ok\") would earn more than a fifth of the points (too-much-noise, and the summary's share of completeness): give the other checks more weight, so that a handoff without content stays at F.")
}

fn unscored(path: &str) -> Diagnostic {
    invalid(path, format!("The weight of '{UNSCORED}' must stay 0: a document asked for twice makes the handoff not ready (an error) instead, because points for it would let deleting the document or the step raise the score (docs/scoring.md)."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::registry::ENTRIES;
    use crate::rubric::Rubric;
    use serde_json::{json, Map, Value};

    fn weights(section: Value) -> (Settings, Weights) {
        let mut problems = Vec::new();
        let settings = Settings::from_bundle(&section, ENTRIES, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let weights = Weights::new(&settings);
        (settings, weights)
    }

    fn weight_of(settings: &Settings, set: &[u32], id: &str) -> u32 {
        let at = settings.checks.iter().position(|c| c.id == id).unwrap();
        set[at]
    }

    #[test]
    fn the_bundle_scenario_beats_the_bundle_beats_builtin_scenario_beats_builtin() {
        let (settings, w) = weights(json!({
            "weights": {"completeness": 40},
            "scenario_weights": {"billing_to_finance": {"late-handoff": 9}, "sales_to_success": {"wrong-team": 3}}
        }));
        let of = |scenario: &str, id: &str| weight_of(&settings, w.of(scenario), id);
        assert_eq!(of("billing_to_finance", "late-handoff"), 9);
        assert_eq!(
            of("billing_to_finance", "completeness"),
            40,
            "the bundle's weights"
        );
        // sales_to_success: completeness 32 built in, but the bundle set 40 for every scenario.
        assert_eq!(of("sales_to_success", "completeness"), 40);
        assert_eq!(
            of("sales_to_success", "action-without-outcome"),
            0,
            "built-in per scenario"
        );
        assert_eq!(of("sales_to_success", "wrong-team"), 3);
        assert_eq!(
            of("legal_review", "wrong-team"),
            21,
            "no weights of its own: default"
        );
    }

    #[test]
    fn without_a_scenario_every_set_is_tried() {
        let (_, w) = weights(Value::Null);
        match w.choose(None) {
            Choice::Lowest(sets) => assert_eq!(sets.len(), 1 + SCENARIO_WEIGHTS.len()),
            Choice::One(_) => panic!("one set for a packet without a scenario"),
        }
        assert!(matches!(
            w.choose(Some("billing_to_finance")),
            Choice::One(_)
        ));
    }

    #[test]
    fn rules_are_checked_with_paths() {
        let refused = |rubric: Value, scenarios: Value| {
            let scenarios: Map<String, Value> = serde_json::from_value(scenarios).unwrap();
            let err = Rubric::from_bundle(&rubric, &scenarios).unwrap_err();
            assert_eq!(err.kind, "bundle");
            err.diagnostics
                .iter()
                .map(|d| d.path.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            refused(json!({"weights": {"document-asked-twice": 2}}), json!({})),
            ["/rubric/weights/document-asked-twice"]
        );
        assert_eq!(
            refused(
                json!({"scenario_weights": {"tier1_to_tier2": {"document-asked-twice": 1}}}),
                json!({})
            ),
            ["/rubric/scenario_weights/tier1_to_tier2/document-asked-twice"]
        );
        assert_eq!(
            refused(
                json!({"scenario_weights": {"legal_review": {"wrong-team": 1}}}),
                json!({})
            ),
            ["/rubric/scenario_weights/legal_review"]
        );
        assert_eq!(
            refused(
                json!({"scenario_weights": {"Billing": {}, "voice_to_chat": []}}),
                json!({})
            ),
            [
                "/rubric/scenario_weights/Billing",
                "/rubric/scenario_weights/voice_to_chat"
            ]
        );
        assert_eq!(
            refused(
                json!({"scenario_weights": {"voice_to_chat": {"wrong-teem": 1, "completeness": 101}}}),
                json!({})
            ),
            [
                "/rubric/scenario_weights/voice_to_chat/completeness",
                "/rubric/scenario_weights/voice_to_chat/wrong-teem"
            ]
        );
        let zero: Map<String, Value> = ENTRIES
            .iter()
            .map(|e| (e.id().to_string(), json!(0)))
            .collect();
        assert_eq!(
            refused(
                json!({"scenario_weights": {"voice_to_chat": zero}}),
                json!({})
            ),
            ["/rubric/scenario_weights/voice_to_chat"]
        );
        // A bundle's own scenario may have weights; a weight of 0 for document-asked-twice is fine.
        let scenarios: Map<String, Value> =
            serde_json::from_value(json!({"legal_review": {"teams": ["legal"]}})).unwrap();
        let ok = json!({"weights": {"document-asked-twice": 0},
            "scenario_weights": {"legal_review": {"wrong-team": 30}}});
        assert!(Rubric::from_bundle(&ok, &scenarios).is_ok());
    }
}
