//! A seeded, structure-aware mutation fuzzer for every entry point of the kit (issue 17):
//! packet text, notes (text, Markdown, HTML), bundle + deadline / business minutes / check,
//! and `Validator`. Each input is timed and its peak heap measured (a counting allocator); a
//! panic, an input over `--max-ms` or over `--max-heap-mb` is a finding, written to
//! `target/fuzz/findings/<target>/` and failing the run.
//!
//! `cargo run --release --example fuzz -- --seed N --seconds S [--target T] [--inputs N]` runs
//! each target (or only T) for S seconds (and at most N inputs) from seed N: the same seed
//! gives the same inputs in the same order. Each target runs
//! in a child process of its own (`--worker`), so its peak RSS is its own, and so a panic
//! under `panic = "abort"` (the release profile) ends only that child: its input is saved by
//! the panic hook, and the target goes on from the next seed. Under an unwinding profile the
//! panic is caught (`catch_unwind`) and the run goes on in the same process.
//! `--input FILE --target T` runs one file and prints its time and heap; `--export-seeds DIR`
//! writes the seeds for the coverage-guided fuzzer (`fuzz/afl.sh`).
//! `tests/fuzz/README.md` describes the targets and the corpus.

mod corpus;
mod generate;
mod json_tree;
mod measure;
mod note_mutation;
mod recipe;
mod rng;
mod stats;
mod targets;

use handoff_kit::json_text::WireStrings;
use json_tree::J;
use measure::{install_panic_hook, measure, peak_rss_kb, save_finding, CURRENT_TARGET};
use rng::Rng;
use stats::{report, Stats, STATS};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use targets::{Target, TARGETS};

pub struct Options {
    seed: u64,
    seconds: f64,
    targets: Vec<Target>,
    max_ms: u64,
    max_heap_mb: u64,
    /// At most this many inputs per target (0: no bound), so that a run is the same prefix of
    /// the seed's inputs on any machine.
    inputs: u64,
    worker: bool,
    input: Option<String>,
    export_seeds: Option<String>,
}

fn options() -> Options {
    let mut options = Options {
        seed: 1,
        seconds: 20.0,
        targets: TARGETS.to_vec(),
        max_ms: 1_000,
        max_heap_mb: 256,
        inputs: 0,
        worker: false,
        input: None,
        export_seeds: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| usage(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--seed" => options.seed = value().parse().unwrap_or_else(|_| usage("--seed N")),
            "--seconds" => {
                options.seconds = value().parse().unwrap_or_else(|_| usage("--seconds S"))
            }
            "--max-ms" => options.max_ms = value().parse().unwrap_or_else(|_| usage("--max-ms MS")),
            "--max-heap-mb" => {
                options.max_heap_mb = value()
                    .parse()
                    .unwrap_or_else(|_| usage("--max-heap-mb MB"))
            }
            "--target" => {
                let names = value();
                options.targets = names
                    .split(',')
                    .filter(|name| *name != "all")
                    .map(|name| {
                        Target::by_name(name).unwrap_or_else(|| usage(&format!("no target {name}")))
                    })
                    .collect();
                if options.targets.is_empty() {
                    options.targets = TARGETS.to_vec();
                }
            }
            "--inputs" => options.inputs = value().parse().unwrap_or_else(|_| usage("--inputs N")),
            "--input" => options.input = Some(value()),
            "--export-seeds" => options.export_seeds = Some(value()),
            "--worker" => options.worker = true,
            other => usage(&format!("unknown argument {other}")),
        }
    }
    options
}

fn usage(problem: &str) -> ! {
    let names: Vec<&str> = TARGETS.iter().map(|t| t.name()).collect();
    eprintln!("fuzz: {problem}");
    eprintln!(
        "usage: fuzz [--seed N] [--seconds S per target] [--target {}|all] [--max-ms 1000] [--max-heap-mb 256] [--inputs N] [--input FILE] [--export-seeds DIR]",
        names.join("|")
    );
    std::process::exit(2)
}

fn main() {
    let options = options();
    if let Some(path) = &options.input {
        return run_file(path, &options);
    }
    if let Some(dir) = &options.export_seeds {
        return export_seeds(dir, &options);
    }
    if options.worker {
        return worker(&options);
    }
    supervise(&options);
}

