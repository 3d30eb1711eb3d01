use super::*;

fn span(start: usize, end: usize) -> Span {
    Span { start, end }
}

#[test]
fn spans_list_in_fill_order_whatever_the_hash() {
    let mut spans = Spans::default();
    for (i, pointer) in ["/z", "/a/10", "/a/2", "/a", "/m"].iter().enumerate() {
        spans.set(pointer, span(i, i + 1), |_| false);
    }
    let order: Vec<&str> = spans.iter().map(|(p, _)| p).collect();
    assert_eq!(order, ["/z", "/a/10", "/a/2", "/a", "/m"]);
    assert_eq!(
        serde_json::to_string(&spans).unwrap(),
        r#"{"/z":{"start":0,"end":1},"/a/10":{"start":1,"end":2},"/a/2":{"start":2,"end":3},"/a":{"start":3,"end":4},"/m":{"start":4,"end":5}}"#
    );
}

#[test]
fn json_len_is_the_length_of_the_json_text() {
    let mut spans = Spans::default();
    assert_eq!(
        spans.json_len(),
        serde_json::to_string(&spans).unwrap().len()
    );
    spans.set("/a", span(0, 9), |_| false);
    spans.set_item("/tried", 12, span(10, 1234567), |_| false);
    spans.set_child("/tried/12", "action", span(100, 100), |_| false);
    assert_eq!(
        spans.json_len(),
        serde_json::to_string(&spans).unwrap().len()
    );
}

#[test]
fn a_replaced_span_keeps_its_place() {
    let mut spans = Spans::default();
    spans.set("/a", span(3, 3), |_| false);
    spans.set("/b", span(5, 6), |_| false);
    spans.set("/a", span(7, 9), |old| old.start != old.end);
    spans.set("/a", span(1, 2), |old| old.start != old.end);
    assert_eq!(spans.get("/a"), Some(span(7, 9)));
    assert_eq!(spans.iter().next().map(|(p, _)| p), Some("/a"));
}

#[test]
fn spans_removed_then_set_again_come_back_in_their_new_place() {
    let mut spans = Spans::default();
    spans.set("/a", span(0, 1), |_| false);
    spans.set_child("/a", "b", span(1, 2), |_| false);
    spans.set("/c", span(2, 3), |_| false);
    spans.remove_under("/a");
    spans.settle();
    assert_eq!(spans.len(), 1);
    assert_eq!(spans.get("/a"), None);
    spans.set_child("", "a", span(5, 6), |_| false);
    let order: Vec<&str> = spans.iter().map(|(p, _)| p).collect();
    assert_eq!(order, ["/c", "/a"]);
    assert_eq!(spans.get("/a"), Some(span(5, 6)));
    assert_eq!(spans.get("/a/b"), None);
}

#[test]
fn a_child_token_is_escaped_and_found_as_a_whole_pointer() {
    let mut spans = Spans::default();
    spans.set_child("/x", "a/b~c", span(1, 2), |_| false);
    assert_eq!(spans.get("/x/a~1b~0c"), Some(span(1, 2)));
    // Set again, the span is replaced in place and no entry is added.
    spans.set("/x/a~1b~0c", span(3, 4), |_| false);
    assert_eq!(spans.len(), 1);
    assert_eq!(spans.get("/x/a~1b~0c"), Some(span(3, 4)));
}

#[test]
fn a_finder_finds_what_get_finds_in_any_order() {
    let mut spans = Spans::default();
    for i in 0..3_000 {
        spans.set_item("/tried", i, span(i, i + 1), |_| false);
        spans.set_child(&format!("/tried/{i}"), "action", span(i, i + 2), |_| false);
    }
    spans.remove_under("/tried/7");
    spans.remove_under("/tried/8/action");
    spans.set("/tried/7", span(1, 1), |_| false);
    spans.settle();
    let mut asked = Vec::new();
    for i in (0..3_100)
        .chain((0..3_100).rev())
        .chain((0..3_100).step_by(13))
    {
        asked.push(format!("/tried/{i}"));
        asked.push(format!("/tried/{i}/action"));
        asked.push(format!("/tried/{i}/outcome"));
    }
    // With and without the filter (built only for many lookups).
    for lookups in [0, asked.len()] {
        let mut finder = spans.finder(lookups);
        for pointer in &asked {
            assert_eq!(finder.get(pointer), spans.get(pointer), "{pointer}");
        }
    }
}

