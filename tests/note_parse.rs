//! Reading the same billing note written five ways (plain text, Markdown, and the HTML of
//! CKEditor 5, Redactor and Summernote), HTML headings and links, and the page context merged
//! in. Spans are checked by slicing the text in UTF-16 code units, as JavaScript does; the
//! notes contain emoji (two code units) and accented letters.

mod note_common;

use handoff_kit::note::{merge_context, parse, NoteConfig, NoteFormat};
use handoff_kit::{Diagnostic, Severity, Source, Span};
use note_common::{fixture, slice16, words};
use serde_json::{json, Value};

fn billing_packet() -> Value {
    json!({
        "summary": "Renée Müller was charged twice for invoice INV-2041 (€49.00 each) on 2026-11-18.",
        "actions_taken": [
            { "action": "Checked the invoice", "outcome": "two identical charges" },
            { "action": "Asked the customer for a bank statement", "outcome": "she sent it 📄" },
            { "action": "Retried the refund in Stripe", "outcome": "failed with \"charge already captured\"" }
        ],
        "customer": { "sentiment": "angry", "informed_of_handoff": true, "promised": "a call back from Finance by Friday" },
        "requested_outcome": "refund the duplicate charge",
        "urgency": "urgent",
        "owner": { "name": "Dana Kim", "team": "Finance" },
        "documents": [
            { "name": "bank-statement.pdf", "provided_by": "customer" },
            { "name": "refund-log.csv", "provided_by": "agent" }
        ],
        "next_steps": [
            { "action": "Refund the duplicate charge", "owner": "Dana", "due": "2026-11-27" },
            { "action": "Email Renée the refund receipt" }
        ],
        "billing": { "invoice_id": "INV-2041", "amount": { "value": 49.0, "currency": "EUR" } },
        "other_sections": [{ "heading": "", "text": "Hi Finance team — handing this one over." }]
    })
}

const BILLING: &[(&str, NoteFormat)] = &[
    ("billing-plain.txt", NoteFormat::Text),
    ("billing-markdown.md", NoteFormat::Text),
    ("billing-ckeditor5.html", NoteFormat::Html),
    ("billing-redactor.html", NoteFormat::Html),
    ("billing-summernote.html", NoteFormat::Html),
];

#[test]
fn the_same_note_in_five_formats_gives_the_same_packet() {
    for (name, format) in BILLING {
        let note = parse(&fixture(name), *format, &NoteConfig::default());
        assert_eq!(note.packet, billing_packet(), "{name}");
        assert!(
            note.diagnostics.is_empty(),
            "{name}: {:?}",
            note.diagnostics
        );
    }
}

#[test]
fn spans_underline_exactly_the_words_in_every_format() {
    let expected = [
        (
            "/summary",
            "Renée Müller was charged twice for invoice INV-2041 (€49.00 each) on 2026-11-18.",
        ),
        (
            "/customer/sentiment",
            "furious 😡 — third contact this week",
        ),
        ("/actions_taken/0/action", "Checked the invoice"),
        ("/actions_taken/1/outcome", "she sent it 📄"),
        (
            "/actions_taken/2/outcome",
            "failed with \"charge already captured\"",
        ),
        ("/customer/informed_of_handoff", "yes"),
        ("/owner/name", "Dana Kim"),
        ("/owner/team", "Finance"),
        ("/documents/0/provided_by", "from customer"),
        ("/documents/1/name", "refund-log.csv"),
        ("/next_steps/0/owner", "Dana"),
        ("/next_steps/0/due", "2026-11-27"),
        ("/next_steps/1/action", "Email Renée the refund receipt"),
        ("/billing/invoice_id", "INV-2041"),
        ("/billing/amount/value", "49.00"),
        ("/billing/amount/currency", "€"),
        (
            "/other_sections/0/text",
            "Hi Finance team — handing this one over.",
        ),
        // Missing fields: the nearest ancestor the note filled.
        ("/next_steps/1/owner", "Email Renée the refund receipt"),
        ("/documents/0/url", "bank-statement.pdf (from customer)"),
    ];
    for (name, format) in BILLING {
        let note = parse(&fixture(name), *format, &NoteConfig::default());
        for (path, want) in expected {
            assert_eq!(words(&note, path), want, "{name} {path}");
        }
    }
}

#[test]
fn ckeditor_no_break_spaces_stay_in_the_text_the_agent_sees() {
    let note = parse(
        &fixture("billing-ckeditor5.html"),
        NoteFormat::Html,
        &NoteConfig::default(),
    );
    let span = note.span_for("/customer/sentiment").unwrap();
    assert_eq!(
        slice16(&note.text, span),
        "furious 😡\u{a0}— third contact this week"
    );
}

#[test]
fn a_missing_section_points_after_the_last_one() {
    for (name, format) in BILLING {
        let note = parse(&fixture(name), *format, &NoteConfig::default());
        let span = note.span_for("/customer/deadline").unwrap();
        assert_eq!(span.start, span.end, "{name}");
        assert_eq!(
            span.start,
            note.text.trim_end().encode_utf16().count(),
            "{name}"
        );
        assert!(
            slice16(
                &note.text,
                Span {
                    start: 0,
                    end: span.start
                }
            )
            .ends_with("€49.00"),
            "{name}"
        );
        assert_eq!(
            note.span_for("/engineering/environment/product"),
            Some(span),
            "{name}"
        );
    }
}

