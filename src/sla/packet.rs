//! The SLA part of checking a packet: pick the policy, compute the receiving team's deadline
//! from `handoff.at`, and say when it is at risk, breached, or after the customer's deadline.

use super::civil::{self, DAY};
use super::engine::{self, Inputs};
use super::pauses::PauseSet;
use super::policy::{self, normalised, Policy, Situation};
use super::report::{Deadline, SlaReport, Status};
use super::rfc3339::parse_instant;
use super::target::TargetUnit;
use super::team;
use super::{Calendar, Sla};
use crate::diagnostic::{Diagnostic, Severity, Source};
use crate::packet::{nonblank, pick};
use crate::tape::Node;
use serde_json::Value;
use std::borrow::Cow;

/// The trimmed text of a value, when it is a string with something in it (as
/// `crate::packet::text` reads a field).
fn text(value: Option<Node<'_>>) -> Option<&str> {
    value.and_then(nonblank)
}

/// The fields of a packet the SLA reads, found in one pass over each object.
struct Fields<'a> {
    at: Option<Node<'a>>,
    scenario: Option<Node<'a>>,
    team: Option<Node<'a>>,
    urgency: Option<Node<'a>>,
    sentiment: Option<Node<'a>>,
    customer_deadline: Option<Node<'a>>,
}

impl<'a> Fields<'a> {
    fn of(packet: Node<'a>) -> Self {
        let [customer, handoff, urgency] = pick(Some(packet), &["customer", "handoff", "urgency"]);
        let [at, scenario, to] = pick(handoff, &["at", "scenario", "to"]);
        let [customer_deadline, sentiment] = pick(customer, &["deadline", "sentiment"]);
        Fields {
            at,
            scenario,
            team: to.and_then(|to| to.get("team")),
            urgency,
            sentiment,
            customer_deadline,
        }
    }
}

/// A [`Situation`] that borrows the packet's text where it is normalised already (the usual
/// case), so choosing a policy allocates nothing.
struct Wording<'a> {
    scenario: Option<Cow<'a, str>>,
    team: Option<Cow<'a, str>>,
    urgency: Option<Cow<'a, str>>,
    sentiment: Option<Cow<'a, str>>,
}

impl<'a> Wording<'a> {
    fn of(fields: &Fields<'a>) -> Self {
        let scenario = text(fields.scenario).map(normalised);
        let team = text(fields.team).map(normalised).or_else(|| {
            scenario
                .as_deref()
                .and_then(crate::scenario::receiving_team)
                .map(Cow::Borrowed)
        });
        Wording {
            scenario,
            team,
            urgency: text(fields.urgency).map(normalised),
            sentiment: text(fields.sentiment).map(normalised),
        }
    }

    /// As [`Situation::fields`] lists them.
    fn fields(&self) -> [Option<&str>; 4] {
        [
            self.scenario.as_deref(),
            self.team.as_deref(),
            self.urgency.as_deref(),
            self.sentiment.as_deref(),
        ]
    }
}

/// The situation a packet describes, normalised for policy matching.
pub fn situation_of(packet: &Value) -> Situation {
    crate::tape::with_value(packet, situation_of_node).unwrap_or_default()
}

fn situation_of_node(packet: Node<'_>) -> Situation {
    let wording = Wording::of(&Fields::of(packet));
    Situation {
        scenario: wording.scenario.map(Cow::into_owned),
        team: wording.team.map(Cow::into_owned),
        urgency: wording.urgency.map(Cow::into_owned),
        sentiment: wording.sentiment.map(Cow::into_owned),
    }
}

