//! One finding about a handoff: the single type every surface renders.
//!
//! Schema, rubric and SLA findings all become a [`Diagnostic`]. Surfaces (CLI, npm package,
//! extension, web page) render these fields; they never parse `message`.

use serde::{Deserialize, Serialize};

/// How much a finding matters to whoever submits the handoff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The handoff is not acceptable as it stands.
    Error,
    /// The handoff can go, but the receiving team will likely come back with questions.
    Warning,
    /// Worth knowing; nothing to fix.
    Info,
}

/// Which part of the kit produced the finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A JSON Schema (built-in or the organisation's own).
    Schema,
    /// A quality check of the scoring rubric.
    Rubric,
    /// The SLA engine (deadlines, calendars, policies).
    Sla,
}

/// Character offsets (UTF-16 code units, as JavaScript counts them) into the note text the
/// agent sees. `end` is exclusive; `start == end` points at a place to insert something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One finding: what is wrong, where, and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code such as `schema/required` or `rubric/owner-not-a-person`.
    pub code: String,
    pub severity: Severity,
    /// RFC 6901 JSON Pointer of the field to fix; for a missing property, its own pointer.
    pub path: String,
    /// Plain words for an agent: what is wrong.
    pub message: String,
    /// What to do about it, or why it matters to the receiving team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub source: Source,
    /// Where in the note text the finding applies, when the packet came from a note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Diagnostic {
    /// A new diagnostic without hint or span.
    pub fn new(
        code: impl Into<String>,
        severity: Severity,
        source: Source,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code: code.into(),
            severity,
            path: path.into(),
            message: message.into(),
            hint: None,
            source,
            span: None,
        }
    }

    /// The same diagnostic with a hint.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` as RFC 6901 requires.
pub fn push_pointer_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// A JSON Pointer extended by one token: `pointer_join("/owner", "name") == "/owner/name"`.
pub fn pointer_join(pointer: &str, token: &str) -> String {
    let mut joined = String::with_capacity(pointer.len() + token.len() + 1);
    joined.push_str(pointer);
    push_pointer_token(&mut joined, token);
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_tokens_are_escaped() {
        assert_eq!(pointer_join("", "owner"), "/owner");
        assert_eq!(pointer_join("/a", "b/c~d"), "/a/b~1c~0d");
    }

    #[test]
    fn serialises_without_empty_optionals() {
        let d = Diagnostic::new(
            "schema/required",
            Severity::Error,
            Source::Schema,
            "/owner",
            "Add the owner.",
        );
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "schema/required", "severity": "error", "path": "/owner",
                "message": "Add the owner.", "source": "schema"})
        );
    }
}
