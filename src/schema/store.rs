//! Schema documents known by `$id`: the built-in ones (embedded at build time) plus an
//! organisation's. `$ref`s resolve from here; nothing is ever fetched over the network.

use crate::error::{Error, Result};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

include!(concat!(env!("OUT_DIR"), "/builtin_schemas.rs"));

/// The namespace of the built-in schemas' `$id`s.
pub const BUILTIN_BASE: &str = "https://handoff-kit.dev/schemas/";

/// A schema document. A built-in one is parsed when first asked for: a kit that checks
/// packets of one scenario reads two of the sixteen.
#[derive(Debug)]
struct Document {
    text: &'static str,
    parsed: OnceLock<Arc<Value>>,
}

impl Document {
    fn value(&self) -> &Arc<Value> {
        self.parsed.get_or_init(|| {
            // Every built-in file is parsed by `builtin_schemas_are_keyed_by_id_in_our_namespace`.
            let value = serde_json::from_str(self.text)
                .unwrap_or_else(|e| panic!("a built-in schema is not JSON: {e}"));
            Arc::new(value)
        })
    }
}

/// Schema documents keyed by their `$id` (without fragment).
#[derive(Debug, Clone, Default)]
pub struct SchemaStore {
    documents: HashMap<String, Arc<Document>>,
    /// Whether a document was added under a built-in schema's `$id`, replacing it.
    replaces_builtin: bool,
}

impl SchemaStore {
    /// The built-in schemas, parsed once per process.
    pub fn builtin() -> &'static SchemaStore {
        static BUILTIN: OnceLock<SchemaStore> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let mut store = SchemaStore::default();
            for (_, id, text) in BUILTIN_SCHEMA_FILES {
                let document = Document {
                    text,
                    parsed: OnceLock::new(),
                };
                store.documents.insert(id.to_string(), Arc::new(document));
            }
            store
        })
    }

    /// A copy of this store with an organisation's schemas. Each `(id, schema)`: the schema's
    /// own `$id`, when present, must equal `id` (a bundle that says otherwise is a mistake).
    pub fn with_documents<'a>(
        &self,
        documents: impl IntoIterator<Item = (&'a String, &'a Value)>,
    ) -> Result<SchemaStore> {
        self.add(documents, true)
    }

    /// A copy of this store with documents keyed by the URI `$ref`s retrieve them from, which
    /// may differ from their own `$id` (as on a web server). For `Validator` registries.
    pub fn with_retrievable<'a>(
        &self,
        documents: impl IntoIterator<Item = (&'a String, &'a Value)>,
    ) -> Result<SchemaStore> {
        self.add(documents, false)
    }

    fn add<'a>(
        &self,
        documents: impl IntoIterator<Item = (&'a String, &'a Value)>,
        id_must_match: bool,
    ) -> Result<SchemaStore> {
        let mut store = self.clone();
        for (id, schema) in documents {
            let key = strip_fragment(id);
            if let Some(own) = schema_id(schema).filter(|_| id_must_match) {
                if strip_fragment(own) != key {
                    return Err(Error::new(
                        "bundle",
                        format!("The bundle lists a schema under \"{id}\" but its $id is \"{own}\"; use the same URI for both."),
                    ));
                }
            }
            if !schema.is_object() && !schema.is_boolean() {
                return Err(Error::new(
                    "bundle",
                    format!("The bundle's schema \"{id}\" is not a JSON Schema (an object or a boolean)."),
                ));
            }
            store.replaces_builtin |= key.starts_with(BUILTIN_BASE);
            let document = Document {
                text: "",
                parsed: OnceLock::from(Arc::new(schema.clone())),
            };
            store.documents.insert(key.to_string(), Arc::new(document));
        }
        Ok(store)
    }

    /// Whether every built-in schema is here as built (none replaced by another document
    /// under its `$id`), so what `$ref`s from a built-in schema reach is built in too.
    pub fn builtin_unchanged(&self) -> bool {
        !self.replaces_builtin
    }

    /// The document with this `$id` (a fragment, if any, is ignored).
    pub fn get(&self, uri: &str) -> Option<&Arc<Value>> {
        self.documents.get(strip_fragment(uri)).map(|d| d.value())
    }

    /// Every `$id` in the store, sorted.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.documents.keys().map(String::as_str).collect();
        ids.sort_unstable();
        ids
    }

    /// A retriever that serves this store's documents to the schema compiler.
    pub(crate) fn retriever(&self) -> StoreRetriever {
        StoreRetriever {
            documents: self.documents.clone(),
        }
    }
}

/// The `$id` of a schema document, if it declares one.
pub fn schema_id(schema: &Value) -> Option<&str> {
    schema.get("$id").and_then(Value::as_str)
}

pub(crate) fn strip_fragment(uri: &str) -> &str {
    uri.split_once('#').map_or(uri, |(base, _)| base)
}

/// Serves `$ref`s from memory and refuses everything else with a clear reason.
pub(crate) struct StoreRetriever {
    documents: HashMap<String, Arc<Document>>,
}

#[derive(Debug)]
struct UnknownSchema(String);

impl std::fmt::Display for UnknownSchema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "\"{}\" is neither a built-in schema nor one in the bundle (Handoff Kit never fetches schemas over the network)",
            self.0
        )
    }
}

impl std::error::Error for UnknownSchema {}

impl jsonschema::Retrieve for StoreRetriever {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> std::result::Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        match self.documents.get(strip_fragment(uri.as_str())) {
            Some(doc) => Ok(Value::clone(doc.value())),
            None => Err(Box::new(UnknownSchema(uri.as_str().to_string()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn builtin_schemas_are_keyed_by_id_in_our_namespace() {
        let store = SchemaStore::builtin();
        assert_eq!(store.ids().len(), BUILTIN_SCHEMA_FILES.len());
        for (path, id, _) in BUILTIN_SCHEMA_FILES {
            assert!(id.starts_with(BUILTIN_BASE), "{id}");
            // The `$id` build.rs read from the text is the parsed document's.
            let schema = store.get(id).unwrap_or_else(|| panic!("{path}"));
            assert_eq!(schema_id(schema), Some(*id), "{path}");
        }
    }

    #[test]
    fn org_schema_id_must_match_its_key() {
        let org = json!({"$id": "https://example.com/a.json"});
        let key = "https://example.com/b.json".to_string();
        let err = SchemaStore::builtin()
            .with_documents([(&key, &org)])
            .unwrap_err();
        assert!(err.message.contains("its $id is"), "{}", err.message);
    }
}
