//! The packet a note fills, while it is being filled: a small tree whose strings borrow the
//! note's words, written once at the end as JSON text (what `check_note` reads) or as a
//! `serde_json::Value` (what `parse_note` returns).
//!
//! Filling a `serde_json::Value` directly cost a B-tree node (about 600 bytes) per object and
//! an allocation per string: a note of 48,000 list items built 40 MB of them, which `check_note`
//! then wrote out as text and freed. Past the caches that memory traffic grew faster than the
//! note (issue 17's scaling ratio); here an item is its few words' slices and one small vector.
//! Objects keep their keys sorted, as `serde_json::Map` does, so both outputs are the same as
//! before, key order included.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// A JSON value being filled.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Draft<'w> {
    Str(Cow<'w, str>),
    Array(Vec<Draft<'w>>),
    Object(Obj<'w>),
    /// An object of at most two keys from [`PAIR_KEYS`] whose values are the note's words, in
    /// key order, without a vector of its own: a list item (`{ "action", "outcome" }`) or
    /// words kept under an unknown heading (`{ "heading", "text" }`), the objects a long note
    /// has one of per line. Made only for array items ([`Draft::compact`]), never looked into.
    Pair {
        keys: [u8; 2],
        len: u8,
        values: [&'w str; 2],
    },
    /// A number, a boolean, or what the page's context gave.
    Json(Box<Value>),
}

/// An object: keys sorted by their bytes, each once (as in `serde_json::Map`).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Obj<'w> {
    entries: Vec<(Cow<'static, str>, Draft<'w>)>,
}

/// The keys a [`Draft::Pair`] can have.
const PAIR_KEYS: &[&str] = &[
    "action",
    "due",
    "email",
    "heading",
    "name",
    "outcome",
    "owner",
    "provided_by",
    "role",
    "sku",
    "team",
    "text",
    "url",
];

fn pair_key(key: &str) -> Option<u8> {
    PAIR_KEYS.iter().position(|k| *k == key).map(|at| at as u8)
}

impl<'w> Draft<'w> {
    /// `{ "heading": heading, "text": text }` (`other_sections`).
    pub(crate) fn kept(heading: &'w str, text: &'w str) -> Self {
        let mut object = Obj::with_capacity(2);
        object.insert("heading", Draft::str(heading));
        object.insert("text", Draft::str(text));
        Draft::Object(object).compact()
    }

    /// The same value, as a [`Draft::Pair`] when it is an object that can be one: for the
    /// items of an array (an object in a field of its own may still be merged into).
    pub(crate) fn compact(self) -> Self {
        let Draft::Object(object) = self else {
            return self;
        };
        let pair = (object.entries.len() <= 2)
            .then(|| {
                let mut keys = [0; 2];
                let mut values = [""; 2];
                for (at, (key, value)) in object.entries.iter().enumerate() {
                    let Draft::Str(Cow::Borrowed(words)) = value else {
                        return None;
                    };
                    keys[at] = pair_key(key)?;
                    values[at] = *words;
                }
                Some((keys, values))
            })
            .flatten();
        match pair {
            Some((keys, values)) => Draft::Pair {
                keys,
                len: object.entries.len() as u8,
                values,
            },
            None => Draft::Object(object),
        }
    }

    /// The keys and words of a [`Draft::Pair`] (nothing for any other value).
    fn pair_entries(&self) -> impl Iterator<Item = (&'static str, &'w str)> + '_ {
        let (keys, len, values) = match self {
            Draft::Pair { keys, len, values } => (keys, usize::from(*len), values),
            _ => (&[0; 2], 0, &[""; 2]),
        };
        keys.iter().zip(values).take(len).map(|(key, words)| {
            let key = PAIR_KEYS.get(usize::from(*key)).copied().unwrap_or("");
            (key, *words)
        })
    }

    /// A string borrowed from the note (or a static word).
    pub(crate) fn str(words: &'w str) -> Self {
        Draft::Str(Cow::Borrowed(words))
    }

    /// A string made for the packet.
    pub(crate) fn owned(words: String) -> Self {
        Draft::Str(Cow::Owned(words))
    }

    pub(crate) fn json(value: Value) -> Self {
        Draft::Json(Box::new(value))
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Draft::Str(s) => Some(s),
            Draft::Json(value) => value.as_str(),
            _ => None,
        }
    }

    /// The member `key` of an object.
    pub(crate) fn get(&self, key: &str) -> Option<&Draft<'w>> {
        match self {
            Draft::Object(object) => object.get(key),
            _ => None,
        }
    }

    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Draft<'w>> {
        match self {
            Draft::Object(object) => object.get_mut(key),
            _ => None,
        }
    }

    /// The same value as a `serde_json::Value`.
    pub(crate) fn into_value(self) -> Value {
        match self {
            Draft::Str(s) => Value::String(s.into_owned()),
            Draft::Array(items) => Value::Array(items.into_iter().map(Draft::into_value).collect()),
            Draft::Object(object) => Value::Object(object.into_map()),
            Draft::Pair { .. } => {
                let mut map = Map::new();
                for (key, words) in self.pair_entries() {
                    map.insert(key.to_string(), Value::String(words.to_string()));
                }
                Value::Object(map)
            }
            Draft::Json(value) => *value,
        }
    }
}

impl<'w> Obj<'w> {
    pub(crate) fn new() -> Self {
        Obj::default()
    }

