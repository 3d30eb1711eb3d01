//! The catalogue of diagnostic codes: every [`RuleDoc`] the schema, rubric, SLA and note
//! modules publish, in one list. `docs/rules.md` is generated from [`all`] (a test fails when
//! the file is stale).

use crate::diagnostic::{Severity, Source};
use crate::rules::RuleDoc;

/// Every documented code: schema, then rubric, then SLA, then the note reader's.
pub fn all() -> Vec<RuleDoc> {
    let mut rules = Vec::new();
    rules.extend_from_slice(crate::schema::RULES);
    rules.extend_from_slice(crate::rubric::RULES);
    rules.extend_from_slice(crate::sla::RULES);
    rules.extend_from_slice(crate::note::RULES);
    rules
}

/// `docs/rules.md`: a table of contents, then one section per code with What / Why / Example,
/// grouped by source. `tests/rules_doc.rs` keeps the file in step with [`all`].
pub fn render_markdown() -> String {
    let rules = all();
    let mut out = String::from(
        "# Diagnostic codes\n\n\
         Every code Handoff Kit can emit, with what it checks, why it matters to the receiving \
         team, and an example. Generated from the rule files (`RULES` in `src/schema`, \
         `src/rubric` and `src/sla`): do not edit by hand; run \
         `UPDATE_RULES_DOC=1 cargo test --test rules_doc` to regenerate.\n\n\
         Rubric checks can be re-weighted, switched off or given another severity in the \
         bundle's `rubric` section.\n\n## Contents\n\n",
    );
    let groups = [
        (Source::Schema, "Schema"),
        (Source::Rubric, "Rubric"),
        (Source::Sla, "SLA"),
    ];
    for (source, title) in groups {
        let codes: Vec<&RuleDoc> = rules.iter().filter(|r| r.source == source).collect();
        out.push_str(&format!("- [{title}](#{})\n", anchor(title)));
        for rule in codes {
            let heading = format!("`{}`", rule.code);
            out.push_str(&format!("  - [{heading}](#{})\n", anchor(&heading)));
        }
    }
    for (source, title) in groups {
        out.push_str(&format!("\n## {title}\n"));
        let codes: Vec<&RuleDoc> = rules.iter().filter(|r| r.source == source).collect();
        if codes.is_empty() {
            out.push_str("\nNo codes yet.\n");
        }
        for rule in codes {
            out.push_str(&format!(
                "\n### `{}`\n\nUsual severity: {}.\n\n**What it checks.** {}\n\n**Why it matters.** {}\n\n**Example.** {}\n",
                rule.code,
                severity_name(rule.severity),
                rule.what,
                rule.why,
                rule.example
            ));
        }
    }
    out
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The anchor GitHub gives a heading: lowercase, spaces to `-`, other punctuation dropped.
fn anchor(heading: &str) -> String {
    heading
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_follow_github() {
        assert_eq!(
            anchor("`rubric/owner-not-a-person`"),
            "rubricowner-not-a-person"
        );
        assert_eq!(anchor("SLA"), "sla");
    }

    #[test]
    fn every_code_has_a_section_and_a_contents_line() {
        let doc = render_markdown();
        for rule in all() {
            assert!(
                doc.contains(&format!("\n### `{}`\n", rule.code)),
                "{}",
                rule.code
            );
            assert!(
                doc.contains(&format!("(#{})", anchor(&format!("`{}`", rule.code)))),
                "{}",
                rule.code
            );
        }
    }
}
