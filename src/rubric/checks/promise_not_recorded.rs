//! # `rubric/promise-not-recorded`
//!
//! **What it checks.** That a promise made to the customer is written where the receiving
//! team looks for it: when the summary, the handoff reason, the actions or the next steps speak
//! of a promise ("promised", "assured", "guaranteed", "committed to", "told the customer we
//! would", "will call back") but `customer.promised` is empty, the check fails. It fails too
//! when `customer.promised` is empty and nothing speaks of a promise: the receiving team cannot
//! tell "nothing was promised" from "nobody wrote it down", so say which ("Nothing promised").
//!
//! **Why it matters.** The receiving team inherits every promise made in its name; one it does not
//! know about is one it breaks, and a broken promise is a new complaint.
//!
//! **Example.** `summary: "… I promised a refund by Friday."` with no `customer.promised` →
//! "The notes mention a promise to the customer ('… I promised a refund by Friday.') but
//! nothing is recorded as promised: write exactly what was promised and by when."
//!
//! *Decision (`docs/scoring.md`).* The check always applies, and only `customer.promised`
//! decides it: filled passes, empty fails. The promise words found in the notes only shape the
//! message. Were an unmentioned promise "nothing to judge", deleting the sentence that
//! mentions it would earn the points back.

use crate::diagnostic::{Severity, Source};
use crate::rubric::check::{Check, Finding, Input, Verdict};
use crate::rubric::fields::{entry_text, is_filled, quote};
use crate::rubric::word_lists::{PhraseList, WordSet};
use crate::rubric::wording::{any_ascii_word, Text, Words};
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/promise-not-recorded",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That a promise made to the customer is recorded in `customer.promised`: when the summary, the handoff reason, the actions or the next steps speak of a promise (\"promised\", \"assured\", \"guaranteed\", \"committed to\", \"told the customer we would\", \"will call back\") and `customer.promised` is empty, the check fails. An empty `customer.promised` fails too when nothing mentions a promise: write what was promised, or \"Nothing promised\".",
    why: "The receiving team inherits every promise made in its name; one it does not know about is one it breaks, and a broken promise is a new complaint.",
    example: "`summary: \"… I promised a refund by Friday.\"` with no `customer.promised` → \"The notes mention a promise to the customer (…) but nothing is recorded as promised: write exactly what was promised and by when.\"",
};

/// Looks for promises the packet mentions but does not record.
pub struct PromiseNotRecorded;

const PROMISE_STEMS: &[&str] = &["promis", "assured", "guarantee"];

#[rustfmt::skip]
static PROMISE_PHRASES: PhraseList = PhraseList::new(&[
    "committed to", "we agreed", "told the customer we", "told the customer they", "told them we",
    "told her we", "told him we", "will call back", "will call them back", "will get back",
    "call back by", "callback by", "get back to them", "get back to the customer",
]);

impl Check for PromiseNotRecorded {
    fn run(&self, input: &Input) -> Verdict {
        let fields = &input.fields;
        if is_filled(fields.promised, false) {
            return Verdict::pass();
        }
        let hint =
            "The receiving team inherits the promise; if they do not know it, they break it.";
        let summary = fields.summary.as_ref().filter(|summary| {
            summary
                .words_if_read()
                .map_or_else(|| mentions_promise(summary.as_str()), words_mention_promise)
        });
        let Some(said) = summary
            .map(Text::as_str)
            .or_else(|| other_texts(input).find(|t| mentions_promise(t)))
        else {
            return Verdict::missing(Finding::new(
                "/customer/promised",
                "Say what was promised to the customer and by when, or write 'Nothing promised'.",
                hint,
            ));
        };
        let message = format!("The notes mention a promise to the customer ('{}') but nothing is recorded as promised: write exactly what was promised and by when.", quote(said));
        Verdict::missing(Finding::new("/customer/promised", message, hint))
    }
}

/// The free texts after the summary where agents mention promises, in document order: the
/// handoff reason, the actions and their outcomes, the next steps.
fn other_texts<'a>(input: &Input<'a>) -> impl Iterator<Item = &'a str> {
    let fields = &input.fields;
    let actions = fields
        .actions_taken
        .iter()
        .flat_map(|action| [entry_text(action, "action"), entry_text(action, "outcome")]);
    let steps = fields
        .next_steps
        .iter()
        .map(|step| entry_text(step, "action"));
    std::iter::once(fields.handoff_reason)
        .chain(actions)
        .chain(steps)
        .flatten()
}

/// Whether a text speaks of a promise.
fn mentions_promise(text: &str) -> bool {
    // Most texts have none of the words a promise needs: tell without reading their words.
    let may_mention = any_ascii_word(text, |word| {
        PROMISE_STEMS
            .iter()
            .any(|stem| word.starts_with(stem.as_bytes()))
            || PROMISE_KEY_WORDS.contains_bytes(word)
    });
    may_mention.unwrap_or(true) && words_mention_promise(&Words::new(text))
}

/// One word of each of [`PROMISE_PHRASES`] (a test checks it).
static PROMISE_KEY_WORDS: WordSet =
    WordSet::new(&["committed", "agreed", "told", "back", "callback"]);

fn words_mention_promise(text_words: &Words) -> bool {
    text_words
        .iter()
        .any(|word| PROMISE_STEMS.iter().any(|stem| word.starts_with(stem)))
        || PROMISE_PHRASES.occurs_in(text_words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::testing::run;
    use serde_json::json;

    #[test]
    fn every_promise_phrase_has_a_key_word() {
        for phrase in PROMISE_PHRASES.list() {
            assert!(
                Words::new(phrase)
                    .iter()
                    .any(|w| PROMISE_KEY_WORDS.contains(w)),
                "{phrase}"
            );
        }
    }

    #[test]
    fn recorded_promises_pass() {
        let recorded = json!({"summary": "I promised a refund by Friday.", "customer": {"promised": "Refund of €49 by Fri 20 Nov"}});
        assert!(run(&PromiseNotRecorded, &recorded).passed());
        let nothing =
            json!({"summary": "Charged twice.", "customer": {"promised": "Nothing promised"}});
        assert!(run(&PromiseNotRecorded, &nothing).passed());
    }

    #[test]
    fn an_empty_promise_fails_even_when_nothing_mentions_one() {
        for packet in [
            json!({"summary": "Charged twice for INV-2211."}),
            // "compromised" is not a promise: the generic message, not a quote.
            json!({"summary": "Account compromised on 3 Nov."}),
            json!({"customer": {"promised": " "}}),
        ] {
            let verdict = run(&PromiseNotRecorded, &packet);
            assert!(!verdict.passed(), "{packet}");
            assert_eq!(
                verdict.findings[0].message,
                "Say what was promised to the customer and by when, or write 'Nothing promised'."
            );
        }
    }

    #[test]
    fn mentioned_but_unrecorded_promises_fail() {
        let packet = json!({"summary": "Charged twice.", "next_steps": [{"action": "Finance will call back by 5pm as I told the customer we would"}]});
        let verdict = run(&PromiseNotRecorded, &packet);
        assert!(!verdict.passed());
        assert_eq!(verdict.findings[0].path, "/customer/promised");
        assert!(
            verdict.findings[0]
                .message
                .contains("'Finance will call back by 5pm"),
            "{}",
            verdict.findings[0].message
        );
        let assured = json!({"actions_taken": [{"action": "Called customer", "outcome": "Assured her of a replacement"}]});
        assert!(!run(&PromiseNotRecorded, &assured).passed());
    }
}
