//! `uniqueItems` on the tape: whether an array's elements are distinct under JSON Schema
//! equality, without building a `serde_json::Value` of any of them.
//!
//! jsonschema's default copied every element into a `Value` first: an array of 50,000 small
//! objects held 84 MB of copies through npm for one `isValidText`. Here each element is hashed
//! once, in place, by a hash that agrees with JSON Schema equality (numbers by value, object
//! members in any order, a repeated key by its last value), and only elements whose hashes meet
//! are compared. Time is linear in the array's size plus a sort of one hash per element.

use super::{Node, Tag};
use jsonschema::json::cmp::equal_numbers;
use std::hash::{Hash, Hasher};

/// Arrays up to this length are compared pair by pair: cheaper than hashing them.
const PAIRWISE: usize = 8;

impl<'t> Node<'t> {
    /// Whether an array's elements are all distinct under JSON Schema equality; `true` for
    /// anything that is not an array.
    pub fn has_unique_elements(&self) -> bool {
        let len = self.array_len();
        if len <= PAIRWISE {
            let items: Vec<Node<'t>> = self.elements().collect();
            return items
                .iter()
                .enumerate()
                .all(|(i, a)| items[i + 1..].iter().all(|b| !a.equals_node(b)));
        }
        let mut hashed: Vec<(u64, Node<'t>)> = self.elements().map(|e| (e.hash(), e)).collect();
        hashed.sort_unstable_by_key(|(hash, _)| *hash);
        // Within a run of equal hashes every pair is compared: unequal values that collide on
        // 64 bits are rare enough that the runs stay of one or two elements.
        hashed.chunk_by(|a, b| a.0 == b.0).all(|run| {
            run.iter()
                .enumerate()
                .all(|(i, (_, a))| run[i + 1..].iter().all(|(_, b)| !a.equals_node(b)))
        })
    }

    /// Whether two values are equal as JSON Schema compares them (as
    /// [`Node::equals_value`] does against a `Value`).
    pub fn equals_node(&self, other: &Node<'_>) -> bool {
        match (self.entry().tag, other.entry().tag) {
            (Tag::Null, Tag::Null) | (Tag::True, Tag::True) | (Tag::False, Tag::False) => true,
            (Tag::Str | Tag::Own, Tag::Str | Tag::Own) => self.as_str() == other.as_str(),
            (Tag::U64 | Tag::I64 | Tag::F64, Tag::U64 | Tag::I64 | Tag::F64) => {
                match (self.as_number(), other.as_number()) {
                    (Some(a), Some(b)) => equal_numbers(&a, &b.number()),
                    _ => false,
                }
            }
            (Tag::Array, Tag::Array) => {
                self.array_len() == other.array_len()
                    && self
                        .elements()
                        .zip(other.elements())
                        .all(|(a, b)| a.equals_node(&b))
            }
            (Tag::Object | Tag::ObjectWithRepeats, Tag::Object | Tag::ObjectWithRepeats) => {
                if self.object_len() != other.object_len() {
                    return false;
                }
                // Both sides' members sorted by key, then compared in step: each side's keys
                // are distinct, so equal keys line up.
                let (ours, theirs) = (sorted_members(self), sorted_members(other));
                ours.iter()
                    .zip(&theirs)
                    .all(|((ka, va), (kb, vb))| ka == kb && va.equals_node(vb))
            }
            _ => false,
        }
    }

    /// A hash that agrees with [`Node::equals_node`]: equal values hash alike.
    fn hash(&self) -> u64 {
        let mut h = hasher();
        match self.entry().tag {
            Tag::Null => 0u8.hash(&mut h),
            Tag::False => 1u8.hash(&mut h),
            Tag::True => 2u8.hash(&mut h),
            Tag::U64 | Tag::I64 | Tag::F64 => {
                3u8.hash(&mut h);
                // By value: 1 and 1.0 are equal; -0.0 equals 0.0.
                let v = self.as_number().map_or(0.0, |n| n.as_f64());
                (if v == 0.0 { 0.0 } else { v }).to_bits().hash(&mut h);
            }
            Tag::Str | Tag::Own => {
                4u8.hash(&mut h);
                self.as_str().hash(&mut h);
            }
            Tag::Array => {
                5u8.hash(&mut h);
                self.array_len().hash(&mut h);
                for element in self.elements() {
                    element.hash().hash(&mut h);
                }
            }
            Tag::Object | Tag::ObjectWithRepeats => {
                6u8.hash(&mut h);
                self.object_len().hash(&mut h);
                // Members in any order: a sum of each member's own hash.
                let sum = self.members().fold(0u64, |sum, (key, value)| {
                    let mut m = hasher();
                    key.hash(&mut m);
                    value.hash().hash(&mut m);
                    sum.wrapping_add(m.finish())
                });
                sum.hash(&mut h);
            }
        }
        h.finish()
    }
}

/// An object's members, sorted by key.
fn sorted_members<'n>(node: &Node<'n>) -> Vec<(&'n str, Node<'n>)> {
    let mut members: Vec<_> = node.members().collect();
    members.sort_unstable_by(|a, b| a.0.cmp(b.0));
    members
}

