//! A [`Sheet`] as plan text: a party per payee (with its `ref`), a stream
//! per mapped payee (`paid-by` that party, and paid out to it: `default
//! payout`), the components and milestones
//! in sheet order, each with a comment naming its row. The text is laid out
//! by the project's formatter, so it passes `mijlpaal fmt --check`; the
//! caller lowers and checks it like any plan. The sums the sheet states are
//! checked here: payees against the total (X006), the totals row against
//! the rows (X007); a payee column holding money without a stream is X008.

use crate::diagnostic::Diagnostic;
use crate::model::{Money, Obligation};

use super::{Field, Sheet, StreamMap};

/// What the import needs besides the sheet.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The plan's id (`plan ID "…"`); sanitised to an identifier.
    pub id: String,
    /// The plan's title; else the sheet's title row, else the file name.
    pub title: Option<String>,
    /// Payee reference → stream id.
    pub streams: StreamMap,
    /// The workbook's name, for the plan's first comment.
    pub source_name: String,
}

/// A stream of the imported plan: its id and the payee it is read from.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedStream {
    pub id: String,
    pub payee: usize,
}

/// The streams the sheet's payees map to, in column order; X008 for a payee
/// column that holds money without a stream, or two payees on one stream.
pub fn streams(sheet: &Sheet, map: &StreamMap, diags: &mut Vec<Diagnostic>) -> Vec<ImportedStream> {
    let mut out: Vec<ImportedStream> = Vec::new();
    for (i, payee) in sheet.payees.iter().enumerate() {
        let holds_money = sheet
            .rows
            .iter()
            .map(|r| &r.payments)
            .chain(sheet.totals.iter().map(|t| &t.payments))
            .any(|ps| ps.iter().any(|(p, m)| *p == i && !m.is_zero()));
        let mapped = map.iter().find(|(r, _)| *r == payee.reference);
        match mapped {
            Some((_, stream)) => {
                if !is_ident(stream) {
                    diags.push(
                        Diagnostic::error(
                            "X008",
                            crate::tr!("x008-not-a-name", stream = stream, payee = payee.reference),
                        )
                        .with_help(crate::tr!("x008-not-a-name-help")),
                    );
                } else if let Some(other) = out.iter().find(|s| s.id == *stream) {
                    let first = sheet
                        .payees
                        .get(other.payee)
                        .map(|p| p.reference.as_str())
                        .unwrap_or("?");
                    diags.push(
                        Diagnostic::error(
                            "X008",
                            crate::tr!(
                                "x008-two-payees",
                                first = first,
                                second = payee.reference,
                                stream = stream
                            ),
                        )
                        .with_help(crate::tr!("x008-two-payees-help")),
                    );
                } else {
                    out.push(ImportedStream {
                        id: stream.clone(),
                        payee: i,
                    });
                }
            }
            None if holds_money => {
                let row = sheet
                    .rows
                    .iter()
                    .find(|r| r.payments.iter().any(|(p, m)| *p == i && !m.is_zero()))
                    .map(|r| r.row)
                    .unwrap_or(sheet.header_row);
                diags.push(
                    Diagnostic::error(
                        "X008",
                        crate::tr!(
                            "x008-unmapped",
                            cell = sheet.payee_cell(row, i),
                            payee = payee.reference
                        ),
                    )
                    .with_help(crate::tr!("x008-unmapped-help", payee = payee.reference)),
                );
            }
            None => {}
        }
    }
    out
}

/// A milestone's amount per imported stream (zero where the cell is empty).
pub fn split(row: &super::Row, streams: &[ImportedStream]) -> Vec<(String, Money)> {
    streams
        .iter()
        .map(|s| {
            let m = row
                .payments
                .iter()
                .find(|(p, _)| *p == s.payee)
                .map(|(_, m)| *m)
                .unwrap_or(Money::ZERO);
            (s.id.clone(), m)
        })
        .collect()
}

/// The sums the sheet states, checked: each row's payees against its total
/// (X006) and the totals row against the rows (X007).
pub fn check_sums(sheet: &Sheet, streams: &[ImportedStream], diags: &mut Vec<Diagnostic>) {
    for row in &sheet.rows {
        let Some(total) = row.total else { continue };
        if streams.is_empty() || row.payments.is_empty() && total.is_zero() {
            continue;
        }
        let sum = Money::checked_sum(row.payments.iter().map(|(_, m)| *m));
        if sum != Some(total) {
            let parts = row
                .payments
                .iter()
                .filter_map(|(p, m)| Some(format!("{} {m}", sheet.payees.get(*p)?.reference)))
                .collect::<Vec<_>>()
                .join(" + ");
            let shown_sum = sum.map_or(crate::tr!("x006-too-large"), |s| s.to_string());
            diags.push(
                Diagnostic::error(
                    "X006",
                    crate::tr!(
                        "x006-sum",
                        cell = sheet.cell(row.row, Field::Total),
                        total = total,
                        parts = if parts.is_empty() {
                            crate::tr!("x006-nothing")
                        } else {
                            parts
                        },
                        sum = shown_sum
                    ),
                )
                .with_help(crate::tr!("x006-help")),
            );
        }
    }
    let Some(totals) = &sheet.totals else { return };
    let row_totals: Option<Vec<Money>> = sheet.rows.iter().map(|r| r.total).collect();
    if let (Some(shown), Some(all)) = (totals.total, row_totals) {
        if let Some(sum) = Money::checked_sum(all) {
            if sum != shown {
                diags.push(
                    Diagnostic::error(
                        "X007",
                        crate::tr!(
                            "x007-total",
                            cell = sheet.cell(totals.row, Field::Total),
                            shown = shown,
                            sum = sum
                        ),
                    )
                    .with_help(crate::tr!("x007-help")),
                );
            }
        }
    }
    for (p, shown) in &totals.payments {
        let sum = Money::checked_sum(
            sheet
                .rows
                .iter()
                .flat_map(|r| r.payments.iter().filter(|(q, _)| q == p).map(|(_, m)| *m)),
        );
        if let Some(sum) = sum {
            if sum != *shown {
                let reference = sheet
                    .payees
                    .get(*p)
                    .map(|x| x.reference.as_str())
                    .unwrap_or("?");
                diags.push(
                    Diagnostic::error(
                        "X007",
                        crate::tr!(
                            "x007-payee",
                            cell = sheet.payee_cell(totals.row, *p),
                            shown = shown,
                            payee = reference,
                            sum = sum
                        ),
                    )
                    .with_help(crate::tr!("x007-help")),
                );
            }
        }
    }
}

