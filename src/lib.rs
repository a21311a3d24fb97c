//! minerpress turns bitcoin miners' production updates and press releases into typed,
//! source-grounded data.
//!
//! It reads a release (plain text, HTML, or an SEC EDGAR filing) and returns a
//! [`ProductionUpdate`]: the company, the reporting period, the release date, and every figure
//! the release states (bitcoin mined, held and sold, deployed and average operating hashrate,
//! fleet efficiency, miners, power capacity, revenue, and the preceding period's figures),
//! each as an exact decimal in a normalized unit with the byte span of the text it came from.
//! It is deterministic, offline and fast: the same text always gives the same answer.
//!
//! # Quick start
//!
//! ```
//! let text = "Riot Platforms, Inc. (NASDAQ: RIOT) announces unaudited production and \
//!             operations updates for October 2025. Riot produced 437 bitcoin in October, \
//!             compared to 445 in September, and held 19,324 bitcoin as of October 31, 2025.";
//! let update = minerpress::extract(text);
//!
//! let mined = update.btc_mined.as_ref().unwrap();
//! assert_eq!(mined.value.to_string(), "437");
//! assert_eq!(&text[mined.span[0]..mined.span[1]], "437 bitcoin");
//! assert_eq!(update.btc_mined_prior.unwrap().text, "445");
//! assert_eq!(update.btc_held.unwrap().value.to_string(), "19324");
//! assert_eq!(update.period.unwrap().start.to_string(), "2025-10-01");
//! assert_eq!(update.company.unwrap().ticker.as_deref(), Some("RIOT"));
//! ```
//!
//! HTML pages and EDGAR submissions go through a [`Document`], whose text is what spans
//! index into:
//!
//! ```
//! use minerpress::{Document, Extractor};
//!
//! let html = b"<html><body><p>Cango Inc. (NYSE: CANG) November 2025 update</p>\
//!     <table><tr><th>Metric</th><th>November 2025</th><th>October 2025</th></tr>\
//!     <tr><td>Bitcoin produced (BTC)</td><td>546.7</td><td>602.6</td></tr></table>\
//!     </body></html>";
//! let document = Document::from_bytes(html)?;
//! let update = Extractor::new().extract_document(&document);
//! assert_eq!(update.btc_mined.unwrap().value.to_string(), "546.7");
//! assert_eq!(update.btc_mined_prior.unwrap().value.to_string(), "602.6");
//! # Ok::<(), minerpress::Error>(())
//! ```
//!
//! # What a figure means
//!
//! The JSON contract (`docs/contract.md` in the repository) defines every field. In short:
//! only the company's own figures for the reporting period and the immediately preceding
//! period are reported; year-ago figures, year-to-date and quarter totals in monthly
//! updates, hosted and cloud customers' bitcoin, hashrate under management, network
//! figures, targets and guidance, prices and dollar values of holdings are recognized and
//! left out. When the context does not say clearly what a figure is, it is left out: a
//! missing figure is visible, a wrong one is not.
//!
//! # Main types
//!
//! - [`extract`] and [`Extractor`]: text or [`Document`] in, [`ProductionUpdate`] out.
//!   An `Extractor` is immutable, `Send + Sync`, and compiles its patterns once per process.
//! - [`ProductionUpdate`], [`Figure`], [`Company`], [`Period`], [`Warning`], [`Metric`],
//!   [`Unit`]: the contract's types; serde serialization gives the contract's JSON.
//! - [`Document`]: decoding (UTF-8, UTF-16, Windows-1252, `<meta charset>`), HTML to text
//!   with table rows kept on one line, EDGAR exhibit selection.
//! - [`sources`], [`extract_ordered`], [`extract_source`], [`read_file`]: batches over files,
//!   folders, archives and JSON Lines, in input order, in parallel with the `parallel`
//!   feature; [`csv_columns`] and [`csv_row`] for the flat CSV form.
//! - [`Error`]: input that cannot be read. A release that states nothing is not an error; it
//!   gives an update with no figures.
//!
//! # Features
//!
//! - `cli` (default): the `minerpress` binary (clap, rayon, indicatif, csv, archives).
//!   Library users who want the small dependency graph depend on minerpress with
//!   `default-features = false`.
//! - `archive`: reading `.zip`, `.tar` and `.tar.gz` archives in memory.
//! - `parallel`: parallel, order-preserving batch extraction with rayon.
#![deny(missing_docs)]

mod batch;
mod check;
mod company;
mod csv_row;
mod decode;
mod document;
mod edgar;
mod error;
mod extract;
mod html;
mod read;
mod scan;
mod time;
mod update;
mod vocab;

pub use crate::batch::{
    Extracted, Limits, Ordered, Source, Sources, extract_ordered, extract_source, read_file,
    sources,
};
pub use crate::csv_row::{csv_columns, csv_row};
pub use crate::document::{Document, Format};
pub use crate::error::{Error, ErrorKind, Result};
pub use crate::extract::{Extractor, explain, extract};
pub use crate::update::{Company, Figure, Metric, Period, ProductionUpdate, Unit, Warning};
pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;

// The README's examples compile and pass as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
