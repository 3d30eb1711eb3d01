//! The text a browser shows for the HTML a rich-text editor emits (`innerText`).
//!
//! Spans point into the text the agent sees, so for an HTML note that text must be exactly
//! what `element.innerText` returns in the browser: the content script maps offsets back onto
//! the editor's DOM. This follows the WHATWG `innerText` algorithm for what editors emit:
//! - whitespace collapses as CSS `white-space: normal` does (runs become one space, dropped at
//!   line starts and ends); `&nbsp;` stays a no-break space (U+00A0) as in the browser;
//! - block elements (`div`, `li`, `h1`…`h6`, `ul`, `blockquote`, …) start and end a line, a
//!   `<p>` leaves a blank line around it; adjacent breaks merge, leading and trailing ones drop;
//! - `<br>` is one newline, always (so Summernote's `<p><br></p>` is an empty line);
//! - table cells are separated by a tab, rows by a newline;
//! - `<pre>` keeps its whitespace; comments, `<script>`, `<style>`, `<head>` and `<template>`
//!   show nothing; tags and attributes are never text; character references are decoded.
//!
//! The fixtures in `tests/notes/` carry Chromium's own `innerText` of each editor's HTML.

use super::entity;
use super::tag::{attribute, skip_raw_text, skip_tag};

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Elements whose content the browser never shows.
const HIDDEN: &[&str] = &["head", "template", "noscript"];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes",
];

/// Renders editor HTML to the text the browser shows for it.
pub fn render(html: &str) -> String {
    render_marked(html).text
}

/// Rendered text plus where the HTML marked something as a heading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Rendered {
    pub text: String,
    /// Byte ranges of `text` inside `<h1>`…`<h6>`.
    pub headings: Vec<(usize, usize)>,
    /// Byte ranges of `text` in bold (`<strong>`, `<b>`), adjacent runs merged.
    pub bold: Vec<(usize, usize)>,
    /// Byte ranges of `text` inside `<a href>`, with the address.
    pub links: Vec<Link>,
}

/// A link's words in the rendered text and where it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    pub start: usize,
    pub end: usize,
    pub href: String,
}

impl Rendered {
    /// How the editor marked the line at `start..end` (trimmed, bytes): inside an
    /// `<h1>`…`<h6>`, or all of it bold.
    pub(crate) fn mark(&self, start: usize, end: usize) -> Mark {
        // The ranges are written in text order and do not overlap: only the last one that
        // starts at or before `start` can hold the line (a scan of all of them per line made
        // a long note quadratic).
        let within = |ranges: &[(usize, usize)]| {
            let before = ranges.partition_point(|&(s, _)| s <= start);
            start < end
                && before
                    .checked_sub(1)
                    .and_then(|i| ranges.get(i))
                    .is_some_and(|&(_, e)| end <= e)
        };
        if within(&self.headings) {
            Mark::Heading
        } else if within(&self.bold) {
            Mark::Bold
        } else {
            Mark::None
        }
    }
}

/// How a line of rendered HTML was marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    None,
    /// In an `<h1>`…`<h6>`.
    Heading,
    /// All of it bold.
    Bold,
}

/// [`render`], keeping the heading and bold ranges.
pub(crate) fn render_marked(html: &str) -> Rendered {
    let mut out = Renderer::default();
    let mut rest = html;
    while let Some(lt) = rest.find(['<', '&']) {
        let (before, from) = rest.split_at(lt);
        out.text(before);
        rest = if from.starts_with('&') {
            match entity::decode_at(from) {
                Some((decoded, used)) => {
                    out.text(&decoded);
                    from.get(used..).unwrap_or("")
                }
                None => {
                    out.text("&");
                    from.get(1..).unwrap_or("")
                }
            }
        } else {
            out.markup(from)
        };
    }
    out.text(rest);
    Rendered {
        text: out.out,
        headings: out.headings,
        bold: out.bold,
        links: out.links,
    }
}

/// The output being built, with the pending line breaks and space of the `innerText` model.
#[derive(Default)]
struct Renderer {
    out: String,
    /// Required line break count waiting for the next visible text (merged by maximum).
    breaks: usize,
    /// A collapsed space waiting for the next visible text on the same line.
    space: bool,
    /// Nesting depth of `<pre>`: whitespace kept as written.
    pre: usize,
    /// Nesting depth of hidden elements.
    hidden: usize,
    /// Cells seen in the current table row, rows seen in the current table (innermost last).
    tables: Vec<(usize, usize)>,
    /// Nesting depth of `<h1>`…`<h6>` and of `<strong>`/`<b>`.
    heading_depth: usize,
    bold_depth: usize,
    /// Where the open heading's text starts.
    heading_start: Option<usize>,
    headings: Vec<(usize, usize)>,
    bold: Vec<(usize, usize)>,
    /// The open link's address and where its text starts.
    link: Option<(String, Option<usize>)>,
    links: Vec<Link>,
}

