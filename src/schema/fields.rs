//! What each field of a document is called, read once from its schema.
//!
//! Diagnostics speak of "the owner" or "the invoice number", not of `/owner` or
//! `/billing/invoice_id`. This module walks a schema (through `properties`, `items`,
//! `allOf`/`anyOf`/`oneOf`, `if`/`then`/`else` and `$ref`s into the store) and records, for each
//! instance location, the `title` and `description` found there. Array items are recorded
//! under `*`, so `/actions_taken/*/outcome` describes every action's outcome.
//!
//! A [`Field`] is how a message names one: its title ("Owner"), or a readable form of its
//! path ("Entry 2 of actions taken"), and what to ask for, made from its description.

use super::store::{schema_id, strip_fragment, SchemaStore};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How deep the walk follows nested schemas; documents deeper than this get generic labels.
const MAX_DEPTH: usize = 24;
/// How many subschemas the walk visits at most, so a hostile schema (references that fan out
/// recursively) costs bounded time.
const MAX_VISITS: usize = 20_000;

/// Title and description of one field, as its schema gives them.
#[derive(Debug, Clone, Default)]
pub struct FieldDoc {
    pub title: Option<String>,
    pub description: Option<String>,
    /// The first of the schema's `examples`, when it is a plain value.
    pub example: Option<String>,
    /// [`FieldDoc::request`], worded on first use and kept.
    request: OnceLock<Option<(String, Option<String>)>>,
}

impl FieldDoc {
    /// What to ask the agent for, made from the description's first sentence ("Add who owns
    /// this case after the handoff."), and the description's other sentences (why it
    /// matters). Worded the first time a diagnostic needs it, then reused: the same fields
    /// go missing packet after packet, and most fields are never reported at all.
    pub fn request(&self) -> Option<&(String, Option<String>)> {
        self.request
            .get_or_init(|| self.description.as_deref().and_then(request))
            .as_ref()
    }
}

/// Field documentation keyed by instance pointer pattern (`/owner/name`, `/actions_taken/*`).
#[derive(Debug, Clone, Default)]
pub struct FieldDocs {
    fields: HashMap<String, FieldDoc>,
}

impl FieldDocs {
    /// Reads the field documentation of `schema`, following `$ref`s into `store`.
    pub fn collect(schema: &Value, store: &SchemaStore) -> FieldDocs {
        let mut walk = Walk {
            store,
            docs: FieldDocs::default(),
            visiting: HashSet::new(),
            visits: 0,
        };
        let base = schema_id(schema).unwrap_or("").to_string();
        walk.visit(schema, schema, &base, String::new(), 0);
        walk.docs
    }

    /// The documentation of the field at `pointer`; array indices match `*`.
    pub fn get(&self, pointer: &str) -> Option<&FieldDoc> {
        if let Some(doc) = self.fields.get(pointer) {
            return Some(doc);
        }
        if !pointer.split('/').any(is_index) {
            return None;
        }
        let pattern: Vec<&str> = pointer
            .split('/')
            .map(|t| if is_index(t) { "*" } else { t })
            .collect();
        self.fields.get(&pattern.join("/"))
    }
}

/// A field as the messages name it, with its documentation looked up once.
pub(super) struct Field<'a> {
    path: &'a str,
    doc: Option<&'a FieldDoc>,
    fields: &'a FieldDocs,
}

impl<'a> Field<'a> {
    pub(super) fn new(path: &'a str, fields: &'a FieldDocs) -> Field<'a> {
        Field {
            path,
            doc: fields.get(path),
            fields,
        }
    }

    /// "Owner", "Invoice number", or a readable form of the last path token.
    pub(super) fn label(&self) -> Cow<'a, str> {
        if let Some(title) = self.doc.and_then(|d| d.title.as_deref()) {
            return Cow::Borrowed(title);
        }
        let mut tokens = self.path.rsplit('/');
        Cow::Owned(match tokens.next() {
            None | Some("") => "The document".to_string(),
            Some(token) if token.bytes().all(|b| b.is_ascii_digit()) => {
                let position = token.parse::<usize>().map_or(0, |i| i.saturating_add(1));
                let parent = Field::new(
                    self.path.rsplit_once('/').map_or("", |(p, _)| p),
                    self.fields,
                );
                format!("Entry {position} of {}", lower_first(&parent.label()))
            }
            Some(token) => upper_first(&unescape(token).replace('_', " ")),
        })
    }

    /// What to ask for ("Add …") and why it matters, from the field's description.
    pub(super) fn request(&self) -> Option<&'a (String, Option<String>)> {
        self.doc?.request()
    }

    pub(super) fn example(&self) -> Option<&'a str> {
        self.doc?.example.as_deref()
    }
}

