//! The bundle's `teams`: each team's id, the names helpdesk pages show for it (its queue or
//! group name and aliases), and the calendar its SLA policies count on when they name none.
//!
//! A page's team name reaches the kit as `handoff.from.team`, `handoff.to.team` or
//! `owner.team`; the kit turns it into the team id before policies and the rubric read it, by
//! giving each team's name and aliases to the vocabulary ([`Teams::vocabulary`]), which matches
//! ignoring case, surrounding spaces and punctuation. So "Billing Finance" on a page selects the
//! `finance` policy and the finance calendar. No name may mean two teams: such a bundle is
//! refused with both places named.

use crate::diagnostic::{pointer_join, Diagnostic};
use crate::error::{Error, Result};
use crate::vocabulary::{invalid, key};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One team of the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    /// The id policies (`match.team`) and packets use.
    pub id: String,
    /// The name pages show, when given.
    pub name: Option<String>,
    /// Other names pages or people use for it.
    pub aliases: Vec<String>,
    /// The calendar of its policies that name none.
    pub calendar: Option<String>,
}

/// The bundle's teams, in id order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Teams {
    teams: Vec<Team>,
}

impl Teams {
    /// Reads the bundle's `teams` (`Value::Null` when absent; its shape is checked by the
    /// meta-schema first), with the bundle's `vocabulary` and `calendars` to check against. A
    /// name or alias that two teams share (here or in `vocabulary.teams`), or a calendar the
    /// bundle does not define, is an error of kind `bundle` naming the places.
    pub fn from_bundle(teams: &Value, vocabulary: &Value, calendars: &Value) -> Result<Teams> {
        let Some(entries) = teams.as_object() else {
            return Ok(Teams::default());
        };
        let mut problems = Vec::new();
        // Matching key of each name → the team it names, and where the bundle gives it.
        let mut owners: BTreeMap<String, String> = BTreeMap::new();
        let mut places: BTreeMap<String, String> = BTreeMap::new();
        let mut claim = |word: &str, id: &str, path: String, problems: &mut Vec<Diagnostic>| {
            let word_key = key(word);
            if word_key.is_empty() {
                let message = format!(
                    "'{word}' (at {path}) needs at least one letter or digit to name a team."
                );
                return problems.push(invalid(&path, message));
            }
            match owners.get(&word_key) {
                Some(other) if other != id => {
                    let at = places.get(&word_key).map_or("", String::as_str);
                    problems.push(invalid(
                        &path,
                        format!("'{word}' (at {path}) already names team '{other}' (at {at}): a name can mean only one team."),
                    ))
                }
                Some(_) => {}
                None => {
                    places.insert(word_key.clone(), path);
                    owners.insert(word_key, id.to_string());
                }
            }
        };
        let mut list = Vec::with_capacity(entries.len());
        for (id, entry) in entries {
            let path = pointer_join("/teams", id);
            claim(id, id, path.clone(), &mut problems);
            let text = |field: &str| entry.get(field).and_then(Value::as_str);
            let name = text("name").map(str::to_string);
            if let Some(name) = &name {
                claim(name, id, pointer_join(&path, "name"), &mut problems);
            }
            let aliases: Vec<String> = entry
                .get("aliases")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect();
            let aliases_path = pointer_join(&path, "aliases");
            for (index, alias) in aliases.iter().enumerate() {
                let at = pointer_join(&aliases_path, &index.to_string());
                claim(alias, id, at, &mut problems);
            }
            let calendar = text("calendar").map(str::to_string);
            if let Some(calendar) = &calendar {
                let defined = calendar == "default" || calendars.get(calendar).is_some();
                if !defined {
                    problems.push(invalid(
                        &pointer_join(&path, "calendar"),
                        format!("\"{calendar}\" is not one of the bundle's calendars: name a key of \"calendars\" (or \"default\")."),
                    ));
                }
            }
            list.push(Team {
                id: id.clone(),
                name,
                aliases,
                calendar,
            });
        }
        // The vocabulary's own team words may not name another team either.
        let words = vocabulary.get("teams").and_then(Value::as_object);
        for (id, words) in words.into_iter().flatten() {
            let path = pointer_join("/vocabulary/teams", id);
            claim(id, id, path.clone(), &mut problems);
            for (index, word) in words.as_array().into_iter().flatten().enumerate() {
                if let Some(word) = word.as_str() {
                    claim(
                        word,
                        id,
                        pointer_join(&path, &index.to_string()),
                        &mut problems,
                    );
                }
            }
        }
        let Some(first) = problems.first() else {
            return Ok(Teams { teams: list });
        };
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        let message = format!("The bundle's teams cannot be used: {}{more}", first.message);
        Err(Error::new("bundle", message).with_diagnostics(problems))
    }

    /// Every team, in id order.
    pub fn iter(&self) -> impl Iterator<Item = &Team> {
        self.teams.iter()
    }

    /// A team by id.
    pub fn get(&self, id: &str) -> Option<&Team> {
        self.teams.iter().find(|team| team.id == id)
    }

    /// The bundle's `vocabulary` with each team's id, name and aliases added to
    /// `vocabulary.teams`, so the vocabulary maps page names to team ids.
    pub fn vocabulary(&self, vocabulary: &Value) -> Value {
        if self.teams.is_empty() {
            return vocabulary.clone();
        }
        let mut vocabulary = match vocabulary {
            Value::Object(sections) => sections.clone(),
            _ => Map::new(),
        };
        let teams = vocabulary
            .entry("teams")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(teams) = teams {
            for team in &self.teams {
                let words = teams
                    .entry(team.id.clone())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(words) = words {
                    // A word given twice to one team is harmless to the vocabulary.
                    let names = team.name.iter().chain(&team.aliases);
                    words.extend(names.map(|word| Value::String(word.clone())));
                }
            }
        }
        Value::Object(vocabulary)
    }
}

#[cfg(test)]
mod tests;
