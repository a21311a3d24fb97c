//! The corpus test: every document in corpus/ against its pinned expectation, every field.
//!
//! All mismatches of all documents are reported at once, each with the field, the expected
//! and the actual value. Expectations were written by reading the documents.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use minerpress::{Document, Extractor, Metric};
use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Documents with their expectation files, in name order.
fn documents() -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(corpus()).expect("corpus/ exists") {
        let path = entry.expect("readable corpus entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".json") || !path.is_file() {
            continue;
        }
        let stem = name.split('.').next().unwrap_or(name);
        let expected = path.with_file_name(format!("{stem}.expected.json"));
        out.push((path, expected));
    }
    out.sort();
    out
}

fn compare(name: &str, expected: &Value, actual: &Value, text: &str, problems: &mut Vec<String>) {
    let bad = |problems: &mut Vec<String>, field: &str, exp: &Value, act: &Value| {
        problems.push(format!("{name}: {field}: expected {exp}, got {act}"));
    };
    let null = Value::Null;
    for key in ["company", "period"] {
        let e = expected.get(key).unwrap_or(&null);
        let a = actual.get(key).unwrap_or(&null);
        if e != a {
            bad(problems, key, e, a);
        }
    }
    let e = expected.get("published").unwrap_or(&null);
    let a = actual.get("published").unwrap_or(&null);
    if e != a {
        bad(problems, "published", e, a);
    }
    for metric in Metric::ALL {
        let key = metric.key();
        let e = expected.get(key);
        let a = actual.get(key);
        match (e, a) {
            (None, None) => {}
            (Some(e), None) => bad(problems, key, e, &null),
            (None, Some(a)) => bad(problems, key, &Value::String("(absent)".into()), a),
            (Some(e), Some(a)) => {
                let ev = e.get("value").and_then(Value::as_f64);
                let av = a.get("value").and_then(Value::as_f64);
                let same_value = ev == av;
                let same_unit = e.get("unit") == a.get("unit");
                let same_text = e.get("text") == a.get("text");
                let same_span = e.get("span").is_none_or(|s| Some(s) == a.get("span"));
                if !(same_value && same_unit && same_text && same_span) {
                    bad(problems, key, e, a);
                }
                // Whatever was expected, the span must hold the text.
                if let (Some(span), Some(t)) =
                    (a.get("span"), a.get("text").and_then(Value::as_str))
                {
                    let s = span[0].as_u64().unwrap_or(0) as usize;
                    let en = span[1].as_u64().unwrap_or(0) as usize;
                    if text.get(s..en) != Some(t) {
                        problems.push(format!("{name}: {key}: span {s}..{en} does not hold {t:?}"));
                    }
                }
            }
        }
    }
    let codes = |v: &Value| -> BTreeSet<String> {
        v.get("warnings")
            .and_then(Value::as_array)
            .map(|ws| {
                ws.iter()
                    .filter_map(|w| w.get("code").and_then(Value::as_str).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (ec, ac) = (codes(expected), codes(actual));
    if ec != ac {
        problems.push(format!("{name}: warnings: expected {ec:?}, got {ac:?}"));
    }
}

#[test]
fn corpus_matches_expectations() {
    let extractor = Extractor::new();
    let docs = documents();
    assert!(docs.len() >= 40, "the corpus has {} documents", docs.len());
    let mut problems = Vec::new();
    let mut fields = 0usize;
    for (doc, exp) in &docs {
        let name = doc
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let bytes = std::fs::read(doc).expect("readable document");
        let Ok(expected_text) = std::fs::read_to_string(exp) else {
            problems.push(format!("{name}: no expectation file {}", exp.display()));
            continue;
        };
        let expected: Value = serde_json::from_str(&expected_text)
            .unwrap_or_else(|e| panic!("{}: invalid JSON: {e}", exp.display()));
        let document = match Document::from_bytes(&bytes) {
            Ok(d) => d,
            Err(e) => {
                problems.push(format!("{name}: cannot read: {e}"));
                continue;
            }
        };
        let update = extractor.extract_document(&document);
        let actual = serde_json::to_value(&update).expect("serializable update");
        fields += Metric::ALL.len() + 3;
        compare(&name, &expected, &actual, document.text(), &mut problems);
    }
    // Known gaps are fields where the extractor still disagrees with an expectation; each
    // is listed with why. A listed gap that now passes must be removed, so the list only
    // shrinks; a mismatch not listed fails the test.
    let gaps = known_gaps();
    let key = |p: &str| -> String { p.split(": ").take(2).collect::<Vec<_>>().join(": ") };
    let unexpected: Vec<&String> = problems
        .iter()
        .filter(|p| !gaps.contains(&key(p)))
        .collect();
    let found: BTreeSet<String> = problems.iter().map(|p| key(p)).collect();
    let fixed: Vec<&String> = gaps.iter().filter(|g| !found.contains(*g)).collect();
    eprintln!(
        "corpus: {} documents, {} fields, {} known gaps",
        docs.len(),
        fields,
        gaps.len()
    );
    if !unexpected.is_empty() || !fixed.is_empty() {
        panic!(
            "{} unexpected mismatches over {} documents ({} fields):\n{}\n\n{} known gaps now pass; remove them from tests/known-gaps.txt:\n{}",
            unexpected.len(),
            docs.len(),
            fields,
            unexpected
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            fixed.len(),
            fixed
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
}

/// `document: field` lines of tests/known-gaps.txt (text after `#` is the reason).
fn known_gaps() -> BTreeSet<String> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/known-gaps.txt"))
            .unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}
