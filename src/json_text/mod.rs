//! Diagnostics as compact JSON text, and reports in the npm package's wire form, written by
//! hand for the hot path: every `check` in the npm package hands its report to JavaScript as
//! text. serde_json's derive output is the reference (diagnostics byte for byte, reports value
//! for value through the wire form, tested below). Diagnostics: serde_json escapes every string
//! byte by byte and the constant field names too; here names are written as they are and a
//! string is copied in runs between the rare bytes that need escaping. Reports: a string of
//! UTF-16 code units that `fromWire` reads without `JSON.parse` ([`report_wire`]).

use crate::diagnostic::{Diagnostic, Severity, Source, Span};
use crate::report::{CheckStatus, Grade, Report};
use crate::sla::{whole_minutes, SlaReport, Status};
use std::hash::Hasher;

/// Texts that the JavaScript side of one `RawKit` already holds, by number. Most texts of a
/// report recur from check to check: codes, check ids, paths, hints, the messages of rules
/// without placeholders, policy and calendar ids. Each is sent once; later reports name it by
/// its index, which makes the wire text about a third as long and saves JavaScript the string
/// allocations (`bench/README.md`). Texts are sent inline instead once the table holds
/// [`WireStrings::MAX`] texts or [`WireStrings::MAX_BYTES`] bytes, and always when longer than
/// [`WireStrings::MAX_TEXT_BYTES`] (`fromWire` reads either form anywhere).
///
/// The table lives as long as its kit, so it keeps its texts in one buffer and its index in
/// fixed-size arrays, allocated at most twice in the kit's life: a text of its own each, made
/// while a large report is written, would stay scattered through the heap that report had
/// grown, and no later large input could reuse that space whole (bench/README.md, "Fuzzing").
#[derive(Default)]
pub struct WireStrings {
    /// Every numbered text, one after the other.
    texts: String,
    /// Where each numbered text ends in `texts`.
    ends: Vec<u32>,
    /// Open addressing over the texts' hashes: 0 is empty, `n + 1` is text `n`.
    slots: Vec<u32>,
}

impl WireStrings {
    /// How many texts one kit numbers at most (messages that quote a packet are numbered too,
    /// so a long-lived kit would otherwise grow without bound).
    pub const MAX: usize = crate::limits::TEXT_TABLE_ENTRIES;

    /// Bytes of all the numbered texts at most (4,096 texts of up to
    /// [`WireStrings::MAX_TEXT_BYTES`] would otherwise hold 4 MiB on both sides).
    pub const MAX_BYTES: usize = crate::limits::TEXT_TABLE_BYTES;

    /// A text longer than this is never numbered.
    pub const MAX_TEXT_BYTES: usize = crate::limits::TEXT_TABLE_TEXT_BYTES;

    /// The texts' buffer as first made; past it, it is made [`WireStrings::MAX_BYTES`] long
    /// at once.
    const FIRST_BYTES: usize = 64 << 10;

    /// Bytes of the numbered texts.
    pub fn bytes(&self) -> usize {
        self.texts.len()
    }