/// Runs each target in a child process for its share of time; a child that dies (a panic
/// under `panic = "abort"`) is replaced from the next seed until the time is up.
fn supervise(options: &Options) {
    println!(
        "fuzz: seed {}, {} s per target; a finding is a panic, a call over {} ms (and over that per MB past 1 MB), or an input over {} MB of heap",
        options.seed, options.seconds, options.max_ms, options.max_heap_mb
    );
    let exe = std::env::current_exe().expect("the fuzzer's own path");
    let mut all = Vec::new();
    for &target in &options.targets {
        let started = Instant::now();
        let mut stats = Stats::new();
        let mut seed = options.seed;
        loop {
            let left = options.seconds - started.elapsed().as_secs_f64();
            if left <= 0.5 || (options.inputs > 0 && stats.inputs >= options.inputs) {
                break;
            }
            let mut child = Command::new(&exe)
                .args(["--worker", "--target", target.name()])
                .args([
                    "--seed",
                    &seed.to_string(),
                    "--seconds",
                    &format!("{left:.1}"),
                ])
                .args(["--max-ms", &options.max_ms.to_string()])
                .args(["--max-heap-mb", &options.max_heap_mb.to_string()])
                .args(["--inputs", &inputs_left(options, &stats).to_string()])
                .stdout(Stdio::piped())
                .spawn()
                .expect("start a worker");
            let stdout = child.stdout.take().expect("the worker's output");
            let mut last = None;
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                match Stats::parse(&line) {
                    Some(s) => last = Some(s),
                    None => println!("{line}"),
                }
            }
            let status = child.wait().expect("wait for a worker");
            match last {
                Some(s) => stats.merge(&s),
                None => stats.panics += 1,
            }
            if status.success() {
                break;
            }
            seed = seed.wrapping_add(1_000_003);
        }
        all.push((target, stats, started.elapsed()));
    }
    report(&all, options)
}

/// Inputs a new worker may still run (0: no bound).
fn inputs_left(options: &Options, stats: &Stats) -> u64 {
    if options.inputs == 0 {
        0
    } else {
        options.inputs.saturating_sub(stats.inputs).max(1)
    }
}

/// The seeds and donors of a target.
struct Seeds {
    texts: Vec<(String, String)>,
    trees: Vec<J>,
    packets: Vec<J>,
    schemas: Vec<J>,
}

fn seeds(target: Target) -> Seeds {
    let texts: Vec<(String, String)> = corpus::inputs(target)
        .into_iter()
        // Seeds are small: the big corpus inputs are regression cases, not material.
        .filter(|input| input.text.len() <= 64 * 1024)
        .map(|input| (input.name, input.text))
        .collect();
    let tree = |text: &str| serde_json::from_str(text).ok().map(|v| J::from_value(&v));
    let trees = texts.iter().filter_map(|(_, text)| tree(text)).collect();
    let packets = corpus::inputs(Target::Packet)
        .iter()
        .filter(|input| input.text.len() <= 64 * 1024)
        .filter_map(|input| tree(&input.text))
        .collect();
    let schemas = std::fs::read_dir(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/scenarios"),
    )
    .into_iter()
    .flatten()
    .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
    .filter_map(|text| tree(&text))
    .collect();
    Seeds {
        texts,
        trees,
        packets,
        schemas,
    }
}

/// The next input: a seed, or a generated case, mutated.
fn next_input(target: Target, seeds: &Seeds, rng: &mut Rng) -> (String, String) {
    let (name, mut text) = match target {
        Target::Sla | Target::Schema if seeds.texts.is_empty() || rng.chance(2) => {
            let case = if target == Target::Sla {
                generate::sla_case(rng, &seeds.packets)
            } else {
                generate::schema_case(rng, &seeds.schemas, &seeds.packets)
            };
            ("generated".to_string(), case.text())
        }
        _ => seeds.texts[rng.below(seeds.texts.len())].clone(),
    };
    let json = matches!(target, Target::Packet | Target::Sla | Target::Schema);
    if json {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
            let mut tree = J::from_value(&value);
            json_tree::mutate(&mut tree, rng, &seeds.trees);
            text = tree.text();
        }
    } else {
        let donors: Vec<String> = seeds.texts.iter().map(|(_, t)| t.clone()).take(4).collect();
        note_mutation::mutate(&mut text, rng, target == Target::NoteHtml, &donors);
    }
    if rng.chance(12) {
        json_tree::damage(&mut text, rng);
    }
    // Past every byte ceiling (8 MB), not past the fuzzer's own memory.
    const MOST: usize = 9 << 20;
    if text.len() > MOST {
        let mut cut = MOST;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    (name, text)
}

