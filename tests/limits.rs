//! Every ceiling of `handoff_kit::limits`, just below (the call works) and just past (an
//! error of kind `limit` naming the limit, the size met and the path, in milliseconds), and
//! README.md's "Limits" table against the one table of them.
//! Regenerate the README table with `UPDATE_LIMITS_DOC=1 cargo test --test limits`.

use handoff_kit::kit::CheckOptions;
use handoff_kit::limits::{self, LIMITS};
use handoff_kit::note::NoteFormat;
use handoff_kit::sla::{CalendarRef, DeadlineRequest};
use handoff_kit::{Error, Kit};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const START: &str = "<!-- limits:start (generated from src/limits.rs by tests/limits.rs) -->\n";
const END: &str = "<!-- limits:end -->";

#[test]
fn readme_limits_table_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("read README.md");
    let (Some(from), Some(to)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the markers {START:?} … {END:?}");
    };
    let expected = limits::render_markdown();
    let actual = &readme[from + START.len()..to];
    if std::env::var_os("UPDATE_LIMITS_DOC").is_some() {
        let updated = format!("{}{START}{expected}{}", &readme[..from], &readme[to..]);
        std::fs::write(&path, updated).expect("write README.md");
        return;
    }
    assert!(
        actual == expected,
        "README.md's Limits table differs from src/limits.rs. Regenerate it with \
         `UPDATE_LIMITS_DOC=1 cargo test --test limits` and commit the result."
    );
}

/// Runs `call`, which must fail past `name` within a few milliseconds, and checks the error
/// names the limit, the size and the path.
fn refused<T>(
    name: &str,
    size: &str,
    path: &str,
    call: impl FnOnce() -> Result<T, Error>,
) -> Error {
    let started = Instant::now();
    let Err(error) = call() else {
        panic!("{name}: accepted past the ceiling");
    };
    let took = started.elapsed();
    assert_eq!(error.kind, "limit", "{}", error.message);
    assert!(
        error
            .message
            .contains(&format!("has {size}, more than the limit {name} of ")),
        "{}",
        error.message
    );
    assert!(
        error.message.contains(&format!("limit {name} of ")),
        "{}",
        error.message
    );
    assert!(
        error.message.contains(&format!("(at {path})")),
        "{}",
        error.message
    );
    // Generous for a debug build on a loaded machine; it is microseconds in release.
    assert!(took < Duration::from_millis(200), "{name}: {took:?}");
    assert!(LIMITS.iter().any(|l| l.name == name));
    error
}

