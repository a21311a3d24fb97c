//! The `minerpress` binary: commands, formats, exit status, standard streams.
#![cfg(feature = "cli")]

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const RIOT: &str = "Riot Platforms, Inc. (NASDAQ: RIOT) produced 437 bitcoin in October 2025, \
                    compared to 445 in September.\n";
const CANGO: &str = "Cango Inc. (NYSE: CANG) produced 546.7 BTC in November 2025.\n";

#[path = "support/scratch.rs"]
mod scratch;
use scratch::Scratch;

fn minerpress(args: &[&str]) -> Output {
    minerpress_stdin(args, None)
}

fn minerpress_stdin(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minerpress"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run minerpress");
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(text.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("minerpress output")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn records(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

#[test]
fn extract_a_text_file() {
    let dir = Scratch::new("file");
    let file = dir.write("riot.txt", RIOT);
    let out = minerpress(&["extract", s(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["source"], s(&file));
    assert_eq!(recs[0]["company"]["ticker"], "RIOT");
    assert_eq!(recs[0]["btc_mined"]["value"], 437);
    assert_eq!(recs[0]["btc_mined"]["span"], serde_json::json!([45, 56]));
    assert_eq!(recs[0]["warnings"], serde_json::json!([]));
    // The summary goes to standard error, never into the records.
    assert!(stderr(&out).contains("1 documents"), "{}", stderr(&out));
    assert!(stderr(&out).contains("MB/s"));
}

#[test]
fn extract_a_folder_in_name_order_skipping_json() {
    let dir = Scratch::new("folder");
    dir.write("b.txt", CANGO);
    dir.write("a.txt", RIOT);
    dir.write("a.expected.json", "{}");
    dir.write(".hidden", RIOT);
    dir.write("sub/c.txt", CANGO);
    let out = minerpress(&["extract", "-j", "2", s(&dir.0)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let sources: Vec<String> = records(&out)
        .iter()
        .map(|r| r["source"].as_str().unwrap_or("").to_string())
        .collect();
    let expected: Vec<String> = ["a.txt", "b.txt", "sub/c.txt"]
        .iter()
        .map(|n| s(&dir.path(n)).to_string())
        .collect();
    assert_eq!(sources, expected);
}

#[test]
fn extract_standard_input() {
    for args in [&["extract"][..], &["extract", "-"][..]] {
        let out = minerpress_stdin(args, Some(CANGO));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let recs = records(&out);
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0]["source"], "-");
        assert_eq!(recs[0]["btc_mined"]["text"], "546.7 BTC");
    }
}

#[test]
fn text_prints_the_text_spans_index_into() {
    let dir = Scratch::new("text");
    let file = dir.write("riot.txt", RIOT);
    let out = minerpress(&["text", s(&file)]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert_eq!(text, RIOT);
    let rec = &records(&minerpress(&["extract", "-q", s(&file)]))[0];
    let span = &rec["btc_mined"]["span"];
    let (a, b) = (
        span[0].as_u64().unwrap_or(0) as usize,
        span[1].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(Some(&text[a..b]), rec["btc_mined"]["text"].as_str());

    let missing = minerpress(&["text", s(&dir.path("missing.txt"))]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("missing.txt"));
}

#[test]
fn csv_has_a_fixed_header_and_one_row_per_record() {
    let dir = Scratch::new("csv");
    let file = dir.write("riot.txt", RIOT);
    let out = minerpress(&[
        "extract",
        "--format",
        "csv",
        s(&file),
        s(&dir.path("nope.txt")),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    let header = minerpress::csv_columns().join(",");
    assert_eq!(lines[0], header);
    assert!(lines[0].starts_with(
        "source,company,ticker,exchange,period_start,period_end,published,btc_mined,"
    ));
    assert!(lines[0].ends_with(",revenue,revenue_prior,warnings,error"));
    assert!(
        lines[1].contains(",RIOT,NASDAQ,2025-10-01,2025-10-31,,437,445,"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains("nope.txt"));
}

#[test]
fn an_unreadable_path_gives_a_record_and_exit_status_1() {
    let dir = Scratch::new("unreadable");
    let file = dir.write("riot.txt", RIOT);
    let missing = dir.path("missing.txt");
    let out = minerpress(&["extract", s(&missing), s(&file)]);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["source"], s(&missing));
    assert_eq!(recs[0]["company"], Value::Null);
    assert_eq!(recs[0]["period"], Value::Null);
    assert!(
        recs[0]["error"]
            .as_str()
            .is_some_and(|e| e.contains("No such file"))
    );
    assert_eq!(recs[1]["btc_mined"]["value"], 437);
    assert!(stderr(&out).contains("1 errors"), "{}", stderr(&out));
    // --quiet silences standard error but not the status.
    let quiet = minerpress(&["extract", "--quiet", s(&missing)]);
    assert_eq!(quiet.status.code(), Some(1));
    assert_eq!(stderr(&quiet), "");
}

#[test]
fn output_file() {
    let dir = Scratch::new("output");
    dir.write("docs/riot.txt", RIOT);
    dir.write("docs/cango.txt", CANGO);
    let docs = dir.path("docs");
    // The output file inside the walked folder must not be read as input.
    let target = dir.path("docs/out.jsonl");
    let out = minerpress(&["extract", "-o", s(&target), s(&docs)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let written = fs::read_to_string(&target).expect("output written");
    let sources: Vec<String> = written
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v["source"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        sources,
        [
            s(&dir.path("docs/cango.txt")),
            s(&dir.path("docs/riot.txt"))
        ]
    );

    let bad = minerpress(&[
        "extract",
        "-o",
        s(&dir.path("no/such/dir/out.jsonl")),
        s(&docs),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("cannot create"));
}

#[test]
fn strict_fails_on_warnings() {
    let doc = "Riot Platforms, Inc. (NASDAQ: RIOT) produced 300 bitcoin in November 2025, \
               an average of 3.0 bitcoin per day.\n";
    let lenient = minerpress_stdin(&["extract"], Some(doc));
    assert_eq!(lenient.status.code(), Some(0));
    assert_eq!(
        records(&lenient)[0]["warnings"][0]["code"],
        "daily_mismatch"
    );
    let strict = minerpress_stdin(&["extract", "--strict"], Some(doc));
    assert_eq!(strict.status.code(), Some(3));
    let clean = minerpress_stdin(&["extract", "--strict"], Some(RIOT));
    assert_eq!(clean.status.code(), Some(0));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        minerpress(&["extract", "--format", "xml"]).status.code(),
        Some(2)
    );
    assert_eq!(minerpress(&["extract", "-j", "0"]).status.code(), Some(2));
    assert_eq!(minerpress(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn help_explains_commands_output_and_exit_status() {
    let out = minerpress(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for needle in ["extract", "text", "JSON Lines", "Exit status", "csv"] {
        assert!(help.contains(needle), "--help lacks {needle:?}:\n{help}");
    }
    let help = stdout(&minerpress(&["extract", "--help"]));
    for needle in [
        "--format",
        "--output",
        "--threads",
        "--strict",
        "--quiet",
        ".zip",
    ] {
        assert!(
            help.contains(needle),
            "extract --help lacks {needle:?}:\n{help}"
        );
    }
}

fn corpus() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn one_and_two_threads_print_the_same_bytes() {
    let corpus = corpus();
    let one = minerpress(&["extract", "-q", "-j", "1", &corpus]);
    let two = minerpress(&["extract", "-q", "-j", "2", &corpus]);
    assert!(records(&one).len() >= 40);
    assert_eq!(stdout(&one), stdout(&two));
    let csv1 = minerpress(&["extract", "-q", "-j", "1", "--format", "csv", &corpus]);
    let csv2 = minerpress(&["extract", "-q", "-j", "2", "--format", "csv", &corpus]);
    assert_eq!(stdout(&csv1), stdout(&csv2));
}

#[test]
fn a_closed_standard_output_ends_quietly() {
    let corpus = corpus();
    let mut child = Command::new(env!("CARGO_BIN_EXE_minerpress"))
        .args(["extract", "-j", "2", &corpus, &corpus, &corpus])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run minerpress");
    // Closing the read end before the first write makes every write fail with EPIPE.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("minerpress output");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
}
