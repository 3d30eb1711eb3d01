//! Computing one deadline: from a start, a target, pauses and an optional `now` to a
//! [`Deadline`] with its warning, status and explanation.

use super::calendar::Calendar;
use super::civil::DAY;
use super::pauses::{Pause, PauseSet};
use super::report::{Deadline, Segment, Status};
use super::rfc3339::{self, parse_instant};
use super::segment_log::{NoLog, SegmentLog};
use super::target::{Target, TargetUnit, WarnBefore};
use super::timeline::{self, Timeline, HORIZON};
use crate::diagnostic::{Diagnostic, Severity, Source};
use crate::error::{Error, Result};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Which calendar a request uses: the id of a bundle calendar, or a calendar object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CalendarRef {
    Id(String),
    Inline(Value),
}

/// `{ calendar, start, target, pauses?, now?, warn_before? }`, as the JS API takes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadlineRequest {
    pub calendar: CalendarRef,
    /// RFC 3339 with an offset, e.g. `2026-11-20T16:00:00Z`.
    pub start: String,
    pub target: Target,
    #[serde(default)]
    pub pauses: Vec<Pause>,
    /// The caller's "now" (RFC 3339); the core never reads a clock.
    #[serde(default)]
    pub now: Option<String>,
    #[serde(default)]
    pub warn_before: Option<WarnBefore>,
}

/// A request whose strings have been read: Unix seconds throughout.
#[derive(Debug, Clone)]
pub(crate) struct Inputs {
    pub start: i64,
    pub target: Target,
    pub pauses: PauseSet,
    pub now: Option<i64>,
    pub warn_before: Option<WarnBefore>,
}

/// An unusable deadline request: an `input` error with one `sla/invalid-request` diagnostic.
pub(crate) fn request_problem(path: &str, message: String) -> Error {
    Error::new("input", message.clone()).with_diagnostics(vec![Diagnostic::new(
        "sla/invalid-request",
        Severity::Error,
        Source::Sla,
        path,
        message,
    )])
}

fn instant_field(text: &str, path: &str, what: &str) -> Result<i64> {
    parse_instant(text).ok_or_else(|| {
        request_problem(
            path,
            format!("{what} \"{text}\" is not a date and time with an offset: write RFC 3339, e.g. \"2026-11-20T16:00:00Z\" or \"2026-11-20T16:00:00+01:00\"."),
        )
    })
}

impl DeadlineRequest {
    /// Reads the request's times and checks its target; errors name the field
    /// (`/start`, `/pauses/0/to`, `/target/value` …) in an `sla/invalid-request` diagnostic.
    pub(crate) fn inputs(&self) -> Result<Inputs> {
        let start = instant_field(&self.start, "/start", "The start")?;
        let now = match &self.now {
            Some(now) => Some(instant_field(now, "/now", "Now")?),
            None => None,
        };
        let mut ranges = Vec::with_capacity(self.pauses.len());
        for (index, pause) in self.pauses.iter().enumerate() {
            let from = instant_field(
                &pause.from,
                &format!("/pauses/{index}/from"),
                "The pause start",
            )?;
            let to = instant_field(&pause.to, &format!("/pauses/{index}/to"), "The pause end")?;
            if to < from {
                return Err(request_problem(
                    &format!("/pauses/{index}/to"),
                    "This pause ends before it starts: swap from and to.".to_string(),
                ));
            }
            ranges.push((from, to));
        }
        if self.target.value > self.target.unit.max_value() {
            let error = crate::error::limit_exceeded(
                self.target.unit.limit_name(),
                "The target",
                self.target.value,
                "/target/value",
            );
            let diagnostics = request_problem("/target/value", error.message.clone()).diagnostics;
            return Err(error.with_diagnostics(diagnostics));
        }
        if let Some(percent) = self.warn_before.and_then(|w| w.percent) {
            if !(0.0..=100.0).contains(&percent) {
                return Err(request_problem(
                    "/warn_before/percent",
                    "warn_before.percent is a share of the target, from 0 to 100.".to_string(),
                ));
            }
        }
        Ok(Inputs {
            start,
            target: self.target,
            pauses: PauseSet::new(ranges),
            now,
            warn_before: self.warn_before,
        })
    }
}

/// Checks a target's size; the message says what is accepted.
pub(crate) fn check_target(target: Target) -> std::result::Result<(), String> {
    let max = target.unit.max_value();
    if target.value > max {
        return Err(format!(
            "{} is more than this engine will count: at most {max} {}.",
            target.describe(),
            target.unit.as_str().replace('_', " ")
        ));
    }
    Ok(())
}

fn out_of_range() -> Error {
    Error::new(
        "input",
        "The deadline falls after the year 9999, past the last date this engine reads.",
    )
}

