//! The SLA engine: business calendars, targets, pauses, policies and deadlines.
//!
//! [`Sla`] holds a bundle's compiled calendars and policies. It answers three questions:
//! - [`Sla::deadline`]: when must the receiving team act, given a calendar, a start, a target
//!   and pauses (and, with `now`, where things stand);
//! - [`Sla::business_minutes_between`]: open time between two instants, for reports;
//! - [`Sla::for_packet`]: the deadline of a packet's matching policy, with `sla/…` findings.
//!
//! Time semantics are in docs/sla.md; in short: instants on the timeline, wall-clock hours in
//! the calendar's zone, counting from the next opening, deadlines at the earliest instant the
//! target is met (so exactly at closing time when it lands there). The core never reads a
//! clock: `now` comes from the caller.

mod calendar;
mod civil;
mod engine;
mod packet;
mod pauses;
mod policy;
mod report;
mod rfc3339;
mod segment_log;
mod target;
mod team;
mod timeline;

pub use calendar::Calendar;
pub use engine::{CalendarRef, DeadlineRequest};
pub use packet::situation_of;
pub use pauses::Pause;
pub use policy::{builtin_policies, Match, Policy, Situation};
pub(crate) use report::whole_minutes;
pub use report::{Deadline, Segment, SlaReport, Status};
pub(crate) use rfc3339::parse_instant;
pub use target::{Target, TargetUnit, WarnBefore};
pub use team::TeamSla;

use crate::diagnostic::{Diagnostic, Severity, Source};
use crate::error::{Error, Result};
use crate::rules::RuleDoc;
use crate::tape::Node;
use serde_json::Value;
use std::collections::BTreeMap;

/// Codes this module emits.
pub const RULES: &[RuleDoc] = &[
    RuleDoc {
        code: "sla/at-risk",
        source: Source::Sla,
        severity: Severity::Warning,
        what: "The receiving team's internal deadline is close: the policy's warning time (warn_before) has passed.",
        why: "A warning while there is still time lets the team pick the case up before the customer waits too long.",
        example: "Finance must act by Mon 24 Nov 12:00 (London): 45 business minutes left of 4 business hours.",
    },
    RuleDoc {
        code: "sla/breached",
        source: Source::Sla,
        severity: Severity::Warning,
        what: "The receiving team's internal deadline has passed. A warning, not an error: the handoff itself may be complete, and it must still go, now.",
        why: "The customer is now waiting longer than the teams agreed; someone has to escalate and update them.",
        example: "Finance's deadline passed at Mon 24 Nov 12:00 (London): 4 business hours from the handoff.",
    },
    RuleDoc {
        code: "sla/after-customer-deadline",
        source: Source::Sla,
        severity: Severity::Warning,
        what: "The receiving team's internal deadline falls after the deadline the customer was given (customer.deadline).",
        why: "If the team uses all its internal time, the promise to the customer breaks.",
        example: "Finance must act by Mon 24 Nov 12:00 (London) — after the customer's deadline of Mon 24 Nov 09:00. Ask Finance to prioritise or reset the customer's expectation.",
    },
    RuleDoc {
        code: "sla/invalid-calendar",
        source: Source::Sla,
        severity: Severity::Error,
        what: "A business calendar cannot be used: unknown time zone, a time such as \"25:00\", overlapping intervals, a week with no open time, or a bad date.",
        why: "Deadlines counted on a wrong calendar would be wrong for every handoff to that team.",
        example: "\"25:00\" is not a time of day (at /calendars/london/week/mon/0/1).",
    },
    RuleDoc {
        code: "sla/invalid-policy",
        source: Source::Sla,
        severity: Severity::Error,
        what: "An SLA policy in the bundle cannot be used: no id, an unknown calendar, a target without a valid unit, or a bad warning.",
        why: "A policy that cannot be read would silently leave a team without its deadline.",
        example: "The unit must be business_minutes, business_hours, business_days or calendar_minutes (at /policies/0/target/unit).",
    },
    RuleDoc {
        code: "sla/invalid-request",
        source: Source::Sla,
        severity: Severity::Error,
        what: "A deadline request cannot be read: a start, now or pause that is not an RFC 3339 time with an offset, an unknown calendar id, or a target too large.",
        why: "Without a definite start and unit there is no honest deadline to show.",
        example: "The start \"next Monday\" is not a date and time with an offset (at /start).",
    },
];

