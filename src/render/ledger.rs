//! The evaluation's tables as typed cells (`milestones`, `parties`,
//! `obligations`), the one shape every ledger output is drawn from: the
//! plain CSV, the CSV for Dutch Excel (`--csv-dialect excel-nl`) and the
//! workbook (`render::xlsx`). The tables are built in `render::evaluation`
//! from `eval::Column`, so a money column is named and ordered in one place;
//! this module only says how a cell is written.
//!
//! Every header text is in [`Labels`]: [`english`] for the plain CSV (a
//! machine format, English in every language), [`Labels::current`] for the
//! Excel CSV and the workbook (the reader's language).

use chrono::NaiveDate;

use crate::eval::Column;
use crate::model::{Money, StreamId};

/// The words of the ledger outputs: sheet and table names and the headers
/// that are not money columns. Money column headers are
/// `{column}_{stream}` from [`Labels::column`].
#[derive(Debug, Clone)]
pub struct Labels {
    pub milestones: String,
    pub parties: String,
    pub obligations: String,
    pub number: String,
    pub status: String,
    pub since: String,
    pub due: String,
    pub reason: String,
    pub party: String,
    pub kind: String,
    pub milestone: String,
    pub stream: String,
    pub amount: String,
    pub overdue: String,
    pub text: String,
    /// The first cell of a totals row.
    pub total: String,
    /// Each money column's name (`earned`), before its stream, in the
    /// order of [`Column::ALL`].
    pub columns: [String; 7],
}

/// The plain CSV's words: English in every language, as the JSON.
pub fn english() -> Labels {
    Labels {
        milestones: "milestones".to_string(),
        parties: "parties".to_string(),
        obligations: "obligations".to_string(),
        number: "number".to_string(),
        status: "status".to_string(),
        since: "since".to_string(),
        due: "due".to_string(),
        reason: "reason".to_string(),
        party: "party".to_string(),
        kind: "kind".to_string(),
        milestone: "milestone".to_string(),
        stream: "stream".to_string(),
        amount: "amount".to_string(),
        overdue: "overdue".to_string(),
        text: "text".to_string(),
        total: "total".to_string(),
        columns: Column::ALL.map(|c| c.name().to_string()),
    }
}

impl Labels {
    /// The labels for a reader, in the current language: the English ones
    /// in English, else from the catalogue (`ledger-*` in
    /// `locales/*/evaluation.ftl`).
    pub fn current() -> Labels {
        if crate::i18n::lang() == crate::i18n::Lang::En {
            return english();
        }
        Labels {
            milestones: crate::tr!("ledger-milestones"),
            parties: crate::tr!("ledger-parties"),
            obligations: crate::tr!("ledger-obligations"),
            number: crate::tr!("ledger-number"),
            status: crate::tr!("ledger-status"),
            since: crate::tr!("ledger-since"),
            due: crate::tr!("ledger-due"),
            reason: crate::tr!("ledger-reason"),
            party: crate::tr!("ledger-party"),
            kind: crate::tr!("ledger-kind"),
            milestone: crate::tr!("ledger-milestone"),
            stream: crate::tr!("ledger-stream"),
            amount: crate::tr!("ledger-amount"),
            overdue: crate::tr!("ledger-overdue"),
            text: crate::tr!("ledger-text"),
            total: crate::tr!("ledger-total"),
            columns: Column::ALL.map(|c| match c {
                Column::Earned => crate::tr!("ledger-column-earned"),
                Column::Paid => crate::tr!("ledger-column-paid"),
                Column::Outstanding => crate::tr!("ledger-column-outstanding"),
                Column::Repayable => crate::tr!("ledger-column-repayable"),
                Column::Repaid => crate::tr!("ledger-column-repaid"),
                Column::Exposure => crate::tr!("ledger-column-exposure"),
                Column::Lapsed => crate::tr!("ledger-column-lapsed"),
            }),
        }
    }

    /// A money column's name: `earned`.
    pub fn column(&self, c: Column) -> &str {
        self.columns.get(c.index()).map_or(c.name(), String::as_str)
    }

    /// The header of a money column of one stream: `earned_iza`.
    pub fn money(&self, c: Column, s: &StreamId) -> String {
        format!("{}_{s}", self.column(c))
    }
}

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Milestones,
    Parties,
    Obligations,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Milestones, Kind::Parties, Kind::Obligations];

    pub fn name(self, l: &Labels) -> &str {
        match self {
            Kind::Milestones => &l.milestones,
            Kind::Parties => &l.parties,
            Kind::Obligations => &l.obligations,
        }
    }
}

