//! The crate's one error type.

use std::path::PathBuf;

/// An error reading or decoding a document.
///
/// "No figures found" is never an error: a document that states nothing yields an empty
/// [`ProductionUpdate`](crate::ProductionUpdate). Errors are for input that cannot be read
/// at all.
#[derive(Debug, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    kind: ErrorKind,
}

impl Error {
    /// Creates an error of the given kind.
    pub fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What went wrong, with its context.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Consumes the error and returns its kind.
    pub fn into_kind(self) -> ErrorKind {
        self.kind
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error { kind }
    }
}

/// The kinds of [`Error`]. New kinds may be added in minor releases.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An I/O error while reading a file.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file being read.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The document is larger than the configured limit.
    #[error("document is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The document's size in bytes (or a lower bound when reading stopped at the limit).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The bytes are not text in any encoding minerpress reads (binary data).
    #[error("not a text document: {reason}")]
    NotText {
        /// Why the bytes were taken for binary data.
        reason: String,
    },
    /// An archive or one of its members could not be read.
    #[error("corrupt archive: {reason}")]
    Archive {
        /// What the archive reader reported.
        reason: String,
    },
    /// A line of a JSON Lines input is not a document object.
    #[error("line {line}: {reason}")]
    JsonLine {
        /// The 1-based line number.
        line: u64,
        /// What is wrong with it.
        reason: String,
    },
}

/// A specialized `Result` for minerpress.
pub type Result<T> = std::result::Result<T, Error>;
