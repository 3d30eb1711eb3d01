//! The explanation of a deadline: the open stretches a walk counted, kept short.

/// One entry of the explanation: `[start, end)` in Unix seconds and the counted seconds in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Piece {
    pub start: i64,
    pub end: i64,
    pub seconds: i64,
}

/// The open time consumed, in order, kept short: contiguous pieces are merged, and past five
/// entries the middle ones collapse into one (first two, one spanning the middle, last two).
/// Held inline (at most [`MAX_SEGMENTS`] entries), so a walk allocates nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct SegmentLog {
    pieces: [Piece; MAX_SEGMENTS],
    len: usize,
}

/// The most entries a [`SegmentLog`] keeps.
pub const MAX_SEGMENTS: usize = 5;

/// Where a walk reports the open stretches it counts, in order.
pub trait Log {
    /// `[start, end)` (Unix seconds) counted `seconds` of open time.
    fn push(&mut self, start: i64, end: i64, seconds: i64);
}

/// A [`Log`] for walks whose explanation is not wanted.
pub struct NoLog;

impl Log for NoLog {
    fn push(&mut self, _start: i64, _end: i64, _seconds: i64) {}
}

impl SegmentLog {
    /// The entries, in order.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces[..self.len]
    }

    /// The earliest instant at which `amount` seconds of the logged time have been counted,
    /// read off the log when every entry up to it is one uninterrupted open stretch (its
    /// counted seconds are its length); `None` when the log cannot tell (a collapsed middle
    /// entry or a whole week counted at once comes first, or the log holds less).
    pub fn instant_after(&self, amount: i64) -> Option<i64> {
        let mut counted = 0;
        for piece in self.pieces() {
            if piece.seconds != piece.end - piece.start {
                return None;
            }
            if counted + piece.seconds >= amount {
                return Some(piece.start + (amount - counted));
            }
            counted += piece.seconds;
        }
        None
    }
}

impl Log for SegmentLog {
    fn push(&mut self, start: i64, end: i64, seconds: i64) {
        if seconds <= 0 && start >= end {
            return;
        }
        if let Some(last) = self.len.checked_sub(1).map(|i| &mut self.pieces[i]) {
            if last.end == start {
                last.end = end;
                last.seconds += seconds;
                return;
            }
        }
        if self.len == MAX_SEGMENTS {
            // [f1, f2, m, l1, l2] + new -> [f1, f2, m+l1, l2, new]
            let folded = self.pieces[3];
            let middle = &mut self.pieces[2];
            middle.end = folded.end;
            middle.seconds += folded.seconds;
            self.pieces[3] = self.pieces[4];
            self.len -= 1;
        }
        self.pieces[self.len] = Piece {
            start,
            end,
            seconds,
        };
        self.len += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_segment_lists_collapse_in_the_middle() {
        let mut log = SegmentLog::default();
        for k in 0..9 {
            log.push(k * 10, k * 10 + 5, 5);
        }
        let starts: Vec<i64> = log.pieces().iter().map(|p| p.start).collect();
        assert_eq!(starts, vec![0, 10, 20, 70, 80]);
        assert_eq!(
            log.pieces().get(2).map(|p| (p.end, p.seconds)),
            Some((65, 25))
        );
    }
}