    /// How many texts are numbered.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether no text is numbered yet.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn text(&self, n: usize) -> &str {
        let start = if n == 0 { 0 } else { self.ends[n - 1] as usize };
        &self.texts[start..self.ends[n] as usize]
    }

    /// The slot where `s` is, or the empty one where it would go.
    fn slot(&self, s: &str) -> usize {
        let mut hasher = WordHasher::default();
        hasher.write(s.as_bytes());
        let mask = self.slots.len() - 1;
        let mut at = hasher.finish() as usize & mask;
        loop {
            match self.slots[at] {
                0 => return at,
                n if self.text(n as usize - 1) == s => return at,
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// `s`'s number, if it has one.
    fn get(&self, s: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        self.slots[self.slot(s)].checked_sub(1)
    }

    /// Numbers `s`, which has no number yet and fits within the ceilings.
    fn insert(&mut self, s: &str) -> u32 {
        if self.slots.is_empty() {
            // Twice as many slots as texts: a probe ends after two steps on average.
            self.slots = vec![0; (2 * Self::MAX).next_power_of_two()];
            self.ends = Vec::with_capacity(Self::MAX);
            self.texts = String::with_capacity(Self::FIRST_BYTES.min(Self::MAX_BYTES));
        }
        if self.texts.len() + s.len() > self.texts.capacity() {
            self.texts.reserve_exact(Self::MAX_BYTES - self.texts.len());
        }
        let at = self.slot(s);
        let n = self.ends.len() as u32;
        self.texts.push_str(s);
        self.ends.push(self.texts.len() as u32);
        self.slots[at] = n + 1;
        n
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
    new_texts: u64,
    strings: &'a mut WireStrings,
}

impl Wire<'_> {
    /// `s` by number, numbering it (and adding it to the news) the first time; inline once
    /// the table is full. A reference is `2 × index`, an inline text `2 × length + 1` and then
    /// the text.
    fn text(&mut self, s: &str) {
        if let Some(n) = self.strings.get(s) {
            push_unsigned(&mut self.out, 2 * u64::from(n));
            return;
        }
        if self.strings.len() >= WireStrings::MAX
            || s.len() > WireStrings::MAX_TEXT_BYTES
            || self.strings.bytes() + s.len() > WireStrings::MAX_BYTES
        {
            push_unsigned(&mut self.out, 2 * utf16_len(s) + 1);
            self.out.push_str(s);
            return;
        }
        let n = self.strings.insert(s);
        self.new_texts += 1;
        push_text(&mut self.news, s);
        push_unsigned(&mut self.out, 2 * u64::from(n));
    }

    fn number(&mut self, n: impl Into<u64>) {
        push_unsigned(&mut self.out, n.into());
    }

    /// 0 for none, else 1 and what `write` writes.
    fn optional<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Self, T)) {
        match value {
            Some(value) => {
                self.number(1u8);
                write(self, value);
            }
            None => self.number(0u8),
        }
    }

    /// A float as the text serde_json writes for it (shortest round trip); `None` for NaN and
    /// the infinities, which serde_json writes as `null`.
    fn float(&mut self, x: f64) -> Option<()> {
        x.is_finite()
            .then(|| push_text(&mut self.out, &float_text(x)))
    }
}

/// A report in the npm package's wire form, which `fromWire` in `pkg-templates/npm/api.js`
/// turns into the same object that `JSON.parse` of the report's JSON gives.
///
/// The wire is a string of UTF-16 code units that JavaScript reads with `charCodeAt`, so it
/// needs no `JSON.parse`: a number is written in 14-bit digits, least significant first, one
/// code unit each (`0x4000 + digit` for all but the last, which is below `0x4000`; every unit
/// stays below the surrogates); a signed number zigzag-encoded (0, -1, 1, -2 → 0, 1, 2, 3); a
/// text as its length in UTF-16 units and then the text itself; an optional value as 0, or
/// 1 and the value. `#` is a text of the kit's table (`Wire::text`). In order:
///
/// - the news: their count, then each text; they extend the kit's table;
/// - `valid` (0 or 1);
/// - the diagnostics: their count, then for each `code#, severity, path#, message#, hint#?,
///   source, span?` (severity 0 error, 1 warning, 2 info; source 0 schema, 1 rubric, 2 sla; a
///   span is `start, end`);
/// - the score?: `value, grade (0–4 for A–F), cap?, uncapped_value, points, max_points,
///   count` (a cap is `grade, value, errors, reason#`), then per check
///   `id#, status (0 passed, 1 failed, 2 not_applicable), points, max_points, reason#?`;
/// - the SLA?: `policy#, calendar#, team#?, time_zone#, unit#, value, start, deadline, deadline_local,
///   warn_at?, status#?, remaining_business_minutes? (signed), elapsed_ratio?` (a float as its
///   text), then the segment count and per segment `start, end, minutes` where minutes is 0 and
///   a signed whole number, 1 and a float's text, or 2 for null.
///
/// The texts a report numbers are committed to `strings` as it is written, so the caller must
/// deliver every report it asks for (writing cannot fail).
pub fn report_wire(report: &Report, strings: &mut WireStrings) -> String {
    let mut wire = Wire {
        out: String::with_capacity(256),
        news: String::new(),
        new_texts: 0,
        strings,
    };
    wire.number(u8::from(report.valid));
    wire.number(report.diagnostics.len() as u64);
    for d in &report.diagnostics {
        wire.text(&d.code);
        wire.number(match d.severity {
            Severity::Error => 0u8,
            Severity::Warning => 1,
            Severity::Info => 2,
        });
        wire.text(&d.path);
        wire.text(&d.message);
        wire.optional(d.hint.as_deref(), Wire::text);
        wire.number(match d.source {
            Source::Schema => 0u8,
            Source::Rubric => 1,
            Source::Sla => 2,
        });
        wire.optional(d.span, |wire, Span { start, end }| {
            wire.number(start as u64);
            wire.number(end as u64);
        });
    }
    wire.optional(report.score.as_ref(), |wire, score| {
        wire.number(score.value);
        wire.number(grade(score.grade));
        wire.optional(score.cap.as_ref(), |wire, cap| {
            wire.number(grade(cap.grade));
            wire.number(cap.value);
            wire.number(cap.errors);
            wire.text(&cap.reason);
        });
        wire.number(score.uncapped_value);
        wire.number(score.points);
        wire.number(score.max_points);
        wire.number(score.checks.len() as u64);
        for check in &score.checks {
            wire.text(&check.id);
            wire.number(match check.status {
                CheckStatus::Passed => 0u8,
                CheckStatus::Failed => 1,
                CheckStatus::NotApplicable => 2,
            });
            wire.number(check.points);
            wire.number(check.max_points);
            wire.optional(check.reason.as_deref(), Wire::text);
        }
    });
    wire.optional(report.sla.as_ref(), push_sla);
    let mut text = String::with_capacity(wire.news.len() + wire.out.len() + 4);
    push_unsigned(&mut text, wire.new_texts);
    text.push_str(&wire.news);
    text.push_str(&wire.out);
    text
}

