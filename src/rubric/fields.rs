//! Reading a packet defensively: packets may be invalid, so every read tolerates a missing
//! field or a field of the wrong type (it is simply "not there"), and nothing can panic.

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
    at(packet, pointer)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The elements of the array at `pointer`; none when absent or not an array.
pub fn items<'a>(packet: &'a Value, pointer: &str) -> &'a [Value] {
    at(packet, pointer)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Whether a value carries information: a non-blank string, a non-empty list or object (an
/// empty list counts when `empty_list_is_an_answer`, e.g. "no red flags"), any number or bool.
pub fn is_filled(value: Option<&Value>, empty_list_is_an_answer: bool) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => empty_list_is_an_answer || !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(Value::Bool(_) | Value::Number(_)) => true,
    }
}

/// Text as quoted in a message: trimmed, on one line, at most 60 characters.
pub fn quote(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 60 {
        one_line
    } else {
        let cut: String = one_line.chars().take(57).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    use serde_json::json;

    #[test]
    fn reads_tolerate_wrong_shapes() {
        let packet = json!({"summary": "  ", "owner": "Dana", "actions_taken": {"a": 1}, "x": [1]});
        assert_eq!(text(&packet, "/summary"), None);
        assert_eq!(text(&packet, "/owner/name"), None);
        assert_eq!(text(&json!({"a": " b "}), "/a"), Some("b"));
        assert!(items(&packet, "/actions_taken").is_empty());
        assert_eq!(items(&packet, "/x").len(), 1);
        assert!(items(&json!(null), "/x").is_empty());
    }

    #[test]
    fn filled_means_informative() {
        assert!(!is_filled(None, false));
        assert!(!is_filled(Some(&json!(null)), false));
        assert!(!is_filled(Some(&json!(" ")), false));
        assert!(!is_filled(Some(&json!([])), false));
        assert!(is_filled(Some(&json!([])), true));
        assert!(!is_filled(Some(&json!({})), false));
        assert!(is_filled(Some(&json!(false)), false));
        assert!(is_filled(Some(&json!(0)), false));
    }

    #[test]
    fn quotes_are_short_and_single_line() {
        assert_eq!(quote(" two\n lines "), "two lines");
        let long = "word ".repeat(40);
        let quoted = quote(&long);
        assert!(quoted.chars().count() <= 58, "{quoted}");
        assert!(quoted.ends_with('…'));
    }
}
