//! Reading free text for the checks: its lowercase words.
//!
//! A text is read once into [`Words`] (lowercase words joined by single spaces, borrowed from
//! the text when it is already in that form), or, when a check only asks whether some word is
//! in a list, scanned without building them ([`any_ascii_word`]). The lists themselves are in
//! `word_lists.rs`.

use std::borrow::Cow;
use std::cell::OnceCell;

/// The words of a text, normalised: lowercase, typographic apostrophes read as plain ones,
/// joined by single spaces. A word starts with a letter or digit and runs over letters, digits
/// and apostrophes, without trailing apostrophes ("didn't" is one word, "'quoted'" is
/// "quoted").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words<'a> {
    joined: Cow<'a, str>,
    count: usize,
}

impl<'a> Words<'a> {
    /// Reads the words of `text`. Allocates only when the text is not already lowercase ASCII
    /// words separated by single spaces.
    pub fn new(text: &'a str) -> Words<'a> {
        if let Some((core, count, has_uppercase)) = plain_words(text) {
            let joined = if has_uppercase {
                Cow::Owned(core.to_ascii_lowercase())
            } else {
                Cow::Borrowed(core)
            };
            return Words { joined, count };
        }
        let mut joined = String::with_capacity(text.len());
        let count = normalise(text, &mut joined, usize::MAX);
        Words {
            joined: Cow::Owned(joined),
            count,
        }
    }

    /// How many words there are.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The words joined by single spaces ("" when there are none).
    pub fn joined(&self) -> &str {
        &self.joined
    }

    /// The words in order.
    pub fn iter(&self) -> WordIter<'_> {
        WordIter {
            rest: &self.joined,
            left: self.count,
        }
    }

    /// The last word.
    pub fn last(&self) -> Option<&str> {
        let bytes = self.joined.as_bytes();
        let start = bytes
            .iter()
            .rposition(|&b| b == b' ')
            .map_or(0, |space| space + 1);
        self.joined.get(start..).filter(|_| self.count > 0)
    }
}

/// The words of [`Words`], in order. (Words are short: a plain scan for the next space is
/// cheaper than a general substring search.)
#[derive(Clone)]
pub struct WordIter<'w> {
    rest: &'w str,
    left: usize,
}

impl<'w> Iterator for WordIter<'w> {
    type Item = &'w str;

    fn next(&mut self) -> Option<&'w str> {
        self.left = self.left.checked_sub(1)?;
        let end = self
            .rest
            .bytes()
            .position(|b| b == b' ')
            .unwrap_or(self.rest.len());
        let (word, rest) = self.rest.split_at(end);
        self.rest = rest.get(1..).unwrap_or("");
        Some(word)
    }
}

/// A text and its [`Words`], read on first use, so the checks that need them share one reading
/// and those that do not pay nothing.
#[derive(Debug)]
pub struct Text<'a> {
    text: &'a str,
    words: OnceCell<Words<'a>>,
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str) -> Text<'a> {
        Text {
            text,
            words: OnceCell::new(),
        }
    }

    /// The text as written.
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// Its words.
    pub fn words(&self) -> &Words<'a> {
        self.words.get_or_init(|| Words::new(self.text))
    }

    /// Its words, if something read them already.
    pub fn words_if_read(&self) -> Option<&Words<'a>> {
        self.words.get()
    }
}

/// The lowercase words of a text (see [`Words`]).
pub fn words(text: &str) -> Vec<String> {
    Words::new(text).iter().map(str::to_string).collect()
}

/// How many words a text has (as [`Words`] splits it), without building them.
pub fn word_count(text: &str) -> usize {
    normalise(text, &mut Discard, usize::MAX)
}

/// Writes the words of `text` to `out` as [`Words`] holds them and returns how many there
/// are, or stops once there are more than `limit` (and returns `limit + 1`).
fn normalise(text: &str, out: &mut impl Output, limit: usize) -> usize {
    if text.is_ascii() {
        let mut count = 0;
        for_each_ascii_word(text.as_bytes(), |word| {
            count += 1;
            if count > limit {
                return false;
            }
            if count > 1 {
                out.push(' ');
            }
            for &byte in word {
                out.push(char::from(byte.to_ascii_lowercase()));
            }
            true
        });
        return count;
    }
    let mut count = 0;
    let mut in_word = false;
    // Apostrophes read since the last letter: kept only if the word goes on.
    let mut apostrophes = 0;
    for c in text.chars() {
        match kind(c) {
            Kind::Letter => {
                if in_word {
                    for _ in 0..apostrophes {
                        out.push('\'');
                    }
                } else {
                    count += 1;
                    if count > limit {
                        break;
                    }
                    if count > 1 {
                        out.push(' ');
                    }
                    in_word = true;
                }
                apostrophes = 0;
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    c.to_lowercase().for_each(|l| out.push(l));
                }
            }
            Kind::Apostrophe if in_word => apostrophes += 1,
            Kind::Apostrophe => {}
            Kind::Gap => {
                in_word = false;
                apostrophes = 0;
            }
        }
    }
    count
}

