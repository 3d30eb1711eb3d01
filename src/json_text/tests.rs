use super::*;
use crate::report::{CheckScore, CheckStatus, Score};
use crate::sla::{Deadline, Segment, Target, TargetUnit};

fn odd_strings() -> Vec<String> {
    let mut strings: Vec<String> = (0u8..0x20).map(|b| format!("a{}b", b as char)).collect();
    strings.extend(
        [
            "",
            "\"",
            "\\",
            "plain",
            "é ü 中文 🙂",
            "\u{7f}",
            "\u{2028}",
            "end\"",
            "a\\\"b",
        ]
        .map(String::from),
    );
    strings
}

/// Reads the wire as `fromWire` in pkg-templates/npm/api.js does: code unit by code unit.
struct Reader<'t> {
    units: Vec<u16>,
    at: usize,
    table: &'t mut Vec<String>,
}

impl Reader<'_> {
    fn number(&mut self) -> u64 {
        let (mut n, mut shift) = (0u64, 0u32);
        loop {
            let unit = u64::from(self.units[self.at]);
            self.at += 1;
            assert!(unit < 0x8000, "a number's unit is below 0x8000");
            if unit < 0x4000 {
                return n | unit << shift;
            }
            n |= (unit - 0x4000) << shift;
            shift += 14;
        }
    }

    fn signed(&mut self) -> i64 {
        let z = self.number();
        ((z >> 1) as i64) ^ -((z & 1) as i64)
    }

    fn string_of(&mut self, len: u64) -> String {
        let end = self.at + len as usize;
        let text = String::from_utf16(&self.units[self.at..end]).expect("whole characters");
        self.at = end;
        text
    }

    fn string(&mut self) -> String {
        let len = self.number();
        self.string_of(len)
    }

    fn text(&mut self) -> String {
        let v = self.number();
        if v % 2 == 0 {
            self.table[(v / 2) as usize].clone()
        } else {
            self.string_of(v / 2)
        }
    }

    fn float(&mut self) -> serde_json::Value {
        serde_json::from_str(&self.string()).expect("a float's text")
    }

    fn optional(&mut self, read: impl FnOnce(&mut Self) -> serde_json::Value) -> serde_json::Value {
        match self.number() {
            0 => serde_json::Value::Null,
            1 => read(self),
            other => panic!("an optional's flag is 0 or 1, not {other}"),
        }
    }
}

