//! The `handoff` binary as a user runs it: exit codes, stdin, pretty and JSON output.

use handoff_kit::schema::{SchemaStore, Validator};
use std::io::Write;
use std::process::{Command, Output, Stdio};

const GOOD: &str = "examples/packets/billing_to_finance-good.json";
const BAD: &str = "examples/packets/missing-owner.json";

fn handoff(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_handoff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run handoff");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn report_validator() -> Validator {
    let store = SchemaStore::builtin();
    let schema = store
        .get("https://handoff-kit.dev/schemas/report.schema.json")
        .unwrap();
    Validator::new(schema, store).unwrap()
}

#[test]
fn valid_packet_exits_zero_and_says_so_without_colour() {
    let out = handoff(&["check", GOOD], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("ready to hand off"), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}'),
        "no colour codes when stdout is not a terminal"
    );
}

#[test]
fn pretty_output_shows_where_the_points_went() {
    let out = handoff(&["check", "examples/packets/bot_to_human-good.json"], None);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("score 94 (A)\n  94 of 100 points; lost: completeness 6\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  not applicable: document-asked-twice (No document from the customer is listed, so none can be asked for twice.)\n"),
        "{stdout}"
    );
    let out = handoff(&["check", GOOD], None);
    assert!(text(&out.stdout).contains("score 100 (A)\n  100 of 100 points\n"));
}

#[test]
fn pretty_output_says_why_a_handoff_that_is_not_ready_is_capped() {
    let out = handoff(&["check", "examples/packets/missing-owner.json"], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("not ready  score 69 (D)\n  not ready: graded D at most until 1 error is fixed (79 before the cap)\n  79 of 100 points; lost: owner-not-a-person 21\n"),
        "{stdout}"
    );
    let out = handoff(&["check", GOOD], None);
    assert!(!text(&out.stdout).contains("at most"), "no cap when ready");
}

#[test]
fn errors_exit_one_with_the_field_and_the_fix() {
    let out = handoff(&["check", GOOD, BAD], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("/owner"), "{stdout}");
    assert!(
        stdout.contains("Add who owns this case after the handoff"),
        "{stdout}"
    );
    assert!(stdout.contains("[schema/required]"), "{stdout}");
}

#[test]
fn json_output_matches_the_report_schema() {
    let out = handoff(
        &[
            "check",
            BAD,
            "--format",
            "json",
            "--now",
            "2026-11-16T10:00:00Z",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report_validator().validate(&report).unwrap(), vec![]);
    assert_eq!(report["valid"], false);
    assert_eq!(report["diagnostics"][0]["path"], "/owner");
    let errors = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .count();
    let score = &report["score"];
    assert_eq!(score["cap"]["errors"], errors);
    assert_eq!(
        (&score["cap"]["grade"], &score["cap"]["value"]),
        (&"D".into(), &69.into())
    );
    let (value, uncapped) = (score["value"].as_u64(), score["uncapped_value"].as_u64());
    assert_eq!(value, uncapped.map(|v| v.min(69)), "capped at the top of D");
    assert!(report["sla"]["deadline"].as_str().unwrap().ends_with('Z'));

    let several = handoff(&["check", GOOD, BAD, "--format", "json"], None);
    let list: serde_json::Value = serde_json::from_slice(&several.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[1]["file"], BAD);
    assert_eq!(
        report_validator().validate(&list[1]["report"]).unwrap(),
        vec![]
    );
}

#[test]
fn stdin_is_read_from_a_dash() {
    let packet =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GOOD))
            .unwrap();
    let out = handoff(&["check", "-"], Some(&packet));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("-  ready to hand off"));
}

