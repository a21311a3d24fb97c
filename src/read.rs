//! The read: what each quantity is, from its context.
//!
//! Context decides three things independently: the *metric* (mined, held, hashrate...), the
//! *role* (current, prior, year-ago, aggregate, target) and the *scope* (the company's own,
//! customers', the network's). Prose is read in windows around each quantity bounded by its
//! neighbours; `Label: value` lines and table rows are read from their label and column
//! header. Every word consulted comes from the tables in [`crate::vocab`].

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

use crate::scan::{CountNoun, Dim, Quantity};
use crate::time::{self, Anchor, When, floor_char_boundary};
use crate::update::Metric;
use crate::vocab::{self, Cue, Found};

/// A reading of one quantity as one metric.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// The metric, already mapped to its prior variant for prior-period figures.
    pub metric: Metric,
    /// The normalized value.
    pub value: Decimal,
    /// The figure's span.
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// How specific the statement is: higher wins.
    pub rank: i32,
    /// Half a unit in the last decimal the statement writes: the rounding it allows.
    pub text_ulp: Decimal,
    /// The statement names the company's own scope ("self-mined", "self-owned").
    pub own: bool,
}

/// A change the text states for a figure: "up 35% from April", "a 9.2% decline".
#[derive(Debug, Clone)]
pub(crate) struct Change {
    /// The signed percentage.
    pub percent: Decimal,
    /// Decimals written in the percentage, for the rounding it allows.
    pub decimals: u32,
    /// Where the percentage is.
    pub start: usize,
    /// The sentence holding it.
    pub sentence: (usize, usize),
    /// Year-over-year: never compared with the prior period.
    pub year_over_year: bool,
    /// A change stated in the figure's own unit ("up 547 BTC") rather than in percent.
    pub absolute: bool,
}

/// What the read finds: readings of figures and stated changes.
pub(crate) struct Readings {
    /// Candidate figures.
    pub candidates: Vec<Candidate>,
    /// Stated percentage changes.
    pub changes: Vec<Change>,
}

/// When a figure is for, relative to the reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Current,
    Prior,
    /// Year-ago, aggregate, target, another period: never reported.
    Other,
}

/// What a quantity is, before its role is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading {
    metric: Metric,
    rank: i32,
    /// The words name the company's own scope (self-mining, self-owned).
    own: bool,
}

const RANK_TABLE: i32 = 20;
const RANK_LABEL: i32 = 15;
const RANK_PROSE: i32 = 10;
/// How far a figure of one site ranks below the company-wide statements of its metric.
const RANK_ONE_SITE: i32 = 40;

/// The most figures one sentence is read with at once; longer runs are read in pieces (see
/// `Reader::prose_quantities`). Real sentences state a dozen at most.
const MAX_SENTENCE_QUANTITIES: usize = 32;

/// The most bytes one sentence is read with at once, as for [`MAX_SENTENCE_QUANTITIES`].
const MAX_SENTENCE_BYTES: usize = 4096;

/// Reads every quantity of `text` into candidates.
pub(crate) fn read(
    text: &str,
    quantities: &[Quantity],
    anchor: &Anchor,
    company: Option<&crate::update::Company>,
) -> Readings {
    let times = time::find(text);
    let mut out = Vec::new();
    let mut changes = Vec::new();
    let footnotes = footnote_units(text);
    let mut reader = Reader {
        text,
        quantities,
        anchor,
        times: &times,
        out: &mut out,
        changes: &mut changes,
        header: None,
        partial: None,
        partial_grid: None,
        parent: None,
        section: None,
        sections_seen: 0,
        last_label: None,
        money_unit: None,
        own_groups: company.map(|c| vocab::own_groups(&c.name, c.ticker.as_deref())),
        mentions: Vec::new(),
        hard_wrapped: is_hard_wrapped(text),
        hosted_totals: Vec::new(),
        after_blank: false,
        totals_since: None,
        totals_sections: Vec::new(),
        footnote_units: footnotes
            .iter()
            .filter_map(|(m, u, _, _)| u.map(|u| (m.clone(), u)))
            .collect(),
        footnote_scopes: footnotes
            .iter()
            .filter(|(_, _, c, _)| !c.is_empty())
            .map(|(m, _, c, _)| (m.clone(), c.clone()))
            .collect(),
        footnote_kinds: footnotes
            .iter()
            .filter(|(_, _, _, k)| !k.is_empty())
            .map(|(m, _, _, k)| (m.clone(), k.clone()))
            .collect(),
        footnote_markers: footnotes.into_iter().map(|(m, _, _, _)| m).collect(),
        separators: quantities.iter().any(|q| {
            let raw = &text[q.start..q.end];
            raw.find(',')
                .is_some_and(|i| raw[i + 1..].bytes().take_while(u8::is_ascii_digit).count() == 3)
        }),
        labelled_in_section: Vec::new(),
        label_more: None,
        metric_columns: None,
        column_title: None,
    };
    reader.run();
    Readings {
        candidates: out,
        changes,
    }
}

/// The column header of the table being read: the role of each value column.
#[derive(Debug, Clone)]
struct Header {
    columns: Vec<Option<Role>>,
    /// The cues of the header's label cell ("Self-mining output" over "Bitcoin (BTC)").
    cues: Found,
}

struct Reader<'a> {
    text: &'a str,
    quantities: &'a [Quantity],
    anchor: &'a Anchor,
    times: &'a [time::Found],
    out: &'a mut Vec<Candidate>,
    changes: &'a mut Vec<Change>,
    header: Option<Header>,
    /// The cells of header lines read so far, for headers that span several lines.
    partial: Option<Vec<String>>,
    /// The same header lines merged by column position, for bar-separated tables.
    partial_grid: Option<Vec<String>>,
    /// The cues and unit of the last top-level row, for its sub-rows.
    parent: Option<(Found, Option<LabelUnit>, usize)>,
    /// The section title over `Label: value` lines ("Bitcoin production" over "From
    /// self-mining operations: 51 BTC"): its number, its cues, and whether it names a time.
    section: Option<Section>,
    /// How many section titles have been seen.
    sections_seen: usize,
    /// The reading of the `Label: value` line just read, for a comparison continuing it on
    /// the next line.
    last_label: Option<(Reading, Dim)>,
    /// The money unit a title line gives the table below it ("in thousands of U.S.
    /// dollars").
    money_unit: Option<LabelUnit>,
    /// Whether the line before the one being read is blank.
    after_blank: bool,
    /// The document company's groups in [`vocab::MINERS`], when the company is known.
    own_groups: Option<Vec<usize>>,
    /// Companies named in the prose block being read: (start, whether it is the
    /// document's company).
    mentions: Vec<(usize, bool)>,
    /// Whether the text is hard-wrapped, so that a line break inside a block is no sentence
    /// boundary.
    hard_wrapped: bool,
    /// Totals the text splits into the company's and its customers' parts: their unit and
    /// value.
    hosted_totals: Vec<(crate::update::Unit, Decimal)>,
    /// Where the open section under a title naming a longer period ("Year to Date
    /// Highlights") starts, and the closed ones.
    totals_since: Option<usize>,
    totals_sections: Vec<std::ops::Range<usize>>,
    /// The rest of the current row's label, wrapped onto the next line.
    label_more: Option<(usize, usize)>,
    /// The column titles of a table with a row per period and a column per metric.
    metric_columns: Option<Vec<String>>,
    /// A column title on a line of its own ("Three Months Ended December 31,").
    column_title: Option<String>,
    /// Units that footnotes give to marked labels, by marker ("3" for "³ Megawatts (MW)").
    footnote_units: Vec<(String, LabelUnit)>,
    /// What footnotes say of the scope of marked labels ("including miners in transit"),
    /// by marker: their cues other than measures.
    footnote_scopes: Vec<(String, Found)>,
    /// What footnotes say of the kind of marked labels' figures ("Average realized
    /// hashrate"), by marker.
    footnote_kinds: Vec<(String, Found)>,
    /// The markers of the document's footnote lines ("1", "2", "*").
    footnote_markers: Vec<String>,
    /// Whether the document writes thousands with separators ("182,000").
    separators: bool,
    /// The candidates each `Label: value` line under a section gave: their range in `out`,
    /// the label's words and the section's number.
    labelled_in_section: Vec<(std::ops::Range<usize>, String, usize)>,
}

/// A table flattened to one cell per line (see [`Reader::vertical_table`]): spans of its
/// title, period lines and rows (label, values), and where it ends.
struct VerticalTable {
    title: Option<(usize, usize)>,
    periods: Vec<(usize, usize)>,
    rows: Vec<(Span, Vec<Span>)>,
    end: usize,
}

/// A `[start, end)` byte range of the text.
type Span = (usize, usize);

/// `[start, end)` without the white space at either end.
fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let t = &text[start..end];
    let lead = t.len() - t.trim_start().len();
    let s = start + lead;
    (s, s + t.trim().len())
}

/// A section title over `Label: value` lines.
struct Section {
    number: usize,
    cues: Found,
    timed: bool,
}

/// A line's shape.
enum Line {
    /// Table cells: `[start, end)` of each non-empty cell.
    Row(Vec<(usize, usize)>),
    /// `Label: value` with the label's span and the value's start.
    LabelValue {
        label: (usize, usize),
        value: usize,
    },
    Prose,
    Blank,
}

