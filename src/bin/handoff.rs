//! `handoff`: check handoff packets from the command line.
//!
//! ```text
//! handoff check FILE… [--bundle FILE] [--now TIME] [--format pretty|json]
//! ```
//! Exit status: 0 when every packet is valid, 1 when errors were found, 2 on usage or I/O errors.

use handoff_kit::report::CheckStatus;
use handoff_kit::{CheckOptions, Diagnostic, Kit, Report, Score, Severity};
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
Check customer-issue handoffs: schema, quality score and the receiving team's deadline.

Usage:
  handoff check FILE... [--bundle FILE] [--now TIME] [--format pretty|json]
  handoff --help | --version

Arguments:
  FILE             a context packet (JSON); '-' reads standard input

Options:
  --bundle FILE    the organisation's bundle (schemas, calendars, policies, rubric)
  --now TIME       the current time for SLA status, RFC 3339 (e.g. 2026-11-21T14:30:00Z)
  --format FORMAT  'pretty' (default) for people, 'json' for programs: one file gives a
                   Report (schemas/report.schema.json); several give [{\"file\", \"report\"}]

Exit status: 0 all valid, 1 errors found, 2 usage or input/output errors.
";

#[derive(Debug, PartialEq)]
enum Format {
    Pretty,
    Json,
}

#[derive(Debug)]
struct Args {
    files: Vec<String>,
    bundle: Option<String>,
    now: Option<String>,
    format: Format,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        files: Vec::new(),
        bundle: None,
        now: None,
        format: Format::Pretty,
    };
    match args.next().as_deref() {
        Some("check") => {}
        Some("--help" | "-h" | "help") | None => return Ok(None),
        Some("--version" | "-V") => {
            println!("handoff {}", env!("CARGO_PKG_VERSION"));
            std::process::exit(0);
        }
        Some(other) => return Err(format!("unknown command '{other}' (try 'handoff --help')")),
    }
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--bundle" => parsed.bundle = Some(value("--bundle")?),
            "--now" => parsed.now = Some(value("--now")?),
            "--format" => {
                parsed.format = match value("--format")?.as_str() {
                    "pretty" => Format::Pretty,
                    "json" => Format::Json,
                    other => {
                        return Err(format!(
                            "--format must be 'pretty' or 'json', not '{other}'"
                        ))
                    }
                }
            }
            "--help" | "-h" => return Ok(None),
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            file => parsed.files.push(file.to_string()),
        }
    }
    if parsed.files.is_empty() {
        return Err("name at least one packet file, or '-' for standard input".to_string());
    }
    Ok(Some(parsed))
}

fn read(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("handoff: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("handoff: {message}");
            ExitCode::from(2)
        }
    }
}

/// Checks every file; `Ok(all valid)`.
fn run(args: &Args) -> Result<bool, String> {
    let kit = match &args.bundle {
        Some(path) => Kit::from_json(&read(path)?).map_err(|e| format!("{path}: {e}"))?,
        None => Kit::builtin().map_err(|e| e.to_string())?,
    };
    let options = CheckOptions {
        now: args.now.clone(),
    };
    let mut results = Vec::new();
    for file in &args.files {
        let text = read(file)?;
        let report = kit
            .check_text(&text, &options)
            .map_err(|e| format!("{file}: {e}"))?;
        results.push((file.as_str(), report));
    }
    let all_valid = results.iter().all(|(_, report)| report.valid);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Json => write_json(&mut out, &results),
        Format::Pretty => {
            let colour = stdout_is_colour_terminal();
            results
                .iter()
                .try_for_each(|(file, report)| write_pretty(&mut out, file, report, colour))
        }
    };
    written.map_err(|e| format!("cannot write output: {e}"))?;
    Ok(all_valid)
}

fn stdout_is_colour_terminal() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn write_json(out: &mut impl Write, results: &[(&str, Report)]) -> std::io::Result<()> {
    let json = match results {
        [(_, report)] => serde_json::to_string_pretty(report),
        many => serde_json::to_string_pretty(
            &many
                .iter()
                .map(|(file, report)| serde_json::json!({ "file": file, "report": report }))
                .collect::<Vec<_>>(),
        ),
    }
    .map_err(std::io::Error::other)?;
    writeln!(out, "{json}")
}

