//! The audit report for people: [`text`] for a terminal, [`html`] as one self-contained page
//! (inline SVG, no script, nothing loaded from elsewhere). JSON is the report serialised.

mod html;
mod text;

pub use html::html;
pub use text::text;

use super::report::{Distribution, SlaFigures};
use super::summary::Location;

/// `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `81.3%`, or `–` without a rate.
fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "–".to_string(), |r| format!("{:.1}%", r * 100.0))
}

fn share(part: u64, whole: u64) -> String {
    percent((whole > 0).then(|| part as f64 / whole as f64))
}

fn number(value: Option<i64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| v.to_string())
}

fn mean(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.2}"))
}

/// `export.ndjson:17 (SUP-123)`.
fn place(at: &Location) -> String {
    match &at.ticket {
        Some(ticket) => format!("{}:{} ({ticket})", at.file, at.line),
        None => format!("{}:{}", at.file, at.line),
    }
}

fn sla_line(sla: &SlaFigures) -> String {
    format!(
        "met {} / breached {} ({} attainment), median margin {} business min; {} breaches also broke the customer's deadline; {} without a first action, {} without a policy",
        thousands(sla.met),
        thousands(sla.breached),
        percent(sla.attainment),
        number(sla.median_margin_minutes),
        thousands(sla.broke_customer_deadline),
        thousands(sla.no_action),
        thousands(sla.no_policy),
    )
}

fn distribution_line(d: &Distribution, unit: &str) -> String {
    if d.count == 0 {
        return "no data".to_string();
    }
    format!(
        "median {}{unit}, p90 {}{unit}, mean {}{unit}, max {}{unit} (n = {})",
        number(d.median),
        number(d.p90),
        mean(d.mean),
        number(d.max),
        thousands(d.count)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_groups_digits() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1000), "1,000");
        assert_eq!(super::thousands(1_234_567), "1,234,567");
    }
}
