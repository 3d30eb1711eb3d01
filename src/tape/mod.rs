//! A JSON document read in place: one fixed-size entry per value, in document order, with
//! strings borrowed from the text unless they hold escapes. Building one allocates two vectors,
//! not a node per value, and dropping it frees those two: about a third of the instructions of
//! parsing into a `serde_json::Value` and dropping it again (bench/README.md).
//!
//! It accepts exactly the documents serde_json accepts and reads them as the same values
//! (duplicate keys: the last one wins; numbers: `u64`, then `i64`, then a correctly rounded
//! `f64`; nesting: at most 127 containers deep), which the tests check against serde_json on
//! edge cases and on many mutated packets. A document it rejects is handed to serde_json for
//! the exact message, so errors read the same either way.
//!
//! [`TapeJson`] lets jsonschema validate a tape directly through its `Json` trait.

mod equal;
mod json;
mod parse;
#[cfg(test)]
mod tests;
mod unique;

pub use json::TapeJson;

use serde_json::{Map, Number, Value};

/// What an entry holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Tag {
    Null,
    True,
    False,
    /// `a..b`: bytes of the text, no escapes inside.
    Str,
    /// `a..b`: bytes of the side buffer (a string that had escapes, or one put in its place).
    Own,
    /// `a..b`: the number's text; `n`: its value.
    U64,
    /// `a..b`: the number's text; `n`: its (negative) value's bits.
    I64,
    /// `a..b`: the number's text; `n`: its value's bits.
    F64,
    /// `a`: element count; `b`: the index after the last entry inside.
    Array,
    /// `a`: member count; `b`: the index after the last entry inside. Members are a key entry
    /// then a value entry, in the text's order.
    Object,
    /// An object that repeats a key: readers skip every member whose key entry is marked
    /// [`SHADOWED`] (all but the last of a name). `a`, `b`: as for an object; `n`: how many
    /// members are left once those are skipped.
    ObjectWithRepeats,
}

/// `n` of a key entry that a later member of the same object repeats; the parser marks them
/// once, so readers skip a repeated key in one step instead of looking ahead for it.
const SHADOWED: u64 = 1;

#[derive(Clone, Copy, Debug)]
struct Entry {
    tag: Tag,
    a: u32,
    b: u32,
    n: u64,
}

/// Runs `f` on the root of a tape of `value` (written out as JSON text and read back), for the
/// callers that hold a `serde_json::Value` (a packet read from a note, the tests). `None` when
/// `value` is nested deeper than a parsed document can be (127 containers).
pub fn with_value<R>(value: &Value, f: impl FnOnce(Node<'_>) -> R) -> Option<R> {
    let text = value.to_string();
    let tape = Tape::parse(&text).ok()?;
    Some(f(tape.root()))
}

/// A parsed JSON document borrowing its text.
#[derive(Debug)]
pub struct Tape<'s> {
    text: &'s str,
    entries: Vec<Entry>,
    own: String,
}

/// Why a text is not a JSON document the tape can hold (the caller asks serde_json for the
/// message it shows).
#[derive(Debug, PartialEq, Eq)]
pub struct TapeError {
    pub offset: usize,
    pub reason: &'static str,
    /// For a ceiling passed (nesting, keys per object): its name in [`crate::limits`], the
    /// size met, and the path to the value as JSON Pointer tokens, innermost first.
    pub limit: Option<(&'static str, u64, Vec<String>)>,
}

impl<'s> Tape<'s> {
    /// Parses `text`, accepting and reading it exactly as `serde_json::from_str::<Value>`.
    pub fn parse(text: &'s str) -> Result<Tape<'s>, TapeError> {
        if text.len() >= u32::MAX as usize {
            return Err(TapeError {
                offset: 0,
                reason: "the text is too long",
                limit: None,
            });
        }
        let (entries, own) = parse::read(text)?;
        Ok(Tape { text, entries, own })
    }

    /// The document `{}`.
    pub fn empty_object() -> Tape<'static> {
        Tape {
            text: "",
            entries: vec![Entry {
                tag: Tag::Object,
                a: 0,
                b: 1,
                n: 0,
            }],
            own: String::new(),
        }
    }

    /// The document's root value.
    pub fn root(&self) -> Node<'_> {
        Node { tape: self, at: 0 }
    }

    /// Puts `text` where the string at `node` was (the vocabulary writes canonical ids this way).
    /// Does nothing when `node` is not a string.
    pub fn replace_string(&mut self, node: usize, text: &str) {
        if let Some(entry) = self.entries.get_mut(node) {
            if matches!(entry.tag, Tag::Str | Tag::Own) {
                let start = self.own.len();
                self.own.push_str(text);
                *entry = Entry {
                    tag: Tag::Own,
                    a: start as u32,
                    b: self.own.len() as u32,
                    // A key keeps its mark.
                    n: entry.n,
                };
            }
        }
    }

