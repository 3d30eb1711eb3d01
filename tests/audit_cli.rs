//! `handoff audit` from the command line: partial summaries merged by `handoff audit merge`
//! give the same report, byte for byte, as auditing every file at once; standard input; usage
//! errors.

#[path = "../bench/audit_export.rs"]
mod export;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn handoff(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_handoff"));
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    if let Some(input) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("audit_cli")
        .join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_export(path: &Path, tickets: u64, seed: u64, bad_every: u64) {
    let mut out = Vec::new();
    let options = export::Options {
        tickets,
        seed,
        bad_every,
    };
    export::generate(&options, &mut out).unwrap();
    std::fs::write(path, out).unwrap();
}

fn text(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn merge_of_partials_equals_the_audit_of_all_files() {
    let dir = scratch("merge");
    let (a, b) = (dir.join("a.ndjson"), dir.join("b.ndjson"));
    write_export(&a, 200, 31, 30);
    write_export(&b, 150, 32, 0);
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let (pa, pb) = (dir.join("a.partial.json"), dir.join("b.partial.json"));
    let (pa, pb) = (pa.to_str().unwrap(), pb.to_str().unwrap());
    text(&handoff(&["audit", a, "--partial", "--out", pa], None));
    text(&handoff(&["audit", b, "--partial", "--out", pb], None));
    for format in ["json", "text", "html"] {
        for by in ["team", "agent", "week"] {
            let whole = text(&handoff(
                &["audit", a, b, "--format", format, "--by", by],
                None,
            ));
            let merged = text(&handoff(
                &["audit", "merge", pb, pa, "--format", format, "--by", by],
                None,
            ));
            assert_eq!(whole, merged, "{format} by {by}");
        }
    }
    // A merged partial merges again to the same report.
    let pab = dir.join("ab.partial.json");
    let pab = pab.to_str().unwrap();
    text(&handoff(
        &["audit", "merge", pa, pb, "--partial", "--out", pab],
        None,
    ));
    let again = text(&handoff(&["audit", "merge", pab, "--format", "json"], None));
    let whole = text(&handoff(&["audit", a, b, "--format", "json"], None));
    assert_eq!(again, whole);
    let report: serde_json::Value = serde_json::from_str(&whole).unwrap();
    assert_eq!(report["bad_lines"]["count"], 6);
}

#[test]
fn standard_input_is_read_as_dash() {
    let dir = scratch("stdin");
    let file = dir.join("in.ndjson");
    write_export(&file, 40, 3, 0);
    let input = std::fs::read(&file).unwrap();
    let piped = text(&handoff(&["audit", "-", "--format", "json"], Some(&input)));
    let report: serde_json::Value = serde_json::from_str(&piped).unwrap();
    assert_eq!(report["lines"], 73);
    assert_eq!(report["handoffs"], 69);
    assert_eq!(report["checks"][0]["example"]["file"], "-");
}

#[test]
fn usage_and_input_errors_exit_2() {
    let missing = handoff(&["audit", "/nonexistent/x.ndjson"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
    let nothing = handoff(&["audit"], None);
    assert_eq!(nothing.status.code(), Some(2));
    let dir = scratch("errors");
    let report = dir.join("report.json");
    std::fs::write(&report, r#"{"kind": "audit"}"#).unwrap();
    let not_partial = handoff(&["audit", "merge", report.to_str().unwrap()], None);
    assert_eq!(not_partial.status.code(), Some(2));
    let bad_by = handoff(&["audit", "x", "--by", "month"], None);
    assert_eq!(bad_by.status.code(), Some(2));
}
