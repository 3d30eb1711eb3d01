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

use jsonschema::json::{Array, Json, JsonNumber, Node as JsonNode, NodeIdentity, Object};
use jsonschema::types::JsonType;
use serde_json::{Map, Number, Value};
use std::borrow::Cow;

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
    /// An object that repeats a key: readers skip every member but the last of a name.
    ObjectWithRepeats,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    tag: Tag,
    a: u32,
    b: u32,
    n: u64,
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
}

/// As serde_json: 127 nested containers are fine, the 128th is refused.
const MAX_DEPTH: usize = 128;

impl<'s> Tape<'s> {
    /// Parses `text`, accepting and reading it exactly as `serde_json::from_str::<Value>`.
    pub fn parse(text: &'s str) -> Result<Tape<'s>, TapeError> {
        if text.len() >= u32::MAX as usize {
            return Err(TapeError {
                offset: 0,
                reason: "the text is too long",
            });
        }
        let mut parser = Parser {
            text,
            bytes: text.as_bytes(),
            at: 0,
            entries: Vec::with_capacity(text.len() / 16 + 4),
            own: String::new(),
            keys: Vec::new(),
        };
        parser.space();
        parser.value(0)?;
        parser.space();
        if parser.at != parser.bytes.len() {
            return parser.fail("trailing characters");
        }
        Ok(Tape {
            text,
            entries: parser.entries,
            own: parser.own,
        })
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
                    n: 0,
                };
            }
        }
    }

    /// The document as a `serde_json::Value` (for the cold paths that need one).
    pub fn to_value(&self) -> Value {
        self.root().to_value()
    }

    fn str_at(&self, at: usize) -> Option<&str> {
        let entry = &self.entries[at];
        let (a, b) = (entry.a as usize, entry.b as usize);
        match entry.tag {
            Tag::Str => Some(&self.text[a..b]),
            Tag::Own => Some(&self.own[a..b]),
            _ => None,
        }
    }

    /// Whether the key entry at `at` is `key` (lengths first: most keys differ in length).
    fn key_is(&self, at: usize, key: &[u8]) -> bool {
        let entry = &self.entries[at];
        let (a, b) = (entry.a as usize, entry.b as usize);
        if b - a != key.len() {
            return false;
        }
        match entry.tag {
            Tag::Str => &self.text.as_bytes()[a..b] == key,
            Tag::Own => &self.own.as_bytes()[a..b] == key,
            _ => false,
        }
    }

    /// The index after the value at `at` and everything inside it.
    fn after(&self, at: usize) -> usize {
        let entry = &self.entries[at];
        match entry.tag {
            Tag::Array | Tag::Object | Tag::ObjectWithRepeats => entry.b as usize,
            _ => at + 1,
        }
    }
}

/// One value of a [`Tape`]: cheap to copy.
#[derive(Clone, Copy, Debug)]
pub struct Node<'t> {
    tape: &'t Tape<'t>,
    at: usize,
}

impl<'t> Node<'t> {
    fn entry(&self) -> &'t Entry {
        &self.tape.entries[self.at]
    }

    /// The entry index of this value, for [`Tape::replace_string`].
    pub fn index(&self) -> usize {
        self.at
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&'t str> {
        self.tape.str_at(self.at)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.entry().tag {
            Tag::True => Some(true),
            Tag::False => Some(false),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        self.entry().tag == Tag::Null
    }

    /// The number, when this is one.
    pub fn as_number(&self) -> Option<TapeNumber<'t>> {
        let entry = self.entry();
        let text = &self.tape.text[entry.a as usize..entry.b as usize];
        match entry.tag {
            Tag::U64 => Some(TapeNumber {
                text,
                value: Num::U64(entry.n),
            }),
            Tag::I64 => Some(TapeNumber {
                text,
                value: Num::I64(entry.n as i64),
            }),
            Tag::F64 => Some(TapeNumber {
                text,
                value: Num::F64(f64::from_bits(entry.n)),
            }),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self.entry().tag, Tag::Object | Tag::ObjectWithRepeats)
    }

    pub fn is_array(&self) -> bool {
        self.entry().tag == Tag::Array
    }

    /// The member `key` of an object (the last one, when the key repeats).
    pub fn get(&self, key: &str) -> Option<Node<'t>> {
        let entry = self.entry();
        if !matches!(entry.tag, Tag::Object | Tag::ObjectWithRepeats) {
            return None;
        }
        let mut found = None;
        let mut at = self.at + 1;
        for _ in 0..entry.a {
            if self.tape.key_is(at, key.as_bytes()) {
                found = Some(Node {
                    tape: self.tape,
                    at: at + 1,
                });
                if entry.tag == Tag::Object {
                    break;
                }
            }
            at = self.tape.after(at + 1);
        }
        found
    }

    /// An object's members in the text's order (the last of a repeated key only); none for
    /// anything else.
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
            end: entry.b as usize,
        }
    }

    /// How many members an object has (each repeated key once); 0 for anything else.
    pub fn object_len(&self) -> usize {
        match self.entry().tag {
            Tag::Object => self.entry().a as usize,
            Tag::ObjectWithRepeats => self.members().count(),
            _ => 0,
        }
    }

    /// An array's elements; none for anything else.
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
    end: usize,
}

