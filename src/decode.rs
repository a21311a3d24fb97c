//! Bytes to text.
//!
//! The order of evidence follows the WHATWG encoding sniffing algorithm that browsers use, with
//! two deviations for documents that have been saved and re-saved by scrapers (see
//! [`decode`]).

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How many bytes the `<meta charset>` prescan looks at, as in the HTML standard.
const PRESCAN_LEN: usize = 1024;

/// How many bytes the binary and UTF-16 sniffers look at.
const SNIFF_LEN: usize = 8 * 1024;

/// Text decoded from bytes, with how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, without a byte order mark.
    pub text: String,
    /// The WHATWG name of the encoding used, e.g. `UTF-8` or `windows-1252`.
    pub encoding: &'static str,
    /// Whether some bytes were malformed in that encoding and became U+FFFD.
    pub had_errors: bool,
}

/// Decodes a document's bytes to text. Never fails: malformed bytes become U+FFFD and
/// `had_errors` is set.
///
/// Evidence, strongest first: a byte order mark; the byte pattern of BOM-less UTF-16; for input
/// that starts like markup, a `<meta charset>` or `http-equiv` declaration in the first 1024
/// bytes; valid UTF-8; else chardetng's guess.
///
/// Two deviations from what a browser does, both because scraped pages are often re-saved as
/// UTF-8 while keeping their original `<meta>`: a declared legacy encoding loses to bytes that
/// are valid, non-ASCII UTF-8, and a declared UTF-8 that the bytes contradict falls through to
/// the detector instead of producing replacement characters.
pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_as(encoding, bytes.get(bom_len..).unwrap_or_default());
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        return decode_as(encoding, bytes);
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    if starts_like_markup(bytes) {
        // cannot fail: the end is at most the length.
        let head = &bytes[..bytes.len().min(PRESCAN_LEN)];
        if let Some(declared) = prescan(head) {
            let contradicted = if declared == UTF_8 {
                utf8.is_none()
            } else {
                utf8.is_some() && !bytes.is_ascii()
            };
            if !contradicted {
                return decode_as(declared, bytes);
            }
        }
    }
    if let Some(text) = utf8 {
        return Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            had_errors: false,
        };
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    decode_as(detector.guess(None, Utf8Detection::Allow), bytes)
}

fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        had_errors,
    }
}

/// Why the bytes look like binary data rather than text in some encoding, for an error
/// message; `None` for text.
///
/// Binary: NUL bytes in the first 8 KiB (unless the text is UTF-16, which is full of them),
/// a high share of control characters, or the signature of a common binary format.
pub(crate) fn binary_reason(bytes: &[u8]) -> Option<&'static str> {
    let mut bytes = bytes;
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        if encoding != UTF_8 {
            return None;
        }
        bytes = bytes.get(bom_len..).unwrap_or_default();
    } else if sniff_utf16(bytes).is_some() {
        return None;
    }
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF file"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"PK\x05\x06", "a ZIP archive"),
        (b"\x1f\x8b", "a gzip stream"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an OLE (legacy Office) file",
        ),
        (b"\x7fELF", "an ELF executable"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (b"Rar!\x1a\x07", "a RAR archive"),
    ];
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(what);
    }
    // cannot fail: the end is at most the length.
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return Some("NUL bytes in the first 8 KiB");
    }
    // Tab, LF, VT, FF, CR and ESC (ISO-2022) occur in text; SUB ends old DOS files.
    let controls = head
        .iter()
        .filter(|&&b| {
            (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1a | 0x1b))
                || b == 0x7f
        })
        .count();
    // Random bytes are about 11% controls; text has next to none.
    if controls * 20 > head.len() {
        return Some("many control characters in the first 8 KiB");
    }
    None
}

