//! # `rubric/action-without-outcome`
//!
//! **What it checks.** That the actions taken say what happened: each entry of
//! `actions_taken` with no `outcome`, or with one that says nothing ("didn't work", "no luck",
//! "failed", "n/a"), is reported, and the check passes when at least one action says what
//! happened (see *Decisions*).
//!
//! **Why it matters.** An action is only useful with its result: the receiving team needs to know
//! what you saw so it does not repeat the step, and the customer is not asked to do it again.
//!
//! **Example.** `{"action": "Cleared the cache", "outcome": "didn't work"}` → "Say what
//! happened after 'Cleared the cache' — 'didn't work' does not tell the next team what you saw."
//!
//! *Decisions (`docs/scoring.md`).* The check always applies. It passes when at least one
//! action says what happened, and fails otherwise — also when no action is recorded (missing
//! information; `completeness` asks for the actions, so there is no second diagnostic). Every
//! other action without its outcome is still reported, as advice that costs nothing: removing
//! such an action must not raise the score, so keeping it cannot cost more than leaving it
//! out. (A share "2 of 3 actions with an outcome" would rise to "2 of 2" when the third is
//! deleted.) Listing actions without outcomes earns nothing here: `completeness` already
//! credits the list; this check is about what the actions showed.

use crate::diagnostic::{Severity, Source};
use crate::rubric::check::{Check, Finding, Input, Verdict};
use crate::rubric::fields::{entry_text, quote};
use crate::rubric::word_lists::PhraseSet;
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/action-without-outcome",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That the actions taken say what happened: it passes when at least one action has an `outcome` that says something (\"didn't work\", \"no luck\", \"failed\" say nothing), and fails otherwise, also when no action is recorded. Every action without an outcome is reported.",
    why: "An action is only useful with its result: the receiving team needs to know what you saw so it does not repeat the step, and the customer is not asked to do it again.",
    example: "`{\"action\": \"Cleared the cache\", \"outcome\": \"didn't work\"}` → \"Say what happened after 'Cleared the cache' — 'didn't work' does not tell the next team what you saw.\"",
};

/// Checks each action's outcome.
pub struct ActionWithoutOutcome;

/// Outcomes that say nothing about what was observed.
#[rustfmt::skip]
static USELESS_OUTCOMES: PhraseSet = PhraseSet::new(&[
    "didn't work", "did not work", "doesn't work", "does not work", "not working", "no luck",
    "no change", "nothing", "nothing happened", "failed", "fail", "unsuccessful", "no", "no result",
    "no results", "didn't help", "did not help", "no joy", "same", "same issue", "same problem",
    "still broken", "still not working", "still the same", "n/a", "na", "none", "tbd", "unknown",
    "done", "ok", "okay", "tried", "see above", "see notes", "as expected",
]);

impl Check for ActionWithoutOutcome {
    fn run(&self, input: &Input) -> Verdict {
        // Whether one action says what happened, and whether any action is listed at all.
        let (mut complete, mut listed) = (false, false);
        let mut findings = Vec::new();
        let hint = "Write what you saw: the error, the message, what changed or stayed the same. The receiving team uses it to avoid repeating the step.";
        for (index, entry) in input.fields.actions_taken.iter().enumerate() {
            let action = entry_text(entry, "action");
            let outcome = entry_text(entry, "outcome");
            let said = outcome.filter(|o| {
                o.chars().any(char::is_alphanumeric) && !USELESS_OUTCOMES.contains_text(o)
            });
            complete |= action.is_some() && said.is_some();
            listed |= action.is_some();
            let Some(action) = action else {
                if let Some(outcome) = said {
                    let message = format!("Say what you did that led to '{}'.", quote(outcome));
                    let path = format!("/actions_taken/{index}/action");
                    findings.push(Finding::absent(path, message, hint));
                }
                continue;
            };
            if said.is_some() {
                continue;
            }
            let path = format!("/actions_taken/{index}/outcome");
            let message = match outcome {
                None => format!("Say what happened when you did '{}'.", quote(action)),
                Some(outcome) => format!(
                    "Say what happened after '{}' — '{}' does not tell the next team what you saw.",
                    quote(action),
                    quote(outcome)
                ),
            };
            findings.push(Finding::new(path, message, hint));
        }
        if complete {
            // The others' findings remain, as advice.
            return Verdict::share(1, 1, findings);
        }
        if !listed && findings.is_empty() {
            return Verdict::missing(Finding::new(
                "/actions_taken",
                "No action taken is recorded: say what you already tried, each with its result.",
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
    fn actions_with_results_pass() {
        let packet = json!({"actions_taken": [{"action": "Checked the invoice", "outcome": "Two identical charges of €49 on 3 Nov"}]});
        assert!(run(&ActionWithoutOutcome, &packet).passed());
    }

    #[test]
    fn no_action_recorded_is_missing_information() {
        for packet in [
            json!({}),
            json!({"actions_taken": []}),
            json!({"actions_taken": ["not an object", {}]}),
        ] {
            let verdict = run(&ActionWithoutOutcome, &packet);
            assert_eq!((verdict.earned, verdict.out_of), (0, 1), "{packet}");
            assert!(verdict.findings[0].missing);
            assert_eq!(verdict.findings[0].path, "/actions_taken");
        }
    }

    #[test]
    fn one_action_with_its_result_passes_and_the_others_are_advice() {
        let packet = json!({"actions_taken": [
            {"action": "Restarted the router"},
            {"action": "Cleared the cache", "outcome": "Didn't work."},
            {"action": "Tried again", "outcome": "  "},
            "not an object"
        ]});
        let verdict = run(&ActionWithoutOutcome, &packet);
        assert!(!verdict.passed());
        let paths: Vec<&str> = verdict.findings.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/actions_taken/0/outcome",
                "/actions_taken/1/outcome",
                "/actions_taken/2/outcome"
            ]
        );
        assert_eq!(verdict.findings[1].message, "Say what happened after 'Cleared the cache' — 'Didn't work.' does not tell the next team what you saw.");
        // One action with its result earns full points; the others remain as advice.
        let mut with_result = packet.clone();
        with_result["actions_taken"][3] =
            json!({"action": "Checked the status page", "outcome": "No incident listed"});
        let verdict = run(&ActionWithoutOutcome, &with_result);
        assert!(verdict.passed());
        assert_eq!(verdict.findings.len(), 3);
    }

    #[test]
    fn an_outcome_without_its_action_fails_with_a_reason() {
        let packet = json!({"actions_taken": [{"outcome": "Customer accepted the explanation"}]});
        let verdict = run(&ActionWithoutOutcome, &packet);
        assert!(!verdict.passed());
        assert_eq!(verdict.findings[0].path, "/actions_taken/0/action");
    }

    #[test]
    fn a_specific_failure_is_an_outcome() {
        let packet = json!({"actions_taken": [{"action": "Reset the password", "outcome": "Didn't work: 'Token expired' on login"}]});
        assert!(run(&ActionWithoutOutcome, &packet).passed());
    }
}
