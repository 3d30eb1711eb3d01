//! `docs/rules.md` is generated from the rule files; this test fails when it is stale.
//! Regenerate with `UPDATE_RULES_DOC=1 cargo test --test rules_doc`.

use std::path::PathBuf;

#[test]
fn rules_doc_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let expected = handoff_kit::catalogue::render_markdown();
    if std::env::var_os("UPDATE_RULES_DOC").is_some() {
        std::fs::write(&path, &expected).expect("write docs/rules.md");
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/rules.md is stale (it must list every code of handoff_kit::catalogue::all()). \
         Regenerate it with `UPDATE_RULES_DOC=1 cargo test --test rules_doc` and commit the result."
    );
}

#[test]
fn every_code_is_documented_once() {
    let rules = handoff_kit::catalogue::all();
    let mut codes: Vec<&str> = rules.iter().map(|r| r.code).collect();
    codes.sort_unstable();
    let count = codes.len();
    codes.dedup();
    assert_eq!(codes.len(), count, "a code is documented twice");
    for rule in &rules {
        assert!(
            !rule.what.is_empty() && !rule.why.is_empty() && !rule.example.is_empty(),
            "{} lacks What/Why/Example",
            rule.code
        );
    }
}

/// Each check file's doc comment (What it checks / Why it matters / Example) and its `RULE`
/// tell the same story: same code, and the same "Why it matters" text.
#[test]
fn check_files_and_their_rules_agree() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/rubric/checks");
    let rules = handoff_kit::rubric::RULES;
    let mut documented = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("read src/rubric/checks") {
        let path = entry.expect("dir entry").path();
        let source = std::fs::read_to_string(&path).expect("read check file");
        let doc: Vec<&str> = source
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| l.trim_start_matches("//!").trim())
            .collect();
        let Some(code) = doc
            .first()
            .and_then(|h| h.strip_prefix("# `"))
            .and_then(|h| h.strip_suffix('`'))
        else {
            continue; // mod.rs and the test support file
        };
        let rule = rules
            .iter()
            .find(|r| r.code == code)
            .unwrap_or_else(|| panic!("{}: {code} is not in rubric::RULES", path.display()));
        let text = doc.join(" ");
        for heading in ["**What it checks.**", "**Why it matters.**", "**Example.**"] {
            assert!(text.contains(heading), "{}: no {heading}", path.display());
        }
        let why = text
            .split("**Why it matters.**")
            .nth(1)
            .and_then(|rest| rest.split("**Example.**").next())
            .map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        assert_eq!(
            why,
            rule.why,
            "{}: the doc comment's 'Why it matters' differs from RULE.why",
            path.display()
        );
        documented.push(code.to_string());
    }
    documented.sort();
    let mut checks: Vec<String> = rules
        .iter()
        .map(|r| r.code.to_string())
        .filter(|c| c != "rubric/unknown-team" && c != "rubric/invalid-setting")
        .collect();
    checks.sort();
    assert_eq!(documented, checks, "every check has its own file");
}
