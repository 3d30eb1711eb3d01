//! # `rubric/late-handoff`
//!
//! **What it checks.** That the handoff happened within the handoff-completion target
//! (`rubric.thresholds.handoff_minutes`, 30 minutes by default). The clock starts at the
//! customer's last message before the handoff (`customer.last_message_at`): that is how long
//! the customer has been waiting for the case to move. Without such a message it starts when
//! the ticket was opened (`ticket.opened_at`). It stops at `handoff.at`. Time is counted in the
//! receiving team's business minutes when the SLA engine has a calendar for it, else in
//! elapsed minutes.
//!
//! *Decision:* the later of the two start times wins, so an old ticket that the customer
//! revived ten minutes ago is judged on those ten minutes, not on its age — the target is
//! about how fast an agent hands off once the case needs another team.
//!
//! *Decision (`docs/scoring.md`).* The check always applies. Without a `handoff.at`, or without
//! a start before it (`customer.last_message_at` or `ticket.opened_at`), it cannot measure, and
//! both are information the receiving team needs (its own deadline counts from them), so it
//! fails. Were they "nothing to judge", deleting the time of a late handoff would earn the
//! points back.
//!
//! **Why it matters.** Every minute between "this needs another team" and the handoff is a minute
//! the customer waits with nobody on the case, and it eats into the customer-facing deadline the
//! receiving team must still meet.
//!
//! **Example.** Last customer message 09:00, `handoff.at` 11:15 → "This handoff came 2 h 15
//! min after the customer's last message; the target is 30 minutes."

use crate::diagnostic::{Severity, Source};
use crate::rubric::check::{Check, Finding, Input, Verdict};
use crate::rubric::fields::quote;
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/late-handoff",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That the handoff happened within the handoff-completion target (`thresholds.handoff_minutes`, default 30), counted from the customer's last message before the handoff (`customer.last_message_at`) or, without one, from the ticket's opening (`ticket.opened_at`), to `handoff.at` — in the receiving team's business minutes when a calendar applies, else in elapsed minutes. Without those times it fails.",
    why: "Every minute between \"this needs another team\" and the handoff is a minute the customer waits with nobody on the case, and it eats into the customer-facing deadline the receiving team must still meet.",
    example: "Last customer message 09:00, `handoff.at` 11:15 → \"This handoff came 2 h 15 min after the customer's last message; the target is 30 minutes.\"",
};

/// Measures the time to hand off.
pub struct LateHandoff;

impl Check for LateHandoff {
    fn run(&self, input: &Input) -> Verdict {
        let fields = &input.fields;
        let Some(at) = instant(fields.handoff_at) else {
            let message = match fields.handoff_at {
                Some(text) => format!("'{}' is not a date and time: say when the handoff happened, with a time zone, so the time to hand off can be measured.", quote(text)),
                None => "Say when the handoff happened (a date and time with a time zone), so the time to hand off can be measured.".to_string(),
            };
            return Verdict::missing(Finding::new("/handoff/at", message, HINT));
        };
        let starts = [
            ("the customer's last message", fields.last_message_at),
            ("the ticket was opened", fields.opened_at),
        ];
        let Some((since, start)) = starts
            .into_iter()
            .filter_map(|(since, text)| instant(text).map(|t| (since, t)))
            .filter(|(_, t)| *t <= at)
            .max_by_key(|(_, t)| *t)
        else {
            return Verdict::missing(Finding::new(
                "/ticket/opened_at",
                "Say when the ticket was opened (or when the customer last wrote, before the handoff), so the time to hand off can be measured.",
                HINT,
            ));
        };
        let business = input
            .business_minutes
            .and_then(|measure| measure(start, at));
        let minutes = business.unwrap_or_else(|| (at - start) / 60);
        let target = input.settings.thresholds.handoff_minutes;
        if minutes <= target {
            return Verdict::pass();
        }
        let measure = if business.is_some() {
            " of business time"
        } else {
            ""
        };
        let message = format!(
            "This handoff came {}{measure} after {since}; the target is {target} minutes.",
            duration(minutes)
        );
        Verdict::fail(vec![Finding::new("/handoff/at", message, HINT)])
    }
}