/// A walk from `start` that ended without reaching its goal: past the span a deadline is
/// searched over (an error of kind `limit` on `/target`), unless that span runs past the
/// year 9999, where the walk may have stopped at the end of the time line instead.
fn not_reached(start: i64) -> Error {
    if Timestamp::from_second(start.saturating_add(HORIZON)).is_err() {
        return out_of_range();
    }
    let error = crate::error::limit_not_reached(
        "sla-span-days",
        "The deadline",
        crate::limits::SLA_SPAN_DAYS as u64,
        "/target",
    );
    let diagnostics = request_problem("/target", error.message.clone()).diagnostics;
    error.with_diagnostics(diagnostics)
}

/// Formats Unix seconds as UTC RFC 3339 (`…Z`).
pub(crate) fn utc_text(t: i64) -> Result<String> {
    Timestamp::from_second(t).map_err(|_| out_of_range())?;
    Ok(rfc3339::format(t, 0, true))
}

/// Formats Unix seconds as RFC 3339 with the calendar's offset at that instant.
fn local_text(timeline: &mut Timeline<'_>, t: i64) -> Result<String> {
    let offset = timeline.offset_at(t).ok_or_else(out_of_range)?;
    Ok(rfc3339::format(t + offset, offset, false))
}

/// The walk from the start to the deadline: the timeline it used (kept for the walks after),
/// the seconds it counted and the deadline, with the stretches counted in `log`.
fn reach<'c>(
    calendar: &'c Calendar,
    inputs: &'c Inputs,
    log: &mut SegmentLog,
) -> Result<(Timeline<'c>, i64, i64)> {
    let start = inputs.start;
    let limit = start.saturating_add(HORIZON);
    let pauses = &inputs.pauses;
    let calendar_time = inputs.target.unit == TargetUnit::CalendarMinutes;
    // One timeline for every walk, so its offset lookups are reused.
    let mut timeline = if calendar_time {
        Timeline::always_open(calendar, pauses, limit)
    } else {
        Timeline::new(calendar, pauses, limit)
    };
    let (total, deadline) = if inputs.target.unit != TargetUnit::BusinessDays {
        let total = inputs.target.counted_seconds().ok_or_else(out_of_range)?;
        let deadline = timeline
            .advance(start, total, log)
            .ok_or_else(|| not_reached(start))?;
        (total, deadline)
    } else {
        let plan = business_days_plan(calendar, &mut timeline, start, inputs.target.value, log)?;
        // Pauses push the same-local-time deadline by the open time they cover.
        let paused = if pauses.is_empty() {
            0
        } else {
            plan.seconds - timeline.count(plan.first, plan.end)
        };
        let deadline = if paused > 0 {
            timeline
                .advance(plan.end, paused, &mut NoLog)
                .ok_or_else(|| not_reached(start))?
        } else {
            plan.end
        };
        // Without pauses the plan's own count logged the stretches already.
        if !pauses.is_empty() {
            *log = SegmentLog::default();
            timeline
                .advance(start, plan.seconds, log)
                .ok_or_else(|| not_reached(start))?;
        }
        (plan.seconds, deadline)
    };
    Ok((timeline, total, deadline))
}

/// Open seconds counted from the start to `now`, on the timeline that reached `deadline`.
fn elapsed_at(
    calendar: &Calendar,
    inputs: &Inputs,
    timeline: &mut Timeline<'_>,
    deadline: i64,
    now: i64,
) -> i64 {
    // Up to the deadline that walk is no longer than the walk to the deadline; past it, the
    // time after the deadline is counted whole years at once (`Timeline::count_by_years`) on a
    // walk that may reach `now`, so a status a century after the deadline costs about what
    // one a year after does, and is exact past the span a deadline is searched over.
    let start = inputs.start;
    if now <= deadline {
        timeline.count(start, now)
    } else {
        let mut after = if inputs.target.unit == TargetUnit::CalendarMinutes {
            Timeline::always_open(calendar, &inputs.pauses, now)
        } else {
            Timeline::new(calendar, &inputs.pauses, now)
        };
        timeline.count(start, deadline) + after.count_by_years(deadline, now)
    }
}

/// Where the deadline of `inputs` (which has a `now`) stands at `now`: the whole minutes
/// left (negative once past) and whether it is breached, as [`compute`] reports them in
/// `remaining_business_minutes` and `status`, and an error exactly where [`compute`] has
/// one, without writing out the deadline's texts (what `handoff audit` needs per line).
/// `None` without a `now`, or with a warning or pauses (whose statuses this does not tell).
pub(crate) fn standing(calendar: &Calendar, inputs: &Inputs) -> Result<Option<(i64, bool)>> {
    let Some(now) = inputs.now else {
        return Ok(None);
    };
    if inputs.warn_before.is_some() || !inputs.pauses.is_empty() {
        return Ok(None);
    }
    let mut log = SegmentLog::default();
    let (mut timeline, total, deadline) = reach(calendar, inputs, &mut log)?;
    // What `compute` fails on when it writes the texts: an instant past the year 9999 (the
    // stretches in between lie within these two).
    utc_range(inputs.start)?;
    utc_range(deadline)?;
    let remaining = total - elapsed_at(calendar, inputs, &mut timeline, deadline, now);
    Ok(Some((remaining.div_euclid(60), now > deadline)))
}

