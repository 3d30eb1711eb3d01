//! # `rubric/customer-not-informed`
//!
//! **What it checks.** That the customer was told about the handoff:
//! `customer.informed_of_handoff` must be `true` for a transfer. `false` is a silent transfer;
//! a missing answer fails too (the receiving team cannot know what the customer expects). A
//! `consult` (`handoff.mode: "consult"`) keeps the case with you, so the check does not apply
//! to it — unless the customer was told anyway, which passes.
//!
//! *Decision (`docs/scoring.md`).* Not applicable only for a consult whose customer was not
//! (or not said to be) told. Removing `mode: "consult"` turns such a packet into a transfer that
//! fails the check; removing `informed_of_handoff: true` from a consult takes it from passed to
//! not applicable. Both only ever lower the score, which is why a consult with a told customer
//! passes rather than being not applicable.
//!
//! **Why it matters.** A customer who was not told hears from a stranger, or from nobody, and has
//! to explain everything again; the receiving team starts on the back foot.
//!
//! **Example.** `customer.informed_of_handoff: false` → "The customer was not told about this
//! handoff: tell them who takes over and when they will hear back, then mark it."

use crate::diagnostic::{Severity, Source};
use crate::rubric::check::{Check, Finding, Input, Verdict};
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/customer-not-informed",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That the customer was told about the handoff: `customer.informed_of_handoff` must be `true` for a transfer. `false` is a silent transfer, and a missing answer fails too. A `consult` (`handoff.mode: \"consult\"`) keeps the case with you: the check does not apply to it, unless the customer was told anyway (then it passes).",
    why: "A customer who was not told hears from a stranger, or from nobody, and has to explain everything again; the receiving team starts on the back foot.",
    example: "`customer.informed_of_handoff: false` → \"The customer was not told about this handoff: tell them who takes over and when they will hear back, then mark it.\"",
};

/// Checks that the transfer was announced to the customer.
pub struct CustomerNotInformed;

impl Check for CustomerNotInformed {
    fn run(&self, input: &Input) -> Verdict {
        const PATH: &str = "/customer/informed_of_handoff";
        let informed = input.fields.informed_of_handoff.and_then(|v| v.as_bool());
        let consult = input
            .fields
            .mode
            .is_some_and(|m| m.eq_ignore_ascii_case("consult"));
        let hint = "Tell the customer who takes over and when they will hear back; a silent transfer makes them repeat their story to a stranger.";
        match informed {
            Some(true) => Verdict::pass(),
            _ if consult => Verdict::not_applicable(
                "A consult keeps the case with you: the customer need not be told about it.",
            ),
            Some(false) => Verdict::fail(vec![Finding::new(PATH, "The customer was not told about this handoff: tell them who takes over and when they will hear back, then mark it.", hint)]),
            None => Verdict::missing(Finding::new(PATH, "Say whether the customer was told about this handoff.", hint)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::testing::run;
    use serde_json::json;

    #[test]
    fn informed_customers_pass_and_consults_do_not_apply() {
        assert!(run(
            &CustomerNotInformed,
            &json!({"customer": {"informed_of_handoff": true}})
        )
        .passed());
        assert!(run(
            &CustomerNotInformed,
            &json!({"handoff": {"mode": "Consult"}, "customer": {"informed_of_handoff": true}})
        )
        .passed());
        for customer in [json!({"informed_of_handoff": false}), json!({})] {
            let verdict = run(
                &CustomerNotInformed,
                &json!({"handoff": {"mode": "consult"}, "customer": customer}),
            );
            assert!(!verdict.applies);
            assert!(verdict.reason.is_some_and(|r| r.starts_with("A consult")));
        }
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
