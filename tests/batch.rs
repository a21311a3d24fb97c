//! Batch inputs through the library: every input kind, both output forms, ordering across
//! thread counts, and the inputs that must become error records rather than panics, losses
//! or files written to disk.
#![cfg(feature = "cli")]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use minerpress::{
    ErrorKind, Extractor, Limits, ProductionUpdate, Source, csv_columns, csv_row, extract_ordered,
    extract_source, sources,
};

const RIOT: &str = "Riot Platforms, Inc. (NASDAQ: RIOT) produced 437 bitcoin in October 2025, \
                    compared to 445 in September.\n";
/// Bytes no decoder takes for text: a PDF signature, then bytes invalid in UTF-8.
const PDF: &[u8] = b"%PDF-1.7\n\x00\xff\xfe\x00";
const CANGO: &str = "Cango Inc. (NYSE: CANG) produced 546.7 BTC in November 2025.\n";

#[path = "support/scratch.rs"]
mod scratch;
use scratch::Scratch;

fn zip_bytes(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in members {
        if name.ends_with('/') {
            w.add_directory(*name, options).expect("zip directory");
        } else {
            w.start_file(*name, options).expect("zip member");
            w.write_all(bytes).expect("zip write");
        }
    }
    w.finish().expect("zip finish").into_inner()
}

fn tar_bytes(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, bytes) in members {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        b.append_data(&mut header, name, *bytes)
            .expect("tar member");
    }
    b.into_inner().expect("tar finish")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip finish")
}

/// Every record of `paths`, sequentially, with default limits.
fn run(paths: &[PathBuf]) -> Vec<ProductionUpdate> {
    run_with(paths, &Limits::default())
}

fn run_with(paths: &[PathBuf], limits: &Limits) -> Vec<ProductionUpdate> {
    let extractor = Extractor::new();
    sources(paths, limits)
        .map(|s| extract_source(&extractor, s))
        .collect()
}

fn names(records: &[ProductionUpdate]) -> Vec<String> {
    records
        .iter()
        .map(|r| r.source.clone().unwrap_or_default())
        .collect()
}

fn errors(records: &[ProductionUpdate]) -> Vec<(String, String)> {
    records
        .iter()
        .filter_map(|r| Some((r.source.clone()?, r.error.clone()?)))
        .collect()
}

