//! `handoff`: check handoff packets and org bundles from the command line.
//!
//! ```text
//! handoff check FILE… [--bundle FILE] [--now TIME] [--format pretty|json]
//! handoff bundle test BUNDLE [--format pretty|json]
//! handoff audit FILE… [--bundle B] [--by team|scenario|agent|week] [--format text|json|html]
//!               [--out PATH] [--partial]
//! handoff audit merge PARTIAL… [--by …] [--format …] [--out PATH] [--partial]
//! handoff import rt --url URL --user U [--query TICKETSQL] [--out PATH]
//! ```
//! Exit status: 0 when everything passed, 1 when errors were found, 2 on usage or I/O errors.
//!
//! Layout: this file only declares the commands and dispatches; each subcommand lives in its
//! own module under `src/bin/handoff/` (its clap `Args` or `Subcommand` type and its `run`),
//! and returns an [`Outcome`]. To add a command, add a variant to [`Command`], a module, and a
//! match arm in [`main`].

// The CLI is native only. `cargo test --target wasm32-unknown-unknown` (make test-wasm) still
// builds every binary of the package, and the audit's HTTP client and thread pool are not in the
// wasm build, so there the program is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// mimalloc rather than the system allocator: `handoff audit` allocates and frees a few hundred
/// small blocks per line on every core (bench/README.md, "Audit").
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
mod audit;
#[cfg(not(target_arch = "wasm32"))]
mod bundle;
#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod common;
#[cfg(not(target_arch = "wasm32"))]
mod import;
#[cfg(not(target_arch = "wasm32"))]
mod pretty;

#[cfg(not(target_arch = "wasm32"))]
use clap::{CommandFactory, Parser, Subcommand};
#[cfg(not(target_arch = "wasm32"))]
use common::Outcome;
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
/// Check customer-issue handoffs: schema, quality score and the receiving team's deadline.
#[derive(Debug, Parser)]
#[command(
    name = "handoff",
    version,
    after_help = "Exit status: 0 all valid, 1 errors found, 2 usage or input/output errors."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Subcommand)]
enum Command {
    /// Check context packets: schema, quality score and SLA deadline.
    Check(check::Args),
    /// Work with an org bundle.
    #[command(subcommand)]
    Bundle(bundle::Command),
    /// Measure handoffs in bulk from an NDJSON export (docs/audit.md).
    Audit(audit::Args),
    /// Read a helpdesk's handoffs into audit records (NDJSON).
    #[command(subcommand)]
    Import(import::Command),
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome: Outcome = match &cli.command {
        None => {
            // `handoff` alone prints the help, as `handoff --help` does, and succeeds.
            let _ = Cli::command().print_long_help();
            return ExitCode::SUCCESS;
        }
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Bundle(command)) => bundle::run(command),
        Some(Command::Audit(args)) => audit::run(args),
        Some(Command::Import(command)) => import::run(command),
    };
    common::exit_code(outcome)
}

#[cfg(not(target_arch = "wasm32"))]
#[cfg(test)]
mod tests {
    use super::*;
    use common::Format;

    fn parse(list: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("handoff").chain(list.iter().copied()))
    }

    #[test]
    fn the_command_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_files_and_options() {
        let cli = parse(&[
            "check",
            "a.json",
            "-",
            "--format",
            "json",
            "--now",
            "2026-11-21T10:00:00Z",
        ])
        .unwrap();
        let Some(Command::Check(parsed)) = cli.command else {
            panic!("not check: {cli:?}")
        };
        assert_eq!(parsed.files, ["a.json", "-"]);
        assert_eq!(parsed.format, Format::Json);
        assert_eq!(parsed.now.as_deref(), Some("2026-11-21T10:00:00Z"));
        assert_eq!(parsed.bundle, None);
    }

    #[test]
    fn options_may_come_before_the_files() {
        let cli = parse(&["check", "--bundle", "b.json", "a.json"]).unwrap();
        let Some(Command::Check(parsed)) = cli.command else {
            panic!("not check: {cli:?}")
        };
        assert_eq!(parsed.files, ["a.json"]);
        assert_eq!(parsed.bundle.as_deref(), Some("b.json"));
        assert_eq!(parsed.format, Format::Pretty);
    }

    #[test]
    fn usage_errors_are_reported() {
        let message = |list: &[&str]| parse(list).unwrap_err().to_string();
        assert!(message(&["check", "a", "--format", "xml"]).contains("'xml'"));
        assert!(message(&["check", "a", "--bundle"]).contains("a value is required"));
        assert!(message(&["check", "a", "--colour"]).contains("'--colour'"));
        assert!(message(&["frobnicate"]).contains("'frobnicate'"));
        let help = parse(&["--help"]).unwrap_err();
        assert_eq!(help.kind(), clap::error::ErrorKind::DisplayHelp);
        assert!(parse(&[]).unwrap().command.is_none());
    }
}
