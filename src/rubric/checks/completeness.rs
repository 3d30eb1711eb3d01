//! # `rubric/completeness`
//!
//! **What it checks.** That the handoff carries the context the receiving team needs for its
//! scenario: a summary, what was already tried, the customer's mood, the outcome the customer
//! wants, next steps, documents and policy references, plus the scenario's own fields (the
//! invoice and amount for Finance, reproduction steps for Engineering, …). Each item has a
//! weight; the check earns the share of the weights that is present. A field the JSON Schema
//! already reported as missing costs its weight here too, but is not reported twice.
//!
//! *Decisions (`docs/scoring.md`).* The check always applies. A packet that names no scenario
//! is judged as strictly as the strictest scenario would judge it (the smallest share of any
//! scenario's items), with one finding asking for the scenario: without one the receiving
//! team does not know what kind of case it is, and removing the scenario must never raise the
//! score by dropping that scenario's items.
//!
//! **Why it matters.** One handoff in three loses critical context; a receiving team without it
//! goes back to the customer, who has to repeat themselves.
//!
//! **Example.** A `billing_to_finance` packet without `billing.charge_date` →
//! "Add the date of the charge." (hint: "It tells Finance which statement to look at.")
//!
//! Organisations add items or change weights per scenario in `rubric.completeness`; the
//! items, their weights and their labels are resolved in [`plan`](crate::rubric::plan).

use crate::diagnostic::{Severity, Source};
use crate::rubric::check::{Check, Finding, Input, Verdict};
use crate::rubric::plan::Lookups;
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/completeness",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That the handoff carries the context the receiving team needs for its scenario: summary, actions taken, customer mood, requested outcome, next steps, documents, policy references, and the scenario's own fields (invoice and amount for Finance, reproduction steps for Engineering, …), each weighted. A packet without a scenario is judged as strictly as the strictest scenario would judge it. A field the JSON Schema already reported as missing costs its weight but is not reported twice.",
    why: "One handoff in three loses critical context; a receiving team without it goes back to the customer, who has to repeat themselves.",
    example: "A `billing_to_finance` packet without `billing.charge_date` → \"Add the date of the charge.\"",
};

/// Looks for each expected field of the packet's scenario.
pub struct Completeness;

impl Check for Completeness {
    fn run(&self, input: &Input) -> Verdict {
        let plan = input.completeness;
        let scenario = input.scenario();
        let (mut earned, mut total) = (0, 0);
        let mut findings = Vec::new();
        let mut lookups = Lookups::default();
        for (item, weight) in plan.items(scenario) {
            total += weight;
            if item.is_present(&input.fields, &mut lookups) {
                earned += weight;
            } else {
                let (what, why) = (item.message.as_str(), item.hint.as_str());
                findings.push(Finding::absent(item.pointer.as_str(), what, why));
            }
        }
        if scenario.is_none() {
            // The strictest scenario's share: naming a scenario never lowers the score. Each
            // field is looked for once, however many scenarios list it.
            let shares = plan.shares(&mut |item| item.is_present(&input.fields, &mut lookups));
            // The first share is that of the items walked above (a packet of no scenario).
            for (e, t) in shares.into_iter().skip(1) {
                if u64::from(e) * u64::from(total) < u64::from(earned) * u64::from(t) {
                    (earned, total) = (e, t);
                }
            }
            findings.insert(0, Finding::absent(
                "/handoff/scenario",
                "Name the kind of handoff (the scenario, such as billing_to_finance or support_to_engineering).",
                "It tells the receiving team what kind of case this is, and which context it needs: a packet without one is judged against the strictest scenario.",
            ));
        }
        Verdict::share(earned, total, findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::plan::SCENARIO_ITEMS;
    use crate::rubric::testing::run;
    use serde_json::json;

    fn paths(verdict: &Verdict) -> Vec<&str> {
        verdict.findings.iter().map(|f| f.path.as_str()).collect()
    }

    #[test]
    fn a_full_base_packet_passes() {
        // A scenario with no items of its own is checked for the base items.
        let packet = json!({"handoff": {"scenario": "legal_review"}, "summary": "Charged twice for INV-1", "actions_taken": [{"action": "a"}],
            "customer": {"sentiment": "calm"}, "requested_outcome": "refund", "next_steps": [{"action": "b"}],
            "documents": [{"name": "x"}], "policy_refs": ["KB-1"]});
        let verdict = run(&Completeness, &packet);
        assert!(verdict.passed(), "{:?}", verdict.findings);
    }

    #[test]
    fn missing_items_lose_their_weight_with_a_reason() {
        let packet = json!({"handoff": {"scenario": "legal_review"}, "summary": "Charged twice for INV-1", "actions_taken": [], "customer": {}});
        let verdict = run(&Completeness, &packet);
        assert_eq!(
            paths(&verdict),
            [
                "/actions_taken",
                "/customer/sentiment",
                "/requested_outcome",
                "/next_steps",
                "/documents",
                "/policy_refs"
            ]
        );
        assert_eq!((verdict.earned, verdict.out_of), (3, 14));
        assert_eq!(
            verdict.findings[1].message,
            "Add how the customer feels (calm, neutral, concerned, frustrated or angry)."
        );
    }

    #[test]
    fn without_a_scenario_the_strictest_scenario_judges() {
        let base = json!({"summary": "Charged twice for INV-1", "actions_taken": [{"action": "a"}],
            "customer": {"sentiment": "calm"}, "requested_outcome": "refund", "next_steps": [{"action": "b"}],
            "documents": [{"name": "x"}], "policy_refs": ["KB-1"]});
        let verdict = run(&Completeness, &base);
        assert_eq!(paths(&verdict), ["/handoff/scenario"]);
        assert!(verdict.findings[0].missing);
        // The smallest share of any scenario: lower than the base items' share (all present)
        // and than any single scenario's.
        let share = |v: &Verdict| f64::from(v.earned) / f64::from(v.out_of);
        assert!(share(&verdict) < 1.0);
        for (scenario, _) in SCENARIO_ITEMS {
            let mut named = base.clone();
            named["handoff"] = json!({ "scenario": scenario });
            assert!(
                share(&verdict) <= share(&run(&Completeness, &named)),
                "{scenario}"
            );
        }
    }

    #[test]
    fn scenario_items_are_added() {
        let packet = json!({"handoff": {"scenario": "billing_to_finance"}, "billing": {"invoice_id": "INV-1", "amount": {"value": 1}}});
        let found = run(&Completeness, &packet);
        let found = paths(&found);
        assert!(found.contains(&"/billing/charge_date"));
        assert!(!found.contains(&"/billing/invoice_id"));
        assert!(!found.contains(&"/billing/amount"));
    }

    #[test]
    fn empty_red_flags_are_an_answer() {
        let packet =
            json!({"handoff": {"scenario": "sales_to_success"}, "account": {"red_flags": []}});
        assert!(!paths(&run(&Completeness, &packet)).contains(&"/account/red_flags"));
        let packet =
            json!({"handoff": {"scenario": "sales_to_success"}, "account": {"expectations": []}});
        assert!(paths(&run(&Completeness, &packet)).contains(&"/account/expectations"));
    }
}
