//! Properties of extraction over generated and mutated input (proptest).
//!
//! Over release-like text generated from regular expressions (figures with units, months,
//! keywords, table rows, `Label: value` lines, HTML around them), over corpus documents with
//! random bytes inserted, deleted and replaced, and over arbitrary bytes:
//!
//! - (a) nothing panics through `Document::from_bytes` and `extract_document`;
//! - (b) every figure's `text` is `document.text()[span]` and reads back to its `value`
//!   (`support/harness.rs`, `reparse`);
//! - (c) extracting twice gives the same JSON;
//! - (d) work grows linearly: 4× the input costs about 4× the allocations and, with a generous
//!   bound, about 4× the time (a ratio, never an absolute time).
//!
//! Case counts are moderate so that the suite stays quick in debug builds; `PROPTEST_CASES`
//! raises them for a longer local run.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use minerpress::{Document, Extractor};
use proptest::prelude::*;
use proptest::sample::Index;

#[path = "support/harness.rs"]
mod harness;

// ---------------------------------------------------------------------------------------------
// Generators.

/// One piece of a release: a figure, a date, a keyword, punctuation, a row, or noise.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[0-9]{1,3}(,[0-9]{3}){0,2}(\\.[0-9]{1,4})? ?(BTC|bitcoin|bitcoins|Bitcoin)",
        1 => "\u{20bf}[0-9]{1,3}(,[0-9]{3})?",
        3 => "[0-9]{1,3}(,[0-9]{3})?(\\.[0-9]{1,2})? ?(EH/s|PH/s|TH/s|exahashes per second|EH per second)",
        2 => "[0-9]{2}(\\.[0-9]{1,2})? ?(J/TH|W/TH|J/Th)",
        2 => "[0-9]{1,4}(\\.[0-9]{1,2})? ?(MW|GW|megawatts|-megawatt|kW)",
        3 => "(\\$|US\\$|USD )[0-9]{1,3}(\\.[0-9]{1,2})? ?(million|billion|m|M|bn|thousand)?",
        2 => "[0-9]{1,3}(,[0-9]{3})? (miners|blocks|machines)",
        2 => "[0-9]{1,2}(\\.[0-9])?%",
        3 => "(January|February|March|April|May|June|July|August|September|October|November|December) ([0-9]{1,2}, )?20(2[0-6]|1[89])",
        1 => "(Q[1-4]|first quarter|third quarter) 20(2[0-6])",
        8 => "(produced|mined|held|holds|sold|hashrate|hash rate|deployed|operating|energized|fleet efficiency|revenue|mining revenue|compared to|compared with|up from|down from|as of|in|for|the Company|approximately|total|average|per day|including|hosted|target|year-to-date|prior month|bitcoin|of)",
        1 => "(Riot Platforms, Inc\\. \\(NASDAQ: RIOT\\)|Cango Inc\\. \\(NYSE: CANG\\)|CleanSpark, Inc\\.)",
        4 => "[ .,;:|()\n-]{1,2}",
        2 => "\n(Bitcoin (Produced|Held|Sold)|Deployed Hashrate|Hashrate \\((EH/s|PH/s)\\)|Revenue \\(US\\$m\\)|Fleet efficiency \\(J/TH\\)|Miners) \\| [0-9]{1,3}(,[0-9]{3})?(\\.[0-9]{1,2})? \\| \\(?[0-9]{1,3}(\\.[0-9])?\\)?\n",
        2 => "\n(- )?(Bitcoin (Produced|Held)|Hashrate|Miners deployed|Revenue \\(\\$ in millions\\)): (~|\\$)?[0-9]{1,3}(,[0-9]{3})?(\\.[0-9]{1,2})?( BTC| EH/s)?\n",
        1 => "\nMetric \\| (October|November) 2025 \\| (September|October) 2025\n",
        1 => "[0-9]{1,40}",
        1 => "[0-9.,]{1,12}",
        1 => "\\PC{0,6}",
    ]
}

/// Release-like text: fragments separated by spaces.
fn release() -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..60).prop_map(|parts| parts.join(" "))
}

/// The same fragments inside HTML markup.
fn release_html() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => fragment(),
        3 => proptest::sample::select(vec![
            "<p>", "</p>", "<div>", "</div>", "<br>", "<table>", "</table>", "<tr>", "</tr>",
            "<td>", "</td>", "<th>", "<sup>1</sup>", "<sup>", "</sup>", "<li>", "<ul>", "</ul>",
            "&nbsp;", "&amp;", "&#8212;", "<b>", "</b>", "<span style='vertical-align:super'>",
            "</span>", "<script>x</script>", "<!-- c -->", "<pre>", "</pre>",
        ])
        .prop_map(str::to_owned),
    ];
    proptest::collection::vec(piece, 0..80)
        .prop_map(|parts| format!("<html><body>{}</body></html>", parts.concat()))
}

