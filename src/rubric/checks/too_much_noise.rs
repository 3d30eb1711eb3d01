//! # `rubric/too-much-noise`
//!
//! **What it checks.** That the summary gets to the point: it fails when the summary is a
//! pasted conversation (at least `rubric.thresholds.transcript_lines`, 3 by default, of lines
//! starting like a transcript or e-mail thread: "Customer:", "Agent:", "[10:32]", "10:32 Dana:",
//! "> quoted") or when it is longer than `rubric.thresholds.summary_max_words` (150 by default).
//!
//! **Why it matters.** A summary that buries the point makes the receiving team dig through a
//! conversation the agent already read, and the one detail that matters gets missed.
//!
//! **Example.** A summary of six lines like "Customer: hi, my card was charged twice" → "The
//! summary looks like a pasted conversation (6 lines like 'Customer: hi, my card was charged
//! twice'): say in your own words what the customer needs, and link the transcript instead."
//!
//! *Decision (`docs/scoring.md`).* The check always applies: without a summary there is no
//! point to get to, so it fails (no second diagnostic: `completeness` asks for the summary).
//! Otherwise removing a pasted transcript would earn this check's points back.

use crate::diagnostic::{Severity, Source};
use crate::rubric::check::{Check, Finding, Input, Verdict};
use crate::rubric::fields::quote;
use crate::rubric::wording::{word_count, Words};
use crate::rules::RuleDoc;

pub const RULE: RuleDoc = RuleDoc {
    code: "rubric/too-much-noise",
    source: Source::Rubric,
    severity: Severity::Warning,
    what: "That the summary gets to the point: it fails when the summary is a pasted conversation (at least `thresholds.transcript_lines`, default 3, of lines like \"Customer: …\", \"[10:32] …\", \"> quoted\") or is longer than `thresholds.summary_max_words` (default 150). A handoff without a summary fails it.",
    why: "A summary that buries the point makes the receiving team dig through a conversation the agent already read, and the one detail that matters gets missed.",
    example: "A summary of six lines like \"Customer: hi, my card was charged twice\" → \"The summary looks like a pasted conversation (6 lines like …): say in your own words what the customer needs, and link the transcript instead.\"",
};

/// Measures the summary's length and shape.
pub struct TooMuchNoise;

/// Speaker labels of chat and call transcripts.
#[rustfmt::skip]
const SPEAKERS: &[&str] = &[
    "customer", "agent", "me", "bot", "caller", "user", "client", "support", "system", "visitor",
    "operator", "you",
];

impl Check for TooMuchNoise {
    fn run(&self, input: &Input) -> Verdict {
        let Some(summary_text) = &input.fields.summary else {
            return Verdict::missing(Finding::new(
                "/summary",
                "There is no summary to get to the point: say in your own words what the customer needs.",
                "The receiving team needs the point, not the conversation the agent already read.",
            ));
        };
        let summary = summary_text.as_str();
        let thresholds = &input.settings.thresholds;
        // Fewer lines than the threshold cannot make a transcript (most summaries are one line).
        let transcript = if summary
            .lines()
            .nth(thresholds.transcript_lines.saturating_sub(1))
            .is_some()
        {
            transcript_lines(summary)
        } else {
            Vec::new()
        };
        if let Some(first) = transcript
            .first()
            .filter(|_| transcript.len() >= thresholds.transcript_lines)
        {
            let message = format!(
                "The summary looks like a pasted conversation ({} lines like '{}'): say in your own words what the customer needs, and link the transcript instead.",
                transcript.len(),
                quote(first)
            );
            return Verdict::fail(vec![Finding::new(
                "/summary",
                message,
                "The receiving team needs the point, not the conversation the agent already read.",
            )]);
        }
        // Words are at least one character with a gap between them: a short text has few.
        if summary.len().div_ceil(2) <= thresholds.summary_max_words {
            return Verdict::pass();
        }
        let count = summary_text
            .words_if_read()
            .map_or_else(|| word_count(summary), Words::len);
        if count > thresholds.summary_max_words {
            let message = format!(
                "The summary is {count} words long (the limit is {}): put the point in two or three sentences and leave the details to the actions, next steps and documents.",
                thresholds.summary_max_words
            );
            return Verdict::fail(vec![Finding::new("/summary", message, "A summary that buries the point makes the receiving team dig, and the detail that matters gets missed.")]);
        }
        Verdict::pass()
    }
}

