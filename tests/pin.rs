//! Pinning the rule set a plan was agreed under (`rules NAME pinned
//! "sha256:..."`): the Twente plan's pin holds; a changed clause breaks it
//! (C901); comments and layout do not.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mijlpaal"))
        .args(args)
        .arg("--color")
        .arg("never")
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn project(name: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/tmp-pin").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::copy(
        root.join("plans/mentaal-gezond-twente.plan"),
        dir.join("mgt.plan"),
    )
    .unwrap();
    let rules =
        std::fs::read_to_string(root.join("rules/overeenkomst-transformatieplan.rules")).unwrap();
    std::fs::write(
        dir.join("rules/overeenkomst-transformatieplan.rules"),
        edit(&rules),
    )
    .unwrap();
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
    let plan = std::fs::read_to_string(dir.join("mgt.plan")).unwrap();
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
