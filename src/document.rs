//! The text a document is read from.

use crate::decode::{binary_reason, decode, find, starts_with_ignore_case};
use crate::edgar;
use crate::error::{ErrorKind, Result};
use crate::html::html_to_text;

/// How far into a text the HTML sniffer looks for tags.
const HTML_SNIFF_LEN: usize = 4096;

/// A document's text, ready for extraction, and how it was obtained.
///
/// Every span the library reports is a byte range of [`Document::text`]. Plain text is kept
/// exactly as it is (only a leading byte order mark is dropped), so spans index into the
/// input itself. HTML and SEC EDGAR filings are converted to text first, one line per block
/// and one line per table row:
///
/// - the cells of a row are joined by `" | "`, empty cells left out (`Bitcoin Held | 19,211`);
///   a value split over two cells stays split (`Appx. $ | 51.2 million`);
/// - short footnote markers in superscripts become `[x]` (`19,211[3]`, never `19,2113`);
/// - list items start with `"- "`;
/// - whitespace runs are one space, lines are trimmed, and paragraphs are separated by one
///   blank line;
/// - scripts, styles, navigation, comments and the `<head>` (title included) are dropped.
///
/// # Example
///
/// ```
/// use minerpress::{Document, Format};
///
/// let html = b"<p>Riot Announces</p><table><tr><td>Bitcoin Held<sup>2</sup></td>\
///     <td>19,211</td></tr></table>";
/// let doc = Document::from_bytes(html)?;
/// assert_eq!(doc.format(), Format::Html);
/// assert_eq!(doc.text(), "Riot Announces\n\nBitcoin Held[2] | 19,211\n");
/// # Ok::<(), minerpress::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    text: String,
    format: Format,
    encoding: &'static str,
    lossy: bool,
}

/// What kind of input a [`Document`] was made from.
///
/// The kind is decided by content, never by a file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Plain text, used as it is.
    Text,
    /// An HTML page or fragment, converted to text.
    Html,
    /// An SEC EDGAR complete-submission file (`.txt` with `<SEC-DOCUMENT>` and `<DOCUMENT>`
    /// sections): the press-release exhibit (`EX-99.1`, else the lowest `EX-99.x`, else the
    /// first text document) is converted to text, the rest of the filing is left out.
    Edgar,
}

impl Document {
    /// Decodes bytes and converts them to a document.
    ///
    /// The encoding comes from a byte order mark, an HTML `<meta charset>`, valid UTF-8, or
    /// else a statistical guess (windows-1252 for most old filings); bytes that are malformed
    /// in it become U+FFFD and [`Document::lossy`] is true. The format is then detected from
    /// the content as in [`Document::from_str_auto`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotText`] when the bytes look like binary data: NUL bytes in the first
    /// 8 KiB (other than UTF-16's), many control characters, or the signature of a PDF, ZIP,
    /// image or other binary format.
    ///
    /// # Example
    ///
    /// ```
    /// use minerpress::{Document, ErrorKind};
    ///
    /// let doc = Document::from_bytes(b"Bitcoin \x96 1,234 \x93held\x94")?;
    /// assert_eq!(doc.text(), "Bitcoin \u{2013} 1,234 \u{201c}held\u{201d}");
    /// assert_eq!(doc.encoding(), "windows-1252");
    ///
    /// let err = Document::from_bytes(b"%PDF-1.7\n").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::NotText { .. }));
    /// # Ok::<(), minerpress::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Document> {
        if let Some(reason) = binary_reason(bytes) {
            return Err(ErrorKind::NotText {
                reason: reason.to_owned(),
            }
            .into());
        }
        let decoded = decode(bytes);
        let mut doc = Document::from_str_auto(&decoded.text);
        doc.encoding = decoded.encoding;
        doc.lossy = decoded.had_errors;
        Ok(doc)
    }

    /// Converts already decoded text, detecting its format from the content: an EDGAR
    /// submission by its `<SEC-DOCUMENT>`, `<SEC-HEADER>` or `<DOCUMENT>`/`<TYPE>` lines; HTML
    /// when, after whitespace, a doctype and comments, it starts with `<` and has HTML tags
    /// (`html`, `body`, `p`, `div`, `table`, ...) in its first 4 KiB; anything else is plain
    /// text.
    ///
    /// # Example
    ///
    /// ```
    /// use minerpress::{Document, Format};
    ///
    /// let doc = Document::from_str_auto("Riot produced 445 bitcoin.\r\n");
    /// assert_eq!(doc.format(), Format::Text);
    /// assert_eq!(doc.text(), "Riot produced 445 bitcoin.\r\n");
    ///
    /// let doc = Document::from_str_auto("<div>Riot produced <b>445</b> bitcoin.</div>");
    /// assert_eq!(doc.format(), Format::Html);
    /// assert_eq!(doc.text(), "Riot produced 445 bitcoin.\n");
    /// ```
    pub fn from_str_auto(text: &str) -> Document {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let (text, format) = if edgar::is_edgar(text) {
            let converted = match edgar::select(text) {
                Some(part) if part.is_html => html_to_text(part.text),
                Some(part) => edgar::clean_plain(part.text),
                None => edgar::clean_plain(text),
            };
            (converted, Format::Edgar)
        } else if looks_like_html(text) {
            (html_to_text(text), Format::Html)
        } else {
            (text.to_owned(), Format::Text)
        };
        Document {
            text,
            format,
            encoding: "UTF-8",
            lossy: false,
        }
    }

    /// Uses the text exactly as given, without detecting HTML or EDGAR markup.
    ///
    /// # Example
    ///
    /// ```
    /// use minerpress::{Document, Format};
    ///
    /// let doc = Document::plain("<p>kept as is</p>");
    /// assert_eq!(doc.format(), Format::Text);
    /// assert_eq!(doc.text(), "<p>kept as is</p>");
    /// ```
    pub fn plain(text: impl Into<String>) -> Document {
        Document {
            text: text.into(),
            format: Format::Text,
            encoding: "UTF-8",
            lossy: false,
        }
    }

    /// The text that extraction reads and that spans index into.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What the document was made from.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The WHATWG name of the encoding the bytes were decoded from (`UTF-8`,
    /// `windows-1252`, `UTF-16LE`, ...); `UTF-8` for documents made from a `str`.
    pub fn encoding(&self) -> &'static str {
        self.encoding
    }

    /// Whether some bytes were malformed in that encoding and replaced by U+FFFD.
    pub fn lossy(&self) -> bool {
        self.lossy
    }

    /// Consumes the document and returns its text.
    pub fn into_text(self) -> String {
        self.text
    }
}

