//! Targets (how long the receiving team has, always with an explicit unit) and warnings.

use serde::{Deserialize, Serialize};

/// The unit of a target. There is deliberately no bare "day".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetUnit {
    /// Open minutes of the calendar.
    BusinessMinutes,
    /// Open hours of the calendar (60 open minutes each).
    BusinessHours,
    /// The same local time on the n-th next business day (a date with open time).
    BusinessDays,
    /// Real elapsed minutes, open or not (pauses still stop the clock).
    CalendarMinutes,
}

impl TargetUnit {
    /// The unit as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetUnit::BusinessMinutes => "business_minutes",
            TargetUnit::BusinessHours => "business_hours",
            TargetUnit::BusinessDays => "business_days",
            TargetUnit::CalendarMinutes => "calendar_minutes",
        }
    }

    /// The largest value accepted: about ten years of time in each unit, so a typo cannot
    /// make the engine walk for centuries.
    pub fn max_value(self) -> u64 {
        use crate::limits::*;
        match self {
            TargetUnit::BusinessMinutes => TARGET_BUSINESS_MINUTES,
            TargetUnit::BusinessHours => TARGET_BUSINESS_HOURS,
            TargetUnit::BusinessDays => TARGET_BUSINESS_DAYS,
            TargetUnit::CalendarMinutes => TARGET_CALENDAR_MINUTES,
        }
    }

    /// The name of this unit's ceiling in [`crate::limits::LIMITS`].
    pub fn limit_name(self) -> &'static str {
        match self {
            TargetUnit::BusinessMinutes => "target-business-minutes",
            TargetUnit::BusinessHours => "target-business-hours",
            TargetUnit::BusinessDays => "target-business-days",
            TargetUnit::CalendarMinutes => "target-calendar-minutes",
        }
    }
}

/// How long the receiving team has: `{ "unit": "business_hours", "value": 4 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub unit: TargetUnit,
    pub value: u64,
}

impl Target {
    pub fn new(unit: TargetUnit, value: u64) -> Target {
        Target { unit, value }
    }

    /// Seconds to count for minute- and hour-based targets (`None` for business days).
    pub(crate) fn counted_seconds(self) -> Option<i64> {
        let value = i64::try_from(self.value).ok()?;
        match self.unit {
            TargetUnit::BusinessMinutes | TargetUnit::CalendarMinutes => value.checked_mul(60),
            TargetUnit::BusinessHours => value.checked_mul(3600),
            TargetUnit::BusinessDays => None,
        }
    }

    /// What the target says, in words: "4 business hours".
    pub fn describe(self) -> String {
        let (one, many) = match self.unit {
            TargetUnit::BusinessMinutes => ("business minute", "business minutes"),
            TargetUnit::BusinessHours => ("business hour", "business hours"),
            TargetUnit::BusinessDays => ("business day", "business days"),
            TargetUnit::CalendarMinutes => ("minute", "minutes"),
        };
        format!(
            "{} {}",
            self.value,
            if self.value == 1 { one } else { many }
        )
    }
}

/// When to warn before the deadline: when `percent` % of the target is left and/or when
/// `minutes` (business minutes; real minutes for `calendar_minutes` targets) are left;
/// with both, whichever comes first.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct WarnBefore {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u64>,
}

impl WarnBefore {
    /// Seconds of the target still left when the warning is due (at most `total`), or `None`
    /// when neither field is set.
    pub(crate) fn seconds_left(self, total: i64) -> Option<i64> {
        let by_percent = self.percent.map(|p| {
            let p = if p.is_finite() {
                p.clamp(0.0, 100.0)
            } else {
                0.0
            };
            (total as f64 * p / 100.0).round() as i64
        });
        let by_minutes = self
            .minutes
            .map(|m| i64::try_from(m).unwrap_or(i64::MAX).saturating_mul(60));
        let left = match (by_percent, by_minutes) {
            (Some(a), Some(b)) => a.max(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => return None,
        };
        Some(left.clamp(0, total.max(0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_their_unit() {
        let target: Target =
            serde_json::from_value(serde_json::json!({"unit": "business_hours", "value": 4}))
                .unwrap();
        assert_eq!(target.counted_seconds(), Some(4 * 3600));
        assert_eq!(target.describe(), "4 business hours");
        assert!(
            serde_json::from_value::<Target>(serde_json::json!({"unit": "days", "value": 1}))
                .is_err()
        );
    }

    #[test]
    fn the_earlier_warning_wins() {
        let warn = WarnBefore {
            percent: Some(25.0),
            minutes: Some(90),
        };
        assert_eq!(warn.seconds_left(4 * 3600), Some(90 * 60));
        assert_eq!(warn.seconds_left(60 * 60), Some(60 * 60));
        assert_eq!(WarnBefore::default().seconds_left(3600), None);
    }
}
