//! Invariants every extraction must keep, and the fuzz targets' bodies.
//!
//! Shared by the fuzz targets (`fuzz/fuzz_targets/*.rs` include this file with `#[path]`),
//! by `tests/properties.rs` and by `tests/regressions.rs`, which replays every saved crashing
//! input through every target on stable `cargo test`. Only the public API is used.
//!
//! Every function panics with a message naming the broken invariant, which is what a fuzzer
//! and a test both want.

#![allow(dead_code)]

use minerpress::{Decimal, Document, Extractor, ProductionUpdate, Unit};

/// What the text of a figure says, read back independently of the library: the number with
/// its scale word and unit applied, and the dimension its unit names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reparsed {
    /// The value in the contract's unit for the dimension.
    pub value: Decimal,
    /// The unit the text names (`None` for a bare number, whose unit comes from a label).
    pub unit: Option<Unit>,
    /// No currency sign, scale word or unit: a table cell or `Label: value`.
    pub bare: bool,
    /// A dollar amount without a scale word ("$152,988"), which a table's "($ in
    /// thousands)" scales.
    pub unscaled_money: bool,
}

/// Reads a figure's text back: `[currency] number [scale] [unit]`, the way the scanner
/// normalizes it:
///
/// - commas are thousands separators and are dropped;
/// - `$`, `US$`, `USD`, `U.S. $` make dollars and `₿` bitcoin;
/// - `thousand`/`k` ×10³, `million`/`mln`/`mn`/`m`/`mm` ×10⁶, `billion`/`bn`/`b` ×10⁹,
///   `trillion` ×10¹²; the one-letter scales (`m`, `b`, `k`, `mm`) only after a currency sign
///   (`$5.2m`), since after a plain number they are more often words;
/// - hashrate to EH/s (`PH/s` ÷10³, `TH/s` ÷10⁶), power to MW (`GW` ×10³, `kW` ÷10³);
///   BTC, J/TH and W/TH as written.
///
/// Returns an error naming what it could not read.
pub fn reparse(text: &str) -> Result<Reparsed, String> {
    let mut rest = text;
    let mut currency = None;
    for (sign, unit) in [
        ("US$", Unit::Usd),
        ("U.S. $", Unit::Usd),
        ("U.S.$", Unit::Usd),
        ("USD", Unit::Usd),
        ("$", Unit::Usd),
        ("\u{20bf}", Unit::Btc),
    ] {
        if let Some(r) = rest.strip_prefix(sign) {
            currency = Some(unit);
            // `USD 5`: one white-space character may separate the code from the number.
            rest = r.strip_prefix(char::is_whitespace).unwrap_or(r);
            break;
        }
    }
    // The number: digits and thousands separators (commas, no-break and thin spaces before
    // a digit), and a point only when a digit follows it.
    const SPACES: [char; 3] = ['\u{a0}', '\u{202f}', '\u{2009}'];
    let mut end = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_digit = chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
        let point = c == '.' && next_digit;
        let separator = SPACES.contains(&c) && next_digit && end > 0;
        if c.is_ascii_digit() || c == ',' || point || separator {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    let digits: String = rest[..end]
        .chars()
        .filter(|&c| c != ',' && !SPACES.contains(&c))
        .collect();
    let mut value: Decimal = digits
        .parse()
        .map_err(|e| format!("{text:?}: the number {digits:?} does not parse: {e}"))?;
    let mut rest = &rest[end..];

    // The scale word, a whole word.
    let mut scaled = false;
    let after_blank = rest
        .strip_prefix([' ', '\t', '\u{a0}', '\u{202f}', '\u{2009}'])
        .unwrap_or(rest);
    for (word, factor) in [
        ("thousand", 1_000u64),
        ("trillion", 1_000_000_000_000),
        ("million", 1_000_000),
        ("billion", 1_000_000_000),
        ("mln", 1_000_000),
        ("mn", 1_000_000),
        ("bn", 1_000_000_000),
        ("mm", 1_000_000),
        ("m", 1_000_000),
        ("b", 1_000_000_000),
        ("k", 1_000),
    ] {
        let Some(head) = after_blank.get(..word.len()) else {
            continue;
        };
        let tail = &after_blank[word.len()..];
        let whole_word = !tail.starts_with(|c: char| c.is_alphanumeric() || c == '_');
        if head.eq_ignore_ascii_case(word) && whole_word {
            let short = word.len() <= 2 && word != "bn" && word != "mn";
            if !short || currency.is_some() {
                value = checked(value, Decimal::from(factor), text)?;
            }
            scaled = true;
            rest = tail;
            break;
        }
    }

    // The unit: what is left, after blanks and a hyphen (`200-megawatt`).
    let unit_text = rest
        .trim_start_matches([' ', '\t', '-', '\u{a0}', '\u{202f}', '\u{2009}'])
        .to_ascii_lowercase();
    let u = unit_text.as_str();
    let thousandth = Decimal::new(1, 3);
    let millionth = Decimal::new(1, 6);
    let (unit, factor) = if u.is_empty() {
        (currency, Decimal::ONE)
    } else if currency.is_some() {
        return Err(format!("{text:?}: a currency sign and a unit {u:?}"));
    } else if u.starts_with("bitcoin") || u.starts_with("btc") || u == "xbt" {
        (Some(Unit::Btc), Decimal::ONE)
    } else if u.starts_with("eh") || u.starts_with("exa") {
        (Some(Unit::EhPerSecond), Decimal::ONE)
    } else if u.starts_with("ph") || u.starts_with("peta") {
        (Some(Unit::EhPerSecond), thousandth)
    } else if u.starts_with("th") || u.starts_with("tera") {
        (Some(Unit::EhPerSecond), millionth)
    } else if u.starts_with("j/")
        || u.starts_with("w/")
        || u.starts_with("joule")
        || u.starts_with("watt")
    {
        (Some(Unit::JoulePerTh), Decimal::ONE)
    } else if u.starts_with("megawatt") || u == "mw" {
        (Some(Unit::Megawatt), Decimal::ONE)
    } else if u.starts_with("gigawatt") || u == "gw" {
        (Some(Unit::Megawatt), Decimal::from(1000))
    } else if u.starts_with("kilowatt") || u == "kw" {
        (Some(Unit::Megawatt), thousandth)
    } else {
        return Err(format!("{text:?}: unknown unit {u:?}"));
    };
    Ok(Reparsed {
        value: checked(value, factor, text)?,
        unit,
        bare: currency.is_none() && !scaled && u.is_empty(),
        unscaled_money: currency.is_some() && !scaled && u.is_empty(),
    })
}

fn checked(value: Decimal, factor: Decimal, text: &str) -> Result<Decimal, String> {
    value
        .checked_mul(factor)
        .ok_or_else(|| format!("{text:?}: {value} × {factor} overflows"))
}

/// The factors a table label or `Label:` can give a bare number: `(EH/s)`, `(PH/s)` ÷10³,
/// `(TH/s)` ÷10⁶,
/// `(US$'000)` ×10³, `(US$m)` ×10⁶.
const LABEL_FACTORS: [(i64, u32); 5] = [(1, 0), (1, 3), (1, 6), (1_000, 0), (1_000_000, 0)];

/// Checks every figure of `update` against the text its spans index into:
///
/// - the span lies in the text, on character boundaries, and `text[span]` is the figure's
///   `text`;
/// - the figure's text reads back (with [`reparse`]) to its `value` exactly; a bare number may
///   carry one of the factors a label unit gives;
/// - a unit written in the figure's text is the figure's unit.
pub fn check_figures(text: &str, update: &ProductionUpdate) -> Result<(), String> {
    for (metric, figure) in update.figures() {
        let key = metric.key();
        let [start, end] = figure.span;
        let Some(spanned) = text.get(start..end) else {
            return Err(format!(
                "{key}: span {start}..{end} is not a character range of the {}-byte text",
                text.len()
            ));
        };
        if spanned != figure.text {
            return Err(format!(
                "{key}: text {:?} but the span {start}..{end} holds {spanned:?}",
                figure.text
            ));
        }
        if figure.unit != metric.unit() {
            return Err(format!("{key}: unit {} is not the metric's", figure.unit));
        }
        let back = reparse(&figure.text).map_err(|e| format!("{key}: {e}"))?;
        if let Some(unit) = back.unit
            && unit != figure.unit
            // A count (miners, blocks) is written as a bare number; any other unit must match.
            && !(figure.unit == Unit::Count && back.bare)
        {
            return Err(format!(
                "{key}: {:?} names {unit} but the figure is in {}",
                figure.text, figure.unit
            ));
        }
        let matches = if back.bare || back.unscaled_money {
            LABEL_FACTORS.iter().any(|&(num, scale)| {
                back.value
                    .checked_mul(Decimal::new(num, scale))
                    .is_some_and(|v| v == figure.value)
            })
        } else {
            back.value == figure.value
        };
        if !matches {
            return Err(format!(
                "{key}: {:?} reads back as {} but the value is {}",
                figure.text, back.value, figure.value
            ));
        }
    }
    Ok(())
}

/// Extracts `document` twice and checks the figures and that both runs serialize alike.
pub fn check_document(document: &Document) -> ProductionUpdate {
    let extractor = Extractor::new();
    let update = extractor.extract_document(document);
    if let Err(e) = check_figures(document.text(), &update) {
        panic!("{e}");
    }
    update
}

/// Checks that extraction gives the same JSON twice.
pub fn check_deterministic(document: &Document) {
    let extractor = Extractor::new();
    let first = serde_json::to_string(&extractor.extract_document(document));
    let second = serde_json::to_string(&extractor.extract_document(document));
    match (first, second) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "two extractions of one document differ"),
        (a, b) => panic!("an update does not serialize: {a:?} {b:?}"),
    }
}