fn hasher() -> std::collections::hash_map::DefaultHasher {
    std::collections::hash_map::DefaultHasher::new()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::tape::Tape;
    use proptest::prelude::*;
    use serde_json::Value;

    /// JSON texts of small values drawn from few kinds, so that equal elements are common and
    /// written differently: `1` and `1.0`, `0` and `-0.0`, members in another order, a key
    /// repeated (the last one counts).
    fn value() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("null".to_string()),
            Just("true".to_string()),
            Just("false".to_string()),
            Just("1".to_string()),
            Just("1.0".to_string()),
            Just("0".to_string()),
            Just("-0.0".to_string()),
            Just("18446744073709551615".to_string()),
            Just("\"a\"".to_string()),
            Just("\"\\u0061\"".to_string()),
            Just("\"b\"".to_string()),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4)
                    .prop_map(|items| format!("[{}]", items.join(","))),
                prop::collection::vec((prop_oneof![Just("a"), Just("b"), Just("c")], inner), 0..4)
                    .prop_map(|members| {
                        let members: Vec<String> = members
                            .into_iter()
                            .map(|(k, v)| format!("\"{k}\":{v}"))
                            .collect();
                        format!("{{{}}}", members.join(","))
                    }),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// `uniqueItems` in place answers as jsonschema's own check of the elements as values.
        #[test]
        fn unique_items_in_place_agree_with_jsonschema_on_values(
            items in prop::collection::vec(value(), 0..20)
        ) {
            let text = format!("[{}]", items.join(","));
            let tape = Tape::parse(&text).unwrap();
            let values: Vec<Value> = match serde_json::from_str(&text).unwrap() {
                Value::Array(values) => values,
                _ => unreachable!(),
            };
            prop_assert_eq!(
                tape.root().has_unique_elements(),
                jsonschema::json::unique::is_unique(&values),
                "{}", text
            );
            for (i, a) in tape.root().elements().enumerate() {
                for (j, b) in tape.root().elements().enumerate() {
                    prop_assert_eq!(
                        a.equals_node(&b),
                        a.equals_value(&values[j]),
                        "{} [{}] [{}]", text, i, j
                    );
                }
            }
        }
    }

    #[test]
    fn unique_items_tells_50000_distinct_objects_from_one_repeated() {
        // An array of 50,000 small objects under `uniqueItems` was copied into 50,000 `Value`s
        // (84 MB of wasm memory through npm for one `isValidText`); it is hashed in place now.
        let distinct: Vec<String> = (0..50_000)
            .map(|i| format!(r#"{{"id":{i},"tags":["x","y"]}}"#))
            .collect();
        let text = format!("[{}]", distinct.join(","));
        assert!(Tape::parse(&text).unwrap().root().has_unique_elements());
        // The same with the last element repeating the first, its members the other way round.
        let text = format!(r#"[{},{{"tags":["x","y"],"id":0.0}}]"#, distinct.join(","));
        assert!(!Tape::parse(&text).unwrap().root().has_unique_elements());
    }
}
