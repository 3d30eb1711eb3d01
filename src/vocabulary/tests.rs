//! Tests of the vocabulary: built-in and bundle words, keys, normalisation, diagnostics.
use super::*;
use serde_json::json;

fn no_scenarios() -> Map<String, Value> {
    Map::new()
}

#[test]
fn keys_ignore_case_spacing_and_punctuation() {
    assert_eq!(key("  Accounts-Receivable! "), "accounts receivable");
    assert_eq!(key("customer_success"), "customer success");
    assert_eq!(key("R&D"), "r&d");
    assert_eq!(key("--"), "");
}

#[test]
fn stack_keys_match_keys() {
    let long = "Accounts Receivable ".repeat(4);
    for word in [
        "  Accounts-Receivable! ",
        "customer_success",
        "R&D",
        "--",
        "",
        "Tier-2",
        "Zoë's Team",
        "İstanbul desk",
        long.as_str(),
        &long[..STACK_KEY_LEN],
    ] {
        assert_eq!(with_key(word, str::to_string), key(word), "{word:?}");
    }
}

#[test]
fn builtin_words_map_to_canonical_teams() {
    let v = Vocabulary::builtin();
    assert_eq!(v.canonical_team("AR"), Some("finance"));
    assert_eq!(v.canonical_team("Billing Team"), Some("finance"));
    assert_eq!(
        v.canonical_team("Customer Success"),
        Some("customer_success")
    );
    assert_eq!(v.canonical_team("Tier-2"), Some("tier2"));
    assert_eq!(v.canonical_team("Finance Dept."), Some("finance"));
    assert_eq!(v.canonical_team("the warehouse team"), Some("fulfillment"));
    assert_eq!(v.canonical_team("legal"), None);
    assert_eq!(
        v.canonical_scenario("Billing escalation"),
        Some("billing_to_finance")
    );
    assert_eq!(v.canonical_issue_type("locked out"), Some("account_access"));
}

#[test]
fn bundle_words_extend_and_override_builtins() {
    let bundle = json!({"teams": {"legal": ["counsel"], "billing_ops": ["billing"]}});
    let mut scenarios = Map::new();
    scenarios.insert(
        "legal_review".into(),
        json!({"teams": ["legal", "compliance"]}),
    );
    let v = Vocabulary::from_bundle(&bundle, &scenarios).unwrap();
    assert_eq!(v.canonical_team("Counsel"), Some("legal"));
    assert_eq!(v.canonical_team("compliance"), Some("compliance"));
    assert_eq!(v.canonical_team("billing"), Some("billing_ops"));
    assert_eq!(v.canonical_team("AR"), Some("finance"));
    assert_eq!(v.canonical_scenario("legal review"), Some("legal_review"));
}

#[test]
fn a_bundle_word_can_take_over_a_builtin_id() {
    let bundle = json!({"teams": {"billing_ops": ["finance"]}});
    let v = Vocabulary::from_bundle(&bundle, &no_scenarios()).unwrap();
    assert_eq!(v.canonical_team("finance"), Some("billing_ops"));
    let mut packet = json!({"handoff": {"to": {"team": "finance"}}});
    assert!(v.normalise(&mut packet).is_empty());
    assert_eq!(
        packet.pointer("/handoff/to/team"),
        Some(&json!("billing_ops"))
    );
}

#[test]
fn normalise_rewrites_fields_to_ids() {
    let v = Vocabulary::builtin();
    let mut packet = json!({"handoff": {"from": {"team": "Tier 1"}, "to": {"team": "Accounts Receivable"},
        "scenario": "billing escalation"}, "owner": {"name": "Dana Kim", "team": "AR"},
        "escalation": {"category": "Locked out"}});
    let diagnostics = v.normalise(&mut packet);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(
        packet.pointer("/handoff/from/team"),
        Some(&json!("support"))
    );
    assert_eq!(packet.pointer("/handoff/to/team"), Some(&json!("finance")));
    assert_eq!(packet.pointer("/owner/team"), Some(&json!("finance")));
    assert_eq!(
        packet.pointer("/handoff/scenario"),
        Some(&json!("billing_to_finance"))
    );
    assert_eq!(
        packet.pointer("/escalation/category"),
        Some(&json!("account_access"))
    );
}

#[test]
fn unknown_team_is_flagged_with_a_suggestion() {
    let v = Vocabulary::builtin();
    let mut packet = json!({"handoff": {"to": {"team": "Fnance"}, "from": {"team": "Narnia"}}});
    let diagnostics = v.normalise(&mut packet);
    assert_eq!(diagnostics.len(), 2);
    let to = diagnostics
        .iter()
        .find(|d| d.path == "/handoff/to/team")
        .unwrap();
    assert_eq!(to.code, "rubric/unknown-team");
    assert!(
        to.message.ends_with("Did you mean 'finance'?"),
        "{}",
        to.message
    );
    let from = diagnostics
        .iter()
        .find(|d| d.path == "/handoff/from/team")
        .unwrap();
    assert!(!from.message.contains("Did you mean"), "{}", from.message);
    // Unknown words are kept as written.
    assert_eq!(packet.pointer("/handoff/to/team"), Some(&json!("Fnance")));
}

#[test]
fn normalise_ignores_odd_shapes() {
    let v = Vocabulary::builtin();
    for mut packet in [
        json!(null),
        json!([1, 2]),
        json!({"handoff": "to finance"}),
        json!({"handoff": {"to": {"team": 7}}}),
    ] {
        let before = packet.clone();
        assert!(v.normalise(&mut packet).is_empty());
        assert_eq!(packet, before);
    }
}

#[test]
fn bad_bundle_sections_point_inside_the_bundle() {
    let bad = json!({"teams": {"finance": ["AR"], "legal": ["ar", 3], "Bad Id": []}, "team": {}});
    let err = Vocabulary::from_bundle(&bad, &no_scenarios()).unwrap_err();
    assert_eq!(err.kind, "bundle");
    let paths: Vec<&str> = err.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert!(paths.contains(&"/vocabulary/teams/legal/0"), "{paths:?}");
    assert!(paths.contains(&"/vocabulary/teams/legal/1"), "{paths:?}");
    assert!(paths.contains(&"/vocabulary/teams/Bad Id"), "{paths:?}");
    assert!(paths.contains(&"/vocabulary/team"), "{paths:?}");
    assert!(err
        .diagnostics
        .iter()
        .all(|d| d.code == "rubric/invalid-setting"));
    assert!(Vocabulary::from_bundle(&json!("AR"), &no_scenarios()).is_err());
}
