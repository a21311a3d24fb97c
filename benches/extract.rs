//! Extraction speed against a measured floor.
//!
//! Every document in `corpus/` is put in one of four kinds:
//!
//! - `edgar`: a `.txt` EDGAR submission (contains `<SEC-DOCUMENT>`);
//! - `html`: an `.html` or `.htm` page;
//! - `table`: a `.txt` release with a text table (`|` or tab separated cells, or at least
//!   three lines of columns aligned with runs of spaces);
//! - `prose`: any other `.txt` release.
//!
//! Each kind is one criterion group. Every benchmark of a group processes the whole set of
//! documents of its kind once per iteration, and reports both documents/s and bytes/s
//! (`Throughput::ElementsAndBytes`; criterion prints bytes/s in binary units, MiB/s):
//!
//! - `extract`: `Extractor::extract` on the already decoded text (text kinds only);
//! - `from_bytes+extract`: `Document::from_bytes` then `Extractor::extract_document`, from
//!   the raw file bytes: decoding, HTML/EDGAR conversion and extraction, end to end;
//! - `floor`: one pass of one regex that only finds every number (`\d[\d,]*(?:\.\d+)?`),
//!   counting the matches, over the same raw bytes (decoded lossily to `str` beforehand).
//!
//! The ratio extraction / floor is the time of `from_bytes+extract` (or `extract`) divided by
//! the time of `floor` in the same group. After criterion is done, `cargo bench` also prints
//! an indicative table of MB/s (decimal) and ratios from a short manual timing with
//! `std::time::Instant`; criterion's numbers are the ones to quote. Set
//! `MINERPRESS_BENCH_SUMMARY=0` to skip the table.
//!
//! On a shared machine keep runs short:
//!
//! ```text
//! cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3 --sample-size 10
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use minerpress::{Document, Extractor};
use regex::Regex;

/// The floor's pattern: every number, nothing else.
const FLOOR_PATTERN: &str = r"\d[\d,]*(?:\.\d+)?";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Prose,
    Table,
    Html,
    Edgar,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Prose, Kind::Table, Kind::Html, Kind::Edgar];

    fn name(self) -> &'static str {
        match self {
            Kind::Prose => "prose",
            Kind::Table => "table",
            Kind::Html => "html",
            Kind::Edgar => "edgar",
        }
    }

    /// Plain-text kinds, whose decoded text is the input itself.
    fn is_text(self) -> bool {
        matches!(self, Kind::Prose | Kind::Table)
    }
}

/// The documents of one kind.
struct Set {
    kind: Kind,
    /// Raw file bytes.
    raw: Vec<Vec<u8>>,
    /// The raw bytes as `str`, decoded lossily: what the floor reads.
    lossy: Vec<String>,
    /// The text extraction reads (`Document::text`).
    text: Vec<String>,
}

impl Set {
    fn bytes(&self) -> u64 {
        self.raw.iter().map(|r| r.len() as u64).sum()
    }

    fn throughput(&self) -> Throughput {
        Throughput::ElementsAndBytes {
            elements: self.raw.len() as u64,
            bytes: self.bytes(),
        }
    }
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Whether a plain-text release holds a text table.
fn has_text_table(text: &str) -> bool {
    if text.contains('|') || text.contains('\t') {
        return true;
    }
    // Fixed-width tables: a label, then at least two value columns, each after a run of two
    // or more spaces.
    let aligned = text
        .lines()
        .filter(|line| {
            line.trim()
                .split("  ")
                .filter(|c| !c.trim().is_empty())
                .count()
                >= 3
        })
        .count();
    aligned >= 3
}

fn classify(path: &Path, raw: &[u8]) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let lossy = String::from_utf8_lossy(raw);
    match ext.as_str() {
        "html" | "htm" => Some(Kind::Html),
        "txt" if lossy.contains("<SEC-DOCUMENT>") => Some(Kind::Edgar),
        "txt" if has_text_table(&lossy) => Some(Kind::Table),
        "txt" => Some(Kind::Prose),
        _ => None,
    }
}

