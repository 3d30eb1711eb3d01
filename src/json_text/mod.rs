//! Reports and diagnostics as compact JSON text, written by hand for the hot path: every
//! `check` in the npm package hands its report to JavaScript as text. serde_json's derive
//! output is the reference (diagnostics byte for byte, reports value for value through the wire
//! form, tested below), but it escapes every string byte by byte and escapes the constant field
//! names too; here names are written as they are and a string is copied in runs between the
//! rare bytes that need escaping: about 3x fewer instructions (`stages serialise`).

use crate::diagnostic::{Diagnostic, Severity, Source, Span};
use crate::report::{Grade, Report};
use crate::sla::{whole_minutes, SlaReport, Status};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Texts that the JavaScript side of one `RawKit` already holds, by number. Most texts of a
/// report recur from check to check: codes, check ids, paths, hints, the messages of rules
/// without placeholders, policy and calendar ids. Each is sent once; later reports name it by
/// its index, which makes the wire text about a third as long and saves JavaScript the string
/// allocations (`bench/README.md`). After [`WireStrings::MAX`] texts, new ones are sent inline.
#[derive(Default)]
pub struct WireStrings {
    index: HashMap<Box<str>, u32, BuildHasherDefault<WordHasher>>,
}

impl WireStrings {
    /// How many texts one kit numbers at most (messages that quote a packet are numbered too,
    /// so a long-lived kit would otherwise grow without bound).
    pub const MAX: usize = 4096;

    /// How many texts are numbered.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether no text is numbered yet.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

/// A multiply-rotate hash eight bytes at a time (the "Fx" hash of rustc, on 64-bit words),
/// several times cheaper in wasm than a keyed hash. The table holds the kit's own texts, so
/// there is nobody to defend against with random keys.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let word = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        let mut last = [0u8; 8];
        let rest = words.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.0 =
            (self.0.rotate_left(5) ^ u64::from_le_bytes(last) ^ bytes.len() as u64).wrapping_mul(K);
    }

    fn finish(&self) -> u64 {
        // A product's low bits depend only on the factors' low bits, and the table picks
        // buckets by the low bits: bring the well-mixed high bits down (as rustc-hash 2 does).
        self.0.rotate_left(26)
    }
}

/// One report being written: its body, and the texts numbered while writing it.
struct Wire<'a> {
    out: String,
    news: String,
    strings: &'a mut WireStrings,
}

impl Wire<'_> {
    /// `s` by number, numbering it (and adding it to the news) the first time; inline once
    /// the table is full.
    fn text(&mut self, s: &str) {
        if let Some(&n) = self.strings.index.get(s) {
            push_number(&mut self.out, n);
            return;
        }
        let n = self.strings.index.len();
        if n >= WireStrings::MAX {
            push_string(&mut self.out, s);
            return;
        }
        self.strings.index.insert(s.into(), n as u32);
        if !self.news.is_empty() {
            self.news.push(',');
        }
        push_string(&mut self.news, s);
        push_number(&mut self.out, n as u64);
    }
}

/// A report in the npm package's wire form, which `fromWire` in `pkg-templates/npm/api.js`
/// turns into the same object that `JSON.parse` of the report's JSON gives:
/// `[news, valid, diagnostics, score, sla]`.
/// - `news`: the texts numbered by this report, in order; they extend the kit's table, and a
///   `#` below is a number into it (or, once the table is full, the text itself);
/// - a diagnostic: `[code#, severity, path#, message#, hint# or null, source]`, plus
///   `start, end` when it has a span (severity 0 error, 1 warning, 2 info; source 0 schema,
///   1 rubric, 2 sla);
/// - the score: `null` or `[value, grade, [id#, passed 0/1, points, max_points, id#, …]]`;
/// - the SLA: `null` or `[policy#, calendar#, time_zone#, unit#, value, start, deadline,
///   deadline_local, warn_at, status#, remaining_business_minutes, elapsed_ratio,
///   [start, end, minutes, start, …]]`, absent values as `null`.
///
/// The texts a report numbers are committed to `strings` as it is written, so the caller must
/// deliver every report it asks for (writing cannot fail).
pub fn report_wire(report: &Report, strings: &mut WireStrings) -> String {
    let mut wire = Wire {
        out: String::with_capacity(512),
        news: String::new(),
        strings,
    };
    wire.out
        .push_str(if report.valid { ",true,[" } else { ",false,[" });
    for (i, d) in report.diagnostics.iter().enumerate() {
        if i > 0 {
            wire.out.push(',');
        }
        wire.out.push('[');
        wire.text(&d.code);
        wire.out.push_str(match d.severity {
            Severity::Error => ",0,",
            Severity::Warning => ",1,",
            Severity::Info => ",2,",
        });
        wire.text(&d.path);
        wire.out.push(',');
        wire.text(&d.message);
        wire.out.push(',');
        match &d.hint {
            Some(hint) => wire.text(hint),
            None => wire.out.push_str("null"),
        }
        wire.out.push_str(match d.source {
            Source::Schema => ",0",
            Source::Rubric => ",1",
            Source::Sla => ",2",
        });
        if let Some(Span { start, end }) = d.span {
            wire.out.push(',');
            push_number(&mut wire.out, start as u64);
            wire.out.push(',');
            push_number(&mut wire.out, end as u64);
        }
        wire.out.push(']');
    }
    wire.out.push_str("],");
    match &report.score {
        Some(score) => {
            wire.out.push('[');
            push_number(&mut wire.out, score.value);
            wire.out.push_str(",\"");
            wire.out.push_str(grade(score.grade));
            wire.out.push_str("\",[");
            for (i, check) in score.checks.iter().enumerate() {
                if i > 0 {
                    wire.out.push(',');
                }
                wire.text(&check.id);
                wire.out.push_str(if check.passed { ",1," } else { ",0," });
                push_number(&mut wire.out, check.points);
                wire.out.push(',');
                push_number(&mut wire.out, check.max_points);
            }
            wire.out.push_str("]]");
        }
        None => wire.out.push_str("null"),
    }
    wire.out.push(',');
    match &report.sla {
        Some(sla) => push_sla(&mut wire, sla),
        None => wire.out.push_str("null"),
    }
    wire.out.push(']');
    let mut text = String::with_capacity(wire.news.len() + wire.out.len() + 3);
    text.push_str("[[");
    text.push_str(&wire.news);
    text.push(']');
    text.push_str(&wire.out);
    text
}