fn packet_of_bytes(bytes: usize) -> String {
    let base = r#"{"ticket": {"id": "T-1"}, "summary": ""}"#;
    let filler = "x".repeat(bytes - base.len());
    format!(r#"{{"ticket": {{"id": "T-1"}}, "summary": "{filler}"}}"#)
}

#[test]
fn packet_bytes_limit_just_below_and_just_past() {
    let kit = Kit::builtin().unwrap();
    let options = CheckOptions::default();
    let at = packet_of_bytes(limits::PACKET_BYTES);
    assert_eq!(at.len(), limits::PACKET_BYTES);
    assert!(kit.check_text(&at, &options).is_ok());
    let past = packet_of_bytes(limits::PACKET_BYTES + 1);
    refused("packet-bytes", "4,194,305 bytes", "/", || {
        kit.check_text(&past, &options)
    });
    refused("packet-bytes", "4,194,305 bytes", "/", || {
        kit.validate_text(&past)
    });
    // The next call works.
    assert!(kit.validate_text(r#"{"ticket": {"id": "T-2"}}"#).is_ok());
}

#[test]
fn note_bytes_limit_just_below_and_just_past_plain_and_html() {
    let kit = Kit::builtin().unwrap();
    let options = CheckOptions::default();
    let context = Value::Null;
    let head = "Summary\nThe customer cannot log in.\n\nNotes\n";
    let plain = |bytes: usize| {
        format!(
            "{head}{}",
            "word ".repeat(bytes).split_at(bytes - head.len()).0
        )
    };
    let at = plain(limits::NOTE_BYTES);
    assert_eq!(at.len(), limits::NOTE_BYTES);
    let report = kit.check_note(&at, NoteFormat::Text, &context, &options);
    assert!(report.is_ok(), "{:?}", report.err());
    let past = plain(limits::NOTE_BYTES + 1);
    refused("note-bytes", "8,388,609 bytes", "/", || {
        kit.check_note(&past, NoteFormat::Text, &context, &options)
    });
    // Reading a note alone (Kit::parse_note, npm `parseNote`) holds the same ceiling.
    assert!(kit.parse_note(&at, NoteFormat::Text).is_ok());
    refused("note-bytes", "8,388,609 bytes", "/", || {
        kit.parse_note(&past, NoteFormat::Text)
    });
    let html = |bytes: usize| {
        let open = "<h2>Summary</h2><p>";
        let close = "</p>";
        format!(
            "{open}{}{close}",
            "a".repeat(bytes - open.len() - close.len())
        )
    };
    let at = html(limits::NOTE_BYTES);
    assert_eq!(at.len(), limits::NOTE_BYTES);
    assert!(kit
        .check_note(&at, NoteFormat::Html, &context, &options)
        .is_ok());
    let past = html(limits::NOTE_BYTES + 1);
    refused("note-bytes", "8,388,609 bytes", "/", || {
        kit.check_note(&past, NoteFormat::Html, &context, &options)
    });
}

fn html_lines(lines: usize) -> String {
    format!("<p>Tried{}</p>", "<br>- a".repeat(lines - 1))
}

/// The note reader's work grows with the list items and fields it records, up to a few per
/// line: a note of one-letter list items is the most work per byte (1 MiB of them took seconds
/// through npm), so lines are bounded before any section is read.
#[test]
fn note_lines_limit_just_below_and_just_past_plain_and_html() {
    let kit = Kit::builtin().unwrap();
    let options = CheckOptions::default();
    let context = Value::Null;
    let items = |lines: usize| format!("Tried{}", "\n- a".repeat(lines - 1));
    let at = items(limits::NOTE_LINES);
    assert_eq!(at.lines().count(), limits::NOTE_LINES);
    assert!(kit.parse_note(&at, NoteFormat::Text).is_ok());
    let past = items(limits::NOTE_LINES + 1);
    refused("note-lines", "50,001 lines", "/", || {
        kit.parse_note(&past, NoteFormat::Text)
    });
    refused("note-lines", "50,001 lines", "/", || {
        kit.check_note(&past, NoteFormat::Text, &context, &options)
    });
    // HTML is held on the text it renders to (each <br> a line), so it is rendered first: no
    // millisecond bound here, but the refusal comes before any section is read.
    let below = kit.parse_note(&html_lines(limits::NOTE_LINES), NoteFormat::Html);
    assert!(below.is_ok(), "{:?}", below.err());
    let error = kit
        .check_note(
            &html_lines(limits::NOTE_LINES + 1),
            NoteFormat::Html,
            &context,
            &options,
        )
        .unwrap_err();
    assert_eq!(error.kind, "limit");
    assert!(
        error
            .message
            .contains("has 50,001 lines, more than the limit note-lines of 50,000 lines"),
        "{}",
        error.message
    );
    // The next call works.
    assert!(kit.parse_note("Owner: Dana Kim", NoteFormat::Text).is_ok());
}

#[test]
fn bundle_bytes_limit_just_below_and_just_past() {
    let bundle = json!({"bundle": "acme", "version": "1.0.0"}).to_string();
    let padded = |bytes: usize| format!("{bundle}{}", " ".repeat(bytes - bundle.len()));
    assert!(Kit::from_json(&padded(limits::BUNDLE_BYTES)).is_ok());
    let past = padded(limits::BUNDLE_BYTES + 1);
    refused("bundle-bytes", "4,194,305 bytes", "/", || {
        Kit::from_json(&past)
    });
}

fn request(calendar: Value, target: Value) -> DeadlineRequest {
    serde_json::from_value(json!({
        "calendar": calendar,
        "start": "2026-07-03T16:00:00Z",
        "target": target,
    }))
    .unwrap()
}

fn hours(value: u64) -> Value {
    json!({"unit": "business_hours", "value": value})
}

/// `n` one-minute intervals, one minute apart from 00:00 (at most 720 fit that way, so
/// past that they touch: still no overlap).
fn intervals(n: usize) -> Value {
    let at = |m: usize| format!("{:02}:{:02}", m / 60, m % 60);
    let step = if n <= 720 { 2 } else { 1 };
    Value::Array(
        (0..n)
            .map(|i| {
                let start = (i * step) % 1_440;
                json!([
                    at(start),
                    if start + 1 == 1_440 {
                        "24:00".to_string()
                    } else {
                        at(start + 1)
                    }
                ])
            })
            .collect(),
    )
}

#[test]
fn intervals_per_day_limit_just_below_and_just_past() {
    let kit = Kit::builtin().unwrap();
    let calendar = |mon: Value| json!({"time_zone": "UTC", "week": {"mon": mon}});
    let at = kit.deadline(&request(
        calendar(intervals(limits::INTERVALS_PER_DAY)),
        hours(4),
    ));
    assert!(at.is_ok(), "{:?}", at.err());
    let past = request(
        calendar(json!(vec![
            json!(["09:00", "10:00"]);
            limits::INTERVALS_PER_DAY + 1
        ])),
        hours(4),
    );
    refused(
        "intervals-per-day",
        "1,441 intervals",
        "/calendar/week/mon",
        || kit.deadline(&past),
    );
    let exception = |n: usize| {
        json!({"time_zone": "UTC", "week": {"mon": [["09:00", "17:00"]]},
               "exceptions": [{"date": "2026-07-06", "hours": intervals(n)}]})
    };
    assert!(kit
        .deadline(&request(exception(limits::INTERVALS_PER_DAY), hours(4)))
        .is_ok());
    let past = request(exception(limits::INTERVALS_PER_DAY + 1), hours(4));
    refused(
        "intervals-per-day",
        "1,441 intervals",
        "/calendar/exceptions/0/hours",
        || kit.deadline(&past),
    );
}

#[test]
fn holidays_and_exceptions_limits_just_below_and_just_past() {
    let kit = Kit::builtin().unwrap();
    let day = |i: usize| {
        let (year, rest) = (2026 + i / 336, i % 336);
        format!("{year}-{:02}-{:02}", rest / 28 + 1, rest % 28 + 1)
    };
    let with_holidays = |n: usize| {
        json!({"time_zone": "UTC", "week": {"mon": [["09:00", "17:00"]], "tue": [["09:00", "17:00"]]},
               "holidays": (0..n).map(|i| day(i + 1)).collect::<Vec<_>>()})
    };
    let at = kit.deadline(&request(with_holidays(limits::HOLIDAYS), hours(4)));
    assert!(at.is_ok(), "{:?}", at.err());
    let past = request(with_holidays(limits::HOLIDAYS + 1), hours(4));
    refused("holidays", "10,001 holidays", "/calendar/holidays", || {
        kit.deadline(&past)
    });
    let with_exceptions = |n: usize| {
        let list: Vec<Value> = (0..n)
            .map(|i| json!({"date": day(i + 1), "hours": [["10:00", "11:00"]]}))
            .collect();
        json!({"time_zone": "UTC", "week": {"mon": [["09:00", "17:00"]]}, "exceptions": list})
    };
    let at = kit.deadline(&request(with_exceptions(limits::EXCEPTIONS), hours(4)));
    assert!(at.is_ok(), "{:?}", at.err());
    let past = request(with_exceptions(limits::EXCEPTIONS + 1), hours(4));
    refused(
        "exceptions",
        "10,001 exceptions",
        "/calendar/exceptions",
        || kit.deadline(&past),
    );
}

#[test]
fn target_limits_just_below_and_just_past() {
    let kit = Kit::builtin().unwrap();
    for (unit, ceiling, name, counted) in [
        (
            "business_minutes",
            limits::TARGET_BUSINESS_MINUTES,
            "target-business-minutes",
            "minutes",
        ),
        (
            "business_hours",
            limits::TARGET_BUSINESS_HOURS,
            "target-business-hours",
            "hours",
        ),
        (
            "business_days",
            limits::TARGET_BUSINESS_DAYS,
            "target-business-days",
            "days",
        ),
        (
            "calendar_minutes",
            limits::TARGET_CALENDAR_MINUTES,
            "target-calendar-minutes",
            "minutes",
        ),
    ] {
        let target = |value: u64| json!({"unit": unit, "value": value});
        let at = kit.deadline(&request(json!("default"), target(ceiling)));
        assert!(at.is_ok(), "{unit}: {:?}", at.err());
        let past = request(json!("default"), target(ceiling + 1));
        let size = format!("{} {counted}", limits::group(ceiling + 1));
        let error = refused(name, &size, "/target/value", || kit.deadline(&past));
        assert_eq!(error.diagnostics[0].path, "/target/value");
    }
}

#[test]
fn sla_span_limit_just_below_and_just_past() {
    let kit = Kit::builtin().unwrap();
    let calendar = CalendarRef::Id("default".to_string());
    // 36,600 days from 2000-01-01 is 2100-03-17 (25 leap days, then 75 days of 2100).
    let minutes =
        kit.business_minutes_between(&calendar, "2000-01-01T00:00:00Z", "2100-03-17T00:00:00Z");
    assert!(minutes.unwrap() > 0);
    refused("sla-span-days", "36,601 days", "/to", || {
        kit.business_minutes_between(&calendar, "2000-01-01T00:00:00Z", "2100-03-18T00:00:00Z")
    });
}

#[test]
fn bundle_text_meets_the_keys_per_object_and_depth_ceilings_with_their_path() {
    // A vocabulary object of 10,001 words: the ceiling of a packet holds for a bundle too.
    let words = |n: usize| -> serde_json::Map<String, Value> {
        (0..n)
            .map(|i| (format!("word{i}"), json!("finance")))
            .collect()
    };
    let bundle = |n: usize| {
        json!({"bundle": "acme", "version": "1.0.0", "vocabulary": {"teams": words(n)}}).to_string()
    };
    let past = bundle(limits::KEYS_PER_OBJECT + 1);
    refused(
        "keys-per-object",
        "10,001 keys",
        "/vocabulary/teams",
        || Kit::from_json(&past),
    );
    // At the ceiling the text is read (whatever the bundle's own checks then say of it).
    let at = bundle(limits::KEYS_PER_OBJECT);
    if let Err(error) = Kit::from_json(&at) {
        assert_ne!(error.kind, "limit", "{}", error.message);
    }
    let deep = format!(
        r#"{{"bundle": "acme", "version": "1.0.0", "x": {}1{}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    let path = format!("/x{}", "/0".repeat(126));
    refused("json-depth", "128 levels", &path, || Kit::from_json(&deep));
}

#[test]
fn a_schema_value_past_keys_per_object_is_refused_before_compiling() {
    let properties: serde_json::Map<String, Value> = (0..=limits::KEYS_PER_OBJECT)
        .map(|i| (format!("k{i}"), json!({})))
        .collect();
    let schema = json!({ "properties": properties });
    let started = Instant::now();
    let store = handoff_kit::schema::SchemaStore::builtin();
    let error = handoff_kit::Validator::new(&schema, store).unwrap_err();
    assert_eq!(error.kind, "limit", "{}", error.message);
    assert!(
        error.message.contains("keys-per-object"),
        "{}",
        error.message
    );
    assert_eq!(error.diagnostics[0].path, "/properties");
    assert!(started.elapsed() < Duration::from_millis(200));
}

#[test]
fn a_deadline_not_reached_within_the_span_is_kind_limit_on_the_target() {
    let kit = Kit::builtin().unwrap();
    // One open minute a week: 2,000,000 business minutes need about 38,000 years.
    let calendar = json!({"time_zone": "UTC", "week": {"mon": [["09:00", "09:01"]]}});
    let past = request(
        calendar.clone(),
        json!({"unit": "business_minutes", "value": 2_000_000}),
    );
    let started = Instant::now();
    let error = kit.deadline(&past).unwrap_err();
    assert!(started.elapsed() < Duration::from_millis(200));
    assert_eq!(error.kind, "limit", "{}", error.message);
    assert_eq!(
        error.message,
        "The deadline is not reached within 36,600 days of the start, the limit sla-span-days (at /target)."
    );
    assert_eq!(error.diagnostics[0].path, "/target");
    // Just inside: 5,200 minutes are 100 years of Mondays (5,218 of them).
    let within = request(
        calendar,
        json!({"unit": "business_minutes", "value": 5_200}),
    );
    assert!(kit.deadline(&within).is_ok());
    // business_days: a pause over the whole span leaves no business day to count.
    let mut paused = request(
        json!("default"),
        json!({"unit": "business_days", "value": 1}),
    );
    paused.pauses = serde_json::from_value(
        json!([{"from": "2026-07-03T00:00:00Z", "to": "2200-01-01T00:00:00Z"}]),
    )
    .unwrap();
    let error = kit.deadline(&paused).unwrap_err();
    assert_eq!(error.kind, "limit", "{}", error.message);
}
