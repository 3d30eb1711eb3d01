//! Every ceiling on what the kit reads, in one place: the consts below are what the code
//! checks, [`LIMITS`] is the table README.md's "Limits" section is generated from
//! (`tests/limits_doc.rs` fails when the two differ).
//!
//! Each ceiling is far above anything a helpdesk writes, and is checked before the expensive
//! work (a text's byte length before it is parsed, a list's length before its items are
//! read). Past one, the call fails with an `Error` of kind `limit` whose message names the
//! limit, the size met and the path ([`message`]); the text table is the exception: past its
//! ceiling texts are sent inline, which changes nothing for the caller.

/// Bytes of a packet's JSON text (UTF-8). The example packets are 1–4 kB; a packet carrying a
/// whole forwarded email thread as its summary is still under 1 MB.
pub const PACKET_BYTES: usize = 4 << 20;

/// Bytes of a note's text (UTF-8; plain, Markdown or HTML). A 5 MB forwarded email thread
/// pasted into the editor fits in bytes (its lines are held by [`NOTE_LINES`]).
pub const NOTE_BYTES: usize = 8 << 20;

/// Lines of a note's text (for HTML, of the text it renders to). The note reader's work grows
/// with the sections, fields and list items it records, a few at most per line, so lines bound
/// it where bytes do not: 1 MiB of one-letter list items is 262,000 of them, and through npm
/// took seconds (each item also gets a finding). A handoff note is tens of lines, a pasted
/// spreadsheet of 40,000 rows fits; at this ceiling every note call through npm stays within a
/// second (bench/README.md, "Fuzzing"). A pasted email thread of a few MB can pass it, and is
/// refused by name.
pub const NOTE_LINES: usize = 50_000;

/// Bytes of a bundle's JSON text. The built-in bundle is under 100 kB; bundles are written by
/// hand.
pub const BUNDLE_BYTES: usize = 4 << 20;

/// Members of one JSON object (packet, document, bundle). The widest object in the schemas
/// has a few dozen; a spreadsheet pasted as custom fields has hundreds.
pub const KEYS_PER_OBJECT: usize = 10_000;

/// Nested arrays and objects in a JSON text, the root counting as one: a text may be 127
/// deep, the 128th level is refused (serde_json's own ceiling, kept so both readers agree).
pub const JSON_DEPTH: usize = 128;

/// Opening intervals of one calendar day (a weekday or an exception): one a minute is all a
/// day can hold without overlapping.
pub const INTERVALS_PER_DAY: usize = 1_440;

/// Holidays of one calendar: 100 years of 100 closed days each.
pub const HOLIDAYS: usize = 10_000;

/// Exceptions (days with their own hours) of one calendar: 100 years of 100 such days each.
pub const EXCEPTIONS: usize = 10_000;

/// Days a deadline may be searched over, or `businessMinutesBetween` may count across: 100
/// years.
pub const SLA_SPAN_DAYS: i64 = 36_600;

/// Largest target in business minutes: about ten years of open time.
pub const TARGET_BUSINESS_MINUTES: u64 = 2_000_000;
/// Largest target in business hours: about ten years of open time.
pub const TARGET_BUSINESS_HOURS: u64 = 33_000;
/// Largest target in business days: about ten years of open days.
pub const TARGET_BUSINESS_DAYS: u64 = 3_000;
/// Largest target in calendar minutes: about ten years.
pub const TARGET_CALENDAR_MINUTES: u64 = 5_300_000;

/// Nested arrays and objects in a schema document, the root counting as one: what serde_json
/// accepts as JSON text.
pub const SCHEMA_DEPTH: usize = 127;

/// Bytes of a schema's JSON text given on its own (a `Validator`'s schema, or its registry of
/// schemas); a schema inside a bundle is held by `BUNDLE_BYTES`. The kit's largest built-in
/// schema is under 20 kB.
pub const SCHEMA_BYTES: usize = 4 << 20;

/// Values (objects, arrays, strings, numbers, …) in a schema document. The kit's largest
/// built-in schema has a few thousand.
pub const SCHEMA_VALUES: usize = 200_000;

/// Texts one npm kit numbers for JavaScript (codes, paths, messages recur between reports).
pub const TEXT_TABLE_ENTRIES: usize = 4_096;

/// Bytes of all the texts one npm kit numbers: 4,096 texts of 256 bytes.
pub const TEXT_TABLE_BYTES: usize = 1 << 20;

/// Bytes of one numbered text; a longer one (a message quoting a long field) is always
/// inline.
pub const TEXT_TABLE_TEXT_BYTES: usize = 1_024;

/// One ceiling, as README.md lists it.
pub struct Limit {
    /// The name errors use (`packet-bytes`).
    pub name: &'static str,
    /// The ceiling.
    pub value: u64,
    /// What is counted (`bytes`, `keys`, …).
    pub unit: &'static str,
    /// What the ceiling bounds.
    pub what: &'static str,
    /// What happens past it.
    pub past: &'static str,
}

const REFUSED: &str = "error of kind `limit`";

