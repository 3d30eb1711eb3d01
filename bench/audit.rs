//! `handoff audit` throughput next to serde_json's parse-only of the same NDJSON, and the peak
//! memory of a 1 GB input (bench/README.md, "Audit").
//!
//! ```text
//! cargo run --release --example audit                 # both figures (writes, then deletes,
//!                                                     # target/audit-bench/*.ndjson)
//! cargo run --release --example audit -- --mb 200     # throughput input size (default 200)
//! cargo run --release --example audit -- --generate TICKETS OUT [--seed S] [--bad-every N]
//! ```
//! Throughput: the same chunked reader on every core (rayon), once with `serde_json` parsing
//! each line into `IgnoredAny` (the limit: reading the text, nothing kept), once auditing it;
//! best of three each, MB = 10^6 bytes. Memory: the release CLI auditing a 1 GB file, its
//! maximum resident set read from `/usr/bin/time -v` (or `wait4`'s rusage when time is absent).

#[path = "audit_export.rs"]
mod export;

/// The CLI's allocator (src/bin/handoff/main.rs), so the audit measured here allocates as
/// `handoff audit` does. serde_json's parse-only allocates nothing per line either way.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use handoff_kit::audit;
use handoff_kit::Kit;
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn write_export(path: &Path, tickets: u64, seed: u64, bad_every: u64) -> export::Expected {
    let file = std::fs::File::create(path).expect("create the export");
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let options = export::Options {
        tickets,
        seed,
        bad_every,
    };
    let expected = export::generate(&options, &mut out).expect("write the export");
    out.flush().expect("write the export");
    expected
}

/// Writes about `mb` MB of export (tickets average ~1,950 bytes each).
fn export_of_size(path: &Path, mb: u64) -> export::Expected {
    write_export(path, mb * 1_000_000 / 3_900, 1, 0)
}

/// serde_json parse-only of every line (into `IgnoredAny`, or into a `Value` with `value`), on
/// every core, through chunks of about 1 MB.
fn parse_only(path: &Path, value: bool) -> u64 {
    let reader = BufReader::with_capacity(1 << 16, std::fs::File::open(path).unwrap());
    let chunks = std::iter::from_fn({
        let mut reader = reader;
        move || {
            let mut chunk = Vec::with_capacity(1 << 20);
            while chunk.len() < 1 << 20 {
                if reader.read_until(b'\n', &mut chunk).unwrap() == 0 {
                    break;
                }
            }
            (!chunk.is_empty()).then_some(chunk)
        }
    });
    chunks
        .par_bridge()
        .map(|chunk| {
            let mut ok = 0u64;
            for line in chunk.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
                let text = std::str::from_utf8(line).unwrap();
                ok += u64::from(if value {
                    serde_json::from_str::<serde_json::Value>(text).is_ok()
                } else {
                    serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
                });
            }
            ok
        })
        .sum()
}

fn best_of_three(mut run: impl FnMut() -> u64) -> (f64, u64) {
    let mut best = f64::INFINITY;
    let mut result = 0;
    for _ in 0..3 {
        let start = Instant::now();
        result = run();
        best = best.min(start.elapsed().as_secs_f64());
    }
    (best, result)
}

fn throughput(dir: &Path, mb: u64) {
    let path = dir.join("throughput.ndjson");
    let expected = export_of_size(&path, mb);
    let bytes = std::fs::metadata(&path).unwrap().len();
    let kit = Kit::builtin().unwrap();
    let (parse_s, parsed) = best_of_three(|| parse_only(&path, false));
    let (value_s, _) = best_of_three(|| parse_only(&path, true));
    let (audit_s, audited) = best_of_three(|| {
        let reader = BufReader::with_capacity(1 << 16, std::fs::File::open(&path).unwrap());
        audit::read_lines(&kit, "bench", reader, |_| {})
            .unwrap()
            .lines
    });
    assert_eq!(parsed, expected.lines);
    assert_eq!(audited, expected.lines);
    let rate = |s: f64| bytes as f64 / 1e6 / s;
    println!(
        "audit throughput, {} lines, {} bytes, {} threads:",
        expected.lines,
        bytes,
        rayon::current_num_threads()
    );
    println!(
        "  serde_json parse-only (IgnoredAny)  {:.3} s  {:.1} MB/s",
        parse_s,
        rate(parse_s)
    );
    println!(
        "  serde_json Value (a parse that keeps the document)  {:.3} s  {:.1} MB/s",
        value_s,
        rate(value_s)
    );
    println!(
        "  handoff audit (check every line)    {:.3} s  {:.1} MB/s",
        audit_s,
        rate(audit_s)
    );
    println!(
        "  ratio audit / parse-only            {:.3} (must >= 0.5, aim >= 0.8)",
        parse_s / audit_s
    );
    println!(
        "  ratio audit / serde_json Value      {:.3}",
        value_s / audit_s
    );
    std::fs::remove_file(&path).ok();
}