/// Calls `visit` with each word of a text (as [`Words`] splits it, before lowercasing) until
/// it returns false, reading the text as bytes. Stops at the first non-ASCII byte (a plain
/// byte cannot tell whether it is a letter) and then returns false; every word visited until
/// then was whole.
#[inline]
fn for_each_ascii_word<'t>(bytes: &'t [u8], mut visit: impl FnMut(&'t [u8]) -> bool) -> bool {
    let mut i = 0;
    loop {
        while let Some(&byte) = bytes.get(i) {
            if byte.is_ascii_alphanumeric() {
                break;
            }
            if !byte.is_ascii() {
                return false;
            }
            i += 1;
        }
        let start = i;
        let mut end = i;
        while let Some(&byte) = bytes.get(i) {
            if byte.is_ascii_alphanumeric() {
                i += 1;
                end = i;
            } else if byte == b'\'' {
                i += 1;
            } else if byte.is_ascii() {
                break;
            } else {
                return false;
            }
        }
        match bytes.get(start..end) {
            Some(word) if !word.is_empty() => {
                if !visit(word) {
                    return true;
                }
            }
            _ => return true,
        }
    }
}

/// Where [`normalise`] writes.
trait Output {
    fn push(&mut self, c: char);
}

impl Output for String {
    fn push(&mut self, c: char) {
        String::push(self, c);
    }
}

/// Counting words only.
struct Discard;

impl Output for Discard {
    fn push(&mut self, _: char) {}
}

/// The [`Words`] of a short text, joined, written in place without allocating (for texts
/// compared whole with short phrases).
pub struct ShortWords {
    bytes: [u8; ShortWords::CAPACITY],
    len: usize,
    overflowed: bool,
}

impl ShortWords {
    /// How long the joined words may be.
    pub const CAPACITY: usize = 48;

    /// The words of `text`, unless it has more than `most_words`.
    pub fn read(text: &str, most_words: usize) -> Option<ShortWords> {
        let mut short = ShortWords {
            bytes: [0; ShortWords::CAPACITY],
            len: 0,
            overflowed: false,
        };
        let count = normalise(text, &mut short, most_words);
        (count <= most_words).then_some(short)
    }

    /// The words joined by single spaces, unless they are longer than [`Self::CAPACITY`].
    pub fn joined(&self) -> Option<&str> {
        if self.overflowed {
            return None;
        }
        std::str::from_utf8(self.bytes.get(..self.len)?).ok()
    }
}

impl Output for ShortWords {
    fn push(&mut self, c: char) {
        if let (true, Ok(byte)) = (c.is_ascii(), u8::try_from(c)) {
            match self.bytes.get_mut(self.len) {
                Some(slot) => {
                    *slot = byte;
                    self.len += 1;
                }
                None => self.overflowed = true,
            }
            return;
        }
        let mut utf8 = [0; 4];
        let encoded = c.encode_utf8(&mut utf8).as_bytes();
        match self.bytes.get_mut(self.len..self.len + encoded.len()) {
            Some(slot) => {
                slot.copy_from_slice(encoded);
                self.len += encoded.len();
            }
            None => self.overflowed = true,
        }
    }
}

/// How a character reads in a text: a letter or digit (words start with one and run over
/// them), an apostrophe (inside a word when a letter or digit follows), or a gap between
/// words.
#[derive(Clone, Copy)]
enum Kind {
    Letter,
    Apostrophe,
    Gap,
}

fn kind(c: char) -> Kind {
    match c {
        '\'' | '\u{2019}' => Kind::Apostrophe,
        c if c.is_alphanumeric() => Kind::Letter,
        _ => Kind::Gap,
    }
}

