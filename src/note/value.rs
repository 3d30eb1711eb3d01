//! Single values written in words: yes/no, counts, shares, links and date-times.
//!
//! Each reader takes the words under a heading and returns the packet value, or `None` when
//! the words cannot be read (the caller then reports `rubric/note-unreadable-value`).
//! Closed lists (mood, urgency, …) are in [`super::choice`].

use serde_json::Value;

/// `**words**` → `words` (emphasis around the whole value).
pub(crate) fn strip_emphasis(words: &str) -> &str {
    for mark in ["**", "__"] {
        if let Some(inner) = words.strip_prefix(mark).and_then(|w| w.strip_suffix(mark)) {
            if !inner.trim().is_empty() {
                return inner.trim();
            }
        }
    }
    words
}

/// Lower case, `_` and `-` as spaces, punctuation dropped, spaces collapsed.
pub(crate) fn normalise(s: &str) -> String {
    let mapped: String = s
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '_' | '-' | '/' | ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '*' => ' ',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte position of `phrase` in `text` as whole words. `text` and `phrase` are
/// [`normalise`]d (single spaces, no space at either end): the phrase is tried at each word's
/// start, with no search set up per phrase (a mood or urgency line is read against dozens of
/// phrases).
pub(crate) fn find_phrase(text: &str, phrase: &str) -> Option<usize> {
    if phrase.is_empty() {
        return None;
    }
    let bytes = text.as_bytes();
    let word_starts = std::iter::once(0).chain(
        bytes
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b' ')
            .map(|(i, _)| i + 1),
    );
    for at in word_starts {
        let end = at + phrase.len();
        if bytes.get(at..end) == Some(phrase.as_bytes())
            && (end == bytes.len() || bytes[end] == b' ')
        {
            return Some(at);
        }
    }
    None
}

/// The first place one of `needles` starts in `haystack`: its byte offset and length (the
/// shortest needle where several start at the same place). With `ascii_case`, ASCII letters
/// match in either case (needles are lower case). One pass over the haystack; none of the
/// set-up a substring search does per needle, which dominated on the short words of list
/// items.
pub(crate) fn find_any(haystack: &str, needles: &[&str], ascii_case: bool) -> Option<(usize, usize)> {
    let h = haystack.as_bytes();
    // The bytes a needle can start with: one table look-up per byte of the haystack.
    let mut starts = [false; 256];
    for n in needles.iter().filter_map(|n| n.as_bytes().first()) {
        starts[usize::from(*n)] = true;
        if ascii_case {
            starts[usize::from(n.to_ascii_uppercase())] = true;
        }
    }
    let same = |a: &[u8], b: &[u8]| {
        if ascii_case {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    };
    let mut from = 0;
    while let Some(skip) = h.get(from..)?.iter().position(|&b| starts[usize::from(b)]) {
        let at = from + skip;
        let found = needles
            .iter()
            .map(|n| n.as_bytes())
            .filter(|n| !n.is_empty() && h.get(at..at + n.len()).is_some_and(|w| same(w, n)))
            .map(<[u8]>::len)
            .min();
        if let Some(len) = found {
            return Some((at, len));
        }
        from = at + 1;
    }
    None
}

/// Yes / no in the languages of the built-in headings, judged by the first word.
pub(crate) fn yes_no(words: &str) -> Option<bool> {
    const YES: &[&str] = &[
        "yes", "y", "yep", "yeah", "true", "done", "told", "informed", "verified", "ja", "oui",
        "si", "sí", "✓", "✔", "✔️", "✅", "☑", "☑️", "👍",
    ];
    const NO: &[&str] = &[
        "no", "n", "nope", "not", "false", "pending", "nein", "non", "✗", "✘", "❌", "👎",
    ];
    let first = normalise(words);
    let first = first.split(' ').next().unwrap_or("");
    if YES.contains(&first) {
        Some(true)
    } else if NO.contains(&first) {
        Some(false)
    } else {
        None
    }
}

/// A whole number: the first one written, thousands separators allowed ("~1,200" → 1200).
pub(crate) fn count(words: &str) -> Option<Value> {
    let start = words.find(|c: char| c.is_ascii_digit())?;
    let digits: String = words
        .get(start..)?
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '\'' | '\u{a0}' | '\u{202f}'))
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse::<u64>().ok().map(Value::from)
}

