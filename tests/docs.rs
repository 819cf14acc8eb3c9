//! The docs match the binary: every ```console block in README.md and
//! docs/*.md whose first line is `$ mijlpaal ARGS...` is run in the
//! repository root, and what it printed (stdout, then stderr) must contain
//! the block's lines in order. A line `...` (indented or not) stands for any number of lines;
//! without one, the output must be exactly the block's lines. A line
//! `$ echo $?` followed by a number asserts the exit code.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

use common::{mijlpaal, read, root};

/// (file, first line, expected lines) of every runnable block.
fn console_blocks() -> Vec<(String, String, Vec<String>)> {
    let mut files = vec![root().join("README.md")];
    let mut docs: Vec<_> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    let mut out = Vec::new();
    for f in files {
        let text = read(&f);
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if line.trim_end() != "```console" {
                continue;
            }
            let block: Vec<String> = lines
                .by_ref()
                .take_while(|l| l.trim_end() != "```")
                .map(|l| l.trim_end().to_string())
                .collect();
            let Some((first, rest)) = block.split_first() else {
                continue;
            };
            out.push((
                f.file_name().unwrap().to_string_lossy().into_owned(),
                first.clone(),
                rest.to_vec(),
            ));
        }
    }
    out
}

/// Whether `actual` holds `expected` in order, `...` matching any run of lines.
fn matches(expected: &[String], actual: &[String]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((e, rest)) if e.trim() == "..." => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((e, rest)) => actual
            .split_first()
            .is_some_and(|(a, more)| a == e && matches(rest, more)),
    }
}

#[test]
fn every_console_block_prints_what_it_shows() {
    let blocks = console_blocks();
    assert!(
        blocks.len() >= 6,
        "the runnable blocks are found: {}",
        blocks.len()
    );
    for (file, command, expected) in blocks {
        let words = command
            .strip_prefix("$ mijlpaal ")
            .unwrap_or_else(|| {
                panic!("{file}: a console block starts with `$ mijlpaal`: {command}")
            })
            .split_whitespace();
        // The helper passes `--color never` itself.
        let mut args: Vec<&str> = Vec::new();
        let mut words = words.into_iter();
        while let Some(w) = words.next() {
            if w == "--color" {
                words.next();
            } else {
                args.push(w);
            }
        }
        let run = mijlpaal(root(), &args);
        // `$ echo $?` and the exit code may follow the output.
        let (expected, code) = match expected.iter().position(|l| l == "$ echo $?") {
            Some(i) => (
                expected[..i].to_vec(),
                expected.get(i + 1).and_then(|c| c.parse::<i32>().ok()),
            ),
            None => (expected, None),
        };
        if let Some(code) = code {
            assert_eq!(
                run.code, code,
                "{file}: `{command}` exits {}:\n{}",
                run.code, run.stderr
            );
        }
        let actual: Vec<String> = run
            .stdout
            .lines()
            .chain(run.stderr.lines())
            .map(|l| l.trim_end().to_string())
            .collect();
        assert!(
            matches(&expected, &actual),
            "{file}: `{command}` no longer prints what the docs show.\n--- docs:\n{}\n--- binary:\n{}",
            expected.join("\n"),
            actual.join("\n")
        );
    }
}
