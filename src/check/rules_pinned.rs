//! # C901 rules-pinned (error)
//!
//! A plan can pin the rule set it was agreed under by the content hash of
//! the rule set's canonical form (its clauses and citations, without
//! comments or layout): `rules overeenkomst-transformatieplan
//! pinned "sha256:..."` (`mijlpaal pin rules/NAME.rules` prints it). When the
//! rule set changes after signing, the plan would silently be evaluated
//! under rules nobody agreed to; this check reports it. Comments and layout
//! do not change the hash; changing a clause or a citation does.
//!
//! The pin is enforced everywhere money is shown: `evaluate`,
//! `explain-milestone`, `diff` and `snapshot` stop with this error (exit 1)
//! on a mismatch. `--allow-unpinned` evaluates a draft anyway, and the
//! output's first line then says so. The plan stores only the hash, so the
//! finding lists the clauses the rule set has now, to compare with the
//! agreed version.
//!
//! ## Fails
//! ```text
//! rules overeenkomst-transformatieplan pinned "sha256:0000..."
//! // while rules/overeenkomst-transformatieplan.rules hashes to another value
//! ```
//! ## Fixed
//! Review the change (`mijlpaal diff old.rules new.rules`), agree on it by
//! addendum (art. 2.3), and pin the new hash: `mijlpaal pin
//! rules/NAME.rules` prints it.

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::RuleSet;

pub const CHECK: Check = Check {
    code: "C901",
    name: "rules-pinned",
    severity: Severity::Error,
    run,
    source: include_str!("rules_pinned.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    let (Some(reference), Some(rules)) = (&ctx.written.rules, ctx.rules) else {
        return;
    };
    let Some((pinned, span)) = &reference.pinned else {
        return;
    };
    let Some(now) = &rules.hash else { return };
    if pinned != now {
        let d = out
            .report(crate::tr!("c901-message", name = reference.name))
            .at(*span, crate::tr!("c901-label"))
            .with_help(crate::tr!("c901-help", name = reference.name, now = now))
            .with_note(crate::tr!("c901-note-hash", pinned = pinned, now = now))
            .with_note(crate::tr!("c901-note-clauses", clauses = clauses(rules)));
        out.push(d);
    }
}

/// The clauses as they read now (citation and kind), to set beside the
/// agreed version: the pin holds only a hash, not the clauses it covered.
fn clauses(rules: &RuleSet) -> String {
    rules
        .clauses
        .iter()
        .map(|c| format!("\"{}\" {}", c.citation, c.kind.written()))
        .collect::<Vec<_>>()
        .join("; ")
}
