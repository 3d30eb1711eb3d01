//! The org vocabulary: the words people actually use for teams, scenarios and issue types,
//! each mapped to one canonical id ("AR", "accounts receivable", "billing team" → `finance`).
//!
//! Packets are normalised before they are scored: [`Vocabulary::normalise`] rewrites the team,
//! scenario and issue-type fields to canonical ids, and flags a team nobody knows with
//! `rubric/unknown-team` and a "did you mean". Matching ignores case, surrounding spaces and
//! punctuation, treats `_` and `-` as spaces, and accepts a trailing "team", "dept",
//! "department", "group", "squad" or "desk" ("Finance Dept" is finance).

pub mod spelling;

use crate::diagnostic::{pointer_join, Diagnostic, Severity, Source};
use crate::error::{Error, Result};
use crate::packet::pick;
use crate::rules::RuleDoc;
use crate::tape::{Node, Tape};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

/// `rubric/unknown-team`, emitted by [`Vocabulary::normalise`].
pub const UNKNOWN_TEAM: RuleDoc = RuleDoc {
    code: "rubric/unknown-team",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "A team name (sending team, receiving team or the owner's team) that is neither a team id nor one of the words the organisation's vocabulary lists for a team.",
    why: "Routing, the receiving team's SLA policy and the wrong-team check all key on the team; an unknown name means none of them can apply, and the case may sit in no one's queue.",
    example: "`handoff.to.team: \"Fnance\"` → \"'Fnance' is not a team this organisation knows. Did you mean 'finance'?\"",
};

/// `rubric/invalid-setting`, for a rubric or vocabulary section of the bundle that cannot be used.
pub const INVALID_SETTING: RuleDoc = RuleDoc {
    code: "rubric/invalid-setting",
    source: Source::Rubric,
    severity: Severity::Error,
    what: "A setting in the bundle's `rubric`, `vocabulary` or `scenarios.*.teams` that the kit cannot use: an unknown check id, a weight that is not a whole number, a word given to two teams, and so on. The path points inside the bundle.",
    why: "A bundle with a broken setting would score every agent's handoffs by rules the admin did not intend; the kit refuses it and says which setting to fix.",
    example: "`rubric.disabled: [\"late-handof\"]` → \"'late-handof' is not a rubric check. Did you mean 'late-handoff'?\"",
};

/// Built-in team words: the eight canonical receiving teams plus three common sending teams.
#[rustfmt::skip]
const BUILTIN_TEAMS: &[(&str, &[&str])] = &[
    ("finance", &["finance team", "accounts receivable", "ar", "accounts payable", "ap", "billing", "billing team", "accounting", "payments", "collections", "revenue"]),
    ("engineering", &["eng", "engineers", "dev", "devs", "developers", "development", "r&d", "tech team", "product engineering", "dev team"]),
    ("tier2", &["tier 2", "tier two", "t2", "l2", "level 2", "second line", "2nd line", "second level", "advanced support"]),
    ("support", &["customer support", "tier 1", "tier1", "t1", "l1", "level 1", "first line", "1st line", "helpdesk", "help desk", "service desk", "customer service"]),
    ("supervisor", &["supervisors", "team lead", "team leader", "manager", "shift lead", "escalations", "escalation team"]),
    ("customer_success", &["success", "csm", "csms", "account management", "account managers", "onboarding", "customer success managers"]),
    ("fulfillment", &["fulfilment", "warehouse", "shipping", "logistics", "delivery", "returns", "order desk", "orders"]),
    ("chat_support", &["chat", "live chat", "chat team", "chat agents", "messaging"]),
    ("bot", &["chatbot", "chat bot", "virtual agent", "virtual assistant", "ai agent"]),
    ("sales", &["sales team", "account executive", "account executives", "ae", "sdr", "business development"]),
    ("voice_support", &["voice", "phone", "phone support", "call center", "call centre", "contact center", "contact centre"]),
];

