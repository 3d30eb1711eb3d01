//! Which headings mean which packet field: the built-ins plus the bundle's `notes` section.

use super::field::{FieldSpec, Kind, FIELDS};
use crate::diagnostic::{pointer_join, Diagnostic, Severity, Source};
use crate::error::{Error, Result};
use serde_json::Value;
use std::collections::HashMap;

/// One field a note can fill.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    pub key: String,
    pub kind: Kind,
    pub builtin: Option<&'static FieldSpec>,
    /// The bundle's headings for this field, in the bundle's order.
    pub extra: Vec<String>,
}

/// How notes are read: the headings for each field and the template language.
///
/// `NoteConfig::default()` knows the built-in headings (English, German, French, Spanish)
/// and writes English templates.
#[derive(Debug, Clone)]
pub struct NoteConfig {
    fields: Vec<Field>,
    /// Normalised heading → index into `fields`.
    lookup: ahash::AHashMap<String, usize>,
    /// The byte length of the longest key of `lookup`: a longer heading names no field.
    longest: usize,
    language: String,
}

impl Default for NoteConfig {
    fn default() -> Self {
        let fields: Vec<Field> = FIELDS
            .iter()
            .map(|spec| Field {
                key: spec.key.to_string(),
                kind: spec.kind,
                builtin: Some(spec),
                extra: Vec::new(),
            })
            .collect();
        let mut lookup = ahash::AHashMap::new();
        for (index, spec) in FIELDS.iter().enumerate() {
            for (_, headings) in spec.headings {
                for heading in *headings {
                    lookup.entry(normalise(heading)).or_insert(index);
                }
            }
        }
        let longest = lookup.keys().map(String::len).max().unwrap_or(0);
        NoteConfig {
            fields,
            lookup,
            longest,
            language: "en".to_string(),
        }
    }
}

impl NoteConfig {
    /// Reads the bundle's `notes` section (`Value::Null` = built-ins only):
    /// `{ "headings": { "<field key>": ["Heading", …] }, "language": "de" }`.
    ///
    /// Bundle headings are added to the built-in ones and win where both use the same words.
    /// A field key is the dotted packet path (`summary`, `customer.sentiment`,
    /// `billing.invoice_id`); keys the kit does not know are read as plain text.
    /// Problems are `rubric/note-invalid-setting` diagnostics with paths inside the bundle.
    pub fn from_bundle(notes: &Value) -> Result<NoteConfig> {
        let mut config = NoteConfig::default();
        let mut problems = Vec::new();
        match notes {
            Value::Null => {}
            Value::Object(settings) => {
                for (name, setting) in settings {
                    let path = pointer_join("/notes", name);
                    match name.as_str() {
                        "headings" => config.read_headings(setting, &path, &mut problems),
                        "language" => match setting.as_str() {
                            Some(tag) if is_language_tag(tag) => config.language = tag.to_ascii_lowercase(),
                            _ => problems.push(invalid(&path, "The note language must be a language code such as \"en\", \"de\" or \"pt-BR\".")),
                        },
                        other => problems.push(invalid(&path, format!("'{other}' is not a notes setting; use headings or language."))),
                    }
                }
            }
            _ => problems.push(invalid(
                "/notes",
                "The notes section must be an object with headings and language.",
            )),
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            let summary: Vec<&str> = problems
                .iter()
                .map(|d: &Diagnostic| d.message.as_str())
                .collect();
            Err(Error::new(
                "bundle",
                format!(
                    "The bundle's note headings cannot be used: {}",
                    summary.join(" ")
                ),
            )
            .with_diagnostics(problems))
        }
    }

