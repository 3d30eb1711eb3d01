//! [`Counts`]: an exact, mergeable distribution of whole numbers (minutes, scores, touches):
//! how many times each value was seen. Medians and percentiles of a merged distribution are
//! exactly those of all the input at once, which a sampling sketch could not promise; the
//! memory is one entry per distinct value (at most a few thousand for minutes over a year).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Value → how many times it was seen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Counts(BTreeMap<i64, u64>);

impl Counts {
    /// Counts one value.
    pub fn add(&mut self, value: i64) {
        *self.0.entry(value).or_insert(0) += 1;
    }

    /// Adds another distribution to this one.
    pub fn merge(&mut self, other: &Counts) {
        for (value, count) in &other.0 {
            *self.0.entry(*value).or_insert(0) += count;
        }
    }

    /// How many values were counted.
    pub fn total(&self) -> u64 {
        self.0.values().sum()
    }

    /// The sum of the values counted (i128: no overflow for any input size).
    pub fn sum(&self) -> i128 {
        self.0
            .iter()
            .map(|(value, count)| i128::from(*value) * i128::from(*count))
            .sum()
    }

    /// The mean, or `None` when empty.
    pub fn mean(&self) -> Option<f64> {
        let total = self.total();
        (total > 0).then(|| self.sum() as f64 / total as f64)
    }

    /// The value at rank `⌈p × n⌉` (nearest rank, 1-based; `p` in 0..=1): the median is
    /// `percentile(0.5)`, the lower middle value for an even count. `None` when empty.
    pub fn percentile(&self, p: f64) -> Option<i64> {
        let total = self.total();
        if total == 0 {
            return None;
        }
        let rank = ((p * total as f64).ceil() as u64).clamp(1, total);
        let mut seen = 0;
        for (value, count) in &self.0 {
            seen += count;
            if seen >= rank {
                return Some(*value);
            }
        }
        self.0.keys().next_back().copied()
    }

    /// The median ([`Counts::percentile`] at 0.5).
    pub fn median(&self) -> Option<i64> {
        self.percentile(0.5)
    }

    /// The largest value counted.
    pub fn max(&self) -> Option<i64> {
        self.0.keys().next_back().copied()
    }

    /// How many values fall in `from..=to`.
    pub fn between(&self, from: i64, to: i64) -> u64 {
        self.0.range(from..=to).map(|(_, count)| count).sum()
    }

    /// Each distinct value and its count, smallest first.
    pub fn iter(&self) -> impl Iterator<Item = (i64, u64)> + '_ {
        self.0.iter().map(|(value, count)| (*value, *count))
    }
}

#[cfg(test)]
mod tests {
    use super::Counts;

    fn of(values: &[i64]) -> Counts {
        let mut counts = Counts::default();
        values.iter().for_each(|v| counts.add(*v));
        counts
    }

    #[test]
    fn median_is_the_lower_middle_and_exact_after_merge() {
        assert_eq!(of(&[5, 1, 3]).median(), Some(3));
        assert_eq!(of(&[4, 1, 3, 2]).median(), Some(2));
        let mut merged = of(&[10, 20]);
        merged.merge(&of(&[30, 40, 50]));
        assert_eq!(merged, of(&[50, 40, 30, 20, 10]));
        assert_eq!(merged.median(), Some(30));
        assert_eq!(merged.percentile(0.9), Some(50));
        assert_eq!(merged.mean(), Some(30.0));
        assert_eq!(Counts::default().median(), None);
    }

    #[test]
    fn negative_values_and_ranges() {
        let counts = of(&[-30, -5, 0, 15, 15]);
        assert_eq!(counts.between(i64::MIN, -1), 2);
        assert_eq!(counts.between(15, 15), 2);
        assert_eq!(counts.max(), Some(15));
        assert_eq!(counts.sum(), -5);
    }
}
