//! minerpress: typed, source-grounded figures from bitcoin miners' press releases.
#![deny(missing_docs)]

// Compiled with the tests only until `Document` uses it.
#[cfg(test)]
mod decode;
#[cfg(test)]
mod edgar;
mod error;
#[cfg(test)]
mod html;

pub use crate::error::{Error, ErrorKind, Result};
