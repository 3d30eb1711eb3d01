//! Turns JSON Schema validation errors into diagnostics an agent can act on.
//!
//! Each error kind maps to one stable code (`schema/required`, `schema/enum`, …) and a message
//! built from the field's `title` and `description` ("Add who owns this case after the
//! handoff."). `anyOf`/`oneOf` failures collapse to the branch that most nearly fits.

use super::fields::{lower_first, Field, FieldDocs};
use crate::diagnostic::{pointer_join, Diagnostic, Severity, Source};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{JsonType, ValidationError};
use serde_json::Value;
use std::fmt::Write as _;

/// Maps validation errors to diagnostics, in order, without duplicates.
pub(crate) fn diagnostics<'i>(
    errors: impl Iterator<Item = ValidationError<'i>>,
    fields: &FieldDocs,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for error in errors {
        push(&error, fields, &mut out);
    }
    if out.len() > 1 {
        let mut seen = std::collections::HashSet::with_capacity(out.len());
        let keep: Vec<bool> = out
            .iter()
            .map(|d| seen.insert((d.code.as_str(), d.path.as_str(), d.message.as_str())))
            .collect();
        let mut keep = keep.into_iter();
        out.retain(|_| keep.next().unwrap_or(true));
    }
    out
}

fn push(error: &ValidationError<'_>, fields: &FieldDocs, out: &mut Vec<Diagnostic>) {
    let path = error.instance_path().as_str();
    let instance: &Value = error.instance();
    let field = Field::new(path, fields);
    let label = field.label();
    let diagnostic = |code: &str, message: String| {
        Diagnostic::new(code, Severity::Error, Source::Schema, path, message)
    };
    let d = match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            let missing_path = pointer_join(path, name);
            let missing = Field::new(&missing_path, fields);
            let (message, hint) = match missing.request() {
                Some((request, detail)) => (request.clone(), detail.clone()),
                None => (format!("{} is missing.", missing.label()), None),
            };
            let mut d = Diagnostic::new(
                "schema/required",
                Severity::Error,
                Source::Schema,
                missing_path,
                message,
            );
            d.hint = hint;
            d
        }
        ValidationErrorKind::Type { kind } => diagnostic(
            "schema/type",
            format!(
                "{label} should be {}, not {}.",
                expected_types(kind),
                value_kind(instance)
            ),
        ),
        ValidationErrorKind::Enum { options } => diagnostic(
            "schema/enum",
            format!(
                "{label} must be one of {} — not {}.",
                list_values(options),
                short(instance)
            ),
        ),
        ValidationErrorKind::Constant { expected_value } => diagnostic(
            "schema/const",
            format!("{label} must be {}.", short(expected_value)),
        ),
        ValidationErrorKind::MinLength { limit } => {
            if instance.as_str().is_some_and(|s| s.trim().is_empty()) {
                let d = diagnostic("schema/min-length", format!("{label} is empty."));
                match field.request() {
                    Some((request, _)) => d.with_hint(request.as_str()),
                    None => d,
                }
            } else {
                diagnostic(
                    "schema/min-length",
                    format!("{label} is too short: write at least {limit} characters."),
                )
            }
        }
        ValidationErrorKind::MaxLength { limit } => diagnostic(
            "schema/max-length",
            format!(
                "{label} is too long: keep it to {limit} characters (it has {}).",
                instance.as_str().map_or(0, |s| s.chars().count())
            ),
        ),
        ValidationErrorKind::Pattern { pattern } => {
            let d = diagnostic(
                "schema/pattern",
                format!("{label} is not in the expected form."),
            );
            match field.example() {
                Some(example) => d.with_hint(format!("For example: {example}")),
                None => d.with_hint(format!("It must match the pattern {pattern}.")),
            }
        }
        ValidationErrorKind::Format { format } => {
            let (what, hint) = format_words(format);
            let message = if label.to_lowercase().contains(what) {
                format!("{label} is not valid: {}.", short(instance))
            } else {
                format!("{label} is not a valid {what}: {}.", short(instance))
            };
            diagnostic("schema/format", message).with_hint(hint)
        }
        ValidationErrorKind::Minimum { limit } => diagnostic(
            "schema/minimum",
            format!("{label} must be at least {limit}."),
        ),
        ValidationErrorKind::ExclusiveMinimum { limit } => diagnostic(
            "schema/minimum",
            format!("{label} must be more than {limit}."),
        ),
        ValidationErrorKind::Maximum { limit } => diagnostic(
            "schema/maximum",
            format!("{label} must be at most {limit}."),
        ),
        ValidationErrorKind::ExclusiveMaximum { limit } => diagnostic(
            "schema/maximum",
            format!("{label} must be less than {limit}."),
        ),
        ValidationErrorKind::MultipleOf { multiple_of } => diagnostic(
            "schema/multiple-of",
            format!("{label} must be a multiple of {multiple_of}."),
        ),
        ValidationErrorKind::MinItems { limit } => {
            let count = instance.as_array().map_or(0, Vec::len);
            let message = if count == 0 {
                format!("{label} is empty: add at least {}.", entries(*limit))
            } else {
                format!(
                    "{label} needs at least {} (it has {count}).",
                    entries(*limit)
                )
            };
            let d = diagnostic("schema/min-items", message);
            match field.request() {
                Some((request, _)) if count == 0 => d.with_hint(request.as_str()),
                _ => d,
            }
        }
        ValidationErrorKind::MaxItems { limit } => diagnostic(
            "schema/max-items",
            format!(
                "{label} has too many entries: keep it to {}.",
                entries(*limit)
            ),
        ),
        ValidationErrorKind::AdditionalItems { .. }
        | ValidationErrorKind::UnevaluatedItems { .. } => diagnostic(
            "schema/extra-items",
            format!("{label} has more entries than this field allows."),
        ),
        ValidationErrorKind::UniqueItems => diagnostic(
            "schema/unique-items",
            format!("{label} lists the same entry more than once."),
        ),
        ValidationErrorKind::Contains => diagnostic(
            "schema/contains",
            format!("{label} is missing an entry it must have."),
        ),
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            for name in unexpected {
                out.push(
                    Diagnostic::new(
                        "schema/unknown-field",
                        Severity::Error,
                        Source::Schema,
                        pointer_join(path, name),
                        format!(
                            "\u{201c}{name}\u{201d} is not a field of {}.",
                            lower_first(&label)
                        ),
                    )
                    .with_hint("Check the spelling, or remove it."),
                );
            }
            return;
        }
        ValidationErrorKind::PropertyNames { error } => diagnostic(
            "schema/property-name",
            format!(
                "{label} has a field named {} that is not allowed here.",
                short(error.instance())
            ),
        ),
        ValidationErrorKind::MinProperties { limit } => diagnostic(
            "schema/min-properties",
            format!("{label} needs at least {limit} fields."),
        ),
        ValidationErrorKind::MaxProperties { limit } => diagnostic(
            "schema/max-properties",
            format!("{label} has too many fields: keep it to {limit}."),
        ),
        ValidationErrorKind::Not { .. } => diagnostic(
            "schema/not",
            format!("{label} has a value that is not allowed here."),
        ),
        ValidationErrorKind::FalseSchema => diagnostic(
            "schema/not-allowed",
            format!("{label} is not allowed here; remove it."),
        ),
        ValidationErrorKind::OneOfMultipleValid { .. } => diagnostic(
            "schema/one-of",
            format!("{label} fits more than one of the allowed forms; make it fit exactly one."),
        ),
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            collapse(error, context, &label, fields, out);
            return;
        }
        ValidationErrorKind::ContentEncoding { content_encoding } => diagnostic(
            "schema/content",
            format!("{label} is not valid {content_encoding} data."),
        ),
        ValidationErrorKind::ContentMediaType { content_media_type } => diagnostic(
            "schema/content",
            format!("{label} is not valid {content_media_type} content."),
        ),
        ValidationErrorKind::FromUtf8 { .. } => diagnostic(
            "schema/content",
            format!("{label} does not decode to text."),
        ),
        ValidationErrorKind::Custom { message, .. } => {
            diagnostic("schema/custom", format!("{label}: {message}"))
        }
        ValidationErrorKind::BacktrackLimitExceeded { .. }
        | ValidationErrorKind::RegexEngineFailure { .. } => diagnostic(
            "schema/pattern-too-complex",
            format!(
                "{label} could not be checked: the schema's pattern is too complex to evaluate."
            ),
        )
        .with_hint("Ask your admin to simplify the pattern in the schema."),
        ValidationErrorKind::Referencing(err) => diagnostic(
            "schema/reference",
            format!("{label} could not be checked: {err}."),
        ),
    };
    out.push(d);
}

