//! Time expressions: months, quarters, years and dates as releases write them, and the
//! document-level reads of the reporting period and the published date.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::update::Period;
use crate::vocab::{ORDINALS, month_number};

/// A time expression found in text, before it is resolved against the document's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    /// A month, with its year when written.
    Month { month: u32, year: Option<i32> },
    /// A full date (an as-of date or a dateline).
    Date(NaiveDate),
    /// A month and day without a year ("October 31").
    MonthDay { month: u32, day: u32 },
    /// A calendar quarter.
    Quarter {
        quarter: u32,
        year: Option<i32>,
        fiscal: bool,
    },
    /// A whole year: "in 2023", "CY2023", "FY2023".
    Year(i32),
}

/// A time expression with its place in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub when: When,
    pub start: usize,
    pub end: usize,
}

const MONTH: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)";

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?P<som>(?-u:\b)(?i:start|beginning|outset)\s+of\s+(?P<m9>{MONTH})(?:\s*,?\s+(?P<y9>(?:19|20)\d\d))?(?-u:\b))
        |(?P<three>(?-u:\b)(?i:three|3)[\s-]+months?\s+(?i:ended|ending|to|through|until)\s+(?:(?P<d6>\d{{1,2}})\s+(?P<m6>{MONTH})|(?P<m7>{MONTH})\s+(?P<d7>\d{{1,2}}))(?:\s*,?\s+(?P<y6>(?:19|20)\d\d))?(?-u:\b))
        |(?P<num>(?-u:\b)(?P<na>[0-3]?\d)/(?P<nb>[0-3]?\d)/(?P<ny>(?:19|20)\d\d)(?-u:\b))
        |(?P<iso>(?-u:\b)(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?-u:\b))
        |(?P<dmy>(?-u:\b)(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH})\s*,?\s+(?P<y1>(?:19|20)\d\d)(?-u:\b))
        |(?P<dm>(?-u:\b)(?P<d8>[0-3]?\d)(?:st|nd|rd|th)?[\x20\t]+(?P<m8>{MONTH})(?-u:\b))
        |(?P<mdy>(?-u:\b)(?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)(?P<y2>(?:19|20)\d\d)(?-u:\b))
        |(?P<mony>(?-u:\b)(?P<m3>{MONTH})(?:(?:[\x20\t]*,\s*|[\x20\t]+|[\x20\t]*\r?\n[\x20\t]*)(?P<y3>(?:19|20)\d\d)|(?:-|\s*')(?P<y3s>\d\d))(?-u:\b))
        |(?P<mond>(?-u:\b)(?P<m4>{MONTH})\s+(?P<d4>[0-3]?\d)(?:st|nd|rd|th)?(?-u:\b))
        |(?P<q>(?-u:\b)(?i:(?P<qf0>fiscal\s+)?Q(?P<qn>[1-4])|(?P<qf1>fiscal\s+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)(?:\s+|-)(?P<qf2>fiscal\s+)?(?:quarter|qtr\.?))(?:\s+(?:of\s+)?(?i:its\s+|the\s+)?(?i:(?P<qf>fiscal|FY)\s*)?(?i:year\s+)?'?(?P<qy>(?:19|20)\d\d|\d\d)(?:\s+(?P<qf3>(?i:fiscal))(?:\s+(?i:year))?)?)?(?-u:\b))
        |(?P<yr>(?-u:\b)(?P<yp>CY|FY|fiscal\s+year\s+|calendar\s+year\s+|full\s+year\s+|full-year\s+|year\s+)?(?P<yy>(?:19|20)\d\d)(?-u:\b))
        |(?P<mon>(?-u:\b)(?P<m5>{MONTH})(?-u:\b))
        "
    );
    // cannot fail: a constant pattern, compiled by every test.
    Regex::new(&pattern).expect("the time pattern is fixed")
});

fn parse_year(s: &str) -> Option<i32> {
    let y: i32 = s.trim_start_matches('\'').parse().ok()?;
    Some(if s.trim_start_matches('\'').len() == 2 {
        2000 + y
    } else {
        y
    })
}

/// Every time expression in `text`, in order.
pub(crate) fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for c in TIME.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let get = |n: &str| c.name(n).map(|m| m.as_str());
        let month = |n: &str| get(n).and_then(month_number_loose);
        let when = if c.name("som").is_some() {
            // "as of the start of August": the last day of July, a month-end.
            let Some(m) = month("m9") else { continue };
            let (pm, py) = match (m, get("y9").and_then(parse_year)) {
                (1, y) => (12, y.map(|y| y - 1)),
                (m, y) => (m - 1, y),
            };
            match py {
                Some(y) => NaiveDate::from_ymd_opt(y, pm, 1)
                    .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                    .and_then(|d| d.pred_opt())
                    .map(When::Date),
                None => Some(When::MonthDay {
                    month: pm,
                    day: [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][pm as usize - 1],
                }),
            }
        } else if c.name("three").is_some() {
            // "the three months to 31 March 2024": a calendar quarter when it ends on one.
            match month("m6").or_else(|| month("m7")) {
                Some(m) if m % 3 == 0 => Some(When::Quarter {
                    quarter: m / 3,
                    year: get("y6").and_then(parse_year),
                    fiscal: false,
                }),
                // Otherwise the end date, as it reads without the phrase.
                Some(m) => {
                    let d = get("d6").or(get("d7")).unwrap_or("");
                    match get("y6") {
                        Some(y) => date(y, m, d),
                        None => d.parse().ok().map(|day| When::MonthDay { month: m, day }),
                    }
                }
                None => None,
            }
        } else if c.name("num").is_some() {
            // "1/31/2024" (US order), or "31/1/2024" when the first number cannot be a month.
            let (Some(a), Some(b), Some(y)) = (
                get("na").and_then(|v| v.parse::<u32>().ok()),
                get("nb").and_then(|v| v.parse::<u32>().ok()),
                get("ny"),
            ) else {
                continue;
            };
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            date(y, m, &d.to_string())
        } else if c.name("iso").is_some() {
            // "2025-09-03 09:07 ET": news sites' ISO dates.
            let (Some(y), Some(m), Some(d)) = (get("iy"), get("im"), get("id")) else {
                continue;
            };
            m.parse().ok().and_then(|m| date(y, m, d))
        } else if c.name("dmy").is_some() {
            let (Some(d), Some(m), Some(y)) = (get("d1"), month("m1"), get("y1")) else {
                continue;
            };
            date(y, m, d)
        } else if c.name("dm").is_some() {
            // "on 30 November": a UK-order date without its year.
            let (Some(m), Some(d)) = (month("m8"), get("d8").and_then(|d| d.parse().ok())) else {
                continue;
            };
            (1..=31)
                .contains(&d)
                .then_some(When::MonthDay { month: m, day: d })
        } else if c.name("mdy").is_some() {
            let (Some(m), Some(d), Some(y)) = (month("m2"), get("d2"), get("y2")) else {
                continue;
            };
            date(y, m, d)
        } else if c.name("mony").is_some() {
            month("m3").map(|m| When::Month {
                month: m,
                year: get("y3").or(get("y3s")).and_then(parse_year),
            })
        } else if c.name("mond").is_some() {
            let (Some(m), Some(d)) = (month("m4"), get("d4").and_then(|d| d.parse().ok())) else {
                continue;
            };
            (1..=31)
                .contains(&d)
                .then_some(When::MonthDay { month: m, day: d })
        } else if c.name("q").is_some() {
            let n = get("qn").and_then(|n| n.parse().ok()).or_else(|| {
                let w = get("qw")?.to_ascii_lowercase();
                ORDINALS.iter().find(|(o, _)| *o == w).map(|&(_, n)| n)
            });
            n.map(|quarter| When::Quarter {
                quarter,
                year: get("qy").and_then(parse_year),
                fiscal: get("qf").is_some()
                    || get("qf0").is_some()
                    || get("qf1").is_some()
                    || get("qf2").is_some()
                    || get("qf3").is_some(),
            })
        } else if c.name("yr").is_some() {
            let prefix = get("yp").map(|p| p.trim().to_ascii_lowercase());
            let year = get("yy").and_then(parse_year);
            // A bare four-digit number is a year only when something says so; a plain
            // "2025" may be a figure ("2,025" written without a comma is rare, but a
            // year is not a figure either way, so marking it costs nothing).
            match (prefix, year) {
                (_, Some(y)) => Some(When::Year(y)),
                _ => None,
            }
        } else if c.name("mon").is_some() {
            let raw = get("m5").unwrap_or("");
            // "May" and "March" are words too: only capitalized forms count, and the
            // modal "may" is lower case.
            if !raw.starts_with(|ch: char| ch.is_ascii_uppercase()) {
                continue;
            }
            month("m5").map(|m| When::Month {
                month: m,
                year: None,
            })
        } else {
            None
        };
        if let Some(when) = when {
            out.push(Found {
                when,
                start: whole.start(),
                end: whole.end(),
            });
        }
    }
    out
}

