//! SEC EDGAR complete-submission files (`0001193125-25-123456.txt`).
//!
//! A submission wraps an SGML-like header and several documents:
//!
//! ```text
//! <SEC-DOCUMENT>0001104659-25-115432.txt : 20251202
//! <SEC-HEADER>0001104659-25-115432.hdr.sgml : 20251202
//! FILED AS OF DATE:        20251202
//! </SEC-HEADER>
//! <DOCUMENT>
//! <TYPE>EX-99.1
//! <SEQUENCE>2
//! <FILENAME>tm2532123d1_ex99-1.htm
//! <TEXT>
//! <html>...</html>
//! </TEXT>
//! </DOCUMENT>
//! ```
//!
//! A miner's production update is filed as an 8-K whose exhibit 99.1 is the press release; the
//! 8-K itself is a cover page. Images, XBRL and spreadsheets are wrapped the same way.

use chrono::NaiveDate;

/// How far into a file the submission markers are looked for.
const MARKER_SCAN_LEN: usize = 16 * 1024;

/// The document of a submission that holds the text to extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EdgarPart<'a> {
    /// The body between `<TEXT>` and `</TEXT>`.
    pub text: &'a str,
    /// Whether the body is HTML (else plain text with SGML page and table marks).
    pub is_html: bool,
    /// The `<TYPE>`, e.g. `EX-99.1`.
    pub doc_type: &'a str,
    /// The `<FILENAME>`, when given.
    pub filename: Option<&'a str>,
}

/// Whether the text is an EDGAR submission (or one document cut from one): a
/// `<SEC-DOCUMENT>`, `<SEC-HEADER>` (or the older `<IMS-...>`) line, or a `<DOCUMENT>` line
/// followed by a `<TYPE>` line, near the start.
pub(crate) fn is_edgar(text: &str) -> bool {
    // cannot fail: the end is at most the length.
    let head = &text.as_bytes()[..text.len().min(MARKER_SCAN_LEN)];
    let mut lines = head
        .split(|&b| b == b'\n')
        .map(<[u8]>::trim_ascii)
        .peekable();
    while let Some(line) = lines.next() {
        if [
            &b"<SEC-DOCUMENT>"[..],
            b"<SEC-HEADER>",
            b"<IMS-DOCUMENT>",
            b"<IMS-HEADER>",
        ]
        .iter()
        .any(|marker| line.starts_with(marker))
        {
            return true;
        }
        if line == b"<DOCUMENT>" && lines.peek().is_some_and(|next| next.starts_with(b"<TYPE>")) {
            return true;
        }
    }
    false
}

/// The press-release exhibit of a submission: the `EX-99.x` document (99.1 first, then the
/// lowest number), else the first document with text in it (not an image, archive,
/// spreadsheet, PDF, XML, JSON or XBRL exhibit, and not uuencoded).
pub(crate) fn select(text: &str) -> Option<EdgarPart<'_>> {
    let documents: Vec<Document<'_>> = documents(text).filter(|d| !d.is_binary_or_data()).collect();
    let exhibit = documents
        .iter()
        .enumerate()
        .filter_map(|(order, d)| Some((d.ex99_rank()?, order, d)))
        .min_by_key(|&(rank, order, _)| (rank, order))
        .map(|(_, _, d)| d);
    exhibit.or(documents.first()).map(|d| EdgarPart {
        text: d.body,
        is_html: d.is_html(),
        doc_type: d.doc_type,
        filename: d.filename,
    })
}

