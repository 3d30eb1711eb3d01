//! Reading the same billing note written five ways (plain text, Markdown, and the HTML of
//! CKEditor 5, Redactor and Summernote), a German note with bundle headings, and a note with
//! unknown headings. Spans are checked by slicing the text in UTF-16 code units, as
//! JavaScript does; the notes contain emoji (two code units) and accented letters.

use handoff_kit::note::{merge_context, parse, NoteConfig, NoteFormat, ParsedNote};
use handoff_kit::{Diagnostic, Severity, Source, Span};
use serde_json::{json, Value};
use std::fs;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/notes/{name}", env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `text.slice(span.start, span.end)` in JavaScript.
fn slice16(text: &str, span: Span) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let part = units
        .get(span.start..span.end)
        .unwrap_or_else(|| panic!("span {span:?} outside the text"));
    String::from_utf16(part).expect("span splits a surrogate pair")
}

/// The words behind `path`, with no-break spaces shown as spaces.
fn words(note: &ParsedNote, path: &str) -> String {
    let span = note
        .span_for(path)
        .unwrap_or_else(|| panic!("no span for {path}"));
    slice16(&note.text, span).replace('\u{a0}', " ")
}

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
fn german_note_with_bundle_headings() {
    let bundle: Value = serde_json::from_str(&fixture("german-bundle.json")).unwrap();
    let config = NoteConfig::from_bundle(&bundle).unwrap();
    let note = parse(
        &fixture("german-bundle-headings.txt"),
        NoteFormat::Text,
        &config,
    );
    assert!(note.diagnostics.is_empty(), "{:?}", note.diagnostics);
    assert_eq!(
        note.packet,
        json!({
            "summary": "Frau Jäger wurde für Rechnung RE-7731 doppelt belastet (2 × 119,00 €).",
            "actions_taken": [
                { "action": "Rechnung geprüft", "outcome": "zwei identische Abbuchungen" },
                { "action": "Rückerstattung im Portal versucht", "outcome": "Fehler „bereits gebucht“" }
            ],
            "customer": { "sentiment": "angry", "informed_of_handoff": true },
            "requested_outcome": "Erstattung der doppelten Abbuchung",
            "urgency": "urgent",
            "owner": { "name": "Jürgen Groß", "team": "Buchhaltung", "email": "juergen.gross@example.de" },
            "next_steps": [{ "action": "Doppelte Abbuchung erstatten", "owner": "Jürgen", "due": "2026-11-27" }],
            "billing": { "invoice_id": "RE-7731", "amount": { "value": 119.0, "currency": "EUR" }, "po_number": "PO-5520" }
        })
    );
    assert_eq!(words(&note, "/customer/sentiment"), "stinksauer 😤");
    assert_eq!(words(&note, "/owner/name"), "Jürgen Groß");
    assert_eq!(words(&note, "/owner/email"), "juergen.gross@example.de");
    assert_eq!(words(&note, "/billing/po_number"), "PO-5520");
    assert_eq!(words(&note, "/billing/amount/value"), "119,00");
    // Without the bundle, its headings are unknown and their text is kept, not lost.
    let plain = parse(
        &fixture("german-bundle-headings.txt"),
        NoteFormat::Text,
        &NoteConfig::default(),
    );
    assert_eq!(
        plain.packet["summary"],
        "Kurzfassung: Frau Jäger wurde für Rechnung RE-7731 doppelt belastet (2 × 119,00 €)."
    );
    assert_eq!(
        plain.packet["billing"]["amount"],
        json!({ "value": 119.0, "currency": "EUR" })
    );
    let kept = plain.packet["other_sections"].as_array().unwrap();
    assert_eq!(kept[0]["heading"], "Bisher getan");
    assert!(kept.contains(&json!({ "heading": "Dringlichkeit", "text": "Neue Zuständige: Jürgen Groß (Buchhaltung) <juergen.gross@example.de>" })), "{kept:?}");
    assert!(
        kept.contains(&json!({ "heading": "Betrag", "text": "Bestellreferenz: PO-5520" })),
        "{kept:?}"
    );
}