#[rustfmt::skip]
const BUILTIN_SCENARIOS: &[(&str, &[&str])] = &[
    ("billing_to_finance", &["billing escalation", "billing dispute", "finance handoff", "payment dispute"]),
    ("support_to_engineering", &["bug report", "engineering escalation", "dev escalation", "bug escalation"]),
    ("tier1_to_tier2", &["tier 1 to tier 2", "l1 to l2", "tier escalation", "second line escalation"]),
    ("bot_to_human", &["bot handoff", "bot to agent", "human handoff", "live agent request"]),
    ("agent_to_supervisor", &["supervisor escalation", "manager escalation", "escalate to supervisor"]),
    ("sales_to_success", &["sales handoff", "closed won handoff", "onboarding handoff", "sales to cs"]),
    ("support_to_fulfillment", &["order issue", "shipping issue", "delivery issue", "fulfilment issue"]),
    ("voice_to_chat", &["call to chat", "phone to chat", "voice handoff"]),
];

#[rustfmt::skip]
const BUILTIN_ISSUE_TYPES: &[(&str, &[&str])] = &[
    ("billing", &["invoice", "charge", "payment", "billing issue"]),
    ("refund", &["refund request", "money back", "chargeback"]),
    ("bug", &["defect", "crash", "error", "software bug"]),
    ("outage", &["service down", "down", "incident"]),
    ("account_access", &["login", "log in", "password", "locked out", "2fa", "access"]),
    ("delivery", &["not delivered", "late delivery", "lost parcel"]),
    ("cancellation", &["cancel", "cancel subscription", "churn"]),
    ("feature_request", &["feature", "enhancement", "idea"]),
    ("complaint", &["complain", "unhappy customer"]),
];

/// Trailing words that do not change which team is meant ("Finance Dept").
#[rustfmt::skip]
const TEAM_SUFFIXES: &[&str] = &[
    "team", "dept", "department", "group", "squad", "desk", "queue",
];

/// Words for one kind of thing (teams, scenarios or issue types): matching key → canonical id.
#[derive(Debug, Clone, Default)]
struct Lexicon {
    by_key: BTreeMap<String, String>,
    ids: Vec<String>,
    /// The same ids, to tell a new one in one step.
    known: HashSet<String>,
    /// The ids that are their own canonical form, sorted: packets mostly use ids already, and
    /// one binary search here settles such a field without building its key. Filled by
    /// [`Lexicon::seal`] once the words are all in.
    settled: Vec<String>,
}

impl Lexicon {
    fn builtin(table: &[(&str, &[&str])]) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for (id, words) in table {
            lexicon.add_id(id);
            for word in *words {
                lexicon.by_key.insert(key(word), (*id).to_string());
            }
        }
        lexicon
    }

    fn add_id(&mut self, id: &str) {
        // A set beside the list, which keeps the ids in the order they came: a bundle can
        // name thousands of teams, and looking each up in the list was quadratic in them.
        if self.known.insert(id.to_string()) {
            self.ids.push(id.to_string());
        }
        self.by_key.insert(key(id), id.to_string());
    }

    /// Records which ids are their own canonical form; call it after the last word is added.
    fn seal(&mut self) {
        let mut settled: Vec<String> = self
            .ids
            .iter()
            .filter(|id| with_key(id, |key| self.canonical_key(key)) == Some(id.as_str()))
            .cloned()
            .collect();
        settled.sort();
        self.settled = settled;
    }

    /// `word` itself, when it is an id that is its own canonical form.
    fn settled(&self, word: &str) -> Option<&str> {
        let index = self
            .settled
            .binary_search_by(|id| id.as_str().cmp(word))
            .ok()?;
        Some(&self.settled[index])
    }

    fn canonical(&self, word: &str) -> Option<&str> {
        self.settled(word)
            .or_else(|| with_key(word, |key| self.canonical_key(key)))
    }

    /// [`Lexicon::canonical`] for a word already turned into its matching [`key`].
    fn canonical_key(&self, key: &str) -> Option<&str> {
        if let Some(id) = self.by_key.get(key) {
            return Some(id);
        }
        let stripped = key.strip_prefix("the ").unwrap_or(key);
        let stripped = TEAM_SUFFIXES
            .iter()
            .find_map(|suffix| stripped.strip_suffix(suffix)?.strip_suffix(' '))
            .unwrap_or(stripped)
            .trim_end();
        self.by_key.get(stripped).map(String::as_str)
    }

    /// The id whose word is closest to `word`, for a "did you mean".
    fn suggestion(&self, word: &str) -> Option<&str> {
        let key = key(word);
        let best = spelling::closest(&key, self.by_key.keys().map(String::as_str))?;
        self.by_key.get(best).map(String::as_str)
    }
}

