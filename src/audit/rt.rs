//! Request Tracker 5 → audit records: the mapping `handoff import rt` applies to what it reads
//! through REST 2 (the HTTP part lives in the CLI). No network here, so it is tested directly.
//!
//! - Each queue change (a `Set` transaction on `Queue`) is a handoff: from the old queue to the
//!   new one, at the transaction's time, by its creator (`agent`).
//! - The comment written just before it (the last `Comment` since the previous handoff) is the
//!   note, read with the kit's note reader into the packet; the helpdesk's facts go in
//!   around it: `ticket.id`, `ticket.url`, `ticket.opened_at` (Created), `handoff.from.team`,
//!   `handoff.to.team` and `handoff.at` always; `owner.name` (Owner), `urgency` (Priority) and
//!   `customer.deadline` (Due) where the note says nothing.
//! - Outcome fields: `received_at` is the queue change; `first_action_at` the first reply,
//!   comment or status change after it (before the next handoff); `resolved_at` (Resolved);
//!   `reopened` when the ticket went from resolved back to open after this handoff; `csat` from a
//!   custom field named `CSAT` (1–5) when the RT has one.
//! - A ticket never moved between queues is a direct ticket (`"direct": true`).

use crate::kit::Kit;
use crate::note::NoteFormat;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// One transaction of a ticket, as REST 2's history lists it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Transaction {
    pub id: u64,
    /// `Create`, `Comment`, `Correspond`, `Set`, `Status`, …
    pub kind: String,
    /// For `Set`/`Status`: the field changed (`Queue`, `Status`, `Owner`…).
    pub field: String,
    pub old_value: String,
    pub new_value: String,
    /// RFC 3339.
    pub created: String,
    pub creator: String,
    /// The first text part, and whether it is HTML (comments and replies).
    pub content: Option<(String, bool)>,
}

/// A ticket and its history.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ticket {
    pub id: u64,
    /// `https://rt.example.com/Ticket/Display.html?id=…`.
    pub url: String,
    pub created: Option<String>,
    pub resolved: Option<String>,
    pub due: Option<String>,
    /// The owner's name, `None` for Nobody.
    pub owner: Option<String>,
    pub priority: Option<i64>,
    pub csat: Option<u8>,
    /// Oldest first.
    pub transactions: Vec<Transaction>,
}

/// RT writes an unset date as the Unix epoch.
pub fn date(value: Option<&str>) -> Option<String> {
    value
        .filter(|v| !v.is_empty() && !v.starts_with("1970-01-01") && *v != "Not set")
        .map(str::to_string)
}

/// RT's priority (0–100 by default) as the packet's urgency.
fn urgency(priority: i64) -> &'static str {
    match priority {
        80.. => "executive",
        50..=79 => "urgent",
        _ => "standard",
    }
}

fn is_queue_change(t: &Transaction) -> bool {
    t.kind == "Set" && t.field == "Queue"
}

fn is_action(t: &Transaction) -> bool {
    matches!(t.kind.as_str(), "Correspond" | "Comment" | "Status")
}

fn is_reopen(t: &Transaction) -> bool {
    t.kind == "Status"
        && t.old_value == "resolved"
        && matches!(t.new_value.as_str(), "open" | "new" | "stalled")
}

/// The audit records (NDJSON lines as values) of one ticket. `queues` names queue ids.
pub fn records(kit: &Kit, ticket: &Ticket, queues: &HashMap<String, String>) -> Vec<Value> {
    let queue = |id: &str| queues.get(id).cloned().unwrap_or_else(|| id.to_string());
    let changes: Vec<usize> = (0..ticket.transactions.len())
        .filter(|i| is_queue_change(&ticket.transactions[*i]))
        .collect();
    let id = ticket.id.to_string();
    if changes.is_empty() {
        let reopened = ticket.transactions.iter().any(is_reopen);
        let mut record = json!({
            "direct": true,
            "ticket": {"id": id, "url": ticket.url},
            "reopened": reopened,
        });
        put_outcome(&mut record, ticket);
        return vec![record];
    }
    let mut out = Vec::with_capacity(changes.len());
    let mut previous = 0;
    for (n, &at) in changes.iter().enumerate() {
        let change = &ticket.transactions[at];
        let next = changes
            .get(n + 1)
            .copied()
            .unwrap_or(ticket.transactions.len());
        let note = ticket.transactions[previous..at]
            .iter()
            .rev()
            .find(|t| t.kind == "Comment" && t.content.is_some());
        let mut packet = match note.and_then(|t| t.content.as_ref()) {
            Some((text, html)) => {
                let format = if *html {
                    NoteFormat::Html
                } else {
                    NoteFormat::Text
                };
                kit.parse_note(text, format)
                    .map(|parsed| parsed.packet)
                    .unwrap_or_else(|_| json!({}))
            }
            None => json!({}),
        };
        let mut context = json!({});
        if let Some(owner) = &ticket.owner {
            context["owner"] = json!({ "name": owner });
        }
        if let Some(priority) = ticket.priority {
            context["urgency"] = json!(urgency(priority));
        }
        if let Some(due) = &ticket.due {
            context["customer"] = json!({ "deadline": due });
        }
        crate::note::merge_context(&mut packet, &context);
        let facts = json!({
            "ticket": {"id": id, "url": ticket.url},
            "handoff": {
                "from": {"team": queue(&change.old_value)},
                "to": {"team": queue(&change.new_value)},
                "at": change.created,
            },
        });
        overwrite(&mut packet, &facts);
        if let Some(created) = &ticket.created {
            packet["ticket"]["opened_at"] = json!(created);
        }
        if packet["handoff"].get("mode").is_none() {
            packet["handoff"]["mode"] = json!("transfer");
        }
        let after = &ticket.transactions[at + 1..next];
        packet["received_at"] = json!(change.created);
        if let Some(first) = after.iter().find(|t| is_action(t)) {
            packet["first_action_at"] = json!(first.created);
        }
        if !change.creator.is_empty() {
            packet["agent"] = json!(change.creator);
        }
        packet["reopened"] = json!(ticket.transactions[at + 1..].iter().any(is_reopen));
        put_outcome(&mut packet, ticket);
        out.push(packet);
        previous = at + 1;
    }
    out
}

