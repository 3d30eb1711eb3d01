//! Reading and checking handoff notes with the kit (see `crate::note`).

use super::{CheckOptions, Kit};
use crate::error::Result;
use crate::note::{NoteFormat, ParsedNote};
use crate::report::Report;
use serde_json::Value;

impl Kit {
    /// The blank note an agent fills in for a scenario (the base template for unknown ones).
    pub fn note_template(&self, scenario: &str) -> String {
        crate::note::template(scenario, &self.core.notes)
    }

    /// Reads a handoff note (plain text, Markdown or an editor's HTML) into a packet. Fails only
    /// past the `note-bytes` and `note-lines` ceilings (kind `limit`): what cannot be read
    /// becomes a diagnostic, text under unknown headings is kept.
    pub fn parse_note(&self, text: &str, format: NoteFormat) -> Result<ParsedNote> {
        crate::note::check_size(text)?;
        crate::note::parse_within_limits(text, format, &self.core.notes)
    }

    /// [`Kit::parse_note`] with the packet handed to `finish` as the note reader filled it
    /// (see [`crate::note::read_with`]): for the entry points that write it out as JSON text.
    pub(crate) fn read_note<P>(
        &self,
        text: &str,
        format: NoteFormat,
        keep_text: bool,
        finish: impl FnOnce(crate::note::PacketDraft<'_>) -> P,
    ) -> Result<crate::note::Read<P>> {
        crate::note::check_size(text)?;
        crate::note::read_with(text, format, &self.core.notes, keep_text, finish)
    }

    /// Checks a note: parses it, fills in what the page knows (`context`: ticket id, teams,
    /// times; the note wins where both say something), and returns the report with every
    /// diagnostic's `span` pointing into the text the agent sees.
    pub fn check_note(
        &self,
        text: &str,
        format: NoteFormat,
        context: &Value,
        options: &CheckOptions,
    ) -> Result<Report> {
        // The packet goes from the note reader straight to JSON text (as `check` would write
        // it), without a `serde_json::Value` between: building and writing one was most of the
        // memory traffic of a large note.
        let mut parsed = self.read_note(text, format, false, |mut packet| {
            packet.merge_context(context);
            let mut json = Vec::new();
            packet.write_json(&mut json).map(|()| json)
        })?;
        let packet = std::mem::replace(&mut parsed.packet, Ok(Vec::new()))
            .ok()
            // serde_json writes UTF-8 only.
            .and_then(|json| String::from_utf8(json).ok())
            .ok_or_else(|| {
                crate::error::Error::new("internal", "Could not write the note's packet as JSON.")
            })?;
        let mut report = self.check_any_size(&packet, options)?;
        drop(packet);
        parsed.attach_spans(&mut report.diagnostics);
        // The note's own diagnostics first, put in front of the report's without a new copy
        // of them all.
        let mut diagnostics = report.diagnostics;
        diagnostics.splice(0..0, std::mem::take(&mut parsed.diagnostics));
        Ok(Report::new(diagnostics, report.score, report.sla))
    }
}
