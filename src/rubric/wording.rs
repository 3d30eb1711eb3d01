//! Whether a text says something specific: numbers, quoted error text, amounts, product
//! names, the circumstance in which something happens.
//!
//! The checks read texts through this module: beside [`has_specifics`] it hands on [`Words`],
//! [`Text`] and the word scanners they use from [`words`](crate::rubric::words).

pub use crate::rubric::words::{any_ascii_word, is_lowercase_of, word_count, Text, Words};

use crate::rubric::word_lists::WordSet;

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