fn month_number_loose(s: &str) -> Option<u32> {
    // `get`: a case-insensitive match may hold a non-ASCII letter (U+017F folds to `s`).
    month_number(s).or_else(|| s.get(..s.len().min(3)).and_then(month_number))
}

fn date(y: &str, m: u32, d: &str) -> Option<When> {
    let y = parse_year(y)?;
    let d: u32 = d.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d).map(When::Date)
}

/// The document's year context: what a bare month resolves against.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anchor {
    /// The reporting period, when known.
    pub period: Option<Period>,
    /// The published date, when known.
    pub published: Option<NaiveDate>,
    /// The month the company's fiscal year ends in (3, 6, 9 or 12), when the text says.
    pub fiscal_end: Option<u32>,
}

impl Anchor {
    /// The year a bare month most plausibly belongs to: the one that puts it at or before
    /// the reporting period (or the release date), never after it by more than a month.
    pub fn year_for(&self, month: u32) -> Option<i32> {
        let (ref_year, ref_month) = match (self.period, self.published) {
            (Some(p), _) => (p.end.year(), p.end.month()),
            (None, Some(d)) => (d.year(), d.month()),
            (None, None) => return None,
        };
        Some(if month > ref_month + 1 {
            ref_year - 1
        } else {
            ref_year
        })
    }

