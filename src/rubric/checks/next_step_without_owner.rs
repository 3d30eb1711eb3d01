//! # `rubric/next-step-without-owner`
//!
//! **What it checks.** That the next steps say who does them: each `next_steps` entry without
//! an `owner`, or with a placeholder one ("TBD", "someone", "?"), is reported, and the check
//! passes when at least one step has both an action and an owner (see *Decisions*).
//!
//! **Why it matters.** A next step without an owner is one nobody does; the customer waits while
//! each team assumes the other has it.
//!
//! **Example.** `{"action": "Refund the duplicate charge"}` → "Say who does 'Refund the
//! duplicate charge' — a next step without an owner is one nobody does."
//!
//! *Decisions (`docs/scoring.md`).* The check always applies. It passes when at least one next
//! step has an action and an owner, and fails otherwise — also when no next step is recorded
//! (missing information; `completeness` asks for the next steps, so there is no second
//! diagnostic). Other steps without an owner are reported as advice that costs nothing,
//! because deleting such a step must not raise the score.

use crate::diagnostic::{Severity, Source};
use crate::rubric::check::{Check, Finding, Input, Verdict};
use crate::rubric::fields::{entry_text, quote};
use crate::rubric::word_lists::PhraseSet;
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/next-step-without-owner",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That the next steps say who does them: every `next_steps` entry without an `owner`, or with a placeholder (\"TBD\", \"someone\", \"?\"), is reported; it passes when at least one step has an action and an owner, and fails otherwise, also without next steps.",
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
        // Whether one step has an action and its owner.
        let mut complete = false;
        let mut findings = Vec::new();
        let hint = "Name a person or the team that will do it; the customer waits while each team assumes the other has it.";
        for (index, step) in input.fields.next_steps.iter().enumerate() {
            let action = entry_text(step, "action");
            let owner = entry_text(step, "owner").filter(|owner| {
                owner.chars().any(char::is_alphanumeric) && !PLACEHOLDERS.contains_text(owner)
            });
            complete |= action.is_some() && owner.is_some();
            match (action, owner) {
                (Some(action), None) => findings.push(Finding::new(
                    format!("/next_steps/{index}/owner"),
                    format!(
                        "Say who does '{}' — a next step without an owner is one nobody does.",
                        quote(action)
                    ),
                    hint,
                )),
                (None, Some(owner)) => findings.push(Finding::absent(
                    format!("/next_steps/{index}/action"),
                    format!("Say what {} does next.", quote(owner)),
                    "A next step needs both: what happens, and who does it.",
                )),
                _ => {}
            }
        }
        if complete {
            // The others' findings remain, as advice.
            return Verdict::share(1, 1, findings);
        }
        if findings.is_empty() {
            return Verdict::missing(Finding::new(
                "/next_steps",
                "No next step is recorded: say what happens next, and who does it.",
                hint,
            ));
        }
        Verdict::fail(findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::testing::run;
    use serde_json::json;

    #[test]
    fn owned_steps_pass() {
        let packet = json!({"next_steps": [{"action": "Refund the duplicate charge", "owner": "Dana Kim"}, {"owner": "Dana"}]});
        assert!(run(&NextStepWithoutOwner, &packet).passed());
    }

    #[test]
    fn no_next_step_is_missing_information() {
        for packet in [
            json!({}),
            json!({"next_steps": "call back"}),
            json!({"next_steps": [1]}),
        ] {
            let verdict = run(&NextStepWithoutOwner, &packet);
            assert!(!verdict.passed(), "{packet}");
            assert!(verdict.findings[0].missing);
        }
    }

    #[test]
    fn unowned_steps_are_reported_and_cost_only_without_an_owned_one() {
        let packet = json!({"next_steps": [
            {"action": "Refund the duplicate charge"},
            {"action": "Confirm by e-mail", "owner": "Dana Kim"},
            {"action": "Close the ticket", "owner": "TBD"}
        ]});
        let verdict = run(&NextStepWithoutOwner, &packet);
        assert!(verdict.passed());
        assert_eq!(verdict.findings[0].path, "/next_steps/0/owner");
        assert_eq!(verdict.findings[0].message, "Say who does 'Refund the duplicate charge' — a next step without an owner is one nobody does.");
        assert_eq!(verdict.findings[1].path, "/next_steps/2/owner");
        let unowned = json!({"next_steps": [{"action": "Refund the duplicate charge"}, {"action": "Close", "owner": "?"}]});
        let verdict = run(&NextStepWithoutOwner, &unowned);
        assert_eq!((verdict.passed(), verdict.findings.len()), (false, 2));
        let owner_only = run(
            &NextStepWithoutOwner,
            &json!({"next_steps": [{"owner": "Dana"}]}),
        );
        assert!(!owner_only.passed());
        assert_eq!(owner_only.findings[0].path, "/next_steps/0/action");
    }
}
