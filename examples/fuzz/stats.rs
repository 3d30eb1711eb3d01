//! What a worker saw, and the table the supervisor prints.

use crate::targets::Target;
use crate::Options;
use std::sync::Mutex;
use std::time::Duration;

pub static STATS: Mutex<Stats> = Mutex::new(Stats::new());

/// What a worker saw; printed as one `STATS` line for the supervisor.
#[derive(Debug, Clone)]
pub struct Stats {
    pub inputs: u64,
    pub bytes: u64,
    pub panics: u64,
    pub slow: u64,
    pub heavy: u64,
    pub internal: u64,
    pub slowest_ns: u64,
    pub slowest: String,
    pub heap_peak: u64,
    pub heap_peak_input: String,
    pub rss_peak_kb: u64,
    pub busy_ns: u64,
}

impl Stats {
    pub const fn new() -> Stats {
        Stats {
            inputs: 0,
            bytes: 0,
            panics: 0,
            slow: 0,
            heavy: 0,
            internal: 0,
            slowest_ns: 0,
            slowest: String::new(),
            heap_peak: 0,
            heap_peak_input: String::new(),
            rss_peak_kb: 0,
            busy_ns: 0,
        }
    }

    pub fn line(&self) -> String {
        format!(
            "STATS {} {} {} {} {} {} {} {} {} {} {}\t{}\t{}",
            self.inputs,
            self.bytes,
            self.panics,
            self.slow,
            self.heavy,
            self.internal,
            self.slowest_ns,
            self.heap_peak,
            self.rss_peak_kb,
            self.busy_ns,
            0,
            self.slowest,
            self.heap_peak_input
        )
    }

    pub fn parse(line: &str) -> Option<Stats> {
        let rest = line.strip_prefix("STATS ")?;
        let mut parts = rest.split('\t');
        let numbers: Vec<u64> = parts
            .next()?
            .split(' ')
            .map(|n| n.parse().ok())
            .collect::<Option<_>>()?;
        let [inputs, bytes, panics, slow, heavy, internal, slowest_ns, heap_peak, rss_peak_kb, busy_ns, _] =
            numbers[..]
        else {
            return None;
        };
        Some(Stats {
            inputs,
            bytes,
            panics,
            slow,
            heavy,
            internal,
            slowest_ns,
            heap_peak,
            rss_peak_kb,
            busy_ns,
            slowest: parts.next().unwrap_or("").to_string(),
            heap_peak_input: parts.next().unwrap_or("").to_string(),
        })
    }

    pub fn merge(&mut self, other: &Stats) {
        self.inputs += other.inputs;
        self.bytes += other.bytes;
        self.panics += other.panics;
        self.slow += other.slow;
        self.heavy += other.heavy;
        self.internal += other.internal;
        self.busy_ns += other.busy_ns;
        self.rss_peak_kb = self.rss_peak_kb.max(other.rss_peak_kb);
        if other.slowest_ns > self.slowest_ns {
            self.slowest_ns = other.slowest_ns;
            self.slowest = other.slowest.clone();
        }
        if other.heap_peak > self.heap_peak {
            self.heap_peak = other.heap_peak;
            self.heap_peak_input = other.heap_peak_input.clone();
        }
    }
}

pub fn report(all: &[(Target, Stats, Duration)], options: &Options) {
    println!();
    println!(
        "| target | inputs | inputs/min | MB read | panics | slow calls | over {} MB heap | slowest call (ms) | slowest call, on | peak heap, one input (MB) | peak RSS (MB) |",
        options.max_heap_mb
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
    let mut findings = 0;
    for (target, s, took) in all {
        findings += s.panics + s.slow + s.heavy;
        println!(
            "| {} | {} | {:.0} | {:.1} | {} | {} | {} | {:.1} | {} | {:.1} | {:.1} |",
            target.name(),
            s.inputs,
            s.inputs as f64 * 60.0 / took.as_secs_f64().max(0.001),
            s.bytes as f64 / 1e6,
            s.panics,
            s.slow,
            s.heavy,
            s.slowest_ns as f64 / 1e6,
            s.slowest,
            s.heap_peak as f64 / (1 << 20) as f64,
            s.rss_peak_kb as f64 / 1024.0,
        );
    }
    if findings > 0 {
        eprintln!("fuzz: {findings} finding(s); the inputs are in target/fuzz/findings/");
        std::process::exit(1);
    }
    println!("fuzz: no finding");
}