impl<'t> Iterator for Members<'t> {
    type Item = (&'t str, Node<'t>);

    fn next(&mut self) -> Option<Self::Item> {
        while self.left > 0 {
            self.left -= 1;
            let key_at = self.at;
            let key = self.tape.str_at(key_at).unwrap_or_default();
            self.at = self.tape.after(key_at + 1);
            if self.repeats && self.repeated_later(key) {
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

impl Members<'_> {
    fn repeated_later(&self, key: &str) -> bool {
        let mut at = self.at;
        while at < self.end {
            if self.tape.key_is(at, key.as_bytes()) {
                return true;
            }
            at = self.tape.after(at + 1);
        }
        false
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

impl JsonNumber for TapeNumber<'_> {
    fn as_u64(&self) -> Option<u64> {
        match self.value {
            Num::U64(n) => Some(n),
            _ => None,
        }
    }

    fn as_i64(&self) -> Option<i64> {
        match self.value {
            Num::U64(n) => i64::try_from(n).ok(),
            Num::I64(n) => Some(n),
            Num::F64(_) => None,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        Some(TapeNumber::as_f64(self))
    }

    fn as_str(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.text)
    }

    fn to_number(&self) -> Cow<'_, Number> {
        Cow::Owned(self.number())
    }

    fn is_integer(&self) -> bool {
        match self.value {
            Num::U64(_) | Num::I64(_) => true,
            Num::F64(n) => n.fract() == 0.0,
        }
    }

    fn is_written_as_integer(&self) -> bool {
        !self.text.contains(['.', 'e', 'E'])
    }
}

/// The tape as a JSON representation jsonschema validates directly.
pub struct TapeJson;

impl Json for TapeJson {
    type Node<'a> = Node<'a>;
    type PreparedKey = Box<str>;
    /// A lookup scans the members, so a members pass replaces lookups whenever it is no longer.
    const KEYS_PER_LOOKUP: usize = 0;
    type StringBuffer = Tape<'static>;

    fn prepare_key(key: &str) -> Box<str> {
        key.into()
    }

    fn with_string_node<T>(
        buffer: &mut Tape<'static>,
        string: &str,
        f: impl FnOnce(Node<'_>) -> T,
    ) -> T {
        buffer.own.clear();
        buffer.own.push_str(string);
        buffer.entries.clear();
        buffer.entries.push(Entry {
            tag: Tag::Own,
            a: 0,
            b: string.len() as u32,
            n: 0,
        });
        f(buffer.root())
    }
}

impl Default for Tape<'static> {
    fn default() -> Self {
        Tape {
            text: "",
            entries: vec![Entry {
                tag: Tag::Null,
                a: 0,
                b: 0,
                n: 0,
            }],
            own: String::new(),
        }
    }
}

impl<'a> JsonNode<'a, TapeJson> for Node<'a> {
    type Object = Node<'a>;
    type Array = Node<'a>;
    type Number = TapeNumber<'a>;

    fn as_object(&self) -> Option<Node<'a>> {
        self.is_object().then_some(*self)
    }

    fn as_array(&self) -> Option<Node<'a>> {
        self.is_array().then_some(*self)
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        self.as_str().map(Cow::Borrowed)
    }

