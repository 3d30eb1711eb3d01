//! Reading a context packet defensively: packets may be invalid, so a missing field or a field
//! of the wrong type is simply "not there", and nothing can panic. Used by the rubric and the
//! SLA engine.

use serde_json::{Map, Value};
use std::cmp::Ordering;
use std::sync::OnceLock;

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

/// The values at `keys` (sorted, as an object's entries come) of an object: `None` for a missing
/// key or no object. An object's entries come in key order, so
/// one pass over them finds every key, with far fewer string comparisons than a lookup each.
pub fn pick<'a, const N: usize>(
    map: Option<&'a Map<String, Value>>,
    keys: &[&str; N],
) -> [Option<&'a Value>; N] {
    debug_assert!(keys.windows(2).all(|pair| pair[0] < pair[1]), "{keys:?}");
    let mut found = [None; N];
    let Some(map) = map else {
        return found;
    };
    if !objects_iterate_in_key_order() {
        for (slot, key) in found.iter_mut().zip(keys) {
            *slot = map.get(*key);
        }
        return found;
    }
    // Both in key order: walk the entries once, moving along the keys.
    let mut k = 0;
    'entries: for (name, value) in map {
        while let Some(key) = keys.get(k) {
            match compare(key, name) {
                Ordering::Less => k += 1,
                Ordering::Equal => {
                    found[k] = Some(value);
                    k += 1;
                    continue 'entries;
                }
                Ordering::Greater => continue 'entries,
            }
        }
        break;
    }
    found
}

/// `a.cmp(b)`, without comparing whole keys when the first bytes differ (they mostly do).
fn compare(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    match (a.first(), b.first()) {
        (Some(x), Some(y)) if x != y => x.cmp(y),
        _ if a == b => Ordering::Equal,
        _ => a.cmp(b),
    }
}

/// Whether `serde_json` objects iterate in key order (they do unless serde_json's
/// `preserve_order` feature is on somewhere in the build; then [`pick`] looks keys up one by one).
fn objects_iterate_in_key_order() -> bool {
    static IN_KEY_ORDER: OnceLock<bool> = OnceLock::new();
    *IN_KEY_ORDER.get_or_init(|| {
        let mut map = Map::new();
        map.insert("b".to_string(), Value::Null);
        map.insert("a".to_string(), Value::Null);
        map.keys().next().is_some_and(|first| first == "a")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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

    #[test]
    fn pick_finds_keys_in_one_pass() {
        let packet = json!({"a": 1, "b": 2, "d": 4, "e": 5});
        let picked = pick(packet.as_object(), &["b", "c", "e", "f"]);
        assert_eq!(picked, [Some(&json!(2)), None, Some(&json!(5)), None]);
        assert!(objects_iterate_in_key_order());
    }
}
