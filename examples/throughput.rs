//! Extraction throughput over many documents: a JSON Lines archive from `gen_archive`, or
//! files and folders of documents.
//!
//! ```text
//! cargo run --release --example throughput -- [--threads N] [--repeat R] [--json OUT] PATH...
//! ```
//!
//! A `.jsonl` path is streamed line by line (`{"id": ..., "text": ...}`); each text goes
//! through `Document::from_str_auto` and `Extractor::extract_document`. Any other path is
//! read as document files (a folder: every file in it but `*.json`), each through
//! `Document::from_bytes` and `Extractor::extract_document`, `R` times (default 1).
//!
//! With `--threads N` (default 1) the documents are shared out in batches of 256 among `N`
//! threads of the standard library (no rayon): a measure of how the library scales, not of
//! the CLI. Printed: wall time, documents/s and MB/s over the wall time (JSON parsing
//! included), MB/s per core over the time spent in the library alone, figures found (as a
//! sanity check), and the peak resident memory of the process. `--json OUT` also writes every
//! update as one JSON line to `OUT` (in input order with one thread), to compare the output
//! of two builds.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use minerpress::{Document, Extractor};

#[derive(Default)]
struct Tally {
    docs: u64,
    bytes: u64,
    figures: u64,
    with_btc_mined: u64,
    busy: Duration,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.docs += other.docs;
        self.bytes += other.bytes;
        self.figures += other.figures;
        self.with_btc_mined += other.with_btc_mined;
        self.busy += other.busy;
    }

    fn extract(&mut self, extractor: &Extractor, input: Input<'_>, out: Option<&Output>) {
        let start = Instant::now();
        let (bytes, update) = match input {
            Input::Text(t) => (
                t.len(),
                extractor.extract_document(&Document::from_str_auto(t)),
            ),
            Input::Bytes(b) => (
                b.len(),
                match Document::from_bytes(b) {
                    Ok(doc) => extractor.extract_document(&doc),
                    Err(_) => Default::default(),
                },
            ),
        };
        self.busy += start.elapsed();
        self.docs += 1;
        self.bytes += bytes as u64;
        self.figures += update.figures().count() as u64;
        self.with_btc_mined += u64::from(update.btc_mined.is_some());
        if let Some(out) = out {
            let mut w = out.lock().expect("no panics while writing");
            serde_json::to_writer(&mut *w, &update).expect("writable output");
            w.write_all(b"\n").expect("writable output");
        }
    }
}

enum Input<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
}

#[derive(serde::Deserialize)]
struct Line {
    text: String,
}

const BATCH: usize = 256;

type Output = Mutex<BufWriter<std::fs::File>>;

fn archive(path: &Path, threads: usize, extractor: &Extractor, out: Option<&Output>) -> Tally {
    let file = std::fs::File::open(path).expect("readable archive");
    let reader = Mutex::new(BufReader::with_capacity(1 << 20, file).lines());
    let run = || {
        let mut tally = Tally::default();
        loop {
            let batch: Vec<String> = {
                let mut lines = reader.lock().expect("no panics while reading");
                lines
                    .by_ref()
                    .take(BATCH)
                    .map(|l| l.expect("readable line"))
                    .collect()
            };
            if batch.is_empty() {
                return tally;
            }
            for line in batch {
                let Line { text } = serde_json::from_str(&line).expect("a JSON line");
                tally.extract(extractor, Input::Text(&text), out);
            }
        }
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads).map(|_| s.spawn(run)).collect();
        let mut total = Tally::default();
        for h in handles {
            total.add(h.join().expect("worker finished"));
        }
        total
    })
}

fn files(
    paths: &[PathBuf],
    threads: usize,
    repeat: usize,
    extractor: &Extractor,
    out: Option<&Output>,
) -> Tally {
    let mut docs: Vec<Vec<u8>> = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .expect("readable folder")
                .map(|e| e.expect("readable entry").path())
                .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "json"))
                .collect();
            entries.sort();
            docs.extend(
                entries
                    .iter()
                    .map(|p| std::fs::read(p).expect("readable file")),
            );
        } else {
            docs.push(std::fs::read(path).expect("readable file"));
        }
    }
    let all: Vec<&[u8]> = (0..repeat)
        .flat_map(|_| docs.iter().map(Vec::as_slice))
        .collect();
    let chunk = all.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = all
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    let mut tally = Tally::default();
                    for doc in part {
                        tally.extract(extractor, Input::Bytes(doc), out);
                    }
                    tally
                })
            })
            .collect();
        let mut total = Tally::default();
        for h in handles {
            total.add(h.join().expect("worker finished"));
        }
        total
    })
}

/// Peak resident memory in MB (Linux `VmHWM`).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let mut threads = 1;
    let mut repeat = 1;
    let mut paths = Vec::new();
    let mut json = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--threads" | "-j" => threads = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            "--json" => json = args.next(),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() {
        eprintln!(
            "usage: throughput [--threads N] [--repeat R] [--json OUT] ARCHIVE.jsonl | PATH..."
        );
        std::process::exit(2);
    }
    let threads = threads.max(1);
    let extractor = Extractor::new();
    let out: Option<Output> = json.map(|p| {
        Mutex::new(BufWriter::new(
            std::fs::File::create(p).expect("writable JSON output"),
        ))
    });
    let start = Instant::now();
    let mut total = Tally::default();
    let (jsonl, other): (Vec<PathBuf>, Vec<PathBuf>) = paths
        .into_iter()
        .partition(|p| p.extension().is_some_and(|e| e == "jsonl"));
    for path in &jsonl {
        total.add(archive(path, threads, &extractor, out.as_ref()));
    }
    if !other.is_empty() {
        total.add(files(&other, threads, repeat, &extractor, out.as_ref()));
    }
    if let Some(out) = out {
        out.into_inner()
            .expect("no panics while writing")
            .flush()
            .expect("writable output");
    }
    let wall = start.elapsed().as_secs_f64();
    let busy = total.busy.as_secs_f64();
    let mb = total.bytes as f64 / 1e6;
    println!(
        "threads {threads}: {} documents, {mb:.1} MB in {wall:.2} s wall",
        total.docs
    );
    println!(
        "  wall:     {:.0} documents/s, {:.2} MB/s",
        total.docs as f64 / wall,
        mb / wall
    );
    println!(
        "  library:  {:.0} documents/s, {:.2} MB/s per core ({busy:.2} s in Document + extract)",
        total.docs as f64 / busy,
        mb / busy
    );
    println!(
        "  figures:  {} ({:.2} per document), btc_mined in {:.1}% of documents",
        total.figures,
        total.figures as f64 / total.docs.max(1) as f64,
        100.0 * total.with_btc_mined as f64 / total.docs.max(1) as f64
    );
    if let Some(peak) = peak_rss_mb() {
        println!("  peak RSS: {peak:.1} MB");
    }
}
