//! Schema documents known by `$id`: the built-in ones (embedded at build time) plus an
//! organisation's. `$ref`s resolve from here; nothing is ever fetched over the network.

use crate::error::{Error, Result};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

include!(concat!(env!("OUT_DIR"), "/builtin_schemas.rs"));

/// The namespace of the built-in schemas' `$id`s.
pub const BUILTIN_BASE: &str = "https://handoff-kit.dev/schemas/";

/// Schema documents keyed by their `$id` (without fragment).
#[derive(Debug, Clone, Default)]
pub struct SchemaStore {
    documents: HashMap<String, Arc<Value>>,
    /// Whether a document was added under a built-in schema's `$id`, replacing it.
    replaces_builtin: bool,
}

impl SchemaStore {
    /// The built-in schemas, parsed once per process.
    pub fn builtin() -> &'static SchemaStore {
        static BUILTIN: OnceLock<SchemaStore> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let mut store = SchemaStore::default();
            for (path, text) in BUILTIN_SCHEMA_FILES {
                // Both are checked by tests over every file in schemas/.
                let schema: Value = serde_json::from_str(text)
                    .unwrap_or_else(|e| panic!("built-in schema {path} is not JSON: {e}"));
                let id = schema_id(&schema)
                    .unwrap_or_else(|| panic!("built-in schema {path} has no $id"))
                    .to_string();
                store.documents.insert(id, Arc::new(schema));
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
            store
                .documents
                .insert(key.to_string(), Arc::new(schema.clone()));
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
        self.documents.get(strip_fragment(uri))
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
    documents: HashMap<String, Arc<Value>>,
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
            Some(doc) => Ok(Value::clone(doc)),
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
        assert!(!store.ids().is_empty());
        for id in store.ids() {
            assert!(id.starts_with(BUILTIN_BASE), "{id}");
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