/// What `fromWire` in pkg-templates/npm/api.js does, in Rust: the wire form back to the
/// report's JSON, with the kit's text table (`table`) extended by the report's news.
fn from_wire(wire: &str, table: &mut Vec<String>) -> serde_json::Value {
    use serde_json::{json, Map, Value};
    let mut r = Reader {
        units: wire.encode_utf16().collect(),
        at: 0,
        table,
    };
    for _ in 0..r.number() {
        let new = r.string();
        r.table.push(new);
    }
    let valid = r.number() == 1;
    let severity = ["error", "warning", "info"];
    let source = ["schema", "rubric", "sla"];
    let diagnostics: Vec<Value> = (0..r.number())
        .map(|_| {
            let mut o = Map::new();
            o.insert("code".into(), json!(r.text()));
            o.insert("severity".into(), json!(severity[r.number() as usize]));
            o.insert("path".into(), json!(r.text()));
            o.insert("message".into(), json!(r.text()));
            let hint = r.optional(|r| json!(r.text()));
            if !hint.is_null() {
                o.insert("hint".into(), hint);
            }
            o.insert("source".into(), json!(source[r.number() as usize]));
            let span = r.optional(|r| json!({"start": r.number(), "end": r.number()}));
            if !span.is_null() {
                o.insert("span".into(), span);
            }
            Value::Object(o)
        })
        .collect();
    let score = r.optional(|r| {
        let value = r.number();
        let grades = ["A", "B", "C", "D", "F"];
        let grade = grades[r.number() as usize];
        let cap = r.optional(|r| {
            let grade = grades[r.number() as usize];
            let (value, errors) = (r.number(), r.number());
            json!({"grade": grade, "value": value, "errors": errors, "reason": r.text()})
        });
        let uncapped_value = r.number();
        let (points, max_points) = (r.number(), r.number());
        let status = ["passed", "failed", "not_applicable"];
        let checks: Vec<Value> = (0..r.number())
            .map(|_| {
                let mut o = Map::new();
                o.insert("id".into(), json!(r.text()));
                o.insert("status".into(), json!(status[r.number() as usize]));
                o.insert("points".into(), json!(r.number()));
                o.insert("max_points".into(), json!(r.number()));
                let reason = r.optional(|r| json!(r.text()));
                if !reason.is_null() {
                    o.insert("reason".into(), reason);
                }
                Value::Object(o)
            })
            .collect();
        let mut o = Map::new();
        o.insert("value".into(), json!(value));
        o.insert("grade".into(), json!(grade));
        if !cap.is_null() {
            o.insert("cap".into(), cap);
        }
        o.insert("uncapped_value".into(), json!(uncapped_value));
        o.insert("points".into(), json!(points));
        o.insert("max_points".into(), json!(max_points));
        o.insert("checks".into(), json!(checks));
        Value::Object(o)
    });
    let sla = r.optional(|r| {
        let mut o = Map::new();
        o.insert("policy".into(), json!(r.text()));
        o.insert("calendar".into(), json!(r.text()));
        o.insert("team".into(), r.optional(|r| json!(r.text())));
        o.insert("time_zone".into(), json!(r.text()));
        o.insert(
            "target".into(),
            json!({"unit": r.text(), "value": r.number()}),
        );
        for key in ["start", "deadline", "deadline_local"] {
            o.insert(key.into(), json!(r.string()));
        }
        o.insert("warn_at".into(), r.optional(|r| json!(r.string())));
        o.insert("status".into(), r.optional(|r| json!(r.text())));
        o.insert(
            "remaining_business_minutes".into(),
            r.optional(|r| json!(r.signed())),
        );
        o.insert("elapsed_ratio".into(), r.optional(Reader::float));
        let segments: Vec<Value> = (0..r.number())
            .map(|_| {
                let (start, end) = (r.string(), r.string());
                let minutes = match r.number() {
                    0 => json!(r.signed()),
                    1 => r.float(),
                    _ => Value::Null,
                };
                json!({"start": start, "end": end, "minutes": minutes})
            })
            .collect();
        o.insert("segments".into(), json!(segments));
        Value::Object(o)
    });
    assert_eq!(r.at, r.units.len(), "the whole wire is read");
    json!({"valid": valid, "diagnostics": diagnostics, "score": score, "sla": sla})
}

/// The wire form carries the same report as serde_json's JSON of it, in fewer bytes, with
/// a fresh text table and again with one that already holds the report's texts.
fn assert_written_alike(report: &Report) {
    let text = serde_json::to_string(report).unwrap();
    let expected = serde_json::to_value(report).unwrap();
    let mut strings = WireStrings::default();
    let mut table = Vec::new();
    let first = report_wire(report, &mut strings);
    assert_eq!(from_wire(&first, &mut table), expected, "{first:?}");
    assert_eq!(table.len(), strings.len());
    let again = report_wire(report, &mut strings);
    assert!(
        again.starts_with('\0'),
        "nothing new the second time: {again:?}"
    );
    assert_eq!(from_wire(&again, &mut table), expected, "{again:?}");
    assert!(first.len() < text.len() && again.len() <= first.len());
}

