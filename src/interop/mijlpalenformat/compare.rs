//! A sheet against a lowered plan, milestone by milestone (matched by
//! number: the sheet's rows in order): where they disagree, a diagnostic
//! that names the cell and points at the plan's line. Money, dates and
//! obligations are errors (X020, X021): the sheet sent must say what the
//! plan says; texts and evidence are warnings (X022), compared with
//! whitespace collapsed; a milestone on one side only is X023.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::Diagnostic;
use crate::model::{Milestone, Plan};
use crate::source::FileId;

use super::import::{split, streams, ImportedStream};
use super::{collapse, obligation_word, Field, Row, Sheet, StreamMap};

/// The differences between `sheet` and `plan` (as written, amendments not applied).
pub fn compare(sheet: &Sheet, plan: &Plan, map: &StreamMap) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let streams = streams(sheet, map, &mut out);
    let file = plan.file;
    // By number, the first of a number as a search in order finds it (a
    // national sheet has 100 000 rows: searching made this quadratic).
    let mut by_number: HashMap<u32, &Milestone> = HashMap::new();
    for m in &plan.milestones {
        by_number.entry(m.number.0).or_insert(m);
    }
    for row in &sheet.rows {
        let Some(m) = by_number.get(&row.number).copied() else {
            sheet_only(sheet, row, plan, &mut out);
            continue;
        };
        let pair = Pair {
            sheet,
            row,
            m,
            file,
        };
        money(&pair, plan, &streams, &mut out);
        due_and_obligation(&pair, &mut out);
        texts(&pair, &mut out);
    }
    plan_only(sheet, plan, &mut out);
    out
}

/// A row of the sheet and the plan's milestone of its number.
struct Pair<'a> {
    sheet: &'a Sheet,
    row: &'a Row,
    m: &'a Milestone,
    /// The plan's file, where the diagnostics point.
    file: FileId,
}

/// X023 for a row whose milestone the plan does not have.
fn sheet_only(sheet: &Sheet, row: &Row, plan: &Plan, out: &mut Vec<Diagnostic>) {
    let file = plan.file;
    out.push(
        Diagnostic::error(
            "X023",
            crate::tr!(
                "x023-sheet-only",
                cell = sheet.cell(row.row, Field::Description),
                milestone = row.number
            ),
        )
        .in_file(file)
        .at(plan.span, crate::tr!("x023-sheet-only-label"))
        .with_help(crate::tr!("x023-sheet-only-help")),
    );
}

/// X020 for a total or a stream's amount the plan does not have.
fn money(pair: &Pair<'_>, plan: &Plan, streams: &[ImportedStream], out: &mut Vec<Diagnostic>) {
    let Pair {
        sheet,
        row,
        m,
        file,
    } = *pair;
    let n = row.number;
    let amount_span = m.amount.as_ref().map_or(m.header_span, |a| a.span);
    if let Some(total) = row.total {
        if total != m.total() {
            out.push(
                Diagnostic::error(
                    "X020",
                    crate::tr!(
                        "x020-total",
                        cell = sheet.cell(row.row, Field::Total),
                        milestone = n,
                        sheet = total,
                        plan = m.total()
                    ),
                )
                .in_file(file)
                .at(
                    amount_span,
                    crate::tr!("x-compare-plan-says", value = m.total()),
                )
                .with_help(crate::tr!("x-compare-help")),
            );
        }
    }
    for (s, sheet_amount) in split(row, streams) {
        let Some(stream) = plan.streams.iter().find(|x| x.id.as_str() == s) else {
            continue;
        };
        let planned = m.stream_amount(&stream.id);
        if planned != sheet_amount {
            let payee = streams
                .iter()
                .find(|x| x.id == s)
                .map(|x| x.payee)
                .unwrap_or(0);
            out.push(
                Diagnostic::error(
                    "X020",
                    crate::tr!(
                        "x020-stream",
                        cell = sheet.payee_cell(row.row, payee),
                        milestone = n,
                        sheet = sheet_amount,
                        stream = s,
                        plan = planned
                    ),
                )
                .in_file(file)
                .at(
                    amount_span,
                    crate::tr!("x-compare-plan-says", value = format!("{s} {planned}")),
                )
                .with_help(crate::tr!("x-compare-help")),
            );
        }
    }
}

