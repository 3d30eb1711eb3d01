//! Civil (wall-clock) arithmetic the SLA engine needs on its hot path: day numbers, weekdays,
//! `"HH:MM"` times and `"YYYY-MM-DD"` dates, without allocating or consulting a time zone.
//!
//! A *day number* counts local calendar days from 1970-01-01 (day 0, a Thursday). *Local
//! seconds* are seconds since 1970-01-01T00:00 on the wall clock of some zone: an instant's
//! local seconds are its Unix seconds plus the zone's offset at that instant.

/// Seconds in one civil day.
pub const DAY: i64 = 86_400;

/// Seconds in one civil week.
pub const WEEK: i64 = 7 * DAY;

/// The weekday of a day number: 0 = Monday … 6 = Sunday.
pub fn weekday(day: i64) -> usize {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    (day + 3).rem_euclid(7) as usize
}

/// The day number of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The `(year, month, day)` of a day number (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// The number of days in a month (`month` 1–12).
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Minutes after midnight of `"HH:MM"` (`"00:00"`–`"23:59"`, or `"24:00"` when `allow_24`).
pub fn parse_hhmm(text: &str, allow_24: bool) -> Option<u32> {
    let bytes = text.as_bytes();
    if bytes.len() != 5 || bytes.get(2) != Some(&b':') {
        return None;
    }
    let hours = two_digits(bytes.get(0..2)?)?;
    let minutes = two_digits(bytes.get(3..5)?)?;
    match (hours, minutes) {
        (0..=23, 0..=59) => Some(hours * 60 + minutes),
        (24, 0) if allow_24 => Some(1440),
        _ => None,
    }
}

/// The `(month, day)` of `"MM-DD"`, checked against a leap year (so `02-29` is accepted).
pub fn parse_month_day(text: &str) -> Option<(u32, u32)> {
    let bytes = text.as_bytes();
    if bytes.len() != 5 || bytes.get(2) != Some(&b'-') {
        return None;
    }
    let month = two_digits(bytes.get(0..2)?)?;
    let day = two_digits(bytes.get(3..5)?)?;
    (day >= 1 && day <= days_in_month(2000, month)).then_some((month, day))
}

/// The day number of `"YYYY-MM-DD"` (years 1000–9999), or `None` if it is not a real date.
pub fn parse_date(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') {
        return None;
    }
    let year = i64::from(two_digits(bytes.get(0..2)?)? * 100 + two_digits(bytes.get(2..4)?)?);
    let (month, day) = parse_month_day(text.get(5..)?)?;
    if year < 1000 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

fn two_digits(bytes: &[u8]) -> Option<u32> {
    match bytes {
        [a @ b'0'..=b'9', b @ b'0'..=b'9'] => Some(u32::from(a - b'0') * 10 + u32::from(b - b'0')),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_know_their_weekday() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(weekday(0), 3, "1970-01-01 was a Thursday");
        let d = days_from_civil(2026, 11, 23);
        assert_eq!(weekday(d), 0, "2026-11-23 is a Monday");
        for day in [-800_000, -1, 0, 59, 365, 20_000, 2_900_000] {
            let (y, m, dd) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, dd), day);
        }
        assert_eq!(civil_from_days(days_from_civil(2028, 2, 29)), (2028, 2, 29));
    }

    #[test]
    fn times_and_dates_are_checked() {
        assert_eq!(parse_hhmm("09:30", false), Some(570));
        assert_eq!(parse_hhmm("24:00", true), Some(1440));
        assert_eq!(parse_hhmm("24:00", false), None);
        assert_eq!(parse_hhmm("25:00", true), None);
        assert_eq!(parse_hhmm("9:30", true), None);
        assert_eq!(parse_hhmm("09:60", true), None);
        assert_eq!(parse_month_day("02-29"), Some((2, 29)));
        assert_eq!(parse_month_day("02-30"), None);
        assert_eq!(parse_date("2028-02-29"), Some(days_from_civil(2028, 2, 29)));
        assert_eq!(parse_date("2026-02-29"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("26-01-01"), None);
    }
}
