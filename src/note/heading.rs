//! Recognising a heading line: "Summary:", "**Owner:** Dana", "## Next steps", "Tried - …".
//!
//! A known heading (one of the configured words for a field, any case) may carry its value
//! on the same line after `:` or a spaced dash. An unknown heading is a line that is clearly
//! a heading but names no field: a Markdown `#` heading, a line in bold, or a short line
//! ending in a colon. Everything else is content.

use super::config::NoteConfig;
use super::html::Mark;

/// What one line of a note is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line<'a> {
    /// A heading for field `field`; `value` is the rest of the line (maybe empty, then
    /// positioned right after the heading).
    Known {
        field: usize,
        heading: &'a str,
        value: &'a str,
    },
    /// A heading no field is configured for.
    Unknown { heading: &'a str, value: &'a str },
    /// Anything else.
    Content,
}

/// Separators between a heading and its value on the same line, in the order tried.
const SEPARATORS: &[&str] = &[":", "：", " - ", " – ", " — "];

/// Where `sep` first is in `t`: a search for its one non-space character (a fast byte scan)
/// with the spaces around it checked, rather than a substring search set up per line.
fn find_separator(t: &str, sep: &str) -> Option<usize> {
    let mark = sep.trim().chars().next()?;
    let spaced = sep.len() > mark.len_utf8();
    let mut from = 0;
    while let Some(found) = t.get(from..)?.find(mark) {
        let at = from + found;
        if !spaced {
            return Some(at);
        }
        let end = at + mark.len_utf8();
        if at > 0 && t.as_bytes()[at - 1] == b' ' && t.as_bytes().get(end) == Some(&b' ') {
            return Some(at - 1);
        }
        from = end;
    }
    None
}

/// Classifies one line (without its line break); `mark` says how an HTML editor marked it
/// (an `<h2>` line is a heading even without a colon).
pub(crate) fn classify<'a>(line: &'a str, config: &NoteConfig, mark: Mark) -> Line<'a> {
    let t = line.trim();
    if t.is_empty() {
        return Line::Content;
    }
    let (t, markdown) = strip_markdown_heading(t);
    for sep in SEPARATORS {
        if let Some(at) = find_separator(t, sep) {
            let (head, value) = (
                t.get(..at).unwrap_or(""),
                t.get(at + sep.len()..).unwrap_or(""),
            );
            let (head, value) = unwrap_emphasis(head, value);
            if let Some(field) = config.field_for(head) {
                return Line::Known {
                    field,
                    heading: head,
                    value: value.trim(),
                };
            }
        }
    }
    let end = t.get(t.len()..).unwrap_or("");
    let whole = strip_trailing_separator(t);
    let (head, _) = unwrap_emphasis(whole, end);
    if let Some(field) = config.field_for(head) {
        return Line::Known {
            field,
            heading: head,
            value: end,
        };
    }
    // "**Owner** Dana Kim": a bold heading followed by its value without a colon.
    if let Some(inner) = t.strip_prefix("**") {
        if let Some(close) = inner.find("**") {
            let head = strip_trailing_separator(inner.get(..close).unwrap_or("").trim());
            let value = inner.get(close + 2..).unwrap_or("").trim();
            if let Some(field) = config.field_for(head) {
                let value = if value.is_empty() { end } else { value };
                return Line::Known {
                    field,
                    heading: head,
                    value,
                };
            }
            if value.is_empty() && looks_like_heading(head) {
                return Line::Unknown {
                    heading: head,
                    value: end,
                };
            }
        }
    }
    let marked = match mark {
        Mark::Heading => true,
        Mark::Bold => looks_like_heading(head),
        Mark::None => false,
    };
    if (markdown || marked) && !head.is_empty() {
        return Line::Unknown {
            heading: head,
            value: end,
        };
    }
    if t.ends_with(':') && looks_like_heading(head) {
        return Line::Unknown {
            heading: head,
            value: end,
        };
    }
    Line::Content
}

/// `## Summary` → (`Summary`, true).
fn strip_markdown_heading(t: &str) -> (&str, bool) {
    let hashes = t.len() - t.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) {
        let rest = t.get(hashes..).unwrap_or("");
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            return (rest.trim(), true);
        }
    }
    (t, false)
}

