//! Native scaling of the entry points on growing hostile input: for each case, the time at n
//! and at 8n and their ratio (issue 17's rule: at most 10; linear is 8).
//! `cargo run --release --example scaling` runs every case; `scaling CASE` runs the cases whose
//! name contains CASE. Each figure is the best of a few runs, so that load from other work on
//! the machine inflates it as little as possible.
//!
//! It allocates with the native CLI's allocator (src/bin/handoff/main.rs), as `bench/audit.rs`
//! does: natively the kit runs in `handoff`. glibc's allocator maps each block past its mmap
//! threshold afresh and unmaps it on free, so every run at 8n paid page faults the run at n
//! did not: `tape/keys` and the note cases came to 9.2–12.3 with it, and to 8.5–9.2 with
//! `MALLOC_MMAP_THRESHOLD_` and `MALLOC_TRIM_THRESHOLD_` raised to 1 GiB, as with mimalloc.
//! serde_json reading the same keys into a `Value` is about 12 with any of them
//! (bench/README.md, "Scaling").

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use handoff_kit::note::NoteFormat;
use handoff_kit::schema::SchemaStore;
use handoff_kit::sla::{CalendarRef, DeadlineRequest, Sla};
use handoff_kit::tape::Tape;
use handoff_kit::Validator;
use handoff_kit::{CheckOptions, Kit};
use std::time::{Duration, Instant};

/// A growing input: its name, the base size n, and a function that builds the input of size
/// n and returns the work to time.
struct Case {
    name: &'static str,
    n: usize,
    run: fn(usize) -> Box<dyn Fn()>,
}

