//! Reading the markup of one HTML tag: where it ends, its attributes, raw-text elements.

use super::entity;

/// The decoded value of attribute `name` in a tag's attribute text (` href="…">`).
pub(crate) fn attribute(attributes: &str, name: &str) -> Option<String> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() || rest.starts_with('>') {
            return None;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(rest.len())
            .max(1);
        let this = rest.get(..name_end).unwrap_or("");
        rest = rest.get(name_end..).unwrap_or("").trim_start();
        let mut value = None;
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (raw, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = after.get(1..).unwrap_or("");
                    let end = body.find(q).unwrap_or(body.len());
                    (
                        body.get(..end).unwrap_or(""),
                        body.get(end + 1..).unwrap_or(""),
                    )
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    (
                        after.get(..end).unwrap_or(""),
                        after.get(end..).unwrap_or(""),
                    )
                }
            };
            value = Some(raw);
            rest = next;
        }
        if this.eq_ignore_ascii_case(name) {
            return value.map(|v| decode(v.trim()));
        }
    }
}

/// Decodes character references in attribute text.
fn decode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let from = rest.get(amp..).unwrap_or("");
        match entity::decode_at(from) {
            Some((text, used)) => {
                out.push_str(&text);
                rest = from.get(used..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = from.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// Skips a tag's attributes (quoted values may contain `>`); returns the text after `>`.
pub(crate) fn skip_tag(attrs: &str) -> &str {
    let mut quote: Option<char> = None;
    for (i, c) in attrs.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return attrs.get(i + 1..).unwrap_or(""),
            (None, _) => {}
        }
    }
    ""
}

/// Skips the raw text of `<script>`-like elements up to and including their end tag.
pub(crate) fn skip_raw_text<'a>(rest: &'a str, name: &str) -> &'a str {
    let mut from = 0;
    while let Some(found) = rest.get(from..).and_then(|r| r.find("</")) {
        let at = from + found + 2;
        let candidate = rest.get(at..at + name.len()).unwrap_or("");
        if candidate.eq_ignore_ascii_case(name) {
            return skip_tag(rest.get(at + name.len()..).unwrap_or(""));
        }
        from = at;
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_found_by_name_and_decoded() {
        assert_eq!(
            attribute(" data-href='x' HREF = y >", "href").as_deref(),
            Some("y")
        );
        assert_eq!(
            attribute(r#" href="a?b=1&amp;c=2">"#, "href").as_deref(),
            Some("a?b=1&c=2")
        );
        assert_eq!(attribute(" title='href=z'>", "href"), None);
        assert_eq!(attribute(" href", "href"), None);
    }

    #[test]
    fn tags_end_at_the_first_unquoted_bracket() {
        assert_eq!(skip_tag(r#" title="a > b">rest"#), "rest");
        assert_eq!(skip_tag(" unterminated"), "");
        assert_eq!(
            skip_raw_text("var a = '</p>';</SCRIPT >after", "script"),
            "after"
        );
        assert_eq!(skip_raw_text("never closed", "style"), "");
    }
}
