//! Filling the packet from a note's sections: each section is read as its field's kind, and
//! the words that filled each field are remembered.

use super::config::NoteConfig;
use super::draft::{Draft, Obj};
use super::field::Kind;
use super::filler::Filler;
use super::section::{Head, Section};
use super::value::strip_emphasis;
use super::{amount, environment, item, value};
use crate::diagnostic::{pointer_join, push_pointer_token, Span};
use serde_json::Value;
use std::fmt::Write;

impl<'a> Filler<'a> {
    /// Fills the packet from all sections.
    pub(crate) fn fill(&mut self, sections: &[Section<'a>], config: &NoteConfig) {
        let summary = config.index_of("summary");
        let has_summary = sections
            .iter()
            .any(|s| matches!(s.head, Head::Known { field, .. } if Some(field) == summary));
        for section in sections {
            match section.head {
                Head::Preamble if !has_summary => {
                    if let Some(field) = summary {
                        self.known(field, "", section.body, config);
                    }
                }
                Head::Preamble => self.keep("", section.body),
                Head::Unknown { heading } => self.keep(heading, section.body),
                Head::Known { field, heading } => self.known(field, heading, section.body, config),
            }
        }
        if !self.other_sections.is_empty() {
            self.packet.insert(
                "other_sections",
                Draft::Array(std::mem::take(&mut self.other_sections)),
            );
        }
    }

    /// Keeps text under an unknown heading in `other_sections`.
    fn keep(&mut self, heading: &'a str, body: &'a str) {
        let pointer = format!("/other_sections/{}", self.other_sections.len());
        if !heading.is_empty() {
            self.mark_child(&pointer, "heading", heading);
        }
        self.mark_child(&pointer, "text", body);
        self.mark(&pointer, body);
        self.other_sections.push(Draft::kept(heading, body));
    }

    fn known(&mut self, index: usize, heading: &'a str, body: &'a str, config: &NoteConfig) {
        let Some(field) = config.field(index) else {
            return;
        };
        let tokens: Vec<&str> = field.key.split('.').collect();
        let mut pointer = String::new();
        for token in &tokens {
            push_pointer_token(&mut pointer, token);
        }
        let (exists, existing_len) = match lookup(&self.packet, &tokens) {
            None => (false, None),
            Some(Draft::Array(items)) => (true, Some(items.len())),
            Some(_) => (true, None),
        };
        let is_list = matches!(
            field.kind,
            Kind::Lines
                | Kind::Words
                | Kind::Actions
                | Kind::NextSteps
                | Kind::Documents
                | Kind::People
                | Kind::Items
        );
        if body.is_empty() {
            // An empty section: point at the place right after its heading.
            let at = self.range(body).0;
            self.spans
                .set(&pointer, Span { start: at, end: at }, |_| true);
            return;
        }
        if exists && !(is_list && existing_len.is_some()) {
            // The same heading twice: keep the later words rather than lose them.
            self.keep(heading, body);
            return;
        }
        if !exists {
            // Spans left by an earlier empty or unreadable section give way to these words.
            self.spans.remove_under(&pointer);
        }
        // A one-line value: further lines under its heading are kept, not lost.
        let single = matches!(
            field.kind,
            Kind::Person
                | Kind::Choice(_)
                | Kind::YesNo
                | Kind::Count
                | Kind::Share
                | Kind::Link
                | Kind::Instant
                | Kind::Amount
        );
        let (body, more) = match body.split_once('\n') {
            Some((first, rest)) if single => (first.trim(), rest.trim()),
            _ => (body, ""),
        };
        if !more.is_empty() {
            self.keep(heading, more);
        }
        let Some(value) = self.read(
            field.kind,
            &pointer,
            heading,
            body,
            existing_len.unwrap_or(0),
        ) else {
            self.mark(&pointer, body);
            return;
        };
        let filled = match (existing_len, value) {
            // A list section again: its items join the list in place (copying the list on
            // each repeat made a note of many repeated sections quadratic).
            (Some(_), Draft::Array(more)) => match lookup_mut(&mut self.packet, &tokens) {
                Some(Draft::Array(items)) => {
                    items.extend(more);
                    true
                }
                _ => set(&mut self.packet, &tokens, Draft::Array(more)),
            },
            (_, value) => set(&mut self.packet, &tokens, value),
        };
        if filled {
            self.mark(&pointer, strip_emphasis(body));
        } else {
            self.keep(heading, body);
        }
    }

    /// Reads `body` as `kind`; `None` when the words cannot be mapped (already reported).
    fn read(
        &mut self,
        kind: Kind,
        pointer: &str,
        heading: &str,
        body: &'a str,
        first: usize,
    ) -> Option<Draft<'a>> {
        let words = strip_emphasis(body);
        // Written into a message only when one is reported (most sections report nothing).
        let shown = Shown(heading);
        let quoted = Quoted(words);
        match kind {
            Kind::Text => Some(Draft::str(words)),
            Kind::Lines | Kind::Words => {
                let items = item::list(body, kind == Kind::Words);
                Some(Draft::Array(items.iter().enumerate().map(|(i, w)| {
                    self.mark_item(pointer, first + i, w);
                    Draft::str(w)
                }).collect()))
            }
            Kind::Actions | Kind::NextSteps | Kind::Documents | Kind::People | Kind::Items => {
                let items = item::list(body, false);
                // One buffer for every item's pointer, not a string each.
                let mut at = String::with_capacity(pointer.len() + 8);
                Some(Draft::Array(items.into_iter().enumerate().map(|(i, w)| {
                    at.clear();
                    at.push_str(pointer);
                    // Writing to a String cannot fail.
                    let _ = write!(at, "/{}", first + i);
                    self.mark(&at, w);
                    item::read(self, kind, &at, w).compact()
                }).collect()))
            }
            Kind::Person => Some(item::person(self, pointer, words, "team")),
            Kind::Environment => Some(environment::read(self, pointer, words)),
            Kind::Choice(choices) => match choices.read(words) {
                Some(v) => Some(Draft::str(v)),
                None => {
                    self.unreadable(pointer, words, format!("“{quoted}” under {shown} is not something the kit can read as one of: {}.", choices.values().join(", ")), format!("Use one of those words, or a common one ({}), so the receiving team can sort and route the case.", choices.example()));
                    None
                }
            },
            Kind::YesNo => match value::yes_no(words) {
                Some(b) => Some(Draft::json(Value::Bool(b))),
                None => {
                    self.unreadable(pointer, words, format!("“{quoted}” under {shown} is not a clear yes or no."), "Start the line with “yes” or “no”; the receiving team relies on it.".to_string());
                    None
                }
            },
            Kind::Count => value::count(words).map(Draft::json).or_else(|| {
                self.unreadable(pointer, words, format!("“{quoted}” under {shown} has no number in it."), "Write the number, even a rough one (“about 40”), so the receiving team can judge the impact.".to_string());
                None
            }),
            Kind::Share => value::share(words).map(Draft::json).or_else(|| {
                self.unreadable(pointer, words, format!("“{quoted}” under {shown} is not a share from 0 to 1 or a percentage."), "Write it as “0.42” or “42%”.".to_string());
                None
            }),
            Kind::Link => match self.link_in(words) {
                Some((shown, url)) => {
                    self.mark(pointer, shown);
                    Some(Draft::owned(url))
                }
                None => {
                    self.unreadable(pointer, words, format!("“{quoted}” under {shown} has no link in it."), "Paste the full address (https://…) so the receiving team can open it without asking.".to_string());
                    None
                }
            },
            Kind::Instant => match value::instant(words) {
                Some(at) => Some(Draft::owned(at.to_string())),
                None => {
                    self.unreadable(pointer, words, format!("“{quoted}” under {shown} is not a date and time the kit can read."), "Write it as 2026-11-24T17:00+01:00 (date, time and offset) so the deadline is the same for every team.".to_string());
                    None
                }
            },
            Kind::Amount => self.amount(pointer, shown, words),
        }
    }