const CASES: &[Case] = &[
    Case {
        name: "tape/keys",
        // 8n is the keys-per-object ceiling (src/limits.rs).
        n: 1_250,
        run: |n| {
            let text = object((0..n).map(|i| format!("k{i}")));
            Box::new(move || drop(Tape::parse(&text).expect("parse")))
        },
    },
    Case {
        // The floor: serde_json reading the same text into a `Value`.
        name: "tape/keys (serde_json::Value)",
        // 8n is the keys-per-object ceiling (src/limits.rs).
        n: 1_250,
        run: |n| {
            let text = object((0..n).map(|i| format!("k{i}")));
            Box::new(move || drop(serde_json::from_str::<serde_json::Value>(&text).expect("parse")))
        },
    },
    Case {
        name: "tape/keys-shared-prefix",
        // 8n is the keys-per-object ceiling (src/limits.rs).
        n: 1_250,
        run: |n| {
            let text = object((0..n).map(|i| format!("customer_reference_{i:08}")));
            Box::new(move || drop(Tape::parse(&text).expect("parse")))
        },
    },
    Case {
        name: "tape/members-repeated-key",
        // 8n + 1 keys stay under the keys-per-object ceiling (src/limits.rs).
        n: 1_249,
        run: |n| {
            // Every key once, then the first again: the object repeats a key.
            let text = object((0..n).map(|i| format!("k{i}")).chain(["k0".to_string()]));
            Box::new(move || {
                let tape = Tape::parse(&text).expect("parse");
                assert_eq!(tape.root().members().count(), n);
            })
        },
    },
    Case {
        // List sections (tried, docs, next steps) repeat with each copy. The note cases' sizes
        // keep 8n under the note-lines ceiling (50,000 lines; 27 lines a copy here, 36 for the
        // HTML note's rendered text).
        name: "note/parse-repeated-billing-note",
        n: 230,
        run: |n| {
            let text = billing_note().repeat(n);
            let kit = Kit::builtin().expect("kit");
            Box::new(move || drop(kit.parse_note(&text, NoteFormat::Text).unwrap()))
        },
    },
    Case {
        name: "note/check-repeated-billing-note",
        n: 230,
        run: |n| {
            let text = billing_note().repeat(n);
            let kit = Kit::builtin().expect("kit");
            let context = serde_json::json!({});
            Box::new(move || {
                let options = CheckOptions::default();
                drop(kit.check_note(&text, NoteFormat::Text, &context, &options));
            })
        },
    },
    Case {
        // One list of many short items: the most values and spans per byte of note.
        name: "note/check-long-list",
        n: 6_000,
        run: |n| {
            let text = format!("## Tried\n{}", "- a\n".repeat(n));
            let kit = Kit::builtin().expect("kit");
            let context = serde_json::json!({});
            Box::new(move || {
                let options = CheckOptions::default();
                drop(kit.check_note(&text, NoteFormat::Text, &context, &options));
            })
        },
    },
    Case {
        // A one-line field that cannot be read, again and again: each time, the spans an
        // earlier try left were looked for among all of the note's.
        name: "note/check-repeated-unreadable-section",
        // 8n lines stay under the note-lines ceiling (src/limits.rs).
        n: 2_000,
        run: |n| {
            let text = format!("Summary: x\n{}", "Customer informed: maybe?\n".repeat(n));
            let kit = Kit::builtin().expect("kit");
            let context = serde_json::json!({});
            Box::new(move || {
                let options = CheckOptions::default();
                drop(kit.check_note(&text, NoteFormat::Text, &context, &options));
            })
        },
    },
    Case {
        name: "note/check-repeated-billing-html",
        n: 170,
        run: |n| {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/notes/billing-ckeditor5.html"
            );
            let text = std::fs::read_to_string(path)
                .expect("billing-ckeditor5.html")
                .repeat(n);
            let kit = Kit::builtin().expect("kit");
            let context = serde_json::json!({});
            Box::new(move || {
                let options = CheckOptions::default();
                drop(kit.check_note(&text, NoteFormat::Html, &context, &options));
            })
        },
    },
    Case {
        // n short intervals every day, a holiday every Wednesday (no week repeats the one
        // before), now five years after the start.
        name: "sla/intervals-per-day",
        n: 90,
        run: |n| sla_case(n, 5),
    },
    Case {
        // 720 intervals a day; now n years after the start.
        name: "sla/years-to-now",
        n: 1,
        run: |n| sla_case(720, n as i64),
    },
    Case {
        // `now` n years after the deadline, on a calendar where no week repeats in any year
        // (a `*-MM-DD` holiday every week): status and businessMinutesBetween.
        name: "sla/now-distance-years",
        n: 12,
        run: |n| now_distance_case(n as i64),
    },
    Case {
        // `check` of a packet with n members in one custom object (checked, scored).
        name: "kit/check-wide-object",
        // 8n is the keys-per-object ceiling (src/limits.rs).
        n: 1_250,
        run: |n| {
            let mut packet: serde_json::Value = serde_json::from_str(&example_packet()).unwrap();
            let custom: serde_json::Map<_, _> = (0..n)
                .map(|i| (format!("field_{i}"), serde_json::json!(i)))
                .collect();
            packet["ticket"]["custom"] = custom.into();
            let text = packet.to_string();
            let kit = Kit::builtin().expect("kit");
            Box::new(move || drop(kit.check_text(&text, &CheckOptions::default())))
        },
    },
    Case {
        // `enum` of n objects against an object of 8,000 keys (about 0.1 MB): each option
        // compared with the instance.
        name: "schema/enum-of-objects",
        n: 200,
        run: |n| {
            let options: Vec<_> = (0..n)
                .map(|i| serde_json::json!({"id": i, "name": "x"}))
                .collect();
            let schema = serde_json::json!({"enum": options});
            let validator = Validator::new(&schema, SchemaStore::builtin()).expect("schema");
            let text = object((0..8_000).map(|i| format!("k{i}")));
            Box::new(move || {
                let tape = Tape::parse(&text).expect("parse");
                assert!(!validator.is_valid_node(tape.root()));
                assert!(!validator.validate_node(tape.root()).is_empty());
            })
        },
    },
    Case {
        // A `not` chain n deep, compiled (within the depth ceiling: 120 of 127).
        name: "schema/not-chain-compile",
        n: 15,
        run: |n| {
            let schema = not_chain(n);
            Box::new(move || drop(Validator::new(&schema, SchemaStore::builtin()).expect("schema")))
        },
    },
    Case {
        // A `not` chain n deep around an `enum` of 20,000 values: each `not` once copied all
        // it wraps.
        name: "schema/not-chain-around-enum-compile",
        n: 15,
        run: |n| {
            let options: Vec<_> = (0..20_000).map(serde_json::Value::from).collect();
            let mut schema = serde_json::json!({ "enum": options });
            for _ in 1..n {
                let mut outer = serde_json::Map::new();
                outer.insert("not".to_string(), schema);
                schema = serde_json::Value::Object(outer);
            }
            Box::new(move || drop(Validator::new(&schema, SchemaStore::builtin()).expect("schema")))
        },
    },
    Case {
        // Past the ceiling: refused before compiling.
        name: "schema/not-chain-refused",
        n: 300,
        run: |n| {
            let schema = not_chain(n);
            Box::new(move || {
                let error = Validator::new(&schema, SchemaStore::builtin()).expect_err("too deep");
                assert_eq!(error.kind, "limit");
            })
        },
    },
];