/// `Owner:` / `Owner -` → `Owner`.
fn strip_trailing_separator(t: &str) -> &str {
    let t = t.trim_end();
    for sep in [":", "：", " -", " –", " —"] {
        if let Some(head) = t.strip_suffix(sep) {
            return head.trim_end();
        }
    }
    t
}

/// `**Owner` + `** Dana` → `Owner` + `Dana`: drops the emphasis markers around a heading.
fn unwrap_emphasis<'a>(head: &'a str, value: &'a str) -> (&'a str, &'a str) {
    let head = head.trim();
    let stripped = head.trim_start_matches(['*', '_']);
    if stripped.len() == head.len() {
        return (head, value);
    }
    let head = strip_trailing_separator(stripped.trim_end_matches(['*', '_']).trim());
    (head, value.trim_start().trim_start_matches(['*', '_']))
}

/// A short phrase that reads as a heading: up to five words, starts with a letter, and no
/// sentence punctuation ("Notes from the call", not "She said, quite loudly").
fn looks_like_heading(head: &str) -> bool {
    let words = head.split_whitespace().count();
    (1..=5).contains(&words)
        && head.chars().count() <= 48
        && head.starts_with(char::is_alphabetic)
        && !head.contains(['.', ',', '!', '?', ';', '"', '(', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> NoteConfig {
        NoteConfig::default()
    }

    fn known(line: &str) -> Option<(String, String, String)> {
        let config = config();
        match classify(line, &config, Mark::None) {
            Line::Known {
                field,
                heading,
                value,
            } => Some((
                config.key(field).to_string(),
                heading.to_string(),
                value.to_string(),
            )),
            _ => None,
        }
    }

    #[test]
    fn heading_forms() {
        let owner = Some((
            "owner".to_string(),
            "Owner".to_string(),
            "Dana Kim".to_string(),
        ));
        assert_eq!(known("Owner: Dana Kim"), owner);
        assert_eq!(known("**Owner:** Dana Kim"), owner);
        assert_eq!(known("**Owner**: Dana Kim"), owner);
        assert_eq!(known("**Owner** Dana Kim"), owner);
        assert_eq!(known("Owner - Dana Kim"), owner);
        assert_eq!(
            known("  OWNER :Dana Kim").map(|k| k.2),
            Some("Dana Kim".to_string())
        );
        assert_eq!(
            known("## Next steps").map(|k| k.0),
            Some("next_steps".to_string())
        );
        assert_eq!(
            known("Next Steps").map(|k| k.0),
            Some("next_steps".to_string())
        );
        assert_eq!(
            known("Customer mood -").map(|k| k.0),
            Some("customer.sentiment".to_string())
        );
        assert_eq!(known("To do:").map(|k| k.0), Some("next_steps".to_string()));
        assert_eq!(
            known("To: Finance").map(|k| k.0),
            Some("handoff.to.team".to_string())
        );
    }

    #[test]
    fn content_is_not_a_heading() {
        let config = config();
        for line in [
            "Checked the invoice: two charges",
            "- Owner: Dana",
            "https://example.com",
            "Called at 10:30",
            "She said, quite loudly:",
            "",
        ] {
            assert_eq!(classify(line, &config, Mark::None), Line::Content, "{line}");
        }
    }

    #[test]
    fn editor_headings_need_no_colon() {
        let config = config();
        assert_eq!(
            classify("Background", &config, Mark::Heading),
            Line::Unknown {
                heading: "Background",
                value: ""
            }
        );
        assert_eq!(
            classify("Call log", &config, Mark::Bold),
            Line::Unknown {
                heading: "Call log",
                value: ""
            }
        );
        assert_eq!(
            classify("Customer threatens to cancel!", &config, Mark::Bold),
            Line::Content
        );
        assert_eq!(classify("Background", &config, Mark::None), Line::Content);
    }

    #[test]
    fn unknown_headings_are_recognised() {
        let config = config();
        for (line, heading) in [
            ("## Background", "Background"),
            ("**Call notes**", "Call notes"),
            ("Internal notes:", "Internal notes"),
        ] {
            match classify(line, &config, Mark::None) {
                Line::Unknown { heading: h, value } => {
                    assert_eq!(h, heading);
                    assert!(value.is_empty());
                }
                other => panic!("{line}: {other:?}"),
            }
        }
    }
}
