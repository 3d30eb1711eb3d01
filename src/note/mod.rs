//! Reading free-text handoff notes (plain text, Markdown, or a rich editor's HTML) into a
//! context packet, with the span of the words behind every field.
//!
//! Agents write handoffs as notes in their helpdesk, not JSON. [`parse`] cuts a note into
//! sections by its headings, reads each section into its packet field, and never fails.
//! [`template`] writes the blank note for a scenario; [`merge_context`] adds what the page
//! knows (ticket id, teams, times) where the note is silent.
//!
//! What a note may contain:
//! - **Headings**, any case: `Summary:`, `**Owner:** Dana`, `## Next steps`, `Tried - …`, a
//!   value on the heading's line or on the lines below. Built-in words in English with German,
//!   French and Spanish synonyms (see `field.rs`), plus the bundle's ([`NoteConfig`]). In HTML,
//!   an `<h1>`…`<h6>` or an all-bold short line is a heading without a colon too.
//! - **Unknown headings** (a Markdown `#` heading, a bold line, a short line ending in `:`):
//!   their text goes to `other_sections[] { heading, text }`, never lost. Text before the
//!   first heading is the summary when there is no summary heading, else kept the same way.
//! - **Lists**: one item per line, `-`/`*`/`•`/`1.` bullets dropped, `none` for an empty list.
//!   Actions "Checked the invoice → two charges" (also `->`, "– result:", ": ") become
//!   `{ action, outcome }`; next steps "Refund — Dana, by 2026-11-27" `{ action, owner, due }`;
//!   documents "invoice.pdf (from customer)" `{ name, url, provided_by }`.
//! - **Values in words**: moods ("furious" → angry), urgency ("ASAP" → urgent), yes/no,
//!   owners "Dana Kim (Finance) <dana@example.com>", amounts "49,00 €", counts, shares, links.
//!   Words that cannot be read give `rubric/note-unreadable-value` and leave the field unset.
//!
//! Spans are UTF-16 offsets (JavaScript string indices) into [`ParsedNote::text`], which for
//! HTML is the text the browser shows (`innerText`, see [`html`]), so a UI can underline the
//! exact words or point where a missing section should go.

mod amount;
mod choice;
mod config;
mod context;
mod draft;
mod entity;
mod environment;
mod field;
mod fill;
mod filler;
mod heading;
pub mod html;
mod item;
mod section;
mod spans;
mod tag;
mod template;
mod value;

pub use config::NoteConfig;
pub use context::merge_context;
pub use spans::Spans;
pub use template::template;

use crate::diagnostic::{Diagnostic, Severity, Source, Span};
use crate::rules::RuleDoc;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `rubric/note-unreadable-value`: words under a heading that cannot become the field's value.
pub const NOTE_UNREADABLE_VALUE: RuleDoc = RuleDoc {
    code: "rubric/note-unreadable-value",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "A value in a handoff note that the kit cannot map to its field: a mood that is not a known mood word, a yes/no that is neither, an amount without a number or currency, a link without an address, a document whose provider is unclear. The span underlines the words.",
    why: "The receiving team filters, routes and times the case on these fields; a value the kit cannot read is a value their tools cannot use either.",
    example: "`Customer mood: meh` → \"“meh” under “Customer mood” is not something the kit can read as one of: calm, neutral, concerned, frustrated, angry.\"",
};

/// `rubric/note-invalid-setting`: the bundle's `notes` section cannot be used.
pub const NOTE_INVALID_SETTING: RuleDoc = RuleDoc {
    code: "rubric/note-invalid-setting",
    source: Source::Rubric,
    severity: Severity::Error,
    what: "A setting in the bundle's `notes` section that the kit cannot use: a heading list that is not a list of short phrases, a field key that is not a dotted packet path, one heading given to two fields, a language that is not a language code. The path points inside the bundle.",
    why: "Headings decide which words of every agent's note fill which field; an ambiguous heading would silently put words in the wrong place.",
    example: "`notes.headings: { \"owner\": [\"Lead\"], \"owner.team\": [\"Lead\"] }` → \"The heading 'Lead' is given to both 'owner' and 'owner.team'; give it to one field.\"",
};

