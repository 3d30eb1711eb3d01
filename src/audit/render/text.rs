//! The terminal summary of an audit.

use super::super::report::{AuditReport, GroupFigure};
use super::{distribution_line, mean, number, percent, place, share, sla_line, thousands};
use std::fmt::Write;

fn group_table(out: &mut String, title: &str, rows: &[GroupFigure]) {
    let _ = writeln!(out, "\n{title}");
    let width = rows
        .iter()
        .map(|r| r.key.chars().count())
        .max()
        .unwrap_or(0)
        .max(8);
    let _ = writeln!(
        out,
        "  {:width$}  {:>8}  {:>6}  {:>9}  {:>8}  {:>7}  checks that fail most",
        "", "handoffs", "median", "not ready", "SLA met", "margin"
    );
    for row in rows {
        let top: Vec<String> = row
            .top_checks
            .iter()
            .map(|c| match &c.example {
                Some(at) => format!("{} {} (e.g. {})", c.id, c.failed, place(at)),
                None => format!("{} {}", c.id, c.failed),
            })
            .collect();
        let _ = writeln!(
            out,
            "  {:width$}  {:>8}  {:>6}  {:>9}  {:>8}  {:>7}  {}",
            row.key,
            thousands(row.handoffs),
            number(row.median_score),
            thousands(row.not_ready),
            percent(row.sla.attainment),
            number(row.sla.median_margin_minutes),
            if top.is_empty() {
                "–".to_string()
            } else {
                top.join("; ")
            }
        );
    }
}

/// The report as a few screens of plain text.
pub fn text(report: &AuditReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Handoff audit ({}): {} lines, {} handoffs, {} direct tickets, {} bad lines",
        report.bundle,
        thousands(report.lines),
        thousands(report.handoffs),
        thousands(report.direct_tickets),
        thousands(report.bad_lines.count)
    );
    let s = &report.score;
    let grades: Vec<String> = s
        .grades
        .list()
        .into_iter()
        .map(|(g, n)| format!("{g} {}", share(n, report.handoffs)))
        .collect();
    let _ = writeln!(
        out,
        "\nScore           median {}, mean {}; {}; {} not ready",
        number(s.median),
        mean(s.mean),
        grades.join(" "),
        thousands(s.not_ready)
    );
    let _ = writeln!(out, "Internal SLA    {}", sla_line(&report.sla));
    let t = &report.tickets;
    let _ = writeln!(
        out,
        "Touches         {} handed-off tickets: {}",
        thousands(t.handed_off),
        distribution_line(&t.touches, "")
    );
    let _ = writeln!(
        out,
        "Re-opened       {} after a handoff ({} of {}); direct tickets {}",
        percent(t.reopen_rate),
        thousands(t.reopened),
        thousands(t.reopen_known),
        percent(t.direct_reopen_rate)
    );
    let _ = writeln!(
        out,
        "First transfer  {}",
        distribution_line(&report.time_to_transfer, " min")
    );
    let _ = writeln!(
        out,
        "CSAT            handed off {} (n = {}), direct {} (n = {})",
        mean(report.csat.handed_off.mean),
        thousands(report.csat.handed_off.count),
        mean(report.csat.direct.mean),
        thousands(report.csat.direct.count)
    );
    let _ = writeln!(
        out,
        "Asked twice     {} handoffs ask the customer again for a document they sent",
        thousands(report.documents_asked_twice)
    );
    let _ = writeln!(
        out,
        "Silent          {} transfers the customer was not told about",
        thousands(report.silent_transfers)
    );
    let _ = writeln!(out, "\nChecks that fail most");
    for check in report.checks.iter().filter(|c| c.failed > 0).take(10) {
        let example = check.example.as_ref().map(place).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:26} {:>9} of {:>9} ({:>6})  e.g. {example}",
            check.id,
            thousands(check.failed),
            thousands(check.applied),
            percent(Some(check.failure_rate))
        );
    }
    group_table(&mut out, "By receiving team", &report.teams);
    group_table(&mut out, "By scenario", &report.scenarios);
    if !matches!(report.by, "team" | "scenario") {
        group_table(&mut out, &format!("By {}", report.by), &report.groups);
    }
    if report.bad_lines.count > 0 {
        let _ = writeln!(out, "\nBad lines ({})", thousands(report.bad_lines.count));
        for bad in &report.bad_lines.examples {
            let _ = writeln!(out, "  {}:{}  {}", bad.file, bad.line, bad.message);
        }
    }
    out
}
