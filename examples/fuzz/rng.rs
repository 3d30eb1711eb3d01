//! The fuzzer's randomness: proptest's seeded generator (XorShift), so a seed replays the
//! same inputs on every machine.

use proptest::prelude::Rng as _;
use proptest::test_runner::{RngAlgorithm, TestRng};

pub struct Rng(TestRng);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..].copy_from_slice(&(!seed).rotate_left(17).to_le_bytes());
        Rng(TestRng::from_seed(RngAlgorithm::XorShift, &bytes))
    }

    pub fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A number in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// True one time in `n`.
    pub fn chance(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}
