//! Small text matching for the checks: lowercase words, phrases, and the signs of a specific
//! statement (numbers, quoted error text, amounts, product names).
//!
//! Texts are read once into [`Words`] (lowercase words joined by single spaces, borrowed from
//! the text when it is already in that form), and word lists are compiled once, on first use,
//! into sorted sets ([`WordSet`], [`PhraseSet`]) or an index by first word ([`PhraseList`]), so
//! matching a text costs one pass over its words and a few binary searches.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::OnceLock;

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
        let mut ranges = WordRanges::new(text);
        let Some((first_start, first_end)) = ranges.next() else {
            return Words {
                joined: Cow::Borrowed(""),
                count: 0,
            };
        };
        let mut owned: Option<String> = None;
        if !is_normal(&text[first_start..first_end]) {
            let mut joined = String::with_capacity(text.len());
            push_normalised(&mut joined, &text[first_start..first_end]);
            owned = Some(joined);
        }
        let mut count = 1;
        let mut previous_end = first_end;
        for (start, end) in ranges {
            count += 1;
            let word = &text[start..end];
            match &mut owned {
                Some(joined) => {
                    joined.push(' ');
                    push_normalised(joined, word);
                }
                None if start == previous_end + 1
                    && text.as_bytes()[previous_end] == b' '
                    && is_normal(word) => {}
                None => {
                    let mut joined = String::with_capacity(text.len());
                    joined.push_str(&text[first_start..previous_end]);
                    joined.push(' ');
                    push_normalised(&mut joined, word);
                    owned = Some(joined);
                }
            }
            previous_end = end;
        }
        let joined = owned.map_or(Cow::Borrowed(&text[first_start..previous_end]), Cow::Owned);
        Words { joined, count }
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
    pub fn iter(&self) -> std::iter::Take<std::str::Split<'_, char>> {
        self.joined.split(' ').take(self.count)
    }

    /// The last word.
    pub fn last(&self) -> Option<&str> {
        self.joined.rsplit(' ').next().filter(|_| self.count > 0)
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
    WordRanges::new(text).count()
}

/// Whether a text has at most `limit` words, reading no further than needed.
fn has_at_most_words(text: &str, limit: usize) -> bool {
    WordRanges::new(text).nth(limit).is_none()
}

/// The byte ranges of the words of a text, as [`Words`] defines them.
struct WordRanges<'t> {
    text: &'t str,
    position: usize,
}

impl<'t> WordRanges<'t> {
    fn new(text: &'t str) -> Self {
        WordRanges { text, position: 0 }
    }

    /// The character at byte `at`, a character boundary below the text's length.
    fn char_at(&self, at: usize) -> char {
        self.text[at..].chars().next().unwrap_or('\0')
    }
}

