//! A sheet against a lowered plan, milestone by milestone (matched by
//! number: the sheet's rows in order): where they disagree, a diagnostic
//! that names the cell and points at the plan's line. Money, dates and
//! obligations are errors (X020, X021): the sheet sent must say what the
//! plan says; texts and evidence are warnings (X022), compared with
//! whitespace collapsed; a milestone on one side only is X023.

use crate::diagnostic::Diagnostic;
use crate::model::Plan;

use super::import::{split, streams};
use super::{collapse, obligation_word, Field, Sheet, StreamMap};

/// The differences between `sheet` and `plan` (as written, amendments not applied).
pub fn compare(sheet: &Sheet, plan: &Plan, map: &StreamMap) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let streams = streams(sheet, map, &mut out);
    let file = plan.file;
    for row in &sheet.rows {
        let Some(m) = plan.milestones.iter().find(|m| m.number.0 == row.number) else {
            out.push(
                Diagnostic::error(
                    "X023",
                    format!(
                        "{}: milestone {} of the sheet is not in the plan",
                        sheet.cell(row.row, Field::Description),
                        row.number
                    ),
                )
                .in_file(file)
                .at(plan.span, "this plan has no such milestone")
                .with_help("add the milestone to the plan, or delete the row from the sheet"),
            );
            continue;
        };
        let n = row.number;
        let amount_span = m.amount.as_ref().map_or(m.header_span, |a| a.span);
        if let Some(total) = row.total {
            if total != m.total() {
                out.push(
                    Diagnostic::error(
                        "X020",
                        format!(
                            "{}: milestone {n} has {total} in the sheet, {} in the plan",
                            sheet.cell(row.row, Field::Total),
                            m.total()
                        ),
                    )
                    .in_file(file)
                    .at(amount_span, format!("the plan says {}", m.total()))
                    .with_help("the sheet sent must say what the plan says: correct one of them"),
                );
            }
        }
        for (s, sheet_amount) in split(row, &streams) {
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
                        format!(
                            "{}: milestone {n} pays {sheet_amount} of `{s}` in the sheet, {planned} in the plan",
                            sheet.payee_cell(row.row, payee)
                        ),
                    )
                    .in_file(file)
                    .at(amount_span, format!("the plan says {s} {planned}"))
                    .with_help("the sheet sent must say what the plan says: correct one of them"),
                );
            }
        }
        if row.due.is_some() && row.due != m.due {
            let shown = m.due.map_or("no date".to_string(), |d| d.to_string());
            out.push(
                Diagnostic::error(
                    "X021",
                    format!(
                        "{}: milestone {n} is due {} in the sheet, {shown} in the plan",
                        sheet.cell(row.row, Field::Due),
                        row.due.map(|d| d.to_string()).unwrap_or_default()
                    ),
                )
                .in_file(file)
                .at(
                    m.due_span.unwrap_or(m.header_span),
                    format!("the plan says {shown}"),
                )
                .with_help("the sheet sent must say what the plan says: correct one of them"),
            );
        }
        if let Some(o) = row.obligation {
            if o != m.obligation {
                out.push(
                    Diagnostic::error(
                        "X021",
                        format!(
                            "{}: milestone {n} is an {} in the sheet, an {} in the plan",
                            sheet.cell(row.row, Field::Obligation),
                            obligation_word(o),
                            obligation_word(m.obligation)
                        ),
                    )
                    .in_file(file)
                    .at(
                        m.header_span,
                        format!("the plan says {}", m.obligation.as_str()),
                    )
                    .with_help("the sheet sent must say what the plan says: correct one of them"),
                );
            }
        }
        if collapse(&row.text) != collapse(&m.text) {
            out.push(
                Diagnostic::warning(
                    "X022",
                    format!(
                        "{}: the text of milestone {n} differs from the plan's",
                        sheet.cell(row.row, Field::Description)
                    ),
                )
                .in_file(file)
                .at(m.header_span, "the plan's text")
                .with_note(format!("sheet: {}", collapse(&row.text)))
                .with_help("texts are compared with line breaks and runs of spaces as one space"),
            );
        }
        if sheet.column(Field::Evidence).is_some()
            && collapse(&row.evidence.join(" ")) != collapse(&m.evidence.join(" "))
        {
            out.push(
                Diagnostic::warning(
                    "X022",
                    format!(
                        "{}: the evidence of milestone {n} differs from the plan's",
                        sheet.cell(row.row, Field::Evidence)
                    ),
                )
                .in_file(file)
                .at(m.span, "the plan's milestone")
                .with_note(format!("sheet: {}", collapse(&row.evidence.join(" "))))
                .with_help("texts are compared with line breaks and runs of spaces as one space"),
            );
        }
    }
    let in_sheet = |n: u32| sheet.rows.iter().any(|r| r.number == n);
    for m in &plan.milestones {
        if !in_sheet(m.number.0) {
            out.push(
                Diagnostic::error(
                    "X023",
                    format!(
                        "milestone {} of the plan is not in sheet `{}`",
                        m.number.0, sheet.name
                    ),
                )
                .in_file(file)
                .at(m.header_span, "not in the sheet")
                .with_help("add a row for it to the sheet, in milestone order"),
            );
        }
    }
    out
}