/// The time one call may take: `max_ms`, and for an input over 1 MB, `max_ms` per MB (time
/// linear in the input, at least 1 MB/s).
fn allowed(options: &Options, bytes: usize) -> Duration {
    let megabytes = (bytes as f64 / 1e6).max(1.0);
    Duration::from_secs_f64(options.max_ms as f64 / 1e3 * megabytes)
}

fn worker(options: &Options) {
    install_panic_hook();
    let target = options.targets[0];
    *CURRENT_TARGET.lock().expect("target") = Some(target);
    let seeds = seeds(target);
    let mut rng = Rng::new(options.seed ^ (target as u64).wrapping_mul(0x9E3779B97F4A7C15));
    let mut strings = WireStrings::default();
    let deadline = Instant::now() + Duration::from_secs_f64(options.seconds);
    // Warm up: the built-in kit and its schemas compile once per process, not per input.
    let _ = targets::run(target, "{}", &mut strings);
    let mut count = 0;
    while Instant::now() < deadline && (options.inputs == 0 || count < options.inputs) {
        count += 1;
        let (name, text) = next_input(target, &seeds, &mut rng);
        let m = measure(target, &text, &mut strings);
        let mut stats = STATS.lock().expect("stats");
        stats.inputs += 1;
        stats.bytes += text.len() as u64;
        stats.busy_ns += m.took.as_nanos() as u64;
        let describe = || format!("{} bytes from {name}", text.len());
        let slowest = m.slowest.0.as_nanos() as u64;
        if slowest > stats.slowest_ns {
            stats.slowest_ns = slowest;
            stats.slowest = format!("{} on {}", m.slowest.1, describe());
        }
        if m.heap > stats.heap_peak {
            stats.heap_peak = m.heap;
            stats.heap_peak_input = describe();
        }
        // A panic caught here (an unwinding build) was saved and counted by the hook.
        let _ = m.panicked;
        if m.internal {
            stats.internal += 1;
            let path = save_finding(target, "internal", &text);
            println!("INTERNAL in {}: {path}", target.name());
        }
        if m.slowest.0 > allowed(options, text.len()) {
            stats.slow += 1;
            let path = save_finding(target, "slow", &text);
            println!(
                "SLOW in {}: {} took {:.0} ms on {path}",
                target.name(),
                m.slowest.1,
                m.slowest.0.as_secs_f64() * 1e3
            );
        }
        if m.heap > options.max_heap_mb << 20 {
            stats.heavy += 1;
            let path = save_finding(target, "heavy", &text);
            println!("HEAVY in {}: {} MB on {path}", target.name(), m.heap >> 20);
        }
    }
    let mut stats = STATS.lock().expect("stats");
    stats.rss_peak_kb = peak_rss_kb();
    println!("{}", stats.line());
}

/// Writes each target's seeds (corpus inputs up to 64 KB, recipes expanded) to
/// `DIR/<target>/`: the starting corpus of the coverage-guided fuzzer (fuzz/afl.sh).
fn export_seeds(dir: &str, options: &Options) {
    for &target in &options.targets {
        let out = std::path::Path::new(dir).join(target.name());
        std::fs::create_dir_all(&out).unwrap_or_else(|e| usage(&format!("{}: {e}", out.display())));
        for (name, text) in seeds(target).texts {
            let file = name.rsplit('/').next().unwrap_or(&name);
            std::fs::write(out.join(file), text)
                .unwrap_or_else(|e| usage(&format!("{}: {e}", out.display())));
        }
    }
}

fn run_file(path: &str, options: &Options) {
    let target = options.targets[0];
    *CURRENT_TARGET.lock().expect("target") = Some(target);
    install_panic_hook();
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| usage(&format!("{path}: {e}")));
    let text = if path.ends_with(".recipe.json") {
        recipe::expand(&text).unwrap_or_else(|e| usage(&format!("{path}: {e}")))
    } else {
        text
    };
    let mut strings = WireStrings::default();
    let _ = targets::run(target, "{}", &mut strings);
    let m = measure(target, &text, &mut strings);
    println!(
        "{path} through {}: {} bytes, {:.1} ms (slowest call {} {:.1} ms), peak heap {:.1} MB, internal error: {}, panic: {}",
        target.name(),
        text.len(),
        m.took.as_secs_f64() * 1e3,
        m.slowest.1,
        m.slowest.0.as_secs_f64() * 1e3,
        m.heap as f64 / (1 << 20) as f64,
        m.internal,
        m.panicked
    );
}
