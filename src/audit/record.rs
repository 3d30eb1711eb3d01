//! One line of an audit input read into a [`Record`]: the context packet checked by the kit
//! (score, failed checks, the SLA policy that applies) and the outcome fields of
//! `schemas/audit-record.schema.json` (`received_at`, `first_action_at`, `resolved_at`,
//! `reopened`, `csat`, `agent`, `direct`). A line that cannot be read is an error message;
//! the caller counts it with its line number.

use crate::kit::{CheckOptions, Kit};
use crate::packet::{nonblank, pick};
use crate::report::{CheckStatus, Report};
use crate::sla::parse_instant;
use crate::tape::Node;
use std::borrow::Cow;

/// Where the receiving team's internal deadline stood when it first acted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlaOutcome {
    /// No SLA policy applies to this handoff.
    NoPolicy,
    /// No `first_action_at`: the team has not acted (or the export does not say).
    NoAction,
    /// Acted in time; `margin` business minutes were left.
    Met { margin: i64 },
    /// Acted late; `margin` is negative. `broke_customer`: the first action also came after
    /// the customer's deadline (`customer.deadline`).
    Breached { margin: i64, broke_customer: bool },
}

/// What the audit keeps of one handoff line.
#[derive(Debug, Clone)]
pub struct Handoff {
    pub team: String,
    pub scenario: String,
    pub agent: String,
    /// ISO week of `handoff.at` (UTC), e.g. `2026-W47`.
    pub week: String,
    pub score: u32,
    /// 0 = A … 4 = F.
    pub grade: usize,
    pub ready: bool,
    /// The rubric checks that applied, and whether each failed, in id order.
    pub checks: Vec<(Cow<'static, str>, bool)>,
    pub sla: SlaOutcome,
    /// `customer.informed_of_handoff: false` on a transfer.
    pub silent: bool,
    /// `rubric/document-asked-twice` was found.
    pub document_asked_twice: bool,
    /// Minutes from `ticket.opened_at` to `handoff.at`.
    pub transfer_minutes: Option<i64>,
}

/// One line of the input.
#[derive(Debug, Clone)]
pub struct Record {
    /// `ticket.id` as text (a number is read as its digits).
    pub ticket: Option<String>,
    /// `None` for a direct ticket (`"direct": true`: never handed off, kept for comparison).
    pub handoff: Option<Handoff>,
    pub csat: Option<u8>,
    pub reopened: Option<bool>,
}

/// The members of a line the audit reads, found in one pass over each object rather than one
/// lookup per field.
struct Members<'t> {
    ticket: Option<Node<'t>>,
    handoff: Option<Node<'t>>,
    customer: Option<Node<'t>>,
    received_at: Option<Node<'t>>,
    first_action_at: Option<Node<'t>>,
    resolved_at: Option<Node<'t>>,
    csat: Option<Node<'t>>,
    reopened: Option<Node<'t>>,
    direct: Option<Node<'t>>,
    agent: Option<Node<'t>>,
}

impl<'t> Members<'t> {
    fn of(root: Node<'t>) -> Members<'t> {
        let [ticket, handoff, customer, received_at, first_action_at, resolved_at, csat, reopened, direct, agent] =
            pick(
                Some(root),
                &[
                    "ticket",
                    "handoff",
                    "customer",
                    "received_at",
                    "first_action_at",
                    "resolved_at",
                    "csat",
                    "reopened",
                    "direct",
                    "agent",
                ],
            );
        Members {
            ticket,
            handoff,
            customer,
            received_at,
            first_action_at,
            resolved_at,
            csat,
            reopened,
            direct,
            agent,
        }
    }
}

/// The outcome fields, read and checked.
struct Outcome<'t> {
    /// Unix seconds.
    received_at: Option<i64>,
    first_action_at: Option<i64>,
    csat: Option<u8>,
    reopened: Option<bool>,
    agent: Option<&'t str>,
    direct: bool,
}