/// The matching key of a word: lowercase, letters and digits only, single spaces between words.
pub fn key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut pending_space = false;
    for c in word.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '&' {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// Longest word whose [`key`] [`with_key`] builds on the stack; team, scenario and issue-type
/// words are far shorter.
const STACK_KEY_LEN: usize = 64;

/// Calls `f` with the matching [`key`] of `word`. Packets are normalised on every check, so
/// for the usual short ASCII word the key is built in a stack buffer instead of a `String`
/// (for ASCII, lowercasing and the letter-or-digit test are the same byte for byte).
fn with_key<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.len() > STACK_KEY_LEN || !word.is_ascii() {
        return f(&key(word));
    }
    let mut buffer = [0u8; STACK_KEY_LEN];
    let mut len = 0;
    let mut pending_space = false;
    for byte in word.bytes().map(|b| b.to_ascii_lowercase()) {
        if byte.is_ascii_alphanumeric() || byte == b'&' {
            if pending_space && len > 0 {
                buffer[len] = b' ';
                len += 1;
            }
            pending_space = false;
            buffer[len] = byte;
            len += 1;
        } else {
            pending_space = true;
        }
    }
    // Only ASCII bytes were written, and never more than `word` has, so this cannot fail.
    match std::str::from_utf8(&buffer[..len]) {
        Ok(key) => f(key),
        Err(_) => f(&key(word)),
    }
}

/// Canonical ids for teams, scenarios and issue types, and the words that mean them.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    teams: Lexicon,
    scenarios: Lexicon,
    issue_types: Lexicon,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary::builtin()
    }
}

impl Vocabulary {
    /// The built-in words only.
    pub fn builtin() -> Vocabulary {
        Vocabulary::builtin_words().sealed()
    }

    /// The built-in words, not yet sealed (see [`Lexicon::seal`]).
    fn builtin_words() -> Vocabulary {
        Vocabulary {
            teams: Lexicon::builtin(BUILTIN_TEAMS),
            scenarios: Lexicon::builtin(BUILTIN_SCENARIOS),
            issue_types: Lexicon::builtin(BUILTIN_ISSUE_TYPES),
        }
    }

    /// The vocabulary with each lexicon sealed (see [`Lexicon::seal`]).
    fn sealed(mut self) -> Vocabulary {
        self.teams.seal();
        self.scenarios.seal();
        self.issue_types.seal();
        self
    }

