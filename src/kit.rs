//! The kit: a bundle's schemas, rubric and SLA policies, compiled once and reused for every
//! packet.

/// Options for [`Kit::check`].
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The caller's "now" (RFC 3339). The core never reads a clock.
    pub now: Option<String>,
}

/// A compiled bundle.
pub struct Kit {}
