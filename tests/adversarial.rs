//! Hostile and degenerate input: every case ends with a typed error or a correct result, in
//! bounded time and memory, and nothing panics.
//!
//! Sizes: the 50 MB line of figures and the 10 MB of digits are the full size in release
//! builds (`cargo test --release --test adversarial`); debug builds, about ten times slower,
//! use 2 MB and 1 MB so that `cargo test` stays quick. Linear growth itself is checked in
//! `tests/properties.rs` (`work_grows_linearly`). No test asserts a wall-clock time.
#![cfg(feature = "cli")]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use minerpress::{
    Document, ErrorKind, Extractor, Format, Limits, ProductionUpdate, extract_source, sources,
};

#[path = "support/harness.rs"]
mod harness;

/// Full size in release builds, a smaller one in debug builds (see the module docs).
fn size(release: usize, debug: usize) -> usize {
    if cfg!(debug_assertions) {
        debug
    } else {
        release
    }
}

#[path = "support/scratch.rs"]
mod scratch;
use scratch::Scratch;

fn records(paths: &[PathBuf], limits: &Limits) -> Vec<ProductionUpdate> {
    let extractor = Extractor::new();
    sources(paths, limits)
        .map(|s| extract_source(&extractor, s))
        .collect()
}

/// Decodes and extracts, checking every figure against the text; panics on a read error.
fn read(bytes: &[u8]) -> (Document, ProductionUpdate) {
    let document = Document::from_bytes(bytes).unwrap_or_else(|e| panic!("not read: {e}"));
    let update = harness::check_document(&document);
    (document, update)
}

