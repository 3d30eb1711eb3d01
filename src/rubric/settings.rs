//! The bundle's `rubric` section: weights (also per scenario), thresholds, switched-off checks,
//! severities and extra completeness items, each with a documented built-in default.
//!
//! ```json
//! { "weights": { "completeness": 35 }, "thresholds": { "handoff_minutes": 20 },
//!   "scenario_weights": { "billing_to_finance": { "completeness": 40 } },
//!   "disabled": ["too-much-noise"], "severity": { "wrong-team": "error" },
//!   "completeness": { "billing_to_finance": { "/billing/po_number": 2 } } }
//! ```

use crate::diagnostic::{pointer_join, Diagnostic, Severity};
use crate::rubric::wording::is_lowercase_of;
use crate::vocabulary::{invalid, is_id, spelling};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Customer moods from calmest to angriest.
pub const SENTIMENTS: [&str; 5] = ["calm", "neutral", "concerned", "frustrated", "angry"];

/// Position of a mood in [`SENTIMENTS`] (0 = calm), if it is one.
pub fn sentiment_rank(sentiment: &str) -> Option<usize> {
    let sentiment = sentiment.trim();
    SENTIMENTS
        .iter()
        .position(|s| is_lowercase_of(sentiment, s))
}

/// The limits some checks measure against.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// `late-handoff`: minutes from the customer's last message (or the ticket's opening) to the handoff. Default 30.
    pub handoff_minutes: i64,
    /// `vague-summary`: fewer words than this, with no specifics, is vague. Default 5.
    pub summary_min_words: usize,
    /// `too-much-noise`: more words than this buries the point. Default 150.
    pub summary_max_words: usize,
    /// `too-much-noise`: this many transcript-like lines is a pasted transcript. Default 3.
    pub transcript_lines: usize,
    /// `urgency-below-sentiment`: the mood (rank in [`SENTIMENTS`]) from which `standard` is too low. Default frustrated.
    pub urgent_sentiment: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            handoff_minutes: 30,
            summary_min_words: 5,
            summary_max_words: 150,
            transcript_lines: 3,
            urgent_sentiment: 3,
        }
    }
}

/// How one check runs: its weight in points and the severity of its diagnostics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckSetting {
    pub id: &'static str,
    pub weight: u32,
    pub severity: Severity,
    pub enabled: bool,
}

/// A registered check as the settings see it (the registry's `Entry` is one): the settings
/// start from each check's built-in setting and read the bundle's changes over them.
pub trait Registered {
    /// The check's setting when the bundle changes nothing (enabled).
    fn builtin(&self) -> CheckSetting;
}

/// Everything the `rubric` section decides.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// One per registered check, in registry order.
    pub checks: Vec<CheckSetting>,
    pub thresholds: Thresholds,
    /// Extra completeness items: scenario (or `*`) → (JSON Pointer, weight; 0 removes an item).
    pub completeness: BTreeMap<String, Vec<(String, u32)>>,
    /// The bundle's weights per scenario: scenario → (check id, weight). Resolved with the
    /// built-in ones by [`Weights`](super::weights::Weights).
    pub scenario_weights: BTreeMap<String, Vec<(&'static str, u32)>>,
    /// The checks whose weight the bundle's `weights` set (they beat built-in scenario weights).
    configured: BTreeSet<&'static str>,
}

impl Settings {
    /// The built-in settings for these checks.
    pub fn builtin(checks: &[impl Registered]) -> Settings {
        Settings {
            checks: checks.iter().map(Registered::builtin).collect(),
            thresholds: Thresholds::default(),
            completeness: BTreeMap::new(),
            scenario_weights: BTreeMap::new(),
            configured: BTreeSet::new(),
        }
    }

    /// Whether the bundle's `weights` set this check's weight.
    pub fn weight_configured(&self, id: &str) -> bool {
        self.configured.contains(id)
    }

