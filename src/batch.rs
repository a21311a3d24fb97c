//! Batches: many documents from files, folders, archives and JSON Lines, one record each.
//!
//! [`sources`] turns the paths a user gives into a lazy stream of named [`Source`]s;
//! [`extract_source`] turns one source into one [`ProductionUpdate`] record (an error record
//! when the source cannot be read); [`extract_ordered`] does the same for a whole stream on
//! several threads and still yields the records in input order.

mod archive;
mod jsonl;
mod ordered;

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::extract::Extractor;
use crate::update::ProductionUpdate;

pub use self::ordered::{Extracted, Ordered, extract_ordered};

/// Size limits that keep a batch's memory bounded whatever its input.
///
/// A document over its limit becomes an error record ([`ErrorKind::TooLarge`]); the batch
/// goes on with the next document.
///
/// # Example
///
/// ```
/// let limits = minerpress::Limits {
///     max_member_bytes: 8 << 20,
///     ..minerpress::Limits::default()
/// };
/// assert_eq!(limits.max_document_bytes, 64 << 20);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file, standard input or JSON Lines line read as one document, in bytes.
    /// Default: 64 MiB, far above any press release or filing exhibit (a few MiB at most).
    pub max_document_bytes: u64,
    /// The largest archive member read, in bytes, after decompression. Default: 64 MiB.
    /// Members are read through `Read::take(limit + 1)`, so a member whose header lies about
    /// its size (a decompression bomb) still stops at the limit.
    pub max_member_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_document_bytes: 64 << 20,
            max_member_bytes: 64 << 20,
        }
    }
}

/// One input document of a batch: its stable name and where its bytes come from.
///
/// A source is cheap until it is read: a file found while walking a folder is only a path,
/// and is read by [`extract_source`] (on a worker thread in [`extract_ordered`]). Archive
/// members and JSON Lines documents are already in memory, because their container can only
/// be read in order. A source that could not even be listed (a dangling symbolic link, a
/// corrupt archive) carries its error and becomes an error record.
pub struct Source {
    /// The stable name that becomes the record's `source`: the path as given or found
    /// (`corpus/cango-2025-11.txt`), `archive.zip!/member/path` for an archive member, the
    /// JSON Lines `id` or `file.jsonl:LINE` for a JSON Lines document, `-` for standard input.
    pub name: String,
    input: Input,
}

enum Input {
    /// A file read only when the document is needed.
    File { path: PathBuf, limit: u64 },
    /// Standard input, read fully when the document is needed.
    Stdin { limit: u64 },
    /// Bytes to decode and convert (`Document::from_bytes`).
    Bytes(Vec<u8>),
    /// Text used as it is (`Document::plain`).
    Text(String),
    /// The source could not be read.
    Failed(Error),
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The bytes themselves would flood a debug print; their length says enough.
        let input = match &self.input {
            Input::File { path, .. } => format!("file {}", path.display()),
            Input::Stdin { .. } => "standard input".to_string(),
            Input::Bytes(b) => format!("{} bytes", b.len()),
            Input::Text(t) => format!("{} bytes of text", t.len()),
            Input::Failed(e) => format!("error: {e}"),
        };
        f.debug_struct("Source")
            .field("name", &self.name)
            .field("input", &input)
            .finish()
    }
}

impl Source {
    /// A file, read when needed with [`read_file`]; named by its path.
    pub fn from_path(path: impl Into<PathBuf>, limits: &Limits) -> Source {
        let path = path.into();
        Source {
            name: path.to_string_lossy().into_owned(),
            input: Input::File {
                path,
                limit: limits.max_document_bytes,
            },
        }
    }

    /// Standard input, read fully when needed; named `-`.
    pub fn stdin(limits: &Limits) -> Source {
        Source {
            name: "-".to_string(),
            input: Input::Stdin {
                limit: limits.max_document_bytes,
            },
        }
    }

    /// Bytes in memory, decoded and converted like a file's ([`Document::from_bytes`]).
    ///
    /// # Example
    ///
    /// ```
    /// use minerpress::{Extractor, Source, extract_source};
    ///
    /// let source = Source::from_bytes("note.txt", b"Riot produced 445 bitcoin in May 2025.".to_vec());
    /// let update = extract_source(&Extractor::new(), source);
    /// assert_eq!(update.source.as_deref(), Some("note.txt"));
    /// assert_eq!(update.btc_mined.unwrap().value.to_string(), "445");
    /// ```
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Source {
        Source {
            name: name.into(),
            input: Input::Bytes(bytes),
        }
    }

