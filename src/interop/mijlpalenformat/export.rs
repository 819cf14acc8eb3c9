//! A plan as a Mijlpalenformat workbook: the template's columns in order,
//! one row per milestone, a column pair per payee (the `ref` of the party
//! paying each stream, or `--stream`), a totals row of SUM formulas (with
//! their values cached, so a reader that does not recalculate sees them
//! too), the header frozen, widths set and long texts wrapped. Dates are
//! date cells shown `d-m-jjjj`; amounts are numbers with a euro format.

use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Formula, Workbook, Worksheet};

use crate::diagnostic::Diagnostic;
use crate::model::{Money, Plan};

use super::read::{money_of_f64, EXACT_LIMIT};
use super::{
    cell_name, obligation_word, payee_header, Field, PayeeColumn, StreamMap, SHEET, TOTALS,
};

/// The payee column pairs of a plan: (reference, stream id), in stream
/// order; X030 for a stream with neither a mapping nor a paying party with
/// a `ref`.
pub fn payees(plan: &Plan, map: &StreamMap) -> Result<Vec<(String, String)>, Vec<Diagnostic>> {
    let from_plan = super::stream_map_of(plan);
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for s in &plan.streams {
        let id = s.id.as_str();
        let found = map
            .iter()
            .find(|(_, st)| st == id)
            .or_else(|| from_plan.iter().find(|(_, st)| st == id));
        match found {
            Some((r, _)) => out.push((r.clone(), id.to_string())),
            None => errors.push(
                Diagnostic::error("X030", crate::tr!("x030-no-payee", stream = id))
                    .in_file(plan.file)
                    .at(s.span, crate::tr!("x030-no-payee-label"))
                    .with_help(crate::tr!(
                        "x030-no-payee-help",
                        party = s.payer.as_str(),
                        stream = id
                    )),
            ),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// An amount as a spreadsheet number, only if the number reads back as the
/// same amount (`read::money_of_f64`): whole euros up to 2^53 always do,
/// cents as long as 17 significant digits hold them. The double is parsed
/// from the decimal's text, never computed.
pub fn number_of(m: Money) -> Option<f64> {
    let f: f64 = m.amount().normalize().to_string().parse().ok()?;
    (f.abs() <= EXACT_LIMIT && money_of_f64(f).ok() == Some(m)).then_some(f)
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> Vec<Diagnostic> {
    vec![Diagnostic::error(
        "X031",
        crate::tr!("x031-writer", reason = e),
    )]
}

/// The workbook's bytes.
pub fn workbook(plan: &Plan, map: &StreamMap) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let payees = payees(plan, map)?;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET).map_err(xlsx_error)?;
    let errors = fill(sheet, plan, &payees)?;
    if !errors.is_empty() {
        return Err(errors);
    }
    book.save_to_buffer().map_err(xlsx_error)
}

fn col_u16(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn fill(
    ws: &mut Worksheet,
    plan: &Plan,
    payees: &[(String, String)],
) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("d-m-yyyy")
        .set_align(FormatAlign::Top);
    let euro = Format::new()
        .set_num_format("\"€ \"#,##0")
        .set_align(FormatAlign::Top);
    let euro_cents = Format::new()
        .set_num_format("\"€ \"#,##0.00")
        .set_align(FormatAlign::Top);
    let euro_total = Format::new().set_bold().set_num_format("\"€ \"#,##0.00");
    let bold = Format::new().set_bold();
    let fixed = Field::ALL.len();
    let e = xlsx_error;
    for (c, f) in Field::ALL.iter().enumerate() {
        ws.write_string_with_format(0, col_u16(c), f.header(), &header)
            .map_err(e)?;
        ws.set_column_width(col_u16(c), f.width()).map_err(e)?;
    }
    for (i, (reference, _)) in payees.iter().enumerate() {
        for (k, kind) in [PayeeColumn::Monitoring, PayeeColumn::Payment]
            .iter()
            .enumerate()
        {
            let c = col_u16(fixed.saturating_add(i.saturating_mul(2)).saturating_add(k));
            ws.write_string_with_format(0, c, payee_header(reference, *kind), &header)
                .map_err(e)?;
            ws.set_column_width(c, 16.0).map_err(e)?;
        }
    }
    ws.set_freeze_panes(1, 0).map_err(e)?;
    let mut errors = Vec::new();
    let mut row: u32 = 0;
    let total_col = col_u16(Field::Total as usize);
    let money =
        |ws: &mut Worksheet, row: u32, col: u16, m: Money, errors: &mut Vec<Diagnostic>, span| {
            match number_of(m) {
                Some(f) => {
                    let fmt = if m.amount().fract().is_zero() {
                        &euro
                    } else {
                        &euro_cents
                    };
                    ws.write_number_with_format(row, col, f, fmt)
                        .map(|_| ())
                        .map_err(e)
                }
                None => {
                    errors.push(
                        Diagnostic::error(
                            "X031",
                            crate::tr!(
                                "x031-amount",
                                cell = format!("{SHEET}!{}", cell_name(row, u32::from(col))),
                                amount = m
                            ),
                        )
                        .in_file(plan.file)
                        .at(span, crate::tr!("x031-amount-label"))
                        .with_help(crate::tr!("x031-amount-help")),
                    );
                    Ok(())
                }
            }
        };
    for m in &plan.milestones {
        row = row.saturating_add(1);
        let component = plan
            .components
            .iter()
            .find(|c| c.number == m.component)
            .map(|c| format!("{}. {}", c.number.0, c.name))
            .unwrap_or_default();
        ws.write_string_with_format(row, 0, component, &wrap)
            .map_err(e)?;
        ws.write_string_with_format(row, 1, &m.text, &wrap)
            .map_err(e)?;
        if let Some(d) = m.due {
            let ok = u16::try_from(d.year()).ok().and_then(|y| {
                ExcelDateTime::from_ymd(
                    y,
                    u8::try_from(d.month()).ok()?,
                    u8::try_from(d.day()).ok()?,
                )
                .ok()
            });
            match ok {
                Some(x) => {
                    ws.write_datetime_with_format(row, 2, x, &date).map_err(e)?;
                }
                None => errors.push(
                    Diagnostic::error(
                        "X031",
                        crate::tr!(
                            "x031-date",
                            cell = format!("{SHEET}!{}", cell_name(row, 2)),
                            date = d
                        ),
                    )
                    .in_file(plan.file)
                    .at(
                        m.due_span.unwrap_or(m.header_span),
                        crate::tr!("x031-date-label"),
                    ),
                ),
            }
        }
        ws.write_string_with_format(row, 3, obligation_word(m.obligation), &wrap)
            .map_err(e)?;
        if !m.evidence.is_empty() {
            ws.write_string_with_format(row, 4, m.evidence.join(" "), &wrap)
                .map_err(e)?;
        }
        let span = m.amount.as_ref().map_or(m.header_span, |a| a.span);
        money(ws, row, total_col, m.total(), &mut errors, span)?;
        for (i, (_, stream)) in payees.iter().enumerate() {
            let c = col_u16(fixed.saturating_add(i.saturating_mul(2)).saturating_add(1));
            let amount = m
                .amount
                .as_ref()
                .and_then(|a| a.streams.iter().find(|(s, _)| s.as_str() == stream))
                .map(|(_, x)| *x);
            if let Some(x) = amount {
                money(ws, row, c, x, &mut errors, span)?;
            }
        }
    }
    // The totals row: SUM formulas over the milestone rows, values cached.
    let last = row;
    row = row.saturating_add(1);
    ws.write_string_with_format(row, 0, TOTALS, &bold)
        .map_err(e)?;
    let mut sum_cols: Vec<(u16, Option<Money>)> = vec![(
        total_col,
        Money::checked_sum(plan.milestones.iter().map(|m| m.total())),
    )];
    for (i, (_, stream)) in payees.iter().enumerate() {
        let c = col_u16(fixed.saturating_add(i.saturating_mul(2)).saturating_add(1));
        let sum = Money::checked_sum(plan.milestones.iter().map(|m| {
            m.amount
                .as_ref()
                .and_then(|a| a.streams.iter().find(|(s, _)| s.as_str() == stream))
                .map_or(Money::ZERO, |(_, x)| *x)
        }));
        sum_cols.push((c, sum));
    }
    for (c, sum) in sum_cols {
        let letters: String = cell_name(0, u32::from(c))
            .chars()
            .filter(|x| x.is_ascii_alphabetic())
            .collect();
        let mut f = Formula::new(format!(
            "=SUM({letters}2:{letters}{})",
            u64::from(last).saturating_add(1)
        ));
        if let Some(v) = sum.and_then(number_of) {
            f = f.set_result(format!("{v}"));
        }
        ws.write_formula_with_format(row, c, f, &euro_total)
            .map_err(e)?;
    }
    Ok(errors)
}
