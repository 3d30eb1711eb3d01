//! A business calendar: the receiving team's time zone, weekly open hours, holidays and
//! exceptions, compiled for fast lookups.
//!
//! ```json
//! { "time_zone": "Europe/London",
//!   "week": { "mon": [["09:00", "17:00"]], "tue": [["09:00", "12:30"], ["13:30", "17:00"]] },
//!   "holidays": ["2026-12-25", "*-01-01"],
//!   "exceptions": [{ "date": "2026-12-24", "hours": [["09:00", "13:00"]] }] }
//! ```
//!
//! Semantics (see docs/sla.md):
//! - An interval `[start, end]` is local wall-clock time. `"24:00"` is allowed as an end. An
//!   interval whose end is not after its start runs past midnight and belongs to the day it
//!   starts on (`["22:00", "06:00"]` on Monday is Monday's night shift).
//! - A date's open time is its exception's `hours` if it has one (an exception wins over a
//!   holiday, so it can open a holiday), else nothing if it is a holiday, else the week's hours
//!   for its weekday. Holidays are dates in the calendar's own zone; `*-MM-DD` repeats every
//!   year (`*-02-29` only in leap years).
//! - A *business day* is a date with open time.

use super::civil::{self, DAY};
use crate::diagnostic::{pointer_join, Diagnostic, Severity, Source};
use crate::error::{Error, Result};
use jiff::tz::TimeZone;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Weekday keys of `week`, Monday first.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// One open interval of a day, in minutes after that day's local midnight: `start` in
/// `0..1440`, `end` in `start + 1 ..= start + 1440` (past 1440 for overnight intervals).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub start: u32,
    pub end: u32,
}

impl Interval {
    fn minutes(self) -> u32 {
        self.end - self.start
    }
}

/// A compiled business calendar.
#[derive(Debug, Clone)]
pub struct Calendar {
    zone_name: String,
    zone: TimeZone,
    week: [Vec<Interval>; 7],
    week_open_seconds: i64,
    week_business_days: u32,
    holidays: BTreeSet<i64>,
    /// `recurring[month * 32 + day]`: a `*-MM-DD` holiday.
    recurring: Vec<bool>,
    has_recurring: bool,
    /// The `*-MM-DD` holidays as `(month, day)`.
    recurring_dates: Vec<(u32, u32)>,
    exceptions: BTreeMap<i64, Vec<Interval>>,
}

impl Calendar {
    /// The built-in calendar `"default"`: Monday to Friday, 09:00–17:00, in UTC.
    pub fn builtin_default() -> Calendar {
        let day = vec![Interval {
            start: 9 * 60,
            end: 17 * 60,
        }];
        let week = [
            day.clone(),
            day.clone(),
            day.clone(),
            day.clone(),
            day,
            Vec::new(),
            Vec::new(),
        ];
        Calendar::assemble(
            "UTC".to_string(),
            TimeZone::UTC,
            week,
            BTreeSet::new(),
            vec![false; 13 * 32],
            BTreeMap::new(),
        )
    }

    /// Compiles a calendar from JSON. Every problem becomes an `sla/invalid-calendar`
    /// diagnostic whose `path` is `path_prefix` plus the field's pointer inside the calendar
    /// (e.g. `/calendars/london/week/mon/0/1`); the error's kind is `"calendar"`.
    pub fn from_value(value: &Value, path_prefix: &str) -> Result<Calendar> {
        let mut problems = Vec::new();
        let calendar = parse(value, path_prefix, &mut problems);
        match calendar {
            Some(calendar) if problems.is_empty() => Ok(calendar),
            _ => {
                let first = problems
                    .first()
                    .map(|d| d.message.clone())
                    .unwrap_or_else(|| "it could not be read".to_string());
                Err(Error::new(
                    "calendar",
                    format!("The business calendar is not valid: {first}"),
                )
                .with_diagnostics(problems))
            }
        }
    }

    fn assemble(
        zone_name: String,
        zone: TimeZone,
        week: [Vec<Interval>; 7],
        holidays: BTreeSet<i64>,
        recurring: Vec<bool>,
        exceptions: BTreeMap<i64, Vec<Interval>>,
    ) -> Calendar {
        let week_open_seconds = week
            .iter()
            .flatten()
            .map(|i| i64::from(i.minutes()) * 60)
            .sum();
        let week_business_days = week.iter().filter(|d| !d.is_empty()).count() as u32;
        Calendar {
            zone_name,
            zone,
            week,
            week_open_seconds,
            week_business_days,
            holidays,
            has_recurring: recurring.contains(&true),
            recurring_dates: (1..=12u32)
                .flat_map(|m| (1..=31u32).map(move |d| (m, d)))
                .filter(|&(m, d)| recurring.get((m * 32 + d) as usize) == Some(&true))
                .collect(),
            recurring,
            exceptions,
        }
    }

