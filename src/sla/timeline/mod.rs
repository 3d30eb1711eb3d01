//! Walking a calendar's open time on the instant timeline, interval by interval.
//!
//! An instant is *open* when its local wall-clock time, in the calendar's zone, falls inside an
//! open interval (of its own date, or the overnight part of the previous date's) and it is not
//! inside a pause. The walker never steps minute by minute: it finds the next open interval
//! within a stretch of constant UTC offset (so DST gaps and folds come out exact: a 22:00–06:00
//! shift lasts 9 h on the autumn change and 7 h on the spring change) and, when a whole week
//! ahead is regular (no holiday, exception, pause or offset change), counts that week at once;
//! otherwise it counts whole local days at once (`days.rs`). Within a day, the next interval
//! is found by bisection. So a walk costs the days it crosses plus the intervals of the days
//! where it starts and ends, whatever the number of intervals a day.
//!
//! Instants are Unix seconds; local times are "local seconds" (see `civil`).

use super::calendar::Calendar;
use super::civil::{self, DAY, WEEK};
use super::pauses::PauseSet;
use super::segment_log::{Log, NoLog};
use jiff::Timestamp;

mod days;
mod years;
use days::DayStep;

/// How far past its start a walk may go before giving up (about 100 years).
pub const HORIZON: i64 = crate::limits::SLA_SPAN_DAYS * DAY;

/// A stretch of constant UTC offset: `[from, until)` in Unix seconds.
#[derive(Debug, Clone, Copy)]
struct Window {
    from: i64,
    until: i64,
    offset: i64,
}

/// How many open stretches a walk always takes one by one before counting whole weeks.
const EXPLAINED_FIRST: usize = 2;

/// Open time of one calendar (or every instant, for `calendar_minutes`) minus pauses.
pub struct Timeline<'a> {
    calendar: &'a Calendar,
    pauses: &'a PauseSet,
    always_open: bool,
    limit: i64,
    window: Option<Window>,
    /// Days looked at so far: the engine's unit of work (tests hold it to a bound).
    #[cfg(test)]
    days_scanned: u64,
    /// Open stretches walked one by one (tests hold it to a bound too).
    #[cfg(test)]
    stretches_walked: u64,
}

impl<'a> Timeline<'a> {
    /// A timeline of the calendar's open time; walks stop at `limit` (Unix seconds).
    pub fn new(calendar: &'a Calendar, pauses: &'a PauseSet, limit: i64) -> Self {
        Timeline {
            calendar,
            pauses,
            always_open: false,
            limit,
            window: None,
            #[cfg(test)]
            days_scanned: 0,
            #[cfg(test)]
            stretches_walked: 0,
        }
    }

    /// A timeline where every instant counts except pauses (`calendar_minutes`).
    pub fn always_open(calendar: &'a Calendar, pauses: &'a PauseSet, limit: i64) -> Self {
        Timeline {
            always_open: true,
            ..Timeline::new(calendar, pauses, limit)
        }
    }

    /// Days looked at so far (each costs a few lookups).
    #[cfg(test)]
    pub fn days_scanned(&self) -> u64 {
        self.days_scanned
    }

    /// Whether any pause applies.
    pub fn has_pauses(&self) -> bool {
        !self.pauses.is_empty()
    }

    /// The UTC offset (seconds) at an instant.
    pub fn offset_at(&mut self, t: i64) -> Option<i64> {
        self.window(t).map(|w| w.offset)
    }

    fn window(&mut self, t: i64) -> Option<Window> {
        if let Some(w) = self.window {
            if w.from <= t && t < w.until {
                return Some(w);
            }
        }
        let timestamp = Timestamp::from_second(t).ok()?;
        if let Some(offset) = self.calendar.fixed_offset() {
            let window = Window {
                from: i64::MIN,
                until: i64::MAX,
                offset,
            };
            self.window = Some(window);
            return Some(window);
        }
        let zone = self.calendar.zone();
        let offset = i64::from(zone.to_offset(timestamp).seconds());
        let until = zone
            .following(timestamp)
            .next()
            .map(|transition| transition.timestamp().as_second())
            .filter(|&until| until > t)
            .unwrap_or(i64::MAX);
        // The window starts at the last transition at or before `t`, so walking back over a
        // stretch already seen (formatting segments, counting elapsed time) reuses it.
        let from = Timestamp::from_second(t.saturating_add(1))
            .ok()
            .and_then(|next| zone.preceding(next).next())
            .map(|transition| transition.timestamp().as_second())
            .filter(|&from| from <= t)
            .unwrap_or(i64::MIN);
        let window = Window {
            from,
            until,
            offset,
        };
        self.window = Some(window);
        Some(window)
    }