    /// Text used exactly as given ([`Document::plain`]): spans index into `text`.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            name: name.into(),
            input: Input::Text(text.into()),
        }
    }

    /// A source that could not be read; it becomes an error record.
    pub fn from_error(name: impl Into<String>, error: Error) -> Source {
        Source {
            name: name.into(),
            input: Input::Failed(error),
        }
    }

    /// The error, when the source is already known to be unreadable.
    pub fn error(&self) -> Option<&Error> {
        match &self.input {
            Input::Failed(e) => Some(e),
            _ => None,
        }
    }

    /// Bytes the source holds in memory now (files and standard input hold none until read).
    pub fn held_bytes(&self) -> usize {
        match &self.input {
            Input::Bytes(b) => b.len(),
            Input::Text(t) => t.len(),
            _ => 0,
        }
    }

    /// Reads and converts the document.
    ///
    /// # Errors
    ///
    /// The source's own error, or any error of reading or decoding it ([`read_file`]).
    pub fn document(self) -> Result<Document> {
        self.load().1.map(|(doc, _)| doc)
    }

    /// The name, and the document with the number of input bytes it was made from.
    fn load(self) -> (String, Result<(Document, u64)>) {
        let loaded = match self.input {
            Input::File { path, limit } => read_bytes(&path, limit).and_then(|b| decode(&b)),
            Input::Stdin { limit } => read_stdin(limit).and_then(|b| decode(&b)),
            Input::Bytes(b) => decode(&b),
            Input::Text(t) => {
                let n = t.len() as u64;
                Ok((Document::plain(t), n))
            }
            Input::Failed(e) => Err(e),
        };
        (self.name, loaded)
    }
}

fn decode(bytes: &[u8]) -> Result<(Document, u64)> {
    Ok((Document::from_bytes(bytes)?, bytes.len() as u64))
}

/// Reads one file of a single-document kind (plain text, HTML, an EDGAR filing) and converts
/// it with [`Document::from_bytes`].
///
/// # Errors
///
/// [`ErrorKind::Io`] when the file cannot be opened or read, [`ErrorKind::TooLarge`] when it
/// is over [`Limits::max_document_bytes`], and the errors of [`Document::from_bytes`].
///
/// # Example
///
/// ```no_run
/// let doc = minerpress::read_file("corpus/cang-2025-11.txt".as_ref(), &Default::default())?;
/// println!("{}", doc.text());
/// # Ok::<(), minerpress::Error>(())
/// ```
pub fn read_file(path: &Path, limits: &Limits) -> Result<Document> {
    let bytes = read_bytes(path, limits.max_document_bytes)?;
    Document::from_bytes(&bytes)
}

/// Reads a whole file, refusing one over `limit` bytes before reading it when its size is
/// known, and stopping at `limit + 1` bytes when it is not (pipes, growing files).
fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let io_err = |source| {
        Error::new(ErrorKind::Io {
            path: path.to_path_buf(),
            source,
        })
    };
    let file = File::open(path).map_err(io_err)?;
    let size = file.metadata().map_err(io_err)?.len();
    if size > limit {
        return Err(ErrorKind::TooLarge { size, limit }.into());
    }
    read_limited(file, size, limit).map_err(|e| match e {
        Limited::Io(source) => io_err(source),
        Limited::Over(size) => ErrorKind::TooLarge { size, limit }.into(),
    })
}

fn read_stdin(limit: u64) -> Result<Vec<u8>> {
    read_limited(io::stdin().lock(), 0, limit).map_err(|e| match e {
        Limited::Io(source) => ErrorKind::Io {
            path: PathBuf::from("-"),
            source,
        }
        .into(),
        Limited::Over(size) => ErrorKind::TooLarge { size, limit }.into(),
    })
}

enum Limited {
    Io(io::Error),
    /// Over the limit; the number of bytes read before stopping (a lower bound of the size).
    Over(u64),
}

