//! # `rubric/document-asked-twice`
//!
//! **What it checks.** That no next step asks the customer for a document they already
//! provided: a next step that asks for something ("ask for", "request", "get … from the
//! customer", "customer to upload") and names a document listed in `documents` with
//! `provided_by: "customer"` (by a word of its name: "invoice", "screenshot", "receipt", …)
//! fails.
//!
//! **Why it matters.** Being asked again for something already sent is what customers hate most,
//! and it tells them the teams do not talk to each other.
//!
//! **Example.** `documents: [{"name": "invoice-INV-2211.pdf", "provided_by": "customer"}]` and
//! a next step "Ask the customer for a copy of the invoice" → "This next step asks the customer
//! for 'invoice-INV-2211.pdf', which they already sent: use the copy in the documents."

use crate::diagnostic::{pointer_join, Severity, Source};
use crate::rubric::fields::{items, quote, text};
use crate::rubric::registry::{Check, Finding, Input, Verdict};
use crate::rubric::wording::{find_phrase, words};
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/document-asked-twice",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That no next step asks the customer for a document they already provided: a next step that asks for something (\"ask for\", \"request\", \"get … from the customer\", \"customer to upload\") and names a document listed in `documents` with `provided_by: \"customer\"` fails.",
    why: "Being asked again for something already sent is what customers hate most, and it tells them the teams do not talk to each other.",
    example: "A customer-provided `invoice-INV-2211.pdf` and the next step \"Ask the customer for a copy of the invoice\" → \"This next step asks the customer for 'invoice-INV-2211.pdf', which they already sent: use the copy in the documents.\"",
};

/// Compares next steps with the documents the customer already sent.
pub struct DocumentAskedTwice;

#[rustfmt::skip]
const ASK_WORDS: &[&str] = &[
    "ask", "asks", "asking", "request", "requesting", "obtain", "collect", "chase", "re-request",
];
#[rustfmt::skip]
const FROM_CUSTOMER: &[&str] = &[
    "from the customer", "from customer", "from the client", "from the user", "from them",
    "from her", "from him",
];
const CUSTOMER_WORDS: &[&str] = &["customer", "client", "user", "caller", "they", "she", "he"];
#[rustfmt::skip]
const SEND_WORDS: &[&str] = &[
    "send", "resend", "upload", "provide", "share", "submit", "attach", "forward", "email",
];

/// Words of a document name that say nothing about which document it is.
#[rustfmt::skip]
const NOISE: &[&str] = &[
    "the", "and", "for", "from", "customer", "copy", "file", "pdf", "png", "jpg", "jpeg", "gif",
    "doc", "docx", "txt", "csv", "zip", "xlsx", "heic", "final", "scan", "new", "old", "version",
];

/// Words that name the same kind of document.
#[rustfmt::skip]
const SAME_KIND: &[(&str, &str)] = &[
    ("picture", "photo"),
    ("pic", "photo"),
    ("image", "photo"),
    ("screengrab", "screenshot"),
    ("screencap", "screenshot"),
    ("capture", "screenshot"),
    ("bill", "invoice"),
    ("logfile", "log"),
];

impl Check for DocumentAskedTwice {
    fn run(&self, input: &Input) -> Verdict {
        let sent: Vec<(&str, Vec<String>)> = items(input.packet, "/documents")
            .iter()
            .filter(|d| {
                text(d, "/provided_by").is_some_and(|by| by.eq_ignore_ascii_case("customer"))
            })
            .filter_map(|d| text(d, "/name"))
            .map(|name| (name, kinds(name, true)))
            .collect();
        if sent.is_empty() {
            return Verdict::pass();
        }
        let mut findings = Vec::new();
        for (index, step) in items(input.packet, "/next_steps").iter().enumerate() {
            let Some(action) = text(step, "/action") else {
                continue;
            };
            if !asks_the_customer(action) {
                continue;
            }
            let wanted = kinds(action, false);
            if let Some((name, _)) = sent
                .iter()
                .find(|(_, kinds)| kinds.iter().any(|k| wanted.contains(k)))
            {
                let path = pointer_join(&pointer_join("/next_steps", &index.to_string()), "action");
                findings.push(Finding::new(
                    path,
                    format!("This next step asks the customer for '{}', which they already sent: use the copy in the documents.", quote(name)),
                    "Being asked again for something already sent is what customers hate most; link the document in the handoff instead.",
                ));
            }
        }
        Verdict::from_findings(findings)
    }
}

/// Whether a next step asks the customer for something.
fn asks_the_customer(action: &str) -> bool {
    let w = words(action);
    if w.iter().any(|x| ASK_WORDS.contains(&x.as_str())) || find_phrase(&w, FROM_CUSTOMER).is_some()
    {
        return true;
    }
    // "customer to upload", "customer should send"
    w.iter().enumerate().any(|(i, x)| {
        CUSTOMER_WORDS.contains(&x.as_str())
            && w.iter()
                .skip(i + 1)
                .take(2)
                .any(|y| SEND_WORDS.contains(&y.as_str()))
    })
}

/// The words of a text that can name a kind of document, singular and with synonyms folded.
fn kinds(text: &str, is_file_name: bool) -> Vec<String> {
    let mut found = Vec::new();
    for word in words(text) {
        if word.chars().count() < 3
            || word.chars().all(|c| c.is_ascii_digit())
            || (is_file_name && NOISE.contains(&word.as_str()))
        {
            continue;
        }
        let singular = match word.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 3 && !word.ends_with("ss") => stem.to_string(),
            _ => word,
        };
        let kind = SAME_KIND
            .iter()
            .find(|(w, _)| *w == singular)
            .map_or(singular, |(_, k)| (*k).to_string());
        found.push(kind);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::checks::testing::run;
    use serde_json::json;

    fn packet(step: &str, provided_by: &str) -> serde_json::Value {
        json!({"documents": [{"name": "invoice-INV-2211.pdf", "provided_by": provided_by},
                              {"name": "Screenshot 2026-11-03.png", "provided_by": "customer"}],
               "next_steps": [{"action": "Refund the duplicate charge", "owner": "Dana Kim"}, {"action": step}]})
    }

    #[test]
    fn asking_again_fails() {
        for step in [
            "Ask the customer for a copy of the invoice",
            "Customer to upload the invoices again",
            "Get screenshots from the customer",
            "Request a screencap of the error",
        ] {
            let verdict = run(&DocumentAskedTwice, &packet(step, "customer"));
            assert!(!verdict.passed(), "{step}");
            assert_eq!(verdict.findings[0].path, "/next_steps/1/action");
        }
        let verdict = run(
            &DocumentAskedTwice,
            &packet("Ask the customer for a copy of the invoice", "customer"),
        );
        assert!(verdict.findings[0]
            .message
            .contains("'invoice-INV-2211.pdf'"));
    }

    #[test]
    fn new_requests_and_agent_documents_pass() {
        assert!(run(
            &DocumentAskedTwice,
            &packet("Ask the customer for the bank statement", "customer")
        )
        .passed());
        assert!(run(
            &DocumentAskedTwice,
            &packet("Send the corrected invoice to the customer", "customer")
        )
        .passed());
        assert!(run(
            &DocumentAskedTwice,
            &packet("Ask the customer for the invoice", "agent")
        )
        .passed());
        assert!(run(
            &DocumentAskedTwice,
            &json!({"next_steps": [{"action": "Ask for the invoice"}]})
        )
        .passed());
    }
}