/// An `anyOf`/`oneOf` with no fitting branch: report the branch that most nearly fits, or —
/// when no branch even has the right kind of value — one diagnostic listing what would fit.
fn collapse(
    error: &ValidationError<'_>,
    branches: &[Vec<ValidationError<'static>>],
    label: &str,
    fields: &FieldDocs,
    out: &mut Vec<Diagnostic>,
) {
    let at = error.instance_path().as_str();
    let mismatch_at_root = |branch: &Vec<ValidationError<'static>>| {
        branch.iter().any(|e| {
            e.instance_path().as_str() == at
                && matches!(
                    e.kind(),
                    ValidationErrorKind::Type { .. }
                        | ValidationErrorKind::Constant { .. }
                        | ValidationErrorKind::Enum { .. }
                        | ValidationErrorKind::FalseSchema
                )
        })
    };
    let fitting = branches
        .iter()
        .filter(|b| !b.is_empty() && !mismatch_at_root(b))
        .min_by_key(|b| b.len());
    if let Some(branch) = fitting {
        for e in branch {
            push(e, fields, out);
        }
        return;
    }
    let mut forms: Vec<String> = Vec::new();
    for branch in branches {
        for e in branch.iter().filter(|e| e.instance_path().as_str() == at) {
            let form = match e.kind() {
                ValidationErrorKind::Type { kind } => expected_types(kind),
                ValidationErrorKind::Constant { expected_value } => short(expected_value),
                ValidationErrorKind::Enum { options } => list_values(options),
                _ => continue,
            };
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    let message = if forms.is_empty() {
        format!("{label} does not fit any of the allowed forms.")
    } else {
        format!(
            "{label} should be {} — not {}.",
            forms.join(" or "),
            short(error.instance())
        )
    };
    out.push(Diagnostic::new(
        "schema/any-of",
        Severity::Error,
        Source::Schema,
        at,
        message,
    ));
}

fn entries(n: u64) -> String {
    if n == 1 {
        "1 entry".to_string()
    } else {
        format!("{n} entries")
    }
}

fn type_words(t: JsonType) -> &'static str {
    match t {
        JsonType::Array => "a list",
        JsonType::Boolean => "yes or no (true/false)",
        JsonType::Integer => "a whole number",
        JsonType::Null => "empty (null)",
        JsonType::Number => "a number",
        JsonType::Object => "a group of fields",
        JsonType::String => "text",
    }
}

fn expected_types(kind: &TypeKind) -> String {
    match kind {
        TypeKind::Single(t) => type_words(*t).to_string(),
        TypeKind::Multiple(set) => set.iter().map(type_words).collect::<Vec<_>>().join(" or "),
    }
}

fn value_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty (null)",
        Value::Bool(_) => "true/false",
        Value::Number(n) if n.is_f64() => "a decimal number",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a group of fields",
    }
}

