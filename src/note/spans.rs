//! The words behind each field of a read note: JSON Pointer → span, kept in a hash map (a
//! note of many list items has pointers sharing long prefixes, which an ordered map or a sort
//! compares byte by byte) and listed in the order the note filled them. The pointers are
//! made by the reader (field names and item numbers, never words of the note), so the hash
//! is rustc-hash's: a few instructions per word in wasm, where ahash has no AES to use.

use crate::diagnostic::Span;
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::hash::{BuildHasher, Hash, Hasher};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::collections::hash_map::Entry;

/// A pointer with its hash, computed once: growing the map re-hashes from the stored number
/// instead of reading every pointer's bytes again (scattered through memory, on a note of
/// hundreds of thousands of items that was a tenth of the time in wasm).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    hash: u64,
    pointer: String,
}

impl Key {
    fn new(pointer: String) -> Key {
        Key {
            hash: FxBuildHasher.hash_one(pointer.as_str()),
            pointer,
        }
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// JSON Pointer → span, with each entry's place in fill order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans {
    map: FxHashMap<Key, (Span, usize)>,
    /// The place the next new entry gets.
    next: usize,
}

impl Spans {
    /// The span of the words that filled `pointer`.
    pub fn get(&self, pointer: &str) -> Option<Span> {
        self.map
            .get(&Key::new(pointer.to_string()))
            .map(|(span, _)| *span)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Every entry, in the order the note filled them.
    pub fn iter(&self) -> std::vec::IntoIter<(&str, &Span)> {
        let mut entries: Vec<_> = self.map.iter().collect();
        entries.sort_unstable_by_key(|(_, (_, order))| *order);
        entries
            .into_iter()
            .map(|(key, (span, _))| (key.pointer.as_str(), span))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Sets `pointer`'s span; `keep` decides whether an existing one stays instead.
    pub(crate) fn set(&mut self, pointer: &str, span: Span, keep: impl Fn(Span) -> bool) {
        // One hash per call: most pointers are new, so the key is made up front.
        match self.map.entry(Key::new(pointer.to_string())) {
            Entry::Occupied(mut entry) => {
                let (existing, _) = entry.get_mut();
                if !keep(*existing) {
                    *existing = span;
                }
            }
            Entry::Vacant(entry) => {
                entry.insert((span, self.next));
                self.next += 1;
            }
        }
    }

    /// Keeps only the entries `keep` accepts.
    pub(crate) fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.map.retain(|key, _| keep(&key.pointer));
    }

    /// Rewrites every span in place (byte offsets into UTF-16 ones), without rehashing.
    pub(crate) fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        for (span, _) in self.map.values_mut() {
            *span = f(*span);
        }
    }
}

impl<'a> IntoIterator for &'a Spans {
    type Item = (&'a str, &'a Span);
    type IntoIter = std::vec::IntoIter<(&'a str, &'a Span)>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A JSON object in fill order.
impl Serialize for Spans {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (pointer, span) in self {
            map.serialize_entry(pointer, span)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    #[test]
    fn spans_list_in_fill_order_whatever_the_hash() {
        let mut spans = Spans::default();
        for (i, pointer) in ["/z", "/a/10", "/a/2", "/a", "/m"].iter().enumerate() {
            spans.set(pointer, span(i, i + 1), |_| false);
        }
        let order: Vec<&str> = spans.iter().map(|(p, _)| p).collect();
        assert_eq!(order, ["/z", "/a/10", "/a/2", "/a", "/m"]);
        assert_eq!(
            serde_json::to_string(&spans).unwrap(),
            r#"{"/z":{"start":0,"end":1},"/a/10":{"start":1,"end":2},"/a/2":{"start":2,"end":3},"/a":{"start":3,"end":4},"/m":{"start":4,"end":5}}"#
        );
    }

    #[test]
    fn a_replaced_span_keeps_its_place() {
        let mut spans = Spans::default();
        spans.set("/a", span(3, 3), |_| false);
        spans.set("/b", span(5, 6), |_| false);
        spans.set("/a", span(7, 9), |old| old.start != old.end);
        spans.set("/a", span(1, 2), |old| old.start != old.end);
        assert_eq!(spans.get("/a"), Some(span(7, 9)));
        assert_eq!(spans.iter().next().map(|(p, _)| p), Some("/a"));
    }
}