impl Iterator for WordRanges<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let mut i = self.position;
        // Skip to the first letter or digit.
        loop {
            let &byte = bytes.get(i).or_else(|| {
                self.position = bytes.len();
                None
            })?;
            if byte.is_ascii() {
                if byte.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let c = self.char_at(i);
                if c.is_alphanumeric() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        let start = i;
        // Run over letters, digits and apostrophes; the word ends after its last letter or digit.
        let mut end = i;
        while let Some(&byte) = bytes.get(i) {
            if byte.is_ascii() {
                if byte.is_ascii_alphanumeric() {
                    i += 1;
                    end = i;
                } else if byte == b'\'' {
                    i += 1;
                } else {
                    break;
                }
            } else {
                let c = self.char_at(i);
                if c.is_alphanumeric() {
                    i += c.len_utf8();
                    end = i;
                } else if c == '\u{2019}' {
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
        }
        self.position = i;
        Some((start, end))
    }
}

/// Whether a word is already as [`Words`] holds it: lowercase ASCII.
fn is_normal(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// Appends a word as [`Words`] holds it: lowercase, typographic apostrophes as plain ones.
fn push_normalised(out: &mut String, word: &str) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in word.chars() {
        if c == '\u{2019}' {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The words of a phrase, normalised like the words of a text.
fn phrase_words(phrase: &str) -> Vec<String> {
    words(phrase)
}

/// A fixed list of single words, sorted once on first use, for membership tests. The words
/// are compared as written, so write them lowercase.
pub struct WordSet {
    words: &'static [&'static str],
    more_words: &'static [&'static str],
    sorted: OnceLock<Vec<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet::union(words, &[])
    }

    /// The words of two lists.
    pub const fn union(words: &'static [&'static str], more_words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            more_words,
            sorted: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the words.
    pub fn contains(&self, word: &str) -> bool {
        let sorted = self.sorted.get_or_init(|| {
            let mut sorted = [self.words, self.more_words].concat();
            sorted.sort_unstable();
            sorted
        });
        sorted.binary_search(&word).is_ok()
    }
}

/// A fixed list of phrases, normalised once (lowercase words joined by one space) and sorted
/// on first use, so asking whether a whole text is one of them costs one tokenisation and a
/// binary search.
pub struct PhraseSet {
    phrases: &'static [&'static str],
    compiled: OnceLock<CompiledSet>,
}

struct CompiledSet {
    sorted: Vec<String>,
    most_words: usize,
}

impl PhraseSet {
    pub const fn new(phrases: &'static [&'static str]) -> PhraseSet {
        PhraseSet {
            phrases,
            compiled: OnceLock::new(),
        }
    }

    /// The phrases as written.
    pub fn list(&self) -> &'static [&'static str] {
        self.phrases
    }

    fn compiled(&self) -> &CompiledSet {
        self.compiled.get_or_init(|| {
            let mut most_words = 0;
            let mut sorted: Vec<String> = self
                .phrases
                .iter()
                .map(|p| {
                    let words = Words::new(p);
                    most_words = most_words.max(words.len());
                    words.joined().to_string()
                })
                .collect();
            sorted.sort_unstable();
            CompiledSet { sorted, most_words }
        })
    }

    /// The whole text, ignoring punctuation and case, is one of the phrases.
    pub fn contains_text(&self, text: &str) -> bool {
        // A text with more words than the longest phrase is none of them: stop reading early.
        has_at_most_words(text, self.compiled().most_words) && self.contains(&Words::new(text))
    }

    /// The words, all together, are one of the phrases.
    pub fn contains(&self, words: &Words) -> bool {
        !words.is_empty()
            && self
                .compiled()
                .sorted
                .binary_search_by(|p| p.as_str().cmp(words.joined()))
                .is_ok()
    }
}

/// A fixed, ordered list of phrases (one or more words each) to find inside texts, indexed on
/// first use by each phrase's first word.
pub struct PhraseList {
    phrases: &'static [&'static str],
    compiled: OnceLock<CompiledList>,
}

struct CompiledList {
    /// (first word, position in the list), sorted.
    by_first_word: Vec<(String, usize)>,
    /// The words after the first, per phrase in list order.
    rest: Vec<Vec<String>>,
}

impl PhraseList {
    pub const fn new(phrases: &'static [&'static str]) -> PhraseList {
        PhraseList {
            phrases,
            compiled: OnceLock::new(),
        }
    }

    fn compiled(&self) -> &CompiledList {
        self.compiled.get_or_init(|| {
            let mut by_first_word = Vec::new();
            let mut rest = Vec::new();
            for (index, phrase) in self.phrases.iter().enumerate() {
                let mut words = phrase_words(phrase).into_iter();
                if let Some(first) = words.next() {
                    by_first_word.push((first, index));
                }
                rest.push(words.collect());
            }
            by_first_word.sort_unstable();
            CompiledList {
                by_first_word,
                rest,
            }
        })
    }

    /// The positions in the list of the phrases that occur in `words` as consecutive words,
    /// in no particular order.
    fn occurrences<'w>(&'w self, words: &'w Words) -> impl Iterator<Item = usize> + 'w {
        let compiled = self.compiled();
        let mut rest_of_text = words.iter();
        std::iter::from_fn(move || {
            let word = rest_of_text.next()?;
            Some((word, rest_of_text.clone()))
        })
        .flat_map(move |(word, after)| {
            let from = compiled
                .by_first_word
                .partition_point(|(first, _)| first.as_str() < word);
            compiled.by_first_word[from..]
                .iter()
                .take_while(move |(first, _)| first.as_str() == word)
                .filter(move |(_, index)| {
                    let mut after = after.clone();
                    compiled.rest[*index]
                        .iter()
                        .all(|expected| after.next() == Some(expected.as_str()))
                })
                .map(|(_, index)| *index)
        })
    }

    /// Whether any of the phrases occurs in `words`.
    pub fn occurs_in(&self, words: &Words) -> bool {
        self.occurrences(words).next().is_some()
    }

    /// The first phrase of the list (in list order) that occurs in `words`, as written.
    pub fn find(&self, words: &Words) -> Option<&'static str> {
        self.occurrences(words)
            .min()
            .and_then(|index| self.phrases.get(index).copied())
    }
}