/// The corpus documents (not their expectation files), read once.
static CORPUS: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut docs: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("corpus/ exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x != "json"))
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(&p).expect("readable corpus document");
            (name, bytes)
        })
        .collect();
    docs.sort();
    docs
});

/// Tokens a mutation may insert: markup, units, and bytes that stress decoding.
const TOKENS: &[&[u8]] = &[
    b"BTC",
    b" EH/s",
    b"$",
    b" million",
    b"<p>",
    b"<td>",
    b"</table>",
    b"<!--",
    b"<script>",
    b"<sup>",
    b"\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xff",
    b"\xe2\x82",
    b"\x00",
    b"\x93",
    b",000",
    b".",
    b"\n\n",
];

#[derive(Debug, Clone)]
enum Mutation {
    Insert(Index, u8),
    Delete(Index, usize),
    Replace(Index, u8),
    Token(Index, Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<Index>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        (any::<Index>(), any::<Index>()).prop_map(|(i, t)| Mutation::Token(i, t)),
    ]
}

fn mutate(bytes: &mut Vec<u8>, mutations: &[Mutation]) {
    for m in mutations {
        let len = bytes.len();
        match m {
            Mutation::Insert(i, b) => bytes.insert(i.index(len + 1), *b),
            Mutation::Delete(i, n) if len > 0 => {
                let at = i.index(len);
                bytes.drain(at..(at + n).min(len));
            }
            Mutation::Replace(i, b) if len > 0 => {
                let at = i.index(len);
                bytes[at] = *b;
            }
            Mutation::Token(i, t) => {
                let at = i.index(len + 1);
                let token = TOKENS[t.index(TOKENS.len())];
                bytes.splice(at..at, token.iter().copied());
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// (a), (b), (c): no panic, figures hold, deterministic output.

/// `PROPTEST_CASES` when set (a longer local run), else the default for the suite.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Checks (a)-(c) for bytes: a typed error, or a document whose figures hold and whose
/// extraction is deterministic.
fn holds(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(document) = Document::from_bytes(bytes) {
        harness::check_document(&document);
        harness::check_deterministic(&document);
    }
    harness::document(bytes);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(192), ..ProptestConfig::default() })]

    #[test]
    fn release_text_figures_hold(text in release()) {
        let update = minerpress::extract(&text);
        if let Err(e) = harness::check_figures(&text, &update) {
            prop_assert!(false, "{}\nin {:?}", e, text);
        }
        // Through a document too: plain text is kept byte for byte, so the spans agree.
        let document = Document::from_bytes(text.as_bytes());
        prop_assert!(document.is_ok(), "generated text is text: {:?}", document.err());
        if let Ok(document) = document {
            prop_assert_eq!(document.text(), text.as_str());
            harness::check_deterministic(&document);
            let again = Extractor::new().extract_document(&document);
            prop_assert_eq!(serde_json::to_string(&again).ok(), serde_json::to_string(&update).ok());
        }
    }

    #[test]
    fn release_html_figures_hold(html in release_html()) {
        let document = Document::from_bytes(html.as_bytes());
        prop_assert!(document.is_ok(), "generated HTML is text: {:?}", document.err());
        holds(html.as_bytes())?;
    }

    #[test]
    fn any_bytes_hold(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        harness::all_targets(&bytes);
        holds(&bytes)?;
    }
}

proptest! {
    // Corpus documents are a few KiB each: fewer cases.
    #![proptest_config(ProptestConfig { cases: cases(96), ..ProptestConfig::default() })]

    #[test]
    fn mutated_corpus_documents_hold(
        doc in any::<Index>(),
        mutations in proptest::collection::vec(mutation(), 1..24),
    ) {
        let (_, original) = &CORPUS[doc.index(CORPUS.len())];
        let mut bytes = original.clone();
        mutate(&mut bytes, &mutations);
        holds(&bytes)?;
    }

    #[test]
    fn number_round_trips(data in proptest::collection::vec(any::<u8>(), 1..64)) {
        harness::number(&data);
    }
}

#[test]
fn corpus_documents_hold() {
    assert!(
        CORPUS.len() >= 40,
        "the corpus has {} documents",
        CORPUS.len()
    );
    for (name, bytes) in CORPUS.iter() {
        let document = Document::from_bytes(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let update = Extractor::new().extract_document(&document);
        if let Err(e) = harness::check_figures(document.text(), &update) {
            panic!("{name}: {e}");
        }
        harness::check_deterministic(&document);
    }
}

#[test]
fn reparse_normalizes_like_the_contract() {
    let value = |t: &str| harness::reparse(t).map(|r| r.value.normalize().to_string());
    for (text, expected) in [
        ("1,234.5 BTC", "1234.5"),
        ("\u{20bf}1,234", "1234"),
        ("545 PH/s", "0.545"),
        ("50,000 PH/s", "50"),
        ("36,500 TH/s", "0.0365"),
        ("4.18 exahashes per second", "4.18"),
        ("1.03 GW", "1030"),
        ("200-megawatt", "200"),
        ("500 kW", "0.5"),
        ("$224.6 million", "224600000"),
        ("US$14.9m", "14900000"),
        ("$1.2bn", "1200000000"),
        ("USD 5", "5"),
        ("1.2 million", "1200000"),
        ("27.32 J/Th", "27.32"),
        ("75,000", "75000"),
    ] {
        assert_eq!(value(text).as_deref(), Ok(expected), "{text}");
    }
    assert!(harness::reparse("12 parsecs").is_err());
    assert!(harness::reparse("BTC").is_err());
}

// ---------------------------------------------------------------------------------------------
// (d): linear work.

/// Counts this thread's allocations, so that tests running in parallel do not disturb the
/// count: a deterministic measure of work.
struct Counting;

thread_local! {
    static ALLOCATED: Cell<u64> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to the system allocator unchanged; the count is a
// const-initialized thread local without a destructor, which does not allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATED.try_with(|n| n.set(n.get() + layout.size() as u64));
        // SAFETY: forwarded as given.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded as given.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATED.try_with(|n| n.set(n.get() + new_size as u64));
        // SAFETY: forwarded as given.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Bytes allocated and the fastest of three wall times for decoding and extracting `bytes`.
fn work(bytes: &[u8]) -> (u64, Duration) {
    let extractor = Extractor::new();
    let mut best = Duration::MAX;
    let mut allocated = 0;
    for _ in 0..3 {
        let before = ALLOCATED.with(Cell::get);
        let started = Instant::now();
        let update = Document::from_bytes(bytes).map(|d| extractor.extract_document(&d));
        best = best.min(started.elapsed());
        allocated = ALLOCATED.with(Cell::get) - before;
        assert!(update.is_ok());
    }
    (allocated, best)
}

/// Input of two sizes, `n` and `4n` copies of a unit, cost about 4× as much: allocations (a
/// deterministic count) within 6×, and time within a generous 12× (the machine is shared;
/// quadratic work would be 16×).
#[test]
fn work_grows_linearly() {
    let corpus = |name: &str| {
        CORPUS
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.clone())
            .unwrap_or_else(|| panic!("corpus/{name}"))
    };
    let dense = b"Riot produced 1,234.5 BTC and held 19,324 bitcoin, with 545 PH/s deployed, \
        36.5 EH/s operating, 21.5 J/TH, 1.03 GW, $224.6 million of revenue and 75,000 miners \
        in October 2025, compared to 445 BTC in September 2025. "
        .to_vec();
    let table = b"Bitcoin Produced | 445 | 450\nBitcoin Held | 19,211[3] | 19,287\n".to_vec();
    let cases: Vec<(&str, Vec<u8>, Vec<u8>, usize)> = vec![
        ("dense prose", Vec::new(), dense, 40),
        (
            "table rows",
            b"Metric | October 2025 | September 2025\n".to_vec(),
            table,
            200,
        ),
        ("plain release", Vec::new(), corpus("riot-2025-10.txt"), 4),
        (
            "HTML release",
            Vec::new(),
            corpus("riot-2025-09-prn.html"),
            4,
        ),
        (
            "EDGAR filing",
            Vec::new(),
            corpus("riot-2023-11-edgar.txt"),
            4,
        ),
    ];
    let mut report = Vec::new();
    for (name, head, unit, n) in cases {
        let build = |copies: usize| {
            let mut bytes = head.clone();
            for _ in 0..copies {
                bytes.extend_from_slice(&unit);
                bytes.push(b'\n');
            }
            bytes
        };
        let (small, large) = (build(n), build(4 * n));
        // Time on a shared machine is noisy: a ratio over the bound is measured again, up to
        // three times, before it counts (quadratic work stays over it every time).
        let mut measured = None;
        for _ in 0..3 {
            let (small_alloc, small_time) = work(&small);
            let (large_alloc, large_time) = work(&large);
            let time_ratio = large_time.as_secs_f64() / small_time.as_secs_f64().max(1e-6);
            measured = Some((small_alloc, small_time, large_alloc, large_time, time_ratio));
            if time_ratio < 12.0 {
                break;
            }
        }
        let Some((small_alloc, small_time, large_alloc, large_time, time_ratio)) = measured else {
            unreachable!("measured at least once");
        };
        let alloc_ratio = large_alloc as f64 / small_alloc.max(1) as f64;
        report.push(format!(
            "{name}: {} → {} bytes: allocations ×{alloc_ratio:.2}, time ×{time_ratio:.2} \
             ({small_time:?} → {large_time:?})",
            small.len(),
            large.len()
        ));
        assert!(
            alloc_ratio < 6.0,
            "{name}: allocations ×{alloc_ratio:.2} for 4× input"
        );
        assert!(
            time_ratio < 12.0,
            "{name}: time ×{time_ratio:.2} for 4× input"
        );
    }
    eprintln!("{}", report.join("\n"));
}