    /// The document as a `serde_json::Value` (for the cold paths that need one).
    pub fn to_value(&self) -> Value {
        self.root().to_value()
    }

    #[inline(always)]
    fn str_at(&self, at: usize) -> Option<&str> {
        let entry = &self.entries[at];
        let (a, b) = (entry.a as usize, entry.b as usize);
        match entry.tag {
            Tag::Str => Some(&self.text[a..b]),
            Tag::Own => Some(&self.own[a..b]),
            _ => None,
        }
    }

    /// Whether a later member of the same object repeats the key entry at `at`.
    #[inline(always)]
    fn shadowed(&self, at: usize) -> bool {
        self.entries[at].n == SHADOWED
    }

    /// Whether the key entry at `at` is `key` (lengths first: most keys differ in length;
    /// then the first byte, which tells most of the rest apart without a call to `memcmp`).
    #[inline(always)]
    fn key_is(&self, at: usize, key: &[u8]) -> bool {
        let entry = &self.entries[at];
        let (a, b) = (entry.a as usize, entry.b as usize);
        if b - a != key.len() {
            return false;
        }
        let bytes = match entry.tag {
            Tag::Str => &self.text.as_bytes()[a..b],
            Tag::Own => &self.own.as_bytes()[a..b],
            _ => return false,
        };
        bytes_equal(bytes, key)
    }

    /// The index after the value at `at` and everything inside it.
    #[inline(always)]
    fn after(&self, at: usize) -> usize {
        let entry = &self.entries[at];
        match entry.tag {
            Tag::Array | Tag::Object | Tag::ObjectWithRepeats => entry.b as usize,
            _ => at + 1,
        }
    }
}

/// Whether two byte strings are equal: a short one (a key, an id) compared in place, since
/// a call to `memcmp` for each of the many keys a packet's readers look up cost more than the
/// comparison (a few percent of `handoff audit`).
#[inline(always)]
pub fn bytes_equal(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        let mut i = 0;
        while i < n {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        return true;
    }
    if n > 64 {
        return a == b;
    }
    // Eight bytes at a time, the last eight overlapping the chunk before them.
    let word = |s: &[u8], at: usize| {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&s[at..at + 8]);
        u64::from_ne_bytes(bytes)
    };
    let mut at = 0;
    while at + 8 < n {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    word(a, n - 8) == word(b, n - 8)
}

/// One value of a [`Tape`]: cheap to copy.
#[derive(Clone, Copy, Debug)]
pub struct Node<'t> {
    tape: &'t Tape<'t>,
    at: usize,
}

