use handoff_kit::rubric::{Rubric, ScoreContext};
use handoff_kit::sla::Sla;
use std::time::Instant;
fn main() {
    let kit = handoff_kit::Kit::builtin().unwrap();
    let packets: Vec<serde_json::Value> = std::fs::read_dir("examples/packets")
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "json").then_some(p)
        })
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    let n = 300;
    let time = |name: &str, f: &dyn Fn(&serde_json::Value)| {
        let t = Instant::now();
        for _ in 0..n {
            for p in &packets {
                f(p);
            }
        }
        println!(
            "{name:<28} {:>8.1} µs/packet",
            t.elapsed().as_secs_f64() * 1e6 / (n * packets.len()) as f64
        );
    };
    let sla = Sla::default();
    let rubric = Rubric::builtin();
    time("validate", &|p| {
        kit.validate(p.clone()).unwrap();
    });
    time("check (now)", &|p| {
        kit.check(
            p.clone(),
            &handoff_kit::CheckOptions {
                now: Some("2026-11-16T10:00:00Z".into()),
            },
        )
        .unwrap();
    });
    time("sla.for_packet", &|p| {
        sla.for_packet(p, Some("2026-11-16T10:00:00Z"));
    });
    time("rubric.score (no clock)", &|p| {
        rubric.score(p, &ScoreContext::default());
    });
    let cal = handoff_kit::sla::CalendarRef::Id("default".into());
    let bm = |f: &str, t: &str| sla.business_minutes_between(&cal, f, t).ok();
    time("rubric.score (sla clock)", &|p| {
        rubric.score(
            p,
            &ScoreContext {
                schema_diagnostics: &[],
                business_minutes: Some(&bm),
            },
        );
    });
    time("business_minutes_between", &|_| {
        sla.business_minutes_between(&cal, "2026-11-16T09:00:00Z", "2026-11-16T09:40:00Z")
            .unwrap();
    });
    time("clone", &|p| {
        let _ = p.clone();
    });
}