    /// The first open stretch `[a, b)` with `a >= cursor`, ignoring pauses; `b` may be cut at
    /// an offset change. `None` past the limit or out of the supported range.
    fn next_open_unpaused(&mut self, mut cursor: i64) -> Option<(i64, i64)> {
        if self.always_open {
            return (cursor < self.limit).then_some((cursor, self.limit));
        }
        loop {
            if cursor >= self.limit {
                return None;
            }
            let window = self.window(cursor)?;
            let local = cursor + window.offset;
            let local_end = window.until.saturating_add(window.offset);
            let mut day = local.div_euclid(DAY) - 1;
            loop {
                let day_start = day * DAY;
                if day_start >= local_end || day_start - window.offset >= self.limit {
                    break;
                }
                // A day's intervals are sorted and do not overlap, so their ends ascend too:
                // the first that ends after `local` is found by bisection, not by a scan
                // (which made a day of k intervals cost k² over a walk through it).
                let intervals = self.calendar.intervals_on(day);
                let first =
                    intervals.partition_point(|i| day_start + i64::from(i.end) * 60 <= local);
                if let Some(interval) = intervals.get(first) {
                    let a = day_start + i64::from(interval.start) * 60;
                    let b = day_start + i64::from(interval.end) * 60;
                    if a < local_end {
                        let a = a.max(local) - window.offset;
                        let b = b.min(local_end) - window.offset;
                        return Some((a, b));
                    }
                }
                day += 1;
                #[cfg(test)]
                {
                    self.days_scanned += 1;
                }
            }
            if window.until == i64::MAX {
                return None;
            }
            cursor = window.until;
        }
    }

    /// The first open, unpaused stretch `[a, b)` with `a >= cursor`.
    pub fn next_open(&mut self, mut cursor: i64) -> Option<(i64, i64)> {
        loop {
            let (a, b) = self.next_open_unpaused(cursor)?;
            match self.pauses.next_after(a) {
                Some((from, to)) if from <= a => cursor = to,
                Some((from, _)) if from < b => return Some((a, from)),
                _ => return Some((a, b)),
            }
        }
    }

    /// How many whole weeks from `a` (at most `wanted`) are regular weeks of the calendar: no
    /// offset change, pause, holiday or exception touches them, so each holds exactly one
    /// week's open time (any 7-day window of a weekly pattern does).
    fn regular_weeks(&mut self, a: i64, wanted: i64) -> i64 {
        if self.always_open || wanted <= 0 {
            return 0;
        }
        let Some(window) = self.window(a) else {
            return 0;
        };
        let mut weeks = wanted;
        // No offset change inside, and within the walk's limit.
        weeks = weeks.min(window.until.saturating_sub(a).saturating_sub(1) / WEEK);
        weeks = weeks.min(self.limit.saturating_sub(a) / WEEK);
        if let Some((from, _)) = self.pauses.next_after(a) {
            weeks = weeks.min(from.saturating_sub(a) / WEEK);
        }
        if weeks <= 0 {
            return 0;
        }
        // The dates touched: the day before (overnight intervals) to the last day reached.
        let day = (a + window.offset).div_euclid(DAY);
        match self.calendar.first_irregular(day - 1, day + 7 * weeks) {
            Some(irregular) => weeks.min((irregular - 1 - day).div_euclid(7)).max(0),
            None => weeks,
        }
    }

    /// The whole-day step shared by [`Timeline::advance`] and [`Timeline::count_logged`], for
    /// the open stretch `(a, b)` reached from `cursor`: `Ok((end, seconds))` when whole days
    /// were counted up to `end` (logged), or the walk moved to the next midnight (0 seconds);
    /// `Err(b)` with the stretch to walk, cut at midnight.
    fn day_jump(
        &mut self,
        cursor: i64,
        (a, b): (i64, i64),
        budget: i64,
        to: i64,
        log: &mut impl Log,
    ) -> Result<(i64, i64), i64> {
        match self.day_step(cursor, a, budget, to) {
            DayStep::Days { end, seconds } => {
                if seconds > 0 {
                    log.push(a, end, seconds);
                }
                Ok((end, seconds))
            }
            DayStep::To(midnight) => Ok((midnight, 0)),
            DayStep::Walk => Err(self.cut_at_midnight(a, b)),
        }
    }