/// One cell, typed: each output writes it its own way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// A whole number (a milestone's number).
    Whole(u32),
    Date(NaiveDate),
    Money(Money),
    Bool(bool),
    Empty,
}

/// A table: its kind, headers and rows; `money[i]` says whether column `i`
/// holds money (summed in a totals row of the workbook).
#[derive(Debug, Clone)]
pub struct Table {
    pub kind: Kind,
    pub headers: Vec<String>,
    pub money: Vec<bool>,
    pub rows: Vec<Vec<Cell>>,
    /// Whether a totals row makes sense (not for obligations, whose
    /// amounts are of different kinds: pay and repay).
    pub totals: bool,
}

impl Table {
    /// The exact total of money column `i`; `None` when no decimal holds it.
    pub fn total(&self, i: usize) -> Option<Money> {
        Money::checked_sum(self.rows.iter().map(|r| match r.get(i) {
            Some(Cell::Money(m)) => *m,
            _ => Money::ZERO,
        }))
    }
}

/// How a CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// `,` between fields, decimal point, ISO dates: for programs.
    Plain,
    /// What Dutch Excel opens by double-click without the import wizard: a
    /// UTF-8 byte-order mark (else Excel reads the bytes as Windows-1252),
    /// `;` between fields (the list separator of the Dutch locale, where
    /// `,` is the decimal sign), money with a decimal comma and no thousands
    /// separator (`1237000,50`: a number, never text), dates as ISO
    /// `2026-12-31`, which Excel in every locale reads as a date (the Dutch
    /// `31-12-2026` would be read as text or a wrong date elsewhere). A text
    /// that starts with `=`, `+`, `-` or `@` is written with a leading `'`
    /// so that Excel never takes text from a plan for a formula.
    ExcelNl,
}

impl Dialect {
    fn separator(self) -> char {
        match self {
            Dialect::Plain => ',',
            Dialect::ExcelNl => ';',
        }
    }
}

/// A cell as CSV text (unquoted).
fn csv_text(c: &Cell, d: Dialect) -> String {
    match c {
        Cell::Text(t) => match d {
            Dialect::ExcelNl if t.starts_with(['=', '+', '-', '@']) => format!("'{t}"),
            _ => t.clone(),
        },
        Cell::Whole(n) => n.to_string(),
        Cell::Date(x) => x.to_string(),
        Cell::Money(m) => match d {
            Dialect::Plain => m.to_plain(),
            Dialect::ExcelNl => m.to_plain().replace('.', ","),
        },
        Cell::Bool(b) => b.to_string(),
        Cell::Empty => String::new(),
    }
}

fn csv_field(s: &str, d: Dialect) -> String {
    if s.contains([d.separator(), '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_row(cells: impl Iterator<Item = String>, d: Dialect) -> String {
    let sep = d.separator().to_string();
    let row: Vec<String> = cells.map(|c| csv_field(&c, d)).collect();
    row.join(&sep) + "\n"
}

/// The UTF-8 byte-order mark the Excel dialect starts with. It is not part
/// of [`csv`]'s text: the CLI escapes hidden characters (U+FEFF among them)
/// in what it prints and writes the mark before it.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A table as CSV in a dialect: a header line, then one line per row.
pub fn csv(t: &Table, d: Dialect) -> String {
    let mut out = csv_row(t.headers.iter().cloned(), d);
    for r in &t.rows {
        out.push_str(&csv_row(r.iter().map(|c| csv_text(c, d)), d));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::new(s.parse().unwrap_or_default())
    }

    #[test]
    fn excel_nl_cells() {
        let t = Table {
            kind: Kind::Obligations,
            headers: vec!["a".into(), "b;c".into(), "d".into(), "e".into()],
            money: vec![false, false, true, false],
            rows: vec![vec![
                Cell::Text("=1+1".into()),
                Cell::Date(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default()),
                Cell::Money(m("1237000.5")),
                Cell::Text("x, y".into()),
            ]],
            totals: false,
        };
        assert_eq!(
            csv(&t, Dialect::ExcelNl),
            "a;\"b;c\";d;e\n'=1+1;2026-12-31;1237000,50;x, y\n"
        );
        assert_eq!(
            csv(&t, Dialect::Plain),
            "a,b;c,d,e\n=1+1,2026-12-31,1237000.50,\"x, y\"\n"
        );
    }
}