fn mined(record: &ProductionUpdate) -> Option<String> {
    record.btc_mined.as_ref().map(|f| f.value.to_string())
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[test]
fn a_text_file_is_one_record_named_by_its_path() {
    let dir = Scratch::new("file");
    let file = dir.write("riot.txt", RIOT);
    let records = run(std::slice::from_ref(&file));
    assert_eq!(names(&records), [display(&file)]);
    assert_eq!(mined(&records[0]).as_deref(), Some("437"));
    assert_eq!(records[0].error, None);
}

#[test]
fn a_folder_is_walked_in_name_order_without_hidden_entries_or_json() {
    let dir = Scratch::new("folder");
    dir.write("b.txt", CANGO);
    dir.write("a.txt", RIOT);
    dir.write("sub/c.txt", RIOT);
    dir.write("B-upper.txt", RIOT);
    dir.write(".hidden.txt", RIOT);
    dir.write(".git/config", "x");
    dir.write("a.expected.json", "{}");
    dir.write("meta.JSON", "{}");
    let records = run(std::slice::from_ref(&dir.0));
    let expected: Vec<String> = ["B-upper.txt", "a.txt", "b.txt", "sub/c.txt"]
        .iter()
        .map(|n| display(&dir.path(n)))
        .collect();
    assert_eq!(names(&records), expected);
    assert!(errors(&records).is_empty());
}

#[test]
fn an_explicit_json_path_is_read() {
    let dir = Scratch::new("explicit");
    let file = dir.write("note.json", RIOT);
    assert_eq!(names(&run(std::slice::from_ref(&file))), [display(&file)]);
}

#[test]
fn zip_members_in_archive_order() {
    let dir = Scratch::new("zip");
    let zip = dir.write(
        "x.zip",
        zip_bytes(&[
            ("b.txt", RIOT.as_bytes()),
            ("dir/", b""),
            ("dir/a.txt", CANGO.as_bytes()),
            ("dir/a.expected.json", b"{}"),
            ("__MACOSX/dir/._a.txt", b"junk"),
            ("./c.txt", RIOT.as_bytes()),
        ]),
    );
    let records = run(std::slice::from_ref(&zip));
    let z = display(&zip);
    assert_eq!(
        names(&records),
        [
            format!("{z}!/b.txt"),
            format!("{z}!/dir/a.txt"),
            format!("{z}!/c.txt")
        ]
    );
    assert_eq!(mined(&records[1]).as_deref(), Some("546.7"));
}

#[test]
fn tar_and_tar_gz_members() {
    let dir = Scratch::new("tar");
    let members: &[(&str, &[u8])] = &[
        ("2025/riot.txt", RIOT.as_bytes()),
        ("2025/cango.txt", CANGO.as_bytes()),
        ("2025/.DS_Store", b"junk"),
    ];
    let tar = dir.write("x.tar", tar_bytes(members));
    let tgz = dir.write("y.tar.gz", gzip(&tar_bytes(members)));
    let tgz2 = dir.write("z.TGZ", gzip(&tar_bytes(members)));
    let records = run(&[tar.clone(), tgz.clone(), tgz2.clone()]);
    let mut expected = Vec::new();
    for archive in [&tar, &tgz, &tgz2] {
        expected.push(format!("{}!/2025/riot.txt", display(archive)));
        expected.push(format!("{}!/2025/cango.txt", display(archive)));
    }
    assert_eq!(names(&records), expected);
    assert!(errors(&records).is_empty(), "{:?}", errors(&records));
    assert_eq!(mined(&records[5]).as_deref(), Some("546.7"));
}

#[test]
fn json_lines_with_text_and_html() {
    let dir = Scratch::new("jsonl");
    let lines = [
        serde_json::json!({"id": "riot-oct", "text": RIOT}).to_string(),
        String::new(),
        serde_json::json!({"id": 7, "html": format!("<html><body><p>{}</p></body></html>", CANGO.trim())})
            .to_string(),
        serde_json::json!({"text": RIOT, "url": "ignored"}).to_string(),
        "not json".to_string(),
        serde_json::json!({"id": "empty"}).to_string(),
        serde_json::json!({"id": "both", "text": "a", "html": "b"}).to_string(),
    ];
    let file = dir.write("docs.jsonl", format!("\u{feff}{}\r\n", lines.join("\r\n")));
    let records = run(std::slice::from_ref(&file));
    let f = display(&file);
    assert_eq!(
        names(&records),
        [
            "riot-oct".to_string(),
            "7".to_string(),
            format!("{f}:4"),
            format!("{f}:5"),
            format!("{f}:6"),
            format!("{f}:7"),
        ]
    );
    assert_eq!(mined(&records[0]).as_deref(), Some("437"));
    // Spans of a text document index into the JSON string's value itself.
    let span = records[0]
        .btc_mined
        .as_ref()
        .map(|f| f.span)
        .unwrap_or_default();
    assert_eq!(&RIOT[span[0]..span[1]], "437 bitcoin");
    assert_eq!(records[1].error, None);
    assert_eq!(mined(&records[1]).as_deref(), Some("546.7"));
    let errs = errors(&records);
    assert_eq!(errs.len(), 3, "{errs:?}");
    assert!(errs[0].1.starts_with("line 5:"), "{errs:?}");
    assert!(errs[1].1.contains("id \"empty\" has neither"), "{errs:?}");
    assert!(errs[2].1.contains("has both"), "{errs:?}");
}

#[test]
fn an_overlong_json_line_is_an_error_and_the_next_line_is_read() {
    let dir = Scratch::new("jsonl-long");
    let long = serde_json::json!({"id": "long", "text": "x".repeat(500)}).to_string();
    let short = serde_json::json!({"id": "short", "text": RIOT}).to_string();
    let file = dir.write("docs.jsonl", format!("{long}\n{short}\n"));
    let limits = Limits {
        max_document_bytes: 300,
        ..Limits::default()
    };
    let records = run_with(std::slice::from_ref(&file), &limits);
    assert_eq!(
        names(&records),
        [format!("{}:1", display(&file)), "short".into()]
    );
    assert!(
        records[0]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("over the limit"))
    );
}

