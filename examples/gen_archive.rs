//! Writes a reproducible synthetic archive of release-sized documents, for throughput runs.
//!
//! ```text
//! cargo run --release --example gen_archive -- OUT.jsonl [COUNT] [SEED]
//! ```
//!
//! Every document of `corpus/` (plain text, HTML and EDGAR alike) is a template. Each
//! output document is one template, picked by a deterministic xorshift generator seeded
//! from `SEED` (default 1), with:
//!
//! - the company replaced by a made-up one: full name, name without its legal suffix,
//!   first word of the name (when it is a distinctive word), and ticker;
//! - every month, date and year shifted by the same number of months (between three years
//!   back and one year ahead), keeping the writing style (`October`, `Oct.`, `OCTOBER`) and
//!   clamping days to the new month;
//! - every figure multiplied by one factor between 0.6 and 1.8, keeping its decimals and
//!   thousands separators; percentages, small counts, footnote digits, codes, times and
//!   markup are left alone, and right-aligned table columns stay aligned.
//!
//! The output is JSON Lines, one `{"id": "000042-riot-2025-10", "text": "..."}` per line,
//! `COUNT` lines (default 100000). HTML and EDGAR templates stay HTML and EDGAR (decoded to
//! UTF-8), so a reader runs them through `Document::from_str_auto`. The same arguments
//! always give the same bytes.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::{Captures, Regex};

/// xorshift64*: small, fast, and good enough to pick templates and factors.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that small seeds give unrelated streams.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

struct Company {
    /// Replacements, longest first: (old, new).
    names: Vec<(String, String)>,
    ticker: String,
}

struct Template {
    stem: String,
    text: String,
    /// Skip `<...>` markup when rewriting (HTML and EDGAR).
    markup: bool,
    company: Option<Company>,
    /// The month of the reporting period's end (1-12), for shifting bare years.
    month: u32,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const PREFIXES: &[&str] = &[
    "Northwind",
    "Bluegrass",
    "Granite",
    "Aurora",
    "Summit",
    "Cobalt",
    "Ironwood",
    "Harborline",
    "Meridian",
    "Polaris",
    "Redrock",
    "Silverpeak",
    "Tundra",
    "Vantage",
    "Westfield",
    "Zenith",
    "Cascade",
    "Highplains",
    "Lakeshore",
    "Prairie",
];
const MIDDLES: &[&str] = &[
    "Digital",
    "Hash",
    "Mining",
    "Bitcoin",
    "Compute",
    "Energy",
    "Blockchain",
    "Data",
];
const SUFFIXES: &[&str] = &[
    ", Inc.",
    " Inc.",
    " Corp.",
    " Ltd.",
    " Limited",
    " Holdings, Inc.",
    " plc",
    " Technologies Ltd.",
];
const LEGAL: &[&str] = &[
    "Inc.",
    "Inc",
    "Corp.",
    "Corp",
    "Ltd.",
    "Limited",
    "plc",
    "PLC",
    "Holdings",
    "Group",
    "Technologies",
    "Corporation",
];
/// First words too common to stand for the company on their own.
const COMMON: &[&str] = &[
    "Core", "Bitcoin", "Digital", "Mining", "Hut", "Bit", "Sphere", "The", "Iris",
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Decodes a template: UTF-8, else Windows-1252 (the corpus's legacy documents).
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// A name without its trailing legal suffixes: `Riot Platforms, Inc.` gives `Riot Platforms`.
fn core_name(name: &str) -> &str {
    let mut n = name.trim();
    loop {
        let before = n;
        for suffix in LEGAL {
            if let Some(rest) = n.strip_suffix(suffix) {
                n = rest.trim_end().trim_end_matches(',').trim_end();
            }
        }
        if n == before {
            return n;
        }
    }
}

fn templates() -> Vec<Template> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("corpus/ exists")
        .map(|e| e.expect("readable corpus entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.ends_with(".json") && p.is_file()
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let stem = name.split('.').next().unwrap_or(name).to_owned();
            let text = decode(&std::fs::read(&path).expect("readable template"));
            let markup = name.ends_with(".html")
                || name.ends_with(".htm")
                || text.contains("<SEC-DOCUMENT>");
            let expected: serde_json::Value =
                std::fs::read(corpus_dir().join(format!("{stem}.expected.json")))
                    .ok()
                    .and_then(|b| serde_json::from_slice(&b).ok())
                    .unwrap_or_default();
            let company = expected["company"]["name"].as_str().map(|n| {
                let mut names = vec![(n.to_owned(), String::new())];
                let core = core_name(n);
                if core != n {
                    names.push((core.to_owned(), String::new()));
                }
                if let Some(first) = core.split(' ').next()
                    && first != core
                    && first.len() >= 4
                    && !COMMON.contains(&first)
                    && Some(first) != expected["company"]["ticker"].as_str()
                {
                    names.push((first.to_owned(), String::new()));
                }
                Company {
                    names,
                    ticker: expected["company"]["ticker"]
                        .as_str()
                        .unwrap_or("")
                        .to_owned(),
                }
            });
            let month = expected["period"]["end"]
                .as_str()
                .and_then(|d| d.get(5..7))
                .and_then(|m| m.parse().ok())
                .unwrap_or(6);
            Template {
                stem,
                text,
                markup,
                company,
                month,
            }
        })
        .collect()
}

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    let months = "January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
    Regex::new(&format!(
        r"(?x)
        (?P<iso>\b(?:19|20)\d\d-\d\d-\d\d\b)
        |(?P<mon>\b(?:{months})\b)(?P<dot>\.)?
            (?:(?P<dsep>\s+)(?P<day>\d{{1,2}})(?P<ord>st|nd|rd|th)?\b)?
            (?:(?P<ysep>,?\s+)(?P<year>(?:19|20)\d\d)\b)?
        |(?P<num>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)
        "
    ))
    .expect("the token pattern compiles")
});

static MARKUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[^<>]*>|&#?\w+;").expect("the markup pattern compiles"));

/// What one output document changes.
struct Variation<'a> {
    names: Vec<(&'a str, String)>,
    ticker: Option<(&'a str, String)>,
    /// Months to shift every date by.
    shift: i32,
    /// Years to shift a bare year by.
    year_shift: i32,
    factor: f64,
}

fn days_in(year: i32, month: u32) -> u32 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_index(name: &str) -> Option<usize> {
    let lower = name.to_ascii_lowercase();
    MONTHS.iter().position(|m| {
        m.to_ascii_lowercase()
            .starts_with(&lower[..lower.len().min(3)])
    })
}

/// The new month name in the style of `old`.
fn month_name(old: &str, month: usize) -> String {
    let full = MONTHS[month];
    if old.len() > 4 || old == "May" || old == "June" || old == "July" || old == "MAY" {
        if old.chars().all(|c| c.is_ascii_uppercase()) {
            full.to_ascii_uppercase()
        } else {
            full.to_owned()
        }
    } else if (4..=6).contains(&month) {
        // May, June and July are not abbreviated.
        full.to_owned()
    } else if old.len() == 4 && month == 8 {
        "Sept".to_owned()
    } else {
        full[..3].to_owned()
    }
}

/// Formats `value` with `decimals` decimals, with thousands separators when `commas`.
fn format_number(value: f64, decimals: usize, commas: bool) -> String {
    let s = format!("{value:.decimals$}");
    if !commas {
        return s;
    }
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

impl Variation<'_> {
    fn replace(&self, text: &str, caps: &Captures<'_>) -> String {
        let whole = caps.get(0).expect("a match");
        if caps.name("iso").is_some() {
            let s = whole.as_str();
            let (y, m, d): (i32, i32, u32) = (
                s[..4].parse().unwrap_or(2025),
                s[5..7].parse().unwrap_or(1),
                s[8..].parse().unwrap_or(1),
            );
            let total = y * 12 + (m - 1) + self.shift;
            let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
            return format!("{y:04}-{m:02}-{:02}", d.min(days_in(y, m)));
        }
        if let Some(mon) = caps.name("mon") {
            let Some(old) = month_index(mon.as_str()) else {
                return whole.as_str().to_owned();
            };
            let year: Option<i32> = caps.name("year").and_then(|y| y.as_str().parse().ok());
            // A month without a year moves within the year of the reporting period.
            let base = year.unwrap_or(2024) * 12 + old as i32 + self.shift;
            let (new_year, new_month) = (base.div_euclid(12), base.rem_euclid(12) as usize);
            let mut out = month_name(mon.as_str(), new_month);
            if let Some(dot) = caps.name("dot")
                && out.len() <= 4
                && !(4..=6).contains(&new_month)
            {
                out.push_str(dot.as_str());
            } else if caps.name("dot").is_some() {
                // "Sept." became a full name: keep the sentence's full stop if it was one.
                let next = text[whole.end()..].chars().next();
                if next.is_none_or(|c| c == '\n' || c == ' ')
                    && caps.name("day").is_none()
                    && caps.name("year").is_none()
                {
                    out.push('.');
                }
            }
            if let Some(day) = caps.name("day") {
                let d: u32 = day.as_str().parse().unwrap_or(1);
                let max = days_in(new_year, new_month as u32 + 1);
                out.push_str(caps.name("dsep").map_or(" ", |m| m.as_str()));
                let _ = write!(out, "{}", d.clamp(1, max));
                out.push_str(caps.name("ord").map_or("", |m| m.as_str()));
            }
            if year.is_some() {
                out.push_str(caps.name("ysep").map_or(" ", |m| m.as_str()));
                let _ = write!(out, "{new_year}");
            }
            return out;
        }
        let num = whole.as_str();
        let start = whole.start();
        let end = whole.end();
        let bytes = text.as_bytes();
        let prev = start.checked_sub(1).map(|i| bytes[i]);
        let next = bytes.get(end).copied();
        let mut after_end = text.len().min(end + 9);
        while !text.is_char_boundary(after_end) {
            after_end -= 1;
        }
        let after = &text[end..after_end];
        let plain = !num.contains([',', '.']);
        // Years.
        if plain && num.len() == 4 && (num.starts_with("19") || num.starts_with("20")) {
            if prev.is_some_and(|c| c.is_ascii_alphanumeric()) {
                return num.to_owned();
            }
            let y: i32 = num.parse().unwrap_or(2025);
            return (y + self.year_shift).to_string();
        }
        let code = prev.is_some_and(|c| {
            c.is_ascii_alphabetic() || matches!(c, b'#' | b'&' | b'_' | b'/' | b'=' | b':' | b'.')
        }) || next.is_some_and(|c| c.is_ascii_alphabetic() && !after.starts_with(['M', 'G', 'E', 'P', 'T', 'J', 'W', 'k', 'm', 'b']))
            || next == Some(b':')
            // Phone, file and account numbers: 001-53018, 303-794-2000.
            || prev == Some(b'-') && start >= 2 && bytes[start - 2].is_ascii_digit()
            || next == Some(b'-') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            || after.starts_with(['%'])
            || after.starts_with(" %")
            || after.trim_start().to_ascii_lowercase().starts_with("per")
                && after.trim_start().to_ascii_lowercase()[3..].trim_start().starts_with("cent")
            || ["st", "nd", "rd", "th"].iter().any(|o| after.starts_with(o));
        let digits: String = num.chars().filter(|&c| c != ',').collect();
        let Ok(value) = digits.parse::<f64>() else {
            return num.to_owned();
        };
        let leading_zero = plain && num.len() > 1 && num.starts_with('0');
        if code || leading_zero || (plain && (value < 10.0 || num.len() > 7)) {
            return num.to_owned();
        }
        let decimals = digits.split_once('.').map_or(0, |(_, f)| f.len());
        let scaled = value * self.factor;
        let scaled = if decimals == 0 {
            scaled.round().max(1.0)
        } else {
            scaled
        };
        let commas = num.contains(',') || (value < 1000.0 && scaled >= 1000.0);
        format_number(scaled, decimals, commas)
    }

    /// Rewrites one run of text (no markup in it), appending to `out`.
    fn rewrite(&self, text: &str, out: &mut String) {
        let mut last = 0;
        for caps in TOKEN.captures_iter(text) {
            let whole = caps.get(0).expect("a match");
            out.push_str(&text[last..whole.start()]);
            let new = self.replace(text, &caps);
            // Right-aligned columns: a value after a run of spaces keeps its right edge.
            let spaces = out.len() - out.trim_end_matches(' ').len();
            if spaces >= 2 {
                let grow = new.len() as isize - whole.len() as isize;
                if grow > 0 {
                    let cut = (grow as usize).min(spaces - 2);
                    out.truncate(out.len() - cut);
                } else {
                    out.extend(std::iter::repeat_n(' ', (-grow) as usize));
                }
            }
            out.push_str(&new);
            last = whole.end();
        }
        out.push_str(&text[last..]);
    }

    fn names(&self, text: &str) -> String {
        let mut text = text.to_owned();
        for (old, new) in &self.names {
            text = text.replace(old, new);
        }
        if let Some((old, new)) = &self.ticker {
            let re = Regex::new(&format!(r"\b{}\b", regex::escape(old))).expect("a ticker");
            text = re.replace_all(&text, new.as_str()).into_owned();
        }
        text
    }
}

fn generate(template: &Template, rng: &mut Rng) -> String {
    let prefix = PREFIXES[rng.below(PREFIXES.len())];
    let middle = MIDDLES[rng.below(MIDDLES.len())];
    let suffix = SUFFIXES[rng.below(SUFFIXES.len())];
    let ticker: String = format!("{prefix}{middle}")
        .chars()
        .filter(char::is_ascii_uppercase)
        .chain(prefix[1..3].chars().map(|c| c.to_ascii_uppercase()))
        .take(4)
        .collect();
    let shift = rng.below(49) as i32 - 36;
    let year_shift = (template.month as i32 - 1 + shift).div_euclid(12);
    let factor = 0.6 + 1.2 * rng.unit();
    let mut names = Vec::new();
    let mut old_ticker = None;
    if let Some(company) = &template.company {
        for (i, (old, _)) in company.names.iter().enumerate() {
            let new = match i {
                0 => format!("{prefix} {middle}{suffix}"),
                _ if old.contains(' ') => format!("{prefix} {middle}"),
                _ => prefix.to_owned(),
            };
            names.push((old.as_str(), new));
        }
        if !company.ticker.is_empty() {
            old_ticker = Some((company.ticker.as_str(), ticker));
        }
    }
    let variation = Variation {
        names,
        ticker: old_ticker,
        shift,
        year_shift,
        factor,
    };
    let text = variation.names(&template.text);
    let mut out = String::with_capacity(text.len() + 64);
    if template.markup {
        let mut last = 0;
        for m in MARKUP.find_iter(&text) {
            variation.rewrite(&text[last..m.start()], &mut out);
            out.push_str(m.as_str());
            last = m.end();
        }
        variation.rewrite(&text[last..], &mut out);
    } else {
        variation.rewrite(&text, &mut out);
    }
    out
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(out_path) = args.next() else {
        eprintln!("usage: gen_archive OUT.jsonl [COUNT] [SEED]");
        std::process::exit(2);
    };
    let count: usize = args
        .next()
        .map_or(100_000, |c| c.parse().expect("COUNT is a number"));
    let seed: u64 = args
        .next()
        .map_or(1, |s| s.parse().expect("SEED is a number"));
    let templates = templates();
    let mut rng = Rng::new(seed);
    let mut out = BufWriter::new(std::fs::File::create(&out_path)?);
    let mut bytes = 0usize;
    for i in 0..count {
        let template = &templates[rng.below(templates.len())];
        let text = generate(template, &mut rng);
        bytes += text.len();
        let line = serde_json::json!({
            "id": format!("{i:06}-{}", template.stem),
            "text": text,
        });
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    eprintln!(
        "{out_path}: {count} documents, {:.1} MB of text, from {} templates, seed {seed}",
        bytes as f64 / 1e6,
        templates.len()
    );
    Ok(())
}
