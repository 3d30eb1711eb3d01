//! Properties of the score over the project's own handoffs (`docs/scoring.md`), through the
//! kit's full path (vocabulary, schema, SLA calendar, rubric):
//!
//! 1. Removing information never raises the score. Over every packet in `examples/packets/`
//!    and `tests/packets/`: every single removal (an object member, an array element, a
//!    text's content), and random sequences of removals down to nothing.
//! 2. A packet or note with no content scores at most 20 (F), and checks with nothing to look
//!    at give no points.
//! 3. The per-check breakdown adds up to the score.

use handoff_kit::note::NoteFormat;
use handoff_kit::report::CheckStatus;
use handoff_kit::{CheckOptions, Grade, Kit, Score};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;

const NOW: &str = "2026-11-21T10:00:00Z";

fn kit() -> &'static Kit {
    static KIT: OnceLock<Kit> = OnceLock::new();
    KIT.get_or_init(|| Kit::builtin().expect("the built-in kit"))
}

fn options() -> CheckOptions {
    CheckOptions {
        now: Some(NOW.to_string()),
    }
}

fn score(packet: &Value) -> Score {
    let report = kit().check(packet.clone(), &options()).expect("an object");
    report.score.expect("a score")
}

/// Every packet of `examples/packets/` and `tests/packets/`, by name.
fn packets() -> &'static [(String, Value)] {
    static PACKETS: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    PACKETS.get_or_init(|| {
        let mut all = Vec::new();
        for dir in ["examples/packets", "tests/packets"] {
            let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
            let mut names: Vec<_> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{dir}: {e}"))
                .map(|entry| entry.expect("a directory entry").path())
                .filter(|path| path.extension().is_some_and(|e| e == "json"))
                .collect();
            names.sort();
            for path in names {
                let text = std::fs::read_to_string(&path).expect("readable");
                let packet = serde_json::from_str(&text).expect("JSON");
                all.push((path.display().to_string(), packet));
            }
        }
        assert!(all.len() >= 39, "{} packets", all.len());
        all
    })
}

/// One piece of information a packet can lose.
#[derive(Debug, Clone)]
enum Removal {
    /// The member or element at this pointer.
    Remove(String),
    /// The content of the text at this pointer (it becomes `""`).
    Blank(String),
}

/// Every single removal of `value`, in document order.
fn removals(value: &Value, pointer: &str, out: &mut Vec<Removal>) {
    let escape = |key: &str| key.replace('~', "~0").replace('/', "~1");
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                let at = format!("{pointer}/{}", escape(key));
                out.push(Removal::Remove(at.clone()));
                removals(member, &at, out);
            }
        }
        Value::Array(elements) => {
            for (index, element) in elements.iter().enumerate() {
                let at = format!("{pointer}/{index}");
                out.push(Removal::Remove(at.clone()));
                removals(element, &at, out);
            }
        }
        Value::String(text) if !text.is_empty() => out.push(Removal::Blank(pointer.to_string())),
        _ => {}
    }
}

fn all_removals(packet: &Value) -> Vec<Removal> {
    let mut out = Vec::new();
    removals(packet, "", &mut out);
    out
}

/// `packet` without the piece.
fn apply(packet: &Value, removal: &Removal) -> Value {
    let mut packet = packet.clone();
    match removal {
        Removal::Blank(pointer) => {
            if let Some(text) = packet.pointer_mut(pointer) {
                *text = json!("");
            }
        }
        Removal::Remove(pointer) => {
            let (parent, last) = pointer.rsplit_once('/').expect("a member pointer");
            let last = last.replace("~1", "/").replace("~0", "~");
            match packet.pointer_mut(parent) {
                Some(Value::Object(members)) => {
                    members.remove(&last);
                }
                Some(Value::Array(elements)) => {
                    let index: usize = last.parse().expect("an index");
                    elements.remove(index);
                }
                _ => panic!("no parent at {parent}"),
            }
        }
    }
    packet
}

fn assert_adds_up(score: &Score, what: &str) {
    let points: u32 = score.checks.iter().map(|c| c.points).sum();
    let at_stake: u32 = score.checks.iter().map(|c| c.max_points).sum();
    assert_eq!(
        (score.points, score.max_points),
        (points, at_stake),
        "{what}"
    );
    if at_stake > 0 {
        assert_eq!(
            score.value,
            (200 * points + at_stake) / (2 * at_stake),
            "{what}"
        );
    }
    assert_eq!(score.grade, Grade::for_value(score.value), "{what}");
    for check in &score.checks {
        assert!(check.points <= check.max_points, "{what}: {}", check.id);
        if check.status == CheckStatus::NotApplicable {
            assert_eq!(check.max_points, 0, "{what}: {}", check.id);
            assert!(check.reason.is_some(), "{what}: {} says why", check.id);
        }
    }
}

