//! Reading a Mijlpalenformat workbook into a [`Sheet`]: the file read with
//! the size limit (`source::load_bytes`), the archive's declared unpacked
//! size checked before anything is inflated, the cells streamed (never a
//! dense grid: one cell at `XFD1048576` must not allocate the whole sheet)
//! into a bounded map, the header row found by its names, and every row read
//! cell by cell. Whatever cannot be read is an X diagnostic naming its cell.

// A refused workbook ends the reading; the size of its error is irrelevant.
#![allow(clippy::result_large_err)]

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;
use std::str::FromStr;

use calamine::{DataRef, Reader as _, Xlsx};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{
    cell_ref, header_key, is_totals_label, obligation_of, of_payee_header, Field, Payee,
    PayeeColumn, Row, Sheet, Totals, SHEET,
};
use crate::diagnostic::Diagnostic;
use crate::model::Money;
use crate::source::is_hidden;

/// Most cells read from one sheet; the template with 47 milestones has about
/// 3 000. More is refused (X001) rather than held in memory.
pub const MAX_CELLS: usize = 2_000_000;

/// Rows searched for the header row.
pub const HEADER_SEARCH_ROWS: u32 = 50;

/// A cell's value as far as the import cares.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    /// A date cell: Excel's serial day number (with `is_1904`).
    Date(f64),
    Bool(bool),
    Error(String),
}

/// The cells of one sheet, by (row, column), 0-based.
#[derive(Debug, Default)]
pub struct Grid {
    pub name: String,
    pub cells: BTreeMap<(u32, u32), Value>,
    pub is_1904: bool,
}

impl Grid {
    pub fn get(&self, row: u32, col: u32) -> Option<&Value> {
        self.cells.get(&(row, col))
    }
}

/// Reads the workbook at `path`: the sheet named `sheet`, else `Mijlpalen`,
/// else the first. `Err` holds the diagnostic that stopped the reading.
pub fn grid(path: &Path, max_bytes: u64, sheet: Option<&str>) -> Result<Grid, Diagnostic> {
    let bytes = crate::source::load_bytes(path, max_bytes, None)?;
    grid_of_bytes(&path.display().to_string(), bytes, max_bytes, sheet)
}