/// Reads one line. `Err` is the reason the line is bad, for a person.
///
/// A handoff line is read once, by the kit's check ([`Kit::check_text_with`] hands back the
/// packet it read); only a line that may be a direct record (it has a `"direct"` key) is read
/// on its own first.
pub fn read(kit: &Kit, line: &str) -> Result<Record, String> {
    if line.contains("\"direct\"") {
        let tape = crate::error::parse_tape("The line", line).map_err(|e| e.message)?;
        let root = tape.root();
        if !root.is_object() {
            return Err(NOT_AN_OBJECT.to_string());
        }
        let members = Members::of(root);
        let outcome = outcome(&members)?;
        if outcome.direct {
            return Ok(Record {
                ticket: ticket_id(&members),
                handoff: None,
                csat: outcome.csat,
                reopened: outcome.reopened,
            });
        }
    }
    let read = kit.check_text_with(line, &CheckOptions::default(), |root, report| {
        let members = Members::of(root);
        let outcome = outcome(&members)?;
        Ok(Record {
            ticket: ticket_id(&members),
            handoff: Some(handoff(kit, &members, &report, &outcome)),
            csat: outcome.csat,
            reopened: outcome.reopened,
        })
    });
    match read {
        Ok(record) => record,
        Err(e)
            if e.kind == "input" && e.message.starts_with("The packet must be a JSON object") =>
        {
            Err(NOT_AN_OBJECT.to_string())
        }
        Err(e) => Err(e.message.replacen("The packet", "The line", 1)),
    }
}

const NOT_AN_OBJECT: &str = "The line is not a JSON object (one context packet per line).";

fn ticket_id(members: &Members<'_>) -> Option<String> {
    members.ticket.and_then(|t| t.get("id")).and_then(id_text)
}

fn id_text(node: Node<'_>) -> Option<String> {
    if let Some(text) = nonblank(node) {
        return Some(text.to_string());
    }
    node.as_number().map(|n| n.number().to_string())
}

fn outcome<'t>(members: &Members<'t>) -> Result<Outcome<'t>, String> {
    let time = |name: &str, value: Option<Node<'t>>| -> Result<Option<i64>, String> {
        match value.filter(|v| !v.is_null()) {
            None => Ok(None),
            Some(value) => {
                let text = value.as_str().unwrap_or_default();
                parse_instant(text).map(Some).ok_or_else(|| {
                    format!("{name} must be a date and time with an offset (RFC 3339, e.g. \"2026-11-20T16:00:00Z\").")
                })
            }
        }
    };
    let received_at = time("received_at", members.received_at)?;
    let first_action_at = time("first_action_at", members.first_action_at)?;
    time("resolved_at", members.resolved_at)?;
    let csat = match members.csat.filter(|v| !v.is_null()) {
        None => None,
        Some(value) => match value.as_number().map(|n| n.as_f64()) {
            Some(n) if (1.0..=5.0).contains(&n) && n.fract() == 0.0 => Some(n as u8),
            _ => return Err("csat must be a whole number from 1 to 5.".to_string()),
        },
    };
    let flag = |name: &str, value: Option<Node<'t>>| -> Result<Option<bool>, String> {
        match value.filter(|v| !v.is_null()) {
            None => Ok(None),
            Some(value) => value
                .as_bool()
                .map(Some)
                .ok_or_else(|| format!("{name} must be true or false.")),
        }
    };
    let reopened = flag("reopened", members.reopened)?;
    let direct = flag("direct", members.direct)?.unwrap_or(false);
    let agent = match members.agent.filter(|v| !v.is_null()) {
        None => None,
        Some(value) => Some(
            value
                .as_str()
                .ok_or_else(|| "agent must be a text (the agent who handed off).".to_string())?,
        ),
    };
    Ok(Outcome {
        received_at,
        first_action_at,
        csat,
        reopened,
        agent,
        direct,
    })
}