fn put_outcome(record: &mut Value, ticket: &Ticket) {
    if let Some(resolved) = &ticket.resolved {
        record["resolved_at"] = json!(resolved);
    }
    if let Some(csat) = ticket.csat {
        record["csat"] = json!(csat);
    }
    if let (Some(created), None) = (&ticket.created, record["ticket"].get("opened_at")) {
        record["ticket"]["opened_at"] = json!(created);
    }
}

/// Writes every leaf of `facts` into `packet` (facts win).
fn overwrite(packet: &mut Value, facts: &Value) {
    if !packet.is_object() {
        *packet = Value::Object(Map::new());
    }
    let (Value::Object(into), Value::Object(from)) = (packet, facts) else {
        return;
    };
    for (key, value) in from {
        match (into.get_mut(key), value) {
            (Some(existing @ Value::Object(_)), Value::Object(_)) => overwrite(existing, value),
            _ => {
                into.insert(key.clone(), value.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tx(id: u64, kind: &str, field: &str, old: &str, new: &str, at: &str) -> Transaction {
        Transaction {
            id,
            kind: kind.into(),
            field: field.into(),
            old_value: old.into(),
            new_value: new.into(),
            created: at.into(),
            creator: "priya".into(),
            content: None,
        }
    }

    #[test]
    fn a_queue_change_is_a_handoff_with_the_comment_before_it_as_note() {
        let kit = Kit::builtin().unwrap();
        let mut comment = tx(2, "Comment", "", "", "", "2026-11-16T09:00:00Z");
        comment.content = Some((
            "Summary: Charged twice for the renewal.\nOwner: Tomás Okafor\n".into(),
            false,
        ));
        let ticket = Ticket {
            id: 7,
            url: "http://rt/Ticket/Display.html?id=7".into(),
            created: Some("2026-11-16T08:00:00Z".into()),
            priority: Some(60),
            transactions: vec![
                tx(1, "Create", "", "", "", "2026-11-16T08:00:00Z"),
                comment,
                tx(3, "Set", "Queue", "1", "3", "2026-11-16T09:05:00Z"),
                tx(4, "Correspond", "", "", "", "2026-11-16T10:00:00Z"),
                tx(
                    5,
                    "Status",
                    "Status",
                    "open",
                    "resolved",
                    "2026-11-17T10:00:00Z",
                ),
                tx(
                    6,
                    "Status",
                    "Status",
                    "resolved",
                    "open",
                    "2026-11-18T10:00:00Z",
                ),
            ],
            ..Ticket::default()
        };
        let queues = HashMap::from([
            ("1".into(), "General".into()),
            ("3".into(), "Finance".into()),
        ]);
        let records = records(&kit, &ticket, &queues);
        assert_eq!(records.len(), 1);
        let r = &records[0];
        assert_eq!(r["ticket"]["id"], "7");
        assert_eq!(r["handoff"]["to"]["team"], "Finance");
        assert_eq!(r["handoff"]["at"], "2026-11-16T09:05:00Z");
        assert_eq!(r["summary"], "Charged twice for the renewal.");
        assert_eq!(r["owner"]["name"], "Tomás Okafor");
        assert_eq!(r["urgency"], "urgent");
        assert_eq!(r["first_action_at"], "2026-11-16T10:00:00Z");
        assert_eq!(r["reopened"], true);
        assert_eq!(r["agent"], "priya");
    }

    #[test]
    fn a_ticket_never_moved_is_direct() {
        let kit = Kit::builtin().unwrap();
        let ticket = Ticket {
            id: 9,
            csat: Some(4),
            transactions: vec![tx(1, "Create", "", "", "", "2026-11-16T08:00:00Z")],
            ..Ticket::default()
        };
        let records = records(&kit, &ticket, &HashMap::new());
        assert_eq!(records[0]["direct"], true);
        assert_eq!(records[0]["csat"], 4);
        assert_eq!(date(Some("1970-01-01T00:00:00Z")), None);
    }
}