/// Fuzz target `extract_text`: any bytes, lossily made text, through `extract`.
pub fn extract_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let update = minerpress::extract(&text);
    if let Err(e) = check_figures(&text, &update) {
        panic!("{e}");
    }
}

/// The longest output `Document::from_bytes` may give per input byte: a windows-1252 byte
/// becomes up to 3 bytes of UTF-8, a cell boundary ` | `, an entity its expansion.
pub const MAX_GROWTH: usize = 4;

/// Fuzz target `html_to_text`: bytes after `<html>`, so they are read as HTML.
pub fn html_to_text(data: &[u8]) {
    let mut bytes = b"<html>".to_vec();
    bytes.extend_from_slice(data);
    document(&bytes);
}

/// The EDGAR envelope around a fuzz input: a submission whose only exhibit is the input.
/// The first byte picks the variant (end marks or not, HTML or text file name), the rest is
/// the body.
pub fn edgar_envelope(data: &[u8]) -> Vec<u8> {
    let (variant, body) = match data.split_first() {
        Some((&v, rest)) => (v, rest),
        None => (0, data),
    };
    let filename = match variant & 3 {
        0 => "",
        1 => "<FILENAME>ex99-1.htm\n",
        2 => "<FILENAME>ex99-1.txt\n",
        _ => "<FILENAME>ex99-1.jpg\n",
    };
    let mut bytes = format!(
        "<SEC-DOCUMENT>0001.txt : 20251202\n<SEC-HEADER>\nFILED AS OF DATE:\t\t20251202\n\
         </SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n{filename}<TEXT>\n"
    )
    .into_bytes();
    bytes.extend_from_slice(body);
    if variant & 4 == 0 {
        bytes.extend_from_slice(b"\n</TEXT>\n</DOCUMENT>\n");
    }
    if variant & 8 == 0 {
        bytes.extend_from_slice(b"</SEC-DOCUMENT>\n");
    }
    bytes
}