#[test]
fn no_single_removal_raises_the_score_of_any_example() {
    let mut cases = 0;
    for (name, packet) in packets() {
        let before = score(packet);
        assert_adds_up(&before, name);
        for removal in all_removals(packet) {
            let after = score(&apply(packet, &removal));
            cases += 1;
            assert!(
                after.value <= before.value,
                "{name}: {removal:?} raised the score from {} to {}\nbefore: {:?}\nafter: {:?}",
                before.value,
                after.value,
                before.checks,
                after.checks
            );
        }
    }
    // Thousands of removals: every member, element and text of 39 packets.
    assert!(cases > 2000, "{cases} removals");
    eprintln!("no_single_removal_raises_the_score_of_any_example: {cases} removals");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Takes an example apart one random piece at a time, down to `{}`: the score never rises
    /// on the way, the breakdown always adds up, and nothing left scores at most 20.
    #[test]
    fn taking_a_packet_apart_never_raises_its_score(
        which in 0..packets().len(),
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 400),
    ) {
        let (name, packet) = &packets()[which];
        let mut packet = packet.clone();
        let mut before = score(&packet);
        for pick in picks {
            let choices = all_removals(&packet);
            if choices.is_empty() {
                break;
            }
            let removal = &choices[pick.index(choices.len())];
            let smaller = apply(&packet, removal);
            let after = score(&smaller);
            assert_adds_up(&after, name);
            prop_assert!(after.value <= before.value,
                "{}: {:?} raised the score from {} to {}\n{}", name, removal, before.value, after.value, packet);
            packet = smaller;
            before = after;
        }
        if all_removals(&packet).is_empty() {
            prop_assert!(before.value <= 20, "{}: nothing left scores {}", name, before.value);
        }
    }
}

#[test]
fn a_packet_without_content_scores_at_most_20() {
    let empty = score(&json!({}));
    assert_eq!((empty.value, empty.grade, empty.points), (0, Grade::F, 0));
    for (name, packet) in packets() {
        // Every text blanked, every list emptied; numbers and yes/no answers stay.
        let mut hollow = packet.clone();
        hollow_out(&mut hollow);
        let hollow = score(&hollow);
        assert!(hollow.value <= 20, "{name}: {}", hollow.value);
        assert_eq!(hollow.grade, Grade::F, "{name}");
    }
}

fn hollow_out(value: &mut Value) {
    match value {
        Value::String(text) => text.clear(),
        Value::Array(elements) => elements.clear(),
        Value::Object(members) => members.values_mut().for_each(hollow_out),
        _ => {}
    }
}

/// A note through the kit's note API, as `kit.checkNote(text)` calls it.
fn note_score(text: &str) -> Score {
    let report = kit()
        .check_note(text, NoteFormat::Text, &Value::Null, &options())
        .expect("a note always checks");
    report.score.expect("a score")
}

/// Issue 12 §5: `checkNote('')` scored 58/F and "ok" or "Sent to billing." 53, from checks
/// that had nothing to look at.
#[test]
fn empty_and_one_line_notes_score_f_without_points_for_nothing() {
    let empty = note_score("");
    assert_eq!((empty.value, empty.points), (0, 0), "{:?}", empty.checks);
    assert!(empty
        .checks
        .iter()
        .all(|c| c.status != CheckStatus::Passed && c.points == 0));
    for text in ["ok", "Sent to billing."] {
        let score = note_score(text);
        assert!(score.value <= 20, "{text:?} scores {}", score.value);
        assert_eq!(score.grade, Grade::F, "{text:?}");
        assert_adds_up(&score, text);
        // Only the checks that read the one thing the note has, its summary, may earn.
        for check in score.checks.iter().filter(|c| c.points > 0) {
            assert!(
                ["completeness", "too-much-noise"].contains(&check.id.as_ref()),
                "{text:?}: {} earned {} with nothing to look at",
                check.id,
                check.points
            );
        }
    }
}

#[test]
fn every_example_keeps_its_breakdown_adding_up() {
    for (name, packet) in packets() {
        assert_adds_up(&score(packet), name);
    }
}
