//! `handoff check FILE… [--bundle FILE] [--now TIME] [--format pretty|json]`

use crate::common::{read, stdout_is_colour_terminal, Format, Outcome};
use crate::pretty::write_report;
use handoff_kit::{CheckOptions, Kit, Report};
use std::io::Write;

/// Check context packets: schema, quality score and SLA deadline.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A context packet (JSON); '-' reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
    /// The organisation's bundle (schemas, calendars, policies, rubric).
    #[arg(long, value_name = "FILE")]
    pub bundle: Option<String>,
    /// The current time for SLA status, RFC 3339 (e.g. 2026-11-21T14:30:00Z).
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
    /// 'pretty' for people, 'json' for programs: one file gives a Report
    /// (schemas/report.schema.json); several give [{"file", "report"}].
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Pretty)]
    pub format: Format,
}

/// The kit of `--bundle`, or the built-in one.
pub fn load_kit(bundle: Option<&str>) -> Result<Kit, String> {
    match bundle {
        Some(path) => Kit::from_json(&read(path)?).map_err(|e| format!("{path}: {e}")),
        None => Kit::builtin().map_err(|e| e.to_string()),
    }
}

/// Checks every file; `Ok(all valid)`.
pub fn run(args: &Args) -> Outcome {
    if args.files.is_empty() {
        return Err(
            "name at least one packet file, or '-' for standard input (try 'handoff check --help')"
                .to_string(),
        );
    }
    let kit = load_kit(args.bundle.as_deref())?;
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
                .try_for_each(|(file, report)| write_report(&mut out, file, report, colour))
        }
    };
    written.map_err(|e| format!("cannot write output: {e}"))?;
    Ok(all_valid)
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
