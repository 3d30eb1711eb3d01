//! # `rubric/wrong-team`
//!
//! **What it checks.** That the receiving team (`handoff.to.team`) fits the scenario: a
//! `billing_to_finance` handoff goes to finance, `support_to_engineering` to engineering, and
//! so on (the bundle's `scenarios.<name>.teams` extends or overrides this map). Team words are
//! compared through the vocabulary, so "Accounts Receivable" fits finance.
//!
//! *Decisions (`docs/scoring.md`).* A packet that does not name the receiving team or the
//! scenario fails: both are information the receiving team needs (and removing either must not
//! earn back the points a wrong team lost). A scenario for which no teams are known (an
//! organisation's own scenario without `teams`) is the one case where the check cannot apply:
//! it is not applicable, and says so.
//!
//! **Why it matters.** Wrong category, wrong team: a case sent to the wrong queue waits there,
//! comes back and starts over — the most expensive handoff there is.
//!
//! **Example.** `scenario: "billing_to_finance"`, `to.team: "engineering"` → "A
//! billing_to_finance handoff goes to finance, not 'engineering': send it to finance, or pick
//! the scenario that fits the case."

use crate::diagnostic::{Severity, Source};
use crate::rubric::check::{Check, Finding, Input, Verdict};
use crate::rubric::fields::quote;
use crate::rubric::routing::Routing;
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/wrong-team",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That the receiving team (`handoff.to.team`) fits the scenario: `billing_to_finance` goes to finance, `support_to_engineering` to engineering, and so on; the bundle's `scenarios.<name>.teams` extends or overrides this map. Team words are compared through the vocabulary. A packet without a receiving team or a scenario fails; a scenario with no known teams is not applicable.",
    why: "Wrong category, wrong team: a case sent to the wrong queue waits there, comes back and starts over — the most expensive handoff there is.",
    example: "`scenario: \"billing_to_finance\"`, `to.team: \"engineering\"` → \"A billing_to_finance handoff goes to finance, not 'engineering': send it to finance, or pick the scenario that fits the case.\"",
};

/// Compares the receiving team with the scenario's teams.
pub struct WrongTeam;

impl Check for WrongTeam {
    fn run(&self, input: &Input) -> Verdict {
        let hint =
            "A case sent to the wrong team waits in their queue, comes back and starts over.";
        let Some(team) = input.fields.to_team else {
            return Verdict::missing(Finding::new(
                "/handoff/to/team",
                "Say which team receives the case.",
                hint,
            ));
        };
        let Some(scenario) = input.scenario() else {
            return Verdict::missing(Finding::new(
                "/handoff/scenario",
                "Name the kind of handoff (the scenario), so the receiving team can be checked against it.",
                hint,
            ));
        };
        let allowed = input.routing.teams(scenario).unwrap_or_default();
        let Some((last, rest)) = allowed.split_last() else {
            return Verdict::not_applicable(format!(
                "No teams are known for the scenario '{}', so the receiving team cannot be checked.",
                quote(scenario)
            ));
        };
        if Routing::fits(team, allowed, input.vocabulary) {
            return Verdict::pass();
        }
        let teams = if rest.is_empty() {
            last.clone()
        } else {
            format!("{} or {last}", rest.join(", "))
        };
        let message = format!(
            "A {} handoff goes to {teams}, not '{}': send it to {teams}, or pick the scenario that fits the case.",
            input.routing.title(scenario),
            quote(team)
        );
        Verdict::fail(vec![Finding::new("/handoff/to/team", message, hint)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::testing::run;
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
    }

    #[test]
    fn unknown_routing_is_not_applicable_and_missing_fields_fail() {
        let legal = verdict("legal_review", "anyone");
        assert!(!legal.applies);
        assert_eq!(
            legal.reason.as_deref(),
            Some("No teams are known for the scenario 'legal_review', so the receiving team cannot be checked.")
        );
        let no_scenario = run(&WrongTeam, &json!({"handoff": {"to": {"team": "finance"}}}));
        assert_eq!(no_scenario.findings[0].path, "/handoff/scenario");
        assert!(!no_scenario.passed());
        let no_team = run(
            &WrongTeam,
            &json!({"handoff": {"scenario": "legal_review"}}),
        );
        assert_eq!(no_team.findings[0].path, "/handoff/to/team");
        assert!(no_team.findings[0].missing);
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