/// A bundle's compiled calendars and SLA policies.
#[derive(Debug, Clone)]
pub struct Sla {
    calendars: BTreeMap<String, Calendar>,
    policies: Vec<Policy>,
    builtin: Vec<Policy>,
    /// The bundle's teams ([`Sla::with_teams`]).
    teams: Vec<TeamSla>,
}

impl Default for Sla {
    /// The built-in calendar `"default"` and the built-in policies.
    fn default() -> Self {
        let mut calendars = BTreeMap::new();
        calendars.insert("default".to_string(), Calendar::builtin_default());
        Sla {
            calendars,
            policies: Vec::new(),
            builtin: builtin_policies(),
            teams: Vec::new(),
        }
    }
}

impl Sla {
    /// Compiles the bundle's `calendars` (an object keyed by calendar id) and `policies` (an
    /// array). Null sections mean the built-in defaults; calendar `"default"` (Mon–Fri
    /// 09:00–17:00 UTC) exists unless the bundle defines its own. Errors carry diagnostics
    /// whose paths point inside the bundle; the kind is `"calendar"` when a calendar is
    /// invalid, else `"bundle"`.
    pub fn from_bundle(calendars: &Value, policies: &Value) -> Result<Sla> {
        let mut sla = Sla::default();
        let mut problems = Vec::new();
        match calendars {
            Value::Null => {}
            Value::Object(entries) => {
                for (id, value) in entries {
                    let prefix = crate::diagnostic::pointer_join("/calendars", id);
                    match Calendar::from_value(value, &prefix) {
                        Ok(calendar) => {
                            sla.calendars.insert(id.clone(), calendar);
                        }
                        Err(err) if err.kind == "limit" => return Err(err),
                        Err(err) => problems.extend(err.diagnostics),
                    }
                }
            }
            _ => problems.push(Diagnostic::new(
                "sla/invalid-calendar",
                Severity::Error,
                Source::Sla,
                "/calendars",
                "Give the calendars as an object keyed by calendar id, e.g. { \"london\": { \"time_zone\": \"Europe/London\", \"week\": … } }.",
            )),
        }
        let calendar_problems = !problems.is_empty();
        let calendar_ids = sla.calendars.clone();
        sla.policies = policy::parse_policies(policies, &calendar_ids, &mut problems);
        if let Some(first) = problems.first() {
            let (kind, what) = if calendar_problems {
                ("calendar", "a business calendar")
            } else {
                ("bundle", "an SLA policy")
            };
            let message = format!(
                "The bundle has {what} that cannot be used ({}): {}",
                first.path, first.message
            );
            return Err(Error::new(kind, message).with_diagnostics(problems));
        }
        Ok(sla)
    }

    /// The bundle's teams: their names for findings, and the calendar their policies
    /// count on when a policy names none (the bundle's `teams`, whose calendars are checked
    /// to exist there).
    pub fn with_teams(mut self, teams: Vec<TeamSla>) -> Sla {
        self.teams = teams;
        self
    }

    /// A calendar by id (`"default"` is always there unless replaced).
    pub fn calendar(&self, id: &str) -> Option<&Calendar> {
        self.calendars.get(id)
    }

    /// Every calendar by id, in id order.
    pub fn calendars(&self) -> impl Iterator<Item = (&str, &Calendar)> {
        self.calendars.iter().map(|(id, c)| (id.as_str(), c))
    }

