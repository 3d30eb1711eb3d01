//! What every subcommand shares: reading inputs, the output format, the exit status.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

/// What a subcommand ends with: `Ok(true)` when everything passed (exit 0), `Ok(false)` when
/// it found errors (exit 1), `Err(message)` on a usage or input/output error (exit 2).
pub type Outcome = Result<bool, String>;

/// Prints an error's message and turns an [`Outcome`] into the exit status.
pub fn exit_code(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("handoff: {message}");
            ExitCode::from(2)
        }
    }
}

/// `--format`: for people or for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable text, coloured on a terminal unless NO_COLOR is set.
    Pretty,
    /// JSON for programs.
    Json,
}

/// Reads a file, or standard input for `-`.
pub fn read(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

/// Whether pretty output may use colour: standard output is a terminal and NO_COLOR is unset.
pub fn stdout_is_colour_terminal() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