#[test]
fn texts_go_inline_once_the_table_is_full() {
    let mut strings = WireStrings::default();
    let mut table = Vec::new();
    let diagnostics: Vec<Diagnostic> = (0..WireStrings::MAX + 10)
        .map(|i| {
            let (path, message) = (format!("/{i}"), format!("message {i}"));
            Diagnostic::new("rubric/x", Severity::Error, Source::Rubric, path, message)
        })
        .collect();
    let report = Report::new(diagnostics, None, None);
    let wire = report_wire(&report, &mut strings);
    assert_eq!(strings.len(), WireStrings::MAX);
    assert!(wire.contains("/4100") && wire.contains("message 4100"));
    assert_eq!(
        from_wire(&wire, &mut table),
        serde_json::to_value(&report).unwrap()
    );
    // Known texts are still sent by number, new ones inline.
    let again = report_wire(&report, &mut strings);
    assert!(again.starts_with('\0'), "no news: {:?}", &again[..10]);
    assert!(again.contains("message 4100") && !again.contains("message 1\u{0}"));
    assert_eq!(
        from_wire(&again, &mut table),
        serde_json::to_value(&report).unwrap()
    );
}

#[test]
fn the_text_table_keeps_its_texts_in_one_buffer_made_at_most_twice() {
    // A text of its own per number, made while a large report was written, stayed scattered
    // through the heap that report had grown: the wasm memory after the fuzz corpus in one
    // kit was 73 MB where each input alone needs 52 MB. The table's storage now moves at
    // most once, however many texts it numbers.
    let mut strings = WireStrings::default();
    let mut table = Vec::new();
    let (mut buffers, mut indexes) = (Vec::new(), Vec::new());
    for round in 0..40 {
        let diagnostics: Vec<Diagnostic> = (0..120)
            .map(|i| {
                let message = format!("message {round} {i} {}", "m".repeat(round * 8));
                Diagnostic::new("rubric/x", Severity::Error, Source::Rubric, "/", message)
            })
            .collect();
        let report = Report::new(diagnostics, None, None);
        let wire = report_wire(&report, &mut strings);
        assert_eq!(
            from_wire(&wire, &mut table),
            serde_json::to_value(&report).unwrap()
        );
        let index = (strings.slots.as_ptr(), strings.ends.as_ptr());
        if buffers.last() != Some(&strings.texts.as_ptr()) {
            buffers.push(strings.texts.as_ptr());
        }
        if indexes.last() != Some(&index) {
            indexes.push(index);
        }
    }
    assert_eq!(strings.len(), WireStrings::MAX, "the table filled up");
    assert!(strings.bytes() > WireStrings::FIRST_BYTES);
    assert_eq!(buffers.len(), 2, "the texts' buffer moved once");
    assert_eq!(indexes.len(), 1, "the index never moved");
}

#[test]
fn text_table_bytes_stay_under_their_ceiling_and_long_texts_go_inline() {
    let mut strings = WireStrings::default();
    let mut table = Vec::new();
    // Just below the per-text ceiling: numbered; just past it: inline.
    let at_ceiling = "a".repeat(WireStrings::MAX_TEXT_BYTES);
    let past = "b".repeat(WireStrings::MAX_TEXT_BYTES + 1);
    let message = |m: &str| Diagnostic::new("rubric/x", Severity::Error, Source::Rubric, "/", m);
    let report = Report::new(vec![message(&at_ceiling), message(&past)], None, None);
    let wire = report_wire(&report, &mut strings);
    assert_eq!(strings.len(), 3, "code, path and the text at the ceiling");
    assert_eq!(
        strings.bytes(),
        "rubric/x/".len() + WireStrings::MAX_TEXT_BYTES
    );
    assert_eq!(
        from_wire(&wire, &mut table),
        serde_json::to_value(&report).unwrap()
    );
    // Many distinct texts of 1,000 bytes: numbered until the bytes ceiling, inline after.
    let diagnostics: Vec<Diagnostic> = (0..2_000)
        .map(|i| message(&format!("{i:04}{}", "c".repeat(996))))
        .collect();
    let report = Report::new(diagnostics, None, None);
    let wire = report_wire(&report, &mut strings);
    assert!(
        strings.bytes() <= WireStrings::MAX_BYTES,
        "{}",
        strings.bytes()
    );
    assert!(
        strings.bytes() > WireStrings::MAX_BYTES - 1_000,
        "{}",
        strings.bytes()
    );
    assert!(strings.len() < 2_000);
    assert_eq!(
        from_wire(&wire, &mut table),
        serde_json::to_value(&report).unwrap()
    );
    let again = report_wire(&report, &mut strings);
    assert_eq!(
        from_wire(&again, &mut table),
        serde_json::to_value(&report).unwrap()
    );
}

