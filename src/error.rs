//! The one error type of the kit: a message a person can act on, plus the diagnostics behind it.

use crate::diagnostic::Diagnostic;
use crate::tape::Tape;
use serde::Serialize;
use std::fmt;

/// Why a call could not produce an answer (as opposed to an answer full of findings).
///
/// Examples: malformed JSON (the message names line and column), a packet that is not an
/// object, a schema that cannot compile, a bundle that does not match its meta-schema.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Error {
    /// A short kind for programs: `json`, `input`, `schema`, `bundle`, `calendar`, `note`,
    /// `limit` (a ceiling of [`crate::limits`] passed).
    pub kind: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

impl Error {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            diagnostics: Vec::new(),
        }
    }

    #[must_use]
    pub fn with_diagnostics(mut self, diagnostics: Vec<Diagnostic>) -> Self {
        self.diagnostics = diagnostics;
        self
    }

    /// Malformed JSON text, with line and column from the parser.
    pub fn json(what: &str, err: &serde_json::Error) -> Self {
        let reason = match err.classify() {
            serde_json::error::Category::Eof => "the text ends too early".to_string(),
            _ => {
                // serde_json's Display already ends with " at line L column C"; keep only the reason.
                let text = err.to_string();
                match text.rfind(" at line ") {
                    Some(cut) => text[..cut].to_string(),
                    None => text,
                }
            }
        };
        Error::new(
            "json",
            format!(
                "{what} is not valid JSON: {reason} (line {}, column {})",
                err.line(),
                err.column()
            ),
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Parses JSON text, naming line and column on failure. `what` says what the text is
/// ("The packet", "The bundle") for the message.
/// The text is read in place first ([`parse_tape`]), so the ceilings a packet meets hold for
/// every JSON text the kit reads (a bundle, a schema, a deadline request): past the nesting or
/// the keys-per-object ceiling the error is of kind `limit`, with the path (and for nesting
/// serde_json's line and column), before serde_json builds anything.
pub fn parse_json(what: &str, text: &str) -> Result<serde_json::Value> {
    parse_tape(what, text)?;
    serde_json::from_str(text).map_err(|e| Error::json(what, &e))
}

/// The error for a ceiling the tape parser met: the limit, the size, the path, and for
/// nesting serde_json's line and column.
fn limit_error(
    what: &str,
    (name, size, tokens): (&'static str, u64, Vec<String>),
    serde: Option<&serde_json::Error>,
) -> Error {
    let mut path = String::new();
    for token in tokens.iter().rev() {
        crate::diagnostic::push_pointer_token(&mut path, token);
    }
    let mut error = limit_exceeded(name, what, size, &path);
    if let Some(e) = serde {
        error.message = format!(
            "{} (line {}, column {})",
            error.message.trim_end_matches('.'),
            e.line(),
            e.column()
        );
    }
    error
}

/// Reads JSON text in place ([`Tape`]), with serde_json's message (line and column) when the
/// text is not JSON.
pub fn parse_tape<'s>(what: &str, text: &'s str) -> Result<Tape<'s>> {
    Tape::parse(text).map_err(
        |refused| match serde_json::from_str::<serde_json::Value>(text) {
            // Nesting: serde_json stops at the same level, and gives line and column.
            Err(e) if refused.limit.is_some() && e.is_syntax() => {
                limit_error(what, refused.limit.unwrap_or_default(), Some(&e))
            }
            Err(e) => Error::json(what, &e),
            // Keys per object: serde_json reads the text, the tape refuses it.
            Ok(_) if refused.limit.is_some() => {
                limit_error(what, refused.limit.unwrap_or_default(), None)
            }
            // Only a text of 4 GiB or more: serde_json would read it, the tape cannot.
            Ok(_) => Error::new(
                "json",
                format!(
                    "{what} cannot be read: {} (byte {}).",
                    refused.reason, refused.offset
                ),
            ),
        },
    )
}

/// The error for a ceiling of [`crate::limits`] passed: `what` (e.g. "The packet") met `size` of
/// the limit `name` at `path` (a JSON Pointer; empty for the whole input).
pub fn limit_exceeded(name: &'static str, what: &str, size: u64, path: &str) -> Error {
    Error::new("limit", crate::limits::message(name, what, size, path))
}

/// The error for a search that stopped at the ceiling `name` without finding what it looked
/// for: `what` (e.g. "The deadline") is not reached within `size` of the limit, at `path`.
pub fn limit_not_reached(name: &'static str, what: &str, size: u64, path: &str) -> Error {
    Error::new(
        "limit",
        crate::limits::not_reached_message(name, what, size, path),
    )
}

/// Refuses a text longer than the ceiling `name` (one of the `*-bytes` limits).
pub fn check_bytes(name: &'static str, what: &str, text: &str, ceiling: usize) -> Result<()> {
    if text.len() > ceiling {
        return Err(limit_exceeded(name, what, text.len() as u64, ""));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = parse_json("The packet", "{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!(err.kind, "json");
        assert!(err
            .message
            .starts_with("The packet is not valid JSON: expected `:`"));
        assert!(
            err.message.ends_with("(line 3, column 7)"),
            "{}",
            err.message
        );
    }

    #[test]
    fn truncated_json_says_so() {
        let err = parse_json("The packet", "{\"a\": [1, 2").unwrap_err();
        assert!(err.message.contains("ends too early"), "{}", err.message);
    }

    #[test]
    fn deep_nesting_is_a_limit_error_with_path_line_and_column() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        for err in [
            parse_json("The packet", &deep).unwrap_err(),
            parse_tape("The packet", &deep).unwrap_err(),
        ] {
            assert_eq!(err.kind, "limit");
            assert!(err.message.contains("json-depth"), "{}", err.message);
            assert!(err.message.contains(&"/0".repeat(127)), "{}", err.message);
            assert!(
                err.message.ends_with("(line 1, column 128)"),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn json_depth_limit_just_below_and_just_past() {
        let nest = |n: usize| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
        let limit = crate::limits::JSON_DEPTH;
        assert!(parse_tape("The packet", &nest(limit - 1)).is_ok());
        assert!(parse_json("The packet", &nest(limit - 1)).is_ok());
        let err = parse_tape("The packet", &nest(limit)).unwrap_err();
        assert_eq!(err.kind, "limit");
        let path = "/a".repeat(limit - 1);
        assert!(
            err.message.contains(&format!(
                "has 128 levels, more than the limit json-depth of 128 levels (at {path})"
            )),
            "{}",
            err.message
        );
        assert_eq!(parse_json("The packet", &nest(limit)).unwrap_err(), err);
    }

    #[test]
    fn keys_per_object_limit_just_below_and_just_past() {
        let object = |n: usize| {
            let members: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {i}")).collect();
            format!("{{\"ticket\": {{\"custom\": {{{}}}}}}}", members.join(","))
        };
        let limit = crate::limits::KEYS_PER_OBJECT;
        assert!(parse_tape("The packet", &object(limit)).is_ok());
        let err = parse_tape("The packet", &object(limit + 1)).unwrap_err();
        assert_eq!(err.kind, "limit");
        assert_eq!(
            err.message,
            "The packet has 10,001 keys, more than the limit keys-per-object of 10,000 keys (at /ticket/custom)."
        );
        // Every JSON text, not only packets: a bundle, a schema, a request.
        assert!(parse_json("The bundle", &object(limit)).is_ok());
        let err = parse_json("The bundle", &object(limit + 1)).unwrap_err();
        assert_eq!(
            err.message,
            "The bundle has 10,001 keys, more than the limit keys-per-object of 10,000 keys (at /ticket/custom)."
        );
    }
}