    fn as_number(&self) -> Option<TapeNumber<'a>> {
        Node::as_number(self)
    }

    fn as_boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn is_null(&self) -> bool {
        Node::is_null(self)
    }

    fn is_number(&self) -> bool {
        matches!(self.entry().tag, Tag::U64 | Tag::I64 | Tag::F64)
    }

    fn is_string(&self) -> bool {
        matches!(self.entry().tag, Tag::Str | Tag::Own)
    }

    fn json_type(&self) -> JsonType {
        match self.entry().tag {
            Tag::Null => JsonType::Null,
            Tag::True | Tag::False => JsonType::Boolean,
            Tag::Str | Tag::Own => JsonType::String,
            Tag::U64 | Tag::I64 | Tag::F64 => JsonType::Number,
            Tag::Array => JsonType::Array,
            Tag::Object | Tag::ObjectWithRepeats => JsonType::Object,
        }
    }

    fn string_length(&self) -> Option<u64> {
        // Code points (std counts them a word at a time).
        Some(self.as_str()?.chars().count() as u64)
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(Node::to_value(self))
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::tagged(
            std::ptr::from_ref(self.tape) as usize,
            self.at as u32,
        ))
    }
}

impl<'a> Object<'a, TapeJson> for Node<'a> {
    type Node = Node<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        self.object_len()
    }

    fn get(&self, key: &Box<str>) -> Option<Node<'a>> {
        Node::get(self, key)
    }

    fn members(&self) -> Members<'a> {
        Node::members(self)
    }
}

impl<'a> Array<'a, TapeJson> for Node<'a> {
    type Node = Node<'a>;
    type ElementsIter = Elements<'a>;

    fn len(&self) -> usize {
        self.array_len()
    }

    fn elements(&self) -> Elements<'a> {
        Node::elements(self)
    }
}

struct Parser<'s> {
    text: &'s str,
    bytes: &'s [u8],
    at: usize,
    entries: Vec<Entry>,
    own: String,
    /// The keys of the objects being read, innermost last: (fingerprint, entry index).
    keys: Vec<(u64, u32)>,
}

type Parsed<T = ()> = Result<T, TapeError>;