/// Fuzz target `edgar`: the input as the exhibit of a submission.
pub fn edgar(data: &[u8]) {
    document(&edgar_envelope(data));
}

/// Any bytes through `Document::from_bytes` and extraction: an error must be a typed error,
/// a document must be no larger than [`MAX_GROWTH`] times its input, and its figures must
/// hold.
pub fn document(bytes: &[u8]) -> Option<ProductionUpdate> {
    let document = match Document::from_bytes(bytes) {
        Ok(d) => d,
        Err(e) => {
            assert!(!e.to_string().is_empty(), "an error without a message");
            return None;
        }
    };
    let limit = bytes.len().saturating_mul(MAX_GROWTH).saturating_add(64);
    assert!(
        document.text().len() <= limit,
        "{} input bytes became {} bytes of text",
        bytes.len(),
        document.text().len()
    );
    Some(check_document(&document))
}

/// Units the `number` target writes after a number, with their factor to the contract's unit
/// and the unit.
const NUMBER_UNITS: [(&str, i64, u32, Unit); 8] = [
    (" BTC", 1, 0, Unit::Btc),
    (" bitcoin", 1, 0, Unit::Btc),
    (" EH/s", 1, 0, Unit::EhPerSecond),
    (" PH/s", 1, 3, Unit::EhPerSecond),
    (" TH/s", 1, 6, Unit::EhPerSecond),
    (" J/TH", 1, 0, Unit::JoulePerTh),
    (" MW", 1, 0, Unit::Megawatt),
    (" GW", 1_000, 0, Unit::Megawatt),
];