/// Recognizes BOM-less UTF-16 by its NUL bytes: text that is mostly ASCII has a zero in every
/// other byte, at odd offsets for little endian and even ones for big endian.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    // cannot fail: the end is at most the length (rounded down to a whole code unit).
    let head = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    let pairs = head.len() / 2;
    if pairs < 4 {
        return None;
    }
    let (mut le, mut be) = (0usize, 0usize);
    // cannot fail: `chunks_exact(2)` gives pairs, so `pair[0]` and `pair[1]` exist.
    for pair in head.chunks_exact(2) {
        let printable = |b: u8| b.is_ascii_graphic() || matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        if pair[1] == 0 && printable(pair[0]) {
            le += 1;
        }
        if pair[0] == 0 && printable(pair[1]) {
            be += 1;
        }
    }
    // Nine in ten code units ASCII leaves room for some non-Latin text.
    if le * 10 >= pairs * 9 {
        Some(UTF_16LE)
    } else if be * 10 >= pairs * 9 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The prescan applies only to input that begins like markup: plain text that happens to
/// quote a `<meta>` tag should not change its own encoding.
fn starts_like_markup(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

/// The HTML standard's "prescan a byte stream to determine its encoding", over `head`.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    // cannot fail: `i < head.len()` here; each branch indexes only past checks of the
    // length (`starts_with`, `rest.len() >= 2`, `i < head.len()`), and a found `-->` lies
    // inside `rest`.
    while i < head.len() {
        let rest = &head[i..];
        if rest.starts_with(b"<!--") {
            // `<!-->` is a complete comment, hence the search from offset 2.
            i += 2 + find(&rest[2..], b"-->")? + 3;
        } else if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            i += 6;
            if let Some(encoding) = meta_encoding(head, &mut i)? {
                return Some(encoding);
            }
        } else if rest.len() >= 2
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
        {
            while i < head.len() && !is_space(head[i]) && head[i] != b'>' {
                i += 1;
            }
            loop {
                match attribute(head, &mut i) {
                    Attr::Eof => return None,
                    Attr::End => break,
                    Attr::Pair(..) => {}
                }
            }
            i += 1;
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            i += find(rest, b">")? + 1;
        } else {
            i += 1;
        }
    }
    None
}

/// Reads the attributes of a `<meta>` tag; `Some(None)` when it declares nothing usable and
/// `None` when the input ends inside it.
fn meta_encoding(head: &[u8], i: &mut usize) -> Option<Option<&'static Encoding>> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma = None;
    let mut charset = None;
    loop {
        let (name, value) = match attribute(head, i) {
            Attr::Eof => return None,
            Attr::End => break,
            Attr::Pair(name, value) => (name, value),
        };
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" if charset.is_none() => {
                if let Some(encoding) = charset_from_content(&value) {
                    charset = Some(encoding);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let usable = match need_pragma {
        None => false,
        Some(true) => got_pragma,
        Some(false) => true,
    };
    let charset = charset.filter(|_| usable).map(|encoding| {
        // A declaration found by an ASCII scan cannot be UTF-16; the standard maps these.
        if encoding == UTF_16LE || encoding == UTF_16BE {
            UTF_8
        } else if encoding.name() == "x-user-defined" {
            WINDOWS_1252
        } else {
            encoding
        }
    });
    Some(charset)
}

fn label(value: &[u8]) -> Option<&'static Encoding> {
    // The "replacement" encoding would turn the whole document into one U+FFFD.
    Encoding::for_label_no_replacement(value)
}

enum Attr {
    Pair(Vec<u8>, Vec<u8>),
    End,
    Eof,
}

