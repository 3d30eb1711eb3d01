//! PATCHED for Handoff Kit: anchored patterns made only of ASCII character classes, matched
//! without a regex engine.
//!
//! Patterns such as `^[a-z][a-z0-9_]*$` or `^[A-Z]{3}$` are the most common `pattern`s in real
//! schemas. Compiling them with `regex` or `fancy-regex` costs the regex compiler's first run (on
//! wasm, also compiling the compiler's code itself), which was most of a validator's first
//! use. [`ClassSequence::parse`] accepts a pattern only when matching it is deterministic: every
//! piece but the last repeats a fixed number of times, so a single left-to-right pass decides
//! the match in time linear in the text. Anything else (alternation, groups, lookaround,
//! non-ASCII classes, a variable repeat before the end) returns `None` and goes to the regex
//! engine as before. Tested from Handoff Kit's `tests/schema_patterns.rs` (this crate's own tests
//! are not vendored), against the `regex` crate on random texts.

/// One ASCII character class: bit `b` set when byte `b` belongs to the class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Class([u64; 2]);

impl Class {
    const EMPTY: Class = Class([0, 0]);

    fn with(mut self, byte: u8) -> Class {
        self.0[usize::from(byte >> 6)] |= 1 << (byte & 63);
        self
    }

    fn with_range(mut self, low: u8, high: u8) -> Class {
        for byte in low..=high {
            self = self.with(byte);
        }
        self
    }

    fn union(self, other: Class) -> Class {
        Class([self.0[0] | other.0[0], self.0[1] | other.0[1]])
    }

    fn contains(self, byte: u8) -> bool {
        byte < 128 && self.0[usize::from(byte >> 6)] & (1 << (byte & 63)) != 0
    }

    fn digit() -> Class {
        Class::EMPTY.with_range(b'0', b'9')
    }

    fn word() -> Class {
        Class::digit()
            .with_range(b'a', b'z')
            .with_range(b'A', b'Z')
            .with(b'_')
    }
}

/// A class repeated between `min` and `max` times (`max` `None`: without bound).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    class: Class,
    min: usize,
    max: Option<usize>,
}

/// `^` piece… `$`, where every piece but the last has `min == max`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClassSequence {
    pieces: Vec<Piece>,
}

/// The most repeats a `{n}` / `{n,m}` may ask for here; larger counts go to the regex engine.
const MAX_REPEAT: usize = 1_000;

impl ClassSequence {
    /// The sequence `pattern` denotes, or `None` when it is not an anchored, deterministic
    /// sequence of ASCII classes.
    pub(crate) fn parse(pattern: &str) -> Option<ClassSequence> {
        let body = pattern.strip_prefix('^')?.strip_suffix('$')?;
        if body.ends_with('\\') {
            return None; // `\$` is a literal dollar, not the anchor.
        }
        let bytes = body.as_bytes();
        let mut pieces = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let (class, next) = atom(bytes, at)?;
            let (min, max, next) = quantifier(bytes, next)?;
            pieces.push(Piece { class, min, max });
            at = next;
        }
        let (_, fixed) = pieces.split_last()?;
        if fixed.iter().any(|piece| piece.max != Some(piece.min)) {
            return None;
        }
        Some(ClassSequence { pieces })
    }

    /// Whether the whole of `text` matches, in one pass over its bytes. A byte of a multi-byte
    /// character belongs to no ASCII class, so it fails the match as the character would.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        let mut bytes = text.bytes();
        let Some((last, fixed)) = self.pieces.split_last() else {
            return text.is_empty();
        };
        for piece in fixed {
            for _ in 0..piece.min {
                match bytes.next() {
                    Some(byte) if piece.class.contains(byte) => {}
                    _ => return false,
                }
            }
        }
        let mut count = 0;
        for byte in bytes {
            if !last.class.contains(byte) {
                return false;
            }
            count += 1;
            if last.max.is_some_and(|max| count > max) {
                return false;
            }
        }
        count >= last.min
    }
}

