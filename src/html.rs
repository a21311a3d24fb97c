//! HTML to line-oriented text, in source order.
//!
//! The extractor reads numbers in the context of the words around them, so the text it gets
//! must keep what belongs together on one line and keep apart what does not:
//!
//! - every block element (`p`, `div`, `li`, `h1`, ...) starts a new line; paragraphs, headings
//!   and lists are set off by one blank line, never more;
//! - every table row is one line, its non-empty cells joined by `" | "`; a header row over
//!   column groups (`colspan`) and the row that names the groups' columns become one line;
//! - list items start with `"- "`;
//! - short footnote markers in `<sup>`/`<sub>` (or in an element styled
//!   `vertical-align: super`) become `[x]`, so `19,211<sup>3</sup>` reads `19,211[3]`, never
//!   `19,2113`;
//! - inline elements add nothing, so `<span>60</span>.<span>4</span>` stays `60.4`;
//! - whitespace runs become one space, lines are trimmed, and U+00A0 is a space.
//!
//! Tokens come from html5gum, which decodes entities and, with `naively_switch_states`, keeps
//! the insides of `<script>` and `<style>` from being read as markup. There is no tree: the
//! converter keeps a few counters instead of an element stack, so its memory does not grow
//! with nesting depth and every token costs O(1) plus its text. Text comes out in source
//! order, unlike a spec tree builder, which moves stray table content before the table.

use std::convert::Infallible;
use std::mem;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};

/// Separator between the cells of a table row.
pub(crate) const CELL_SEPARATOR: &str = " | ";

/// Column and row spans beyond this are read as this: no real table spans more.
const MAX_SPAN: usize = 64;

/// A cell of a table row with the columns and rows its tag says it spans.
#[derive(Debug, Clone)]
struct Cell {
    text: String,
    colspan: usize,
    rowspan: usize,
}

/// Text collected for a possible footnote marker beyond this many bytes is ordinary text.
const MAX_MARKER_BYTES: usize = 32;

/// Converts an HTML document or fragment to text (see the module documentation for the rules).
/// Never fails: any input is some HTML.
pub(crate) fn html_to_text(html: &str) -> String {
    let mut converter = Converter::default();
    let mut emitter = CallbackEmitter::new(
        |event: CallbackEvent<'_>, _: Span<()>| -> Option<Infallible> {
            converter.event(event);
            None
        },
    );
    emitter.naively_switch_states(true);
    let Ok(()) = Tokenizer::new_with_emitter(html, emitter).finish();
    converter.finish()
}

/// How strongly a block boundary separates what comes before from what comes after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    /// A new line.
    Line = 1,
    /// A blank line.
    Para = 2,
}

/// Text with collapsed whitespace, either the document (many lines) or one table cell (one
/// line, whose block boundaries are remembered in case the cell turns out never to end).
#[derive(Debug, Default)]
struct Text {
    buf: String,
    /// Line breaks owed before the next content: 0, 1 (new line) or 2 (blank line).
    pending: u8,
    /// A space is owed before the next content on the same line.
    space: bool,
    /// Printed at the start of the next line's content (the list marker).
    prefix: Option<&'static str>,
    /// A single-line text: boundaries become spaces and are recorded in `breaks`.
    single_line: bool,
    breaks: Vec<(usize, Break)>,
}

impl Text {
    fn cell() -> Text {
        Text {
            single_line: true,
            ..Text::default()
        }
    }

    fn line_has_content(&self) -> bool {
        !self.buf.is_empty() && self.pending == 0
    }

    fn push_text(&mut self, text: &str, pre: bool) {
        for c in text.chars() {
            if c == '\n' && pre {
                self.hard_break();
            } else if c.is_whitespace() {
                // Covers U+00A0 and the other Unicode spaces.
                self.space |= self.line_has_content();
            } else if !is_invisible(c) {
                self.content_start();
                self.buf.push(c);
            }
        }
    }

    /// Pays what is owed (newlines, space, list marker) before content.
    fn content_start(&mut self) {
        if self.line_has_content() {
            if self.space {
                self.buf.push(' ');
            }
        } else {
            if !self.buf.is_empty() {
                for _ in 0..self.pending {
                    self.buf.push('\n');
                }
            }
            if let Some(prefix) = self.prefix.take() {
                self.buf.push_str(prefix);
            }
        }
        self.pending = 0;
        self.space = false;
    }

    fn brk(&mut self, strength: Break) {
        if self.single_line {
            if !self.buf.is_empty() {
                self.space = true;
                let at = self.buf.len();
                match self.breaks.last_mut() {
                    Some((last, s)) if *last == at => *s = (*s).max(strength),
                    _ => self.breaks.push((at, strength)),
                }
            }
        } else {
            self.space = false;
            self.pending = self.pending.max(strength as u8);
        }
    }

    /// `<br>`, or a newline in `<pre>`: unlike a block boundary, two in a row make a blank
    /// line.
    fn hard_break(&mut self) {
        if self.single_line || self.line_has_content() {
            self.brk(Break::Line);
        } else {
            self.pending = (self.pending + 1).min(Break::Para as u8);
        }
    }

    /// The last character of the current line, if content ends it without a pending space.
    fn last_char(&self) -> Option<char> {
        if self.line_has_content() && !self.space {
            self.buf.chars().next_back()
        } else {
            None
        }
    }

    fn finish(mut self) -> String {
        if !self.buf.is_empty() {
            self.buf.push('\n');
        }
        self.buf
    }
}