#[test]
fn stdin_like_sources_from_memory() {
    let extractor = Extractor::new();
    let update = extract_source(
        &extractor,
        Source::from_bytes("-", RIOT.as_bytes().to_vec()),
    );
    assert_eq!(update.source.as_deref(), Some("-"));
    assert_eq!(mined(&update).as_deref(), Some("437"));
    let update = extract_source(&extractor, Source::from_text("mem", CANGO));
    assert_eq!(mined(&update).as_deref(), Some("546.7"));
    let binary = extract_source(&extractor, Source::from_bytes("bin", PDF.to_vec()));
    assert!(binary.error.is_some());
}

#[test]
fn json_and_csv_forms_of_the_same_records() {
    let dir = Scratch::new("forms");
    let file = dir.write("riot.txt", RIOT);
    let missing = dir.path("missing.txt");
    let records = run(&[file.clone(), missing.clone()]);

    let json = serde_json::to_value(&records[0]).expect("json");
    assert_eq!(json["source"], display(&file));
    assert_eq!(json["btc_mined"]["value"], 437);
    assert_eq!(json["btc_mined"]["text"], "437 bitcoin");
    let err = serde_json::to_value(&records[1]).expect("json");
    assert_eq!(err["company"], serde_json::Value::Null);
    assert!(
        err["error"]
            .as_str()
            .is_some_and(|e| e.contains("missing.txt"))
    );

    let columns = csv_columns();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&columns).expect("header");
    for r in &records {
        let row = csv_row(r);
        assert_eq!(row.len(), columns.len());
        w.write_record(&row).expect("row");
    }
    let text = String::from_utf8(w.into_inner().expect("csv")).expect("utf-8");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 2);
    let col = |row: &csv::StringRecord, name: &str| {
        let i = header.iter().position(|h| h == name).expect("column");
        row[i].to_string()
    };
    assert_eq!(col(&rows[0], "ticker"), "RIOT");
    assert_eq!(col(&rows[0], "period_end"), "2025-10-31");
    assert_eq!(col(&rows[0], "btc_mined"), "437");
    assert_eq!(col(&rows[0], "btc_mined_prior"), "445");
    assert_eq!(col(&rows[0], "btc_held"), "");
    assert_eq!(col(&rows[0], "error"), "");
    assert!(col(&rows[1], "error").contains("missing.txt"));
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn jsonl(records: impl Iterator<Item = ProductionUpdate>) -> String {
    let mut out = String::new();
    for r in records {
        out.push_str(&serde_json::to_string(&r).expect("json"));
        out.push('\n');
    }
    out
}

#[test]
fn one_and_two_threads_give_identical_output_over_the_corpus() {
    let extractor = Extractor::new();
    let limits = Limits::default();
    let paths = [corpus()];
    let sequential = jsonl(sources(&paths, &limits).map(|s| extract_source(&extractor, s)));
    let one = jsonl(extract_ordered(&extractor, sources(&paths, &limits), 1).map(|r| r.update));
    let two = jsonl(extract_ordered(&extractor, sources(&paths, &limits), 2).map(|r| r.update));
    assert!(sequential.lines().count() >= 40);
    assert_eq!(one, sequential);
    assert_eq!(two, sequential);
    let names: Vec<String> = sequential
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["source"].as_str().map(str::to_string))
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "a folder's records come in name order");
    assert!(!names.iter().any(|n| n.ends_with(".json")));
}

#[test]
fn ordered_extraction_counts_bytes_and_keeps_order_across_rounds() {
    // More sources than one round of 2 x 64, mixed with errors, to cross round boundaries.
    let extractor = Extractor::new();
    let make = || {
        (0..300).map(|i| {
            if i % 7 == 3 {
                Source::from_error(
                    format!("e{i}"),
                    ErrorKind::NotText { reason: "x".into() }.into(),
                )
            } else {
                Source::from_text(format!("d{i}"), if i % 2 == 0 { RIOT } else { CANGO })
            }
        })
    };
    let two: Vec<_> = extract_ordered(&extractor, make(), 2).collect();
    let one: Vec<_> = extract_ordered(&extractor, make(), 1).collect();
    assert_eq!(two, one);
    assert_eq!(two.len(), 300);
    for (i, r) in two.iter().enumerate() {
        let expected = if i % 7 == 3 {
            format!("e{i}")
        } else {
            format!("d{i}")
        };
        assert_eq!(r.update.source.as_deref(), Some(expected.as_str()));
        let size = if i % 7 == 3 {
            0
        } else if i % 2 == 0 {
            RIOT.len()
        } else {
            CANGO.len()
        };
        assert_eq!(r.bytes, size as u64);
    }
}

