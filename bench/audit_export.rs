//! A synthetic helpdesk export for `handoff audit`, with its answers known in advance.
//!
//! Each ticket is handed off 1–3 times (or not at all: a direct ticket), from one of two
//! templates (the billing and engineering example packets), each handoff in one of four
//! variants whose rubric verdicts are fixed ([`VARIANTS`]; `tests/audit.rs` checks them through
//! the kit): good, owner named as a team, a silent transfer, a document asked for twice. The
//! handoffs of a ticket are a week apart (same weekday and time, so the receiving team's
//! business-calendar margins are the constants of [`Timing`]). The generator counts what it
//! writes — touches, CSAT, re-opens, SLA outcomes, failing checks, bad lines — on its own,
//! without the audit code: those are the answers the tests compare the audit with.
//!
//! Used by `tests/audit.rs` (small files, exact figures) and `bench/audit.rs` (1 GB).

#![allow(dead_code)]

use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{self, Write};

const BILLING: &str = include_str!("../examples/packets/billing_to_finance-good.json");
const ENGINEERING: &str = include_str!("../examples/packets/support_to_engineering-good.json");

/// Template, variant name, score, failed rubric checks (as the built-in kit judges them).
pub const VARIANTS: [(usize, &str, i64, &[&str]); 8] = [
    (0, "good", 100, &[]),
    (0, "owner-team", 79, &["owner-not-a-person"]),
    (0, "silent", 95, &["customer-not-informed"]),
    (0, "asked-twice", 69, &["document-asked-twice"]),
    (1, "good", 96, &["completeness", "next-step-without-owner"]),
    (
        1,
        "owner-team",
        75,
        &[
            "completeness",
            "owner-not-a-person",
            "next-step-without-owner",
        ],
    ),
    (
        1,
        "silent",
        91,
        &[
            "completeness",
            "customer-not-informed",
            "next-step-without-owner",
        ],
    ),
    (
        1,
        "asked-twice",
        69,
        &["completeness", "document-asked-twice"],
    ),
];

/// Receiving team of each template.
pub const TEAMS: [&str; 2] = ["finance", "engineering"];

/// Business minutes left at the first action on the built-in calendar (Mon–Fri 09:00–17:00
/// UTC), worked out by hand: finance has 4 business hours from Mon 09:10 (received), so an
/// action at 10:10 leaves 180 and one a week later, Mon 09:10, is 230 + 4 × 480 + 10 = 2,160
/// late; engineering has 1 business day from Tue 14:35, so 15:35 leaves 85 + 335 = 420 and
/// Tue 14:35 a week later is 145 + 3 × 480 + 335 = 1,920 late.
pub const MARGINS: [(i64, i64); 2] = [(180, -2160), (420, -1920)];

pub const AGENTS: [&str; 4] = ["Priya Raman", "Jonas Lindqvist", "Ana Souza", "Kofi Mensah"];

#[derive(Debug, Clone)]
pub struct Options {
    pub tickets: u64,
    pub seed: u64,
    /// Write a bad line after every `bad_every` tickets (0: none).
    pub bad_every: u64,
}

/// What the export holds, counted while writing it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expected {
    pub lines: u64,
    pub handoffs: u64,
    pub direct: u64,
    pub bad_lines: Vec<u64>,
    pub handed_off_tickets: u64,
    /// touches → tickets.
    pub touches: BTreeMap<u64, u64>,
    pub reopened: u64,
    pub reopen_known: u64,
    pub direct_reopened: u64,
    pub csat_handed_off: Vec<i64>,
    pub csat_direct: Vec<i64>,
    pub transfer_minutes: Vec<i64>,
    pub scores: Vec<i64>,
    pub met: u64,
    pub breached: u64,
    pub broke_customer: u64,
    pub no_action: u64,
    pub margins: Vec<i64>,
    pub failed: BTreeMap<String, u64>,
    pub silent: u64,
    pub asked_twice: u64,
    pub not_ready: u64,
    pub team_handoffs: BTreeMap<String, u64>,
    pub first_failure: BTreeMap<String, u64>,
}

struct Rng(u64);

impl Rng {
    /// splitmix64.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn instant(text: &str) -> Option<jiff::Timestamp> {
    if text.len() < 20 || !text.contains('T') {
        return None;
    }
    text.parse().ok()
}