/// Peak RSS (KB) of the release CLI auditing `path`.
fn peak_rss(cli: &Path, path: &Path) -> Option<u64> {
    let output = std::process::Command::new("/usr/bin/time")
        .arg("-v")
        .arg(cli)
        .args(["audit", "--format", "json", "--out", "/dev/null"])
        .arg(path)
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse().ok())
}

fn memory(dir: &Path) {
    let cli = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/handoff");
    if !cli.exists() {
        println!("1 GB peak RSS: skipped, build the CLI first (cargo build --release)");
        return;
    }
    let path = dir.join("1gb.ndjson");
    let start = Instant::now();
    export_of_size(&path, 1000);
    let bytes = std::fs::metadata(&path).unwrap().len();
    let written = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let rss = peak_rss(&cli, &path);
    let took = start.elapsed().as_secs_f64();
    std::fs::remove_file(&path).ok();
    match rss {
        Some(kb) => println!(
            "1 GB input ({bytes} bytes, written in {written:.1} s): handoff audit took {took:.1} s, peak RSS {kb} KB = {:.1} MB (must <= 200 MB)",
            kb as f64 / 1024.0
        ),
        None => println!("1 GB peak RSS: /usr/bin/time -v is not available; skipped"),
    }
}

/// Where a line's time goes, one thread: `--stages FILE`.
fn stages(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let kit = Kit::builtin().unwrap();
    let time = |name: &str, run: &dyn Fn(&str) -> bool| {
        let start = Instant::now();
        let ok = lines.iter().filter(|l| run(l)).count();
        let s = start.elapsed().as_secs_f64();
        println!(
            "  {name:44} {:7.2} µs/line  {:7.1} MB/s  ({ok} ok)",
            s * 1e6 / lines.len() as f64,
            text.len() as f64 / 1e6 / s
        );
    };
    println!("{} lines, one thread:", lines.len());
    time("serde_json parse-only (IgnoredAny)", &|l| {
        serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok()
    });
    time("serde_json Value", &|l| {
        serde_json::from_str::<serde_json::Value>(l).is_ok()
    });
    time("the kit's parse (tape)", &|l| {
        handoff_kit::tape::Tape::parse(l).is_ok()
    });
    time("kit.validate_text (parse, vocabulary, schema)", &|l| {
        kit.validate_text(l).is_ok()
    });
    let options = handoff_kit::CheckOptions::default();
    time("kit.check_text (+ rubric, SLA, report)", &|l| {
        kit.check_text(l, &options).is_ok()
    });
    time("audit record (check + outcome + SLA)", &|l| {
        audit::read_record(&kit, l).is_ok()
    });
    let summary = std::cell::RefCell::new(audit::Summary::default());
    time("audit line (record + summary)", &|l| {
        audit::add_line(&kit, &mut summary.borrow_mut(), "f", 1, l);
        true
    });
}

fn main() {
    if let Some(path) = arg("--stages") {
        stages(Path::new(&path));
        return;
    }
    if let Some(tickets) = arg("--generate") {
        let out = std::env::args()
            .skip_while(|a| a != "--generate")
            .nth(2)
            .expect("--generate TICKETS OUT");
        let seed = arg("--seed").map_or(1, |s| s.parse().expect("--seed"));
        let bad = arg("--bad-every").map_or(0, |s| s.parse().expect("--bad-every"));
        let e = write_export(
            Path::new(&out),
            tickets.parse().expect("TICKETS"),
            seed,
            bad,
        );
        eprintln!(
            "{out}: {} lines, {} handoffs, {} direct, {} bad",
            e.lines,
            e.handoffs,
            e.direct,
            e.bad_lines.len()
        );
        return;
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/audit-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let mb = arg("--mb").map_or(200, |s| s.parse().expect("--mb"));
    throughput(&dir, mb);
    if std::env::args().all(|a| a != "--no-memory") {
        memory(&dir);
    }
}