/// Sentences the `number` target puts the number in.
const NUMBER_CONTEXTS: [&str; 6] = [
    "Riot Platforms, Inc. (NASDAQ: RIOT) produced {} in October 2025, compared to 445 BTC in \
     September.",
    "The Company held {} as of October 31, 2025.",
    "Bitcoin Held: {}\nBitcoin Produced: {}\n",
    "Metric | October 2025 | September 2025\nDeployed hashrate | {} | 36.5 EH/s\n",
    "Operating hashrate of {} and fleet efficiency of {} in November 2025.",
    "Revenue of {} for October 2025; {} miners deployed.",
];

/// Fuzz target `number`: a number built from the input (digits, commas, decimals, a unit or a
/// dollar scale), with input noise on either side, in a release-like sentence. Beyond the
/// general invariants, a figure whose span is exactly the written number must have the value
/// computed here independently.
pub fn number(data: &[u8]) {
    let Some((&shape, rest)) = data.split_first() else {
        return;
    };
    let (digits, noise) = rest.split_at(rest.len().min(24));
    let int: String = digits
        .iter()
        .take(12)
        .map(|b| char::from(b'0' + b % 10))
        .collect();
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac: String = digits
        .iter()
        .skip(12)
        .take(usize::from(shape >> 5))
        .map(|b| char::from(b'0' + b % 10))
        .collect();
    let grouped = if shape & 1 == 1 {
        group(int)
    } else {
        int.to_owned()
    };
    let mut written = grouped.clone();
    let mut plain = int.to_owned();
    if !frac.is_empty() {
        written.push('.');
        written.push_str(&frac);
        plain.push('.');
        plain.push_str(&frac);
    }
    let Ok(mut expected) = plain.parse::<Decimal>() else {
        return;
    };
    let unit = usize::from((shape >> 1) & 7);
    let dollars = shape & 16 != 0;
    let mut expected_unit = Unit::Usd;
    if dollars {
        written.insert(0, '$');
        if unit % 2 == 1 {
            written.push_str(" million");
            let Some(v) = expected.checked_mul(Decimal::from(1_000_000)) else {
                return;
            };
            expected = v;
        }
    } else {
        let (suffix, num, scale, u) = NUMBER_UNITS[unit];
        written.push_str(suffix);
        let Some(v) = expected.checked_mul(Decimal::new(num, scale)) else {
            return;
        };
        expected = v;
        expected_unit = u;
    }
    let noise = String::from_utf8_lossy(&noise[..noise.len().min(32)]);
    let (before, after) = noise.split_at(floor_boundary(&noise, noise.len() / 2));
    let context = NUMBER_CONTEXTS[usize::from(shape) % NUMBER_CONTEXTS.len()];
    let filled = format!("{before}{written}{after}");
    let text = context.replace("{}", &filled);
    let update = minerpress::extract(&text);
    if let Err(e) = check_figures(&text, &update) {
        panic!("{e}");
    }
    for (metric, figure) in update.figures() {
        if figure.text == written && figure.unit == expected_unit {
            assert_eq!(
                figure.value,
                expected,
                "{}: {written:?} in {text:?}",
                metric.key()
            );
        }
    }
}

/// `1234567` as `1,234,567`.
fn group(int: &str) -> String {
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Every target on one input, for replaying saved inputs whatever target found them.
pub fn all_targets(data: &[u8]) {
    extract_text(data);
    document(data);
    html_to_text(data);
    edgar(data);
    number(data);
}