impl Renderer {
    /// Visible text from the document, before whitespace collapsing.
    fn text(&mut self, text: &str) {
        if self.hidden > 0 {
            return;
        }
        for c in text.chars() {
            if self.pre > 0 {
                match c {
                    '\r' => {}
                    '\n' => self.literal("\n"),
                    c => self.visible(c),
                }
            } else if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                if !self.at_line_start() {
                    self.space = true;
                }
            } else {
                self.visible(c);
            }
        }
    }

    fn at_line_start(&self) -> bool {
        self.breaks > 0 || self.out.is_empty() || self.out.ends_with(['\n', '\t'])
    }

    fn flush_breaks(&mut self) {
        if !self.out.is_empty() {
            for _ in 0..self.breaks {
                self.out.push('\n');
            }
        }
        self.breaks = 0;
    }

    fn visible(&mut self, c: char) {
        self.flush_breaks();
        let space = self.space && !self.at_line_start();
        self.space = false;
        if space {
            self.out.push(' ');
        }
        let at = self.out.len();
        self.out.push(c);
        if self.heading_depth > 0 && self.heading_start.is_none() {
            self.heading_start = Some(at);
        }
        if let Some((_, start @ None)) = &mut self.link {
            *start = Some(at);
        }
        if self.bold_depth > 0 {
            let end = self.out.len();
            match self.bold.last_mut() {
                // Extend the last run across the space just written.
                Some(run) if run.1 == at || (space && run.1 + 1 == at) => run.1 = end,
                _ => self.bold.push((at, end)),
            }
        }
    }

    /// A string item of the algorithm (`<br>`'s newline, a cell's tab, a row's newline).
    fn literal(&mut self, s: &str) {
        if self.hidden > 0 {
            return;
        }
        self.flush_breaks();
        self.space = false;
        self.out.push_str(s);
    }

    fn block_edge(&mut self, count: usize) {
        self.space = false;
        self.breaks = self.breaks.max(count);
    }

    /// Handles the markup at the start of `from` (which begins with `<`); returns the rest.
    fn markup<'a>(&mut self, from: &'a str) -> &'a str {
        let after = from.get(1..).unwrap_or("");
        if let Some(comment) = after.strip_prefix("!--") {
            return comment
                .find("-->")
                .map_or("", |end| comment.get(end + 3..).unwrap_or(""));
        }
        if after.starts_with(['!', '?']) {
            return after
                .find('>')
                .map_or("", |end| after.get(end + 1..).unwrap_or(""));
        }
        let (closing, name_from) = match after.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, after),
        };
        if !name_from.starts_with(|c: char| c.is_ascii_alphabetic()) {
            self.text("<");
            return after;
        }
        let name_len = name_from
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(name_from.len());
        let name = name_from.get(..name_len).unwrap_or("").to_ascii_lowercase();
        let after_name = name_from.get(name_len..).unwrap_or("");
        let rest = skip_tag(after_name);
        if closing {
            if name == "a" {
                if let Some((href, Some(start))) = self.link.take() {
                    self.links.push(Link {
                        start,
                        end: self.out.len(),
                        href,
                    });
                }
            }
            self.end_tag(&name);
            return rest;
        }
        if name == "a" && self.hidden == 0 {
            let attributes = after_name
                .get(..after_name.len() - rest.len())
                .unwrap_or("");
            self.link = attribute(attributes, "href").map(|href| (href, None));
        }
        if RAW_TEXT.contains(&name.as_str()) {
            return skip_raw_text(rest, &name);
        }
        self.start_tag(&name);
        rest
    }

    fn start_tag(&mut self, name: &str) {
        if HIDDEN.contains(&name) {
            self.hidden += 1;
            return;
        }
        match name {
            "br" => self.literal("\n"),
            "p" => self.block_edge(2),
            "strong" | "b" => self.bold_depth += 1,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.block_edge(1);
                self.heading_depth += 1;
            }
            "pre" => {
                self.block_edge(1);
                self.pre += 1;
            }
            "table" => {
                self.block_edge(1);
                self.tables.push((0, 0));
            }
            "tr" => {
                if let Some((cells, rows)) = self.tables.last_mut() {
                    let first = *rows == 0;
                    *rows += 1;
                    *cells = 0;
                    if !first {
                        self.literal("\n");
                    }
                }
            }
            "td" | "th" => {
                if let Some((cells, _)) = self.tables.last_mut() {
                    let first = *cells == 0;
                    *cells += 1;
                    if !first {
                        self.literal("\t");
                    }
                }
            }
            "body" => {
                self.hidden = 0;
                self.block_edge(1);
            }
            name if BLOCKS.contains(&name) => self.block_edge(1),
            _ => {}
        }
    }

    fn end_tag(&mut self, name: &str) {
        if HIDDEN.contains(&name) {
            self.hidden = self.hidden.saturating_sub(1);
            return;
        }
        match name {
            "br" => self.literal("\n"),
            "p" => self.block_edge(2),
            "strong" | "b" => self.bold_depth = self.bold_depth.saturating_sub(1),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.heading_depth = self.heading_depth.saturating_sub(1);
                if self.heading_depth == 0 {
                    if let Some(start) = self.heading_start.take() {
                        self.headings.push((start, self.out.len()));
                    }
                }
                self.block_edge(1);
            }
            "pre" => {
                self.pre = self.pre.saturating_sub(1);
                self.block_edge(1);
            }
            "table" => {
                self.tables.pop();
                self.block_edge(1);
            }
            name if BLOCKS.contains(&name) => self.block_edge(1),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn paragraphs_leave_a_blank_line_and_blocks_a_line() {
        assert_eq!(render("<p>a</p><p>b</p>"), "a\n\nb");
        assert_eq!(render("<div>a</div><div>b</div>"), "a\nb");
        assert_eq!(
            render("<h2>Tried</h2><ul><li>x</li><li>y</li></ul>"),
            "Tried\nx\ny"
        );
    }

    #[test]
    fn br_is_always_a_newline() {
        // Chromium: "a\n\n\n\n\nb\n\n\nc" for this exact input.
        assert_eq!(
            render("<p>a</p><p><br></p><p>b<br></p><div>c</div>"),
            "a\n\n\n\n\nb\n\n\nc"
        );
        assert_eq!(render("x<br/>y<BR >z"), "x\ny\nz");
    }

    #[test]
    fn whitespace_collapses_but_nbsp_stays() {
        assert_eq!(render("<p>  a \n  <b>b</b>  c  </p>"), "a b c");
        assert_eq!(render("<p>a&nbsp;&nbsp;b </p>"), "a\u{a0}\u{a0}b");
        assert_eq!(render("<p>a <br> b</p>"), "a\nb");
    }

    #[test]
    fn hidden_content_and_comments_show_nothing() {
        let html = "<style>p{}</style><!-- c --><p>a<script>if (a < b) {}</script>b</p><template><p>t</p></template>";
        assert_eq!(render(html), "ab");
    }

    #[test]
    fn attributes_and_stray_brackets() {
        assert_eq!(render(r#"<p title="a > b">x &lt; y</p>"#), "x < y");
        assert_eq!(render("1 < 2 & 3"), "1 < 2 & 3");
    }

    #[test]
    fn headings_and_bold_lines_are_marked() {
        let r = super::render_marked(
            "<h3>Background</h3><p><strong>Call</strong> <b>log</b></p><p><b>Owner:</b> Dana</p>",
        );
        assert_eq!(r.text, "Background\n\nCall log\n\nOwner: Dana");
        assert_eq!(r.mark(0, 10), super::Mark::Heading);
        assert_eq!(r.mark(12, 20), super::Mark::Bold, "{:?}", r.bold);
        assert_eq!(r.mark(22, 33), super::Mark::None);
        assert_eq!(render("<SCRIPT>x</Script >y"), "y");
    }

    #[test]
    fn links_keep_their_address() {
        let r = super::render_marked(
            r#"<p>See <a class="x" href="https://bot.example.com/t?a=1&amp;b=2">the transcript</a>.</p><a>no href</a>"#,
        );
        assert_eq!(r.text, "See the transcript.\n\nno href");
        assert_eq!(
            r.links,
            vec![super::Link {
                start: 4,
                end: 18,
                href: "https://bot.example.com/t?a=1&b=2".into()
            }]
        );
        assert_eq!(
            super::attribute(" data-href='x' HREF = y >", "href").as_deref(),
            Some("y")
        );
    }

    #[test]
    fn tables_pre_and_unterminated_markup_do_not_panic() {
        assert_eq!(
            render("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"),
            "a\tb\nc"
        );
        assert_eq!(render("<pre>a\n  b</pre>"), "a\n  b");
        for html in [
            "<",
            "<p",
            "<!--",
            "<script>",
            "&",
            "&#",
            "<p title=\"x",
            "</",
        ] {
            let _ = render(html);
        }
    }
}