/// Zero-width and formatting characters that would split a number or word invisibly.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// A `<sup>`-like element whose text may be a footnote marker.
#[derive(Debug)]
struct Footnote {
    /// The element's name, to find its end tag.
    name: Vec<u8>,
    /// Open elements of that name, counting this one.
    depth: usize,
    buf: String,
}

/// An element whose content is ignored altogether (`svg`, `nav`, ...).
#[derive(Debug)]
struct Skip {
    name: &'static [u8],
    depth: usize,
}

#[derive(Debug, Default)]
struct Converter {
    out: Text,
    /// The start tag being read.
    tag: Vec<u8>,
    attr: Vec<u8>,
    tag_is_super: bool,
    /// Inside an element whose raw text is dropped (`script`, `style`, `title`...), which
    /// ends with the next end tag: html5gum reads nothing else until then.
    drop_text: bool,
    skip: Option<Skip>,
    in_head: bool,
    /// Open `<pre>`-like elements, in which newlines are line breaks.
    pre: usize,
    /// Table nesting: 0 outside tables, 1 in a table, more in tables inside its cells.
    table: usize,
    /// The cells of the open row of the outermost table, empty ones included.
    row: Vec<Cell>,
    /// The spans the open cell's start tag gave: (colspan, rowspan).
    spans: (usize, usize),
    /// A header row over column groups ("Comparison (%)" across "Month/Month" and
    /// "Year/Year"), held until the next row shows whether it names the groups' columns.
    held: Option<Vec<Cell>>,
    /// A row label spanning the rows below it, with how many rows it still spans.
    carry: Option<(String, usize)>,
    /// The open cell of the outermost table; nested tables flow into it.
    cell: Option<Text>,
    footnote: Option<Footnote>,
}

