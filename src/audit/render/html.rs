//! The audit report as one self-contained HTML page a manager can open or mail: inline SVG
//! charts and a style block, no script, and a Content-Security-Policy that forbids loading
//! anything from elsewhere.

use super::super::report::{AuditReport, GroupFigure};
use super::{distribution_line, mean, number, percent, place, sla_line, thousands};
use std::fmt::Write;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Vertical bars with their labels under them and counts above.
fn columns(title: &str, bars: &[(String, u64)]) -> String {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let (width, height, bar) = (bars.len() as u64 * 48 + 20, 180u64, 36u64);
    let mut svg = format!(
        "<figure><svg role=\"img\" aria-label=\"{}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">",
        escape(title)
    );
    for (i, (label, count)) in bars.iter().enumerate() {
        let h = count * 130 / max;
        let x = 10 + i as u64 * 48;
        let _ = write!(
            svg,
            "<rect class=\"bar\" x=\"{x}\" y=\"{}\" width=\"{bar}\" height=\"{h}\"><title>{}: {}</title></rect><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text><text x=\"{}\" y=\"172\" text-anchor=\"middle\">{}</text>",
            150 - h,
            escape(label),
            count,
            x + bar / 2,
            145 - h,
            thousands(*count),
            x + bar / 2,
            escape(label)
        );
    }
    let _ = write!(
        svg,
        "</svg><figcaption>{}</figcaption></figure>",
        escape(title)
    );
    svg
}

/// Horizontal bars: a label, a bar split in a good part and a bad part, and a note.
fn rows(title: &str, items: &[(String, u64, u64, String)]) -> String {
    let max = items.iter().map(|i| i.1 + i.2).max().unwrap_or(0).max(1);
    let height = items.len() as u64 * 26 + 10;
    let mut svg = format!(
        "<figure><svg role=\"img\" aria-label=\"{}\" width=\"1000\" height=\"{height}\" viewBox=\"0 0 1000 {height}\">",
        escape(title)
    );
    for (i, (label, good, bad, note)) in items.iter().enumerate() {
        let y = 6 + i as u64 * 26;
        let good_w = good * 360 / max;
        let bad_w = bad * 360 / max;
        let _ = write!(
            svg,
            "<text x=\"190\" y=\"{}\" text-anchor=\"end\">{}</text><rect class=\"good\" x=\"200\" y=\"{y}\" width=\"{good_w}\" height=\"18\"/><rect class=\"bad\" x=\"{}\" y=\"{y}\" width=\"{bad_w}\" height=\"18\"/><text x=\"{}\" y=\"{}\">{}</text>",
            y + 14,
            escape(label),
            200 + good_w,
            208 + good_w + bad_w,
            y + 14,
            escape(note)
        );
    }
    let _ = write!(
        svg,
        "</svg><figcaption>{}</figcaption></figure>",
        escape(title)
    );
    svg
}

fn group_table(out: &mut String, title: &str, groups: &[GroupFigure]) {
    let _ = write!(
        out,
        "<h2>{}</h2><table><tr><th></th><th>handoffs</th><th>median score</th><th>not ready</th><th>SLA met</th><th>median margin (business min)</th><th>broke customer deadline</th><th>checks that fail most</th></tr>",
        escape(title)
    );
    for g in groups {
        let checks: Vec<String> = g
            .top_checks
            .iter()
            .map(|c| {
                let example = c.example.as_ref().map(place).unwrap_or_default();
                format!(
                    "{} {} <small>e.g. {}</small>",
                    escape(&c.id),
                    c.failed,
                    escape(&example)
                )
            })
            .collect();
        let _ = write!(
            out,
            "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&g.key),
            thousands(g.handoffs),
            number(g.median_score),
            thousands(g.not_ready),
            percent(g.sla.attainment),
            number(g.sla.median_margin_minutes),
            thousands(g.sla.broke_customer_deadline),
            checks.join("<br>")
        );
    }
    out.push_str("</table>");
}

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#1d2430;padding:0 1em}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #dde;padding:.3em .5em;text-align:right;vertical-align:top}th:first-child,td:last-child{text-align:left}figure{display:inline-block;margin:1em 2em 1em 0}figcaption{color:#556;text-align:center}svg text{font-size:11px;fill:#334}.bar{fill:#3d6fb6}.good{fill:#2f9e6a}.bad{fill:#d1493f}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1.5em}dt{font-weight:600}";

