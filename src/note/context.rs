//! What the helpdesk page knows (ticket id, teams, times) merged under what the note says.

use super::draft::{Draft, Obj};
use serde_json::Value;

/// Fills the fields of `packet` that the note did not set from `context` (a deep merge of
/// objects; where both set a value, the note wins). A `context` that is not an object
/// changes nothing.
pub fn merge_context(packet: &mut Value, context: &Value) {
    let Value::Object(from_page) = context else {
        return;
    };
    if packet.is_null() {
        *packet = Value::Object(serde_json::Map::new());
    }
    let Value::Object(from_note) = packet else {
        return;
    };
    for (key, page_value) in from_page {
        match from_note.get_mut(key) {
            None | Some(Value::Null) => {
                from_note.insert(key.clone(), page_value.clone());
            }
            Some(note_value @ Value::Object(_)) if page_value.is_object() => {
                merge_context(note_value, page_value)
            }
            Some(_) => {}
        }
    }
}

/// [`merge_context`] into a packet being filled.
pub(crate) fn merge_into_draft(packet: &mut Obj<'_>, context: &Value) {
    let Value::Object(from_page) = context else {
        return;
    };
    for (key, page_value) in from_page {
        match packet.get_mut(key) {
            None => packet.insert(key.clone(), Draft::json(page_value.clone())),
            Some(Draft::Json(note_value)) if note_value.is_null() => {
                **note_value = page_value.clone();
            }
            Some(Draft::Object(note_value)) if page_value.is_object() => {
                merge_into_draft(note_value, page_value)
            }
            Some(Draft::Json(note_value)) if note_value.is_object() && page_value.is_object() => {
                merge_context(note_value, page_value)
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn note_wins_and_gaps_are_filled() {
        let mut packet = json!({ "handoff": { "to": { "team": "AR" } }, "summary": "Charged twice", "tags": [] });
        merge_context(
            &mut packet,
            &json!({
                "ticket": { "id": "T-1", "url": "https://desk.example.com/T-1" },
                "handoff": { "from": { "team": "support" }, "to": { "team": "finance", "queue": "refunds" }, "at": "2026-11-20T10:00:00Z" },
                "summary": "ignored", "tags": ["x"]
            }),
        );
        assert_eq!(
            packet,
            json!({
                "ticket": { "id": "T-1", "url": "https://desk.example.com/T-1" },
                "handoff": { "from": { "team": "support" }, "to": { "team": "AR", "queue": "refunds" }, "at": "2026-11-20T10:00:00Z" },
                "summary": "Charged twice", "tags": []
            })
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let mut packet = Value::Null;
        merge_context(&mut packet, &json!({ "a": 1 }));
        assert_eq!(packet, json!({ "a": 1 }));
        let mut text = json!("x");
        merge_context(&mut text, &json!({ "a": 1 }));
        assert_eq!(text, json!("x"));
        merge_context(&mut packet, &json!([1]));
        assert_eq!(packet, json!({ "a": 1 }));
    }
}
