//! Pauses: stretches of time that do not count (e.g. waiting on the customer).

use serde::{Deserialize, Serialize};

/// `{ "from": RFC 3339, "to": RFC 3339 }`; open time inside it does not count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    pub from: String,
    pub to: String,
}

/// Pauses as sorted, merged, non-empty `[from, to)` ranges of Unix seconds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PauseSet {
    ranges: Vec<(i64, i64)>,
}

impl PauseSet {
    /// Sorts and merges ranges; empty or reversed ones are dropped.
    pub fn new(mut ranges: Vec<(i64, i64)>) -> PauseSet {
        ranges.retain(|(from, to)| from < to);
        ranges.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(ranges.len());
        for (from, to) in ranges {
            match merged.last_mut() {
                Some(last) if from <= last.1 => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        PauseSet { ranges: merged }
    }

    /// The first pause that ends after `t`, if any.
    pub fn next_after(&self, t: i64) -> Option<(i64, i64)> {
        let index = self.ranges.partition_point(|&(_, to)| to <= t);
        self.ranges.get(index).copied()
    }

    /// Whether there are no pauses.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Whether `t` lies inside a pause.
    pub fn contains(&self, t: i64) -> bool {
        self.next_after(t).is_some_and(|(from, _)| from <= t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_are_merged_and_found() {
        let set = PauseSet::new(vec![(50, 60), (10, 20), (15, 30), (40, 40)]);
        assert_eq!(set.next_after(0), Some((10, 30)));
        assert_eq!(set.next_after(30), Some((50, 60)));
        assert!(set.contains(10) && !set.contains(30));
        assert_eq!(set.next_after(60), None);
    }
}
