//! The corpus: every file under tests/corpus/ is checked as `mijlpaal check`
//! would, and its rendered diagnostics (no colour) are snapshotted beside it
//! in `snapshots/`. Files under `valid/` must produce no errors; files under
//! `invalid/` must produce at least one.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::path::{Component, Path, PathBuf};

use mijlpaal::project::{Options, Session};
use mijlpaal::render;

fn corpus_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "snapshots") {
                    stack.push(path);
                }
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("plan" | "rules" | "facts")
            ) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Resolves `.` and `..` in a relative path without touching the file
/// system, so that snapshots show `tests/corpus/valid/x.plan`.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// What `mijlpaal check` is given for a corpus file, relative to the root:
/// the plan named by a `// with: FILE` first line, if any, then the file.
fn with_plan(path: &Path) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut paths = Vec::new();
    let text = std::fs::read_to_string(path).unwrap_or_default();
    if let Some(with) = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("// with: "))
    {
        paths.push(normalize(&rel.parent().unwrap().join(with.trim())));
    }
    paths.push(rel.to_path_buf());
    paths
}

/// Runs the checker on one corpus file (with the facts' plan, if named by a
/// `// with: FILE` first line) and renders what a user would see.
pub fn render_check(path: &Path) -> (String, bool) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = with_plan(path);
    let mut session = Session::new(Options {
        rule_dirs: vec![PathBuf::from("rules")],
        ..Options::default()
    });
    std::env::set_current_dir(root).unwrap();
    session.check_paths(&paths);
    let diags = &session.diagnostics.items;
    let mut out = render::human::render(diags, &session.sources, false);
    out.push_str(&render::human::summary(diags));
    out.push('\n');
    (out, session.diagnostics.has_errors())
}

#[test]
fn corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let files = corpus_files(&root);
    assert!(files.len() >= 10, "the corpus is missing: {}", files.len());
    for file in files {
        let (rendered, has_errors) = render_check(&file);
        let invalid = file.components().any(|c| c.as_os_str() == "invalid");
        assert_eq!(
            has_errors,
            invalid,
            "{}: expected {} errors\n{rendered}",
            file.display(),
            if invalid { "some" } else { "no" }
        );
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(file.parent().unwrap().join("snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.set_input_file(&file);
        let name = file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace('.', "_");
        settings.bind(|| insta::assert_snapshot!(name, rendered));
    }
}

/// The codes a corpus file gives, as `mijlpaal check` finds them.
fn codes_of(path: &Path) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = with_plan(path);
    std::env::set_current_dir(root).unwrap();
    let mut session = Session::new(Options::default());
    session.check_paths(&paths);
    session
        .diagnostics
        .items
        .iter()
        .map(|d| d.code.to_string())
        .collect()
}

/// Every check of the catalogue has a fixture named `CODE-NAME-fails.*` on
/// which its code fires, and one named `CODE-NAME-passes.*` on which it
/// does not (in `tests/corpus/checks/`).
#[test]
fn every_check_fires_on_its_fixture_and_not_on_its_fix() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/checks");
    let files = corpus_files(&root);
    let named = |check: &mijlpaal::check::Check, outcome: &str| -> Vec<PathBuf> {
        let prefix = format!("{}-{}-{outcome}.", check.code, check.name);
        files
            .iter()
            .filter(|f| {
                f.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
            })
            .cloned()
            .collect()
    };
    for check in mijlpaal::check::ALL {
        let fails = named(check, "fails");
        let passes = named(check, "passes");
        assert_eq!(fails.len(), 1, "{} has no -fails fixture", check.code);
        assert_eq!(passes.len(), 1, "{} has no -passes fixture", check.code);
        for f in &fails {
            let found = codes_of(f);
            assert!(
                found.iter().any(|c| c == check.code),
                "{} does not fire on {}: {found:?}",
                check.code,
                f.display()
            );
        }
        for f in &passes {
            let found = codes_of(f);
            assert!(
                !found.iter().any(|c| c == check.code),
                "{} fires on its fix {}: {found:?}",
                check.code,
                f.display()
            );
        }
    }
}