struct Style {
    colour: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

fn write_pretty(
    out: &mut impl Write,
    file: &str,
    report: &Report,
    colour: bool,
) -> std::io::Result<()> {
    let style = Style { colour };
    let verdict = if report.valid {
        style.paint("32;1", "ready to hand off")
    } else {
        style.paint("31;1", "not ready")
    };
    let score = match &report.score {
        Some(score) => format!("  score {} ({:?})", score.value, score.grade),
        None => String::new(),
    };
    writeln!(out, "{}  {verdict}{score}", style.paint("1", file))?;
    if let Some(score) = &report.score {
        if let Some(cap) = &score.cap {
            let before = format!("({} before the cap)", score.uncapped_value);
            writeln!(out, "  {} {}", cap.reason, style.paint("2", &before))?;
        }
        write_breakdown(out, score, &style)?;
    }
    if let Some(sla) = &report.sla {
        let d = &sla.deadline;
        let status = match d.status {
            Some(status) => format!(
                ", {}",
                serde_json::to_value(status)
                    .ok()
                    .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
                    .unwrap_or_default()
            ),
            None => String::new(),
        };
        writeln!(
            out,
            "  receiving team must act by {} ({}; {} on calendar '{}', policy '{}'{status})",
            d.deadline_local,
            d.time_zone,
            d.target.describe(),
            sla.calendar,
            sla.policy
        )?;
    }
    for d in &report.diagnostics {
        write_diagnostic(out, d, &style)?;
    }
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = report.diagnostics.len() - errors;
    writeln!(out, "  {errors} error(s), {warnings} other finding(s)\n")
}

/// Where the score's points went: the points earned of those at stake, the checks that lost
/// points, and the checks that did not apply with why.
fn write_breakdown(out: &mut impl Write, score: &Score, style: &Style) -> std::io::Result<()> {
    let lost: Vec<String> = score
        .checks
        .iter()
        .filter(|c| c.points < c.max_points)
        .map(|c| format!("{} {}", c.id, c.max_points - c.points))
        .collect();
    let lost = if lost.is_empty() {
        String::new()
    } else {
        format!("; lost: {}", lost.join(", "))
    };
    writeln!(
        out,
        "  {} of {} points{lost}",
        score.points, score.max_points
    )?;
    for check in &score.checks {
        if check.status == CheckStatus::NotApplicable {
            let reason = check.reason.as_deref().unwrap_or_default();
            let why = style.paint("2", &format!("({reason})"));
            writeln!(out, "  not applicable: {} {why}", check.id)?;
        }
    }
    Ok(())
}

fn write_diagnostic(out: &mut impl Write, d: &Diagnostic, style: &Style) -> std::io::Result<()> {
    let (label, code) = match d.severity {
        Severity::Error => ("error", "31"),
        Severity::Warning => ("warning", "33"),
        Severity::Info => ("info", "36"),
    };
    let path = if d.path.is_empty() { "/" } else { &d.path };
    writeln!(
        out,
        "  {} {}  {}",
        style.paint(code, &format!("{label:<7}")),
        style.paint("2", path),
        d.message
    )?;
    if let Some(hint) = &d.hint {
        writeln!(
            out,
            "          {}",
            style.paint("2", &format!("hint: {hint}"))
        )?;
    }
    writeln!(
        out,
        "          {}",
        style.paint("2", &format!("[{}]", d.code))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Option<Args>, String> {
        parse_args(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_files_and_options() {
        let parsed = args(&[
            "check",
            "a.json",
            "-",
            "--format",
            "json",
            "--now",
            "2026-11-21T10:00:00Z",
        ])
        .unwrap()
        .unwrap();
        assert_eq!(parsed.files, ["a.json", "-"]);
        assert_eq!(parsed.format, Format::Json);
        assert_eq!(parsed.now.as_deref(), Some("2026-11-21T10:00:00Z"));
    }

    #[test]
    fn usage_errors_are_reported() {
        assert!(args(&["check"]).unwrap_err().contains("at least one"));
        assert!(args(&["check", "a", "--format", "xml"])
            .unwrap_err()
            .contains("'xml'"));
        assert!(args(&["check", "a", "--bundle"])
            .unwrap_err()
            .contains("needs a value"));
        assert!(args(&["frobnicate"])
            .unwrap_err()
            .contains("unknown command"));
        assert!(args(&["--help"]).unwrap().is_none());
    }
}