/// Every ceiling, in README order.
pub const LIMITS: &[Limit] = &[
    limit(
        "packet-bytes",
        PACKET_BYTES as u64,
        "bytes",
        "a packet's JSON text",
        REFUSED,
    ),
    limit(
        "note-bytes",
        NOTE_BYTES as u64,
        "bytes",
        "a note's text (plain, Markdown or HTML)",
        REFUSED,
    ),
    limit(
        "note-lines",
        NOTE_LINES as u64,
        "lines",
        "lines of a note's text (for HTML, of the text it renders to)",
        REFUSED,
    ),
    limit(
        "bundle-bytes",
        BUNDLE_BYTES as u64,
        "bytes",
        "a bundle's JSON text",
        REFUSED,
    ),
    limit(
        "keys-per-object",
        KEYS_PER_OBJECT as u64,
        "keys",
        "members of one object in any JSON text (packet, document, bundle, schema, request)",
        REFUSED,
    ),
    limit(
        "json-depth",
        JSON_DEPTH as u64,
        "levels",
        "nesting of any JSON text (127 levels are read)",
        REFUSED,
    ),
    limit(
        "intervals-per-day",
        INTERVALS_PER_DAY as u64,
        "intervals",
        "opening intervals of one calendar day or exception",
        REFUSED,
    ),
    limit(
        "holidays",
        HOLIDAYS as u64,
        "holidays",
        "holidays of one calendar",
        REFUSED,
    ),
    limit(
        "exceptions",
        EXCEPTIONS as u64,
        "exceptions",
        "exceptions of one calendar",
        REFUSED,
    ),
    limit(
        "sla-span-days",
        SLA_SPAN_DAYS as u64,
        "days",
        "the span business minutes are counted across, and a deadline searched for",
        REFUSED,
    ),
    limit(
        "target-business-minutes",
        TARGET_BUSINESS_MINUTES,
        "minutes",
        "a deadline request's target in business minutes",
        REFUSED,
    ),
    limit(
        "target-business-hours",
        TARGET_BUSINESS_HOURS,
        "hours",
        "a deadline request's target in business hours",
        REFUSED,
    ),
    limit(
        "target-business-days",
        TARGET_BUSINESS_DAYS,
        "days",
        "a deadline request's target in business days",
        REFUSED,
    ),
    limit(
        "target-calendar-minutes",
        TARGET_CALENDAR_MINUTES,
        "minutes",
        "a deadline request's target in calendar minutes",
        REFUSED,
    ),
    limit(
        "schema-depth",
        SCHEMA_DEPTH as u64,
        "levels",
        "nesting of a schema document",
        REFUSED,
    ),
    limit(
        "schema-bytes",
        SCHEMA_BYTES as u64,
        "bytes",
        "a schema's JSON text given on its own (a `Validator`'s schema or registry)",
        REFUSED,
    ),
    limit(
        "schema-values",
        SCHEMA_VALUES as u64,
        "values",
        "values in a schema document",
        REFUSED,
    ),
    limit(
        "text-table-entries",
        TEXT_TABLE_ENTRIES as u64,
        "texts",
        "texts one npm kit numbers for JavaScript",
        "further texts are sent inline",
    ),
    limit(
        "text-table-bytes",
        TEXT_TABLE_BYTES as u64,
        "bytes",
        "bytes of the texts one npm kit numbers",
        "further texts are sent inline",
    ),
    limit(
        "text-table-text-bytes",
        TEXT_TABLE_TEXT_BYTES as u64,
        "bytes",
        "one numbered text",
        "a longer text is sent inline",
    ),
];

const fn limit(
    name: &'static str,
    value: u64,
    unit: &'static str,
    what: &'static str,
    past: &'static str,
) -> Limit {
    Limit {
        name,
        value,
        unit,
        what,
        past,
    }
}

/// The message for a ceiling passed: `what` (e.g. "The packet") met `size` of the limit
/// `name` at `path` (a JSON Pointer; empty for the whole input). `error::limit_exceeded`
/// makes it an error of kind `limit`.
pub fn message(name: &'static str, what: &str, size: u64, path: &str) -> String {
    let (value, unit) = LIMITS
        .iter()
        .find(|l| l.name == name)
        .map_or((0, ""), |l| (l.value, l.unit));
    let shown = if path.is_empty() { "/" } else { path };
    format!(
        "{what} has {} {unit}, more than the limit {name} of {} {unit} (at {shown}).",
        group(size),
        group(value)
    )
}

/// The message for a search that stopped at a ceiling: `what` (e.g. "The deadline") is not
/// reached within `size` of the limit `name` at `path`.
pub fn not_reached_message(name: &'static str, what: &str, size: u64, path: &str) -> String {
    let unit = LIMITS
        .iter()
        .find(|l| l.name == name)
        .map_or("", |l| l.unit);
    let shown = if path.is_empty() { "/" } else { path };
    format!(
        "{what} is not reached within {} {unit} of the start, the limit {name} (at {shown}).",
        group(size)
    )
}

/// `1234567` as `1,234,567`.
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// README.md's "Limits" table, from [`LIMITS`].
pub fn render_markdown() -> String {
    let mut out = String::from("| Limit | Ceiling | Bounds | Past it |\n|---|---|---|---|\n");
    for l in LIMITS {
        out.push_str(&format!(
            "| `{}` | {} {} | {} | {} |\n",
            l.name,
            group(l.value),
            l.unit,
            l.what,
            l.past
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_error_names_the_limit_the_size_and_the_path() {
        let error = crate::error::limit_exceeded("packet-bytes", "The packet", 4_194_305, "");
        assert_eq!(error.kind, "limit");
        assert_eq!(
            error.message,
            "The packet has 4,194,305 bytes, more than the limit packet-bytes of 4,194,304 bytes (at /)."
        );
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
    }

    #[test]
    fn every_limit_is_named_once() {
        let mut names: Vec<&str> = LIMITS.iter().map(|l| l.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), LIMITS.len());
    }
}