    /// Reads the section (`Value::Null` = built-in); problems are `rubric/invalid-setting`
    /// diagnostics with paths inside the bundle.
    pub fn from_bundle(
        section: &Value,
        checks: &[impl Registered],
        problems: &mut Vec<Diagnostic>,
    ) -> Settings {
        let mut settings = Settings::builtin(checks);
        let fields = match section {
            Value::Null => return settings,
            Value::Object(fields) => fields,
            _ => {
                problems.push(invalid("/rubric", "The rubric must be an object with weights, scenario_weights, thresholds, disabled, severity and completeness (all optional)."));
                return settings;
            }
        };
        for (name, value) in fields {
            let path = pointer_join("/rubric", name);
            match name.as_str() {
                "weights" => settings.read_weights(value, &path, problems),
                "scenario_weights" => settings.read_scenario_weights(value, &path, problems),
                "thresholds" => settings.thresholds.read(value, &path, problems),
                "disabled" => settings.read_disabled(value, &path, problems),
                "severity" => settings.read_severity(value, &path, problems),
                "completeness" => settings.read_completeness(value, &path, problems),
                other => {
                    let known = [
                        "weights",
                        "scenario_weights",
                        "thresholds",
                        "disabled",
                        "severity",
                        "completeness",
                    ];
                    problems.push(invalid(
                        &path,
                        format!(
                            "'{other}' is not a rubric setting; use {}.{}",
                            known.join(", "),
                            did_you_mean(other, known)
                        ),
                    ));
                }
            }
        }
        if settings
            .checks
            .iter()
            .filter(|c| c.enabled)
            .map(|c| c.weight)
            .sum::<u32>()
            == 0
        {
            problems.push(invalid("/rubric/weights", "Every check that runs has weight 0, so no handoff could earn a point; give at least one check a weight."));
        }
        settings
    }

    /// The setting of the check with this id, if it exists.
    pub fn check(&self, id: &str) -> Option<&CheckSetting> {
        self.checks.iter().find(|c| c.id == id)
    }

