//! The pipeline: scan, read, pick, check.

use std::sync::LazyLock;

use crate::check;
use crate::company;
use crate::document::Document;
use crate::read::{self, Candidate};
use crate::scan;
use crate::time::{self, Anchor};
use crate::update::{Figure, Metric, ProductionUpdate};

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
    let period = time::reporting_period(text, published).or_else(|| table_period(text));
    let anchor = Anchor { period, published };
    let mut out = vec![format!("period {period:?} published {published:?}")];
    for c in read::read(text, &quantities, &anchor).candidates {
        out.push(format!(
            "{:>6} {:<28} {:>14} rank {:>3}  {:?}",
            c.start,
            c.metric.key(),
            c.value.to_string(),
            c.rank,
            // cannot fail: candidate spans are quantity spans (regex match bounds) in `text`.
            &text[c.start..c.end]
        ));
    }
    out
}

fn extract_text(text: &str) -> ProductionUpdate {
    let published = time::published(text);
    let quantities = scan::scan(text);
    let mut period = time::reporting_period(text, published);
    if period.is_none() {
        period = table_period(text);
    }
    let anchor = Anchor { period, published };
    let readings = read::read(text, &quantities, &anchor);
    let mut update = ProductionUpdate {
        company: company::find(text),
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
    for &metric in Metric::ALL {
        let mut of: Vec<&Candidate> = candidates.iter().filter(|c| c.metric == metric).collect();
        of.sort_by_key(|c| (std::cmp::Reverse(c.rank), c.start));
        let Some(&best) = of.first() else {
            continue;
        };
        let disagree = of
            .iter()
            .take_while(|c| c.rank == best.rank)
            .any(|c| c.value != best.value);
        if disagree {
            continue;
        }
        let Some(first) = of
            .iter()
            .filter(|c| c.value == best.value)
            .min_by_key(|c| c.start)
        else {
            continue;
        };
        *update.slot_mut(metric) = Some(Figure {
            value: first.value.normalize(),
            unit: metric.unit(),
            span: [first.start, first.end],
            // cannot fail: candidate spans are quantity spans (regex match bounds) in `text`.
            text: text[first.start..first.end].to_string(),
        });
    }
    // A prior equal to nothing stated for the current period is still a prior; but a
    // "prior" that is the very statement of the current figure is a misreading.
    for &metric in Metric::ALL {
        if let Some(prior) = metric.prior()
            && let (Some(c), Some(p)) = (update.get(metric), update.get(prior))
            && c.span == p.span
        {
            *update.slot_mut(prior) = None;
        }
    }
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
}