const HINT: &str = "Hand off as soon as you know another team must act: the customer has been waiting all along, and the receiving team still has to meet the customer's deadline.";

/// The instant of an RFC 3339 field (Unix seconds), when it parses. Instants are compared to
/// the second: a fraction of a second changes no minute count.
fn instant(value: Option<&str>) -> Option<i64> {
    crate::sla::parse_instant(value?)
}

/// "45 min", "2 h 15 min", "3 h".
fn duration(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::testing::{run, run_with};
    use serde_json::json;

    fn packet(opened: &str, last: Option<&str>, at: &str) -> serde_json::Value {
        let mut packet =
            json!({"ticket": {"opened_at": opened}, "handoff": {"at": at}, "customer": {}});
        if let (Some(last), Some(customer)) = (
            last,
            packet
                .pointer_mut("/customer")
                .and_then(|c| c.as_object_mut()),
        ) {
            customer.insert("last_message_at".into(), json!(last));
        }
        packet
    }

    #[test]
    fn quick_handoffs_pass() {
        assert!(run(
            &LateHandoff,
            &packet("2026-11-16T09:00:00Z", None, "2026-11-16T09:30:00Z")
        )
        .passed());
        // An old ticket revived ten minutes ago is judged on the ten minutes.
        assert!(run(
            &LateHandoff,
            &packet(
                "2026-11-02T09:00:00Z",
                Some("2026-11-16T09:20:00+01:00"),
                "2026-11-16T08:30:00Z"
            )
        )
        .passed());
    }

    #[test]
    fn missing_times_fail_as_missing_information() {
        let unreadable = run(
            &LateHandoff,
            &json!({"handoff": {"at": "yesterday 3pm"}, "ticket": {"opened_at": "2026-11-16T09:00:00Z"}}),
        );
        assert!(!unreadable.passed());
        assert!(unreadable.findings[0]
            .message
            .starts_with("'yesterday 3pm' is not a date and time"));
        let no_start = run(
            &LateHandoff,
            &json!({"handoff": {"at": "2026-11-16T09:00:00Z"}}),
        );
        assert_eq!(no_start.findings[0].path, "/ticket/opened_at");
        assert!(no_start.findings[0].missing);
        assert!(!run(&LateHandoff, &json!({})).passed());
    }

    #[test]
    fn slow_handoffs_fail_with_the_delay() {
        let verdict = run(
            &LateHandoff,
            &packet(
                "2026-11-16T08:00:00Z",
                Some("2026-11-16T09:00:00Z"),
                "2026-11-16T11:15:00Z",
            ),
        );
        assert!(!verdict.passed());
        assert_eq!(verdict.findings[0].path, "/handoff/at");
        assert_eq!(verdict.findings[0].message, "This handoff came 2 h 15 min after the customer's last message; the target is 30 minutes.");
        // A customer message after the handoff does not restart the clock.
        let verdict = run(
            &LateHandoff,
            &packet(
                "2026-11-16T08:00:00Z",
                Some("2026-11-16T12:00:00Z"),
                "2026-11-16T09:00:00Z",
            ),
        );
        assert!(
            verdict.findings[0]
                .message
                .contains("1 h after the ticket was opened"),
            "{:?}",
            verdict.findings
        );
    }

    #[test]
    fn business_minutes_come_from_the_sla_engine() {
        let overnight = packet("2026-11-16T16:50:00Z", None, "2026-11-17T09:05:00Z");
        assert!(!run(&LateHandoff, &overnight).passed());
        let business = |_: i64, _: i64| Some(15);
        assert!(run_with(&LateHandoff, &overnight, &[], Some(&business)).passed());
        let no_calendar = |_: i64, _: i64| None;
        assert!(!run_with(&LateHandoff, &overnight, &[], Some(&no_calendar)).passed());
    }
}
