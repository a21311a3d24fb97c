//! The pipeline: scan, read, pick, check.

use std::sync::LazyLock;

use crate::check;
use crate::company;
use crate::document::Document;
use crate::read::{self, Candidate};
use crate::scan;
use crate::time::{self, Anchor};
use crate::update::{Figure, Metric, ProductionUpdate};
use rust_decimal::Decimal;

/// Reads production updates out of documents.
///
/// An `Extractor` is immutable and cheap to share: build it once and use it from any
/// number of threads (`Extractor` is `Send + Sync`). Its patterns are compiled once per
/// process, the first time any extractor is used.
///
/// # Example
///
/// ```
/// use minerpress::Extractor;
///
/// let extractor = Extractor::new();
/// let update = extractor.extract("Cango produced 546.7 BTC in November 2025.");
/// assert_eq!(update.btc_mined.unwrap().value.to_string(), "546.7");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    _private: (),
}

static WARM: LazyLock<()> = LazyLock::new(|| {
    // Compile every pattern before the first document so that the first extraction does
    // not pay for it in the middle of a batch.
    let _ = scan::scan("1 BTC");
    let _ = crate::vocab::find("mined");
    let _ = time::find("May 2025");
});

impl Extractor {
    /// Creates an extractor with the default configuration.
    pub fn new() -> Extractor {
        LazyLock::force(&WARM);
        Extractor { _private: () }
    }

    /// Extracts the production update a plain-text document states.
    ///
    /// Spans index into `text`. A text that states no figures gives an update with no
    /// figures; this never fails.
    pub fn extract(&self, text: &str) -> ProductionUpdate {
        extract_text(text)
    }

    /// Extracts the production update of a [`Document`] (plain text, HTML or an EDGAR
    /// filing already converted to text). Spans index into [`Document::text`].
    pub fn extract_document(&self, document: &Document) -> ProductionUpdate {
        extract_text(document.text())
    }
}

/// Extracts the production update of a plain-text release with the default extractor.
///
/// # Example
///
/// ```
/// let update = minerpress::extract(
///     "Riot Platforms, Inc. (NASDAQ: RIOT) produced 437 bitcoin in October 2025, \
///      compared to 445 in September.",
/// );
/// assert_eq!(update.company.unwrap().ticker.as_deref(), Some("RIOT"));
/// assert_eq!(update.btc_mined_prior.unwrap().text, "445");
/// ```
pub fn extract(text: &str) -> ProductionUpdate {
    extract_text(text)
}

/// Every reading of every figure, before picking: for debugging the vocabulary.
#[doc(hidden)]
pub fn explain(text: &str) -> Vec<String> {
    let published = time::published(text);
    let quantities = scan::scan(text);
    let fiscal_end = time::fiscal_year_end(text);
    let company = company::find(text);
    let rivals = rivals_named(text, company.as_ref());
    let period = time::reporting_period_of(text, published, fiscal_end, &rivals)
        .or_else(|| table_period(text));
    let anchor = Anchor {
        period,
        published,
        fiscal_end,
    };
    let mut out = vec![format!("period {period:?} published {published:?}")];
    for c in read::read(text, &quantities, &anchor, company.as_ref()).candidates {
        out.push(format!(
            "{:>6} {:<28} {:>14} rank {:>3}{} {:?}",
            c.start,
            c.metric.key(),
            c.value.to_string(),
            c.rank,
            if c.own { " own" } else { "    " },
            // cannot fail: candidate spans are quantity spans (regex match bounds) in `text`.
            &text[c.start..c.end]
        ));
    }
    out
}

/// Where the head of the text names a miner other than the document's company.
fn rivals_named(text: &str, company: Option<&crate::Company>) -> Vec<usize> {
    let Some(company) = company else {
        return Vec::new();
    };
    let own = crate::vocab::own_groups(&company.name, company.ticker.as_deref());
    if own.is_empty() {
        return Vec::new();
    }
    let head = &text[..time::floor_char_boundary(text, 1500)];
    crate::vocab::miners_named(head)
        .into_iter()
        .filter(|&(_, g)| g != crate::vocab::OWN && !own.contains(&g))
        .map(|(at, _)| at)
        .collect()
}

