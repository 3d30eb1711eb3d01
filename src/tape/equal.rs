//! JSON Schema equality (`const`, `enum`) of a tape's value with a `serde_json::Value`,
//! without building a `Value` of the tape's side: each comparison stops at the first
//! difference, so comparing a large document with many small options costs the options' size,
//! not the document's size once per option.

use super::{Node, Tag};
use jsonschema::json::cmp::equal_numbers;
use serde_json::Value;

impl Node<'_> {
    /// Whether this value equals `expected` as JSON Schema compares values: numbers
    /// mathematically (1 equals 1.0), objects whatever their key order, a repeated key by its
    /// last value.
    pub fn equals_value(&self, expected: &Value) -> bool {
        match (self.entry().tag, expected) {
            (Tag::Null, Value::Null) => true,
            (Tag::True, Value::Bool(b)) => *b,
            (Tag::False, Value::Bool(b)) => !*b,
            (Tag::Str | Tag::Own, Value::String(s)) => self.as_str() == Some(s.as_str()),
            (Tag::U64 | Tag::I64 | Tag::F64, Value::Number(n)) => self
                .as_number()
                .is_some_and(|number| equal_numbers(&number, n)),
            (Tag::Array, Value::Array(items)) => {
                self.array_len() == items.len()
                    && self
                        .elements()
                        .zip(items)
                        .all(|(element, item)| element.equals_value(item))
            }
            (Tag::Object | Tag::ObjectWithRepeats, Value::Object(map)) => {
                // Same size, and every member of ours in `map` with an equal value: the keys
                // of both are distinct, so that is every member of `map` too.
                self.object_len() == map.len()
                    && self.members().all(|(key, value)| {
                        map.get(key)
                            .is_some_and(|expected| value.equals_value(expected))
                    })
            }
            _ => false,
        }
    }
}
