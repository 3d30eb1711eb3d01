//! `handoff audit FILE… [--bundle B] [--by team|scenario|agent|week] [--format text|json|html]
//! [--out PATH] [--partial]` and `handoff audit merge PARTIAL… [same options]`.
//!
//! The progress line is a few lines of our own rather than indicatif: one `\r` line on
//! standard error after each chunk (about 1 MB), only when standard error is a terminal, so CI
//! logs and pipes (Spark's `RDD.pipe`) never see it — not worth a dependency.

use crate::check::load_kit;
use crate::common::Outcome;
use handoff_kit::audit::{self, AuditReport, By, Partial, Summary};
use std::io::{BufReader, IsTerminal, Write};

/// Measure handoffs in bulk: an NDJSON export of context packets with outcome fields.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub merge: Option<Merge>,
    /// NDJSON files (one context packet per line, schemas/audit-record.schema.json); '-' reads
    /// standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
    /// The organisation's bundle (schemas, calendars, policies, rubric).
    #[arg(long, value_name = "FILE")]
    pub bundle: Option<String>,
    #[command(flatten)]
    pub output: Output,
}

#[derive(Debug, clap::Subcommand)]
pub enum Merge {
    /// Combine partial summaries (from `handoff audit --partial`) into one report.
    Merge {
        /// Partial summaries (JSON); '-' reads standard input.
        #[arg(value_name = "PARTIAL", required = true)]
        partials: Vec<String>,
        #[command(flatten)]
        output: Output,
    },
}

#[derive(Debug, clap::Args)]
pub struct Output {
    /// The groups the report lists besides teams and scenarios.
    #[arg(long, value_enum, default_value_t = ByArg::Team)]
    pub by: ByArg,
    /// 'text' for a terminal, 'json' (schemas/audit.schema.json), 'html' (one self-contained
    /// page).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = AuditFormat::Text)]
    pub format: AuditFormat,
    /// Write here instead of standard output.
    #[arg(long, value_name = "PATH")]
    pub out: Option<String>,
    /// Write a partial summary (JSON) to merge later with `handoff audit merge`.
    #[arg(long)]
    pub partial: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ByArg {
    Team,
    Scenario,
    Agent,
    Week,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditFormat {
    Text,
    Json,
    Html,
}

impl ByArg {
    fn by(self) -> By {
        match self {
            ByArg::Team => By::Team,
            ByArg::Scenario => By::Scenario,
            ByArg::Agent => By::Agent,
            ByArg::Week => By::Week,
        }
    }
}

pub fn run(args: &Args) -> Outcome {
    if let Some(Merge::Merge { partials, output }) = &args.merge {
        return merge(partials, output);
    }
    if args.files.is_empty() {
        return Err(
            "name at least one NDJSON file, or '-' for standard input (try 'handoff audit --help')"
                .to_string(),
        );
    }
    let kit = load_kit(args.bundle.as_deref())?;
    let mut summary = Summary::default();
    let progress = std::io::stderr().is_terminal();
    for file in &args.files {
        let part = if file == "-" {
            let reader = BufReader::with_capacity(1 << 16, std::io::stdin());
            audit::read_lines(&kit, file, reader, progress_line(progress, file, None))
        } else {
            let handle =
                std::fs::File::open(file).map_err(|e| format!("cannot read {file}: {e}"))?;
            let size = handle.metadata().ok().map(|m| m.len());
            let reader = BufReader::with_capacity(1 << 16, handle);
            audit::read_lines(&kit, file, reader, progress_line(progress, file, size))
        };
        let part = part.map_err(|e| format!("cannot read {file}: {e}"))?;
        if progress {
            eprint!("\r\x1b[2K");
        }
        summary = summary.merge_owned(part);
    }
    write(&args.output, audit::bundle_label(&kit), summary)
}

fn merge(paths: &[String], output: &Output) -> Outcome {
    let mut parts = Vec::with_capacity(paths.len());
    for path in paths {
        let text = crate::common::read(path)?;
        // One partial, or several one per line (as Spark's saveAsTextFile writes them).
        match Partial::from_json(path, &text) {
            Ok(partial) => parts.push((path.clone(), partial)),
            Err(whole) => {
                let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
                if lines.len() < 2 {
                    return Err(format!("{path}: {whole}"));
                }
                for (n, line) in lines.into_iter().enumerate() {
                    let what = format!("{path}:{}", n + 1);
                    let partial =
                        Partial::from_json(&what, line).map_err(|e| format!("{what}: {e}"))?;
                    parts.push((what, partial));
                }
            }
        }
    }
    let merged = Partial::merge_all(parts).map_err(|e| e.to_string())?;
    write(output, merged.bundle, merged.summary)
}

fn write(output: &Output, bundle: String, summary: Summary) -> Outcome {
    let text = if output.partial {
        serde_json::to_string(&Partial::new(bundle, summary)).map_err(|e| e.to_string())? + "\n"
    } else {
        let report = AuditReport::new(&summary, output.by.by(), &bundle);
        match output.format {
            AuditFormat::Text => audit::text(&report),
            AuditFormat::Html => audit::html(&report),
            AuditFormat::Json => {
                serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n"
            }
        }
    };
    match &output.out {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("cannot write {path}: {e}")),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write the report: {e}"))
        }
    }?;
    Ok(true)
}

/// The progress callback: `\rexport.ndjson: 312 of 1,024 MB (30%)` on standard error.
fn progress_line(show: bool, file: &str, size: Option<u64>) -> impl FnMut(u64) + Send + 'static {
    let file = file.to_string();
    move |read: u64| {
        if !show {
            return;
        }
        let mb = read / 1_000_000;
        let line = match size.filter(|s| *s > 0) {
            Some(size) => format!(
                "{file}: {mb} of {} MB ({}%)",
                size / 1_000_000,
                read.saturating_mul(100) / size
            ),
            None => format!("{file}: {mb} MB"),
        };
        eprint!("\r\x1b[2K{line}");
    }
}
