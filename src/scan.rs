//! The scan: one regex pass over the text that finds every number with its currency sign,
//! scale word and unit, parsed to an exact decimal and normalized.

use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

/// What a quantity measures, from its unit alone (before any context is read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dim {
    /// Bitcoin (BTC, bitcoin, ₿).
    Btc,
    /// Hashrate, normalized to EH/s.
    Hash,
    /// Efficiency, J/TH or W/TH.
    Efficiency,
    /// Power, normalized to MW.
    Power,
    /// Energy (MWh): never a metric, kept so it is not read as power.
    Energy,
    /// US dollars, scale applied.
    Usd,
    /// Another currency (£, €, C$, RMB): never a metric.
    OtherMoney,
    /// A percentage.
    Percent,
    /// A price per unit (`$0.046/kWh`, `3.7c/kWh`, `$81,731 per bitcoin` is read by context).
    Rate,
    /// Another coin or a unit minerpress does not report (ETH, DOGE, GH/s of scrypt).
    Other,
    /// A count noun follows: miners, rigs, machines, blocks.
    Count(CountNoun),
    /// No unit: a bare number.
    Bare,
}

/// The count noun that follows a bare number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CountNoun {
    /// Miners, rigs, machines, ASICs, servers.
    Miners,
    /// Blocks.
    Blocks,
    /// Anything else countable we recognize but do not report (sites, employees...).
    Other,
}

/// One number found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Quantity {
    /// The normalized value.
    pub value: Decimal,
    /// What it measures.
    pub dim: Dim,
    /// The span `[start, end)` of the figure's text (sign, number, scale, unit).
    pub start: usize,
    /// End of the figure's text.
    pub end: usize,
    /// Written inside parentheses, as accounts write negatives.
    pub parenthesized: bool,
    /// Written in a unit of hashrate under management ("19.5 EHuM"): never the company's own.
    pub managed: bool,
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // The pieces, in order: an optional currency sign, the number, an optional scale word,
    // an optional unit. Units and scales are matched case-insensitively where releases vary.
    // A sign may stand one space (or a no-break space) before its number: "US$ 53.2m", "₿ 529".
    let currency = r"(?P<cur>(?:US\$|USD|U\.S\.\s?\$|C\$|CAD|A\$|AUD|HK\$|S\$|\$|£|GBP|€|EUR|RMB|¥|₿)(?:\x20|\x{A0})?)?";
    // Thousands are separated by commas, or by the no-break and thin spaces typeset releases
    // use ("13\u{202F}396 BTC").
    let number =
        r"(?P<num>\d{1,3}(?:[,\x{A0}\x{202F}\x{2009}]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)";
    let scale =
        r"(?:[ \t]?(?P<scale>(?i:million|billion|thousand|trillion|mln|mn|bn|mm|m|b|k)\b))?";
    // "bitcoin miners" before "bitcoin": leftmost-first alternation takes the first that fits.
    let unit = r"(?:[ \t]?-?[ \t]?(?P<unit>(?i:
        (?:bitcoin[ \t])?(?:asic[ \t]|mining[ \t])?(?:miners|miner|rigs|machines|asics|servers|units)\b
        |bitcoins?|btcs?|btc\b|xbt
        |eh/s|eh/sec(?:ond)?|eh[ \t]per[ \t]second|ehum|exa(?:[ \t]|-)?hash(?:es)?(?:[ \t]per[ \t]second|/s)?|eh\b
        |ph/s|peta(?:[ \t]|-)?hash(?:es)?(?:[ \t]per[ \t]second|/s)?|ph\b
        |th/s|tera(?:[ \t]|-)?hash(?:es)?(?:[ \t]per[ \t]second|/s)?
        |gh/s|giga(?:[ \t]|-)?hash(?:es)?(?:[ \t]per[ \t]second|/s)?|mh/s
        |j/th|w/th|joules?[ \t]per[ \t](?:terahash|th)|watts?[ \t]per[ \t](?:terahash|th)
        |mwh|gwh|kwh
        |megawatts?|mw\b|gigawatts?|gw\b|kilowatts?|kw\b
        |%|[ \t]?per(?:[ \t]|-)?cent\b|[ \t]?percent\b
        |c/kwh|/kwh|cents?[ \t]per[ \t]kwh|/mwh
        |eth\b|ether\b|doge\b|dogecoin|ltc\b|litecoin|sol\b|usdt|usdc
        |blocks?\b
        |bps\b|basis[ \t]points?\b
        )))?";
    let pattern = format!("{currency}{number}{scale}{unit}").replace(['\n', ' '], "");
    // The unit alternatives above contain `[ \t]` for real spaces; the layout spaces and
    // newlines were only for reading.
    // No-break and thin spaces count as spaces between a number and its unit or scale
    // ("546.7\u{A0}BTC").
    let pattern = pattern.replace(r"[\t]", r"[ \t\x{A0}\x{202F}\x{2009}]");
    // ASCII word boundaries: units and scales are ASCII words, and a Unicode `\b` makes the
    // regex engine give up its fast DFA on non-ASCII text and resolve captures slowly.
    let pattern = pattern.replace(r"\b", r"(?-u:\b)");
    // cannot fail: the pattern is built from constants only and compiled by every test.
    Regex::new(&pattern).expect("the scan pattern is a fixed, tested regex")
});

