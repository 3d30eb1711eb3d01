//! "Did you mean …?": the closest known word to a misspelt one, by edit distance.

/// Levenshtein distance between two strings, counted in characters. (The two rows have
/// `b.len() + 1` cells and every index below stays under that, so indexing cannot panic.)
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            let insertion = current[j] + 1;
            let deletion = previous[j + 1] + 1;
            current[j + 1] = substitution.min(insertion).min(deletion);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a likely typo: at most two
/// edits, and fewer edits than half the word's length (so "ar" never suggests "hr").
/// Ties go to the first candidate, so the answer is deterministic.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    if len > 64 {
        return None; // not a misspelt word but a pasted sentence
    }
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = edit_distance(word, candidate);
        if distance == 0 || distance > 2 || distance * 2 >= len {
            continue;
        }
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_edits() {
        assert_eq!(edit_distance("finance", "finance"), 0);
        assert_eq!(edit_distance("fnance", "finance"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("café", "cafe"), 1);
    }

    #[test]
    fn suggests_only_close_words() {
        let known = ["finance", "engineering", "support"];
        assert_eq!(closest("fnance", known), Some("finance"));
        assert_eq!(closest("enginering", known), Some("engineering"));
        assert_eq!(closest("legal", known), None);
        assert_eq!(closest("ab", ["ar"]), None);
    }
}