impl Reader<'_> {
    fn run(&mut self) {
        let text = self.text;
        let mut prose_start: Option<usize> = None;
        let mut pos = 0;
        while pos < text.len() {
            // A table flattened to one cell per line, as scraped pages give them.
            if let Some(table) = self.vertical_table(pos) {
                if let Some(s) = prose_start.take() {
                    self.prose(s, pos);
                }
                self.read_vertical(&table);
                pos = table.end;
                continue;
            }
            let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
            let line = &text[pos..end];
            // "> - Bitcoin produced ...": an e-mail's quoted copy reads as its text.
            let quote = quote_prefix(line);
            let (at, unquoted) = (pos + quote, &line[quote..]);
            // "Read more: CleanSpark mined 668 BTC ...": a link to another story.
            let shape = if is_link_line(unquoted) {
                Line::Blank
            } else {
                self.shape(at, unquoted)
            };
            let bullet = is_bullet(line);
            let prose_line = matches!(shape, Line::Prose);
            // A column title on a line of its own, over a header of bare years.
            let column_title = {
                let t = unquoted.trim();
                let lower = t.to_ascii_lowercase();
                (prose_line
                    && t.len() <= 60
                    && [
                        "months ended",
                        "months ending",
                        "quarter ended",
                        "year ended",
                    ]
                    .iter()
                    .any(|w| lower.contains(w)))
                .then(|| t.trim_end_matches(',').to_string())
            };
            let blank = matches!(shape, Line::Blank);
            let is_column_title = column_title.is_some();
            if prose_line {
                self.section = self.section_title(pos, end);
                // "Approximate Miners Deployed at Month End" over indented rows of sites and
                // their total: a group label inside a table is the parent of the rows under
                // it, not the row before it.
                if self.header.is_some() && unquoted.trim().len() <= 80 && !has_full_stop(unquoted)
                {
                    let t = unquoted.trim();
                    self.parent = Some((vocab::find(t), self.unit_of(t), self.indent_of(at)));
                }
                // "Year to Date Highlights (nine months ended September 30, 2024)": the
                // list under such a title speaks of the longer period. A new title or a
                // paragraph ends it.
                // A title that also names the period itself ("December and Full Year 2023
                // Highlights") covers both.
                let names_period = self.times_within(pos, end).iter().any(|t| {
                    matches!(t.when, When::Month { .. } | When::Quarter { .. })
                        && self.role_of(t.when) == Some(Role::Current)
                });
                let totals = !names_period
                    && self.section.as_ref().is_some_and(|s| {
                        vocab::has(&s.cues, Cue::Aggregate) || vocab::has(&s.cues, Cue::YearAgo)
                    });
                if let Some(from) = self.totals_since.take() {
                    let paragraph = !bullet && line.trim().len() > 80;
                    if self.section.is_some() || paragraph {
                        self.totals_sections.push(from..pos);
                    } else {
                        self.totals_since = Some(from);
                    }
                }
                if totals {
                    self.totals_since = Some(pos);
                }
            }
            // "Average operating hashrate: 46.09 EH/s\n  (September: 44.85 EH/s)": a
            // bracketed comparison on the next line continues the label's value.
            let label_before = self.last_label.take();
            if let (Line::Prose | Line::LabelValue { .. }, Some(inherited)) = (&shape, label_before)
                && unquoted.trim_start().starts_with('(')
                && prose_start.is_none()
            {
                let qs: Vec<Quantity> = self
                    .quantities_in(at, end)
                    .iter()
                    .filter(|q| !self.in_time(q))
                    .cloned()
                    .collect();
                self.mentions.clear();
                self.prose_quantities(at, end, &qs, Some(inherited));
                pos = end + 1;
                continue;
            }
            match shape {
                Line::Prose => {
                    if bullet && let Some(s) = prose_start.take() {
                        self.prose(s, pos);
                    }
                    prose_start.get_or_insert(pos);
                }
                other => {
                    if let Some(s) = prose_start.take() {
                        self.prose(s, pos);
                    }
                    match other {
                        Line::Row(cells) => {
                            // "| Mining machines under | 167,000 |" over "| management
                            // (count) |  |": a label wrapped onto the next line.
                            let more = self.wrapped_label(pos, end, &cells);
                            self.label_more = more;
                            self.row(&cells);
                            self.label_more = None;
                            if let Some((_, more_end)) = more {
                                let next_end = text[more_end..]
                                    .find('\n')
                                    .map_or(text.len(), |i| more_end + i);
                                pos = next_end + 1;
                                continue;
                            }
                        }
                        Line::LabelValue { label, value } => {
                            self.header = None;
                            self.metric_columns = None;
                            self.label_value(label, value, end);
                        }
                        Line::Blank => {}
                        // cannot fail: prose lines are matched by the arm above.
                        Line::Prose => unreachable!("handled above"),
                    }
                }
            }
            if !blank {
                self.column_title = column_title;
            }
            // A sentence ends the table; a short title line inside it ("Self-Mining"), even
            // indented over its columns, does not.
            if matches!(self.shape_kind(line), Kind::Prose)
                && (line.trim().len() > 80 || has_full_stop(line))
                // "Bitcoin Sales Proceeds ($USD)    Appx. $ 46.6 million    Appx. ...": a row
                // of wordy cells, set apart by runs of spaces, is no sentence.
                && {
                    let parts: Vec<&str> = line
                        .trim()
                        .split("  ")
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .collect();
                    parts.len() < 3 || parts.iter().any(|p| p.ends_with('.'))
                }
            {
                self.header = None;
                self.metric_columns = None;
                self.partial = None;
                self.partial_grid = None;
                self.parent = None;
                self.money_unit = None;
            }
            if prose_line && line.trim().len() <= 120 {
                // "(Unaudited; in thousands of U.S. dollars)" over a table: the unit of its
                // money rows. A title after a blank line opens another table
                // ("Selected Operating Metrics"), which has the unit its own title gives.
                let money = label_unit(line).filter(|u| u.dim == Dim::Usd);
                if money.is_some() || self.after_blank && !is_column_title {
                    self.money_unit = money;
                }
            }
            self.after_blank = blank;
            pos = end + 1;
        }
        if let Some(s) = prose_start {
            self.prose(s, text.len());
        }
        self.drop_per_section_labels();
        // A total the text splits into the company's and its customers' parts is not the
        // company's wherever it is restated ("The final third-quarter production total of
        // 166 BTC" after "166 BTC, of which 54 BTC ... and 112 BTC through hosting").
        let totals = std::mem::take(&mut self.hosted_totals);
        self.out.retain(|c| {
            !totals
                .iter()
                .any(|&(unit, v)| c.metric.unit() == unit && c.value == v)
        });
    }

    /// The same label under several section titles ("Energized: 25 MW" under each site)
    /// gives a figure per section, not the company's: those candidates are dropped.
    fn drop_per_section_labels(&mut self) {
        let mut sections: HashMap<&str, Vec<usize>> = HashMap::new();
        for (_, label, number) in &self.labelled_in_section {
            let seen = sections.entry(label.as_str()).or_default();
            if !seen.contains(number) {
                seen.push(*number);
            }
        }
        let mut drop = vec![false; self.out.len()];
        for (range, label, _) in &self.labelled_in_section {
            if sections.get(label.as_str()).is_some_and(|n| n.len() > 1) {
                for d in &mut drop[range.clone()] {
                    *d = true;
                }
            }
        }
        let mut i = 0;
        self.out.retain(|_| {
            i += 1;
            !drop[i - 1]
        });
    }

    fn shape_kind(&self, line: &str) -> Kind {
        if is_rule(line) {
            Kind::Blank
        } else if split_cells(line).len() >= 2 && !bullet_row(line, &split_cells(line)) {
            Kind::Table
        } else {
            Kind::Prose
        }
    }

    /// The rest of a row's label wrapped onto the next line of a grid table: a line with
    /// only a label cell, starting lower case or with a bracket ("management (count)",
    /// "(EH/s)"), under a row with values. A capitalized label there opens a group instead.
    fn wrapped_label(
        &self,
        pos: usize,
        end: usize,
        cells: &[(usize, usize)],
    ) -> Option<(usize, usize)> {
        let text = self.text;
        if cells.len() < 2 || end >= text.len() {
            return None;
        }
        let next = end + 1;
        let next_end = text[next..].find('\n').map_or(text.len(), |i| next + i);
        let line = &text[next..next_end];
        let Line::Row(more) = self.shape(next, line) else {
            return None;
        };
        let &[(s, e)] = more.as_slice() else {
            return None;
        };
        let same_column = s - next == cells[0].0 - pos;
        let more = &text[s..e];
        // "| March |" over "| 2025 |": a period label's year.
        let year = more.len() == 4
            && more.bytes().all(|b| b.is_ascii_digit())
            && (more.starts_with("19") || more.starts_with("20"))
            && text[cells[0].0..cells[0].1]
                .rsplit(' ')
                .next()
                .is_some_and(|w| vocab::month_number(&w.to_ascii_lowercase()).is_some());
        let continues = year || more.starts_with(|c: char| c.is_lowercase() || c == '(');
        (same_column && continues && line.matches('|').count() >= 2).then_some((s, e))
    }

    fn shape(&self, at: usize, line: &str) -> Line {
        if is_rule(line) {
            return Line::Blank;
        }
        let cells = split_cells(line);
        if bullet_row(line, &cells) {
            return Line::Prose;
        }
        // "| Hashrate (EH/s) |      |      |": a table's group label over its sub-rows.
        let group_label = cells.len() == 1 && line.matches('|').count() >= 2;
        if cells.len() >= 2 || group_label {
            return Line::Row(cells.into_iter().map(|(s, e)| (at + s, at + e)).collect());
        }
        // A sentence with a figure before its colon ("capacity stood at 94 MW at the end
        // of April: 43 MW in Ohio and ...") is prose, not a label.
        if let Some((label, value)) = label_value(line)
            && !self.has_figure(at + label.0, at + label.1)
        {
            return Line::LabelValue {
                label: (at + label.0, at + label.1),
                value: at + value,
            };
        }
        Line::Prose
    }

    /// The time expressions inside `[start, end)`, in order. `times` is sorted and its
    /// expressions never overlap, so this is two binary searches rather than a scan of every
    /// date in the document for every figure (which made long documents quadratic).
    fn times_within(&self, start: usize, end: usize) -> &[time::Found] {
        let times = self.times;
        let lo = times.partition_point(|t| t.start < start);
        let rest = times.get(lo..).unwrap_or_default();
        rest.get(..rest.partition_point(|t| t.end <= end))
            .unwrap_or_default()
    }

    fn quantities_in(&self, start: usize, end: usize) -> &[Quantity] {
        let lo = self.quantities.partition_point(|q| q.start < start);
        let hi = self.quantities.partition_point(|q| q.start < end);
        &self.quantities[lo..hi]
    }

    /// Whether a quantity is part of a date or a year, which is never a figure, even when a
    /// unit word follows it ("November 2025 bitcoin production").
    fn in_time(&self, q: &Quantity) -> bool {
        let i = self.times.partition_point(|t| t.end <= q.start);
        self.times
            .get(i)
            .is_some_and(|t| t.start <= q.start && q.start < t.end)
    }

    // ----- tables -----

    fn row(&mut self, cells: &[(usize, usize)]) {
        let text = self.text;
        // A header running over several grid lines may have a line with one cell
        // ("|  |  | cloud) |  |"): it is part of the header, not a group label.
        let header_line =
            self.partial_grid.is_some() && self.grid_cells(cells).is_some_and(|g| g.len() > 2);
        if let [(ls, le)] = *cells
            && !header_line
        {
            // A group label without values: the parent of the sub-rows below it.
            let label = &text[ls..le];
            let indent = self.indent_of(ls);
            // Indented like a sub-row, it is the rest of a label wrapped onto a second line
            // ("|     solutions |"), not a new group.
            if self.parent.as_ref().is_some_and(|p| indent > p.2 + 1) {
                return;
            }
            self.parent = Some((vocab::find(label), self.unit_of(label), indent));
            return;
        }
        let cells = merge_sign_cells(text, cells);
        if self.figureless(&cells) {
            // Headers may run over several lines ("One Month" / "September 30," / "2025"):
            // cells are merged column by column, aligned on the right.
            let mut texts: Vec<String> =
                cells.iter().map(|&(s, e)| text[s..e].to_string()).collect();
            // "Three Months Ended December 31," on its own line over "2024   2023": the
            // title completes each year.
            let is_year = |t: &str| {
                let t = t.trim();
                t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())
            };
            if self.partial.is_none()
                && let Some(title) = self.column_title.take()
                && texts.iter().any(|t| is_year(t))
            {
                // Change columns ("$ Change", "% Change") keep their own titles.
                texts = texts
                    .iter()
                    .map(|t| {
                        if is_year(t) {
                            format!("{title} {t}")
                        } else {
                            t.clone()
                        }
                    })
                    .collect();
            }
            let mut grid = self.grid_cells(&cells);
            let merged = match self.partial.take() {
                // Grid lines ("| Bitcoin   | Self-mining |" over "| mined     |
                // hash rate   |"): cells are merged by the column their bars put them in,
                // so an empty cell keeps its place.
                Some(_) if grid.is_some() && self.partial_grid.is_some() => {
                    let (prev, now) = (
                        self.partial_grid.take().unwrap_or_default(),
                        grid.clone().unwrap_or_default(),
                    );
                    let n = prev.len().max(now.len());
                    let cell = |v: &Vec<String>, i: usize| v.get(i).cloned().unwrap_or_default();
                    let full: Vec<String> = (0..n)
                        .map(|i| {
                            format!("{} {}", cell(&prev, i), cell(&now, i))
                                .trim()
                                .to_string()
                        })
                        .collect();
                    grid = Some(full.clone());
                    full.into_iter().filter(|c| !c.is_empty()).collect()
                }
                // A title spanning several columns ("Three Months Ended" over "2024 | 2023",
                // "Twelve Months Ended" over "2024 | 2023"), with or without a label cell
                // first: each title is spread over its columns.
                Some(prev) if spans_columns(prev.len(), texts.len()).is_some() => {
                    let (label, k) = spans_columns(prev.len(), texts.len()).unwrap_or((0, 1));
                    let spread = std::iter::repeat_n(String::new(), label)
                        .chain(prev.iter().flat_map(|p| std::iter::repeat_n(p.clone(), k)));
                    spread
                        .zip(texts)
                        .map(|(a, b)| format!("{a} {b}").trim().to_string())
                        .collect()
                }
                Some(mut prev) => {
                    let n = prev.len().max(texts.len());
                    let pad = |v: &mut Vec<String>| {
                        while v.len() < n {
                            v.insert(0, String::new());
                        }
                    };
                    let mut texts = texts;
                    pad(&mut prev);
                    pad(&mut texts);
                    prev.iter()
                        .zip(texts)
                        .map(|(a, b)| format!("{a} {b}").trim().to_string())
                        .collect()
                }
                None => texts,
            };
            if let Some(h) = self.header_from(&merged) {
                self.header = Some(h);
                self.metric_columns = None;
            } else if merged
                .iter()
                .skip(1)
                .filter(|c| vocab::find(c).iter().any(|&(c, _, _)| measures(c)))
                .count()
                >= 2
            {
                // "| Period | Bitcoin mined | Hash rate |": a table with a row per period
                // and a column per metric.
                self.metric_columns = Some(merged.clone());
            }
            self.partial = Some(merged);
            self.partial_grid = grid;
            return;
        }
        self.partial = None;
        self.partial_grid = None;
        let Some(&(ls, le)) = cells.first() else {
            return;
        };
        let label = &text[ls..le];
        // A row whose first cell is itself a number is not a labelled row.
        if label.trim().starts_with(|c: char| c.is_ascii_digit()) {
            return;
        }
        // cannot fail: `cells.first()` was Some, so `cells` is not empty.
        let mut values: Vec<(usize, usize)> = cells[1..].to_vec();
        // "Hashrate (EH/s) | Average for the month | 45.1 | 44.6": wordy cells before the
        // columns the header names are the rest of the label.
        let extra = self
            .header
            .as_ref()
            .map_or(0, |h| values.len().saturating_sub(h.columns.len()));
        let mut label_parts = vec![label.to_string()];
        if extra > 0 && self.figureless(&values[..extra]) {
            label_parts.extend(values[..extra].iter().map(|&(s, e)| text[s..e].to_string()));
            values.drain(..extra);
        }
        if let Some((s, e)) = self.label_more {
            label_parts.push(text[s..e].to_string());
        }
        let wrapped = label_parts.join(" ");
        let label = wrapped.as_str();
        let own_cues = vocab::find(label);
        // "Bitcoin self-mined (incl. Nautilus share)": what a measure's label says it
        // includes makes it a total, not a part ("- including restricted" under a total is
        // one).
        let measured_at = own_cues
            .iter()
            .find(|&&(c, _, _)| measures(c))
            .map(|&(_, s, _)| s);
        let own_cues: Found = own_cues
            .into_iter()
            .filter(|&(c, s, e)| {
                !(c == Cue::Subset
                    && measured_at.is_some_and(|m| m < s)
                    && label[s..e].to_ascii_lowercase().starts_with("incl"))
            })
            .collect();
        // A sub-row ("- Self-mining" under "Total hash rate under management (EH/s)") is
        // read with its parent's measure and unit, but its own scope.
        // Indented further than the parent row's label ("|   Monthly average |" under
        // "| Hashrate (EH/s) |"), or set as a list item.
        let indent = self.indent_of(ls);
        let sub_row = is_bullet(label)
            || label.starts_with('-')
            || label.starts_with('–')
            || self.parent.as_ref().is_some_and(|p| indent > p.2 + 1);
        let (label_cues, label_unit) = match (&self.parent, sub_row) {
            (Some((parent_cues, parent_unit, _)), true) => {
                let mut cues: Found = parent_cues
                    .iter()
                    .copied()
                    .filter(|&(c, _, _)| {
                        !matches!(c, Cue::Hosted | Cue::Network | Cue::Own | Cue::Total)
                    })
                    .map(|(c, _, _)| (c, 0, 0))
                    .collect();
                cues.extend(own_cues.iter().copied());
                (cues, self.unit_of(label).or(*parent_unit))
            }
            _ => {
                let unit = self.unit_of(label);
                self.parent = Some((own_cues.clone(), unit, indent));
                (own_cues, unit)
            }
        };
        // A money row without a unit of its own takes the table's.
        let label_unit = label_unit.or_else(|| {
            self.money_unit.filter(|_| {
                label_cues
                    .iter()
                    .any(|&(c, _, _)| matches!(c, Cue::Revenue | Cue::MiningRevenue))
            })
        });
        if mixed_scope(label, &label_cues) {
            return;
        }
        // "Average BTC per day | 8.9": coins per day without a verb are the day's
        // production.
        let label_cues = if names_coin(label)
            && label_cues
                .iter()
                .any(|&(c, _, _)| matches!(c, Cue::PerDay | Cue::Daily))
            && !label_cues
                .iter()
                .any(|&(c, _, _)| matches!(c, Cue::Mined | Cue::Held | Cue::Sold | Cue::Ratio))
        {
            let mut cues = label_cues;
            cues.push((Cue::Mined, 0, 0));
            cues
        } else {
            label_cues
        };
        // "Gain from sale of digital assets | 591" under "(in thousands, except per share
        // data)": in a money table only a row naming the coin counts coins.
        let label_cues = if self.money_unit.is_some() && label_unit.is_none() && !names_coin(label)
        {
            label_cues
                .into_iter()
                .filter(|&(c, _, _)| !matches!(c, Cue::Mined | Cue::Held | Cue::Sold))
                .collect()
        } else {
            label_cues
        };
        let label_role = self.label_role(ls, le, &label_cues);
        // A title line over the table ("AI Cloud" over "Revenue | $1.4m") speaks for its
        // rows as for labels.
        let label_cues = self.with_footnote(label, self.with_section(label_cues));
        // The header's label cell speaks for every row; the row's own words come last and
        // so outweigh it.
        let label_cues = match &self.header {
            Some(h) if !h.cues.is_empty() => {
                let mut cues = h.cues.clone();
                cues.extend(label_cues);
                cues
            }
            _ => label_cues,
        };
        if self.header.is_none()
            && let Some(titles) = &self.metric_columns
            && titles.len() == values.len() + 1
        {
            self.period_row(label, &values, titles.clone());
            return;
        }
        let columns: Vec<Option<Role>> = match &self.header {
            // More value cells than columns: the extra cells on the left are label
            // fragments ("Revenue  US$m"), unless they are figures too, when a column title
            // is missing and no cell's column is sure.
            Some(h)
                if values.len() > h.columns.len()
                    && values[..values.len() - h.columns.len()]
                        .iter()
                        .any(|&(s, e)| {
                            self.quantities_in(s, e).iter().any(|q| {
                                !self.in_time(q) && !is_footnote(text, q) && q.dim != Dim::Percent
                            })
                        }) =>
            {
                vec![None; values.len()]
            }
            Some(h) => align(&h.columns, values.len()),
            None => {
                let numeric: Vec<usize> = values
                    .iter()
                    .enumerate()
                    .filter(|(_, (s, e))| {
                        let q = self.quantities_in(*s, *e);
                        q.iter().any(|q| q.dim != Dim::Percent)
                    })
                    .map(|(i, _)| i)
                    .collect();
                let mut cols = vec![None; values.len()];
                // Without a header only a single value column is unambiguous: it is the
                // period's own figure (a "Key Metrics | value" table or a flattened list).
                if numeric.len() == 1 {
                    // cannot fail: one numeric index, below `values.len()` = `cols.len()`.
                    cols[numeric[0]] = Some(Role::Current);
                }
                cols
            }
        };
        for (i, &(s, e)) in values.iter().enumerate() {
            let Some(Some(col_role)) = columns.get(i).copied() else {
                continue;
            };
            let role = combine(col_role, label_role);
            let Some(q) = self
                .quantities_in(s, e)
                .iter()
                .find(|q| !self.in_time(q) && q.dim != Dim::Percent)
                .cloned()
            else {
                continue;
            };
            let before = &text[s..q.start];
            if vocab::has(&vocab::find(before), Cue::Bound) {
                continue;
            }
            self.labelled(&q, &label_cues, label_unit, role, RANK_TABLE);
        }
    }

    /// A row of a table with a row per period and a column per metric: the row's label
    /// names the period ("March 2025"), each column's title the metric and its unit.
    fn period_row(&mut self, label: &str, values: &[(usize, usize)], titles: Vec<String>) {
        let Some(role) = time::find(label)
            .iter()
            .find(|t| !matches!(t.when, When::Year(_)))
            .and_then(|t| self.role_of(t.when))
        else {
            return;
        };
        if role == Role::Other {
            return;
        }
        for (&(s, e), title) in values.iter().zip(titles.iter().skip(1)) {
            let Some(q) = self
                .quantities_in(s, e)
                .iter()
                .find(|q| !self.in_time(q) && q.dim != Dim::Percent)
                .cloned()
            else {
                continue;
            };
            let cues = self.with_section(vocab::find(title));
            if mixed_scope(title, &cues) {
                continue;
            }
            let unit = self.unit_of(title);
            self.labelled(&q, &cues, unit, role, RANK_TABLE);
        }
    }

    /// The texts of a bar-separated line by column, empty cells included, or `None` for a
    /// line without bars.
    fn grid_cells(&self, cells: &[(usize, usize)]) -> Option<Vec<String>> {
        let text = self.text;
        let &(first, _) = cells.first()?;
        let line_start = text[..first].rfind('\n').map_or(0, |i| i + 1);
        if !text[line_start..first].contains('|')
            && !text[first..].split('\n').next()?.contains('|')
        {
            return None;
        }
        let mut out: Vec<String> = Vec::new();
        for &(s, e) in cells {
            let col = text[line_start..s].matches('|').count();
            if out.len() <= col {
                out.resize(col + 1, String::new());
            }
            out[col] = text[s..e].to_string();
        }
        Some(out)
    }

    /// Whether a row states no figure (only periods, years, footnote marks and words).
    fn figureless(&self, cells: &[(usize, usize)]) -> bool {
        cells.iter().all(|&(s, e)| {
            self.quantities_in(s, e)
                .iter()
                .all(|q| self.in_time(q) || is_footnote(self.text, q) || is_duration(self.text, q))
        })
    }

    /// A header from the texts of its cells: each value column's role, from the period it
    /// names, or from a title such as "Prior Month"; other columns (percent changes, "% Δ")
    /// are kept as `Other` so value cells stay aligned with them.
    fn header_from(&self, cells: &[String]) -> Option<Header> {
        let mut columns = Vec::new();
        let mut periods = 0;
        // A space-aligned header may join two titles in one cell ("August 2024 (1) July
        // 2024 (1)"): each period is its own column.
        let mut split: Vec<String> = Vec::new();
        for cell in cells {
            let found: Vec<time::Found> = time::find(cell)
                .into_iter()
                .filter(|t| !matches!(t.when, When::Year(_)))
                .collect();
            if found.len() > 1 {
                split.extend(found.iter().map(|t| cell[t.start..t.end].to_string()));
            } else {
                split.push(cell.clone());
            }
        }
        let mut cues = Found::new();
        for (i, cell) in split.iter().enumerate() {
            let found = time::find(cell);
            if i == 0 && found.is_empty() {
                cues = vocab::find(cell);
                continue;
            }
            // "June 30, 2025 RMB" beside "June 30, 2025 US$": a column in another currency.
            let other_currency = cell
                .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
                .any(|w| CURRENCY_CODES.contains(&w) && !DOLLAR_CODES.contains(&w));
            if other_currency {
                columns.push(Some(Role::Other));
                continue;
            }
            let role = match found.iter().find_map(|t| match t.when {
                When::Year(_) if found.len() > 1 => None,
                w => Some(w),
            }) {
                Some(w) => {
                    periods += 1;
                    // "Twelve Months Ended Dec. 31, 2024", "Year to Date": a total, whatever
                    // date closes it.
                    let c = vocab::find(cell);
                    if vocab::has(&c, Cue::Aggregate) || vocab::has(&c, Cue::YearAgo) {
                        Role::Other
                    } else {
                        self.role_of(w).unwrap_or(Role::Other)
                    }
                }
                None => {
                    let c = vocab::find(cell);
                    // "M/M Δ", "MoM % Change": a change column, whatever period it names.
                    let lower = cell.to_ascii_lowercase();
                    let change = ["Δ", "%", "change", "chg", "var", "delta"]
                        .iter()
                        .any(|w| lower.contains(w));
                    if change {
                        Role::Other
                    } else if vocab::has(&c, Cue::Prior) && !vocab::has(&c, Cue::YearAgo) {
                        periods += 1;
                        Role::Prior
                    } else {
                        Role::Other
                    }
                }
            };
            columns.push(Some(role));
        }
        (periods > 0).then_some(Header { columns, cues })
    }

    fn label_value(&mut self, label: (usize, usize), value: usize, line_end: usize) {
        let text = self.text;
        let label_text = &text[label.0..label.1];
        let label_cues = vocab::find(label_text);
        let label_role = self.label_role(label.0, label.1, &label_cues);
        let unit = self.unit_of(label_text);
        let qs: Vec<Quantity> = self
            .quantities_in(value, line_end)
            .iter()
            .filter(|q| !self.in_time(q))
            .cloned()
            .collect();
        let Some(first) = qs.first() else { return };
        if first.dim == Dim::Percent {
            return;
        }
        if vocab::has(&vocab::find(&text[value..first.start]), Cue::Bound) {
            return;
        }
        let role = combine(Role::Current, label_role);
        // The section's title speaks for every label under it ("Bitcoin production" over
        // "From self-mining operations: 51 BTC", "... - hosting" over "Energized: 25 MW");
        // the label's own words come last and so outweigh it.
        let label_cues = self.with_footnote(label_text, self.with_section(label_cues));
        let first_candidate = self.out.len();
        // "Miners under management: approximately 171,000, of which approximately 23,800
        // were self-owned": the company's own part is the label's figure; a total split
        // into the company's and customers' parts is not.
        let after_first = &text[first.end..line_end];
        let subset_follows = {
            let t = after_first
                .trim_start_matches([',', ' ', '('])
                .to_ascii_lowercase();
            t.starts_with("of which") || t.starts_with("including")
        };
        if subset_follows {
            let customers = vocab::has(&label_cues, Cue::Hosted)
                || vocab::has(&vocab::find(after_first), Cue::Hosted);
            let mut prev_end = first.end;
            for (k, q) in qs[1..].iter().enumerate() {
                let same_kind = q.dim == first.dim || q.dim == Dim::Bare;
                if same_kind
                    && own_part(
                        &text[prev_end..q.start],
                        &text[q.end..line_end],
                        k > 0,
                        customers,
                    )
                {
                    let mut cues = label_cues.clone();
                    cues.push((Cue::Own, 0, 0));
                    self.labelled(q, &cues, unit, role, RANK_LABEL);
                    self.note_hosted_total(first);
                    return;
                }
                prev_end = q.end;
            }
            if splits_into_hosted(after_first) {
                self.note_hosted_total(first);
                return;
            }
        }
        let reading = self.labelled(first, &label_cues, unit, role, RANK_LABEL);
        // A rejected figure's comparisons on the same line are rejected with it ("under
        // management: 38.6 EH/s (June 30: 36.2 EH/s)").
        let rest: Vec<Quantity> = qs[1..]
            .iter()
            .filter(|q| reading.is_some() || q.dim != first.dim)
            .cloned()
            .collect();
        // What follows the value on the line ("(September: 643)", "compared to 445 in
        // September") is prose about the same metric.
        if !rest.is_empty() {
            // The line is not a prose block: no company named in one applies.
            self.mentions.clear();
            self.prose_quantities(first.end, line_end, &rest, reading.map(|r| (r, first.dim)));
        }
        self.last_label = reading.map(|r| (r, first.dim));
        if let Some(section) = self.section.as_ref().filter(|s| !s.timed) {
            let words: Vec<String> = label_text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            self.labelled_in_section.push((
                first_candidate..self.out.len(),
                words.join(" "),
                section.number,
            ));
        }
    }

    /// The cues of a section title: a short line without figures or a final stop that
    /// names what is measured ("Bitcoin production", "Hashrate (as of July 31, 2025)").
    /// A table flattened to one cell per line at `pos`: an optional "Metric" line, one line
    /// per period column ("September 2023", "August 2023"), then at least two rows of a
    /// label line followed by one value line per column. Scraped pages flatten HTML tables
    /// this way.
    fn vertical_table(&self, pos: usize) -> Option<VerticalTable> {
        let text = self.text;
        // Only where a line could open one: a short line.
        let first_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if first_end - pos > 40 {
            return None;
        }
        // Cheaply first: the line, or the one after it, must name a period.
        let (s1, e1) = trim_span(text, pos, first_end);
        if !self.is_period_line(s1, e1) {
            let next = first_end + 1;
            if next >= text.len() {
                return None;
            }
            let next_end = text[next..].find('\n').map_or(text.len(), |i| next + i);
            let (s2, e2) = trim_span(text, next, next_end);
            if !self.is_period_line(s2, e2) {
                return None;
            }
        }
        let mut lines = Vec::new();
        let mut at = pos;
        while at < text.len() && lines.len() < 400 {
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            let (s, e) = trim_span(text, at, end);
            if s < e {
                lines.push((s, e));
            }
            at = end + 1;
            if s == e && !lines.is_empty() {
                break;
            }
        }
        let mut i = 0;
        let title = lines.first().copied().filter(|&(s, e)| {
            let t = &text[s..e];
            t.len() <= 24 && !self.is_period_line(s, e) && !self.has_figure(s, e)
        });
        if title.is_some() {
            i = 1;
        }
        let periods: Vec<(usize, usize)> = lines[i..]
            .iter()
            .copied()
            .take_while(|&(s, e)| self.is_period_line(s, e))
            .collect();
        let k = periods.len();
        if !(1..=6).contains(&k) {
            return None;
        }
        i += k;
        let mut rows = Vec::new();
        while i + k < lines.len() + 1 && i < lines.len() {
            let (ls, le) = lines[i];
            let label = &text[ls..le];
            let label_ok = label.len() <= 80
                && label.chars().any(char::is_alphabetic)
                && !self.has_figure(ls, le)
                && !self.is_period_line(ls, le);
            let values: Vec<(usize, usize)> = lines[i + 1..].iter().copied().take(k).collect();
            if !label_ok || values.len() < k || !values.iter().all(|&(s, e)| self.is_cell(s, e)) {
                break;
            }
            rows.push((lines[i], values));
            i += 1 + k;
        }
        if rows.len() < 2 {
            return None;
        }
        let end = rows
            .last()
            .and_then(|(_, v)| v.last())
            .map_or(pos, |&(_, e)| e);
        Some(VerticalTable {
            title,
            periods,
            rows,
            end,
        })
    }

    /// Reads a flattened table as the rows it was.
    fn read_vertical(&mut self, table: &VerticalTable) {
        let text = self.text;
        let mut header: Vec<String> = vec![
            table
                .title
                .map_or(String::new(), |(s, e)| text[s..e].to_string()),
        ];
        header.extend(table.periods.iter().map(|&(s, e)| text[s..e].to_string()));
        self.header = self.header_from(&header);
        self.partial = None;
        self.partial_grid = None;
        self.parent = None;
        if self.header.is_none() {
            return;
        }
        for (label, values) in &table.rows {
            let mut cells = vec![*label];
            cells.extend(values.iter().copied());
            self.row(&cells);
        }
        self.header = None;
        self.metric_columns = None;
    }

    /// Whether a line names only a period: "September 2023", "Sep-23", "Q3 2024".
    fn is_period_line(&self, start: usize, end: usize) -> bool {
        let line = &self.text[start..end];
        line.len() <= 40
            && !self.times_within(start, end).is_empty()
            && !self.has_figure(start, end)
            && line.split_whitespace().count() <= 6
    }

    /// Whether a line is one table cell: a short figure, a dash or "N/A".
    fn is_cell(&self, start: usize, end: usize) -> bool {
        let line = &self.text[start..end];
        if matches!(line, "-" | "–" | "—" | "N/A" | "n/a" | "N/M") {
            return true;
        }
        line.len() <= 24
            && self
                .quantities_in(start, end)
                .iter()
                .any(|q| !self.in_time(q))
            && line.chars().filter(|c| c.is_alphabetic()).count() <= 6
    }

    /// Whether `[start, end)` states a figure: a number that is not part of a date and is
    /// more than a short name or footnote ("Project Dorothy 1A", "machines1").
    fn has_figure(&self, start: usize, end: usize) -> bool {
        self.quantities_in(start, end)
            .iter()
            .any(|q| !self.in_time(q) && (q.dim != Dim::Bare || q.end - q.start > 2))
    }

    /// A table cell whose last digit is a footnote marker glued on ("8953" for 895 and
    /// footnote 3): in a document that writes thousands with separators, a four-digit
    /// whole number without one, ending in the marker of a footnote the document has.
    fn without_glued_marker(&self, q: &Quantity) -> Option<Quantity> {
        let raw = &self.text[q.start..q.end];
        if q.dim != Dim::Bare
            || raw.len() < 4
            || !raw.bytes().all(|b| b.is_ascii_digit())
            || !self.separators
        {
            return None;
        }
        let marker = &raw[raw.len() - 1..];
        if !self.footnote_markers.iter().any(|m| m == marker) {
            return None;
        }
        let kept = &raw[..raw.len() - 1];
        Some(Quantity {
            value: kept.parse().ok()?,
            end: q.end - 1,
            ..q.clone()
        })
    }

    /// A label's cues with its section title's in front: the title's scope words always
    /// ("AI Cloud" over "Revenue", "... - hosting" over "Energized: 25 MW"), its measure
    /// only when the label names none ("Bitcoin production" over "From self-mining
    /// operations: 51 BTC", but not over "Miners deployed: 5,000").
    fn with_section(&self, label_cues: Found) -> Found {
        let Some(section) = &self.section else {
            return label_cues;
        };
        self.section_cues(section, label_cues)
    }

    /// A marked label's cues with what its footnote says of its scope in front
    /// ("Potential Hash Rate[1]" with "[1] ... including miners in transit").
    fn with_footnote(&self, label: &str, label_cues: Found) -> Found {
        let Some(marker) = label_marker(label) else {
            return label_cues;
        };
        // A coin count is no less the company's for coins "pending transfer" to its wallet:
        // only machines, hashrate and power can be not yet real.
        let coins = label_cues
            .iter()
            .any(|&(c, _, _)| matches!(c, Cue::Mined | Cue::Held | Cue::Sold));
        let scope = self.footnote_scopes.iter().find(|(m, _)| *m == marker);
        let mut cues = match scope.filter(|_| !coins) {
            Some((_, scope)) => {
                let mut cues = scope.clone();
                cues.extend(label_cues);
                cues
            }
            None => label_cues,
        };
        // "Hashrate*" with "*Average realized hashrate of the Company's own fleet": the
        // footnote says which kind of figure it is, when the label does not.
        let kinds = |c: Cue| matches!(c, Cue::Average | Cue::Capacity | Cue::PointInTime);
        if !cues.iter().any(|&(c, _, _)| kinds(c))
            && let Some((_, found)) = self.footnote_kinds.iter().find(|(m, _)| *m == marker)
        {
            cues.extend(found.iter().copied().filter(|&(c, _, _)| kinds(c)));
        }
        cues
    }

    fn section_cues(&self, section: &Section, label_cues: Found) -> Found {
        let label_measures = label_cues.iter().any(|&(c, _, _)| measures(c));
        let mut cues: Found = section
            .cues
            .iter()
            .copied()
            .filter(|&(c, _, _)| !label_measures || !measures(c))
            .collect();
        cues.extend(label_cues);
        cues
    }

    /// Remembers a labelled total that includes customers' parts, in the units its
    /// figure may have.
    fn note_hosted_total(&mut self, q: &Quantity) {
        use crate::update::Unit;
        let units: &[Unit] = match q.dim {
            Dim::Btc => &[Unit::Btc],
            Dim::Hash => &[Unit::EhPerSecond],
            Dim::Count(_) => &[Unit::Count],
            Dim::Bare => &[Unit::Btc, Unit::Count],
            _ => &[],
        };
        for &u in units {
            self.hosted_totals.push((u, q.value));
        }
    }

    /// Whether the company named last before `at` in the prose block is another miner.
    /// A sentence that names the company after the figure and no one before it speaks of
    /// the company ("Approximately 7,491 miners were deployed across the Company's sites"
    /// after a sentence about a seller), whoever an earlier sentence named.
    fn rival_before(&self, at: usize, sentence: (usize, usize)) -> bool {
        let i = self.mentions.partition_point(|&(p, _)| p < at);
        if i == 0 || self.mentions[i - 1].1 {
            return false;
        }
        let own_after = self
            .mentions
            .get(i)
            .is_some_and(|&(p, own)| own && p < sentence.1);
        !(self.mentions[i - 1].0 < sentence.0 && own_after)
    }

    /// Whether the sentence up to `at` speaks in the first person ("we produced 833
    /// bitcoin") and names no company itself: the company's own words, whoever the
    /// paragraph named before.
    fn first_person(&self, start: usize, at: usize) -> bool {
        let named = self.mentions.iter().any(|&(p, _)| p >= start && p < at);
        !named
            && self.text[start..at]
                .split(|c: char| !c.is_alphabetic())
                .any(|w| matches!(w, "we" | "We" | "our" | "Our"))
    }

    /// `found` (cues of the text at `base`) without the plan words that name a deadline
    /// already reached: "By the end of November the deployed hash rate stood at 12.4 EH/s"
    /// in a November update.
    fn without_past_deadlines(&self, found: Found, base: usize) -> Found {
        if !found.iter().any(|&(c, _, _)| c == Cue::Target) {
            return found;
        }
        found
            .into_iter()
            .filter(|&(c, _, e)| {
                if c != Cue::Target {
                    return true;
                }
                let at = base + e;
                let i = self.times.partition_point(|t| t.start < at);
                let reached = self.times.get(i).is_some_and(|t| {
                    self.text[at..t.start].trim().is_empty()
                        && matches!(self.role_of(t.when), Some(Role::Current | Role::Prior))
                });
                !reached
            })
            .collect()
    }

    /// How far a row label at `at` is indented within its line or its first cell.
    fn indent_of(&self, at: usize) -> usize {
        let text = self.text;
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        text[line_start..at]
            .trim_start_matches(['|', '\t'])
            .chars()
            .filter(|c| c.is_whitespace())
            .count()
    }

    /// The unit a label states, or the one the footnote it points to states
    /// ("Operating capacity³" with "³ Megawatts (MW) of energized capacity").
    fn unit_of(&self, label: &str) -> Option<LabelUnit> {
        label_unit(label).or_else(|| {
            let marker = label_marker(label)?;
            self.footnote_units
                .iter()
                .find(|(m, _)| *m == marker)
                .map(|&(_, u)| u)
        })
    }

    fn section_title(&mut self, start: usize, end: usize) -> Option<Section> {
        let text = self.text;
        let line = text[start..end].trim();
        if line.is_empty()
            || line.len() > 80
            || line.ends_with(['.', ':', ';', ','])
            || is_bullet(line)
            || self.has_figure(start, end)
        {
            return None;
        }
        self.sections_seen += 1;
        Some(Section {
            number: self.sections_seen,
            cues: vocab::find(line),
            timed: !self.times_within(start, end).is_empty(),
        })
    }

    /// The role a label's own words give: "CY2023 bitcoin mined", "Bitcoin mined in
    /// October", "year-to-date".
    fn label_role(&self, start: usize, end: usize, cues: &Found) -> Option<Role> {
        // "Bitcoin mined in FY24 to date (July-August)": a total, whatever months it names.
        if vocab::has(cues, Cue::Aggregate) {
            return Some(Role::Other);
        }
        if let Some(t) = self.times_within(start, end).first() {
            if let Some(r) = self.role_of(t.when) {
                return Some(r);
            }
            return Some(Role::Other);
        }
        for &(c, _, _) in cues {
            match c {
                Cue::Aggregate | Cue::YearAgo | Cue::Target => return Some(Role::Other),
                Cue::Prior => return Some(Role::Prior),
                _ => {}
            }
        }
        None
    }

    /// Reads a quantity whose meaning comes from a label (a row label or `Label:`).
    fn labelled(
        &mut self,
        q: &Quantity,
        label: &Found,
        label_unit: Option<LabelUnit>,
        role: Role,
        rank: i32,
    ) -> Option<Reading> {
        let stripped;
        let q = match self.without_glued_marker(q) {
            Some(s) => {
                stripped = s;
                &stripped
            }
            None => q,
        };
        let mut dim = q.dim;
        let mut value = q.value;
        if dim == Dim::Bare
            && let Some(u) = label_unit
        {
            dim = u.dim;
            value = value.checked_mul(u.factor)?;
        }
        // "$152,988" under "($ in thousands)": a dollar cell without a scale word takes the
        // table's.
        if dim == Dim::Usd
            && q.dim == Dim::Usd
            && self.text[q.start..q.end].ends_with(|c: char| c.is_ascii_digit())
            && let Some(u) = label_unit.filter(|u| u.dim == Dim::Usd)
        {
            value = value.checked_mul(u.factor)?;
        }
        if q.managed {
            return None;
        }
        // "Pace: about 6.3 BTC per day": "per day" right after the value says it is a rate.
        let per_day: Found = {
            let text = self.text;
            let end = floor_char_boundary(text, (q.end + 16).min(text.len()));
            let after = &text[q.end..end];
            let after = &after[..after.find(['\n', ',', '(', ';']).unwrap_or(after.len())];
            vocab::find(after)
                .into_iter()
                .filter(|&(c, _, _)| c == Cue::PerDay)
                .collect()
        };
        let reading = decide(dim, label, &per_day, label, true)?;
        if dim == Dim::Bare {
            // A bare number takes the unit the metric implies: tables that give "EH/s" or
            // "BTC" once in a footnote or title leave it out of the cells.
            if reading.metric.unit() == crate::update::Unit::Usd {
                return None;
            }
        }
        // Parentheses mark outflows ("Bitcoin Sold | (9.0)") or negatives: a count of coins
        // keeps its size, a dollar figure in parentheses is a loss and is not revenue.
        if q.parenthesized && reading.metric.unit() != crate::update::Unit::Btc {
            return None;
        }
        self.emit(reading, role, value, q, rank);
        Some(reading)
    }

    fn emit(&mut self, reading: Reading, role: Role, value: Decimal, q: &Quantity, rank: i32) {
        let under_totals = self.totals_since.is_some_and(|from| q.start >= from)
            || self.totals_sections.iter().any(|r| r.contains(&q.start));
        let role = if under_totals { Role::Other } else { role };
        let metric = match role {
            Role::Current => reading.metric,
            Role::Prior => match reading.metric.prior() {
                Some(m) => m,
                None => return,
            },
            Role::Other => return,
        };
        // A hashrate under a petahash per second is one machine's rating ("ranges from
        // 80TH/S to 110TH/S"), never a miner's fleet.
        if metric.unit() == crate::update::Unit::EhPerSecond && value < Decimal::new(1, 3) {
            return;
        }
        // A hashrate no single company could have had at the time, but the whole network
        // could, is the network's, whatever the words around it say. (One beyond the
        // network's is kept: the checks flag it as implausible.)
        if metric.unit() == crate::update::Unit::EhPerSecond {
            let peak = network_peak(self.year());
            if value > peak / Decimal::from(4) && value <= peak {
                return;
            }
        }
        self.out.push(Candidate {
            metric,
            value,
            start: q.start,
            end: q.end,
            rank: rank + reading.rank,
            text_ulp: crate::check::half_ulp_of(&self.text[q.start..q.end], value),
            own: reading.own,
        });
    }

    /// The year the document speaks of: its period's, else its publication's.
    fn year(&self) -> Option<i32> {
        self.anchor
            .period
            .map(|p| chrono::Datelike::year(&p.end))
            .or(self.anchor.published.map(|d| chrono::Datelike::year(&d)))
    }

    /// The role of a time expression relative to the reporting period.
    fn role_of(&self, when: When) -> Option<Role> {
        let period = self.anchor.period?;
        let p = self.anchor.resolve(when)?;
        if p == period {
            return Some(Role::Current);
        }
        if let When::Date(_) | When::MonthDay { .. } = when {
            // An as-of date inside the period (a month-end) is the period's own.
            if p.start >= period.start && p.end <= period.end {
                return Some(Role::Current);
            }
        }
        if Some(p) == period.preceding() {
            return Some(Role::Prior);
        }
        if let When::Date(_) | When::MonthDay { .. } = when
            && let Some(prev) = period.preceding()
            && p.start >= prev.start
            && p.end <= prev.end
        {
            return Some(Role::Prior);
        }
        Some(Role::Other)
    }

    // ----- prose -----

    fn prose(&mut self, start: usize, end: usize) {
        let text = self.text;
        self.mentions = match &self.own_groups {
            Some(own) => {
                let block = &text[start..end];
                // Miners by name, and the document's own voice ("the Company", "we").
                vocab::miners_named(block)
                    .into_iter()
                    .map(|(at, g)| (start + at, g == vocab::OWN || own.contains(&g)))
                    .collect()
            }
            None => Vec::new(),
        };
        for (s, e) in sentences(text, start, end, self.hard_wrapped) {
            let qs: Vec<Quantity> = self
                .quantities_in(s, e)
                .iter()
                .filter(|q| !self.in_time(q))
                .cloned()
                .collect();
            self.prose_quantities(s, e, &qs, None);
        }
    }

    /// Reads the quantities of one sentence, `[start, end)`. `inherited` is the reading of a
    /// figure just before the sentence part (a label's value), for comparisons.
    ///
    /// A "sentence" with more figures or bytes than any real one (a table flattened into one
    /// line, a generated or hostile document) is read in pieces of at most
    /// [`MAX_SENTENCE_QUANTITIES`] figures and about [`MAX_SENTENCE_BYTES`] bytes: every figure
    /// looks back over its sentence and clause, so one huge sentence would take time
    /// quadratic in its length.
    fn prose_quantities(
        &mut self,
        start: usize,
        end: usize,
        qs: &[Quantity],
        inherited: Option<(Reading, Dim)>,
    ) {
        let within_limits =
            qs.len() <= MAX_SENTENCE_QUANTITIES && end.saturating_sub(start) <= MAX_SENTENCE_BYTES;
        if within_limits || qs.len() <= 1 {
            self.prose_piece(start, end, qs, inherited);
            return;
        }
        let mut inherited = inherited;
        let mut piece_start = start;
        let mut first = 0;
        while first < qs.len() {
            let mut next = first + 1;
            while next < qs.len()
                && next - first < MAX_SENTENCE_QUANTITIES
                && qs[next].end.saturating_sub(piece_start) <= MAX_SENTENCE_BYTES
            {
                next += 1;
            }
            let piece_end = qs.get(next).map_or(end, |q| q.start);
            self.prose_piece(piece_start, piece_end, &qs[first..next], inherited.take());
            piece_start = piece_end;
            first = next;
        }
    }

    /// [`Reader::prose_quantities`] on a sentence within the limits.
    fn prose_piece(
        &mut self,
        start: usize,
        end: usize,
        qs: &[Quantity],
        inherited: Option<(Reading, Dim)>,
    ) {
        let text = self.text;
        let sentence = &text[start..end];
        // "25 J/TH, one of the better figures among listed miners": an aside ranking a figure
        // among its peers names no scope of it.
        let asides = ranking_asides(sentence);
        let in_aside = |at: usize| asides.iter().any(|r| r.contains(&at));
        let sentence_cues: Found = vocab::find(sentence)
            .into_iter()
            .filter(|&(_, s, _)| !in_aside(s))
            .collect();
        let mut last: Option<(Reading, Dim, Role)> = inherited.map(|(r, d)| (r, d, Role::Current));
        // Whether the sentence has stated the period's production total already.
        let mut total_stated = false;
        // The kind of the parts being listed after "of which" / "including", if any.
        let mut parts_of: Option<Dim> = None;
        // The previous figure's kind and the words before it.
        let mut prev_figure: Option<(Dim, Found)> = None;
        // The index of the last figure read as no figure of the company's.
        let mut left_out: Option<usize> = None;
        // The indices of figures that state a change ("up 547 BTC").
        let mut stated_changes: Vec<usize> = Vec::new();
        // The kind of the last figure rejected as not the company's, and where it ended.
        let mut rejected: Option<(Dim, usize)> = None;
        for (i, q) in qs.iter().enumerate() {
            if q.dim == Dim::Percent {
                self.stated_change(q, (start, end));
                continue;
            }
            // "of which 262 bitcoin came from Lake Mariner and 81 bitcoin from Nautilus":
            // every part listed after a subset word is a part.
            if let Some(d) = parts_of.take()
                && i > 0
                && d == q.dim
            {
                let between = text[qs[i - 1].end..q.start].trim_end();
                if between.ends_with(" and") || between.ends_with(',') {
                    parts_of = Some(d);
                    continue;
                }
            }
            // "Building 2", "Phase 1", "Tier 3": a name, not a figure; "the 31-day month",
            // "a 12-month period": a length of time.
            // A bare number set off by markup or brackets ("<sup>3</sup>", "[3]") is a
            // marker, whatever its sentence says.
            if q.dim == Dim::Bare && marked_off(text, q) {
                continue;
            }
            // "the last Phase 2 machines": a name before a count noun too.
            let named = names_a_thing(&text[start..q.start])
                && matches!(q.dim, Dim::Bare | Dim::Count(_))
                && !text[q.start..q.end].contains([',', '.']);
            if named {
                continue;
            }
            if q.dim == Dim::Bare
                && ({
                    let a = &text.as_bytes()[q.end..];
                    ["-day", "-month", "-year", "-week", "-hour", "-minute"]
                        .iter()
                        .any(|w| {
                            a.get(..w.len())
                                .is_some_and(|p| p.eq_ignore_ascii_case(w.as_bytes()))
                        })
                })
            {
                continue;
            }
            // "56% of the 1,029 blocks mined": the whole a share is taken of.
            if i > 0 && qs[i - 1].dim == Dim::Percent {
                let between = text[qs[i - 1].end..q.start].trim().to_ascii_lowercase();
                if matches!(between.as_str(), "of" | "of the" | "of all" | "of all the") {
                    last = None;
                    continue;
                }
            }
            // "up 547 BTC", "an increase of 12 BTC": a change, never the figure itself. So
            // is "increased $69.3 million, or 163%, to $111.8 million", whose verb has no "by"
            // but whose level follows after "to".
            let lead =
                &text[floor_char_boundary(text, q.start.saturating_sub(40).max(start))..q.start];
            if let Some(sign) = change_phrase(lead).or_else(|| bare_change(lead, qs, i, text)) {
                let raw = &text[q.start..q.end];
                let digits: String = raw
                    .chars()
                    .skip_while(|c| !c.is_ascii_digit())
                    .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                    .collect();
                // "..., compared with $42.5 million in the three months ended March 31,
                // 2023": the period compared with, up to the clause's end.
                let clause_end = q.end + text[q.end..end].find(';').unwrap_or(end - q.end);
                let year_over_year =
                    vocab::has(&vocab::find(&text[q.end..clause_end]), Cue::YearAgo)
                        || self
                            .times_within(q.end, clause_end)
                            .iter()
                            .any(|t| self.role_of(t.when) == Some(Role::Other));
                self.changes.push(Change {
                    percent: if sign < 0 { -q.value } else { q.value },
                    decimals: digits.split_once('.').map_or(0, |(_, d)| d.len() as u32),
                    start: q.start,
                    sentence: (start, end),
                    year_over_year,
                    absolute: true,
                });
                stated_changes.push(i);
                continue;
            }
            // "Average operating hashrate up 43% from 19.7 EH/s in November": the figure a
            // change is taken from looks back past the change to the words before it.
            let from_change = i > 0 && qs[i - 1].dim == Dim::Percent && {
                let between = text[qs[i - 1].end..q.start].trim().to_ascii_lowercase();
                matches!(
                    between.as_str(),
                    "from" | "from the" | "compared with" | "compared to" | "versus" | "vs." | "vs"
                )
            };
            let prev_end = match i {
                0 => start,
                1 if from_change => start,
                _ if from_change => qs[i - 2].end,
                _ => qs[i - 1].end,
            };
            let next_start = qs.get(i + 1).map_or(end, |n| n.start);
            // "Average operational hash rate, which measures what the fleet delivered over
            // the month, was 19.1 EH/s": the window reaches past a relative clause to the
            // subject it interrupts.
            let aside = {
                let region = &text[prev_end.max(start)..q.start];
                [", which ", ", who "]
                    .iter()
                    .filter_map(|w| region.rfind(w))
                    .max()
                    .and_then(|open| region[open + 2..].find(", ").map(|close| close + 2))
                    .unwrap_or(0)
            };
            let lo = floor_char_boundary(
                text,
                prev_end.max(q.start.saturating_sub(120 + aside.min(200))),
            );
            let before = &text[lo..q.start];
            let after_full = &text[q.end..next_start.max(q.end)];
            let after = cut_clause(after_full);
            // A purpose clause ("sold 345 BTC to fund wafer purchases") says nothing of what
            // a coin count is.
            let near_end = match q.dim {
                Dim::Btc => purpose_clause(after).unwrap_or(after.len()),
                _ => after.len(),
            }
            .min(floor_char_boundary(after, 48));
            // Words right after the previous figure up to a comma are that figure's own
            // ("66.7 bitcoin per exahash, based on an average hashrate of 4.14 EH/s").
            // ("11.4 EH/s installed and 10.4 EH/s operational": "installed" is 11.4's.)
            let own_before = if i > 0 {
                after_attached(before)
            } else {
                before
            };
            // Cues are found once on the whole window; the figure's own words are its suffix
            // (positions stay relative to `before`; only their order is read).
            let before_all = self.without_past_deadlines(vocab::find(before), lo);
            let own_from = before.len() - own_before.len();
            let mut before_cues: Found = before_all
                .iter()
                .copied()
                .filter(|&(_, s, _)| s >= own_from)
                .collect();
            // "mining 516 bitcoin": "mining" right before a figure is the verb, not the
            // industry's name.
            if let Some(cue) = verb_before(before) {
                before_cues.push((cue, before.len(), before.len()));
            }
            // "average operational hash rate increased 14% to 36.2 EH/s": the words before
            // a change reaching the figure name it.
            if i > 0
                && qs[i - 1].dim == Dim::Percent
                && (before.trim() == "to" || before.trim_end().ends_with(" to"))
            {
                let from = qs[..i - 1]
                    .iter()
                    .rev()
                    .find(|p| p.dim != Dim::Percent)
                    .map_or(start, |p| p.end)
                    .max(clause_start(text, start, qs[i - 1].start));
                let head = &text[from..qs[i - 1].start];
                before_cues.extend(
                    vocab::find(head)
                        .into_iter()
                        .filter(|&(c, _, _)| {
                            matches!(
                                c,
                                Cue::Average | Cue::Capacity | Cue::Operating | Cue::PointInTime
                            )
                        })
                        .map(|(c, _, _)| (c, 0, 0)),
                );
            }
            let after_cues: Found = self
                .without_past_deadlines(vocab::find(after), q.end)
                .into_iter()
                .filter(|&(_, s, _)| s < near_end && !in_aside(q.end + s - start))
                .collect();
            let clause_start = start.max(clause_start(text, start, q.start));

            let mut dim = q.dim;
            let mut mixed_total = false;
            // "Cloud-mining customers and the Company's self-mining operations produced 329
            // BTC and 39 BTC, respectively": the subject in the same place says whose.
            let respective_own = respective_scope(text, start, qs, i);
            if respective_own == Some(false) {
                rejected = Some((dim, q.end));
                last = None;
                continue;
            }
            if respective_own == Some(true) {
                // The clause's words name the measure; the subject says it is the company's.
                before_cues = vocab::find(&text[clause_start..q.start])
                    .into_iter()
                    .filter(|&(c, _, _)| !matches!(c, Cue::Hosted | Cue::Network | Cue::Total))
                    .chain([(Cue::Own, 0, 0)])
                    .collect();
            }
            // "holdings of BTC and ETH were 1,038.4 and 20,508.3, respectively": the coin
            // named in the same place in the list.
            let mut respective = false;
            if dim == Dim::Bare {
                match respective_coin(text, start, qs, i) {
                    Some(true) => {
                        dim = Dim::Btc;
                        respective = true;
                    }
                    Some(false) => continue,
                    None => {}
                }
            }
            // "1,177 self-mined bitcoin", "75,000 deployed mining rigs": the unit or the
            // count noun a word or two later.
            if dim == Dim::Bare {
                // "of the Company's bitcoin miners": the count noun, not the coin.
                // "207,000 owned and hosted bitcoin miners": over joined adjectives too;
                // a count of the company's and customers' machines together is a total.
                if let Some(noun) = count_noun_follows(after_full) {
                    dim = Dim::Count(noun);
                    // Moved back to a character boundary: slicing mid-character panics.
                    let words = &after_full[..floor_char_boundary(after_full, 48)];
                    let cues = vocab::find(words);
                    mixed_total = vocab::has(&cues, Cue::Hosted)
                        && (vocab::has(&cues, Cue::Own) || words.contains(" and "));
                } else if btc_word_follows(after) {
                    dim = Dim::Btc;
                }
            }
            // "257,400 machines under management, of which 196,400 were self-owned and 61,000
            // were hosted for customers": the company's own part of a total with
            // customers' is the company's figure, of the total's kind.
            let previous = prev_figure.replace((dim, before_all.clone()));
            // "Of the approximately 208,000 miners operating across its sites, approximately
            // 161,000 were owned by the Company": a partitive total, split by what follows.
            let partitive = i > 0 && {
                let between = &text[qs[i - 1].end..q.start];
                let of_the = between.contains(", ") && {
                    let from =
                        floor_char_boundary(text, qs[i - 1].start.saturating_sub(32)).max(start);
                    let head = flat(&text[from..qs[i - 1].start]).to_ascii_lowercase();
                    let head = ["approximately", "about", "roughly", "around", "~"]
                        .iter()
                        .fold(head.trim_end(), |t, w| {
                            t.strip_suffix(w).unwrap_or(t).trim_end()
                        });
                    ["of the", "of its", "of our", "out of"]
                        .iter()
                        .any(|p| head == *p || head.ends_with(&format!(" {p}")))
                };
                // "... produced 112 bitcoin. Of that total, 79 bitcoin came from ...".
                of_the
                    || between
                        .rfind(". ")
                        .is_some_and(|p| refers_to_total(&between[p + 1..]))
            };
            if i > 0
                && let Some((pdim, pcues)) = previous
                && (dim == pdim
                    || dim == Dim::Bare && matches!(pdim, Dim::Count(_) | Dim::Btc)
                    || pdim == Dim::Bare && matches!(dim, Dim::Count(_) | Dim::Btc))
                && (opens_part(&text[qs[i - 1].end..q.start], parts_of.is_some())
                    || part_of_that(&text[q.end..end.max(q.end)])
                    || partitive)
                && own_part(
                    &text[qs[i - 1].end..q.start],
                    part_rest(&text[q.end..end.max(q.end)]),
                    parts_of.is_some() || part_of_that(&text[q.end..end.max(q.end)]) || partitive,
                    partitive
                        || vocab::has(&pcues, Cue::Hosted)
                        || vocab::has(&vocab::find(&text[qs[i - 1].end..q.start]), Cue::Hosted)
                        // The text split an earlier total of this kind into the company's
                        // and its customers' parts: its totals include customers'.
                        || self.hosted_totals.iter().any(|&(u, _)| {
                            decide(pdim, &pcues, &Found::new(), &Found::new(), false)
                                .is_some_and(|r| r.metric.unit() == u)
                        }),
                )
            {
                let cues: Found = pcues
                    .iter()
                    .copied()
                    .filter(|&(c, _, _)| {
                        !matches!(c, Cue::Hosted | Cue::Subset | Cue::Total | Cue::Network)
                    })
                    .chain([(Cue::Own, 0, 0)])
                    .collect();
                let opens_longer = self.sentence_opens_on_longer_period(start, q.start);
                let kind = match if pdim == Dim::Bare { dim } else { pdim } {
                    // "Mining machines ... totaled 152,000, of which 103,000 were
                    // self-owned": the total's clause made it a count of machines.
                    Dim::Bare if counts_machines(&text[start..qs[i - 1].start]) => {
                        Dim::Count(CountNoun::Miners)
                    }
                    kind => kind,
                };
                // "reported about 55 bitcoin in total, of which 17 bitcoin were from its own
                // fleet and 38 bitcoin from hosting": coins split between the company's
                // machines and its customers' were mined, whatever verb gave the total.
                let mined_parts = || {
                    let mut cues = cues.clone();
                    cues.push((Cue::Mined, 0, 0));
                    decide(kind, &cues, &Found::new(), &Found::new(), false)
                };
                if let Some(reading) = decide(kind, &cues, &Found::new(), &Found::new(), false)
                    .or_else(|| (kind == Dim::Btc).then(mined_parts).flatten())
                    && !opens_longer
                    // "58 bitcoin in total, including 20": the total's own "in total" is
                    // no multi-period total.
                    && !(vocab::has(&sentence_cues, Cue::Aggregate)
                        && (vocab::has(&vocab::find(&text[start..qs[i - 1].start]), Cue::Aggregate)
                            || vocab::has(&vocab::find(&text[q.end..end.max(q.end)]), Cue::Aggregate)))
                {
                    let rank = reading.rank - i32::from(approximate(tail_text(text, q)));
                    // The part is of the total's period: "In July, the Company produced
                    // 58 bitcoin in total, including 20 bitcoin from its own miners".
                    let role = self
                        .times_within(start, qs[i - 1].start)
                        .iter()
                        .rev()
                        .find(|t| !matches!(t.when, When::Year(_)))
                        .map_or(Some(Role::Current), |t| self.role_of(t.when))
                        .unwrap_or(Role::Other);
                    self.emit(Reading { rank, ..reading }, role, q.value, q, RANK_PROSE);
                    if partitive {
                        // The total the company's part was taken from is not its own.
                        self.hosted_totals
                            .push((reading.metric.unit(), qs[i - 1].value));
                    }
                    prev_figure = Some((pdim, pcues));
                    parts_of = Some(q.dim);
                    continue;
                }
            }
            // "Argo held 173 BTC, 101 of which were BTC Equivalents": a part of the figure
            // before it that is not the company's own part is no figure of that kind.
            if i > 0
                && (q.dim == Dim::Bare || q.dim == qs[i - 1].dim)
                && part_of_which(&text[q.end..end.max(q.end)])
            {
                continue;
            }
            // "(November 2022: $3.47 million)": a parenthesized comparison.
            // "(June 30: ~1,063 BTC)": qualifiers may stand after the colon.
            let paren_label = before.rfind('(').is_some_and(|p| {
                let inner = before[p..].trim_end();
                let inner = ["approximately", "approx.", "about", "~", "$", "US$"]
                    .iter()
                    .fold(inner, |t, w| t.strip_suffix(w).unwrap_or(t).trim_end());
                !inner.contains(')') && inner.ends_with(':')
            });
            let tail_from = before.len().saturating_sub(24);
            let tail = &before[floor_char_boundary(before, tail_from)..];
            // Cues ending in the last few words, found on the whole window so that a phrase
            // cut by the window ("...th-over-month") is not misread.
            // Words before a clause break after the previous figure are not this figure's:
            // "a 33% increase over October, and produced 907 BTC".
            let tail_cues: Found = before_all
                .iter()
                .copied()
                .filter(|&(_, s, e)| e > tail_from && lo + s >= clause_start)
                .collect();
            // "13.5 EH/s from approximately 75,000 deployed mining rigs": right after a
            // figure of another kind, "from" names a source, not a compared figure.
            let source_from = i > 0
                && dim == Dim::Count(CountNoun::Miners)
                && matches!(qs[i - 1].dim, Dim::Hash | Dim::Power | Dim::Efficiency);
            let comparison = paren_label
                || tail_cues.iter().any(|&(c, s, e)| {
                    matches!(c, Cue::Compare | Cue::Prior)
                        && !(source_from && before[s..e].eq_ignore_ascii_case("from"))
                })
                || after_percent_bound(&tail_cues, i > 0 && qs[i - 1].dim == Dim::Percent)
                || definite_bound(&tail_cues, before);
            // "compared with 140 BTC, or 4.7 BTC per day, in June": a figure joined to the
            // previous one by "or"/"and" shares its period.
            let joined = i > 0 && {
                // After the previous figure's own time words: "143 BTC in May 2022 (4.6 BTC
                // per day)".
                let from = attached_end(text, qs[i - 1].end, q.start).max(lo);
                let b = text[from..q.start].trim().trim_start_matches(',').trim();
                b.is_empty()
                    || b == "("
                    || b == "or"
                    || b == "and"
                    || b == "or about"
                    || b == "or approximately"
            };
            // "8% fewer than July's 253 BTC" compares; "fewer than 100 miners" bounds.
            // "8% fewer than": the bound phrase follows the percentage directly.
            let after_percent = i > 0
                && qs[i - 1].dim == Dim::Percent
                && tail_cues.iter().any(|&(c, s, _)| {
                    c == Cue::Bound && text[qs[i - 1].end..lo + s].trim().is_empty()
                });
            // "below the 445 bitcoin it produced": a bound before a definite figure compares.
            let definite = {
                let t = before.trim_end().to_ascii_lowercase();
                t.ends_with(" the") || t.ends_with(" its") || t.ends_with("'s")
            };
            // A bound applies to the figure it stands right before ("over 10,000 BTC"),
            // not to a phrase ending a few words earlier ("over the month was 29.3 EH/s").
            let bound_here = tail_cues.iter().any(|&(c, _, e)| {
                c == Cue::Bound && {
                    let gap = text[lo + e..q.start].trim().to_ascii_lowercase();
                    gap.is_empty()
                        || ["approximately", "about", "roughly", "~", "$", "us$"]
                            .contains(&gap.as_str())
                }
            });
            // "the 400-plus we were tracking", "50+ EH/s": a bound written after the number.
            let bound_after = {
                let a = &text.as_bytes()[q.end..];
                a.first() == Some(&b'+')
                    || a.get(..5).is_some_and(|p| p.eq_ignore_ascii_case(b"-plus"))
            };
            // "above the 10-exahash mark": a bound on a round threshold, no figure.
            let threshold = definite
                && vocab::has(&tail_cues, Cue::Bound)
                && threshold_after(&text[q.end..end.max(q.end)]);
            if bound_here && !after_percent && !definite || bound_after || threshold {
                if matches!(
                    dim,
                    Dim::Btc | Dim::Hash | Dim::Usd | Dim::Count(_) | Dim::Power
                ) {
                    last = None;
                }
                continue;
            }
            // "up 2% M/M to 58.3 EH/s": "to" makes the figure the period's own, whatever
            // comparison words precede it.
            let reaches = {
                let t = before.trim_end().to_ascii_lowercase();
                let t = t
                    .trim_end_matches("approximately")
                    .trim_end_matches("about")
                    .trim_end_matches('~')
                    .trim_end();
                (t.ends_with(" to") || t == "to")
                    && (![
                        "compared to",
                        "relative to",
                        "equal to",
                        "similar to",
                        "close to",
                        "due to",
                        "up to",
                    ]
                    .iter()
                    .any(|p| t.ends_with(p))
                    // "stepped up to 50 EH/s": a change reaching a level.
                    || vocab::find(&t[floor_char_boundary(t, t.len().saturating_sub(16))..])
                        .last()
                        .is_some_and(|&(c, _, _)| c == Cue::Filler))
            };
            let comparison = comparison && !reaches;
            let clause_cues = self
                .without_past_deadlines(vocab::find(&text[clause_start..q.start]), clause_start);
            // A conversion in brackets right after another currency's figure ("£3.77
            // million [$4.25 million*]") is that figure restated: the clause head names it,
            // and it has that figure's period.
            let conversion = i > 0 && qs[i - 1].dim == Dim::OtherMoney && {
                let between = text[qs[i - 1].end..q.start].trim();
                matches!(between, "[" | "(" | "/" | "or" | "(or")
            };
            let mut inherited_role = None;
            let reading = if respective {
                // The list's head words speak for each of its figures.
                decide(dim, &clause_cues, &after_cues, &sentence_cues, false)
            } else if dim == Dim::Bare {
                match last {
                    // The other side of a comparison, or a figure of the same kind
                    // continuing the sentence ("an average of 21.43 per day").
                    Some((r, d, role))
                        if (comparison || time_follows(after) || continues(r, after))
                            // "the block subsidy fell from 6.25": another scope's words.
                            && !vocab::find(after_attached(before))
                                .iter()
                                .any(|&(c, _, _)| matches!(c, Cue::Network | Cue::Hosted)) =>
                    {
                        dim = d;
                        inherited_role = Some(role);
                        Some(continued(r, after))
                    }
                    // "daily bitcoin mined averaged 20.42": a bitcoin noun and a
                    // production word in the clause make a bare number a count of coins.
                    // "brings the number of machines deployed ... to approximately
                    // 24,700": a bare number the clause calls a number of machines.
                    _ if counts_machines(&text[clause_start..q.start]) => {
                        dim = Dim::Count(CountNoun::Miners);
                        decide(dim, &clause_cues, &after_cues, &sentence_cues, false)
                    }
                    _ if names_bitcoin(&text[clause_start..q.start]) => {
                        dim = Dim::Btc;
                        decide(Dim::Btc, &clause_cues, &after_cues, &sentence_cues, false)
                    }
                    _ => None,
                }
            } else {
                // "compared with 46.09 EH/s in October": the other side of a comparison is
                // the metric of the figure compared, unless its own words say otherwise.
                let own_metric = before_cues.iter().any(|&(c, _, _)| {
                    matches!(
                        c,
                        Cue::Mined
                            | Cue::Held
                            | Cue::Sold
                            | Cue::Average
                            | Cue::Capacity
                            | Cue::Revenue
                    )
                    // "while the month-end operating hashrate increased from 39.1 EH/s": a
                    // hashrate's own words name its kind.
                    || dim == Dim::Hash && matches!(c, Cue::PointInTime | Cue::Operating)
                });
                // The clause head names this figure only when no other figure stands between
                // them (a percentage may: "rose 2.9% from October's 511 BTC").
                // A stated change ("decreased by $14.7 million to $17.0 million") is no
                // figure of its own.
                let earlier_figure = !conversion
                    && qs[..i].iter().enumerate().any(|(k, p)| {
                        p.dim != Dim::Percent
                            && p.start >= clause_start
                            && !stated_changes.contains(&k)
                    });
                // "195 MW at Lake Mariner and a 50 MW share of Nautilus, for a total of
                // 245 MW": the total of the parts just listed is their measure's figure.
                let total_of = {
                    let t = own_before.trim_end().to_ascii_lowercase();
                    [
                        "a total of",
                        "total of",
                        "totaling",
                        "totalling",
                        "in total",
                        "combined",
                    ]
                    .iter()
                    .any(|w| t.ends_with(w))
                };
                match last {
                    Some((r, d, role)) if total_of && d == dim && role == Role::Current => {
                        Some(Reading {
                            rank: r.rank + 1,
                            ..r
                        })
                    }
                    // "the halving cut the block subsidy from 6.25 BTC": the figure's own
                    // words name another scope, so it compares nothing of the company's.
                    Some((r, d, _))
                        if comparison
                            && d == dim
                            && !own_metric
                            && !vocab::find(after_attached(before))
                                .iter()
                                .any(|&(c, _, _)| matches!(c, Cue::Network | Cue::Hosted)) =>
                    {
                        let daily_alternative_follows = qs.get(i + 1).is_some_and(|n| {
                            let between =
                                text[q.end..n.start].trim().trim_start_matches(',').trim();
                            // "92 BTC (3.2 BTC per day)": a bracketed rate is the
                            // alternative too.
                            matches!(between, "or" | "(" | "[")
                                && vocab::has(
                                    // Moved back to a character boundary: slicing
                                    // mid-character panics (found by fuzzing).
                                    &vocab::find(
                                        &text
                                            [n.end..floor_char_boundary(text, end.min(n.end + 16))],
                                    ),
                                    Cue::PerDay,
                                )
                        });
                        // "Mined 9.8 BTC, or 0.33 BTC per day, compared with 10.4 BTC":
                        // without "per day" the compared figure is the earlier total's.
                        Some(compared(
                            r,
                            after,
                            daily_alternative_follows || total_stated,
                        ))
                    }
                    // "compared with $111.8 million in the second quarter of fiscal 2024
                    // and $162.3 million in the first quarter": a figure coordinated with a
                    // compared one, each with its own time, is compared too.
                    Some((r, d, role))
                        if d == dim
                            && role != Role::Current
                            && own_before.trim().is_empty()
                            && !self.times_within(qs[i - 1].end, q.start).is_empty()
                            && {
                                let between = flat(&text[qs[i - 1].end..q.start]);
                                let between = between.trim_end();
                                between.ends_with(" and") || between.ends_with(',')
                            } =>
                    {
                        Some(r)
                    }
                    // The other side of a comparison with a figure that was not the
                    // company's ("under management was 34.1 EH/s, up from 28.3 EH/s").
                    // Also when the comparison word is further back: "network hashrate
                    // stood at 836 EH/s, against a 30-day average of about 812 EH/s".
                    None if rejected.is_some_and(|(d, _)| d == dim)
                        && (comparison
                            || vocab::find(
                                &text[rejected.map_or(q.start, |(_, e)| e)..q.start],
                            )
                            .iter()
                            .any(|&(c, _, _)| matches!(c, Cue::Compare | Cue::Prior))) =>
                    {
                        None
                    }
                    _ => decide(dim, &before_cues, &after_cues, &sentence_cues, false)
                        .or_else(|| {
                            // Nothing in the figure's own words: the words before the
                            // previous figure's phrase ("357 BTC was produced by customers
                            // and 43 BTC came from self-mining").
                            (i > 0 && dim == Dim::Btc && own_before.len() < before.len())
                                .then(|| {
                                    decide(dim, &before_all, &after_cues, &sentence_cues, false)
                                })
                                .flatten()
                        })
                        .or_else(|| {
                            // "Production rose 2.9% from October's 511 BTC": the metric named at
                            // the head of the clause, when no other figure of the kind is in it.
                            if earlier_figure {
                                None
                            } else {
                                decide(dim, &clause_cues, &after_cues, &sentence_cues, false)
                            }
                        }),
                }
            };
            // "24,000 miners of a customer, or about 4.8 EH/s": a restatement of a figure
            // left out is left out.
            // A conversion ("RMB12.9 million (US$1.81 million)") restates a figure of another
            // currency, which is left out only for its currency.
            // "agreed to buy 2,000 miners, representing approximately 280 PH/s": a figure
            // that only restates the left-out one before it is left out too.
            let restates = i > 0 && left_out == Some(i - 1) && {
                let b = flat(&text[qs[i - 1].end..q.start]).to_ascii_lowercase();
                let b = ["approximately", "about", "roughly", "around", "~"]
                    .iter()
                    .fold(b.trim(), |t, w| t.strip_suffix(w).unwrap_or(t).trim_end());
                [
                    "representing",
                    "which represent",
                    "which represents",
                    "amounting to",
                ]
                .iter()
                .any(|w| b.ends_with(w))
            };
            let reading = reading.filter(|_| {
                !(q.managed || (joined && !conversion || restates) && left_out == Some(i - 1))
            });
            // "sold all 156 Bitcoin mined during the month": the verb before the figure says
            // what was done with the coins the words after it describe.
            let reading = reading.map(|r| {
                if r.metric == Metric::BtcMined && sold_right_before(before) {
                    Reading {
                        metric: Metric::BtcSold,
                        ..r
                    }
                } else {
                    r
                }
            });
            // "Each T21 is rated at 190 TH/s with an efficiency of 19 J/TH": one machine's.
            let reading = reading
                .filter(|_| !(dim == Dim::Efficiency && vocab::has(&clause_cues, Cue::PerUnit)));
            let Some(reading) = reading else {
                left_out = Some(i);
                // A part left out ("1,953 BTC, of which 66 were BTC Equivalents, compared
                // with 2,466 BTC") leaves the comparison to the total before it.
                if vocab::has(&before_cues, Cue::Subset) {
                    parts_of = Some(q.dim);
                    continue;
                }
                if matches!(dim, Dim::Btc | Dim::Hash | Dim::Usd) {
                    // A rejected price leaves a comparison of coins to the coins before it
                    // ("1,147 BTC worth ... at a price of $63,300, up from 1,103 BTC").
                    if dim != Dim::Usd || last.is_some_and(|(_, d, _)| d == Dim::Usd) {
                        last = None;
                    }
                    rejected = Some((dim, q.end));
                }
                continue;
            };
            // "MARA reported 950 BTC for May": the nearest company named before the figure
            // in its paragraph is another miner.
            // "The Company's Childress site in Texas has 750MW": one site's capacity, not
            // the company's.
            // "added 1,200 miners", "9,000 S19j XP miners delivered to Building 3": machines
            // added or received in the month, not the fleet.
            if dim == Dim::Count(CountNoun::Miners) && added_machines(before, after) {
                continue;
            }
            let one_site = one_site(&text[clause_start..q.start]);
            if dim == Dim::Power && one_site {
                continue;
            }
            // "every 1 EH/s of operating hashrate produced about 11.7 bitcoins": a ratio's
            // base.
            if dim == Dim::Hash && {
                let b = before.trim_end().to_ascii_lowercase();
                b.ends_with(" every") || b == "every" || b.ends_with(" for each")
            } {
                continue;
            }
            if self.rival_before(q.start, (start, end)) && !self.first_person(start, q.start) {
                last = None;
                rejected = Some((dim, q.end));
                continue;
            }
            rejected = None;
            if excluded(&before_cues, &after_cues) {
                continue;
            }
            // "191,000 machines, of which 58,000 were owned and 133,000 hosted": a total
            // that the sentence splits into the company's and its customers' is not the
            // company's own figure.
            if mixed_total || splits_into_hosted(&text[q.end..end.max(q.end)]) {
                self.hosted_totals.push((reading.metric.unit(), q.value));
                continue;
            }
            let window = Window {
                rest: &text[q.end..end.max(q.end)],
                after,
                after_cues,
                clause_start,
                attached_limit: match qs[..i - usize::from(conversion)]
                    .iter()
                    .rev()
                    .find(|p| p.dim != Dim::Percent)
                {
                    Some(p) => attached_end(text, p.end, q.start),
                    None => start,
                },
                comparison,
                reaches,
            };
            // "up 16% from 390 Bitcoin in March, or 14.6 Bitcoin per day compared with
            // 13.0 per day": a joined figure that is itself compared with another is the
            // period's own.
            let compared_next = {
                let head = &window.rest[..floor_char_boundary(window.rest, 48)];
                let rest = flat(head).to_ascii_lowercase();
                let mut words = rest
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|w| !w.is_empty())
                    .skip_while(|w| {
                        matches!(
                            *w,
                            "bitcoin" | "bitcoins" | "btc" | "per" | "a" | "day" | "each"
                        )
                    });
                matches!(
                    words.next(),
                    Some("compared" | "versus" | "vs" | "vs." | "against")
                )
            };
            let joined_role = last.filter(|_| joined && !compared_next).map(|(_, _, r)| r);
            let role = self
                .prose_role(q, &window)
                .or(inherited_role)
                .or(joined_role)
                .unwrap_or_else(|| {
                    // "For the fiscal second quarter, which ran from July through
                    // September, HIVE mined 817.4 bitcoin": a sentence that opens on a
                    // longer period speaks of that period.
                    if self.sentence_opens_on_longer_period(start, q.start) {
                        Role::Other
                    } else {
                        Role::Current
                    }
                });
            let mut rank = reading.rank;
            if approximate(tail) {
                rank -= 1;
            }
            // "The Odessa facility alone ended the month at 4.4 EH/s": one site's fleet is
            // the company's only when the text gives no fleet-wide figure (a company with one
            // site).
            if one_site {
                rank -= RANK_ONE_SITE;
            }
            self.emit(Reading { rank, ..reading }, role, q.value, q, RANK_PROSE);
            total_stated |= reading.metric == Metric::BtcMined;
            last = Some((reading, dim, role));
        }
    }

    /// Records a percentage stated as a change ("up 35%", "a 9.2% decline", "down 14%
    /// year-over-year"); percentages without a direction word are shares, not changes.
    fn stated_change(&mut self, q: &Quantity, sentence: (usize, usize)) {
        const UP: &[&str] = &[
            "up",
            "increase",
            "increased",
            "increases",
            "rose",
            "rise",
            "rises",
            "higher",
            "grew",
            "growth",
            "gain",
            "climbed",
            "climbs",
            "more",
        ];
        const DOWN: &[&str] = &[
            "down",
            "decrease",
            "decreased",
            "decreases",
            "decline",
            "declined",
            "declines",
            "fell",
            "lower",
            "drop",
            "dropped",
            "fewer",
            "less",
            "dip",
            "dipped",
        ];
        let text = self.text;
        let lo = floor_char_boundary(text, q.start.saturating_sub(28).max(sentence.0));
        let hi = floor_char_boundary(text, (q.end + 28).min(sentence.1));
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase)
                .collect()
        };
        let before = words(&text[lo..q.start]);
        let after = words(&text[q.end..hi]);
        let near: Vec<&String> = before
            .iter()
            .rev()
            .take(3)
            .chain(after.iter().take(2))
            .collect();
        let up = near.iter().any(|w| UP.contains(&w.as_str()));
        let down = near.iter().any(|w| DOWN.contains(&w.as_str()));
        if up == down {
            return;
        }
        // "reflecting a 6% increase in average network difficulty": a change that names
        // its own subject, which is not a figure of the company.
        let names_other_subject = after.len() >= 2
            && (UP.contains(&after[0].as_str()) || DOWN.contains(&after[0].as_str()))
            && matches!(after[1].as_str(), "in" | "of")
            && vocab::find(&text[q.end..hi])
                .iter()
                .any(|&(c, _, _)| matches!(c, Cue::Network | Cue::Price));
        // "as network difficulty climbed roughly 7%", "as realized hashrate fell 17%": the
        // change's subject comes right before it, and it is not what the sentence's coins
        // measure. Checks are guards: a change of unsure subject is not recorded.
        let subject_before = vocab::find(&text[lo..q.start]).iter().any(|&(c, _, _)| {
            matches!(
                c,
                Cue::Network | Cue::Hashrate | Cue::Power | Cue::Efficiency | Cue::Miners
            )
        });
        // "Shares of Riot rose 6.4% to $12.71": the stock's change.
        let stock = {
            let near = text[lo..q.start].to_ascii_lowercase();
            let head = text[sentence.0..q.start].to_ascii_lowercase();
            // The last stock word before the change, with no measure named after it.
            let last_stock = ["shares", "stock"]
                .iter()
                .filter_map(|w| head.rfind(w).map(|i| i + w.len()))
                .max();
            near.contains("shares")
                || near.contains("stock")
                || last_stock.is_some_and(|i| {
                    !vocab::find(&head[i..]).iter().any(|&(c, _, _)| {
                        matches!(
                            c,
                            Cue::Mined | Cue::Held | Cue::Sold | Cue::Hashrate | Cue::Revenue
                        )
                    })
                })
        };
        if names_other_subject || subject_before || stock {
            return;
        }
        let raw = &text[q.start..q.end];
        let digits: String = raw
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect();
        let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len() as u32);
        let window = vocab::find(&text[lo..hi]);
        // "up 104.5% from US$73.6 million in the third quarter of 2024": the period compared
        // with, up to the end of the clause, tells a year-over-year change.
        let clause_end = {
            let rest = &text[q.end..floor_char_boundary(text, (q.end + 90).min(sentence.1))];
            q.end
                + [" and ", ";", ", while", ", compared"]
                    .iter()
                    .filter_map(|s| rest.find(s))
                    .min()
                    .unwrap_or(rest.len())
        };
        let year_over_year = vocab::has(&window, Cue::YearAgo)
            || vocab::has(&vocab::find(&text[q.end..clause_end]), Cue::YearAgo)
            || self
                .times_within(q.end, clause_end)
                .iter()
                .any(|t| self.role_of(t.when) == Some(Role::Other));
        self.changes.push(Change {
            percent: if down { -q.value } else { q.value },
            decimals,
            start: q.start,
            sentence,
            year_over_year,
            absolute: false,
        });
    }

    /// Whether the sentence before `at` names a quarter or year longer than the reporting
    /// period.
    fn sentence_opens_on_longer_period(&self, start: usize, at: usize) -> bool {
        let Some(period) = self.anchor.period else {
            return false;
        };
        self.times_within(start, at).iter().any(|t| match t.when {
            When::Quarter { .. } | When::Year(_) => {
                let lead =
                    &self.text[floor_char_boundary(self.text, t.start.saturating_sub(12))..t.start];
                let aggregate = matches!(t.when, When::Quarter { .. }) || year_is_aggregate(lead);
                aggregate
                    && self
                        .anchor
                        .resolve(t.when)
                        .is_none_or(|p| p.months() > period.months())
            }
            _ => false,
        })
    }

    /// A time expression that closes the figure's clause after nothing but coordinated
    /// figures and unit words: ", or 12.2 BTC per day, in March".
    fn trailing_time(&self, q: &Quantity, rest: &str) -> Option<When> {
        let rest_end = q.end + rest.len();
        let first_after = self.times.partition_point(|t| t.start < q.end);
        let t = self.times.get(first_after).filter(|t| t.start < rest_end)?;
        // cannot fail: `t` was found at or after `q.end`.
        let gap = &self.text[q.end..t.start];
        if gap.len() > 60 || !gap.trim_end().ends_with(", in") && !gap.trim_end().ends_with(", for")
        {
            return None;
        }
        // Only numbers, units, "or"/"and", "per day" and commas may stand between.
        let words_ok = gap
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .all(|w| {
                let w = w.to_ascii_lowercase();
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || c == '$' || c == '~')
                    || matches!(
                        w.as_str(),
                        "or" | "and"
                            | "in"
                            | "for"
                            | "per"
                            | "a"
                            | "day"
                            | "btc"
                            | "bitcoin"
                            | "bitcoins"
                            | "eh/s"
                            | "ph/s"
                            | "approximately"
                            | "about"
                            | "million"
                            | "respectively"
                    )
            });
        // The time closes the clause: "..., in September end was 9.65 EH/s" opens another.
        let closes = self.text[t.end..]
            .trim_start_matches([' ', '\t'])
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '.' | ',' | ';' | ')' | ']' | '\n' | '\r'));
        (words_ok && closes).then_some(t.when)
    }

    /// Whether a time expression closes the figure right before it: "from 2.26 Exahash at
    /// the start of August to 2.63 Exahash" (the time is 2.26's, not 2.63's).
    fn closes_a_figure(&self, t: &time::Found) -> bool {
        let before = self.quantities.partition_point(|q| q.end <= t.start);
        before.checked_sub(1).is_some_and(|i| {
            let gap = &self.text[self.quantities[i].end..t.start];
            gap.len() <= 12 && gap.chars().all(|c| c.is_alphabetic() || c == ' ')
        })
    }

    /// The role of a prose figure: its own time expression, role words next to it, a time
    /// expression earlier in its clause, a comparison word, else the current period.
    fn prose_role(&self, q: &Quantity, w: &Window<'_>) -> Option<Role> {
        let text = self.text;
        // A time expression right after the figure belongs to it: "437 bitcoin in October".
        let after_end = q.end + w.after.len();
        // A date that starts right after the figure may run past a comma ("at June 30,
        // 2025"): it belongs to the figure as long as it starts within its clause.
        let first_after = self.times.partition_point(|t| t.start < q.end);
        if let Some(t) = self.times.get(first_after).filter(|t| t.start < after_end)
            && (!matches!(t.when, When::Year(_)) || year_is_aggregate(&text[q.end..t.start]))
        {
            return Some(self.role_of(t.when).unwrap_or(Role::Other));
        }
        // "25 EH/s of self-mining hashrate by Thanksgiving 2025": a deadline in a year not
        // yet over when the release came out.
        if let Some(t) = self.times.get(first_after).filter(|t| t.start < after_end)
            && let When::Year(y) = t.when
            && self
                .anchor
                .published
                .map(|d| chrono::Datelike::year(&d))
                .or(self.year())
                .is_some_and(|now| now <= y)
            && {
                let lead = flat(&text[q.end..t.start]).to_ascii_lowercase();
                lead.rfind(" by ")
                    .is_some_and(|b| lead[b..].split_whitespace().count() <= 4)
            }
        {
            return Some(Role::Other);
        }
        let rest = flat(&w.rest[..floor_char_boundary(w.rest, 48)]).to_ascii_lowercase();
        // "8 EH/s operating as at the date of this update": after the period.
        if [
            "date of this update",
            "date of this release",
            "date of this announcement",
        ]
        .iter()
        .any(|p| rest.contains(p))
        {
            return Some(Role::Other);
        }
        // "grown from 6 EH/s to more than 23 EH/s in under a year": a base compared with a
        // bound is a growth story's start, not the prior period's figure.
        if let Some(to) = rest.trim_start().strip_prefix("to ")
            && vocab::find(to)
                .first()
                .is_some_and(|&(c, s, _)| c == Cue::Bound && s == 0)
        {
            return Some(Role::Other);
        }
        // "(September: 317 BTC and 35 BTC, respectively)": a bracket opened by a time
        // label speaks of that time throughout.
        let back = &text[w.clause_start..q.start];
        if let Some(open) = back.rfind('(').filter(|&o| !back[o..].contains(')')) {
            let open = w.clause_start + open + 1;
            if let [t] = self.times_within(open, q.start)
                && text[open..t.start].trim().is_empty()
                && text[t.end..].starts_with(':')
            {
                return Some(self.role_of(t.when).unwrap_or(Role::Other));
            }
        }
        // A quarter naming the figure a few words before it ("third-quarter revenue of
        // $51.9 million at the end of October") is its period, whatever date follows.
        // Not one that closes the previous figure's phrase ("from 1,415 bitcoin in the
        // fiscal fourth quarter, an average of 20.30 bitcoin per day").
        let near = floor_char_boundary(text, q.start.saturating_sub(40))
            .max(w.clause_start)
            .max(w.attached_limit);
        if let Some(t) = self
            .times_within(near, q.start)
            .iter()
            .rev()
            .find(|t| matches!(t.when, When::Quarter { .. }))
            && self.role_of(t.when) != Some(Role::Current)
        {
            return Some(self.role_of(t.when).unwrap_or(Role::Other));
        }
        // "compared with 379 bitcoin, or 12.2 BTC per day, in March": a period closing the
        // clause after coordinated figures applies to each of them.
        if let Some(t) = self.trailing_time(q, w.rest) {
            return Some(self.role_of(t).unwrap_or(Role::Other));
        }
        // Role words next to the figure. What a purpose clause names ("sold 276 Bitcoin to
        // help fund its expansion") is no plan of the figure.
        let purpose = purpose_clause(w.after);
        for &(c, s, _) in &w.after_cues {
            match c {
                Cue::Target if purpose.is_some_and(|p| p < s) => {}
                Cue::Aggregate | Cue::YearAgo | Cue::Target => return Some(Role::Other),
                Cue::Prior => return Some(Role::Prior),
                _ => {}
            }
        }
        let clause = &text[w.clause_start..q.start];
        let clause_cues = self.without_past_deadlines(vocab::find(clause), w.clause_start);
        if vocab::has(&clause_cues, Cue::Target) || imperative_plan(text, q.start) {
            return Some(Role::Other);
        }
        if w.reaches {
            // "rose 5% to 60.4 EH/s" is the period's own figure, unless the clause names
            // another period outright ("As of October 31, ..., grown to 1,610 BTC" in a
            // third-quarter release).
            let named_other = self
                .times
                .iter()
                .filter(|t| t.start >= w.clause_start && t.end <= q.start)
                .any(|t| {
                    !matches!(t.when, When::Year(_)) && self.role_of(t.when) == Some(Role::Other)
                });
            // "the curtailment that held August production to 477 bitcoin": the earlier
            // month the clause names, unless it is what a change is measured from ("from
            // March to 60.4 EH/s").
            let named_prior = self
                .times_within(w.clause_start.max(w.attached_limit), q.start)
                .iter()
                .rev()
                .find(|t| !matches!(t.when, When::Year(_)))
                .is_some_and(|t| {
                    let lead = text[floor_char_boundary(text, t.start.saturating_sub(12))..t.start]
                        .to_ascii_lowercase();
                    self.role_of(t.when) == Some(Role::Prior)
                        && ![
                            "from ", "over ", "since ", "versus ", "vs. ", "vs ", "than ", "with ",
                            "to ",
                        ]
                        .iter()
                        .any(|w| lead.ends_with(w))
                        && !self.closes_a_figure(t)
                });
            if named_prior {
                return Some(Role::Prior);
            }
            // "For the twelve months, revenue rose 69% to $656.4 million": a total's words.
            let named_other = named_other || vocab::has(&clause_cues, Cue::Aggregate);
            return Some(if named_other {
                Role::Other
            } else {
                Role::Current
            });
        }
        // "During the eight months ended April 30, Riot mined 3,500 BTC": a total's words
        // outrank the date that closes it.
        if vocab::has(&clause_cues, Cue::Aggregate) {
            return Some(Role::Other);
        }
        // A time expression earlier in the clause, unless it was the previous figure's own
        // ("up 2% from 445 in September and 505 in October 2024") or it precedes the
        // comparison word ("at the end of September from 5,193.4 BTC").
        if let Some(t) = (!w.comparison).then_some(()).and(
            self.times_within(w.clause_start.max(w.attached_limit), q.start)
                .last(),
        ) {
            let lead = &text[floor_char_boundary(text, t.start.saturating_sub(12))..t.start];
            // "three days shorter than January, the more useful comparison is the daily
            // rate: output averaged 5.8 BTC per day": a colon opens what the time was not in.
            // A time set as a label ("(May 2022: $4.53 million)") still names its value.
            let between = &text[t.end..q.start];
            let colon_between = between.contains(": ") && !between.trim_start().starts_with(':');
            if (!matches!(t.when, When::Year(_)) || year_is_aggregate(lead)) && !colon_between {
                return Some(self.role_of(t.when).unwrap_or(Role::Other));
            }
        }
        // "19.7 EH/s in November, when the company mined 379 BTC": a "when" clause speaks of
        // the time it follows, even where that time is the previous figure's.
        // "below July's 375 Bitcoin, when the Company averaged 12.1 BTC a day": after the
        // figure of that time too.
        if let Some(t) = self.times_within(w.clause_start, q.start).last()
            && text[t.end..q.start].contains("when")
            && {
                let between = flat(&text[t.end..q.start]);
                between
                    .trim_start_matches(',')
                    .trim_start()
                    .starts_with("when ")
                    || between.contains(", when ") && !between.contains(". ")
            }
        {
            return Some(self.role_of(t.when).unwrap_or(Role::Other));
        }
        for &(c, _, _) in clause_cues.iter().rev() {
            match c {
                Cue::Aggregate | Cue::YearAgo => return Some(Role::Other),
                Cue::Prior => return Some(Role::Prior),
                _ => {}
            }
        }
        if w.comparison {
            return Some(Role::Prior);
        }
        None
    }
}