    /// The calendar quarter that fiscal quarter `quarter` of fiscal `year` (named for the
    /// calendar year it ends in) covers. Without a year, the fiscal year around the
    /// reporting period (or the release date), stepping back a year from a quarter that
    /// would start after it.
    fn fiscal_quarter(&self, quarter: u32, year: Option<i32>) -> Option<Period> {
        let end_month = self.fiscal_end?;
        if !(1..=4).contains(&quarter) {
            return None;
        }
        let at = |fy: i32| {
            // Months from January of the year before the fiscal year's end.
            let months = end_month + 3 * quarter;
            let (y, m) = if months > 12 {
                (fy, months - 12)
            } else {
                (fy.checked_sub(1)?, months)
            };
            Period::quarter(y, m / 3)
        };
        if let Some(y) = year {
            return at(y);
        }
        let reference = self.period.map(|p| p.end).or(self.published)?;
        let fy = reference.year() + i32::from(reference.month() > end_month);
        let p = at(fy)?;
        if p.start > reference {
            at(fy - 1)
        } else {
            Some(p)
        }
    }

    /// Resolves a time expression to a period.
    pub fn resolve(&self, when: When) -> Option<Period> {
        match when {
            When::Month { month, year } => {
                let year = year.or_else(|| self.year_for(month))?;
                Period::month(year, month)
            }
            When::Date(d) => Period::month(d.year(), d.month()),
            When::MonthDay { month, .. } => Period::month(self.year_for(month)?, month),
            When::Quarter {
                quarter,
                year,
                fiscal,
            } => {
                if fiscal {
                    // Fiscal quarters depend on the company's fiscal year; without it the
                    // quarter is unknown.
                    return self.fiscal_quarter(quarter, year);
                }
                let year = year.or_else(|| {
                    let p = self.period?;
                    Some(p.end.year())
                })?;
                Period::quarter(year, quarter)
            }
            When::Year(y) => {
                let start = NaiveDate::from_ymd_opt(y, 1, 1)?;
                let end = NaiveDate::from_ymd_opt(y, 12, 31)?;
                Some(Period { start, end })
            }
        }
    }
}

static DATELINE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:--|—|–|/\s*PRNewswire|\(\s*GLOBE\s*NEWSWIRE|\(\s*BUSINESS\s*WIRE|/\s*CNW|\(\s*ACCESSWIRE|\(\s*Newsfile|/\s*Globe\s*Newswire|\(\s*RNS|PRNewswire|GLOBE\s*NEWSWIRE|BUSINESS\s*WIRE|ACCESSWIRE|Newsfile|\|)",
    )
    // cannot fail: a constant pattern, compiled by every test.
    .expect("fixed pattern")
});

static NOT_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:as\s+of|ended|ending|through|until|to|between|since|from|dated|for\s+the\s+month\s+of|on\s+or\s+about|record\s+date|at)\s*$")
        // cannot fail: a constant pattern, compiled by every test.
        .expect("fixed pattern")
});

