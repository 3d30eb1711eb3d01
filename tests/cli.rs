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
