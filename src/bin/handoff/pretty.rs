//! Reports for people: the verdict, the score and where its points went, the deadline, and
//! each finding with its fix.

use handoff_kit::report::CheckStatus;
use handoff_kit::{Diagnostic, Report, Score, Severity};
use std::io::Write;

pub struct Style {
    pub colour: bool,
}

impl Style {
    pub fn paint(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

pub fn write_report(
    out: &mut impl Write,
    file: &str,
    report: &Report,
    colour: bool,
) -> std::io::Result<()> {
    let style = Style { colour };
    let verdict = if report.valid {
        style.paint("32;1", "ready to hand off")
    } else {
        style.paint("31;1", "not ready")
    };
    let score = match &report.score {
        Some(score) => format!("  score {} ({:?})", score.value, score.grade),
        None => String::new(),
    };
    writeln!(out, "{}  {verdict}{score}", style.paint("1", file))?;
    if let Some(score) = &report.score {
        if let Some(cap) = &score.cap {
            let before = format!("({} before the cap)", score.uncapped_value);
            writeln!(out, "  {} {}", cap.reason, style.paint("2", &before))?;
        }
        write_breakdown(out, score, &style)?;
    }
    if let Some(sla) = &report.sla {
        let d = &sla.deadline;
        let status = match d.status {
            Some(status) => format!(
                ", {}",
                serde_json::to_value(status)
                    .ok()
                    .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
                    .unwrap_or_default()
            ),
            None => String::new(),
        };
        writeln!(
            out,
            "  receiving team must act by {} ({}; {} on calendar '{}', policy '{}'{status})",
            d.deadline_local,
            d.time_zone,
            d.target.describe(),
            sla.calendar,
            sla.policy
        )?;
    }
    for d in &report.diagnostics {
        write_diagnostic(out, d, &style)?;
    }
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = report.diagnostics.len() - errors;
    writeln!(out, "  {errors} error(s), {warnings} other finding(s)\n")
}

/// Where the score's points went: the points earned of those at stake, the checks that lost
/// points, and the checks that did not apply with why.
fn write_breakdown(out: &mut impl Write, score: &Score, style: &Style) -> std::io::Result<()> {
    let lost: Vec<String> = score
        .checks
        .iter()
        .filter(|c| c.points < c.max_points)
        .map(|c| format!("{} {}", c.id, c.max_points - c.points))
        .collect();
    let lost = if lost.is_empty() {
        String::new()
    } else {
        format!("; lost: {}", lost.join(", "))
    };
    writeln!(
        out,
        "  {} of {} points{lost}",
        score.points, score.max_points
    )?;
    for check in &score.checks {
        if check.status == CheckStatus::NotApplicable {
            let reason = check.reason.as_deref().unwrap_or_default();
            let why = style.paint("2", &format!("({reason})"));
            writeln!(out, "  not applicable: {} {why}", check.id)?;
        }
    }
    Ok(())
}

pub fn write_diagnostic(
    out: &mut impl Write,
    d: &Diagnostic,
    style: &Style,
) -> std::io::Result<()> {
    let (label, code) = match d.severity {
        Severity::Error => ("error", "31"),
        Severity::Warning => ("warning", "33"),
        Severity::Info => ("info", "36"),
    };
    let path = if d.path.is_empty() { "/" } else { &d.path };
    writeln!(
        out,
        "  {} {}  {}",
        style.paint(code, &format!("{label:<7}")),
        style.paint("2", path),
        d.message
    )?;
    if let Some(hint) = &d.hint {
        writeln!(
            out,
            "          {}",
            style.paint("2", &format!("hint: {hint}"))
        )?;
    }
    writeln!(
        out,
        "          {}",
        style.paint("2", &format!("[{}]", d.code))
    )
}