// The capture groups of `NUMBER`, by index: a lookup by name hashes the name every time.
const CUR: usize = 1;
const NUM: usize = 2;
const SCALE: usize = 3;
const UNIT: usize = 4;

/// Finds every quantity in `text`, in order.
pub(crate) fn scan(text: &str) -> Vec<Quantity> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for caps in NUMBER.captures_iter(text) {
        let (Some(whole), Some(num)) = (caps.get(0), caps.get(NUM)) else {
            continue;
        };
        // A number glued to letters on its left is part of a word or code (Q3, FY2024,
        // S21, H1, "Held17,327"), not a quantity.
        if caps.get(CUR).is_none()
            && let Some(&prev) = num.start().checked_sub(1).and_then(|i| bytes.get(i))
        {
            if prev.is_ascii_alphabetic() || prev == b'_' || prev == b'/' || prev == b'#' {
                continue;
            }
            // The exponent of scientific notation (`1e-308`, `2.5E+6`) is not a quantity of
            // its own (found by the adversarial tests: `1e-308 BTC` read as 308 BTC).
            let before_sign = num.start().checked_sub(2).and_then(|i| bytes.get(i));
            let before_e = num.start().checked_sub(3).and_then(|i| bytes.get(i));
            if matches!(prev, b'-' | b'+')
                && matches!(before_sign, Some(b'e' | b'E'))
                && before_e.is_some_and(u8::is_ascii_digit)
            {
                continue;
            }
        }
        // A number continuing on its right with a letter is a code or an ordinal
        // (2nd, 3rd, 1H, 10x); units are matched by the pattern itself.
        let after_num = bytes.get(num.end()).copied();
        let unit = caps.get(UNIT);
        let scale = caps.get(SCALE);
        if unit.is_none()
            && scale.is_none()
            && let Some(c) = after_num
            && c.is_ascii_alphabetic()
        {
            continue;
        }
        let digits: String = num
            .as_str()
            .chars()
            .filter(|&c| !matches!(c, ',' | '\u{A0}' | '\u{202F}' | '\u{2009}'))
            .collect();
        let Ok(raw) = digits.parse::<Decimal>() else {
            continue;
        };
        let cur = caps.get(CUR).map(|m| m.as_str().trim());
        let unit_text = unit.map(|m| m.as_str().trim().to_ascii_lowercase());
        let scale_text = scale.map(|m| m.as_str().to_ascii_lowercase());

        // A bare "m"/"b"/"k" scale is only a scale after a currency sign ("$5.2m"); after a
        // plain number it is more often a word ("5 m" of cable, a list marker "b").
        let mut scale_used = scale;
        let mut factor = Decimal::ONE;
        if let Some(s) = scale_text.as_deref() {
            let short = matches!(s, "m" | "b" | "k" | "mm");
            if short && cur.is_none() {
                scale_used = None;
            } else {
                factor = match s {
                    "thousand" | "k" => Decimal::from(1_000),
                    "million" | "mln" | "mn" | "m" | "mm" => Decimal::from(1_000_000),
                    "billion" | "bn" | "b" => Decimal::from(1_000_000_000),
                    "trillion" => Decimal::from(1_000_000_000_000u64),
                    _ => Decimal::ONE,
                };
            }
        }

        let (dim, unit_factor) = classify(cur, unit_text.as_deref());
        // After a currency sign only a price unit (`$0.046/kWh`) belongs to the figure: in
        // `$5.1 billion bitcoin treasury` the word is context, and a figure's text must not
        // name two units (found by property tests: `$0 BTC` was a revenue figure reading
        // "$0 BTC").
        let unit_is_own = cur.is_none() || dim == Dim::Rate;
        let mut end = if unit.is_some() && dim != Dim::Bare && unit_is_own {
            whole.end()
        } else if let Some(s) = scale_used {
            s.end()
        } else {
            num.end()
        };
        // Count nouns are context, not part of the figure's text (`75,000`, not
        // `75,000 miners`).
        if matches!(dim, Dim::Count(_)) {
            end = scale_used.map_or(num.end(), |s| s.end());
        }
        // A currency sign or ₿ belongs to the figure's text; other prefixes do not exist.
        let start = caps.get(CUR).map_or(num.start(), |m| m.start());
        let value = raw
            .checked_mul(factor)
            .and_then(|v| v.checked_mul(unit_factor));
        let Some(value) = value else {
            continue;
        };
        let parenthesized = start.checked_sub(1).and_then(|i| bytes.get(i)) == Some(&b'(')
            && bytes.get(end) == Some(&b')');
        let managed = caps
            .get(UNIT)
            .is_some_and(|u| u.as_str().eq_ignore_ascii_case("ehum"));
        out.push(Quantity {
            value,
            dim,
            start,
            end,
            parenthesized,
            managed,
        });
    }
    out
}