    fn amount(&mut self, pointer: &str, shown: Shown<'_>, words: &'a str) -> Option<Draft<'a>> {
        let Some(read) = amount::read(words) else {
            self.unreadable(
                pointer,
                words,
                format!("There is no amount under {shown}."),
                "Write the amount with its currency, such as “€49.00” or “49.00 EUR”.".to_string(),
            );
            return None;
        };
        let mut object = Obj::with_capacity(2);
        self.mark_child(pointer, "value", read.number);
        object.insert(
            "value",
            Draft::json(
                serde_json::Number::from_f64(read.value).map_or(Value::Null, Value::Number),
            ),
        );
        match read.currency {
            Some((code, written)) => {
                self.mark_child(pointer, "currency", written);
                object.insert("currency", Draft::str(code));
            }
            None => self.unreadable(
                &pointer_join(pointer, "currency"),
                words,
                format!("The amount under {shown} has no currency."),
                "Add the currency, such as “EUR” or “€”; Finance cannot match a charge without it."
                    .to_string(),
            ),
        }
        Some(Draft::Object(object))
    }
}
fn lookup<'v, 'w>(packet: &'v Obj<'w>, tokens: &[&str]) -> Option<&'v Draft<'w>> {
    let (first, rest) = tokens.split_first()?;
    rest.iter().try_fold(packet.get(first)?, |v, t| v.get(t))
}

