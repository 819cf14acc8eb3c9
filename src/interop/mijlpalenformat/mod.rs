//! The Mijlpalenformat: the one owner of the template's column layout, its
//! header names and its words. Reading, importing, comparing and exporting
//! all take their vocabulary from here.
//!
//! The template (Bijlage 3, `001_…txt` in the sources): one row per
//! milestone with the columns below, then for every payee (a `DNR.xxxxxx`
//! number) a pair of columns `DNR.xxxxxx - Monitoring` and
//! `DNR.xxxxxx - Betaling`. The amount paid to a payee is its `Betaling`
//! column. A payee column pair maps to a stream: by `--stream REF=STREAM`,
//! or by the `ref` of the party that pays the stream (`stream spuk "…"
//! paid-by enschede` with `party enschede "…" ref "DNR.000514"`).

use chrono::NaiveDate;

use crate::model::{Money, Obligation};

pub mod compare;
pub mod export;
pub mod import;
pub mod read;

/// The name of the sheet that `export` writes (and `import` reads when the
/// workbook has it and no `--sheet` is given).
pub const SHEET: &str = "Mijlpalen";

/// The fixed columns of the template, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// `Naam`: the component, "0. Programmaoverstijgend".
    Name,
    /// `Omschrijving`: the milestone's text.
    Description,
    /// `Geplande datum (d-m-jjjj)`.
    Due,
    /// `Resultaatverplichting/Inspanningsverplichting`.
    Obligation,
    /// `Verwachte bewijslast`.
    Evidence,
    /// `Totaalbedrag (in hele euro's)`.
    Total,
    /// `Toelichting bedrag`.
    Explanation,
}

impl Field {
    /// In template order.
    pub const ALL: [Field; 7] = [
        Field::Name,
        Field::Description,
        Field::Due,
        Field::Obligation,
        Field::Evidence,
        Field::Total,
        Field::Explanation,
    ];

    /// The header as the template writes it.
    pub fn header(self) -> &'static str {
        match self {
            Field::Name => "Naam",
            Field::Description => "Omschrijving",
            Field::Due => "Geplande datum (d-m-jjjj)",
            Field::Obligation => "Resultaatverplichting/Inspanningsverplichting",
            Field::Evidence => "Verwachte bewijslast",
            Field::Total => "Totaalbedrag (in hele euro’s)",
            Field::Explanation => "Toelichting bedrag",
        }
    }

    /// What a header cell must start with, in [`header_key`] form: enough to
    /// recognise it with line breaks, other quotes or a suffix.
    fn key(self) -> &'static str {
        match self {
            Field::Name => "naam",
            Field::Description => "omschrijving",
            Field::Due => "geplandedatum",
            Field::Obligation => "resultaatverplichting",
            Field::Evidence => "verwachtebewijslast",
            Field::Total => "totaalbedrag",
            Field::Explanation => "toelichtingbedrag",
        }
    }

    /// Whether the import cannot do without the column.
    pub fn required(self) -> bool {
        matches!(
            self,
            Field::Description | Field::Due | Field::Obligation | Field::Total
        )
    }

    /// The column width `export` gives it, in characters.
    pub fn width(self) -> f64 {
        match self {
            Field::Name => 28.0,
            Field::Description => 70.0,
            Field::Due => 14.0,
            Field::Obligation => 24.0,
            Field::Evidence => 50.0,
            Field::Total => 16.0,
            Field::Explanation => 30.0,
        }
    }

    /// Recognises a header cell.
    pub fn of_header(text: &str) -> Option<Field> {
        let key = header_key(text);
        Field::ALL.into_iter().find(|f| key.starts_with(f.key()))
    }
}

/// The two columns of a payee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PayeeColumn {
    Monitoring,
    Payment,
}

impl PayeeColumn {
    pub fn suffix(self) -> &'static str {
        match self {
            PayeeColumn::Monitoring => "Monitoring",
            PayeeColumn::Payment => "Betaling",
        }
    }
}

/// The header of a payee column: `DNR.000041 - Betaling`.
pub fn payee_header(reference: &str, column: PayeeColumn) -> String {
    format!("{reference} - {}", column.suffix())
}

/// Recognises a payee header (`DNR.000041 - Betaling`, with any spacing or
/// line breaks): the payee's reference as written and the column.
pub fn of_payee_header(text: &str) -> Option<(String, PayeeColumn)> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (reference, suffix) = compact.rsplit_once('-')?;
    let column = match suffix.to_lowercase().as_str() {
        "monitoring" => PayeeColumn::Monitoring,
        "betaling" => PayeeColumn::Payment,
        _ => return None,
    };
    let ok = !reference.is_empty()
        && reference
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/'));
    ok.then(|| (reference.to_string(), column))
}

/// A header cell in comparable form: lower case, no whitespace (header cells
/// are broken over lines, even inside words), typographic apostrophes plain.
pub fn header_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of the obligation column.
pub fn obligation_word(o: Obligation) -> &'static str {
    match o {
        Obligation::Effort => "Inspanningsverplichting",
        Obligation::Result => "Resultaatverplichting",
    }
}

/// Reads the obligation column: the template's two words, their stems, or
/// the KPI table's `I` and `R`, in any case.
pub fn obligation_of(text: &str) -> Option<Obligation> {
    let t = header_key(text);
    match t.as_str() {
        "i" | "inspanning" | "inspanningsverplichting" => Some(Obligation::Effort),
        "r" | "resultaat" | "resultaatverplichting" => Some(Obligation::Result),
        _ => None,
    }
}

/// The words of the totals row's first cell.
pub const TOTALS: &str = "Totaal";

