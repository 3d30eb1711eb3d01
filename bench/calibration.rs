//! The score against a reviewer: Spearman's ρ between the kit's score and the reviewer's grade
//! over the labelled handoffs of `tests/scoring/`, ready/not-ready agreement, and every
//! handoff where the two disagree. `cargo run --release --example calibration`; `--bundle FILE`
//! measures an org bundle's rubric instead of the built-in one, `--all` lists every handoff and
//! `--json` prints each handoff's checks (id, points, at stake) for weight studies.

#[path = "../tests/scoring/calibration.rs"]
mod calibration;

use handoff_kit::Kit;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let kit = match args.iter().position(|a| a == "--bundle") {
        Some(at) => {
            let path = args.get(at + 1).expect("--bundle FILE");
            let text = std::fs::read_to_string(path).expect("a readable bundle");
            Kit::from_json(&text).unwrap_or_else(|e| panic!("{path}: {}", e.message))
        }
        None => Kit::builtin().expect("the built-in kit"),
    };
    let agreement = calibration::measure(&kit);
    if args.iter().any(|a| a == "--json") {
        let cases: Vec<serde_json::Value> = agreement
            .cases
            .iter()
            .map(|c| {
                serde_json::json!({"file": c.file, "grade": c.grade.to_string(), "ready": c.ready,
                    "kit_ready": c.kit_ready, "score": c.score, "checks": c.checks})
            })
            .collect();
        println!("{}", serde_json::Value::Array(cases));
        return;
    }
    println!(
        "calibration: {} handoffs, Spearman's rho {:.3} (must be >= 0.8), ready agreement {:.1}% (must be >= 95%)",
        agreement.cases.len(),
        agreement.rho,
        100.0 * agreement.ready_agreement
    );
    for case in calibration::disagreements(&agreement) {
        println!(
            "  {}: reviewer {} {}, kit {} {} {}",
            case.file,
            case.grade,
            if case.ready { "ready" } else { "not ready" },
            case.score,
            case.kit_grade,
            if case.kit_ready { "ready" } else { "not ready" },
        );
    }
    if args.iter().any(|a| a == "--all") {
        for case in &agreement.cases {
            println!(
                "  {} {} {} | {} {} | {}",
                case.file, case.grade, case.ready, case.score, case.kit_ready, case.reason
            );
            if !case.errors.is_empty() {
                println!("      errors: {}", case.errors.join(", "));
            }
        }
    }
}
