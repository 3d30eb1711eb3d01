//! The words behind each field of a read note: JSON Pointer → span, listed in the order the
//! note filled them.
//!
//! A note of many list items has hundreds of thousands of pointers. They are kept one after
//! another in one string, with an entry per pointer in fill order and a hash index over the
//! entries: no allocation per pointer (a `String` each, then freed with the map, was a third of
//! a large note's time), and listing them in order is a walk, not a sort. The pointers are
//! made by the reader (field names and item numbers, never words of the note), so the hash is
//! rustc-hash's: a few instructions per word in wasm, where ahash has no AES to use; pointers
//! with the same hash are chained, so a collision costs a comparison, never a wrong answer.

use crate::diagnostic::{push_pointer_token, Span};
use rustc_hash::{FxBuildHasher, FxHashMap};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::hash::BuildHasher;

/// No entry (the end of a hash chain).
const NONE: u32 = u32::MAX;

/// The live entry of `pointer` in the hash chain that starts at `at`.
fn find_in(entries: &[Entry], text: &str, mut at: u32, pointer: &str) -> Option<usize> {
    while at != NONE {
        let entry = &entries[at as usize];
        if !entry.removed && text.get(entry.start as usize..entry.end as usize) == Some(pointer) {
            return Some(at as usize);
        }
        at = entry.same_hash;
    }
    None
}

/// The index's key for a pointer's hash: both halves folded, as on wasm32 rustc-hash makes a
/// 32-bit hash (the top half is zero there: keyed by it alone, every pointer shared one chain
/// and a large note took seconds).
fn key(hash: u64) -> u32 {
    (hash as u32) ^ ((hash >> 32) as u32)
}

/// The filter's bit for a pointer's hash: the top `64 - shift` bits after a multiplication
/// that carries the low bits up (a wasm32 hash has only low bits).
fn filter_bit(hash: u64, shift: u32) -> u64 {
    hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift
}

/// One pointer: where it is in [`Spans::text`], its span, and the entry before it with the
/// same hash.
#[derive(Debug, Clone)]
struct Entry {
    start: u32,
    end: u32,
    span: Span,
    same_hash: u32,
    removed: bool,
}

/// JSON Pointer → span, in fill order.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    /// Every pointer, one after another.
    text: String,
    /// In fill order; a removed entry stays, marked, so that the order needs no renumbering.
    entries: Vec<Entry>,
    /// Hash of a pointer (its two halves folded, [`key`]) → its latest entry (older ones with that hash
    /// chain from it). Half the size of a full hash's table: a large note's index is the
    /// spans' part that is read in no particular order.
    index: FxHashMap<u32, u32>,
    /// Entries not removed.
    live: usize,
    /// Pointers whose spans, and those of everything below them, were taken back
    /// ([`Spans::remove_under`]), with how many entries there were then: an entry is gone when
    /// its pointer or a parent's is here with a larger count. Taking them back one by one was
    /// a walk of every entry each time, so a section repeated k times cost k times the note.
    /// Settled into the entries' marks by [`Spans::settle`] once the note is read.
    removed_under: ahash::AHashMap<String, usize>,
}

impl Spans {
    /// Room for about `entries` pointers, so that a large note's spans are not copied and
    /// rehashed as they grow.
    pub(crate) fn with_capacity(entries: usize) -> Self {
        let mut index = FxHashMap::default();
        index.reserve(entries);
        Spans {
            // Most pointers are a field and an item number: "/actions_taken/12/outcome".
            text: String::with_capacity(entries * 16),
            entries: Vec::with_capacity(entries),
            index,
            live: 0,
            removed_under: ahash::AHashMap::default(),
        }
    }

