//! Which receiving teams fit which scenario (used by `wrong-team`): the built-in map from the
//! product brief, extended or overridden per scenario by the bundle's `scenarios.<name>.teams`.

use crate::diagnostic::{pointer_join, Diagnostic};
use crate::vocabulary::{invalid, key, Vocabulary};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Scenario → the teams that may receive it, and each scenario's title for messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Routing {
    teams: BTreeMap<String, Vec<String>>,
    titles: BTreeMap<String, String>,
}

impl Default for Routing {
    fn default() -> Self {
        Routing {
            teams: crate::scenario::BUILTIN
                .iter()
                .map(|s| (s.name.to_string(), vec![s.team.to_string()]))
                .collect(),
            titles: BTreeMap::new(),
        }
    }
}

impl Routing {
    /// The built-in map with the bundle's scenarios applied: a scenario's `teams` list replaces
    /// the built-in one for that scenario, and a new scenario with `teams` is added.
    pub fn from_bundle(scenarios: &Map<String, Value>, problems: &mut Vec<Diagnostic>) -> Routing {
        let mut routing = Routing::default();
        for (name, scenario) in scenarios {
            if let Some(title) = scenario.get("title").and_then(Value::as_str) {
                routing.titles.insert(name.clone(), title.to_string());
            }
            let Some(teams) = scenario.get("teams") else {
                continue;
            };
            let path = pointer_join(&pointer_join("/scenarios", name), "teams");
            let Some(list) = teams.as_array() else {
                problems.push(invalid(&path, format!("The teams of scenario '{name}' must be a list of team names, e.g. [\"finance\"].")));
                continue;
            };
            let mut names = Vec::new();
            for (index, team) in list.iter().enumerate() {
                match team.as_str().filter(|t| !key(t).is_empty()) {
                    Some(team) => names.push(team.to_string()),
                    None => problems.push(invalid(
                        &pointer_join(&path, &index.to_string()),
                        format!("Each team of scenario '{name}' must be a team name."),
                    )),
                }
            }
            routing.teams.insert(name.clone(), names);
        }
        routing
    }

    /// The teams that may receive `scenario`, when the scenario is known and lists any.
    pub fn teams(&self, scenario: &str) -> Option<&[String]> {
        self.teams
            .get(scenario)
            .map(Vec::as_slice)
            .filter(|t| !t.is_empty())
    }

    /// How to name the scenario in a message: its bundle title, else its id.
    pub fn title<'a>(&'a self, scenario: &'a str) -> &'a str {
        self.titles.get(scenario).map_or(scenario, String::as_str)
    }

    /// Whether `team` (as written or as any word the vocabulary knows for it) is one of `allowed`.
    pub fn fits(team: &str, allowed: &[String], vocabulary: &Vocabulary) -> bool {
        // A team written as it is allowed fits whatever the vocabulary says (the usual case:
        // the vocabulary already rewrote the packet's team to its id).
        if allowed.iter().any(|a| a == team) {
            return true;
        }
        let canonical = |word: &str| {
            vocabulary
                .canonical_team(word)
                .map_or_else(|| key(word), key)
        };
        let team = canonical(team);
        allowed.iter().any(|a| canonical(a) == team)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn builtin_map_routes_billing_to_finance() {
        let routing = Routing::default();
        assert_eq!(
            routing.teams("billing_to_finance"),
            Some(&["finance".to_string()][..])
        );
        assert_eq!(routing.teams("legal_review"), None);
        let v = Vocabulary::builtin();
        assert!(Routing::fits(
            "Accounts Receivable",
            &["finance".into()],
            &v
        ));
        assert!(!Routing::fits("engineering", &["finance".into()], &v));
        assert!(Routing::fits("Legal Team", &["legal team".into()], &v));
    }

    #[test]
    fn bundle_teams_override_and_extend() {
        let scenarios = json!({"billing_to_finance": {"title": "Billing dispute", "teams": ["finance", "billing_ops"]},
            "legal_review": {"teams": ["legal"]}, "bad": {"teams": "legal"}, "worse": {"teams": [""]}});
        let mut problems = Vec::new();
        let routing = Routing::from_bundle(scenarios.as_object().unwrap(), &mut problems);
        assert_eq!(
            routing.teams("billing_to_finance").map(<[String]>::len),
            Some(2)
        );
        assert_eq!(
            routing.teams("legal_review"),
            Some(&["legal".to_string()][..])
        );
        assert_eq!(routing.title("billing_to_finance"), "Billing dispute");
        let paths: Vec<&str> = problems.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["/scenarios/bad/teams", "/scenarios/worse/teams/0"]);
    }
}
