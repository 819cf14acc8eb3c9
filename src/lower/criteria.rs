//! Lowering of an assessment framework (`*.criteria`): check codes and
//! named tests resolved (B001), a criterion given twice (L014), thresholds
//! (B002).

use crate::check;
use crate::model::criteria::{Criteria, Criterion, Decider};
use crate::source::FileId;
use crate::syntax::ast::CriteriaAst;

use super::names::help_for_fixed;
use super::Ctx;

pub fn lower_criteria(
    ast: &CriteriaAst,
    file: FileId,
) -> (Criteria, Vec<crate::diagnostic::Diagnostic>) {
    let mut ctx = Ctx::new(file);
    let mut out = Criteria {
        file,
        id: ast.id.name.clone(),
        title: ast.title.value.clone(),
        criteria: Vec::new(),
        last_quarter: None,
        span: ast.span,
    };
    let known: Vec<&str> = check::ALL
        .iter()
        .map(|c| c.code)
        .chain(Decider::NAMED.iter().copied())
        .collect();
    for c in &ast.criteria {
        if let Some(first) = out.criteria.iter().find(|f| f.id == c.id.name) {
            let first = first.span;
            ctx.given_twice(
                crate::tr!("criteria-given-twice", criterion = c.id.name),
                c.span,
                first,
                crate::tr!("criteria-given-twice-help"),
            );
            continue;
        }
        let mut decided_by = Vec::new();
        for d in &c.decided_by {
            let decider = match d.name.as_str() {
                "last-quarter" => Some(Decider::LastQuarter),
                "no-clawback" => Some(Decider::NoClawback),
                code => check::find(code)
                    .filter(|k| k.code.eq_ignore_ascii_case(code))
                    .map(|k| Decider::Check(k.code)),
            };
            match decider {
                Some(decider) => decided_by.push(decider),
                None => ctx.error(
                    "B001",
                    d.span,
                    crate::tr!("b001-unknown", name = d.name),
                    &crate::tr!("b-unknown-label"),
                    help_for_fixed("deciders", &d.name, known.iter().copied()),
                ),
            }
        }
        out.criteria.push(Criterion {
            id: c.id.name.clone(),
            text: c.text.value.clone(),
            source: c.source.value.clone(),
            decided_by,
            span: c.span,
        });
    }
    for (name, value) in &ast.thresholds {
        if name.name != "last-quarter" {
            ctx.error(
                "B002",
                name.span,
                crate::tr!("b002-unknown", name = name.name),
                &crate::tr!("b-unknown-label"),
                help_for_fixed("thresholds", &name.name, ["last-quarter"]),
            );
            continue;
        }
        if let Some(p) = ctx.percent(value) {
            out.last_quarter = Some(p);
        }
    }
    (out, ctx.diagnostics)
}