/// The report as one HTML page.
pub fn html(report: &AuditReport) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><meta name=\"viewport\" content=\"width=device-width\"><title>Handoff audit</title><style>{STYLE}</style></head><body><h1>Handoff audit</h1><p>{} handoffs in {} lines ({} direct tickets, {} bad lines), bundle {}.</p>",
        thousands(report.handoffs),
        thousands(report.lines),
        thousands(report.direct_tickets),
        thousands(report.bad_lines.count),
        escape(&report.bundle)
    );
    let s = &report.score;
    let histogram: Vec<(String, u64)> = s
        .histogram
        .iter()
        .map(|b| (format!("{}–{}", b.from, b.to), b.count))
        .collect();
    out.push_str("<h2>Scores</h2>");
    out.push_str(&columns("Score distribution", &histogram));
    let grades: Vec<(String, u64)> = s
        .grades
        .list()
        .iter()
        .map(|(g, n)| (g.to_string(), *n))
        .collect();
    out.push_str(&columns("Grades", &grades));
    let _ = write!(
        out,
        "<p>Median score {}, mean {}; {} handoffs not ready (an error caps them at D).</p>",
        number(s.median),
        mean(s.mean),
        thousands(s.not_ready)
    );
    out.push_str("<h2>Internal SLA per receiving team</h2>");
    let teams: Vec<(String, u64, u64, String)> = report
        .teams
        .iter()
        .filter(|t| t.sla.met + t.sla.breached > 0)
        .map(|t| {
            let note = format!(
                "{} met, {} breached, margin {}",
                percent(t.sla.attainment),
                t.sla.breached,
                number(t.sla.median_margin_minutes)
            );
            (t.key.clone(), t.sla.met, t.sla.breached, note)
        })
        .collect();
    out.push_str(&rows("SLA met (green) and breached (red)", &teams));
    let _ = write!(out, "<p>All teams: {}.</p>", escape(&sla_line(&report.sla)));
    out.push_str("<h2>Checks that fail most</h2>");
    let checks: Vec<(String, u64, u64, String)> = report
        .checks
        .iter()
        .filter(|c| c.failed > 0)
        .take(10)
        .map(|c| {
            let example = c.example.as_ref().map(place).unwrap_or_default();
            let note = format!("{} of {} — e.g. {example}", c.failed, c.applied);
            (c.id.clone(), 0, c.failed, note)
        })
        .collect();
    out.push_str(&rows("Failed checks", &checks));
    out.push_str("<h2>Tickets</h2>");
    let t = &report.tickets;
    let touches: Vec<(String, u64)> = t
        .touches_histogram
        .iter()
        .take(12)
        .map(|(touches, n)| (touches.to_string(), *n))
        .collect();
    out.push_str(&columns("Handoffs per ticket", &touches));
    let csat = vec![
        (
            "handed off".to_string(),
            report
                .csat
                .handed_off
                .mean
                .map_or(0, |m| (m * 100.0) as u64),
        ),
        (
            "direct".to_string(),
            report.csat.direct.mean.map_or(0, |m| (m * 100.0) as u64),
        ),
    ];
    out.push_str(&columns("Mean CSAT × 100", &csat));
    let _ = write!(
        out,
        "<dl><dt>Touches</dt><dd>{}</dd><dt>Re-opened after a handoff</dt><dd>{} ({} of {}); direct tickets {}</dd><dt>Time to first transfer</dt><dd>{}</dd><dt>CSAT</dt><dd>handed off {} (n = {}), direct {} (n = {})</dd><dt>Documents asked twice</dt><dd>{}</dd><dt>Silent transfers</dt><dd>{}</dd></dl>",
        escape(&distribution_line(&t.touches, "")),
        percent(t.reopen_rate),
        thousands(t.reopened),
        thousands(t.reopen_known),
        percent(t.direct_reopen_rate),
        escape(&distribution_line(&report.time_to_transfer, " min")),
        mean(report.csat.handed_off.mean),
        thousands(report.csat.handed_off.count),
        mean(report.csat.direct.mean),
        thousands(report.csat.direct.count),
        thousands(report.documents_asked_twice),
        thousands(report.silent_transfers)
    );
    group_table(&mut out, "By receiving team", &report.teams);
    group_table(&mut out, "By scenario", &report.scenarios);
    if !matches!(report.by, "team" | "scenario") {
        group_table(&mut out, &format!("By {}", report.by), &report.groups);
    }
    if report.bad_lines.count > 0 {
        let _ = write!(
            out,
            "<h2>Bad lines ({})</h2><ul>",
            thousands(report.bad_lines.count)
        );
        for bad in &report.bad_lines.examples {
            let _ = write!(
                out,
                "<li>{}:{} — {}</li>",
                escape(&bad.file),
                bad.line,
                escape(&bad.message)
            );
        }
        let _ = write!(
            out,
            "</ul><p>The first {} of {} are listed.</p>",
            report.bad_lines.examples.len(),
            thousands(report.bad_lines.count)
        );
    }
    out.push_str("</body></html>\n");
    out
}
