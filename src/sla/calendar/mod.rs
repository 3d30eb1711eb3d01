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

mod validate;

use super::civil::{self, DAY};
use crate::error::{Error, Result};
use jiff::tz::TimeZone;
use jiff::Timestamp;
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
    /// The zone's UTC offset (seconds) when it never changes (UTC, `Etc/GMT+5` …): offsets
    /// are then known without asking the zone.
    fixed_offset: Option<i64>,
    week: [Vec<Interval>; 7],
    /// Per weekday: open seconds of its intervals before and after the next midnight.
    week_split: [(i64, i64); 7],
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
    /// (e.g. `/calendars/london/week/mon/0/1`); the error's kind is `"calendar"`, or `"limit"`
    /// past a ceiling of [`crate::limits`].
    pub fn from_value(value: &Value, path_prefix: &str) -> Result<Calendar> {
        validate::check_limits(value, path_prefix)?;
        let mut problems = Vec::new();
        let calendar = validate::parse(value, path_prefix, &mut problems);
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

    pub(crate) fn assemble(
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
        let fixed_offset = (zone.following(Timestamp::MIN).next().is_none()
            && zone.preceding(Timestamp::MAX).next().is_none())
        .then(|| i64::from(zone.to_offset(Timestamp::UNIX_EPOCH).seconds()));
        let mut week_split = [(0, 0); 7];
        for (split, intervals) in week_split.iter_mut().zip(&week) {
            *split = split_seconds(intervals);
        }
        Calendar {
            zone_name,
            zone,
            fixed_offset,
            week_split,
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

    /// The zone's offset when it never changes.
    pub(crate) fn fixed_offset(&self) -> Option<i64> {
        self.fixed_offset
    }

    /// The UTC offset (seconds) at an instant; `None` outside jiff's range.
    pub(crate) fn offset_at(&self, t: i64) -> Option<i64> {
        let timestamp = Timestamp::from_second(t).ok()?;
        Some(match self.fixed_offset {
            Some(offset) => offset,
            None => i64::from(self.zone.to_offset(timestamp).seconds()),
        })
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

    /// Open seconds of a date's own intervals: before its next midnight, and after it (the
    /// overnight part). One lookup, whatever the number of intervals of a regular day.
    pub(crate) fn open_seconds_split(&self, day: i64) -> (i64, i64) {
        if !self.exceptions.is_empty() {
            if let Some(hours) = self.exceptions.get(&day) {
                return split_seconds(hours);
            }
        }
        if self.is_holiday(day) {
            return (0, 0);
        }
        self.week_split
            .get(civil::weekday(day))
            .copied()
            .unwrap_or((0, 0))
    }

    /// Open seconds of the local day `day`, midnight to midnight: its own intervals up to
    /// midnight and the overnight part of the day before's, counted once where they overlap
    /// (an exception's hours may overlap the day before's night shift; the week's may not).
    pub(crate) fn local_day_seconds(&self, day: i64) -> i64 {
        let (within, _) = self.open_seconds_split(day);
        let (_, carried) = self.open_seconds_split(day - 1);
        if carried == 0 {
            return within;
        }
        let exceptional = !self.exceptions.is_empty()
            && (self.exceptions.contains_key(&day) || self.exceptions.contains_key(&(day - 1)));
        let overlap: i64 = if exceptional {
            // Only the day before's last interval runs past midnight: `[0, carried)`.
            let carried_minutes = (carried / 60) as u32;
            self.intervals_on(day)
                .iter()
                .take_while(|i| i.start < carried_minutes)
                .map(|i| i64::from(i.end.min(carried_minutes) - i.start) * 60)
                .sum()
        } else {
            0
        };
        within + carried - overlap
    }

    /// [`Calendar::local_day_seconds`] from `from` seconds after the day's midnight on: the
    /// rest of a day a walk starts or resumes in. Costs the day's intervals, once.
    pub(crate) fn local_day_seconds_from(&self, day: i64, from: i64) -> i64 {
        if from <= 0 {
            return self.local_day_seconds(day);
        }
        // Only the day before's last interval can run past midnight: `[0, carried)`.
        let carried = self
            .intervals_on(day - 1)
            .last()
            .map_or(0, |i| i64::from(i.end.saturating_sub(1440)) * 60);
        let mut seconds = (carried - from).max(0);
        for interval in self.intervals_on(day) {
            let start = i64::from(interval.start) * 60;
            let end = i64::from(interval.end.min(1440)) * 60;
            seconds += (end - start.max(from)).max(0);
            // Time the night shift before already counted (an exception may overlap it).
            seconds -= (end.min(carried) - start.max(from)).max(0);
        }
        seconds
    }

    /// The first date from `first` to `last` (inclusive) that does not follow the week's
    /// hours (a holiday or an exception), if any. Costs a few lookups, not one per date (nor
    /// one per year of the range: recurring dates are looked for year by year from `first`,
    /// and the first one found is the answer).
    pub(crate) fn first_irregular(&self, first: i64, last: i64) -> Option<i64> {
        if first > last {
            return None;
        }
        let mut found = self.exceptions.range(first..=last).next().map(|(d, _)| *d);
        if let Some(&day) = self.holidays.range(first..=last).next() {
            found = Some(found.map_or(day, |f| f.min(day)));
        }
        if self.has_recurring {
            let last = found.unwrap_or(last);
            let (first_year, _, _) = civil::civil_from_days(first);
            let (last_year, _, _) = civil::civil_from_days(last);
            // `recurring_dates` is in calendar order, so the first date of a year that is in
            // range is the year's earliest, and no later year has an earlier one.
            'years: for year in first_year..=last_year {
                for &(month, dom) in &self.recurring_dates {
                    if dom > civil::days_in_month(year, month) {
                        continue; // *-02-29 outside leap years
                    }
                    let day = civil::days_from_civil(year, month, dom);
                    if day > last {
                        break 'years;
                    }
                    if day >= first {
                        found = Some(found.map_or(day, |f| f.min(day)));
                        break 'years;
                    }
                }
            }
        }
        found
    }

    /// Whether a dated holiday or exception falls from `first` to `last` (inclusive); the
    /// `*-MM-DD` holidays are not dated and do not count.
    pub(crate) fn has_dated_days(&self, first: i64, last: i64) -> bool {
        self.exceptions.range(first..=last).next().is_some()
            || self.holidays.range(first..=last).next().is_some()
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
        self.holds(day, second) || self.holds(day - 1, second + DAY)
    }

    /// Whether one of `day`'s own intervals holds `second` (seconds after that day's midnight;
    /// past 86,400 for the overnight part of an interval).
    fn holds(&self, day: i64, second: i64) -> bool {
        self.intervals_on(day)
            .iter()
            .any(|i| i64::from(i.start) * 60 <= second && second < i64::from(i.end) * 60)
    }

    /// The date whose open time holds the wall-clock time `local`: the morning part of an
    /// overnight interval belongs to the day before. A closed time belongs to its own date.
    pub(crate) fn owning_day(&self, local: i64) -> i64 {
        let day = local.div_euclid(DAY);
        let second = local.rem_euclid(DAY);
        if !self.holds(day, second) && self.holds(day - 1, second + DAY) {
            day - 1
        } else {
            day
        }
    }

    /// The end of a date's open time (local seconds), if it has any.
    pub(crate) fn close_of(&self, day: i64) -> Option<i64> {
        self.intervals_on(day)
            .iter()
            .map(|i| day * DAY + i64::from(i.end) * 60)
            .max()
    }
}

/// Open seconds of a date's intervals before its next midnight and after it.
fn split_seconds(intervals: &[Interval]) -> (i64, i64) {
    intervals.iter().fold((0, 0), |(within, over), i| {
        let cut = i.end.min(1440);
        (
            within + i64::from(cut - i.start) * 60,
            over + i64::from(i.end - cut) * 60,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
    fn zones_that_never_change_offset_are_known_at_build_time() {
        let zone = |name: &str| {
            Calendar::from_value(
                &json!({ "time_zone": name, "week": { "mon": [["09:00", "17:00"]] } }),
                "",
            )
            .unwrap()
        };
        assert_eq!(Calendar::builtin_default().fixed_offset(), Some(0));
        for (name, fixed) in [
            ("UTC", Some(0)),
            ("Etc/GMT-3", Some(3 * 3600)),
            ("Europe/London", None),
            ("Asia/Kolkata", None),
        ] {
            let calendar = zone(name);
            assert_eq!(calendar.fixed_offset(), fixed, "{name}");
            for t in [-2_000_000_000_i64, 0, 1_774_746_000, 1_795_435_200] {
                let expected = calendar
                    .zone()
                    .to_offset(Timestamp::from_second(t).unwrap())
                    .seconds();
                assert_eq!(
                    calendar.offset_at(t),
                    Some(i64::from(expected)),
                    "{name} {t}"
                );
            }
        }
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
