//! The formatter: idempotent, keeps every comment, changes no model, and
//! is the same whatever the whitespace it starts from. Tested on every
//! file of the repository that parses, and on whitespace-perturbed copies.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::path::{Path, PathBuf};

use mijlpaal::format::format;
use mijlpaal::lower;
use mijlpaal::render::show::plan_json;
use mijlpaal::source::FileId;
use mijlpaal::syntax::{ast, parse, Limits};
use proptest::prelude::*;

fn repo_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut stack = vec![root.join("plans"), root.join("rules"), root.join("tests")];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("plan" | "rules" | "facts" | "criteria")
            ) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// What a file means, without spans: the model as JSON for plans, the
/// clauses for rules, the facts' dates and kinds for facts.
fn meaning(text: &str) -> Option<String> {
    let (tree, diags) = parse(FileId(0), text, &Limits::default());
    if !diags.is_empty() {
        return None;
    }
    Some(match tree? {
        ast::File::Plan(p) => {
            let (plan, _) = lower::lower_plan(&p, FileId(0));
            plan_json(&plan).to_string()
        }
        ast::File::Rules(r) => {
            let (rules, _) = lower::lower_rules(&r, FileId(0));
            format!(
                "{:?}",
                rules
                    .clauses
                    .iter()
                    .map(|c| (&c.citation, &c.kind))
                    .collect::<Vec<_>>()
            )
        }
        ast::File::Facts(f) => format!(
            "{:?}",
            f.facts
                .iter()
                .map(|x| (&x.date.text, &x.verb.name, x.args.len()))
                .collect::<Vec<_>>()
        ),
        ast::File::Criteria(c) => {
            let (criteria, _) = lower::lower_criteria(&c, FileId(0));
            format!(
                "{:?} {:?}",
                criteria
                    .criteria
                    .iter()
                    .map(|c| (&c.id, &c.text, &c.source, &c.decided_by))
                    .collect::<Vec<_>>(),
                criteria.last_quarter
            )
        }
    })
}

fn comments(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.find("//").map(|i| l[i..].trim_end().to_string()))
        .collect()
}

#[test]
fn every_repository_file_round_trips() {
    let files = repo_files();
    let mut formatted_count = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let Ok(once) = format(&text) else { continue };
        formatted_count += 1;
        assert_eq!(
            format(&once).unwrap(),
            once,
            "{}: not idempotent",
            f.display()
        );
        assert_eq!(
            meaning(&text),
            meaning(&once),
            "{}: formatting changed the model",
            f.display()
        );
        assert_eq!(
            comments(&text),
            comments(&once),
            "{}: a comment changed",
            f.display()
        );
    }
    assert!(formatted_count >= 40, "only {formatted_count} files parsed");
}

/// The files git tracks under plans/ and rules/, or every file there when
/// this is not a git checkout: a drafter's own untracked `plans/examples/
/// mijn.plan`, half written while following the tutorial, is not ours to
/// judge.
fn tracked(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listed = std::process::Command::new("git")
        .args(["ls-files", "-z", "plans", "rules"])
        .current_dir(root)
        .output()
        .ok()
        .filter(|o| o.status.success());
    let Some(listed) = listed else {
        return files;
    };
    let names: std::collections::BTreeSet<PathBuf> = listed
        .stdout
        .split(|b| *b == 0)
        .filter(|n| !n.is_empty())
        .map(|n| root.join(String::from_utf8_lossy(n).as_ref()))
        .collect();
    files.into_iter().filter(|f| names.contains(f)).collect()
}

#[test]
fn the_repository_is_formatted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<PathBuf> = repo_files()
        .into_iter()
        .filter(|f| f.starts_with(root.join("plans")) || f.starts_with(root.join("rules")))
        .collect();
    let files = tracked(files);
    assert!(files.len() >= 8, "the plans are found: {files:?}");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert_eq!(
            format(&text).unwrap(),
            text,
            "{} is not formatted: run `mijlpaal fmt`",
            f.display()
        );
    }
}

/// Splits a line at its `//` comment, outside strings.
fn split_comment(line: &str) -> (&str, &str) {
    let mut in_string = false;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        if c == '"' && prev != '\\' {
            in_string = !in_string;
        } else if c == '/' && prev == '/' && !in_string {
            return (&line[..i - 1], &line[i - 1..]);
        }
        prev = c;
    }
    (line, "")
}

/// Re-spaces a formatted file: extra spaces and tabs between tokens, extra
/// indentation, blank lines repeated, trailing spaces. Never inside strings
/// or comments, never between a number and its `%`.
fn perturb(text: &str, seed: &[u8]) -> String {
    let mut k = 0usize;
    let mut next = || {
        k += 1;
        seed.get(k % seed.len().max(1)).copied().unwrap_or(0)
    };
    let mut out = String::new();
    for line in text.lines() {
        let (code, comment) = split_comment(line);
        let mut in_string = false;
        if next() % 3 == 0 {
            out.push('\t');
        }
        for ch in code.chars() {
            if ch == '"' {
                in_string = !in_string;
            }
            out.push(ch);
            if ch == ' ' && !in_string && next() % 2 == 0 {
                out.push_str(if next() % 2 == 0 { "  " } else { "\t" });
            }
        }
        out.push_str(comment);
        if next() % 4 == 0 {
            out.push_str("   ");
        }
        out.push('\n');
        // A blank line may become several: the formatter keeps one.
        if line.is_empty() && next() % 2 == 0 {
            out.push_str("\n \n");
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn formatting_ignores_whitespace(seed in proptest::collection::vec(any::<u8>(), 1..64), which in 0usize..1000) {
        let files: Vec<PathBuf> = repo_files();
        let f = &files[which % files.len()];
        let text = std::fs::read_to_string(f).unwrap();
        if let Ok(canonical) = format(&text) {
            let messy = perturb(&canonical, &seed);
            let again = format(&messy);
            prop_assert!(again.is_ok(), "{}: perturbed copy does not parse:\n{messy}", f.display());
            prop_assert_eq!(again.unwrap(), canonical);
        }
    }
}