fn handoff(kit: &Kit, members: &Members<'_>, report: &Report, outcome: &Outcome<'_>) -> Handoff {
    let [scenario_node, to, from, at, mode] =
        pick(members.handoff, &["scenario", "to", "from", "at", "mode"]);
    let [opened] = pick(members.ticket, &["opened_at"]);
    let [informed, customer_deadline] =
        pick(members.customer, &["informed_of_handoff", "deadline"]);
    let scenario_word = scenario_node.and_then(nonblank);
    // The kit's vocabulary has already written team and scenario ids in place.
    let scenario = scenario_word.map(str::to_string);
    let team = to
        .and_then(|to| to.get("team"))
        .and_then(nonblank)
        .map(str::to_string)
        .or_else(|| {
            scenario
                .as_deref()
                .and_then(crate::scenario::receiving_team)
                .map(str::to_string)
        });
    let agent = outcome
        .agent
        .or_else(|| from.and_then(|f| f.get("agent")).and_then(nonblank))
        .unwrap_or("(unknown)");
    let at = at.and_then(nonblank).and_then(parse_instant);
    let opened = opened.and_then(nonblank).and_then(parse_instant);
    let transfer_minutes = match (opened, at) {
        (Some(opened), Some(at)) if at >= opened => Some((at - opened) / 60),
        _ => None,
    };
    let informed = informed.and_then(|v| v.as_bool());
    let consult = mode.and_then(nonblank) == Some("consult");
    let (score, grade, checks) = match &report.score {
        Some(score) => {
            let mut checks: Vec<(Cow<'static, str>, bool)> = score
                .checks
                .iter()
                .filter(|c| c.status != CheckStatus::NotApplicable)
                .map(|c| (c.id.clone(), c.status == CheckStatus::Failed))
                .collect();
            checks.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            (score.value, score.grade as usize, checks)
        }
        None => (0, 4, Vec::new()),
    };
    Handoff {
        team: team.unwrap_or_else(|| "(none)".to_string()),
        scenario: scenario.unwrap_or_else(|| "(none)".to_string()),
        agent: agent.to_string(),
        week: at.map_or_else(|| "(no date)".to_string(), iso_week),
        score,
        grade,
        ready: report.valid,
        checks,
        sla: sla_outcome(kit, customer_deadline, report, outcome),
        silent: informed == Some(false) && !consult,
        document_asked_twice: report
            .diagnostics
            .iter()
            .any(|d| d.code == "rubric/document-asked-twice"),
        transfer_minutes,
    }
}

/// The receiving team's internal deadline counted on its calendar from `received_at` (or
/// `handoff.at`), judged at `first_action_at`.
fn sla_outcome(
    kit: &Kit,
    customer_deadline: Option<Node<'_>>,
    report: &Report,
    outcome: &Outcome<'_>,
) -> SlaOutcome {
    let Some(sla) = &report.sla else {
        return SlaOutcome::NoPolicy;
    };
    let Some(first_action_at) = outcome.first_action_at else {
        return SlaOutcome::NoAction;
    };
    // The deadline from `received_at` (or the report's start) judged at the first action: what
    // `kit.deadline` would say with those, without writing out its texts.
    let start = outcome
        .received_at
        .or_else(|| parse_instant(&sla.deadline.start));
    let standing = start.and_then(|start| {
        kit.sla()
            .standing_at(&sla.calendar, start, sla.deadline.target, first_action_at)
    });
    let Some((margin, breached)) = standing else {
        return SlaOutcome::NoPolicy;
    };
    if breached {
        let customer = customer_deadline.and_then(nonblank).and_then(parse_instant);
        SlaOutcome::Breached {
            margin,
            broke_customer: customer.is_some_and(|c| first_action_at > c),
        }
    } else {
        SlaOutcome::Met { margin }
    }
}

/// `2026-W47`: the ISO week (UTC) of an instant in Unix seconds.
fn iso_week(at: i64) -> String {
    match jiff::Timestamp::from_second(at) {
        Ok(ts) => {
            let week = ts.to_zoned(jiff::tz::TimeZone::UTC).date().iso_week_date();
            format!("{:04}-W{:02}", week.year(), week.week())
        }
        Err(_) => "(no date)".to_string(),
    }
}
