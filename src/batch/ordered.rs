//! Extraction of a stream of sources on several threads, records in input order.

use std::collections::VecDeque;
use std::fmt;

use super::{Source, extract_measured};
use crate::extract::Extractor;
use crate::update::ProductionUpdate;

/// One record of a batch and the size of its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The record: an update with `source` set, or an error record.
    pub update: ProductionUpdate,
    /// The bytes the document was made from (a file's size, an archive member's
    /// decompressed size); 0 for an error record.
    pub bytes: u64,
}

/// Sources per thread in one round of work: enough that the threads stay busy while the
/// slowest document of the round finishes, few enough that records stream out steadily.
const PER_THREAD: usize = 64;

/// In-memory bytes (archive members, JSON Lines documents) one round may hold before it
/// starts; files are read by the workers and do not count.
const ROUND_BYTES: usize = 128 << 20;

/// Extracts every source on `threads` threads and yields the records in input order.
///
/// The output is the same, byte for byte, for any number of threads. Sources are taken in
/// rounds of `threads × 64` (fewer when the round would hold over 128 MiB of archive or JSON
/// Lines data), each round extracted in parallel, its records yielded in order; so memory
/// stays bounded however long the stream, and records appear while later sources are still
/// unread. `threads` 0 means one per available core; 1 extracts on the calling thread. The
/// parallel rounds need the `parallel` feature; without it every round runs on the calling
/// thread.
///
/// # Example
///
/// ```no_run
/// use minerpress::{Extractor, Limits, extract_ordered, sources};
///
/// let extractor = Extractor::new();
/// let records = extract_ordered(&extractor, sources(&["corpus".into()], &Limits::default()), 0);
/// for record in records {
///     println!("{} ({} bytes)", record.update.source.unwrap_or_default(), record.bytes);
/// }
/// ```
pub fn extract_ordered<I>(
    extractor: &Extractor,
    sources: I,
    threads: usize,
) -> Ordered<'_, I::IntoIter>
where
    I: IntoIterator<Item = Source>,
{
    let threads = if threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        threads
    };
    let pool = Pool::new(threads);
    // One thread streams each record at once; rounds only pay off for several.
    let round = if pool.is_parallel() {
        threads.saturating_mul(PER_THREAD)
    } else {
        1
    };
    Ordered {
        extractor,
        sources: sources.into_iter(),
        pool,
        round,
        ready: VecDeque::new(),
    }
}

/// The iterator of [`extract_ordered`].
pub struct Ordered<'a, I> {
    extractor: &'a Extractor,
    sources: I,
    pool: Pool,
    round: usize,
    ready: VecDeque<Extracted>,
}

impl<I> fmt::Debug for Ordered<'_, I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ordered")
            .field("round", &self.round)
            .field("ready", &self.ready.len())
            .finish_non_exhaustive()
    }
}

impl<I: Iterator<Item = Source>> Iterator for Ordered<'_, I> {
    type Item = Extracted;

    fn next(&mut self) -> Option<Extracted> {
        if let Some(record) = self.ready.pop_front() {
            return Some(record);
        }
        let mut round = Vec::with_capacity(self.round.min(4096));
        let mut held = 0usize;
        while round.len() < self.round && held < ROUND_BYTES {
            let Some(source) = self.sources.next() else {
                break;
            };
            held = held.saturating_add(source.held_bytes());
            round.push(source);
        }
        self.ready = self.pool.run(self.extractor, round).into();
        self.ready.pop_front()
    }
}

/// A rayon pool when there are several threads and the `parallel` feature is on.
struct Pool {
    #[cfg(feature = "parallel")]
    pool: Option<rayon::ThreadPool>,
}

impl Pool {
    #[cfg(feature = "parallel")]
    fn new(threads: usize) -> Pool {
        // A pool that cannot start (no threads available) leaves the work to this thread.
        let pool = (threads > 1)
            .then(|| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .thread_name(|i| format!("minerpress-{i}"))
                    .build()
                    .ok()
            })
            .flatten();
        Pool { pool }
    }

    #[cfg(not(feature = "parallel"))]
    fn new(_threads: usize) -> Pool {
        Pool {}
    }

    fn is_parallel(&self) -> bool {
        #[cfg(feature = "parallel")]
        return self.pool.is_some();
        #[cfg(not(feature = "parallel"))]
        return false;
    }

    fn run(&self, extractor: &Extractor, round: Vec<Source>) -> Vec<Extracted> {
        #[cfg(feature = "parallel")]
        if let Some(pool) = &self.pool {
            use rayon::prelude::*;
            // An indexed parallel collect puts every result at its input position.
            return pool.install(|| {
                round
                    .into_par_iter()
                    .map(|s| extract_measured(extractor, s))
                    .collect()
            });
        }
        round
            .into_iter()
            .map(|s| extract_measured(extractor, s))
            .collect()
    }
}
