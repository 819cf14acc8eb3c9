//! Pinning the rule set a plan was agreed under (`rules NAME pinned
//! "sha256:..."`): the Twente plan's pin holds; a changed clause breaks it
//! (C901); comments and layout do not.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::path::{Path, PathBuf};

mod common;

use common::{read, root, scratch, write, TWENTE_PLAN, TWENTE_RULES};

fn bin(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let run = common::mijlpaal(dir, args);
    (run.code, run.stdout, run.stderr)
}

/// The Twente plan as `mgt.plan` in its own project, with its rule set edited.
fn project(name: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let dir = scratch("tmp-pin", name);
    write(dir.join("mijlpaal.toml"), "");
    write(dir.join("mgt.plan"), read(root().join(TWENTE_PLAN)));
    write(
        dir.join(TWENTE_RULES),
        edit(&read(root().join(TWENTE_RULES))),
    );
    dir
}

fn c901(stderr: &str) -> bool {
    stderr.contains("C901")
}

#[test]
fn the_twente_pin_holds() {
    let dir = project("holds", |r| r.to_string());
    let (_, _, err) = bin(&dir, &["check", "mgt.plan"]);
    assert!(!c901(&err), "{err}");
    let (code, out, _) = bin(&dir, &["pin", "rules/overeenkomst-transformatieplan.rules"]);
    assert_eq!(code, 0);
    let plan = read(dir.join("mgt.plan"));
    assert!(
        plan.contains(&format!("pinned \"{}\"", out.trim())),
        "the plan pins what `pin` prints: {out}"
    );
}

#[test]
fn comments_and_layout_do_not_break_the_pin() {
    let dir = project("comments", |r| {
        r.replace("  clause ", "  // a new comment\n  clause    ")
    });
    let (_, _, err) = bin(&dir, &["check", "mgt.plan"]);
    assert!(!c901(&err), "{err}");
}

#[test]
fn a_changed_clause_breaks_the_pin() {
    let dir = project("changed", |r| {
        r.replace("assessment-window 4 weeks", "assessment-window 6 weeks")
    });
    let (code, _, err) = bin(&dir, &["check", "mgt.plan"]);
    assert_eq!(code, 1);
    assert!(c901(&err), "{err}");
    assert!(err.contains("has changed since it was pinned"), "{err}");
    // The rule-set diff shows what changed.
    let old = project("changed-old", |r| r.to_string());
    let (_, out, _) = bin(
        &dir,
        &[
            "diff",
            old.join("rules/overeenkomst-transformatieplan.rules")
                .to_str()
                .unwrap(),
            "rules/overeenkomst-transformatieplan.rules",
        ],
    );
    assert!(
        out.contains("assessment-window 28 days") && out.contains("assessment-window 42 days"),
        "{out}"
    );
}

/// A `postponement` clause written without `by` keeps the canonical text it
/// had before the clause could name roles: the Twente rule set without the
/// roles hashes to the pin it had then, so such pins stay valid. Naming
/// the roles is a change of meaning and breaks the pin.
#[test]
fn a_postponement_without_roles_keeps_its_old_pin() {
    let dir = project("postponement-old", |r| {
        r.replace(
            "postponement until payout-cutoff by steering-group coordinating-insurer",
            "postponement until payout-cutoff",
        )
    });
    let (code, out, _) = bin(&dir, &["pin", "rules/overeenkomst-transformatieplan.rules"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        "sha256:f0c50b027c7d06e799b56e73fe1ac66a386425b75532d01667a5467ee070d2e3",
        "the pin before roles could be named"
    );
    let (code, _, err) = bin(&dir, &["check", "mgt.plan"]);
    assert_eq!(code, 1);
    assert!(c901(&err), "dropping the roles changes the meaning: {err}");
}
