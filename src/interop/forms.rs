//! Facts from registration exports (issue 15): `mijlpaal facts count`.
//!
//! The professionals of the Twente plan register every exploratory
//! conversation in an MS Forms tool; every quarter someone exports the
//! responses (Excel `.xlsx`, or a CSV download) and counts them. This module
//! does the counting: it reads the export, keeps the rows that match every
//! `--where` filter, reads each row's date, and counts the rows per whole
//! calendar period (month, quarter or year), giving one
//! `DATE counted METRIC FROM .. TO = N` fact per period, empty periods
//! included with 0.
//!
//! **Nothing leaked.** Only aggregates leave the export: the counts, the
//! file's name and SHA-256, the number of rows, the filters the user gave
//! and the header names of the columns used. No cell value is ever put in
//! the output or in a diagnostic, with one exception: the text of a date
//! that cannot be read, and only when it has the shape of a date
//! (`31-2-2026`, `13/14/2026 10:05`); any other text is described by its
//! length. Cell references (`Form1!G1202`) say where to look.
//!
//! **Nothing lost.** A row that matches the filters but whose date cannot be
//! read (empty, impossible, not a date) is an error (F001) and nothing is
//! written, unless the user passes `--skip-invalid`: then the output says
//! how many rows were skipped and which cells.
//!
//! **Bounded.** The export is read like every other input: a regular file,
//! at most `--max-file-bytes` bytes, read through `source::load_bytes`; an
//! `.xlsx` is a zip archive, and every member is unpacked once through a
//! bounded reader before the spreadsheet is parsed, so that the unpacked
//! total cannot exceed the same limit (a zip bomb is I003).
//!
//! Dates: a date cell of an `.xlsx` is a serial number of days (since
//! 1899-12-30, or 1904-01-01 for workbooks in the 1904 system); it is
//! rounded to the millisecond, as Excel shows it, and its day taken in
//! integers. Text dates (CSV, or text cells): ISO `2026-03-14`, Dutch
//! `14-3-2026` and `14.3.2026` (day first), and `3/14/2026` or `3/14/26`
//! (month first, as the English Forms export writes it; `--day-first` reads
//! slashes day first), each optionally followed by a time (`10:05`,
//! `10:05:31`, `10:05:31 AM`, ISO `T10:05:31Z`). The date is the date as
//! written: no time-zone conversion.

// An error ends the command; the size of its diagnostic is irrelevant.
#![allow(clippy::result_large_err)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read as _};
use std::path::Path;

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Severity};
use crate::lower::names;
use crate::model::money::dutch;
use crate::model::{FactKind, MetricKind, Plan};
use crate::source::FileId;
use crate::syntax::{self, ast, Limits};

/// The most periods one command writes: a hundred years of months.
pub const MAX_PERIODS: usize = 1200;

/// At most this many unreadable cells are listed in the `--skip-invalid`
/// comment; the rest are counted.
pub const MAX_LISTED: usize = 50;

/// At most this many unreadable cells are reported one by one; one more
/// diagnostic counts the rest.
pub const MAX_REPORTED: usize = 20;

/// The length of calendar period counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    Month,
    Quarter,
    Year,
}

impl Every {
    pub fn word(self) -> &'static str {
        match self {
            Every::Month => "month",
            Every::Quarter => "quarter",
            Every::Year => "year",
        }
    }

    fn months(self) -> Months {
        Months::new(match self {
            Every::Month => 1,
            Every::Quarter => 3,
            Every::Year => 12,
        })
    }

    /// The first day of the period holding `d`.
    pub fn start_of(self, d: NaiveDate) -> Option<NaiveDate> {
        let month = match self {
            Every::Month => d.month(),
            Every::Quarter => match d.month() {
                1..=3 => 1,
                4..=6 => 4,
                7..=9 => 7,
                _ => 10,
            },
            Every::Year => 1,
        };
        NaiveDate::from_ymd_opt(d.year(), month, 1)
    }

    /// The first day of the period after the one starting on `start`.
    fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        start.checked_add_months(self.months())
    }

    /// The last day of the period starting on `start`.
    pub fn end_of(self, start: NaiveDate) -> Option<NaiveDate> {
        self.next(start)?.pred_opt()
    }
}

/// What to count, as given on the command line.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub export: &'a Path,
    pub max_bytes: u64,
    pub plan: &'a Plan,
    pub metric: &'a str,
    pub date_column: &'a str,
    /// `--where COLUMN=VALUE`, all of which must hold.
    pub filters: &'a [(String, String)],
    pub every: Every,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub stated: NaiveDate,
    pub skip_invalid: bool,
    /// Read `1/2/2026` as 1 February (else as January 2, as Forms writes it).
    pub day_first: bool,
}

/// The counts, ready to be written as facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub plan: String,
    pub metric: String,
    pub stated: NaiveDate,
    /// Whole periods in order: first day, last day, rows counted.
    pub periods: Vec<(NaiveDate, NaiveDate, u64)>,
    /// Comment lines (without `// `) saying where the counts come from.
    pub provenance: Vec<String>,
}

/// The result of [`count`]: the counts unless an error stopped them, and
/// every diagnostic (warnings too).
#[derive(Debug, Default)]
pub struct Outcome {
    pub counted: Option<Counted>,
    pub diagnostics: Vec<Diagnostic>,
}

/// One cell, as far as counting needs it.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    /// An Excel date: days since the workbook's epoch, the fraction the time.
    Serial {
        value: f64,
        is_1904: bool,
    },
    /// A number, boolean or error value, shown as Excel would.
    Other(String),
}

