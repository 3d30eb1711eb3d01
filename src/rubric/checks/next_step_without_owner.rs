//! # `rubric/next-step-without-owner`
//!
//! **What it checks.** That every next step says who does it: a `next_steps` entry without an
//! `owner`, or with a placeholder one ("TBD", "someone", "?"), loses its share of the points.
//!
//! **Why it matters.** A next step without an owner is one nobody does; the customer waits while
//! each team assumes the other has it.
//!
//! **Example.** `{"action": "Refund the duplicate charge"}` → "Say who does 'Refund the
//! duplicate charge' — a next step without an owner is one nobody does."

use crate::diagnostic::{Severity, Source};
use crate::rubric::fields::{entry_text, quote};
use crate::rubric::registry::{Check, Finding, Input, Verdict};
use crate::rubric::word_lists::PhraseSet;
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/next-step-without-owner",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That every next step says who does it: a `next_steps` entry without an `owner`, or with a placeholder (\"TBD\", \"someone\", \"?\"), loses its share of the points.",
    why: "A next step without an owner is one nobody does; the customer waits while each team assumes the other has it.",
    example: "`{\"action\": \"Refund the duplicate charge\"}` → \"Say who does 'Refund the duplicate charge' — a next step without an owner is one nobody does.\"",
};

/// Checks each next step's owner.
pub struct NextStepWithoutOwner;

#[rustfmt::skip]
static PLACEHOLDERS: PhraseSet = PhraseSet::new(&[
    "tbd", "tba", "tbc", "n/a", "na", "none", "someone", "somebody", "anyone", "unknown",
    "unassigned", "whoever", "todo", "x",
]);

impl Check for NextStepWithoutOwner {
    fn run(&self, input: &Input) -> Verdict {
        let mut judged = 0;
        let mut good = 0;
        let mut findings = Vec::new();
        for (index, step) in input.fields.next_steps.iter().enumerate() {
            let Some(action) = entry_text(step, "action") else {
                continue;
            };
            judged += 1;
            match entry_text(step, "owner") {
                Some(owner) if owner.chars().any(char::is_alphanumeric) && !PLACEHOLDERS.contains_text(owner) => good += 1,
                _ => findings.push(Finding::new(
                    format!("/next_steps/{index}/owner"),
                    format!("Say who does '{}' — a next step without an owner is one nobody does.", quote(action)),
                    "Name a person or the team that will do it; the customer waits while each team assumes the other has it.",
                )),
            }
        }
        Verdict::share(good, judged, findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::checks::testing::run;
    use serde_json::json;

    #[test]
    fn owned_steps_pass() {
        let packet = json!({"next_steps": [{"action": "Refund the duplicate charge", "owner": "Dana Kim"}, {"owner": "Dana"}]});
        assert!(run(&NextStepWithoutOwner, &packet).passed());
        assert!(run(&NextStepWithoutOwner, &json!({"next_steps": "call back"})).passed());
    }

    #[test]
    fn unowned_steps_lose_their_share() {
        let packet = json!({"next_steps": [
            {"action": "Refund the duplicate charge"},
            {"action": "Confirm by e-mail", "owner": "Dana Kim"},
            {"action": "Close the ticket", "owner": "TBD"}
        ]});
        let verdict = run(&NextStepWithoutOwner, &packet);
        assert_eq!((verdict.earned, verdict.out_of), (1, 3));
        assert_eq!(verdict.findings[0].path, "/next_steps/0/owner");
        assert_eq!(verdict.findings[0].message, "Say who does 'Refund the duplicate charge' — a next step without an owner is one nobody does.");
        assert_eq!(verdict.findings[1].path, "/next_steps/2/owner");
    }
}
