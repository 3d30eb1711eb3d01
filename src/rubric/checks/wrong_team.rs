//! # `rubric/wrong-team`
//!
//! **What it checks.** That the receiving team (`handoff.to.team`) fits the scenario: a
//! `billing_to_finance` handoff goes to finance, `support_to_engineering` to engineering, and
//! so on (the bundle's `scenarios.<name>.teams` extends or overrides this map). Team words are
//! compared through the vocabulary, so "Accounts Receivable" fits finance. A scenario with no
//! known teams, or a packet without scenario or team, is not judged.
//!
//! **Why it matters.** Wrong category, wrong team: a case sent to the wrong queue waits there,
//! comes back and starts over — the most expensive handoff there is.
//!
//! **Example.** `scenario: "billing_to_finance"`, `to.team: "engineering"` → "A
//! billing_to_finance handoff goes to finance, not 'engineering': send it to finance, or pick
//! the scenario that fits the case."

use crate::diagnostic::{Severity, Source};
use crate::rubric::fields::quote;
use crate::rubric::registry::{Check, Finding, Input, Verdict};
use crate::rubric::routing::Routing;
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/wrong-team",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That the receiving team (`handoff.to.team`) fits the scenario: `billing_to_finance` goes to finance, `support_to_engineering` to engineering, and so on; the bundle's `scenarios.<name>.teams` extends or overrides this map. Team words are compared through the vocabulary.",
    why: "Wrong category, wrong team: a case sent to the wrong queue waits there, comes back and starts over — the most expensive handoff there is.",
    example: "`scenario: \"billing_to_finance\"`, `to.team: \"engineering\"` → \"A billing_to_finance handoff goes to finance, not 'engineering': send it to finance, or pick the scenario that fits the case.\"",
};

/// Compares the receiving team with the scenario's teams.
pub struct WrongTeam;

impl Check for WrongTeam {
    fn run(&self, input: &Input) -> Verdict {
        let (Some(scenario), Some(team)) = (input.scenario(), input.fields.to_team) else {
            return Verdict::pass();
        };
        let Some(allowed) = input.routing.teams(scenario) else {
            return Verdict::pass();
        };
        if Routing::fits(team, allowed, input.vocabulary) {
            return Verdict::pass();
        }
        let teams = match allowed.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => return Verdict::pass(),
        };
        let message = format!(
            "A {} handoff goes to {teams}, not '{}': send it to {teams}, or pick the scenario that fits the case.",
            input.routing.title(scenario),
            quote(team)
        );
        Verdict::fail(vec![Finding::new(
            "/handoff/to/team",
            message,
            "A case sent to the wrong team waits in their queue, comes back and starts over.",
        )])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::checks::testing::run;
    use serde_json::json;

    fn verdict(scenario: &str, team: &str) -> Verdict {
        run(
            &WrongTeam,
            &json!({"handoff": {"scenario": scenario, "to": {"team": team}}}),
        )
    }

    #[test]
    fn fitting_teams_pass() {
        assert!(verdict("billing_to_finance", "finance").passed());
        assert!(verdict("billing_to_finance", "Accounts Receivable").passed());
        assert!(verdict("voice_to_chat", "chat support").passed());
        assert!(verdict("legal_review", "anyone").passed());
        assert!(run(&WrongTeam, &json!({"handoff": {"to": {"team": "finance"}}})).passed());
    }

    #[test]
    fn other_teams_fail() {
        let wrong = verdict("billing_to_finance", "engineering");
        assert!(!wrong.passed());
        assert_eq!(wrong.findings[0].path, "/handoff/to/team");
        assert_eq!(wrong.findings[0].message, "A billing_to_finance handoff goes to finance, not 'engineering': send it to finance, or pick the scenario that fits the case.");
        assert!(!verdict("support_to_engineering", "tier 2").passed());
    }
}