/// [`grid`] on bytes already read; `shown` names the file in messages.
pub fn grid_of_bytes(
    shown: &str,
    bytes: Vec<u8>,
    max_bytes: u64,
    sheet: Option<&str>,
) -> Result<Grid, Diagnostic> {
    let unreadable = |why: String| {
        Diagnostic::error(
            "X001",
            crate::tr!("x001-unreadable", file = shown, reason = why),
        )
        .with_help(crate::tr!("x001-unreadable-help"))
    };
    // An .xlsx is a zip archive; its parts are inflated in memory. The sizes
    // its directory declares are added up first, so that a small file that
    // unpacks to gigabytes is refused before any part is inflated.
    let mut declared: u64 = 0;
    {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice()))
            .map_err(|e| unreadable(crate::tr!("x001-not-xlsx", reason = e)))?;
        for i in 0..zip.len() {
            let size = zip
                .by_index_raw(i)
                .map_err(|e| unreadable(e.to_string()))?
                .size();
            declared = declared.saturating_add(size);
        }
    }
    if declared > max_bytes {
        return Err(Diagnostic::error(
            "X001",
            crate::tr!(
                "x001-unpacks-too-large",
                file = shown,
                bytes = declared.to_string(),
                max = max_bytes.to_string()
            ),
        )
        .with_help(crate::tr!("x001-unpacks-too-large-help")));
    }
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| unreadable(e.to_string()))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                Diagnostic::error("X001", crate::tr!("x001-no-sheet", file = shown, sheet = s))
                    .with_help(crate::tr!("x001-no-sheet-help", sheets = quoted(&names)))
            })?,
        None => names
            .iter()
            .find(|n| n.as_str() == SHEET)
            .or_else(|| names.first())
            .cloned()
            .ok_or_else(|| unreadable(crate::tr!("x001-no-sheets")))?,
    };
    let is_1904 = book.has_1904_epoch();
    let mut cells = BTreeMap::new();
    let mut reader = book
        .worksheet_cells_reader(&name)
        .map_err(|e| unreadable(e.to_string()))?;
    while let Some(cell) = reader.next_cell().map_err(|e| unreadable(e.to_string()))? {
        let value = match cell.get_value().clone() {
            DataRef::Empty => continue,
            DataRef::String(s) => Value::Text(s),
            DataRef::SharedString(s) => Value::Text(s.to_string()),
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Text(s),
            DataRef::Int(i) => Value::Text(i.to_string()),
            DataRef::Float(f) => Value::Number(f),
            DataRef::Bool(b) => Value::Bool(b),
            DataRef::DateTime(d) if d.is_datetime() => Value::Date(d.as_f64()),
            DataRef::DateTime(d) => Value::Number(d.as_f64()),
            DataRef::Error(e) => Value::Error(e.to_string()),
        };
        if cells.len() >= MAX_CELLS {
            return Err(Diagnostic::error(
                "X001",
                crate::tr!(
                    "x001-too-many-cells",
                    sheet = name,
                    file = shown,
                    max = MAX_CELLS.to_string()
                ),
            )
            .with_help(crate::tr!("x001-too-many-cells-help")));
        }
        cells.insert(cell.get_position(), value);
    }
    drop(reader);
    Ok(Grid {
        name,
        cells,
        is_1904,
    })
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads a workbook into a [`Sheet`]; `None` when it could not be read at all.
pub fn read(path: &Path, max_bytes: u64, sheet: Option<&str>) -> (Option<Sheet>, Vec<Diagnostic>) {
    match grid(path, max_bytes, sheet) {
        Ok(g) => {
            let mut diags = Vec::new();
            let sheet = sheet_of(&g, &mut diags);
            (sheet, diags)
        }
        Err(d) => (None, vec![d]),
    }
}

/// Reads the template's rows from a grid.
pub fn sheet_of(g: &Grid, diags: &mut Vec<Diagnostic>) -> Option<Sheet> {
    let r = Cells { g, diags };
    r.sheet()
}

/// The header row: its row, the fixed columns found, the payees.
type Header = (u32, Vec<(Field, u32)>, Vec<Payee>);

struct Cells<'a> {
    g: &'a Grid,
    diags: &'a mut Vec<Diagnostic>,
}

