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
use std::hash::Hasher;

impl<'t> Node<'t> {
    /// Whether an array's elements are all distinct under JSON Schema equality; `true` for
    /// anything that is not an array.
    pub fn has_unique_elements(&self) -> bool {
        let items: Vec<Node<'t>> = self.elements().collect();
        let hashed = by_hash(items.iter().map(Node::hash));
        // Within a run of equal hashes every pair is compared: unequal values that collide on
        // 64 bits are rare enough that the runs stay of one or two elements.
        hashed.chunk_by(|a, b| a.0 == b.0).all(|run| {
            run.iter().enumerate().all(|(i, &(_, a))| {
                run[i + 1..]
                    .iter()
                    .all(|&(_, b)| !items[a as usize].equals_node(&items[b as usize]))
            })
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
                self.object_len() == other.object_len() && equal_members(self, other)
            }
            _ => false,
        }
    }

    /// A hash that agrees with [`Node::equals_node`]: equal values hash alike.
    fn hash(&self) -> u64 {
        match self.entry().tag {
            Tag::Null => mix(&[0]),
            Tag::False => mix(&[1]),
            Tag::True => mix(&[2]),
            Tag::U64 | Tag::I64 | Tag::F64 => {
                // By value: 1 and 1.0 are equal; -0.0 equals 0.0.
                let v = self.as_number().map_or(0.0, |n| n.as_f64());
                mix(&[3, (if v == 0.0 { 0.0 } else { v }).to_bits()])
            }
            Tag::Str | Tag::Own => mix(&[4, text(self.as_str().unwrap_or_default())]),
            Tag::Array => self
                .elements()
                .fold(mix(&[5, self.array_len() as u64]), |h, element| {
                    mix(&[h, element.hash()])
                }),
            // Members in any order: a sum of each member's own hash.
            Tag::Object | Tag::ObjectWithRepeats => {
                let sum = self.members().fold(0u64, |sum, (key, value)| {
                    sum.wrapping_add(mix(&[text(key), value.hash()]))
                });
                mix(&[6, self.object_len() as u64, sum])
            }
        }
    }
}

/// The hash of some words.
#[inline(never)]
fn mix(words: &[u64]) -> u64 {
    let mut h = hasher();
    for &word in words {
        h.write_u64(word);
    }
    h.finish()
}

/// The hash of a text.
#[inline(never)]
fn text(text: &str) -> u64 {
    let mut h = hasher();
    h.write(text.as_bytes());
    h.finish()
}

/// Whether two objects of as many members have equal ones, whatever their order: each side's
/// members sorted by the hash of their key, then matched run by run of equal hashes (a run is
/// one member unless two keys collide on 64 bits).
fn equal_members(a: &Node<'_>, b: &Node<'_>) -> bool {
    let ours: Vec<(&str, Node<'_>)> = a.members().collect();
    let theirs: Vec<(&str, Node<'_>)> = b.members().collect();
    let key_hash = |(key, _): &(&str, Node<'_>)| text(key);
    let (ours_by, theirs_by) = (
        by_hash(ours.iter().map(key_hash)),
        by_hash(theirs.iter().map(key_hash)),
    );
    let mut runs = theirs_by.chunk_by(|x, y| x.0 == y.0);
    ours_by.chunk_by(|x, y| x.0 == y.0).all(|run| {
        let Some(other) = runs.next() else {
            return false;
        };
        run[0].0 == other[0].0
            && run.len() == other.len()
            && run.iter().all(|&(_, i)| {
                let (key, value) = ours[i as usize];
                other.iter().any(|&(_, j)| {
                    let (other_key, other_value) = theirs[j as usize];
                    key == other_key && value.equals_node(&other_value)
                })
            })
    })
}

/// `(hash, position)` for each of `hashes`, sorted by hash. As `i64` pairs, so that the sort is
/// the one the SLA engine already links (src/sla/pauses.rs): a sort of another type is ~3 KB of
/// .wasm.
fn by_hash(hashes: impl Iterator<Item = u64>) -> Vec<(i64, i64)> {
    let mut sorted: Vec<(i64, i64)> = hashes
        .enumerate()
        .map(|(at, hash)| (hash as i64, at as i64))
        .collect();
    sorted.sort_unstable();
    sorted
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
