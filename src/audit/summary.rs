//! [`Summary`]: everything the audit counts, mergeable. Adding lines to one summary, or adding
//! them to several and merging those in any order, gives the same summary: every part is a sum,
//! an exact distribution ([`Counts`]), a minimum (examples: the first line by file and line
//! number) or, for tickets, a map keyed by a stable hash of the ticket id whose entries merge
//! the same way. That is what `handoff audit --partial` writes and `handoff audit merge` reads.

use super::counts::Counts;
use super::record::{Handoff, Record, SlaOutcome};
use crate::tape::bytes_equal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// The ticket map's hasher: its keys are already FNV-1a hashes ([`ticket_key`]), so a
/// multiply is enough (SipHash cost a few percent of the audit).
pub type TicketHasher = rustc_hash::FxBuildHasher;

/// How many bad lines are kept as examples (all are counted).
pub const BAD_EXAMPLES: usize = 20;

/// Where a line is: the file as named on the command line (`-` for standard input) and its
/// 1-based line number; ordered by file, then line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Location {
    pub file: String,
    pub line: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket: Option<String>,
}

/// A [`Location`] borrowed from the line being counted: the owned one is built only when it
/// becomes a check's example.
#[derive(Debug, Clone, Copy)]
pub(crate) struct At<'a> {
    pub file: &'a str,
    pub line: u64,
    pub ticket: Option<&'a str>,
}

impl At<'_> {
    /// Ordered as [`Location`] is (file, then line, then ticket).
    fn before(&self, other: &Location) -> bool {
        (self.file, self.line, self.ticket)
            < (other.file.as_str(), other.line, other.ticket.as_deref())
    }

    fn to_location(self) -> Location {
        Location {
            file: self.file.to_string(),
            line: self.line,
            ticket: self.ticket.map(str::to_string),
        }
    }
}

/// A line that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BadLine {
    pub file: String,
    pub line: u64,
    pub message: String,
}

/// One rubric check over a group of handoffs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckTally {
    /// Handoffs the check applied to.
    pub applied: u64,
    pub failed: u64,
    /// The first line where it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<Location>,
}

/// The receiving team's internal SLA over a group of handoffs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaTally {
    pub met: u64,
    pub breached: u64,
    /// Breached, and the first action also came after the customer's deadline.
    pub broke_customer_deadline: u64,
    pub no_action: u64,
    pub no_policy: u64,
    /// Business minutes left at the first action (negative when breached).
    pub margins: Counts,
}

/// The figures of a group of handoffs (all, or one team, scenario, agent or week).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub handoffs: u64,
    /// Handoffs with an error (not ready: graded D at most).
    pub not_ready: u64,
    pub scores: Counts,
    /// A, B, C, D, F.
    pub grades: [u64; 5],
    pub checks: BTreeMap<String, CheckTally>,
    pub sla: SlaTally,
    pub silent_transfers: u64,
    pub documents_asked_twice: u64,
}

/// What the audit keeps per ticket (by a stable 64-bit hash of its id): 24 bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ticket {
    /// Handoff lines (0 for a direct ticket).
    pub touches: u32,
    /// The lowest CSAT given on any of its lines (0: none).
    pub csat: u8,
    /// 0 unknown, 1 not re-opened, 2 re-opened (the highest of its lines).
    pub reopened: u8,
    /// Minutes from opening to its first handoff (`i64::MAX`: unknown).
    pub first_transfer: i64,
}

impl Ticket {
    fn merge(&mut self, other: &Ticket) {
        self.touches += other.touches;
        self.csat = match (self.csat, other.csat) {
            (0, c) | (c, 0) => c,
            (a, b) => a.min(b),
        };
        self.reopened = self.reopened.max(other.reopened);
        self.first_transfer = self.first_transfer.min(other.first_transfer);
    }
}

/// Everything counted so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Lines that were not blank.
    pub lines: u64,
    /// Handoff lines checked.
    pub handoffs: u64,
    /// Direct-ticket lines (`"direct": true`).
    pub direct: u64,
    /// Lines that could not be read.
    pub bad: u64,
    /// The first [`BAD_EXAMPLES`] bad lines, by file and line.
    pub bad_examples: Vec<BadLine>,
    /// Handoff lines without a `ticket.id` (not in the per-ticket figures).
    pub no_ticket_id: u64,
    pub all: Group,
    pub teams: BTreeMap<String, Group>,
    pub scenarios: BTreeMap<String, Group>,
    pub agents: BTreeMap<String, Group>,
    pub weeks: BTreeMap<String, Group>,
    #[serde(with = "ticket_list")]
    pub tickets: HashMap<u64, Ticket, TicketHasher>,
}