    /// An object for about `keys` keys: a list item's object is made for the few it can have
    /// (a vector's first growth is to four entries, 224 bytes, for an item that has one).
    pub(crate) fn with_capacity(keys: usize) -> Self {
        Obj {
            entries: Vec::with_capacity(keys),
        }
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|(k, _)| k.as_bytes().cmp(key.as_bytes()))
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Draft<'w>> {
        let at = self.position(key).ok()?;
        Some(&self.entries[at].1)
    }

    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Draft<'w>> {
        let at = self.position(key).ok()?;
        Some(&mut self.entries[at].1)
    }

    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_ok()
    }

    /// Sets `key` (replacing its value if it is there).
    pub(crate) fn insert(&mut self, key: impl Into<Cow<'static, str>>, value: Draft<'w>) {
        let key = key.into();
        match self.position(&key) {
            Ok(at) => self.entries[at].1 = value,
            Err(at) => self.entries.insert(at, (key, value)),
        }
    }

    /// The value of `key`, first set to `make()` when it is not there.
    pub(crate) fn get_or_insert_with(
        &mut self,
        key: &str,
        make: impl FnOnce() -> Draft<'w>,
    ) -> &mut Draft<'w> {
        let at = match self.position(key) {
            Ok(at) => at,
            Err(at) => {
                self.entries
                    .insert(at, (Cow::Owned(key.to_string()), make()));
                at
            }
        };
        &mut self.entries[at].1
    }

    pub(crate) fn into_map(self) -> Map<String, Value> {
        // Inserted one by one: collecting would first gather and sort the entries in a
        // vector of their own (they are sorted already).
        let mut map = Map::new();
        for (key, value) in self.entries {
            map.insert(key.into_owned(), value.into_value());
        }
        map
    }
}

impl Serialize for Draft<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Draft::Str(s) => serializer.serialize_str(s),
            Draft::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Draft::Object(object) => object.serialize(serializer),
            Draft::Pair { len, .. } => {
                let mut map = serializer.serialize_map(Some(usize::from(*len)))?;
                for (key, words) in self.pair_entries() {
                    map.serialize_entry(key, words)?;
                }
                map.end()
            }
            Draft::Json(value) => value.serialize(serializer),
        }
    }
}

impl Serialize for Obj<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (key, value) in &self.entries {
            map.serialize_entry(key.as_ref(), value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Draft<'static> {
        let mut inner = Obj::new();
        inner.insert("outcome", Draft::str("two charges"));
        inner.insert("action", Draft::str("Checked \"the\" invoice\n"));
        let mut packet = Obj::new();
        packet.insert("tried", Draft::Array(vec![Draft::Object(inner)]));
        packet.insert("affected_users", Draft::json(json!(40)));
        packet.insert("b", Draft::owned("é😡".to_string()));
        packet.insert("a", Draft::json(json!(0.85)));
        packet.insert("a", Draft::json(json!(true)));
        packet.insert("Z", Draft::Object(Obj::new()));
        packet.insert(
            "other_sections",
            Draft::Array(vec![Draft::kept("", "Hi \u{1F600}")]),
        );
        Draft::Object(packet)
    }

    #[test]
    fn a_draft_writes_the_same_json_as_its_value() {
        let draft = sample();
        let text = serde_json::to_string(&draft).unwrap();
        let value = draft.into_value();
        assert_eq!(text, value.to_string());
        assert_eq!(
            value,
            json!({
                "Z": {}, "a": true, "affected_users": 40, "b": "é😡",
                "other_sections": [{ "heading": "", "text": "Hi \u{1F600}" }],
                "tried": [{ "action": "Checked \"the\" invoice\n", "outcome": "two charges" }]
            })
        );
    }

    #[test]
    fn a_compact_item_writes_what_its_object_writes() {
        let object = |entries: &[(&'static str, Draft<'static>)]| {
            let mut object = Obj::new();
            for (key, value) in entries {
                object.insert(*key, value.clone());
            }
            Draft::Object(object)
        };
        let items = [
            object(&[]),
            object(&[("action", Draft::str("a"))]),
            object(&[
                ("outcome", Draft::str("b \"é\"")),
                ("action", Draft::str("a")),
            ]),
            // Not pairs: a made string, three keys, a key not in the table.
            object(&[("action", Draft::owned("a, by Fri".to_string()))]),
            object(&[
                ("name", Draft::str("n")),
                ("url", Draft::str("u")),
                ("provided_by", Draft::str("customer")),
            ]),
            object(&[("quantity", Draft::json(json!(2)))]),
        ];
        for (at, item) in items.into_iter().enumerate() {
            let compact = item.clone().compact();
            assert_eq!(matches!(compact, Draft::Pair { .. }), at < 3, "{item:?}");
            assert_eq!(
                serde_json::to_string(&compact).unwrap(),
                serde_json::to_string(&item).unwrap()
            );
            assert_eq!(compact.into_value(), item.into_value());
        }
    }

    #[test]
    fn object_keys_keep_the_order_of_a_json_map() {
        let keys = ["tried", "a", "Ä", "_", "A", "a_b", "ab", "environment"];
        let mut object = Obj::new();
        let mut map = Map::new();
        for key in keys {
            object.insert(key, Draft::str(key));
            map.insert(key.to_string(), Value::String(key.to_string()));
        }
        assert_eq!(
            serde_json::to_string(&Draft::Object(object)).unwrap(),
            Value::Object(map).to_string()
        );
    }
}
