//! Cutting a note into sections: each heading with the words under it.

use super::config::NoteConfig;
use super::heading::{classify, Line};
use super::html::Mark;

/// What a section is headed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Head<'a> {
    /// The text before the first heading.
    Preamble,
    /// A heading for a configured field.
    Known { field: usize, heading: &'a str },
    /// A heading no field is configured for.
    Unknown { heading: &'a str },
}

/// One section. `body` is a slice of the note text: from the first to the last non-blank
/// character under the heading (several lines kept); when nothing is written, an empty
/// slice right after the heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Section<'a> {
    pub head: Head<'a>,
    pub body: &'a str,
}

/// The lines of `text` without their line breaks (`\r\n` too), as slices of `text`.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l))
}

/// Splits `text` into sections. A preamble is included only when it has words. `mark`
/// says how the editor marked the line at a trimmed byte range (for HTML notes).
pub(crate) fn split<'a>(
    text: &'a str,
    config: &NoteConfig,
    mark: &dyn Fn(usize, usize) -> Mark,
) -> Vec<Section<'a>> {
    let mut sections = Vec::new();
    let mut head = Head::Preamble;
    let mut body = Body::empty_at(0);
    for line in lines(text) {
        let trimmed = line.trim();
        let start = offset(text, trimmed);
        match classify(line, config, mark(start, start + trimmed.len())) {
            Line::Content if is_rule(trimmed) => {}
            Line::Content => body.extend(text, line),
            Line::Known {
                field,
                heading,
                value,
            } => {
                body.finish(text, head, &mut sections);
                head = Head::Known { field, heading };
                body = Body::starting(text, value);
            }
            Line::Unknown { heading, value } => {
                body.finish(text, head, &mut sections);
                head = Head::Unknown { heading };
                body = Body::starting(text, value);
            }
        }
    }
    body.finish(text, head, &mut sections);
    sections
}

/// The words under a heading being collected, as byte offsets into the note.
struct Body {
    /// Where to point when nothing is written.
    anchor: usize,
    words: Option<(usize, usize)>,
}

impl Body {
    fn empty_at(anchor: usize) -> Self {
        Body {
            anchor,
            words: None,
        }
    }

    fn starting(text: &str, value: &str) -> Self {
        let at = offset(text, value);
        let mut body = Body {
            anchor: at,
            words: None,
        };
        body.extend(text, value);
        body
    }

    fn extend(&mut self, text: &str, line: &str) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            return;
        }
        let start = offset(text, trimmed);
        let end = start + trimmed.len();
        self.words = Some(match self.words {
            Some((s, _)) => (s, end),
            None => (start, end),
        });
    }

    fn finish<'a>(&self, text: &'a str, head: Head<'a>, out: &mut Vec<Section<'a>>) {
        let (start, end) = self.words.unwrap_or((self.anchor, self.anchor));
        if head == Head::Preamble && self.words.is_none() {
            return;
        }
        let body = text.get(start..end).unwrap_or("");
        out.push(Section { head, body });
    }
}

/// A Markdown rule or underline (`---`, `***`, `===`): a separator, not words.
fn is_rule(line: &str) -> bool {
    // Without collecting the marks: this runs on every line of the note.
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3 && matches!(first, '-' | '*' | '_' | '=' | '—' | '─')
}

/// Byte offset of `part` (a slice of `text`) in `text`; 0 if it is not one.
pub(crate) fn offset(text: &str, part: &str) -> usize {
    let base = text.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    match at.checked_sub(base) {
        Some(off) if off + part.len() <= text.len() => off,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_keep_their_words_and_positions() {
        let config = NoteConfig::default();
        let text = "Hi team,\nSummary: Charged twice\nfor one order.\n\nOwner:\n\n## Background\nlong story\n";
        let sections = split(text, &config, &|_, _| Mark::None);
        assert_eq!(sections.len(), 4);
        assert_eq!(sections[0].head, Head::Preamble);
        assert_eq!(sections[0].body, "Hi team,");
        assert_eq!(sections[1].body, "Charged twice\nfor one order.");
        assert_eq!(sections[2].body, "");
        assert_eq!(
            offset(text, sections[2].body),
            text.find("Owner:").unwrap() + "Owner:".len()
        );
        assert_eq!(
            sections[3].head,
            Head::Unknown {
                heading: "Background"
            }
        );
        assert_eq!(sections[3].body, "long story");
    }

    #[test]
    fn rules_separate_but_are_not_words() {
        let config = NoteConfig::default();
        let sections = split(
            "Summary: Charged twice\n---\n\nOwner: Dana\n* * *",
            &config,
            &|_, _| Mark::None,
        );
        assert_eq!(sections[0].body, "Charged twice");
        assert_eq!(sections[1].body, "Dana");
    }

    #[test]
    fn empty_text_has_no_sections() {
        assert!(split("", &NoteConfig::default(), &|_, _| Mark::None).is_empty());
        assert!(split(" \n \r\n", &NoteConfig::default(), &|_, _| Mark::None).is_empty());
    }
}
