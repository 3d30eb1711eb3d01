#![allow(dead_code)] // shared by tests/scoring.rs and bench/calibration.rs, each using a part
//! Agreement between the kit and a reviewer over the labelled handoffs of `tests/scoring/`
//! (`labels.json`: file → grade A–F, ready yes/no, reason). Shared by `tests/scoring.rs`, which
//! asserts the figures, and `bench/calibration.rs`, which prints them for `make bench`.
//!
//! - Spearman's ρ between the kit's score and the reviewer's grade (A = 4 … F = 0), ties
//!   given their average rank;
//! - ready agreement: the share of handoffs where the kit's "ready" (no error in the report)
//!   is the reviewer's.

use handoff_kit::note::NoteFormat;
use handoff_kit::report::Report;
use handoff_kit::{CheckOptions, Kit};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One labelled handoff as the kit saw it.
pub struct Case {
    pub file: String,
    pub grade: char,
    pub ready: bool,
    pub reason: String,
    pub score: u32,
    pub kit_grade: String,
    pub kit_ready: bool,
    /// The report's errors, as `code at path`.
    pub errors: Vec<String>,
    /// Per check: id, points, points at stake.
    pub checks: Vec<(String, u32, u32)>,
}

/// The agreement figures.
pub struct Agreement {
    pub cases: Vec<Case>,
    pub rho: f64,
    /// Share of handoffs whose kit "ready" is the reviewer's, 0–1.
    pub ready_agreement: f64,
}

pub fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scoring")
}

/// Checks every labelled handoff with `kit` and measures the agreement.
pub fn measure(kit: &Kit) -> Agreement {
    let dir = folder();
    let text = std::fs::read_to_string(dir.join("labels.json")).expect("labels.json");
    let doc: Value = serde_json::from_str(&text).expect("labels.json is JSON");
    let context = &doc["note_context"];
    let options = CheckOptions {
        now: doc["now"].as_str().map(str::to_string),
    };
    let labels = doc["labels"].as_object().expect("labels");
    let mut cases = Vec::new();
    for (file, label) in labels {
        let content = std::fs::read_to_string(dir.join(file)).expect("a labelled file");
        let report: Report = if file.ends_with(".json") {
            let packet: Value = serde_json::from_str(&content).expect("a JSON packet");
            kit.check(packet, &options).expect("a packet report")
        } else {
            kit.check_note(&content, NoteFormat::Text, context, &options)
                .expect("a note report")
        };
        let score = report.score.as_ref().expect("a score");
        let grade = label["grade"].as_str().and_then(|g| g.chars().next());
        cases.push(Case {
            file: file.clone(),
            grade: grade.expect("a grade"),
            ready: label["ready"].as_bool().expect("ready yes/no"),
            reason: label["reason"].as_str().unwrap_or_default().to_string(),
            score: score.value,
            kit_grade: format!("{:?}", score.grade),
            kit_ready: report.valid,
            errors: report
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| format!("{} at {}", d.code, d.path))
                .collect(),
            checks: score
                .checks
                .iter()
                .map(|c| (c.id.to_string(), c.points, c.max_points))
                .collect(),
        });
    }
    let scores: Vec<f64> = cases.iter().map(|c| f64::from(c.score)).collect();
    let grades: Vec<f64> = cases.iter().map(|c| grade_rank(c.grade)).collect();
    let agree = cases.iter().filter(|c| c.ready == c.kit_ready).count();
    Agreement {
        rho: spearman(&scores, &grades),
        ready_agreement: agree as f64 / cases.len().max(1) as f64,
        cases,
    }
}

/// A = 4, B = 3, C = 2, D = 1, F = 0.
pub fn grade_rank(grade: char) -> f64 {
    match grade {
        'A' => 4.0,
        'B' => 3.0,
        'C' => 2.0,
        'D' => 1.0,
        'F' => 0.0,
        other => panic!("'{other}' is not a grade"),
    }
}

/// Ranks from 1, ties given the average of the ranks they span (O(n log n)).
pub fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|a, b| values[*a].total_cmp(&values[*b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
            end += 1;
        }
        let average = (start + end) as f64 / 2.0 + 1.0;
        for &i in &order[start..=end] {
            ranks[i] = average;
        }
        start = end + 1;
    }
    ranks
}

/// Spearman's ρ: Pearson's correlation of the average ranks (0 when either side is constant).
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    assert_eq!(x.len(), y.len());
    let (rx, ry) = (ranks(x), ranks(y));
    let n = rx.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        return 0.0;
    }
    sxy / (sxx * syy).sqrt()
}

/// The handoffs where the kit and the reviewer disagree: on readiness or on the grade.
pub fn disagreements(agreement: &Agreement) -> Vec<&Case> {
    agreement
        .cases
        .iter()
        .filter(|c| {
            let kit = c.kit_grade.chars().next().map_or(0.0, grade_rank);
            c.ready != c.kit_ready || (kit - grade_rank(c.grade)).abs() >= 1.0
        })
        .collect()
}