#[test]
fn index_keys_and_filter_bits_use_a_32_bit_hash() {
    // On wasm32 the hash of a pointer has its top 32 bits zero.
    let hashes: Vec<u64> = (0..1_000u64).map(|i| i.wrapping_mul(0x2545_F491)).collect();
    let keys: std::collections::HashSet<u32> = hashes.iter().map(|&h| key(h)).collect();
    assert_eq!(keys.len(), hashes.len());
    let shift = 64 - 12;
    let bits: std::collections::HashSet<u64> =
        hashes.iter().map(|&h| filter_bit(h, shift)).collect();
    assert!(bits.len() > 500, "{}", bits.len());
    assert!(bits.iter().all(|&b| b < 1 << 12));
}

#[test]
fn many_pointers_are_each_found() {
    let mut spans = Spans::default();
    for i in 0..20_000 {
        spans.set_child("/tried", &i.to_string(), span(i, i + 1), |_| false);
    }
    assert_eq!(spans.len(), 20_000);
    for i in (0..20_000).step_by(7) {
        assert_eq!(spans.get(&format!("/tried/{i}")), Some(span(i, i + 1)));
    }
    assert_eq!(spans.get("/tried/20000"), None);
}

#[test]
fn a_pointer_taken_back_again_and_again_leaves_no_chain_to_walk() {
    // A one-line field that cannot be read, repeated: each time its span is taken back
    // and set again. Taking back walked every entry, and the entries taken back stayed
    // in the pointer's hash chain, so both grew with the repeats.
    let mut spans = Spans::default();
    spans.set("/summary", span(0, 1), |_| false);
    for i in 0..10_000 {
        spans.remove_under("/customer/informed");
        spans.set("/customer/informed", span(i, i + 1), |_| false);
    }
    spans.settle();
    assert_eq!(spans.len(), 2);
    assert_eq!(spans.get("/customer/informed"), Some(span(9_999, 10_000)));
    let mut chain = 0;
    let mut at = spans.index[&key(FxBuildHasher.hash_one("/customer/informed"))];
    while at != NONE {
        chain += 1;
        at = spans.entries[at as usize].same_hash;
    }
    assert!(chain <= 2, "a chain of {chain}");
}

/// What taking spans back did before: every entry walked, those at or below the pointer
/// marked at once.
#[derive(Default)]
struct Model(Vec<(String, Span)>);

impl Model {
    fn set(&mut self, pointer: &str, span: Span, keep_nonempty: bool) {
        match self.0.iter_mut().find(|(p, _)| p == pointer) {
            Some((_, old)) if !(keep_nonempty && old.start != old.end) => *old = span,
            Some(_) => {}
            None => self.0.push((pointer.to_string(), span)),
        }
    }

    fn remove_under(&mut self, pointer: &str) {
        let below = format!("{pointer}/");
        self.0
            .retain(|(p, _)| p != pointer && !p.starts_with(&below));
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod taken_back {
    use super::*;
    use proptest::prelude::*;

    const POINTERS: [&str; 7] = ["/a", "/a/b", "/a/b/c", "/ab", "/c", "/c/0", ""];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn spans_taken_back_in_one_step_are_those_a_walk_took_back(
            ops in proptest::collection::vec((0u8..3, 0usize..7, 0usize..5), 0..60)
        ) {
            let (mut spans, mut model) = (Spans::default(), Model::default());
            for (i, (op, pointer, width)) in ops.into_iter().enumerate() {
                let pointer = POINTERS[pointer];
                let s = span(i, i + width % 2);
                match op {
                    0 => {
                        spans.set(pointer, s, |_| false);
                        model.set(pointer, s, false);
                    }
                    1 => {
                        spans.set(pointer, s, |old| old.start != old.end);
                        model.set(pointer, s, true);
                    }
                    _ => {
                        spans.remove_under(pointer);
                        model.remove_under(pointer);
                    }
                }
            }
            spans.settle();
            let got: Vec<(String, Span)> =
                spans.iter().map(|(p, s)| (p.to_string(), *s)).collect();
            prop_assert_eq!(&got, &model.0);
            prop_assert_eq!(spans.len(), model.0.len());
            for pointer in POINTERS {
                let expected = model.0.iter().find(|(p, _)| p == pointer).map(|(_, s)| *s);
                prop_assert_eq!(spans.get(pointer), expected);
            }
        }
    }
}