/// The words of a plain ASCII text ("Didn't work.", "Confirm the refund"): between leading and
/// trailing punctuation, ASCII letters, digits and inner apostrophes with single spaces between
/// words. Returns that core, which lowercased is the text's [`Words`], how many words it has,
/// and whether it has uppercase letters; `None` for any other text.
fn plain_words(text: &str) -> Option<(&str, usize, bool)> {
    let outside = |c: char| c.is_ascii() && !c.is_ascii_alphanumeric();
    let core = text.trim_matches(outside);
    let bytes = core.as_bytes();
    // The core starts and ends with a letter or digit (or is empty, or not ASCII there).
    let (&first, &last) = (bytes.first()?, bytes.last()?);
    if !first.is_ascii_alphanumeric() || !last.is_ascii_alphanumeric() {
        return None;
    }
    let mut count = 1;
    let mut has_uppercase = false;
    let mut previous = first;
    for &byte in bytes {
        match byte {
            b' ' if previous != b' ' && previous != b'\'' => count += 1,
            b'\'' if previous != b' ' => {}
            _ if byte.is_ascii_alphanumeric() => has_uppercase |= byte.is_ascii_uppercase(),
            _ => return None,
        }
        previous = byte;
    }
    Some((core, count, has_uppercase))
}

/// Whether `test` holds for some word of a text, given as the bytes of the word as [`Words`]
/// holds it (lowercase) but without building them. `None` when the text has a non-ASCII
/// character before such a word: read its [`Words`] instead.
pub fn any_ascii_word(text: &str, mut test: impl FnMut(&[u8]) -> bool) -> Option<bool> {
    let mut found = false;
    let read = for_each_ascii_word(text.as_bytes(), |word| {
        found = if word.iter().any(u8::is_ascii_uppercase) {
            // Lowercased in place (a long word, rare, in a new vector).
            let mut buffer = [0; 32];
            match buffer.get_mut(..word.len()) {
                Some(lowercase) => {
                    for (to, from) in lowercase.iter_mut().zip(word) {
                        *to = from.to_ascii_lowercase();
                    }
                    test(lowercase)
                }
                None => test(&word.to_ascii_lowercase()),
            }
        } else {
            test(word)
        };
        !found
    });
    // A word found before a non-ASCII character is whole; otherwise the text could not be
    // read as bytes.
    (found || read).then_some(found)
}

/// Whether `text` in lowercase is `lowercase` (without allocating when `text` is ASCII).
pub fn is_lowercase_of(text: &str, lowercase: &str) -> bool {
    if text.is_ascii() {
        text.len() == lowercase.len()
            && text
                .bytes()
                .zip(lowercase.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        text.to_lowercase() == lowercase
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_into_lowercase_words() {
        assert_eq!(
            words("Didn’t work!  See-above"),
            vec!["didn't", "work", "see", "above"]
        );
        assert_eq!(words("'quoted'"), vec!["quoted"]);
        assert!(words(" -- ").is_empty());
        assert_eq!(word_count("Didn’t work!  See-above"), 4);
        assert!(is_lowercase_of("Standard", "standard") && is_lowercase_of("ÉTÉ", "été"));
        assert!(!is_lowercase_of("standards", "standard"));
    }

    #[test]
    fn words_borrow_text_that_is_already_normal() {
        let words = Words::new("didn't work");
        assert!(matches!(words.joined, Cow::Borrowed(_)));
        assert_eq!(words.iter().collect::<Vec<_>>(), ["didn't", "work"]);
        assert_eq!(words.last(), Some("work"));
        let words = Words::new(" Didn't  work. ");
        assert_eq!(words.joined(), "didn't work");
        assert_eq!(words.len(), 2);
        let none = Words::new("?!");
        assert!(none.is_empty() && none.iter().next().is_none() && none.last().is_none());
        // Lowercasing may change a word's length: "İ" is two characters in lowercase.
        assert_eq!(Words::new("İSTANBUL Straße").joined(), "i̇stanbul straße");
    }

    #[test]
    fn scans_ascii_words_in_lowercase() {
        let mut seen = Vec::new();
        let found = any_ascii_word("-- Didn't WORK, 'ok'", |w| {
            seen.push(String::from_utf8_lossy(w).into_owned());
            w == b"work"
        });
        assert_eq!(found, Some(true));
        assert_eq!(seen, ["didn't", "work"]);
        assert_eq!(any_ascii_word("Tomás", |_| true), None);
        assert_eq!(any_ascii_word("?!", |_| true), Some(false));
        let short =
            ShortWords::read(" Didn’t  WORK ", 2).and_then(|s| s.joined().map(str::to_string));
        assert_eq!(short.as_deref(), Some("didn't work"));
        assert!(ShortWords::read("one two three", 2).is_none());
        assert!(ShortWords::read(&"x".repeat(60), 2).is_some_and(|s| s.joined().is_none()));
    }
}