/// The text around one prose figure.
struct Window<'t> {
    /// The rest of the sentence after the figure.
    rest: &'t str,
    /// Text after the figure up to the end of its clause.
    after: &'t str,
    /// Cues in the first words after the figure.
    after_cues: Found,
    /// Where the figure's clause starts (after ", and", "; ", " while "...).
    clause_start: usize,
    /// Time expressions starting before this belong to the previous figure.
    attached_limit: usize,
    /// A comparison word right before the figure.
    comparison: bool,
    /// "to" right before the figure: what a change reached.
    reaches: bool,
}

#[derive(Clone, Copy)]
enum Kind {
    Blank,
    Table,
    Prose,
}

/// A bare year right after a figure ("12,852 BTC in 2023") is a full-year total; a year
/// that closes a date is not.
fn year_is_aggregate(between: &str) -> bool {
    let t = between.trim().to_ascii_lowercase();
    t.is_empty()
        || [
            "in",
            "for",
            "during",
            "of",
            "cy",
            "fy",
            "calendar",
            "fiscal",
            "year",
            "full-year",
            "whole",
            "all of",
            "throughout",
        ]
        .iter()
        .any(|w| t.ends_with(w))
}

/// Where the clause holding `at` starts: after the last ", and", "; ", " but ", " while "
/// or " whereas " before it. A ", which" clause is not cut from the words it refers to
/// ("converted GPUs to high-performance computing, which earned US$0.1 million of revenue"
/// speaks of the computing business).
fn clause_start(text: &str, start: usize, at: usize) -> usize {
    // cannot fail: callers pass a sentence start and a quantity start after it.
    let region = flat(&text[start..at]);
    let mut best = 0;
    for stop in [", and ", "; ", " but ", " while ", " whereas ", ", with "] {
        if let Some(i) = region.rfind(stop) {
            best = best.max(i + stop.len());
        }
    }
    // A full stop, but not an abbreviation's ("the fiscal year that ended Sept. 30").
    let mut search = region.len();
    while let Some(i) = region[..search].rfind(". ") {
        if !abbreviation_before(&region, i) {
            best = best.max(i + 2);
            break;
        }
        search = i;
    }
    start + best
}