/// The `FILED AS OF DATE` of the submission header.
// Not used by the converter itself; the extractor may take it as a fallback release date.
#[allow(dead_code)]
pub(crate) fn filed_date(text: &str) -> Option<NaiveDate> {
    let header_end = find_line(text, 0, "<DOCUMENT>").unwrap_or(text.len());
    let header = text.get(..header_end)?;
    let at = header.find("FILED AS OF DATE:")? + "FILED AS OF DATE:".len();
    let date = header.get(at..)?.trim_start();
    let digits = date
        .get(..8)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    let year = digits.get(..4)?.parse().ok()?;
    let month = digits.get(4..6)?.parse().ok()?;
    let day = digits.get(6..8)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A plain-text EDGAR body made readable: `<PAGE>` lines and the SGML table marks of old
/// filings (`<TABLE>`, `<CAPTION>`, `<S>`, `<C>`, `<FN>`) are removed, `<S>`/`<C>` inside a
/// line become spaces of the same width (columns stay aligned), and footnote references
/// `<F1>` become `[1]` as in HTML. Everything else, line endings included, is kept.
pub(crate) fn clean_plain(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.split_inclusive('\n') {
        let content = line.trim();
        if is_page_mark(content) || is_table_mark_line(content) {
            continue;
        }
        if !content.contains('<') {
            out.push_str(line);
            continue;
        }
        let mut rest = line;
        // cannot fail: every offset below is that of an ASCII mark just found or matched
        // (`<`, `<S>`, `<C>`, `<F1>`), so it is in the line and on a character boundary.
        while let Some(at) = rest.find('<') {
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            if rest.starts_with("<S>") || rest.starts_with("<C>") {
                out.push_str("   ");
                rest = &rest[3..];
            } else if let Some(marker) = footnote_ref(rest) {
                out.push('[');
                out.push_str(marker);
                out.push(']');
                rest = &rest[marker.len() + 3..];
            } else {
                out.push('<');
                rest = &rest[1..];
            }
        }
        out.push_str(rest);
    }
    out
}

/// `<PAGE>`, optionally followed by a page number.
fn is_page_mark(line: &str) -> bool {
    line.strip_prefix("<PAGE>").is_some_and(|rest| {
        rest.trim()
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

/// A line of nothing but SGML table marks, e.g. `<S>   <C>   <C>` or `</TABLE>`.
fn is_table_mark_line(line: &str) -> bool {
    const MARKS: [&str; 10] = [
        "<TABLE>",
        "</TABLE>",
        "<CAPTION>",
        "</CAPTION>",
        "<FN>",
        "</FN>",
        "<S>",
        "<C>",
        "</S>",
        "</C>",
    ];
    let mut rest = line;
    let mut any = false;
    while !rest.is_empty() {
        match MARKS.iter().find(|m| rest.starts_with(*m)) {
            Some(mark) => {
                // cannot fail: `rest` starts with `mark`.
                rest = rest[mark.len()..].trim_start();
                any = true;
            }
            None => return false,
        }
    }
    any
}

/// The `1` of a `<F1>` footnote reference at the start of `s`.
fn footnote_ref(s: &str) -> Option<&str> {
    let digits = s.strip_prefix("<F")?;
    let end = digits.find('>')?;
    // cannot fail: `end` is the offset of a `>` in `digits`.
    let marker = &digits[..end];
    (!marker.is_empty() && marker.len() <= 3 && marker.bytes().all(|b| b.is_ascii_digit()))
        .then_some(marker)
}

#[derive(Debug)]
struct Document<'a> {
    doc_type: &'a str,
    filename: Option<&'a str>,
    body: &'a str,
}

impl Document<'_> {
    /// `EX-99.1` ranks first, then `EX-99` and `EX-99.n` by `n`, then `EX-99` variants with
    /// letters; `None` for any other type.
    fn ex99_rank(&self) -> Option<(u8, u32)> {
        let rest = strip_prefix_ignore_case(self.doc_type, "EX-99")?;
        let minor = match rest.strip_prefix('.') {
            None if rest.is_empty() => 0,
            None => return None,
            Some(minor) => {
                let digits = minor.bytes().take_while(u8::is_ascii_digit).count();
                match minor.get(..digits).and_then(|d| d.parse().ok()) {
                    Some(n) => n,
                    None => return Some((2, 0)),
                }
            }
        };
        Some((u8::from(minor != 1), minor))
    }

    fn is_binary_or_data(&self) -> bool {
        let t = self.doc_type.to_ascii_uppercase();
        if matches!(
            t.as_str(),
            "GRAPHIC" | "ZIP" | "EXCEL" | "PDF" | "XML" | "JSON"
        ) || t.starts_with("EX-101")
            || t.contains("XBRL")
        {
            return true;
        }
        let extension = self
            .filename
            .and_then(|f| f.rsplit_once('.'))
            .map(|(_, ext)| ext.to_ascii_lowercase());
        if let Some(ext) = extension {
            let data = [
                "jpg", "jpeg", "gif", "png", "bmp", "svg", "pdf", "zip", "xls", "xlsx", "xml",
                "xsd", "json", "js", "css",
            ];
            if data.contains(&ext.as_str()) {
                return true;
            }
        }
        let body = self.body.trim_start();
        body.is_empty() || is_uuencoded(body) || starts_with_ignore_case(body, "<PDF>")
    }

    fn is_html(&self) -> bool {
        let extension = self
            .filename
            .and_then(|f| f.rsplit_once('.'))
            .map(|(_, ext)| ext.to_ascii_lowercase());
        match extension.as_deref() {
            Some("htm" | "html" | "xhtml") => return true,
            Some("txt") => return false,
            _ => {}
        }
        // Old plain-text bodies use SGML `<TABLE>` and `<PAGE>` too, so only tags that plain
        // filings never have count as evidence.
        // cannot fail: the end is at most the length.
        let head = &self.body.as_bytes()[..self.body.len().min(4096)];
        let lower = head.to_ascii_lowercase();
        [
            "<html",
            "<body",
            "<!doctype html",
            "<div",
            "<p>",
            "<p ",
            "<font",
            "<br",
            "<xbrl",
        ]
        .iter()
        .any(|tag| lower.windows(tag.len()).any(|w| w == tag.as_bytes()))
    }
}

/// `begin 644 name.jpg`: the start of a uuencoded file.
fn is_uuencoded(body: &str) -> bool {
    body.strip_prefix("begin ").is_some_and(|rest| {
        let mode = rest.bytes().take_while(u8::is_ascii_digit).count();
        (3..=4).contains(&mode) && rest.as_bytes().get(mode) == Some(&b' ')
    })
}

/// The documents of a submission in file order. A missing `</DOCUMENT>` or `</TEXT>` ends
/// the document at the next `<DOCUMENT>` or the end of input.
fn documents(text: &str) -> impl Iterator<Item = Document<'_>> {
    let mut next = find_line(text, 0, "<DOCUMENT>");
    std::iter::from_fn(move || {
        let start = next?;
        let content = start + "<DOCUMENT>".len();
        next = find_line(text, content, "<DOCUMENT>");
        let limit = next.unwrap_or(text.len());
        let end = find_line(text.get(..limit)?, content, "</DOCUMENT>").unwrap_or(limit);
        Some(parse_document(text.get(content..end)?))
    })
}

fn parse_document(doc: &str) -> Document<'_> {
    let text_start = find_line(doc, 0, "<TEXT>");
    let header = doc
        .get(..text_start.unwrap_or(doc.len()))
        .unwrap_or_default();
    let body = match text_start {
        None => "",
        Some(at) => {
            let after = at + "<TEXT>".len();
            // The body starts on the line after the mark.
            let start = doc
                .get(after..)
                .and_then(|rest| rest.find('\n'))
                .map_or(doc.len(), |nl| after + nl + 1);
            let rest = doc.get(start..).unwrap_or_default();
            let end = rfind_line(rest, "</TEXT>").unwrap_or(rest.len());
            rest.get(..end).unwrap_or_default()
        }
    };
    let field = |name: &str| {
        header.lines().find_map(|line| {
            let value = line.trim_start().strip_prefix(name)?.trim();
            (!value.is_empty()).then_some(value)
        })
    };
    Document {
        doc_type: field("<TYPE>").unwrap_or_default(),
        filename: field("<FILENAME>"),
        body,
    }
}