    /// The instant at which `amount` seconds of open time after `start` have been counted (the
    /// earliest such instant, so a deadline at closing time is that closing time). With
    /// `amount == 0` that is the first open instant at or after `start`.
    pub fn advance(&mut self, start: i64, amount: i64, log: &mut impl Log) -> Option<i64> {
        let week = self.calendar.week_open_seconds();
        let mut cursor = start;
        let mut remaining = amount.max(0);
        let mut walked = 0;
        loop {
            let (a, b) = self.next_open(cursor)?;
            if remaining == 0 {
                return Some(a);
            }
            // The first two stretches are always walked, so the explanation starts with them.
            let jumps = walked >= EXPLAINED_FIRST;
            if remaining > week && jumps {
                // Leave something to count after the jump, so the deadline is found exactly.
                let weeks = self.regular_weeks(a, (remaining - 1) / week);
                if weeks > 0 {
                    log.push(a, a + weeks * WEEK, weeks * week);
                    remaining -= weeks * week;
                    cursor = a + weeks * WEEK;
                    continue;
                }
            }
            let mut b = b;
            if jumps {
                match self.day_jump(cursor, (a, b), remaining - 1, self.limit, log) {
                    Ok((end, seconds)) => {
                        remaining -= seconds;
                        cursor = end;
                        continue;
                    }
                    Err(cut) => b = cut,
                }
            }
            walked += 1;
            #[cfg(test)]
            {
                self.stretches_walked += 1;
            }
            let length = b - a;
            if length >= remaining {
                log.push(a, a + remaining, remaining);
                return Some(a + remaining);
            }
            log.push(a, b, length);
            remaining -= length;
            cursor = b;
        }
    }

    /// Open, unpaused seconds in `[from, to)` (0 when `to <= from`).
    pub fn count(&mut self, from: i64, to: i64) -> i64 {
        self.count_logged(from, to, &mut NoLog)
    }

    /// [`Timeline::count`], logging the stretches counted.
    pub fn count_logged(&mut self, from: i64, to: i64, log: &mut impl Log) -> i64 {
        let week = self.calendar.week_open_seconds();
        let mut total = 0;
        let mut cursor = from;
        let mut walked = 0;
        while cursor < to {
            let Some((a, b)) = self.next_open(cursor) else {
                break;
            };
            if a >= to {
                break;
            }
            let jumps = walked >= EXPLAINED_FIRST;
            if to - a > WEEK && jumps {
                let weeks = self.regular_weeks(a, (to - a) / WEEK);
                if weeks > 0 {
                    log.push(a, a + weeks * WEEK, weeks * week);
                    total += weeks * week;
                    cursor = a + weeks * WEEK;
                    continue;
                }
            }
            let mut b = b;
            if jumps {
                match self.day_jump(cursor, (a, b), i64::MAX, to, log) {
                    Ok((end, seconds)) => {
                        total += seconds;
                        cursor = end;
                        continue;
                    }
                    Err(cut) => b = cut,
                }
            }
            walked += 1;
            #[cfg(test)]
            {
                self.stretches_walked += 1;
            }
            log.push(a, b.min(to), b.min(to) - a);
            total += b.min(to) - a;
            cursor = b;
        }
        total
    }
}

/// The `n`-th business day after local date `day` (a business day has open time).
pub fn nth_business_day(calendar: &Calendar, day: i64, n: u64) -> Option<i64> {
    let per_week = u64::from(calendar.week_business_days());
    let mut day = day;
    let mut left = n;
    let last = day + HORIZON / DAY;
    while left > 0 {
        if day > last {
            return None;
        }
        if left > per_week && per_week > 0 {
            let wanted = ((left - 1) / per_week) as i64;
            let weeks = match calendar.first_irregular(day + 1, day + 7 * wanted) {
                Some(irregular) => wanted.min((irregular - 1 - day).div_euclid(7)).max(0),
                None => wanted,
            };
            if weeks > 0 {
                day += 7 * weeks;
                left -= weeks as u64 * per_week;
                continue;
            }
        }
        day += 1;
        if calendar.is_business_day(day) {
            left -= 1;
        }
    }
    Some(day)
}

impl Timeline<'_> {
    /// The instant of a local wall-clock time; a time in a DST gap moves forward by the gap, a
    /// repeated time takes its first occurrence. `near` is an instant close before it (the
    /// offset there is the first guess).
    pub fn instant_of_local(&mut self, local: i64, near: i64) -> Option<i64> {
        let guess = self.window(near)?.offset;
        let t = local - guess;
        let window = self.window(t)?;
        // Far (more than a day) from any offset change, the wall-clock time is unambiguous.
        if window.offset == guess
            && t.saturating_sub(window.from) > DAY
            && window.until.saturating_sub(t) > DAY
        {
            return Some(t);
        }
        instant_of_local(self.calendar, local)
    }
}

/// The instant of a local wall-clock time; a time in a DST gap moves forward by the gap, a
/// repeated time takes its first occurrence.
pub fn instant_of_local(calendar: &Calendar, local: i64) -> Option<i64> {
    let day = local.div_euclid(DAY);
    let second = local.rem_euclid(DAY);
    let (year, month, dom) = civil::civil_from_days(day);
    let datetime = jiff::civil::DateTime::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(dom).ok()?,
        i8::try_from(second / 3600).ok()?,
        i8::try_from(second % 3600 / 60).ok()?,
        i8::try_from(second % 60).ok()?,
        0,
    )
    .ok()?;
    let timestamp = calendar
        .zone()
        .to_ambiguous_timestamp(datetime)
        .compatible()
        .ok()?;
    Some(timestamp.as_second())
}

#[cfg(test)]
mod tests;