/// Whether the full stop at `i` in `s` closes an abbreviation ("Sept.", "Appx.").
fn abbreviation_before(s: &str, i: usize) -> bool {
    let word = s[..i]
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '|')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    ABBREVIATIONS.contains(&word.as_str())
}

/// Whether a clause speaks of one site ("The Company's Childress site in Texas has"): a
/// singular site word, and no word of the whole ("total", "across", "portfolio", "its sole
/// site").
fn one_site(clause: &str) -> bool {
    let c = flat(clause).to_ascii_lowercase();
    let words: Vec<&str> = c
        .split(|ch: char| !ch.is_ascii_alphanumeric() && ch != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let site = words
        .iter()
        .any(|w| matches!(*w, "site" | "facility" | "campus" | "plant"));
    let whole = words.iter().any(|w| {
        matches!(
            *w,
            "total"
                | "across"
                | "portfolio"
                | "combined"
                | "aggregate"
                | "sites"
                | "facilities"
                | "sole"
                | "only"
                | "entire"
        )
    });
    site && !whole
}

/// Whether a label sums the company's scope with customers' ("Proprietary hash rate
/// (self-mining + cloud)"): a total, neither's figure.
fn mixed_scope(label: &str, cues: &Found) -> bool {
    vocab::has(cues, Cue::Own)
        && vocab::has(cues, Cue::Hosted)
        && (label.contains('+') || label.to_ascii_lowercase().contains(" plus "))
}

/// Whether the words right before a figure state a change rather than a level: +1 for "up",
/// "an increase of", "rose by"; -1 for "down", "a decrease of", "fell by".
fn change_phrase(before: &str) -> Option<i8> {
    static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:(?P<up>up|(?:an?\s+)?(?:increase|rise|gain|jump)\s+of|(?:rose|increased|grew|climbed|jumped|gained)\s+by)|(?P<down>down|(?:an?\s+)?(?:decrease|decline|drop|fall)\s+of|(?:fell|decreased|declined|dropped|slipped)\s+by))\s+(?:approximately\s+|about\s+|roughly\s+|~\s*)?$",
        )
        // cannot fail: the pattern is built from constants only and compiled by every test.
        .expect("fixed pattern")
    });
    let c = PHRASE.captures(before)?;
    if c.name("up").is_some() {
        Some(1)
    } else {
        Some(-1)
    }
}

