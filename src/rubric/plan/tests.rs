use super::*;

#[test]
fn large_lists_and_objects_indexed_once_answer_as_a_walk_does() {
    // A bundle's thousands of items in a section of thousands of keys each walked the
    // section's members: items × keys on every check. Large ones are now indexed once.
    let mut text = String::from("{\"o\": {");
    for i in 0..40 {
        text.push_str(&format!("\"k{i}\": {i}, "));
    }
    text.push_str("\"k\\u0031\": \"escaped\", \"dup\": 1, \"dup\": 2}, \"a\": [");
    text.push_str(
        &(0..40)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", "),
    );
    text.push_str("], \"small\": {\"x\": 1}}");
    let tape = crate::tape::Tape::parse(&text).unwrap();
    let root = tape.root();
    let mut lookups = Lookups::default();
    let tokens = [
        "k0", "k39", "k1", "dup", "missing", "0", "01", "+1", "39", "40", "x", "",
    ];
    for container in ["o", "a", "small"] {
        let value = root.get(container).unwrap();
        for token in tokens {
            let walked = step(value, token).map(|n| n.index());
            // Twice: through the index as it is built, then as it is.
            for _ in 0..2 {
                let looked = lookups.step(value, token).map(|n| n.index());
                assert_eq!(looked, walked, "{container}/{token}");
            }
        }
    }
    assert_eq!(
        lookups.indexed.len(),
        2,
        "the object and the list, not the small one"
    );
}

#[test]
fn configured_items_have_plain_labels() {
    assert_eq!(label("/billing/po_number").0, "the po number");
    assert_eq!(
        label("/summary").0,
        "a summary of the issue in a sentence or two"
    );
}

/// The plan as it was resolved before: every scenario's own copy of every item, each
/// pointer looked for in the list. The model [`Plan`] is held to.
fn resolved(settings: &Settings, scenario: Option<&str>) -> Vec<(String, u32)> {
    let mut items: Vec<(String, u32)> = BASE_ITEMS
        .iter()
        .map(|(p, w)| ((*p).to_string(), *w))
        .collect();
    let mut apply = |changes: &mut dyn Iterator<Item = (String, u32)>| {
        for (pointer, weight) in changes {
            match items.iter_mut().find(|(p, _)| *p == pointer) {
                Some(item) => item.1 = weight,
                None => items.push((pointer, weight)),
            }
        }
    };
    if let Some((_, extra)) = SCENARIO_ITEMS.iter().find(|(s, _)| Some(*s) == scenario) {
        apply(&mut extra.iter().map(|(p, w)| ((*p).to_string(), *w)));
    }
    for key in std::iter::once("*").chain(scenario) {
        if let Some(changes) = settings.completeness.get(key) {
            apply(&mut changes.iter().cloned());
        }
    }
    items.retain(|(_, w)| *w > 0);
    items
}

#[cfg(not(target_arch = "wasm32"))]
mod shared {
    use super::*;
    use crate::rubric::registry::ENTRIES;
    use proptest::prelude::*;

    const SCENARIOS: [&str; 5] = ["*", "billing_to_finance", "bot_to_human", "custom", "other"];
    const POINTERS: [&str; 8] = [
        "/summary",
        "/documents",
        "/actions_taken",
        "/billing/amount",
        "/bot/intent",
        "/billing/po_number",
        "/x",
        "/y",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn scenarios_sharing_the_items_list_what_each_copy_listed(
            lists in proptest::collection::vec(
                (0usize..5, proptest::collection::vec((0usize..8, 0u32..4), 0..6)),
                0..6,
            ),
            counted in proptest::collection::vec(any::<bool>(), 8),
        ) {
            let mut settings = Settings::builtin(ENTRIES);
            for (scenario, items) in lists {
                let list = settings.completeness.entry(SCENARIOS[scenario].to_string()).or_default();
                for (pointer, weight) in items {
                    // A bundle's object has each pointer once: the last weight given.
                    list.retain(|(p, _)| p != POINTERS[pointer]);
                    list.push((POINTERS[pointer].to_string(), weight));
                }
            }
            let plan = Plan::new(&settings);
            let asked = [None, Some("billing_to_finance"), Some("bot_to_human"),
                Some("custom"), Some("other"), Some("voice_to_chat"), Some("unnamed")];
            for scenario in asked {
                let got: Vec<(String, u32)> = plan
                    .items(scenario)
                    .map(|(item, w)| (item.pointer.clone(), w))
                    .collect();
                // A scenario nobody gave items of its own has the shared ones.
                let named = scenario.is_some_and(|s| plan.by_scenario.contains_key(s));
                let expected = resolved(&settings, scenario.filter(|_| named));
                prop_assert_eq!(got, expected, "{:?}", scenario);
            }
            let counts = |pointer: &str| {
                POINTERS.iter().position(|p| *p == pointer).is_some_and(|at| counted[at])
                    || (!POINTERS.contains(&pointer) && counted[0])
            };
            let share = |items: Vec<(String, u32)>| {
                items.iter().fold((0, 0), |(yes, all), (p, w)| {
                    (yes + if counts(p) { *w } else { 0 }, all + w)
                })
            };
            let expected: Vec<(u32, u32)> = std::iter::once(None)
                .chain(plan.by_scenario.keys().map(|s| Some(s.as_str())))
                .map(|scenario| share(resolved(&settings, scenario)))
                .collect();
            prop_assert_eq!(plan.shares(&mut |item| counts(&item.pointer)), expected);
        }
    }
}
