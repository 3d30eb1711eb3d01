//! Structure-aware mutation of JSON documents. A document is held as a [`J`] tree whose
//! objects are member lists (so a key can repeat) and whose leaves may be raw JSON text (so
//! escapes, lone surrogates and odd numbers reach the reader as written).

use crate::rng::Rng;
use serde_json::Value;

#[derive(Debug, Clone)]
pub enum J {
    /// JSON text written as is: a number, `true`, a string with its escapes, …
    Raw(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    pub fn from_value(value: &Value) -> J {
        match value {
            Value::String(s) => J::Str(s.clone()),
            Value::Array(items) => J::Arr(items.iter().map(J::from_value).collect()),
            Value::Object(members) => J::Obj(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), J::from_value(v)))
                    .collect(),
            ),
            other => J::Raw(other.to_string()),
        }
    }

    pub fn write(&self, out: &mut String) {
        match self {
            J::Raw(text) => out.push_str(text),
            J::Str(s) => out.push_str(&Value::String(s.clone()).to_string()),
            J::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            J::Obj(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::String(key.clone()).to_string());
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// Nodes in the tree (stops counting past `cap`, so a huge tree costs little).
    fn count(&self, cap: usize) -> usize {
        let mut n = 1;
        match self {
            J::Arr(items) => {
                for item in items {
                    if n >= cap {
                        break;
                    }
                    n += item.count(cap - n);
                }
            }
            J::Obj(members) => {
                for (_, value) in members {
                    if n >= cap {
                        break;
                    }
                    n += value.count(cap - n);
                }
            }
            _ => {}
        }
        n
    }

    /// The `index`-th node in document order (pre-order), or the last one visited.
    fn nth(&mut self, index: &mut usize) -> Option<&mut J> {
        if *index == 0 {
            return Some(self);
        }
        *index -= 1;
        match self {
            J::Arr(items) => items.iter_mut().find_map(|item| item.nth(index)),
            J::Obj(members) => members.iter_mut().find_map(|(_, value)| value.nth(index)),
            _ => None,
        }
    }
}

/// Strings that the kit reads as times, zones, teams, units or scenario names, and strings
/// that are hard for any reader.
pub const WORDS: &[&str] = &[
    "2026-11-20T16:00:00Z",
    "2026-03-29T01:30:00+01:00",
    "2026-10-25T01:30:00+01:00",
    "9999-12-31T23:59:59Z",
    "0000-01-01T00:00:00Z",
    "2026-02-29T12:00:00Z",
    "2026-11-20T24:00:00Z",
    "2026-11-20T16:00:00.999999999-23:59",
    "2026-11-20",
    "*-12-25",
    "*-02-29",
    "09:00",
    "24:00",
    "23:59",
    "00:00",
    "Europe/London",
    "America/St_Johns",
    "Pacific/Kiritimati",
    "Pacific/Chatham",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "UTC",
    "Etc/GMT+12",
    "Not/AZone",
    "finance",
    "engineering",
    "billing_to_finance",
    "support_to_engineering",
    "business_days",
    "business_minutes",
    "calendar_minutes",
    "business_hours",
    "angry",
    "executive",
    "Finance team",
    "Priya Shah",
    "é",
    "\u{1F600}",
    "e\u{301}",
    "\u{2028}",
    "\u{FEFF}",
    "\0",
    "x\ny",
    "",
    "#/$defs/x",
    "^(a+)+$",
    "((((((((((x))))))))))",
];

/// Raw JSON texts a reader must take apart carefully.
pub const RAW: &[&str] = &[
    "\"x\\ny\"",
    "\"\\u00e9\"",
    "\"\\ud83d\\ude00\"",
    "\"\\ud800\"",
    "\"\\udc00x\"",
    "\"caf\\u00e9 \\\"quoted\\\" \\\\ \\/\"",
    "1e999",
    "-1e999",
    "1.5e-400",
    "-0",
    "0.1",
    "12345678901234567890123456789",
    "-9223372036854775809",
    "18446744073709551616",
    "4.0",
    "1E2",
    "true",
    "false",
    "null",
    "[]",
    "{}",
];

/// Mutates a tree in place `n` times (each a random structure-aware change).
pub fn mutate(tree: &mut J, rng: &mut Rng, donors: &[J]) {
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let size = tree.count(100_000);
        let mut index = rng.below(size);
        let Some(node) = tree.nth(&mut index) else {
            continue;
        };
        mutate_node(node, rng, donors);
    }
}

fn word(rng: &mut Rng) -> String {
    WORDS[rng.below(WORDS.len())].to_string()
}

/// A string of `n` characters from a small alphabet with multi-byte characters.
pub fn long_string(rng: &mut Rng, n: usize) -> String {
    let pieces = ["a", "é", "\u{1F600}", " ", "word ", "\n", "\"", "\\", "x"];
    let piece = pieces[rng.below(pieces.len())];
    piece.repeat(n / piece.len().max(1) + 1)
}

