//! The ledger as a workbook (`evaluate --format xlsx -o LEDGER.xlsx`): one
//! sheet per table of `render::ledger` (milestones, parties, obligations;
//! with `--party`, that party's), built in memory with `rust_xlsxwriter`;
//! the CLI writes the bytes. Money cells are numbers in a euro format,
//! dates are date cells, milestone numbers are numbers, the money columns
//! of milestones and parties end in a totals row of `SUM` formulas whose
//! cached value is the exact total, so a viewer that does not recalculate
//! shows the right figure. The header row is frozen, columns are as wide
//! as what they hold (within bounds). The same evaluation gives the same
//! bytes: the document's creation time is the evaluation date, and
//! `rust_xlsxwriter` stamps the zip entries with a fixed time.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    utility::row_col_to_cell, ColNum, DocProperties, ExcelDateTime, Format, FormatBorder, Formula,
    RowNum, Workbook, Worksheet, XlsxError,
};

use crate::model::Money;
use crate::render::escape;
use crate::render::ledger::{Cell, Labels, Table};

/// The euro format of money cells and totals: `€ 1.237.000,00` in Dutch
/// Excel (the separators are the viewer's locale's).
const EURO: &str = "\"€ \"#,##0.00";
/// Dates as everywhere else in mijlpaal's output.
const DATE: &str = "yyyy-mm-dd";
/// The longest text a cell holds (Excel's limit is 32 767 characters).
const MAX_TEXT: usize = 32_000;
/// Column widths, in characters.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// Why a workbook could not be built: a figure no spreadsheet number holds
/// exactly, a date before 1900, or an error of the writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<XlsxError> for Refused {
    fn from(e: XlsxError) -> Self {
        Refused(format!("the workbook could not be built: {e}"))
    }
}

/// Money as the number an xlsx cell holds.
///
/// Money in mijlpaal is exact (`rust_decimal`, cents) everywhere, and never
/// a float; but the xlsx format stores every number as an IEEE double, so
/// here, at the very edge, and nowhere else, the exact decimal becomes the
/// nearest double: parsed from its decimal text (Rust's parsing rounds
/// correctly), then checked to give back exactly the same cents when
/// rounded to two decimals. A double holds every amount in cents up to 15
/// significant digits (€ 9.999.999.999.999,99) this way, and
/// `rust_xlsxwriter` writes the shortest text that reads back as the same
/// double, which for such an amount is its own decimal text. An amount
/// that does not survive the round trip is refused, never written rounded.
fn number(m: Money) -> Option<f64> {
    let exact = m.amount();
    let double: f64 = exact.to_string().parse().ok()?;
    let back: Decimal = format!("{double:.2}").parse().ok()?;
    (double.is_finite() && back == exact).then_some(double)
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, Refused> {
    let refuse = || {
        Refused(format!(
            "{d}: spreadsheets hold dates from 1900 to 9999 only"
        ))
    };
    let year = u16::try_from(d.year()).map_err(|_| refuse())?;
    let month = u8::try_from(d.month()).map_err(|_| refuse())?;
    let day = u8::try_from(d.day()).map_err(|_| refuse())?;
    ExcelDateTime::from_ymd(year, month, day).map_err(|_| refuse())
}

fn row_no(i: usize) -> Result<RowNum, Refused> {
    RowNum::try_from(i).map_err(|_| Refused(format!("more than {} rows", RowNum::MAX)))
}

fn col_no(i: usize) -> Result<ColNum, Refused> {
    ColNum::try_from(i).map_err(|_| Refused(format!("more than {} columns", ColNum::MAX)))
}

/// Text as shown everywhere: hidden characters escaped, at most [`MAX_TEXT`].
fn text(t: &str) -> String {
    let shown = escape::text(t);
    if shown.chars().count() <= MAX_TEXT {
        return shown.into_owned();
    }
    shown.chars().take(MAX_TEXT).chain(['…']).collect()
}

/// How many characters a cell shows, for its column's width.
fn shown_width(c: &Cell) -> usize {
    match c {
        Cell::Text(t) => t.chars().count(),
        Cell::Whole(n) => n.to_string().len(),
        Cell::Date(_) => 10,
        // Digits, thousands separators, "€ " and a little room.
        Cell::Money(m) => {
            let digits = m.to_plain().len();
            digits.saturating_add(digits / 3).saturating_add(3)
        }
        Cell::Bool(_) => 5,
        Cell::Empty => 0,
    }
}

struct Formats {
    header: Format,
    money: Format,
    date: Format,
    total: Format,
    total_money: Format,
}

impl Formats {
    fn new() -> Self {
        Formats {
            header: Format::new()
                .set_bold()
                .set_border_bottom(FormatBorder::Thin),
            money: Format::new().set_num_format(EURO),
            date: Format::new().set_num_format(DATE),
            total: Format::new().set_bold().set_border_top(FormatBorder::Thin),
            total_money: Format::new()
                .set_bold()
                .set_border_top(FormatBorder::Thin)
                .set_num_format(EURO),
        }
    }
}

/// The workbook of `tables`, one sheet each, named by `labels`; the gate's
/// `notice` (empty unless it was overridden) in the first rows of every
/// sheet, so a draft's figures never pass for agreed ones; `at` is the
/// document's creation date, and `title` (the plan and the date) its title.
pub fn workbook(
    tables: &[Table],
    labels: &Labels,
    title: &str,
    at: NaiveDate,
    notice: &str,
) -> Result<Vec<u8>, Refused> {
    let mut wb = Workbook::new();
    let created = excel_date(at)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(text(title))
            .set_creation_datetime(&created),
    );
    let f = Formats::new();
    for t in tables {
        let ws = wb.add_worksheet();
        ws.set_name(t.kind.name(labels))?;
        sheet(ws, t, labels, notice, &f)?;
    }
    Ok(wb.save_to_buffer()?)
}