/// The offset of the first `mark` at or after `from` that starts a line.
fn find_line(text: &str, from: usize, mark: &str) -> Option<usize> {
    let mut from = from;
    loop {
        let at = from + text.get(from..)?.find(mark)?;
        let before = at.checked_sub(1).and_then(|i| text.as_bytes().get(i));
        if before.is_none_or(|&b| b == b'\n') {
            return Some(at);
        }
        from = at + mark.len();
    }
}

/// The offset of the last `mark` that starts a line.
fn rfind_line(text: &str, mark: &str) -> Option<usize> {
    let mut to = text.len();
    loop {
        let at = text.get(..to)?.rfind(mark)?;
        let before = at.checked_sub(1).and_then(|i| text.as_bytes().get(i));
        if before.is_none_or(|&b| b == b'\n') {
            return Some(at);
        }
        to = at;
    }
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    // cannot fail: `head`, the first `prefix.len()` bytes, was sliced on a boundary.
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    strip_prefix_ignore_case(s, prefix).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUBMISSION: &str = "\
<SEC-DOCUMENT>0001104659-25-115432.txt : 20251202
<SEC-HEADER>0001104659-25-115432.hdr.sgml : 20251202
<ACCEPTANCE-DATETIME>20251202163012
ACCESSION NUMBER:\t\t0001104659-25-115432
CONFORMED SUBMISSION TYPE:\t8-K
PUBLIC DOCUMENT COUNT:\t\t5
FILED AS OF DATE:\t\t20251202
</SEC-HEADER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<FILENAME>tm2532123d1_8k.htm
<DESCRIPTION>FORM 8-K
<TEXT>
<XBRL>
<html><body><p>Item 7.01 Regulation FD Disclosure. See Exhibit 99.1.</p></body></html>
</XBRL>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>GRAPHIC
<SEQUENCE>2
<FILENAME>tm2532123d1_logo.jpg
<DESCRIPTION>GRAPHIC
<TEXT>
begin 644 tm2532123d1_logo.jpg
M_]C_X``02D9)1@`!`0$`8`!@``#_VP!#``(!`0$!`0(!`0$\"`@(\"`@0#`@(\"
end
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>3
<FILENAME>tm2532123d1_ex99-1.htm
<DESCRIPTION>EXHIBIT 99.1
<TEXT>
<html><body>
<p>Riot Announces November 2025 Production</p>
<table><tr><td>Bitcoin Produced</td><td>428</td></tr></table>
</body></html>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-101.SCH
<SEQUENCE>4
<FILENAME>riot-20251202.xsd
<DESCRIPTION>XBRL TAXONOMY EXTENSION SCHEMA
<TEXT>
<XBRL>
<?xml version=\"1.0\" encoding=\"utf-8\"?>
<xs:schema/>
</XBRL>
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
";

    #[test]
    fn detects_submissions() {
        assert!(is_edgar(SUBMISSION));
        assert!(is_edgar(
            "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nhi\n</TEXT>\n</DOCUMENT>\n"
        ));
        assert!(is_edgar(
            "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\r\n<SEC-DOCUMENT>x\r\n"
        ));
        assert!(!is_edgar("<html><body><p>Riot Announces</p></body></html>"));
        assert!(!is_edgar("Plain text mentioning <SEC-HEADER> in passing."));
        assert!(!is_edgar(""));
    }

    #[test]
    fn selects_the_press_release_exhibit() {
        let part = select(SUBMISSION).expect("the exhibit");
        assert_eq!(part.doc_type, "EX-99.1");
        assert_eq!(part.filename, Some("tm2532123d1_ex99-1.htm"));
        assert!(part.is_html);
        assert!(part.text.starts_with("<html><body>\n<p>Riot Announces"));
        assert!(part.text.ends_with("</body></html>\n"));
    }

    #[test]
    fn prefers_99_1_then_the_lowest() {
        let doc = |t: &str, body: &str| {
            format!(
                "<DOCUMENT>\n<TYPE>{t}\n<FILENAME>x.txt\n<TEXT>\n{body}\n</TEXT>\n</DOCUMENT>\n"
            )
        };
        let text = [
            doc("8-K", "cover"),
            doc("EX-99.3", "three"),
            doc("EX-99.2", "two"),
        ]
        .concat();
        assert_eq!(select(&text).map(|p| p.text), Some("two\n"));
        let text = [doc("EX-99.2", "two"), doc("EX-99.1", "one")].concat();
        assert_eq!(select(&text).map(|p| p.text), Some("one\n"));
        let text = [doc("EX-99.01", "one"), doc("EX-99", "bare")].concat();
        assert_eq!(select(&text).map(|p| p.doc_type), Some("EX-99.01"));
    }

    #[test]
    fn falls_back_to_the_first_text_document() {
        let text = "<SEC-HEADER>\n</SEC-HEADER>\n\
            <DOCUMENT>\n<TYPE>GRAPHIC\n<TEXT>\nbegin 644 a.gif\nM\nend\n</TEXT>\n</DOCUMENT>\n\
            <DOCUMENT>\n<TYPE>EX-101.INS\n<TEXT>\n<XBRL>\n<xbrl/>\n</XBRL>\n</TEXT>\n</DOCUMENT>\n\
            <DOCUMENT>\n<TYPE>6-K\n<TEXT>\n<PAGE>\nTitle\n</TEXT>\n</DOCUMENT>\n";
        let part = select(text).expect("the 6-K");
        assert_eq!(part.doc_type, "6-K");
        assert!(!part.is_html);
        assert_eq!(part.text, "<PAGE>\nTitle\n");
    }

    #[test]
    fn uuencoded_exhibit_is_skipped() {
        let text = "<DOCUMENT>\n<TYPE>EX-99.1\n<FILENAME>ex.dat\n<TEXT>\nbegin 644 ex.dat\nM\nend\n\
            </TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\ncover\n</TEXT>\n</DOCUMENT>\n";
        assert_eq!(select(text).map(|p| p.doc_type), Some("8-K"));
    }

    #[test]
    fn missing_end_marks() {
        let text =
            "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nfirst\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nsecond";
        assert_eq!(select(text).map(|p| p.text), Some("first\n"));
        assert_eq!(select("<DOCUMENT>\n<TYPE>8-K\n"), None);
        assert_eq!(select("<DOCUMENT>\n<TYPE>8-K\n<TEXT>"), None);
        assert_eq!(select("no documents"), None);
    }

    #[test]
    fn crlf_submissions() {
        let text = SUBMISSION.replace('\n', "\r\n");
        let part = select(&text).expect("the exhibit");
        assert_eq!(part.doc_type, "EX-99.1");
        assert!(part.text.starts_with("<html><body>\r\n"));
    }

    #[test]
    fn filing_date() {
        assert_eq!(filed_date(SUBMISSION), NaiveDate::from_ymd_opt(2025, 12, 2));
        assert_eq!(filed_date("FILED AS OF DATE: 2025130"), None);
        assert_eq!(filed_date("<DOCUMENT>\nFILED AS OF DATE: 20251202"), None);
    }

    #[test]
    fn plain_bodies_lose_page_and_table_marks() {
        let body = "Production update\n<PAGE>\n\n<PAGE>   2\n<TABLE>\n<CAPTION>\n\
            \x20                 Oct 2004\n<S>               <C>\nBitcoin<F1>      <C>  445\n</TABLE>\n\
            <FN>\n<F1> Unaudited.\n</FN>\nKeep <this> and a < b\r\n";
        assert_eq!(
            clean_plain(body),
            "Production update\n\n                  Oct 2004\nBitcoin[1]           445\n\
             [1] Unaudited.\nKeep <this> and a < b\r\n"
        );
    }
}