/// The HTML standard's "get an attribute" step of the prescan; names and values lower-cased.
fn attribute(head: &[u8], i: &mut usize) -> Attr {
    let at = |i: usize| head.get(i).copied();
    while at(*i).is_some_and(|b| is_space(b) || b == b'/') {
        *i += 1;
    }
    match at(*i) {
        None => return Attr::Eof,
        Some(b'>') => return Attr::End,
        Some(_) => {}
    }
    let mut name = Vec::new();
    loop {
        match at(*i) {
            None => return Attr::Eof,
            Some(b'=') if !name.is_empty() => break,
            Some(b) if is_space(b) => {
                while at(*i).is_some_and(is_space) {
                    *i += 1;
                }
                if at(*i) != Some(b'=') {
                    return Attr::Pair(name, Vec::new());
                }
                break;
            }
            Some(b'/' | b'>') => return Attr::Pair(name, Vec::new()),
            Some(b) => name.push(b.to_ascii_lowercase()),
        }
        *i += 1;
    }
    // At the `=`.
    *i += 1;
    while at(*i).is_some_and(is_space) {
        *i += 1;
    }
    let mut value = Vec::new();
    match at(*i) {
        None => return Attr::Eof,
        Some(quote @ (b'"' | b'\'')) => {
            *i += 1;
            loop {
                match at(*i) {
                    None => return Attr::Eof,
                    Some(b) if b == quote => {
                        *i += 1;
                        return Attr::Pair(name, value);
                    }
                    Some(b) => value.push(b.to_ascii_lowercase()),
                }
                *i += 1;
            }
        }
        Some(b'>') => return Attr::Pair(name, value),
        Some(_) => {}
    }
    loop {
        match at(*i) {
            None => return Attr::Eof,
            Some(b) if is_space(b) || b == b'>' => return Attr::Pair(name, value),
            Some(b) => value.push(b.to_ascii_lowercase()),
        }
        *i += 1;
    }
}