fn not_text(bytes: &[u8]) -> String {
    match Document::from_bytes(bytes) {
        Ok(d) => panic!("read as {:?} text: {:?}", d.format(), d.text()),
        Err(e) => match e.kind() {
            ErrorKind::NotText { reason } => reason.clone(),
            other => panic!("not a NotText error: {other:?}"),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Empty and degenerate text.

#[test]
fn empty_input() {
    let (document, update) = read(b"");
    assert_eq!(document.text(), "");
    assert!(update.is_empty());
    assert!(update.company.is_none() && update.period.is_none());
    let dir = Scratch::new("empty");
    let file = dir.write("empty.txt", b"");
    let recs = records(std::slice::from_ref(&file), &Limits::default());
    assert_eq!(recs.len(), 1);
    assert!(recs[0].error.is_none(), "{:?}", recs[0].error);
    assert!(recs[0].is_empty());
}

#[test]
fn whitespace_only() {
    for text in [
        &b" "[..],
        b"\n\n\n",
        b"\t \r\n \x0c",
        "\u{a0}\u{2003}\n".as_bytes(),
    ] {
        let (_, update) = read(text);
        assert!(update.is_empty(), "{text:?}");
    }
    let (document, _) = read(b"<html><body>   \n  </body></html>");
    assert_eq!(document.format(), Format::Html);
    assert_eq!(document.text(), "");
}

// ---------------------------------------------------------------------------------------------
// Size.

/// One line, no newline, of release sentences dense with figures.
#[test]
fn a_50_mb_line_dense_with_figures() {
    let unit = "Riot produced 1,234.5 BTC and held 19,324 bitcoin, with 545 PH/s deployed, \
        36.5 EH/s operating, 21.5 J/TH, 1.03 GW, $224.6 million of revenue and 75,000 miners \
        in October 2025, compared to 445 BTC in September 2025. ";
    let target = size(50 << 20, 2 << 20);
    let text = unit.repeat(target / unit.len() + 1);
    assert!(!text.contains('\n') && text.len() >= target);
    let (document, update) = read(text.as_bytes());
    assert_eq!(document.text().len(), text.len());
    // Every copy states the same figures, so the first statement of each is picked.
    let mined = update.btc_mined.expect("bitcoin mined");
    assert_eq!(mined.text, "1,234.5 BTC");
    assert_eq!(mined.span, [14, 25]);
}

#[test]
fn megabytes_of_digits() {
    let digits = "7".repeat(size(10 << 20, 1 << 20));
    let (_, update) = read(digits.as_bytes());
    assert!(update.is_empty());
    // With a unit after them: far beyond any decimal, so no figure.
    let (_, update) = read(format!("Riot produced {digits} BTC in October 2025.").as_bytes());
    assert!(update.btc_mined.is_none());
    // Digits in thousands groups, one enormous grouped number.
    let grouped = "123,".repeat(size(2 << 20, 1 << 18)) + "456 BTC";
    let (_, update) = read(format!("Riot produced {grouped} in October 2025.").as_bytes());
    assert!(update.btc_mined.is_none());
}

#[test]
fn huge_and_scientific_numbers_before_a_unit() {
    let big = "9".repeat(400);
    for number in [
        big.as_str(),
        "1e308",
        "1E308",
        "1e-308",
        "79228162514264337593543950336",
    ] {
        let text = format!("Riot produced {number} BTC in October 2025 and held {number} bitcoin.");
        let update = minerpress::extract(&text);
        harness::check_figures(&text, &update).unwrap_or_else(|e| panic!("{number}: {e}"));
        assert!(
            update.btc_mined.is_none(),
            "{number}: {:?}",
            update.btc_mined
        );
        assert!(update.btc_held.is_none(), "{number}: {:?}", update.btc_held);
    }
    // The largest decimal with a scale word that overflows it.
    let text = "Revenue of $79,228,162,514,264,337,593,543,950,335 billion for October 2025.";
    let update = minerpress::extract(text);
    assert!(update.revenue.is_none());
    // Still a correct result just below the edge.
    let text = "Riot produced 28,000,000,000,000,000,000,000,000 BTC in October 2025.";
    let update = minerpress::extract(text);
    harness::check_figures(text, &update).expect("figures hold");
}

#[test]
fn a_number_followed_by_10000_unit_words() {
    let text = format!(
        "Riot produced 445 BTC{} in October 2025.",
        " BTC EH/s bitcoin MW".repeat(2_500)
    );
    let (_, update) = read(text.as_bytes());
    let mined = update.btc_mined.expect("bitcoin mined");
    assert_eq!(mined.text, "445 BTC");
    assert_eq!(mined.value.to_string(), "445");
}

// ---------------------------------------------------------------------------------------------
// HTML.

#[test]
fn html_nested_100000_deep() {
    let n = 100_000;
    for (open, close) in [
        ("<div>", "</div>"),
        ("<table><tr><td>", "</td></tr></table>"),
        ("<sup>", "</sup>"),
        ("<ul><li>", "</li></ul>"),
    ] {
        let html = format!(
            "<html><body>{}Riot produced 445 bitcoin in October 2025.{}</body></html>",
            open.repeat(n),
            close.repeat(n)
        );
        let (document, update) = read(html.as_bytes());
        assert_eq!(document.format(), Format::Html);
        assert!(
            document.text().contains("445 bitcoin"),
            "{open}: {:?}",
            &document.text()[..document.text().len().min(200)]
        );
        assert_eq!(
            update.btc_mined.map(|f| f.text).as_deref(),
            Some("445 bitcoin"),
            "{open}"
        );
    }
    // Unclosed, and closed without ever being opened.
    let html = format!(
        "<html><body><p>Riot produced 445 BTC.{}",
        "</div>".repeat(n)
    );
    let (document, _) = read(html.as_bytes());
    assert_eq!(document.text(), "Riot produced 445 BTC.\n");
}

#[test]
fn unclosed_comment_and_script() {
    let (document, update) =
        read(b"<html><body><p>Riot produced 445 BTC in October 2025.</p><!-- <p>Held 9 BTC</p>");
    assert_eq!(document.text(), "Riot produced 445 BTC in October 2025.\n");
    assert_eq!(update.btc_mined.map(|f| f.text).as_deref(), Some("445 BTC"));
    let (document, _) =
        read(b"<html><body><p>Riot produced 445 BTC.</p><script>var a = '<p>9 BTC</p>'; if (a<b)");
    assert_eq!(document.text(), "Riot produced 445 BTC.\n");
    let (document, _) = read(b"<html><body><p>Kept.</p><style>p { content: '1 BTC' }");
    assert_eq!(document.text(), "Kept.\n");
    // A comment opened in the first bytes and never closed: all of it is markup.
    let (document, _) = read(format!("<!-- {}", "x ".repeat(10_000)).as_bytes());
    assert_eq!(document.text(), "");
}

// ---------------------------------------------------------------------------------------------
// Binary and broken encodings.

#[test]
fn nul_bytes_and_random_binary_are_not_text() {
    assert!(not_text(b"Riot produced\x00 445 BTC").contains("NUL"));
    // Deterministic pseudo-random bytes (xorshift), several seeds.
    for seed in [1u64, 0x9e37_79b9_7f4a_7c15, 42] {
        let mut x = seed;
        let bytes: Vec<u8> = (0..64 * 1024)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        let reason = not_text(&bytes);
        assert!(!reason.is_empty());
    }
    for (bytes, what) in [
        (&b"%PDF-1.7\n"[..], "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
    ] {
        assert!(not_text(bytes).contains(what), "{what}");
    }
    // Through a batch: an error record naming the file and the reason.
    let dir = Scratch::new("binary");
    let file = dir.write("scan.pdf", b"%PDF-1.4\n\x00\x01");
    let recs = records(std::slice::from_ref(&file), &Limits::default());
    assert_eq!(
        recs[0].source.as_deref(),
        Some(file.to_string_lossy().as_ref())
    );
    assert!(
        recs[0]
            .error
            .as_deref()
            .is_some_and(|e| e.starts_with("not a text document") && e.contains("PDF")),
        "{:?}",
        recs[0].error
    );
}

#[test]
fn invalid_and_truncated_utf8() {
    for bytes in [
        &b"Riot produced 445 BTC \xff\xfe in October 2025."[..],
        b"\xef\xbb\xbfRiot produced 445 BTC \xc3",
        b"\xef\xbb\xbfRiot produced 445 BTC \xe2\x82",
        b"\xef\xbb\xbf\xed\xa0\x80 surrogate, 445 BTC",
        b"\xef\xbb\xbf\xc0\xaf overlong, 445 BTC",
        b"\xef\xbb\xbf",
        b"\xef\xbb",
    ] {
        let (document, update) = read(bytes);
        if bytes.starts_with(b"\xef\xbb\xbf") && bytes.len() > 3 {
            assert!(document.lossy(), "{bytes:?}");
            assert!(document.text().contains('\u{fffd}'), "{bytes:?}");
        }
        if let Some(f) = update.btc_mined {
            assert_eq!(f.text, "445 BTC");
        }
    }
}

#[test]
fn invalid_and_truncated_utf16() {
    let text = "Riot produced 445 BTC in October 2025.";
    let le: Vec<u8> = [0xfeff_u16]
        .into_iter()
        .chain(text.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let (document, update) = read(&le);
    assert_eq!(document.encoding(), "UTF-16LE");
    assert_eq!(document.text(), text);
    assert_eq!(update.btc_mined.map(|f| f.text).as_deref(), Some("445 BTC"));
    // An odd byte at the end: a truncated code unit becomes U+FFFD.
    let mut odd = le.clone();
    odd.push(b'x');
    let (document, _) = read(&odd);
    assert!(document.lossy());
    assert!(document.text().ends_with('\u{fffd}'));
    // A lone high surrogate, and a low one without its pair.
    for unit in [0xd800_u16, 0xdc00] {
        let mut broken = le.clone();
        broken.extend_from_slice(&unit.to_le_bytes());
        broken.extend("x".encode_utf16().flat_map(u16::to_le_bytes));
        let (document, _) = read(&broken);
        assert!(document.lossy());
        assert!(document.text().ends_with("\u{fffd}x"));
    }
    // Big endian, cut mid-document, without a byte order mark.
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let (document, _) = read(&be[..be.len() - 1]);
    assert_eq!(document.encoding(), "UTF-16BE");
    assert!(document.text().starts_with("Riot produced 445 BTC"));
    // Just a byte order mark, and a byte order mark and one byte.
    assert_eq!(read(b"\xff\xfe").0.text(), "");
    assert!(read(b"\xfe\xff\x00").0.lossy());
}

// ---------------------------------------------------------------------------------------------
// Archives and folders.

fn zip_bytes(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in members {
        w.start_file(*name, options).expect("zip member");
        w.write_all(bytes).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

/// Sets every uncompressed size a zip file declares (local headers and central directory)
/// to `size`: a bomb that lies about its size.
fn lie_about_sizes(zip: &mut [u8], size: u32) {
    let mut i = 0;
    while i + 4 <= zip.len() {
        let at = match &zip[i..i + 4] {
            b"PK\x03\x04" => Some(i + 22),
            b"PK\x01\x02" => Some(i + 24),
            _ => None,
        };
        if let Some(at) = at
            && at + 4 <= zip.len()
        {
            zip[at..at + 4].copy_from_slice(&size.to_le_bytes());
        }
        i += 1;
    }
}

#[test]
fn a_zip_bomb_is_refused_at_the_member_limit() {
    let dir = Scratch::new("bomb");
    let bomb = "Riot produced 445 BTC. ".repeat(size(64 << 20, 8 << 20) / 23);
    let small = b"Cango Inc. (NYSE: CANG) produced 546.7 BTC in November 2025.\n";
    let honest = zip_bytes(&[("bomb.txt", bomb.as_bytes()), ("small.txt", small)]);
    assert!(honest.len() < bomb.len() / 100, "highly compressible");
    let mut lying = honest.clone();
    lie_about_sizes(&mut lying, 100);
    let honest = dir.write("honest.zip", &honest);
    let lying = dir.write("lying.zip", &lying);
    let limits = Limits {
        max_member_bytes: 1 << 20,
        ..Limits::default()
    };
    let recs = records(&[honest.clone(), lying.clone()], &limits);
    assert_eq!(recs.len(), 4);
    // The honest header is enough to refuse: nothing is decompressed.
    let name = format!("{}!/bomb.txt", honest.display());
    assert_eq!(recs[0].source.as_deref(), Some(name.as_str()));
    assert_eq!(
        recs[0].error.as_deref(),
        Some(
            format!(
                "document is {} bytes, over the limit of 1048576 bytes",
                bomb.len()
            )
            .as_str()
        )
    );
    assert_eq!(
        recs[1].btc_mined.as_ref().map(|f| f.text.as_str()),
        Some("546.7 BTC")
    );
    // A header that lies: reading stops one byte past the limit, or the archive reader
    // reports the mismatch; either way an error record for that member, never 8+ MiB read.
    let name = format!("{}!/bomb.txt", lying.display());
    assert_eq!(recs[2].source.as_deref(), Some(name.as_str()));
    let error = recs[2].error.as_deref().unwrap_or_default();
    assert!(
        error.contains("over the limit of 1048576 bytes") || error.starts_with("corrupt archive"),
        "{error}"
    );
    assert!(recs[2].is_empty());
}

#[test]
fn a_path_traversal_member_is_read_in_memory_only() {
    let dir = Scratch::new("traversal");
    let zip = dir.write(
        "in/deep/x.zip",
        zip_bytes(&[(
            "../../../escaped.txt",
            b"Riot produced 445 BTC in October 2025.",
        )]),
    );
    let recs = records(std::slice::from_ref(&zip), &Limits::default());
    assert_eq!(
        recs[0].source.as_deref(),
        Some(format!("{}!/../../../escaped.txt", zip.display()).as_str())
    );
    assert_eq!(
        recs[0].btc_mined.as_ref().map(|f| f.text.as_str()),
        Some("445 BTC")
    );
    assert!(!dir.path("escaped.txt").exists());
    assert!(!dir.path("in/escaped.txt").exists());
    assert!(!dir.path("../escaped.txt").exists());
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_folder() {
    let dir = Scratch::new("loop");
    dir.write("top/a.txt", b"Riot produced 445 BTC in October 2025.");
    std::os::unix::fs::symlink(dir.path("top"), dir.path("top/again")).expect("symlink");
    std::os::unix::fs::symlink(dir.path("top/b"), dir.path("top/c")).expect("symlink");
    std::os::unix::fs::symlink(dir.path("top/c"), dir.path("top/b")).expect("symlink");
    let recs = records(&[dir.path("top")], &Limits::default());
    let names: Vec<&str> = recs.iter().filter_map(|r| r.source.as_deref()).collect();
    let top = |n: &str| dir.path("top").join(n).to_string_lossy().into_owned();
    assert_eq!(names, [top("a.txt"), top("again"), top("b"), top("c")]);
    assert!(recs[0].error.is_none());
    for r in &recs[1..] {
        let error = r.error.as_deref().unwrap_or_default();
        assert!(
            error.contains("loop") || error.contains("symbolic links"),
            "{error}"
        );
    }
}

#[test]
fn an_oversized_document_names_the_limit() {
    let dir = Scratch::new("oversized");
    let file = dir.write("big.txt", "Riot produced 445 BTC. ".repeat(100));
    let limits = Limits {
        max_document_bytes: 1000,
        ..Limits::default()
    };
    let recs = records(std::slice::from_ref(&file), &limits);
    assert_eq!(
        recs[0].source.as_deref(),
        Some(file.to_string_lossy().as_ref())
    );
    assert_eq!(
        recs[0].error.as_deref(),
        Some("document is 2300 bytes, over the limit of 1000 bytes")
    );
}

// ---------------------------------------------------------------------------------------------
// The command line.

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// `minerpress extract corpus/` with its standard output closed after the first record: the
/// run ends without a panic message or a broken-pipe complaint.
#[test]
fn the_cli_survives_a_closed_stdout() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minerpress"))
        .args(["extract", "-j", "1"])
        // Four times the corpus: more output than the pipe and the writer's buffer hold.
        .args([corpus(), corpus(), corpus(), corpus()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run minerpress");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("the first record");
    assert!(first.starts_with("{\"source\":"), "{first}");
    // The reader (and with it the pipe's read end) is dropped here, mid-stream.
    let out = child.wait_with_output().expect("minerpress output");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

/// The limits are flags of `extract`; a document over one is an error record naming the
/// limit, and the exit status says a document could not be read.
#[test]
fn the_cli_limits_are_flags() {
    let dir = Scratch::new("cli-limits");
    let big = dir.write("big.txt", "Riot produced 445 BTC. ".repeat(100));
    let small = dir.write("small.txt", "Riot produced 445 BTC in October 2025.");
    let zip = dir.write(
        "x.zip",
        zip_bytes(&[(
            "member.txt",
            "Riot produced 445 BTC. ".repeat(100).as_bytes(),
        )]),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_minerpress"))
        .args(["extract", "-q", "--max-document-bytes", "1000"])
        .args(["--max-member-bytes", "500"])
        .args([&big, &small, &zip])
        .stdin(Stdio::null())
        .output()
        .expect("run minerpress");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].contains("\"error\":\"document is 2300 bytes, over the limit of 1000 bytes\""),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("\"btc_mined\""), "{}", lines[1]);
    assert!(lines[2].contains("member.txt"), "{}", lines[2]);
    assert!(
        lines[2].contains("over the limit of 500 bytes"),
        "{}",
        lines[2]
    );
    assert_eq!(out.status.code(), Some(1));
}
