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
//!
//! *Decision (`docs/scoring.md`): not ready, not scored.* The finding is an **error** (the
//! handoff is not ready and its grade is capped at D until the step is fixed) with weight 0.
//! A next step that sends the receiving team back to the customer for what they already sent
//! fails the question the score answers, "can we act without going back to the customer?",
//! so the handoff is not ready. It cannot cost points instead: the finding is a conflict
//! between two pieces of information a handoff may lack without missing anything (a document
//! the customer sent, a next step), and deleting either would earn the points back, which
//! breaks rule 3. Deleting either also ends the error and lifts the cap: that is the
//! documented exception (a removal that deletes the cause of every error). A bundle may lower
//! the severity to a warning; its weight must stay 0. Without a document from the customer the
//! check does not apply.

use crate::diagnostic::{Severity, Source};
use crate::rubric::check::{Check, Finding, Input, Verdict};
use crate::rubric::fields::{entry_text, quote};
use crate::rubric::word_lists::{PhraseList, WordSet};
use crate::rubric::wording::Words;
use crate::rules::RuleDoc;
use std::cell::OnceCell;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/document-asked-twice",
    source: Source::Rubric,
    severity: Severity::Error,
    what: "That no next step asks the customer for a document they already provided: a next step that asks for something (\"ask for\", \"request\", \"get … from the customer\", \"customer to upload\") and names a document listed in `documents` with `provided_by: \"customer\"` fails. An error, not points: the handoff is not ready (graded D at most) until the step is fixed; the check's weight is 0 and must stay 0 (docs/scoring.md says why).",
    why: "Being asked again for something already sent is what customers hate most, and it tells them the teams do not talk to each other.",
    example: "A customer-provided `invoice-INV-2211.pdf` and the next step \"Ask the customer for a copy of the invoice\" → \"This next step asks the customer for 'invoice-INV-2211.pdf', which they already sent: use the copy in the documents.\"",
};

/// Compares next steps with the documents the customer already sent.
pub struct DocumentAskedTwice;

#[rustfmt::skip]
static ASK_WORDS: WordSet = WordSet::new(ASK_LIST);
#[rustfmt::skip]
const ASK_LIST: &[&str] = &[
    "ask", "asks", "asking", "request", "requesting", "obtain", "collect", "chase", "re-request",
];
/// The words one of which every step that asks the customer has: an asking word, a word for
/// the customer, or "from" (which starts every phrase of [`FROM_CUSTOMER`]).
static ASKING_WORDS: WordSet = WordSet::union(&[ASK_LIST, CUSTOMER_LIST, &["from"]]);
#[rustfmt::skip]
static FROM_CUSTOMER: PhraseList = PhraseList::new(&[
    "from the customer", "from customer", "from the client", "from the user", "from them",
    "from her", "from him",
]);
static CUSTOMER_WORDS: WordSet = WordSet::new(CUSTOMER_LIST);
const CUSTOMER_LIST: &[&str] = &["customer", "client", "user", "caller", "they", "she", "he"];
#[rustfmt::skip]
static SEND_WORDS: WordSet = WordSet::new(&[
    "send", "resend", "upload", "provide", "share", "submit", "attach", "forward", "email",
]);

/// Words of a document name that say nothing about which document it is.
#[rustfmt::skip]
static NOISE: WordSet = WordSet::new(&[
    "the", "and", "for", "from", "customer", "copy", "file", "pdf", "png", "jpg", "jpeg", "gif",
    "doc", "docx", "txt", "csv", "zip", "xlsx", "heic", "final", "scan", "new", "old", "version",
]);

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
        let sent_names = || {
            input
                .fields
                .documents
                .iter()
                .filter(|d| {
                    entry_text(*d, "provided_by")
                        .is_some_and(|by| by.eq_ignore_ascii_case("customer"))
                })
                .filter_map(|d| entry_text(d, "name"))
        };
        if sent_names().next().is_none() {
            return Verdict::not_applicable(
                "No document from the customer is listed, so none can be asked for twice.",
            );
        }
        // The documents' words, read only once a next step asks the customer for something.
        let sent_words: OnceCell<Vec<(&str, Words)>> = OnceCell::new();
        let first_of_kind: OnceCell<ahash::AHashMap<String, usize>> = OnceCell::new();
        let mut findings = Vec::new();
        for (index, step) in input.fields.next_steps.iter().enumerate() {
            let Some(action) = entry_text(step, "action") else {
                continue;
            };
            // A step that asks the customer has an asking, customer or "from" word.
            if !ASKING_WORDS.contains_a_word_of(action) {
                continue;
            }
            let action_words = Words::new(action);
            if !asks_the_customer(&action_words) {
                continue;
            }
            // Each kind of thing sent → the first document of that kind, so a step's words are
            // looked up once each (comparing each step's words with every document's was
            // steps × documents × words).
            let first_sent = first_of_kind.get_or_init(|| {
                let sent = sent_words
                    .get_or_init(|| sent_names().map(|name| (name, Words::new(name))).collect());
                let mut first = ahash::AHashMap::new();
                for (at, (_, words)) in sent.iter().enumerate() {
                    for kind in kinds(words, true) {
                        if !first.contains_key(kind) {
                            first.insert(kind.to_string(), at);
                        }
                    }
                }
                first
            });
            let first = kinds(&action_words, false)
                .into_iter()
                .filter_map(|kind| first_sent.get(kind).copied())
                .min();
            if let Some(name) = first
                .and_then(|at| sent_words.get()?.get(at))
                .map(|(n, _)| n)
            {
                findings.push(Finding::new(
                    format!("/next_steps/{index}/action"),
                    format!("This next step asks the customer for '{}', which they already sent: use the copy in the documents.", quote(name)),
                    "Being asked again for something already sent is what customers hate most; link the document in the handoff instead.",
                ));
            }
        }
        Verdict::from_findings(findings)
    }
}

/// Whether a next step asks the customer for something.
fn asks_the_customer(w: &Words) -> bool {
    if w.iter().any(|x| ASK_WORDS.contains(x)) || FROM_CUSTOMER.occurs_in(w) {
        return true;
    }
    // "customer to upload", "customer should send"
    let mut rest = w.iter();
    while let Some(x) = rest.next() {
        if CUSTOMER_WORDS.contains(x) && rest.clone().take(2).any(|y| SEND_WORDS.contains(y)) {
            return true;
        }
    }
    false
}

/// The words of a text that can name a kind of document, singular and with synonyms folded.
fn kinds<'w>(words: &'w Words, is_file_name: bool) -> Vec<&'w str> {
    let mut found = Vec::new();
    for word in words.iter() {
        if word.chars().nth(2).is_none()
            || word.bytes().all(|b| b.is_ascii_digit())
            || (is_file_name && NOISE.contains(word))
        {
            continue;
        }
        let singular = match word.strip_suffix('s') {
            Some(stem) if stem.chars().nth(2).is_some() && !word.ends_with("ss") => stem,
            _ => word,
        };
        let kind = SAME_KIND
            .iter()
            .find(|(w, _)| *w == singular)
            .map_or(singular, |(_, k)| *k);
        found.push(kind);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::testing::run;
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
        let nothing_sent = run(
            &DocumentAskedTwice,
            &json!({"next_steps": [{"action": "Ask for the invoice"}]}),
        );
        assert!(!nothing_sent.applies);
    }
}