fn load() -> Vec<Set> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("corpus/ exists")
        .map(|e| e.expect("readable corpus entry").path())
        .collect();
    paths.sort();
    let mut sets: Vec<Set> = Kind::ALL
        .iter()
        .map(|&kind| Set {
            kind,
            raw: Vec::new(),
            lossy: Vec::new(),
            text: Vec::new(),
        })
        .collect();
    for path in paths {
        let raw = std::fs::read(&path).expect("readable corpus document");
        let Some(kind) = classify(&path, &raw) else {
            continue;
        };
        let doc = Document::from_bytes(&raw).expect("corpus documents are text");
        let set = sets
            .iter_mut()
            .find(|s| s.kind == kind)
            .expect("every kind");
        set.lossy.push(String::from_utf8_lossy(&raw).into_owned());
        set.text.push(doc.text().to_owned());
        set.raw.push(raw);
    }
    sets.retain(|s| !s.raw.is_empty());
    sets
}

/// One pass of the floor regex over every document, counting matches.
fn floor(re: &Regex, docs: &[String]) -> usize {
    docs.iter().map(|d| re.find_iter(d).count()).sum()
}

/// Decoding, conversion and extraction of every document; the count of figures found.
fn end_to_end(extractor: &Extractor, raw: &[Vec<u8>]) -> usize {
    raw.iter()
        .map(|r| {
            let doc = Document::from_bytes(r).expect("corpus documents are text");
            extractor.extract_document(&doc).figures().count()
        })
        .sum()
}

/// Extraction of every already decoded text; the count of figures found.
fn extract_only(extractor: &Extractor, texts: &[String]) -> usize {
    texts
        .iter()
        .map(|t| extractor.extract(t).figures().count())
        .sum()
}

fn benches(c: &mut Criterion, sets: &[Set]) {
    let extractor = Extractor::new();
    let re = Regex::new(FLOOR_PATTERN).expect("the floor pattern compiles");
    for set in sets {
        let mut group = c.benchmark_group(set.kind.name());
        group.throughput(set.throughput());
        if set.kind.is_text() {
            group.bench_function("extract", |b| {
                b.iter(|| extract_only(&extractor, black_box(&set.text)))
            });
        }
        group.bench_function("from_bytes+extract", |b| {
            b.iter(|| end_to_end(&extractor, black_box(&set.raw)))
        });
        group.bench_function("floor", |b| b.iter(|| floor(&re, black_box(&set.lossy))));
        group.finish();
    }
}

/// Best time per call of `f` over a few rounds of about `budget` each.
fn best_of<T>(budget: Duration, mut f: impl FnMut() -> T) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let mut n = 0u32;
        while start.elapsed() < budget {
            black_box(f());
            n += 1;
        }
        best = best.min(start.elapsed() / n);
    }
    best
}

/// An indicative summary from a quick manual timing: MB/s (decimal), documents/s and the
/// ratio of extraction time to floor time.
fn summary(sets: &[Set]) {
    let extractor = Extractor::new();
    let re = Regex::new(FLOOR_PATTERN).expect("the floor pattern compiles");
    let budget = Duration::from_millis(300);
    println!();
    println!("Indicative summary (quick Instant timing, best of 3 x 300 ms; quote criterion):");
    println!(
        "{:<7} {:>5} {:>8} {:>22} {:>14} {:>12} {:>7}",
        "kind", "docs", "bytes", "measure", "MB/s", "docs/s", "÷floor"
    );
    for set in sets {
        let bytes = set.bytes() as f64;
        let docs = set.raw.len() as f64;
        let t_floor = best_of(budget, || floor(&re, &set.lossy)).as_secs_f64();
        let mut rows = Vec::new();
        if set.kind.is_text() {
            let t = best_of(budget, || extract_only(&extractor, &set.text)).as_secs_f64();
            rows.push(("extract", t));
        }
        let t = best_of(budget, || end_to_end(&extractor, &set.raw)).as_secs_f64();
        rows.push(("from_bytes+extract", t));
        rows.push(("floor", t_floor));
        for (name, t) in rows {
            println!(
                "{:<7} {:>5} {:>8} {:>22} {:>14.1} {:>12.0} {:>7.1}",
                set.kind.name(),
                set.raw.len(),
                set.bytes(),
                name,
                bytes / t / 1e6,
                docs / t,
                t / t_floor
            );
        }
    }
}

fn main() {
    let sets = load();
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion, &sets);
    criterion.final_summary();
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and only checks that
    // every benchmark runs once.
    let benching = std::env::args().any(|a| a == "--bench");
    let wanted = std::env::var("MINERPRESS_BENCH_SUMMARY").map_or(true, |v| v != "0");
    if benching && wanted {
        summary(&sets);
    }
}