/// FNV-1a, 64 bits: a ticket id's key, the same in every process and on every platform (so
/// partial summaries from different machines merge).
pub fn ticket_key(id: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

fn tally_check(tally: &mut CheckTally, failed: bool, at: At<'_>) {
    tally.applied += 1;
    if failed {
        tally.failed += 1;
        if tally.example.as_ref().is_none_or(|e| at.before(e)) {
            tally.example = Some(at.to_location());
        }
    }
}

impl Group {
    /// Counts one handoff; `handoff.checks` is in id order ([`Handoff::checks`]), so one walk
    /// over the group's checks (also in id order) finds them all without a lookup each.
    fn add(&mut self, handoff: &Handoff, at: At<'_>) {
        self.handoffs += 1;
        self.not_ready += u64::from(!handoff.ready);
        self.scores.add(i64::from(handoff.score));
        self.grades[handoff.grade.min(4)] += 1;
        let mut new: Vec<(&Cow<'static, str>, bool)> = Vec::new();
        {
            let mut tallies = self.checks.iter_mut();
            let mut current = tallies.next();
            for (id, failed) in &handoff.checks {
                let id_bytes = id.as_bytes();
                loop {
                    match current.as_mut() {
                        // The usual case: the group has counted this check before.
                        Some((key, tally)) if bytes_equal(key.as_bytes(), id_bytes) => {
                            tally_check(tally, *failed, at);
                            break;
                        }
                        Some((key, _)) if key.as_str() < id.as_ref() => current = tallies.next(),
                        _ => {
                            new.push((id, *failed));
                            break;
                        }
                    }
                }
            }
        }
        for (id, failed) in new {
            let tally = match self.checks.get_mut(id.as_ref()) {
                Some(tally) => tally,
                None => self.checks.entry(id.to_string()).or_default(),
            };
            tally_check(tally, failed, at);
        }
        let sla = &mut self.sla;
        match handoff.sla {
            SlaOutcome::NoPolicy => sla.no_policy += 1,
            SlaOutcome::NoAction => sla.no_action += 1,
            SlaOutcome::Met { margin } => {
                sla.met += 1;
                sla.margins.add(margin);
            }
            SlaOutcome::Breached {
                margin,
                broke_customer,
            } => {
                sla.breached += 1;
                sla.broke_customer_deadline += u64::from(broke_customer);
                sla.margins.add(margin);
            }
        }
        self.silent_transfers += u64::from(handoff.silent);
        self.documents_asked_twice += u64::from(handoff.document_asked_twice);
    }

    fn merge(&mut self, other: &Group) {
        self.handoffs += other.handoffs;
        self.not_ready += other.not_ready;
        self.scores.merge(&other.scores);
        for (mine, theirs) in self.grades.iter_mut().zip(other.grades) {
            *mine += theirs;
        }
        for (id, theirs) in &other.checks {
            let mine = self.checks.entry(id.clone()).or_default();
            mine.applied += theirs.applied;
            mine.failed += theirs.failed;
            mine.example = match (mine.example.take(), theirs.example.clone()) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        let (sla, theirs) = (&mut self.sla, &other.sla);
        sla.met += theirs.met;
        sla.breached += theirs.breached;
        sla.broke_customer_deadline += theirs.broke_customer_deadline;
        sla.no_action += theirs.no_action;
        sla.no_policy += theirs.no_policy;
        sla.margins.merge(&theirs.margins);
        self.silent_transfers += other.silent_transfers;
        self.documents_asked_twice += other.documents_asked_twice;
    }
}

fn group<'m>(groups: &'m mut BTreeMap<String, Group>, key: &str) -> &'m mut Group {
    if !groups.contains_key(key) {
        groups.insert(key.to_string(), Group::default());
    }
    groups.get_mut(key).expect("inserted above")
}

impl Summary {
    /// Counts one line read as `record` at `at`.
    pub fn add(&mut self, record: &Record, at: &Location) {
        let at = At {
            file: &at.file,
            line: at.line,
            ticket: at.ticket.as_deref(),
        };
        self.add_at(record, at);
    }

    /// [`Summary::add`] with the location borrowed.
    pub(crate) fn add_at(&mut self, record: &Record, at: At<'_>) {
        self.lines += 1;
        let mut ticket = Ticket {
            csat: record.csat.unwrap_or(0),
            reopened: record.reopened.map_or(0, |r| 1 + u8::from(r)),
            first_transfer: i64::MAX,
            touches: 0,
        };
        match &record.handoff {
            None => self.direct += 1,
            Some(handoff) => {
                self.handoffs += 1;
                ticket.touches = 1;
                ticket.first_transfer = handoff.transfer_minutes.unwrap_or(i64::MAX);
                self.all.add(handoff, at);
                group(&mut self.teams, &handoff.team).add(handoff, at);
                group(&mut self.scenarios, &handoff.scenario).add(handoff, at);
                group(&mut self.agents, &handoff.agent).add(handoff, at);
                group(&mut self.weeks, &handoff.week).add(handoff, at);
            }
        }
        match &record.ticket {
            Some(id) => self
                .tickets
                .entry(ticket_key(id))
                .or_insert(Ticket {
                    first_transfer: i64::MAX,
                    ..Ticket::default()
                })
                .merge(&ticket),
            None if record.handoff.is_some() => self.no_ticket_id += 1,
            None => {}
        }
    }

    /// Counts a line that could not be read.
    pub fn add_bad(&mut self, file: &str, line: u64, message: String) {
        self.lines += 1;
        self.bad += 1;
        self.keep_bad_example(BadLine {
            file: file.to_string(),
            line,
            message,
        });
    }

    /// Keeps `bad` among the first [`BAD_EXAMPLES`] by file and line (in order, by insertion:
    /// no sort).
    fn keep_bad_example(&mut self, bad: BadLine) {
        let at = self.bad_examples.partition_point(|kept| {
            (kept.file.as_str(), kept.line) < (bad.file.as_str(), bad.line)
        });
        if at < BAD_EXAMPLES && self.bad_examples.get(at) != Some(&bad) {
            self.bad_examples.insert(at, bad);
            self.bad_examples.truncate(BAD_EXAMPLES);
        }
    }

    /// Adds another summary's counts to this one. The result does not depend on the order
    /// summaries are merged in.
    pub fn merge(&mut self, other: &Summary) {
        self.lines += other.lines;
        self.handoffs += other.handoffs;
        self.direct += other.direct;
        self.bad += other.bad;
        self.no_ticket_id += other.no_ticket_id;
        for bad in &other.bad_examples {
            self.keep_bad_example(bad.clone());
        }
        self.all.merge(&other.all);
        for (mine, theirs) in [
            (&mut self.teams, &other.teams),
            (&mut self.scenarios, &other.scenarios),
            (&mut self.agents, &other.agents),
            (&mut self.weeks, &other.weeks),
        ] {
            for (key, group) in theirs {
                mine.entry(key.clone()).or_default().merge(group);
            }
        }
        self.tickets.reserve(other.tickets.len());
        for (key, ticket) in &other.tickets {
            self.tickets
                .entry(*key)
                .or_insert(Ticket {
                    first_transfer: i64::MAX,
                    ..Ticket::default()
                })
                .merge(ticket);
        }
    }

    /// [`Summary::merge`] taking the other summary (reuses the larger ticket map).
    pub fn merge_owned(mut self, mut other: Summary) -> Summary {
        if other.tickets.len() > self.tickets.len() {
            std::mem::swap(&mut self, &mut other);
        }
        self.merge(&other);
        self
    }
}

/// Tickets as `[[key, touches, csat, reopened, first_transfer_or_null], …]`, sorted by key
/// (so a partial summary's text does not depend on hashing order).
mod ticket_list {
    use super::{Ticket, TicketHasher};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::HashMap;

    type Row = (u64, u32, u8, u8, Option<i64>);

    pub fn serialize<S: Serializer>(
        tickets: &HashMap<u64, Ticket, TicketHasher>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut rows: Vec<Row> = tickets
            .iter()
            .map(|(key, t)| {
                let first = (t.first_transfer != i64::MAX).then_some(t.first_transfer);
                (*key, t.touches, t.csat, t.reopened, first)
            })
            .collect();
        rows.sort_unstable();
        rows.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<HashMap<u64, Ticket, TicketHasher>, D::Error> {
        let rows = Vec::<Row>::deserialize(deserializer)?;
        Ok(rows
            .into_iter()
            .map(|(key, touches, csat, reopened, first)| {
                let ticket = Ticket {
                    touches,
                    csat,
                    reopened,
                    first_transfer: first.unwrap_or(i64::MAX),
                };
                (key, ticket)
            })
            .collect())
    }
}
