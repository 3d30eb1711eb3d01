//! One file per rubric check. Each file holds the check's documentation (What it checks / Why
//! it matters / Example, mirrored in its `RULE`), a small struct, one function and its tests.
//! The registry (`rubric/registry.rs`) lists them with their weights.

pub mod action_without_outcome;
pub mod completeness;
pub mod customer_not_informed;
pub mod document_asked_twice;
pub mod late_handoff;
pub mod next_step_without_owner;
pub mod owner_not_a_person;
pub mod promise_not_recorded;
pub mod too_much_noise;
pub mod urgency_below_sentiment;
pub mod vague_summary;
pub mod wrong_team;