impl Converter {
    fn event(&mut self, event: CallbackEvent<'_>) {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                if matches!(name, b"td" | b"th") && self.table <= 1 {
                    self.spans = (1, 1);
                }
                self.tag.clear();
                self.tag.extend_from_slice(name);
                self.tag_is_super = false;
                self.attr.clear();
            }
            CallbackEvent::AttributeName { name } => {
                self.attr.clear();
                self.attr.extend_from_slice(name);
            }
            CallbackEvent::AttributeValue { value } => {
                if self.attr == b"style" && is_super_style(value) {
                    self.tag_is_super = true;
                }
                if matches!(self.tag.as_slice(), b"td" | b"th") && self.table <= 1 {
                    let n = || {
                        std::str::from_utf8(value)
                            .ok()
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .map_or(1, |n| n.clamp(1, MAX_SPAN))
                    };
                    match self.attr.as_slice() {
                        b"colspan" => self.spans.0 = n(),
                        b"rowspan" => self.spans.1 = n(),
                        _ => {}
                    }
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                let name = mem::take(&mut self.tag);
                self.start_tag(&name, self_closing);
                self.tag = name;
            }
            CallbackEvent::EndTag { name } => self.end_tag(name),
            CallbackEvent::String { value } => self.text(&String::from_utf8_lossy(value)),
            CallbackEvent::Comment { .. }
            | CallbackEvent::Doctype { .. }
            | CallbackEvent::Error(_) => {}
        }
    }

    fn start_tag(&mut self, name: &[u8], self_closing: bool) {
        if let Some(skip) = &mut self.skip {
            if name == skip.name && !self_closing {
                skip.depth += 1;
            }
            // An unclosed `<nav>` must not swallow a second document.
            if !matches!(name, b"html" | b"body") {
                return;
            }
            self.skip = None;
        }
        // Any element that cannot be in the head implies its end, as in the HTML standard.
        self.in_head &= matches!(
            name,
            b"meta"
                | b"link"
                | b"base"
                | b"title"
                | b"script"
                | b"style"
                | b"noscript"
                | b"template"
        );
        if let Some(footnote) = &mut self.footnote
            && footnote.name == name
            && !is_void(name)
        {
            footnote.depth += 1;
        }
        match name {
            b"html" | b"body" => self.close_everything(),
            b"head" => self.in_head = true,
            _ if drops_text(name) => self.drop_text = true,
            _ if skips_content(name).is_some() => {
                if let Some(skip) = skips_content(name).filter(|_| !self_closing) {
                    self.abort_footnote();
                    self.skip = Some(Skip {
                        name: skip,
                        depth: 1,
                    });
                }
            }
            b"table" => self.open_table(),
            b"tr" => self.open_row(),
            b"td" | b"th" => self.open_cell(),
            b"thead" | b"tbody" | b"tfoot" | b"caption" => self.table_section(),
            b"col" | b"colgroup" => {}
            b"br" => {
                self.abort_footnote();
                self.sink().hard_break();
            }
            b"li" => {
                self.block(Break::Line);
                if self.cell.is_none() {
                    self.out.prefix = Some("- ");
                }
            }
            b"pre" | b"listing" | b"xmp" | b"plaintext" => {
                self.block(Break::Para);
                self.pre += 1;
            }
            b"sup" | b"sub" => self.open_footnote(name),
            _ => {
                if let Some(strength) = block_break(name) {
                    self.block(strength);
                } else if self.tag_is_super && !is_void(name) {
                    self.open_footnote(name);
                }
            }
        }
    }

    fn end_tag(&mut self, name: &[u8]) {
        if let Some(skip) = &mut self.skip {
            if name == skip.name {
                skip.depth -= 1;
                if skip.depth == 0 {
                    self.skip = None;
                }
            }
            if !matches!(name, b"html" | b"body") {
                return;
            }
            self.skip = None;
        }
        self.drop_text = false;
        if let Some(footnote) = &mut self.footnote
            && footnote.name == name
        {
            footnote.depth -= 1;
            if footnote.depth == 0 {
                self.close_footnote();
            }
        }
        match name {
            b"html" | b"body" => self.close_everything(),
            b"head" => self.in_head = false,
            b"table" => self.close_table(),
            b"tr" => self.close_row_tag(),
            b"td" | b"th" => self.close_cell_tag(),
            b"thead" | b"tbody" | b"tfoot" => self.table_section(),
            b"caption" => self.block(Break::Line),
            b"br" => {
                // `</br>` is a `<br>` in every browser.
                self.abort_footnote();
                self.sink().hard_break();
            }
            b"li" => {
                self.block(Break::Line);
                self.out.prefix = None;
            }
            b"pre" | b"listing" | b"xmp" => {
                self.block(Break::Para);
                self.pre = self.pre.saturating_sub(1);
            }
            _ => {
                if let Some(strength) = block_break(name) {
                    self.block(strength);
                }
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.drop_text || self.skip.is_some() {
            return;
        }
        if self.in_head {
            if text.chars().all(char::is_whitespace) {
                return;
            }
            self.in_head = false;
        }
        if let Some(footnote) = &mut self.footnote {
            footnote.buf.push_str(text);
            if footnote.buf.len() > MAX_MARKER_BYTES {
                self.abort_footnote();
            }
            return;
        }
        let pre = self.pre > 0;
        self.sink().push_text(text, pre);
    }

    fn finish(mut self) -> String {
        self.abort_footnote();
        self.close_table_abruptly();
        self.out.finish()
    }

    /// Where text goes: the open cell, else the document (text in a table outside any cell
    /// becomes a line of its own).
    fn sink(&mut self) -> &mut Text {
        match &mut self.cell {
            Some(cell) => cell,
            None => &mut self.out,
        }
    }

    fn block(&mut self, strength: Break) {
        self.abort_footnote();
        self.sink().brk(strength);
    }

    fn close_everything(&mut self) {
        self.abort_footnote();
        self.close_table_abruptly();
        self.in_head = false;
        self.pre = 0;
        self.out.brk(Break::Para);
    }

    // Footnote markers.

    fn open_footnote(&mut self, name: &[u8]) {
        if self.footnote.is_none() {
            self.footnote = Some(Footnote {
                name: name.to_vec(),
                depth: 1,
                buf: String::new(),
            });
        }
    }

    fn close_footnote(&mut self) {
        let Some(footnote) = self.footnote.take() else {
            return;
        };
        let after_digit = self.sink().last_char().is_some_and(|c| c.is_ascii_digit());
        match render_marker(&footnote.buf, after_digit) {
            Some(marker) => self.sink().push_text(&marker, false),
            None => self.sink().push_text(&footnote.buf, false),
        }
    }

    /// A boundary inside a `<sup>`, or too much text, means it was no marker (or was never
    /// closed): its text so far becomes ordinary text and the element is forgotten, so that
    /// an unclosed `<sup>` cannot disable markers for the rest of the document.
    fn abort_footnote(&mut self) {
        if let Some(footnote) = self.footnote.take() {
            let pre = self.pre > 0;
            self.sink().push_text(&footnote.buf, pre);
        }
    }

    // Tables. Only the outermost table has rows and cells; tables nested in its cells flow
    // into the cell as text.

    fn open_table(&mut self) {
        self.abort_footnote();
        match self.table {
            0 => {
                self.out.prefix = None;
                self.out.brk(Break::Para);
                self.table = 1;
            }
            1 if self.cell.is_none() => {
                // A table start tag directly in a table closes it (HTML standard, "in table").
                self.close_table();
                self.open_table();
            }
            _ => {
                self.table += 1;
                self.sink().brk(Break::Line);
            }
        }
    }

    fn close_table(&mut self) {
        self.abort_footnote();
        match self.table {
            0 => {}
            1 => {
                self.close_row(false);
                if let Some(held) = self.held.take() {
                    self.emit_row(&held);
                }
                self.carry = None;
                self.table = 0;
                self.out.brk(Break::Para);
            }
            _ => {
                self.table -= 1;
                self.sink().brk(Break::Line);
            }
        }
    }

    /// Closes the table at the end of input or of a document (`</body>`). A cell still open
    /// then probably was never closed, and the paragraphs that followed it belong after the
    /// table: the cell keeps its first block and the rest become lines after the row.
    fn close_table_abruptly(&mut self) {
        if self.table > 0 {
            self.close_row(true);
            self.table = 0;
            self.out.brk(Break::Para);
        }
    }

    fn open_row(&mut self) {
        self.abort_footnote();
        match self.table {
            0 => self.open_table(),
            1 => self.close_row(false),
            _ => self.sink().brk(Break::Line),
        }
    }

    fn close_row_tag(&mut self) {
        self.abort_footnote();
        match self.table {
            0 => self.out.brk(Break::Line),
            1 => self.close_row(false),
            _ => self.sink().brk(Break::Line),
        }
    }

    fn open_cell(&mut self) {
        self.abort_footnote();
        if self.table == 0 {
            // A cell without a table (a fragment): its text must still not run into the
            // next cell's.
            self.open_table();
        }
        if self.table == 1 {
            self.close_cell(false);
            self.cell = Some(Text::cell());
        } else {
            self.sink().brk(Break::Line);
        }
    }

    fn close_cell_tag(&mut self) {
        self.abort_footnote();
        match self.table {
            0 => self.out.brk(Break::Line),
            1 => {
                self.close_cell(false);
            }
            _ => self.sink().brk(Break::Line),
        }
    }

    fn table_section(&mut self) {
        self.abort_footnote();
        match self.table {
            0 => self.out.brk(Break::Line),
            1 => self.close_row(false),
            _ => self.sink().brk(Break::Line),
        }
    }

    /// Moves the open cell's text into the row; with `abrupt`, returns the blocks after its
    /// first one, which belong after the row.
    fn close_cell(&mut self, abrupt: bool) -> Vec<(Break, String)> {
        let Some(cell) = self.cell.take() else {
            return Vec::new();
        };
        let mut tail = Vec::new();
        let mut text = cell.buf.as_str();
        if abrupt && !cell.breaks.is_empty() {
            let ends = cell.breaks.iter().map(|&(at, _)| at).skip(1);
            let ends = ends.chain(std::iter::once(cell.buf.len()));
            for (&(start, strength), end) in cell.breaks.iter().zip(ends) {
                if let Some(block) = cell.buf.get(start..end).map(str::trim)
                    && !block.is_empty()
                {
                    tail.push((strength, block.to_owned()));
                }
            }
            let first_break = cell.breaks.first().map_or(cell.buf.len(), |&(at, _)| at);
            text = cell.buf.get(..first_break).unwrap_or_default();
        }
        let (colspan, rowspan) = mem::replace(&mut self.spans, (1, 1));
        self.row.push(Cell {
            text: text.trim().to_owned(),
            colspan,
            rowspan,
        });
        tail
    }

    fn close_row(&mut self, abrupt: bool) {
        let tail = self.close_cell(abrupt);
        let row = mem::take(&mut self.row);
        match self.held.take() {
            // A row end closes an already closed row again: nothing to write.
            held if row.is_empty() => self.held = held,
            Some(held) => match merge_header(&held, &row) {
                Some(merged) => self.emit_row(&merged),
                None => {
                    self.emit_row(&held);
                    self.hold_or_emit(row);
                }
            },
            None => self.hold_or_emit(row),
        }
        if abrupt && let Some(held) = self.held.take() {
            self.emit_row(&held);
        }
        for (strength, block) in tail {
            self.out.brk(strength);
            self.out.push_text(&block, false);
            self.out.brk(strength);
        }
    }

    /// Holds a group header until the next row; writes any other row.
    fn hold_or_emit(&mut self, mut row: Vec<Cell>) {
        if groups_columns(&row) {
            self.held = Some(row);
            return;
        }
        // "Hashrate (EH/s)" spanning the rows "Average for the month" and "Month-end
        // operating": the label is repeated on each row it spans.
        match self.carry.take() {
            Some((label, rows)) => {
                row.insert(
                    0,
                    Cell {
                        text: label.clone(),
                        colspan: 1,
                        rowspan: 1,
                    },
                );
                if rows > 1 {
                    self.carry = Some((label, rows - 1));
                }
            }
            None => {
                if let Some(first) = row.first()
                    && first.rowspan > 1
                    && !first.text.is_empty()
                    && !row.iter().all(|c| header_like(&c.text))
                {
                    self.carry = Some((first.text.clone(), first.rowspan - 1));
                }
            }
        }
        self.emit_row(&row);
    }

    /// Writes a row as one line of its non-empty cells.
    fn emit_row(&mut self, row: &[Cell]) {
        let mut line = String::new();
        let mut open_sign = false;
        for cell in row.iter().filter(|c| !c.text.is_empty()) {
            let t = cell.text.as_str();
            // Filings set a figure's closing bracket or percent sign in a cell of its own
            // ("(23" | ")%"), and its dollar sign in the cell before ("$" | "425.6"): they
            // belong to the figure.
            if matches!(t, "%" | ")" | ")%" | "%)") && !line.is_empty() {
                line.push_str(t);
                continue;
            }
            if !line.is_empty() && !open_sign {
                line.push_str(CELL_SEPARATOR);
            }
            line.push_str(t);
            open_sign = matches!(t, "$" | "US$");
        }
        if !line.is_empty() {
            self.out.brk(Break::Line);
            self.out.push_text(&line, false);
            self.out.brk(Break::Line);
        }
    }
}

/// Whether a row is a header over column groups: words and years only, with a cell spanning
/// some of its columns but not all.
fn groups_columns(row: &[Cell]) -> bool {
    let width: usize = row.iter().map(|c| c.colspan).sum();
    row.iter()
        .any(|c| c.colspan > 1 && c.colspan < width && !c.text.is_empty())
        && row.iter().all(|c| header_like(&c.text))
}

/// Whether a cell's text could be a column title: no figure, only words, dates and years
/// ("September 2024[1]", "Q3 2024", "Comparison (%)").
fn header_like(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() {
        return true;
    }
    let letters = text.chars().any(char::is_alphabetic);
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .all(|run| {
            let year = run.len() == 4 && (run.starts_with("19") || run.starts_with("20"));
            year || letters && run.len() <= 2
        })
}

/// A group header and the row under it as one header line: the lower row's cells fill the
/// columns the upper row's cells do not cover from above ("Comparison (%)" over "Month/Month"
/// reads "Comparison (%) Month/Month"). None when the lower row does not fill them exactly
/// or is no header.
fn merge_header(upper: &[Cell], lower: &[Cell]) -> Option<Vec<Cell>> {
    if !lower.iter().all(|c| header_like(&c.text)) {
        return None;
    }
    // Each column the lower row covers, with the index of the lower cell covering it.
    let mut lower = lower
        .iter()
        .enumerate()
        .flat_map(|(k, c)| std::iter::repeat_n((k, c), c.colspan.min(MAX_SPAN)));
    let mut merged = Vec::new();
    let mut last_lower = None;
    for cell in upper {
        for _ in 0..cell.colspan {
            let text = if cell.rowspan > 1 {
                last_lower = None;
                cell.text.clone()
            } else {
                let (k, below) = lower.next()?;
                // A lower cell spanning several columns is one column title, and an empty
                // one is a spacer under the group ("Month Ended" over "July 31, 2023",
                // " ", "June 30, 2023").
                if last_lower == Some(k) {
                    continue;
                }
                last_lower = Some(k);
                if below.text.is_empty() && cell.colspan > 1 {
                    String::new()
                } else {
                    format!("{} {}", cell.text, below.text).trim().to_owned()
                }
            };
            merged.push(Cell {
                text,
                colspan: 1,
                rowspan: 1,
            });
        }
    }
    lower.next().is_none().then_some(merged)
}

/// Elements whose text is dropped; html5gum reads their content as raw text, so it arrives as
/// one string before the end tag.
fn drops_text(name: &[u8]) -> bool {
    matches!(
        name,
        b"script" | b"style" | b"title" | b"iframe" | b"noembed" | b"noframe" | b"noscript"
    )
}

/// Elements whose whole content, markup included, is not part of the document's text.
fn skips_content(name: &[u8]) -> Option<&'static [u8]> {
    Some(match name {
        b"svg" => b"svg",
        b"math" => b"math",
        b"template" => b"template",
        b"nav" => b"nav",
        // Inline XBRL's hidden facts: contexts, dates and flags, no prose.
        b"ix:header" => b"ix:header",
        _ => return None,
    })
}

