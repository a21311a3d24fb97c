//! Every input that ever crashed a fuzz target, replayed through every target on stable.
//!
//! Files in `tests/regressions/` are kept in git (named `TARGET-what-it-broke`); files in
//! `fuzz/artifacts/**` are a local fuzzing session's fresh findings, replayed when present so
//! that a crash found by `cargo fuzz` fails `cargo test` until it is fixed and moved to
//! `tests/regressions/`. Each input goes through all targets (`tests/support/harness.rs`), since
//! the same bytes can break a different layer when wrapped differently.

use std::panic;
use std::path::{Path, PathBuf};

#[path = "support/harness.rs"]
mod harness;

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}

fn saved_inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    files_under(&root.join("tests/regressions"), &mut files);
    files_under(&root.join("fuzz/artifacts"), &mut files);
    files.sort();
    files
}

#[test]
fn saved_crashes_replay_cleanly() {
    let files = saved_inputs();
    assert!(
        files.iter().any(|f| f.starts_with(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions")
        )),
        "tests/regressions/ holds the inputs fuzzing found"
    );
    let mut failures = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if let Err(payload) = panic::catch_unwind(|| harness::all_targets(&bytes)) {
            let what = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{}: {what}", file.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} saved inputs fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