/// A share from 0 to 1: "0.85", "85%", "85" (read as a percentage when above 1).
pub(crate) fn share(words: &str) -> Option<Value> {
    let trimmed = words.trim();
    let (number, percent) = match trimmed.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (trimmed, false),
    };
    let value: f64 = number.replace(',', ".").parse().ok()?;
    let value = if percent || value > 1.0 {
        value / 100.0
    } else {
        value
    };
    (0.0..=1.0)
        .contains(&value)
        .then(|| serde_json::Number::from_f64(value).map(Value::Number))
        .flatten()
}

/// The first `http://` or `https://` address in the words (trailing punctuation dropped).
pub(crate) fn link(words: &str) -> Option<&str> {
    let lower = words.to_ascii_lowercase();
    let start = [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()?;
    let rest = words.get(start..)?;
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
        .unwrap_or(rest.len());
    let url = rest
        .get(..end)?
        .trim_end_matches(['.', ',', ';', ')', ']', '!', '?']);
    (url.len() > "https://".len()).then_some(url)
}

/// An RFC 3339 date-time (`2026-11-24T17:00:00+01:00`, seconds optional), as written.
pub(crate) fn instant(words: &str) -> Option<&str> {
    let s = words.trim();
    let b = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let date = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10);
    let time = matches!(b.get(10), Some(b'T' | b't'))
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16);
    if !(date && time) {
        return None;
    }
    let mut i = 16;
    if b.get(i) == Some(&b':') && digits(i + 1..i + 3) {
        i += 3;
        if b.get(i) == Some(&b'.') {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
    }
    let zone = match b.get(i) {
        Some(b'Z' | b'z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            digits(i + 1..i + 3)
                && b.get(i + 3) == Some(&b':')
                && digits(i + 4..i + 6)
                && i + 6 == b.len()
        }
        _ => false,
    };
    zone.then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_any_agrees_with_the_earliest_find_of_each_needle() {
        let needles = ["→", "->", "=>", " - ", " -> ", "result:", "résultat:"];
        for text in [
            "",
            "a -> b",
            "Checked -> x => y",
            "x → y -> z",
            "RESULT: fine",
            "Résultat: ok",
            "RÉSULTAT: no",
            "no arrow here",
            "é→",
        ] {
            for ascii_case in [false, true] {
                let expected = needles
                    .iter()
                    .filter_map(|n| {
                        let hay = if ascii_case {
                            text.to_ascii_lowercase()
                        } else {
                            text.to_string()
                        };
                        hay.find(n).map(|at| (at, n.len()))
                    })
                    .min();
                assert_eq!(find_any(text, &needles, ascii_case), expected, "{text:?} {ascii_case}");
            }
        }
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert_eq!(find_phrase("not angry at all", "angry"), Some(4));
        assert_eq!(find_phrase("angrily", "angry"), None);
        assert_eq!(find_phrase("very upset now", "upset now"), Some(5));
        assert_eq!(find_phrase("upset", "upset now"), None);
        assert_eq!(find_phrase("", "x"), None);
        assert_eq!(find_phrase("x", ""), None);
    }

    #[test]
    fn yes_and_no() {
        assert_eq!(yes_no("Yes, told her at 10:05"), Some(true));
        assert_eq!(yes_no("nein"), Some(false));
        assert_eq!(yes_no("✅"), Some(true));
        assert_eq!(yes_no("Not yet"), Some(false));
        assert_eq!(yes_no("maybe"), None);
    }

    #[test]
    fn numbers() {
        assert_eq!(count("about 40 users"), Some(Value::from(40)));
        assert_eq!(count("~1,200"), Some(Value::from(1200)));
        assert_eq!(count("many"), None);
        assert_eq!(
            share("85%"),
            serde_json::Number::from_f64(0.85).map(Value::Number)
        );
        assert_eq!(
            share("0.4"),
            serde_json::Number::from_f64(0.4).map(Value::Number)
        );
        assert_eq!(share("140%"), None);
        assert_eq!(share("high"), None);
    }

    #[test]
    fn links_and_instants() {
        assert_eq!(
            link("see https://bot.example.com/t/42."),
            Some("https://bot.example.com/t/42")
        );
        assert_eq!(link("attached"), None);
        assert_eq!(
            instant("2026-11-24T17:00:00+01:00"),
            Some("2026-11-24T17:00:00+01:00")
        );
        assert_eq!(instant(" 2026-11-24T17:00Z "), Some("2026-11-24T17:00Z"));
        assert_eq!(instant("Friday 5pm"), None);
        assert_eq!(instant("2026-11-24"), None);
    }
}