impl<'t> Node<'t> {
    #[inline(always)]
    fn entry(&self) -> &'t Entry {
        &self.tape.entries[self.at]
    }

    /// The entry index of this value, for [`Tape::replace_string`].
    #[inline(always)]
    pub fn index(&self) -> usize {
        self.at
    }

    /// The string, when this is one.
    #[inline(always)]
    pub fn as_str(&self) -> Option<&'t str> {
        self.tape.str_at(self.at)
    }

    #[inline(always)]
    pub fn as_bool(&self) -> Option<bool> {
        match self.entry().tag {
            Tag::True => Some(true),
            Tag::False => Some(false),
            _ => None,
        }
    }

    #[inline(always)]
    pub fn is_null(&self) -> bool {
        self.entry().tag == Tag::Null
    }

    /// The number, when this is one.
    pub fn as_number(&self) -> Option<TapeNumber<'t>> {
        let entry = self.entry();
        // Only a number's entry holds a byte range of its own text: slicing before the tag
        // is known cut an escaped string's entry at a byte that need not be a char boundary.
        let value = match entry.tag {
            Tag::U64 => Num::U64(entry.n),
            Tag::I64 => Num::I64(entry.n as i64),
            Tag::F64 => Num::F64(f64::from_bits(entry.n)),
            _ => return None,
        };
        let text = &self.tape.text[entry.a as usize..entry.b as usize];
        Some(TapeNumber { text, value })
    }

    #[inline(always)]
    pub fn is_object(&self) -> bool {
        matches!(self.entry().tag, Tag::Object | Tag::ObjectWithRepeats)
    }

    #[inline(always)]
    pub fn is_array(&self) -> bool {
        self.entry().tag == Tag::Array
    }

    /// The member `key` of an object (the last one, when the key repeats).
    #[inline]
    pub fn get(&self, key: &str) -> Option<Node<'t>> {
        let entry = self.entry();
        if !matches!(entry.tag, Tag::Object | Tag::ObjectWithRepeats) {
            return None;
        }
        let mut at = self.at + 1;
        for _ in 0..entry.a {
            // Earlier members of a repeated key are marked: the first unmarked one is the last.
            if self.tape.key_is(at, key.as_bytes()) && !self.tape.shadowed(at) {
                return Some(Node {
                    tape: self.tape,
                    at: at + 1,
                });
            }
            at = self.tape.after(at + 1);
        }
        None
    }

    /// An object's members in the text's order (the last of a repeated key only); none for
    /// anything else.
    #[inline]
    pub fn members(&self) -> Members<'t> {
        let entry = self.entry();
        let count = if matches!(entry.tag, Tag::Object | Tag::ObjectWithRepeats) {
            entry.a
        } else {
            0
        };
        Members {
            tape: self.tape,
            at: self.at + 1,
            left: count,
            repeats: entry.tag == Tag::ObjectWithRepeats,
        }
    }

    /// How many members an object has (each repeated key once); 0 for anything else.
    #[inline(always)]
    pub fn object_len(&self) -> usize {
        match self.entry().tag {
            Tag::Object => self.entry().a as usize,
            Tag::ObjectWithRepeats => self.entry().n as usize,
            _ => 0,
        }
    }

    /// An array's elements; none for anything else.
    #[inline]
    pub fn elements(&self) -> Elements<'t> {
        let entry = self.entry();
        let count = if entry.tag == Tag::Array { entry.a } else { 0 };
        Elements {
            tape: self.tape,
            at: self.at + 1,
            left: count,
        }
    }

    /// How many elements an array has; 0 for anything else.
    #[inline(always)]
    pub fn array_len(&self) -> usize {
        match self.entry().tag {
            Tag::Array => self.entry().a as usize,
            _ => 0,
        }
    }

    /// This value as a `serde_json::Value`.
    pub fn to_value(&self) -> Value {
        match self.entry().tag {
            Tag::Null => Value::Null,
            Tag::True => Value::Bool(true),
            Tag::False => Value::Bool(false),
            Tag::Str | Tag::Own => Value::String(self.as_str().unwrap_or_default().to_owned()),
            Tag::U64 | Tag::I64 | Tag::F64 => self
                .as_number()
                .map_or(Value::Null, |n| Value::Number(n.number())),
            Tag::Array => Value::Array(self.elements().map(|e| e.to_value()).collect()),
            Tag::Object | Tag::ObjectWithRepeats => Value::Object(
                self.members()
                    .map(|(key, value)| (key.to_owned(), value.to_value()))
                    .collect::<Map<String, Value>>(),
            ),
        }
    }
}

/// The members of an object node.
#[derive(Clone, Debug)]
pub struct Members<'t> {
    tape: &'t Tape<'t>,
    at: usize,
    left: u32,
    repeats: bool,
}

impl<'t> Iterator for Members<'t> {
    type Item = (&'t str, Node<'t>);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        while self.left > 0 {
            self.left -= 1;
            let key_at = self.at;
            let key = self.tape.str_at(key_at).unwrap_or_default();
            self.at = self.tape.after(key_at + 1);
            if self.repeats && self.tape.shadowed(key_at) {
                continue;
            }
            return Some((
                key,
                Node {
                    tape: self.tape,
                    at: key_at + 1,
                },
            ));
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.left as usize;
        (
            if self.repeats {
                usize::from(left > 0)
            } else {
                left
            },
            Some(left),
        )
    }
}

/// The elements of an array node.
#[derive(Clone, Debug)]
pub struct Elements<'t> {
    tape: &'t Tape<'t>,
    at: usize,
    left: u32,
}

impl<'t> Iterator for Elements<'t> {
    type Item = Node<'t>;

    #[inline]
    fn next(&mut self) -> Option<Node<'t>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let node = Node {
            tape: self.tape,
            at: self.at,
        };
        self.at = self.tape.after(self.at);
        Some(node)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

impl ExactSizeIterator for Elements<'_> {}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Num {
    U64(u64),
    I64(i64),
    F64(f64),
}

/// A number of a tape: its value and the text it was written as.
#[derive(Clone, Copy, Debug)]
pub struct TapeNumber<'t> {
    text: &'t str,
    value: Num,
}

impl TapeNumber<'_> {
    /// The number as serde_json holds it.
    pub fn number(&self) -> Number {
        match self.value {
            Num::U64(n) => n.into(),
            Num::I64(n) => n.into(),
            // Finite by construction (the parser refuses infinities, as serde_json does).
            Num::F64(n) => Number::from_f64(n).unwrap_or_else(|| 0.into()),
        }
    }

    pub fn as_f64(&self) -> f64 {
        match self.value {
            Num::U64(n) => n as f64,
            Num::I64(n) => n as f64,
            Num::F64(n) => n,
        }
    }
}
