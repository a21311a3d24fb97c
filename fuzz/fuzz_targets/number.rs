//! Numbers built from the input (digits, grouping, decimals, unit or dollar scale) with noise
//! around them, in release sentences: a figure spanning exactly the number has the value computed
//! independently.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::number(data));
