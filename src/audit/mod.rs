//! The audit: many handoffs at once — an export of context packets (NDJSON, one per line, with
//! the outcome fields of `schemas/audit-record.schema.json`) checked line by line through the
//! [`Kit`] and added up into a mergeable [`Summary`], whose figures ([`AuditReport`]) render
//! as JSON (`schemas/audit.schema.json`), text or one self-contained HTML file.
//!
//! - [`Auditor`]: push lines one at a time (the npm package's streaming `kit.auditor()`).
//! - [`read_lines`] (native only): a reader streamed in chunks over every core (rayon).
//! - [`Partial`]: a summary written out (`handoff audit --partial`) and merged later
//!   (`handoff audit merge`), exactly equal to auditing all the input at once.

mod counts;
mod record;
mod render;
mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod rt;
#[cfg(not(target_arch = "wasm32"))]
mod stream;
mod summary;
#[cfg(test)]
mod tests;

pub use counts::Counts;
pub use record::{read as read_record, Handoff, Record, SlaOutcome};
pub use render::{html, text};
pub use report::{AuditReport, By};
#[cfg(not(target_arch = "wasm32"))]
pub use stream::read_lines;
pub use summary::{ticket_key, BadLine, CheckTally, Group, Location, SlaTally, Summary, Ticket};

use crate::error::{Error, Result};
use crate::kit::Kit;
use serde::{Deserialize, Serialize};

/// `name@version` of the kit's bundle: partial summaries merge only with the same bundle.
pub fn bundle_label(kit: &Kit) -> String {
    let (name, version) = kit.bundle();
    format!("{name}@{version}")
}

/// Counts one line (1-based `line` of `file`): blank lines are skipped, a line that cannot be
/// read is counted as bad with its reason.
pub fn add_line(kit: &Kit, summary: &mut Summary, file: &str, line: u64, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    match record::read(kit, text) {
        Ok(record) => {
            let at = summary::At {
                file,
                line,
                ticket: record.ticket.as_deref(),
            };
            summary.add_at(&record, at);
        }
        Err(message) => summary.add_bad(file, line, message),
    }
}

/// Audits lines pushed one at a time, in constant memory apart from the summary itself.
pub struct Auditor {
    kit: Kit,
    file: String,
    line: u64,
    summary: Summary,
}

impl Auditor {
    pub fn new(kit: Kit) -> Auditor {
        Auditor {
            kit,
            file: "-".to_string(),
            line: 0,
            summary: Summary::default(),
        }
    }

    /// Lines pushed from now on belong to `file`, numbered from 1.
    pub fn start_file(&mut self, file: &str) {
        self.file = file.to_string();
        self.line = 0;
    }

    /// Counts the next line (without its line break).
    pub fn push(&mut self, text: &str) {
        self.line += 1;
        add_line(&self.kit, &mut self.summary, &self.file, self.line, text);
    }

    /// Counts every line of `text` (lines end at `\n`; a `\r` before it is dropped).
    pub fn push_text(&mut self, text: &str) {
        for line in text.split('\n') {
            self.push(line.strip_suffix('\r').unwrap_or(line));
        }
    }

    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    pub fn finish(self) -> Summary {
        self.summary
    }
}

/// A summary written out to be merged later: `{"kind": "audit-partial", "bundle", "summary"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partial {
    pub kind: String,
    pub bundle: String,
    pub summary: Summary,
}

impl Partial {
    pub fn new(bundle: String, summary: Summary) -> Partial {
        Partial {
            kind: "audit-partial".to_string(),
            bundle,
            summary,
        }
    }

    /// Reads a partial summary (`what` names it in errors).
    pub fn from_json(what: &str, text: &str) -> Result<Partial> {
        let partial: Partial = serde_json::from_str(text).map_err(|e| Error::json(what, &e))?;
        if partial.kind != "audit-partial" {
            return Err(Error::new(
                "input",
                format!("{what} is not a partial audit (written by `handoff audit --partial`)."),
            ));
        }
        Ok(partial)
    }

    /// Merges partial summaries; they must come from the same bundle.
    pub fn merge_all(parts: Vec<(String, Partial)>) -> Result<Partial> {
        let mut merged: Option<Partial> = None;
        for (what, part) in parts {
            merged = Some(match merged {
                None => part,
                Some(mut acc) => {
                    if acc.bundle != part.bundle {
                        return Err(Error::new(
                            "input",
                            format!(
                                "{what} was audited with the bundle {}, the others with {}: audit every part with the same bundle.",
                                part.bundle, acc.bundle
                            ),
                        ));
                    }
                    acc.summary = acc.summary.merge_owned(part.summary);
                    acc
                }
            });
        }
        merged.ok_or_else(|| Error::new("input", "Name at least one partial audit to merge."))
    }
}