/// A number in the wire's 14-bit digits.
fn push_unsigned(out: &mut String, mut n: u64) {
    while n >= 0x4000 {
        push_unit(out, 0x4000 | (n & 0x3fff) as u32);
        n >>= 14;
    }
    push_unit(out, n as u32);
}

fn push_signed_unit(out: &mut String, n: i64) {
    push_unsigned(out, ((n << 1) ^ (n >> 63)) as u64);
}

/// One code unit below `0x8000` (never a surrogate, so always a `char`).
fn push_unit(out: &mut String, unit: u32) {
    if unit < 0x80 {
        out.push(char::from(unit as u8));
    } else {
        out.push(char::from_u32(unit).unwrap_or('\0'));
    }
}

/// A text: its length in UTF-16 code units (what JavaScript counts), then the text.
fn push_text(out: &mut String, s: &str) {
    push_unsigned(out, utf16_len(s));
    out.push_str(s);
}

fn utf16_len(s: &str) -> u64 {
    if s.is_ascii() {
        s.len() as u64
    } else {
        s.chars().map(|c| c.len_utf16() as u64).sum()
    }
}

/// serde_json's text for a finite float (shortest round trip).
fn float_text(x: f64) -> String {
    serde_json::to_string(&x).unwrap_or_else(|_| "null".to_string())
}

/// A grade's place in A, B, C, D, F.
fn grade(grade: Grade) -> u8 {
    match grade {
        Grade::A => 0,
        Grade::B => 1,
        Grade::C => 2,
        Grade::D => 3,
        Grade::F => 4,
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
    wire.text(&sla.policy);
    wire.text(&sla.calendar);
    wire.optional(sla.team.as_deref(), Wire::text);
    wire.text(&d.time_zone);
    wire.text(d.target.unit.as_str());
    wire.number(d.target.value);
    for text in [&d.start, &d.deadline, &d.deadline_local] {
        push_text(&mut wire.out, text);
    }
    wire.optional(d.warn_at.as_deref(), |wire, at| {
        push_text(&mut wire.out, at)
    });
    wire.optional(d.status, |wire, status| wire.text(status_name(status)));
    wire.optional(d.remaining_business_minutes, |wire, minutes| {
        push_signed_unit(&mut wire.out, minutes);
    });
    let ratio = d.elapsed_ratio.filter(|x| x.is_finite());
    wire.optional(ratio, |wire, ratio| {
        wire.float(ratio);
    });
    wire.number(d.segments.len() as u64);
    for segment in &d.segments {
        push_text(&mut wire.out, &segment.start);
        push_text(&mut wire.out, &segment.end);
        match whole_minutes(segment.minutes) {
            Some(minutes) => {
                wire.number(0u8);
                push_signed_unit(&mut wire.out, minutes);
            }
            None if segment.minutes.is_finite() => {
                wire.number(1u8);
                wire.float(segment.minutes);
            }
            None => wire.number(2u8),
        }
    }
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
