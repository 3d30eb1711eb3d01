//! What the SLA engine answers: a [`Deadline`] (for `deadline()`) and an [`SlaReport`] (the
//! deadline of a packet's policy, as `Report.sla` carries it), with the open intervals that
//! explain it.

use super::target::Target;
use serde::{Deserialize, Serialize, Serializer};

/// Where the handoff stands at the caller's `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Before the warning time.
    OnTrack,
    /// At or after the warning time, not yet past the deadline.
    AtRisk,
    /// Past the deadline.
    Breached,
    /// Inside a pause (and not past the deadline).
    Paused,
}

/// One stretch of counted time: local RFC 3339 `start` and `end` in the calendar's zone, and
/// the minutes it counted. An entry is usually one open interval; contiguous intervals are
/// merged, and when more than five entries would be listed the middle ones are collapsed into
/// one whose `minutes` are the counted minutes inside it (not its length).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub start: String,
    pub end: String,
    #[serde(serialize_with = "whole_or_fraction")]
    pub minutes: f64,
}

/// A computed deadline and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    /// The calendar's IANA zone, e.g. `Europe/London`.
    pub time_zone: String,
    pub target: Target,
    /// The start as given, in UTC (`…Z`). Counting begins at the first open time from here.
    pub start: String,
    /// UTC (`…Z`).
    pub deadline: String,
    /// The deadline in RFC 3339 with the calendar's offset.
    pub deadline_local: String,
    /// When to warn (UTC), or `null` without `warn_before`.
    pub warn_at: Option<String>,
    /// `null` without `now`.
    pub status: Option<Status>,
    /// Counted minutes left from `now` to the deadline, rounded down; negative once business
    /// time has passed beyond the deadline. `null` without `now`.
    pub remaining_business_minutes: Option<i64>,
    /// Counted time from the start to `now` over the target's counted time (above 1 once
    /// breached); `null` without `now`.
    pub elapsed_ratio: Option<f64>,
    /// The counted stretches that explain the deadline.
    pub segments: Vec<Segment>,
}

/// `Report.sla`: the policy and calendar that applied, and the deadline's fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlaReport {
    /// The id of the policy that matched.
    pub policy: String,
    /// The id of the calendar it uses.
    pub calendar: String,
    /// The id of the receiving team the policy was chosen for (the page's team name as the
    /// bundle's teams and vocabulary resolve it, or the scenario's usual team); `null` when
    /// the packet names none.
    pub team: Option<String>,
    #[serde(flatten)]
    pub deadline: Deadline,
}

fn whole_or_fraction<S: Serializer>(minutes: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    match whole_minutes(*minutes) {
        Some(whole) => serializer.serialize_i64(whole),
        None => serializer.serialize_f64(*minutes),
    }
}

/// Minutes written as an integer in JSON: whole ones (below 2^53, where f64 is exact).
pub(crate) fn whole_minutes(minutes: f64) -> Option<i64> {
    (minutes.fract() == 0.0 && minutes.abs() < 9.0e15).then_some(minutes as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sla::target::TargetUnit;
    use serde_json::json;

    #[test]
    fn report_serialises_flat_with_whole_minutes() {
        let report = SlaReport {
            policy: "finance".into(),
            calendar: "london".into(),
            team: Some("finance".into()),
            deadline: Deadline {
                time_zone: "Europe/London".into(),
                target: Target::new(TargetUnit::BusinessHours, 4),
                start: "2026-11-20T16:00:00Z".into(),
                deadline: "2026-11-23T12:00:00Z".into(),
                deadline_local: "2026-11-23T12:00:00+00:00".into(),
                warn_at: None,
                status: None,
                remaining_business_minutes: None,
                elapsed_ratio: None,
                segments: vec![Segment {
                    start: "2026-11-20T16:00:00+00:00".into(),
                    end: "2026-11-20T17:00:00+00:00".into(),
                    minutes: 60.0,
                }],
            },
        };
        let value = serde_json::to_value(&report).unwrap();
        assert_eq!(value["policy"], json!("finance"));
        assert_eq!(value["deadline"], json!("2026-11-23T12:00:00Z"));
        assert_eq!(value["segments"][0]["minutes"], json!(60));
        assert_eq!(value["status"], json!(null));
        let back: SlaReport = serde_json::from_value(value).unwrap();
        assert_eq!(back, report);
    }
}