fn sheet(
    ws: &mut Worksheet,
    t: &Table,
    labels: &Labels,
    notice: &str,
    f: &Formats,
) -> Result<(), Refused> {
    let name = t.kind.name(labels);
    let notice_lines: Vec<&str> = notice.lines().collect();
    for (i, line) in notice_lines.iter().enumerate() {
        ws.write_string(row_no(i)?, 0, text(line))?;
    }
    let head = row_no(notice_lines.len())?;
    let mut widths: Vec<usize> = t.headers.iter().map(|h| h.chars().count()).collect();
    for (j, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(head, col_no(j)?, text(h), &f.header)?;
    }
    let first = head
        .checked_add(1)
        .ok_or_else(|| Refused("too many rows".into()))?;
    let mut row = first;
    for r in &t.rows {
        for (j, c) in r.iter().enumerate() {
            let col = col_no(j)?;
            if let Some(w) = widths.get_mut(j) {
                *w = (*w).max(shown_width(c));
            }
            match c {
                Cell::Text(s) => {
                    ws.write_string(row, col, text(s))?;
                }
                Cell::Whole(n) => {
                    ws.write_number(row, col, f64::from(*n))?;
                }
                Cell::Date(d) => {
                    ws.write_date_with_format(row, col, excel_date(*d)?, &f.date)?;
                }
                Cell::Money(m) => {
                    let n = number(*m).ok_or_else(|| inexact(name, row, col, *m))?;
                    ws.write_number_with_format(row, col, n, &f.money)?;
                }
                Cell::Bool(b) => {
                    ws.write_boolean(row, col, *b)?;
                }
                Cell::Empty => {}
            }
        }
        row = row
            .checked_add(1)
            .ok_or_else(|| Refused("too many rows".into()))?;
    }
    if t.totals && !t.rows.is_empty() {
        let last = row.saturating_sub(1);
        ws.write_string_with_format(row, 0, text(&labels.total), &f.total)?;
        for (j, money) in t.money.iter().enumerate() {
            let col = col_no(j)?;
            if !money {
                if j > 0 {
                    ws.write_blank(row, col, &f.total)?;
                }
                continue;
            }
            let from = row_col_to_cell(first, col);
            let to = row_col_to_cell(last, col);
            // The cached value is the exact total, as text: what a viewer
            // shows before (or without) recalculating the formula.
            let total = t
                .total(j)
                .ok_or_else(|| Refused(format!("sheet {name}: a total is too large to hold")))?;
            number(total).ok_or_else(|| inexact(name, row, col, total))?;
            let formula = Formula::new(format!("SUM({from}:{to})")).set_result(total.to_plain());
            ws.write_formula_with_format(row, col, formula, &f.total_money)?;
        }
    }
    ws.set_freeze_panes(first, 0)?;
    for (j, w) in widths.iter().enumerate() {
        let w = (*w).saturating_add(2).clamp(MIN_WIDTH, MAX_WIDTH);
        ws.set_column_width(col_no(j)?, f64::from(u32::try_from(w).unwrap_or(60)))?;
    }
    Ok(())
}

fn inexact(sheet: &str, row: RowNum, col: ColNum, m: Money) -> Refused {
    Refused(format!(
        "sheet {sheet}, cell {}: {} cannot be held exactly by a spreadsheet number (15 significant digits); use --format json or csv",
        row_col_to_cell(row, col),
        m.to_plain()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::new(s.parse().unwrap_or_default())
    }

    #[test]
    fn money_becomes_a_double_only_when_exact() {
        assert_eq!(number(m("1237000")), Some(1_237_000.0));
        assert_eq!(number(m("0.10")), Some(0.1));
        assert_eq!(number(m("9999999999999.99")), Some(9_999_999_999_999.99));
        assert_eq!(number(m("99999999999999999.99")), None);
        // Not whole cents: never written rounded.
        assert_eq!(number(m("0.005")), None);
    }
}
