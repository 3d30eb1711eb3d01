//! Reading a context packet defensively: packets may be invalid, so a missing field or a field
//! of the wrong type is simply "not there", and nothing can panic. Used by the rubric and the
//! SLA engine, which read the packet's [`Tape`](crate::tape::Tape) in place.

use crate::tape::Node;

/// The value at an RFC 6901 `pointer`, or `None` when nothing is there.
pub fn at<'t>(packet: Node<'t>, pointer: &str) -> Option<Node<'t>> {
    if pointer.is_empty() {
        return Some(packet);
    }
    let tokens = pointer.strip_prefix('/')?;
    tokens.split('/').try_fold(packet, |value, token| {
        if token.contains('~') {
            step(value, &token.replace("~1", "/").replace("~0", "~"))
        } else {
            step(value, token)
        }
    })
}

/// The value at one (unescaped) token of a JSON Pointer below `value`.
pub fn step<'t>(value: Node<'t>, token: &str) -> Option<Node<'t>> {
    if value.is_object() {
        value.get(token)
    } else if value.is_array() {
        array_index(token).and_then(|i| value.elements().nth(i))
    } else {
        None
    }
}

/// The list index a JSON Pointer token names: as RFC 6901, digits with no sign and no
/// leading zero.
pub fn array_index(token: &str) -> Option<usize> {
    if token.starts_with(['+', '0']) && token != "0" {
        return None;
    }
    token.parse::<usize>().ok()
}

/// The trimmed text at `pointer`, when it is a string with something in it.
pub fn text<'t>(packet: Node<'t>, pointer: &str) -> Option<&'t str> {
    at(packet, pointer).and_then(nonblank)
}

/// The trimmed text of a value, when it is a string with something in it.
pub fn nonblank(value: Node<'_>) -> Option<&str> {
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

/// The values at `keys` of an object: `None` for a missing key or no object. One pass over the
/// members finds every key, where a lookup per key would scan the members each time; each
/// member's name is compared with a key only when their lengths and first bytes agree.
pub fn pick<'t, const N: usize>(
    object: Option<Node<'t>>,
    keys: &[&str; N],
) -> [Option<Node<'t>>; N] {
    let mut found = [None; N];
    let Some(object) = object else {
        return found;
    };
    // A repeated key yields only its last member, so the last one wins, as in serde_json.
    for (name, value) in object.members() {
        let matches = |key: &&str| crate::tape::bytes_equal(key.as_bytes(), name.as_bytes());
        if let Some(k) = keys.iter().position(matches) {
            found[k] = Some(value);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tape::Tape;
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
        let v = json!({"a": {"b": [10, {"c~d": 1, "e/f": 2}]}, "": 3});
        let text = v.to_string();
        let tape = Tape::parse(&text).unwrap();
        for pointer in [
            "/a/b/0",
            "/a/b/1/c~0d",
            "/a/b/1/e~1f",
            "/a/b/9",
            "/a/x",
            "/",
            "",
            "/a/b/01",
            "/a/b/+1",
            "a",
        ] {
            let read = at(tape.root(), pointer).map(|n| n.to_value());
            assert_eq!(read.as_ref(), v.pointer(pointer), "{pointer}");
        }
    }

    #[test]
    fn pick_finds_keys_in_one_pass() {
        let text = r#"{"e": 5, "a": 1, "b": 2, "d": 4, "b": 3}"#;
        let tape = Tape::parse(text).unwrap();
        let picked =
            pick(Some(tape.root()), &["b", "c", "e", "f"]).map(|n| n.map(|n| n.to_value()));
        assert_eq!(picked, [Some(json!(3)), None, Some(json!(5)), None]);
        let list = Tape::parse("[1]").unwrap();
        assert_eq!(
            pick(Some(list.root()), &["a"]).map(|n| n.is_some()),
            [false]
        );
    }
}
