//! JSON Lines documents as sources: one `{"id": ..., "text"|"html": ...}` object per line.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

use serde::Deserialize;

use super::Source;
use crate::error::{Error, ErrorKind};

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
}

pub(super) struct JsonLines {
    /// The file, until it is opened.
    path: Option<PathBuf>,
    name: String,
    reader: Option<BufReader<File>>,
    /// The 1-based number of the last line read.
    line: u64,
    limit: u64,
}

impl JsonLines {
    pub(super) fn open(path: PathBuf, name: String, limit: u64) -> JsonLines {
        JsonLines {
            path: Some(path),
            name,
            reader: None,
            line: 0,
            limit,
        }
    }

    fn line_error(&self, reason: impl ToString) -> Error {
        ErrorKind::JsonLine {
            line: self.line,
            reason: reason.to_string(),
        }
        .into()
    }

    fn line_name(&self) -> String {
        format!("{}:{}", self.name, self.line)
    }

    /// Parses one line into a source; `None` for a blank line.
    fn parse(&self, bytes: &[u8]) -> Option<Source> {
        let mut bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if self.line == 1 {
            // serde_json does not accept a byte-order mark, which some editors write.
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let line: Line = match serde_json::from_slice(bytes) {
            Ok(l) => l,
            Err(e) => return Some(Source::from_error(self.line_name(), self.line_error(e))),
        };
        let name = match &line.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => self.line_name(),
        };
        // A line that is not a document is named by its position, which finds it in the
        // file; its id, if any, goes into the message.
        let broken = |reason: &str| {
            let reason = match &line.id {
                Some(id) => format!("id {id} {reason}"),
                None => format!("the object {reason}"),
            };
            Source::from_error(self.line_name(), self.line_error(reason))
        };
        Some(match (line.text, line.html) {
            (Some(_), Some(_)) => broken("has both \"text\" and \"html\"; give one"),
            (None, None) => broken("has neither \"text\" nor \"html\""),
            (Some(text), None) => Source::from_text(name, text),
            (None, Some(html)) => Source::from_bytes(name, html.into_bytes()),
        })
    }
}

impl Iterator for JsonLines {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        if let Some(path) = self.path.take() {
            match File::open(&path) {
                Ok(f) => self.reader = Some(BufReader::new(f)),
                Err(source) => {
                    return Some(Source::from_error(
                        self.name.clone(),
                        ErrorKind::Io { path, source }.into(),
                    ));
                }
            }
        }
        loop {
            let reader = self.reader.as_mut()?;
            let mut bytes = Vec::new();
            let read = reader
                .by_ref()
                .take(self.limit.saturating_add(1))
                .read_until(b'\n', &mut bytes);
            match read {
                Ok(0) => {
                    self.reader = None;
                    return None;
                }
                Ok(_) => self.line += 1,
                Err(e) => {
                    // A read error mid-file leaves no trustworthy position to go on from.
                    self.reader = None;
                    self.line += 1;
                    return Some(Source::from_error(self.line_name(), self.line_error(e)));
                }
            }
            if bytes.len() as u64 > self.limit && !bytes.ends_with(b"\n") {
                let skipped = skip_line(reader);
                let error = ErrorKind::TooLarge {
                    size: bytes.len() as u64 + skipped.as_ref().map_or(0, |n| *n),
                    limit: self.limit,
                };
                if skipped.is_err() {
                    self.reader = None;
                }
                return Some(Source::from_error(self.line_name(), error.into()));
            }
            if let Some(source) = self.parse(&bytes) {
                return Some(source);
            }
        }
    }
}

/// Discards the rest of an overlong line without holding it; returns the bytes discarded.
fn skip_line(reader: &mut impl BufRead) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        if let Some(pos) = buf.iter().position(|&b| b == b'\n') {
            reader.consume(pos + 1);
            return Ok(skipped + pos as u64 + 1);
        }
        let n = buf.len();
        skipped += n as u64;
        reader.consume(n);
    }
}