impl Cells<'_> {
    fn at(&self, row: u32, col: u32) -> String {
        cell_ref(&self.g.name, row, col)
    }

    /// The raw text of a text cell (numbers shown as written), hidden
    /// characters removed and reported (X010).
    fn text(&mut self, row: u32, col: u32) -> Option<String> {
        let raw = match self.g.get(row, col)? {
            Value::Text(s) => s.clone(),
            Value::Number(f) => format!("{f}"),
            Value::Bool(b) => b.to_string(),
            Value::Date(_) | Value::Error(_) => return None,
        };
        let mut clean = String::with_capacity(raw.len());
        let mut hidden = Vec::new();
        for c in raw.chars() {
            if c == '\t' {
                clean.push(' ');
            } else if c == '\r' {
                clean.push('\n');
            } else if is_hidden(c) && c != '\n' {
                hidden.push(format!("U+{:04X}", u32::from(c)));
            } else {
                clean.push(c);
            }
        }
        if !hidden.is_empty() {
            hidden.dedup();
            let at = self.at(row, col);
            self.diags.push(
                Diagnostic::warning(
                    "X010",
                    crate::tr!(
                        "x010-hidden",
                        cell = at,
                        count = hidden.len(),
                        characters = hidden.join(", ")
                    ),
                )
                .with_help(crate::tr!("x010-hidden-help")),
            );
        }
        Some(clean)
    }

    /// The cell's lines, each trimmed, empty ones dropped.
    fn lines(&mut self, row: u32, col: u32) -> Vec<String> {
        self.text(row, col)
            .map(|t| {
                t.split('\n')
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The cell's text on one line: its lines joined with a space.
    fn line(&mut self, row: u32, col: u32) -> String {
        self.lines(row, col).join(" ")
    }

    fn is_blank(&self, row: u32, col: u32) -> bool {
        match self.g.get(row, col) {
            None => true,
            Some(Value::Text(s)) => s.trim().is_empty(),
            Some(_) => false,
        }
    }

    fn header_row(&mut self) -> Option<Header> {
        for row in 0..HEADER_SEARCH_ROWS {
            let cols: Vec<u32> = self
                .g
                .cells
                .range((row, 0)..=(row, u32::MAX))
                .map(|((_, c), _)| *c)
                .collect();
            let mut fields = Vec::new();
            let mut payees: Vec<Payee> = Vec::new();
            for col in cols {
                let Some(Value::Text(t)) = self.g.get(row, col) else {
                    continue;
                };
                if let Some(f) = Field::of_header(t) {
                    if !fields.iter().any(|(g, _)| *g == f) {
                        fields.push((f, col));
                    }
                } else if let Some((reference, kind)) = of_payee_header(t) {
                    let i = match payees.iter().position(|p| p.reference == reference) {
                        Some(i) => i,
                        None => {
                            payees.push(Payee {
                                reference,
                                monitoring: None,
                                payment: None,
                            });
                            payees.len().saturating_sub(1)
                        }
                    };
                    if let Some(p) = payees.get_mut(i) {
                        match kind {
                            PayeeColumn::Monitoring => p.monitoring = p.monitoring.or(Some(col)),
                            PayeeColumn::Payment => p.payment = p.payment.or(Some(col)),
                        }
                    }
                }
            }
            let has = |f: Field| fields.iter().any(|(g, _)| *g == f);
            if has(Field::Description) && (has(Field::Total) || has(Field::Due)) {
                return Some((row, fields, payees));
            }
        }
        None
    }

    fn sheet(mut self) -> Option<Sheet> {
        let Some((header_row, columns, payees)) = self.header_row() else {
            self.diags.push(
                Diagnostic::error(
                    "X002",
                    crate::tr!(
                        "x002-no-header",
                        sheet = self.g.name,
                        rows = HEADER_SEARCH_ROWS
                    ),
                )
                .with_help(crate::tr!(
                    "x002-no-header-help",
                    columns = Field::ALL
                        .iter()
                        .map(|f| format!("`{}`", f.header()))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            return None;
        };
        let mut missing = false;
        for f in Field::ALL {
            if f.required() && !columns.iter().any(|(g, _)| *g == f) {
                missing = true;
                self.diags.push(
                    Diagnostic::error(
                        "X002",
                        crate::tr!(
                            "x002-no-column",
                            cell = cell_ref(&self.g.name, header_row, 0),
                            column = f.header()
                        ),
                    )
                    .with_help(crate::tr!("x002-no-column-help")),
                );
            }
        }
        if missing {
            return None;
        }
        let title = self
            .g
            .cells
            .range(..(header_row, 0))
            .find_map(|(_, v)| match v {
                Value::Text(t) if !t.trim().is_empty() => Some(super::collapse(t)),
                _ => None,
            });
        let mut sheet = Sheet {
            name: self.g.name.clone(),
            title,
            header_row,
            columns,
            payees,
            rows: Vec::new(),
            totals: None,
        };
        let last_row = self
            .g
            .cells
            .keys()
            .next_back()
            .map(|(r, _)| *r)
            .unwrap_or(header_row);
        let mut component: Option<(u32, String)> = None;
        let mut number: u32 = 0;
        let mut row = header_row;
        while row < last_row {
            row = row.saturating_add(1);
            let used: Vec<u32> = self.used_columns(&sheet, row);
            if used.iter().all(|c| self.is_blank(row, *c)) {
                continue; // a spacer row
            }
            let label_cols = [Field::Name, Field::Description]
                .iter()
                .filter_map(|f| sheet.column(*f))
                .collect::<Vec<_>>();
            let labelled_total = label_cols
                .iter()
                .any(|c| matches!(self.g.get(row, *c), Some(Value::Text(t)) if is_totals_label(t)));
            let unlabelled_total = [
                Field::Name,
                Field::Description,
                Field::Due,
                Field::Obligation,
            ]
            .iter()
            .filter_map(|f| sheet.column(*f))
            .all(|c| self.is_blank(row, c));
            if labelled_total || unlabelled_total {
                // A blank cell of the totals row shows no total (not zero).
                let total = match sheet.column(Field::Total) {
                    Some(c) if !self.is_blank(row, c) => self.amount_at(row, c),
                    _ => None,
                };
                let payments = self.payments(&sheet, row);
                sheet.totals = Some(Totals {
                    row,
                    total,
                    payments,
                });
                break; // below the totals row: notes, not milestones
            }
            number = number.saturating_add(1);
            let r = self.milestone(&sheet, row, number, &mut component);
            sheet.rows.push(r);
        }
        Some(sheet)
    }

    fn used_columns(&self, sheet: &Sheet, row: u32) -> Vec<u32> {
        let mut cols: Vec<u32> = sheet.columns.iter().map(|(_, c)| *c).collect();
        for p in &sheet.payees {
            cols.extend(p.monitoring);
            cols.extend(p.payment);
        }
        cols.retain(|c| self.g.get(row, *c).is_some());
        cols
    }

    fn milestone(
        &mut self,
        sheet: &Sheet,
        row: u32,
        number: u32,
        component: &mut Option<(u32, String)>,
    ) -> Row {
        // `Naam` is often a merged cell: written in its first row only.
        if let Some(col) = sheet.column(Field::Name) {
            let name = self.line(row, col);
            if !name.is_empty() {
                *component = Some(component_of(&name, component.as_ref()));
            }
        }
        if component.is_none() {
            self.missing(sheet, row, Field::Name, &crate::tr!("x009-what-component"));
        }
        let text = match sheet.column(Field::Description) {
            Some(col) => self.line(row, col),
            None => String::new(),
        };
        if text.is_empty() {
            self.missing(
                sheet,
                row,
                Field::Description,
                &crate::tr!("x009-what-text"),
            );
        }
        let due = self.date(sheet, row);
        let obligation = self.obligation(sheet, row);
        // One evidence text: a cell's line breaks are layout, as in the text.
        let evidence: Vec<String> = sheet
            .column(Field::Evidence)
            .map(|c| self.line(row, c))
            .filter(|e| !e.is_empty())
            .into_iter()
            .collect();
        let explanation = sheet
            .column(Field::Explanation)
            .map(|c| self.line(row, c))
            .filter(|t| !t.is_empty());
        let total = self.amount(sheet, row, Field::Total);
        let payments = self.payments(sheet, row);
        Row {
            row,
            number,
            component: component.clone(),
            text,
            due,
            obligation,
            evidence,
            total,
            explanation,
            payments,
        }
    }

    fn missing(&mut self, sheet: &Sheet, row: u32, field: Field, what: &str) {
        let at = sheet.cell(row, field);
        self.diags.push(
            Diagnostic::error(
                "X009",
                crate::tr!(
                    "x009-empty",
                    cell = at,
                    column = field.header(),
                    what = what
                ),
            )
            .with_help(crate::tr!("x009-empty-help")),
        );
    }

    fn date(&mut self, sheet: &Sheet, row: u32) -> Option<NaiveDate> {
        let col = sheet.column(Field::Due)?;
        let at = self.at(row, col);
        let bad = |what: String, help: &str| {
            Diagnostic::error("X003", format!("{at}: {what}")).with_help(help.to_string())
        };
        let help = &crate::tr!("x003-help");
        match self.g.get(row, col) {
            None => {
                self.missing(sheet, row, Field::Due, &crate::tr!("x009-what-due"));
                None
            }
            Some(Value::Date(serial)) => match date_of_serial(*serial, self.g.is_1904) {
                Ok(d) => Some(d),
                Err(why) => {
                    self.diags.push(bad(why, help));
                    None
                }
            },
            Some(Value::Text(t)) if t.trim().is_empty() => {
                self.missing(sheet, row, Field::Due, &crate::tr!("x009-what-due"));
                None
            }
            Some(Value::Text(t)) => match date_of_text(t) {
                Ok(d) => Some(d),
                Err(why) => {
                    self.diags.push(bad(why, help));
                    None
                }
            },
            Some(Value::Number(f)) => {
                self.diags.push(bad(
                    crate::tr!("x003-number", number = f),
                    &crate::tr!("x003-number-help"),
                ));
                None
            }
            Some(Value::Bool(_)) | Some(Value::Error(_)) => {
                self.diags.push(bad(crate::tr!("x003-not-a-date"), help));
                None
            }
        }
    }

    fn obligation(&mut self, sheet: &Sheet, row: u32) -> Option<crate::model::Obligation> {
        let col = sheet.column(Field::Obligation)?;
        let text = self.line(row, col);
        if text.is_empty() {
            self.missing(
                sheet,
                row,
                Field::Obligation,
                &crate::tr!("x009-what-obligation"),
            );
            return None;
        }
        let o = obligation_of(&text);
        if o.is_none() {
            let at = self.at(row, col);
            let shown = crate::render::escape::text(&text);
            self.diags.push(
                Diagnostic::error("X005", crate::tr!("x005-unknown", cell = at, text = shown))
                    .with_help(crate::tr!("x005-unknown-help")),
            );
        }
        o
    }

    /// An amount cell: empty is zero; `None` if it could not be read (reported).
    fn amount_at(&mut self, row: u32, col: u32) -> Option<Money> {
        let at = self.at(row, col);
        let result = match self.g.get(row, col) {
            None => return Some(Money::ZERO),
            Some(Value::Number(f)) => money_of_f64(*f),
            Some(Value::Text(t)) => money_of_text(t),
            Some(Value::Date(_)) => Err(crate::tr!("x004-date")),
            Some(Value::Bool(_)) => Err(crate::tr!("x004-not-an-amount")),
            Some(Value::Error(e)) => Err(crate::tr!("x004-error-value", value = e)),
        };
        match result {
            Ok(m) => Some(m),
            Err(why) => {
                self.diags.push(
                    Diagnostic::error("X004", format!("{at}: {why}"))
                        .with_help(crate::tr!("x004-help")),
                );
                None
            }
        }
    }

    fn amount(&mut self, sheet: &Sheet, row: u32, field: Field) -> Option<Money> {
        match sheet.column(field) {
            Some(col) => self.amount_at(row, col),
            None => Some(Money::ZERO),
        }
    }

    fn payments(&mut self, sheet: &Sheet, row: u32) -> Vec<(usize, Money)> {
        let mut out = Vec::new();
        for (i, p) in sheet.payees.iter().enumerate() {
            if let Some(col) = p.payment {
                if !self.is_blank(row, col) {
                    if let Some(m) = self.amount_at(row, col) {
                        out.push((i, m));
                    }
                }
            }
            if let Some(col) = p.monitoring {
                if !self.is_blank(row, col) {
                    let at = self.at(row, col);
                    self.diags.push(
                        Diagnostic::warning(
                            "X011",
                            crate::tr!("x011-monitoring", cell = at, payee = p.reference),
                        )
                        .with_help(crate::tr!("x011-monitoring-help", payee = p.reference)),
                    );
                }
            }
        }
        out
    }
}

/// "0. Programmaoverstijgend" → (0, "Programmaoverstijgend"). A name
/// without a number keeps the number of the component before it if the name
/// is the same, else takes the next number.
fn component_of(name: &str, before: Option<&(u32, String)>) -> (u32, String) {
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    let rest = name.get(digits.len()..).unwrap_or("");
    if let (false, Some(rest)) = (digits.is_empty(), rest.strip_prefix('.')) {
        if let Ok(n) = digits.parse::<u32>() {
            return (n, rest.trim().to_string());
        }
    }
    match before {
        Some((n, b)) if b == name => (*n, b.clone()),
        Some((n, _)) => (n.saturating_add(1), name.to_string()),
        None => (0, name.to_string()),
    }
}

/// A date cell's serial day number as a day. Excel counts days from
/// 1899-12-30 (serial 1 is 1900-01-01; serial 60 is the 29 February 1900
/// that Lotus 1-2-3 invented and Excel kept), or from 1904-01-01 in the 1904
/// system.
pub fn date_of_serial(serial: f64, is_1904: bool) -> Result<NaiveDate, String> {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return Err(crate::tr!("x003-serial-no-day", serial = serial));
    }
    if serial.fract() != 0.0 {
        return Err(crate::tr!("x003-time-of-day"));
    }
    // PANIC SAFETY: checked above: a whole number from 0 to 3 000 000.
    #[allow(clippy::cast_possible_truncation)]
    let days = serial as i64;
    let (epoch, days) = match (is_1904, days) {
        (true, d) => (NaiveDate::from_ymd_opt(1904, 1, 1), d),
        (false, 60) => return Err(crate::tr!("x003-lotus-leap-day")),
        (false, d) if d < 60 => (NaiveDate::from_ymd_opt(1899, 12, 31), d),
        (false, d) => (NaiveDate::from_ymd_opt(1899, 12, 30), d),
    };
    epoch
        .and_then(|e| e.checked_add_signed(chrono::Duration::try_days(days)?))
        .ok_or_else(|| crate::tr!("x003-serial-no-day", serial = serial))
}

/// A date written as text: `30-6-2025`, `30-06-2025`, `30/6/2025`, or ISO `2025-06-30`.
pub fn date_of_text(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let shown = crate::render::escape::text(t);
    let (d, m, y) = match parts.as_slice() {
        [a, b, c] if a.len() == 4 => (num(c), num(b), num(a)),
        [a, b, c] if c.len() == 4 => (num(a), num(b), num(c)),
        _ => return Err(crate::tr!("x003-not-d-m-y", text = shown)),
    };
    let (Some(d), Some(m), Some(y)) = (d, m, y) else {
        return Err(crate::tr!("x003-not-d-m-y", text = shown));
    };
    let y = i32::try_from(y).map_err(|_| crate::tr!("x003-not-d-m-y", text = shown))?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| crate::tr!("x003-not-in-calendar", text = shown))
}

/// The largest whole number every smaller one of which a spreadsheet's
/// number (an IEEE double) holds exactly: 2^53.
pub const EXACT_LIMIT: f64 = 9_007_199_254_740_992.0;

/// A numeric cell as an exact amount. A spreadsheet stores numbers as
/// doubles; the amount meant is the shortest decimal that reads back as the
/// same double (Rust's `Display` for `f64` writes exactly that), parsed as a
/// `Decimal` without any float arithmetic. It is accepted only if it has at
/// most two decimals (whole cents: `0.1 + 0.2` stored as
/// 0.30000000000000004 is refused, not rounded) and lies within 2^53, beyond
/// which a double cannot tell neighbouring euros apart.
pub fn money_of_f64(v: f64) -> Result<Money, String> {
    if !v.is_finite() {
        return Err(crate::tr!("x004-not-a-number"));
    }
    if v.abs() > EXACT_LIMIT {
        return Err(crate::tr!("x004-too-large-for-double", number = v));
    }
    let shown = format!("{v}");
    let d = Decimal::from_str(&shown)
        .map_err(|_| crate::tr!("x004-number-not-an-amount", number = shown))?;
    let d = d.normalize();
    // The decimal must read back as the very same double.
    let back: Option<f64> = d.to_string().parse().ok();
    if back.map(f64::to_bits) != Some(v.to_bits()) && !(v == 0.0 && d.is_zero()) {
        return Err(crate::tr!("x004-not-exact", number = shown));
    }
    money_checked(d, &shown)
}

fn money_checked(d: Decimal, shown: &str) -> Result<Money, String> {
    if d.is_sign_negative() && !d.is_zero() {
        return Err(crate::tr!("x004-negative", shown = shown));
    }
    if d.scale() > 2 {
        return Err(crate::tr!("x004-not-cents", shown = shown));
    }
    Ok(Money::new(d))
}

/// An amount written as text: `1.237.000€`, `€ 1.237.000`, `€ 98.500,50`,
/// `1237000`. An accounting dash (`€ -`) is zero.
pub fn money_of_text(text: &str) -> Result<Money, String> {
    let shown = crate::render::escape::text(text.trim());
    let bad = || crate::tr!("x004-text-not-an-amount", text = shown);
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€')
        .collect();
    let compact = compact
        .strip_prefix("EUR")
        .or_else(|| compact.strip_suffix("EUR"))
        .unwrap_or(&compact)
        .to_string();
    if compact.is_empty() || compact == "-" {
        return Ok(Money::ZERO);
    }
    if compact.starts_with('-') {
        return Err(crate::tr!("x004-negative", shown = format!("`{shown}`")));
    }
    let (int, frac) = match compact.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (compact.as_str(), None),
    };
    let groups: Vec<&str> = int.split('.').collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let grouped_ok = match groups.split_first() {
        Some((first, rest)) if !rest.is_empty() => {
            digits(first) && first.len() <= 3 && rest.iter().all(|g| g.len() == 3 && digits(g))
        }
        Some((first, _)) => digits(first),
        None => false,
    };
    if !grouped_ok {
        return Err(if int.contains('.') {
            crate::tr!("x004-not-dutch", text = shown)
        } else {
            bad()
        });
    }
    let mut plain: String = groups.concat();
    if let Some(f) = frac {
        if !digits(f) {
            return Err(bad());
        }
        if f.len() > 2 {
            return Err(crate::tr!("x004-not-cents", shown = format!("`{shown}`")));
        }
        plain.push('.');
        plain.push_str(f);
    }
    let d = Decimal::from_str(&plain).map_err(|_| crate::tr!("x004-too-large", text = shown))?;
    money_checked(d, &shown)
}

/// The header key of a text, for callers outside (tests).
pub fn key(text: &str) -> String {
    header_key(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_text() {
        let m = |s: &str| money_of_text(s).map(|m| m.to_string());
        assert_eq!(m("1.237.000€").unwrap(), "€ 1.237.000");
        assert_eq!(m("€ 1.237.000").unwrap(), "€ 1.237.000");
        assert_eq!(m("€ 98.500,50").unwrap(), "€ 98.500,50");
        assert_eq!(m("1237000").unwrap(), "€ 1.237.000");
        assert_eq!(m("€ -").unwrap(), "€ 0");
        assert!(m("1.5").is_err());
        assert!(m("12,345").is_err());
        assert!(m("ongeveer 5 ton").is_err());
        assert!(m("-5").is_err());
    }

    #[test]
    fn amounts_as_numbers() {
        assert_eq!(money_of_f64(585000.0).unwrap().to_string(), "€ 585.000");
        assert_eq!(money_of_f64(467500.5).unwrap().to_string(), "€ 467.500,50");
        assert_eq!(money_of_f64(0.1).unwrap().to_string(), "€ 0,10");
        assert!(money_of_f64(0.1 + 0.2).is_err());
        assert!(money_of_f64(1000.005).is_err());
        assert!(money_of_f64(1e300).is_err());
        assert!(money_of_f64(f64::NAN).is_err());
    }

    #[test]
    fn dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(date_of_text("30-6-2025").unwrap(), d(2025, 6, 30));
        assert_eq!(date_of_text("2025-06-30").unwrap(), d(2025, 6, 30));
        assert!(date_of_text("31-6-2026").is_err());
        assert!(date_of_text("juni 2026").is_err());
        assert_eq!(date_of_serial(45838.0, false).unwrap(), d(2025, 6, 30));
        assert_eq!(date_of_serial(1.0, false).unwrap(), d(1900, 1, 1));
        assert_eq!(date_of_serial(61.0, false).unwrap(), d(1900, 3, 1));
        assert!(date_of_serial(45838.5, false).is_err());
    }
}