/// Whether a figure right after a change verb without "by" is the change's amount: the
/// level of the same kind follows after "to" with at most a percentage between
/// ("increased $69.3 million, or 163%, to $111.8 million"; "fell 41 BTC to 516 BTC").
fn bare_change(before: &str, qs: &[Quantity], i: usize, text: &str) -> Option<i8> {
    static VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:(?P<up>rose|increased|grew|climbed|jumped|gained|added)|(?:fell|decreased|declined|dropped|slipped))\s+(?:approximately\s+|about\s+|roughly\s+|~\s*)?$",
        )
        // cannot fail: the pattern is built from constants only and compiled by every test.
        .expect("fixed pattern")
    });
    let c = VERB.captures(before)?;
    let q = &qs[i];
    let mut words = String::new();
    let mut from = q.end;
    for n in &qs[i + 1..] {
        words.push_str(&text[from..n.start]);
        if n.dim == q.dim {
            let words = words.trim().trim_matches(',').trim().to_ascii_lowercase();
            let words = words
                .trim_start_matches("or")
                .trim_start_matches([',', ' ']);
            return (words == "to").then_some(if c.name("up").is_some() { 1 } else { -1 });
        }
        if n.dim != Dim::Percent {
            return None;
        }
        words.push(' ');
        from = n.end;
    }
    None
}

