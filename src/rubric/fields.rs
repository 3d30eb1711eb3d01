//! Reading a packet defensively: packets may be invalid, so every read tolerates a missing
//! field or a field of the wrong type (it is simply "not there"), and nothing can panic.
//!
//! [`Fields`] reads the fields the checks share once per packet, so a dozen checks do not each
//! walk the packet again for the same values.

pub use crate::packet::{at, text};
use crate::rubric::wording::Text;
use serde_json::{Map, Value};

/// The fields of one packet that the checks read, each read once. A field that is missing or
/// of the wrong type is `None` (or an empty list); text fields are trimmed and never blank, as
/// [`text`] reads them.
pub struct Fields<'a> {
    /// The whole packet, for fields a single check reads (completeness items).
    pub packet: &'a Value,
    /// `handoff.scenario`.
    pub scenario: Option<&'a str>,
    /// `handoff.mode`.
    pub mode: Option<&'a str>,
    /// `handoff.to.team`.
    pub to_team: Option<&'a str>,
    /// `handoff.at`.
    pub handoff_at: Option<&'a str>,
    /// `handoff.reason`.
    pub handoff_reason: Option<&'a str>,
    /// `summary`.
    pub summary: Option<Text<'a>>,
    /// `owner.name`.
    pub owner_name: Option<&'a str>,
    /// `owner.team`.
    pub owner_team: Option<&'a str>,
    /// `customer.sentiment`.
    pub sentiment: Option<&'a str>,
    /// `customer.informed_of_handoff`, any JSON.
    pub informed_of_handoff: Option<&'a Value>,
    /// `customer.promised`, any JSON.
    pub promised: Option<&'a Value>,
    /// `customer.last_message_at`.
    pub last_message_at: Option<&'a str>,
    /// `ticket.opened_at`.
    pub opened_at: Option<&'a str>,
    /// `urgency`.
    pub urgency: Option<&'a str>,
    /// The elements of `actions_taken`, `next_steps` and `documents`.
    pub actions_taken: &'a [Value],
    pub next_steps: &'a [Value],
    pub documents: &'a [Value],
}

impl<'a> Fields<'a> {
    /// Reads the fields of `packet`.
    pub fn read(packet: &'a Value) -> Fields<'a> {
        let top = packet.as_object();
        let handoff = object(top, "handoff");
        let customer = object(top, "customer");
        let owner = object(top, "owner");
        Fields {
            packet,
            scenario: text_of(handoff, "scenario"),
            mode: text_of(handoff, "mode"),
            to_team: text_of(object(handoff, "to"), "team"),
            handoff_at: text_of(handoff, "at"),
            handoff_reason: text_of(handoff, "reason"),
            summary: text_of(top, "summary").map(Text::new),
            owner_name: text_of(owner, "name"),
            owner_team: text_of(owner, "team"),
            sentiment: text_of(customer, "sentiment"),
            informed_of_handoff: customer.and_then(|c| c.get("informed_of_handoff")),
            promised: customer.and_then(|c| c.get("promised")),
            last_message_at: text_of(customer, "last_message_at"),
            opened_at: text_of(object(top, "ticket"), "opened_at"),
            urgency: text_of(top, "urgency"),
            actions_taken: list(top, "actions_taken"),
            next_steps: list(top, "next_steps"),
            documents: list(top, "documents"),
        }
    }
}

/// The object at `key` of an object.
fn object<'a>(map: Option<&'a Map<String, Value>>, key: &str) -> Option<&'a Map<String, Value>> {
    map?.get(key)?.as_object()
}

/// The trimmed, non-blank text at `key` of an object.
fn text_of<'a>(map: Option<&'a Map<String, Value>>, key: &str) -> Option<&'a str> {
    nonblank(map?.get(key)?)
}

/// The elements of the list at `key` of an object.
fn list<'a>(map: Option<&'a Map<String, Value>>, key: &str) -> &'a [Value] {
    map.and_then(|m| m.get(key))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn nonblank(value: &Value) -> Option<&str> {
    value.as_str().map(str::trim).filter(|s| !s.is_empty())
}

/// The trimmed, non-blank text at `key` of a list element (an action, a next step, a document).
pub fn entry_text<'a>(entry: &'a Value, key: &str) -> Option<&'a str> {
    nonblank(entry.as_object()?.get(key)?)
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
    fn fields_read_like_pointers() {
        let packet = json!({"handoff": {"scenario": " billing_to_finance ", "to": {"team": "finance"}, "at": 3},
            "summary": "  ", "owner": "Dana", "customer": {"promised": false}, "next_steps": [{"action": " Call "}, 1]});
        let fields = Fields::read(&packet);
        for (pointer, read) in [
            ("/handoff/scenario", fields.scenario),
            ("/handoff/to/team", fields.to_team),
            ("/handoff/at", fields.handoff_at),
            ("/summary", fields.summary.as_ref().map(Text::as_str)),
            ("/owner/name", fields.owner_name),
            ("/urgency", fields.urgency),
        ] {
            assert_eq!(read, text(&packet, pointer), "{pointer}");
        }
        assert_eq!(fields.promised, Some(&json!(false)));
        assert_eq!(fields.next_steps.len(), 2);
        assert_eq!(entry_text(&fields.next_steps[0], "action"), Some("Call"));
        assert_eq!(entry_text(&fields.next_steps[1], "action"), None);
        let none = Fields::read(&Value::Null);
        assert!(none.scenario.is_none() && none.actions_taken.is_empty());
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