/// Reads at most `limit + 1` bytes: one past the limit tells "over" from "exactly at it".
fn read_limited(
    reader: impl Read,
    size_hint: u64,
    limit: u64,
) -> std::result::Result<Vec<u8>, Limited> {
    // The hint comes from a header or metadata that may lie; never reserve past the limit.
    let capacity = usize::try_from(size_hint.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Limited::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Limited::Over(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Extracts the record of one source: its update with `source` set to the source's name, or
/// an error record (`source` and `error` set, no company, period or figures) when it cannot be
/// read.
///
/// Never panics: a panic inside decoding or extraction (a bug) is caught and becomes an error
/// record, so one bad document cannot end a batch.
pub fn extract_source(extractor: &Extractor, source: Source) -> ProductionUpdate {
    extract_measured(extractor, source).update
}

/// [`extract_source`] that also counts the input bytes the document was made from.
fn extract_measured(extractor: &Extractor, source: Source) -> Extracted {
    let name = source.name.clone();
    let run = panic::catch_unwind(AssertUnwindSafe(|| {
        let (name, loaded) = source.load();
        match loaded {
            Ok((doc, bytes)) => {
                let mut update = extractor.extract_document(&doc);
                update.source = Some(name);
                Extracted { update, bytes }
            }
            Err(e) => Extracted {
                update: error_record(name, e.to_string()),
                bytes: 0,
            },
        }
    }));
    run.unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Extracted {
            update: error_record(name, format!("internal error while extracting: {what}")),
            bytes: 0,
        }
    })
}

fn error_record(name: String, message: String) -> ProductionUpdate {
    ProductionUpdate {
        source: Some(name),
        error: Some(message),
        ..ProductionUpdate::default()
    }
}

/// The sources of a list of paths, in a deterministic order, read lazily.
///
/// Each path is one of:
///
/// - `-`: standard input, one document, named `-`;
/// - a folder: walked recursively, entries in byte order of their names, symbolic links
///   followed. Entries whose names start with `.` (hidden) or end in `.json` (metadata, such
///   as the corpus's `*.expected.json`) are skipped; paths given explicitly never are. A
///   symbolic link back to a folder being walked becomes an error record rather than a loop;
///   so does anything found in a walk that is not a regular file or folder (a FIFO would
///   block the batch);
/// - `*.zip`, `*.tar`, `*.tar.gz`, `*.tgz` (feature `archive`): one source per regular member,
///   in archive order, named `archive.zip!/member/path` (the name exactly as the archive
///   stores it, `./` prefixes dropped). Members are read in memory one at a time, never
///   written to disk, so a member named `../../x` reaches no file. Members are skipped like
///   folder entries (hidden path components, `__MACOSX/`, `*.json`); directories are skipped;
///   links and special members become error records; a corrupt archive or member becomes an
///   error record and the batch goes on;
/// - `*.jsonl`, `*.ndjson`: one document per non-blank line, the object
///   `{"id": ..., "text": "..."}` (plain text, used as it is) or `{"id": ..., "html": "..."}`
///   (converted like an HTML file). Named by `id` (a string or number) when present, else
///   `file.jsonl:LINE` (1-based). Other keys are ignored;
/// - anything else: one document, decoded and converted by [`Document::from_bytes`].
///
/// Extension tests ignore case. A path that cannot be read (missing, a dangling symbolic
/// link, permission denied) becomes an error [`Source`]: nothing is skipped silently, and
/// nothing panics.
///
/// # Memory
///
/// Folders are listed one at a time as the walk reaches them; files are not read here at
/// all. An archive or JSON Lines file is read one member or line at a time.
///
/// # Example
///
/// ```no_run
/// use minerpress::{Extractor, Limits, extract_source, sources};
///
/// let extractor = Extractor::new();
/// for source in sources(&["corpus".into()], &Limits::default()) {
///     let update = extract_source(&extractor, source);
///     println!("{}", serde_json::to_string(&update)?);
/// }
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn sources(paths: &[PathBuf], limits: &Limits) -> Sources {
    Sources {
        limits: *limits,
        pending: paths
            .iter()
            .rev()
            .map(|p| Pending {
                path: p.clone(),
                explicit: true,
                ancestors: None,
            })
            .collect(),
        members: None,
        skip: Vec::new(),
    }
}

/// The iterator of [`sources`].
pub struct Sources {
    limits: Limits,
    /// Paths still to visit, the next one last.
    pending: Vec<Pending>,
    /// The members of the archive or JSON Lines file being read.
    members: Option<Box<dyn Iterator<Item = Source> + Send>>,
    /// Files a walk must not read (canonical paths), such as the batch's own output file.
    skip: Vec<PathBuf>,
}

impl fmt::Debug for Sources {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sources")
            .field("limits", &self.limits)
            .field("pending", &self.pending.len())
            .field("in_container", &self.members.is_some())
            .finish()
    }
}