#[test]
fn a_truncated_zip_is_an_error_record_and_the_batch_goes_on() {
    let dir = Scratch::new("truncated");
    let whole = zip_bytes(&[("a.txt", RIOT.as_bytes()), ("b.txt", CANGO.as_bytes())]);
    let zip = dir.write("broken.zip", &whole[..whole.len() / 2]);
    let after = dir.write("z.txt", CANGO);
    let records = run(&[zip.clone(), after.clone()]);
    assert_eq!(names(&records), [display(&zip), display(&after)]);
    assert!(
        records[0]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("corrupt archive"))
    );
    assert_eq!(mined(&records[1]).as_deref(), Some("546.7"));

    // A member whose compressed data is damaged fails alone.
    let mut damaged = whole.clone();
    let at = whole
        .windows(5)
        .position(|w| w == b"a.txt")
        .expect("first local header name")
        + 5;
    for b in &mut damaged[at..at + 20] {
        *b ^= 0x5a;
    }
    let zip = dir.write("damaged.zip", damaged);
    let records = run(std::slice::from_ref(&zip));
    assert_eq!(records.len(), 2, "{:?}", names(&records));
    assert!(records[0].error.is_some(), "{:?}", records[0]);
    assert_eq!(records[1].error, None);
}

#[test]
fn a_truncated_tar_gz_is_an_error_record() {
    let dir = Scratch::new("truncated-tgz");
    let whole = gzip(&tar_bytes(&[
        ("a.txt", RIOT.as_bytes()),
        ("b.txt", CANGO.as_bytes()),
    ]));
    let tgz = dir.write("broken.tgz", &whole[..whole.len() - 30]);
    let after = dir.write("z.txt", CANGO);
    let records = run(&[tgz.clone(), after.clone()]);
    assert!(!errors(&records).is_empty(), "{:?}", names(&records));
    assert_eq!(
        records.last().and_then(|r| r.source.clone()),
        Some(display(&after))
    );
    assert_eq!(records.last().and_then(mined).as_deref(), Some("546.7"));
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_is_an_error_record() {
    let dir = Scratch::new("dangling");
    dir.write("a.txt", RIOT);
    std::os::unix::fs::symlink(dir.path("gone.txt"), dir.path("b.txt")).expect("symlink");
    let records = run(std::slice::from_ref(&dir.0));
    assert_eq!(
        names(&records),
        [display(&dir.path("a.txt")), display(&dir.path("b.txt"))]
    );
    assert!(
        records[1]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("No such file"))
    );
    // Given explicitly, too.
    let records = run(&[dir.path("b.txt")]);
    assert!(records[0].error.is_some());
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_an_error_record_not_a_hang() {
    let dir = Scratch::new("loop");
    dir.write("top/a.txt", RIOT);
    dir.write("top/sub/b.txt", CANGO);
    // sub/up points back at top, which is being walked.
    std::os::unix::fs::symlink(dir.path("top"), dir.path("top/sub/up")).expect("symlink");
    // self points at itself: the OS reports a loop on any access.
    std::os::unix::fs::symlink(dir.path("top/self"), dir.path("top/self")).expect("symlink");
    // A link to a folder outside the walk is followed.
    dir.write("other/c.txt", RIOT);
    std::os::unix::fs::symlink(dir.path("other"), dir.path("top/zlink")).expect("symlink");
    let records = run(&[dir.path("top")]);
    let top = |n: &str| display(&dir.path("top").join(n));
    assert_eq!(
        names(&records),
        [
            top("a.txt"),
            top("self"),
            top("sub/b.txt"),
            top("sub/up"),
            top("zlink/c.txt")
        ]
    );
    let errs = errors(&records);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(errs[1].1.contains("loop"), "{errs:?}");
}

#[test]
fn an_oversized_member_is_refused_and_the_others_are_read() {
    let dir = Scratch::new("oversized");
    let big = "Riot produced 437 bitcoin. ".repeat(200);
    let zip = dir.write(
        "x.zip",
        zip_bytes(&[("big.txt", big.as_bytes()), ("small.txt", CANGO.as_bytes())]),
    );
    let tar = dir.write(
        "x.tar.gz",
        gzip(&tar_bytes(&[
            ("big.txt", big.as_bytes()),
            ("small.txt", CANGO.as_bytes()),
        ])),
    );
    let limits = Limits {
        max_member_bytes: 1000,
        ..Limits::default()
    };
    let records = run_with(&[zip, tar], &limits);
    assert_eq!(records.len(), 4);
    for pair in records.chunks(2) {
        let error = pair[0].error.as_deref().unwrap_or_default();
        assert!(error.contains("over the limit of 1000 bytes"), "{error}");
        assert_eq!(mined(&pair[1]).as_deref(), Some("546.7"));
    }
}

#[test]
fn an_oversized_file_is_refused() {
    let dir = Scratch::new("bigfile");
    let file = dir.write("big.txt", "x".repeat(2000));
    let limits = Limits {
        max_document_bytes: 1000,
        ..Limits::default()
    };
    let records = run_with(std::slice::from_ref(&file), &limits);
    assert!(
        records[0]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("2000 bytes"))
    );
    let err = minerpress::read_file(&file, &limits).expect_err("over the limit");
    assert!(matches!(
        err.kind(),
        ErrorKind::TooLarge {
            size: 2000,
            limit: 1000
        }
    ));
}

