//! Tests of the audit's shortcuts against the kit's full answers.

use crate::kit::Kit;
use crate::sla::{CalendarRef, DeadlineRequest, Status, Target, TargetUnit};

fn instant(text: &str) -> i64 {
    crate::sla::parse_instant(text).expect(text)
}

fn utc(t: i64) -> String {
    jiff::Timestamp::from_second(t).unwrap().to_string()
}

/// `Sla::standing_at` (the audit's first-action margin) against `Kit::deadline` on every
/// calendar of the built-in kit and the example bundle: unit by unit, across changes of
/// clock, at the edges of the time line, before, at and long after the deadline.
#[test]
fn deadline_standing_answers_as_the_full_deadline() {
    let acme_text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bundles/acme.bundle.json"),
    )
    .unwrap();
    let acme: serde_json::Value = serde_json::from_str(&acme_text).unwrap();
    let mut kits = vec![(Kit::builtin().unwrap(), vec!["default".to_string()])];
    let ids: Vec<String> = acme["calendars"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .chain(["default".to_string(), "nowhere".to_string()])
        .collect();
    kits.push((Kit::from_json(&acme_text).unwrap(), ids));
    let starts = [
        "2026-03-06T16:59:00Z",
        "2026-03-08T06:30:00Z",
        "2026-03-27T17:30:00+01:00",
        "2026-03-29T00:30:00Z",
        "2026-10-24T23:59:59Z",
        "2026-11-20T16:00:00Z",
        "2026-12-24T12:00:00-05:00",
        "9999-12-30T12:00:00Z",
        "0001-01-01T00:00:00Z",
    ];
    let mut targets = Vec::new();
    for (unit, values) in [
        (TargetUnit::BusinessMinutes, vec![0, 1, 45, 240, 600]),
        (TargetUnit::BusinessHours, vec![1, 8, 40]),
        (TargetUnit::BusinessDays, vec![0, 1, 3]),
        (TargetUnit::CalendarMinutes, vec![0, 90, 2_000]),
    ] {
        for value in values.into_iter().chain([unit.max_value() + 1]) {
            targets.push(Target { unit, value });
        }
    }
    let waits = [
        -3_600,
        0,
        60,
        3 * 3_600,
        26 * 3_600,
        9 * 86_400,
        400 * 86_400,
    ];
    let (mut answered, mut errors) = (0, 0);
    for (kit, calendars) in &kits {
        for id in calendars {
            for start in starts {
                for &target in &targets {
                    for wait in waits {
                        let Some(now) = instant(start).checked_add(wait) else {
                            continue;
                        };
                        if jiff::Timestamp::from_second(now).is_err() {
                            continue;
                        }
                        let request = DeadlineRequest {
                            calendar: CalendarRef::Id(id.clone()),
                            start: start.to_string(),
                            target,
                            pauses: Vec::new(),
                            now: Some(utc(now)),
                            warn_before: None,
                        };
                        let full = kit.deadline(&request).ok().map(|d| {
                            (
                                d.remaining_business_minutes.unwrap(),
                                d.status == Some(Status::Breached),
                            )
                        });
                        let quick = kit.sla().standing_at(id, instant(start), target, now);
                        assert_eq!(quick, full, "{id} {start} {target:?} now {}", utc(now));
                        if full.is_some() {
                            answered += 1;
                        } else {
                            errors += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(
        answered > 1_000 && errors > 100,
        "{answered} answered, {errors} errors"
    );
}
