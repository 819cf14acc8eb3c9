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
//! ## Fails
//! ```text
//! rules overeenkomst-transformatieplan pinned "sha256:0000..."
//! // while rules/overeenkomst-transformatieplan.rules hashes to another value
//! ```
//! ## Fixed
//! Review the change (`mijlpaal diff old.rules new.rules`), agree on it by
//! addendum (art. 2.3), and pin the new hash.

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;

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
            .report(format!("rule set `{}` has changed since it was pinned", reference.name))
            .at(*span, "pinned content")
            .with_help(format!(
                "see what changed with `mijlpaal diff` against the agreed version; once the change is agreed (art. 2.3), pin it: `pinned \"{now}\"`"
            ))
            .with_note(format!("pinned {pinned}; the rule set now hashes to {now}"));
        out.push(d);
    }
}
