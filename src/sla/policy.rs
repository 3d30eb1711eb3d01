//! Internal SLA policies: which target applies to which scenario, receiving team, urgency and
//! sentiment, on which calendar, with which warning. Bundle policies are an array of `{ id,
//! match: { scenario?, team?, urgency?, sentiment? }, calendar?, target, warn_before? }` (match
//! fields a string or a list; no `calendar`: the receiving team's, else `"default"`). The most
//! specific match wins (most match fields given), ties the first listed; bundle policies are
//! tried before the built-in ones.

use super::calendar::Calendar;
use super::engine::check_target;
use super::target::{Target, TargetUnit, WarnBefore};
use crate::diagnostic::{pointer_join, Diagnostic, Severity, Source};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// What a packet says about its handoff, normalised (lowercase, trimmed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Situation {
    pub scenario: Option<String>,
    pub team: Option<String>,
    pub urgency: Option<String>,
    pub sentiment: Option<String>,
}

impl Situation {
    /// Scenario, team, urgency and sentiment, in the order [`Match`] lists them.
    pub(crate) fn fields(&self) -> [Option<&str>; 4] {
        [
            self.scenario.as_deref(),
            self.team.as_deref(),
            self.urgency.as_deref(),
            self.sentiment.as_deref(),
        ]
    }
}

/// Lowercase and trimmed, as team names are compared.
pub fn normalise(text: &str) -> String {
    text.trim().to_lowercase()
}

/// [`normalise`], borrowing `text` when it is normalised already (trimmed ASCII without
/// capitals, as packet fields usually are), so matching a packet allocates nothing.
pub(crate) fn normalised(text: &str) -> Cow<'_, str> {
    let plain = |b: &u8| b.is_ascii() && !b.is_ascii_uppercase();
    let space = |b: &u8| char::from(*b).is_whitespace();
    let bytes = text.as_bytes();
    let trimmed = !bytes.first().is_some_and(space) && !bytes.last().is_some_and(space);
    if bytes.iter().all(plain) && trimmed {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(normalise(text))
    }
}

/// Which handoffs a policy applies to; each field, when given, lists accepted values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Match {
    pub scenario: Option<Vec<String>>,
    pub team: Option<Vec<String>>,
    pub urgency: Option<Vec<String>>,
    pub sentiment: Option<Vec<String>>,
}

impl Match {
    /// `Some(number of fields given)` when every given field accepts the situation.
    pub fn specificity(&self, situation: &Situation) -> Option<usize> {
        self.specificity_of(situation.fields())
    }

    /// [`Match::specificity`] of a situation's fields (scenario, team, urgency, sentiment).
    fn specificity_of(&self, situation: [Option<&str>; 4]) -> Option<usize> {
        let [scenario, team, urgency, sentiment] = situation;
        let fields = [
            (&self.scenario, scenario),
            (&self.team, team),
            (&self.urgency, urgency),
            (&self.sentiment, sentiment),
        ];
        let mut count = 0;
        for (accepted, actual) in fields {
            if let Some(accepted) = accepted {
                let actual = actual?;
                if !accepted.iter().any(|a| a == actual) {
                    return None;
                }
                count += 1;
            }
        }
        Some(count)
    }
}

/// One compiled policy.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub id: String,
    pub matches: Match,
    /// The id of the calendar it counts on (`"default"` when it names none).
    pub calendar: String,
    /// Whether it names its calendar; if not, the receiving team's applies (`team.rs`).
    pub names_calendar: bool,
    pub target: Target,
    pub warn_before: Option<WarnBefore>,
}

/// The warning every built-in policy gives: when a quarter of the target is left.
pub const BUILTIN_WARN_BEFORE: WarnBefore = WarnBefore {
    percent: Some(25.0),
    minutes: None,
};

fn builtin(id: &str, matches: Match, unit: TargetUnit, value: u64) -> Policy {
    Policy {
        id: id.to_string(),
        matches,
        calendar: "default".to_string(),
        names_calendar: false,
        target: Target::new(unit, value),
        warn_before: Some(BUILTIN_WARN_BEFORE),
    }
}

fn list(values: &[&str]) -> Option<Vec<String>> {
    Some(values.iter().map(|v| v.to_string()).collect())
}

/// The built-in policies (the brief's reference numbers), all on calendar `"default"`.
pub fn builtin_policies() -> Vec<Policy> {
    let team = |name: &str| Match {
        team: list(&[name]),
        ..Match::default()
    };
    vec![
        builtin(
            "default-finance",
            team("finance"),
            TargetUnit::BusinessHours,
            4,
        ),
        builtin(
            "default-engineering",
            team("engineering"),
            TargetUnit::BusinessDays,
            1,
        ),
        builtin(
            "default-supervisor-sentiment",
            Match {
                sentiment: list(&["frustrated", "angry"]),
                ..team("supervisor")
            },
            TargetUnit::BusinessMinutes,
            15,
        ),
        builtin(
            "default-supervisor-urgency",
            Match {
                urgency: list(&["urgent", "executive"]),
                ..team("supervisor")
            },
            TargetUnit::BusinessMinutes,
            15,
        ),
        builtin(
            "default-supervisor",
            team("supervisor"),
            TargetUnit::BusinessMinutes,
            60,
        ),
        builtin(
            "default-customer-success",
            team("customer_success"),
            TargetUnit::CalendarMinutes,
            1440,
        ),
        builtin(
            "default-initial-response",
            Match::default(),
            TargetUnit::BusinessMinutes,
            60,
        ),
    ]
}

