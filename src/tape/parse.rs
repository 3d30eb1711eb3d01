//! Reading JSON text into a tape, accepting exactly what serde_json accepts.

use super::{Entry, Tag, TapeError, SHADOWED};
use std::collections::HashSet;

use crate::limits::{JSON_DEPTH, KEYS_PER_OBJECT};

/// An object with up to this many keys compares them pairwise (a word-sized fingerprint
/// first); a larger one puts them in a hash set once, so that the work stays linear in its
/// size however many keys it has and however alike they are.
const PAIRWISE_KEYS: usize = 16;

/// The entries and side buffer of `text`'s tape.
pub(super) fn read(text: &str) -> Result<(Vec<Entry>, String), TapeError> {
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
    Ok((parser.entries, parser.own))
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
            limit: None,
        })
    }

    /// A ceiling of [`crate::limits`] passed here; the containers around add their tokens
    /// to the path as the error goes up.
    #[cold]
    fn past_limit<T>(&self, name: &'static str, size: u64) -> Parsed<T> {
        Err(TapeError {
            offset: self.at,
            reason: "past a limit",
            limit: Some((name, size, Vec::new())),
        })
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline(always)]
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    #[inline(always)]
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
        // As serde_json: 127 nested containers are fine, the 128th is refused.
        if depth + 1 >= JSON_DEPTH {
            return self.past_limit("json-depth", JSON_DEPTH as u64);
        }
        let (start, close) = (self.entries.len(), if object { b'}' } else { b']' });
        self.push(if object { Tag::Object } else { Tag::Array }, 0, 0, 0);
        self.at += 1;
        self.space();
        let mut count = 0u32;
        let keys_from = self.keys.len();
        if self.peek() == Some(close) {
            self.at += 1;
        } else {
            loop {
                self.space();
                let mut key_at = 0;
                if object {
                    if count as usize >= KEYS_PER_OBJECT {
                        return self.past_limit("keys-per-object", u64::from(count) + 1);
                    }
                    if self.peek() != Some(b'"') {
                        return self.fail("expected a key");
                    }
                    key_at = self.entries.len();
                    self.string()?;
                    let print = self.fingerprint(key_at);
                    self.keys.push((print, key_at as u32));
                    self.space();
                    if self.peek() != Some(b':') {
                        return self.fail("expected ':'");
                    }
                    self.at += 1;
                    self.space();
                }
                if let Err(mut error) = self.value(depth + 1) {
                    if let Some((_, _, path)) = &mut error.limit {
                        path.push(if object {
                            String::from_utf8_lossy(self.key(key_at)).into_owned()
                        } else {
                            count.to_string()
                        });
                    }
                    return Err(error);
                }
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
        let shadowed = if object {
            self.mark_repeats(keys_from)
        } else {
            0
        };
        self.keys.truncate(keys_from);
        let end = self.entries.len() as u32;
        let entry = &mut self.entries[start];
        entry.a = count;
        entry.b = end;
        if shadowed > 0 {
            entry.tag = Tag::ObjectWithRepeats;
            entry.n = u64::from(count - shadowed);
        }
        Ok(())
    }

    /// A key's length and first bytes in one word: keys that differ there differ.
    #[inline(always)]
    fn fingerprint(&self, at: usize) -> u64 {
        let key = self.key(at);
        let mut head = [0u8; 8];
        for (slot, byte) in head.iter_mut().zip(key.iter().take(6)) {
            *slot = *byte;
        }
        head[6] = key.len() as u8;
        head[7] = (key.len() >> 8) as u8;
        u64::from_le_bytes(head)
    }

    /// Marks each key of the object just read (those on the key stack from `from`) that a
    /// later member repeats, and says how many it marked.
    fn mark_repeats(&mut self, from: usize) -> u32 {
        let keys = &self.keys[from..];
        let mut shadowed = Vec::new();
        if keys.len() <= PAIRWISE_KEYS {
            for (i, &(print, at)) in keys.iter().enumerate() {
                let key = self.key(at as usize);
                if keys[i + 1..]
                    .iter()
                    .any(|&(other, later)| other == print && self.key(later as usize) == key)
                {
                    shadowed.push(at);
                }
            }
        } else {
            // std's hasher (SipHash, randomly keyed where the platform has randomness).
            let mut seen = HashSet::with_capacity(keys.len());
            for &(_, at) in keys.iter().rev() {
                if !seen.insert(self.key(at as usize)) {
                    shadowed.push(at);
                }
            }
        }
        for &at in &shadowed {
            self.entries[at as usize].n = SHADOWED;
        }
        shadowed.len() as u32
    }

    #[inline(always)]
    fn key(&self, at: usize) -> &[u8] {
        let entry = &self.entries[at];
        let range = entry.a as usize..entry.b as usize;
        match entry.tag {
            Tag::Own => &self.own.as_bytes()[range],
            _ => &self.bytes[range],
        }
    }

    /// A string, at its opening quote.
    #[inline(always)]
    fn string(&mut self) -> Parsed {
        self.at += 1;
        let start = self.at;
        // Eight bytes at a time to the first quote, backslash or control character.
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // (A slice pattern, not `copy_from_slice`: at opt-level "s" that stays a call.)
        while let Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) = self.bytes.get(self.at..self.at + 8) {
            let w = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]);
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
