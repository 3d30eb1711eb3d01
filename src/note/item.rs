//! One line of a list: an action and its outcome, a next step and who does it, a document
//! and who provided it, a person, an ordered item.

use super::choice::Choices;
use super::draft::{Draft, Obj};
use super::field::Kind;
use super::filler::Filler;
use super::value::{self, find_any, strip_emphasis};
use crate::diagnostic::pointer_join;

/// The items of a list section: one per line with bullets and numbers removed; a single
/// line is split at `;` (and at `,` too when `commas`). "none" alone means an empty list.
pub(crate) fn list(body: &str, commas: bool) -> Vec<&str> {
    let lines: Vec<&str> = body
        .lines()
        .map(strip_bullet)
        .filter(|l| !l.is_empty())
        .collect();
    let items: Vec<&str> = if commas {
        lines
            .iter()
            .flat_map(|l| l.split([',', ';']))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    } else if lines.len() == 1 {
        lines
            .iter()
            .flat_map(|l| l.split("; "))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    } else {
        lines
    };
    const NONE: &[&str] = &[
        "none", "n/a", "na", "-", "—", "nothing", "keine", "nichts", "aucun", "aucune", "rien",
        "ninguno", "ninguna", "nada",
    ];
    if let [only] = items.as_slice() {
        if NONE.contains(&only.trim_end_matches('.').to_lowercase().as_str()) {
            return Vec::new();
        }
    }
    items.into_iter().map(strip_emphasis).collect()
}

/// "- x", "* x", "• x", "1. x", "2) x", "[x] x" → "x".
fn strip_bullet(line: &str) -> &str {
    let t = line.trim();
    for bullet in [
        "- ", "* ", "+ ", "• ", "· ", "◦ ", "‣ ", "– ", "— ", "[ ] ", "[x] ", "[X] ", "☐ ", "☑ ",
        "✅ ", "•", "·",
    ] {
        if let Some(rest) = t.strip_prefix(bullet) {
            return rest.trim();
        }
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=3).contains(&digits) {
        if let Some(rest) = t.get(digits..).and_then(|r| r.strip_prefix(['.', ')'])) {
            if rest.starts_with(char::is_whitespace) {
                return rest.trim();
            }
        }
    }
    t
}

/// Reads one list item of `kind` at `pointer`.
pub(crate) fn read<'w>(f: &mut Filler<'_>, kind: Kind, pointer: &str, words: &'w str) -> Draft<'w> {
    match kind {
        Kind::Actions => action(f, pointer, words),
        Kind::NextSteps => next_step(f, pointer, words),
        Kind::Documents => document(f, pointer, words),
        Kind::People => person(f, pointer, words, "role"),
        Kind::Items => stock_item(f, pointer, words),
        _ => Draft::str(words),
    }
}

fn put<'w>(
    f: &mut Filler<'_>,
    object: &mut Obj<'w>,
    pointer: &str,
    key: &'static str,
    words: &'w str,
) {
    let words = words.trim();
    if words.is_empty() {
        return;
    }
    f.mark_child(pointer, key, words);
    object.insert(key, Draft::str(words));
}

/// Trims separators left at the edge of a part ("Checked the invoice –" → "Checked the invoice").
fn tidy(words: &str) -> &str {
    words
        .trim()
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ',' | ';' | ':') || c.is_whitespace())
}

/// "Checked the invoice → two identical charges" (also `->`, `=>`, "– result:", ": ").
fn action<'w>(f: &mut Filler<'_>, pointer: &str, words: &'w str) -> Draft<'w> {
    let mut object = Obj::with_capacity(2);
    let arrow = find_any(words, &["→", "->", "=>", "⇒", "➔", "➜", "⟶"], false);
    let result = || {
        find_any(
            words,
            &[
                "result:",
                "ergebnis:",
                "résultat:",
                "resultado:",
                "outcome:",
            ],
            true,
        )
    };
    let colon = || words.find(": ").map(|at| (at, 2));
    match arrow.or_else(result).or_else(colon) {
        Some((at, len)) => {
            put(
                f,
                &mut object,
                pointer,
                "action",
                tidy(words.get(..at).unwrap_or("")),
            );
            put(
                f,
                &mut object,
                pointer,
                "outcome",
                tidy(words.get(at + len..).unwrap_or("")),
            );
        }
        None => put(f, &mut object, pointer, "action", words),
    }
    Draft::Object(object)
}