    /// The span of the words that filled `pointer`.
    pub fn get(&self, pointer: &str) -> Option<Span> {
        self.find(FxBuildHasher.hash_one(pointer), pointer)
            .map(|at| self.entries[at].span)
    }

    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Every entry, in the order the note filled them.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            text: &self.text,
            entries: self.entries.iter(),
        }
    }

    /// The live entry of `pointer`.
    fn find(&self, hash: u64, pointer: &str) -> Option<usize> {
        self.find_from(*self.index.get(&key(hash))?, pointer)
    }

    /// The live entry of `pointer` in the hash chain that starts at `at`.
    fn find_from(&self, at: u32, pointer: &str) -> Option<usize> {
        find_in(&self.entries, &self.text, at, pointer)
    }

    fn pointer(&self, entry: &Entry) -> &str {
        self.text
            .get(entry.start as usize..entry.end as usize)
            .unwrap_or("")
    }

    /// Sets `pointer`'s span; `keep` decides whether an existing one stays instead.
    pub(crate) fn set(&mut self, pointer: &str, span: Span, keep: impl Fn(Span) -> bool) {
        let start = self.text.len();
        self.text.push_str(pointer);
        self.set_tail(start, span, &keep);
    }

    /// [`Spans::set`] for `parent` extended by the token `child` (escaped), without building
    /// the pointer anywhere else.
    pub(crate) fn set_child(
        &mut self,
        parent: &str,
        child: &str,
        span: Span,
        keep: impl Fn(Span) -> bool,
    ) {
        let start = self.text.len();
        self.text.push_str(parent);
        push_pointer_token(&mut self.text, child);
        self.set_tail(start, span, &keep);
    }

    /// [`Spans::set`] for item `index` of the list at `parent`.
    pub(crate) fn set_item(
        &mut self,
        parent: &str,
        index: usize,
        span: Span,
        keep: impl Fn(Span) -> bool,
    ) {
        use std::fmt::Write;
        let start = self.text.len();
        self.text.push_str(parent);
        // Writing to a String cannot fail.
        let _ = write!(self.text, "/{index}");
        self.set_tail(start, span, &keep);
    }

    /// Sets the span of the pointer written at `start..` of `text`: a new entry, or the
    /// existing one (and the pointer written again is dropped). (Not inlined: one copy in the
    /// .wasm for the three ways a pointer is written.)
    #[inline(never)]
    fn set_tail(&mut self, start: usize, span: Span, keep: &dyn Fn(Span) -> bool) {
        let end = self.text.len();
        let key = key(FxBuildHasher.hash_one(self.text.get(start..).unwrap_or("")));
        let at = self.entries.len() as u32;
        // One probe of the index for the chain's head; entries taken back are unlinked from
        // the chain as the walk meets them, so a pointer set and taken back again and again
        // does not leave a chain to walk each time.
        let head = self.index.get(&key).copied().unwrap_or(NONE);
        let (mut before, mut next, mut first) = (NONE, head, head);
        while next != NONE {
            let entry = &self.entries[next as usize];
            let after = entry.same_hash;
            if entry.removed || self.taken_back(next as usize) {
                self.remove(next as usize);
                match before {
                    NONE => first = after,
                    _ => self.entries[before as usize].same_hash = after,
                }
            } else if self.text.get(entry.start as usize..entry.end as usize)
                == self.text.get(start..end)
            {
                self.text.truncate(start);
                let existing = &mut self.entries[next as usize].span;
                if !keep(*existing) {
                    *existing = span;
                }
                if first != head {
                    self.index.insert(key, first);
                }
                return;
            } else {
                before = next;
            }
            next = after;
        }
        self.index.insert(key, at);
        self.entries.push(Entry {
            start: start as u32,
            end: self.text.len() as u32,
            span,
            same_hash: first,
            removed: false,
        });
        self.live += 1;
    }

    fn remove(&mut self, at: usize) {
        if !self.entries[at].removed {
            self.entries[at].removed = true;
            self.live -= 1;
        }
    }

    /// Takes back the spans of `pointer` and of everything below it (`pointer/…`), in one
    /// step whatever their number: they are marked when the note has been read
    /// ([`Spans::settle`]), or when a walk of their hash chain meets them before that.
    pub(crate) fn remove_under(&mut self, pointer: &str) {
        if !self.entries.is_empty() {
            let count = self.entries.len();
            match self.removed_under.get_mut(pointer) {
                Some(before) => *before = count,
                None => {
                    self.removed_under.insert(pointer.to_string(), count);
                }
            }
        }
    }

    /// Whether entry `at` was taken back by [`Spans::remove_under`] (its pointer or a
    /// parent's, after the entry was made).
    fn taken_back(&self, at: usize) -> bool {
        if self.removed_under.is_empty() {
            return false;
        }
        let pointer = self.pointer(&self.entries[at]);
        let after = |prefix: &str| self.removed_under.get(prefix).is_some_and(|&n| n > at);
        after(pointer)
            || pointer
                .bytes()
                .enumerate()
                .any(|(i, byte)| byte == b'/' && after(&pointer[..i]))
    }

    /// Marks every entry taken back by [`Spans::remove_under`]: one walk of the entries,
    /// after which lookups need only the marks.
    pub(crate) fn settle(&mut self) {
        if self.removed_under.is_empty() {
            return;
        }
        for at in 0..self.entries.len() {
            if !self.entries[at].removed && self.taken_back(at) {
                self.remove(at);
            }
        }
        self.removed_under = ahash::AHashMap::default();
    }

    /// Rewrites every span in place (byte offsets into UTF-16 ones).
    pub(crate) fn map_spans(&mut self, mut f: impl FnMut(Span) -> Span) {
        for entry in &mut self.entries {
            entry.span = f(entry.span);
        }
    }
}

