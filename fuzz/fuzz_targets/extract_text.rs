//! Any bytes, made text lossily, through `minerpress::extract`: no panic, and every figure's span
//! holds its text, which reads back to its value.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::extract_text(data));
