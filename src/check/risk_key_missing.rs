//! # C605 risk-key-missing (error)
//!
//! When the rule set charges repayments of a stream to a risk key
//! (`repay-unmet spuk by risk-key`), the plan must have that stream, and
//! every milestone with money in it must name the key that bears the risk
//! (`risk spuk by inwoners`, or `default risk spuk by inwoners`). A clause
//! that names its key (`repay-unmet iza by zorgaanbieders`) needs no risk
//! key on the milestones, but the plan must declare that key.
//!
//! ## Fails
//! ```text
//! clause "raadsbrief" repay-unmet spuk by risk-key
//! // the plan has no `default risk spuk by ...` and milestone 14 no `risk spuk by ...`
//! ```
//! ## Fixed
//! ```text
//! default risk spuk by inwoners
//! ```

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::{Cite, Repay};

pub const CHECK: Check = Check {
    code: "C605",
    name: "risk-key-missing",
    severity: Severity::Error,
    run,
    source: include_str!("risk_key_missing.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    for (repay, cite) in &ctx.terms.repay {
        check_stream(ctx, out, repay, cite);
    }
}

fn check_stream(ctx: &Context, out: &mut Sink, repay: &Repay, cite: &Cite) {
    let plan = ctx.plan;
    let stream = &repay.stream;
    let rules_span = plan.rules.as_ref().map(|r| r.span).unwrap_or(plan.span);
    let note = format!("clause `{}` ({})", cite.clause, cite.citation);
    if plan.stream(stream).is_none() {
        let d = out
            .report(format!(
                "the rule set repays stream `{stream}`, but the plan has no such stream"
            ))
            .at(rules_span, "rule set used here")
            .with_help("name the stream as the plan does, in the rule set's `repay-unmet` clause")
            .with_note(note);
        out.push(d);
        return;
    }
    if let Some(key) = &repay.key {
        if plan.key(key).is_none() {
            let d = out
                .report(format!(
                    "the rule set repays stream `{stream}` over key `{key}`, but the plan has no such key"
                ))
                .at(rules_span, "rule set used here")
                .with_help(format!("declare `key {key} ...` in the plan, or write `repay-unmet {stream} by risk-key`"))
                .with_note(note);
            out.push(d);
        }
        return;
    }
    for m in &plan.milestones {
        if !m.stream_amount(stream).is_zero() && m.risk_for(stream).is_none() {
            let d = out
                .report(format!("milestone {}: nobody bears the risk of repaying its {} of `{stream}`", m.number, m.stream_amount(stream)))
                .at(m.header_span, "no risk key")
                .with_help(format!("add `risk {stream} by KEY` here, or `default risk {stream} by KEY` in the plan"))
                .with_note(format!("the rule set charges repayments to a risk key: {note}"));
            out.push(d);
        }
    }
}
