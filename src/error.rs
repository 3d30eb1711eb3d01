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
    /// A short kind for programs: `json`, `input`, `schema`, `bundle`, `calendar`, `note`.
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
pub fn parse_json(what: &str, text: &str) -> Result<serde_json::Value> {
    serde_json::from_str(text).map_err(|e| Error::json(what, &e))
}

/// Reads JSON text in place ([`Tape`]), with serde_json's message (line and column) when the
/// text is not JSON.
pub fn parse_tape<'s>(what: &str, text: &'s str) -> Result<Tape<'s>> {
    Tape::parse(text).map_err(
        |refused| match serde_json::from_str::<serde_json::Value>(text) {
            Err(e) => Error::json(what, &e),
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
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let err = parse_json("The packet", &deep).unwrap_err();
        assert!(err.message.contains("recursion limit"), "{}", err.message);
    }
}