    /// The built-in words extended by the bundle's `vocabulary` section (`Value::Null` when
    /// absent) and by the bundle's scenario names and their `teams`. A bundle word wins over a
    /// built-in one; a word the bundle gives to two ids is an error (kind `bundle`) whose
    /// diagnostics point inside the bundle.
    pub fn from_bundle(vocabulary: &Value, scenarios: &Map<String, Value>) -> Result<Vocabulary> {
        let mut result = Vocabulary::builtin_words();
        let mut problems = Vec::new();
        for (name, scenario) in scenarios {
            result.scenarios.add_id(name);
            let teams = scenario.get("teams").and_then(Value::as_array);
            for team in teams.into_iter().flatten().filter_map(Value::as_str) {
                if !key(team).is_empty() {
                    result.teams.add_id(team);
                }
            }
        }
        match vocabulary {
            Value::Null => {}
            Value::Object(sections) => {
                for (section, words) in sections {
                    let path = pointer_join("/vocabulary", section);
                    let lexicon = match section.as_str() {
                        "teams" => &mut result.teams,
                        "scenarios" => &mut result.scenarios,
                        "issue_types" => &mut result.issue_types,
                        other => {
                            let hint = spelling::closest(other, ["teams", "scenarios", "issue_types"])
                                .map(|s| format!(" Did you mean '{s}'?"))
                                .unwrap_or_default();
                            problems.push(invalid(&path, format!("'{other}' is not a vocabulary section; use teams, scenarios or issue_types.{hint}")));
                            continue;
                        }
                    };
                    read_section(words, &path, lexicon, &mut problems);
                }
            }
            _ => problems.push(invalid("/vocabulary", "The vocabulary must be an object with teams, scenarios and issue_types, each mapping an id to a list of words.")),
        }
        if problems.is_empty() {
            Ok(result.sealed())
        } else {
            Err(Error::new(
                "bundle",
                format!(
                    "The bundle's vocabulary cannot be used: {}",
                    problems
                        .iter()
                        .map(|d| d.message.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
            )
            .with_diagnostics(problems))
        }
    }

    /// The canonical team id for a word people use, e.g. "Accounts Receivable" → `finance`.
    pub fn canonical_team(&self, word: &str) -> Option<&str> {
        self.teams.canonical(word)
    }

    /// The canonical scenario id for a word people use, e.g. "billing escalation" → `billing_to_finance`.
    pub fn canonical_scenario(&self, word: &str) -> Option<&str> {
        self.scenarios.canonical(word)
    }

    /// The canonical issue type id for a word people use, e.g. "charged twice" → an org's `duplicate_charge`.
    pub fn canonical_issue_type(&self, word: &str) -> Option<&str> {
        self.issue_types.canonical(word)
    }

    /// Every known team id, built-in first, in a stable order.
    pub fn team_ids(&self) -> impl Iterator<Item = &str> {
        self.teams.ids.iter().map(String::as_str)
    }

    /// Rewrites `handoff.from.team`, `handoff.to.team`, `owner.team`, `handoff.scenario` and
    /// `escalation.category` to canonical ids. A team no word matches stays as written and gets
    /// `rubric/unknown-team` (with "Did you mean …?" when a known word is close). Unknown
    /// scenarios and issue types are left alone: organisations add their own. A packet nested
    /// deeper than a parsed document can be (127 containers) is left as it is.
    pub fn normalise(&self, packet: &mut Value) -> Vec<Diagnostic> {
        let text = packet.to_string();
        let Ok(mut tape) = Tape::parse(&text) else {
            return Vec::new();
        };
        let diagnostics = self.normalise_tape(&mut tape);
        *packet = tape.to_value();
        diagnostics
    }

    /// [`Vocabulary::normalise`] for a packet read in place (the kit's path): the canonical ids
    /// take the place of the words in the tape.
    pub fn normalise_tape(&self, tape: &mut Tape<'_>) -> Vec<Diagnostic> {
        let (rewrites, diagnostics) = self.rewrites(tape.root());
        for (at, id) in rewrites {
            tape.replace_string(at, id);
        }
        diagnostics
    }

    /// The strings to rewrite (tape index, canonical id) and the unknown-team diagnostics, in
    /// field order (from, to, owner).
    fn rewrites<'t>(&self, packet: Node<'t>) -> (Vec<(usize, &str)>, Vec<Diagnostic>) {
        let mut rewrites = Vec::new();
        let mut diagnostics = Vec::new();
        let [escalation, handoff, owner] = pick(Some(packet), &["escalation", "handoff", "owner"]);
        let [from, scenario, to] = pick(handoff, &["from", "scenario", "to"]);
        let team = |side: Option<Node<'t>>| side.and_then(|side| side.get("team"));
        for (path, word) in [
            ("/handoff/from/team", team(from)),
            ("/handoff/to/team", team(to)),
            ("/owner/team", team(owner)),
        ] {
            if let Some((at, text)) = word.and_then(|w| Some((w.index(), w.as_str()?))) {
                if let Some(id) = self.team_id(path, text, &mut diagnostics) {
                    rewrites.push((at, id));
                }
            }
        }
        for (word, lexicon) in [
            (scenario, &self.scenarios),
            (
                escalation.and_then(|e| e.get("category")),
                &self.issue_types,
            ),
        ] {
            if let Some((at, text)) = word.and_then(|w| Some((w.index(), w.as_str()?))) {
                if let Some(id) = lexicon.canonical(text).filter(|id| *id != text) {
                    rewrites.push((at, id));
                }
            }
        }
        (rewrites, diagnostics)
    }

    /// The id to write in place of the team `word` at `path`, or a diagnostic when no word
    /// matches. A word with no letter or digit names nothing to match and is left alone.
    fn team_id(&self, path: &str, word: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<&str> {
        if self.teams.settled(word).is_some() {
            return None;
        }
        let canonical = with_key(word, |key| {
            (!key.is_empty()).then(|| self.teams.canonical_key(key))
        });
        match canonical {
            None => None,
            Some(Some(id)) => Some(id).filter(|id| *id != word),
            Some(None) => {
                diagnostics.push(self.unknown_team(path, word));
                None
            }
        }
    }

    fn unknown_team(&self, path: &str, word: &str) -> Diagnostic {
        let mut message = format!("'{}' is not a team this organisation knows.", word.trim());
        if let Some(id) = self.teams.suggestion(word) {
            message.push_str(&format!(" Did you mean '{id}'?"));
        }
        let known: Vec<&str> = self.team_ids().take(12).collect();
        Diagnostic::new(UNKNOWN_TEAM.code, UNKNOWN_TEAM.severity, Source::Rubric, path, message).with_hint(format!(
            "Use a team the receiving side recognises ({}), so the handoff lands in the right queue and runs on that team's SLA.",
            known.join(", ")
        ))
    }
}

fn read_section(words: &Value, path: &str, lexicon: &mut Lexicon, problems: &mut Vec<Diagnostic>) {
    let Some(entries) = words.as_object() else {
        problems.push(invalid(path, "This must be an object mapping each id to a list of words, e.g. { \"finance\": [\"AR\", \"billing team\"] }."));
        return;
    };
    // Words the bundle itself has assigned, to catch one word given to two ids.
    let mut assigned: BTreeMap<String, &str> = BTreeMap::new();
    for (id, list) in entries {
        let id_path = pointer_join(path, id);
        if !is_id(id) {
            problems.push(invalid(&id_path, format!("'{id}' is not a usable id: use lowercase letters, digits and '_', starting with a letter (e.g. 'customer_success').")));
            continue;
        }
        lexicon.add_id(id);
        let Some(list) = list.as_array() else {
            problems.push(invalid(
                &id_path,
                format!("The words for '{id}' must be a list of strings."),
            ));
            continue;
        };
        for (index, word) in list.iter().enumerate() {
            let word_path = pointer_join(&id_path, &index.to_string());
            let Some(word) = word.as_str() else {
                problems.push(invalid(
                    &word_path,
                    format!("Each word for '{id}' must be a string."),
                ));
                continue;
            };
            let word_key = key(word);
            if word_key.is_empty() {
                problems.push(invalid(
                    &word_path,
                    format!("A word for '{id}' needs at least one letter or digit."),
                ));
                continue;
            }
            match assigned.get(&word_key) {
                Some(other) if *other != id.as_str() => problems.push(invalid(
                    &word_path,
                    format!(
                        "'{word}' is already a word for '{other}'; a word can mean only one thing."
                    ),
                )),
                _ => {
                    assigned.insert(word_key.clone(), id);
                    lexicon.by_key.insert(word_key, id.clone());
                }
            }
        }
    }
}

/// Whether a word is usable as an id: lowercase letters, digits and `_`, starting with a letter.
pub(crate) fn is_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A `rubric/invalid-setting` diagnostic at a pointer inside the bundle.
pub(crate) fn invalid(path: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(
        INVALID_SETTING.code,
        Severity::Error,
        Source::Rubric,
        path,
        message,
    )
}

#[cfg(test)]
mod tests;