/// What one writer puts on the wire, read back by `read`.
fn round_trip<T>(write: impl FnOnce(&mut String), read: impl FnOnce(&mut Reader<'_>) -> T) -> T {
    let mut wire = String::new();
    write(&mut wire);
    let mut table = Vec::new();
    let mut r = Reader {
        units: wire.encode_utf16().collect(),
        at: 0,
        table: &mut table,
    };
    let value = read(&mut r);
    assert_eq!(r.at, r.units.len(), "all of {wire:?} read");
    value
}

#[test]
fn numbers_cross_in_full() {
    for n in [0, 7, 0x3fff, 0x4000, 99_999, 4_294_967_295, u64::MAX] {
        let mut wire = String::new();
        push_unsigned(&mut wire, n);
        assert!(wire.chars().all(|c| (c as u32) < 0x8000), "{wire:?}");
        let read = round_trip(|w| push_unsigned(w, n), |r| r.number());
        assert_eq!(read, n);
    }
    for n in [0, -1, 1, -1060, 42, i64::MIN, i64::MAX] {
        assert_eq!(round_trip(|w| push_signed_unit(w, n), |r| r.signed()), n);
    }
    for s in odd_strings() {
        assert_eq!(round_trip(|w| push_text(w, &s), |r| r.string()), s);
    }
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    for s in odd_strings() {
        let mut ours = String::new();
        push_string(&mut ours, &s);
        assert_eq!(ours, serde_json::to_string(&s).unwrap(), "{s:?}");
    }
}

#[test]
fn escapes_are_found_at_every_position_of_a_word() {
    for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}"] {
        for at in 0..20 {
            let s = format!("{}{special}{}", "x".repeat(at), "é".repeat(at % 3));
            let mut ours = String::new();
            push_string(&mut ours, &s);
            assert_eq!(ours, serde_json::to_string(&s).unwrap(), "{s:?}");
        }
    }
    // Bytes just above the escaped ones, and non-ASCII, pass through.
    let s = " !#[]^\u{7f}\u{80}\u{ff}é€🙂 ".repeat(3);
    let mut ours = String::new();
    push_string(&mut ours, &s);
    assert_eq!(ours, serde_json::to_string(&s).unwrap());
}

#[test]
fn json_numbers_are_written_in_full() {
    for n in [0, 7, 10, 99, 100, 4_294_967_295, u64::MAX] {
        let mut ours = String::new();
        push_number(&mut ours, n);
        assert_eq!(ours, n.to_string());
    }
}

