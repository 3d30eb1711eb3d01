//! Counting open time over many years without walking each one: a local year with no dated
//! holiday or exception, and no pause, holds the same open time as any other such year that
//! starts on the same weekday, has the same length, and sees the same offset changes at the
//! same moments after its start. Its weekdays, its `*-MM-DD` holidays and the night shift
//! carried in from the 31st of December before all follow from the first two, and the
//! instants of its open time from the last. So each such shape is walked once and every later
//! year of that shape costs a few lookups: a status checked a century after its deadline,
//! or the business minutes across a century, cost about what a few years do.

use super::{instant_of_local, Timeline, DAY};
use crate::sla::civil;
use jiff::Timestamp;

/// What fixes a plain year's open time: the weekday of the 1st of January, whether the year is
/// a leap year, the offset at its start, and each offset change inside it as (seconds after
/// the year's start, offset after).
#[derive(PartialEq, Eq)]
struct YearShape {
    weekday: usize,
    leap: bool,
    offset: i64,
    changes: Vec<(i64, i64)>,
}

/// At most this many offset changes in one year make a shape (tzdb zones have two); a year
/// with more is walked.
const CHANGES_PER_YEAR: usize = 8;

impl Timeline<'_> {
    /// Open, unpaused seconds in `[from, to)`, as [`Timeline::count`] (the walk's limit must
    /// be at or after `to`), with whole plain local years counted once per shape.
    pub fn count_by_years(&mut self, from: i64, to: i64) -> i64 {
        if self.always_open || to <= from {
            return self.count(from, to);
        }
        let Some(offset) = self.offset_at(from) else {
            return self.count(from, to);
        };
        let (first_year, _, _) = civil::civil_from_days((from + offset).div_euclid(DAY));
        let mut year = first_year + 1;
        let Some(mut at) = self.year_start(year).filter(|&at| at > from && at < to) else {
            return self.count(from, to);
        };
        let mut total = self.count(from, at);
        let mut shapes: Vec<(YearShape, i64)> = Vec::new();
        while let Some(next) = self.year_start(year + 1).filter(|&next| next <= to) {
            total += self.year_seconds(year, at, next, &mut shapes);
            year += 1;
            at = next;
        }
        total + self.count(at, to)
    }

    /// The instant of local midnight starting the 1st of January of `year`.
    fn year_start(&self, year: i64) -> Option<i64> {
        instant_of_local(self.calendar, civil::days_from_civil(year, 1, 1) * DAY)
    }

    /// Open seconds of the local year `year`, `[a, b)`: looked up by its shape when it is
    /// plain and a year of that shape was counted already, else counted.
    fn year_seconds(
        &mut self,
        year: i64,
        a: i64,
        b: i64,
        shapes: &mut Vec<(YearShape, i64)>,
    ) -> i64 {
        let jan1 = civil::days_from_civil(year, 1, 1);
        let dec31 = civil::days_from_civil(year, 12, 31);
        // The 31st of December before counts too: its night shift runs into this year.
        let dated = self.calendar.has_dated_days(jan1 - 1, dec31);
        let paused = self.pauses.next_after(a).is_some_and(|(from, _)| from < b);
        let shape = if dated || paused {
            None
        } else {
            self.shape(year, a, b)
        };
        let Some(shape) = shape else {
            return self.count(a, b);
        };
        if let Some((_, seconds)) = shapes.iter().find(|(known, _)| *known == shape) {
            return *seconds;
        }
        let seconds = self.count(a, b);
        shapes.push((shape, seconds));
        seconds
    }

    /// The shape of the local year `year`, `[a, b)`; `None` where the zone cannot say.
    fn shape(&mut self, year: i64, a: i64, b: i64) -> Option<YearShape> {
        let offset = self.offset_at(a)?;
        let mut changes = Vec::new();
        if self.calendar.fixed_offset().is_none() {
            let zone = self.calendar.zone();
            for transition in zone.following(Timestamp::from_second(a).ok()?) {
                let at = transition.timestamp().as_second();
                if at >= b {
                    break;
                }
                if changes.len() == CHANGES_PER_YEAR {
                    return None;
                }
                changes.push((at - a, i64::from(transition.offset().seconds())));
            }
        }
        Some(YearShape {
            weekday: civil::weekday(civil::days_from_civil(year, 1, 1)),
            leap: civil::is_leap_year(year),
            offset,
            changes,
        })
    }
}