/// A value for a message, cut short: `"furious"`, `42`, `a list`.
fn short(value: &Value) -> String {
    let mut out = String::new();
    push_short(&mut out, value);
    out
}

/// Appends [`short`]'s form of `value` to `out`.
fn push_short(out: &mut String, value: &Value) {
    match value {
        Value::String(s) if s.chars().nth(60).is_some() => {
            out.push('"');
            out.extend(s.chars().take(57));
            out.push_str("…\"");
        }
        Value::String(s) => {
            out.reserve(s.len() + 2);
            out.push('"');
            out.push_str(s);
            out.push('"');
        }
        Value::Array(_) | Value::Object(_) => out.push_str(value_kind(value)),
        other => {
            let _ = write!(out, "{other}");
        }
    }
}

fn list_values(options: &Value) -> String {
    let Some(items) = options.as_array() else {
        return short(options);
    };
    let mut out = String::new();
    for (index, item) in items.iter().take(8).enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        push_short(&mut out, item);
    }
    if items.len() > 8 {
        let _ = write!(out, ", … ({} in all)", items.len());
    }
    out
}

fn format_words(format: &str) -> (&str, String) {
    match format {
        "date-time" => (
            "date and time",
            "Use a full date and time with its offset, e.g. 2026-11-21T14:30:00Z or 2026-11-21T09:30:00-05:00.".to_string(),
        ),
        "date" => ("date", "Use the form YYYY-MM-DD, e.g. 2026-11-21.".to_string()),
        "time" => ("time", "Use the form HH:MM:SS with an offset, e.g. 14:30:00Z.".to_string()),
        "email" | "idn-email" => (
            "email address",
            "Check for a missing @ or a typo, e.g. dana.kim@example.com.".to_string(),
        ),
        "uri" | "iri" => (
            "web address",
            "Use a full address starting with https://.".to_string(),
        ),
        "uri-reference" | "iri-reference" => ("link", "Use a URL or a path.".to_string()),
        "duration" => ("duration", "Use ISO 8601, e.g. PT4H for four hours.".to_string()),
        "uuid" => ("UUID", "Use the 8-4-4-4-12 hex form.".to_string()),
        other => (other, format!("It must be a valid {other}.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_of_values_are_cut() {
        let values: Vec<Value> = (1..=10).map(Value::from).collect();
        assert_eq!(
            list_values(&Value::Array(values)),
            "1, 2, 3, 4, 5, 6, 7, 8, … (10 in all)"
        );
        assert_eq!(list_values(&serde_json::json!(["a"])), "\"a\"");
    }

    #[test]
    fn long_values_are_cut() {
        let long = Value::String("x".repeat(100));
        assert_eq!(short(&long).chars().count(), 57 + 3);
        assert_eq!(short(&serde_json::json!([1])), "a list");
    }
}
