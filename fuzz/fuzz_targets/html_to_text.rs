//! Any bytes after `<html>` through `Document::from_bytes` (HTML to text) and extraction: no panic,
//! bounded output, figures hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::html_to_text(data));
