//! What each kind of section becomes: notes in German (with the bundle's headings) and French,
//! unknown headings kept, the scenarios' extra fields, unreadable values reported, informal
//! due dates, and text before any heading. Spans are checked by slicing the text in UTF-16
//! code units, as JavaScript does.

mod note_common;

use handoff_kit::note::{parse, NoteConfig, NoteFormat};
use handoff_kit::{Severity, Source, Span};
use note_common::{fixture, slice16, words};
use serde_json::{json, Value};

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
fn list_sections_written_again_add_their_items_in_place_in_order() {
    // The billing note thirty times over: each copy's tried steps, documents and next steps
    // join the lists after the earlier copies', each pointing at its own copy's words.
    let config = NoteConfig::default();
    let once_text = fixture("billing-markdown.md");
    let once = parse(&once_text, NoteFormat::Text, &config);
    let copies = 30;
    let note = parse(&once_text.repeat(copies), NoteFormat::Text, &config);
    let copy_units = once_text.encode_utf16().count();
    for list in ["actions_taken", "documents", "next_steps"] {
        let items = once.packet[list].as_array().unwrap();
        assert!(!items.is_empty(), "{list}");
        let all = note.packet[list].as_array().unwrap();
        assert_eq!(all.len(), items.len() * copies, "{list}");
        for (i, item) in all.iter().enumerate() {
            let (copy, j) = (i / items.len(), i % items.len());
            assert_eq!(item, &items[j], "{list}/{i}");
            let path = format!("/{list}/{i}");
            assert_eq!(words(&note, &path), words(&once, &format!("/{list}/{j}")));
            let span = note.span_for(&path).unwrap();
            assert!(span.start >= copy * copy_units && span.end <= (copy + 1) * copy_units);
        }
    }
}

#[test]
fn a_long_html_note_finds_each_copys_headings_bold_labels_and_links() {
    // Forty copies of an editor's HTML, each with its own link: the bold labels and headings
    // of every copy are read as such, and each document gets its own copy's address.
    let copy = |i: usize| {
        format!(
            "<h2>Summary</h2><p>Charged twice, copy {i}</p><p><strong>Docs:</strong></p><ul><li><a href=\"https://files.example.com/{i}.png\">shot-{i}.png</a> (from customer)</li></ul>"
        )
    };
    let html: String = (0..40).map(copy).collect();
    let note = parse(&html, NoteFormat::Html, &NoteConfig::default());
    assert!(note.diagnostics.is_empty(), "{:?}", note.diagnostics);
    assert_eq!(note.packet["summary"], json!("Charged twice, copy 0"));
    let documents = note.packet["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 40);
    for (i, document) in documents.iter().enumerate() {
        assert_eq!(
            document,
            &json!({ "name": format!("shot-{i}.png"), "url": format!("https://files.example.com/{i}.png"), "provided_by": "customer" })
        );
        assert_eq!(
            words(&note, &format!("/documents/{i}/url")),
            format!("shot-{i}.png")
        );
    }
    // The later summaries are kept under their heading, not lost.
    let others = note.packet["other_sections"].as_array().unwrap();
    assert_eq!(others.len(), 39);
    assert_eq!(
        others[38],
        json!({ "heading": "Summary", "text": "Charged twice, copy 39" })
    );
}