    /// The bundle's own policies, in order (the built-in ones come after them).
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }

    fn resolve(&self, calendar: &CalendarRef) -> Result<std::borrow::Cow<'_, Calendar>> {
        match calendar {
            CalendarRef::Id(id) => self
                .calendars
                .get(id)
                .map(std::borrow::Cow::Borrowed)
                .ok_or_else(|| {
                    let known: Vec<&str> = self.calendars.keys().map(String::as_str).collect();
                    let message = format!(
                        "There is no calendar \"{id}\": use one of {} or give a calendar object.",
                        known.join(", ")
                    );
                    Error::new("input", message.clone()).with_diagnostics(vec![Diagnostic::new(
                        "sla/invalid-request",
                        Severity::Error,
                        Source::Sla,
                        "/calendar",
                        message,
                    )])
                }),
            CalendarRef::Inline(value) => {
                Calendar::from_value(value, "/calendar").map(std::borrow::Cow::Owned)
            }
        }
    }

    /// The deadline of one request. Errors name the request field at fault.
    pub fn deadline(&self, request: &DeadlineRequest) -> Result<Deadline> {
        let calendar = self.resolve(&request.calendar)?;
        let inputs = request.inputs()?;
        engine::compute(&calendar, &inputs).map(|(deadline, _)| deadline)
    }

    /// [`Sla::deadline`]'s `remaining_business_minutes`, and whether its status is breached,
    /// for a request on bundle calendar `id` from `start` judged at `now` (Unix seconds),
    /// without pauses or warning: the same walk, without writing out the deadline's texts
    /// (`handoff audit` asks this of every line). `None` exactly where [`Sla::deadline`] is an
    /// error.
    pub fn standing_at(
        &self,
        id: &str,
        start: i64,
        target: Target,
        now: i64,
    ) -> Option<(i64, bool)> {
        let calendar = self.calendars.get(id)?;
        if target.value > target.unit.max_value() {
            return None;
        }
        let inputs = engine::Inputs {
            start,
            target,
            pauses: pauses::PauseSet::default(),
            now: Some(now),
            warn_before: None,
        };
        engine::standing(calendar, &inputs).ok().flatten()
    }

    /// Open minutes of the calendar between two RFC 3339 instants, truncated to whole
    /// minutes. When `to` is before `from` the answer is negative: minus the open minutes from
    /// `to` to `from` (so swapping the two flips the sign).
    pub fn business_minutes_between(
        &self,
        calendar: &CalendarRef,
        from: &str,
        to: &str,
    ) -> Result<i64> {
        let calendar = self.resolve(calendar)?;
        let instant = |text: &str, path: &str| {
            rfc3339::parse_instant(text).ok_or_else(|| {
                let message = format!(
                    "\"{text}\" is not a date and time with an offset: write RFC 3339, e.g. \"2026-11-20T16:00:00Z\"."
                );
                engine::request_problem(path, message)
            })
        };
        let from = instant(from, "/from")?;
        let to = instant(to, "/to")?;
        self.business_minutes_between_seconds(&calendar, from, to)
    }

    /// Open minutes of the bundle calendar `id` between two instants already read (Unix
    /// seconds): what `rubric/late-handoff` measures. `None` without that calendar, or for
    /// instants more than 100 years apart.
    pub fn business_minutes_on(&self, id: &str, from: i64, to: i64) -> Option<i64> {
        let calendar = self.calendars.get(id)?;
        self.business_minutes_between_seconds(calendar, from, to)
            .ok()
    }

    /// [`Sla::business_minutes_between`] for instants already read (Unix seconds), on a
    /// resolved calendar.
    pub(crate) fn business_minutes_between_seconds(
        &self,
        calendar: &Calendar,
        from: i64,
        to: i64,
    ) -> Result<i64> {
        let (low, high, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        if high - low > timeline::HORIZON {
            let days = (high - low).div_euclid(86_400) as u64;
            return Err(crate::error::limit_exceeded(
                "sla-span-days",
                "The span between from and to",
                days,
                "/to",
            ));
        }
        let no_pauses = pauses::PauseSet::default();
        // Whole plain years are counted once per shape, so a century costs about a year.
        let seconds = timeline::Timeline::new(calendar, &no_pauses, high).count_by_years(low, high);
        Ok(sign * (seconds / 60))
    }

    /// The packet's SLA: the deadline of the policy matching `handoff.scenario`,
    /// `handoff.to.team` (or the scenario's usual team), `urgency` and `customer.sentiment`,
    /// counted from `handoff.at`, with `sla/at-risk`, `sla/breached` and
    /// `sla/after-customer-deadline` findings. No usable `handoff.at` gives `(None, [])` (the
    /// schema reports that); an unreadable `now` is ignored, and so is a packet nested
    /// deeper than a parsed document can be (127 containers).
    pub fn for_packet(
        &self,
        packet: &Value,
        now: Option<&str>,
    ) -> (Option<SlaReport>, Vec<Diagnostic>) {
        crate::tape::with_value(packet, |packet| self.for_node(packet, now)).unwrap_or_default()
    }

    /// [`Sla::for_packet`] for a packet read in place (the kit's path).
    pub fn for_node(
        &self,
        packet: Node<'_>,
        now: Option<&str>,
    ) -> (Option<SlaReport>, Vec<Diagnostic>) {
        packet::for_packet(self, packet, now)
    }
}
