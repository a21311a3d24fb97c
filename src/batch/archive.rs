//! Archive members as sources: read in memory one at a time, never written to disk.

#![cfg(feature = "archive")]

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;

use super::{Limited, Source, read_limited};
use crate::error::{Error, ErrorKind};

fn archive_error(reason: impl ToString) -> Error {
    ErrorKind::Archive {
        reason: reason.to_string(),
    }
    .into()
}

/// `archive!/member`, without the `./` prefixes some tools write.
fn member_name(archive: &str, member: &str) -> String {
    let mut member = member;
    while let Some(rest) = member.strip_prefix("./") {
        member = rest;
    }
    format!("{archive}!/{member}")
}

/// Reads one member's bytes with the limit, or the error record for it.
fn read_member(name: String, reader: impl Read, declared: u64, limit: u64) -> Source {
    if declared > limit {
        // The header's size is enough to refuse; nothing is decompressed.
        let error = ErrorKind::TooLarge {
            size: declared,
            limit,
        };
        return Source::from_error(name, error.into());
    }
    match read_limited(reader, declared, limit) {
        Ok(bytes) => Source::from_bytes(name, bytes),
        Err(Limited::Over(size)) => {
            Source::from_error(name, ErrorKind::TooLarge { size, limit }.into())
        }
        Err(Limited::Io(e)) => Source::from_error(name, archive_error(e)),
    }
}

/// The members of a zip file. The central directory is read when the first source is asked
/// for, each member's data when its turn comes.
pub(super) fn zip_members(path: PathBuf, name: String, limit: u64) -> ZipMembers {
    ZipMembers {
        path: Some(path),
        name,
        limit,
        zip: None,
        index: 0,
    }
}

pub(super) struct ZipMembers {
    /// The archive, until it is opened.
    path: Option<PathBuf>,
    name: String,
    limit: u64,
    zip: Option<zip::ZipArchive<BufReader<File>>>,
    index: usize,
}

impl Iterator for ZipMembers {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        if let Some(path) = self.path.take() {
            let opened = File::open(&path)
                .map_err(|source| Error::new(ErrorKind::Io { path, source }))
                .and_then(|f| zip::ZipArchive::new(BufReader::new(f)).map_err(archive_error));
            match opened {
                Ok(zip) => self.zip = Some(zip),
                Err(e) => return Some(Source::from_error(self.name.clone(), e)),
            }
        }
        let zip = self.zip.as_mut()?;
        while self.index < zip.len() {
            let index = self.index;
            self.index += 1;
            let stored = match zip.name_for_index(index) {
                Some(Ok(n)) => n.into_owned(),
                // The central directory lists every index below len(); a name that does not
                // decode still gets a stable one.
                _ => format!("#{index}"),
            };
            if is_skipped_member(&stored) {
                continue;
            }
            let name = member_name(&self.name, &stored);
            let member = match zip.by_index(index) {
                Ok(m) => m,
                Err(e) => return Some(Source::from_error(name, archive_error(e))),
            };
            if member.is_dir() {
                continue;
            }
            if member.is_symlink() {
                let e = archive_error("the member is a symbolic link, not a document");
                return Some(Source::from_error(name, e));
            }
            let declared = member.size();
            return Some(read_member(name, member, declared, self.limit));
        }
        None
    }
}

/// The members of a tar file (gzip-compressed when `gzip`).
///
/// The `tar` crate's entry iterator borrows its archive, so it cannot live in an iterator
/// struct beside it; a reader thread walks the archive instead and hands members over a
/// channel of one slot, so at most two members are in memory at a time and the thread stops
/// when the consumer drops the iterator.
pub(super) fn tar_members(path: PathBuf, name: String, gzip: bool, limit: u64) -> TarMembers {
    let (tx, rx) = mpsc::sync_channel(1);
    let archive = name.clone();
    let spawned = thread::Builder::new()
        .name("minerpress-tar".to_string())
        .spawn(move || read_tar(path, &archive, gzip, limit, &tx));
    match spawned {
        Ok(handle) => TarMembers {
            rx,
            handle: Some(handle),
            name,
            failed: None,
        },
        Err(e) => TarMembers {
            rx,
            handle: None,
            failed: Some(Source::from_error(
                name.clone(),
                archive_error(format!("cannot start a reader thread: {e}")),
            )),
            name,
        },
    }
}

pub(super) struct TarMembers {
    rx: mpsc::Receiver<Source>,
    handle: Option<thread::JoinHandle<()>>,
    name: String,
    failed: Option<Source>,
}

impl Iterator for TarMembers {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        if let Some(failed) = self.failed.take() {
            return Some(failed);
        }
        match self.rx.recv() {
            Ok(source) => Some(source),
            // The reader finished; report it if it died rather than finished.
            Err(_) => match self.handle.take().map(|h| h.join()) {
                Some(Err(_)) => Some(Source::from_error(
                    self.name.clone(),
                    archive_error("internal error: the tar reader panicked"),
                )),
                _ => None,
            },
        }
    }
}

fn read_tar(path: PathBuf, name: &str, gzip: bool, limit: u64, tx: &mpsc::SyncSender<Source>) {
    // A failed send means the consumer is gone: stop reading.
    let file = match File::open(&path) {
        Ok(f) => BufReader::new(f),
        Err(source) => {
            let _ = tx.send(Source::from_error(
                name,
                ErrorKind::Io { path, source }.into(),
            ));
            return;
        }
    };
    let reader: Box<dyn Read> = if gzip {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut archive = tar::Archive::new(reader);
    let entries = match archive.entries() {
        Ok(e) => e,
        Err(e) => {
            let _ = tx.send(Source::from_error(name, archive_error(e)));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                // The tar crate ends the iteration after an error; so do we.
                let _ = tx.send(Source::from_error(name, archive_error(e)));
                return;
            }
        };
        let stored = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let kind = entry.header().entry_type();
        if kind.is_dir() || kind.is_pax_global_extensions() || is_skipped_member(&stored) {
            continue;
        }
        let member = member_name(name, &stored);
        let source = if kind.is_file() || kind.is_contiguous() || kind.is_gnu_sparse() {
            let declared = entry.size();
            read_member(member, entry, declared, limit)
        } else {
            let e = archive_error(format!("the member is not a regular file ({kind:?})"));
            Source::from_error(member, e)
        };
        if tx.send(source).is_err() {
            return;
        }
    }
}

/// Whether an archive member's path marks it as not a document: a hidden component (not `.`
/// or `..`), macOS resource forks, JSON metadata.
fn is_skipped_member(path: &str) -> bool {
    let hidden = path
        .split(['/', '\\'])
        .any(|c| (c.starts_with('.') && c != "." && c != "..") || c == "__MACOSX");
    hidden || path.to_ascii_lowercase().ends_with(".json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_members() {
        assert!(is_skipped_member("__MACOSX/a.txt"));
        assert!(is_skipped_member("x/.hidden/a.txt"));
        assert!(is_skipped_member("a.expected.json"));
        assert!(!is_skipped_member("../../evil.txt"));
        assert!(!is_skipped_member("./a.txt"));
        assert_eq!(member_name("x.tar", "././a/b.txt"), "x.tar!/a/b.txt");
    }
}
