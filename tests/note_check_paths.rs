//! `check_note` writes the note's packet as JSON text straight from the note reader, without
//! the `serde_json::Value` that `parse_note` returns (issue 17: that value's memory made large
//! notes scale worse than linearly). Its report must stay the one the value gives: `check` of
//! the packet `parse_note` returns with the page's context merged in, the spans attached, and
//! the note's own diagnostics first.

use handoff_kit::note::{merge_context, NoteFormat};
use handoff_kit::{CheckOptions, Kit, Report};
use serde_json::{json, Value};

/// The report as `check_note` made it before it stopped building a `Value`.
fn through_the_value(kit: &Kit, text: &str, format: NoteFormat, context: &Value) -> Report {
    let options = options();
    let mut parsed = kit.parse_note(text, format).unwrap();
    merge_context(&mut parsed.packet, context);
    let mut report = kit.check(parsed.packet.clone(), &options).unwrap();
    parsed.attach_spans(&mut report.diagnostics);
    let mut diagnostics = parsed.diagnostics.clone();
    diagnostics.append(&mut report.diagnostics);
    Report::new(diagnostics, report.score, report.sla)
}

fn options() -> CheckOptions {
    CheckOptions {
        now: Some("2026-11-21T12:00:00Z".to_string()),
    }
}

fn notes() -> Vec<(String, String, NoteFormat)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/notes");
    let mut notes = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some("html") => NoteFormat::Html,
            Some("md" | "txt") => NoteFormat::Text,
            _ => continue,
        };
        let text = std::fs::read_to_string(&path).unwrap();
        // Repeated, so that list sections join and repeated headings are kept aside.
        notes.push((format!("{name} ×3"), text.repeat(3), format));
        notes.push((name, text, format));
    }
    notes.push((
        "a long list".to_string(),
        format!("## Tried\n{}", "- a\n".repeat(500)),
        NoteFormat::Text,
    ));
    notes.push((
        "odd values".to_string(),
        "Amount: 1e999 EUR\nAffected users: many\nCustomer mood: meh\nEnvironment: Firefox 128 on Windows 11, the app, v2".to_string(),
        NoteFormat::Text,
    ));
    notes
}

#[test]
fn check_note_gives_the_report_of_the_packet_parse_note_returns() {
    let kit = Kit::builtin().unwrap();
    let contexts = [
        Value::Null,
        json!({}),
        json!({ "ticket": { "id": "T-1" }, "handoff": { "from": { "team": "support" }, "at": "2026-11-20T16:00:00Z" } }),
        // The note wins where both say something; objects merge key by key.
        json!({ "summary": "from the page", "owner": { "email": "page@example.com" }, "z": [1, { "b": null }] }),
        json!([1, 2]),
    ];
    for (name, text, format) in notes() {
        for context in &contexts {
            let direct = kit.check_note(&text, format, context, &options()).unwrap();
            let expected = through_the_value(&kit, &text, format, context);
            assert_eq!(direct, expected, "{name} with context {context}");
        }
    }
}
