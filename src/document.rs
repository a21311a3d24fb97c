//! Documents: the text that spans index into.

/// The format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Plain text.
    Text,
}

/// A document's text, ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    format: Format,
}

impl Document {
    /// Reads a document from bytes.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotText`](crate::ErrorKind::NotText) when the bytes are not UTF-8.
    pub fn from_bytes(bytes: &[u8]) -> crate::Result<Document> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            crate::Error::new(crate::ErrorKind::NotText {
                reason: e.to_string(),
            })
        })?;
        Ok(Document::plain(text))
    }

    /// A plain-text document.
    pub fn plain(text: impl Into<String>) -> Document {
        Document {
            text: text.into(),
            format: Format::Text,
        }
    }

    /// The text spans index into.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The format the document was read from.
    pub fn format(&self) -> Format {
        self.format
    }
}