/// The published date: the first full date near the top of the document that is not an
/// as-of or period-end date. A date followed by a wire-service mark or a dash wins.
pub(crate) fn published(text: &str) -> Option<NaiveDate> {
    let head_end = floor_char_boundary(text, 3000);
    let head = &text[..head_end];
    let mut first_plain = None;
    for f in find(head) {
        let When::Date(d) = f.when else { continue };
        // Up to 40 bytes back, moved forward to a character boundary: slicing mid-character
        // panics (found by fuzzing: 40 bytes back from a date fell inside a U+FFFD).
        let before = &head[ceil_char_boundary(head, f.start.saturating_sub(40))..f.start];
        if NOT_DATELINE.is_match(before) {
            continue;
        }
        // "(March 31, 2025: 36.2 EH/s)": a date set as a label names a figure's time.
        if head[f.end..].trim_start().starts_with(':') {
            continue;
        }
        let after_end = floor_char_boundary(head, (f.end + 50).min(head.len()));
        let after = &head[f.end..after_end];
        if DATELINE_CUE
            .find(after)
            .is_some_and(|m| after[..m.start()].len() < 40)
        {
            return Some(d);
        }
        // A date broken over lines is a table's column title, not a dateline.
        if !head[f.start..f.end].contains('\n') {
            first_plain.get_or_insert(d);
        }
    }
    first_plain
}

/// The largest char boundary at or below `i`.
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or above `i`.
pub(crate) fn ceil_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

static FISCAL_YEAR_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)fiscal\s+(?:year|(?:19|20)\d\d)\s*,?\s+(?:which\s+|that\s+)?(?:ends?|ending|ended|closes|runs\s+from\s+{MONTH}\s+\d{{1,2}}\s+(?:to|through|until))\s+(?:on\s+)?(?P<m>{MONTH})\s+\d{{1,2}}|FISCAL\s+YEAR\s+END:\s*(?P<mm>\d\d)\d\d"
    ))
    // cannot fail: a constant pattern, compiled by every test.
    .expect("fixed pattern")
});

/// The month the company's fiscal year ends in, when the text says: "Our fiscal year ends
/// on September 30", an EDGAR header's "FISCAL YEAR END: 0930", or a fiscal quarter
/// followed by the date it ends ("the second quarter of fiscal 2025 (the three months ended
/// March 31, 2025)"). Only quarter-end months count: periods are calendar quarters.
pub(crate) fn fiscal_year_end(text: &str) -> Option<u32> {
    let quarter_end = |m: u32| m.is_multiple_of(3).then_some(m);
    if let Some(c) = FISCAL_YEAR_END.captures(text) {
        let m = match (c.name("m"), c.name("mm")) {
            (Some(m), _) => month_number_loose(m.as_str()),
            (_, Some(mm)) => mm.as_str().parse().ok(),
            _ => None,
        };
        if let Some(m) = m.and_then(quarter_end) {
            return Some(m);
        }
    }
    // A fiscal quarter and the date it ends, within a few words: read around each
    // "fiscal" or "FY" only, not the whole document again.
    let bytes = text.as_bytes();
    let mentions = (0..bytes.len().saturating_sub(1)).filter(|&i| {
        bytes[i..].starts_with(b"FY")
            || bytes
                .get(i..i + 6)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"fiscal"))
    });
    let mut searched_to = 0;
    for at in mentions.take(32) {
        if at < searched_to {
            continue;
        }
        let lo = floor_char_boundary(text, at.saturating_sub(48));
        let hi = floor_char_boundary(text, (at + 200).min(text.len()));
        searched_to = hi;
        if let Some(m) = fiscal_quarter_end(&text[lo..hi]) {
            return Some(m);
        }
    }
    None
}

