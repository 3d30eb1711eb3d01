//! # `rubric/urgency-below-sentiment`
//!
//! **What it checks.** That a frustrated or angry customer is not handed off as routine: when
//! `customer.sentiment` is at or above `rubric.thresholds.urgent_sentiment` (frustrated by
//! default) and `urgency` is `standard` or not set, the check fails.
//!
//! **Why it matters.** Urgency decides the receiving team's queue order and SLA policy; an angry
//! customer filed as standard waits behind routine cases and escalates further.
//!
//! **Example.** `customer.sentiment: "angry"`, `urgency: "standard"` → "The customer is angry
//! but the handoff is marked 'standard': mark it 'urgent' so the receiving team answers first."
//!
//! *Decision (`docs/scoring.md`).* The check always applies. Without a mood it cannot tell
//! whether the urgency is right, and the mood is information the receiving team needs, so
//! the check fails (`completeness` asks for the mood; no second diagnostic); a mood that is
//! not one of the five fails too. Were a missing mood "nothing to judge", deleting the angry
//! mood of a standard-urgency handoff would earn the points back.

use crate::diagnostic::{Severity, Source};
use crate::rubric::check::{Check, Finding, Input, Verdict};
use crate::rubric::settings::sentiment_rank;
use crate::rubric::wording::is_lowercase_of;
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/urgency-below-sentiment",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That a frustrated or angry customer is not handed off as routine: when `customer.sentiment` is at or above `thresholds.urgent_sentiment` (default frustrated) and `urgency` is `standard` or not set, the check fails. Without a known mood it fails too.",
    why: "Urgency decides the receiving team's queue order and SLA policy; an angry customer filed as standard waits behind routine cases and escalates further.",
    example: "`customer.sentiment: \"angry\"`, `urgency: \"standard\"` → \"The customer is angry but the handoff is marked 'standard': mark it 'urgent' so the receiving team answers first.\"",
};

/// Compares the urgency with the customer's mood.
pub struct UrgencyBelowSentiment;

impl Check for UrgencyBelowSentiment {
    fn run(&self, input: &Input) -> Verdict {
        const PATH: &str = "/customer/sentiment";
        let hint = "The receiving team sets its queue order and tone by the customer's mood and the urgency.";
        let Some(sentiment) = input.fields.sentiment else {
            return Verdict::missing(Finding::new(
                PATH,
                "Say how the customer feels (calm, neutral, concerned, frustrated or angry), so the urgency can be checked against it.",
                hint,
            ));
        };
        let Some(rank) = sentiment_rank(sentiment) else {
            let message = format!("'{}' is not a mood the receiving team's tools know: use calm, neutral, concerned, frustrated or angry.", crate::rubric::fields::quote(sentiment));
            return Verdict::missing(Finding::new(PATH, message, hint));
        };
        if rank < input.settings.thresholds.urgent_sentiment {
            return Verdict::pass();
        }
        let state = match input.fields.urgency {
            Some(urgency) if is_lowercase_of(urgency, "standard") => "is marked 'standard'",
            None => "has no urgency",
            Some(_) => return Verdict::pass(),
        };
        let mood = sentiment.trim().to_lowercase();
        Verdict::fail(vec![Finding::new(
            "/urgency",
            format!("The customer is {mood} but the handoff {state}: mark it 'urgent' so the receiving team answers first."),
            "Urgency sets the receiving team's queue order and deadline; an upset customer who waits behind routine cases escalates further.",
        )])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::testing::run;
    use serde_json::json;

    fn verdict(sentiment: &str, urgency: Option<&str>) -> Verdict {
        let mut packet = json!({"customer": {"sentiment": sentiment}});
        if let (Some(u), Some(obj)) = (urgency, packet.as_object_mut()) {
            obj.insert("urgency".into(), json!(u));
        }
        run(&UrgencyBelowSentiment, &packet)
    }

    #[test]
    fn upset_customers_need_urgency() {
        let angry = verdict("angry", Some("standard"));
        assert!(!angry.passed());
        assert_eq!(angry.findings[0].message, "The customer is angry but the handoff is marked 'standard': mark it 'urgent' so the receiving team answers first.");
        assert!(!verdict("frustrated", None).passed());
    }

    #[test]
    fn matching_urgency_or_calm_customers_pass() {
        assert!(verdict("angry", Some("urgent")).passed());
        assert!(verdict("frustrated", Some("executive")).passed());
        assert!(verdict("concerned", Some("standard")).passed());
        assert!(verdict("calm", None).passed());
    }

    #[test]
    fn a_missing_or_unknown_mood_fails() {
        let unknown = verdict("furious", Some("standard"));
        assert!(!unknown.passed());
        assert_eq!(unknown.findings[0].path, "/customer/sentiment");
        assert!(unknown.findings[0]
            .message
            .starts_with("'furious' is not a mood"));
        let missing = run(&UrgencyBelowSentiment, &json!({"urgency": "urgent"}));
        assert!(!missing.passed());
        assert!(missing.findings[0].missing);
    }
}
