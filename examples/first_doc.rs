//! First-document latency: the time from the start of `main` to the first extraction done,
//! with pattern compilation and cold caches included.
//!
//! ```text
//! cargo build --release --example first_doc
//! MINERPRESS_T0=$(date +%s%N) target/release/examples/first_doc corpus/riot-2025-10.txt
//! ```
//!
//! Prints the time of each step (reading the file, `Document::from_bytes`, `Extractor::new`,
//! which compiles the patterns, and the first `extract_document`), the total since `main`
//! started, and, when `MINERPRESS_T0` holds the wall-clock time in nanoseconds since the Unix
//! epoch taken just before the process was started (as above), the total since then, which
//! adds process creation, dynamic loading and runtime start-up. A second extraction of the
//! same document shows the warm cost for comparison.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use minerpress::{Document, Extractor};

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let t0 = Instant::now();
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/riot-2025-10.txt").into());
    let bytes = std::fs::read(&path).expect("readable document");
    let t_read = Instant::now();
    let doc = Document::from_bytes(&bytes).expect("a text document");
    let t_doc = Instant::now();
    let extractor = Extractor::new();
    let t_new = Instant::now();
    let update = extractor.extract_document(&doc);
    let t_first = Instant::now();
    let since_exec = std::env::var("MINERPRESS_T0")
        .ok()
        .and_then(|t| t.trim().parse::<u128>().ok())
        .and_then(|t0| {
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .ok()?
                .as_nanos();
            now.checked_sub(t0)
        });
    let again = Instant::now();
    let second = extractor.extract_document(&Document::from_bytes(&bytes).expect("text"));
    let warm = again.elapsed();
    assert_eq!(update, second, "extraction is deterministic");

    println!(
        "{path}: {} bytes, {} figures",
        bytes.len(),
        update.figures().count()
    );
    println!("  read file            {:8.3} ms", ms(t_read - t0));
    println!("  Document::from_bytes {:8.3} ms", ms(t_doc - t_read));
    println!("  Extractor::new       {:8.3} ms", ms(t_new - t_doc));
    println!("  first extraction     {:8.3} ms", ms(t_first - t_new));
    println!(
        "  first document done  {:8.3} ms after main started",
        ms(t_first - t0)
    );
    if let Some(ns) = since_exec {
        println!(
            "  first document done  {:8.3} ms after MINERPRESS_T0 (process start)",
            ns as f64 / 1e6
        );
    }
    println!(
        "  (warm: the same document again, from bytes, {:.3} ms)",
        ms(warm)
    );
}
