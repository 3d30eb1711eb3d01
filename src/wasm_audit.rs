//! The audit's wasm facade (`handoff-kit/audit`): bytes of NDJSON in, cut anywhere, the report
//! out as JSON text or HTML. Built only with the cargo feature `wasm-audit`, into its own .wasm
//! (`make npm`, `.ci/package`): the package's main .wasm, which agents and developers load,
//! stays without it (it would add ~18.6 KB brotli to an 800,000-byte budget; docs/audit.md).
//!
//! Lines are cut as the CLI's reader cuts them (`audit::read_lines`): a line ends at `\n` (a
//! `\r` before it is dropped), a line of more than [`LINE_BYTES`] is bad and is not kept in
//! memory, a line that is not UTF-8 is bad. So a push may end anywhere, even inside a line or
//! a UTF-8 sequence, and the figures equal `handoff audit FILE`'s.

use super::{throw, to_json, Live};
use crate::audit::{add_line, AuditReport, By, Summary};
use crate::error::Error;
use crate::kit::Kit;
use wasm_bindgen::prelude::*;

/// A line longer than this is bad (the packet ceiling), as in the CLI.
const LINE_BYTES: usize = crate::limits::PACKET_BYTES;

/// An audit in progress (JS: wrapped by `Auditor` of `handoff-kit/audit`).
#[wasm_bindgen]
pub struct RawAuditor {
    kit: Kit,
    bundle: String,
    summary: Summary,
    lines: Lines,
    _live: Live,
}

/// Where the input is: the current file, its lines met so far, the unfinished line.
#[derive(Clone)]
struct Lines {
    /// The name examples and bad lines give (`-` unless the caller names it).
    file: String,
    /// Lines of `file` met so far (the next line is `line + 1`).
    line: u64,
    /// The start of a line whose end has not been pushed yet.
    carry: Vec<u8>,
    /// The carried line passed [`LINE_BYTES`]: its bytes are dropped until its end.
    overlong: bool,
}

#[wasm_bindgen]
impl RawAuditor {
    /// `bundle_json`: the org bundle as JSON text, or nothing for the built-in schemas; `file`:
    /// the name of the first file (its lines are numbered from 1).
    #[wasm_bindgen(constructor)]
    pub fn new(bundle_json: Option<String>, file: String) -> Result<RawAuditor, JsValue> {
        let kit = match bundle_json {
            Some(text) => Kit::from_json(&text),
            None => Kit::builtin(),
        }
        .map_err(throw)?;
        Ok(RawAuditor {
            bundle: crate::audit::bundle_label(&kit),
            kit,
            summary: Summary::default(),
            lines: Lines {
                file,
                line: 0,
                carry: Vec::new(),
                overlong: false,
            },
            _live: Live::new(),
        })
    }

    /// The next bytes of the current file, cut anywhere.
    pub fn push(&mut self, bytes: &[u8]) {
        self.lines.push(&self.kit, &mut self.summary, bytes);
    }

    /// Ends the current file (its last line may lack a line break) and starts `file`, whose
    /// lines are numbered from 1.
    #[wasm_bindgen(js_name = startFile)]
    pub fn start_file(&mut self, file: String) {
        self.lines.end(&self.kit, &mut self.summary);
        self.lines.file = file;
        self.lines.line = 0;
    }

    /// Lines met so far in the current file, the unfinished one not included.
    pub fn lines(&self) -> f64 {
        self.lines.line as f64
    }

    /// The report of everything pushed so far, JSON text (`schemas/audit.schema.json`) or one
    /// HTML page. An unfinished last line counts as the file's last line, and stays there for
    /// the next push to continue.
    pub fn report(&self, by: &str, html: bool) -> Result<String, JsValue> {
        let by = By::parse(by).ok_or_else(|| {
            throw(Error::new(
                "input",
                format!("by must be team, scenario, agent or week, not \"{by}\"."),
            ))
        })?;
        let ended;
        let summary = if self.lines.pending() {
            let mut summary = self.summary.clone();
            self.lines.clone().end(&self.kit, &mut summary);
            ended = summary;
            &ended
        } else {
            &self.summary
        };
        let report = AuditReport::new(summary, by, &self.bundle);
        if html {
            Ok(crate::audit::html(&report))
        } else {
            to_json(&report)
        }
    }
}

impl Lines {
    fn push(&mut self, kit: &Kit, summary: &mut Summary, bytes: &[u8]) {
        let mut rest = bytes;
        while let Some(at) = rest.iter().position(|&b| b == b'\n') {
            let (head, tail) = rest.split_at(at);
            if self.pending() {
                self.extend_carry(head);
                let line = std::mem::take(&mut self.carry);
                self.count(kit, summary, &line, true);
                // Keep the buffer's capacity for the next cut line.
                self.carry = line;
                self.carry.clear();
            } else {
                self.count(kit, summary, head, true);
            }
            rest = &tail[1..];
        }
        self.extend_carry(rest);
    }

    /// Whether a line was started and not ended.
    fn pending(&self) -> bool {
        !self.carry.is_empty() || self.overlong
    }

    /// Counts the unfinished line, if any, as the file's last (no line break after it).
    fn end(&mut self, kit: &Kit, summary: &mut Summary) {
        if self.pending() {
            let line = std::mem::take(&mut self.carry);
            self.count(kit, summary, &line, false);
        }
    }

    /// Adds `bytes` to the unfinished line, or drops them once it is past the ceiling.
    fn extend_carry(&mut self, bytes: &[u8]) {
        if self.overlong || bytes.is_empty() {
            return;
        }
        if self.carry.len() + bytes.len() > LINE_BYTES {
            self.carry = Vec::new();
            self.overlong = true;
        } else {
            self.carry.extend_from_slice(bytes);
        }
    }

    /// Counts one line (without its `\n`; `ended`: a `\n` followed it).
    fn count(&mut self, kit: &Kit, summary: &mut Summary, bytes: &[u8], ended: bool) {
        self.line += 1;
        if std::mem::take(&mut self.overlong) || bytes.len() > LINE_BYTES {
            let size = LINE_BYTES as u64 + 1;
            let message = crate::limits::message("packet-bytes", "The line", size, "");
            summary.add_bad(&self.file, self.line, message);
            return;
        }
        let bytes = match bytes {
            [text @ .., b'\r'] if ended => text,
            _ => bytes,
        };
        match std::str::from_utf8(bytes) {
            Ok(text) => add_line(kit, summary, &self.file, self.line, text),
            Err(_) => {
                let message = "The line is not UTF-8 text.".to_string();
                summary.add_bad(&self.file, self.line, message);
            }
        }
    }
}
