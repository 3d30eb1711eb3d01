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
//! gives the checks that run more than 0 points in all; scenarios are ones the kit knows.

use crate::diagnostic::{pointer_join, Diagnostic};
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
        if settings.weight_configured(UNSCORED) && settings.check(UNSCORED).map(|c| c.weight) != Some(0) {
            problems.push(unscored(&pointer_join("/rubric/weights", UNSCORED)));
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
            }
        }
    }
}

fn unscored(path: &str) -> Diagnostic {
    invalid(path, format!("The weight of '{UNSCORED}' must stay 0: a document asked for twice makes the handoff not ready (an error) instead, because points for it would let deleting the document or the step raise the score (docs/scoring.md)."))
}