/// A literal, an escape or a bracketed class starting at `at`; the class and the index after it.
fn atom(bytes: &[u8], at: usize) -> Option<(Class, usize)> {
    match *bytes.get(at)? {
        b'[' => bracket(bytes, at + 1),
        b'\\' => Some((escape(*bytes.get(at + 1)?)?, at + 2)),
        byte if byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b':' | b'@' | b'/') => {
            Some((Class::EMPTY.with(byte), at + 1))
        }
        _ => None,
    }
}

/// `\d`, `\w` or an escaped ASCII punctuation character.
fn escape(byte: u8) -> Option<Class> {
    match byte {
        b'd' => Some(Class::digit()),
        b'w' => Some(Class::word()),
        b'.' | b'-' | b'_' | b'/' | b'+' | b'*' | b'?' | b'(' | b')' | b'[' | b']' | b'{' | b'}'
        | b'\\' | b'^' | b'$' | b'|' => Some(Class::EMPTY.with(byte)),
        _ => None,
    }
}

/// The members of `[…]` (no negation), up to and after its closing `]`.
fn bracket(bytes: &[u8], mut at: usize) -> Option<(Class, usize)> {
    let mut class = Class::EMPTY;
    if bytes.get(at) == Some(&b'^') || bytes.get(at) == Some(&b']') {
        return None;
    }
    loop {
        let byte = *bytes.get(at)?;
        if byte == b']' {
            return Some((class, at + 1));
        }
        let (low, next) = member(bytes, at)?;
        at = next;
        // A range `a-z`: a `-` between two single members, not before the closing `]`.
        if bytes.get(at) == Some(&b'-') && bytes.get(at + 1).is_some_and(|&b| b != b']') {
            let (Member::Byte(low), (Member::Byte(high), next)) = (low, member(bytes, at + 1)?)
            else {
                return None;
            };
            if low > high {
                return None;
            }
            class = class.with_range(low, high);
            at = next;
        } else {
            class = class.union(match low {
                Member::Byte(byte) => Class::EMPTY.with(byte),
                Member::Class(members) => members,
            });
        }
    }
}

enum Member {
    Byte(u8),
    Class(Class),
}

/// One member of a bracketed class: a printable ASCII byte or an escape.
fn member(bytes: &[u8], at: usize) -> Option<(Member, usize)> {
    match *bytes.get(at)? {
        b'\\' => {
            let escaped = *bytes.get(at + 1)?;
            let member = match escaped {
                b'd' => Member::Class(Class::digit()),
                b'w' => Member::Class(Class::word()),
                byte if byte.is_ascii_punctuation() => Member::Byte(byte),
                _ => return None,
            };
            Some((member, at + 2))
        }
        // `[` and `&`/`-` doubled are class-set syntax under the `v` flag; leave those to the engine.
        b'[' | b'&' => None,
        b'-' if bytes.get(at + 1) == Some(&b'-') => None,
        byte if byte.is_ascii_graphic() || byte == b' ' => Some((Member::Byte(byte), at + 1)),
        _ => None,
    }
}

/// `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}` at `at` (none: exactly once); the bounds and the index
/// after it. A lazy or possessive suffix is refused.
fn quantifier(bytes: &[u8], at: usize) -> Option<(usize, Option<usize>, usize)> {
    let (min, max, next) = match bytes.get(at) {
        Some(b'*') => (0, None, at + 1),
        Some(b'+') => (1, None, at + 1),
        Some(b'?') => (0, Some(1), at + 1),
        Some(b'{') => {
            let close = at + bytes[at..].iter().position(|&b| b == b'}')?;
            let inside = std::str::from_utf8(&bytes[at + 1..close]).ok()?;
            let number = |text: &str| -> Option<usize> {
                if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                text.parse().ok().filter(|&n| n <= MAX_REPEAT)
            };
            let (min, max) = match inside.split_once(',') {
                None => {
                    let n = number(inside)?;
                    (n, Some(n))
                }
                Some((low, "")) => (number(low)?, None),
                Some((low, high)) => (number(low)?, Some(number(high)?)),
            };
            if max.is_some_and(|max| max < min) {
                return None;
            }
            (min, max, close + 1)
        }
        _ => (1, Some(1), at),
    };
    if matches!(bytes.get(next), Some(b'?' | b'+' | b'*' | b'{')) {
        return None;
    }
    Some((min, max, next))
}
