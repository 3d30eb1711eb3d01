//! # `rubric/vague-summary`
//!
//! **What it checks.** That the summary says *what* is wrong. It fails when the summary leans
//! on a vague phrase ("not working", "has an issue", "see above", "as discussed") or is only a
//! few words long (`rubric.thresholds.summary_min_words`, 5 by default) *and* names nothing
//! specific: no amount, number or id, date, quoted error text, URL, or product name.
//!
//! **Why it matters.** The receiving team reads the summary first and often only; they cannot "see
//! above", were not there when it was "discussed", and will have to ask.
//!
//! **Example.** `summary: "Customer says it's not working, see above"` → "The summary says
//! 'not working' but not what exactly: add the specifics — …"
//!
//! *Decision (`docs/scoring.md`).* The check always applies: a packet without a summary fails
//! it (the summary is missing information, not "nothing to inspect"); `completeness` already
//! asks for the summary, so there is no second diagnostic.

use crate::diagnostic::{Severity, Source};
use crate::rubric::check::{Check, Finding, Input, Verdict};
use crate::rubric::fields::quote;
use crate::rubric::word_lists::PhraseList;
use crate::rubric::wording::has_specifics;
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/vague-summary",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That the summary says what is wrong: it fails when the summary leans on a vague phrase (\"not working\", \"has an issue\", \"see above\", \"as discussed\") or is only a few words long (`thresholds.summary_min_words`, default 5), and names nothing specific — no amount, number or id, date, quoted error text, URL or product name. A handoff without a summary fails it.",
    why: "The receiving team reads the summary first and often only; they cannot \"see above\", were not there when it was \"discussed\", and will have to ask.",
    example: "`summary: \"Customer says it's not working, see above\"` → \"The summary says 'not working' but not what exactly: add the specifics — …\"",
};

/// Checks the summary for specifics.
pub struct VagueSummary;

/// Phrases that stand in for a description; longer ones first so the message quotes them whole.
#[rustfmt::skip]
static VAGUE_PHRASES: PhraseList = PhraseList::new(&[
    "doesn't work properly", "something is wrong", "is not working", "isn't working", "not working",
    "doesn't work", "does not work", "has an issue", "has issues", "has a problem", "having issues",
    "having problems", "having trouble", "an issue with", "a problem with", "issue with",
    "problem with", "see above", "see below", "see ticket", "see notes", "see thread",
    "see history", "as discussed", "as mentioned", "as per", "same as before", "same issue",
    "something wrong", "needs help", "need help", "please help", "please check", "please advise",
    "please look", "broken", "weird", "strange", "an error", "errors", "error",
]);

impl Check for VagueSummary {
    fn run(&self, input: &Input) -> Verdict {
        let Some(summary) = &input.fields.summary else {
            return Verdict::missing(Finding::new(
                "/summary",
                "There is no summary: say in a sentence or two what is wrong, with one specific (an amount, a number, the error text, a date or the product).",
                "The receiving team reads the summary first, and often only the summary.",
            ));
        };
        if has_specifics(summary) {
            return Verdict::pass();
        }
        let summary_words = summary.words();
        let hint = "The receiving team reads only this: they cannot 'see above' or know what was discussed. One specific detail saves them a round trip to the customer.";
        if let Some(phrase) = VAGUE_PHRASES.find(summary_words) {
            let message = format!("The summary says '{phrase}' but not what exactly: add the specifics — the amount, the invoice or order number, the error text, the date, the product or the step that fails.");
            return Verdict::fail(vec![Finding::new("/summary", message, hint)]);
        }
        if summary_words.len() < input.settings.thresholds.summary_min_words {
            let message = format!("The summary '{}' is too short to act on: say what is wrong with what, with one specific (an amount, a number, the error text, a date or the product).", quote(summary.as_str()));
            return Verdict::fail(vec![Finding::new("/summary", message, hint)]);
        }
        Verdict::pass()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::testing::run;
    use serde_json::json;

    fn verdict_for(summary: &str) -> Verdict {
        run(&VagueSummary, &json!({ "summary": summary }))
    }

    #[test]
    fn specific_summaries_pass() {
        for summary in [
            "Customer was charged twice (€49.00) for invoice INV-2211 on 3 November.",
            "Export to PDF fails with \"Quota exceeded\" since this morning's update.",
            "Login not working in the iOS app after the password reset email.",
            "Customer wants to cancel the annual plan because the team shrank to two people.",
        ] {
            assert!(verdict_for(summary).passed(), "{summary}");
        }
    }

    #[test]
    fn no_summary_fails_as_missing_information() {
        for packet in [json!({}), json!({"summary": "  "}), json!({"summary": 3})] {
            let verdict = run(&VagueSummary, &packet);
            assert!(!verdict.passed(), "{packet}");
            assert!(verdict.findings[0].missing);
            assert_eq!(verdict.findings[0].path, "/summary");
        }
    }

    #[test]
    fn vague_and_short_summaries_fail() {
        let verdict = verdict_for("Customer says it's not working, see above");
        assert!(!verdict.passed());
        assert!(verdict.findings[0]
            .message
            .starts_with("The summary says 'not working' but not what exactly"));
        assert!(!verdict_for("as discussed, please check").passed());
        let short = verdict_for("billing question");
        assert!(short.findings[0]
            .message
            .starts_with("The summary 'billing question' is too short"));
    }
}