/// [`Spans::get`] for many pointers in a row, asked in about the order the note filled them
/// (a check's diagnostics, in packet order): each is looked for just after the previous one
/// found before the hash index is asked, and a pointer that is not there is mostly told by a
/// bit filter of the pointers' hashes (one to two bytes per entry, which stays in the cache) without
/// reaching the index. A large note's index is megabytes: a lookup there in no particular
/// order is a cache miss each, so spans for every diagnostic of a long list grew faster than
/// the note.
pub(crate) struct Finder<'s> {
    spans: &'s Spans,
    /// One bit per `hash >> shift`; empty when no filter was built.
    filter: Vec<u64>,
    shift: u32,
    /// The entry after the last one found.
    next: usize,
}

impl Spans {
    /// A [`Finder`] for about `lookups` pointers; the filter is built only when they are many
    /// next to the entries (building it reads every pointer once).
    pub(crate) fn finder(&self, lookups: usize) -> Finder<'_> {
        let mut finder = Finder {
            spans: self,
            filter: Vec::new(),
            shift: 0,
            next: 0,
        };
        if lookups.saturating_mul(8) >= self.live && self.live > 0 {
            let bits = (self.live * 8).next_power_of_two().max(64);
            finder.filter = vec![0; bits / 64];
            finder.shift = 64 - bits.trailing_zeros();
            for (pointer, _) in self {
                let bit = filter_bit(FxBuildHasher.hash_one(pointer), finder.shift);
                finder.filter[(bit / 64) as usize] |= 1 << (bit % 64);
            }
        }
        finder
    }
}

impl Finder<'_> {
    /// The span of the words that filled `pointer` (as [`Spans::get`]).
    pub(crate) fn get(&mut self, pointer: &str) -> Option<Span> {
        let spans = self.spans;
        // A live entry is the only one of its pointer, so a match near the last is the one.
        let near = self.next..(self.next + 2).min(spans.entries.len());
        for at in near {
            let entry = &spans.entries[at];
            if !entry.removed && spans.pointer(entry) == pointer {
                self.next = at + 1;
                return Some(entry.span);
            }
        }
        let hash = FxBuildHasher.hash_one(pointer);
        if !self.filter.is_empty() {
            let bit = filter_bit(hash, self.shift);
            if self.filter[(bit / 64) as usize] & (1 << (bit % 64)) == 0 {
                return None;
            }
        }
        let at = spans.find(hash, pointer)?;
        self.next = at + 1;
        Some(spans.entries[at].span)
    }
}

impl Spans {
    /// About the length of the JSON text the spans serialise to (exact unless a pointer has
    /// characters JSON escapes): what a caller reserves to write them without regrowing.
    pub fn json_len(&self) -> usize {
        let digits = |n: usize| n.checked_ilog10().unwrap_or(0) as usize + 1;
        // {"pointer":{"start":N,"end":M},…}: braces, commas, entries.
        2 + self.len().saturating_sub(1)
            + self
                .iter()
                .map(|(pointer, span)| pointer.len() + 20 + digits(span.start) + digits(span.end))
                .sum::<usize>()
    }
}

/// The same pointers with the same spans, filled in the same order.
impl PartialEq for Spans {
    fn eq(&self, other: &Spans) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Spans {}

/// The entries of [`Spans`] in fill order.
pub struct Iter<'a> {
    text: &'a str,
    entries: std::slice::Iter<'a, Entry>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, &'a Span);

    fn next(&mut self) -> Option<Self::Item> {
        let text = self.text;
        self.entries.by_ref().find(|e| !e.removed).map(|e| {
            let pointer = text.get(e.start as usize..e.end as usize).unwrap_or("");
            (pointer, &e.span)
        })
    }
}

impl<'a> IntoIterator for &'a Spans {
    type Item = (&'a str, &'a Span);
    type IntoIter = Iter<'a>;

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
mod tests;