/// Whether the line a figure stands in opens with a verb in the imperative, as a plan's
/// bullet does ("- Reach 25 EH/s of self-mining hashrate", "Expand Yguazú to 300 MW"),
/// and the figure is in its first sentence.
fn imperative_plan(text: &str, at: usize) -> bool {
    const VERBS: &[&str] = &[
        "Reach", "Achieve", "Expand", "Double", "Triple", "Complete", "Deliver", "Grow", "Build",
        "Energize", "Deploy",
    ];
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let head = text[line_start..at].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '*' | '•' | '–' | '·')
    });
    let first = head
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    VERBS.contains(&first) && !has_full_stop(head)
}

/// Whether the words after a figure break it into parts one of which is hosted or
/// customers' ("..., of which 58,000 were owned by the Company and 133,000 hosted").
fn splits_into_hosted(rest: &str) -> bool {
    let head = rest.trim_start_matches(|c: char| c.is_alphabetic() || c == ' ' || c == '-');
    let head = head
        .trim_start_matches([',', ' ', '('])
        .to_ascii_lowercase();
    (head.starts_with("of which")
        || head.starts_with("including")
        || head.starts_with("consisting of"))
        && vocab::has(&vocab::find(rest), Cue::Hosted)
}

/// "8% fewer than": a bound phrase right after a percentage is a comparison.
fn after_percent_bound(tail: &Found, after_percent: bool) -> bool {
    after_percent && vocab::has(tail, Cue::Bound)
}

/// A compared figure takes the measure of the figure it is compared with, but a total is
/// not a per-day rate: "an average of 4.2 BTC per day, compared with 140 BTC, or 4.7 BTC
/// per day" compares 140 with the month's total.
fn compared(last: Reading, after: &str, daily_alternative_follows: bool) -> Reading {
    let per_day = vocab::has(&vocab::find(after), Cue::PerDay);
    let metric = match last.metric {
        Metric::BtcMinedAvgDaily if !per_day && daily_alternative_follows => Metric::BtcMined,
        Metric::BtcMined if per_day => Metric::BtcMinedAvgDaily,
        m => m,
    };
    Reading { metric, ..last }
}

/// "a touch below the 445 bitcoin": a bound phrase before a definite figure compares.
fn definite_bound(tail: &Found, before: &str) -> bool {
    let t = before.trim_end().to_ascii_lowercase();
    vocab::has(tail, Cue::Bound) && (t.ends_with(" the") || t.ends_with(" its"))
}

/// Where the words that belong to the previous figure end: its own trailing phrase up to
/// the first comma, semicolon or conjunction ("445 bitcoin earned in September, ..."), or
/// only connectors and its time expression when no such break comes first.
fn attached_end(text: &str, prev_end: usize, limit: usize) -> usize {
    // cannot fail: callers pass an earlier quantity's end and a later quantity's start.
    let rest = &text[prev_end..limit];
    if let Some(i) = first_break(rest) {
        // A short trailing phrase without a comparison ("earned in February") is the
        // previous figure's; a longer one is a clause of its own.
        let phrase = &rest[..i];
        let compares = vocab::find(phrase)
            .iter()
            .any(|&(c, _, _)| matches!(c, Cue::Compare | Cue::Prior | Cue::YearAgo));
        if phrase.len() <= 30 && !compares && !phrase.contains('%') {
            return prev_end + i;
        }
    }
    let mut at = 0;
    for word in rest.split_inclusive(' ') {
        let w = word.trim().trim_end_matches(',').to_ascii_lowercase();
        let connector = matches!(
            w.as_str(),
            "" | "in"
                | "for"
                | "during"
                | "at"
                | "as"
                | "of"
                | "on"
                | "the"
                | "month"
                | "end"
                | "through"
        );
        let timeish = vocab::month_number(&w).is_some()
            || w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty();
        if connector || timeish {
            at += word.len();
        } else {
            break;
        }
    }
    prev_end + at
}

/// The first clause break in `s`: a comma, a semicolon or a conjunction.
fn first_break(s: &str) -> Option<usize> {
    let s = flat(s);
    [", ", "; ", " and ", " or ", " while ", " but "]
        .iter()
        .filter_map(|b| s.find(b))
        .min()
}

/// The part of the text between two figures that is not the first figure's own phrase:
/// what follows the later of its first comma and its first conjunction ("Bitcoin or
/// Bitcoin Equivalents (together, "BTC"), an average of").
fn after_attached(between: &str) -> &str {
    let spaced = flat(between);
    // The last comma: "16,402 BTC that were loaned, actively managed or pledged as
    // collateral, up from 49,940 BTC" leaves "up from" as the later figure's words.
    let comma = spaced.rfind(", ").map(|i| i + 2);
    let conj = [" and ", " or ", " while ", " but "]
        .iter()
        .filter_map(|b| spaced.find(b).map(|i| i + b.len()))
        .min();
    match comma.max(conj) {
        Some(i) => &between[i..],
        None => between,
    }
}

/// Whether a bare number after a figure continues it: "an average of 21.43 per day".
fn continues(last: Reading, after: &str) -> bool {
    let daily = vocab::has(&vocab::find(after), Cue::PerDay);
    daily
        && matches!(
            last.metric,
            Metric::BtcMined | Metric::BtcMinedAvgDaily | Metric::BtcMinedPrior
        )
}

/// The reading a continued bare number takes: a per-day rate after a production figure.
fn continued(last: Reading, after: &str) -> Reading {
    if vocab::has(&vocab::find(after), Cue::PerDay) && last.metric == Metric::BtcMined {
        Reading {
            metric: Metric::BtcMinedAvgDaily,
            ..last
        }
    } else {
        last
    }
}

/// Whether a clause names bitcoin as a noun, so a bare number in it counts coins.
/// Whether the word right before a bare number makes it part of a name: "Building 2",
/// "Phase 1", "Site 3", "No. 4".
fn names_a_thing(before: &str) -> bool {
    let Some(word) = before.strip_suffix(' ').and_then(|b| b.rsplit(' ').next()) else {
        return false;
    };
    const NAMES: &[&str] = &[
        "Building",
        "Phase",
        "Site",
        "Unit",
        "Stage",
        "Block",
        "Pod",
        "Hall",
        "Tranche",
        "Facility",
        "Plant",
        "Campus",
        "Series",
        "Model",
        "No.",
        "Number",
        "Step",
        "Tier",
        "Zone",
        "Area",
        "Line",
        "Lot",
        "Parcel",
        "Section",
        "Item",
        "Note",
        "Rule",
        "Form",
        "Exhibit",
        "Schedule",
        "Part",
        "Chapter",
        "Article",
        "Level",
        "Generation",
        "Gen",
        "Version",
        "Round",
        "Week",
        "Day",
    ];
    NAMES.contains(&word)
}

/// Whether a header line of `titles` cells spans a line of `cells` cells below it: each
/// title over the same number of columns, after an optional label cell. Gives the number of
/// label cells and the columns per title.
fn spans_columns(titles: usize, cells: usize) -> Option<(usize, usize)> {
    if titles == 0 || titles >= cells {
        return None;
    }
    [0, 1].into_iter().find_map(|label| {
        let values = cells - label;
        (values.is_multiple_of(titles) && values / titles >= 2).then_some((label, values / titles))
    })
}

/// Whether a line links to another story, as news pages set them between paragraphs:
/// "Read more: ...", "Related: ...", "See also: ...".
fn is_link_line(line: &str) -> bool {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || "-•*·–|>".contains(c));
    let t = t[..floor_char_boundary(t, 24)].to_ascii_lowercase();
    [
        "read more:",
        "read more ",
        "related:",
        "related story:",
        "related stories:",
        "related articles:",
        "related news:",
        "see also:",
        "also read:",
        "read also:",
        "recommended:",
        "trending:",
        "more news:",
        "more from",
        "don't miss:",
        "you may also like",
        "popular:",
        "latest:",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// The measure a verb right before a figure names, for verbs too common elsewhere to be
/// cues on their own: "mining 516 bitcoin" (not "the mining company"), "owned 553.2 BTC"
/// (not "company-owned machines").
fn verb_before(before: &str) -> Option<Cue> {
    let t = before.trim_end().to_ascii_lowercase();
    let t = t
        .trim_end_matches("approximately")
        .trim_end_matches("about")
        .trim_end_matches("roughly")
        .trim_end_matches('~')
        .trim_end();
    let word = t.rsplit(' ').next().unwrap_or(t);
    // "Riot ended April with 1,103 BTC": a period closed with a figure is a holding.
    static CLOSED_WITH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b(?:ended|closed|finished|exited|ends|closes|finishes|ending|closing|finishing)\s+(?:the\s+)?(?:month|quarter|year|period|q[1-4]|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+\d{4})?\s+with$",
        )
        .expect("the closed-with pattern compiles")
    });
    match word {
        "mining" => Some(Cue::Mined),
        "owned" | "owns" | "owning" => Some(Cue::Held),
        "with" if CLOSED_WITH.is_match(t) => Some(Cue::Held),
        _ => None,
    }
}

/// Whether a figure is the company's own part of the total before it: it follows "of
/// which" or "including" (or continues such a list with "and"), the words after it say the
/// company owns it ("were self-owned", "were owned by the Company", "Greenidge-owned
/// miners"), and the rest of the sentence gives another part to customers or hosting.
fn own_part(between: &str, rest: &str, in_list: bool, customers_named: bool) -> bool {
    if !opens_part(between, in_list) && !in_list {
        return false;
    }
    let cut = [" and ", ", ", "; ", ". "]
        .iter()
        .filter_map(|s| rest.find(s))
        .min()
        .unwrap_or(rest.len());
    let own_words = rest[..cut].to_ascii_lowercase();
    let owned = [
        "owned",
        "self-mining",
        "self mining",
        "its own",
        "our own",
        "owns",
        "proprietary",
    ]
    .iter()
    .any(|w| own_words.contains(w));
    let theirs = [
        "hosted",
        "customer",
        "client",
        "partner",
        "third-party",
        "third party",
    ]
    .iter()
    .any(|w| own_words.contains(w));
    owned && !theirs && (customers_named || vocab::has(&vocab::find(&rest[cut..]), Cue::Hosted))
}

/// Whether the words after a figure make it a part of the total before it: "3.4 EH/s of
/// that capacity was owned by the Company".
fn part_of_that(rest: &str) -> bool {
    let t = rest.trim_start();
    let t = t.get(..t.len().min(16)).unwrap_or("").to_ascii_lowercase();
    ["of that", "of this", "of those", "of the total"]
        .iter()
        .any(|p| t.starts_with(p))
        || part_of_which(rest)
}

/// Whether the words after a figure make it a part of the figure before it by "of which"
/// ("173 BTC, 101 of which were held as equivalents").
fn part_of_which(rest: &str) -> bool {
    let t = rest.trim_start();
    t.get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("of which"))
}

/// The words after a part that say whose it is: past "of that capacity" when the part is
/// named that way.
fn part_rest(rest: &str) -> &str {
    if !part_of_that(rest) {
        return rest;
    }
    // "of that capacity was owned by Stronghold": what follows the noun after "of that".
    let t = rest.trim_start();
    let skip = rest.len() - t.len();
    let words: usize = t.split_inclusive(' ').take(3).map(str::len).sum();
    &rest[(skip + words).min(rest.len())..]
}

/// Whether the words before a figure open a part of the total before it: "of which",
/// "including", or "and" continuing such a list.
/// Whether a count of machines is of machines added, received or ordered: the verb right
/// before it ("added 1,200", "took delivery of approximately 2,000", "Orders 19,280") or
/// right after its noun ("9,000 S19j XP miners delivered to ...").
fn added_machines(before: &str, after: &str) -> bool {
    const ADDED: &[&str] = &[
        "added",
        "adds",
        "adding",
        "received",
        "receives",
        "receiving",
        "delivered",
        "orders",
        "ordering",
        "buys",
        "bought",
        "acquires",
        "acquired",
    ];
    let t = before.trim_end().to_ascii_lowercase();
    let t = [
        "approximately",
        "about",
        "roughly",
        "around",
        "another",
        "an additional",
        "~",
    ]
    .iter()
    .fold(t.as_str(), |t, w| t.strip_suffix(w).unwrap_or(t).trim_end());
    let last = t.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let before_verb = ADDED.contains(&last) || t.ends_with("delivery of");
    let noun_then = after
        .split_whitespace()
        .skip_while(|w| {
            let w = w.to_ascii_lowercase();
            !matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "miners" | "rigs" | "machines" | "asics"
            )
        })
        .nth(1)
        .is_some_and(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_ascii_lowercase();
            ADDED.contains(&w.as_str()) || w == "arrived"
        });
    before_verb || noun_then
}

/// Whether a sentence opens by referring to the total before it ("Of that total, ...").
fn refers_to_total(rest: &str) -> bool {
    let t = rest.trim_start();
    let t = t.get(..t.len().min(20)).unwrap_or("").to_ascii_lowercase();
    [
        "of that total,",
        "of this total,",
        "of the total,",
        "of that amount,",
        "of this amount,",
        "of these,",
        "of those,",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

fn opens_part(between: &str, in_list: bool) -> bool {
    let b = between.trim_end();
    let b = &b[floor_char_boundary(b, b.len().saturating_sub(32))..];
    let b = b.to_ascii_lowercase();
    let b = b
        .trim_end_matches("approximately")
        .trim_end_matches("about")
        .trim_end_matches('~')
        .trim_end();
    b.ends_with("of which")
        || b.ends_with("including")
        || b.rfind(". ").is_some_and(|p| refers_to_total(&b[p + 1..]))
        || in_list && (b.ends_with(" and") || b.ends_with(','))
}

/// The few words before a figure, for its qualifiers ("approximately").
fn tail_text<'t>(text: &'t str, q: &Quantity) -> &'t str {
    &text[floor_char_boundary(text, q.start.saturating_sub(24))..q.start]
}

/// For a figure in a list closed by "respectively" ("were 1,038.4 and 20,508.3,
/// respectively"), whether the coin named in the same place of the list before it is
/// bitcoin ("holdings of BTC and ETH"). `None` when the figure is in no such list or the
/// list before it names no coins.
/// The figures around `i` joined by "and" or commas into a list closed by "respectively":
/// the indices of its first and last figure.
fn respective_list(text: &str, qs: &[Quantity], i: usize) -> Option<(usize, usize)> {
    let joins = |between: &str| {
        let b = between.trim().trim_end_matches(',').trim();
        matches!(b, "and" | "," | "" | ", and")
    };
    let mut first = i;
    while first > 0 && joins(&text[qs[first - 1].end..qs[first].start]) {
        first -= 1;
    }
    let mut last = i;
    while last + 1 < qs.len() && joins(&text[qs[last].end..qs[last + 1].start]) {
        last += 1;
    }
    if first == last {
        return None;
    }
    let closed = |k: usize| {
        let after = &text[qs[k].end..floor_char_boundary(text, (qs[k].end + 20).min(text.len()))];
        after
            .trim_start_matches([',', ' '])
            .to_ascii_lowercase()
            .starts_with("respectively")
    };
    if closed(last) || trailing_respective(text, qs, last).is_some() {
        return Some((first, last));
    }
    // "BTC and ETH were 955.8 and 20,114.3 with a fair market value of $67.9 million and
    // $72.4 million, respectively": a parallel list right after closes both.
    let n = last - first;
    let other = last + 1 + n;
    (other < qs.len()
        && (last + 1..other).all(|k| joins(&text[qs[k].end..qs[k + 1].start]))
        && closed(other))
    .then_some((first, last))
}

/// The words between a list's last figure and a "respectively" that closes the list of its
/// subjects after it ("15.1 EH/s and 0.6 EH/s were allocated to self-mining and to the cloud
/// business, respectively"), before any other figure or sentence end.
fn trailing_respective<'t>(text: &'t str, qs: &[Quantity], last: usize) -> Option<&'t str> {
    let end = qs.get(last + 1).map_or(text.len(), |q| q.start);
    let rest = &text[qs[last].end..floor_char_boundary(text, end.min(qs[last].end + 160))];
    let at = rest.to_ascii_lowercase().find("respectively")?;
    let words = rest[..at].trim_end().trim_end_matches(',');
    (!words.contains(". ") && !words.contains('\n') && words.contains(" and ")).then_some(words)
}

/// For a figure in a list closed by "respectively" whose subjects are the company and its
/// customers ("Cloud-mining customers and the Company's self-mining operations produced 329
/// BTC and 39 BTC, respectively"): whether the subject in the same place is the company's
/// own (`Some(true)`) or customers' (`Some(false)`). A bracketed list after it ("(September:
/// 317 BTC and 35 BTC, respectively)") has the sentence's subjects.
fn respective_scope(text: &str, start: usize, qs: &[Quantity], i: usize) -> Option<bool> {
    let (first, last) = respective_list(text, qs, i)?;
    let scopes = |lead: &str| -> Vec<Option<bool>> {
        let lead = flat(lead);
        lead.split(", and ")
            .flat_map(|p| p.split(" and "))
            .flat_map(|p| p.split(", "))
            .map(|item| {
                let cues = vocab::find(item);
                match (vocab::has(&cues, Cue::Own), vocab::has(&cues, Cue::Hosted)) {
                    (true, false) => Some(true),
                    (false, true) => Some(false),
                    _ => None,
                }
            })
            .collect()
    };
    let n = last - first + 1;
    let lead_start = clause_start(text, start, qs[first].start);
    let lead = &text[lead_start..qs[first].start];
    let items = match lead.rfind('(') {
        // A bracketed list: its own subjects, else the sentence's, before its first figure.
        Some(open) => {
            let inner = scopes(&lead[open + 1..]);
            if inner.iter().any(Option::is_some) {
                inner
            } else {
                let head_end = qs.first().map_or(start, |q| q.start).max(start);
                scopes(&text[start..head_end])
            }
        }
        None => scopes(lead),
    };
    // "15.1 EH/s and 0.6 EH/s were allocated to self-mining and to the cloud business,
    // respectively": the subjects after the figures.
    let items = match trailing_respective(text, qs, last) {
        Some(words) if !items.contains(&Some(true)) || !items.contains(&Some(false)) => {
            scopes(words)
        }
        _ => items,
    };
    if items.len() < n {
        return None;
    }
    let mine = &items[items.len() - n..];
    // Both kinds must be named, each once per place, or the list says nothing of scope.
    if !(mine.contains(&Some(true)) && mine.contains(&Some(false))) || mine.contains(&None) {
        return None;
    }
    mine[i - first]
}

fn respective_coin(text: &str, start: usize, qs: &[Quantity], i: usize) -> Option<bool> {
    let (first, last) = respective_list(text, qs, i)?;
    // The coins named before the list, in order; the last as many as the list has figures.
    let lead = &text[floor_char_boundary(text, qs[first].start.saturating_sub(160).max(start))
        ..qs[first].start];
    let coins: Vec<bool> = lead
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| {
            let w = w.to_ascii_lowercase();
            match w.as_str() {
                "btc" | "bitcoin" | "bitcoins" => Some(true),
                "eth" | "ether" | "ethereum" | "doge" | "dogecoin" | "ltc" | "litecoin" | "sol"
                | "solana" | "kas" | "kaspa" => Some(false),
                _ => None,
            }
        })
        .collect();
    let n = last - first + 1;
    if coins.len() < n || !coins.contains(&true) {
        return None;
    }
    coins.get(coins.len() - n + (i - first)).copied()
}

/// Whether "sold" stands right before a figure: "sold all 156", "Sold approximately 80".
fn sold_right_before(before: &str) -> bool {
    let t = before.trim_end().to_ascii_lowercase();
    let mut t = t.as_str();
    for filler in [
        "approximately",
        "about",
        "roughly",
        "all of its",
        "all of the",
        "all",
        "the",
    ] {
        t = t.trim_end_matches(filler).trim_end();
    }
    t.ends_with(" sold") || t == "sold"
}

/// Whether a number is set off by markup or brackets on both sides: `>3<`, `[3]`, `(3)`.
fn marked_off(text: &str, q: &Quantity) -> bool {
    let b = text.as_bytes();
    let before = q.start.checked_sub(1).and_then(|i| b.get(i)).copied();
    let after = b.get(q.end).copied();
    matches!(
        (before, after),
        (Some(b'>'), Some(b'<')) | (Some(b'['), Some(b']')) | (Some(b'('), Some(b')'))
    )
}

/// Whether a clause speaks of "the number of" machines, miners or rigs.
fn counts_machines(clause: &str) -> bool {
    // "Mining machines under management totaled approximately 152,000": the machines are
    // the clause's subject and a verb of amount stands right before the figure.
    let is_machine = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        ["machines", "miners", "rigs", "asics", "servers"]
            .iter()
            .any(|n| w.eq_ignore_ascii_case(n))
    };
    let t = clause.trim_end();
    let t = ["approximately", "about", "roughly", "around", "~"]
        .iter()
        .fold(t, |t, q| t.strip_suffix(q).unwrap_or(t).trim_end());
    let amount = [
        " totaled",
        " totalled",
        " totaling",
        " numbered",
        " stood at",
        " reached",
        " came to",
        " amounted to",
        " was",
        " were",
    ]
    .iter()
    .find(|v| t.ends_with(*v));
    if let Some(v) = amount
        && t[..t.len() - v.len()]
            .split_whitespace()
            .rev()
            .take(6)
            .any(is_machine)
    {
        return true;
    }
    // Without a lower-case copy of the clause: this runs for bare numbers in long sentences.
    clause.match_indices("umber of ").any(|(i, m)| {
        i > 0
            && clause.as_bytes()[i - 1].eq_ignore_ascii_case(&b'n')
            && clause[i + m.len()..].split_whitespace().take(3).any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                ["machines", "miners", "rigs", "asics", "servers"]
                    .iter()
                    .any(|n| w.eq_ignore_ascii_case(n))
            })
    })
}

fn names_bitcoin(clause: &str) -> bool {
    clause.split(|c: char| !c.is_alphanumeric()).any(|w| {
        w.eq_ignore_ascii_case("bitcoin")
            || w.eq_ignore_ascii_case("btc")
            || w.eq_ignore_ascii_case("bitcoins")
    })
}

fn combine(col: Role, label: Option<Role>) -> Role {
    match (col, label) {
        (_, Some(Role::Other)) => Role::Other,
        (Role::Current, Some(Role::Prior)) => Role::Prior,
        (c, _) => c,
    }
}

