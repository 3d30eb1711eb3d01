//! Small text matching for the checks: lowercase words, phrases, and the signs of a specific
//! statement (numbers, quoted error text, amounts, product names).

/// The lowercase words of a text; apostrophes inside words are kept ("didn't"), typographic
/// ones are read as plain ones.
pub fn words(text: &str) -> Vec<String> {
    word_slices(text)
        .map(|w| w.chars().flat_map(normalised).collect())
        .collect()
}

/// The words of a text as slices of it, before lowercasing: a word starts with a letter or
/// digit and runs over letters, digits and apostrophes, without trailing apostrophes.
fn word_slices(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.find(|c: char| c.is_alphanumeric())?;
        let tail = &rest[start..];
        let len = tail
            .find(|c: char| !(c.is_alphanumeric() || is_apostrophe(c)))
            .unwrap_or(tail.len());
        let word = tail[..len].trim_end_matches(is_apostrophe);
        rest = &tail[len..];
        Some(word)
    })
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// One character as words hold it: lowercase, typographic apostrophes as plain ones.
fn normalised(c: char) -> impl Iterator<Item = char> {
    let c = if c == '\u{2019}' { '\'' } else { c };
    c.to_lowercase()
}

/// Whether a raw word slice, normalised, equals a normalised word, without allocating.
fn same_word(raw: &str, word: &str) -> bool {
    raw.chars().flat_map(normalised).eq(word.chars())
}

/// How many words a text has (as [`words`] splits it), without building them.
pub fn word_count(text: &str) -> usize {
    word_slices(text).count()
}

/// Whether `phrase` (one or more words) occurs in `words` as consecutive words.
pub fn has_phrase(words: &[String], phrase: &str) -> bool {
    let phrase: Vec<&str> = word_slices(phrase).collect();
    !phrase.is_empty()
        && words.windows(phrase.len()).any(|window| {
            window
                .iter()
                .zip(&phrase)
                .all(|(word, raw)| same_word(raw, word))
        })
}

/// The first of `phrases` that occurs in `words`.
pub fn find_phrase<'p>(words: &[String], phrases: &[&'p str]) -> Option<&'p str> {
    phrases
        .iter()
        .copied()
        .find(|phrase| has_phrase(words, phrase))
}

/// Whether some word starts with `stem` ("promis" matches "promised").
pub fn has_stem(words: &[String], stem: &str) -> bool {
    words.iter().any(|w| w.starts_with(stem))
}

/// A fixed list of phrases, normalised once (lowercase words joined by one space) on first
/// use, so asking whether a text is one of them costs one tokenisation and a lookup.
pub struct PhraseSet {
    phrases: &'static [&'static str],
    normalised: std::sync::OnceLock<std::collections::HashSet<String>>,
}

impl PhraseSet {
    pub const fn new(phrases: &'static [&'static str]) -> PhraseSet {
        PhraseSet {
            phrases,
            normalised: std::sync::OnceLock::new(),
        }
    }

    /// The phrases as written.
    pub fn list(&self) -> &'static [&'static str] {
        self.phrases
    }

    /// The whole text, ignoring punctuation and case, is one of the phrases.
    pub fn contains_text(&self, text: &str) -> bool {
        let set = self
            .normalised
            .get_or_init(|| self.phrases.iter().map(|p| words(p).join(" ")).collect());
        let text = words(text);
        !text.is_empty() && set.contains(&text.join(" "))
    }
}

/// The whole text, lowercased, is one of `phrases` (ignoring punctuation and case).
pub fn is_one_of(text: &str, phrases: &[&str]) -> bool {
    let text = words(text);
    !text.is_empty()
        && phrases.iter().any(|phrase| {
            let mut phrase_words = word_slices(phrase);
            text.iter()
                .all(|w| phrase_words.next().is_some_and(|p| same_word(p, w)))
                && phrase_words.next().is_none()
        })
}

/// Whether a text names something specific: a number (amount, id, date, version), a currency
/// sign, quoted text (an error message), a URL or e-mail, or a capitalised name in mid-sentence
/// (a product, a company).
pub fn has_specifics(text: &str) -> bool {
    if text
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '€' | '$' | '£' | '¥' | '@'))
    {
        return true;
    }
    if text.contains("://") || has_quoted_text(text) {
        return true;
    }
    let text_words = words(text);
    if CIRCUMSTANCES
        .iter()
        .any(|w| text_words.iter().any(|t| t == w))
    {
        return true;
    }
    has_mid_sentence_name(text)
}

/// Words that introduce the circumstance or step in which something happens ("fails *after*
/// the update", "*when* clicking Pay").
const CIRCUMSTANCES: &[&str] = &[
    "after", "when", "whenever", "while", "during", "since", "because", "clicking", "step",
];

fn has_quoted_text(text: &str) -> bool {
    for (open, close) in [('"', '"'), ('“', '”'), ('`', '`'), ('«', '»'), ('‘', '’')] {
        let mut parts = text.split([open, close]);
        // Every odd part lies between a pair of quotes.
        parts.next();
        while let (Some(inside), Some(_)) = (parts.next(), parts.next()) {
            if inside.trim().chars().count() >= 3 {
                return true;
            }
        }
    }
    has_single_quoted_text(text)
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

    #[test]
    fn splits_into_lowercase_words() {
        assert_eq!(
            words("Didn’t work!  See-above"),
            vec!["didn't", "work", "see", "above"]
        );
        assert_eq!(words("'quoted'"), vec!["quoted"]);
        assert!(words(" -- ").is_empty());
    }

    #[test]
    fn finds_phrases_and_stems() {
        let w = words("The customer was promised a refund, as discussed.");
        assert!(has_phrase(&w, "as discussed"));
        assert!(!has_phrase(&w, "discussed as"));
        assert!(has_stem(&w, "promis"));
        assert_eq!(
            find_phrase(&w, &["see above", "as discussed"]),
            Some("as discussed")
        );
        assert!(is_one_of(
            " Didn't work. ",
            &["did not work", "didn't work"]
        ));
        assert!(!is_one_of("didn't work after the reset", &["didn't work"]));
        static SET: PhraseSet = PhraseSet::new(&["didn't work", "n/a"]);
        assert!(SET.contains_text("Didn’t work!"));
        assert!(SET.contains_text("N/A"));
        assert!(!SET.contains_text("didn't work after the reset"));
        assert!(!SET.contains_text(" -- "));
    }

    #[test]
    fn specifics_are_recognised() {
        assert!(has_specifics("Charged twice for invoice INV-2211"));
        assert!(has_specifics(
            "Login shows \"Session expired\" on every attempt"
        ));
        assert!(has_specifics("Export fails in Outlook"));
        assert!(has_specifics("export shows 'quota exceeded' on save"));
        assert!(has_specifics("Refund of €40 requested"));
        assert!(has_specifics("sync not working on iOS"));
        assert!(has_specifics("upload not working after the update"));
        assert!(!has_specifics("Customer has an issue. Not working."));
        assert!(!has_specifics("it's not working, the customer isn't happy"));
        assert!(!has_specifics("Billing problem"));
    }
}
