//! [`AuditReport`]: the figures a [`Summary`] adds up to, as `schemas/audit.schema.json`
//! describes them. Every renderer (JSON, text, HTML; the npm package) shows this one value.

use super::counts::Counts;
use super::summary::{BadLine, CheckTally, Group, Location, Summary};
use serde::Serialize;
use std::collections::BTreeMap;

/// Which groups the report lists (`--by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum By {
    #[default]
    Team,
    Scenario,
    Agent,
    Week,
}

impl By {
    pub fn parse(text: &str) -> Option<By> {
        Some(match text {
            "team" => By::Team,
            "scenario" => By::Scenario,
            "agent" => By::Agent,
            "week" => By::Week,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            By::Team => "team",
            By::Scenario => "scenario",
            By::Agent => "agent",
            By::Week => "week",
        }
    }
}

/// How many failing checks each group lists.
const TOP_CHECKS: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditReport {
    /// Always `"audit"`.
    pub kind: &'static str,
    pub bundle: String,
    pub by: &'static str,
    pub lines: u64,
    pub handoffs: u64,
    pub direct_tickets: u64,
    pub bad_lines: BadLines,
    pub score: ScoreFigures,
    /// Every rubric check that applied, most failures first.
    pub checks: Vec<CheckFigure>,
    pub sla: SlaFigures,
    pub tickets: TicketFigures,
    pub time_to_transfer: Distribution,
    pub csat: CsatFigures,
    pub documents_asked_twice: u64,
    pub silent_transfers: u64,
    /// Per receiving team (with its SLA on its own calendar).
    pub teams: Vec<GroupFigure>,
    pub scenarios: Vec<GroupFigure>,
    /// Per `by` (the same rows as `teams` or `scenarios` when `by` is one of those).
    pub groups: Vec<GroupFigure>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BadLines {
    pub count: u64,
    pub examples: Vec<BadLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreFigures {
    pub median: Option<i64>,
    pub mean: Option<f64>,
    /// Ten buckets: 0–9, 10–19, … 90–100.
    pub histogram: Vec<Bucket>,
    pub grades: Grades,
    pub not_ready: u64,
}

/// How many handoffs got each grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[allow(non_snake_case)]
pub struct Grades {
    pub A: u64,
    pub B: u64,
    pub C: u64,
    pub D: u64,
    pub F: u64,
}

impl Grades {
    /// `(grade, count)`, A first.
    pub fn list(&self) -> [(&'static str, u64); 5] {
        [
            ("A", self.A),
            ("B", self.B),
            ("C", self.C),
            ("D", self.D),
            ("F", self.F),
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bucket {
    pub from: i64,
    pub to: i64,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckFigure {
    pub id: String,
    pub applied: u64,
    pub failed: u64,
    /// failed / applied.
    pub failure_rate: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<Location>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SlaFigures {
    pub met: u64,
    pub breached: u64,
    /// met / (met + breached); `null` when no handoff was judged.
    pub attainment: Option<f64>,
    /// Business minutes left at the first action, median (negative: late).
    pub median_margin_minutes: Option<i64>,
    pub broke_customer_deadline: u64,
    pub no_action: u64,
    pub no_policy: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Distribution {
    pub count: u64,
    pub median: Option<i64>,
    pub p90: Option<i64>,
    pub mean: Option<f64>,
    pub max: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TicketFigures {
    /// Tickets with at least one handoff line.
    pub handed_off: u64,
    /// Tickets only seen as direct lines.
    pub direct: u64,
    /// Handoff lines per handed-off ticket.
    pub touches: Distribution,
    /// `[touches, tickets]`, fewest touches first.
    pub touches_histogram: Vec<(i64, u64)>,
    /// Handed-off tickets re-opened, out of those whose export says.
    pub reopened: u64,
    pub reopen_known: u64,
    pub reopen_rate: Option<f64>,
    pub direct_reopened: u64,
    pub direct_reopen_known: u64,
    pub direct_reopen_rate: Option<f64>,
    /// Handoff lines without a `ticket.id`.
    pub no_ticket_id: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CsatFigures {
    pub handed_off: Distribution,
    pub direct: Distribution,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupFigure {
    pub key: String,
    pub handoffs: u64,
    pub not_ready: u64,
    pub median_score: Option<i64>,
    pub grades: Grades,
    pub sla: SlaFigures,
    pub silent_transfers: u64,
    pub documents_asked_twice: u64,
    /// The checks that fail most here (up to three), each with its first failing line.
    pub top_checks: Vec<CheckFigure>,
}

fn rate(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0)
}

fn round2(value: Option<f64>) -> Option<f64> {
    value.map(|v| (v * 100.0).round() / 100.0)
}

fn distribution(counts: &Counts) -> Distribution {
    Distribution {
        count: counts.total(),
        median: counts.median(),
        p90: counts.percentile(0.9),
        mean: round2(counts.mean()),
        max: counts.max(),
    }
}

fn grades(counts: &[u64; 5]) -> Grades {
    let [a, b, c, d, f] = *counts;
    Grades {
        A: a,
        B: b,
        C: c,
        D: d,
        F: f,
    }
}

/// `items` reordered by `key` (smallest first; ties keep their order). Sorts `(key, index)`
/// pairs rather than the items: the wasm build already carries that sort, and a sort per item
/// type would add kilobytes to it.
fn ordered<T>(items: Vec<T>, key: impl Fn(&T) -> i64) -> Vec<T> {
    let mut keys: Vec<(i64, i64)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item), i as i64))
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    keys.iter()
        .filter_map(|(_, i)| slots[*i as usize].take())
        .collect()
}

fn sla(group: &Group) -> SlaFigures {
    let s = &group.sla;
    SlaFigures {
        met: s.met,
        breached: s.breached,
        attainment: rate(s.met, s.met + s.breached),
        median_margin_minutes: s.margins.median(),
        broke_customer_deadline: s.broke_customer_deadline,
        no_action: s.no_action,
        no_policy: s.no_policy,
    }
}

/// Checks with failures first (most first), then the rest; ties by id.
fn checks(tallies: &BTreeMap<String, CheckTally>) -> Vec<CheckFigure> {
    let list: Vec<CheckFigure> = tallies
        .iter()
        .map(|(id, t)| CheckFigure {
            id: id.clone(),
            applied: t.applied,
            failed: t.failed,
            failure_rate: rate(t.failed, t.applied).unwrap_or(0.0),
            example: t.example.clone(),
        })
        .collect();
    // By id already (the map's order): most failures first, then by id.
    ordered(list, |c| -(c.failed.min(i64::MAX as u64) as i64))
}

fn group_figure(key: &str, group: &Group) -> GroupFigure {
    let mut top = checks(&group.checks);
    top.retain(|c| c.failed > 0);
    top.truncate(TOP_CHECKS);
    GroupFigure {
        key: key.to_string(),
        handoffs: group.handoffs,
        not_ready: group.not_ready,
        median_score: group.scores.median(),
        grades: grades(&group.grades),
        sla: sla(group),
        silent_transfers: group.silent_transfers,
        documents_asked_twice: group.documents_asked_twice,
        top_checks: top,
    }
}

/// Most handoffs first, ties by key (weeks: in time order).
fn groups(map: &BTreeMap<String, Group>, by_time: bool) -> Vec<GroupFigure> {
    let rows: Vec<GroupFigure> = map.iter().map(|(k, g)| group_figure(k, g)).collect();
    if by_time {
        return rows;
    }
    ordered(rows, |g| -(g.handoffs.min(i64::MAX as u64) as i64))
}

impl AuditReport {
    /// The figures of `summary`, grouped `by`, for the bundle named `bundle`.
    pub fn new(summary: &Summary, by: By, bundle: &str) -> AuditReport {
        let mut touches = Counts::default();
        let mut transfer = Counts::default();
        let (mut csat_handed_off, mut csat_direct) = (Counts::default(), Counts::default());
        let (mut reopened, mut reopen_known) = ([0u64; 2], [0u64; 2]);
        let mut direct_tickets = 0;
        for ticket in summary.tickets.values() {
            let handed_off = ticket.touches > 0;
            let side = usize::from(!handed_off);
            if handed_off {
                touches.add(i64::from(ticket.touches));
                if ticket.first_transfer != i64::MAX {
                    transfer.add(ticket.first_transfer);
                }
            } else {
                direct_tickets += 1;
            }
            if ticket.csat > 0 {
                let csat = if handed_off {
                    &mut csat_handed_off
                } else {
                    &mut csat_direct
                };
                csat.add(i64::from(ticket.csat));
            }
            if ticket.reopened > 0 {
                reopen_known[side] += 1;
                reopened[side] += u64::from(ticket.reopened == 2);
            }
        }
        let all = &summary.all;
        let histogram = (0..10)
            .map(|i| {
                let (from, to) = (i * 10, if i == 9 { 100 } else { i * 10 + 9 });
                Bucket {
                    from,
                    to,
                    count: all.scores.between(from, to),
                }
            })
            .collect();
        let teams = groups(&summary.teams, false);
        let scenarios = groups(&summary.scenarios, false);
        let rows = match by {
            By::Team => groups(&summary.teams, false),
            By::Scenario => groups(&summary.scenarios, false),
            By::Agent => groups(&summary.agents, false),
            By::Week => groups(&summary.weeks, true),
        };
        AuditReport {
            kind: "audit",
            bundle: bundle.to_string(),
            by: by.as_str(),
            lines: summary.lines,
            handoffs: summary.handoffs,
            direct_tickets: summary.direct,
            bad_lines: BadLines {
                count: summary.bad,
                examples: summary.bad_examples.clone(),
            },
            score: ScoreFigures {
                median: all.scores.median(),
                mean: round2(all.scores.mean()),
                histogram,
                grades: grades(&all.grades),
                not_ready: all.not_ready,
            },
            checks: checks(&all.checks),
            sla: sla(all),
            tickets: TicketFigures {
                handed_off: touches.total(),
                direct: direct_tickets,
                touches: distribution(&touches),
                touches_histogram: touches.iter().collect(),
                reopened: reopened[0],
                reopen_known: reopen_known[0],
                reopen_rate: rate(reopened[0], reopen_known[0]),
                direct_reopened: reopened[1],
                direct_reopen_known: reopen_known[1],
                direct_reopen_rate: rate(reopened[1], reopen_known[1]),
                no_ticket_id: summary.no_ticket_id,
            },
            time_to_transfer: distribution(&transfer),
            csat: CsatFigures {
                handed_off: distribution(&csat_handed_off),
                direct: distribution(&csat_direct),
            },
            documents_asked_twice: all.documents_asked_twice,
            silent_transfers: all.silent_transfers,
            teams,
            scenarios,
            groups: rows,
        }
    }
}
