//! # `rubric/customer-not-informed`
//!
//! **What it checks.** That the customer was told about the handoff:
//! `customer.informed_of_handoff` must be `true` for a transfer. `false` is a silent transfer;
//! a missing answer fails too (the receiving team cannot know what the customer expects). A
//! `consult` (`handoff.mode: "consult"`) keeps the case with you, so it is not judged.
//!
//! **Why it matters.** A customer who was not told hears from a stranger, or from nobody, and has
//! to explain everything again; the receiving team starts on the back foot.
//!
//! **Example.** `customer.informed_of_handoff: false` → "The customer was not told about this
//! handoff: tell them who takes over and when they will hear back, then mark it."

use crate::diagnostic::{Severity, Source};
use crate::rubric::registry::{Check, Finding, Input, Verdict};
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/customer-not-informed",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That the customer was told about the handoff: `customer.informed_of_handoff` must be `true` for a transfer. `false` is a silent transfer, and a missing answer fails too. A `consult` (`handoff.mode: \"consult\"`) keeps the case with you and is not judged.",
    why: "A customer who was not told hears from a stranger, or from nobody, and has to explain everything again; the receiving team starts on the back foot.",
    example: "`customer.informed_of_handoff: false` → \"The customer was not told about this handoff: tell them who takes over and when they will hear back, then mark it.\"",
};

/// Checks that the transfer was announced to the customer.
pub struct CustomerNotInformed;

impl Check for CustomerNotInformed {
    fn run(&self, input: &Input) -> Verdict {
        const PATH: &str = "/customer/informed_of_handoff";
        if input
            .fields
            .mode
            .is_some_and(|m| m.eq_ignore_ascii_case("consult"))
        {
            return Verdict::pass();
        }
        let hint = "Tell the customer who takes over and when they will hear back; a silent transfer makes them repeat their story to a stranger.";
        match input.fields.informed_of_handoff.and_then(|v| v.as_bool()) {
            Some(true) => Verdict::pass(),
            Some(false) => Verdict::fail(vec![Finding::new(PATH, "The customer was not told about this handoff: tell them who takes over and when they will hear back, then mark it.", hint)]),
            _ => Verdict::fail(vec![Finding::new(PATH, "Say whether the customer was told about this handoff.", hint)]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::checks::testing::run;
    use serde_json::json;

    #[test]
    fn informed_customer_and_consults_pass() {
        assert!(run(
            &CustomerNotInformed,
            &json!({"customer": {"informed_of_handoff": true}})
        )
        .passed());
        assert!(run(
            &CustomerNotInformed,
            &json!({"handoff": {"mode": "consult"}, "customer": {"informed_of_handoff": false}})
        )
        .passed());
    }

    #[test]
    fn silent_or_unknown_transfers_fail() {
        let silent = run(
            &CustomerNotInformed,
            &json!({"customer": {"informed_of_handoff": false}}),
        );
        assert!(!silent.passed());
        assert!(silent.findings[0]
            .message
            .starts_with("The customer was not told"));
        let unknown = run(
            &CustomerNotInformed,
            &json!({"handoff": {"mode": "transfer"}}),
        );
        assert_eq!(unknown.findings[0].path, "/customer/informed_of_handoff");
        assert!(!run(
            &CustomerNotInformed,
            &json!({"customer": {"informed_of_handoff": "yes"}})
        )
        .passed());
    }
}
