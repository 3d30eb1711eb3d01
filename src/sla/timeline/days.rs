//! Whole local days at once: a day's open time is known from one lookup per date (the
//! calendar keeps each weekday's open seconds before and after midnight), so a walk through
//! days that do not repeat as whole weeks (a weekly holiday, exceptions) costs days, not
//! intervals. A walk reaches a local midnight by cutting its stretches there, or by going
//! straight to it when nothing is open before.

use super::{Timeline, DAY};

impl Timeline<'_> {
    /// The local midnight at or before `t`, as an instant, when the offset is the same there.
    pub(super) fn midnight_before(&mut self, t: i64) -> Option<i64> {
        let window = self.window(t)?;
        let midnight = (t + window.offset).div_euclid(DAY) * DAY - window.offset;
        (midnight >= window.from).then_some(midnight)
    }

    /// The first local midnight after `t`, as an instant, when the offset is the same there.
    pub(super) fn midnight_after(&mut self, t: i64) -> Option<i64> {
        let window = self.window(t)?;
        let midnight = ((t + window.offset).div_euclid(DAY) + 1) * DAY - window.offset;
        (midnight <= window.until).then_some(midnight)
    }

    /// The rest of the local day `cursor` is in and whole days after it, holding at most
    /// `budget` open seconds, ending by `bound`, with no offset change or pause inside: their
    /// end (the midnight after the last one) and their open seconds. A few lookups per whole
    /// day whatever its intervals (the part of the day before's overnight interval after
    /// midnight counts in the day it falls on), one pass over the intervals for the rest of
    /// the first, so holidays that break the weekly repetition cost days, not intervals.
    /// `None` when not even the first day fits.
    pub(super) fn whole_days(
        &mut self,
        cursor: i64,
        budget: i64,
        bound: i64,
    ) -> Option<(i64, i64)> {
        if self.always_open {
            return None;
        }
        let window = self.window(cursor)?;
        let local = cursor + window.offset;
        let mut bound = bound.min(window.until).min(self.limit);
        if let Some((from, _)) = self.pauses.next_after(cursor) {
            if from <= cursor {
                return None;
            }
            bound = bound.min(from);
        }
        let first = local.div_euclid(DAY);
        // The rest of the day the cursor is in (after a DST change, a pause, the start).
        let into = local - first * DAY;
        let mut day = first;
        let mut seconds = 0;
        while (day + 1) * DAY - window.offset <= bound {
            let today = if day == first {
                self.calendar.local_day_seconds_from(day, into)
            } else {
                self.calendar.local_day_seconds(day)
            };
            if seconds + today > budget {
                break;
            }
            seconds += today;
            day += 1;
            #[cfg(test)]
            {
                self.days_scanned += 1;
            }
        }
        (day > first).then(|| (day * DAY - window.offset, seconds))
    }

    /// Where a walk that has explained its first stretches goes next instead of the open
    /// stretch `(a, b)` found from `cursor`: whole days at once from a local midnight (`Some`
    /// with the days' end and open seconds), or on to the midnight before `a` when no open
    /// time is left before it, so that whole days can be counted from there.
    pub(super) fn day_step(&mut self, cursor: i64, a: i64, budget: i64, bound: i64) -> DayStep {
        if self.always_open {
            return DayStep::Walk;
        }
        if let Some((end, seconds)) = self.whole_days(cursor, budget, bound) {
            return DayStep::Days { end, seconds };
        }
        match self.midnight_before(a) {
            Some(midnight) if midnight > cursor => DayStep::To(midnight),
            _ => DayStep::Walk,
        }
    }

    /// A stretch from `a` cut at the next local midnight, so that the walk reaches it.
    pub(super) fn cut_at_midnight(&mut self, a: i64, b: i64) -> i64 {
        if self.always_open {
            return b;
        }
        self.midnight_after(a).map_or(b, |midnight| b.min(midnight))
    }
}

/// What a walk does next (see [`Timeline::day_step`]).
pub(super) enum DayStep {
    Days { end: i64, seconds: i64 },
    To(i64),
    Walk,
}