/// The plan text of a sheet, formatted. Diagnostics for what does not add
/// up or cannot be mapped go to `diags`; rows with unreadable cells are
/// written with what could be read (the caller decides whether to write).
pub fn plan_text(sheet: &Sheet, options: &Options, diags: &mut Vec<Diagnostic>) -> String {
    let streams = streams(sheet, &options.streams, diags);
    check_sums(sheet, &streams, diags);
    let title = options
        .title
        .clone()
        .or_else(|| sheet.title.clone())
        .unwrap_or_else(|| options.source_name.clone());
    let mut t = String::new();
    let mut line = |depth: usize, s: &str| {
        t.push_str(&"  ".repeat(depth));
        t.push_str(s);
        t.push('\n');
    };
    line(
        0,
        &format!(
            "// Imported from {} (sheet {}) by `mijlpaal import mijlpalenformat`.",
            comment(&options.source_name),
            comment(&sheet.name)
        ),
    );
    line(
        0,
        &format!("plan {} {} {{", ident(&options.id, "plan"), quote(&title)),
    );
    for s in &streams {
        let Some(payee) = sheet.payees.get(s.payee) else {
            continue;
        };
        let party = ident(&payee.reference, "payee");
        line(
            1,
            &format!(
                "party {party} {} ref {}",
                quote(&payee.reference),
                quote(&payee.reference)
            ),
        );
    }
    for s in &streams {
        let Some(payee) = sheet.payees.get(s.payee) else {
            continue;
        };
        let party = ident(&payee.reference, "payee");
        line(
            1,
            &format!("stream {} {} paid-by {party}", s.id, quote(&s.id)),
        );
    }
    // The sheet pays each stream's part to its payee (`Betaling`): the
    // payee's party receives it. Who really pays and receives is for the
    // drafter to write; a sheet does not say.
    for s in &streams {
        let Some(payee) = sheet.payees.get(s.payee) else {
            continue;
        };
        let party = ident(&payee.reference, "payee");
        line(1, &format!("default payout {} to {party}", s.id));
    }
    let mut open: Option<u32> = None;
    for row in &sheet.rows {
        let (cn, cname) = row.component.clone().unwrap_or((0, String::new()));
        if open != Some(cn) {
            if open.is_some() {
                line(1, "}");
            }
            line(1, &format!("component {cn} {} {{", quote(&cname)));
            open = Some(cn);
        }
        line(2, &format!("// {}", sheet.cell(row.row, Field::Name)));
        line(
            2,
            &format!("milestone {} {} {{", row.number, quote(&row.text)),
        );
        match row.obligation {
            Some(Obligation::Effort) => line(3, "effort"),
            Some(Obligation::Result) => line(3, "result"),
            // Unreadable (reported): lowering says L013.
            None => {}
        }
        if let Some(due) = row.due {
            line(3, &format!("due {due}"));
        }
        if let Some(ex) = &row.explanation {
            for (i, l) in ex.lines().enumerate() {
                let prefix = if i == 0 { "Toelichting bedrag: " } else { "" };
                line(3, &format!("// {prefix}{}", comment(l)));
            }
        }
        if let Some(total) = row.total {
            if streams.is_empty() {
                line(3, &format!("amount {total}"));
            } else {
                let parts = split(row, &streams)
                    .into_iter()
                    .map(|(s, m)| format!("{s} {m}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                line(3, &format!("amount {total} {{ {parts} }}"));
            }
        }
        for e in &row.evidence {
            line(3, &format!("evidence {}", quote(e)));
        }
        line(2, "}");
    }
    if open.is_some() {
        line(1, "}");
    }
    line(0, "}");
    match crate::format::format(&t) {
        Ok(f) => f,
        Err(_) => {
            diags.push(Diagnostic::error("X001", crate::tr!("x001-internal")));
            t
        }
    }
}

/// A string literal of the language: `"` and `\` escaped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len().saturating_add(2));
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Comment text on one line.
fn comment(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// An identifier made from a text: `DNR.000041` → `dnr_000041`.
pub fn ident(s: &str, fallback: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if !out.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        out = format!("{fallback}_{out}");
    }
    out
}
