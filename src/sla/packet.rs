//! The SLA part of checking a packet: pick the policy, compute the receiving team's deadline
//! from `handoff.at`, and say when it is at risk, breached, or after the customer's deadline.

use super::engine::{self, Inputs};
use super::rfc3339::parse_instant;
use super::pauses::PauseSet;
use super::policy::{self, normalise, Policy, Situation};
use super::report::{SlaReport, Status};
use super::target::TargetUnit;
use super::Sla;
use crate::diagnostic::{Diagnostic, Severity, Source};
use jiff::Timestamp;
use serde_json::Value;

/// The situation a packet describes, normalised for policy matching.
pub fn situation_of(packet: &Value) -> Situation {
    let scenario = crate::packet::text(packet, "/handoff/scenario").map(normalise);
    let team = crate::packet::text(packet, "/handoff/to/team")
        .map(normalise)
        .or_else(|| {
            scenario
                .as_deref()
                .and_then(crate::scenario::receiving_team)
                .map(str::to_string)
        });
    Situation {
        scenario,
        team,
        urgency: crate::packet::text(packet, "/urgency").map(normalise),
        sentiment: crate::packet::text(packet, "/customer/sentiment").map(normalise),
    }
}

/// "Finance", "Customer success": a team id as an agent would say it.
fn team_label(packet: &Value, situation: &Situation) -> String {
    let raw = crate::packet::text(packet, "/handoff/to/team")
        .map(str::to_string)
        .or_else(|| situation.team.clone())
        .unwrap_or_else(|| "The receiving team".to_string());
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
fn wall_clock(sla_zone: &jiff::tz::TimeZone, t: i64) -> String {
    const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Ok(timestamp) = Timestamp::from_second(t) else {
        return String::new();
    };
    let local = timestamp.to_zoned(sla_zone.clone()).datetime();
    let weekday = WEEKDAYS[usize::from(local.weekday().to_monday_zero_offset().unsigned_abs()) % 7];
    let month = MONTHS[usize::from(local.month().unsigned_abs()).saturating_sub(1) % 12];
    format!(
        "{weekday} {} {month} {:02}:{:02}",
        local.day(),
        local.hour(),
        local.minute()
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
    packet: &Value,
    now: Option<&str>,
) -> (Option<SlaReport>, Vec<Diagnostic>) {
    let Some(start) = crate::packet::text(packet, "/handoff/at").and_then(parse_instant) else {
        return (None, Vec::new());
    };
    let situation = situation_of(packet);
    let Some(policy) = policy::choose(&sla.policies, &sla.builtin, &situation) else {
        return (None, Vec::new());
    };
    let Some(calendar) = sla.calendars.get(&policy.calendar) else {
        return (None, Vec::new());
    };
    let inputs = Inputs {
        start,
        target: policy.target,
        pauses: PauseSet::default(),
        now: now.and_then(parse_instant),
        warn_before: policy.warn_before,
    };
    let Ok(deadline) = engine::compute(calendar, &inputs) else {
        return (None, Vec::new());
    };
    let diagnostics = explain(packet, &situation, policy, calendar, &deadline);
    let report = SlaReport {
        policy: policy.id.clone(),
        calendar: policy.calendar.clone(),
        deadline,
    };
    (Some(report), diagnostics)
}

fn explain(
    packet: &Value,
    situation: &Situation,
    policy: &Policy,
    calendar: &super::Calendar,
    deadline: &super::Deadline,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let Some(due) = parse_instant(&deadline.deadline) else {
        return diagnostics;
    };
    let team = team_label(packet, situation);
    let zone = calendar.zone();
    let when = format!(
        "{} ({})",
        wall_clock(zone, due),
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
    let customer = crate::packet::text(packet, "/customer/deadline").and_then(parse_instant);
    if let Some(customer) = customer {
        if due > customer {
            diagnostics.push(
                Diagnostic::new(
                    "sla/after-customer-deadline",
                    Severity::Warning,
                    Source::Sla,
                    "/customer/deadline",
                    format!(
                        "{team} must act by {when} — after the customer's deadline of {}. Ask {team} to prioritise or reset the customer's expectation.",
                        wall_clock(zone, customer)
                    ),
                )
                .with_hint(format!(
                    "{team}'s internal target is {target}; the customer was promised an answer sooner, so the promise breaks unless someone acts."
                )),
            );
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    #[test]
    fn wall_clock_matches_strftime() {
        let zone = jiff::tz::TimeZone::get("Europe/London").unwrap();
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
            assert_eq!(super::wall_clock(&zone, t), expected);
        }
    }
}