/// The lines of a text that look like a pasted conversation: "Customer: …", "[10:32] …",
/// "10:32 Dana: …", "> quoted", "On Mon, Dana wrote:", and "Dana: …" when the same name
/// speaks more than once (so a structured "Impact: … / Ask: …" summary is not a transcript).
fn transcript_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let named: Vec<Option<&str>> = lines.iter().map(|l| named_speaker(l)).collect();
    // Each name's lines counted once (counting them again for every line was a walk of the
    // whole summary per line: a summary of 40,000 "Dana: …" lines took seconds).
    // (The map type the note reader's headings use: one hash table type fewer in the .wasm.)
    let mut lines_of: ahash::AHashMap<String, usize> = ahash::AHashMap::new();
    for name in named.iter().flatten() {
        match lines_of.get_mut(*name) {
            Some(n) => *n += 1,
            None => {
                lines_of.insert((*name).to_string(), 1);
            }
        }
    }
    let speaks_twice = |name: &str| lines_of.get(name).is_some_and(|&n| n >= 2);
    lines
        .iter()
        .zip(&named)
        .filter(|(line, name)| is_transcript_line(line) || name.is_some_and(speaks_twice))
        .map(|(line, _)| *line)
        .collect()
}

fn is_transcript_line(line: &str) -> bool {
    if line.starts_with('>') || (line.starts_with("On ") && line.ends_with("wrote:")) {
        return true;
    }
    let rest = line.strip_prefix('[').unwrap_or(line);
    let clock: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    if clock.contains(':') && clock.chars().filter(char::is_ascii_digit).count() >= 3 {
        return true;
    }
    match line.split_once(':') {
        Some((label, said)) if !said.trim().is_empty() => {
            SPEAKERS.contains(&Words::new(label).joined())
        }
        _ => false,
    }
}

/// "Dana Kim" in "Dana Kim: thanks", when the label looks like a name (one or two capitalised words).
fn named_speaker(line: &str) -> Option<&str> {
    let (label, said) = line.split_once(':')?;
    let label = label.trim();
    let parts: Vec<&str> = label.split_whitespace().collect();
    let looks_like_name = (1..=2).contains(&parts.len())
        && parts.iter().all(|p| {
            p.chars().next().is_some_and(char::is_uppercase) && p.chars().all(char::is_alphabetic)
        });
    (looks_like_name && !said.trim().is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::testing::run;
    use serde_json::json;

    fn verdict(summary: &str) -> Verdict {
        run(&TooMuchNoise, &json!({ "summary": summary }))
    }

    #[test]
    fn no_summary_fails_as_missing_information() {
        let verdict = run(&TooMuchNoise, &json!({"summary": ""}));
        assert!(!verdict.passed());
        assert!(verdict.findings[0].missing);
    }

    #[test]
    fn short_own_words_pass() {
        assert!(verdict(
            "Charged twice (€49) for INV-2211 on 3 Nov; wants the duplicate refunded."
        )
        .passed());
        assert!(verdict(
            "Two issues:\nRefund: €49 duplicate on INV-2211\nAccess: locked out since 3 Nov"
        )
        .passed());
        assert!(verdict("Issue: charged twice for INV-2211\nImpact: €49 overdraft fee\nAsk: refund the duplicate").passed());
    }

    #[test]
    fn pasted_transcripts_fail() {
        let chat = "Customer: hi, my card was charged twice\nAgent: sorry to hear that\nCustomer: can you fix it\n[10:32] Agent: checking";
        let v = verdict(chat);
        assert!(!v.passed());
        assert!(v.findings[0].message.starts_with("The summary looks like a pasted conversation (4 lines like 'Customer: hi, my card was charged twice')"), "{}", v.findings[0].message);
        assert!(
            !verdict("> I was charged twice\n> please refund\nOn Mon, 16 Nov Dana wrote:").passed()
        );
        assert!(!verdict(
            "Dana: hi\nSam: hello, what happened?\nDana: charged twice\nSam: checking"
        )
        .passed());
    }

    #[test]
    fn long_summaries_fail() {
        let long = "The customer explained the situation again in detail. ".repeat(20);
        let v = verdict(&long);
        assert!(
            v.findings[0]
                .message
                .starts_with("The summary is 160 words long (the limit is 150)"),
            "{}",
            v.findings[0].message
        );
    }
}