fn align(columns: &[Option<Role>], n: usize) -> Vec<Option<Role>> {
    if columns.len() == n {
        columns.to_vec()
    } else if columns.len() < n {
        // Extra cells on the left are label fragments; header columns sit over the right.
        let mut out = vec![None; n - columns.len()];
        out.extend_from_slice(columns);
        out
    } else {
        // cannot fail: this branch has `columns.len() > n`.
        columns[..n].to_vec()
    }
}

/// Whether a cue says what is measured (production, holdings, hashrate, power...), as
/// opposed to whose, when or what kind of figure it is.
fn measures(c: Cue) -> bool {
    matches!(
        c,
        Cue::Mined
            | Cue::Held
            | Cue::Sold
            | Cue::Daily
            | Cue::PerDay
            | Cue::Blocks
            | Cue::Miners
            | Cue::Efficiency
            | Cue::Power
            | Cue::Revenue
            | Cue::MiningRevenue
            | Cue::Hashrate
            | Cue::Capacity
            | Cue::Average
            | Cue::Operating
            | Cue::PointInTime
    )
}

/// Which figure a dimension and its cues make, if any.
/// The bitcoin network's peak hashrate in a year, in EH/s, rounded up; a quarter of it is
/// more than any one company has ever run or managed. After the last year of the table the
/// network is taken to grow by half each year; without a year, the last one is used.
fn network_peak(year: Option<i32>) -> Decimal {
    const PEAKS: &[(i32, i64)] = &[
        (2018, 65),
        (2019, 130),
        (2020, 180),
        (2021, 210),
        (2022, 300),
        (2023, 560),
        (2024, 800),
        (2025, 1200),
    ];
    let (last_year, last_peak) = PEAKS[PEAKS.len() - 1];
    let year = year.unwrap_or(last_year).max(PEAKS[0].0);
    let mut peak = PEAKS
        .iter()
        .find(|&&(y, _)| y == year)
        .map_or(last_peak, |&(_, p)| p);
    for _ in last_year..year.min(last_year + 20) {
        peak += peak / 2;
    }
    Decimal::from(peak)
}

/// The asides of a sentence that rank a figure among its peers (", one of the lowest in the
/// sector", ", among the best of listed miners"), as ranges of the sentence, each up to the
/// next comma or the sentence's end.
fn ranking_asides(sentence: &str) -> Vec<std::ops::Range<usize>> {
    static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i),\s+(?:which\s+(?:is|was|ranks|ranked)\s+)?(?:one\s+of\s+the|among\s+the|ranking\s+(?:it\s+)?among|placing\s+it\s+among)\b[^,;]*")
            .expect("the ranking-aside pattern compiles")
    });
    // Most sentences have neither word: the regex is not run on them.
    if !(sentence.contains("one of") || sentence.contains("among") || sentence.contains("One of")) {
        return Vec::new();
    }
    ASIDE.find_iter(sentence).map(|m| m.range()).collect()
}

/// Whether the words after a figure make it a threshold ("the 10-exahash mark", "the 50 EH/s
/// milestone").
fn threshold_after(rest: &str) -> bool {
    let words: Vec<String> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ')'))
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_ascii_lowercase)
        .collect();
    words.iter().any(|w| {
        matches!(
            w.as_str(),
            "mark" | "milestone" | "threshold" | "barrier" | "level" | "line"
        )
    })
}

/// Whether a label names the coin ("Bitcoin sold", "BTC held", "₿ mined").
fn names_coin(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    lower.contains("bitcoin") || lower.contains("btc") || label.contains('₿')
}

/// Where a purpose clause ("to fund", "to finance", "to pay for") opens in the words after
/// a figure: what it names is no plan, purchase or scope of the figure.
fn purpose_clause(after: &str) -> Option<usize> {
    [" to fund", " to help fund", " to finance", " to pay for"]
        .iter()
        .filter_map(|p| after.find(p))
        .min()
}

fn decide(
    dim: Dim,
    before: &Found,
    after: &Found,
    sentence: &Found,
    label: bool,
) -> Option<Reading> {
    let near = |cue: Cue| vocab::has(before, cue) || vocab::has(after, cue);
    let scope_bad =
        near(Cue::Hosted) || near(Cue::Network) || near(Cue::Target) || near(Cue::Hardware);
    // The company's own words rescue a figure from a hosting word ("self-mining ... while
    // hosting customers"), never from a network, target or third-party estimate.
    let not_own = near(Cue::Network) || near(Cue::Target) || near(Cue::Hardware);
    let own = near(Cue::Own);
    let r = |metric: Metric, rank: i32| Some(Reading { metric, rank, own });
    let own_bonus = if near(Cue::Own) { 3 } else { 0 } + if near(Cue::Total) { 1 } else { 0 };
    match dim {
        Dim::Btc => {
            // A machine's words ("to fund new miners") say nothing of a coin count.
            let scope_bad = near(Cue::Hosted) || near(Cue::Network) || near(Cue::Target);
            let not_own = near(Cue::Network) || near(Cue::Target);
            // "38.50 bitcoins were sold to pay hosting and electricity fees": a sale is the
            // company's, whatever it paid for.
            let sale = after
                .iter()
                .find(|(c, _, _)| matches!(c, Cue::Mined | Cue::Held | Cue::Sold))
                .map(|&(c, _, _)| c)
                .or_else(|| nearest_metric(before, &[Cue::Mined, Cue::Held, Cue::Sold]))
                == Some(Cue::Sold);
            // A sale's purpose ("to help fund its expansion") is no plan of the sale.
            let not_own = if sale {
                near(Cue::Network) || vocab::has(before, Cue::Target)
            } else {
                not_own
            };
            let scope_bad = scope_bad && (not_own || !sale);
            if scope_bad && (!near(Cue::Own) || not_own)
                || near(Cue::Purchased)
                || near(Cue::Equivalent)
                || near(Cue::Ratio)
            {
                return None;
            }
            let named_after = after
                .iter()
                .any(|(c, _, _)| matches!(c, Cue::Mined | Cue::Held | Cue::Sold));
            if near(Cue::Price) && !label && !named_after {
                // A dollar figure's neighbours ("at $81,731 per bitcoin") are not counts;
                // "the value of its 304.5 bitcoin holdings" still names the holdings.
                let last = nearest_metric(before, &[Cue::Price, Cue::Mined, Cue::Held, Cue::Sold]);
                if last == Some(Cue::Price) {
                    return None;
                }
            }
            // "per day" after the figure, "daily" before it, or "average ... per day" as a
            // label before it.
            if vocab::has(after, Cue::PerDay)
                || near(Cue::Daily)
                || (label || near(Cue::Average)) && near(Cue::PerDay)
            {
                // "exited the month at 7.6 BTC per day": a rate at a point in time, not
                // the period's average.
                if near(Cue::PointInTime) && !near(Cue::Average) {
                    return None;
                }
                return r(Metric::BtcMinedAvgDaily, own_bonus);
            }
            let first_after = after
                .iter()
                .find(|(c, _, _)| matches!(c, Cue::Mined | Cue::Held | Cue::Sold))
                .map(|&(c, _, _)| c);
            let cue = first_after
                .or_else(|| nearest_metric(before, &[Cue::Mined, Cue::Held, Cue::Sold]))?;
            match cue {
                Cue::Mined => r(Metric::BtcMined, own_bonus),
                Cue::Held => r(Metric::BtcHeld, own_bonus),
                Cue::Sold => r(Metric::BtcSold, own_bonus),
                _ => None,
            }
        }
        Dim::Hash => {
            if scope_bad && (!near(Cue::Own) || not_own)
                || near(Cue::Peak)
                || near(Cue::Ratio)
                || near(Cue::Purchased)
                || near(Cue::PerUnit)
            {
                return None;
            }
            // Capacity beats a month-end operating figure, which beats a hashrate of
            // unstated kind; the gaps outweigh the bonus a table row gets over prose.
            if near(Cue::Average) {
                r(Metric::HashrateOperating, own_bonus)
            } else if near(Cue::Capacity) {
                r(Metric::HashrateDeployed, own_bonus)
            } else if near(Cue::Operating) {
                r(Metric::HashrateDeployed, own_bonus - 15)
            } else if near(Cue::PointInTime) {
                r(Metric::HashrateDeployed, own_bonus - 1)
            } else if near(Cue::PerUnit) {
                None
            } else {
                // The unit alone says hashrate; its kind is unstated.
                r(Metric::HashrateDeployed, own_bonus - 18)
            }
        }
        Dim::Efficiency => {
            if scope_bad
                || near(Cue::PerUnit)
                || near(Cue::Purchased)
                || vocab::has(sentence, Cue::Purchased)
                || near(Cue::Hardware)
                // "the network's hash rate averaged 386 EH/s, and our fleet efficiency
                // improved to 25.3 J/TH": the company's own words outweigh the sentence's.
                || vocab::has(sentence, Cue::Network) && !vocab::has(before, Cue::Own)
            {
                return None;
            }
            (near(Cue::Efficiency) || vocab::has(sentence, Cue::Efficiency) || label).then_some(
                Reading {
                    metric: Metric::FleetEfficiency,
                    rank: own_bonus,
                    own,
                },
            )
        }
        Dim::Power => {
            // Energy used and capacity for other businesses ("critical IT capacity") are
            // not the miner's power capacity.
            if scope_bad || near(Cue::Price) || near(Cue::Usage) || near(Cue::Segment) {
                return None;
            }
            // "Hydropower MW | 166" under "Operating Capacity (MW) | 203": one source's row.
            if label && near(Cue::EnergySource) {
                return None;
            }
            (near(Cue::Power)
                || near(Cue::Capacity)
                || near(Cue::PointInTime)
                || near(Cue::Operating))
            .then_some(Reading {
                metric: Metric::PowerCapacity,
                rank: own_bonus,
                own,
            })
        }
        Dim::Usd => {
            // "$0.068 per TH/s per day": a price per unit, never revenue.
            if scope_bad || near(Cue::Segment) || near(Cue::Ratio) {
                return None;
            }
            let last = nearest_metric(
                before,
                &[
                    Cue::Revenue,
                    Cue::MiningRevenue,
                    Cue::NotRevenue,
                    Cue::Price,
                    Cue::Sold,
                    Cue::Held,
                    Cue::Mined,
                ],
            );
            let first_after = after
                .iter()
                .find(|(c, _, _)| matches!(c, Cue::Revenue | Cue::MiningRevenue))
                .map(|&(c, _, _)| c);
            // "Self-Mining Monthly Revenue" is a segment beside an overall total.
            // A stated total outranks any revenue not called total, even a table row: a
            // table's "Revenue" under a business line is that line's.
            let revenue_rank = if near(Cue::Own) {
                -5
            } else if near(Cue::Total) {
                12
            } else {
                0
            };
            match first_after.or(last)? {
                Cue::Revenue => r(Metric::Revenue, revenue_rank),
                Cue::MiningRevenue => r(Metric::Revenue, revenue_rank.min(0) - 5),
                _ => None,
            }
        }
        Dim::Count(CountNoun::Miners) => {
            // "Impairment of miners": an accounting line, not a count.
            if scope_bad && (!own || not_own)
                || near(Cue::Purchased)
                || near(Cue::Sold)
                || label && near(Cue::NotRevenue)
            {
                return None;
            }
            r(Metric::MinersDeployed, own_bonus)
        }
        Dim::Count(CountNoun::Blocks) => {
            // Blocks are the company's only when it won or found them ("every 210,000
            // blocks" is the protocol's schedule).
            if scope_bad || !(near(Cue::Won) || near(Cue::Mined)) {
                return None;
            }
            r(Metric::BlocksWon, own_bonus)
        }
        Dim::Bare if label => {
            // A table cell or `Label: value` without a unit: the label says what it is.
            if near(Cue::Subset) && !near(Cue::Total) {
                return None;
            }
            // A count without a unit under another coin's label is that coin's.
            if scope_bad && (!near(Cue::Own) || not_own)
                || near(Cue::Purchased)
                || near(Cue::Ratio)
                || near(Cue::Equivalent)
                || near(Cue::Price)
                || near(Cue::NotRevenue) && !near(Cue::Revenue)
                || vocab::has(before, Cue::OtherCoin)
            {
                return None;
            }
            if near(Cue::Blocks) {
                return r(Metric::BlocksWon, own_bonus);
            }
            if near(Cue::Efficiency) {
                return r(Metric::FleetEfficiency, own_bonus);
            }
            if near(Cue::Hashrate) {
                return decide(Dim::Hash, before, after, sentence, true);
            }
            if (near(Cue::Daily) || near(Cue::PerDay)) && near(Cue::Mined) {
                return r(Metric::BtcMinedAvgDaily, own_bonus);
            }
            if near(Cue::Miners) && !near(Cue::Mined) && !near(Cue::Held) && !near(Cue::Sold) {
                return r(Metric::MinersDeployed, own_bonus);
            }
            match nearest_metric(before, &[Cue::Mined, Cue::Held, Cue::Sold]) {
                Some(Cue::Mined) => r(Metric::BtcMined, own_bonus),
                Some(Cue::Held) => r(Metric::BtcHeld, own_bonus),
                Some(Cue::Sold) => r(Metric::BtcSold, own_bonus),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Exclusions that apply whatever the metric: a subset ("including 3,300 restricted") is
/// never the total.
fn excluded(before: &Found, after: &Found) -> bool {
    let subset_before = before
        .iter()
        .rev()
        .take(2)
        .any(|&(c, _, _)| c == Cue::Subset);
    let subset_after = after.first().is_some_and(|&(c, _, _)| c == Cue::Subset);
    // "a total of 1,034 BTC, including 180 pledged" names the total; "The total includes
    // approximately 61 BTC" names a part of it.
    let last_of = |cue: Cue| before.iter().rposition(|&(c, _, _)| c == cue);
    let total_names_it = match (last_of(Cue::Total), last_of(Cue::Subset)) {
        (Some(t), Some(s)) => t > s,
        (Some(_), None) => true,
        _ => false,
    };
    subset_before && !total_names_it || subset_after
}

/// The last of `cues` in `found`.
fn nearest_metric(found: &Found, cues: &[Cue]) -> Option<Cue> {
    found
        .iter()
        .rev()
        .find(|(c, _, _)| cues.contains(c))
        .map(|&(c, _, _)| c)
}

fn approximate(tail: &str) -> bool {
    let t = tail.trim_end().to_ascii_lowercase();
    [
        "approximately",
        "approx.",
        "about",
        "around",
        "roughly",
        "~",
        "c.",
        "circa",
        "some",
        "appx.",
    ]
    .iter()
    .any(|w| t.ends_with(w))
}

/// `s` with line breaks and tabs as spaces and, where capitals run, in lower case, byte for
/// byte, so that clause words wrapped onto the next line (" and\n     1.4 EH/s" in a
/// filing's fixed-width text) or written in capitals are still found.
fn flat(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let breaks = b.iter().any(|b| matches!(b, b'\n' | b'\r' | b'\t'));
    // Clause words in capitals ("IN APRIL AND HELD"): a space, then two capitals.
    let shouting = b
        .windows(3)
        .any(|w| w[0] == b' ' && w[1].is_ascii_uppercase() && w[2].is_ascii_uppercase());
    match (breaks, shouting) {
        (false, false) => Cow::Borrowed(s),
        (true, false) => Cow::Owned(s.replace(['\n', '\r', '\t'], " ")),
        // ASCII lower case keeps every byte where it was.
        (_, true) => Cow::Owned(s.replace(['\n', '\r', '\t'], " ").to_ascii_lowercase()),
    }
}

/// The text after a figure up to its clause's end: a comma, semicolon, parenthesis or a
/// comparison word starts another clause.
fn cut_clause(after: &str) -> &str {
    const STOPS: &[&str] = &[
        ",",
        ";",
        "|",
        "(",
        ":",
        " compared",
        " versus",
        " vs",
        " up ",
        " down ",
        " and ",
        " while ",
        " with ",
        " or ",
        " as ",
        " after ",
        " before ",
        " because ",
        " though ",
        " when ",
        " since ",
        " which ",
        " that ",
        " but ",
    ];
    // The first place any stop starts, in one pass (the same as the smallest of the stops'
    // first occurrences); every stop starts with one of the bytes matched here.
    let spaced = flat(after);
    let bytes = spaced.as_bytes();
    let mut end = (0..bytes.len())
        .find(|&i| {
            matches!(bytes[i], b',' | b';' | b'(' | b':' | b' ' | b'|')
                && STOPS.iter().any(|s| bytes[i..].starts_with(s.as_bytes()))
        })
        .unwrap_or(after.len());
    // "171,000 bitcoin miners (owned and hosted) in Texas": a short aside in brackets
    // right after the figure's words that names customers' machines says what it counts,
    // so it stays in the clause.
    if bytes.get(end) == Some(&b'(')
        && let Some(close) = spaced[end..].find(')')
        && close <= 40
        && !spaced[end..end + close].contains(|c: char| c.is_ascii_digit())
        && vocab::has(&vocab::find(&spaced[end..end + close]), Cue::Hosted)
    {
        end += close + 1;
    }
    // "from" starts another clause when a figure follows it ("up 5% from 672"), not when
    // it says where the figure came from ("43 BTC came from self-mining").
    if let Some(i) = spaced.find(" from ") {
        let rest = &after[i + 6..];
        let rest = &rest[..floor_char_boundary(rest, 25)];
        if rest.chars().any(|c| c.is_ascii_digit()) {
            end = end.min(i);
        }
    }
    &after[..end]
}

fn btc_word_follows(after: &str) -> bool {
    let words: Vec<&str> = after.split_whitespace().take(3).collect();
    words.iter().take(3).any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        matches!(w.as_str(), "bitcoin" | "bitcoins" | "btc")
    }) && !words.is_empty()
        && !words[0].chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A count noun one to three words after a bare number: "75,000 deployed mining rigs".
fn count_noun_follows(after: &str) -> Option<CountNoun> {
    // "11,513 of the Company's bitcoin miners": a partitive before the noun.
    let t = after.trim_start();
    let lower = t.get(..t.len().min(24)).unwrap_or("").to_ascii_lowercase();
    let after = [
        "of the company's ",
        "of the company’s ",
        "of its ",
        "of our ",
    ]
    .iter()
    .find(|p| lower.starts_with(*p))
    .map_or(t, |p| &t[p.len()..]);
    // Three words, or five when they join adjectives ("owned and hosted bitcoin miners"),
    // never past a comma or a full stop.
    let joined = after
        .split_whitespace()
        .take(5)
        .any(|w| w == "and" || w == "or");
    // "30,907 S19-series miners": a model name (letters and digits) may stand between.
    for w in after.split_whitespace().take(if joined { 5 } else { 3 }) {
        let ends_clause = w.ends_with([',', '.', ';', ':']);
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        let model = w.starts_with(|c: char| c.is_ascii_alphabetic())
            && w.chars().any(|c| c.is_ascii_digit());
        match w.as_str() {
            "miners" | "rigs" | "machines" | "asics" => return Some(CountNoun::Miners),
            "blocks" => return Some(CountNoun::Blocks),
            _ if w.chars().any(|c| c.is_ascii_digit()) && !model => return None,
            _ if ends_clause => return None,
            _ => {}
        }
    }
    None
}

fn time_follows(after: &str) -> bool {
    let t = after.trim_start().to_ascii_lowercase();
    t.starts_with("in ") || t.starts_with("for ") || t.starts_with("at ") || t.starts_with("as of")
}

/// A blank line or a table rule (`-----`, `|---|---|`, `=====`).
fn is_rule(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || "-=_|+:*".contains(c))
}

/// The length of an e-mail quote prefix ("> ", ">> ") at the start of a line.
fn quote_prefix(line: &str) -> usize {
    if !line.starts_with('>') {
        return 0;
    }
    let rest = line.trim_start_matches(['>', ' ']);
    // Keep the line's own indentation after one space: "> |   Metric" stays a table row.
    let n = line.len() - rest.len();
    let quote_end = line[..n].rfind('>').map_or(0, |i| i + 1);
    (quote_end + 1).min(n)
}

fn is_bullet(line: &str) -> bool {
    let t = line.trim_start().trim_start_matches(['>', ' ']);
    // "•4,057 bitcoin mined": a glyph that is no letter or sign may be set against its text.
    BULLETS.iter().any(|b| {
        t.strip_prefix(b).is_some_and(|rest| {
            rest.starts_with([' ', '\t', '|'])
                || !b.is_ascii() && rest.starts_with(char::is_alphanumeric)
        })
    })
}

/// The glyphs releases start list items with.
const BULLETS: &[&str] = &[
    "-", "•", "*", "·", "o", "–", "◦", "▪", "■", "➢", "►", "‣", "●", "○", "◆", "❖", "✓", "→",
];

/// A list item laid out as a two-cell table row ("• | Sold 173 BTC ..."), as filings and
/// web pages often set bullets: its text is prose.
fn bullet_row(line: &str, cells: &[(usize, usize)]) -> bool {
    cells.len() == 2 && BULLETS.contains(&&line[cells[0].0..cells[0].1])
}

/// A footnote marker: `[3]`, `(1)`, or a lone digit after a column title ("November 2023 1").
/// Whether a small whole number counts months, weeks or days ("YTD 2022 (11 months)",
/// "Nine-month period"): a column title's length, no figure.
fn is_duration(text: &str, q: &Quantity) -> bool {
    let rest = text[q.end..].trim_start_matches([' ', '-']);
    let word: String = rest
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    q.dim == Dim::Bare
        && q.end - q.start <= 2
        && matches!(
            word.as_str(),
            "month" | "months" | "week" | "weeks" | "day" | "days"
        )
}

fn is_footnote(text: &str, q: &Quantity) -> bool {
    let b = text.as_bytes();
    let small = q.dim == Dim::Bare
        && q.end - q.start <= 2
        // cannot fail: a quantity span in `text`.
        && b[q.start..q.end].iter().all(u8::is_ascii_digit);
    let bracketed = q.start > 0 && b.get(q.start - 1) == Some(&b'[') && b.get(q.end) == Some(&b']');
    small
        && (bracketed
            || q.parenthesized
            || q.start > 0 && b[q.start - 1] == b' ' && {
                let before = &text[..q.start];
                let last_word = before.trim_end().rsplit(' ').next().unwrap_or("");
                last_word.len() == 4 && last_word.bytes().all(|c| c.is_ascii_digit())
            })
}

/// Splits a table line into cells: ` | `, tabs, or runs of 2+ spaces between a label and
/// numbers. Returns cell spans relative to the line; fewer than two cells means prose.
fn split_cells(line: &str) -> Vec<(usize, usize)> {
    // Dot leaders ("BTC Mined ........ 184") separate like a run of spaces.
    let leadered;
    let line = if line.contains("...") || line.contains('…') {
        leadered = dot_leaders_as_spaces(line);
        leadered.as_str()
    } else {
        line
    };
    let mut cells = Vec::new();
    let push = |cells: &mut Vec<(usize, usize)>, s: usize, e: usize| {
        let cell = &line[s..e];
        let lead = cell.len() - cell.trim_start().len();
        let trimmed = cell.trim();
        if !trimmed.is_empty() {
            cells.push((s + lead, s + lead + trimmed.len()));
        }
    };
    if line.contains('|') || line.contains('\t') {
        let mut s = 0;
        // A bar inside parentheses separates comparisons, not cells: "627 (April: 579 |
        // March: 533)".
        // An unclosed bracket ("| (self-    |", a wrapped header) opens nothing.
        let last_close = line.rfind(')');
        let mut depth = 0usize;
        for (i, c) in line.char_indices() {
            match c {
                '(' if last_close.is_some_and(|l| l > i) => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                '|' | '\t' if depth == 0 || c == '\t' => {
                    push(&mut cells, s, i);
                    s = i + 1;
                }
                _ => {}
            }
        }
        push(&mut cells, s, line.len());
        return cells;
    }
    // Space-aligned columns: a label, then cells separated by at least two spaces, each of
    // them short and mostly a number, a dash or a period name.
    let bytes = line.as_bytes();
    let mut s = 0;
    let mut i = 0;
    let mut raw = Vec::new();
    while i < bytes.len() {
        if bytes[i] == b' ' && bytes.get(i + 1) == Some(&b' ') {
            raw.push((s, i));
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            s = i;
        } else {
            i += 1;
        }
    }
    raw.push((s, line.len()));
    let mut parts = Vec::new();
    for (s, e) in raw {
        push(&mut parts, s, e);
    }
    if parts.len() < 2 {
        return Vec::new();
    }
    // cannot fail: `parts.len() >= 2` here.
    let tabular = parts[1..].iter().all(|&(s, e)| {
        let cell = &line[s..e];
        let money_sign = cell.len() <= 10 && (cell.ends_with('$') || cell == "~");
        let lower = cell.to_ascii_lowercase();
        // Column titles: "Three Months Ended", "Nine Months Ended", "Fiscal Year", "YTD".
        let period_title = [
            "month", "quarter", "qtr", "year", "ended", "ytd", "qtd", "fiscal",
        ]
        .iter()
        .any(|w| lower.contains(w));
        let columnish = money_sign
            || period_title
            || cell.chars().any(|c| c.is_ascii_digit())
            || matches!(cell, "-" | "–" | "—" | "N/A" | "N/M" | "n/a" | "n/m")
            || cell.contains('%')
            || cell.contains('Δ')
            // "$ Change", "Variance": a change column's title.
            || cell.len() <= 12 && (lower.ends_with("change") || lower.ends_with("variance"))
            // "RMB", "US$": a column's currency.
            || CURRENCY_CODES.contains(&cell)
            || crate::vocab::month_number(cell.split([' ', '-', '\'']).next().unwrap_or(""))
                .is_some()
            || [
                "change",
                "mom",
                "yoy",
                "month/month",
                "year/year",
                "one month",
                "metric",
                "vs",
            ]
            .iter()
            .any(|w| cell.eq_ignore_ascii_case(w));
        let has_month = cell
            .split([' ', '-', '\'', '.'])
            .any(|w| crate::vocab::month_number(w).is_some() && w.len() >= 3);
        let max = if has_month { 40 } else { 24 };
        // A cell of prose ("DMG Blockchain mines 23 BTC in August") is not a value or a
        // column title: count the words that are neither periods nor units.
        let plain = |w: &str| {
            // Its letters, piece by piece: "Dec-23" and "FY2024" are period names.
            w.to_ascii_lowercase()
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|p| !p.is_empty())
                .any(|p| crate::vocab::month_number(p).is_none() && !COLUMN_WORDS.contains(&p))
        };
        // ... or one that opens on such a word and holds a number ("Riot mines 23 BTC").
        let wordy = cell.split_whitespace().filter(|w| plain(w)).count() > 2
            || cell.split_whitespace().next().is_some_and(plain)
                && cell.chars().any(|c| c.is_ascii_digit());
        cell.len() <= max && columnish && !wordy && cell.split_whitespace().count() <= 8
    });
    if tabular { parts } else { Vec::new() }
}

/// `line` with every run of three or more dots (or an ellipsis character) turned into as
/// many spaces, byte for byte, so that positions stay the same.
fn dot_leaders_as_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let run = rest.len() - rest.trim_start_matches(['.', '…']).len();
        let dots = &rest[..run];
        if run > 0 && (dots.contains('…') || run >= 3) {
            out.extend(std::iter::repeat_n(' ', run));
            rest = &rest[run..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Words a column title or a value cell may hold besides numbers and month names.
const COLUMN_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "six",
    "nine",
    "twelve",
    "month",
    "months",
    "quarter",
    "year",
    "years",
    "ended",
    "ending",
    "end",
    "to",
    "date",
    "as",
    "of",
    "at",
    "the",
    "fiscal",
    "fy",
    "ytd",
    "qtd",
    "q",
    "h",
    "cy",
    "first",
    "second",
    "third",
    "fourth",
    "qtr",
    "full",
    "change",
    "mom",
    "yoy",
    "vs",
    "prior",
    "previous",
    "current",
    "unaudited",
    "btc",
    "eh",
    "ph",
    "th",
    "s",
    "mw",
    "j",
    "w",
    "us",
    "usd",
    "m",
    "k",
    "million",
    "billion",
    "bn",
    "mn",
    "n",
    "a",
    "approx",
    "approximately",
    "and",
    "in",
    "thousands",
    "actual",
    "total",
];

/// Joins a cell holding only a currency sign or qualifier ("Appx. $", "$") to the number
/// in the next cell, as filings split them.
fn merge_sign_cells(text: &str, cells: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(cells.len());
    let mut pending: Option<usize> = None;
    for &(s, e) in cells {
        let cell = text[s..e].trim();
        let sign_only = !cell.is_empty()
            && !cell.chars().any(|c| c.is_ascii_digit())
            && cell.len() <= 10
            && (cell.ends_with('$')
                || cell == "~"
                || cell.eq_ignore_ascii_case("appx.")
                || cell.eq_ignore_ascii_case("approx."));
        if sign_only && !out.is_empty() {
            pending = Some(s);
            continue;
        }
        match pending.take() {
            Some(ps) => out.push((ps, e)),
            None => out.push((s, e)),
        }
    }
    // A sign with nothing after it ("RMB | US$" over a table's columns) is a cell of its own.
    if let (Some(ps), Some(&(_, e))) = (pending, cells.last()) {
        out.push((ps, e));
    }
    out
}

/// `Label: value` on one line (optionally a bullet): the label must carry a word, the value
/// must start with a number (after a currency sign or qualifier).
fn label_value(line: &str) -> Option<((usize, usize), usize)> {
    // Qualifiers and signs in any order: "approximately $2.2m", "~US$3.1 million".
    let starts_value = |v: &str| {
        let mut v = v.trim_start();
        loop {
            let next = v
                .trim_start_matches(['~', '$', '₿'])
                .trim_start_matches("approximately ")
                .trim_start_matches("Approximately ")
                .trim_start_matches("approx. ")
                .trim_start_matches("about ")
                .trim_start_matches("US$");
            if next.len() == v.len() {
                break;
            }
            v = next;
        }
        v.starts_with(|c: char| c.is_ascii_digit())
    };
    // "Bitcoin mined ........ 31 BTC (Dec 2024: 35 BTC)": a dot leader before a value
    // that keeps a comparison of its own, the way a colon does.
    let leader = line.find("...").or_else(|| line.find('…')).and_then(|i| {
        let run = line[i..].len() - line[i..].trim_start_matches(['.', '…']).len();
        let after = i + run;
        (starts_value(&line[after..]) && !line[..i].contains(": ")).then_some((i, after))
    });
    // The first ": " followed by a number: a later one is inside the value's own
    // comparison ("BTC Produced: 950 (April 2025: 705)").
    let (colon, value_at) = match leader {
        Some(found) => found,
        None => {
            let mut from = 0;
            loop {
                // cannot fail: offsets are those of an ASCII `: ` found in `line`.
                let i = from + line[from..].find(": ")?;
                if starts_value(&line[i + 2..]) {
                    break (i, i + 2);
                }
                from = i + 2;
            }
        }
    };
    let label = line[..colon].trim_end();
    let value = &line[value_at..];
    if label.trim().len() < 3 || label.len() > 120 {
        return None;
    }
    // A sentence that happens to contain ": " is not a label.
    if label.split_whitespace().count() > 14 {
        return None;
    }
    let lead = label.len()
        - label
            .trim_start_matches(|c: char| c.is_whitespace() || "-•*·–".contains(c))
            .len();
    Some((
        (lead, label.len()),
        value_at + (value.len() - value.trim_start().len()),
    ))
}

/// A unit written in a row label: `(EH/s)`, `(US$m)`, `(J/TH)`, `(MW)`, `($USD)`.
#[derive(Debug, Clone, Copy)]
struct LabelUnit {
    dim: Dim,
    factor: Decimal,
}

/// Superscript digits as footnote markers, with their digits.
const SUPERSCRIPTS: &[(char, char)] = &[
    ('¹', '1'),
    ('²', '2'),
    ('³', '3'),
    ('⁴', '4'),
    ('⁵', '5'),
    ('⁶', '6'),
    ('⁷', '7'),
    ('⁸', '8'),
    ('⁹', '9'),
    ('⁰', '0'),
];

/// The footnote marker ending a label, as digits or stars: "capacity³", "capacity[3]",
/// "capacity (3)", "capacity*".
fn label_marker(label: &str) -> Option<String> {
    let t = label.trim_end();
    let sup: String = t
        .chars()
        .rev()
        .map_while(|c| SUPERSCRIPTS.iter().find(|&&(s, _)| s == c).map(|&(_, d)| d))
        .collect();
    if !sup.is_empty() {
        return Some(sup.chars().rev().collect());
    }
    for (open, close) in [('[', ']'), ('(', ')')] {
        if let Some(inner) = t.strip_suffix(close).and_then(|r| r.rsplit_once(open)) {
            let d = inner.1;
            if (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) {
                return Some(d.to_string());
            }
        }
    }
    let stars = t.len() - t.trim_end_matches('*').len();
    (stars > 0).then(|| "*".repeat(stars))
}

/// The footnote lines of a document: a line opening with a marker ("³", "[3]", "(3)", "3",
/// "*") and text, with the unit its text names, if any ("Megawatts (MW) of energized
/// capacity"), the scope it gives and the kind of figure it defines.
fn footnote_units(text: &str) -> Vec<(String, Option<LabelUnit>, Found, Found)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let t = line.trim_start();
        let Some(first) = t.chars().next() else {
            continue;
        };
        let (marker, rest): (String, &str) = if SUPERSCRIPTS.iter().any(|&(s, _)| s == first) {
            let n = t
                .chars()
                .take_while(|c| SUPERSCRIPTS.iter().any(|&(s, _)| s == *c))
                .count();
            let digits: String = t
                .chars()
                .take(n)
                .filter_map(|c| SUPERSCRIPTS.iter().find(|&&(s, _)| s == c).map(|&(_, d)| d))
                .collect();
            let width: usize = t.chars().take(n).map(char::len_utf8).sum();
            (digits, &t[width..])
        } else if first == '*' {
            let n = t.len() - t.trim_start_matches('*').len();
            ("*".repeat(n), &t[n..])
        } else {
            let inner = t.trim_start_matches(['[', '(']);
            let n = inner.bytes().take_while(u8::is_ascii_digit).count();
            if !(1..=2).contains(&n) {
                continue;
            }
            let rest = inner[n..].trim_start_matches([']', ')', '.']);
            (inner[..n].to_string(), rest)
        };
        // "*Average realized hashrate ...": a star may be set right against its text.
        let star_glued = marker.starts_with('*')
            && rest.starts_with(|c: char| c.is_alphabetic())
            && !rest.trim_end().ends_with('*');
        if !(rest.starts_with([' ', '\t']) || star_glued) || rest.len() > 200 {
            continue;
        }
        // A footnote's text starts with a word: "1 Hash rate of ...", not "1 2025".
        if !rest.trim_start().starts_with(|c: char| c.is_alphabetic()) {
            continue;
        }
        // Only a footnote saying what a figure includes can take it out ("including
        // miners in transit"); one saying what it excludes explains a real figure.
        let lower = rest.to_ascii_lowercase();
        let includes = lower.contains("includ") && !lower.contains("exclud");
        let scope: Found = vocab::find(if includes { rest } else { "" })
            .into_iter()
            .filter(|&(c, _, _)| {
                // Only what makes a figure not yet real; footnotes often explain what a
                // total includes ("held in custody by a hosting counterparty").
                matches!(c, Cue::Hardware | Cue::Target)
            })
            .collect();
        // The kind of figure it defines: "Average realized hashrate of the fleet".
        let kinds: Found = vocab::find(rest)
            .into_iter()
            .filter(|&(c, _, _)| matches!(c, Cue::Average | Cue::Capacity | Cue::PointInTime))
            .collect();
        out.push((marker, label_unit(rest), scope, kinds));
    }
    out
}

