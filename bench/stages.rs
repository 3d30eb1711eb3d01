//! Native time per stage of `Kit::check` over `examples/packets/`, to see where a check's time
//! goes without the wasm boundary: `cargo run --release --example stages`. Each figure is the
//! mean over 300 passes; compare stages within one run.

use handoff_kit::rubric::{Rubric, ScoreContext};
use handoff_kit::sla::{CalendarRef, Sla};
use handoff_kit::{CheckOptions, Kit};
use serde_json::Value;
use std::time::Instant;

const PASSES: usize = 300;
const NOW: &str = "2026-11-16T10:00:00Z";

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packets");
    let mut packets: Vec<Value> = Vec::new();
    for entry in std::fs::read_dir(dir).expect("examples/packets") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).expect("read packet");
            packets.push(serde_json::from_str(&text).expect("packet JSON"));
        }
    }
    let time = |name: &str, stage: &dyn Fn(&Value)| {
        let start = Instant::now();
        for _ in 0..PASSES {
            for packet in &packets {
                stage(packet);
            }
        }
        let per_packet = start.elapsed().as_secs_f64() * 1e6 / (PASSES * packets.len()) as f64;
        println!("{name:<32} {per_packet:>8.1} µs/packet");
    };

    let kit = Kit::builtin().expect("built-in kit");
    let sla = Sla::default();
    let rubric = Rubric::builtin();
    let calendar = CalendarRef::Id("default".to_string());
    let business_minutes =
        |from: &str, to: &str| sla.business_minutes_between(&calendar, from, to).ok();
    let options = CheckOptions {
        now: Some(NOW.to_string()),
    };

    time("clone of the packet", &|p| drop(p.clone()));
    time("Kit::validate (incl. clone)", &|p| {
        drop(kit.validate(p.clone()))
    });
    time("Kit::check (incl. clone)", &|p| {
        drop(kit.check(p.clone(), &options))
    });
    let vocabulary = handoff_kit::vocabulary::Vocabulary::builtin();
    time("Vocabulary::normalise (incl. clone)", &|p| {
        let mut packet = p.clone();
        drop(vocabulary.normalise(&mut packet));
    });
    time("Sla::for_packet", &|p| drop(sla.for_packet(p, Some(NOW))));
    time("Rubric::score (SLA clock)", &|p| {
        let context = ScoreContext {
            schema_diagnostics: &[],
            business_minutes: Some(&business_minutes),
        };
        drop(rubric.score(p, &context));
    });
}
