//! minerpress: typed, source-grounded figures from bitcoin miners' press releases.
#![deny(missing_docs)]

mod check;
mod company;
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

pub use crate::document::{Document, Format};
pub use crate::error::{Error, ErrorKind, Result};
pub use crate::extract::{Extractor, explain, extract};
pub use crate::update::{Company, Figure, Metric, Period, ProductionUpdate, Unit, Warning};
pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;
