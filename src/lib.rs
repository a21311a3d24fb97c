//! minerpress: typed, source-grounded figures from bitcoin miners' press releases.
#![deny(missing_docs)]

mod decode;
mod document;
mod edgar;
mod error;
mod html;

pub use crate::document::{Document, Format};
pub use crate::error::{Error, ErrorKind, Result};
