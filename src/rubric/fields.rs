//! Reading a packet defensively: packets may be invalid, so every read tolerates a missing
//! field or a field of the wrong type (it is simply "not there"), and nothing can panic.

pub use crate::packet::{at, text};
use serde_json::Value;

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