fn block_break(name: &[u8]) -> Option<Break> {
    match name {
        b"p" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"blockquote" | b"ul" | b"ol"
        | b"dl" | b"hr" | b"section" | b"article" | b"header" | b"footer" | b"main" | b"aside"
        | b"figure" | b"address" | b"fieldset" | b"form" | b"center" | b"details" | b"menu"
        | b"dir" | b"hgroup" | b"search" => Some(Break::Para),
        b"div" | b"dd" | b"dt" | b"figcaption" | b"legend" | b"summary" | b"option"
        | b"optgroup" | b"frameset" | b"frame" | b"textarea" | b"select" => Some(Break::Line),
        _ => None,
    }
}

fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
            | b"param"
            | b"keygen"
    )
}

/// `vertical-align: super` (or `sub`) in a style attribute: how Workiva and other EDGAR
/// converters write footnote markers without `<sup>`.
fn is_super_style(style: &[u8]) -> bool {
    let compact: Vec<u8> = style
        .iter()
        .filter(|b| !b.is_ascii_whitespace())
        .map(u8::to_ascii_lowercase)
        .collect();
    [&b"vertical-align:super"[..], b"vertical-align:sub"]
        .iter()
        .any(|needle| compact.windows(needle.len()).any(|w| w == *needle))
}

