//! `handoff bundle …`: commands about an org bundle.

use crate::common::Outcome;

/// Work with an org bundle.
#[derive(Debug, clap::Subcommand)]
pub enum Command {}

pub fn run(command: &Command) -> Outcome {
    match *command {}
}