#[test]
fn usage_and_input_errors_exit_two_with_a_reason() {
    let cases: [(&[&str], Option<&str>, &str); 5] = [
        (&["check"], None, "at least one packet file"),
        (&["check", GOOD, "--format", "xml"], None, "'xml'"),
        (
            &["check", "no-such-file.json"],
            None,
            "cannot read no-such-file.json",
        ),
        (&["check", "-"], Some("{\"ticket\": "), "line 1, column"),
        (&["check", "-"], Some("[1, 2]"), "must be a JSON object"),
    ];
    for (args, stdin, expected) in cases {
        let out = handoff(args, stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

#[test]
fn a_bundle_file_is_used_and_a_bad_one_is_reported() {
    let dir = std::env::temp_dir().join(format!("handoff-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bundle = dir.join("bundle.json");
    std::fs::write(
        &bundle,
        r#"{"bundle": "acme", "version": "1.0.0", "calendars": {"default": {"time_zone": "Europe/London", "week": {"mon": [["09:00", "17:00"]]}}}}"#,
    )
    .unwrap();
    let out = handoff(&["check", GOOD, "--bundle", bundle.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Europe/London"));

    std::fs::write(&bundle, r#"{"bundle": "acme"}"#).unwrap();
    let out = handoff(&["check", GOOD, "--bundle", bundle.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("The bundle is not valid"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn help_and_version_exit_zero_and_unknown_commands_exit_two() {
    for args in [&[][..], &["--help"], &["help"], &["check", "--help"]] {
        let out = handoff(args, None);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(text(&out.stdout).contains("Usage: handoff"), "{args:?}");
    }
    let out = handoff(&["--version"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        format!("handoff {}\n", env!("CARGO_PKG_VERSION"))
    );
    for args in [&["frobnicate"][..], &["check", GOOD, "--colour"]] {
        let out = handoff(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("error:"), "{args:?}");
    }
}

const ACME: &str = "examples/bundles/acme.bundle.json";

/// The example bundle with `edit` applied, written to a scratch file.
fn acme_with(name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join(ACME)).unwrap()).unwrap();
    edit(&mut bundle);
    let dir = std::env::temp_dir().join(format!("handoff-cli-cases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bundle.to_string()).unwrap();
    path
}

#[test]
fn bundle_test_passes_the_example_bundles_cases() {
    let out = handoff(&["bundle", "test", ACME], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("acme-support 1.3.0\n  pass  "),
        "{stdout}"
    );
    assert!(stdout.ends_with("3 passed, 0 failed\n"), "{stdout}");
}

#[test]
fn bundle_test_exits_one_and_says_what_failed() {
    let path = acme_with("failing.json", |bundle| {
        bundle["cases"][0]["expect"]["deadline"] = "2026-11-16T11:00:00+01:00".into();
        bundle["cases"][1]["expect"]["valid"] = true.into();
    });
    let out = handoff(&["bundle", "test", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("  FAIL  a full billing handoff to the Billing Finance queue is ready, on Finance's clock\n        expected the deadline 2026-11-16T11:00:00+01:00, but it is 2026-11-16T11:05:00Z\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("expected a valid handoff, but it has 1 error(s): schema/required"),
        "{stdout}"
    );
    assert!(stdout.ends_with("1 passed, 2 failed\n"), "{stdout}");
}

#[test]
fn bundle_test_json_gives_each_case_with_its_report() {
    let out = handoff(&["bundle", "test", ACME, "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0));
    let results: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), 3);
    let validator = report_validator();
    for result in results {
        assert_eq!(result["passed"], true);
        assert_eq!(result["failures"], serde_json::json!([]));
        assert_eq!(validator.validate(&result["report"]).unwrap(), vec![]);
    }
    assert_eq!(results[0]["report"]["sla"]["team"], "finance");
    assert_eq!(results[0]["report"]["sla"]["policy"], "finance-urgent");
}

#[test]
fn bundle_test_refuses_a_bad_bundle_with_the_place_to_fix() {
    let path = acme_with("typo.json", |bundle| {
        let editor = &mut bundle["extension"]["adapters"][0]["editor"];
        editor["selecter"] = editor["selector"].take();
        editor.as_object_mut().unwrap().remove("selector");
    });
    let out = handoff(&["bundle", "test", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("/extension/adapters/0/editor"), "{stderr}");
    let out = handoff(&["bundle", "test", "no-such-bundle.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read no-such-bundle.json"));
    let out = handoff(&["bundle", "test"], None);
    assert_eq!(out.status.code(), Some(2));

    let path = acme_with("no-cases.json", |bundle| {
        bundle.as_object_mut().unwrap().remove("cases");
    });
    let out = handoff(&["bundle", "test", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("no regression cases"));
}

#[test]
fn the_readmes_bundle_test_example_is_what_the_cli_prints() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let command = format!("$ handoff bundle test {ACME}\n");
    let start = readme.find(&command).expect("the README shows the command") + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let out = handoff(&["bundle", "test", ACME], None);
    assert_eq!(text(&out.stdout), shown);
}
