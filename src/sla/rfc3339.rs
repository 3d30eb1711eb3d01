//! RFC 3339 instants as text: reading them (what `jiff::Timestamp` accepts) and writing them,
//! without jiff's general parser or `fmt` on the common path.
//!
//! Every packet carries a few instants and every report writes several, so these run on
//! every check. Reading takes a fast path for the everyday form
//! `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` and hands anything else (lowercase `t`/`z`, a
//! space separator, `,5` fractions, `+05` offsets, annotations, leap seconds, years outside
//! 1000–9998 …) to jiff, so what is accepted, and the instant it means, are exactly jiff's.

use super::civil::{self, DAY};
use jiff::Timestamp;

/// Reads an RFC 3339 instant (surrounding whitespace ignored) as Unix seconds; a fraction of a
/// second is dropped (towards zero, as [`Timestamp::as_second`] does).
pub(crate) fn parse_instant(text: &str) -> Option<i64> {
    match parse_common(text.as_bytes()) {
        Some(seconds) => Some(seconds),
        None => text.trim().parse::<Timestamp>().ok().map(|t| t.as_second()),
    }
}

/// The fast path of [`parse_instant`]: `Some` only for text in the everyday form whose fields
/// are all plainly in range, which jiff reads to the same instant. `None` means "ask jiff",
/// not "invalid".
fn parse_common(bytes: &[u8]) -> Option<i64> {
    let (date_time, rest) = bytes.split_at_checked(19)?;
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2, b'T', h1, h2, b':', n1, n2, b':', s1, s2] =
        *date_time
    else {
        return None;
    };
    let year = i64::from(digits([y1, y2, y3, y4])?);
    let month = digits([m1, m2])?;
    let day = digits([d1, d2])?;
    let hour = i64::from(digits([h1, h2])?);
    let minute = i64::from(digits([n1, n2])?);
    let second = i64::from(digits([s1, s2])?);
    // Year 9999 can leave jiff's range once the offset is applied, and jiff clamps a leap
    // second (:60): both go the long way.
    if !(1000..=9998).contains(&year)
        || !(1..=12).contains(&month)
        || day == 0
        || day > civil::days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    // An optional fraction of one to nine digits.
    let (fraction_digits, rest) = match rest.split_first() {
        Some((b'.', tail)) => {
            let count = tail.iter().take_while(|b| b.is_ascii_digit()).count();
            if count == 0 || count > 9 {
                return None;
            }
            tail.split_at(count)
        }
        _ => (&rest[..0], rest),
    };
    let offset = match *rest {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), oh1, oh2, b':', om1, om2] => {
            let hours = i64::from(digits([oh1, oh2])?);
            let minutes = i64::from(digits([om1, om2])?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let offset = (hours * 60 + minutes) * 60;
            if sign == b'-' {
                -offset
            } else {
                offset
            }
        }
        _ => return None,
    };
    let days = civil::days_from_civil(year, month, day);
    let seconds = days * DAY + hour * 3600 + minute * 60 + second - offset;
    // Before 1970 a fraction makes the whole seconds round towards zero: leave it to jiff.
    if seconds < 0 && fraction_digits.iter().any(|&b| b != b'0') {
        return None;
    }
    Some(seconds)
}

/// The number written by ASCII digits, or `None` if one is not a digit.
fn digits<const N: usize>(bytes: [u8; N]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |value, &b| {
        b.is_ascii_digit().then(|| value * 10 + u32::from(b - b'0'))
    })
}

/// RFC 3339 text of local seconds with their UTC offset, e.g. `2026-11-23T12:00:00+00:00`
/// (`Z` instead of the offset when `utc`). Offsets are written to the minute.
pub(crate) fn format(local: i64, offset: i64, utc: bool) -> String {
    let (year, month, dom) = civil::civil_from_days(local.div_euclid(DAY));
    let second = local.rem_euclid(DAY);
    let (hh, mm, ss) = (second / 3600, second % 3600 / 60, second % 60);
    let Ok(year4) = u32::try_from(year) else {
        return format_rare(year, month, dom, (hh, mm, ss), offset, utc);
    };
    if year4 > 9999 {
        return format_rare(year, month, dom, (hh, mm, ss), offset, utc);
    }
    // Written as bytes and turned into text once: `String::push` per character stays a call
    // at opt-level "s", and this runs several times per check.
    let minutes = offset.unsigned_abs() / 60;
    // Offsets are below a day, so the hours have two digits; the others are below 100 too.
    let parts = [
        year4 / 100,
        year4 % 100,
        month,
        dom,
        hh as u32,
        mm as u32,
        ss as u32,
        (minutes / 60) as u32,
        (minutes % 60) as u32,
    ];
    let mut bytes = *b"0000-00-00T00:00:00+00:00";
    for (part, at) in parts.into_iter().zip([0, 2, 5, 8, 11, 14, 17, 20, 23]) {
        bytes[at] = b'0' + (part / 10 % 10) as u8;
        bytes[at + 1] = b'0' + (part % 10) as u8;
    }
    let len = if utc {
        bytes[19] = b'Z';
        20
    } else {
        if offset < 0 {
            bytes[19] = b'-';
        }
        25
    };
    // ASCII by construction, so this never falls back to the empty default.
    String::from_utf8(bytes[..len].to_vec()).unwrap_or_default()
}