/// "Refund the duplicate charge — Dana, by 2026-11-27" → action, owner, due. A due date
/// that is not an ISO date stays in the action's words ("…, by Fri").
fn next_step<'w>(f: &mut Filler<'_>, pointer: &str, words: &'w str) -> Draft<'w> {
    let mut object = Obj::with_capacity(3);
    let separator = find_any(words, &[" — ", " – ", " - ", " → ", " -> "], false);
    let (action_words, assignee) = match separator {
        Some((at, len)) => (
            words.get(..at).unwrap_or(""),
            words.get(at + len..).unwrap_or(""),
        ),
        None => match words
            .trim_end()
            .strip_suffix(')')
            .and_then(|w| w.rfind('(').map(|open| (w, open)))
        {
            Some((w, open)) => (w.get(..open).unwrap_or(""), w.get(open + 1..).unwrap_or("")),
            None => (words, ""),
        },
    };
    let due_at = find_any(
        assignee,
        &[
            ", by ",
            " by ",
            ", due ",
            " due ",
            ", until ",
            ", bis ",
            " bis ",
            ", avant ",
            ", para el ",
            ", antes del ",
        ],
        true,
    )
    .or_else(|| {
        ["by ", "due ", "bis "]
            .iter()
            .find(|k| assignee.to_ascii_lowercase().starts_with(*k))
            .map(|k| (0, k.len()))
    });
    let (owner, due) = match due_at {
        Some((at, len)) => (
            assignee.get(..at).unwrap_or(""),
            assignee.get(at..).map(|d| (d, d.get(len..).unwrap_or(""))),
        ),
        None => (assignee, None),
    };
    let action = tidy(action_words);
    match due {
        Some((_, date)) if value::instant(date).is_some() || is_date(date.trim()) => {
            put(f, &mut object, pointer, "action", action);
            put(f, &mut object, pointer, "due", date);
        }
        Some((clause, _)) => {
            f.mark_child(pointer, "action", action);
            let clause = tidy(clause);
            object.insert("action", Draft::owned(format!("{action}, {clause}")));
        }
        None => put(f, &mut object, pointer, "action", action),
    }
    put(
        f,
        &mut object,
        pointer,
        "owner",
        tidy(owner).trim_start_matches('@'),
    );
    Draft::Object(object)
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// "invoice.pdf (from customer)", "Screenshot https://… — from me".
fn document<'w>(f: &mut Filler<'_>, pointer: &str, words: &'w str) -> Draft<'w> {
    let mut object = Obj::with_capacity(3);
    let url = value::link(words);
    let linked = if url.is_none() {
        f.link_in(words)
    } else {
        None
    };
    let trimmed = words.trim_end();
    let (rest, who) = match trimmed
        .strip_suffix(')')
        .and_then(|w| w.rfind('(').map(|open| (w, open)))
    {
        Some((w, open)) => (
            w.get(..open).unwrap_or(""),
            Some(w.get(open + 1..).unwrap_or("")),
        ),
        None => match [" — ", " – ", " - ", ", "]
            .iter()
            .filter_map(|s| trimmed.rfind(s).map(|at| (at, s.len())))
            .max()
        {
            Some((at, len))
                if Choices::ProvidedBy
                    .read(trimmed.get(at + len..).unwrap_or(""))
                    .is_some() =>
            {
                (trimmed.get(..at).unwrap_or(""), trimmed.get(at + len..))
            }
            _ => (trimmed, None),
        },
    };
    let name = match url {
        Some(u) => {
            let before = rest
                .get(..super::section::offset(rest, u).min(rest.len()))
                .filter(|_| rest.contains(u));
            match before.map(tidy) {
                Some(b) if !b.is_empty() => b,
                _ => u,
            }
        }
        None => tidy(rest),
    };
    put(f, &mut object, pointer, "name", name);
    if let Some(u) = url {
        put(f, &mut object, pointer, "url", u);
    } else if let Some((shown, href)) = linked {
        f.mark_child(pointer, "url", shown);
        object.insert("url", Draft::owned(href));
    }
    if let Some(who) = who.map(str::trim).filter(|w| !w.is_empty()) {
        match Choices::ProvidedBy.read(who) {
            Some(by) => {
                f.mark_child(pointer, "provided_by", who);
                object.insert("provided_by", Draft::str(by));
            }
            None => f.unreadable(
                &pointer_join(pointer, "provided_by"),
                who,
                format!("“{who}” does not say whether the customer or an agent provided this document."),
                "Write “(from customer)” or “(from agent)”; the receiving team must not ask the customer for it again.".to_string(),
            ),
        }
    }
    Draft::Object(object)
}

/// "Dana Kim (Finance) <dana@example.com>" → `{ name, <second>: "Finance", email }`.
pub(crate) fn person<'w>(
    f: &mut Filler<'_>,
    pointer: &str,
    words: &'w str,
    second: &'static str,
) -> Draft<'w> {
    let mut object = Obj::with_capacity(3);
    let email = words
        .split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';'))
        .find(|w| w.contains('@') && w.contains('.') && !w.starts_with('@'));
    let open = words.find('(');
    let close = open.and_then(|o| words.get(o..).and_then(|r| r.find(')')).map(|c| o + c));
    let separator = [" — ", " – ", " - ", ", ", " / "]
        .iter()
        .filter_map(|s| words.find(s).map(|at| (at, s.len())))
        .min();
    let email_at = email.map(|e| super::section::offset(words, e));
    let cut = [open, words.find('<'), email_at, separator.map(|(at, _)| at)]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(words.len());
    put(
        f,
        &mut object,
        pointer,
        "name",
        tidy(words.get(..cut).unwrap_or("")).trim_start_matches('@'),
    );
    let group = match (open, close) {
        (Some(o), Some(c)) => words
            .get(o + 1..c)
            .filter(|g| email.is_none_or(|e| !g.contains(e))),
        _ => None,
    }
    .or_else(|| {
        let (at, len) = separator?;
        let after = words.get(at + len..)?;
        let end = [
            after.find('<'),
            after.find('('),
            email
                .filter(|e| after.contains(*e))
                .map(|e| super::section::offset(after, e)),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(after.len());
        after.get(..end)
    });
    if let Some(group) = group {
        put(f, &mut object, pointer, second, tidy(group));
    }
    if let Some(email) = email {
        put(f, &mut object, pointer, "email", email);
    }
    Draft::Object(object)
}