/// X021 for a due date or an obligation the plan does not have.
fn due_and_obligation(pair: &Pair<'_>, out: &mut Vec<Diagnostic>) {
    let Pair {
        sheet,
        row,
        m,
        file,
    } = *pair;
    let n = row.number;
    if row.due.is_some() && row.due != m.due {
        let shown = m.due.map_or(crate::tr!("x021-no-date"), |d| d.to_string());
        out.push(
            Diagnostic::error(
                "X021",
                crate::tr!(
                    "x021-due",
                    cell = sheet.cell(row.row, Field::Due),
                    milestone = n,
                    sheet = row.due.map(|d| d.to_string()).unwrap_or_default(),
                    plan = shown
                ),
            )
            .in_file(file)
            .at(
                m.due_span.unwrap_or(m.header_span),
                crate::tr!("x-compare-plan-says", value = shown),
            )
            .with_help(crate::tr!("x-compare-help")),
        );
    }
    if let Some(o) = row.obligation {
        if o != m.obligation {
            out.push(
                Diagnostic::error(
                    "X021",
                    crate::tr!(
                        "x021-obligation",
                        cell = sheet.cell(row.row, Field::Obligation),
                        milestone = n,
                        sheet = obligation_word(o),
                        plan = obligation_word(m.obligation)
                    ),
                )
                .in_file(file)
                .at(
                    m.header_span,
                    crate::tr!("x-compare-plan-says", value = m.obligation.as_str()),
                )
                .with_help(crate::tr!("x-compare-help")),
            );
        }
    }
}

/// X022 for a description or evidence that reads otherwise in the plan.
fn texts(pair: &Pair<'_>, out: &mut Vec<Diagnostic>) {
    let Pair {
        sheet,
        row,
        m,
        file,
    } = *pair;
    let n = row.number;
    if collapse(&row.text) != collapse(&m.text) {
        out.push(
            Diagnostic::warning(
                "X022",
                crate::tr!(
                    "x022-text",
                    cell = sheet.cell(row.row, Field::Description),
                    milestone = n
                ),
            )
            .in_file(file)
            .at(m.header_span, crate::tr!("x022-text-label"))
            .with_note(crate::tr!("x022-sheet-note", text = collapse(&row.text)))
            .with_help(crate::tr!("x022-help")),
        );
    }
    if sheet.column(Field::Evidence).is_some()
        && collapse(&row.evidence.join(" ")) != collapse(&m.evidence.join(" "))
    {
        out.push(
            Diagnostic::warning(
                "X022",
                crate::tr!(
                    "x022-evidence",
                    cell = sheet.cell(row.row, Field::Evidence),
                    milestone = n
                ),
            )
            .in_file(file)
            .at(m.span, crate::tr!("x022-evidence-label"))
            .with_note(crate::tr!(
                "x022-sheet-note",
                text = collapse(&row.evidence.join(" "))
            ))
            .with_help(crate::tr!("x022-help")),
        );
    }
}

/// X023 for every milestone of the plan that has no row in the sheet.
fn plan_only(sheet: &Sheet, plan: &Plan, out: &mut Vec<Diagnostic>) {
    let file = plan.file;
    let numbers: HashSet<u32> = sheet.rows.iter().map(|r| r.number).collect();
    let in_sheet = |n: u32| numbers.contains(&n);
    for m in &plan.milestones {
        if !in_sheet(m.number.0) {
            out.push(
                Diagnostic::error(
                    "X023",
                    crate::tr!("x023-plan-only", milestone = m.number.0, sheet = sheet.name),
                )
                .in_file(file)
                .at(m.header_span, crate::tr!("x023-plan-only-label"))
                .with_help(crate::tr!("x023-plan-only-help")),
            );
        }
    }
}