/// [`format`] for years outside 0–9999 (jiff's range reaches -9999), with `fmt`.
#[cold]
fn format_rare(
    year: i64,
    month: u32,
    dom: u32,
    (hh, mm, ss): (i64, i64, i64),
    offset: i64,
    utc: bool,
) -> String {
    if utc {
        return format!("{year:04}-{month:02}-{dom:02}T{hh:02}:{mm:02}:{ss:02}Z");
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.abs() / 60;
    format!(
        "{year:04}-{month:02}-{dom:02}T{hh:02}:{mm:02}:{ss:02}{sign}{:02}:{:02}",
        minutes / 60,
        minutes % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the engine accepted before the fast path: jiff's parser on the trimmed text.
    fn jiff_instant(text: &str) -> Option<i64> {
        text.trim().parse::<Timestamp>().ok().map(|t| t.as_second())
    }

    fn assert_same(text: &str) {
        assert_eq!(parse_instant(text), jiff_instant(text), "{text:?}");
        if let Some(fast) = parse_common(text.as_bytes()) {
            assert_eq!(Some(fast), jiff_instant(text), "fast path on {text:?}");
        }
    }

    const TEMPLATES: &[&str] = &[
        "2026-11-16T10:05:00Z",
        "2026-11-16T10:05:00+01:00",
        "2026-11-16T10:05:00-05:30",
        "2026-11-16T10:05:00.250Z",
        "2026-11-16T10:05:00.123456789+01:00",
        "1969-12-31T23:59:59.5Z",
        "1970-01-01T00:00:00.5+00:01",
        "2028-02-29T23:59:59-23:59",
        "9998-12-31T23:59:59-23:59",
        "1000-01-01T00:00:00+23:59",
    ];

    /// Bytes worth trying at any position.
    const BYTES: &[u8] = b"0125369-+:.,TtZz xW[]";

    #[test]
    fn odd_instants_read_as_jiff_reads_them() {
        for text in [
            "",
            " ",
            "Z",
            "2026-11-16",
            "2026-11-16T10:05:00",
            "2026-11-16T10:05Z",
            "2026-11-16T10Z",
            "2026-11-16t10:05:00z",
            "2026-11-16 10:05:00Z",
            "2026-11-16T10:05:00,5Z",
            "2026-11-16T10:05:00.Z",
            "2026-11-16T10:05:00.1234567891Z",
            "2026-11-16T10:05:60Z",
            "2026-12-31T23:59:60Z",
            "2026-11-16T10:05:00-00:00",
            "2026-11-16T10:05:00+00:00",
            "2026-11-16T10:05:00+05",
            "2026-11-16T10:05:00+0530",
            "2026-11-16T10:05:00+05:30:15",
            "2026-11-16T10:05:00+24:00",
            "2026-11-16T10:05:00+25:59",
            "2026-11-16T10:05:00+26:00",
            "2026-11-16T10:05:00+05:60",
            "2026-11-16T10:05:00Z[Europe/London]",
            "2026-11-16T10:05:00+01:00[Europe/Paris]",
            "2026-11-16T10:05:00+01:00[!Europe/Paris]",
            "20261116T100500Z",
            "2026-11-16T24:00:00Z",
            "2026-02-29T10:00:00Z",
            "2028-02-29T10:00:00Z",
            "2100-02-29T10:00:00Z",
            "2000-02-29T10:00:00Z",
            "2026-04-31T10:00:00Z",
            "2026-00-10T10:00:00Z",
            "2026-13-10T10:00:00Z",
            "2026-11-00T10:00:00Z",
            "+002026-11-16T10:05:00Z",
            "-000001-11-16T10:05:00Z",
            "0000-01-01T00:00:00Z",
            "0999-12-31T23:59:59.5+01:00",
            "9999-12-30T21:59:59Z",
            "9999-12-31T23:59:59Z",
            "9999-12-31T23:59:59-01:00",
            "2026-11-16T10:05:00ZZ",
            "2026-11-16T10:05:00Z ",
            "\t2026-11-16T10:05:00Z\n",
            "\u{a0}2026-11-16T10:05:00Z\u{2003}",
            "2026-11-16T10:05:00\u{2212}05:00",
            "２026-11-16T10:05:00Z",
            "2026-11-16T10:05:00.000Z",
            "1969-12-31T23:59:59.000Z",
            "1969-12-31T23:59:59.000000001Z",
            "1000-01-01T00:00:00.9-23:59",
            "next monday",
        ] {
            assert_same(text);
        }
    }

    #[test]
    fn everyday_forms_take_the_fast_path() {
        for template in TEMPLATES {
            // Before 1970, a fraction is left to jiff.
            let before_1970_with_fraction =
                template.starts_with("1969") || template.contains("00.5+");
            assert_eq!(
                parse_common(template.as_bytes()).is_some(),
                !before_1970_with_fraction,
                "{template}"
            );
        }
    }

    #[test]
    fn every_one_byte_change_reads_as_jiff_reads_it() {
        for template in TEMPLATES {
            let bytes = template.as_bytes();
            for position in 0..=bytes.len() {
                for &byte in BYTES {
                    let mut changed = bytes.to_vec();
                    if position < bytes.len() {
                        changed[position] = byte;
                        assert_same(std::str::from_utf8(&changed).unwrap());
                        changed.remove(position);
                        assert_same(std::str::from_utf8(&changed).unwrap());
                        changed.insert(position, bytes[position]);
                    }
                    changed.insert(position, byte);
                    assert_same(std::str::from_utf8(&changed).unwrap());
                }
            }
        }
    }

    #[test]
    fn every_field_value_reads_as_jiff_reads_it() {
        // Each field through every two-digit value (and the year's edges), the others fixed.
        let fields: &[(usize, usize)] = &[(5, 2), (8, 2), (11, 2), (14, 2), (17, 2)];
        for template in ["2026-02-16T10:05:00+01:00", "2024-02-16T10:05:00.5-10:30"] {
            for &(at, width) in fields {
                for value in 0..100u32 {
                    let mut text = template.to_string();
                    text.replace_range(at..at + width, &format!("{value:02}"));
                    assert_same(&text);
                }
            }
            for at in [20, 23] {
                for value in 0..100u32 {
                    let mut text = template.to_string();
                    let at = if template.contains('.') { at + 2 } else { at };
                    text.replace_range(at..at + 2, &format!("{value:02}"));
                    assert_same(&text);
                }
            }
            for year in (0..=10_000u32).step_by(7).chain([999, 1000, 9998, 9999]) {
                let mut text = template.to_string();
                text.replace_range(0..4, &format!("{year:04}"));
                assert_same(&text);
            }
        }
        // Every day of a leap and a common year, at both ends of the offset range.
        for year in [2026, 2028, 2100] {
            for month in 1..=12 {
                for day in 1..=32 {
                    for suffix in ["Z", "+23:59", "-23:59", ".999999999-00:00"] {
                        assert_same(&format!("{year}-{month:02}-{day:02}T23:59:59{suffix}"));
                    }
                }
            }
        }
    }

    #[test]
    fn random_instants_read_as_jiff_reads_them() {
        // A fixed-seed generator: dates and times across the supported range, every offset.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |bound: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % bound
        };
        for _ in 0..20_000 {
            let year = 1000 + next(9000);
            let fraction = match next(4) {
                0 => String::new(),
                1 => ".0".to_string(),
                _ => format!(".{}", next(1_000_000_000)),
            };
            let offset = match next(3) {
                0 => "Z".to_string(),
                _ => format!(
                    "{}{:02}:{:02}",
                    if next(2) == 0 { '+' } else { '-' },
                    next(26),
                    next(61)
                ),
            };
            let text = format!(
                "{year:04}-{:02}-{:02}T{:02}:{:02}:{:02}{fraction}{offset}",
                1 + next(12),
                1 + next(31),
                next(25),
                next(61),
                next(61)
            );
            assert_same(&text);
        }
    }

    #[test]
    fn text_matches_jiff_and_fmt() {
        for (t, offset) in [
            (0i64, 0i64),
            (1_795_435_200, 3600),
            (1_795_435_259, -16_200),
            (-62_135_596_800, 0),
            (-62_135_596_801, 0),
            (-30_610_224_000, 93_540),
            (253_402_207_199, 0),
            (253_402_207_200, -93_540),
            (-1_000_000_000, -60),
        ] {
            let zone =
                jiff::tz::TimeZone::fixed(jiff::tz::Offset::from_seconds(offset as i32).unwrap());
            let expected = Timestamp::from_second(t)
                .unwrap()
                .to_zoned(zone)
                .strftime("%Y-%m-%dT%H:%M:%S%:z")
                .to_string();
            assert_eq!(format(t + offset, offset, false), expected, "{t} {offset}");
        }
        for t in [0, 1_795_435_200, -62_135_596_801, 253_402_207_199] {
            assert_eq!(
                format(t, 0, true),
                Timestamp::from_second(t).unwrap().to_string()
            );
        }
        // Across jiff's whole range (years -9999 to 9999), the same text as with `fmt`.
        let mut t = -377_705_116_800_i64;
        while t < 253_402_300_799 {
            for (offset, utc) in [(0, true), (-37_800, false), (49_500, false), (-61, false)] {
                let local = t + offset;
                let (year, month, dom) = civil::civil_from_days(local.div_euclid(DAY));
                let second = local.rem_euclid(DAY);
                let time = (second / 3600, second % 3600 / 60, second % 60);
                assert_eq!(
                    format(local, offset, utc),
                    format_rare(year, month, dom, time, offset, utc)
                );
            }
            t += 9_876_543_211;
        }
    }
}