fn utc_range(t: i64) -> Result<()> {
    Timestamp::from_second(t).map_err(|_| out_of_range())?;
    Ok(())
}

/// The deadline of `inputs` on `calendar`, and that deadline as Unix seconds.
pub(crate) fn compute(calendar: &Calendar, inputs: &Inputs) -> Result<(Deadline, i64)> {
    let start = inputs.start;
    let pauses = &inputs.pauses;
    let mut log = SegmentLog::default();
    let (mut timeline, total, deadline) = reach(calendar, inputs, &mut log)?;
    // The walk to the deadline counted the same time: its log usually tells when the warning
    // is due without walking again.
    let warn_at = match inputs.warn_before.and_then(|w| w.seconds_left(total)) {
        Some(left) => Some(match log.instant_after(total - left) {
            Some(at) => at,
            None => timeline
                .advance(start, total - left, &mut NoLog)
                .ok_or_else(out_of_range)?,
        }),
        None => None,
    };
    let mut deadline_report = Deadline {
        time_zone: calendar.time_zone().to_string(),
        target: inputs.target,
        start: utc_text(start)?,
        deadline: utc_text(deadline)?,
        deadline_local: local_text(&mut timeline, deadline)?,
        warn_at: warn_at.map(utc_text).transpose()?,
        status: None,
        remaining_business_minutes: None,
        elapsed_ratio: None,
        segments: Vec::with_capacity(log.pieces().len()),
    };
    for piece in log.pieces() {
        // The last segment usually ends at the deadline, already written out.
        let end = if piece.end == deadline {
            deadline_report.deadline_local.clone()
        } else {
            local_text(&mut timeline, piece.end)?
        };
        deadline_report.segments.push(Segment {
            start: local_text(&mut timeline, piece.start)?,
            end,
            minutes: piece.seconds as f64 / 60.0,
        });
    }
    if let Some(now) = inputs.now {
        // What is left (negative once past) is the target minus what has elapsed.
        let elapsed = elapsed_at(calendar, inputs, &mut timeline, deadline, now);
        let remaining = total - elapsed;
        let ratio = if total > 0 {
            elapsed as f64 / total as f64
        } else if now >= deadline {
            1.0
        } else {
            0.0
        };
        deadline_report.remaining_business_minutes = Some(remaining.div_euclid(60));
        deadline_report.elapsed_ratio = Some((ratio * 10_000.0).round() / 10_000.0);
        deadline_report.status = Some(if now > deadline {
            Status::Breached
        } else if pauses.contains(now) {
            Status::Paused
        } else if warn_at.is_some_and(|w| now >= w) {
            Status::AtRisk
        } else {
            Status::OnTrack
        });
    }
    Ok((deadline_report, deadline))
}

/// A `business_days` target laid out on the calendar, ignoring pauses.
struct BusinessDaysPlan {
    /// The first open instant at or after the start (pauses considered).
    first: i64,
    /// The same local time as `first` on the n-th next business day after the one `first`
    /// belongs to or, when that time is closed then, the end of that day's open time.
    end: i64,
    /// Open seconds from `first` to `end`.
    seconds: i64,
}

fn business_days_plan(
    calendar: &Calendar,
    timeline: &mut Timeline<'_>,
    start: i64,
    days: u64,
    log: &mut SegmentLog,
) -> Result<BusinessDaysPlan> {
    let first = timeline
        .advance(start, 0, &mut NoLog)
        .ok_or_else(|| not_reached(start))?;
    if days == 0 {
        return Ok(BusinessDaysPlan {
            first,
            end: first,
            seconds: 0,
        });
    }
    let offset = timeline.offset_at(first).ok_or_else(out_of_range)?;
    let local = first + offset;
    // Counted from the business day the first open instant belongs to (a night shift's
    // morning belongs to the evening it started), keeping its wall-clock time in that frame.
    let day = calendar.owning_day(local);
    let time = local - day * DAY;
    let target_day =
        timeline::nth_business_day(calendar, day, days).ok_or_else(|| not_reached(start))?;
    let wanted = target_day * DAY + time;
    let local_end = if calendar.is_open_at_local(wanted) {
        wanted
    } else {
        calendar.close_of(target_day).ok_or_else(out_of_range)?
    };
    let end = timeline
        .instant_of_local(local_end, first)
        .ok_or_else(out_of_range)?;
    let seconds = if timeline.has_pauses() {
        let no_pauses = PauseSet::default();
        Timeline::new(calendar, &no_pauses, end).count(first, end)
    } else {
        timeline.count_logged(first, end, log)
    };
    Ok(BusinessDaysPlan {
        first,
        end,
        seconds,
    })
}
