//! Reading a context packet defensively: packets may be invalid, so a missing field or a field
//! of the wrong type is simply "not there", and nothing can panic. Used by the rubric and the
//! SLA engine.

use serde_json::Value;

/// The value at an RFC 6901 `pointer`, like `Value::pointer` but without allocating for
/// tokens that need no unescaping (the checks look fields up on every packet).
pub fn at<'a>(packet: &'a Value, pointer: &str) -> Option<&'a Value> {
    if pointer.contains('~') {
        return packet.pointer(pointer);
    }
    if pointer.is_empty() {
        return Some(packet);
    }
    let tokens = pointer.strip_prefix('/')?;
    tokens
        .split('/')
        .try_fold(packet, |value, token| match value {
            Value::Object(map) => map.get(token),
            // As RFC 6901: no sign, no leading zero.
            Value::Array(items) if !token.starts_with(['+', '0']) || token == "0" => {
                token.parse::<usize>().ok().and_then(|i| items.get(i))
            }
            _ => None,
        })
}

/// The trimmed text at `pointer`, when it is a string with something in it.
pub fn text<'a>(packet: &'a Value, pointer: &str) -> Option<&'a str> {
    at(packet, pointer).and_then(nonblank)
}

/// The trimmed text of a value, when it is a string with something in it.
pub fn nonblank(value: &Value) -> Option<&str> {
    Some(trim(value.as_str()?)).filter(|s| !s.is_empty())
}

/// `text.trim()`, without the search when the text starts and ends with a visible ASCII
/// character (the usual case: every other character that could be trimmed is whitespace, and
/// ASCII whitespace is not visible).
pub fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_like_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a ",
            "a\u{a0}",
            "\u{2003}a",
            "\ta b\n",
            "é",
            "x y",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn at_reads_like_json_pointer() {
        let v = serde_json::json!({"a": {"b": [10, {"c~d": 1, "e/f": 2}]}, "": 3});
        for pointer in [
            "/a/b/0",
            "/a/b/1/c~0d",
            "/a/b/1/e~1f",
            "/a/b/9",
            "/a/x",
            "/",
            "",
            "/a/b/01",
        ] {
            assert_eq!(at(&v, pointer), v.pointer(pointer), "{pointer}");
        }
    }
}