/// The HTML standard's "extract a character encoding from a meta element", on a lower-cased
/// `content` value such as `text/html; charset=iso-8859-1`.
fn charset_from_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    loop {
        // cannot fail: `i` is at most the length (the end of a found `charset`).
        i += find(&content[i..], b"charset")? + b"charset".len();
        while content.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        if content.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while content.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        let rest = content.get(i..)?;
        return match rest.first() {
            Some(&quote @ (b'"' | b'\'')) => {
                // cannot fail: `rest` has a first byte, and `end` is a position after it.
                let end = rest[1..].iter().position(|&b| b == quote)?;
                label(&rest[1..1 + end])
            }
            Some(_) => {
                let end = rest
                    .iter()
                    .position(|&b| is_space(b) || b == b';')
                    .unwrap_or(rest.len());
                label(&rest[..end])
            }
            None => None,
        };
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

pub(crate) fn starts_with_ignore_case(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack.len() >= prefix.len() && haystack[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The first occurrence of `needle`; callers pass non-empty constants (`windows(0)` panics).
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_binary(bytes: &[u8]) -> bool {
        binary_reason(bytes).is_some()
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        let units = std::iter::once(0xfeff)
            .filter(|_| bom)
            .chain(text.encode_utf16());
        for unit in units {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    #[test]
    fn utf8_passes_through() {
        let d = decode("Riot mined 1,234 ₿ in “October”".as_bytes());
        assert_eq!(d.text, "Riot mined 1,234 ₿ in “October”");
        assert_eq!(d.encoding, "UTF-8");
        assert!(!d.had_errors);
    }

    #[test]
    fn utf8_bom_is_removed() {
        let d = decode(b"\xef\xbb\xbfHello");
        assert_eq!(d.text, "Hello");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn windows_1252_is_detected() {
        let d = decode(b"Bitcoin \x96 1,234 \x93held\x94");
        assert_eq!(d.text, "Bitcoin \u{2013} 1,234 \u{201c}held\u{201d}");
        assert_eq!(d.encoding, "windows-1252");
        assert!(!d.had_errors);
    }

    #[test]
    fn utf16_with_bom() {
        let text = "Bitcoin Held: 19,211 BTC — “approx.”";
        for big_endian in [false, true] {
            let d = decode(&utf16(text, big_endian, true));
            assert_eq!(d.text, text);
            assert_eq!(d.encoding, if big_endian { "UTF-16BE" } else { "UTF-16LE" });
            assert!(!d.had_errors);
        }
    }

    #[test]
    fn utf16_without_bom() {
        let text = "Bitcoin produced in October: 445";
        assert_eq!(decode(&utf16(text, false, false)).text, text);
        assert_eq!(decode(&utf16(text, true, false)).text, text);
        assert!(!is_binary(&utf16(text, false, false)));
        assert!(!is_binary(&utf16(text, true, true)));
    }

    #[test]
    fn meta_charset() {
        let d =
            decode(b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9 \x80</body>");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("caf\u{e9} \u{20ac}"));
    }

    #[test]
    fn meta_http_equiv() {
        let html = b"<!DOCTYPE html><!-- <meta charset=utf-8> --><HTML><HEAD>\
            <META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-2\">\
            </HEAD><BODY>\xb1</BODY>";
        let d = decode(html);
        assert_eq!(d.encoding, "ISO-8859-2");
        assert!(d.text.contains('\u{105}'));
    }

    #[test]
    fn meta_content_without_pragma_is_ignored() {
        let d = decode(b"<meta content=\"text/html; charset=iso-8859-2\"><p>\xe9</p>");
        // Not ISO-8859-2's U+0119: the detector decided.
        assert!(!d.text.contains('\u{119}'));
    }

    #[test]
    fn meta_in_attribute_value_is_not_a_declaration() {
        let d = decode(b"<div title='<meta charset=iso-8859-2>'>\xc3\xa9</div>");
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains('\u{e9}'));
    }

    #[test]
    fn valid_utf8_beats_a_stale_legacy_declaration() {
        let d = decode("<meta charset=windows-1252><p>“quoted”</p>".as_bytes());
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("“quoted”"));
    }

    #[test]
    fn ascii_keeps_the_declared_encoding() {
        let d = decode(b"<meta charset=windows-1252><p>plain</p>");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn declared_utf8_contradicted_by_the_bytes() {
        let d = decode(b"<meta charset=utf-8><p>\x93held\x94 \x96</p>");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("\u{201c}held\u{201d}"));
    }

    #[test]
    fn plain_text_quoting_meta_is_not_prescanned() {
        let d = decode(b"Use <meta charset=iso-8859-2> \xc3\xa9");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn prescan_edge_cases_never_panic() {
        for input in [
            &b"<"[..],
            b"<meta",
            b"<meta ",
            b"<meta charset",
            b"<meta charset=",
            b"<meta charset='",
            b"<meta http-equiv=content-type content='charset=\"x",
            b"<meta content=charset>",
            b"<!--",
            b"<!-->",
            b"<a b='>",
            b"</",
            b"<?",
            b"<meta charset=replacement>",
            b"<meta charset=utf-16le>x",
            b"<meta charset=x-user-defined>\x80",
        ] {
            let _ = decode(input);
        }
        assert_eq!(decode(b"<meta charset=utf-16le>x").encoding, "UTF-8");
        assert_eq!(
            decode(b"<meta charset=x-user-defined>\x80").encoding,
            "windows-1252"
        );
        assert_eq!(
            decode(b"<meta charset=iso-2022-kr>x").text,
            "<meta charset=iso-2022-kr>x"
        );
    }

    #[test]
    fn malformed_bytes_are_flagged() {
        let d = decode(b"\xef\xbb\xbfok \xff\xfe\xfd");
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.had_errors);
        assert!(d.text.contains('\u{fffd}'));
    }

    #[test]
    fn empty_input() {
        let d = decode(b"");
        assert_eq!(d.text, "");
        assert!(!is_binary(b""));
    }

    #[test]
    fn binary_detection() {
        assert!(is_binary(b"\x00\x01\x02\x03binary"));
        assert!(is_binary(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"));
        assert!(is_binary(b"PK\x03\x04\x14\x00"));
        assert!(is_binary(b"\xff\xd8\xff\xe0\x00\x10JFIF"));
        let controls: Vec<u8> = (0..200u8)
            .map(|i| if i % 4 == 0 { 0x02 } else { b'a' })
            .collect();
        assert!(is_binary(&controls));
        assert!(!is_binary(
            b"Bitcoin \x96 1,234 \x93held\x94\r\n\x0c<PAGE>\n"
        ));
        assert!(!is_binary("₿ 1,234".as_bytes()));
        assert_eq!(
            binary_reason(b"a\x00b"),
            Some("NUL bytes in the first 8 KiB")
        );
    }
}
