//! Reading a packet defensively: packets may be invalid, so every read tolerates a missing
//! field or a field of the wrong type (it is simply "not there"), and nothing can panic.
//!
//! [`Fields`] reads the fields the checks share once per packet, so a dozen checks do not each
//! walk the packet again for the same values.

pub use crate::packet::{at, nonblank, pick, text};
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
    /// The top-level fields named in [`SECTIONS`], in that order.
    sections: [Option<&'a Value>; SECTIONS.len()],
}

impl<'a> Fields<'a> {
    /// Reads the fields of `packet`.
    pub fn read(packet: &'a Value) -> Fields<'a> {
        let sections = pick(packet.as_object(), &SECTIONS);
        // Named in the order of SECTIONS.
        let [_, actions_taken, _, _, _, customer, documents, _, _, _, handoff, next_steps, owner, _, _, summary, ticket, urgency] =
            sections;
        let [at, mode, reason, scenario, to] =
            pick(object(handoff), &["at", "mode", "reason", "scenario", "to"]);
        let [informed_of_handoff, last_message_at, promised, sentiment] = pick(
            object(customer),
            &[
                "informed_of_handoff",
                "last_message_at",
                "promised",
                "sentiment",
            ],
        );
        let [owner_name, owner_team] = pick(object(owner), &["name", "team"]);
        let text = |value: Option<&'a Value>| value.and_then(nonblank);
        let list = |value: Option<&'a Value>| {
            value
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice)
        };
        Fields {
            packet,
            scenario: text(scenario),
            mode: text(mode),
            to_team: text(object(to).and_then(|to| to.get("team"))),
            handoff_at: text(at),
            handoff_reason: text(reason),
            summary: text(summary).map(Text::new),
            owner_name: text(owner_name),
            owner_team: text(owner_team),
            sentiment: text(sentiment),
            informed_of_handoff,
            promised,
            last_message_at: text(last_message_at),
            opened_at: text(object(ticket).and_then(|t| t.get("opened_at"))),
            urgency: text(urgency),
            actions_taken: list(actions_taken),
            next_steps: list(next_steps),
            documents: list(documents),
            sections,
        }
    }

    /// The top-level field `SECTIONS[index]`.
    pub fn section(&self, index: usize) -> Option<&'a Value> {
        self.sections.get(index).copied().flatten()
    }
}

/// The top-level fields of a packet that [`Fields`] reads in one pass, in key order: those the
/// checks read and the sections completeness looks into.
pub const SECTIONS: [&str; 18] = [
    "account",
    "actions_taken",
    "billing",
    "bot",
    "call",
    "customer",
    "documents",
    "engineering",
    "escalation",
    "fulfillment",
    "handoff",
    "next_steps",
    "owner",
    "policy_refs",
    "requested_outcome",
    "summary",
    "ticket",
    "urgency",
];

/// The value, when it is an object.
fn object(value: Option<&Value>) -> Option<&Map<String, Value>> {
    value?.as_object()
}

/// The trimmed, non-blank text at `key` of a list element (an action, a next step, a document).
pub fn entry_text<'a>(entry: &'a Value, key: &str) -> Option<&'a str> {
    nonblank(entry.as_object()?.get(key)?)
}

/// Whether a value carries information: a non-blank string, a non-empty list or object (an
/// empty list counts when `empty_list_is_an_answer`, e.g. "no red flags"), any number or bool.
pub fn is_filled(value: Option<&Value>, empty_list_is_an_answer: bool) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !crate::packet::trim(s).is_empty(),
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
        let fields = Fields::read(&packet);
        assert!(fields.actions_taken.is_empty() && fields.owner_name.is_none());
        assert!(Fields::read(&json!(null)).next_steps.is_empty());
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
    fn sections_are_in_key_order() {
        assert!(SECTIONS.windows(2).all(|w| w[0] < w[1]));
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
