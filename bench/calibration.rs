//! The score against a reviewer: Spearman's ρ between the kit's score and the reviewer's grade
//! over the labelled handoffs of `tests/scoring/`, ready/not-ready agreement, and every
//! handoff where the two disagree. `cargo run --release --example calibration`.

#[path = "../tests/scoring/calibration.rs"]
mod calibration;

use handoff_kit::Kit;

fn main() {
    let kit = Kit::builtin().expect("the built-in kit");
    let agreement = calibration::measure(&kit);
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
    if std::env::args().any(|a| a == "--all") {
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
