//! The company a document is about: the ticker tag `(NASDAQ: RIOT)` and the name before it.

use std::sync::LazyLock;

use regex::Regex;

use crate::time::floor_char_boundary;
use crate::update::Company;
use crate::vocab::{EXCHANGES, LEGAL_SUFFIXES, NAME_STOPWORDS};

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    // `(EXCHANGE[/EXCHANGE...]: TICKER[; EXCHANGE: TICKER])`; which exchanges count is
    // decided against the vocabulary table, not here.
    Regex::new(
        r"\(\s*(?P<ex>[A-Za-z][A-Za-z .\-]{0,20}(?:\s*[/|]\s*[A-Za-z][A-Za-z .\-]{0,20})*)\s*:\s*(?P<tk>[A-Za-z]{1,6}(?:\.[A-Za-z]{1,2})?)\s*(?:[;,)]|\s)",
    )
    // cannot fail: a constant pattern, compiled by every test.
    .expect("fixed pattern")
});

static LEGAL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let suffixes: Vec<String> = LEGAL_SUFFIXES
        .iter()
        .filter(|s| !matches!(**s, "Company" | "Group" | "Technologies" | "Holdings"))
        .map(|s| regex::escape(s))
        .collect();
    Regex::new(&format!(
        r"\b(?P<name>(?:[A-Z][\w&'.\-]*\s+){{0,4}}[A-Z][\w&'.\-]*,?\s+(?:{}))(?:\W|$)",
        suffixes.join("|")
    ))
    // cannot fail: a constant pattern, compiled by every test.
    .expect("fixed pattern")
});

fn is_exchange(ex: &str) -> bool {
    ex.split(['/', '|'])
        .all(|part| EXCHANGES.contains(&part.trim().to_ascii_lowercase().as_str()))
}

/// Finds the company the document is about.
pub(crate) fn find(text: &str) -> Option<Company> {
    let head = &text[..floor_char_boundary(text, 20_000)];
    for c in TAG.captures_iter(head) {
        let (Some(whole), Some(ex), Some(tk)) = (c.get(0), c.name("ex"), c.name("tk")) else {
            continue;
        };
        if !is_exchange(ex.as_str()) {
            continue;
        }
        let exchange = ex.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        // Kept as the text writes it ("Nasdaq/TSX", "Nasdaq | TSX").
        let name = name_before(&head[..whole.start()]);
        let Some(name) = name else { continue };
        return Some(Company {
            name,
            ticker: Some(tk.as_str().to_ascii_uppercase()),
            exchange: Some(exchange),
        });
    }
    let lead = &text[..floor_char_boundary(text, 1500)];
    for c in LEGAL_NAME.captures_iter(lead) {
        let Some(m) = c.name("name") else { continue };
        if let Some(name) = clean_name(m.as_str()) {
            return Some(Company {
                name,
                ticker: None,
                exchange: None,
            });
        }
    }
    None
}

/// The company name written right before a ticker tag: capitalized words and legal
/// suffixes on the same line, back to the first lower-case word or punctuation break.
fn name_before(before: &str) -> Option<String> {
    // "Digihost Technology Inc. ("Digihost" or the "Company") (Nasdaq/TSXV: DGHI)": the
    // defined-term aliases come between the name and its tag.
    let mut before = before.trim_end();
    // "Riot Platforms, Inc.\n> (NASDAQ: RIOT)" in an e-mail's quoted copy: a tag that opens
    // a quoted line follows the name on the line before.
    while let Some(nl) = before.rfind('\n')
        && before[nl + 1..]
            .trim_matches(|c: char| c == '>' || c.is_whitespace())
            .is_empty()
    {
        before = before[..nl].trim_end();
    }
    if before.ends_with(')')
        && let Some(open) = before.rfind('(')
        && before[open..].contains(['"', '“', '”'])
    {
        before = &before[..open];
    }
    let line = before
        .rsplit(['\n', '"', '“', '”'])
        .next()
        .unwrap_or(before);
    let line = line.trim_end();
    let mut words: Vec<&str> = Vec::new();
    for word in line.split(' ').rev() {
        if word.is_empty() {
            continue;
        }
        // A wire dateline's dashes end the name ("July 3, 2024-- Core Scientific, Inc.",
        // "(BUSINESS WIRE)--Riot Platforms, Inc.").
        if let Some(i) = word.rfind("--").or_else(|| word.rfind(['—', '–'])) {
            let dash = if word[i..].starts_with("--") { 2 } else { 3 };
            let tail = &word[i + dash..];
            if !tail.is_empty() && tail.chars().next().is_some_and(char::is_uppercase) {
                words.push(tail);
            }
            break;
        }
        let is_suffix = LEGAL_SUFFIXES.contains(&word.trim_end_matches(','));
        let capitalized = word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let connector = matches!(word, "&" | "of" | "and" | "de");
        if !(is_suffix || capitalized || connector) {
            break;
        }
        // A word ending a sentence or a dateline ends the name.
        if !words.is_empty() && (word.ends_with('.') && !is_suffix || word.ends_with(':')) {
            break;
        }
        if words.len() >= 7 {
            break;
        }
        words.push(word);
    }
    words.reverse();
    clean_name(&words.join(" "))
}