/// `deadline` (60 business hours, with `now`) and `business_minutes_between` (start to now)
/// on a calendar of `per_day` one-minute intervals a day with a weekly holiday.
fn sla_case(per_day: usize, years: i64) -> Box<dyn Fn()> {
    let step = 1440 / per_day;
    let hours: Vec<_> = (0..per_day)
        .map(|i| {
            let at = i * step;
            let time = |m: usize| format!("{:02}:{:02}", m / 60, m % 60);
            serde_json::json!([time(at), time(at + 1)])
        })
        .collect();
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let week: serde_json::Map<_, _> = days
        .iter()
        .map(|d| (d.to_string(), hours.clone().into()))
        .collect();
    // Wednesdays from 2026-11-18, for twenty years.
    let first = jiff::civil::date(2026, 11, 18);
    let holidays: Vec<String> = (0..20 * 53)
        .map(|w| {
            first
                .checked_add(jiff::Span::new().days(7 * w))
                .expect("date")
                .to_string()
        })
        .collect();
    let calendar =
        serde_json::json!({"time_zone": "Europe/London", "week": week, "holidays": holidays});
    let start = "2026-11-16T10:00:00Z";
    let now = format!("{}-11-16T10:00:00Z", 2026 + years);
    let request: DeadlineRequest = serde_json::from_value(serde_json::json!({
        "calendar": calendar, "start": start, "now": now,
        "target": {"unit": "business_hours", "value": 60},
    }))
    .expect("request");
    let calendar = CalendarRef::Inline(calendar);
    let sla = Sla::default();
    Box::new(move || {
        let deadline = sla.deadline(&request).expect("deadline");
        assert!(deadline.remaining_business_minutes.is_some());
        sla.business_minutes_between(&calendar, start, &now)
            .expect("minutes");
    })
}

/// `deadline` with `now` `years` after the start and `businessMinutesBetween` start to now,
/// on a London calendar with a night shift and a `*-MM-DD` holiday in every week.
fn now_distance_case(years: i64) -> Box<dyn Fn()> {
    let (calendar, start, now, request) = now_distance_inputs(years);
    let calendar = CalendarRef::Inline(calendar);
    let sla = Sla::default();
    Box::new(move || {
        let deadline = sla.deadline(&request).expect("deadline");
        assert!(deadline.remaining_business_minutes.is_some_and(|m| m < 0));
        sla.business_minutes_between(&calendar, start, &now)
            .expect("minutes");
    })
}

/// The calendar, start, `now` and deadline request of [`now_distance_case`].
fn now_distance_inputs(years: i64) -> (serde_json::Value, &'static str, String, DeadlineRequest) {
    let holidays: Vec<String> = (0..52)
        .map(|w| {
            let date = jiff::civil::date(2025, 1, 3)
                .checked_add(jiff::Span::new().days(7 * w))
                .expect("date");
            format!("*-{:02}-{:02}", date.month(), date.day())
        })
        .collect();
    let calendar = serde_json::json!({"time_zone": "Europe/London",
        "week": {"mon": [["09:00", "17:00"]], "tue": [["22:00", "06:00"]], "thu": [["09:00", "12:30"]]},
        "holidays": holidays});
    let start = "2026-11-16T10:00:00Z";
    let now = format!("{}-11-16T10:00:00Z", 2026 + years);
    let request: DeadlineRequest = serde_json::from_value(serde_json::json!({
        "calendar": calendar, "start": start, "now": now,
        "target": {"unit": "business_hours", "value": 60},
    }))
    .expect("request");
    (calendar, start, now, request)
}

fn example_packet() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/packets/billing_to_finance-good.json"
    );
    std::fs::read_to_string(path).expect("billing_to_finance-good.json")
}