/// Whether a text names something specific: a number (amount, id, date, version), a currency
/// sign, quoted text (an error message), a URL or e-mail, or a capitalised name in mid-sentence
/// (a product, a company).
pub fn has_specifics(text: &Text) -> bool {
    let (text, words) = (text.as_str(), || text.words());
    if text
        .bytes()
        .any(|b| b.is_ascii_digit() || matches!(b, b'$' | b'@'))
        || (!text.is_ascii() && text.contains(['€', '£', '¥']))
    {
        return true;
    }
    if text.contains("://") || has_quoted_text(text) {
        return true;
    }
    if words().iter().any(|w| CIRCUMSTANCES.contains(w)) {
        return true;
    }
    has_mid_sentence_name(text)
}

/// Words that introduce the circumstance or step in which something happens ("fails *after*
/// the update", "*when* clicking Pay").
static CIRCUMSTANCES: WordSet = WordSet::new(&[
    "after", "when", "whenever", "while", "during", "since", "because", "clicking", "step",
]);

fn has_quoted_text(text: &str) -> bool {
    for (open, close) in [('"', '"'), ('“', '”'), ('`', '`'), ('«', '»'), ('‘', '’')] {
        if !text.contains([open, close]) {
            // Without either quote the text is one part, outside any pair.
            continue;
        }
        let mut parts = text.split([open, close]);
        // Every odd part lies between a pair of quotes.
        parts.next();
        while let (Some(inside), Some(_)) = (parts.next(), parts.next()) {
            if inside.trim().chars().count() >= 3 {
                return true;
            }
        }
    }
    text.contains('\'') && has_single_quoted_text(text)
}

/// 'Session expired' — but not the apostrophes of "it's" and "isn't".
fn has_single_quoted_text(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut open: Option<usize> = None;
    for (i, c) in chars.iter().enumerate() {
        if *c != '\'' {
            continue;
        }
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let after = chars.get(i + 1);
        match open {
            None if before.is_none_or(|b| b.is_whitespace() || *b == '(') => open = Some(i),
            Some(start) if after.is_none_or(|a| !a.is_alphanumeric()) => {
                if i - start > 3 {
                    return true;
                }
                open = None;
            }
            _ => {}
        }
    }
    false
}

fn has_mid_sentence_name(text: &str) -> bool {
    let mut sentence_start = true;
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        let capitalised = word.chars().any(char::is_uppercase);
        if capitalised && !sentence_start && word != "I" && word.chars().count() > 1 {
            return true;
        }
        sentence_start =
            token.ends_with(['.', '!', '?', ':', ';']) || word.is_empty() && sentence_start;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specific(text: &str) -> bool {
        has_specifics(&Text::new(text))
    }

    #[test]
    fn splits_into_lowercase_words() {
        assert_eq!(
            words("Didn’t work!  See-above"),
            vec!["didn't", "work", "see", "above"]
        );
        assert_eq!(words("'quoted'"), vec!["quoted"]);
        assert!(words(" -- ").is_empty());
        assert_eq!(word_count("Didn’t work!  See-above"), 4);
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
    fn finds_phrases_and_stems() {
        let w = Words::new("The customer was promised a refund, as discussed.");
        static LIST: PhraseList = PhraseList::new(&["see above", "as discussed", "discussed as"]);
        assert_eq!(LIST.find(&w), Some("as discussed"));
        assert!(LIST.occurs_in(&w));
        static LATER_FIRST: PhraseList = PhraseList::new(&["a refund", "customer"]);
        assert_eq!(LATER_FIRST.find(&w), Some("a refund"));
        assert!(!LIST.occurs_in(&Words::new("discussed")));
        static SET: PhraseSet = PhraseSet::new(&["didn't work", "n/a"]);
        assert!(SET.contains_text("Didn’t work!"));
        assert!(SET.contains_text("N/A"));
        assert!(!SET.contains_text("didn't work after the reset"));
        assert!(!SET.contains_text(" -- "));
        static WORDS: WordSet = WordSet::new(&["team", "desk"]);
        assert!(WORDS.contains("desk") && !WORDS.contains("Desk"));
    }

    #[test]
    fn specifics_are_recognised() {
        assert!(specific("Charged twice for invoice INV-2211"));
        assert!(specific("Login shows \"Session expired\" on every attempt"));
        assert!(specific("Export fails in Outlook"));
        assert!(specific("export shows 'quota exceeded' on save"));
        assert!(specific("Refund of €40 requested"));
        assert!(specific("sync not working on iOS"));
        assert!(specific("upload not working after the update"));
        assert!(!specific("Customer has an issue. Not working."));
        assert!(!specific("it's not working, the customer isn't happy"));
        assert!(!specific("Billing problem"));
    }
}