fn label_unit(label: &str) -> Option<LabelUnit> {
    // Typeset apostrophes ("US$’000") read as plain ones.
    let mut l = label.to_ascii_lowercase();
    if l.contains(['\u{2019}', '\u{2018}']) {
        l = l.replace(['\u{2019}', '\u{2018}'], "'");
    }
    let has = |s: &str| l.contains(s);
    let u = |dim, factor| Some(LabelUnit { dim, factor });
    if has("us$m")
        || has("$m)")
        || has("$mm")
        || has("usd m")
        || has("$ in millions")
        || has("in millions")
        || has("$ millions")
        || has("us$ million")
        || has("usd millions")
    {
        u(Dim::Usd, Decimal::from(1_000_000))
    } else if has("$'000")
        || has("usd'000")
        || has("usd '000")
        || has("in thousands")
        || has("$000")
        || has("in 000")
        || has("(000")
        || has("000's")
        || has("000s)")
        || has("$ thousands")
        || has("us$k")
        || has("($k)")
    {
        u(Dim::Usd, Decimal::from(1_000))
    } else if has("($usd)") || has("(usd)") || has("(us$)") || has("($)") {
        u(Dim::Usd, Decimal::ONE)
    } else if has("eh/s") || has("(eh)") || has("ehs") {
        u(Dim::Hash, Decimal::ONE)
    } else if has("ph/s") || has("(ph)") {
        u(Dim::Hash, Decimal::new(1, 3))
    } else if has("th/s") {
        u(Dim::Hash, Decimal::new(1, 6))
    } else if has("gh/s") || has("mh/s") {
        // Another coin's hashrate (scrypt), which minerpress does not report.
        u(Dim::Other, Decimal::ONE)
    } else if has("j/th") || has("w/th") || has("watts/th") {
        u(Dim::Efficiency, Decimal::ONE)
    } else if has("(mw)") || has(" mw") {
        u(Dim::Power, Decimal::ONE)
    } else if has("(btc)") {
        u(Dim::Btc, Decimal::ONE)
    } else {
        None
    }
}

/// Whether a line holds a full stop that ends a sentence, not an abbreviation's ("Appx. $
/// 46.6 million" is a table cell).
fn has_full_stop(line: &str) -> bool {
    line.match_indices(". ")
        .any(|(i, _)| !abbreviation_before(line, i))
}

/// Currency codes that title a table's columns ("RMB", "US$").
const CURRENCY_CODES: &[&str] = &[
    "US$", "USD", "RMB", "CNY", "GBP", "EUR", "CAD", "AUD", "HKD", "C$", "A$", "HK$", "£", "€", "¥",
];

/// The codes among [`CURRENCY_CODES`] that are US dollars.
const DOLLAR_CODES: &[&str] = &["US$", "USD"];

/// Words a full stop ends without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "inc", "corp", "ltd", "co", "no", "approx", "appx", "vs", "mr", "ms", "dr", "st", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "e.g", "i.e",
    "c", "est", "avg", "colo", "fla", "calif", "n.v", "s.a", "jr", "sr", "mt", "ft", "qtr", "mo",
    "yr", "yrs", "mos", "mgmt", "ops", "excl", "incl", "cum",
];

/// Whether a text is hard-wrapped: no line is longer than a wrapped page's, so a line break
/// inside a block may fall anywhere in a sentence.
fn is_hard_wrapped(text: &str) -> bool {
    !text
        .lines()
        .any(|l| l.len() > 110 && l.chars().count() > 100)
}

/// Whether the line before a break is a title or subtitle of its own ("Quarterly revenue of
/// $111.8 million, net income of $126.7 million" over "Revenue up 163% ..."): it has no
/// final stop, does not end in the middle of a phrase, and the next line opens like a new
/// one. Only in text whose paragraphs are not hard-wrapped.
fn title_line_ends(line: &str, next: &str) -> bool {
    const OPEN_ENDS: &[&str] = &[
        "and", "or", "of", "the", "a", "an", "to", "with", "for", "in", "on", "by", "from", "at",
        "as", "per", "than", "its", "our", "their", "which", "that", "was", "were", "is", "are",
    ];
    let line = line.trim_end();
    let Some(last) = line.chars().last() else {
        return false;
    };
    if matches!(last, ',' | '-' | '–' | '—' | ':' | '(' | '/' | '&' | '+') {
        return false;
    }
    let word = line
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if OPEN_ENDS.contains(&word.as_str()) {
        return false;
    }
    next.trim_start().chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '$' | '₿')
    })
}

/// Sentences of a prose block, `[start, end)`: split at `.`, `!`, `?` or `;` followed by
/// white space and a capital or a digit, except after abbreviations; and at blank lines.
fn sentences(text: &str, start: usize, end: usize, hard_wrapped: bool) -> Vec<(usize, usize)> {
    const ABBREV: &[&str] = ABBREVIATIONS;
    let block = &text[start..end];
    let bytes = block.as_bytes();
    let mut out = Vec::new();
    let mut s = 0;
    let mut i = 0;
    while i < bytes.len() {
        // cannot fail: `i < bytes.len()` by the loop condition; slices of `block` below
        // end at `i`, the offset of an ASCII byte.
        let b = bytes[i];
        let boundary = match b {
            // A full stop before a closing quote ('... a repeat.”') ends the sentence at
            // the quote.
            b'.' | b'!' | b'?'
                if block[i + 1..].starts_with(['”', '"', '’'])
                    && block[i + 1..]
                        .chars()
                        .nth(1)
                        .is_some_and(char::is_whitespace)
                    && !abbreviation_before(block, i) =>
            {
                let quote = block[i + 1..].chars().next().map_or(1, char::len_utf8);
                out.push((start + s, start + i + 1 + quote));
                s = i + 1 + quote;
                i += 1 + quote;
                continue;
            }
            b'.' | b'!' | b'?' | b';' => {
                let next = bytes.get(i + 1).copied();
                // Two spaces after a full stop, as older releases and filings set them.
                let after = bytes
                    .get(i + 1..)
                    .unwrap_or_default()
                    .iter()
                    .skip(1)
                    .copied()
                    .find(|&c| c != b' ' && c != b'\t');
                let ws = matches!(next, Some(b' ' | b'\n' | b'\t'));
                let cap = after.is_some_and(|c| {
                    c.is_ascii_uppercase()
                        || c.is_ascii_digit()
                        || c == b'"'
                        || c == b'('
                        || c >= 0x80
                });
                if b == b';' {
                    // "...; approximately 3.4 EH/s of that capacity was owned by the
                    // Company": a part that refers back stays with its total.
                    let next = &block[i + 1..floor_char_boundary(block, i + 60)];
                    let refers_back = [" of that ", " of this ", " of those ", " of which "]
                        .iter()
                        .any(|p| next.contains(p));
                    ws && !refers_back
                } else if ws && refers_to_total(&block[i + 1..]) {
                    // "... produced 112 bitcoin. Of that total, 79 bitcoin came from its own
                    // miners": a part that refers back stays with its total.
                    false
                } else if ws && (cap || next == Some(b'\n')) {
                    // After the separator, whose width may be more than one byte (U+00A0;
                    // `p + 1` panicked inside it, found by property tests).
                    let word_start = block[..i]
                        .char_indices()
                        .rfind(|&(_, c)| c.is_whitespace() || c == '(')
                        .map_or(0, |(p, c)| p + c.len_utf8());
                    let word = block[word_start..i].to_ascii_lowercase();
                    !(ABBREV.contains(&word.as_str())
                        || word.len() == 1 && word.chars().all(|c| c.is_ascii_alphabetic()))
                } else {
                    false
                }
            }
            b'\n' => {
                bytes.get(i + 1).is_some_and(|&c| c == b'\n') || {
                    // A line break before a bullet or after a line with no final stop in a
                    // list-like block ends the sentence.
                    let rest = &block[i + 1..];
                    is_bullet(rest) || !hard_wrapped && title_line_ends(&block[s..i], rest)
                }
            }
            _ => false,
        };
        if boundary {
            out.push((start + s, start + i + 1));
            s = i + 1;
        }
        i += 1;
    }
    if s < bytes.len() {
        out.push((start + s, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        let line = "Bitcoin Produced | 437 | 445 | -2%";
        let c = split_cells(line);
        assert_eq!(
            c.iter().map(|&(s, e)| &line[s..e]).collect::<Vec<_>>(),
            ["Bitcoin Produced", "437", "445", "-2%"]
        );
        let line = "Bitcoin Produced      437     445";
        assert_eq!(split_cells(line).len(), 3);
        assert!(split_cells("A sentence.  Another sentence follows here.").is_empty());
    }

    #[test]
    fn labels() {
        let line = "- Bitcoin mined in October: 633";
        let ((ls, le), v) = label_value(line).unwrap();
        assert_eq!(&line[ls..le], "Bitcoin mined in October");
        assert_eq!(&line[v..], "633");
        assert!(label_value("Note: see below").is_none());
    }

    #[test]
    fn sentence_split() {
        let t = "Riot Platforms, Inc. (NASDAQ: RIOT) mined 437 BTC. It held 19,324 BTC as of Oct. 31, 2025. Done";
        let s = sentences(t, 0, t.len(), false);
        assert_eq!(
            s.len(),
            3,
            "{:?}",
            s.iter().map(|&(a, b)| &t[a..b]).collect::<Vec<_>>()
        );
    }
}