    fn read_headings(&mut self, headings: &Value, path: &str, problems: &mut Vec<Diagnostic>) {
        let Some(headings) = headings.as_object() else {
            problems.push(invalid(path, "Note headings must be an object mapping a field (such as \"summary\") to a list of headings."));
            return;
        };
        // Normalised heading → the field key the bundle gave it to, to catch a heading given twice.
        let mut given: HashMap<String, String> = HashMap::new();
        for (key, words) in headings {
            let key_path = pointer_join(path, key);
            if let Err(message) = check_key(key) {
                problems.push(invalid(&key_path, message));
                continue;
            }
            let Some(words) = words.as_array() else {
                problems.push(invalid(&key_path, format!("The headings for '{key}' must be a list of words, such as [\"Summary\", \"TL;DR\"].")));
                continue;
            };
            let index = self.index_or_add(key);
            for (i, word) in words.iter().enumerate() {
                let word_path = pointer_join(&key_path, &i.to_string());
                let heading = match word.as_str().map(str::trim) {
                    Some(h)
                        if !h.is_empty()
                            && h.chars().count() <= 60
                            && !h.contains([':', '：', '\n', '\r']) =>
                    {
                        h
                    }
                    _ => {
                        problems.push(invalid(&word_path, format!("A heading for '{key}' must be a short phrase of at most 60 characters without a colon or line break.")));
                        continue;
                    }
                };
                let normalised = normalise(heading);
                if let Some(other) = given.get(&normalised) {
                    let message = if other == key {
                        format!(
                            "The heading '{heading}' is listed twice for '{key}'; list it once."
                        )
                    } else {
                        format!("The heading '{heading}' is given to both '{other}' and '{key}'; give it to one field.")
                    };
                    problems.push(invalid(&word_path, message));
                    continue;
                }
                given.insert(normalised.clone(), key.clone());
                self.longest = self.longest.max(normalised.len());
                self.lookup.insert(normalised, index);
                if let Some(field) = self.fields.get_mut(index) {
                    field.extra.push(heading.to_string());
                }
            }
        }
    }

    fn index_or_add(&mut self, key: &str) -> usize {
        match self.index_of(key) {
            Some(index) => index,
            None => {
                self.fields.push(Field {
                    key: key.to_string(),
                    kind: Kind::Text,
                    builtin: None,
                    extra: Vec::new(),
                });
                self.fields.len() - 1
            }
        }
    }

    /// The field a heading names (any case, spaces collapsed).
    pub(crate) fn field_for(&self, heading: &str) -> Option<usize> {
        if heading.is_empty() {
            return None;
        }
        self.lookup
            .get(&normalise_within(heading, self.longest)?)
            .copied()
    }

    pub(crate) fn field(&self, index: usize) -> Option<&Field> {
        self.fields.get(index)
    }

    /// The key of field `index` (empty if there is none).
    #[cfg(test)]
    pub(crate) fn key(&self, index: usize) -> &str {
        self.fields.get(index).map_or("", |f| f.key.as_str())
    }

    pub(crate) fn index_of(&self, key: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.key == key)
    }

    /// Fields the bundle added that the kit does not know.
    pub(crate) fn custom_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|f| f.builtin.is_none())
    }

    /// The template language (`en` unless the bundle says otherwise).
    pub fn language(&self) -> &str {
        &self.language
    }

    /// The heading the template writes for `key`: the built-in one in the template language,
    /// else the bundle's first, else the built-in English one.
    pub(crate) fn template_heading(&self, key: &str) -> Option<String> {
        let field = self.field(self.index_of(key)?)?;
        let primary = self.language.split('-').next().unwrap_or("en");
        let builtin_in = |lang: &str| {
            field
                .builtin
                .and_then(|spec| spec.headings.iter().find(|(l, _)| *l == lang))
                .and_then(|(_, h)| h.first())
                .map(|h| (*h).to_string())
        };
        builtin_in(primary)
            .or_else(|| field.extra.first().cloned())
            .or_else(|| builtin_in("en"))
    }
}

/// The form headings are compared in: lower case, whitespace collapsed, emphasis dropped.
pub(crate) fn normalise(heading: &str) -> String {
    heading
        .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`normalise`]d `heading` when that is at most `max` bytes long, else `None`: stops as soon