/// In a short stretch of text, a fiscal quarter followed by the date it ends: the month
/// the fiscal year ends in.
fn fiscal_quarter_end(text: &str) -> Option<u32> {
    let quarter_end = |m: u32| m.is_multiple_of(3).then_some(m);
    let times = find(text);
    for (i, f) in times.iter().enumerate() {
        let When::Quarter {
            quarter,
            fiscal: true,
            ..
        } = f.when
        else {
            continue;
        };
        for next in times[i + 1..].iter().take_while(|t| t.start < f.end + 60) {
            // cannot fail: times are regex match bounds in `text`, in order.
            let own = text[next.start..next.end].to_ascii_lowercase();
            let month = match next.when {
                When::Date(d) => d.month(),
                When::MonthDay { month, .. } => month,
                // "(the three months ended March 31, 2025)"
                When::Quarter {
                    quarter,
                    fiscal: false,
                    ..
                } if own.contains("ended") || own.contains("ending") => quarter * 3,
                _ => continue,
            };
            let lead = text[f.end..next.end].to_ascii_lowercase();
            let closes = ["ended", "ending", "ends", " to ", "through"]
                .iter()
                .any(|w| lead.contains(w));
            if closes {
                let m = (month as i32 - 3 * quarter as i32 - 1).rem_euclid(12) as u32 + 1;
                return quarter_end(m);
            }
        }
    }
    None
}

static REPORTING_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:production|operations?|operational|mining|business|monthly|bitcoin|btc|results|update|updates|report|highlights|metrics|for\s+the\s+month|month\s+of|month\s+ended|month\s+ending|three\s+months\s+ended|quarter|produced|mined|earned|produces|mines)",
    )
    // cannot fail: a constant pattern, compiled by every test.
    .expect("fixed pattern")
});

static THREE_MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)three\s+months\s+ended\s+(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)"
    ))
    // cannot fail: a constant pattern, compiled by every test.
    .expect("fixed pattern")
});

/// Whether the time expression at `at` is a foreign issuer's report cover's "For the month
/// of".
fn cover_month(head: &str, at: usize) -> bool {
    let lead = head[floor_char_boundary(head, at.saturating_sub(20))..at].to_ascii_lowercase();
    lead.trim_end().ends_with("for the month of")
        && head[..at]
            .to_ascii_lowercase()
            .contains("foreign private issuer")
}

/// [`reporting_period_of`] with no other miners named.
#[cfg(test)]
pub(crate) fn reporting_period(
    text: &str,
    published: Option<NaiveDate>,
    fiscal_end: Option<u32>,
) -> Option<Period> {
    reporting_period_of(text, published, fiscal_end, &[])
}

