//! [`TapeJson`]: the tape as a representation jsonschema validates directly.

use super::{Elements, Entry, Members, Node, Num, Tag, Tape, TapeNumber};
use jsonschema::json::{
    Array, Json, JsonNumber, LazyInstance, Node as JsonNode, NodeIdentity, Object,
};
use jsonschema::types::JsonType;
use serde_json::{Number, Value};
use std::borrow::Cow;

/// The tape as a JSON representation jsonschema validates directly.
pub struct TapeJson;

impl Json for TapeJson {
    type Node<'a> = Node<'a>;
    type PreparedKey = Box<str>;
    /// A lookup scans the members, so a members pass replaces lookups whenever it is no longer.
    const KEYS_PER_LOOKUP: usize = 0;
    type StringBuffer = Tape<'static>;

    fn prepare_key(key: &str) -> Box<str> {
        key.into()
    }

    fn with_string_node<T>(
        buffer: &mut Tape<'static>,
        string: &str,
        f: impl FnOnce(Node<'_>) -> T,
    ) -> T {
        buffer.own.clear();
        buffer.own.push_str(string);
        buffer.entries.clear();
        buffer.entries.push(Entry {
            tag: Tag::Own,
            a: 0,
            b: string.len() as u32,
            n: 0,
        });
        f(buffer.root())
    }
}

impl Default for Tape<'static> {
    fn default() -> Self {
        Tape {
            text: "",
            entries: vec![Entry {
                tag: Tag::Null,
                a: 0,
                b: 0,
                n: 0,
            }],
            own: String::new(),
        }
    }
}

impl<'a> JsonNode<'a, TapeJson> for Node<'a> {
    type Object = Node<'a>;
    type Array = Node<'a>;
    type Number = TapeNumber<'a>;

    #[inline]
    fn as_object(&self) -> Option<Node<'a>> {
        self.is_object().then_some(*self)
    }

    #[inline]
    fn as_array(&self) -> Option<Node<'a>> {
        self.is_array().then_some(*self)
    }

    #[inline]
    fn as_string(&self) -> Option<Cow<'a, str>> {
        self.as_str().map(Cow::Borrowed)
    }

    #[inline]
    fn as_number(&self) -> Option<TapeNumber<'a>> {
        Node::as_number(self)
    }

    #[inline]
    fn as_boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    #[inline]
    fn is_null(&self) -> bool {
        Node::is_null(self)
    }

    #[inline]
    fn is_number(&self) -> bool {
        matches!(self.entry().tag, Tag::U64 | Tag::I64 | Tag::F64)
    }

    #[inline]
    fn is_string(&self) -> bool {
        matches!(self.entry().tag, Tag::Str | Tag::Own)
    }

    #[inline]
    fn json_type(&self) -> JsonType {
        match self.entry().tag {
            Tag::Null => JsonType::Null,
            Tag::True | Tag::False => JsonType::Boolean,
            Tag::Str | Tag::Own => JsonType::String,
            Tag::U64 | Tag::I64 | Tag::F64 => JsonType::Number,
            Tag::Array => JsonType::Array,
            Tag::Object | Tag::ObjectWithRepeats => JsonType::Object,
        }
    }

    #[inline]
    fn string_length(&self) -> Option<u64> {
        // Code points (std counts them a word at a time).
        Some(self.as_str()?.chars().count() as u64)
    }

    #[inline]
    fn equals_value(&self, expected: &Value) -> bool {
        Node::equals_value(self, expected)
    }

    #[inline]
    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(Node::to_value(self))
    }

    /// The instance a validation error carries: its outline, which is all the kit's messages
    /// read of it (src/schema/messages.rs: a scalar's value, a list's length, a container's
    /// kind). A scalar as it is, a list as that many nulls, an object empty. jsonschema's
    /// default copied the whole value into every error about it: an `additionalProperties`
    /// error on a packet copied the packet, so a 4 MiB packet with one unknown field of 150,000
    /// small objects cost 200 MB of wasm memory and a second through npm.
    fn lazy_value(&self) -> LazyInstance<'a> {
        LazyInstance::Ready(Cow::Owned(match self.entry().tag {
            Tag::Array => Value::Array(vec![Value::Null; self.array_len()]),
            Tag::Object | Tag::ObjectWithRepeats => Value::Object(serde_json::Map::new()),
            _ => Node::to_value(self),
        }))
    }

    #[inline]
    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::tagged(
            std::ptr::from_ref(self.tape) as usize,
            self.at as u32,
        ))
    }
}

impl<'a> Object<'a, TapeJson> for Node<'a> {
    type Node = Node<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    #[inline]
    fn len(&self) -> usize {
        self.object_len()
    }

    #[inline]
    fn get(&self, key: &Box<str>) -> Option<Node<'a>> {
        Node::get(self, key)
    }

    #[inline]
    fn members(&self) -> Members<'a> {
        Node::members(self)
    }
}

impl<'a> Array<'a, TapeJson> for Node<'a> {
    type Node = Node<'a>;
    type ElementsIter = Elements<'a>;

    #[inline]
    fn len(&self) -> usize {
        self.array_len()
    }

    #[inline]
    fn elements(&self) -> Elements<'a> {
        Node::elements(self)
    }

    /// In place, by hash (src/tape/unique.rs): jsonschema's default copied every element.
    fn is_unique(&self) -> bool {
        self.has_unique_elements()
    }
}

impl JsonNumber for TapeNumber<'_> {
    #[inline]
    fn as_u64(&self) -> Option<u64> {
        match self.value {
            Num::U64(n) => Some(n),
            _ => None,
        }
    }

    #[inline]
    fn as_i64(&self) -> Option<i64> {
        match self.value {
            Num::U64(n) => i64::try_from(n).ok(),
            Num::I64(n) => Some(n),
            Num::F64(_) => None,
        }
    }

    #[inline]
    fn as_f64(&self) -> Option<f64> {
        Some(TapeNumber::as_f64(self))
    }

    #[inline]
    fn as_str(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.text)
    }

    #[inline]
    fn to_number(&self) -> Cow<'_, Number> {
        Cow::Owned(self.number())
    }

    #[inline]
    fn is_integer(&self) -> bool {
        match self.value {
            Num::U64(_) | Num::I64(_) => true,
            Num::F64(n) => n.fract() == 0.0,
        }
    }

    #[inline]
    fn is_written_as_integer(&self) -> bool {
        !self.text.contains(['.', 'e', 'E'])
    }
}
