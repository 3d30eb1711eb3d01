//! # `rubric/action-without-outcome`
//!
//! **What it checks.** That every entry of `actions_taken` says what happened: an action with
//! no `outcome`, or with one that says nothing ("didn't work", "no luck", "failed", "n/a"),
//! loses its share of the points.
//!
//! **Why it matters.** An action is only useful with its result: the receiving team needs to know
//! what you saw so it does not repeat the step, and the customer is not asked to do it again.
//!
//! **Example.** `{"action": "Cleared the cache", "outcome": "didn't work"}` → "Say what
//! happened after 'Cleared the cache' — 'didn't work' does not tell the next team what you saw."

use crate::diagnostic::{Severity, Source};
use crate::rubric::fields::{entry_text, quote};
use crate::rubric::registry::{Check, Finding, Input, Verdict};
use crate::rubric::word_lists::PhraseSet;
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/action-without-outcome",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That every entry of `actions_taken` says what happened: an action with no `outcome`, or an outcome that says nothing (\"didn't work\", \"no luck\", \"failed\"), loses its share of the points.",
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
        let mut judged = 0;
        let mut good = 0;
        let mut findings = Vec::new();
        for (index, entry) in input.fields.actions_taken.iter().enumerate() {
            // Entries without an action are the schema's to report.
            let Some(action) = entry_text(entry, "action") else {
                continue;
            };
            judged += 1;
            let outcome = entry_text(entry, "outcome");
            if outcome.is_some_and(|o| {
                o.chars().any(char::is_alphanumeric) && !USELESS_OUTCOMES.contains_text(o)
            }) {
                good += 1;
                continue;
            }
            let path = format!("/actions_taken/{index}/outcome");
            let hint = "Write what you saw: the error, the message, what changed or stayed the same. The receiving team uses it to avoid repeating the step.";
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
        Verdict::share(good, judged, findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::checks::testing::run;
    use serde_json::json;

    #[test]
    fn actions_with_results_pass() {
        let packet = json!({"actions_taken": [{"action": "Checked the invoice", "outcome": "Two identical charges of €49 on 3 Nov"}]});
        assert!(run(&ActionWithoutOutcome, &packet).passed());
        assert!(run(&ActionWithoutOutcome, &json!({})).passed());
    }

    #[test]
    fn missing_and_useless_outcomes_lose_their_share() {
        let packet = json!({"actions_taken": [
            {"action": "Restarted the router"},
            {"action": "Cleared the cache", "outcome": "Didn't work."},
            {"action": "Checked the status page", "outcome": "No incident listed"},
            {"action": "Tried again", "outcome": "  "},
            "not an object"
        ]});
        let verdict = run(&ActionWithoutOutcome, &packet);
        assert_eq!((verdict.earned, verdict.out_of), (1, 4));
        let paths: Vec<&str> = verdict.findings.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/actions_taken/0/outcome",
                "/actions_taken/1/outcome",
                "/actions_taken/3/outcome"
            ]
        );
        assert_eq!(verdict.findings[1].message, "Say what happened after 'Cleared the cache' — 'Didn't work.' does not tell the next team what you saw.");
    }

    #[test]
    fn a_specific_failure_is_an_outcome() {
        let packet = json!({"actions_taken": [{"action": "Reset the password", "outcome": "Didn't work: 'Token expired' on login"}]});
        assert!(run(&ActionWithoutOutcome, &packet).passed());
    }
}