/// "2 × Blue mug (SKU MUG-2)", "Blue mug x2", "SKU: MUG-2 Blue mug".
fn stock_item<'w>(f: &mut Filler<'_>, pointer: &str, words: &'w str) -> Draft<'w> {
    let mut object = Obj::with_capacity(3);
    let mut rest = words.trim();
    // Leading quantity: "2 × ", "2x ", "2 ".
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let number = rest.get(..digits).unwrap_or("");
        let after = rest.get(digits..).unwrap_or("");
        let after_times = after
            .trim_start()
            .strip_prefix(['x', 'X', '×'])
            .filter(|a| a.starts_with(char::is_whitespace))
            .unwrap_or(after);
        if after_times.starts_with(char::is_whitespace) {
            quantity(f, &mut object, pointer, number);
            rest = after_times.trim();
        }
    }
    // Trailing quantity: "x2", "× 2", "qty 2".
    if !object.contains_key("quantity") {
        for mark in [" x", " ×", " qty", " qty:", " x ", " × "] {
            if let Some(at) = rest.to_ascii_lowercase().rfind(mark) {
                let number = rest.get(at + mark.len()..).unwrap_or("").trim();
                if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
                    quantity(f, &mut object, pointer, number);
                    rest = rest.get(..at).unwrap_or("").trim();
                    break;
                }
            }
        }
    }
    // SKU: "(SKU MUG-2)", "SKU: MUG-2".
    if let Some((at, _)) = find_any(rest, &["sku"], true) {
        let after = rest
            .get(at + 3..)
            .unwrap_or("")
            .trim_start_matches([':', '#', ' ']);
        let end = after
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | ',' | ';'))
            .unwrap_or(after.len());
        let sku = after.get(..end).unwrap_or("");
        if !sku.is_empty() {
            put(f, &mut object, pointer, "sku", sku);
            let before = rest
                .get(..at)
                .unwrap_or("")
                .trim_end()
                .trim_end_matches('(');
            let behind = after.get(end..).unwrap_or("").trim_start_matches(')');
            rest = if tidy(before).is_empty() {
                behind
            } else {
                before
            };
        }
    }
    put(f, &mut object, pointer, "name", tidy(rest));
    Draft::Object(object)
}

fn quantity(f: &mut Filler<'_>, object: &mut Obj<'_>, pointer: &str, number: &str) {
    if let Ok(n) = number.parse::<u64>() {
        f.mark_child(pointer, "quantity", number);
        object.insert("quantity", Draft::json(n.into()));
    }
}