    fn check_mut(
        &mut self,
        id: &str,
        path: &str,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<&mut CheckSetting> {
        let ids: Vec<&'static str> = self.checks.iter().map(|c| c.id).collect();
        let found = self.checks.iter_mut().find(|c| c.id == id);
        if found.is_none() {
            problems.push(invalid(
                path,
                format!("'{id}' is not a rubric check.{}", did_you_mean(id, ids)),
            ));
        }
        found
    }

    fn read_weights(&mut self, value: &Value, path: &str, problems: &mut Vec<Diagnostic>) {
        let Some(weights) = value.as_object() else {
            problems.push(invalid(
                path,
                "Weights must be an object: check id → points, e.g. { \"completeness\": 30 }.",
            ));
            return;
        };
        for (id, weight) in weights {
            let weight_path = pointer_join(path, id);
            let Some(check) = self.check_mut(id, &weight_path, problems) else {
                continue;
            };
            match weight_points(weight) {
                Some(w) => {
                    check.weight = w;
                    let id = check.id;
                    self.configured.insert(id);
                }
                None => problems.push(bad_weight(id, &weight_path)),
            }
        }
    }

    fn read_scenario_weights(&mut self, value: &Value, path: &str, problems: &mut Vec<Diagnostic>) {
        let Some(scenarios) = value.as_object() else {
            problems.push(invalid(path, "Weights per scenario must be an object: scenario → { check id → points }, e.g. { \"billing_to_finance\": { \"completeness\": 40 } }."));
            return;
        };
        for (scenario, weights) in scenarios {
            let scenario_path = pointer_join(path, scenario);
            if !is_id(scenario) {
                problems.push(invalid(
                    &scenario_path,
                    format!(
                        "'{scenario}' is not a scenario id; write it like \"billing_to_finance\"."
                    ),
                ));
                continue;
            }
            let Some(weights) = weights.as_object() else {
                problems.push(invalid(
                    &scenario_path,
                    format!("The weights of '{scenario}' must be an object: check id → points."),
                ));
                continue;
            };
            let mut list = Vec::new();
            for (id, weight) in weights {
                let weight_path = pointer_join(&scenario_path, id);
                let Some(check) = self.check_mut(id, &weight_path, problems) else {
                    continue;
                };
                let id = check.id;
                match weight_points(weight) {
                    Some(w) => list.push((id, w)),
                    None => problems.push(bad_weight(id, &weight_path)),
                }
            }
            self.scenario_weights.insert(scenario.clone(), list);
        }
    }

    fn read_disabled(&mut self, value: &Value, path: &str, problems: &mut Vec<Diagnostic>) {
        let Some(ids) = value.as_array() else {
            problems.push(invalid(
                path,
                "Switched-off checks must be a list of check ids, e.g. [\"late-handoff\"].",
            ));
            return;
        };
        for (index, id) in ids.iter().enumerate() {
            let item_path = pointer_join(path, &index.to_string());
            match id.as_str() {
                Some(id) => {
                    if let Some(check) = self.check_mut(id, &item_path, problems) {
                        check.enabled = false;
                    }
                }
                None => problems.push(invalid(
                    &item_path,
                    "Each switched-off check must be a check id (a string).",
                )),
            }
        }
    }

    fn read_severity(&mut self, value: &Value, path: &str, problems: &mut Vec<Diagnostic>) {
        let Some(levels) = value.as_object() else {
            problems.push(invalid(
                path,
                "Severity must be an object: check id → \"error\", \"warning\" or \"info\".",
            ));
            return;
        };
        for (id, level) in levels {
            let level_path = pointer_join(path, id);
            let Some(check) = self.check_mut(id, &level_path, problems) else {
                continue;
            };
            match level.as_str() {
                Some("error") => check.severity = Severity::Error,
                Some("warning") => check.severity = Severity::Warning,
                Some("info") => check.severity = Severity::Info,
                _ => problems.push(invalid(
                    &level_path,
                    format!("The severity of '{id}' must be \"error\", \"warning\" or \"info\"."),
                )),
            }
        }
    }

    fn read_completeness(&mut self, value: &Value, path: &str, problems: &mut Vec<Diagnostic>) {
        let Some(scenarios) = value.as_object() else {
            problems.push(invalid(path, "Completeness items must be an object: scenario (or \"*\") → { \"/field/pointer\": weight }."));
            return;
        };
        for (scenario, items) in scenarios {
            let scenario_path = pointer_join(path, scenario);
            if scenario != "*" && !is_id(scenario) {
                problems.push(invalid(&scenario_path, format!("'{scenario}' is not a scenario id; use \"*\" for every scenario or an id like \"billing_to_finance\".")));
                continue;
            }
            let Some(items) = items.as_object() else {
                problems.push(invalid(&scenario_path, format!("The completeness items of '{scenario}' must be an object: {{ \"/field/pointer\": weight }}.")));
                continue;
            };
            let mut list = Vec::new();
            for (pointer, weight) in items {
                let item_path = pointer_join(&scenario_path, pointer);
                if !pointer.starts_with('/') || pointer.len() < 2 || pointer.ends_with('/') {
                    problems.push(invalid(&item_path, format!("'{pointer}' is not a field pointer; write it like \"/billing/po_number\".")));
                    continue;
                }
                match weight.as_u64().filter(|w| *w <= 10) {
                    Some(w) => list.push((pointer.clone(), u32::try_from(w).unwrap_or(10))),
                    None => problems.push(invalid(
                        &item_path,
                        format!("The weight of '{pointer}' must be a whole number from 0 to 10."),
                    )),
                }
            }
            self.completeness.insert(scenario.clone(), list);
        }
    }
}

impl Thresholds {
    fn read(&mut self, value: &Value, path: &str, problems: &mut Vec<Diagnostic>) {
        let Some(fields) = value.as_object() else {
            problems.push(invalid(
                path,
                "Thresholds must be an object, e.g. { \"handoff_minutes\": 30 }.",
            ));
            return;
        };
        for (name, value) in fields {
            let field_path = pointer_join(path, name);
            let whole = |min: u64| value.as_u64().filter(|n| *n >= min && *n <= 1_000_000);
            let mut bad = |what: &str| {
                problems.push(invalid(&field_path, format!("'{name}' must be {what}.")))
            };
            match name.as_str() {
                "handoff_minutes" => match whole(1) {
                    Some(n) => self.handoff_minutes = i64::try_from(n).unwrap_or(30),
                    None => bad("a whole number of minutes, at least 1"),
                },
                "summary_min_words" => match whole(1) {
                    Some(n) => self.summary_min_words = usize::try_from(n).unwrap_or(5),
                    None => bad("a whole number of words, at least 1"),
                },
                "summary_max_words" => match whole(10) {
                    Some(n) => self.summary_max_words = usize::try_from(n).unwrap_or(150),
                    None => bad("a whole number of words, at least 10"),
                },
                "transcript_lines" => match whole(2) {
                    Some(n) => self.transcript_lines = usize::try_from(n).unwrap_or(3),
                    None => bad("a whole number of lines, at least 2"),
                },
                "urgent_sentiment" => {
                    match value.as_str().and_then(sentiment_rank).filter(|r| *r >= 2) {
                        Some(rank) => self.urgent_sentiment = rank,
                        None => bad("one of \"concerned\", \"frustrated\" or \"angry\""),
                    }
                }
                other => {
                    let known = [
                        "handoff_minutes",
                        "summary_min_words",
                        "summary_max_words",
                        "transcript_lines",
                        "urgent_sentiment",
                    ];
                    problems.push(invalid(
                        &field_path,
                        format!(
                            "'{other}' is not a rubric threshold; use {}.{}",
                            known.join(", "),
                            did_you_mean(other, known)
                        ),
                    ));
                }
            }
        }
    }
}

/// A weight: a whole number of points from 0 to 100.
fn weight_points(value: &Value) -> Option<u32> {
    value
        .as_u64()
        .filter(|w| *w <= 100)
        .and_then(|w| u32::try_from(w).ok())
}

fn bad_weight(id: &str, path: &str) -> Diagnostic {
    invalid(
        path,
        format!("The weight of '{id}' must be a whole number of points from 0 to 100."),
    )
}

/// " Did you mean 'x'?" when a known word is close, else "".
fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    spelling::closest(word, known)
        .map(|s| format!(" Did you mean '{s}'?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::registry::ENTRIES;
    use serde_json::json;

    fn read(section: Value) -> (Settings, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let settings = Settings::from_bundle(&section, ENTRIES, &mut problems);
        (settings, problems)
    }

    #[test]
    fn absent_section_means_builtin_weights_summing_to_100() {
        let (settings, problems) = read(Value::Null);
        assert!(problems.is_empty());
        assert_eq!(settings.checks.iter().map(|c| c.weight).sum::<u32>(), 100);
        assert_eq!(settings.thresholds, Thresholds::default());
    }

    #[test]
    fn bundle_overrides_apply() {
        let (settings, problems) = read(
            json!({"weights": {"completeness": 40}, "disabled": ["late-handoff"],
            "severity": {"wrong-team": "error"}, "thresholds": {"handoff_minutes": 15, "urgent_sentiment": "angry"},
            "completeness": {"*": {"/policy_refs": 0}}}),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(settings.check("completeness").map(|c| c.weight), Some(40));
        assert_eq!(
            settings.check("late-handoff").map(|c| c.enabled),
            Some(false)
        );
        assert_eq!(
            settings.check("wrong-team").map(|c| c.severity),
            Some(Severity::Error)
        );
        assert_eq!(settings.thresholds.handoff_minutes, 15);
        assert_eq!(settings.thresholds.urgent_sentiment, 4);
        assert_eq!(
            settings.completeness.get("*"),
            Some(&vec![("/policy_refs".to_string(), 0)])
        );
    }

    #[test]
    fn mistakes_point_inside_the_bundle() {
        let (_, problems) = read(
            json!({"weights": {"owner-not-a-persn": 10, "completeness": -1},
            "thresholds": {"handoff_minute": 3}, "disabled": "late-handoff", "colour": 1,
            "completeness": {"billing_to_finance": {"billing": 2}}}),
        );
        let at = |path: &str| {
            problems
                .iter()
                .find(|d| d.path == path)
                .map(|d| d.message.clone())
        };
        assert!(
            at("/rubric/weights/owner-not-a-persn")
                .is_some_and(|m| m.contains("Did you mean 'owner-not-a-person'?")),
            "{problems:?}"
        );
        assert!(at("/rubric/weights/completeness").is_some());
        assert!(
            at("/rubric/thresholds/handoff_minute").is_some_and(|m| m.contains("handoff_minutes"))
        );
        assert!(at("/rubric/disabled").is_some());
        assert!(at("/rubric/colour").is_some());
        assert!(at("/rubric/completeness/billing_to_finance/billing").is_some());
    }

    #[test]
    fn all_weights_zero_is_refused() {
        let weights: serde_json::Map<String, Value> = ENTRIES
            .iter()
            .map(|e| (e.id().to_string(), json!(0)))
            .collect();
        let (_, problems) = read(json!({ "weights": weights }));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "/rubric/weights");
    }
}