fn extract_text(text: &str) -> ProductionUpdate {
    let published = time::published(text);
    let quantities = scan::scan(text);
    let fiscal_end = time::fiscal_year_end(text);
    let company = company::find(text);
    let rivals = rivals_named(text, company.as_ref());
    let mut period = time::reporting_period_of(text, published, fiscal_end, &rivals);
    if period.is_none() {
        period = table_period(text);
    }
    let anchor = Anchor {
        period,
        published,
        fiscal_end,
    };
    let readings = read::read(text, &quantities, &anchor, company.as_ref());
    let mut update = ProductionUpdate {
        company,
        period,
        published,
        ..Default::default()
    };
    pick(text, &readings.candidates, &mut update);
    if update.is_empty() {
        // A document that reports nothing has no reporting period.
        update.period = None;
    }
    update.warnings = check::check(&update, &readings.changes, &readings.candidates);
    update
}

/// The latest month named in a table header, for documents whose headline names no
/// period.
fn table_period(text: &str) -> Option<crate::update::Period> {
    let anchor = Anchor {
        period: None,
        published: time::published(text),
        fiscal_end: None,
    };
    time::find(text)
        .into_iter()
        .filter_map(|f| match f.when {
            time::When::Month { year: Some(_), .. } => anchor.resolve(f.when),
            _ => None,
        })
        .max_by_key(|p| p.start)
}

/// One figure per metric: the highest rank; on a tie in rank, the earliest. When the best
/// statements disagree the figure is ambiguous and stays out. The span is the earliest
/// statement of the chosen value.
fn pick(text: &str, candidates: &[Candidate], update: &mut ProductionUpdate) {
    let figure = |c: &Candidate, metric: Metric| Figure {
        value: c.value.normalize(),
        unit: metric.unit(),
        span: [c.start, c.end],
        // cannot fail: candidate spans are quantity spans (regex match bounds) in `text`.
        text: text[c.start..c.end].to_string(),
    };
    // The earliest statement of `value` for `metric`.
    let first_of = |metric: Metric, value: Decimal| {
        candidates
            .iter()
            .filter(|c| c.metric == metric && c.value == value)
            .min_by_key(|c| c.start)
    };
    // When the best current statement of a metric names the company's own scope and a
    // statement of a different total also exists ("400 BTC total, of which 43 BTC from
    // self-mining"), a prior must name the own scope too: the total's prior is not it.
    let own_scoped: Vec<Metric> = Metric::ALL
        .iter()
        .copied()
        .filter(|&m| {
            let of: Vec<&Candidate> = candidates.iter().filter(|c| c.metric == m).collect();
            let best = of
                .iter()
                .max_by_key(|c| (c.rank, std::cmp::Reverse(c.start)));
            best.is_some_and(|b| b.own && of.iter().any(|c| !c.own && c.value != b.value))
        })
        .collect();
    let scoped_out = |c: &Candidate| {
        Metric::ALL
            .iter()
            .any(|&m| m.prior() == Some(c.metric) && own_scoped.contains(&m))
            && !c.own
    };
    let mut disputed: Vec<(Metric, Vec<Decimal>)> = Vec::new();
    for &metric in Metric::ALL {
        let mut of: Vec<&Candidate> = candidates
            .iter()
            .filter(|c| c.metric == metric && !scoped_out(c))
            .collect();
        if of.is_empty() {
            continue;
        }
        of.sort_by_key(|c| (std::cmp::Reverse(c.rank), c.start));
        let Some(&best) = of.first() else {
            continue;
        };
        let mut values: Vec<Decimal> = of
            .iter()
            .take_while(|c| c.rank == best.rank)
            .map(|c| c.value)
            .collect();
        values.sort();
        values.dedup();
        if values.len() > 1 {
            disputed.push((metric, values));
            continue;
        }
        // The same figure stated earlier at a lower precision ("$180.2 million" before a
        // table's 180,197 in thousands) is its first statement.
        let rounded_earlier = candidates
            .iter()
            .filter(|c| {
                c.metric == metric
                    && c.start < best.start
                    && c.value != best.value
                    && !scoped_out(c)
                    && (c.value - best.value).abs() <= c.text_ulp
            })
            .min_by_key(|c| c.start);
        if let Some(first) = rounded_earlier.or_else(|| first_of(metric, best.value)) {
            *update.slot_mut(metric) = Some(figure(first, metric));
        }
    }
    // When the best statements of a figure disagree, the reading consistent with the other
    // figures wins (production against the daily average, holdings against production and
    // sales); when none or several are, the figure stays out.
    for (metric, values) in disputed {
        // Parts that add up to a figure stated elsewhere ("Lake Mariner 269", "Nautilus
        // 79", "348 bitcoin self-mined") are the parts of that total.
        let sum = values
            .iter()
            .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v));
        if let Some(sum) = sum
            && let Some(total) = candidates
                .iter()
                .filter(|c| c.metric == metric && c.value == sum)
                .min_by_key(|c| c.start)
        {
            *update.slot_mut(metric) = Some(figure(total, metric));
            continue;
        }
        if let Some(v) = sole_consistent(update, metric, values)
            && let Some(first) = first_of(metric, v)
        {
            *update.slot_mut(metric) = Some(figure(first, metric));
        }
    }
    // A chosen figure that fails a check while exactly one other reading of it passes is
    // replaced by that reading ("Bitcoin produced: 525" against "552 bitcoin" and 18.4 a
    // day over 30 days).
    for &metric in Metric::ALL {
        let Some(chosen) = update.get(metric).map(|f| f.value) else {
            continue;
        };
        if check::consistent_with(update, metric, chosen) != Some(false) {
            continue;
        }
        let mut others: Vec<Decimal> = candidates
            .iter()
            .filter(|c| c.metric == metric && c.value != chosen)
            .map(|c| c.value)
            .collect();
        others.sort();
        others.dedup();
        if let Some(v) = sole_consistent(update, metric, others)
            && let Some(first) = first_of(metric, v)
        {
            *update.slot_mut(metric) = Some(figure(first, metric));
        }
    }
    // A "prior" that is the very statement of the current figure is a misreading.
    for &metric in Metric::ALL {
        if let Some(prior) = metric.prior()
            && let (Some(c), Some(p)) = (update.get(metric), update.get(prior))
            && c.span == p.span
        {
            *update.slot_mut(prior) = None;
        }
    }
}

