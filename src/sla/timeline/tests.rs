use super::*;
use crate::sla::civil;
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
fn walks_over_many_intervals_a_day_and_a_weekly_holiday_count_days_not_intervals() {
    // 720 one-minute intervals a day and every Wednesday a holiday for three years: no
    // week repeats the one before, so whole days are counted at once.
    let hours: Vec<_> = (0..720)
        .map(|i| {
            json!([
                format!("{:02}:{:02}", i / 30, i % 30 * 2),
                format!("{:02}:{:02}", i / 30, i % 30 * 2 + 1)
            ])
        })
        .collect();
    let week: serde_json::Map<_, _> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .map(|d| (d.to_string(), json!(hours)))
        .collect();
    let first_wednesday = civil::days_from_civil(2026, 11, 18);
    let holidays: Vec<String> = (0..3 * 53)
        .map(|w| {
            let (y, m, d) = civil::civil_from_days(first_wednesday + 7 * w);
            format!("{y:04}-{m:02}-{d:02}")
        })
        .collect();
    let cal = calendar(json!({"time_zone": "UTC", "week": week, "holidays": holidays}));
    let pauses = PauseSet::default();
    let start = utc("2026-11-16T10:00:00Z");
    let to = utc("2029-11-16T10:00:00Z");
    let mut timeline = Timeline::new(&cal, &pauses, start + HORIZON);
    let counted = timeline.count(start, to);
    // By hand: each open day holds 720 minutes; the first day from 10:00 holds 420 (the
    // even minutes from 10:00 to midnight) and the last up to 10:00 holds 300.
    let (first, last) = (start.div_euclid(DAY), to.div_euclid(DAY));
    let open_days = (first + 1..last)
        .filter(|&d| {
            d < first_wednesday
                || (d - first_wednesday) % 7 != 0
                || d >= first_wednesday + 7 * 3 * 53
        })
        .count() as i64;
    assert_eq!(counted, (open_days * 720 + 420 + 300) * 60);
    assert!(
        timeline.stretches_walked <= 2 * 720 + 10,
        "{}",
        timeline.stretches_walked
    );
    // Each stretch looks at the day before too (its night shift may still be open).
    assert!(
        timeline.days_scanned() <= 3 * 366 + timeline.stretches_walked + 10,
        "{}",
        timeline.days_scanned()
    );
    // A deadline far out, by the same arithmetic: 500 open days after the first midnight.
    let mut timeline = Timeline::new(&cal, &pauses, start + HORIZON);
    let deadline = timeline
        .advance(start, (420 + 500 * 720) * 60, &mut NoLog)
        .unwrap();
    // The first day's stretches and the last day's, not the 500 days between.
    assert!(
        timeline.stretches_walked <= 2 * 720 + 10,
        "{}",
        timeline.stretches_walked
    );
    assert_eq!(timeline.count(start, deadline), (420 + 500 * 720) * 60);
    assert_eq!(
        deadline % DAY,
        DAY - 60,
        "the end of the day's last open minute"
    );
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

#[test]
fn the_open_time_left_in_a_day_counts_a_night_shift_and_an_exception_over_it_once() {
    // Monday's night shift runs to 03:00 Tuesday; Tuesday 2026-11-24 is an exception open
    // 01:00–05:00 and 10:00–12:00, over the end of that shift. From every minute of the day,
    // the open time left must be what a minute-by-minute count finds.
    let cal = calendar(json!({"time_zone": "UTC",
        "week": {"mon": [["09:00","12:00"], ["20:00","03:00"]], "tue": [["04:00","06:00"], ["23:00","01:00"]]},
        "exceptions": [{"date": "2026-11-24", "hours": [["01:00","05:00"], ["10:00","12:00"]]}]}));
    for date in [(2026, 11, 24), (2026, 12, 1), (2026, 11, 25)] {
        let day = civil::days_from_civil(date.0, date.1, date.2);
        for minute in (0..1440).step_by(7) {
            let by_minute = (minute..1440)
                .filter(|m| cal.is_open_at_local(day * DAY + m * 60))
                .count() as i64
                * 60;
            assert_eq!(
                cal.local_day_seconds_from(day, minute * 60),
                by_minute,
                "{date:?} from minute {minute}"
            );
        }
        let whole = (0..1440)
            .filter(|m| cal.is_open_at_local(day * DAY + m * 60))
            .count() as i64;
        assert_eq!(cal.local_day_seconds(day), whole * 60, "{date:?}");
    }
}

/// A London calendar with a night shift, `*-MM-DD` holidays (one a week, the 29th of
/// February, New Year's Eve and Day), some dated holidays and exceptions, and the pauses
/// given: no week of it repeats the one before.
fn irregular_calendar() -> Calendar {
    let mut holidays: Vec<String> = (0..52)
        .map(|w| {
            let (_, month, dom) =
                civil::civil_from_days(civil::days_from_civil(2025, 1, 3) + 7 * w);
            format!("*-{month:02}-{dom:02}")
        })
        .collect();
    holidays
        .extend(["*-02-29", "*-12-31", "*-01-01", "2031-06-02", "2044-12-30"].map(String::from));
    calendar(json!({"time_zone": "Europe/London",
        "week": {"mon": [["09:00","12:00"], ["13:00","17:30"]], "tue": [["22:00","06:00"]],
            "wed": [["09:00","17:00"]], "fri": [["08:00","16:00"]], "sun": [["23:00","01:00"]]},
        "holidays": holidays,
        "exceptions": [{"date": "2035-12-31", "hours": [["10:00","11:00"]]},
            {"date": "2040-03-26", "hours": [["00:00","24:00"]]}]}))
}

#[test]
fn counting_by_years_agrees_with_the_walk() {
    let cal = irregular_calendar();
    let pauses = PauseSet::new(vec![(
        utc("2038-02-01T00:00:00Z"),
        utc("2039-07-01T12:00:00Z"),
    )]);
    let none = PauseSet::default();
    let froms = [
        "2026-11-18T10:17:00Z",
        "2027-01-01T00:00:00Z",
        "2029-12-31T23:30:00Z",
    ];
    let tos = [
        "2027-06-01T00:00:00Z",
        "2030-01-01T00:00:00Z",
        "2041-03-29T00:30:00Z",
        "2063-10-25T01:30:00Z",
        "2069-02-28T23:59:00Z",
    ];
    for pauses in [&none, &pauses] {
        for from in froms.map(utc) {
            for to in tos.map(utc) {
                let walked = Timeline::new(&cal, pauses, to).count(from, to);
                let by_years = Timeline::new(&cal, pauses, to).count_by_years(from, to);
                assert_eq!(by_years, walked, "{from} {to}");
            }
        }
    }
    // A zone that never changes offset, and a calendar of plain weeks.
    let utc_cal = calendar(
        json!({"time_zone": "UTC", "week": {"mon": [["09:00","17:00"]]},
        "holidays": ["*-03-02"]}),
    );
    let (from, to) = (utc("2026-05-05T10:00:00Z"), utc("2090-05-05T10:00:00Z"));
    assert_eq!(
        Timeline::new(&utc_cal, &none, to).count_by_years(from, to),
        Timeline::new(&utc_cal, &none, to).count(from, to)
    );
}

#[test]
fn a_status_walk_two_centuries_on_costs_what_one_does() {
    // The status of a deadline checked long after it counts the open time since: on a
    // calendar where no week repeats, walking it costs every day up to `now`. Counted by
    // years, each shape of year is walked once (at most 14 without dated days), so the cost
    // stops growing with `now` once those are seen.
    let cal = irregular_calendar();
    let none = PauseSet::default();
    let from = utc("2026-11-18T10:17:00Z");
    let days = |years: i64, by_years: bool| {
        let to = from + years * 365 * DAY;
        let mut timeline = Timeline::new(&cal, &none, to);
        if by_years {
            timeline.count_by_years(from, to);
        } else {
            timeline.count(from, to);
        }
        timeline.days_scanned()
    };
    let (one, century, two) = (days(1, true), days(100, true), days(200, true));
    let walked = days(100, false);
    eprintln!("days scanned: 1 year {one}, 100 years {century}, 200 years {two}; walked {walked}");
    // 14 shapes of year, 5 years with dated days and 2 partial years, each up to 366 days.
    assert!(century <= 21 * 366, "{century}");
    assert!(century * 3 < walked, "{century} vs {walked} walked");
    // Every shape is seen within a century: the next costs only its partial years.
    assert!(two <= century + 2 * 366, "{century} then {two}");
    assert!(one <= 2 * 366, "{one}");
}

mod by_years {
    use super::*;
    use proptest::prelude::*;

    const ZONES: &[&str] = &[
        "UTC",
        "Europe/London",
        "America/New_York",
        "Australia/Lord_Howe",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Counting whole years by their shape agrees with walking them, whatever the zone,
        /// the night shifts, the `*-MM-DD` and dated holidays, exceptions and pauses.
        #[test]
        fn counting_by_years_agrees_with_the_walk_on_any_calendar(
            zone in 0..ZONES.len(),
            night in any::<bool>(),
            recurring in proptest::collection::vec((1u32..=12, 1u32..=29), 0..6),
            dated in proptest::collection::vec(0i64..30 * 365, 0..6),
            exception in proptest::option::of(0i64..30 * 365),
            pause in proptest::option::of((0i64..30 * 365, 1i64..400)),
            from_day in 0i64..400,
            from_minute in 0i64..1440,
            span in 1i64..30 * 365,
        ) {
            let base = civil::days_from_civil(2026, 1, 1);
            let date = |day: i64| {
                let (y, m, d) = civil::civil_from_days(base + day);
                format!("{y:04}-{m:02}-{d:02}")
            };
            let mut holidays: Vec<String> =
                recurring.iter().map(|(m, d)| format!("*-{m:02}-{d:02}")).collect();
            holidays.extend(dated.iter().map(|&d| date(d)));
            let mut week = json!({"mon": [["09:00","17:00"]], "wed": [["08:30","12:00"], ["13:00","18:00"]],
                "sat": [["10:00","14:00"]]});
            if night {
                week["thu"] = json!([["22:00","06:00"]]);
                week["sun"] = json!([["23:30","00:30"]]);
            }
            let exceptions: Vec<_> = exception
                .iter()
                .map(|&d| json!({"date": date(d), "hours": [["00:00","02:00"], ["20:00","24:00"]]}))
                .collect();
            let cal = calendar(json!({"time_zone": ZONES[zone], "week": week,
                "holidays": holidays, "exceptions": exceptions}));
            let start = (base + from_day) * DAY + from_minute * 60;
            let pauses = PauseSet::new(
                pause
                    .iter()
                    .map(|&(d, len)| ((base + d) * DAY, (base + d + len) * DAY + 3_600))
                    .collect(),
            );
            let to = start + span * DAY + 12_345;
            let walked = Timeline::new(&cal, &pauses, to).count(start, to);
            let by_years = Timeline::new(&cal, &pauses, to).count_by_years(start, to);
            prop_assert_eq!(by_years, walked);
        }
    }
}
