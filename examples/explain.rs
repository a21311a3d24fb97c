//! Prints every reading minerpress makes of a plain-text file, before picking.
//!
//! `cargo run --example explain -- corpus/riot-2025-04.txt`

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap_or_default();
        let text = minerpress::Document::from_bytes(&bytes)
            .map(minerpress::Document::into_text)
            .unwrap_or_default();
        println!("== {path}");
        for line in minerpress::explain(&text) {
            println!("{line}");
        }
    }
}