/// A packet of at least `bytes`: the billing example with its actions repeated.
fn packet_of(bytes: usize) -> String {
    let mut packet: serde_json::Value = serde_json::from_str(&example_packet()).unwrap();
    let actions = packet["actions_taken"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut all = Vec::new();
    while serde_json::to_string(&all).unwrap().len() < bytes {
        all.extend(actions.iter().cloned());
    }
    packet["actions_taken"] = all.into();
    serde_json::to_string_pretty(&packet).unwrap()
}

/// One throughput row: its name, the bytes read, the work.
type Row = (&'static str, usize, Box<dyn Fn()>);

/// MB/s (10^6 bytes a second) of `work` over `bytes`, from its best run.
fn throughput(bytes: usize, work: &dyn Fn()) -> (f64, Duration) {
    let took = best(work);
    (bytes as f64 / 1e6 / took.as_secs_f64(), took)
}

/// `check` of a 1 MB packet and `checkNote` of a 1 MB note, next to serde_json reading the
/// same bytes (the packet as JSON, the note as one JSON string) into a `Value`, and for the
/// packet only parsing it (`IgnoredAny`, nothing built): the floor.
fn throughputs() {
    let kit = Kit::builtin().expect("kit");
    let packet = packet_of(1_000_000);
    let note = billing_note().repeat(1_000_000 / billing_note().len() + 1);
    let note_json = serde_json::to_string(&note).unwrap();
    let context = serde_json::json!({});
    let rows: [Row; 5] = [
        ("check (1 MB packet)", packet.len(), {
            let (kit, packet) = (kit.clone(), packet.clone());
            Box::new(move || drop(kit.check_text(&packet, &CheckOptions::default()).unwrap()))
        }),
        ("serde_json::Value of the same packet", packet.len(), {
            let packet = packet.clone();
            Box::new(move || drop(serde_json::from_str::<serde_json::Value>(&packet).unwrap()))
        }),
        ("serde_json parse only (IgnoredAny), same", packet.len(), {
            let packet = packet.clone();
            Box::new(move || {
                serde_json::from_str::<serde::de::IgnoredAny>(&packet).unwrap();
            })
        }),
        ("checkNote (1 MB note)", note.len(), {
            let (kit, note) = (kit.clone(), note.clone());
            Box::new(move || {
                let options = CheckOptions::default();
                drop(
                    kit.check_note(&note, NoteFormat::Text, &context, &options)
                        .unwrap(),
                )
            })
        }),
        (
            "serde_json::Value of the note as a string",
            note_json.len(),
            {
                Box::new(move || {
                    drop(serde_json::from_str::<serde_json::Value>(&note_json).unwrap())
                })
            },
        ),
    ];
    println!(
        "\n{:<44} {:>10} {:>10} {:>8}",
        "throughput", "bytes", "time", "MB/s"
    );
    for (name, bytes, work) in &rows {
        let (rate, took) = throughput(*bytes, &**work);
        println!("{name:<44} {bytes:>10} {took:>10.2?} {rate:>8.1}");
    }
}

/// The status alone (`deadline` with `now`) with `now` 1 to 200 years after the start: the
/// brief's pair (1 and 100 years) and where the cost stops growing.
fn now_distances() {
    let years = [1, 10, 30, 100, 200];
    let times: Vec<String> = years
        .iter()
        .map(|&y| format!("{y} y {:.2?}", best(&*status_case(y))))
        .collect();
    println!("\nstatus with now after the start: {}", times.join(", "));
}

fn status_case(years: i64) -> Box<dyn Fn()> {
    let (_, _, _, request) = now_distance_inputs(years);
    let sla = Sla::default();
    Box::new(move || {
        let deadline = sla.deadline(&request).expect("deadline");
        assert!(deadline.remaining_business_minutes.is_some_and(|m| m < 0));
    })
}

/// `{"not": {"not": … {}}}`, `depth` objects deep (moved in, not copied: `json!` would
/// serialize the inner value again at each level).
fn not_chain(depth: usize) -> serde_json::Value {
    let mut schema = serde_json::Value::Object(serde_json::Map::new());
    for _ in 1..depth {
        let mut outer = serde_json::Map::new();
        outer.insert("not".to_string(), schema);
        schema = serde_json::Value::Object(outer);
    }
    schema
}

fn billing_note() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/notes/billing-markdown.md"
    );
    std::fs::read_to_string(path).expect("tests/notes/billing-markdown.md")
}

/// `{"key0":0,"key1":1,...}`
fn object(keys: impl Iterator<Item = String>) -> String {
    let mut text = String::from("{");
    for (i, key) in keys.enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!("\"{key}\":{i}"));
    }
    text.push('}');
    text
}

/// The best of a few runs of `work` (at least three, more while they take under 0.2 s).
fn best(work: &dyn Fn()) -> Duration {
    let mut best = Duration::MAX;
    let started = Instant::now();
    for round in 0.. {
        let at = Instant::now();
        work();
        best = best.min(at.elapsed());
        if round >= 2 && started.elapsed() > Duration::from_millis(200) {
            break;
        }
    }
    best
}

fn main() {
    let only = std::env::args().nth(1).unwrap_or_default();
    // `scaling CASE N`: the first matching case once at size N (for `/usr/bin/time -v`).
    if let Some(size) = std::env::args().nth(2) {
        let size = size.parse().expect("N is a number");
        let case = CASES
            .iter()
            .find(|case| case.name.contains(&only))
            .expect("a case");
        let at = Instant::now();
        (case.run)(size)();
        println!("{} at {size}: {:.2?}", case.name, at.elapsed());
        return;
    }
    println!(
        "{:<40} {:>8} {:>12} {:>12} {:>6}",
        "case", "n", "time n", "time 8n", "ratio"
    );
    for case in CASES.iter().filter(|case| case.name.contains(&only)) {
        let small = best(&*(case.run)(case.n));
        let large = best(&*(case.run)(case.n * 8));
        println!(
            "{:<40} {:>8} {:>10.2?} {:>10.2?} {:>6.1}",
            case.name,
            case.n,
            small,
            large,
            large.as_secs_f64() / small.as_secs_f64()
        );
    }
    if only.is_empty() || "throughput".contains(&only) {
        throughputs();
    }
    if only.is_empty() || "sla/now-distance-years".contains(&only) {
        now_distances();
    }
}
