//! Templates: the blank note for each scenario reads back as an empty packet whose every
//! field points right after its heading (where the agent will type).

use handoff_kit::note::{parse, template, NoteConfig, NoteFormat};
use serde_json::json;

const SCENARIOS: &[&str] = &[
    "billing_to_finance",
    "support_to_engineering",
    "tier1_to_tier2",
    "bot_to_human",
    "agent_to_supervisor",
    "sales_to_success",
    "support_to_fulfillment",
    "voice_to_chat",
    "an_orgs_own_scenario",
];

fn assert_reads_back_empty(note: &str, config: &NoteConfig) {
    let parsed = parse(note, NoteFormat::Text, config);
    assert_eq!(parsed.packet, json!({}), "{note}");
    assert!(parsed.diagnostics.is_empty(), "{note}");
    let lines: Vec<&str> = note.lines().collect();
    assert_eq!(
        parsed.spans.len(),
        lines.len(),
        "every heading is recognised once:\n{note}\n{:?}",
        parsed.spans
    );
    let mut after_colons = Vec::new();
    let mut offset = 0;
    for line in &lines {
        assert!(line.ends_with(':'), "{line}");
        offset += line.encode_utf16().count();
        after_colons.push(offset);
        offset += 1;
    }
    for (pointer, span) in &parsed.spans {
        assert_eq!(span.start, span.end, "{pointer}");
        assert!(
            after_colons.contains(&span.start),
            "{pointer} at {}",
            span.start
        );
    }
}

#[test]
fn every_scenario_template_reads_back_in_every_built_in_language() {
    for language in ["en", "de", "fr", "es"] {
        let config = NoteConfig::from_bundle(&json!({ "language": language })).unwrap();
        for scenario in SCENARIOS {
            assert_reads_back_empty(&template(scenario, &config), &config);
        }
    }
}

#[test]
fn scenario_templates_add_their_own_headings() {
    let config = NoteConfig::default();
    let base = template("an_orgs_own_scenario", &config);
    assert_eq!(
        base,
        "Summary:\nTried:\nCustomer mood:\nCustomer informed:\nPromised:\nAsk:\nUrgency:\nOwner:\nTo:\nDocs:\nPolicy:\nNext steps:\n"
    );
    let extras = [
        ("billing_to_finance", "Invoice:\nAmount:\n"),
        (
            "support_to_engineering",
            "Repro steps:\nEnvironment:\nExpected:\nActual:\nError:\n",
        ),
        (
            "tier1_to_tier2",
            "Escalation reason:\nCategory:\nChecks done:\n",
        ),
        (
            "bot_to_human",
            "Intent:\nBot confidence:\nTrigger:\nTranscript:\n",
        ),
        (
            "agent_to_supervisor",
            "Escalation reason:\nRequested by:\nCustomer request:\n",
        ),
        (
            "sales_to_success",
            "Expectations:\nSuccess criteria:\nRed flags:\n",
        ),
        ("support_to_fulfillment", "Order:\nOrder issue:\nItems:\n"),
        ("voice_to_chat", "Call summary:\nIdentity verified:\n"),
    ];
    for (scenario, headings) in extras {
        let note = template(scenario, &config);
        assert!(note.starts_with(&base), "{scenario}");
        assert!(note.contains(headings), "{scenario}: {note}");
    }
}

#[test]
fn a_language_without_built_in_headings_uses_the_bundle_then_english() {
    let config = NoteConfig::from_bundle(&json!({ "language": "nl", "headings": { "summary": ["Samenvatting"], "next_steps": ["Volgende stappen"] } })).unwrap();
    let note = template("tier1_to_tier2", &config);
    assert!(note.starts_with("Samenvatting:\nTried:\n"), "{note}");
    assert!(
        note.contains("\nVolgende stappen:\nEscalation reason:\n"),
        "{note}"
    );
    assert_reads_back_empty(&note, &config);
}

#[test]
fn a_filled_template_gives_a_packet() {
    let config = NoteConfig::default();
    let filled = template("voice_to_chat", &config)
        .replace("Summary:", "Summary: Caller wants a new delivery slot 📦")
        .replace("Identity verified:", "Identity verified: yes")
        .replace(
            "Call summary:",
            "Call summary: Verified by DOB; prefers chat from now on",
        );
    let note = parse(&filled, NoteFormat::Text, &config);
    assert_eq!(
        note.packet["summary"],
        "Caller wants a new delivery slot 📦"
    );
    assert_eq!(
        note.packet["call"],
        json!({ "identity_verified": true, "call_summary": "Verified by DOB; prefers chat from now on" })
    );
}