struct Pending {
    path: PathBuf,
    /// Given by the caller rather than found in a walk: never filtered.
    explicit: bool,
    /// The canonical folders above this entry in the walk, to tell a link loop.
    ancestors: Option<Arc<Ancestor>>,
}

struct Ancestor {
    dir: PathBuf,
    parent: Option<Arc<Ancestor>>,
}

impl Ancestor {
    fn contains(self: &Arc<Ancestor>, dir: &Path) -> bool {
        let mut at = Some(self);
        while let Some(a) = at {
            if a.dir == dir {
                return true;
            }
            at = a.parent.as_ref();
        }
        false
    }
}

impl Sources {
    /// Leaves `path` out of folder walks (it is still read when given explicitly).
    ///
    /// The CLI passes its `-o` file here, so that `extract corpus/ -o corpus/out.jsonl` does
    /// not read its own output. A path that does not exist yet is ignored.
    pub fn skip(mut self, path: &Path) -> Sources {
        if let Ok(canonical) = fs::canonicalize(path) {
            self.skip.push(canonical);
        }
        self
    }

    fn is_skipped(&self, path: &Path) -> bool {
        // Canonicalizing costs a system call: only for names that could match.
        !self.skip.is_empty()
            && self.skip.iter().any(|s| s.file_name() == path.file_name())
            && fs::canonicalize(path).is_ok_and(|c| self.skip.contains(&c))
    }

    /// Visits one pending path; returns a source, or `None` when it only queued more work.
    fn visit(&mut self, entry: Pending) -> Option<Source> {
        let name = entry.path.to_string_lossy().into_owned();
        if entry.explicit && entry.path.as_os_str() == "-" {
            return Some(Source::stdin(&self.limits));
        }
        let meta = match fs::metadata(&entry.path) {
            Ok(m) => m,
            Err(source) => {
                let error = ErrorKind::Io {
                    path: entry.path,
                    source,
                };
                return Some(Source::from_error(name, error.into()));
            }
        };
        if meta.is_dir() {
            return self.open_dir(entry, name);
        }
        if !entry.explicit {
            if !meta.is_file() {
                let source = io::Error::other("not a regular file or folder");
                let error = ErrorKind::Io {
                    path: entry.path,
                    source,
                };
                return Some(Source::from_error(name, error.into()));
            }
            if self.is_skipped(&entry.path) {
                return None;
            }
        }
        match Kind::of(&entry.path) {
            Kind::Document => Some(Source::from_path(entry.path, &self.limits)),
            Kind::JsonLines => {
                self.members = Some(Box::new(jsonl::JsonLines::open(
                    entry.path,
                    name,
                    self.limits.max_document_bytes,
                )));
                None
            }
            Kind::Zip | Kind::Tar { .. } => self.open_archive(entry.path, name),
        }
    }

    #[cfg(feature = "archive")]
    fn open_archive(&mut self, path: PathBuf, name: String) -> Option<Source> {
        let limit = self.limits.max_member_bytes;
        self.members = Some(match Kind::of(&path) {
            Kind::Tar { gzip } => Box::new(archive::tar_members(path, name, gzip, limit)),
            _ => Box::new(archive::zip_members(path, name, limit)),
        });
        None
    }

    #[cfg(not(feature = "archive"))]
    fn open_archive(&mut self, _path: PathBuf, name: String) -> Option<Source> {
        let reason = "archive support is not compiled in (enable the `archive` feature)";
        let error = ErrorKind::Archive {
            reason: reason.to_string(),
        };
        Some(Source::from_error(name, error.into()))
    }

