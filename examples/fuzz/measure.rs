//! Measuring one input: a counting global allocator (peak heap), the time of each call, and a
//! panic hook that saves the input being run (under `panic = "abort"` the process then ends).

use crate::stats::STATS;
use crate::targets::{self, Target};
use handoff_kit::json_text::WireStrings;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The system allocator, counting the bytes live and their high-water mark.
struct Counting;

pub static LIVE: AtomicUsize = AtomicUsize::new(0);
pub static PEAK: AtomicUsize = AtomicUsize::new(0);

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
pub static CURRENT_TEXT: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());
pub static CURRENT_LEN: AtomicUsize = AtomicUsize::new(0);
pub static CURRENT_TARGET: Mutex<Option<Target>> = Mutex::new(None);

/// Where findings go.
fn findings_dir(target: Target) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/fuzz/findings")
        .join(target.name())
}

pub fn save_finding(target: Target, kind: &str, text: &str) -> String {
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

pub fn peak_rss_kb() -> u64 {
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

pub fn install_panic_hook() {
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

/// One input's measurements.
pub struct Measured {
    /// The whole input (every call of the target).
    pub took: Duration,
    /// The slowest call and its name.
    pub slowest: (Duration, &'static str),
    /// Peak heap above what was live before, in bytes.
    pub heap: u64,
    pub internal: bool,
    pub panicked: bool,
}

/// Runs one input with the measurements.
pub fn measure(target: Target, text: &str, strings: &mut WireStrings) -> Measured {
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