/// The dimension and the factor to the normalized unit.
fn classify(cur: Option<&str>, unit: Option<&str>) -> (Dim, Decimal) {
    let one = Decimal::ONE;
    if let Some(c) = cur {
        let c = c.trim();
        return match c {
            "₿" => (Dim::Btc, one),
            "$" | "US$" | "USD" | "U.S. $" | "U.S.$" => match unit {
                Some(u) if u.contains("kwh") || u.contains("mwh") => (Dim::Rate, one),
                _ => (Dim::Usd, one),
            },
            _ => (Dim::OtherMoney, one),
        };
    }
    let Some(u) = unit else {
        return (Dim::Bare, one);
    };
    let u = u.trim_start_matches(['-', ' ', '\t']);
    let thousandth = Decimal::new(1, 3);
    let millionth = Decimal::new(1, 6);
    if u.ends_with("miners")
        || u.ends_with("miner")
        || u.ends_with("rigs")
        || u.ends_with("machines")
        || u.ends_with("asics")
    {
        // Before the bitcoin test: "bitcoin miners" are machines.
        (Dim::Count(CountNoun::Miners), one)
    } else if u.starts_with("bitcoin") || u.starts_with("btc") || u == "xbt" {
        (Dim::Btc, one)
    } else if u.starts_with("eh") || u.starts_with("exa") {
        (Dim::Hash, one)
    } else if u.starts_with("ph") || u.starts_with("peta") {
        (Dim::Hash, thousandth)
    } else if u.starts_with("th") || u.starts_with("tera") {
        (Dim::Hash, millionth)
    } else if u.starts_with("gh") || u.starts_with("giga") || u.starts_with("mh") {
        // GH/s is scrypt (DOGE/LTC) hashrate in miners' releases, never bitcoin's.
        (Dim::Other, one)
    } else if u.starts_with("j/")
        || u.starts_with("w/")
        || u.starts_with("joule")
        || u.starts_with("watt")
    {
        (Dim::Efficiency, one)
    } else if u.ends_with("wh") {
        if u.starts_with("c") || u.starts_with('/') {
            (Dim::Rate, one)
        } else {
            (Dim::Energy, one)
        }
    } else if u.starts_with("c/") || u.starts_with("cent") || u.starts_with('/') {
        (Dim::Rate, one)
    } else if u.starts_with("megawatt") || u == "mw" {
        (Dim::Power, one)
    } else if u.starts_with("gigawatt") || u == "gw" {
        (Dim::Power, Decimal::from(1000))
    } else if u.starts_with("kilowatt") || u == "kw" {
        (Dim::Power, thousandth)
    } else if u == "%" || u.contains("cent") {
        (Dim::Percent, one)
    } else if u.starts_with("block") {
        (Dim::Count(CountNoun::Blocks), one)
    } else if u.ends_with("miners")
        || u.ends_with("miner")
        || u.ends_with("rigs")
        || u.ends_with("machines")
        || u.ends_with("asics")
    {
        (Dim::Count(CountNoun::Miners), one)
    } else if u.ends_with("servers") || u.ends_with("units") {
        (Dim::Count(CountNoun::Other), one)
    } else {
        (Dim::Other, one)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_indices_match_names() {
        let names: Vec<Option<&str>> = NUMBER.capture_names().collect();
        assert_eq!(names[CUR], Some("cur"));
        assert_eq!(names[NUM], Some("num"));
        assert_eq!(names[SCALE], Some("scale"));
        assert_eq!(names[UNIT], Some("unit"));
    }

    fn one(text: &str) -> (String, Dim, String) {
        let q = scan(text);
        let q = q
            .first()
            .unwrap_or_else(|| panic!("no quantity in {text:?}"));
        (
            q.value.normalize().to_string(),
            q.dim,
            text[q.start..q.end].to_string(),
        )
    }

    #[test]
    fn units_and_scales() {
        let cases: &[(&str, &str, Dim, &str)] = &[
            ("mined 546.7 BTC in", "546.7", Dim::Btc, "546.7 BTC"),
            ("1,234 bitcoin", "1234", Dim::Btc, "1,234 bitcoin"),
            ("437 Bitcoins", "437", Dim::Btc, "437 Bitcoins"),
            ("₿1,234 held", "1234", Dim::Btc, "₿1,234"),
            ("50 EH/s", "50", Dim::Hash, "50 EH/s"),
            ("50,000 PH/s", "50", Dim::Hash, "50,000 PH/s"),
            ("545 PH/s", "0.545", Dim::Hash, "545 PH/s"),
            (
                "4.18 exahashes per second",
                "4.18",
                Dim::Hash,
                "4.18 exahashes per second",
            ),
            (
                "3.85 EH per second",
                "3.85",
                Dim::Hash,
                "3.85 EH per second",
            ),
            ("27.32 J/Th", "27.32", Dim::Efficiency, "27.32 J/Th"),
            ("36 w/TH", "36", Dim::Efficiency, "36 w/TH"),
            ("795MW", "795", Dim::Power, "795MW"),
            ("1.03 GW", "1030", Dim::Power, "1.03 GW"),
            ("$224.6 million", "224600000", Dim::Usd, "$224.6 million"),
            ("US$14.9m", "14900000", Dim::Usd, "US$14.9m"),
            ("$5.2M.", "5200000", Dim::Usd, "$5.2M"),
            ("$1.2bn", "1200000000", Dim::Usd, "$1.2bn"),
            ("£2.07 million", "2070000", Dim::OtherMoney, "£2.07 million"),
            ("9.2%", "9.2", Dim::Percent, "9.2%"),
            ("-13 %", "13", Dim::Percent, "13 %"),
            ("5.6-per-cent", "5.6", Dim::Percent, "5.6-per-cent"),
            ("$0.046/kWh", "0.046", Dim::Rate, "$0.046/kWh"),
            ("3.7c/kWh", "3.7", Dim::Rate, "3.7c/kWh"),
            ("31,607.3 GH/s", "31607.3", Dim::Other, "31,607.3 GH/s"),
            ("2,830 ETH", "2830", Dim::Other, "2,830 ETH"),
            ("+70 bps", "70", Dim::Other, "70 bps"),
            (
                "8,634 bitcoin mining machines",
                "8634",
                Dim::Count(CountNoun::Miners),
                "8,634",
            ),
            ("60 basis points", "60", Dim::Other, "60 basis points"),
            (
                "11,420 bitcoin miners",
                "11420",
                Dim::Count(CountNoun::Miners),
                "11,420",
            ),
            (
                "75,000 miners",
                "75000",
                Dim::Count(CountNoun::Miners),
                "75,000",
            ),
            ("218 blocks", "218", Dim::Count(CountNoun::Blocks), "218"),
            ("828,000 MWh", "828000", Dim::Energy, "828,000 MWh"),
            ("200-megawatt", "200", Dim::Power, "200-megawatt"),
        ];
        for &(text, value, dim, span) in cases {
            assert_eq!(
                one(text),
                (value.to_string(), dim, span.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn a_unit_after_a_currency_sign_is_context() {
        assert_eq!(
            one("$5.1 billion bitcoin treasury"),
            (
                "5100000000".to_string(),
                Dim::Usd,
                "$5.1 billion".to_string()
            )
        );
        assert_eq!(one("$0 BTC"), ("0".to_string(), Dim::Usd, "$0".to_string()));
        assert_eq!(one("£2 EH/s").2, "£2");
        assert_eq!(one("$0.046/kWh").2, "$0.046/kWh");
    }

    #[test]
    fn glued_and_coded_numbers() {
        // Footnote digit glued to a thousands group: the group is the number.
        assert_eq!(one("Bitcoin Held 19,2113 |").0, "19211");
        // Codes are not quantities.
        assert!(scan("Q3 FY2024 S21 A1").is_empty());
        assert!(scan("the 2nd site").is_empty());
        // Scientific notation is no quantity, nor is its exponent.
        assert!(scan("1e-308 BTC 2.5E+6 EH/s 1e308 BTC").is_empty());
        // "m" after a plain number is not a scale.
        assert_eq!(one("150 m of cable").2, "150");
    }
}