/// A field's description as a request and its reason: the first sentence (given a full stop
/// if it has none) completes "Add …", the other sentences say why it matters. `None` for an
/// empty description.
fn request(description: &str) -> Option<(String, Option<String>)> {
    let text = description.trim();
    if text.is_empty() {
        return None;
    }
    let cut = text.find(". ").map_or(text.len(), |i| i + 1);
    let (first, rest) = text.split_at(cut);
    let mut first = first.trim().to_string();
    if !first.ends_with(['.', '!', '?']) {
        first.push('.');
    }
    let rest = rest.trim();
    Some((
        format!("Add {}", lower_first(&first)),
        (!rest.is_empty()).then(|| rest.to_string()),
    ))
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Lowercases the first letter unless the word looks like a name or acronym ("URL", "iOS").
pub(super) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn is_index(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit())
}

struct Walk<'a> {
    store: &'a SchemaStore,
    docs: FieldDocs,
    /// (schema address, instance pattern) pairs on the current path, to stop at cycles.
    visiting: HashSet<(usize, String)>,
    visits: usize,
}

impl<'a> Walk<'a> {
    /// `node` is a subschema of `document`, whose base URI is `base`; `at` is the instance
    /// pattern the node describes.
    fn visit(
        &mut self,
        document: &'a Value,
        node: &'a Value,
        base: &str,
        at: String,
        depth: usize,
    ) {
        let Some(object) = node.as_object() else {
            return;
        };
        if depth > MAX_DEPTH || self.visits >= MAX_VISITS {
            return;
        }
        self.visits += 1;
        let key = (node as *const Value as usize, at.clone());
        if !self.visiting.insert(key.clone()) {
            return;
        }
        // A nested `$id` starts a new base (and a new document for `#/…` references).
        let (document, base) = match schema_id(node) {
            Some(id) => match resolve(base, id) {
                Some(uri) => (node, uri),
                None => (document, base.to_string()),
            },
            None => (document, base.to_string()),
        };
        self.record(&at, object);
        if let Some(properties) = object.get("properties").and_then(Value::as_object) {
            for (name, sub) in properties {
                let mut child = at.clone();
                crate::diagnostic::push_pointer_token(&mut child, name);
                self.visit(document, sub, &base, child, depth + 1);
            }
        }
        for keyword in ["items", "contains"] {
            if let Some(sub) = object.get(keyword) {
                self.visit(document, sub, &base, format!("{at}/*"), depth + 1);
            }
        }
        if let Some(items) = object.get("prefixItems").and_then(Value::as_array) {
            for (index, sub) in items.iter().enumerate() {
                self.visit(document, sub, &base, format!("{at}/{index}"), depth + 1);
            }
        }
        for keyword in ["allOf", "anyOf", "oneOf"] {
            if let Some(subs) = object.get(keyword).and_then(Value::as_array) {
                for sub in subs {
                    self.visit(document, sub, &base, at.clone(), depth + 1);
                }
            }
        }
        for keyword in ["if", "then", "else"] {
            if let Some(sub) = object.get(keyword) {
                self.visit(document, sub, &base, at.clone(), depth + 1);
            }
        }
        if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
            self.follow(document, &base, reference, at, depth);
        }
        self.visiting.remove(&key);
    }

    fn follow(
        &mut self,
        document: &'a Value,
        base: &str,
        reference: &str,
        at: String,
        depth: usize,
    ) {
        let (target_uri, fragment) = match reference.split_once('#') {
            Some((uri, fragment)) => (uri, fragment),
            None => (reference, ""),
        };
        let store = self.store;
        let (target_doc, target_base): (&'a Value, String) = if target_uri.is_empty() {
            (document, base.to_string())
        } else {
            let Some(uri) = resolve(base, target_uri) else {
                return;
            };
            match store.get(&uri) {
                Some(doc) => (doc.as_ref(), uri),
                None => return,
            }
        };
        let target = if fragment.is_empty() {
            Some(target_doc)
        } else if fragment.starts_with('/') {
            target_doc.pointer(&percent_decode(fragment))
        } else {
            find_anchor(target_doc, fragment)
        };
        if let Some(target) = target {
            self.visit(target_doc, target, &target_base, at, depth + 1);
        }
    }

    fn record(&mut self, at: &str, object: &Map<String, Value>) {
        let title = object.get("title").and_then(Value::as_str);
        let description = object.get("description").and_then(Value::as_str);
        let example = match object.get("examples").and_then(|e| e.get(0)) {
            Some(Value::String(text)) => Some(text.clone()),
            Some(value @ (Value::Number(_) | Value::Bool(_))) => Some(value.to_string()),
            _ => None,
        };
        if title.is_none() && description.is_none() && example.is_none() {
            return;
        }
        // The first (most specific) schema to describe a field wins, field by field.
        let doc = self.docs.fields.entry(at.to_string()).or_default();
        if doc.title.is_none() {
            doc.title = title.map(str::to_string);
        }
        if doc.description.is_none() {
            doc.description = description.map(str::to_string);
        }
        if doc.example.is_none() {
            doc.example = example;
        }
    }
}