#[test]
fn unknown_headings_are_kept_and_unreadable_values_reported() {
    let note = parse(
        &fixture("unknown-headings.txt"),
        NoteFormat::Text,
        &NoteConfig::default(),
    );
    assert_eq!(
        note.packet["summary"],
        "Customer can't log in since the 2FA reset; error “Code expired” on every try."
    );
    assert_eq!(
        note.packet["other_sections"],
        json!([
            { "heading": "Background", "text": "Account was migrated from the old SSO on 2026-11-02.\nSame thing happened to two colleagues of hers." },
            { "heading": "Internal notes", "text": "Don't mention the migration incident to the customer." },
            { "heading": "Call log", "text": "10:05 called, no answer\n10:40 called back, walked through reset" }
        ])
    );
    assert_eq!(
        note.packet["owner"],
        json!({ "name": "Sam Ortiz", "team": "Tier 2" })
    );
    assert_eq!(note.packet.pointer("/customer/sentiment"), None);
    assert_eq!(words(&note, "/other_sections/1/heading"), "Internal notes");
    assert_eq!(
        words(&note, "/other_sections/2/text"),
        "10:05 called, no answer\n10:40 called back, walked through reset"
    );
    let [unreadable] = note.diagnostics.as_slice() else {
        panic!("{:?}", note.diagnostics)
    };
    assert_eq!(unreadable.code, "rubric/note-unreadable-value");
    assert_eq!(unreadable.severity, Severity::Warning);
    assert_eq!(unreadable.path, "/customer/sentiment");
    assert!(unreadable.message.contains("meh") && unreadable.hint.is_some());
    assert_eq!(slice16(&note.text, unreadable.span.unwrap()), "meh");
    assert_eq!(words(&note, "/customer/sentiment"), "meh");
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
fn scenario_extras() {
    let text = "\
Summary: Export to CSV crashes for the whole Acme account.
Repro steps:
1. Open Reports
2. Click “Export CSV”
Environment: Product: Acme Web 4.2, Chrome 120 on Windows 11
Expected: a CSV download
Actual: spinner, then “Something went wrong”
Error: TypeError: e.rows is undefined
How often: every time
Affected users: about 40
Order: #A-1009
Order issue: parcel never arrived
Items:
- 2 × Blue mug (SKU MUG-2)
- Teapot x1
Tracking number: 1Z999AA10123456784
Bot confidence: 42%
Trigger: customer asked for a human
Transcript: see https://bot.example.com/t/9f3 for the chat
Identity verified: ✅
Stakeholders:
- Ana Ruiz (VP Operations) <ana.ruiz@acme.example>
- Li Wei, IT lead
Red flags: none
";
    let note = parse(text, NoteFormat::Text, &NoteConfig::default());
    assert!(note.diagnostics.is_empty(), "{:?}", note.diagnostics);
    let p = &note.packet;
    assert_eq!(
        p["engineering"]["reproduction_steps"],
        json!(["Open Reports", "Click “Export CSV”"])
    );
    assert_eq!(
        p["engineering"]["environment"],
        json!({ "product": "Acme Web 4.2", "browser": "Chrome 120", "os": "Windows 11" })
    );
    assert_eq!(
        p["engineering"]["error_text"],
        "TypeError: e.rows is undefined"
    );
    assert_eq!(p["engineering"]["frequency"], "always");
    assert_eq!(p["engineering"]["affected_users"], 40);
    assert_eq!(p["fulfillment"]["order_id"], "#A-1009");
    assert_eq!(p["fulfillment"]["issue"], "not_delivered");
    assert_eq!(
        p["fulfillment"]["items"],
        json!([{ "quantity": 2, "name": "Blue mug", "sku": "MUG-2" }, { "name": "Teapot", "quantity": 1 }])
    );
    assert_eq!(
        p["bot"],
        json!({ "confidence": 0.42, "trigger": "customer_request", "transcript_url": "https://bot.example.com/t/9f3" })
    );
    assert_eq!(p["call"]["identity_verified"], true);
    assert_eq!(
        p["account"],
        json!({ "stakeholders": [{ "name": "Ana Ruiz", "role": "VP Operations", "email": "ana.ruiz@acme.example" }, { "name": "Li Wei", "role": "IT lead" }], "red_flags": [] })
    );
    assert_eq!(
        words(&note, "/engineering/environment/browser"),
        "Chrome 120"
    );
    assert_eq!(words(&note, "/fulfillment/items/0/sku"), "MUG-2");
    assert_eq!(
        words(&note, "/bot/transcript_url"),
        "https://bot.example.com/t/9f3"
    );
    assert_eq!(
        words(&note, "/account/stakeholders/0/email"),
        "ana.ruiz@acme.example"
    );
}

#[test]
fn unreadable_values_each_get_a_warning_with_the_words_underlined() {
    let text = "Customer informed: maybe later\nUrgency: whenever\nAmount: 49\nTranscript: attached\nDocs:\n- passport.jpg (from the moon)\nCustomer deadline: Friday 5pm\nAffected users: lots";
    let note = parse(text, NoteFormat::Text, &NoteConfig::default());
    let found: Vec<(&str, String)> = note
        .diagnostics
        .iter()
        .map(|d| (d.path.as_str(), slice16(&note.text, d.span.unwrap())))
        .collect();
    assert_eq!(
        found,
        vec![
            ("/customer/informed_of_handoff", "maybe later".to_string()),
            ("/urgency", "whenever".to_string()),
            ("/billing/amount/currency", "49".to_string()),
            ("/bot/transcript_url", "attached".to_string()),
            ("/documents/0/provided_by", "from the moon".to_string()),
            ("/customer/deadline", "Friday 5pm".to_string()),
            ("/engineering/affected_users", "lots".to_string()),
        ]
    );
    assert!(note
        .diagnostics
        .iter()
        .all(|d| d.code == "rubric/note-unreadable-value" && d.source == Source::Rubric));
    assert_eq!(note.packet["billing"]["amount"], json!({ "value": 49.0 }));
}

#[test]
fn next_steps_keep_an_informal_due_date_in_the_action() {
    let note = parse("Next steps:\n- Refund the duplicate charge — Dana, by Fri\n- Call back (Sam)\n- Check logs", NoteFormat::Text, &NoteConfig::default());
    assert_eq!(
        note.packet["next_steps"],
        json!([
            { "action": "Refund the duplicate charge, by Fri", "owner": "Dana" },
            { "action": "Call back", "owner": "Sam" },
            { "action": "Check logs" }
        ])
    );
    assert_eq!(
        words(&note, "/next_steps/0/action"),
        "Refund the duplicate charge"
    );
}

#[test]
fn text_before_any_heading_is_the_summary_when_there_is_no_summary_heading() {
    let note = parse(
        "Customer charged twice for INV-9 😬\n\nOwner: Dana Kim",
        NoteFormat::Text,
        &NoteConfig::default(),
    );
    assert_eq!(
        note.packet["summary"],
        "Customer charged twice for INV-9 😬"
    );
    assert_eq!(
        words(&note, "/summary"),
        "Customer charged twice for INV-9 😬"
    );
    assert_eq!(note.packet.get("other_sections"), None);
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
fn french_note_with_windows_line_endings() {
    let text = "Résumé : Mme Lefèvre a été débitée deux fois (2 × 89,90 €).\r\nEssayé :\r\n- Vérifié la facture → deux prélèvements identiques\r\nHumeur du client : furieuse 😠\r\nClient informé : oui\r\nResponsable : Camille Dubois (Finance)\r\nFacture : FA-2026-118\r\nMontant : 89,90 €\r\n";
    let note = parse(text, NoteFormat::Text, &NoteConfig::default());
    assert!(note.diagnostics.is_empty(), "{:?}", note.diagnostics);
    assert_eq!(
        note.packet,
        json!({
            "summary": "Mme Lefèvre a été débitée deux fois (2 × 89,90 €).",
            "actions_taken": [{ "action": "Vérifié la facture", "outcome": "deux prélèvements identiques" }],
            "customer": { "sentiment": "angry", "informed_of_handoff": true },
            "owner": { "name": "Camille Dubois", "team": "Finance" },
            "billing": { "invoice_id": "FA-2026-118", "amount": { "value": 89.9, "currency": "EUR" } }
        })
    );
    assert_eq!(words(&note, "/customer/sentiment"), "furieuse 😠");
    assert_eq!(words(&note, "/billing/amount/value"), "89,90");
    let end = note.span_for("/next_steps").unwrap();
    assert!(slice16(
        &note.text,
        Span {
            start: 0,
            end: end.start
        }
    )
    .ends_with("89,90 €"));
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
