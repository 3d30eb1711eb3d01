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
        let start = bytes.iter().rposition(|&b| b == b' ').map_or(0, |space| space + 1);
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
    count_words(text, usize::MAX)
}

/// How many words a text has, counting no further than `limit + 1`.
fn count_words(text: &str, limit: usize) -> usize {
    if text.is_ascii() {
        let mut count = 0;
        for_each_ascii_word(text.as_bytes(), |_| {
            count += 1;
            count <= limit
        });
        return count;
    }
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        match kind(c) {
            Kind::Letter if !in_word => {
                count += 1;
                if count > limit {
                    break;
                }
                in_word = true;
            }
            Kind::Letter | Kind::Apostrophe => {}
            Kind::Gap => in_word = false,
        }
    }
    count
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

/// Calls `visit` with each word of an ASCII text (as [`Words`] splits it, before lowercasing)
/// until it returns false: a plain loop over the bytes, for the texts that are ASCII (most).
#[inline]
fn for_each_ascii_word<'t>(bytes: &'t [u8], mut visit: impl FnMut(&'t [u8]) -> bool) {
    let mut i = 0;
    loop {
        while bytes.get(i).is_some_and(|b| !b.is_ascii_alphanumeric()) {
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
            } else {
                break;
            }
        }
        match bytes.get(start..end) {
            Some(word) if !word.is_empty() && visit(word) => {}
            _ => return,
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

/// A short text written in place, without allocating; what does not fit is dropped and marks
/// it as overflowed.
struct ShortText {
    bytes: [u8; ShortText::CAPACITY],
    len: usize,
    overflowed: bool,
}

impl ShortText {
    const CAPACITY: usize = 48;

    fn new() -> ShortText {
        ShortText {
            bytes: [0; ShortText::CAPACITY],
            len: 0,
            overflowed: false,
        }
    }

    /// The text, unless it did not fit.
    fn as_str(&self) -> Option<&str> {
        if self.overflowed {
            return None;
        }
        std::str::from_utf8(self.bytes.get(..self.len)?).ok()
    }
}

impl Output for ShortText {
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

/// The [`Kind`] of a character: ASCII ones from a table, others from their Unicode
/// properties.
#[inline]
fn kind(c: char) -> Kind {
    match ASCII_KINDS.get(c as usize) {
        Some(&kind) => kind,
        None => non_ascii_kind(c),
    }
}

fn non_ascii_kind(c: char) -> Kind {
    if c == '\u{2019}' {
        Kind::Apostrophe
    } else if c.is_alphanumeric() {
        Kind::Letter
    } else {
        Kind::Gap
    }
}

/// The [`Kind`] of each ASCII character.
static ASCII_KINDS: [Kind; 128] = {
    let mut kinds = [Kind::Gap; 128];
    let mut byte = 0;
    while byte < 128 {
        if byte == b'\'' {
            kinds[byte as usize] = Kind::Apostrophe;
        } else if byte.is_ascii_alphanumeric() {
            kinds[byte as usize] = Kind::Letter;
        }
        byte += 1;
    }
    kinds
};

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

/// The words of a phrase, normalised like the words of a text.
fn phrase_words(phrase: &str) -> Vec<String> {
    words(phrase)
}

/// A fixed list of single words, sorted once on first use, for membership tests. The words
/// are compared as written, so write them lowercase.
pub struct WordSet {
    words: &'static [&'static str],
    more_lists: &'static [&'static [&'static str]],
    compiled: OnceLock<(Filter, Vec<&'static str>)>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            more_lists: &[],
            compiled: OnceLock::new(),
        }
    }

    /// The words of several lists.
    pub const fn union(lists: &'static [&'static [&'static str]]) -> WordSet {
        WordSet {
            words: &[],
            more_lists: lists,
            compiled: OnceLock::new(),
        }
    }

    fn compiled(&self) -> &(Filter, Vec<&'static str>) {
        self.compiled.get_or_init(|| {
            let mut sorted = [self.words, &self.more_lists.concat()].concat();
            sorted.sort_unstable();
            (Filter::of(sorted.iter().copied()), sorted)
        })
    }

    /// Whether `word` is one of the words.
    pub fn contains(&self, word: &str) -> bool {
        let (filter, sorted) = self.compiled();
        filter.may_contain(word) && sorted.binary_search(&word).is_ok()
    }

    /// Whether some word of `text` (as [`Words`] reads them) is one of the words. For an
    /// ASCII text, without building its [`Words`].
    pub fn contains_a_word_of(&self, text: &str) -> bool {
        if !text.is_ascii() {
            return Words::new(text).iter().any(|w| self.contains(w));
        }
        let (filter, sorted) = self.compiled();
        let mut found = false;
        for_each_ascii_word(text.as_bytes(), |word| {
            // Lowercased in place; a word too long for the buffer is longer than any listed.
            let mut buffer = [0; 32];
            if let Some(lowercase) = buffer.get_mut(..word.len()) {
                lowercase.copy_from_slice(word);
                lowercase.make_ascii_lowercase();
                found = filter.may_contain_bytes(lowercase)
                    && std::str::from_utf8(lowercase)
                        .is_ok_and(|w| sorted.binary_search(&w).is_ok());
            }
            !found
        });
        found
    }
}

/// A one-word-wide Bloom filter over a few words: it tells in a few instructions that most
/// words are not in a list, so only the others are looked up.
struct Filter(u128);

impl Filter {
    fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Filter {
        Filter(words.into_iter().fold(0, |bits, w| bits | Filter::bit(w)))
    }

    /// One bit from the word's length and its first and last bytes.
    fn bit(word: &str) -> u128 {
        Filter::bit_of_bytes(word.as_bytes())
    }

    fn bit_of_bytes(bytes: &[u8]) -> u128 {
        let first = usize::from(bytes.first().copied().unwrap_or(0));
        let last = usize::from(bytes.last().copied().unwrap_or(0));
        1 << ((bytes.len() * 7 + first * 13 + last) % 128)
    }

    /// False when `word` is certainly none of the words.
    fn may_contain(&self, word: &str) -> bool {
        self.may_contain_bytes(word.as_bytes())
    }

    fn may_contain_bytes(&self, word: &[u8]) -> bool {
        self.0 & Filter::bit_of_bytes(word) != 0
    }

    /// False when the ASCII word, in lowercase, is certainly none of the words.
    fn may_contain_ascii(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let first = usize::from(bytes.first().map_or(0, u8::to_ascii_lowercase));
        let last = usize::from(bytes.last().map_or(0, u8::to_ascii_lowercase));
        self.0 & (1 << ((bytes.len() * 7 + first * 13 + last) % 128)) != 0
    }
}

/// The first word of a text as written, when it can be told from ASCII alone: `None` when a
/// non-ASCII character comes before it ends (it may be a letter) or the text has no word.
fn first_ascii_word(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii() || b.is_ascii_alphanumeric())?;
    let mut end = start;
    for (i, &byte) in bytes.iter().enumerate().skip(start) {
        if byte.is_ascii_alphanumeric() {
            end = i + 1;
        } else if !byte.is_ascii() {
            return None;
        } else if byte != b'\'' {
            break;
        }
    }
    text.get(start..end).filter(|word| !word.is_empty())
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
    /// The phrases' first words.
    first_words: Filter,
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
            let mut first_words = Filter(0);
            let mut sorted: Vec<String> = self
                .phrases
                .iter()
                .map(|p| {
                    let words = Words::new(p);
                    most_words = most_words.max(words.len());
                    first_words.0 |= words.iter().next().map_or(0, Filter::bit);
                    assert!(
                        words.joined().len() <= ShortText::CAPACITY,
                        "phrase too long for contains_text: {p}"
                    );
                    words.joined().to_string()
                })
                .collect();
            sorted.sort_unstable();
            CompiledSet {
                sorted,
                most_words,
                first_words,
            }
        })
    }

    /// The whole text, ignoring punctuation and case, is one of the phrases.
    pub fn contains_text(&self, text: &str) -> bool {
        let compiled = self.compiled();
        // Most texts are told apart by their first word alone.
        if first_ascii_word(text).is_some_and(|word| !compiled.first_words.may_contain_ascii(word))
        {
            return false;
        }
        // Written in place: a text longer than that is none of the phrases (see `compiled`).
        let mut short = ShortText::new();
        let count = normalise(text, &mut short, compiled.most_words);
        count > 0
            && count <= compiled.most_words
            && short
                .as_str()
                .is_some_and(|joined| self.contains_joined(joined))
    }

    /// The words, all together, are one of the phrases.
    pub fn contains(&self, words: &Words) -> bool {
        !words.is_empty() && self.contains_joined(words.joined())
    }

    fn contains_joined(&self, joined: &str) -> bool {
        self.compiled()
            .sorted
            .binary_search_by(|p| p.as_str().cmp(joined))
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
    /// Which words may be first words.
    first_words: Filter,
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
                first_words: Filter::of(by_first_word.iter().map(|(w, _)| w.as_str())),
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
            let word = rest_of_text.find(|w| compiled.first_words.may_contain(w))?;
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
    let text = text.as_str();
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
    if CIRCUMSTANCES.contains_a_word_of(text) {
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
    // Every quote below is ASCII or starts with byte 0xC2 (« ») or 0xE2 (“ ” ‘ ’).
    if !text
        .bytes()
        .any(|b| matches!(b, b'"' | b'`' | b'\'' | 0xC2 | 0xE2))
    {
        return false;
    }
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
        assert_eq!(first_ascii_word("-- Didn't work"), Some("Didn't"));
        assert_eq!(first_ascii_word("'ok' fine"), Some("ok"));
        assert_eq!(first_ascii_word("Tomás Okafor"), None);
        assert_eq!(first_ascii_word("é ok"), None);
        assert_eq!(first_ascii_word("?!"), None);
        static WORDS: WordSet = WordSet::new(&["team", "desk"]);
        assert!(WORDS.contains("desk") && !WORDS.contains("Desk"));
        assert!(WORDS.contains_a_word_of("Front DESK, please"));
        assert!(WORDS.contains_a_word_of("the Team’s"));
        assert!(!WORDS.contains_a_word_of("desks and teams"));
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
