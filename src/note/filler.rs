//! The packet a note fills, and the words behind each of its fields: what the readers of
//! sections (`fill.rs`) and of list items and environments (`item.rs`, `environment.rs`)
//! write to.

use super::draft::{Draft, Obj};
use super::html::Link;
use super::section::offset;
use super::spans::Spans;
use super::value;
use crate::diagnostic::{Diagnostic, Severity, Source, Span};

/// The packet being built, with byte spans into the note text.
pub(crate) struct Filler<'a> {
    text: &'a str,
    /// Links of an HTML note (their words and address).
    links: &'a [Link],
    pub packet: Obj<'a>,
    /// JSON Pointer → byte range of the words that filled it (or an insertion point); UTF-16
    /// offsets once the note is read.
    pub spans: Spans,
    pub diagnostics: Vec<(Diagnostic, (usize, usize))>,
    /// Texts under unknown headings, in order (`other_sections` once the note is read).
    pub other_sections: Vec<Draft<'a>>,
}

impl<'a> Filler<'a> {
    pub(crate) fn new(text: &'a str, links: &'a [Link]) -> Self {
        Filler {
            text,
            links,
            packet: Obj::new(),
            // A list item fills a pointer or two per line; prose fills fewer.
            spans: Spans::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1),
            diagnostics: Vec::new(),
            other_sections: Vec::new(),
        }
    }

    /// The byte range of `words` (a slice of the note text).
    pub(crate) fn range(&self, words: &str) -> (usize, usize) {
        let start = offset(self.text, words);
        (start, start + words.len())
    }

    /// Remembers that `words` filled `pointer` (the first words win).
    pub(crate) fn mark(&mut self, pointer: &str, words: &str) {
        let (start, end) = self.range(words);
        // An empty heading's insertion point gives way to words written later.
        self.spans
            .set(pointer, Span { start, end }, |old| old.start != old.end);
    }

    /// [`Filler::mark`] for `pointer` extended by the token `child`.
    pub(crate) fn mark_child(&mut self, pointer: &str, child: &str, words: &str) {
        let (start, end) = self.range(words);
        self.spans
            .set_child(pointer, child, Span { start, end }, |old| {
                old.start != old.end
            });
    }

    /// The first web address in `words`: written out, or behind a link of an HTML note.
    /// Returns the words to underline and the address.
    pub(crate) fn link_in<'w>(&self, words: &'w str) -> Option<(&'w str, String)> {
        if let Some(url) = value::link(words) {
            return Some((url, url.to_string()));
        }
        let (start, end) = self.range(words);
        // Links are in text order and do not overlap: the search starts at the first one at
        // or after `words` instead of at the first of the note.
        let from = self.links.partition_point(|l| l.start < start);
        let link = self.links[from..]
            .iter()
            .take_while(|l| l.start <= end)
            .find(|l| l.end <= end && l.start < l.end)?;
        let shown = words.get(link.start - start..link.end - start)?;
        let href = link.href.trim();
        (href.starts_with("http://") || href.starts_with("https://"))
            .then(|| (shown, href.to_string()))
    }

    /// [`Filler::mark`] for item `index` of the list at `pointer`.
    pub(crate) fn mark_item(&mut self, pointer: &str, index: usize, words: &str) {
        let (start, end) = self.range(words);
        self.spans
            .set_item(pointer, index, Span { start, end }, |old| {
                old.start != old.end
            });
    }

    /// Reports words the parser could not map to a value for `pointer`.
    pub(crate) fn unreadable(&mut self, pointer: &str, words: &str, message: String, hint: String) {
        let range = self.range(words);
        let diagnostic = Diagnostic::new(
            super::NOTE_UNREADABLE_VALUE.code,
            Severity::Warning,
            Source::Rubric,
            pointer,
            message,
        )
        .with_hint(hint);
        self.diagnostics.push((diagnostic, range));
    }
}
