//! Prints the text minerpress extracts from a file (what spans index into).
//!
//! `cargo run --example text -- corpus/riot-2025-09-prn.html`

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap_or_default();
        match minerpress::Document::from_bytes(&bytes) {
            Ok(doc) => print!("{}", doc.text()),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
