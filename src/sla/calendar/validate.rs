//! Reading a calendar from JSON and checking it: every problem becomes an
//! `sla/invalid-calendar` diagnostic whose `path` names the field.

use super::{Calendar, Interval, WEEKDAYS};
use crate::diagnostic::{pointer_join, Diagnostic, Severity, Source};
use crate::sla::civil;
use jiff::tz::TimeZone;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn invalid(path: String, message: String) -> Diagnostic {
    Diagnostic::new(
        "sla/invalid-calendar",
        Severity::Error,
        Source::Sla,
        path,
        message,
    )
}

/// Refuses a calendar past the ceilings of [`crate::limits`] (intervals per day, holidays,
/// exceptions) before any of it is read: an error of kind `limit` with the path. Only list
/// lengths are looked at, so this costs nothing however long the lists are.
pub(super) fn check_limits(value: &Value, prefix: &str) -> crate::error::Result<()> {
    use crate::error::limit_exceeded as exceeded;
    use crate::limits::{EXCEPTIONS, HOLIDAYS, INTERVALS_PER_DAY};
    let too_long = |list: Option<&Value>, ceiling: usize| {
        list.and_then(Value::as_array)
            .map(Vec::len)
            .filter(|&n| n > ceiling)
    };
    let what = "The calendar";
    let week = value.get("week");
    for day in WEEKDAYS {
        if let Some(n) = too_long(week.and_then(|w| w.get(day)), INTERVALS_PER_DAY) {
            let path = pointer_join(&pointer_join(prefix, "week"), day);
            return Err(exceeded("intervals-per-day", what, n as u64, &path));
        }
    }
    let holidays = value.get("holidays");
    if let Some(n) = too_long(holidays, HOLIDAYS) {
        let path = pointer_join(prefix, "holidays");
        return Err(exceeded("holidays", what, n as u64, &path));
    }
    let exceptions = value.get("exceptions");
    if let Some(n) = too_long(exceptions, EXCEPTIONS) {
        let path = pointer_join(prefix, "exceptions");
        return Err(exceeded("exceptions", what, n as u64, &path));
    }
    for (index, item) in exceptions
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        if let Some(n) = too_long(item.get("hours"), INTERVALS_PER_DAY) {
            let path = format!("{prefix}/exceptions/{index}/hours");
            return Err(exceeded("intervals-per-day", what, n as u64, &path));
        }
    }
    Ok(())
}

pub(super) fn parse(
    value: &Value,
    prefix: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Calendar> {
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
    // Paths already reported, looked up once each (a scan of the list per interval made a
    // week of many overlapping intervals quadratic).
    let mut reported: std::collections::HashSet<String> =
        problems.iter().map(|p| p.path.clone()).collect();
    for (k, &(start, _, day, index)) in all.iter().enumerate() {
        let previous_end = match k.checked_sub(1).and_then(|p| all.get(p)) {
            Some(&(_, end, _, _)) => end,
            None => wrap.unwrap_or(0),
        };
        if start < previous_end {
            let day_name = WEEKDAYS.get(day).copied().unwrap_or("mon");
            let at = pointer_join(&pointer_join(path, day_name), &index.to_string());
            if reported.insert(at.clone()) {
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
    fn more_invalid_fields_are_named() {
        let paths = problem_paths(json!({
            "time_zone": "UTC",
            "week": { "monday": [["09:00", "17:00"]], "tue": [["24:00", "17:00"]], "wed": [["09:00"]],
                "thu": "9-5", "fri": [["09:00", "17:00"]] },
            "holidays": ["*-02-30", "2026-12-25"],
            "exceptions": [{ "date": "2026-12-24", "hours": [] }, { "date": "2026-12-24", "hours": [] },
                { "date": "24/12", "hours": [] }],
            "colour": "blue"
        }));
        assert_eq!(
            paths,
            vec![
                "/calendars/london/colour",
                "/calendars/london/week/monday",
                "/calendars/london/week/tue/0/0",
                "/calendars/london/week/wed/0",
                "/calendars/london/week/thu",
                "/calendars/london/holidays/0",
                "/calendars/london/exceptions/1/date",
                "/calendars/london/exceptions/2/date",
            ]
        );
    }
}
