//! `handoff bundle …`: commands about an org bundle.
//!
//! `handoff bundle test BUNDLE [--format pretty|json]` runs the bundle's regression cases
//! (`cases`): exit 0 when every case passes, 1 when one fails, 2 on a usage or input error
//! (including a bundle that is not valid).

use crate::check::load_kit;
use crate::common::{stdout_is_colour_terminal, Format, Outcome};
use crate::pretty::Style;
use handoff_kit::cases::CaseResult;
use std::io::Write;

/// Work with an org bundle.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Run the bundle's regression cases (its `cases` section).
    Test(TestArgs),
}

#[derive(Debug, clap::Args)]
pub struct TestArgs {
    /// The org bundle (JSON); '-' reads standard input.
    #[arg(value_name = "BUNDLE")]
    pub bundle: String,
    /// 'pretty' for people, 'json' for programs: [{"name", "passed", "failures", "report"}]
    /// (each report as schemas/report.schema.json, or null when the case could not be checked).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Pretty)]
    pub format: Format,
}

pub fn run(command: &Command) -> Outcome {
    match command {
        Command::Test(args) => test(args),
    }
}

fn test(args: &TestArgs) -> Outcome {
    let kit = load_kit(Some(&args.bundle))?;
    let results = kit.run_cases();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Json => serde_json::to_string_pretty(&results)
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(out, "{json}")),
        Format::Pretty => {
            let (name, version) = kit.bundle();
            let style = Style {
                colour: stdout_is_colour_terminal(),
            };
            write_results(&mut out, &format!("{name} {version}"), &results, &style)
        }
    };
    written.map_err(|e| format!("cannot write output: {e}"))?;
    Ok(results.iter().all(|result| result.passed))
}

fn write_results(
    out: &mut impl Write,
    bundle: &str,
    results: &[CaseResult],
    style: &Style,
) -> std::io::Result<()> {
    if results.is_empty() {
        return writeln!(
            out,
            "{bundle}: no regression cases (add some under \"cases\")"
        );
    }
    writeln!(out, "{}", style.paint("1", bundle))?;
    for result in results {
        let mark = match result.passed {
            true => style.paint("32", "pass"),
            false => style.paint("31;1", "FAIL"),
        };
        writeln!(out, "  {mark}  {}", result.name)?;
        for failure in &result.failures {
            writeln!(out, "        {}", style.paint("2", failure))?;
        }
    }
    let failed = results.iter().filter(|r| !r.passed).count();
    writeln!(out, "{} passed, {failed} failed", results.len() - failed)
}
