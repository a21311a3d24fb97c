//! Any bytes as the EX-99.1 exhibit of an EDGAR submission: no panic, bounded output, figures hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::edgar(data));