fn lookup_mut<'v, 'w>(packet: &'v mut Obj<'w>, tokens: &[&str]) -> Option<&'v mut Draft<'w>> {
    let (first, rest) = tokens.split_first()?;
    rest.iter()
        .try_fold(packet.get_mut(first)?, |v, t| v.get_mut(t))
}

/// Sets the value at `tokens`, creating objects on the way; false when something that is
/// not an object is in the way.
fn set<'w>(packet: &mut Obj<'w>, tokens: &[&str], value: Draft<'w>) -> bool {
    let Some((last, parents)) = tokens.split_last() else {
        return false;
    };
    let mut object = packet;
    for token in parents {
        match object.get_or_insert_with(token, || Draft::Object(Obj::new())) {
            Draft::Object(inner) => object = inner,
            _ => return false,
        }
    }
    object.insert((*last).to_string(), value);
    true
}

/// The heading a message names: “Owner”, or the note itself for words before any heading.
#[derive(Clone, Copy)]
struct Shown<'h>(&'h str);

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            f.write_str("the note")
        } else {
            write!(f, "“{}”", self.0)
        }
    }
}

/// The first 40 characters of the words a message quotes.
#[derive(Clone, Copy)]
struct Quoted<'w>(&'w str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let end = self
            .0
            .char_indices()
            .nth(40)
            .map_or(self.0.len(), |(at, _)| at);
        f.write_str(self.0.get(..end).unwrap_or(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse, NoteConfig, NoteFormat};

    #[test]
    fn unreadable_value_messages_quote_the_heading_and_forty_characters() {
        let config = NoteConfig::default();
        let long = "a".repeat(39) + "é and more words after the fortieth character";
        let note = parse(
            &format!("Customer mood: meh\nCustomer informed: {long}"),
            NoteFormat::Text,
            &config,
        );
        let messages: Vec<&str> = note
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert!(
            messages[0].starts_with(
                "“meh” under “Customer mood” is not something the kit can read as one of: "
            ),
            "{messages:?}"
        );
        assert_eq!(
            messages[1],
            format!(
                "“{}é” under “Customer informed” is not a clear yes or no.",
                "a".repeat(39)
            )
        );
        let note = parse("Affected users: many", NoteFormat::Text, &config);
        assert_eq!(
            note.diagnostics[0].message,
            "“many” under “Affected users” has no number in it."
        );
    }
}
