//! Reading a packet defensively: packets may be invalid, so every read tolerates a missing
//! field or a field of the wrong type (it is simply "not there"), and nothing can panic.
//!
//! [`Fields`] reads the fields the checks share once per packet, so a dozen checks do not each
//! walk the packet again for the same values.

pub use crate::packet::{at, nonblank, pick, text};
use crate::rubric::wording::Text;
use crate::tape::Node;

/// The fields of one packet that the checks read, each read once. A field that is missing or
/// of the wrong type is `None` (or an empty list); text fields are trimmed and never blank, as
/// [`text`] reads them.
pub struct Fields<'a> {
    /// The whole packet, for fields a single check reads (completeness items).
    pub packet: Node<'a>,
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
    pub informed_of_handoff: Option<Node<'a>>,
    /// `customer.promised`, any JSON.
    pub promised: Option<Node<'a>>,
    /// `customer.last_message_at`.
    pub last_message_at: Option<&'a str>,
    /// `ticket.opened_at`.
    pub opened_at: Option<&'a str>,
    /// `urgency`.
    pub urgency: Option<&'a str>,
    /// The elements of `actions_taken`, `next_steps` and `documents`.
    pub actions_taken: List<'a>,
    pub next_steps: List<'a>,
    pub documents: List<'a>,
    /// The top-level fields named in [`SECTIONS`], in that order.
    sections: [Option<Node<'a>>; SECTIONS.len()],
}

/// The elements of a list field: none when the field is missing or not a list.
#[derive(Clone, Copy)]
pub struct List<'a>(Option<Node<'a>>);

impl<'a> List<'a> {
    pub fn iter(&self) -> impl Iterator<Item = Node<'a>> + Clone + 'a {
        self.0.into_iter().flat_map(|list| list.elements())
    }

    pub fn len(&self) -> usize {
        self.0.map_or(0, |list| list.array_len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<'a> Fields<'a> {
    /// Reads the fields of `packet`.
    pub fn read(packet: Node<'a>) -> Fields<'a> {
        let sections = pick(Some(packet), &SECTIONS);
        // Named in the order of SECTIONS.
        let [_, actions_taken, _, _, _, customer, documents, _, _, _, handoff, next_steps, owner, _, _, summary, ticket, urgency] =
            sections;
        let [at, mode, reason, scenario, to] =
            pick(handoff, &["at", "mode", "reason", "scenario", "to"]);
        let [informed_of_handoff, last_message_at, promised, sentiment] = pick(
            customer,
            &[
                "informed_of_handoff",
                "last_message_at",
                "promised",
                "sentiment",
            ],
        );
        let [owner_name, owner_team] = pick(owner, &["name", "team"]);
        let text = |value: Option<Node<'a>>| value.and_then(nonblank);
        let list = |value: Option<Node<'a>>| List(value.filter(Node::is_array));
        Fields {
            packet,
            scenario: text(scenario),
            mode: text(mode),
            to_team: text(to.and_then(|to| to.get("team"))),
            handoff_at: text(at),
            handoff_reason: text(reason),
            summary: text(summary).map(Text::new),
            owner_name: text(owner_name),
            owner_team: text(owner_team),
            sentiment: text(sentiment),
            informed_of_handoff,
            promised,
            last_message_at: text(last_message_at),
            opened_at: text(ticket.and_then(|t| t.get("opened_at"))),
            urgency: text(urgency),
            actions_taken: list(actions_taken),
            next_steps: list(next_steps),
            documents: list(documents),
            sections,
        }
    }

    /// The top-level field `SECTIONS[index]`.
    pub fn section(&self, index: usize) -> Option<Node<'a>> {
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

/// The trimmed, non-blank text at `key` of a list element (an action, a next step, a document).
pub fn entry_text<'a>(entry: Node<'a>, key: &str) -> Option<&'a str> {
    nonblank(entry.get(key)?)
}

/// Whether a value carries information: a non-blank string, a non-empty list or object (an
/// empty list counts when `empty_list_is_an_answer`, e.g. "no red flags"), any number or bool.
pub fn is_filled(value: Option<Node<'_>>, empty_list_is_an_answer: bool) -> bool {
    let Some(value) = value else {
        return false;
    };
    if let Some(text) = value.as_str() {
        !crate::packet::trim(text).is_empty()
    } else if value.is_array() {
        empty_list_is_an_answer || value.array_len() > 0
    } else if value.is_object() {
        value.object_len() > 0
    } else {
        !value.is_null()
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
    use crate::tape::with_value;
    use serde_json::{json, Value};

    #[test]
    fn reads_tolerate_wrong_shapes() {
        let packet = json!({"summary": "  ", "owner": "Dana", "actions_taken": {"a": 1}, "x": [1]});
        with_value(&packet, |packet| {
            assert_eq!(text(packet, "/summary"), None);
            assert_eq!(text(packet, "/owner/name"), None);
            let fields = Fields::read(packet);
            assert!(fields.actions_taken.is_empty() && fields.owner_name.is_none());
            assert_eq!(fields.actions_taken.iter().count(), 0);
        });
        with_value(&json!({"a": " b "}), |v| {
            assert_eq!(text(v, "/a"), Some("b"))
        });
        with_value(&json!(null), |v| {
            assert!(Fields::read(v).next_steps.is_empty())
        });
    }

    #[test]
    fn fields_read_like_pointers() {
        let packet = json!({"handoff": {"scenario": " billing_to_finance ", "to": {"team": "finance"}, "at": 3},
            "summary": "  ", "owner": "Dana", "customer": {"promised": false}, "next_steps": [{"action": " Call "}, 1]});
        with_value(&packet, |packet| {
            let fields = Fields::read(packet);
            for (pointer, read) in [
                ("/handoff/scenario", fields.scenario),
                ("/handoff/to/team", fields.to_team),
                ("/handoff/at", fields.handoff_at),
                ("/summary", fields.summary.as_ref().map(Text::as_str)),
                ("/owner/name", fields.owner_name),
                ("/urgency", fields.urgency),
            ] {
                assert_eq!(read, text(packet, pointer), "{pointer}");
            }
            assert_eq!(fields.promised.map(|p| p.to_value()), Some(json!(false)));
            assert_eq!(fields.next_steps.len(), 2);
            let steps: Vec<_> = fields.next_steps.iter().collect();
            assert_eq!(entry_text(steps[0], "action"), Some("Call"));
            assert_eq!(entry_text(steps[1], "action"), None);
        });
        with_value(&Value::Null, |null| {
            let none = Fields::read(null);
            assert!(none.scenario.is_none() && none.actions_taken.is_empty());
        });
    }

    #[test]
    fn sections_are_in_key_order() {
        assert!(SECTIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn filled_means_informative() {
        let filled = |value: Value, empty_list_is_an_answer: bool| {
            with_value(&value, |v| is_filled(Some(v), empty_list_is_an_answer)).unwrap()
        };
        assert!(!is_filled(None, false));
        assert!(!filled(json!(null), false));
        assert!(!filled(json!(" "), false));
        assert!(!filled(json!([]), false));
        assert!(filled(json!([]), true));
        assert!(!filled(json!({}), false));
        assert!(filled(json!(false), false));
        assert!(filled(json!(0), false));
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
