//! Small text matching for the checks: lowercase words, phrases, and the signs of a specific
//! statement (numbers, quoted error text, amounts, product names).

/// The lowercase words of a text; apostrophes inside words are kept ("didn't"), typographic
/// ones are read as plain ones.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if c.is_alphanumeric() || (c == '\'' && !current.is_empty()) {
            current.extend(c.to_lowercase());
        } else if !current.is_empty() {
            out.push(
                std::mem::take(&mut current)
                    .trim_end_matches('\'')
                    .to_string(),
            );
        }
    }
    if !current.is_empty() {
        out.push(current.trim_end_matches('\'').to_string());
    }
    out
}

/// Whether `phrase` (one or more words) occurs in `words` as consecutive words.
pub fn has_phrase(words: &[String], phrase: &str) -> bool {
    let phrase: Vec<String> = self::words(phrase);
    !phrase.is_empty()
        && words
            .windows(phrase.len())
            .any(|window| window == phrase.as_slice())
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

/// The whole text, lowercased, is one of `phrases` (ignoring punctuation and case).
pub fn is_one_of(text: &str, phrases: &[&str]) -> bool {
    let text = words(text);
    !text.is_empty() && phrases.iter().any(|phrase| words(phrase) == text)
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