/// The policy for a situation (its fields, as [`Situation::fields`] lists them): the most
/// specific bundle policy, else the most specific built-in one; ties go to the first listed.
pub(crate) fn choose<'a>(
    bundle: &'a [Policy],
    builtin: &'a [Policy],
    situation: [Option<&str>; 4],
) -> Option<&'a Policy> {
    let best = |policies: &'a [Policy]| {
        let mut best: Option<(usize, &'a Policy)> = None;
        for policy in policies {
            if let Some(score) = policy.matches.specificity_of(situation) {
                if best.is_none_or(|(top, _)| score > top) {
                    best = Some((score, policy));
                }
            }
        }
        best.map(|(_, policy)| policy)
    };
    best(bundle).or_else(|| best(builtin))
}

fn invalid(path: String, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(
        "sla/invalid-policy",
        Severity::Error,
        Source::Sla,
        path,
        message,
    )
}

/// Compiles the bundle's `policies` (null = none); problems are pushed with their pointer
/// inside the bundle (`/policies/0/target/unit`).
pub fn parse_policies(
    value: &Value,
    calendars: &BTreeMap<String, Calendar>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Policy> {
    let list = match value {
        Value::Null => return Vec::new(),
        Value::Array(list) => list,
        _ => {
            problems.push(invalid(
                "/policies".to_string(),
                "Give the SLA policies as a list of { id, match, calendar, target }.",
            ));
            return Vec::new();
        }
    };
    let mut policies = Vec::with_capacity(list.len());
    let mut seen = Vec::new();
    for (index, item) in list.iter().enumerate() {
        let path = format!("/policies/{index}");
        if let Some(policy) = parse_policy(item, &path, calendars, problems) {
            if seen.contains(&policy.id) {
                problems.push(invalid(
                    pointer_join(&path, "id"),
                    format!(
                        "Another policy is already called \"{}\": give each policy its own id.",
                        policy.id
                    ),
                ));
            }
            seen.push(policy.id.clone());
            policies.push(policy);
        }
    }
    policies
}

fn parse_policy(
    item: &Value,
    path: &str,
    calendars: &BTreeMap<String, Calendar>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Policy> {
    let Some(object) = item.as_object() else {
        problems.push(invalid(
            path.to_string(),
            "Each policy is an object with an id, a match, a calendar and a target.",
        ));
        return None;
    };
    let before = problems.len();
    for key in object.keys() {
        if !matches!(
            key.as_str(),
            "id" | "match" | "calendar" | "target" | "warn_before" | "description"
        ) {
            problems.push(invalid(
                pointer_join(path, key),
                format!("\"{key}\" is not a policy setting: use id, match, calendar, target and warn_before."),
            ));
        }
    }
    let id = object.get("id").and_then(Value::as_str).unwrap_or("");
    if id.trim().is_empty() {
        problems.push(invalid(
            pointer_join(path, "id"),
            "Give the policy an id: reports name the policy that applied.",
        ));
    }
    let matches = parse_match(object.get("match"), &pointer_join(path, "match"), problems);
    let calendar = match object.get("calendar") {
        None => "default".to_string(),
        Some(Value::String(id)) if calendars.contains_key(id) => id.clone(),
        Some(other) => {
            problems.push(invalid(
                pointer_join(path, "calendar"),
                format!("{other} is not one of the bundle's calendars: name a key of \"calendars\" (or \"default\")."),
            ));
            String::new()
        }
    };
    let target = parse_target(
        object.get("target"),
        &pointer_join(path, "target"),
        problems,
    );
    let warn_before = match object.get("warn_before") {
        None => None,
        Some(value) => parse_warn(value, &pointer_join(path, "warn_before"), problems),
    };
    if problems.len() > before {
        return None;
    }
    Some(Policy {
        id: id.to_string(),
        matches,
        calendar,
        names_calendar: object.contains_key("calendar"),
        target: target?,
        warn_before,
    })
}

fn parse_match(value: Option<&Value>, path: &str, problems: &mut Vec<Diagnostic>) -> Match {
    let Some(value) = value else {
        return Match::default();
    };
    let Some(object) = value.as_object() else {
        problems.push(invalid(
            path.to_string(),
            "\"match\" is an object such as { \"team\": \"finance\", \"urgency\": \"urgent\" }.",
        ));
        return Match::default();
    };
    let mut matches = Match::default();
    for (key, value) in object {
        let field_path = pointer_join(path, key);
        let slot = match key.as_str() {
            "scenario" => &mut matches.scenario,
            "team" => &mut matches.team,
            "urgency" => &mut matches.urgency,
            "sentiment" => &mut matches.sentiment,
            _ => {
                problems.push(invalid(
                    field_path,
                    format!("A policy cannot match on \"{key}\": use scenario, team, urgency or sentiment."),
                ));
                continue;
            }
        };
        let values: Option<Vec<String>> = match value {
            Value::String(text) => Some(vec![normalise(text)]),
            Value::Array(items) if !items.is_empty() => items
                .iter()
                .map(|item| item.as_str().map(normalise))
                .collect(),
            _ => None,
        };
        match values {
            Some(values) => *slot = Some(values),
            None => problems.push(invalid(
                field_path,
                format!("Give \"{key}\" as a name or a non-empty list of names."),
            )),
        }
    }
    matches
}

fn parse_target(
    value: Option<&Value>,
    path: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Target> {
    let unit_path = pointer_join(path, "unit");
    let Some(value) = value else {
        problems.push(invalid(
            path.to_string(),
            "Give the target, e.g. { \"unit\": \"business_hours\", \"value\": 4 }.",
        ));
        return None;
    };
    let unit = value
        .get("unit")
        .cloned()
        .and_then(|u| serde_json::from_value::<TargetUnit>(u).ok());
    if unit.is_none() {
        problems.push(invalid(
            unit_path,
            "The unit must be business_minutes, business_hours, business_days or calendar_minutes (never a bare \"day\").",
        ));
    }
    let count = value.get("value").and_then(Value::as_u64);
    if count.is_none() {
        problems.push(invalid(
            pointer_join(path, "value"),
            "The target's value is a whole number, 0 or more.",
        ));
    }
    let target = Target::new(unit?, count?);
    if let Err(message) = check_target(target) {
        problems.push(invalid(pointer_join(path, "value"), message));
        return None;
    }
    Some(target)
}

fn parse_warn(value: &Value, path: &str, problems: &mut Vec<Diagnostic>) -> Option<WarnBefore> {
    let percent = value.get("percent");
    let minutes = value.get("minutes");
    let mut warn = WarnBefore::default();
    if let Some(percent) = percent {
        match percent.as_f64().filter(|p| (0.0..=100.0).contains(p)) {
            Some(p) => warn.percent = Some(p),
            None => problems.push(invalid(
                pointer_join(path, "percent"),
                "percent is the share of the target left when the warning comes, from 0 to 100.",
            )),
        }
    }
    if let Some(minutes) = minutes {
        match minutes.as_u64() {
            Some(m) => warn.minutes = Some(m),
            None => problems.push(invalid(
                pointer_join(path, "minutes"),
                "minutes is a whole number of business minutes left when the warning comes.",
            )),
        }
    }
    if !value.is_object() || (percent.is_none() && minutes.is_none()) {
        problems.push(invalid(
            path.to_string(),
            "warn_before is an object with percent and/or minutes, e.g. { \"percent\": 25 }.",
        ));
    }
    Some(warn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn situation(team: &str, urgency: &str, sentiment: &str) -> Situation {
        Situation {
            scenario: None,
            team: Some(team.into()),
            urgency: Some(urgency.into()),
            sentiment: Some(sentiment.into()),
        }
    }

    #[test]
    fn builtin_supervisor_depends_on_mood_and_urgency() {
        let builtin = builtin_policies();
        let pick = |s: &Situation| choose(&[], &builtin, s.fields()).map(|p| p.id.clone());
        assert_eq!(
            pick(&situation("supervisor", "standard", "angry")).as_deref(),
            Some("default-supervisor-sentiment")
        );
        assert_eq!(
            pick(&situation("supervisor", "executive", "calm")).as_deref(),
            Some("default-supervisor-urgency")
        );
        assert_eq!(
            pick(&situation("supervisor", "standard", "calm")).as_deref(),
            Some("default-supervisor")
        );
        assert_eq!(
            pick(&situation("tier2", "standard", "calm")).as_deref(),
            Some("default-initial-response")
        );
    }

    #[test]
    fn invalid_policies_name_the_field() {
        let mut calendars = BTreeMap::new();
        calendars.insert("default".to_string(), Calendar::builtin_default());
        let mut problems = Vec::new();
        let policies = parse_policies(
            &json!([
                {"id": "a", "match": {"team": "finance", "colour": "red"}, "target": {"unit": "days", "value": 1}},
                {"id": "b", "calendar": "paris", "target": {"unit": "business_hours", "value": 2}},
                {"id": "c", "target": {"unit": "business_hours", "value": 2}, "warn_before": {"percent": 120}}
            ]),
            &calendars,
            &mut problems,
        );
        assert!(policies.is_empty());
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "/policies/0/match/colour",
                "/policies/0/target/unit",
                "/policies/1/calendar",
                "/policies/2/warn_before/percent"
            ]
        );
    }
}