#[test]
fn reports_cross_in_the_wire_form_intact() {
    let strings = odd_strings();
    let diagnostics: Vec<Diagnostic> = strings
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let severity = [Severity::Error, Severity::Warning, Severity::Info][i % 3];
            let source = [Source::Schema, Source::Rubric, Source::Sla][i % 3];
            let mut d = Diagnostic::new(format!("rubric/{s}"), severity, source, s, s);
            if i % 2 == 0 {
                d = d.with_hint(s.clone());
            }
            if i % 4 == 0 {
                d.span = Some(Span {
                    start: i,
                    end: i * 7,
                });
            }
            d
        })
        .collect();
    let score = Score {
        value: 73,
        grade: Grade::C,
        cap: None,
        uncapped_value: 73,
        points: 11,
        max_points: 15,
        checks: vec![
            CheckScore {
                id: "completeness".into(),
                status: CheckStatus::Failed,
                points: 11,
                max_points: 24,
                reason: Some("No summary: add one.".into()),
            },
            CheckScore {
                id: "x\"y".into(),
                status: CheckStatus::Passed,
                points: 0,
                max_points: 0,
                reason: None,
            },
            CheckScore {
                id: "wrong-team".into(),
                status: CheckStatus::NotApplicable,
                points: 0,
                max_points: 0,
                reason: Some("No teams are known for the scenario 'légal ✓'.".into()),
            },
        ],
    };
    for grade in [Grade::A, Grade::B, Grade::D, Grade::F] {
        let score = Score {
            grade,
            ..score.clone()
        };
        let report = Report::new(Vec::new(), Some(score), None);
        assert_written_alike(&report);
    }
    let report = Report::new(diagnostics.clone(), Some(score), None);
    assert!(
        report.score.as_ref().unwrap().cap.is_some(),
        "errors cap it"
    );
    assert_written_alike(&report);
    let report = Report::new(Vec::new(), None, None);
    assert_written_alike(&report);
    for (i, status) in [
        None,
        Some(Status::OnTrack),
        Some(Status::AtRisk),
        Some(Status::Breached),
        Some(Status::Paused),
    ]
    .into_iter()
    .enumerate()
    {
        let units = [
            TargetUnit::BusinessMinutes,
            TargetUnit::BusinessHours,
            TargetUnit::BusinessDays,
            TargetUnit::CalendarMinutes,
        ];
        let odd = &strings[i * 3 % strings.len()];
        let sla = SlaReport {
            policy: format!("policy {odd}"),
            calendar: odd.clone(),
            team: (i % 3 != 0).then(|| format!("team {odd}")),
            deadline: Deadline {
                time_zone: "Europe/London".into(),
                target: Target::new(units[i % 4], [1, 60, 3000, 0, 5_300_000][i]),
                start: "2026-11-20T16:00:00Z".into(),
                deadline: "2026-11-23T12:00:00Z".into(),
                deadline_local: "2026-11-23T12:00:00+00:00".into(),
                warn_at: (i % 2 == 0).then(|| "2026-11-23T11:00:00Z".into()),
                status,
                remaining_business_minutes: status.map(|_| [-1060, 0, 7, i64::MIN][i % 4]),
                elapsed_ratio: status.map(|_| [18.6667, 0.0, 1.0, 0.25][i % 4]),
                segments: (0..i)
                    .map(|j| Segment {
                        start: format!("2026-11-2{j}T09:00:00+00:00"),
                        end: odd.clone(),
                        minutes: [60.0, 0.5, 1e16, -3.0][j % 4],
                    })
                    .collect(),
            },
        };
        let report = Report::new(diagnostics.clone(), None, Some(sla));
        assert_written_alike(&report);
    }
    assert_eq!(
        super::diagnostics(&diagnostics),
        serde_json::to_string(&diagnostics).unwrap()
    );
    assert_eq!(super::diagnostics(&[]), "[]");
}

#[test]
fn kit_reports_cross_in_the_wire_form_intact() {
    let kit = crate::Kit::builtin().unwrap();
    let mut checked = 0;
    for text in crate::example_packets() {
        let packet: serde_json::Value = serde_json::from_str(&text).unwrap();
        for now in [
            None,
            Some("2026-11-18T14:50:00Z"),
            Some("2026-11-30T09:00:00Z"),
        ] {
            let options = crate::CheckOptions {
                now: now.map(String::from),
            };
            let report = kit.check(packet.clone(), &options).unwrap();
            assert_written_alike(&report);
            checked += 1;
        }
    }
    assert!(checked >= 18 * 3, "only {checked} reports compared");
}