/// as it is longer, so a long line before a colon costs no more than a heading's length.
fn normalise_within(heading: &str, max: usize) -> Option<String> {
    let trimmed = heading.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    if trimmed.contains(['Σ', 'ς', 'σ']) {
        // Final sigma is lowered by context, which only the whole-string lowering does.
        return Some(normalise(heading)).filter(|n| n.len() <= max);
    }
    let mut out = String::with_capacity(trimmed.len().min(max) + 4);
    let mut space = false;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
        if out.len() > max {
            return None;
        }
    }
    Some(out)
}

/// A field key: dotted lower-case names, not a group of built-in fields.
fn check_key(key: &str) -> std::result::Result<(), String> {
    let well_formed = !key.is_empty()
        && key.split('.').all(|part| {
            part.starts_with(|c: char| c.is_ascii_lowercase())
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        });
    if !well_formed {
        return Err(format!("'{key}' is not a packet field; write its path with dots, such as \"summary\" or \"billing.invoice_id\"."));
    }
    if key == "other_sections" || key.starts_with("other_sections.") {
        return Err("'other_sections' is where the kit keeps text under unknown headings; choose another field.".to_string());
    }
    let group = format!("{key}.");
    if let Some(example) = FIELDS.iter().find(|f| f.key.starts_with(&group)) {
        return Err(format!(
            "'{key}' is a group of fields; name one field, such as '{}'.",
            example.key
        ));
    }
    Ok(())
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn invalid(path: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(
        super::NOTE_INVALID_SETTING.code,
        Severity::Error,
        Source::Rubric,
        path,
        message,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn built_in_headings_do_not_collide() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for spec in FIELDS {
            for (_, headings) in spec.headings {
                for heading in *headings {
                    if let Some(other) = seen.insert(normalise(heading), spec.key) {
                        assert_eq!(other, spec.key, "'{heading}' names two fields");
                    }
                }
            }
        }
    }

    #[test]
    fn bundle_headings_extend_and_override() {
        let config = NoteConfig::from_bundle(&json!({
            "headings": { "summary": ["TL;DR"], "owner.team": ["Team"], "billing.po_number": ["PO"] },
            "language": "de"
        }))
        .unwrap();
        assert_eq!(
            config.field_for("tl;dr").map(|i| config.key(i)),
            Some("summary")
        );
        assert_eq!(
            config.field_for("Summary").map(|i| config.key(i)),
            Some("summary")
        );
        assert_eq!(
            config.field_for("TEAM").map(|i| config.key(i)),
            Some("owner.team")
        );
        assert_eq!(
            config.field_for("po").map(|i| config.key(i)),
            Some("billing.po_number")
        );
        assert_eq!(config.language(), "de");
        assert_eq!(
            config.template_heading("summary").as_deref(),
            Some("Zusammenfassung")
        );
        assert_eq!(
            config.template_heading("billing.po_number").as_deref(),
            Some("PO")
        );
    }

    #[test]
    fn bad_settings_point_inside_the_bundle() {
        let err = NoteConfig::from_bundle(&json!({
            "headings": { "Summary": ["x"], "customer": ["Kunde"], "owner": ["Boss", 3, "a: b"], "urgency": ["Boss"] },
            "language": "english!",
            "colour": "blue"
        }))
        .unwrap_err();
        assert_eq!(err.kind, "bundle");
        let paths: Vec<&str> = err.diagnostics.iter().map(|d| d.path.as_str()).collect();
        for expected in [
            "/notes/headings/Summary",
            "/notes/headings/customer",
            "/notes/headings/owner/1",
            "/notes/headings/owner/2",
            "/notes/headings/urgency/0",
            "/notes/language",
            "/notes/colour",
        ] {
            assert!(paths.contains(&expected), "{expected} not in {paths:?}");
        }
        assert!(err
            .diagnostics
            .iter()
            .all(|d| d.code == "rubric/note-invalid-setting"));
        assert!(NoteConfig::from_bundle(&json!(["Summary"])).is_err());
        assert!(NoteConfig::from_bundle(&Value::Null).is_ok());
    }
}
