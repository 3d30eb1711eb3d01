//! The AFL++ harness: one input (bytes; not UTF-8 is skipped) through the target named by
//! `HANDOFF_FUZZ_TARGET` (`packet`, `note-text`, `note-markdown`, `note-html`, `sla`,
//! `schema`), with the same calls as the seeded fuzzer (`examples/fuzz/targets.rs`). A panic
//! aborts, which AFL++ records as a crash; a run over its `-t` timeout is a hang.

#[allow(dead_code)]
#[path = "../examples/fuzz/targets.rs"]
mod targets;

use handoff_kit::json_text::WireStrings;

fn main() {
    let name = std::env::var("HANDOFF_FUZZ_TARGET").unwrap_or_else(|_| "packet".to_string());
    let target = targets::Target::by_name(&name)
        .unwrap_or_else(|| panic!("HANDOFF_FUZZ_TARGET={name} is not a target"));
    let mut strings = WireStrings::default();
    afl::fuzz!(|data: &[u8]| {
        if let Ok(text) = std::str::from_utf8(data) {
            let outcome = targets::run(target, text, &mut strings);
            assert!(!outcome.internal(), "an error of kind internal");
        }
    });
}