    /// The IANA name of the calendar's time zone, e.g. `Europe/London`.
    pub fn time_zone(&self) -> &str {
        &self.zone_name
    }

    pub(crate) fn zone(&self) -> &TimeZone {
        &self.zone
    }

    /// Open seconds in one regular week (no holiday, no exception).
    pub(crate) fn week_open_seconds(&self) -> i64 {
        self.week_open_seconds
    }

    /// Business days in one regular week.
    pub(crate) fn week_business_days(&self) -> u32 {
        self.week_business_days
    }

    fn is_holiday(&self, day: i64) -> bool {
        if self.holidays.contains(&day) {
            return true;
        }
        if !self.has_recurring {
            return false;
        }
        let (_, month, dom) = civil::civil_from_days(day);
        self.recurring
            .get((month * 32 + dom) as usize)
            .copied()
            .unwrap_or(false)
    }

    /// The open intervals that belong to a local date (its day number).
    pub(crate) fn intervals_on(&self, day: i64) -> &[Interval] {
        if !self.exceptions.is_empty() {
            if let Some(hours) = self.exceptions.get(&day) {
                return hours;
            }
        }
        if self.is_holiday(day) {
            return &[];
        }
        self.week
            .get(civil::weekday(day))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The first date from `first` to `last` (inclusive) that does not follow the week's
    /// hours (a holiday or an exception), if any. Costs a few lookups, not one per date.
    pub(crate) fn first_irregular(&self, first: i64, last: i64) -> Option<i64> {
        if first > last {
            return None;
        }
        let mut found = self.exceptions.range(first..=last).next().map(|(d, _)| *d);
        if let Some(&day) = self.holidays.range(first..=last).next() {
            found = Some(found.map_or(day, |f| f.min(day)));
        }
        if self.has_recurring {
            let (first_year, _, _) = civil::civil_from_days(first);
            let (last_year, _, _) = civil::civil_from_days(last);
            for year in first_year..=last_year {
                for &(month, dom) in &self.recurring_dates {
                    if dom > civil::days_in_month(year, month) {
                        continue; // *-02-29 outside leap years
                    }
                    let day = civil::days_from_civil(year, month, dom);
                    if (first..=last).contains(&day) {
                        found = Some(found.map_or(day, |f| f.min(day)));
                    }
                }
            }
        }
        found
    }

    /// Whether a date has open time.
    pub(crate) fn is_business_day(&self, day: i64) -> bool {
        !self.intervals_on(day).is_empty()
    }

    /// Whether the wall-clock time `local` (local seconds) is open: inside an interval of its
    /// own date, or inside the overnight part of the previous date's interval.
    pub(crate) fn is_open_at_local(&self, local: i64) -> bool {
        let day = local.div_euclid(DAY);
        let second = local.rem_euclid(DAY);
        let inside = |day: i64, second: i64| {
            self.intervals_on(day)
                .iter()
                .any(|i| i64::from(i.start) * 60 <= second && second < i64::from(i.end) * 60)
        };
        inside(day, second) || inside(day - 1, second + DAY)
    }

    /// The end of a date's open time (local seconds), if it has any.
    pub(crate) fn close_of(&self, day: i64) -> Option<i64> {
        self.intervals_on(day)
            .iter()
            .map(|i| day * DAY + i64::from(i.end) * 60)
            .max()
    }
}

fn invalid(path: String, message: String) -> Diagnostic {
    Diagnostic::new(
        "sla/invalid-calendar",
        Severity::Error,
        Source::Sla,
        path,
        message,
    )
}

fn parse(value: &Value, prefix: &str, problems: &mut Vec<Diagnostic>) -> Option<Calendar> {
    let Some(object) = value.as_object() else {
        problems.push(invalid(
            prefix.to_string(),
            "A calendar must be an object with a time_zone and weekly hours.".to_string(),
        ));
        return None;
    };
    for key in object.keys() {
        if !matches!(
            key.as_str(),
            "time_zone" | "week" | "holidays" | "exceptions" | "title" | "description"
        ) {
            problems.push(invalid(
                pointer_join(prefix, key),
                format!(
                    "\"{key}\" is not a calendar setting: use time_zone, week, holidays and exceptions."
                ),
            ));
        }
    }
    let zone = parse_zone(object.get("time_zone"), prefix, problems);
    let week = parse_week(object.get("week"), &pointer_join(prefix, "week"), problems);
    let (holidays, recurring) = parse_holidays(
        object.get("holidays"),
        &pointer_join(prefix, "holidays"),
        problems,
    );
    let exceptions = parse_exceptions(
        object.get("exceptions"),
        &pointer_join(prefix, "exceptions"),
        problems,
    );
    let (zone_name, zone) = zone?;
    Some(Calendar::assemble(
        zone_name, zone, week?, holidays, recurring, exceptions,
    ))
}

fn parse_zone(
    value: Option<&Value>,
    prefix: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<(String, TimeZone)> {
    let path = pointer_join(prefix, "time_zone");
    let Some(name) = value.and_then(Value::as_str) else {
        problems.push(invalid(
            path,
            "Give the calendar's time zone as an IANA name such as \"Europe/London\": hours and holidays are local to it.".to_string(),
        ));
        return None;
    };
    match TimeZone::get(name) {
        Ok(zone) => Some((name.to_string(), zone)),
        Err(_) => {
            problems.push(invalid(
                path,
                format!("\"{name}\" is not a known time zone: use an IANA name such as \"Europe/London\" or \"America/New_York\"."),
            ));
            None
        }
    }
}

fn parse_week(
    value: Option<&Value>,
    path: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<[Vec<Interval>; 7]> {
    let Some(object) = value.and_then(Value::as_object) else {
        problems.push(invalid(
            path.to_string(),
            "Give the weekly open hours, e.g. \"week\": { \"mon\": [[\"09:00\", \"17:00\"]] }."
                .to_string(),
        ));
        return None;
    };
    let before = problems.len();
    for key in object.keys() {
        if !WEEKDAYS.contains(&key.as_str()) {
            problems.push(invalid(
                pointer_join(path, key),
                format!("\"{key}\" is not a weekday: use mon, tue, wed, thu, fri, sat and sun."),
            ));
        }
    }
    let mut week: [Vec<Interval>; 7] = Default::default();
    for (slot, name) in week.iter_mut().zip(WEEKDAYS) {
        if let Some(hours) = object.get(name) {
            *slot = parse_hours(hours, &pointer_join(path, name), problems);
        }
    }
    // Overlaps across days (an overnight interval running into the next day's hours), on the
    // circular axis of one week.
    let mut all: Vec<(u32, u32, usize, usize)> = Vec::new();
    for (day, intervals) in week.iter().enumerate() {
        for (index, interval) in intervals.iter().enumerate() {
            let offset = day as u32 * 1440;
            all.push((offset + interval.start, offset + interval.end, day, index));
        }
    }
    all.sort_unstable();
    let week_minutes = 7 * 1440;
    let wrap = all
        .last()
        .map(|&(_, end, _, _)| end.saturating_sub(week_minutes));
    for (k, &(start, _, day, index)) in all.iter().enumerate() {
        let previous_end = match k.checked_sub(1).and_then(|p| all.get(p)) {
            Some(&(_, end, _, _)) => end,
            None => wrap.unwrap_or(0),
        };
        if start < previous_end {
            let day_name = WEEKDAYS.get(day).copied().unwrap_or("mon");
            let at = pointer_join(&pointer_join(path, day_name), &index.to_string());
            if !problems.iter().any(|p| p.path == at) {
                problems.push(invalid(
                    at,
                    format!("This {day_name} interval overlaps the hours before it (an overnight interval runs into the next day): make the intervals follow one another."),
                ));
            }
        }
    }
    if problems.len() == before && all.is_empty() {
        problems.push(invalid(
            path.to_string(),
            "The week has no open time: give at least one day some hours, or no deadline could ever be reached.".to_string(),
        ));
    }
    (problems.len() == before).then_some(week)
}

/// One day's `[["HH:MM", "HH:MM"], …]`; checks each time and that the intervals do not overlap.
fn parse_hours(value: &Value, path: &str, problems: &mut Vec<Diagnostic>) -> Vec<Interval> {
    let Some(list) = value.as_array() else {
        problems.push(invalid(
            path.to_string(),
            "Give a list of intervals such as [[\"09:00\", \"17:00\"]] (an empty list means closed)."
                .to_string(),
        ));
        return Vec::new();
    };
    let mut intervals: Vec<(Interval, usize)> = Vec::new();
    for (index, item) in list.iter().enumerate() {
        let item_path = pointer_join(path, &index.to_string());
        let pair = item.as_array().filter(|pair| pair.len() == 2);
        let Some(pair) = pair else {
            problems.push(invalid(
                item_path,
                "Write each interval as a pair of times, [\"09:00\", \"17:00\"].".to_string(),
            ));
            continue;
        };
        let start = parse_time(
            pair.first(),
            false,
            &pointer_join(&item_path, "0"),
            problems,
        );
        let end = parse_time(pair.get(1), true, &pointer_join(&item_path, "1"), problems);
        if let (Some(start), Some(end)) = (start, end) {
            let end = if end <= start { end + 1440 } else { end };
            intervals.push((Interval { start, end }, index));
        }
    }
    intervals.sort_unstable_by_key(|(i, _)| i.start);
    for pair in intervals.windows(2) {
        if let [(before, _), (after, index)] = pair {
            if after.start < before.end {
                problems.push(invalid(
                    pointer_join(path, &index.to_string()),
                    "This interval overlaps another one of the same day: make the intervals follow one another.".to_string(),
                ));
            }
        }
    }
    intervals.into_iter().map(|(i, _)| i).collect()
}

fn parse_time(
    value: Option<&Value>,
    is_end: bool,
    path: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<u32> {
    let text = value.and_then(Value::as_str).unwrap_or("");
    let parsed = civil::parse_hhmm(text, is_end);
    if parsed.is_none() {
        let shown = value.map(Value::to_string).unwrap_or_default();
        let allowed = if is_end {
            "from \"00:00\" to \"24:00\""
        } else {
            "from \"00:00\" to \"23:59\""
        };
        problems.push(invalid(
            path.to_string(),
            format!("{shown} is not a time of day: write \"HH:MM\", {allowed}."),
        ));
    }
    parsed
}

fn parse_holidays(
    value: Option<&Value>,
    path: &str,
    problems: &mut Vec<Diagnostic>,
) -> (BTreeSet<i64>, Vec<bool>) {
    let mut dates = BTreeSet::new();
    let mut recurring = vec![false; 13 * 32];
    let list = match value {
        None | Some(Value::Null) => return (dates, recurring),
        Some(Value::Array(list)) => list,
        Some(_) => {
            problems.push(invalid(
                path.to_string(),
                "Give holidays as a list of dates, e.g. [\"2026-12-25\", \"*-01-01\"].".to_string(),
            ));
            return (dates, recurring);
        }
    };
    for (index, item) in list.iter().enumerate() {
        let text = item.as_str().unwrap_or("");
        if let Some(month_day) = text.strip_prefix("*-") {
            if let Some((month, day)) = civil::parse_month_day(month_day) {
                if let Some(slot) = recurring.get_mut((month * 32 + day) as usize) {
                    *slot = true;
                }
                continue;
            }
        } else if let Some(day) = civil::parse_date(text) {
            dates.insert(day);
            continue;
        }
        problems.push(invalid(
            pointer_join(path, &index.to_string()),
            format!("{item} is not a holiday date: write \"YYYY-MM-DD\" for one date or \"*-MM-DD\" for every year."),
        ));
    }
    (dates, recurring)
}

fn parse_exceptions(
    value: Option<&Value>,
    path: &str,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<i64, Vec<Interval>> {
    let mut exceptions = BTreeMap::new();
    let list = match value {
        None | Some(Value::Null) => return exceptions,
        Some(Value::Array(list)) => list,
        Some(_) => {
            problems.push(invalid(
                path.to_string(),
                "Give exceptions as a list such as [{ \"date\": \"2026-12-24\", \"hours\": [[\"09:00\", \"13:00\"]] }].".to_string(),
            ));
            return exceptions;
        }
    };
    for (index, item) in list.iter().enumerate() {
        let item_path = pointer_join(path, &index.to_string());
        let date_path = pointer_join(&item_path, "date");
        let date = item.get("date").and_then(Value::as_str).unwrap_or("");
        let day = civil::parse_date(date);
        if day.is_none() {
            problems.push(invalid(
                date_path.clone(),
                "Give the exception's date as \"YYYY-MM-DD\".".to_string(),
            ));
        }
        let hours = match item.get("hours") {
            Some(hours) => parse_hours(hours, &pointer_join(&item_path, "hours"), problems),
            None => {
                problems.push(invalid(
                    pointer_join(&item_path, "hours"),
                    "Give the exception's hours, e.g. [[\"09:00\", \"13:00\"]] for a half day, or [] to close.".to_string(),
                ));
                Vec::new()
            }
        };
        if let Some(day) = day {
            if exceptions.insert(day, hours).is_some() {
                problems.push(invalid(
                    date_path,
                    format!("{date} already has an exception: give each date one list of hours."),
                ));
            }
        }
    }
    exceptions
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn problem_paths(value: Value) -> Vec<String> {
        match Calendar::from_value(&value, "/calendars/london") {
            Ok(_) => Vec::new(),
            Err(err) => {
                assert_eq!(err.kind, "calendar");
                err.diagnostics.into_iter().map(|d| d.path).collect()
            }
        }
    }

    #[test]
    fn invalid_fields_are_named() {
        let paths = problem_paths(json!({
            "time_zone": "Europe/Londres",
            "week": { "mon": [["09:00", "25:00"]], "tue": [["09:00", "13:00"], ["12:00", "17:00"]] },
            "holidays": ["2026-02-30", "*-02-29"],
            "exceptions": [{ "date": "2026-12-24" }]
        }));
        assert_eq!(
            paths,
            vec![
                "/calendars/london/time_zone",
                "/calendars/london/week/mon/0/1",
                "/calendars/london/week/tue/1",
                "/calendars/london/holidays/0",
                "/calendars/london/exceptions/0/hours",
            ]
        );
    }

    #[test]
    fn an_empty_week_is_rejected() {
        let paths = problem_paths(json!({ "time_zone": "UTC", "week": { "sat": [] } }));
        assert_eq!(paths, vec!["/calendars/london/week"]);
    }

    #[test]
    fn overnight_running_into_next_day_is_an_overlap() {
        let paths = problem_paths(json!({ "time_zone": "UTC",
            "week": { "mon": [["22:00", "06:00"]], "tue": [["05:00", "12:00"]] } }));
        assert_eq!(paths, vec!["/calendars/london/week/tue/0"]);
        let paths = problem_paths(json!({ "time_zone": "UTC",
            "week": { "sun": [["22:00", "06:00"]], "mon": [["05:00", "12:00"]] } }));
        assert_eq!(paths, vec!["/calendars/london/week/mon/0"]);
    }

    #[test]
    fn exceptions_win_over_holidays_and_leap_day_rules_skip_other_years() {
        let calendar = Calendar::from_value(
            &json!({ "time_zone": "UTC", "week": { "mon": [["09:00", "17:00"]], "sun": [["10:00", "12:00"]] },
                "holidays": ["*-02-29", "2026-12-25"],
                "exceptions": [{ "date": "2026-12-25", "hours": [["10:00", "11:00"]] }] }),
            "",
        )
        .unwrap();
        let leap = civil::days_from_civil(2032, 2, 29); // a Sunday
        assert!(calendar.intervals_on(leap).is_empty());
        assert_eq!(calendar.intervals_on(leap - 7).len(), 1);
        let christmas = civil::days_from_civil(2026, 12, 25);
        assert_eq!(
            calendar.intervals_on(christmas),
            &[Interval {
                start: 600,
                end: 660
            }]
        );
        assert_eq!(calendar.week_open_seconds(), (8 + 2) * 3600);
        assert_eq!(calendar.week_business_days(), 2);
    }

    #[test]
    fn overnight_time_belongs_to_its_start_day() {
        let calendar = Calendar::from_value(
            &json!({ "time_zone": "UTC", "week": { "mon": [["22:00", "06:00"]] } }),
            "",
        )
        .unwrap();
        let monday = civil::days_from_civil(2026, 11, 23);
        assert!(calendar.is_open_at_local((monday + 1) * DAY + 3 * 3600));
        assert!(!calendar.is_open_at_local((monday + 1) * DAY + 6 * 3600));
        assert!(!calendar.is_open_at_local(monday * DAY + 3 * 3600));
        assert_eq!(
            calendar.close_of(monday),
            Some((monday + 1) * DAY + 6 * 3600)
        );
    }
}