/// Whether the text is HTML: after whitespace, a doctype, comments and an XML declaration
/// it starts with `<`, and an HTML tag occurs near the start. Plain text that merely mentions
/// a tag does not start with one.
fn looks_like_html(text: &str) -> bool {
    // cannot fail: the end is at most the length, and every later offset is past a prefix
    // just checked or inside a found delimiter (`-->`, `>`, `?>`).
    let head = &text.as_bytes()[..text.len().min(HTML_SNIFF_LEN)];
    let mut rest = head.trim_ascii_start();
    loop {
        if rest.starts_with(b"<!--") {
            match find(rest, b"-->") {
                Some(end) => rest = rest[end + 3..].trim_ascii_start(),
                // A comment running past the sniffed part: nothing but markup so far.
                None => return true,
            }
        } else if starts_with_ignore_case(rest, b"<!doctype") {
            if starts_with_ignore_case(rest[9..].trim_ascii_start(), b"html") {
                return true;
            }
            match rest.iter().position(|&b| b == b'>') {
                Some(end) => rest = rest[end + 1..].trim_ascii_start(),
                None => return false,
            }
        } else if rest.starts_with(b"<?") {
            match find(rest, b"?>") {
                Some(end) => rest = rest[end + 2..].trim_ascii_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    rest.starts_with(b"<") && has_html_tag(rest)
}

fn has_html_tag(head: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"html", b"head", b"body", b"meta", b"title", b"p", b"div", b"span", b"br", b"table",
        b"tr", b"td", b"th", b"ul", b"ol", b"li", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6",
        b"font", b"b", b"a", b"center",
    ];
    let mut i = 0;
    while let Some(at) = head
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        let start = i + at + 1;
        let len = head
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = head.get(start..start + len).unwrap_or_default();
        let after = head.get(start + len).copied();
        let delimited = after.is_none_or(|b| b.is_ascii_whitespace() || b == b'>' || b == b'/');
        if delimited && TAGS.iter().any(|tag| tag.eq_ignore_ascii_case(name)) {
            return true;
        }
        i = start;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn any_bytes_decode_without_panicking(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            // Plain UTF-8 must come back byte for byte.
            if let Ok(doc) = Document::from_bytes(&bytes)
                && doc.format() == Format::Text
                && !doc.lossy()
                && doc.encoding() == "UTF-8"
            {
                let bom = bytes.starts_with(b"\xef\xbb\xbf");
                proptest::prop_assert_eq!(doc.text().as_bytes(), &bytes[if bom { 3 } else { 0 }..]);
            }
        }

        #[test]
        fn any_text_converts_without_panicking(text in "(<[a-zA-Z/!?-]{0,8}[ >]?|[^<]{0,10}|\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n){0,30}") {
            let _ = Document::from_str_auto(&text);
        }
    }

    #[test]
    fn plain_text_is_byte_identical() {
        let text = "Riot Announces\r\n\r\n  CASTLE ROCK, Colo. -- 445 BTC <not a tag>\r\n";
        let doc = Document::from_bytes(text.as_bytes()).expect("text");
        assert_eq!(doc.format(), Format::Text);
        assert_eq!(doc.text(), text);
        assert_eq!(doc.encoding(), "UTF-8");
        assert!(!doc.lossy());
        let mut with_bom = b"\xef\xbb\xbf".to_vec();
        with_bom.extend_from_slice(text.as_bytes());
        assert_eq!(Document::from_bytes(&with_bom).expect("text").text(), text);
        assert_eq!(
            Document::from_str_auto(&format!("\u{feff}{text}")).text(),
            text
        );
        assert_eq!(Document::plain(text).into_text(), text);
    }

    #[test]
    fn windows_1252_bytes() {
        let doc = Document::from_bytes(b"Bitcoin \x96 1,234 \x93held\x94").expect("text");
        assert_eq!(doc.text(), "Bitcoin \u{2013} 1,234 \u{201c}held\u{201d}");
        assert_eq!(doc.encoding(), "windows-1252");
        assert_eq!(doc.format(), Format::Text);
    }

    #[test]
    fn utf16_html() {
        let html = "<html><body><p>Bitcoin Held: 19,211</p></body></html>";
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend(html.encode_utf16().flat_map(u16::to_le_bytes));
        let doc = Document::from_bytes(&bytes).expect("text");
        assert_eq!(doc.encoding(), "UTF-16LE");
        assert_eq!(doc.format(), Format::Html);
        assert_eq!(doc.text(), "Bitcoin Held: 19,211\n");
    }

    #[test]
    fn lossy_utf8() {
        let doc = Document::from_bytes(b"<meta charset=utf-8><p>ok</p>\xff").expect("text");
        assert_eq!(doc.format(), Format::Html);
        let doc = Document::from_bytes(b"\xef\xbb\xbfok \xff").expect("text");
        assert!(doc.lossy());
        assert_eq!(doc.text(), "ok \u{fffd}");
    }

    #[test]
    fn binary_is_not_text() {
        for bytes in [&b"\x00\x01\x02binary"[..], b"%PDF-1.4\n", b"PK\x03\x04rest"] {
            let err = Document::from_bytes(bytes).expect_err("binary");
            assert!(matches!(err.kind(), ErrorKind::NotText { .. }), "{bytes:?}");
        }
    }

    #[test]
    fn html_detection() {
        let html = |s: &str| looks_like_html(s);
        assert!(html("<!DOCTYPE html><p>x"));
        assert!(html("\n  <!-- saved from url --> <HTML><BODY>x"));
        assert!(html(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML\">x"
        ));
        assert!(html("<div class=release>x</div>"));
        assert!(html("<P>Bitcoin</P>"));
        assert!(html("<section><table><tr><td>1</td></tr></table>"));
        assert!(!html("Riot <b>445</b>"));
        assert!(!html("<unknown>text</unknown>"));
        assert!(!html("<PAGE> 2"));
        assert!(!html(""));
        assert!(!html("<"));
    }

    #[test]
    fn html_document() {
        let doc = Document::from_str_auto(
            "<!DOCTYPE html>\n<html><head><title>Riot</title></head><body>\
             <h1>Riot Announces October 2025 Production</h1>\
             <ul><li>Produced 445 bitcoin</li></ul></body></html>",
        );
        assert_eq!(doc.format(), Format::Html);
        assert_eq!(
            doc.text(),
            "Riot Announces October 2025 Production\n\n- Produced 445 bitcoin\n"
        );
    }

    #[test]
    fn edgar_document() {
        let filing = "<SEC-DOCUMENT>0001.txt : 20251202\n<SEC-HEADER>0001.hdr.sgml : 20251202\n\
            FILED AS OF DATE:\t\t20251202\n</SEC-HEADER>\n\
            <DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>d8k.htm\n<TEXT>\n\
            <html><body><p>Cover page</p></body></html>\n</TEXT>\n</DOCUMENT>\n\
            <DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>2\n<FILENAME>g1.jpg\n<TEXT>\n\
            begin 644 g1.jpg\nM_]C_X``02D9)1@`!`0$`8`!@``#_VP!#``(!`0$!`0(!`0$\nend\n</TEXT>\n</DOCUMENT>\n\
            <DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>3\n<FILENAME>dex991.htm\n<TEXT>\n\
            <html><body><p>Riot Announces</p><table><tr><td>Bitcoin Produced</td><td>445</td></tr>\
            </table></body></html>\n</TEXT>\n</DOCUMENT>\n\
            <DOCUMENT>\n<TYPE>EX-101.INS\n<SEQUENCE>4\n<FILENAME>riot.xml\n<TEXT>\n<XBRL>\n\
            <xbrli:xbrl/>\n</XBRL>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
        let doc = Document::from_bytes(filing.as_bytes()).expect("text");
        assert_eq!(doc.format(), Format::Edgar);
        assert_eq!(doc.text(), "Riot Announces\n\nBitcoin Produced | 445\n");
    }

    #[test]
    fn old_plain_text_filing() {
        let filing = "<SEC-DOCUMENT>0001.txt : 20040203\n<SEC-HEADER>\n</SEC-HEADER>\n\
            <DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nPRESS RELEASE\n\n<PAGE>\nRevenue was $1.2 million.\n\
            </TEXT>\n</DOCUMENT>\n";
        let doc = Document::from_str_auto(filing);
        assert_eq!(doc.format(), Format::Edgar);
        assert_eq!(doc.text(), "PRESS RELEASE\n\nRevenue was $1.2 million.\n");
    }
}
