//! Properties of the note reader over generated notes: it never panics (it runs in a
//! browser tab), spans always lie inside the text on character boundaries, the words behind
//! every filled text field are exactly its value, and the same note always reads the same.

use handoff_kit::note::{parse, NoteConfig, NoteFormat, ParsedNote};
use handoff_kit::Span;
use proptest::prelude::*;
use serde_json::Value;

/// Pieces notes are made of: headings, markup, separators, emoji and accented words.
const PIECES: &[&str] = &[
    "Summary:",
    "Tried:",
    "Customer mood:",
    "Owner:",
    "Ask:",
    "Next steps:",
    "Docs:",
    "Amount:",
    "Urgency:",
    "Customer informed:",
    "Environment:",
    "Items:",
    "Transcript:",
    "Stakeholders:",
    "## Background",
    "**Owner:**",
    "Notes:",
    "\n",
    "\n",
    "\n",
    " ",
    "- ",
    "* ",
    "1. ",
    "→",
    "->",
    ": ",
    " — ",
    ", by ",
    " (",
    ")",
    "<",
    ">",
    "@",
    "€",
    "49,00",
    "1.234,50",
    "EUR",
    "yes",
    "furious",
    "😡",
    "📄",
    "Renée",
    "Jürgen Groß",
    "dana@example.com",
    "https://x.example/t",
    "SKU",
    "2 ×",
    "x2",
    "invoice.pdf",
    "from customer",
    "&nbsp;",
    "&#x1F621;",
    "&",
    "<p>",
    "</p>",
    "<br>",
    "<li>",
    "<ul>",
    "</ul>",
    "<b>",
    "<!--",
    "-->",
    "<script>",
    "\u{a0}",
    "\r\n",
    "\t",
    "#",
    "**",
];

fn note_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|pieces| pieces.concat())
}

fn slice16(text: &str, span: Span) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(units.get(span.start..span.end)?).ok()
}

fn check(note: &ParsedNote) -> Result<(), TestCaseError> {
    let len = note.text.encode_utf16().count();
    prop_assert!(note.insert_at <= len);
    for (pointer, span) in &note.spans {
        prop_assert!(
            span.start <= span.end && span.end <= len,
            "{pointer}: {span:?} of {len}"
        );
        prop_assert!(
            slice16(&note.text, *span).is_some(),
            "{pointer} splits a character"
        );
        // A text value the note filled is exactly the words its span underlines.
        if let Some(Value::String(value)) = note.packet.pointer(pointer) {
            let words = slice16(&note.text, *span).unwrap_or_default();
            if words == *value || value.contains(", by ") || pointer.ends_with("/product") {
                continue;
            }
            prop_assert!(
                matches!(
                    pointer.rsplit('/').next(),
                    Some(
                        "sentiment"
                            | "urgency"
                            | "currency"
                            | "provided_by"
                            | "issue"
                            | "frequency"
                            | "trigger"
                            | "channel"
                            | "mode"
                            | "requested_by"
                    )
                ),
                "{pointer}: {value:?} but the span shows {words:?}"
            );
        }
    }
    for diagnostic in &note.diagnostics {
        let span = diagnostic
            .span
            .ok_or_else(|| TestCaseError::fail("diagnostic without span"))?;
        prop_assert!(span.end <= len);
        prop_assert_eq!(diagnostic.code.as_str(), "rubric/note-unreadable-value");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn generated_text_notes_read_safely(text in note_text()) {
        let config = NoteConfig::default();
        let note = parse(&text, NoteFormat::Text, &config);
        prop_assert_eq!(&note.text, &text);
        check(&note)?;
        prop_assert_eq!(parse(&text, NoteFormat::Text, &config), note);
    }

    #[test]
    fn generated_html_notes_read_safely(text in note_text()) {
        let note = parse(&text, NoteFormat::Html, &NoteConfig::default());
        check(&note)?;
        for path in ["/owner/name", "/billing/amount/currency", "/next_steps/3/owner", "", "/"] {
            let span = note.span_for(path);
            prop_assert!(span.is_some_and(|s| s.end <= note.text.encode_utf16().count()));
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        check(&parse(&text, NoteFormat::Text, &NoteConfig::default()))?;
        check(&parse(&text, NoteFormat::Html, &NoteConfig::default()))?;
    }
}