/// Whether a cell text marks the totals row.
pub fn is_totals_label(text: &str) -> bool {
    let t = header_key(text);
    t == "totaal" || t == "totalen" || t.starts_with("totaal:")
}

/// A cell reference in A1 form: column letters and row number, from
/// 0-based row and column.
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(col).saturating_add(1);
    while n > 0 {
        let rem = n.saturating_sub(1) % 26;
        // PANIC SAFETY: rem < 26, so b'A' + rem is an ASCII capital.
        #[allow(clippy::arithmetic_side_effects)]
        letters.push(char::from(b'A' + rem as u8));
        n = n.saturating_sub(1) / 26;
    }
    letters.reverse();
    let letters: String = letters.into_iter().collect();
    format!("{letters}{}", u64::from(row).saturating_add(1))
}

/// `Mijlpalen!F12`: a sheet and cell, as spreadsheet programs write them
/// (the sheet quoted when it holds anything but letters, digits and `_`).
pub fn cell_ref(sheet: &str, row: u32, col: u32) -> String {
    let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
    if plain {
        format!("{sheet}!{}", cell_name(row, col))
    } else {
        format!("'{}'!{}", sheet.replace('\'', "''"), cell_name(row, col))
    }
}

/// A payee of the sheet: its reference and where its two columns are.
#[derive(Debug, Clone, PartialEq)]
pub struct Payee {
    pub reference: String,
    pub monitoring: Option<u32>,
    pub payment: Option<u32>,
}

/// One milestone row as read from the sheet; a cell that could not be read
/// is `None` (and was reported).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 0-based sheet row.
    pub row: u32,
    /// The milestone's number: its place among the milestone rows, from 1.
    pub number: u32,
    /// Component number and name from `Naam` ("0. Programmaoverstijgend").
    pub component: Option<(u32, String)>,
    pub text: String,
    pub due: Option<NaiveDate>,
    pub obligation: Option<Obligation>,
    /// The cell's text on one line (none when empty).
    pub evidence: Vec<String>,
    /// `None` when unreadable; an empty cell is zero.
    pub total: Option<Money>,
    pub explanation: Option<String>,
    /// Per payee (index into [`Sheet::payees`]): its `Betaling` amount, for
    /// the cells that hold one.
    pub payments: Vec<(usize, Money)>,
}

/// The totals row: its sheet row and the figures it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Totals {
    pub row: u32,
    pub total: Option<Money>,
    pub payments: Vec<(usize, Money)>,
}

/// A sheet read into the template's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// The first text above the header row, if any (the sheet's title).
    pub title: Option<String>,
    pub header_row: u32,
    /// Where each fixed column is (0-based), for those found.
    pub columns: Vec<(Field, u32)>,
    pub payees: Vec<Payee>,
    pub rows: Vec<Row>,
    pub totals: Option<Totals>,
}

impl Sheet {
    /// The column of a field, if the sheet has it.
    pub fn column(&self, field: Field) -> Option<u32> {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| *c)
    }

    /// `Mijlpalen!F12` for a row and field (the row's A cell if the field has
    /// no column).
    pub fn cell(&self, row: u32, field: Field) -> String {
        cell_ref(&self.name, row, self.column(field).unwrap_or(0))
    }

    /// `Mijlpalen!H12` for a row and a payee's payment column.
    pub fn payee_cell(&self, row: u32, payee: usize) -> String {
        let col = self
            .payees
            .get(payee)
            .and_then(|p| p.payment.or(p.monitoring))
            .unwrap_or(0);
        cell_ref(&self.name, row, col)
    }
}

/// Which stream a payee's column pair belongs to: (payee reference, stream id).
pub type StreamMap = Vec<(String, String)>;

/// Parses `--stream DNR.000041=iza`.
pub fn parse_stream_arg(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((r, s)) if !r.trim().is_empty() && !s.trim().is_empty() => {
            Ok((r.trim().to_string(), s.trim().to_string()))
        }
        _ => Err(crate::tr!("x-not-a-stream-arg", text = text)),
    }
}

/// The stream map of a plan: each stream whose paying party has a `ref`.
pub fn stream_map_of(plan: &crate::model::Plan) -> StreamMap {
    plan.streams
        .iter()
        .filter_map(|s| {
            let party = plan.parties.iter().find(|p| p.id == s.payer)?;
            let reference = party.reference.clone()?;
            Some((reference, s.id.as_str().to_string()))
        })
        .collect()
}

/// Whitespace collapsed: texts are compared this way (a sheet's cells break
/// lines where a plan has spaces).
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(11, 5), "F12");
        assert_eq!(cell_name(4, 25), "Z5");
        assert_eq!(cell_name(4, 26), "AA5");
        assert_eq!(cell_name(15, 66), "BO16");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
        assert_eq!(cell_ref("Mijlpalen", 11, 5), "Mijlpalen!F12");
        assert_eq!(cell_ref("Blad 1", 0, 0), "'Blad 1'!A1");
    }

    #[test]
    fn headers() {
        assert_eq!(
            Field::of_header("Geplande datum \n(d-m-jjjj)"),
            Some(Field::Due)
        );
        assert_eq!(
            Field::of_header("Resultaatverplichting/Inspanning\nsverplichting"),
            Some(Field::Obligation)
        );
        assert_eq!(
            Field::of_header("Totaalbedrag (in hele euro's)"),
            Some(Field::Total)
        );
        assert_eq!(
            of_payee_header("DNR.000041 - \nBetaling"),
            Some(("DNR.000041".to_string(), PayeeColumn::Payment))
        );
        assert_eq!(of_payee_header("Toelichting - bedrag"), None);
        assert_eq!(
            obligation_of(" inspanningsverplichting "),
            Some(Obligation::Effort)
        );
        assert_eq!(obligation_of("Misschien"), None);
    }
}