/// The reporting period of the document: the first month or quarter named near a
/// reporting word in the headline and lead, else the one most often named in the body.
/// Lines that name another miner (`rivals`: where the text names them) are passed over,
/// such as a news page's list of other companies' stories above the article ("MARA mined
/// 890 BTC in December").
pub(crate) fn reporting_period_of(
    text: &str,
    published: Option<NaiveDate>,
    fiscal_end: Option<u32>,
    rivals: &[usize],
) -> Option<Period> {
    let rival_line = |at: usize| {
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        rivals.iter().any(|&r| (line_start..line_end).contains(&r))
    };
    let anchor = Anchor {
        period: None,
        published,
        fiscal_end,
    };
    let head = &text[..floor_char_boundary(text, 1500)];
    // "for the three months ended September 30, 2025": a quarter, unless a month or quarter
    // named earlier reports already ("March 2024 Monthly Investor Update" above a note on
    // the coming quarterly results).
    let three = THREE_MONTHS.captures(head).and_then(|c| {
        let m = c.name("m").and_then(|m| month_number_loose(m.as_str()))?;
        let y = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok())?;
        let at = c.get(0).map_or(0, |g| g.start());
        m.is_multiple_of(3)
            .then(|| Period::quarter(y, m / 3))
            .flatten()
            .map(|p| (at, p))
    });
    // Headline and lead: a month or quarter within a short reach of a reporting word.
    for f in find(head) {
        if let Some((at, p)) = three
            && f.start >= at
        {
            return Some(p);
        }
        let period = match f.when {
            When::Month { .. } | When::Quarter { .. } => anchor.resolve(f.when),
            // "for the month ended October 31, 2025", "month ending Oct. 31".
            When::Date(_) | When::MonthDay { .. } => {
                let lead = &head[floor_char_boundary(head, f.start.saturating_sub(24))..f.start];
                let lead = lead.to_ascii_lowercase();
                if lead.contains("month ended") || lead.contains("month ending") {
                    anchor.resolve(f.when)
                } else if lead.contains("quarter ended") || lead.contains("quarter ending") {
                    // "for the quarter ended September 30, 2025": the calendar quarter it
                    // closes.
                    match f.when {
                        When::Date(d) if d.month() % 3 == 0 => {
                            Period::quarter(d.year(), d.month() / 3)
                        }
                        _ => None,
                    }
                } else {
                    None
                }
            }
            _ => None,
        };
        let Some(period) = period else { continue };
        if rival_line(f.start) {
            continue;
        }
        // A 6-K cover's "For the month of August 2025" is the month of filing, not of the
        // figures.
        if cover_month(head, f.start) {
            continue;
        }
        // A release reports on the past: a period starting after its own date, or one the
        // text reaches "by" ("by December 2025"), is a plan.
        if published.is_some_and(|d| period.start > d) {
            continue;
        }
        let lead = head[floor_char_boundary(head, f.start.saturating_sub(16))..f.start]
            .to_ascii_lowercase();
        if ["by ", "by the end of ", "until ", "since "]
            .iter()
            .any(|w| lead.ends_with(w))
        {
            continue;
        }
        let lo = floor_char_boundary(head, f.start.saturating_sub(80));
        let hi = floor_char_boundary(head, (f.end + 60).min(head.len()));
        if REPORTING_CUE.is_match(&head[lo..hi]) {
            // A month named without its year right after a quarter, or a year-ago month
            // in the headline, would still be caught by this; releases put the period
            // first, so the first qualifying mention wins.
            return Some(period);
        }
    }
    three.map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn finds_expressions() {
        let w: Vec<When> = find("Dec. 2, 2025; 2 December 2025; November 2025; Sep-25; Oct. 2022; October 31; Q3 2025; third quarter of 2025; First Qtr. 2024; FY2023; May")
            .into_iter()
            .map(|f| f.when)
            .collect();
        assert_eq!(
            w,
            vec![
                When::Date(d(2025, 12, 2)),
                When::Date(d(2025, 12, 2)),
                When::Month {
                    month: 11,
                    year: Some(2025)
                },
                When::Month {
                    month: 9,
                    year: Some(2025)
                },
                When::Month {
                    month: 10,
                    year: Some(2022)
                },
                When::MonthDay { month: 10, day: 31 },
                When::Quarter {
                    quarter: 3,
                    year: Some(2025),
                    fiscal: false
                },
                When::Quarter {
                    quarter: 3,
                    year: Some(2025),
                    fiscal: false
                },
                When::Quarter {
                    quarter: 1,
                    year: Some(2024),
                    fiscal: false
                },
                When::Year(2023),
                When::Month {
                    month: 5,
                    year: None
                },
            ]
        );
        assert!(find("you may see").is_empty());
        // "October 31" is a day, never the year 2031.
        assert_eq!(
            find("as of October 31: 2,311")[0].when,
            When::MonthDay { month: 10, day: 31 }
        );
    }

    #[test]
    fn fiscal_year_ends_from_the_text() {
        assert_eq!(
            fiscal_year_end("Our fiscal year ends on September 30."),
            Some(9)
        );
        assert_eq!(
            fiscal_year_end("CleanSpark's fiscal year runs from October 1 to September 30."),
            Some(9)
        );
        assert_eq!(
            fiscal_year_end("fiscal 2024, which ends on March 31"),
            Some(3)
        );
        assert_eq!(fiscal_year_end("FISCAL YEAR END:\t\t\t0630\n"), Some(6));
        assert_eq!(
            fiscal_year_end("the third fiscal quarter of 2024, ending December 31, 2023"),
            Some(3)
        );
        assert_eq!(
            fiscal_year_end(
                "the second quarter of fiscal 2025 (the three months ended March 31, 2025)"
            ),
            Some(9)
        );
        assert_eq!(
            fiscal_year_end("the third quarter ended September 30, 2025"),
            None
        );
        for written in [
            "Second Quarter of Fiscal Year 2025",
            "the second quarter of its 2025 fiscal year",
            "Q2 FY2025",
        ] {
            assert_eq!(
                find(written)[0].when,
                When::Quarter {
                    quarter: 2,
                    year: Some(2025),
                    fiscal: true
                },
                "{written}"
            );
        }
        let a = Anchor {
            period: Period::quarter(2025, 1),
            published: None,
            fiscal_end: Some(9),
        };
        let q = |quarter, year| When::Quarter {
            quarter,
            year,
            fiscal: true,
        };
        assert_eq!(a.resolve(q(1, Some(2025))), Period::quarter(2024, 4));
        assert_eq!(a.resolve(q(2, Some(2025))), Period::quarter(2025, 1));
        assert_eq!(a.resolve(q(4, Some(2025))), Period::quarter(2025, 3));
        assert_eq!(a.resolve(q(1, None)), Period::quarter(2024, 4));
        assert_eq!(a.resolve(q(4, None)), Period::quarter(2024, 3));
    }

    #[test]
    fn bare_months_resolve_against_the_document() {
        let a = Anchor {
            period: Period::month(2026, 1),
            published: None,
            fiscal_end: None,
        };
        assert_eq!(
            a.resolve(When::Month {
                month: 12,
                year: None
            }),
            Period::month(2025, 12)
        );
        assert_eq!(
            a.resolve(When::Month {
                month: 1,
                year: None
            }),
            Period::month(2026, 1)
        );
        let b = Anchor {
            period: None,
            published: Some(d(2025, 12, 2)),
            fiscal_end: None,
        };
        assert_eq!(
            b.resolve(When::Month {
                month: 11,
                year: None
            }),
            Period::month(2025, 11)
        );
    }

    #[test]
    fn a_date_set_as_a_label_is_no_dateline() {
        assert_eq!(
            published("Self-owned hashrate: 4.6 EH/s (March 31, 2025: 4.4 EH/s)"),
            None
        );
    }

    #[test]
    fn datelines() {
        assert_eq!(
            published("Riot Announces\nCASTLE ROCK, Colo., Nov. 4, 2025 /PRNewswire/ -- Riot"),
            Some(d(2025, 11, 4))
        );
        assert_eq!(
            published("LONDON, 11 January 2023 -- Argo Blockchain plc"),
            Some(d(2023, 1, 11))
        );
        assert_eq!(published("holdings as of October 31, 2025 were"), None);
        // A date broken over lines is a table's column title, not the published date.
        assert_eq!(
            published(
                "Metric          September 30,     June 30,\n                2025              2025\n"
            ),
            None
        );
        // Numeric dates in table headers, US order unless the first number is no month.
        assert_eq!(
            find("Metric | 1/31/2024 | 12/31/2023 | 31/1/2024")
                .into_iter()
                .map(|f| f.when)
                .collect::<Vec<_>>(),
            vec![
                When::Date(d(2024, 1, 31)),
                When::Date(d(2023, 12, 31)),
                When::Date(d(2024, 1, 31))
            ]
        );
        // A day and month without a year is a date, never a figure.
        assert_eq!(
            find("and held 7,358 BTC on 30 November.")
                .into_iter()
                .map(|f| f.when)
                .collect::<Vec<_>>(),
            vec![When::MonthDay { month: 11, day: 30 }]
        );
        assert_eq!(
            published(
                "DMG Blockchain mines 23 BTC in August\n\n2025-09-03 09:07 ET - News Release\n"
            ),
            Some(d(2025, 9, 3))
        );
    }

    #[test]
    fn periods_from_headlines() {
        assert_eq!(
            reporting_period(
                "Riot Announces October 2025 Production and Operations Updates",
                None,
                None
            ),
            Period::month(2025, 10)
        );
        assert_eq!(
            reporting_period(
                "CleanSpark released its unaudited bitcoin mining update for the month ending October 31, 2023.",
                None,
                None
            ),
            Period::month(2023, 10)
        );
        assert_eq!(
            reporting_period("MARA Reports Third Quarter 2025 Results", None, None),
            Period::quarter(2025, 3)
        );
        assert_eq!(
            reporting_period(
                "Argo Blockchain PLC Announces December Operational Update\nLONDON, 11 January 2023",
                Some(d(2023, 1, 11)),
                None
            ),
            Period::month(2022, 12)
        );
        assert_eq!(
            reporting_period(
                "Riot announced its unaudited financial results for the quarter ended September 30, 2025.",
                None,
                None
            ),
            Period::quarter(2025, 3)
        );
        // Plans are not reporting periods: a month reached "by", or one after the release.
        assert_eq!(
            reporting_period(
                "Our goal is an average fleet efficiency of 16 J/TH by December 2025 and production growth.",
                Some(d(2025, 2, 27)),
                None
            ),
            None
        );
        assert_eq!(
            reporting_period(
                "We expect production to reach 700 BTC in June 2025.",
                Some(d(2025, 2, 27)),
                None
            ),
            None
        );
    }
}
