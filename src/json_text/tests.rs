use super::*;
use crate::report::{CheckScore, Score};
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

/// What `fromWire` in pkg-templates/npm/api.js does, in Rust: the wire form back to the
/// report's JSON, with the kit's text table (`table`) extended by the report's news.
fn from_wire(wire: &str, table: &mut Vec<String>) -> serde_json::Value {
    use serde_json::{json, Map, Value};
    let wire: Value = serde_json::from_str(wire).expect("wire JSON");
    for new in wire[0].as_array().expect("news") {
        table.push(new.as_str().expect("a new text").to_string());
    }
    let text = |v: &Value| match v {
        Value::Number(n) => json!(table[n.as_u64().expect("index") as usize]),
        other => other.clone(),
    };
    let severity = ["error", "warning", "info"];
    let source = ["schema", "rubric", "sla"];
    let index = |v: &Value| v.as_u64().expect("index") as usize;
    let diagnostics: Vec<Value> = wire[2]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let mut o = Map::new();
            o.insert("code".into(), text(&d[0]));
            o.insert("severity".into(), json!(severity[index(&d[1])]));
            o.insert("path".into(), text(&d[2]));
            o.insert("message".into(), text(&d[3]));
            if !d[4].is_null() {
                o.insert("hint".into(), text(&d[4]));
            }
            o.insert("source".into(), json!(source[index(&d[5])]));
            if d.as_array().expect("diagnostic").len() > 6 {
                o.insert("span".into(), json!({"start": d[6], "end": d[7]}));
            }
            Value::Object(o)
        })
        .collect();
    let score = match &wire[3] {
        Value::Null => Value::Null,
        s => json!({
            "value": s[0],
            "grade": s[1],
            "checks": s[2].as_array().expect("checks").chunks(4).map(|c| json!({
                "id": text(&c[0]), "passed": c[1] == json!(1), "points": c[2], "max_points": c[3]
            })).collect::<Vec<_>>(),
        }),
    };
    let sla = match &wire[4] {
        Value::Null => Value::Null,
        s => json!({
            "policy": text(&s[0]),
            "calendar": text(&s[1]),
            "time_zone": text(&s[2]),
            "target": {"unit": text(&s[3]), "value": s[4]},
            "start": s[5],
            "deadline": s[6],
            "deadline_local": s[7],
            "warn_at": s[8],
            "status": text(&s[9]),
            "remaining_business_minutes": s[10],
            "elapsed_ratio": s[11],
            "segments": s[12].as_array().expect("segments").chunks(3).map(|g| json!({
                "start": g[0], "end": g[1], "minutes": g[2]
            })).collect::<Vec<_>>(),
        }),
    };
    json!({"valid": wire[1], "diagnostics": diagnostics, "score": score, "sla": sla})
}

/// The wire form carries the same report as serde_json's JSON of it, in fewer bytes, with
/// a fresh text table and again with one that already holds the report's texts.
fn assert_written_alike(report: &Report) {
    let text = serde_json::to_string(report).unwrap();
    let expected = serde_json::to_value(report).unwrap();
    let mut strings = WireStrings::default();
    let mut table = Vec::new();
    let first = report_wire(report, &mut strings);
    assert_eq!(from_wire(&first, &mut table), expected, "{first}");
    assert_eq!(table.len(), strings.len());
    let again = report_wire(report, &mut strings);
    assert!(
        again.starts_with("[[]"),
        "nothing new the second time: {again}"
    );
    assert_eq!(from_wire(&again, &mut table), expected, "{again}");
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
    assert!(wire.contains(r#""/4100""#) && wire.contains(r#""message 4100""#));
    assert_eq!(
        from_wire(&wire, &mut table),
        serde_json::to_value(&report).unwrap()
    );
    // Known texts are still sent by number.
    let again = report_wire(&report, &mut strings);
    assert!(again.starts_with("[[],false,[[0,"), "{}", &again[..40]);
    assert_eq!(
        from_wire(&again, &mut table),
        serde_json::to_value(&report).unwrap()
    );
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
fn numbers_are_written_in_full() {
    for n in [0, 7, 10, 99, 100, 4_294_967_295, u64::MAX] {
        let mut ours = String::new();
        push_number(&mut ours, n);
        assert_eq!(ours, n.to_string());
    }
    for n in [0, -1, -1060, 42, i64::MIN, i64::MAX] {
        let mut ours = String::new();
        push_signed(&mut ours, n);
        assert_eq!(ours, n.to_string());
    }
    for x in [0.5, 18.6667, -2.25, 1e21, f64::NAN] {
        let mut ours = String::new();
        push_float(&mut ours, x);
        assert_eq!(ours, serde_json::to_string(&x).unwrap());
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
        checks: vec![
            CheckScore {
                id: "completeness".into(),
                passed: false,
                points: 11,
                max_points: 24,
            },
            CheckScore {
                id: "x\"y".into(),
                passed: true,
                points: 0,
                max_points: 0,
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
