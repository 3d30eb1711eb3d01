use super::*;
use serde_json::json;

fn teams(teams: Value) -> Result<Teams> {
    Teams::from_bundle(&teams, &Value::Null, &json!({ "finance_hours": {} }))
}

#[test]
fn teams_are_read_with_names_aliases_and_calendars() {
    let read = teams(json!({
        "finance": { "name": "Finance", "aliases": ["Billing Finance"], "calendar": "finance_hours" },
        "legal": {}
    }))
    .unwrap();
    let finance = read.get("finance").unwrap();
    assert_eq!(finance.name.as_deref(), Some("Finance"));
    assert_eq!(finance.aliases, ["Billing Finance"]);
    assert_eq!(finance.calendar.as_deref(), Some("finance_hours"));
    assert_eq!(read.get("legal").unwrap().calendar, None);
    assert_eq!(
        read.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["finance", "legal"]
    );
    assert!(teams(Value::Null).unwrap().iter().next().is_none());
}

#[test]
fn an_alias_two_teams_share_is_refused_naming_both_places() {
    let err = teams(json!({
        "billing_ops": { "aliases": ["Billing"] },
        "finance": { "name": "Finance", "aliases": ["x", " billing "] }
    }))
    .unwrap_err();
    assert_eq!(err.kind, "bundle");
    assert_eq!(err.diagnostics.len(), 1);
    let d = &err.diagnostics[0];
    assert_eq!(d.path, "/teams/finance/aliases/1");
    assert!(
        d.message.contains("/teams/billing_ops/aliases/0"),
        "{}",
        d.message
    );
    assert!(
        d.message.contains("/teams/finance/aliases/1"),
        "{}",
        d.message
    );
    assert!(err.message.contains("'billing_ops'"), "{}", err.message);
}

#[test]
fn a_name_that_is_another_teams_id_or_vocabulary_word_is_refused() {
    let err = teams(json!({ "finance": {}, "ops": { "name": "FINANCE" } })).unwrap_err();
    assert_eq!(err.diagnostics[0].path, "/teams/ops/name");
    assert!(err.diagnostics[0].message.contains("(at /teams/finance)"));

    let vocabulary = json!({ "teams": { "finance": ["AR"] } });
    let err = Teams::from_bundle(
        &json!({ "receivables": { "aliases": ["ar"] } }),
        &vocabulary,
        &Value::Null,
    )
    .unwrap_err();
    let d = &err.diagnostics[0];
    assert_eq!(d.path, "/vocabulary/teams/finance/0");
    assert!(
        d.message.contains("/teams/receivables/aliases/0"),
        "{}",
        d.message
    );
    // The same word for the same team is fine.
    let same = json!({ "finance": { "aliases": ["ar"] } });
    assert!(Teams::from_bundle(&same, &vocabulary, &Value::Null).is_ok());
}

#[test]
fn an_unknown_calendar_or_a_name_without_letters_is_refused() {
    let err = teams(json!({ "finance": { "calendar": "finance_hour" } })).unwrap_err();
    assert_eq!(err.diagnostics[0].path, "/teams/finance/calendar");
    assert!(teams(json!({ "finance": { "calendar": "default" } })).is_ok());
    let err = teams(json!({ "finance": { "aliases": ["--"] } })).unwrap_err();
    assert_eq!(err.diagnostics[0].path, "/teams/finance/aliases/0");
    assert!(err.message.contains("letter or digit"), "{}", err.message);
}

#[test]
fn the_vocabulary_learns_each_teams_names() {
    let read = teams(json!({
        "finance": { "name": "Finance", "aliases": ["Billing Finance"] },
        "legal": {}
    }))
    .unwrap();
    let merged = read.vocabulary(&json!({ "teams": { "finance": ["AR"] }, "scenarios": {} }));
    assert_eq!(
        merged,
        json!({ "teams": { "finance": ["AR", "Finance", "Billing Finance"], "legal": [] }, "scenarios": {} })
    );
    let vocabulary =
        crate::vocabulary::Vocabulary::from_bundle(&merged, &serde_json::Map::new()).unwrap();
    assert_eq!(
        vocabulary.canonical_team("  billing finance "),
        Some("finance")
    );
    assert_eq!(vocabulary.canonical_team("Legal"), Some("legal"));
    assert_eq!(Teams::default().vocabulary(&Value::Null), Value::Null);
}
