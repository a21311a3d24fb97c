//! minerpress: typed, source-grounded figures from bitcoin miners' press releases.
#![deny(missing_docs)]

mod error;

pub use crate::error::{Error, ErrorKind, Result};