fn clean_name(name: &str) -> Option<String> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while let Some(first) = words.first() {
        let w = first.trim_end_matches([',', '.']);
        if NAME_STOPWORDS.contains(&w) || matches!(*first, "&" | "of" | "and" | "de") {
            words.remove(0);
        } else {
            break;
        }
    }
    while let Some(last) = words.last() {
        if matches!(*last, "&" | "of" | "and" | "de") {
            words.pop();
        } else {
            break;
        }
    }
    let name = words.join(" ");
    let name = name.trim_end_matches(',').trim();
    // All-caps dateline cities ("LAS VEGAS,") are not names.
    if name.is_empty()
        || name.chars().all(|c| !c.is_lowercase()) && name.len() > 5 && !name.contains('.')
    {
        return None;
    }
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn co(text: &str) -> Option<(String, Option<String>, Option<String>)> {
        find(text).map(|c| (c.name, c.ticker, c.exchange))
    }

    fn some(n: &str, t: &str, e: &str) -> Option<(String, Option<String>, Option<String>)> {
        Some((n.into(), Some(t.into()), Some(e.into())))
    }

    #[test]
    fn tags() {
        assert_eq!(
            co(
                "CASTLE ROCK, Colo., Nov. 4, 2025 /PRNewswire/ -- Riot Platforms, Inc. (NASDAQ: RIOT) (\"Riot\")"
            ),
            some("Riot Platforms, Inc.", "RIOT", "NASDAQ")
        );
        assert_eq!(
            co("Bitfarms Ltd. (Nasdaq/TSX: BITF), a global"),
            some("Bitfarms Ltd.", "BITF", "Nasdaq/TSX")
        );
        assert_eq!(
            co("DMG Blockchain Solutions Inc. (TSXV: DMGI) (OTCQB: DMGIF)"),
            some("DMG Blockchain Solutions Inc.", "DMGI", "TSXV")
        );
        assert_eq!(
            co("Argo Blockchain plc (LSE: ARB; NASDAQ: ARBK)"),
            some("Argo Blockchain plc", "ARB", "LSE")
        );
        assert_eq!(
            co("Bitcoin miner Riot Platforms (NASDAQ: RIOT) said"),
            some("Riot Platforms", "RIOT", "NASDAQ")
        );
        assert_eq!(
            co("Today, Cango Inc. (NYSE: CANG) announced"),
            some("Cango Inc.", "CANG", "NYSE")
        );
        assert_eq!(
            co(
                "Digihost Technology Inc. (\"Digihost\" or the \"Company\") (Nasdaq/TSXV: DGHI), an innovative"
            ),
            some("Digihost Technology Inc.", "DGHI", "Nasdaq/TSXV")
        );
        // Business Wire datelines run into the name with dashes.
        assert_eq!(
            co(
                "AUSTIN, Texas--(BUSINESS WIRE)--July 3, 2024-- Core Scientific, Inc. (Nasdaq: CORZ)"
            ),
            some("Core Scientific, Inc.", "CORZ", "Nasdaq")
        );
        assert_eq!(
            co("AUSTIN, Texas--(BUSINESS WIRE)--Core Scientific, Inc. (Nasdaq: CORZ)"),
            some("Core Scientific, Inc.", "CORZ", "Nasdaq")
        );
        // Not a ticker tag.
        assert_eq!(co("the hashrate (note: estimated) was"), None);
    }

    #[test]
    fn legal_names_without_tags() {
        assert_eq!(
            co("HONG KONG -- Cango Inc. today announced its update."),
            Some(("Cango Inc.".into(), None, None))
        );
    }
}