#[test]
fn a_path_traversal_member_is_read_in_memory_and_writes_nothing() {
    let dir = Scratch::new("traversal");
    let nested = dir.path("a/b");
    fs::create_dir_all(&nested).expect("nested");
    let zip = nested.join("x.zip");
    fs::write(
        &zip,
        zip_bytes(&[
            ("../../evil.txt", RIOT.as_bytes()),
            ("/abs/evil2.txt", CANGO.as_bytes()),
        ]),
    )
    .expect("zip");
    let before = listing(&dir.0);
    let records = run(std::slice::from_ref(&zip));
    let z = display(&zip);
    assert_eq!(
        names(&records),
        [
            format!("{z}!/../../evil.txt"),
            format!("{z}!//abs/evil2.txt")
        ]
    );
    assert_eq!(mined(&records[0]).as_deref(), Some("437"));
    assert_eq!(
        listing(&dir.0),
        before,
        "nothing written under the scratch folder"
    );
    assert!(!dir.path("evil.txt").exists());
    assert!(!Path::new("/abs/evil2.txt").exists());
}

fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("listing").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p.clone());
            }
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn every_input_document_has_exactly_one_record() {
    let dir = Scratch::new("reconcile");
    dir.write("docs/a.txt", RIOT);
    dir.write("docs/b.txt", CANGO);
    dir.write("docs/deep/c.txt", "No figures in this one.\n");
    dir.write("docs/a.expected.json", "{}");
    dir.write(
        "docs/x.zip",
        zip_bytes(&[("1.txt", RIOT.as_bytes()), ("2.txt", CANGO.as_bytes())]),
    );
    dir.write(
        "docs/y.tgz",
        gzip(&tar_bytes(&[("1.txt", RIOT.as_bytes()), ("2.txt", PDF)])),
    );
    let lines = [
        serde_json::json!({"id": "j1", "text": RIOT}).to_string(),
        serde_json::json!({"id": "j2", "html": "<p>nothing</p>"}).to_string(),
        "{broken".to_string(),
    ];
    dir.write("docs/z.jsonl", lines.join("\n"));
    let missing = dir.path("missing.txt");
    // 3 files + 2 zip members + 2 tar members + 3 JSON lines + 1 missing path.
    let expected = 3 + 2 + 2 + 3 + 1;

    let extractor = Extractor::new();
    let paths = [dir.path("docs"), missing];
    for threads in [1, 2] {
        let records: Vec<_> =
            extract_ordered(&extractor, sources(&paths, &Limits::default()), threads).collect();
        assert_eq!(records.len(), expected, "threads {threads}");
        let mut seen: Vec<_> = records
            .iter()
            .filter_map(|r| r.update.source.clone())
            .collect();
        assert_eq!(seen.len(), expected, "every record has a source");
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), expected, "no document twice");
        let failed = records.iter().filter(|r| r.update.error.is_some()).count();
        assert_eq!(failed, 3, "binary member, broken line, missing path");
    }
}
