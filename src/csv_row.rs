//! The flat CSV form of a record: one row per update, fixed columns.

use crate::update::{Metric, ProductionUpdate};

/// The CSV columns, in order.
///
/// `source`, `company`, `ticker`, `exchange`, `period_start`, `period_end`, `published`,
/// then one column per metric key in [`Metric::ALL`] order (`btc_mined`, `btc_mined_prior`,
/// ..., `revenue_prior`), then `warnings` and `error`. CSV has no nesting, so a figure's
/// column holds only its value; its unit is the metric's fixed unit, and its span and text
/// are in the JSON Lines output only.
///
/// # Example
///
/// ```
/// let columns = minerpress::csv_columns();
/// assert_eq!(columns[..3], ["source", "company", "ticker"]);
/// assert_eq!(columns.last(), Some(&"error"));
/// ```
pub fn csv_columns() -> Vec<&'static str> {
    let mut columns = vec![
        "source",
        "company",
        "ticker",
        "exchange",
        "period_start",
        "period_end",
        "published",
    ];
    columns.extend(Metric::ALL.iter().map(|m| m.key()));
    columns.extend(["warnings", "error"]);
    columns
}

/// The CSV row of an update, one field per [`csv_columns`] column.
///
/// Absent values are empty fields. Dates are ISO (`2025-11-30`); figure values are their
/// exact decimal text (`546.7`, `224600000`); `warnings` is the warning codes joined with
/// `;`; `error` is the message of an error record.
///
/// # Example
///
/// ```
/// let update = minerpress::extract("Riot produced 445 bitcoin in May 2025.");
/// let row = minerpress::csv_row(&update);
/// assert_eq!(row.len(), minerpress::csv_columns().len());
/// assert_eq!(row[5], "2025-05-31");
/// assert_eq!(row[7], "445");
/// ```
pub fn csv_row(update: &ProductionUpdate) -> Vec<String> {
    let company = update.company.as_ref();
    let text = |s: Option<&String>| s.cloned().unwrap_or_default();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut row = vec![
        text(update.source.as_ref()),
        text(company.map(|c| &c.name)),
        text(company.and_then(|c| c.ticker.as_ref())),
        text(company.and_then(|c| c.exchange.as_ref())),
        date(update.period.map(|p| p.start)),
        date(update.period.map(|p| p.end)),
        date(update.published),
    ];
    row.extend(Metric::ALL.iter().map(|&m| {
        update
            .get(m)
            .map(|f| f.value.normalize().to_string())
            .unwrap_or_default()
    }));
    let codes: Vec<&str> = update.warnings.iter().map(|w| w.code.as_str()).collect();
    row.push(codes.join(";"));
    row.push(text(update.error.as_ref()));
    row
}