/// Codes this module emits.
pub const RULES: &[RuleDoc] = &[NOTE_UNREADABLE_VALUE, NOTE_INVALID_SETTING];

/// How the note text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteFormat {
    /// Plain text or Markdown.
    #[default]
    Text,
    /// The HTML a rich-text editor emits (CKEditor 5, Redactor, Summernote, TinyMCE, …).
    Html,
}

/// A note read into a packet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedNote {
    /// The packet the note describes (only what the note says; see [`merge_context`]).
    pub packet: Value,
    /// Values the parser could not read (`rubric/note-unreadable-value`), with spans.
    pub diagnostics: Vec<Diagnostic>,
    /// The text the agent sees; for HTML, the rendered text (`innerText`).
    pub text: String,
    /// JSON Pointer → span (UTF-16) of the words that filled it; an empty section's field
    /// points right after its heading. Listed in the order the note filled them.
    pub spans: Spans,
    /// Where a missing section should be written: after the last section (UTF-16).
    pub insert_at: usize,
}

/// Refuses a note past [`crate::limits::NOTE_BYTES`] (an error of kind `limit`), before any
/// work on it: what the entry points that return a `Result` call first.
pub fn check_size(text: &str) -> crate::error::Result<()> {
    crate::error::check_bytes("note-bytes", "The note", text, crate::limits::NOTE_BYTES)
}

/// Refuses a note (its text as read: for HTML, the rendered text) past
/// [`crate::limits::NOTE_LINES`], before its sections are read.
fn check_lines(text: &str) -> crate::error::Result<()> {
    let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
    if lines > crate::limits::NOTE_LINES {
        return Err(crate::error::limit_exceeded(
            "note-lines",
            "The note",
            lines as u64,
            "",
        ));
    }
    Ok(())
}

/// A note read, with its packet in the form the caller asked for (a `serde_json::Value`,
/// JSON text, …): what [`read_with`] returns.
pub(crate) struct Read<P> {
    pub packet: P,
    pub diagnostics: Vec<Diagnostic>,
    /// The text the agent sees, when asked for (else empty).
    pub text: String,
    pub spans: Spans,
    pub insert_at: usize,
}

impl<P> Read<P> {
    /// Sets `span` on each diagnostic that has none, from its `path` (as
    /// [`ParsedNote::attach_spans`]).
    pub(crate) fn attach_spans(&self, diagnostics: &mut [Diagnostic]) {
        attach_spans(&self.spans, self.insert_at, diagnostics);
    }
}

/// How the packet a note filled is handed back: `finish` gets it as an object being filled
/// (written by [`PacketDraft::write_json`] or turned into a value by
/// [`PacketDraft::into_value`]), as the note alone filled it; a caller that knows the page's
/// `context` merges it under the note's words with [`PacketDraft::merge_context`] first.
pub(crate) struct PacketDraft<'w>(draft::Obj<'w>);

impl PacketDraft<'_> {
    /// Adds what the page knows where the note is silent (as [`merge_context`]).
    pub(crate) fn merge_context(&mut self, context: &Value) {
        context::merge_into_draft(&mut self.0, context);
    }

    /// The packet as compact JSON text, appended to `out` (the same text as
    /// `serde_json::to_vec` of [`PacketDraft::into_value`]).
    pub(crate) fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        serde_json::to_writer(out, &self.0)
    }

    pub(crate) fn into_value(self) -> Value {
        Value::Object(self.0.into_map())
    }
}

/// Reads a note. Never fails: any text gives a `ParsedNote` (no ceiling is held here; the
/// kit's entry points read notes with [`parse_within_limits`]).
pub fn parse(text: &str, format: NoteFormat, config: &NoteConfig) -> ParsedNote {
    match read(
        text,
        format,
        config,
        |_| Ok::<(), std::convert::Infallible>(()),
        true,
        |p| p.into_value(),
    ) {
        Ok(note) => note.into(),
        Err(never) => match never {},
    }
}