/// How the text of a `<sup>` renders: `[x]` for footnote markers (1-3 letters, digits, `*`,
/// `†` or `‡`, optionally in parentheses or brackets, optionally several separated by
/// commas); ordinal suffixes after a digit (`5<sup>th</sup>`) stay as they are, and trademark
/// letters become their symbols. `None` means: ordinary text.
fn render_marker(content: &str, after_digit: bool) -> Option<String> {
    let collapsed: String = content.split_whitespace().collect::<Vec<_>>().join(" ");
    let inner = collapsed
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .or_else(|| {
            collapsed
                .strip_prefix('[')
                .and_then(|s| s.strip_suffix(']'))
        })
        .unwrap_or(&collapsed)
        .trim();
    let lower = inner.to_ascii_lowercase();
    if after_digit && matches!(lower.as_str(), "st" | "nd" | "rd" | "th") {
        return Some(inner.to_owned());
    }
    match lower.as_str() {
        "tm" => return Some("\u{2122}".to_owned()),
        "sm" => return Some("\u{2120}".to_owned()),
        _ => {}
    }
    let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
    let is_marker = |part: &&str| {
        (1..=3).contains(&part.chars().count())
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '*' | '\u{2020}' | '\u{2021}'))
    };
    if parts.iter().all(is_marker) {
        Some(format!("[{}]", parts.join(",")))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        html_to_text(html)
    }

    #[test]
    fn a_group_header_and_the_row_under_it_are_one_header_line() {
        let two_rows = "<table><tr><td rowspan=\"2\">Metric</td><td rowspan=\"2\">Sep 2024</td>\
            <td colspan=\"2\">Comparison (%)</td></tr><tr><td>Month/Month</td><td>Year/Year</td></tr>\
            <tr><td>Bitcoin Produced</td><td>412</td><td>28 %</td><td>14 %</td></tr></table>";
        assert_eq!(
            text(two_rows),
            "Metric | Sep 2024 | Comparison (%) Month/Month | Comparison (%) Year/Year\n\
             Bitcoin Produced | 412 | 28 % | 14 %\n"
        );
        // Over bare years, with an empty corner cell instead of a row span.
        let years = "<table><tr><td></td><td colspan=2>Three Months Ended</td><td colspan=2>\
            Nine Months Ended</td></tr><tr><td></td><td>2024</td><td>2023</td><td>2024</td>\
            <td>2023</td></tr><tr><td>Revenue</td><td>1</td><td>2</td><td>3</td><td>4</td></tr></table>";
        assert_eq!(
            text(years).lines().next(),
            Some(
                "Three Months Ended 2024 | Three Months Ended 2023 | Nine Months Ended 2024 | \
                 Nine Months Ended 2023"
            )
        );
        // Business Wire's layout: spacer columns under the group, and a column title
        // spanning the two cells of its figure ("Appx. $" and "32.3 million").
        let spaced = "<table><tr><th rowspan=2>Metric</th><th>&nbsp;</th><th colspan=5>Month \
            Ended</th></tr><tr><th>&nbsp;</th><th colspan=2>July 31, 2023</th><th>&nbsp;</th>\
            <th colspan=2>June 30, 2023</th></tr></table>";
        assert_eq!(
            text(spaced),
            "Metric | Month Ended July 31, 2023 | Month Ended June 30, 2023\n"
        );
        // A title with nothing under it keeps its text.
        let bare = "<table><tr><td>Metric</td><td>Sep 2024</td><td colspan=2>Comparison</td>\
            </tr><tr><td></td><td></td><td>M/M</td><td>Y/Y</td></tr></table>";
        assert_eq!(
            text(bare),
            "Metric | Sep 2024 | Comparison M/M | Comparison Y/Y\n"
        );
        // A title across the whole table, and a data row under a group header, stay apart.
        let title = "<table><tr><td colspan=2>Production</td></tr><tr><td>Mined</td>\
            <td>Held</td></tr></table>";
        assert_eq!(text(title), "Production\nMined | Held\n");
        let data = "<table><tr><td>Metric</td><td colspan=2>2024</td></tr>\
            <tr><td>Mined</td><td>412</td><td>300</td></tr></table>";
        assert_eq!(text(data), "Metric | 2024\nMined | 412 | 300\n");
        // A filing's figure split over cells: "(23" | ")%", "$" | "425.6".
        let split = "<table><tr><td>BTC Produced</td><td>833</td><td>(23</td><td>)%</td></tr>\
            <tr><td>Cash</td><td>$</td><td>425.6</td><td>9</td><td>%</td></tr></table>";
        assert_eq!(
            text(split),
            "BTC Produced | 833 | (23)%\nCash | $425.6 | 9%\n"
        );
        // A row label spanning rows is repeated on each of them.
        let spanned = "<table><tr><td rowspan=2>Hashrate (EH/s)</td><td>Average</td><td>45.1</td>\
            </tr><tr><td>Month-end</td><td>50.0</td></tr><tr><td>Miners</td><td>9</td></tr></table>";
        assert_eq!(
            text(spanned),
            "Hashrate (EH/s) | Average | 45.1\nHashrate (EH/s) | Month-end | 50.0\nMiners | 9\n"
        );
        // A group header closing the table is still written.
        assert_eq!(
            text("<table><tr><td>A</td><td colspan=2>B</td></tr></table>"),
            "A | B\n"
        );
    }

    #[test]
    fn blocks_become_lines() {
        assert_eq!(
            text("<h1>Riot Announces</h1><p>First   paragraph\n spans.</p><p>Second.</p>"),
            "Riot Announces\n\nFirst paragraph spans.\n\nSecond.\n"
        );
        assert_eq!(text("<div>A</div><div>B</div>"), "A\nB\n");
        assert_eq!(text("A<br>B<br><br><br>C"), "A\nB\n\nC\n");
        assert_eq!(
            text("<div><div><div><p>deep</p></div></div></div>tail"),
            "deep\n\ntail\n"
        );
        assert_eq!(text("  <p>  padded  </p>  "), "padded\n");
        assert_eq!(text(""), "");
        assert_eq!(text("<p></p><div> </div>"), "");
    }

    #[test]
    fn inline_elements_add_nothing() {
        assert_eq!(text("<span>60</span>.<span>4</span> EH/s"), "60.4 EH/s\n");
        assert_eq!(
            text("<p><b>Bitcoin</b> <a href=x>Held</a>: <font>1,234</font><em>!</em></p>"),
            "Bitcoin Held: 1,234!\n"
        );
    }

    #[test]
    fn entities_and_spaces() {
        assert_eq!(
            text("<p>A&nbsp;&amp;&nbsp;B &#8212; 1&#160;234 &lt;x&gt; caf&eacute;</p>"),
            "A & B \u{2014} 1 234 <x> caf\u{e9}\n"
        );
        assert_eq!(text("1,\u{200b}234&shy;5"), "1,2345\n");
    }

    #[test]
    fn lists() {
        assert_eq!(
            text(
                "<p>Highlights:</p><ul><li>Mined 445 BTC<li>Held 19,211 BTC</li></ul><p>After</p>"
            ),
            "Highlights:\n\n- Mined 445 BTC\n- Held 19,211 BTC\n\nAfter\n"
        );
        assert_eq!(
            text("<ol><li><p>One</p></li><li></li></ol><p>Two</p>"),
            "- One\n\nTwo\n"
        );
    }

    #[test]
    fn dropped_elements() {
        let html = "<html><head><title>Page title</title><style>p{}</style>\
            <script>var t = '<table><tr><td>999 BTC</td></tr></table>'; if (a<b && c>d) {}</script>\
            </head><body><nav><a>Home</a><a>Investors</a></nav><!-- <p>hidden 1</p> -->\
            <noscript>enable js</noscript><svg><text>42</text></svg><template><p>t</p></template>\
            <p>Visible 445 BTC</p></body></html>";
        assert_eq!(text(html), "Visible 445 BTC\n");
    }

    #[test]
    fn head_without_end_tag() {
        assert_eq!(text("<head><title>T</title><p>Body text"), "Body text\n");
        assert_eq!(text("<head><title>T</title>Body text"), "Body text\n");
    }

    #[test]
    fn self_closing_svg_is_empty() {
        assert_eq!(text("<p>A<svg/>B</p>"), "AB\n");
    }

    #[test]
    fn table_rows_are_lines() {
        let html = "<p>Updates for October 2025</p>\
            <table>\
            <tr><th>Metric</th><th>October 2025<sup>1</sup></th><th>September 2025<sup>1</sup></th></tr>\
            <tr><td>Bitcoin Produced</td><td>445</td><td>450</td></tr>\
            <tr><td>Bitcoin Held<sup>2</sup></td><td>19,211<sup>3</sup></td><td>19,287</td></tr>\
            <tr><td>Deployed Hash Rate</td><td></td><td>&nbsp;</td><td>36.5 EH/s</td></tr>\
            </table><p>After the table.</p>";
        assert_eq!(
            text(html),
            "Updates for October 2025\n\n\
             Metric | October 2025[1] | September 2025[1]\n\
             Bitcoin Produced | 445 | 450\n\
             Bitcoin Held[2] | 19,211[3] | 19,287\n\
             Deployed Hash Rate | 36.5 EH/s\n\n\
             After the table.\n"
        );
    }

    #[test]
    fn split_cells_stay_apart() {
        assert_eq!(
            text("<table><tr><td>Proceeds</td><td>Appx. $</td><td>51.2 million</td></tr></table>"),
            "Proceeds | Appx. $ | 51.2 million\n"
        );
    }

    #[test]
    fn cells_are_one_line() {
        assert_eq!(
            text("<table><tr><td><p>Bitcoin</p><p>Held</p></td><td>1<br>234</td></tr></table>"),
            "Bitcoin Held | 1 234\n"
        );
    }

    #[test]
    fn unclosed_cells_and_rows() {
        let html = "<TABLE><TR><TH>Metric<TH>Oct<TR><TD>Mined<TD>445<TR><TD>Held<TD>19,211</TABLE>\
            <P>After.";
        assert_eq!(
            text(html),
            "Metric | Oct\nMined | 445\nHeld | 19,211\n\nAfter.\n"
        );
    }

    #[test]
    fn unclosed_table_then_paragraphs_in_source_order() {
        let html = "<p>Before.</p><table><tr><th>Metric<th>Oct<tr><td>Mined<td>445\
            <p>First paragraph after.</p><p>Second paragraph after.</p>";
        assert_eq!(
            text(html),
            "Before.\n\nMetric | Oct\nMined | 445\n\n\
             First paragraph after.\n\nSecond paragraph after.\n"
        );
        let html = "<table><tr><td>Mined</td><td>445</td></tr><p>After one.</p><p>After two.</p>\
            </body></html>";
        assert_eq!(text(html), "Mined | 445\n\nAfter one.\n\nAfter two.\n");
    }

    #[test]
    fn stray_table_text_is_its_own_line() {
        assert_eq!(
            text("<table>Title text<tr><td>A</td><td>1</td></tr>note<tr><td>B</td></tr></table>"),
            "Title text\nA | 1\nnote\nB\n"
        );
        assert_eq!(
            text("<table><caption>Key Metrics</caption><tr><td>A</td></tr></table>"),
            "Key Metrics\nA\n"
        );
    }

    #[test]
    fn table_in_table_without_cell_is_a_new_table() {
        assert_eq!(
            text("<table><tr><td>A</td></tr><table><tr><td>B</td></tr></table>"),
            "A\n\nB\n"
        );
    }

    #[test]
    fn nested_tables_flatten_into_the_cell() {
        let html = "<table><tr><td>Outer</td><td><table><tr><td>in 1</td><td>in 2</td></tr>\
            <tr><td>in 3</td></tr></table></td><td>last</td></tr><tr><td>next</td></tr></table>";
        assert_eq!(text(html), "Outer | in 1 in 2 in 3 | last\nnext\n");
    }

    #[test]
    fn cells_without_table() {
        assert_eq!(
            text("<tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr>"),
            "A | 1\nB | 2\n"
        );
    }

    #[test]
    fn footnote_markers() {
        assert_eq!(text("19,211<sup>3</sup> BTC"), "19,211[3] BTC\n");
        assert_eq!(text("Held <sup>(2)</sup>"), "Held [2]\n");
        assert_eq!(
            text("a<sup>*</sup> b<sup>\u{2020}</sup> c<sub>a</sub>"),
            "a[*] b[\u{2020}] c[a]\n"
        );
        assert_eq!(text("x<sup>1, 2</sup>"), "x[1,2]\n");
        assert_eq!(
            text("November 5<sup>th</sup>, 2025"),
            "November 5th, 2025\n"
        );
        assert_eq!(text("S21<sup>TM</sup> Pro"), "S21\u{2122} Pro\n");
        assert_eq!(text("E = mc<sup>squared</sup>"), "E = mcsquared\n");
        assert_eq!(text("x<sup></sup>y"), "xy\n");
        assert_eq!(text("a<sup>1<sup>2</sup></sup>b"), "a[12]b\n");
    }

    #[test]
    fn styled_superscripts_are_markers() {
        let html = "<td><span style=\"font-size:6pt; vertical-align: super\">3</span></td>";
        assert_eq!(
            text(&format!("<table><tr><td>19,211</td>{html}</tr></table>")),
            "19,211 | [3]\n"
        );
        assert_eq!(
            text("19,211<span style='VERTICAL-ALIGN:SUPER'><span>3</span></span> BTC"),
            "19,211[3] BTC\n"
        );
    }

    #[test]
    fn unclosed_sup_does_not_swallow_text() {
        let long = "x".repeat(100);
        assert_eq!(text(&format!("a<sup>{long}")), format!("a{long}\n"));
        assert_eq!(
            text("a<sup>1<p>next</p>b<sup>2</sup>"),
            "a1\n\nnext\n\nb[2]\n"
        );
    }

    #[test]
    fn pre_keeps_lines() {
        assert_eq!(
            text("<p>x</p><pre>\nBitcoin   Held    1,234\nMined     445\n\n\nEnd</pre>after"),
            "x\n\nBitcoin Held 1,234\nMined 445\n\nEnd\n\nafter\n"
        );
    }

    #[test]
    fn unclosed_comment_and_script() {
        assert_eq!(text("<p>Kept</p><!-- <p>never closed"), "Kept\n");
        assert_eq!(
            text("<p>Kept</p><script>document.write('<p>x</p>')"),
            "Kept\n"
        );
    }

    #[test]
    fn inline_xbrl() {
        let html = "<div style=\"display:none\"><ix:header><ix:hidden>\
            <ix:nonNumeric name=\"dei:AmendmentFlag\">false</ix:nonNumeric></ix:hidden></ix:header></div>\
            <p>Revenue <ix:nonFraction name=\"us-gaap:Revenues\" scale=\"6\">180.2</ix:nonFraction> million</p>";
        assert_eq!(text(html), "Revenue 180.2 million\n");
    }

    #[test]
    fn deep_div_nesting_is_linear() {
        let n = 100_000;
        let html = format!("{}445 BTC{}", "<div>".repeat(n), "</div>".repeat(n));
        assert_eq!(text(&html), "445 BTC\n");
        let html = format!("{}445 BTC", "<div><span><sup>".repeat(n));
        assert!(text(&html).contains("445 BTC"));
    }

    #[test]
    fn deep_table_nesting_is_linear() {
        let n = 100_000;
        let html = format!("{}445 BTC", "<table><tr><td>".repeat(n));
        assert_eq!(text(&html), "445 BTC\n");
        let html = format!(
            "{}x{}<p>after</p>",
            "<table><tr><td>".repeat(n),
            "</td></tr></table>".repeat(n)
        );
        assert_eq!(text(&html), "x\n\nafter\n");
    }

    #[test]
    fn large_table() {
        let rows = 50_000;
        let mut html = String::from("<table>");
        for i in 0..rows {
            html.push_str(&format!("<tr><td>Row {i}</td><td>{i}<sup>1</sup></td>\n"));
        }
        let out = text(&html);
        assert_eq!(out.lines().count(), rows);
        assert!(out.contains("\nRow 49999 | 49999[1]\n"));
    }

    proptest::proptest! {
        /// Tag soup from the pieces real releases are made of: whatever the nesting, the
        /// output keeps its line conventions.
        #[test]
        fn any_tag_soup_keeps_the_conventions(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "<p>", "</p>", "<div>", "</div>", "<br>", "<table>", "</table>", "<tr>", "</tr>",
                "<td>", "</td>", "<th>", "<sup>", "</sup>", "<span style='vertical-align:super'>",
                "</span>", "<li>", "</li>", "<ul>", "<pre>", "</pre>", "<script>", "</script>",
                "<!--", "-->", "<nav>", "</nav>", "<head>", "<title>", "</title>", "<body>",
                "</body>", "1,234", "445", " BTC ", "&nbsp;", "\n", "  ", "3", "x", "<", ">",
            ]),
            0..60,
        )) {
            let out = html_to_text(&pieces.concat());
            proptest::prop_assert!(out.is_empty() || out.ends_with('\n'));
            proptest::prop_assert!(!out.contains("\n\n\n"));
            proptest::prop_assert!(!out.starts_with('\n'));
            for line in out.lines() {
                proptest::prop_assert_eq!(line, line.trim());
                proptest::prop_assert!(!line.contains("  "));
            }
        }
    }

    #[test]
    fn documents_concatenated_with_unclosed_tables() {
        let doc = "<html><body><table><tr><td>Mined<td>445<p>After.</p>";
        let out = text(&doc.repeat(3));
        assert_eq!(
            out,
            "Mined | 445\n\nAfter.\n\n".repeat(3).trim_end().to_owned() + "\n"
        );
    }
}
