//! Walking a calendar's open time on the instant timeline, interval by interval.
//!
//! An instant is *open* when its local wall-clock time, in the calendar's zone, falls inside an
//! open interval (of its own date, or the overnight part of the previous date's) and it is not
//! inside a pause. The walker never steps minute by minute: it finds the next open interval
//! within a stretch of constant UTC offset (so DST gaps and folds come out exact: a 22:00–06:00
//! shift lasts 9 h on the autumn change and 7 h on the spring change) and, when a whole week
//! ahead is regular (no holiday, exception, pause or offset change), counts that week at once.
//!
//! Instants are Unix seconds; local times are "local seconds" (see `civil`).

use super::calendar::Calendar;
use super::civil::{self, DAY, WEEK};
use super::pauses::PauseSet;
use super::segment_log::{Log, NoLog};
use jiff::Timestamp;

/// How far past its start a walk may go before giving up (about 100 years).
pub const HORIZON: i64 = 100 * 366 * DAY;

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
                for interval in self.calendar.intervals_on(day) {
                    let a = day_start + i64::from(interval.start) * 60;
                    let b = day_start + i64::from(interval.end) * 60;
                    if b <= local || a >= local_end {
                        continue;
                    }
                    let a = a.max(local) - window.offset;
                    let b = b.min(local_end) - window.offset;
                    return Some((a, b));
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
            if remaining > week && walked >= EXPLAINED_FIRST {
                // Leave something to count after the jump, so the deadline is found exactly.
                let weeks = self.regular_weeks(a, (remaining - 1) / week);
                if weeks > 0 {
                    log.push(a, a + weeks * WEEK, weeks * week);
                    remaining -= weeks * week;
                    cursor = a + weeks * WEEK;
                    continue;
                }
            }
            walked += 1;
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
            if to - a > WEEK && walked >= EXPLAINED_FIRST {
                let weeks = self.regular_weeks(a, (to - a) / WEEK);
                if weeks > 0 {
                    log.push(a, a + weeks * WEEK, weeks * week);
                    total += weeks * week;
                    cursor = a + weeks * WEEK;
                    continue;
                }
            }
            walked += 1;
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
mod tests {
    use super::*;
    use crate::sla::segment_log::{Piece, SegmentLog};
    use serde_json::json;

    fn utc(text: &str) -> i64 {
        text.parse::<Timestamp>().unwrap().as_second()
    }

    fn calendar(value: serde_json::Value) -> Calendar {
        Calendar::from_value(&value, "").unwrap()
    }

    #[test]
    fn advance_crosses_a_weekend_and_logs_segments() {
        let cal = calendar(json!({"time_zone": "Europe/London",
            "week": {"mon": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}}));
        let pauses = PauseSet::default();
        let start = utc("2026-11-20T16:00:00Z"); // Fri 16:00 GMT
        let mut log = SegmentLog::default();
        let mut timeline = Timeline::new(&cal, &pauses, start + HORIZON);
        let deadline = timeline.advance(start, 4 * 3600, &mut log).unwrap();
        assert_eq!(deadline, utc("2026-11-23T12:00:00Z"));
        assert_eq!(
            log.pieces(),
            [
                Piece {
                    start,
                    end: utc("2026-11-20T17:00:00Z"),
                    seconds: 3600
                },
                Piece {
                    start: utc("2026-11-23T09:00:00Z"),
                    end: deadline,
                    seconds: 3 * 3600
                },
            ]
        );
        assert_eq!(timeline.count(start, deadline), 4 * 3600);
    }

    #[test]
    fn long_targets_count_whole_weeks_not_days() {
        let cal = calendar(json!({"time_zone": "Europe/London",
            "week": {"mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]], "wed": [["09:00","17:00"]],
                "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}}));
        let pauses = PauseSet::default();
        let start = utc("2026-11-18T10:17:00Z");
        let work = |hours: i64| {
            let mut timeline = Timeline::new(&cal, &pauses, start + HORIZON);
            timeline.advance(start, hours * 3600, &mut NoLog);
            timeline.days_scanned()
        };
        let one_hour = work(1);
        let sixty_days = work(60 * 8);
        // A day-by-day walk would look at ~84 days; each DST change costs about a week of
        // intervals (London changes twice a year, so three years cost ~90 days, not ~1100).
        assert!(one_hour <= 2, "{one_hour}");
        assert!(sixty_days <= 16, "{sixty_days}");
        assert!(work(3 * 52 * 40) <= 100, "{}", work(3 * 52 * 40));
    }

    #[test]
    fn the_log_tells_when_an_amount_was_counted_as_a_walk_does() {
        let cal = calendar(json!({"time_zone": "America/New_York",
            "week": {"mon": [["09:00","12:00"], ["13:00","17:30"]], "tue": [["22:00","06:00"]],
                "thu": [["00:00","24:00"]], "fri": [["00:00","24:00"]], "sat": [["10:00","11:00"]]},
            "holidays": ["2026-11-26"]}));
        let pauses = PauseSet::new(vec![(
            utc("2026-11-24T14:00:00Z"),
            utc("2026-11-25T12:00:00Z"),
        )]);
        let no_pauses = PauseSet::default();
        for pauses in [&pauses, &no_pauses] {
            for start in [
                "2026-11-20T16:00:00Z",
                "2026-11-23T16:59:00Z",
                "2026-10-30T12:00:00Z",
            ] {
                let start = utc(start);
                for total in [0, 60, 3 * 3600, 20 * 3600, 90 * 3600, 400 * 3600] {
                    let mut timeline = Timeline::new(&cal, pauses, start + HORIZON);
                    let mut log = SegmentLog::default();
                    timeline.advance(start, total, &mut log).unwrap();
                    let mut answered = 0;
                    for amount in (0..=total).step_by(1 + total as usize / 97) {
                        if let Some(at) = log.instant_after(amount) {
                            answered += 1;
                            assert_eq!(Some(at), timeline.advance(start, amount, &mut NoLog));
                        }
                    }
                    assert!(total == 0 || answered > 0);
                }
            }
        }
    }
}