#[test]
fn an_empty_heading_points_right_after_itself() {
    let text = "Summary: Locked out 🔒 after the reset\nOwner:\nCustomer mood:   \nTried:\n- Reset → no change\n";
    let note = parse(text, NoteFormat::Text, &NoteConfig::default());
    let after = |heading: &str| {
        let byte = text.find(heading).unwrap() + heading.len();
        text[..byte].encode_utf16().count()
    };
    assert_eq!(
        note.span_for("/owner/name"),
        Some(Span {
            start: after("Owner:"),
            end: after("Owner:")
        })
    );
    assert_eq!(
        note.span_for("/customer/sentiment"),
        Some(Span {
            start: after("Customer mood:"),
            end: after("Customer mood:")
        })
    );
    assert_eq!(note.packet.get("owner"), None);
    assert_eq!(
        note.packet.pointer("/actions_taken/0/outcome"),
        Some(&json!("no change"))
    );
}

#[test]
fn attach_spans_fills_spans_from_paths() {
    let note = parse(
        &fixture("billing-plain.txt"),
        NoteFormat::Text,
        &NoteConfig::default(),
    );
    let mut diagnostics = vec![
        Diagnostic::new(
            "rubric/owner-not-a-person",
            Severity::Warning,
            Source::Rubric,
            "/owner/name",
            "…",
        ),
        Diagnostic::new(
            "schema/required",
            Severity::Error,
            Source::Schema,
            "/billing/charge_date",
            "…",
        ),
    ];
    diagnostics[1].span = Some(Span { start: 1, end: 2 });
    note.attach_spans(&mut diagnostics);
    assert_eq!(
        slice16(&note.text, diagnostics[0].span.unwrap()),
        "Dana Kim"
    );
    assert_eq!(
        diagnostics[1].span,
        Some(Span { start: 1, end: 2 }),
        "an existing span is kept"
    );
    let mut missing = vec![Diagnostic::new(
        "schema/required",
        Severity::Error,
        Source::Schema,
        "/billing/charge_date",
        "…",
    )];
    note.attach_spans(&mut missing);
    let at = missing[0].span.unwrap();
    assert_eq!(at.start, at.end);
    assert!(slice16(
        &note.text,
        Span {
            start: 0,
            end: at.start
        }
    )
    .ends_with("Amount: €49.00"));
}

#[test]
fn the_page_context_fills_what_the_note_left_out() {
    let mut note = parse(
        &fixture("billing-plain.txt"),
        NoteFormat::Text,
        &NoteConfig::default(),
    );
    let context = json!({
        "ticket": { "id": "T-88412", "url": "https://desk.example.com/tickets/88412", "opened_at": "2026-11-20T09:12:00Z" },
        "handoff": { "from": { "team": "support" }, "to": { "team": "finance" }, "at": "2026-11-20T09:40:00Z", "scenario": "billing_to_finance" },
        "owner": { "name": "Someone Else", "email": "dana.kim@example.com" }
    });
    merge_context(&mut note.packet, &context);
    assert_eq!(note.packet["ticket"]["id"], "T-88412");
    assert_eq!(note.packet["handoff"]["scenario"], "billing_to_finance");
    assert_eq!(
        note.packet["owner"],
        json!({ "name": "Dana Kim", "team": "Finance", "email": "dana.kim@example.com" })
    );
    assert_eq!(note.packet["summary"], billing_packet()["summary"]);
}

#[test]
fn editor_headings_and_bold_lines_start_sections_without_a_colon() {
    let note = parse(
        &fixture("engineering-ckeditor5-headings.html"),
        NoteFormat::Html,
        &NoteConfig::default(),
    );
    assert!(note.diagnostics.is_empty(), "{:?}", note.diagnostics);
    assert_eq!(
        note.packet,
        json!({
            "summary": "Export to CSV crashes for the whole Acme account since 4.2 — “Something went wrong” 💥",
            "engineering": {
                "reproduction_steps": ["Open Reports", "Click Export CSV"],
                "environment": { "product": "Acme Web 4.2", "browser": "Firefox 128", "os": "macOS 14" },
                "expected": "a CSV download",
                "actual": "spinner, then the error toast"
            },
            "other_sections": [
                { "heading": "Background", "text": "Started after the 4.2 rollout on Tuesday; Zoë in QA saw it too." },
                { "heading": "Workaround offered", "text": "Export as XLSX\u{a0}→ works." }
            ],
            "next_steps": [{ "action": "Check the export worker logs", "owner": "Priya" }],
            "owner": { "name": "Priya Nair", "team": "Engineering" }
        })
    );
    assert_eq!(words(&note, "/other_sections/0/heading"), "Background");
    assert_eq!(
        words(&note, "/other_sections/1/text"),
        "Export as XLSX → works."
    );
    assert_eq!(words(&note, "/engineering/environment/os"), "macOS 14");
    assert_eq!(
        words(&note, "/summary"),
        "Export to CSV crashes for the whole Acme account since 4.2 — “Something went wrong” 💥"
    );
}

#[test]
fn html_links_give_their_address() {
    let html = r#"<p><strong>Intent:</strong> cancel_subscription</p><p><strong>Transcript:</strong> <a href="https://bot.example.com/t/9f3?lang=de&amp;v=2">chat transcript</a></p><p><strong>Docs:</strong></p><ul><li><a href="https://files.example.com/s.png">screenshot.png</a> (from customer)</li></ul>"#;
    let note = parse(html, NoteFormat::Html, &NoteConfig::default());
    assert!(note.diagnostics.is_empty(), "{:?}", note.diagnostics);
    assert_eq!(
        note.packet["bot"],
        json!({ "intent": "cancel_subscription", "transcript_url": "https://bot.example.com/t/9f3?lang=de&v=2" })
    );
    assert_eq!(
        note.packet["documents"],
        json!([{ "name": "screenshot.png", "url": "https://files.example.com/s.png", "provided_by": "customer" }])
    );
    assert_eq!(words(&note, "/bot/transcript_url"), "chat transcript");
    assert_eq!(words(&note, "/documents/0/url"), "screenshot.png");
}