impl Cell {
    /// The value a `--where` filter compares with.
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Other(s) => s.clone(),
            Cell::Serial { value, is_1904 } => serial_date(*value, *is_1904)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        }
    }
}

/// A row of the export, restricted to the columns used.
struct Row {
    /// The row number as the spreadsheet shows it (the header is row 1 of a
    /// CSV file).
    number: u64,
    /// The cells of the columns asked for, in the order asked.
    cells: Vec<Cell>,
    /// Whether every cell of the row (all columns) is empty.
    blank: bool,
}

/// The export read: where it came from and the rows.
struct Table {
    /// `Form1` for a spreadsheet; `None` for CSV.
    sheet: Option<String>,
    /// The column letters of the columns asked for.
    letters: Vec<String>,
    rows: Vec<Row>,
}

/// Counts the rows of an export per period. Never panics on any input.
pub fn count(req: &Request) -> Outcome {
    let mut out = Outcome::default();
    let metric = match count_metric(req.plan, req.metric) {
        Ok(m) => m,
        Err(d) => {
            out.diagnostics.push(d);
            return out;
        }
    };
    if let Err(d) = check_bounds(req) {
        out.diagnostics.push(d);
        return out;
    }
    let bytes = match crate::source::load_bytes(req.export, req.max_bytes, None) {
        Ok(b) => b,
        Err(d) => {
            out.diagnostics.push(d);
            return out;
        }
    };
    let hash = hex(&Sha256::digest(&bytes));
    let name = file_name(req.export);
    let mut wanted = vec![req.date_column];
    wanted.extend(req.filters.iter().map(|(c, _)| c.as_str()));
    if bytes.starts_with(OLE) {
        out.diagnostics
            .push(unreadable(&name, crate::tr!("f005-xls")));
        return out;
    }
    let xlsx = is_xlsx(&bytes);
    let table = if xlsx {
        read_xlsx(&bytes, &name, &wanted, req.max_bytes)
    } else {
        read_csv(bytes, &name, &wanted)
    };
    let table = match table {
        Ok(t) => t,
        Err(ds) => {
            out.diagnostics.extend(ds);
            return out;
        }
    };
    let reference = |row: &Row| -> String {
        let letter = table.letters.first().map(String::as_str).unwrap_or("A");
        match &table.sheet {
            Some(sheet) => format!("{}!{letter}{}", sheet_ref(sheet), row.number),
            None => format!("{name}!{letter}{}", row.number),
        }
    };

    let Selection {
        rows,
        blank,
        not_matching,
        dated,
        invalid,
        seen,
    } = select(req, &table, &reference);
    out.diagnostics.extend(filters_never_met(req, &seen));
    out.diagnostics.extend(unreadable_dates(req, &invalid));
    if !invalid.is_empty() && !req.skip_invalid {
        return out;
    }

    let Some((from, to)) = bounds(req, &dated, &mut out.diagnostics) else {
        return out;
    };
    let (periods, counted, outside) = per_period(req, from, to, &dated);

    let mut provenance = vec![
        format!(
            "counted by `mijlpaal facts count` from `{}`{}",
            comment_safe(&name),
            table
                .sheet
                .as_deref()
                .map(|s| format!(", sheet `{}`", comment_safe(s)))
                .unwrap_or_default()
        ),
        format!("sha256:{hash}, {}", rows_of(rows)),
        format!(
            "{metric}: rows per {} by the date in `{}`{}{}",
            req.every.word(),
            comment_safe(req.date_column),
            if req.filters.is_empty() {
                ""
            } else {
                " where "
            },
            req.filters
                .iter()
                .map(|(c, v)| format!("`{}` = `{}`", comment_safe(c), comment_safe(v)))
                .collect::<Vec<_>>()
                .join(" and ")
        ),
        format!(
            "{} counted in {from} .. {to}, {} dated outside it, {} not matching the filters{}",
            rows_of(counted),
            whole(outside),
            whole(not_matching),
            if blank > 0 {
                format!(", {} ignored", rows_of(blank).replace("row", "empty row"))
            } else {
                String::new()
            }
        ),
    ];
    if !invalid.is_empty() {
        let listed: Vec<String> = invalid
            .iter()
            .take(MAX_LISTED)
            .map(|(c, _)| comment_safe(c))
            .collect();
        let more = invalid.len().saturating_sub(MAX_LISTED);
        provenance.push(format!(
            "skipped {} whose date cannot be read (--skip-invalid): {}{}",
            rows_of(u64::try_from(invalid.len()).unwrap_or(u64::MAX)),
            listed.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    out.counted = Some(Counted {
        plan: req.plan.id.to_string(),
        metric,
        stated: req.stated,
        periods,
        provenance,
    });
    out
}

/// The rows of an export that match every filter, with their dates.
struct Selection {
    /// Rows with anything in them.
    rows: u64,
    /// Empty rows, ignored.
    blank: u64,
    not_matching: u64,
    dated: Vec<NaiveDate>,
    /// The cell reference and why, for each date that cannot be read.
    invalid: Vec<(String, Unreadable)>,
    /// Per filter, whether any row had its value.
    seen: Vec<bool>,
}

fn select(req: &Request, table: &Table, reference: &impl Fn(&Row) -> String) -> Selection {
    let mut sel = Selection {
        rows: 0,
        blank: 0,
        not_matching: 0,
        dated: Vec::new(),
        invalid: Vec::new(),
        seen: vec![false; req.filters.len()],
    };
    for row in &table.rows {
        if row.blank {
            sel.blank = sel.blank.saturating_add(1);
            continue;
        }
        sel.rows = sel.rows.saturating_add(1);
        let mut matches = true;
        for (i, (_, value)) in req.filters.iter().enumerate() {
            let holds = row
                .cells
                .get(i.saturating_add(1))
                .is_some_and(|c| c.text() == *value);
            if holds {
                if let Some(s) = sel.seen.get_mut(i) {
                    *s = true;
                }
            } else {
                matches = false;
            }
        }
        if !matches {
            sel.not_matching = sel.not_matching.saturating_add(1);
            continue;
        }
        match cell_date(row.cells.first().unwrap_or(&Cell::Empty), req.day_first) {
            Ok(d) => sel.dated.push(d),
            Err(why) => sel.invalid.push((reference(row), why)),
        }
    }
    sel
}

/// F004: a `--where` value that no row has (usually a typo).
fn filters_never_met(req: &Request, seen: &[bool]) -> Vec<Diagnostic> {
    req.filters
        .iter()
        .zip(seen)
        .filter(|(_, seen)| !**seen)
        .map(|((column, value), _)| {
            Diagnostic::warning(
                "F004",
                crate::tr!("f004-never", value = value, column = column),
            )
            .with_help(crate::tr!("f004-never-help"))
        })
        .collect()
}

/// F001 for the first dates that cannot be read, and a count of the rest;
/// warnings under `--skip-invalid`.
fn unreadable_dates(req: &Request, invalid: &[(String, Unreadable)]) -> Vec<Diagnostic> {
    let severity = if req.skip_invalid {
        Severity::Warning
    } else {
        Severity::Error
    };
    let mut out = Vec::new();
    for (cell, why) in invalid.iter().take(MAX_REPORTED) {
        let d = Diagnostic::new(
            "F001",
            severity,
            crate::tr!("f001-unreadable", cell = cell, reason = why.describe()),
        );
        out.push(if req.skip_invalid {
            d.with_help(crate::tr!("f001-skipped"))
        } else if req.day_first {
            d.with_help(crate::tr!("f001-help-day-first"))
        } else {
            d.with_help(crate::tr!("f001-help"))
        });
    }
    if let Some(more) = invalid.len().checked_sub(MAX_REPORTED).filter(|n| *n > 0) {
        out.push(
            Diagnostic::new("F001", severity, crate::tr!("f001-more", count = more))
                .with_help(crate::tr!("f001-more-help", column = req.date_column)),
        );
    }
    out
}

/// The count per whole period from `from` to `to` (0 for an empty one),
/// with how many dates were counted and how many fell outside.
fn per_period(
    req: &Request,
    from: NaiveDate,
    to: NaiveDate,
    dated: &[NaiveDate],
) -> (Vec<(NaiveDate, NaiveDate, u64)>, u64, u64) {
    let mut per: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    let mut start = from;
    while start <= to {
        per.insert(start, 0);
        match req.every.next(start) {
            Some(n) => start = n,
            None => break,
        }
    }
    let mut counted = 0u64;
    let mut outside = 0u64;
    for d in dated {
        if *d < from || *d > to {
            outside = outside.saturating_add(1);
            continue;
        }
        if let Some(n) = req.every.start_of(*d).and_then(|s| per.get_mut(&s)) {
            *n = n.saturating_add(1);
            counted = counted.saturating_add(1);
        }
    }
    let periods = per
        .into_iter()
        .filter_map(|(s, n)| req.every.end_of(s).map(|e| (s, e, n)))
        .collect();
    (periods, counted, outside)
}

/// F003: the metric must be a `count` metric of the plan.
fn count_metric(plan: &Plan, name: &str) -> Result<String, Diagnostic> {
    match plan.metrics.iter().find(|m| m.id.as_str() == name) {
        Some(m) if m.kind == MetricKind::Count => Ok(m.id.to_string()),
        Some(_) => Err(
            Diagnostic::error("F003", crate::tr!("f003-level", metric = name))
                .with_help(crate::tr!("f003-level-help")),
        ),
        None => {
            let counts = plan
                .metrics
                .iter()
                .filter(|m| m.kind == MetricKind::Count)
                .map(|m| m.id.as_str());
            Err(Diagnostic::error(
                "F003",
                crate::tr!("f003-unknown", plan = plan.id, metric = name),
            )
            .with_help(names::help_for("count metrics", name, counts)))
        }
    }
}

/// F006: the period bounds given must be whole periods, and the stated
/// date cannot precede the end of what is counted.
fn check_bounds(req: &Request) -> Result<(), Diagnostic> {
    let every = req.every;
    if let Some(from) = req.from {
        if every.start_of(from) != Some(from) {
            let before = every.start_of(from);
            let after = before.and_then(|s| every.next(s));
            return Err(Diagnostic::error(
                "F006",
                crate::tr!("f006-from-not-first", from = from, every = every.word()),
            )
            .with_help(whole_periods_help(every, [before, after])));
        }
    }
    if let Some(to) = req.to {
        let start = every.start_of(to);
        if start.and_then(|s| every.end_of(s)) != Some(to) {
            let end = start.and_then(|s| every.end_of(s));
            let before = start.and_then(|s| s.pred_opt());
            return Err(Diagnostic::error(
                "F006",
                crate::tr!("f006-to-not-last", to = to, every = every.word()),
            )
            .with_help(whole_periods_help(every, [before, end])));
        }
        if to > req.stated {
            return Err(Diagnostic::error(
                "F006",
                crate::tr!("f006-to-after-stated", to = to, stated = req.stated),
            )
            .with_help(crate::tr!("f006-to-after-stated-help")));
        }
    }
    if let (Some(from), Some(to)) = (req.from, req.to) {
        if from > to {
            return Err(Diagnostic::error(
                "F006",
                crate::tr!("f006-from-after-to", from = from, to = to),
            )
            .with_help(crate::tr!("f006-from-after-to-help")));
        }
    }
    Ok(())
}

/// The help of F006 for a bound that is not a period's first (or last)
/// day: the nearest days that are.
fn whole_periods_help(every: Every, days: [Option<NaiveDate>; 2]) -> String {
    let days: Vec<String> = days.iter().flatten().map(|d| d.to_string()).collect();
    crate::tr!(
        "f006-whole-periods-help",
        every = every.word(),
        days = days.join(&crate::tr!("f006-or"))
    )
}

/// The first and last day counted: `--from` or the start of the plan's
/// period (else of the earliest date found); `--to` or the end of the last
/// whole period that is over on `--stated` (and not past the plan's period).
fn bounds(
    req: &Request,
    dated: &[NaiveDate],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(NaiveDate, NaiveDate)> {
    let every = req.every;
    let from = req
        .from
        .or_else(|| req.plan.period.as_ref().map(|p| p.from))
        .or_else(|| dated.iter().min().copied())
        .and_then(|d| every.start_of(d));
    let Some(from) = from else {
        diagnostics.push(
            Diagnostic::error("F006", crate::tr!("f006-nothing-to-count"))
                .with_help(crate::tr!("f006-nothing-to-count-help")),
        );
        return None;
    };
    let to = match req.to {
        Some(to) => Some(to),
        None => {
            let mut last = req.stated;
            if let Some(p) = &req.plan.period {
                last = last.min(p.to);
            }
            // The last period that is over on `last`.
            every.start_of(last).and_then(|s| {
                if every.end_of(s) == Some(last) {
                    Some(last)
                } else {
                    s.pred_opt()
                }
            })
        }
    };
    let Some(to) = to.filter(|t| *t >= from) else {
        diagnostics.push(
            Diagnostic::error(
                "F006",
                crate::tr!(
                    "f006-none-over",
                    every = every.word(),
                    from = from,
                    stated = req.stated
                ),
            )
            .with_help(crate::tr!("f006-none-over-help")),
        );
        return None;
    };
    let mut periods = 0usize;
    let mut start = from;
    while start <= to {
        periods = periods.saturating_add(1);
        if periods > MAX_PERIODS {
            diagnostics.push(
                Diagnostic::error(
                    "F006",
                    crate::tr!("f006-too-many", from = from, to = to, max = MAX_PERIODS),
                )
                .with_help(crate::tr!("f006-too-many-help")),
            );
            return None;
        }
        start = every.next(start)?;
    }
    Some((from, to))
}

/// Why a date cannot be read. The text is kept only when it has the shape
/// of a date, so that no name, number or remark reaches a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Unreadable {
    Empty,
    DateLike(String),
    Text(usize),
    Number,
}

impl Unreadable {
    fn describe(&self) -> String {
        match self {
            Unreadable::Empty => crate::tr!("f001-empty"),
            Unreadable::DateLike(s) => crate::tr!("f001-date-like", text = comment_safe(s)),
            Unreadable::Text(n) => crate::tr!("f001-text", count = *n),
            Unreadable::Number => crate::tr!("f001-number"),
        }
    }
}

fn cell_date(cell: &Cell, day_first: bool) -> Result<NaiveDate, Unreadable> {
    match cell {
        Cell::Empty => Err(Unreadable::Empty),
        Cell::Serial { value, is_1904 } => serial_date(*value, *is_1904).ok_or(Unreadable::Number),
        Cell::Other(_) => Err(Unreadable::Number),
        Cell::Text(s) if s.trim().is_empty() => Err(Unreadable::Empty),
        Cell::Text(s) => text_date(s, day_first).ok_or_else(|| {
            if date_shaped(s) {
                Unreadable::DateLike(s.trim().to_string())
            } else {
                Unreadable::Text(s.chars().count())
            }
        }),
    }
}

const MS_PER_DAY: i64 = 86_400_000;

/// The day of an Excel serial date. The serial is rounded to the
/// millisecond first, as Excel does when it shows it, then divided in
/// integers, so that `45944.99999999999` (23:59:59.999999) is the next day
/// exactly as Excel shows it, and no float error moves a day. In the 1900
/// system Excel counts the non-existent 1900-02-29 as day 60; that day, day
/// 0 and anything outside 1900-01-01 ..= 9999-12-31 is no date.
fn serial_date(value: f64, is_1904: bool) -> Option<NaiveDate> {
    // PANIC SAFETY: float arithmetic does not panic; the range is checked
    // first, so the product stays far inside i64 (below 2^48).
    #[allow(clippy::arithmetic_side_effects)]
    let ms = {
        if !value.is_finite() || !(0.0..2_958_466.0).contains(&value) {
            return None;
        }
        (value * 86_400_000.0).round()
    };
    #[allow(clippy::cast_possible_truncation)]
    let ms = ms as i64;
    let days = ms.checked_div(MS_PER_DAY)?;
    let (epoch, days) = if is_1904 {
        (NaiveDate::from_ymd_opt(1904, 1, 1)?, days)
    } else if days == 0 || days == 60 {
        return None;
    } else if days < 60 {
        (NaiveDate::from_ymd_opt(1899, 12, 31)?, days)
    } else {
        (NaiveDate::from_ymd_opt(1899, 12, 30)?, days)
    };
    let days = u64::try_from(days).ok()?;
    epoch.checked_add_days(chrono::Days::new(days))
}

/// A date written as text, with an optional time after it.
fn text_date(s: &str, day_first: bool) -> Option<NaiveDate> {
    let s = s.trim();
    let (date, time) = match s.find([' ', 'T']) {
        Some(i) => (
            s.get(..i)?,
            Some(s.get(i..)?.trim_start_matches('T').trim()),
        ),
        None => (s, None),
    };
    if let Some(t) = time {
        if !valid_time(t) {
            return None;
        }
    }
    let sep = ['/', '-', '.'].into_iter().find(|c| date.contains(*c))?;
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str, min: usize, max: usize| -> Option<u32> {
        (p.len() >= min && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let year = |p: &str| -> Option<i32> {
        match p.len() {
            4 => digits(p, 4, 4).and_then(|y| i32::try_from(y).ok()),
            2 => digits(p, 2, 2)
                .and_then(|y| i32::try_from(y).ok())
                .and_then(|y| y.checked_add(2000)),
            _ => None,
        }
    };
    let (y, m, d) = if a.len() == 4 {
        // ISO order: 2026-03-14, 2026/03/14.
        (year(a)?, digits(b, 1, 2)?, digits(c, 1, 2)?)
    } else if sep == '/' && !day_first {
        (year(c)?, digits(a, 1, 2)?, digits(b, 1, 2)?)
    } else {
        (year(c)?, digits(b, 1, 2)?, digits(a, 1, 2)?)
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `10:05`, `10:05:31`, `10:05:31.250`, `10:05:31 AM`, `10:05:31Z`,
/// `10:05:31+01:00`.
fn valid_time(t: &str) -> bool {
    let upper = t.trim().to_ascii_uppercase();
    let (core, twelve) = match upper
        .strip_suffix("AM")
        .or_else(|| upper.strip_suffix("PM"))
    {
        Some(c) => (c.trim_end().to_string(), true),
        None => (upper.clone(), false),
    };
    let core = core.strip_suffix('Z').unwrap_or(&core);
    let core = match core.find(['+', '-']) {
        Some(i) if !twelve => core.get(..i).unwrap_or(core),
        _ => core,
    };
    let parts: Vec<&str> = core.split(':').collect();
    let num = |p: &str, max: u32| -> bool {
        !p.is_empty()
            && p.len() <= 2
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let hour_ok = |h: &str| {
        if twelve {
            num(h, 12) && h.parse::<u32>().is_ok_and(|n| n >= 1)
        } else {
            num(h, 23)
        }
    };
    match parts.as_slice() {
        [h, m] => hour_ok(h) && num(m, 59),
        [h, m, s] => {
            let (whole, frac) = s.split_once('.').unwrap_or((s, "0"));
            hour_ok(h)
                && num(m, 59)
                && num(whole, 59)
                && !frac.is_empty()
                && frac.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// Whether text has the shape of a date (`31-2-2026`, `13/14/26 10:05`), so
/// that it may be shown in a diagnostic: digits in three groups separated by
/// `/`, `-` or `.`, then at most a time. Names, phone numbers and remarks do
/// not have this shape.
fn date_shaped(s: &str) -> bool {
    let s = s.trim();
    if s.chars().count() > 40 {
        return false;
    }
    let (date, time) = match s.find([' ', 'T']) {
        Some(i) => (s.get(..i).unwrap_or(""), s.get(i..).unwrap_or("")),
        None => (s, ""),
    };
    let Some(sep) = ['/', '-', '.'].into_iter().find(|c| date.contains(*c)) else {
        return false;
    };
    let groups: Vec<&str> = date.split(sep).collect();
    let date_ok = groups.len() == 3
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.len() <= 4 && g.bytes().all(|b| b.is_ascii_digit()));
    let letters: String = time
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_ascii_uppercase();
    let time_ok = time
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_alphabetic() || " :.+-".contains(c))
        && ["", "T", "Z", "TZ", "AM", "PM", "TAM", "TPM"].contains(&letters.as_str());
    date_ok && time_ok
}

/// Text for a `//` comment or a message: hidden characters and line breaks
/// escaped, so a header or file name cannot end the comment or hide text.
fn comment_safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || crate::source::is_hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// `1 row`, `1.234 rows`.
fn rows_of(n: u64) -> String {
    format!("{} {}", whole(n), if n == 1 { "row" } else { "rows" })
}

fn whole(n: u64) -> String {
    dutch(Decimal::from(n), false)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// A sheet name as a formula would quote it: `Form1`, `'Blad 1'`.
fn sheet_ref(sheet: &str) -> String {
    if sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
        comment_safe(sheet)
    } else {
        format!("'{}'", comment_safe(&sheet.replace('\'', "''")))
    }
}

/// `A`, `Z`, `AA`, ... for a column index from 0.
fn letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        let rem = col.checked_rem(26).unwrap_or(0);
        out.push(char::from(
            b'A'.saturating_add(u8::try_from(rem).unwrap_or(0)),
        ));
        match col.checked_div(26).and_then(|q| q.checked_sub(1)) {
            Some(q) => col = q,
            None => break,
        }
    }
    out.iter().rev().collect()
}

/// The start of an OLE compound file: Excel 97-2003 `.xls`.
const OLE: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// An `.xlsx` is a zip archive: `PK\x03\x04`.
fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// F005: the export cannot be read as a spreadsheet or CSV file.
fn unreadable(name: &str, why: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(
        "F005",
        crate::tr!("f005-unreadable", file = name, reason = why),
    )
    .with_help(crate::tr!("f005-unreadable-help"))
}

/// Finds the columns asked for in the header (F002: not found, or found
/// twice). Returns their indexes.
fn columns(headers: &[String], wanted: &[&str]) -> Result<Vec<usize>, Vec<Diagnostic>> {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for w in wanted {
        let hits: Vec<usize> = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| h.as_str() == *w)
            .map(|(i, _)| i)
            .collect();
        match hits.as_slice() {
            [one] => found.push(*one),
            [] => errors.push(
                Diagnostic::error("F002", crate::tr!("f002-missing", column = w))
                    .with_help(column_help(w, headers)),
            ),
            [first, ..] => {
                let at: Vec<String> = hits
                    .iter()
                    .filter_map(|i| u32::try_from(*i).ok().map(letters))
                    .collect();
                errors.push(
                    Diagnostic::error(
                        "F002",
                        crate::tr!(
                            "f002-twice",
                            count = hits.len(),
                            column = w,
                            letters = at.join(", ")
                        ),
                    )
                    .with_help(crate::tr!("f002-twice-help")),
                );
                found.push(*first);
            }
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

/// A suggestion close to what the user typed, never the list of headers:
/// an export saved without its header row has a person's data in its
/// first row.
fn column_help(name: &str, headers: &[String]) -> String {
    match names::closest(name, headers.iter().map(String::as_str)) {
        Some(c) => crate::tr!("f002-did-you-mean", column = comment_safe(c)),
        None => crate::tr!("f002-first-row", count = headers.len()),
    }
}

fn read_csv(bytes: Vec<u8>, name: &str, wanted: &[&str]) -> Result<Table, Vec<Diagnostic>> {
    let file =
        crate::source::decode(name.to_string(), Path::new(name), bytes).map_err(|d| vec![d])?;
    let text = file.text;
    // Comma separated, as Forms and English Excel write it; a Dutch Excel
    // saves with semicolons, recognised by the header line.
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(vec![unreadable(name, csv_error(&e))]),
        None => return Err(vec![unreadable(name, crate::tr!("f005-empty"))]),
    };
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let cols = columns(&headers, wanted)?;
    let letters_of: Vec<String> = cols
        .iter()
        .map(|c| u32::try_from(*c).map(letters).unwrap_or_default())
        .collect();
    let mut rows = Vec::new();
    let mut number = 1u64;
    for record in records {
        number = number.saturating_add(1);
        let record = record.map_err(|e| vec![unreadable(name, csv_error(&e))])?;
        let cells = cols
            .iter()
            .map(|c| match record.get(*c) {
                Some(v) if !v.is_empty() => Cell::Text(v.to_string()),
                _ => Cell::Empty,
            })
            .collect();
        rows.push(Row {
            number,
            cells,
            blank: record.iter().all(|f| f.trim().is_empty()),
        });
    }
    Ok(Table {
        sheet: None,
        letters: letters_of,
        rows,
    })
}

/// A CSV error without content: the position only.
fn csv_error(e: &csv::Error) -> String {
    match e.position() {
        Some(p) => crate::tr!("f005-malformed-csv-at", line = p.line()),
        None => crate::tr!("f005-malformed-csv"),
    }
}

fn read_xlsx(
    bytes: &[u8],
    name: &str,
    wanted: &[&str],
    max_bytes: u64,
) -> Result<Table, Vec<Diagnostic>> {
    use calamine::{Data, Reader as _};
    unpacked_size(bytes, name, max_bytes).map_err(|d| vec![d])?;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e| vec![unreadable(name, xlsx_error(&e))])?;
    let Some(sheet) = book.sheet_names().first().cloned() else {
        return Err(vec![unreadable(name, crate::tr!("f005-no-sheet"))]);
    };
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| vec![unreadable(name, xlsx_error(&e))])?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut iter = range.rows();
    let Some(header) = iter.next() else {
        return Err(vec![unreadable(
            name,
            crate::tr!("f005-sheet-empty", sheet = comment_safe(&sheet)),
        )]);
    };
    let headers: Vec<String> = header
        .iter()
        .map(|d| cell(d).text().trim().to_string())
        .collect();
    let cols = columns(&headers, wanted)?;
    let letters_of: Vec<String> = cols
        .iter()
        .map(|c| {
            u32::try_from(*c)
                .ok()
                .and_then(|c| c.checked_add(col0))
                .map(letters)
                .unwrap_or_default()
        })
        .collect();
    let mut rows = Vec::new();
    // The header is row `row0 + 1` as Excel numbers rows; data follows.
    let mut number = u64::from(row0).saturating_add(1);
    for r in iter {
        number = number.saturating_add(1);
        let cells = cols
            .iter()
            .map(|c| r.get(*c).map(cell).unwrap_or(Cell::Empty))
            .collect();
        rows.push(Row {
            number,
            cells,
            blank: r.iter().all(|d| match d {
                Data::Empty => true,
                Data::String(s) => s.trim().is_empty(),
                _ => false,
            }),
        });
    }
    Ok(Table {
        sheet: Some(sheet),
        letters: letters_of,
        rows,
    })
}

/// calamine's messages may quote what it failed to parse (a cell's text),
/// so none of it is shown: only that the workbook cannot be read.
/// A calamine cell as counting sees it.
fn cell(d: &calamine::Data) -> Cell {
    use calamine::Data;
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            if s.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s.clone())
            }
        }
        Data::Int(i) => Cell::Other(i.to_string()),
        Data::Float(f) => Cell::Other(f.to_string()),
        Data::Bool(b) => Cell::Other(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::Error(e) => Cell::Other(e.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => Cell::Serial {
            value: dt.as_f64(),
            // calamine keeps the workbook's epoch private; a value made in
            // the 1900 system compares equal only if it is.
            is_1904: *dt
                != calamine::ExcelDateTime::new(
                    dt.as_f64(),
                    calamine::ExcelDateTimeType::DateTime,
                    false,
                ),
        },
        Data::DateTime(dt) => Cell::Other(dt.as_f64().to_string()),
    }
}

fn xlsx_error(_: &calamine::XlsxError) -> String {
    crate::tr!("f005-not-xlsx")
}

/// Unpacks every member of the archive through a bounded reader and
/// refuses (I003) an archive whose unpacked total exceeds `max_bytes`,
/// whatever its headers claim: a few kilobytes can unpack to gigabytes.
fn unpacked_size(bytes: &[u8], name: &str, max_bytes: u64) -> Result<u64, Diagnostic> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unreadable(name, crate::tr!("f005-not-xlsx-because", reason = e)))?;
    let mut total = 0u64;
    let mut sink = [0u8; 64 * 1024];
    for i in 0..zip.len() {
        let mut member = zip
            .by_index(i)
            .map_err(|e| unreadable(name, crate::tr!("f005-not-xlsx-because", reason = e)))?;
        let left = max_bytes.saturating_sub(total).saturating_add(1);
        let mut limited = (&mut member).take(left);
        loop {
            let n = limited
                .read(&mut sink)
                .map_err(|e| unreadable(name, crate::tr!("f005-not-xlsx-because", reason = e)))?;
            if n == 0 {
                break;
            }
            total = total.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
            if total > max_bytes {
                return Err(Diagnostic::error(
                    "I003",
                    crate::tr!(
                        "i003-export-unpacks-too-large",
                        file = name,
                        max = max_bytes.to_string()
                    ),
                )
                .with_help(crate::tr!("i003-export-unpacks-too-large-help")));
            }
        }
    }
    Ok(total)
}

/// The facts lines of `counted`, comments first, indented for a block.
fn lines(c: &Counted) -> String {
    let mut out = String::new();
    for p in &c.provenance {
        out.push_str("  // ");
        out.push_str(p);
        out.push('\n');
    }
    for (from, to, n) in &c.periods {
        out.push_str(&format!(
            "  {} counted {} {from} .. {to} = {}\n",
            c.stated,
            c.metric,
            whole(*n)
        ));
    }
    out
}

/// A new facts file holding the counts, formatted as `mijlpaal fmt` would.
pub fn new_file(c: &Counted) -> Result<String, Vec<Diagnostic>> {
    let text = format!("facts {} {{\n{}}}\n", c.plan, lines(c));
    crate::format::format(&text)
}

/// Adds the counts to the facts block of `existing` (a facts file of the
/// plan), formatted as `mijlpaal fmt` would. Refused (F007) when `existing`
/// is not a facts file of `plan` without errors, or already holds a count of
/// the same metric over the same period stated on the same day (which of
/// two such counts holds would depend on their order).
pub fn append(existing: &str, name: &str, c: &Counted, plan: &Plan) -> Result<String, Diagnostic> {
    let refuse = |why: String, help: &str| {
        Diagnostic::error(
            "F007",
            crate::tr!("f007-refused", file = name, reason = why),
        )
        .with_help(help)
    };
    let (tree, diags) = syntax::parse(FileId(0), existing, &Limits::default());
    let Some(ast::File::Facts(f)) = tree else {
        return Err(refuse(
            crate::tr!("f007-not-facts"),
            &crate::tr!("f007-not-facts-help"),
        ));
    };
    let (facts, lowered) = crate::lower::lower_facts(&f, FileId(0), plan);
    if diags
        .iter()
        .chain(&lowered)
        .any(|d| d.severity == Severity::Error)
    {
        return Err(refuse(
            crate::tr!("f007-has-errors", plan = plan.id),
            &crate::tr!("f007-has-errors-help"),
        ));
    }
    for fact in &facts.facts {
        if let FactKind::Counted {
            metric, from, to, ..
        } = &fact.kind
        {
            let clash = fact.date == c.stated
                && metric.as_str() == c.metric
                && c.periods.iter().any(|(a, b, _)| a == from && b == to);
            if clash {
                return Err(refuse(
                    crate::tr!(
                        "f007-clash",
                        metric = metric,
                        from = from,
                        to = to,
                        stated = c.stated
                    ),
                    &crate::tr!("f007-clash-help"),
                ));
            }
        }
    }
    let end = existing
        .get(..f.span.end)
        .and_then(|head| head.rfind('}'))
        .ok_or_else(|| refuse(crate::tr!("f007-no-end"), &crate::tr!("f007-no-end-help")))?;
    let line_start = existing
        .get(..end)
        .and_then(|head| head.rfind('\n'))
        .map_or(0, |i| i.saturating_add(1));
    let (head, tail) = (
        existing.get(..line_start).unwrap_or(""),
        existing.get(line_start..).unwrap_or(""),
    );
    let joined = format!("{head}\n{}{tail}", lines(c));
    crate::format::format(&joined).map_err(|_| {
        refuse(
            crate::tr!("f007-would-not-parse"),
            &crate::tr!("f007-would-not-parse-help"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn serial_dates_are_exact() {
        // 2025-10-13 12:00 is 45943.5 (calamine's documentation).
        assert_eq!(serial_date(45943.5, false), Some(d(2025, 10, 13)));
        assert_eq!(serial_date(45943.0, false), Some(d(2025, 10, 13)));
        // 23:59:59.999 stays on its day; a float a hair below midnight is
        // midnight, as Excel shows it.
        assert_eq!(
            serial_date(45943.0 + 86_399_999.0 / 86_400_000.0, false),
            Some(d(2025, 10, 13))
        );
        assert_eq!(
            serial_date(45_943.999_999_999_9, false),
            Some(d(2025, 10, 14))
        );
        assert_eq!(serial_date(1.0, false), Some(d(1900, 1, 1)));
        assert_eq!(serial_date(59.0, false), Some(d(1900, 2, 28)));
        assert_eq!(serial_date(60.0, false), None);
        assert_eq!(serial_date(61.0, false), Some(d(1900, 3, 1)));
        assert_eq!(serial_date(0.0, true), Some(d(1904, 1, 1)));
        assert_eq!(serial_date(f64::NAN, false), None);
        assert_eq!(serial_date(-1.0, false), None);
        assert_eq!(serial_date(2_958_465.0, false), Some(d(9999, 12, 31)));
    }

    #[test]
    fn text_dates_as_forms_writes_them() {
        assert_eq!(text_date("3/14/2026 10:05:31", false), Some(d(2026, 3, 14)));
        assert_eq!(
            text_date("3/14/26 10:05:31 PM", false),
            Some(d(2026, 3, 14))
        );
        assert_eq!(text_date("14/3/2026", true), Some(d(2026, 3, 14)));
        assert_eq!(text_date("14/3/2026", false), None);
        assert_eq!(text_date("14-3-2026 10:05", false), Some(d(2026, 3, 14)));
        assert_eq!(text_date("14.03.2026", false), Some(d(2026, 3, 14)));
        assert_eq!(text_date("2026-03-14", false), Some(d(2026, 3, 14)));
        assert_eq!(
            text_date("2026-03-14T10:05:31Z", false),
            Some(d(2026, 3, 14))
        );
        assert_eq!(
            text_date("2026-03-14T10:05:31.5+01:00", false),
            Some(d(2026, 3, 14))
        );
        assert_eq!(text_date("31-2-2026", false), None);
        assert_eq!(text_date("2026-03-14 25:00", false), None);
        assert_eq!(text_date("gisteren", false), None);
        assert_eq!(text_date("+31612345678", false), None);
    }

    #[test]
    fn only_date_shaped_text_is_shown() {
        assert!(date_shaped("31-2-2026"));
        assert!(date_shaped("13/14/2026 10:05 AM"));
        assert!(!date_shaped("Jan de Vries"));
        assert!(!date_shaped("+31 6 12345678"));
        assert!(!date_shaped("06-12345678"));
        assert!(!date_shaped("jan@example.nl"));
        assert!(!date_shaped("1-2-3 Pam"));
    }

    #[test]
    fn csv_with_semicolons_quotes_and_ragged_rows() {
        let text = "\u{feff}Naam;Datum;Verwijzing\r\n\"de Vries; Jan\";\"14-3-2026\";\"Sociaal\ndomein\"\r\nPiet;2026-04-01\r\n;;\r\n";
        let t = read_csv(text.as_bytes().to_vec(), "x.csv", &["Datum", "Verwijzing"]).unwrap();
        assert_eq!(t.letters, ["B", "C"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0].number, 2);
        assert_eq!(
            t.rows[0].cells,
            [
                Cell::Text("14-3-2026".into()),
                Cell::Text("Sociaal\ndomein".into())
            ]
        );
        assert_eq!(t.rows[1].number, 3);
        assert_eq!(t.rows[1].cells[1], Cell::Empty);
        assert!(t.rows[2].blank);
        let missing = read_csv(text.as_bytes().to_vec(), "x.csv", &["Datm"])
            .err()
            .unwrap();
        assert_eq!(missing[0].code, "F002");
        assert_eq!(missing[0].help.as_deref(), Some("did you mean `Datum`?"));
    }

    #[test]
    fn excel_cells_in_both_epochs() {
        use calamine::{Data, ExcelDateTime, ExcelDateTimeType::DateTime};
        // 2026-03-14 10:05 in the 1900 system is 46095.42; in the 1904
        // system the same serial is 1462 days later.
        let v1900 = Data::DateTime(ExcelDateTime::new(46_095.42, DateTime, false));
        let v1904 = Data::DateTime(ExcelDateTime::new(46_095.42, DateTime, true));
        assert_eq!(cell_date(&cell(&v1900), false), Ok(d(2026, 3, 14)));
        assert_eq!(cell_date(&cell(&v1904), false), Ok(d(2030, 3, 15)));
        assert_eq!(
            cell_date(&cell(&Data::Float(46_095.0)), false),
            Err(Unreadable::Number)
        );
        assert_eq!(cell(&Data::Float(3.0)).text(), "3");
        assert_eq!(
            cell_date(&cell(&Data::Empty), false),
            Err(Unreadable::Empty)
        );
    }

    #[test]
    fn periods() {
        assert_eq!(Every::Quarter.start_of(d(2026, 5, 17)), Some(d(2026, 4, 1)));
        assert_eq!(Every::Quarter.end_of(d(2026, 10, 1)), Some(d(2026, 12, 31)));
        assert_eq!(Every::Month.end_of(d(2028, 2, 1)), Some(d(2028, 2, 29)));
        assert_eq!(Every::Year.start_of(d(2026, 5, 17)), Some(d(2026, 1, 1)));
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }
}