fn grade(grade: Grade) -> &'static str {
    match grade {
        Grade::A => "A",
        Grade::B => "B",
        Grade::C => "C",
        Grade::D => "D",
        Grade::F => "F",
    }
}

/// Diagnostics as a compact JSON array, as `serde_json::to_string(diagnostics)` writes them.
pub fn diagnostics(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::with_capacity(256 * diagnostics.len() + 2);
    push_diagnostics(&mut out, diagnostics);
    out
}

fn push_diagnostics(out: &mut String, diagnostics: &[Diagnostic]) {
    out.push('[');
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(r#"{"code":"#);
        push_string(out, &d.code);
        out.push_str(r#","severity":""#);
        out.push_str(match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        });
        out.push_str(r#"","path":"#);
        push_string(out, &d.path);
        out.push_str(r#","message":"#);
        push_string(out, &d.message);
        if let Some(hint) = &d.hint {
            out.push_str(r#","hint":"#);
            push_string(out, hint);
        }
        out.push_str(r#","source":""#);
        out.push_str(match d.source {
            Source::Schema => "schema",
            Source::Rubric => "rubric",
            Source::Sla => "sla",
        });
        out.push('"');
        if let Some(Span { start, end }) = d.span {
            out.push_str(r#","span":{"start":"#);
            push_number(out, start as u64);
            out.push_str(r#","end":"#);
            push_number(out, end as u64);
            out.push('}');
        }
        out.push('}');
    }
    out.push(']');
}

fn push_sla(wire: &mut Wire<'_>, sla: &SlaReport) {
    let d = &sla.deadline;
    wire.out.push('[');
    wire.text(&sla.policy);
    wire.out.push(',');
    wire.text(&sla.calendar);
    wire.out.push(',');
    wire.text(&d.time_zone);
    wire.out.push(',');
    wire.text(d.target.unit.as_str());
    wire.out.push(',');
    push_number(&mut wire.out, d.target.value);
    for text in [&d.start, &d.deadline, &d.deadline_local] {
        wire.out.push(',');
        push_string(&mut wire.out, text);
    }
    wire.out.push(',');
    match &d.warn_at {
        Some(at) => push_string(&mut wire.out, at),
        None => wire.out.push_str("null"),
    }
    wire.out.push(',');
    match d.status {
        Some(status) => wire.text(status_name(status)),
        None => wire.out.push_str("null"),
    }
    wire.out.push(',');
    match d.remaining_business_minutes {
        Some(minutes) => push_signed(&mut wire.out, minutes),
        None => wire.out.push_str("null"),
    }
    wire.out.push(',');
    match d.elapsed_ratio {
        Some(ratio) => push_float(&mut wire.out, ratio),
        None => wire.out.push_str("null"),
    }
    wire.out.push_str(",[");
    for (i, segment) in d.segments.iter().enumerate() {
        if i > 0 {
            wire.out.push(',');
        }
        push_string(&mut wire.out, &segment.start);
        wire.out.push(',');
        push_string(&mut wire.out, &segment.end);
        wire.out.push(',');
        match whole_minutes(segment.minutes) {
            Some(minutes) => push_signed(&mut wire.out, minutes),
            None => push_float(&mut wire.out, segment.minutes),
        }
    }
    wire.out.push_str("]]");
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::OnTrack => "on_track",
        Status::AtRisk => "at_risk",
        Status::Breached => "breached",
        Status::Paused => "paused",
    }
}

fn push_number(out: &mut String, n: impl Into<u64>) {
    let mut n: u64 = n.into();
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[i..]).unwrap_or("0"));
}

fn push_signed(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_number(out, n.unsigned_abs());
}

/// Rare (a ratio, a fractional minute): serde_json's own float formatting, so the text stays
/// identical.
fn push_float(out: &mut String, x: f64) {
    out.push_str(&serde_json::to_string(&x).unwrap_or_else(|_| "null".to_string()));
}

/// `s` as a JSON string: quotes, backslashes and control characters escaped as serde_json
/// escapes them (`\n`, `\t`, … and `\u001f` for the rest); everything else, non-ASCII
/// included, as it is.
fn push_string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none of them needs escaping (the common case).
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if !needs_escape(word) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        i += 1;
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        let i = i - 1;
        // `i` is at an ASCII byte, so both ends of the run are character boundaries.
        out.push_str(&s[run..i]);
        run = i + 1;
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 0xf)] as char);
            }
        }
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// Whether any of the eight bytes in `word` is a control character, `"` or `\\` (bit tricks
/// from "Bit Twiddling Hacks": a byte below 0x20, or a zero byte after xor-ing the quote or
/// the backslash out).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH != 0;
    below_space
        || has_zero(word ^ (ONES * u64::from(b'"')))
        || has_zero(word ^ (ONES * u64::from(b'\\')))
}

#[cfg(test)]
mod tests;