impl Parser<'_> {
    #[cold]
    fn fail<T>(&self, reason: &'static str) -> Parsed<T> {
        Err(TapeError {
            offset: self.at,
            reason,
        })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn push(&mut self, tag: Tag, a: usize, b: usize, n: u64) {
        self.entries.push(Entry {
            tag,
            a: a as u32,
            b: b as u32,
            n,
        });
    }

    fn value(&mut self, depth: usize) -> Parsed {
        match self.peek() {
            Some(b'{') => self.container(depth, true),
            Some(b'[') => self.container(depth, false),
            Some(b'"') => self.string(),
            Some(b't') => self.word(b"true", Tag::True),
            Some(b'f') => self.word(b"false", Tag::False),
            Some(b'n') => self.word(b"null", Tag::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.fail("expected a value"),
            None => self.fail("the text ends before a value"),
        }
    }

    fn word(&mut self, word: &[u8], tag: Tag) -> Parsed {
        if !self.bytes[self.at..].starts_with(word) {
            return self.fail("expected a value");
        }
        self.at += word.len();
        self.push(tag, 0, 0, 0);
        Ok(())
    }

    /// An array or object, at its opening bracket.
    fn container(&mut self, depth: usize, object: bool) -> Parsed {
        if depth + 1 >= MAX_DEPTH {
            return self.fail("nested too deeply");
        }
        let (start, close) = (self.entries.len(), if object { b'}' } else { b']' });
        self.push(if object { Tag::Object } else { Tag::Array }, 0, 0, 0);
        self.at += 1;
        self.space();
        let mut count = 0u32;
        let mut repeats = false;
        let keys_from = self.keys.len();
        if self.peek() == Some(close) {
            self.at += 1;
        } else {
            loop {
                self.space();
                if object {
                    if self.peek() != Some(b'"') {
                        return self.fail("expected a key");
                    }
                    let key_at = self.entries.len();
                    self.string()?;
                    let print = self.fingerprint(key_at);
                    if !repeats && count > 0 {
                        repeats = self.key_repeats(keys_from, key_at, print);
                    }
                    self.keys.push((print, key_at as u32));
                    self.space();
                    if self.peek() != Some(b':') {
                        return self.fail("expected ':'");
                    }
                    self.at += 1;
                    self.space();
                }
                self.value(depth + 1)?;
                count += 1;
                self.space();
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(c) if c == close => {
                        self.at += 1;
                        break;
                    }
                    _ => return self.fail("expected ',' or a closing bracket"),
                }
            }
        }
        self.keys.truncate(keys_from);
        let end = self.entries.len() as u32;
        let entry = &mut self.entries[start];
        entry.a = count;
        entry.b = end;
        if repeats {
            entry.tag = Tag::ObjectWithRepeats;
        }
        Ok(())
    }

    /// A key's length and first bytes in one word: keys that differ there differ.
    fn fingerprint(&self, at: usize) -> u64 {
        let key = self.key(at);
        let mut head = [0u8; 8];
        let n = key.len().min(6);
        head[..n].copy_from_slice(&key[..n]);
        head[6] = key.len() as u8;
        head[7] = (key.len() >> 8) as u8;
        u64::from_le_bytes(head)
    }

    /// Whether the key just read at `key_at` repeats one of the object's earlier keys (those
    /// on the key stack from `from`).
    fn key_repeats(&self, from: usize, key_at: usize, print: u64) -> bool {
        self.keys[from..]
            .iter()
            .any(|&(other, at)| other == print && self.key(at as usize) == self.key(key_at))
    }

    fn key(&self, at: usize) -> &[u8] {
        let entry = &self.entries[at];
        let range = entry.a as usize..entry.b as usize;
        match entry.tag {
            Tag::Own => &self.own.as_bytes()[range],
            _ => &self.bytes[range],
        }
    }

    /// A string, at its opening quote.
    fn string(&mut self) -> Parsed {
        self.at += 1;
        let start = self.at;
        // Eight bytes at a time to the first quote, backslash or control character.
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        while let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let w = u64::from_le_bytes(word);
            let quote = w ^ (ONES * u64::from(b'"'));
            let backslash = w ^ (ONES * u64::from(b'\\'));
            let hit = ((quote.wrapping_sub(ONES) & !quote)
                | (backslash.wrapping_sub(ONES) & !backslash)
                | (w.wrapping_sub(ONES * 0x20) & !w))
                & HIGH;
            if hit != 0 {
                self.at += (hit.trailing_zeros() / 8) as usize;
                break;
            }
            self.at += 8;
        }
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    self.push(Tag::Str, start, self.at - 1, 0);
                    return Ok(());
                }
                Some(b'\\') => break,
                Some(c) if c < 0x20 => return self.fail("a control character in a string"),
                Some(_) => self.at += 1,
                None => return self.fail("the text ends inside a string"),
            }
        }
        // With escapes: decode into the side buffer.
        let own_start = self.own.len();
        let mut run = start;
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.own.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    self.push(Tag::Own, own_start, self.own.len(), 0);
                    return Ok(());
                }
                Some(b'\\') => {
                    self.own.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    self.escape()?;
                    run = self.at;
                }
                Some(c) if c < 0x20 => return self.fail("a control character in a string"),
                Some(_) => self.at += 1,
                None => return self.fail("the text ends inside a string"),
            }
        }
    }

    /// After a backslash.
    fn escape(&mut self) -> Parsed {
        let Some(c) = self.peek() else {
            return self.fail("the text ends inside a string");
        };
        self.at += 1;
        let decoded = match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\x08',
            b'f' => '\x0c',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        if !self.bytes[self.at..].starts_with(b"\\u") {
                            return self.fail("a lone surrogate");
                        }
                        self.at += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return self.fail("a lone surrogate");
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return self.fail("a lone surrogate"),
                    _ => first,
                };
                match char::from_u32(code) {
                    Some(decoded) => decoded,
                    None => return self.fail("a lone surrogate"),
                }
            }
            _ => return self.fail("an invalid escape"),
        };
        self.own.push(decoded);
        Ok(())
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            return self.fail("an invalid \\u escape");
        };
        let mut code = 0;
        for &digit in digits {
            let value = match digit {
                b'0'..=b'9' => digit - b'0',
                b'a'..=b'f' => digit - b'a' + 10,
                b'A'..=b'F' => digit - b'A' + 10,
                _ => return self.fail("an invalid \\u escape"),
            };
            code = code * 16 + u32::from(value);
        }
        self.at += 4;
        Ok(code)
    }

    fn digits(&mut self) -> Parsed {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return self.fail("an invalid number");
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        Ok(())
    }

    fn number(&mut self) -> Parsed {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        // The integer part, as a u64 while it fits.
        let mut whole: Option<u64> = Some(0);
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                while let Some(c @ b'0'..=b'9') = self.peek() {
                    whole = whole.and_then(|v| v.checked_mul(10)?.checked_add(u64::from(c - b'0')));
                    self.at += 1;
                }
            }
            _ => return self.fail("an invalid number"),
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.digits()?;
            float = true;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.digits()?;
            float = true;
        }
        let end = self.at;
        if let (false, Some(value)) = (float, whole) {
            if !negative {
                self.push(Tag::U64, start, end, value);
                return Ok(());
            }
            // As serde_json: -0 and anything below i64::MIN are floats.
            if value != 0 && value <= 1u64 << 63 {
                self.push(Tag::I64, start, end, (value as i64).wrapping_neg() as u64);
                return Ok(());
            }
        }
        match self.text[start..end].parse::<f64>() {
            Ok(value) if value.is_finite() => {
                self.push(Tag::F64, start, end, value.to_bits());
                Ok(())
            }
            _ => self.fail("a number out of range"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// serde_json and the tape agree on `text`: both refuse it, or both read the same value
    /// (compared as printed too, which tells -0.0 from 0 and keeps key order).
    fn agree(text: &str) {
        let serde = serde_json::from_str::<Value>(text);
        match (serde, Tape::parse(text)) {
            (Ok(expected), Ok(tape)) => {
                let got = tape.to_value();
                assert_eq!(got, expected, "{text:?}");
                assert_eq!(got.to_string(), expected.to_string(), "{text:?}");
                assert_eq!(tape.after(0), tape.entries.len(), "{text:?}");
            }
            (Err(_), Err(_)) => {}
            (Ok(expected), Err(e)) => {
                panic!("the tape refused {text:?} ({e:?}); serde: {expected}")
            }
            (Err(e), Ok(tape)) => {
                panic!("the tape read {text:?} as {}; serde: {e}", tape.to_value())
            }
        }
    }

    #[test]
    fn reads_the_examples_as_serde_json_does() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/packets");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            assert!(Tape::parse(&text).is_ok());
            agree(&text);
            n += 1;
        }
        assert!(n >= 18);
    }

    #[test]
    fn agrees_with_serde_json_on_edge_cases() {
        let long_nesting_ok = "[".repeat(127) + &"]".repeat(127);
        let long_nesting_bad = "[".repeat(128) + &"]".repeat(128);
        let cases = [
            "",
            " ",
            "null",
            "true",
            "false",
            "nul",
            "tru",
            "falsey",
            "0",
            "-0",
            "-0.0",
            "01",
            "1.",
            ".5",
            "1e",
            "1e+",
            "1E-2",
            "-",
            "--1",
            "+1",
            "1.5e308",
            "1e309",
            "-1e309",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "0.1",
            "2.5e-324",
            "4.9e-324",
            "1.7976931348623157e308",
            r#""""#,
            r#""a"#,
            r#""\""#,
            r#""\u00e9""#,
            r#""\ud83e\udd80""#,
            r#""\ud83e""#,
            r#""\udd80""#,
            r#""\ud83ex""#,
            r#""\u12""#,
            r#""\uZZZZ""#,
            r#""\x""#,
            "\"a\tb\"",
            "\"é🦀\"",
            r#""\/\b\f\n\r\t\\""#,
            "[]",
            "{}",
            "[1,]",
            "[,1]",
            "[1 2]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{1:2}",
            "{\"a\":1}x",
            " {\"a\" : [ 1 , {\"b\":null} ] } ",
            "{\"a\":1,\"a\":2}",
            "{\"b\":1,\"a\":2,\"b\":3}",
            "{\"a\":{\"x\":1},\"a\":[2]}",
            "{\"a\\u0062\":1,\"ab\":2}",
            "[\"a\"\"b\"]",
            "\u{feff}1",
            "1 ",
            "\n\r\t1",
            "[1]]",
            "{\"a\":}",
            &long_nesting_ok,
            &long_nesting_bad,
        ];
        for case in cases {
            agree(case);
        }
    }

    #[test]
    fn agrees_with_serde_json_on_mutated_packets() {
        // Deterministic mutations of an example packet: every byte replaced, dropped or doubled
        // in turn, plus swaps with the characters JSON cares about.
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/packets/billing_to_finance-good.json"
        ))
        .unwrap();
        let bytes = text.as_bytes();
        let specials = b"\"\\{}[]:,0-.eE \x01";
        let mut tried = 0;
        for i in 0..bytes.len() {
            let mut variants = vec![
                [&bytes[..i], &bytes[i + 1..]].concat(),
                [&bytes[..=i], &bytes[i..]].concat(),
            ];
            let special = specials[i % specials.len()];
            variants.push([&bytes[..i], &[special], &bytes[i + 1..]].concat());
            for variant in variants {
                if let Ok(variant) = std::str::from_utf8(&variant) {
                    agree(variant);
                    tried += 1;
                }
            }
        }
        assert!(tried > 3 * 1000, "{tried}");
    }

    #[test]
    fn reads_fields_as_a_value_does() {
        let text = r#"{"b":[1,-2,2.5,"x\n"],"a":{"c":true,"d":null},"b":{"z":1}}"#;
        let tape = Tape::parse(text).unwrap();
        let root = tape.root();
        assert_eq!(root.object_len(), 2);
        let keys: Vec<_> = root.members().map(|(k, _)| k).collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(root.get("b").unwrap().to_value(), json!({"z": 1}));
        assert_eq!(
            root.get("a").unwrap().get("c").unwrap().as_bool(),
            Some(true)
        );
        assert!(root.get("a").unwrap().get("d").unwrap().is_null());
        assert!(root.get("missing").is_none());
        let list = Tape::parse(r#"[1,-2,2.5,"x\n",[3]]"#).unwrap();
        let items: Vec<_> = list.root().elements().map(|e| e.to_value()).collect();
        assert_eq!(
            items,
            [json!(1), json!(-2), json!(2.5), json!("x\n"), json!([3])]
        );
        assert_eq!(list.root().array_len(), 5);
        assert_eq!(list.root().elements().nth(3).unwrap().as_str(), Some("x\n"));
    }

    #[test]
    fn replaced_strings_read_back() {
        let text = r#"{"team":"AR","other":"\u0041R"}"#;
        let mut tape = Tape::parse(text).unwrap();
        let (team, other) = {
            let root = tape.root();
            (
                root.get("team").unwrap().index(),
                root.get("other").unwrap().index(),
            )
        };
        tape.replace_string(team, "finance");
        tape.replace_string(other, "support");
        assert_eq!(
            tape.to_value(),
            json!({"team": "finance", "other": "support"})
        );
    }

    #[test]
    fn jsonschema_validates_a_tape_as_it_does_a_value() {
        let schema = json!({
            "type": "object",
            "required": ["name", "tags"],
            "properties": {
                "name": {"type": "string", "minLength": 2, "maxLength": 3},
                "count": {"type": "integer", "minimum": 0},
                "tags": {"type": "array", "items": {"enum": ["a", "b"]}, "uniqueItems": true}
            },
            "additionalProperties": false,
            "propertyNames": {"pattern": "^[a-z]+$"}
        });
        let by_value = jsonschema::options().build(&schema).unwrap();
        let by_tape = jsonschema::options_for::<TapeJson>()
            .build(&schema)
            .unwrap();
        let cases = [
            r#"{"name":"ab","tags":["a"]}"#,
            r#"{"name":"🦀🦀🦀","tags":[]}"#,
            r#"{"name":"🦀🦀🦀🦀","tags":["a","a"],"count":1.0}"#,
            r#"{"name":"a","tags":["c"],"count":-1,"Extra":1}"#,
            r#"{"tags":"x","count":2.5}"#,
            r#"[1]"#,
        ];
        for text in cases {
            let value: Value = serde_json::from_str(text).unwrap();
            let tape = Tape::parse(text).unwrap();
            assert_eq!(
                by_value.is_valid(&value),
                by_tape.is_valid(tape.root()),
                "{text}"
            );
            let describe = |e: jsonschema::ValidationError<'_>| {
                (e.instance_path().as_str().to_owned(), e.to_string())
            };
            let mut expected: Vec<_> = by_value.iter_errors(&value).map(describe).collect();
            let mut got: Vec<_> = by_tape.iter_errors(tape.root()).map(describe).collect();
            expected.sort();
            got.sort();
            assert_eq!(got, expected, "{text}");
        }
    }
}