fn utc(ts: jiff::Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Moves every date-time in the packet `seconds` later (written in UTC).
fn shift(value: &mut Value, seconds: i64) {
    match value {
        Value::String(text) => {
            if let Some(ts) = instant(text) {
                *text = utc(ts + jiff::SignedDuration::from_secs(seconds));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| shift(v, seconds)),
        Value::Object(map) => map.values_mut().for_each(|v| shift(v, seconds)),
        _ => {}
    }
}

/// The packet of `VARIANTS[index]`, as the generator starts from it.
pub fn variant_packet(index: usize) -> Value {
    let (template, name, _, _) = VARIANTS[index];
    let text = [BILLING, ENGINEERING][template];
    variant(
        &serde_json::from_str(text).expect("example packet"),
        template,
        name,
    )
}

fn variant(template: &Value, which: usize, name: &str) -> Value {
    let mut packet = template.clone();
    match name {
        "owner-team" => {
            let team = packet["owner"]["team"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let mut title = team.clone();
            title[..1].make_ascii_uppercase();
            packet["owner"]["name"] = json!(title);
        }
        "silent" => packet["customer"]["informed_of_handoff"] = json!(false),
        "asked-twice" => {
            let document = ["bank statement", "export sample"][which];
            let step = json!({
                "action": format!("Ask the customer for the {document} again"),
                "owner": packet["owner"]["name"].clone(),
                "due": packet["handoff"]["at"].clone(),
            });
            match packet["next_steps"].as_array_mut() {
                Some(steps) => steps.push(step),
                None => packet["next_steps"] = json!([step]),
            }
        }
        _ => {}
    }
    packet
}

const WEEK: i64 = 7 * 86_400;

/// Writes the export and returns what it holds.
pub fn generate(options: &Options, out: &mut impl Write) -> io::Result<Expected> {
    let templates: [Value; 2] = [
        serde_json::from_str(BILLING).expect("example packet"),
        serde_json::from_str(ENGINEERING).expect("example packet"),
    ];
    let variants: Vec<Value> = VARIANTS
        .iter()
        .map(|(t, name, _, _)| variant(&templates[*t], *t, name))
        .collect();
    let mut rng = Rng(options.seed);
    let mut e = Expected::default();
    let mut line = 0u64;
    let mut write = |out: &mut dyn Write, text: &str| -> io::Result<u64> {
        out.write_all(text.as_bytes())?;
        out.write_all(b"\n")?;
        line += 1;
        Ok(line)
    };
    for ticket in 0..options.tickets {
        let id = format!("T-{ticket}");
        let week = (ticket % 8) as i64;
        let csat = rng.below(4);
        let reopened = rng.below(5) == 0;
        if rng.below(10) == 0 {
            let csat = 4 + (csat % 2) as i64;
            let record = json!({
                "direct": true,
                "ticket": {"id": id, "opened_at": utc(jiff::Timestamp::from_second(1_795_251_600 + week * WEEK).unwrap())},
                "csat": csat,
                "reopened": reopened,
            });
            write(out, &record.to_string())?;
            e.lines += 1;
            e.direct += 1;
            e.csat_direct.push(csat);
            e.direct_reopened += u64::from(reopened);
        } else {
            let template = rng.below(2) as usize;
            let touches = 1 + rng.below(3);
            let opened_earlier = 10 * rng.below(12) as i64;
            for j in 0..touches {
                let v = template * 4 + rng.below(4) as usize;
                let mut packet = variants[v].clone();
                shift(&mut packet, (week + j as i64) * WEEK);
                packet["ticket"]["id"] = json!(id);
                let at = instant(packet["handoff"]["at"].as_str().unwrap()).unwrap();
                let opened = instant(packet["ticket"]["opened_at"].as_str().unwrap()).unwrap()
                    - jiff::SignedDuration::from_secs(opened_earlier * 60 + j as i64 * WEEK);
                packet["ticket"]["opened_at"] = json!(utc(opened));
                if j == 0 {
                    e.transfer_minutes
                        .push((at.as_second() - opened.as_second()) / 60);
                }
                let received = at + jiff::SignedDuration::from_secs(300);
                packet["received_at"] = json!(utc(received));
                let last = j + 1 == touches;
                let (met, late) = MARGINS[template];
                match rng.below(5) {
                    0 => e.no_action += 1,
                    1 => {
                        packet["first_action_at"] =
                            json!(utc(received + jiff::SignedDuration::from_secs(WEEK)));
                        e.breached += 1;
                        e.margins.push(late);
                        // Finance's customer deadline is two days after the handoff; engineering's ten.
                        e.broke_customer += u64::from(template == 0);
                    }
                    _ => {
                        packet["first_action_at"] =
                            json!(utc(received + jiff::SignedDuration::from_secs(3600)));
                        e.met += 1;
                        e.margins.push(met);
                    }
                }
                packet["agent"] = json!(AGENTS[rng.below(4) as usize]);
                packet["reopened"] = json!(last && reopened);
                if last {
                    packet["csat"] = json!(2 + csat as i64 % 3);
                    e.csat_handed_off.push(2 + csat as i64 % 3);
                }
                let n = write(out, &packet.to_string())?;
                e.lines += 1;
                e.handoffs += 1;
                let (_, name, score, failed) = VARIANTS[v];
                e.scores.push(score);
                for check in failed {
                    *e.failed.entry(check.to_string()).or_insert(0) += 1;
                    e.first_failure.entry(check.to_string()).or_insert(n);
                }
                e.silent += u64::from(name == "silent");
                e.asked_twice += u64::from(name == "asked-twice");
                e.not_ready += u64::from(name == "asked-twice");
                *e.team_handoffs
                    .entry(TEAMS[template].to_string())
                    .or_insert(0) += 1;
            }
            e.handed_off_tickets += 1;
            e.reopen_known += 1;
            *e.touches.entry(touches).or_insert(0) += 1;
            e.reopened += u64::from(reopened);
        }
        if options.bad_every > 0 && (ticket + 1) % options.bad_every == 0 {
            let bad = if (ticket / options.bad_every) % 2 == 0 {
                "{\"ticket\": {\"id\": \"broken\"".to_string()
            } else {
                json!({"ticket": {"id": "bad-csat"}, "csat": 9}).to_string()
            };
            let n = write(out, &bad)?;
            e.lines += 1;
            e.bad_lines.push(n);
        }
    }
    Ok(e)
}

/// The median as `Counts::median` defines it: the lower middle value.
pub fn median(values: &[i64]) -> Option<i64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    (!sorted.is_empty()).then(|| sorted[sorted.len().div_ceil(2) - 1])
}