/// Reads a note within the `note-lines` ceiling (kind `limit`), checked on the text as read
/// (for HTML, the rendered text) before any section is read.
pub fn parse_within_limits(
    text: &str,
    format: NoteFormat,
    config: &NoteConfig,
) -> crate::error::Result<ParsedNote> {
    read(text, format, config, check_lines, true, |p| p.into_value()).map(Into::into)
}

/// [`parse_within_limits`] with the packet handed to `finish` as it was filled, instead of
/// built as a `serde_json::Value`: `check_note` writes it straight to JSON text, without the
/// value's memory (a map node per object, a string per word). The text is in the answer only
/// when `keep_text`.
pub(crate) fn read_with<P>(
    text: &str,
    format: NoteFormat,
    config: &NoteConfig,
    keep_text: bool,
    finish: impl FnOnce(PacketDraft<'_>) -> P,
) -> crate::error::Result<Read<P>> {
    read(text, format, config, check_lines, keep_text, finish)
}

impl From<Read<Value>> for ParsedNote {
    fn from(note: Read<Value>) -> Self {
        ParsedNote {
            packet: note.packet,
            diagnostics: note.diagnostics,
            text: note.text,
            spans: note.spans,
            insert_at: note.insert_at,
        }
    }
}

/// Reads a note; `check` sees the text as read before its sections are.
fn read<E, P>(
    text: &str,
    format: NoteFormat,
    config: &NoteConfig,
    check: impl Fn(&str) -> std::result::Result<(), E>,
    keep_text: bool,
    finish: impl FnOnce(PacketDraft<'_>) -> P,
) -> std::result::Result<Read<P>, E> {
    // A text note is read where it is; only an HTML one is rendered into a text of its own.
    let mut rendered = match format {
        NoteFormat::Text => html::Rendered::default(),
        NoteFormat::Html => html::render_marked(text),
    };
    let rendered_text = std::mem::take(&mut rendered.text);
    let text = match format {
        NoteFormat::Text => text,
        NoteFormat::Html => rendered_text.as_str(),
    };
    check(text)?;
    let sections = section::split(text, config, &|start, end| rendered.mark(start, end));
    let mut filler = filler::Filler::new(text, &rendered.links);
    filler.fill(&sections, config);
    let units = Utf16::new(text);
    let mut spans = std::mem::take(&mut filler.spans);
    spans.settle();
    spans.map_spans(|s| units.span(s.start, s.end));
    let diagnostics = filler
        .diagnostics
        .into_iter()
        .map(|(mut d, (s, e))| {
            d.span = Some(units.span(s, e));
            d
        })
        .collect();
    let insert_at = units.at(text.trim_end().len());
    drop(units);
    let packet = finish(PacketDraft(filler.packet));
    drop(sections);
    let text = match format {
        _ if !keep_text => String::new(),
        NoteFormat::Text => text.to_string(),
        NoteFormat::Html => rendered_text,
    };
    Ok(Read {
        packet,
        diagnostics,
        spans,
        insert_at,
        text,
    })
}

impl ParsedNote {
    /// The span of the words behind `path` (a JSON Pointer into the packet). For a field the
    /// note does not fill: the span of its nearest ancestor that it does fill, else the
    /// place where that section should go (`start == end`): right after its heading when
    /// the heading is there but empty, otherwise after the last section.
    pub fn span_for(&self, path: &str) -> Option<Span> {
        Some(span_for(&mut |p| self.spans.get(p), self.insert_at, path))
    }

    /// Sets `span` on each diagnostic that has none, from its `path`.
    pub fn attach_spans(&self, diagnostics: &mut [Diagnostic]) {
        attach_spans(&self.spans, self.insert_at, diagnostics);
    }
}

fn span_for(get: &mut impl FnMut(&str) -> Option<Span>, insert_at: usize, path: &str) -> Span {
    let mut pointer = path;
    loop {
        if let Some(span) = get(pointer) {
            return span;
        }
        match pointer.rfind('/') {
            Some(parent) => pointer = pointer.get(..parent).unwrap_or(""),
            None => break,
        }
    }
    Span {
        start: insert_at,
        end: insert_at,
    }
}

fn attach_spans(spans: &Spans, insert_at: usize, diagnostics: &mut [Diagnostic]) {
    let mut finder = spans.finder(diagnostics.len());
    let mut get = |pointer: &str| finder.get(pointer);
    for diagnostic in diagnostics.iter_mut().filter(|d| d.span.is_none()) {
        diagnostic.span = Some(span_for(&mut get, insert_at, &diagnostic.path));
    }
}

/// Byte offsets → UTF-16 offsets for one text: the count at every 32nd byte, and the bytes
/// after it counted on each question (an entry per character took 16 bytes per byte of note).
struct Utf16<'t> {
    text: &'t [u8],
    /// UTF-16 units of the characters that start before byte `32 * i`.
    blocks: Vec<usize>,
    /// Whether block `i` is all ASCII (one unit per byte, nothing to count).
    ascii: Vec<bool>,
}

const UTF16_BLOCK: usize = 32;

/// UTF-16 units of the characters that start in `bytes`: one per leading byte, and one more
/// for each four-byte one (a surrogate pair).
fn utf16_units(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

impl<'t> Utf16<'t> {
    fn new(text: &'t str) -> Self {
        let text = text.as_bytes();
        let mut blocks = Vec::with_capacity(text.len() / UTF16_BLOCK + 1);
        let mut ascii = Vec::with_capacity(text.len() / UTF16_BLOCK + 1);
        let mut units = 0;
        for block in text.chunks(UTF16_BLOCK) {
            blocks.push(units);
            ascii.push(block.is_ascii());
            units += utf16_units(block);
        }
        blocks.push(units);
        Utf16 {
            text,
            blocks,
            ascii,
        }
    }

    /// The UTF-16 offset of a byte offset (rounded down to a character boundary).
    fn at(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while byte > 0 && byte < self.text.len() && self.text[byte] & 0xC0 == 0x80 {
            byte -= 1;
        }
        let block = byte / UTF16_BLOCK;
        let first = self.blocks[block];
        if self.ascii.get(block) == Some(&true) {
            return first + byte % UTF16_BLOCK;
        }
        first + utf16_units(&self.text[block * UTF16_BLOCK..byte])
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span {
            start: self.at(start),
            end: self.at(end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let units = Utf16::new("a😡é b");
        assert_eq!(units.at(0), 0);
        assert_eq!(units.at(1), 1);
        assert_eq!(units.at(5), 3);
        assert_eq!(units.at(7), 4);
        assert_eq!(units.at(9), 6);
        assert_eq!(units.at(99), 6);
    }

    #[test]
    fn utf16_offsets_of_a_long_text_match_a_count_per_character() {
        // Blocks of 32 bytes: characters of every width straddle their edges.
        let text = "aé€😡 ".repeat(40);
        let units = Utf16::new(&text);
        let mut expected = 0;
        for (byte, c) in text.char_indices() {
            assert_eq!(units.at(byte), expected, "{byte}");
            for inside in 1..c.len_utf8() {
                assert_eq!(units.at(byte + inside), expected, "{byte}+{inside}");
            }
            expected += c.len_utf16();
        }
        assert_eq!(units.at(text.len()), expected);
    }

    #[test]
    fn any_text_parses() {
        let config = NoteConfig::default();
        for text in [
            "",
            "\n\n",
            "Owner:",
            "::::",
            "→",
            "**",
            "# ",
            "Tried:\n- →\n- ->x\n-",
            "Amount: €",
            "Docs:\n(from)",
        ] {
            let note = parse(text, NoteFormat::Text, &config);
            assert_eq!(note.text, text);
            assert!(note.packet.is_object());
        }
    }
}
