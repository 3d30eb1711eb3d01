//! Fixed lists of words and phrases the checks look for, compiled once, on first use: sorted
//! sets behind a small Bloom filter ([`WordSet`]; [`PhraseSet`] for whole texts) and an index
//! by first word ([`PhraseList`], for phrases inside texts). Matching a text costs one pass
//! over its words and, for the few words that may match, a binary search.

use crate::rubric::words::{any_ascii_word, words, ShortWords, Words};
use std::sync::OnceLock;

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
        self.contains_bytes(word.as_bytes())
    }

    /// Whether some word of `text` (as [`Words`] reads them) is one of the words. For an
    /// ASCII text, without building its [`Words`].
    pub fn contains_a_word_of(&self, text: &str) -> bool {
        any_ascii_word(text, |word| self.contains_bytes(word))
            .unwrap_or_else(|| Words::new(text).iter().any(|w| self.contains(w)))
    }

    /// Whether the (UTF-8) bytes of `word` are one of the words.
    pub fn contains_bytes(&self, word: &[u8]) -> bool {
        let (filter, sorted) = self.compiled();
        filter.may_contain(word)
            && sorted
                .binary_search_by(|listed| listed.as_bytes().cmp(word))
                .is_ok()
    }
}

/// A one-word-wide Bloom filter over a few words: it tells in a few instructions that most
/// words are not in a list, so only the others are looked up.
struct Filter(u128);

impl Filter {
    fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Filter {
        Filter(
            words
                .into_iter()
                .fold(0, |bits, word| bits | Filter::bit(word.as_bytes())),
        )
    }

    /// One bit from the word's length and its first and last bytes.
    fn bit(word: &[u8]) -> u128 {
        let first = usize::from(word.first().copied().unwrap_or(0));
        let last = usize::from(word.last().copied().unwrap_or(0));
        1 << ((word.len() * 7 + first * 13 + last) % 128)
    }

    /// False when `word` is certainly none of the words.
    fn may_contain(&self, word: &[u8]) -> bool {
        self.0 & Filter::bit(word) != 0
    }
}

/// A fixed list of phrases, normalised once (lowercase words joined by one space) and sorted
/// on first use, so asking whether a whole text is one of them costs a look at its first word
/// (which settles most texts), else reading its words in place and a binary search.
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
                    first_words.0 |= words.iter().next().map_or(0, |w| Filter::bit(w.as_bytes()));
                    assert!(
                        words.joined().len() <= ShortWords::CAPACITY,
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
        let mut first_word_may_match = true;
        any_ascii_word(text, |first| {
            first_word_may_match = compiled.first_words.may_contain(first);
            true
        });
        first_word_may_match
            && ShortWords::read(text, compiled.most_words).is_some_and(|short| {
                short
                    .joined()
                    .is_some_and(|joined| !joined.is_empty() && self.contains_joined(joined))
            })
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

    /// The phrases as written.
    pub fn list(&self) -> &'static [&'static str] {
        self.phrases
    }

    fn compiled(&self) -> &CompiledList {
        self.compiled.get_or_init(|| {
            let mut by_first_word = Vec::new();
            let mut rest = Vec::new();
            for (index, phrase) in self.phrases.iter().enumerate() {
                let mut words = words(phrase).into_iter();
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
            let word = rest_of_text.find(|w| compiled.first_words.may_contain(w.as_bytes()))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_phrases_inside_texts() {
        let w = Words::new("The customer was promised a refund, as discussed.");
        static LIST: PhraseList = PhraseList::new(&["see above", "as discussed", "discussed as"]);
        assert_eq!(LIST.find(&w), Some("as discussed"));
        assert!(LIST.occurs_in(&w));
        static LATER_FIRST: PhraseList = PhraseList::new(&["a refund", "customer"]);
        assert_eq!(LATER_FIRST.find(&w), Some("a refund"));
        assert!(!LIST.occurs_in(&Words::new("discussed")));
    }

    #[test]
    fn tells_whole_texts_that_are_a_phrase() {
        static SET: PhraseSet = PhraseSet::new(&["didn't work", "n/a", "no one"]);
        assert!(SET.contains_text("Didn’t work!"));
        assert!(SET.contains_text("N/A"));
        assert!(SET.contains_text("-- No  one --"));
        assert!(!SET.contains_text("didn't work after the reset"));
        assert!(!SET.contains_text("Didn't"));
        assert!(!SET.contains_text(" -- "));
        assert!(!SET.contains_text(&"no one ".repeat(20)));
        assert!(SET.contains(&Words::new("NO ONE")));
    }

    #[test]
    fn tells_words_of_a_list() {
        static WORDS: WordSet = WordSet::new(&["team", "desk"]);
        assert!(WORDS.contains("desk") && !WORDS.contains("Desk") && !WORDS.contains("de"));
        assert!(WORDS.contains_a_word_of("Front DESK, please"));
        assert!(WORDS.contains_a_word_of("Café TEAM"));
        assert!(!WORDS.contains_a_word_of("the Team’s"));
        assert!(!WORDS.contains_a_word_of("desks and teams"));
        static BOTH: WordSet = WordSet::union(&[&["a"], &["b", "c"]]);
        assert!(BOTH.contains("a") && BOTH.contains("c") && !BOTH.contains("d"));
    }
}
