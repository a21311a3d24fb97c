//! minerpress: typed, source-grounded figures from bitcoin miners' press releases.
#![deny(missing_docs)]

mod batch;
mod check;
mod company;
mod csv_row;
mod document;
mod error;
mod extract;
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