    fn open_dir(&mut self, entry: Pending, name: String) -> Option<Source> {
        let io_error = |path: PathBuf, source| {
            Some(Source::from_error(
                name.clone(),
                ErrorKind::Io { path, source }.into(),
            ))
        };
        let canonical = match fs::canonicalize(&entry.path) {
            Ok(c) => c,
            Err(e) => return io_error(entry.path, e),
        };
        if entry
            .ancestors
            .as_ref()
            .is_some_and(|a| a.contains(&canonical))
        {
            let source = io::Error::other(format!(
                "symbolic link loop: leads back to {}, which is being walked",
                canonical.display()
            ));
            return io_error(entry.path, source);
        }
        let listing = match fs::read_dir(&entry.path) {
            Ok(l) => l,
            Err(e) => return io_error(entry.path, e),
        };
        let mut names = Vec::new();
        for item in listing {
            match item {
                Ok(item) => names.push(item.file_name()),
                Err(e) => return io_error(entry.path, e),
            }
        }
        // Byte order of names: the same on every machine and every run, whatever order the
        // file system lists them in.
        names.sort_unstable_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
        let ancestors = Arc::new(Ancestor {
            dir: canonical,
            parent: entry.ancestors,
        });
        for child in names.iter().rev() {
            if is_skipped_name(&child.to_string_lossy()) {
                continue;
            }
            self.pending.push(Pending {
                path: entry.path.join(child),
                explicit: false,
                ancestors: Some(Arc::clone(&ancestors)),
            });
        }
        None
    }
}

impl Iterator for Sources {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        loop {
            if let Some(members) = &mut self.members {
                match members.next() {
                    Some(source) => return Some(source),
                    None => self.members = None,
                }
            }
            let entry = self.pending.pop()?;
            if let Some(source) = self.visit(entry) {
                return Some(source);
            }
        }
    }
}

/// What a file is read as, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Document,
    JsonLines,
    Zip,
    Tar { gzip: bool },
}

impl Kind {
    fn of(path: &Path) -> Kind {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.ends_with(".zip") {
            Kind::Zip
        } else if name.ends_with(".tar") {
            Kind::Tar { gzip: false }
        } else if name.ends_with(".tar.gz") || name.ends_with(".tgz") {
            Kind::Tar { gzip: true }
        } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            Kind::JsonLines
        } else {
            Kind::Document
        }
    }
}

/// Whether a folder entry's name marks it as not a document: hidden, or JSON metadata.
fn is_skipped_name(name: &str) -> bool {
    name.starts_with('.') || name.to_ascii_lowercase().ends_with(".json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        for (name, kind) in [
            ("a.txt", Kind::Document),
            ("A.ZIP", Kind::Zip),
            ("x.tar", Kind::Tar { gzip: false }),
            ("x.tar.gz", Kind::Tar { gzip: true }),
            ("x.TGZ", Kind::Tar { gzip: true }),
            ("x.jsonl", Kind::JsonLines),
            ("x.ndjson", Kind::JsonLines),
            ("x.htm", Kind::Document),
            ("zip", Kind::Document),
        ] {
            assert_eq!(Kind::of(Path::new(name)), kind, "{name}");
        }
    }

    #[test]
    fn skipped_names() {
        assert!(is_skipped_name(".DS_Store"));
        assert!(is_skipped_name("a.expected.json"));
        assert!(is_skipped_name("A.JSON"));
        assert!(!is_skipped_name("a.jsonl"));
        assert!(!is_skipped_name("a.txt"));
    }

    #[test]
    fn limited_reads() {
        assert_eq!(read_limited(&b"abc"[..], 3, 3).ok(), Some(b"abc".to_vec()));
        assert!(matches!(
            read_limited(&b"abcd"[..], 0, 3),
            Err(Limited::Over(4))
        ));
        // A lying size hint neither over-allocates nor truncates.
        assert_eq!(
            read_limited(&b"ab"[..], u64::MAX, 3).ok(),
            Some(b"ab".to_vec())
        );
    }

    #[test]
    fn error_record_shape() {
        let update = extract_source(
            &Extractor::new(),
            Source::from_error(
                "x",
                ErrorKind::NotText {
                    reason: "PDF".into(),
                }
                .into(),
            ),
        );
        assert_eq!(
            serde_json::to_string(&update).ok().as_deref(),
            Some(
                r#"{"source":"x","company":null,"period":null,"error":"not a text document: PDF","warnings":[]}"#
            )
        );
    }
}
