//! A seeded, structure-aware mutation fuzzer for every entry point of the kit (issue 17):
//! packet text, notes (text, Markdown, HTML), bundle + deadline / business minutes / check,
//! and `Validator`. Each input is timed and its peak heap measured (a counting allocator); a
//! panic, an input over `--max-ms` or over `--max-heap-mb` is a finding, written to
//! `target/fuzz/findings/<target>/` and failing the run.
//!
//! `cargo run --release --example fuzz -- --seed N --seconds S [--target T]` runs each target
//! (or only T) for S seconds from seed N: the same seed gives the same inputs. Each target runs
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
mod note_mutation;
mod recipe;
mod rng;
mod targets;

use handoff_kit::json_text::WireStrings;
use json_tree::J;
use rng::Rng;
use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use targets::{Target, TARGETS};

/// The system allocator, counting the bytes live and their high-water mark.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = System.realloc(ptr, layout, new_size);
        if !new.is_null() {
            if new_size > layout.size() {
                let grown = new_size - layout.size();
                let live = LIVE.fetch_add(grown, Ordering::Relaxed) + grown;
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The input being run, for the panic hook (which runs on the panicking thread while the
/// input is still alive): its text and a description.
static CURRENT_TEXT: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());
static CURRENT_LEN: AtomicUsize = AtomicUsize::new(0);
static CURRENT_TARGET: Mutex<Option<Target>> = Mutex::new(None);
static STATS: Mutex<Stats> = Mutex::new(Stats::new());

/// What a worker saw; printed as one `STATS` line for the supervisor.
#[derive(Debug, Clone)]
struct Stats {
    inputs: u64,
    bytes: u64,
    panics: u64,
    slow: u64,
    heavy: u64,
    internal: u64,
    slowest_ns: u64,
    slowest: String,
    heap_peak: u64,
    heap_peak_input: String,
    rss_peak_kb: u64,
    busy_ns: u64,
}

impl Stats {
    const fn new() -> Stats {
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

    fn line(&self) -> String {
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

    fn parse(line: &str) -> Option<Stats> {
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

    fn merge(&mut self, other: &Stats) {
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

struct Options {
    seed: u64,
    seconds: f64,
    targets: Vec<Target>,
    max_ms: u64,
    max_heap_mb: u64,
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
        "usage: fuzz [--seed N] [--seconds S per target] [--target {}|all] [--max-ms 1000] [--max-heap-mb 256] [--input FILE] [--export-seeds DIR]",
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
            if left <= 0.5 {
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

fn report(all: &[(Target, Stats, Duration)], options: &Options) {
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

/// Where findings go.
fn findings_dir(target: Target) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/fuzz/findings")
        .join(target.name())
}

fn save_finding(target: Target, kind: &str, text: &str) -> String {
    let dir = findings_dir(target);
    let _ = std::fs::create_dir_all(&dir);
    // FNV-1a: the same input gets the same name.
    let hash = text.bytes().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    });
    let path = dir.join(format!("{kind}-{hash:016x}.{}", target.extension()));
    let _ = std::fs::write(&path, text);
    path.display().to_string()
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let target = CURRENT_TARGET.lock().map(|t| *t).unwrap_or(None);
        let ptr = CURRENT_TEXT.load(Ordering::SeqCst);
        if let (Some(target), false) = (target, ptr.is_null()) {
            // SAFETY: set from a live `&str` just before the target runs on this thread and
            // cleared after; the hook runs on the panicking thread during that run.
            let text = unsafe {
                std::str::from_utf8_unchecked(std::slice::from_raw_parts(
                    ptr,
                    CURRENT_LEN.load(Ordering::SeqCst),
                ))
            };
            let path = save_finding(target, "panic", text);
            println!("PANIC in {} on {path}", target.name());
            if let Ok(mut stats) = STATS.lock() {
                stats.panics += 1;
                stats.rss_peak_kb = peak_rss_kb();
                // Under panic = "abort" the process ends after this hook: report now.
                println!("{}", stats.line());
            }
        }
        default(info);
    }));
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

/// One input's measurements.
struct Measured {
    /// The whole input (every call of the target).
    took: Duration,
    /// The slowest call and its name.
    slowest: (Duration, &'static str),
    /// Peak heap above what was live before, in bytes.
    heap: u64,
    internal: bool,
    panicked: bool,
}

/// Runs one input with the measurements.
fn measure(target: Target, text: &str, strings: &mut WireStrings) -> Measured {
    CURRENT_TEXT.store(text.as_ptr() as *mut u8, Ordering::SeqCst);
    CURRENT_LEN.store(text.len(), Ordering::SeqCst);
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let started = Instant::now();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        targets::run(target, text, strings)
    }));
    let took = started.elapsed();
    let heap = (PEAK.load(Ordering::Relaxed).saturating_sub(base)) as u64;
    CURRENT_TEXT.store(std::ptr::null_mut(), Ordering::SeqCst);
    match outcome {
        Ok(outcome) => Measured {
            took,
            slowest: outcome.slowest,
            heap,
            internal: outcome.internal(),
            panicked: false,
        },
        Err(_) => Measured {
            took,
            slowest: (took, "(panicked)"),
            heap,
            internal: false,
            panicked: true,
        },
    }
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
    while Instant::now() < deadline {
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