/// Resolves `reference` against `base` (RFC 3986), without the fragment.
fn resolve(base: &str, reference: &str) -> Option<String> {
    if reference.contains(':') || base.is_empty() {
        return Some(strip_fragment(reference).to_string());
    }
    let base = jsonschema::uri::from_str(base).ok()?;
    let resolved = jsonschema::uri::resolve_against(&base.borrow(), reference).ok()?;
    Some(strip_fragment(resolved.as_str()).to_string())
}

fn find_anchor<'v>(document: &'v Value, anchor: &str) -> Option<&'v Value> {
    let mut stack = vec![document];
    while let Some(node) = stack.pop() {
        match node {
            Value::Object(map) => {
                if map.get("$anchor").and_then(Value::as_str) == Some(anchor) {
                    return Some(node);
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    None
}

fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if let (b'%', Some(&hi), Some(&lo)) = (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            if let (Some(hi), Some(lo)) = (hex(hi), hex(lo)) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn records_titles_through_refs_and_items() {
        let schema = json!({
            "$defs": {"action": {"type": "object", "properties": {
                "outcome": {"title": "Outcome", "description": "what the action showed."}}}},
            "properties": {
                "owner": {"title": "Owner", "description": "who owns this case."},
                "actions_taken": {"type": "array", "items": {"$ref": "#/$defs/action"}}
            }
        });
        let docs = FieldDocs::collect(&schema, SchemaStore::builtin());
        assert_eq!(docs.get("/owner").unwrap().title.as_deref(), Some("Owner"));
        let outcome = docs.get("/actions_taken/3/outcome").unwrap();
        assert_eq!(
            outcome.description.as_deref(),
            Some("what the action showed.")
        );
        assert!(docs.get("/nothing").is_none());
    }

    #[test]
    fn recursive_schemas_terminate() {
        let schema = json!({"title": "Node", "properties": {"child": {"$ref": "#"}}});
        let docs = FieldDocs::collect(&schema, SchemaStore::builtin());
        assert_eq!(docs.get("/child").unwrap().title.as_deref(), Some("Node"));
    }

    #[test]
    fn fanned_out_recursion_is_bounded() {
        // Each level refers to the root twice: 2^24 paths if nothing bounded the walk.
        let schema =
            json!({"title": "Node", "properties": {"a": {"$ref": "#"}, "b": {"$ref": "#"}}});
        let docs = FieldDocs::collect(&schema, SchemaStore::builtin());
        assert_eq!(docs.get("/a/b/a").unwrap().title.as_deref(), Some("Node"));
    }

    #[test]
    fn first_letters() {
        assert_eq!(lower_first("Who owns this."), "who owns this.");
        assert_eq!(lower_first("URL of the ticket."), "URL of the ticket.");
        assert_eq!(upper_first("opened at"), "Opened at");
    }

    #[test]
    fn descriptions_become_requests_and_reasons() {
        assert_eq!(
            request("who owns this case. The team needs one person to ask."),
            Some((
                "Add who owns this case.".to_string(),
                Some("The team needs one person to ask.".to_string())
            ))
        );
        assert_eq!(
            request("  Invoice number  "),
            Some(("Add invoice number.".to_string(), None))
        );
        assert_eq!(request("   "), None);
    }

    #[test]
    fn percent_decoding_of_pointer_fragments() {
        assert_eq!(percent_decode("/a%25b/c"), "/a%b/c");
        assert_eq!(percent_decode("/plain"), "/plain");
        assert_eq!(percent_decode("/bad%2"), "/bad%2");
    }
}
