//! Native streaming: a reader cut into chunks of about [`CHUNK_BYTES`] of whole lines, the
//! chunks audited on every core (rayon's `par_bridge`: a worker takes the next chunk when it is
//! free, so only a few chunks are in memory at once whatever the input's size), their
//! summaries merged.

use super::add_line;
use super::summary::Summary;
use crate::kit::Kit;
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::io::BufRead;
use std::sync::Mutex;

/// About how many bytes of lines a chunk holds.
const CHUNK_BYTES: usize = 1 << 20;

/// A line longer than this is bad (the packet ceiling, [`crate::limits::PACKET_BYTES`]) and is
/// skipped without being held in memory.
const LINE_BYTES: u64 = crate::limits::PACKET_BYTES as u64;

/// Whole lines: `bytes`, each line's end in it, and the number of its first line.
struct Chunk {
    first_line: u64,
    bytes: Vec<u8>,
    /// Each line's range in `bytes` (line break dropped); `None` for a line past the ceiling.
    ends: Vec<Option<(usize, usize)>>,
}

struct Chunks<R> {
    reader: R,
    next_line: u64,
    error: std::sync::Arc<Mutex<Option<std::io::Error>>>,
    read_bytes: u64,
    progress: Box<dyn FnMut(u64) + Send>,
}

impl<R: BufRead> Iterator for Chunks<R> {
    type Item = Chunk;

    fn next(&mut self) -> Option<Chunk> {
        let mut chunk = Chunk {
            first_line: self.next_line,
            bytes: Vec::with_capacity(CHUNK_BYTES + 4096),
            ends: Vec::new(),
        };
        while chunk.bytes.len() < CHUNK_BYTES {
            let start = chunk.bytes.len();
            let read = std::io::Read::take(&mut self.reader, LINE_BYTES + 1)
                .read_until(b'\n', &mut chunk.bytes);
            let read = match read {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    *self.error.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
                    break;
                }
            };
            self.read_bytes += read as u64;
            let ended = chunk.bytes.last() == Some(&b'\n');
            if !ended && read as u64 > LINE_BYTES {
                chunk.bytes.truncate(start);
                match self.reader.skip_until(b'\n') {
                    Ok(n) => self.read_bytes += n as u64,
                    Err(e) => {
                        *self.error.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
                    }
                }
                chunk.ends.push(None);
            } else {
                let mut end = chunk.bytes.len() - usize::from(ended);
                if ended && end > start && chunk.bytes[end - 1] == b'\r' {
                    end -= 1;
                }
                chunk.ends.push(Some((start, end)));
            }
            self.next_line += 1;
        }
        (self.progress)(self.read_bytes);
        (!chunk.ends.is_empty()).then_some(chunk)
    }
}

fn audit_chunk(kit: &Kit, file: &str, chunk: &Chunk, summary: &mut Summary) {
    for (i, range) in chunk.ends.iter().enumerate() {
        let line = chunk.first_line + i as u64;
        let Some((start, end)) = *range else {
            summary.add_bad(
                file,
                line,
                crate::limits::message("packet-bytes", "The line", LINE_BYTES + 1, ""),
            );
            continue;
        };
        match std::str::from_utf8(&chunk.bytes[start..end]) {
            Ok(text) => add_line(kit, summary, file, line, text),
            Err(_) => summary.add_bad(file, line, "The line is not UTF-8 text.".to_string()),
        }
    }
}

/// Audits every line of `reader` (named `file` in examples and bad-line reports) on every
/// core. `progress` is called with the bytes read so far after each chunk. An I/O error stops
/// the run.
pub fn read_lines<R: BufRead + Send>(
    kit: &Kit,
    file: &str,
    reader: R,
    progress: impl FnMut(u64) + Send + 'static,
) -> std::io::Result<Summary> {
    let error = std::sync::Arc::new(Mutex::new(None));
    let chunks = Chunks {
        reader,
        next_line: 1,
        error: error.clone(),
        read_bytes: 0,
        progress: Box::new(progress),
    };
    let summary = chunks
        .par_bridge()
        .fold(Summary::default, |mut summary, chunk| {
            audit_chunk(kit, file, &chunk, &mut summary);
            summary
        })
        .reduce(Summary::default, Summary::merge_owned);
    let error = error.lock().unwrap_or_else(|p| p.into_inner()).take();
    match error {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}
