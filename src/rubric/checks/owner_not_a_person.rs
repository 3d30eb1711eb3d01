//! # `rubric/owner-not-a-person`
//!
//! **What it checks.** That `owner.name` names one person, not a team ("Finance"), a role
//! ("tier 2", "billing specialist", "on-call engineer"), a placeholder ("TBD", "someone",
//! "?") or a shared mailbox ("finance@acme.com"). A missing owner counts too, unless the
//! JSON Schema already reported it.
//!
//! **Why it matters.** Every escalation needs one accountable, named owner: a team cannot be asked
//! "where is this?", a person can, and a case owned by "Finance" is owned by nobody.
//!
//! **Example.** `owner.name: "Finance"` → "Name the person who owns this after the handoff —
//! 'Finance' is a team, not an owner."
//!
//! *Decision (`docs/scoring.md`).* The check always applies: a missing owner fails it. It
//! judges the name alone (team words come from the vocabulary), so deleting another field,
//! such as `owner.team`, can never turn a team name into a person's.

use crate::diagnostic::{Severity, Source};
use crate::rubric::check::{Check, Finding, Input, Verdict};
use crate::rubric::fields::quote;
use crate::rubric::word_lists::{PhraseSet, WordSet};
use crate::rubric::wording::Words;
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/owner-not-a-person",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That `owner.name` names one person, not a team (\"Finance\"), a role (\"tier 2\", \"billing specialist\"), a placeholder (\"TBD\", \"someone\") or a shared mailbox. A missing owner counts too, unless the JSON Schema already reported it.",
    why: "Every escalation needs one accountable, named owner: a team cannot be asked \"where is this?\", a person can, and a case owned by \"Finance\" is owned by nobody.",
    example: "`owner.name: \"Finance\"` → \"Name the person who owns this after the handoff — 'Finance' is a team, not an owner.\"",
};

/// Checks the owner's name.
pub struct OwnerNotAPerson;

static PLACEHOLDERS: PhraseSet = PhraseSet::new(PLACEHOLDER_PHRASES);

#[rustfmt::skip]
const PLACEHOLDER_PHRASES: &[&str] = &[
    "tbd", "tba", "tbc", "n/a", "na", "none", "nobody", "no one", "someone", "somebody", "anyone",
    "anybody", "unknown", "unassigned", "not assigned", "to be decided", "to be assigned",
    "to be confirmed", "whoever", "whoever is free", "todo", "to do", "x", "xx", "xxx", "me",
    "myself", "them", "they", "owner", "name", "assignee", "next available", "next available agent",
];

/// Words that make up team and role descriptions but never a person's name.
#[rustfmt::skip]
const ROLE_WORDS: &[&str] = &[
    "agent", "agents", "engineer", "engineers", "developer", "developers", "dev", "devs",
    "specialist", "specialists", "manager", "managers", "supervisor", "lead", "leader", "rep",
    "representative", "admin", "administrator", "analyst", "staff", "member", "person", "csm",
    "tier", "level", "line", "l1", "l2", "l3", "t1", "t2", "t3", "on", "call", "duty", "senior",
    "junior", "support", "billing", "finance", "engineering", "success", "customer", "account",
    "accounts", "the", "a", "an", "any", "some", "our", "their", "next", "available", "shift",
    "night", "day", "of", "from", "in", "1", "2", "3", "one", "two", "three", "first", "second",
    "third", "escalation", "escalations", "ops", "operations", "it", "qa", "sales", "fulfillment",
    "warehouse", "chat", "service", "technical", "tech", "payments", "accounting", "whoever",
];

/// Last words that make a name a group ("Acme Ops Team").
#[rustfmt::skip]
static GROUP_WORDS: WordSet = WordSet::new(&[
    "team", "teams", "dept", "department", "group", "squad", "desk", "queue", "crew", "unit", "pod",
]);

/// A name made only of these words is a role: the role words and the placeholders as written
/// (only those of one word can match, since a word holds no space).
static ROLE_OR_PLACEHOLDER_WORDS: WordSet = WordSet::union(&[ROLE_WORDS, PLACEHOLDER_PHRASES]);

impl Check for OwnerNotAPerson {
    fn run(&self, input: &Input) -> Verdict {
        let hint = "Write one person's name (for example 'Dana Kim') and put the team under the owner's team: the customer and the receiving team need someone they can ask.";
        let Some(name) = input.fields.owner_name else {
            return Verdict::missing(Finding::new(
                "/owner/name",
                "Name the person who owns this case after the handoff.",
                hint,
            ));
        };
        let Some(what) = not_a_person(name, input) else {
            return Verdict::pass();
        };
        let message = format!(
            "Name the person who owns this after the handoff — '{}' is {what}, not an owner.",
            quote(name)
        );
        Verdict::fail(vec![Finding::new("/owner/name", message, hint)])
    }
}

/// What the name is instead of a person ("a team", "a role", …), or `None` for a person.
fn not_a_person(name: &str, input: &Input) -> Option<&'static str> {
    let name_words = Words::new(name);
    if name_words.is_empty() || PLACEHOLDERS.contains(&name_words) {
        return Some("a placeholder");
    }
    if name.contains('@') {
        return Some("an e-mail address");
    }
    let last_is_group = name_words.last().is_some_and(|w| GROUP_WORDS.contains(w));
    if last_is_group || input.vocabulary.canonical_team(name).is_some() {
        return Some("a team");
    }
    if name_words
        .iter()
        .all(|w| ROLE_OR_PLACEHOLDER_WORDS.contains(w))
    {
        return Some("a role");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::testing::run;
    use serde_json::json;

    fn verdict_for(name: &str) -> Verdict {
        run(
            &OwnerNotAPerson,
            &json!({"owner": {"name": name, "team": "finance"}}),
        )
    }

    #[test]
    fn named_people_pass() {
        for name in [
            "Dana Kim",
            "Dana",
            "José Álvarez",
            "O'Neill, Pat",
            "Kim Lee (Finance)",
        ] {
            assert!(verdict_for(name).passed(), "{name}");
        }
    }

    #[test]
    fn teams_roles_and_placeholders_fail() {
        let cases = [
            ("Finance", "a team"),
            ("accounts receivable", "a team"),
            ("Acme Ops Team", "a team"),
            ("tier 2", "a team"),
            ("Billing specialist", "a role"),
            ("on-call engineer", "a role"),
            ("TBD", "a placeholder"),
            ("someone", "a placeholder"),
            ("?", "a placeholder"),
            ("finance@acme.example", "an e-mail address"),
        ];
        for (name, what) in cases {
            let verdict = verdict_for(name);
            assert!(!verdict.passed(), "{name}");
            assert_eq!(verdict.findings[0].path, "/owner/name");
            assert!(
                verdict.findings[0]
                    .message
                    .contains(&format!("is {what}, not an owner")),
                "{name}: {}",
                verdict.findings[0].message
            );
        }
        assert_eq!(
            verdict_for("Finance").findings[0].message,
            "Name the person who owns this after the handoff — 'Finance' is a team, not an owner."
        );
    }

    #[test]
    fn missing_owner_fails() {
        assert!(!run(&OwnerNotAPerson, &json!({})).passed());
    }
}
