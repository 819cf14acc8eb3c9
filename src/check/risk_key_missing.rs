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
    let note = crate::tr!(
        "c605-note-clause",
        clause = cite.clause,
        citation = cite.citation
    );
    if plan.stream(stream).is_none() {
        let d = out
            .report(crate::tr!("c605-stream-message", stream = stream))
            .at(rules_span, crate::tr!("c605-label-rules"))
            .with_help(crate::tr!("c605-stream-help"))
            .with_note(note);
        out.push(d);
        return;
    }
    if let Some(key) = &repay.key {
        if plan.key(key).is_none() {
            let d = out
                .report(crate::tr!("c605-key-message", stream = stream, key = key))
                .at(rules_span, crate::tr!("c605-label-rules"))
                .with_help(crate::tr!("c605-key-help", stream = stream, key = key))
                .with_note(note);
            out.push(d);
        }
        return;
    }
    for m in &plan.milestones {
        if !m.stream_amount(stream).is_zero() && m.risk_for(stream).is_none() {
            let d = out
                .report(crate::tr!(
                    "c605-message",
                    milestone = m.number,
                    amount = m.stream_amount(stream),
                    stream = stream
                ))
                .at(m.header_span, crate::tr!("c605-label"))
                .with_help(crate::tr!("c605-help", stream = stream))
                .with_note(crate::tr!("c605-note", clause = note));
            out.push(d);
        }
    }
}