fn mutate_node(node: &mut J, rng: &mut Rng, donors: &[J]) {
    match rng.below(14) {
        // Another type in its place.
        0 => {
            *node = match rng.below(4) {
                0 => J::Raw(RAW[rng.below(RAW.len())].to_string()),
                1 => J::Str(word(rng)),
                2 => J::Arr(vec![node.clone()]),
                _ => J::Obj(vec![(word(rng), node.clone())]),
            }
        }
        // Nest deeply: sometimes past the json-depth ceiling.
        1 => {
            let depth = [3, 20, 100, 126, 127, 128, 200][rng.below(7)];
            let mut inner = node.clone();
            for _ in 0..depth {
                inner = if rng.chance(2) {
                    J::Arr(vec![inner])
                } else {
                    J::Obj(vec![("a".to_string(), inner)])
                };
            }
            *node = inner;
        }
        // A long string.
        2 => {
            let n = [100, 10_000, 300_000][rng.below(3)];
            *node = J::Str(long_string(rng, n));
        }
        // A string with escapes or odd characters.
        3 => *node = J::Raw(RAW[rng.below(6)].to_string()),
        // A word the kit reads as something.
        4 => *node = J::Str(word(rng)),
        // A donor's subtree (another seed's).
        5 if !donors.is_empty() => {
            *node = donors[rng.below(donors.len())].clone();
        }
        _ => match node {
            J::Obj(members) => mutate_object(members, rng),
            J::Arr(items) => mutate_array(items, rng),
            J::Str(s) => {
                let w = word(rng);
                let at = (0..=s.len())
                    .filter(|i| s.is_char_boundary(*i))
                    .nth(rng.below(s.chars().count() + 1))
                    .unwrap_or(0);
                s.insert_str(at, &w);
            }
            J::Raw(_) => *node = J::Raw(RAW[rng.below(RAW.len())].to_string()),
        },
    }
}

fn mutate_object(members: &mut Vec<(String, J)>, rng: &mut Rng) {
    match rng.below(6) {
        // The same key again, perhaps with another value.
        0 if !members.is_empty() => {
            let (key, value) = members[rng.below(members.len())].clone();
            let value = if rng.chance(2) {
                value
            } else {
                J::Str(word(rng))
            };
            let at = rng.below(members.len() + 1);
            members.insert(at, (key, value));
        }
        // Many keys sharing a long prefix (and, sometimes, repeating).
        1 => {
            let n = [10, 1_000, 9_999, 10_001][rng.below(4)];
            let prefix = "k".repeat([1, 8, 64][rng.below(3)]);
            let repeat = rng.chance(3);
            for i in 0..n {
                let key = if repeat {
                    format!("{prefix}{}", i % 7)
                } else {
                    format!("{prefix}{i}")
                };
                members.push((key, J::Raw(i.to_string())));
            }
        }
        // A key with multi-byte characters or escapes.
        2 => {
            let key = format!("{}é\u{1F600}\n\"{}", word(rng), rng.below(10));
            members.push((key, J::Str(word(rng))));
        }
        // Remove a member.
        3 if !members.is_empty() => {
            members.remove(rng.below(members.len()));
        }
        // Rename a member to a word the kit knows.
        _ if !members.is_empty() => {
            let i = rng.below(members.len());
            members[i].0 = word(rng);
        }
        _ => members.push((word(rng), J::Raw("1".to_string()))),
    }
}

fn mutate_array(items: &mut Vec<J>, rng: &mut Rng) {
    match rng.below(4) {
        // Repeat an item many times.
        0 if !items.is_empty() => {
            let item = items[rng.below(items.len())].clone();
            // At most about 8 MB of copies: past the byte ceilings, not past memory.
            let bytes = item.text().len().max(1);
            let n = [2, 100, 5_000][rng.below(3)].min(8_000_000 / bytes);
            for _ in 0..n {
                items.push(item.clone());
            }
        }
        1 if !items.is_empty() => {
            items.remove(rng.below(items.len()));
        }
        2 if items.len() > 1 => {
            let (a, b) = (rng.below(items.len()), rng.below(items.len()));
            items.swap(a, b);
        }
        _ => items.push(J::Str(word(rng))),
    }
}

/// Byte-level damage to a text, kept valid UTF-8: truncation, a character dropped or doubled.
pub fn damage(text: &mut String, rng: &mut Rng) {
    if text.is_empty() {
        return;
    }
    let mut at = rng.below(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    match rng.below(3) {
        0 => text.truncate(at),
        1 => {
            let insert = ["{", "[", "\"", ",", "\\", "\u{0}", "é"][rng.below(7)];
            text.insert_str(at, insert);
        }
        _ => {
            let end = (at + 1..=text.len())
                .find(|i| text.is_char_boundary(*i))
                .unwrap_or(text.len());
            text.replace_range(at..end, "");
        }
    }
}