/// "Finance", "Customer success": the team's name in the bundle's `teams`, else its id as an
/// agent would say it.
fn team_label(fields: &Fields<'_>, wording: &Wording<'_>, sla: &Sla) -> String {
    let team = |id| team::team(&sla.teams, id);
    let named = wording
        .team
        .as_deref()
        .and_then(|id| team(id)?.name.clone());
    if let Some(name) = named {
        return name;
    }
    let raw = text(fields.team)
        .or(wording.team.as_deref())
        .unwrap_or("The receiving team");
    let spaced = raw.replace(['_', '-'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}

/// "London", "New York", "UTC": the place part of a zone name.
fn place_of(zone: &str) -> String {
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}

/// "Mon 24 Nov 12:00" in the calendar's zone. Written out by hand rather than with
/// `strftime`, which would add jiff's whole format-string machinery to the wasm.
fn wall_clock(calendar: &Calendar, t: i64) -> String {
    const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Some(offset) = calendar.offset_at(t) else {
        return String::new();
    };
    let local = t + offset;
    let day = local.div_euclid(DAY);
    let (_, month, dom) = civil::civil_from_days(day);
    let weekday = WEEKDAYS[civil::weekday(day) % 7];
    let month = MONTHS[(month as usize).saturating_sub(1) % 12];
    let second = local.rem_euclid(DAY);
    format!(
        "{weekday} {dom} {month} {:02}:{:02}",
        second / 3600,
        second % 3600 / 60
    )
}

fn unit_words(unit: TargetUnit) -> &'static str {
    match unit {
        TargetUnit::CalendarMinutes => "minutes",
        _ => "business minutes",
    }
}

pub(crate) fn for_packet(
    sla: &Sla,
    packet: Node<'_>,
    now: Option<&str>,
) -> (Option<SlaReport>, Vec<Diagnostic>) {
    let fields = Fields::of(packet);
    let Some(start) = text(fields.at).and_then(parse_instant) else {
        return (None, Vec::new());
    };
    let wording = Wording::of(&fields);
    let Some(policy) = policy::choose(&sla.policies, &sla.builtin, wording.fields()) else {
        return (None, Vec::new());
    };
    let calendar_id = team::calendar_for(policy, wording.team.as_deref(), &sla.teams);
    let Some(calendar) = sla.calendars.get(calendar_id) else {
        return (None, Vec::new());
    };
    let inputs = Inputs {
        start,
        target: policy.target,
        pauses: PauseSet::default(),
        now: now.and_then(parse_instant),
        warn_before: policy.warn_before,
    };
    let Ok((deadline, due)) = engine::compute(calendar, &inputs) else {
        return (None, Vec::new());
    };
    let diagnostics = explain(&fields, &wording, sla, policy, calendar, &deadline, due);
    let report = SlaReport {
        policy: policy.id.clone(),
        calendar: calendar_id.to_string(),
        team: wording.team.map(Cow::into_owned),
        deadline,
    };
    (Some(report), diagnostics)
}

/// The `sla/…` findings of a packet's deadline (`due`, in Unix seconds).
fn explain(
    fields: &Fields<'_>,
    wording: &Wording<'_>,
    sla: &Sla,
    policy: &Policy,
    calendar: &Calendar,
    deadline: &Deadline,
    due: i64,
) -> Vec<Diagnostic> {
    // The deadline as its text reads back: before 1970 the year may be one RFC 3339 cannot
    // write (before year 0), and then there are no findings.
    let due = if due >= 0 {
        Some(due)
    } else {
        parse_instant(&deadline.deadline)
    };
    let Some(due) = due else {
        return Vec::new();
    };
    let late = matches!(deadline.status, Some(Status::Breached | Status::AtRisk));
    let customer = text(fields.customer_deadline)
        .and_then(parse_instant)
        .filter(|&customer| due > customer);
    if !late && customer.is_none() {
        return Vec::new();
    }
    let mut diagnostics = Vec::new();
    let team = team_label(fields, wording, sla);
    let when = format!(
        "{} ({})",
        wall_clock(calendar, due),
        place_of(calendar.time_zone())
    );
    let target = policy.target.describe();
    match deadline.status {
        Some(Status::Breached) => diagnostics.push(
            Diagnostic::new(
                "sla/breached",
                Severity::Warning,
                Source::Sla,
                "/handoff/at",
                format!("{team}'s deadline passed at {when}: {target} from the handoff."),
            )
            .with_hint(format!(
                "Escalate to {team} now and update the customer: they are waiting past the internal target."
            )),
        ),
        Some(Status::AtRisk) => {
            let left = deadline.remaining_business_minutes.unwrap_or(0);
            diagnostics.push(
                Diagnostic::new(
                    "sla/at-risk",
                    Severity::Warning,
                    Source::Sla,
                    "/handoff/at",
                    format!(
                        "{team} must act by {when}: {left} {} left of {target}.",
                        unit_words(policy.target.unit)
                    ),
                )
                .with_hint(format!(
                    "Make sure {team} has picked this up, or raise the urgency if it cannot wait."
                )),
            );
        }
        _ => {}
    }
    if let Some(customer) = customer {
        diagnostics.push(
            Diagnostic::new(
                "sla/after-customer-deadline",
                Severity::Warning,
                Source::Sla,
                "/customer/deadline",
                format!(
                    "{team} must act by {when} — after the customer's deadline of {}. Ask {team} to prioritise or reset the customer's expectation.",
                    wall_clock(calendar, customer)
                ),
            )
            .with_hint(format!(
                "{team}'s internal target is {target}; the customer was promised an answer sooner, so the promise breaks unless someone acts."
            )),
        );
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    #[test]
    fn wall_clock_matches_strftime() {
        let zone = jiff::tz::TimeZone::get("Europe/London").unwrap();
        let calendar = super::Calendar::from_value(
            &serde_json::json!({ "time_zone": "Europe/London", "week": { "mon": [["09:00", "17:00"]] } }),
            "",
        )
        .unwrap();
        for t in [
            1_795_435_200_i64,
            1_767_225_600,
            1_774_746_000,
            1_798_761_599,
        ] {
            let expected = jiff::Timestamp::from_second(t)
                .unwrap()
                .to_zoned(zone.clone())
                .strftime("%a %-d %b %H:%M")
                .to_string();
            assert_eq!(super::wall_clock(&calendar, t), expected);
        }
    }
}