/// The one value among `values` that passes the checks as `metric`, if exactly one does.
fn sole_consistent(
    update: &ProductionUpdate,
    metric: Metric,
    values: Vec<Decimal>,
) -> Option<Decimal> {
    let mut passing = values
        .into_iter()
        .filter(|&v| check::consistent_with(update, metric, v) == Some(true));
    let first = passing.next()?;
    passing.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A year in a headline followed by "bitcoin" is part of a date, not 2025 bitcoin.
    #[test]
    fn year_before_a_unit_word_is_not_a_figure() {
        let u = extract(
            "Cango Inc. (NYSE: CANG) announces its November 2025 bitcoin production update. \
             The company produced 546.7 BTC in November, compared with 602.6 BTC in October.",
        );
        assert_eq!(u.btc_mined.map(|f| f.text), Some("546.7 BTC".to_string()));
        assert_eq!(
            u.btc_mined_prior.map(|f| f.text),
            Some("602.6 BTC".to_string())
        );
    }

    /// Two statements of production disagree; the one consistent with the daily average
    /// wins. With nothing to check against, disagreeing statements leave the figure out.
    #[test]
    fn competing_readings_resolve_by_consistency() {
        let head = "Riot Platforms, Inc. (NASDAQ: RIOT) November 2023 production update. ";
        let u = extract(&format!(
            "{head}Riot produced 552 bitcoin in November.\nBitcoin produced in November: 525\n\
             Average bitcoin produced per day in November: 18.4\n"
        ));
        assert_eq!(
            u.btc_mined.map(|f| f.value.to_string()),
            Some("552".to_string())
        );
        let u = extract(&format!(
            "{head}Riot produced 552 bitcoin in November. Its mines produced 525 bitcoin in November."
        ));
        assert_eq!(u.btc_mined, None);
    }

    /// Per-site rows that disagree but add up to a stated total give the total.
    #[test]
    fn parts_adding_up_to_a_stated_total() {
        let u = extract(
            "TeraWulf Inc. (NASDAQ: WULF) April 2024 production update.\n\
             TeraWulf self-mined 348 bitcoin in April.\n\n\
             Metric | April 2024\n\
             Bitcoin self-mined - Lake Mariner | 269\n\
             Bitcoin self-mined - Nautilus | 79\n",
        );
        assert_eq!(u.btc_mined.map(|f| f.text), Some("348 bitcoin".to_string()));
    }
}
