//! The trust model (ARCHITECTURE.md, "Trust model"): plans, rule sets and
//! facts may come from strangers. One test per promise, through the real
//! binary, on projects built at test time under `target/trust/`: links to
//! files outside, a FIFO, an endless `/proc` file, a linked snapshot, a
//! tampered pinned rule set, text with ESC, BEL, U+202E and U+2028, a
//! byte-order mark, `/dev/full` as stdout. Each asserts the exact code and
//! exit status, and that nothing outside was shown or changed.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

use std::path::Path;
use std::process::Stdio;

use common::{mijlpaal, mijlpaal_to, read, replace_once, scratch, twente, write, Run};

const EXIT_OK: i32 = 0;
const EXIT_ERRORS: i32 = 1;
const EXIT_IO: i32 = 2;

/// What the files outside a project hold; it must never be shown.
const SECRET: &str = "SECRET-OUTSIDE-THE-PROJECT";

fn same(s: &str) -> String {
    s.to_string()
}

#[cfg(unix)]
fn link(target: &Path, at: &Path) {
    if let Some(dir) = at.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::os::unix::fs::symlink(target, at).unwrap();
}

fn assert_not_shown(run: &Run) {
    assert!(
        !run.stdout.contains(SECRET) && !run.stderr.contains(SECRET),
        "the outside file was shown:\n{}\n{}",
        run.stdout,
        run.stderr
    );
}

fn has_code(run: &Run, code: &str) -> bool {
    run.stderr.contains(code) || run.stdout.contains(code)
}

// ------------------------------------------------- 1. no reads outside

/// A rule set linked to a file outside the project is refused (I008),
/// naming both paths, and never read: its content is not shown.
#[cfg(unix)]
#[test]
fn rule_set_linked_outside_is_not_read() {
    let dir = scratch("trust", "rules-link");
    let (project, outside) = (dir.join("project"), dir.join("outside"));
    twente(&project, same, same);
    let secret = outside.join("secret.rules");
    write(&secret, format!("{SECRET}\nroot:x:0:0\n"));
    let rules = project.join(common::TWENTE_RULES);
    std::fs::remove_file(&rules).unwrap();
    link(&secret, &rules);

    let run = mijlpaal(&project, &["check", "mgt.plan"]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(has_code(&run, "I008"), "{}", run.stderr);
    assert!(
        run.stderr.contains("secret.rules"),
        "names the target: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("overeenkomst-transformatieplan.rules"),
        "names the link: {}",
        run.stderr
    );
    assert_not_shown(&run);
    let eval = mijlpaal(&project, &["evaluate", "mgt.plan", "--at", "2026-01-01"]);
    assert_eq!(eval.code, EXIT_IO, "{}", eval.stderr);
    assert!(has_code(&eval, "I008"), "{}", eval.stderr);
    assert_not_shown(&eval);
}

/// The plan's `rules/` directory itself linked elsewhere is refused too.
#[cfg(unix)]
#[test]
fn rules_directory_linked_outside_is_not_read() {
    let dir = scratch("trust", "rules-dir-link");
    let (project, outside) = (dir.join("project"), dir.join("outside"));
    twente(&project, same, same);
    write(
        outside.join("overeenkomst-transformatieplan.rules"),
        format!("{SECRET}\n"),
    );
    std::fs::remove_dir_all(project.join("rules")).unwrap();
    link(&outside, &project.join("rules"));
    let run = mijlpaal(&project, &["check", "mgt.plan"]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(has_code(&run, "I008"), "{}", run.stderr);
    assert_not_shown(&run);
}

/// A rule set that is not one (inside its directory) is I005, and none of
/// its lines is quoted: a syntax error would show the next line as context.
#[test]
fn a_file_that_is_not_a_rule_set_is_not_quoted() {
    let dir = scratch("trust", "not-rules");
    twente(&dir, same, |_| {
        format!("root:x:0:0:root:/root:/bin/bash\n{SECRET}\n")
    });
    let run = mijlpaal(&dir, &["check", "mgt.plan"]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(has_code(&run, "I005"), "{}", run.stderr);
    assert!(!has_code(&run, "S004"), "{}", run.stderr);
    assert_not_shown(&run);
    assert!(!run.stderr.contains("root:x"), "{}", run.stderr);
}

/// Files on the command line may be anywhere, but must be regular files:
/// a FIFO is refused without being opened for reading (which would hang).
#[cfg(unix)]
#[test]
fn a_fifo_on_the_command_line_is_refused() {
    let dir = scratch("trust", "fifo");
    let fifo = dir.join("pipe.plan");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available here");
        return;
    }
    let run = mijlpaal(&dir, &["check", "pipe.plan"]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(has_code(&run, "I002"), "{}", run.stderr);
}

/// A file that reports size 0 but never ends (`/proc/self/pagemap`) is read
/// only up to the limit: I003 at once, not memory exhausted.
#[test]
fn size_limit_holds_while_reading() {
    let pagemap = Path::new("/proc/self/pagemap");
    if std::fs::File::open(pagemap).is_err() {
        eprintln!("skipped: no readable /proc/self/pagemap here");
        return;
    }
    let dir = scratch("trust", "pagemap");
    let run = mijlpaal(
        &dir,
        &["check", "--max-file-bytes", "65536", "/proc/self/pagemap"],
    );
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(has_code(&run, "I003"), "{}", run.stderr);
}

/// A file that is not UTF-8 is refused at its first invalid byte, and
/// nothing of its content is quoted.
#[test]
fn non_utf8_content_is_not_echoed() {
    let dir = scratch("trust", "latin1");
    let mut bytes = format!("plan x \"{SECRET}\" {{\n").into_bytes();
    bytes.extend_from_slice(b"  // caf\xe9\n}\n");
    write(dir.join("x.plan"), bytes);
    let run = mijlpaal(&dir, &["check", "x.plan"]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(has_code(&run, "I004"), "{}", run.stderr);
    assert!(run.stderr.contains("line 2"), "{}", run.stderr);
    assert_not_shown(&run);
}

// ------------------------------------------- 2. no writes through links

/// `snapshot` never writes through a linked `.snapshot` (I009), and
/// `snapshot --check` does not show the file it links to.
#[cfg(unix)]
#[test]
fn snapshot_never_writes_through_a_link() {
    let dir = scratch("trust", "snapshot-link");
    let (project, outside) = (dir.join("project"), dir.join("outside"));
    twente(&project, same, same);
    let victim = outside.join("victim.txt");
    write(&victim, SECRET);
    link(&victim, &project.join("mgt/alles-behaald.snapshot"));

    for args in [
        &["snapshot", "mgt.plan"][..],
        &["snapshot", "--check", "mgt.plan"],
    ] {
        let run = mijlpaal(&project, args);
        assert_eq!(run.code, EXIT_IO, "{args:?}: {}", run.stderr);
        assert!(has_code(&run, "I009"), "{args:?}: {}", run.stderr);
        assert_not_shown(&run);
        assert_eq!(read(&victim), SECRET, "{args:?} changed the outside file");
    }
}

/// Scenarios whose directory links outside the project are not written.
#[cfg(unix)]
#[test]
fn snapshot_never_writes_outside_the_project() {
    let dir = scratch("trust", "snapshot-outside");
    let (project, outside) = (dir.join("project"), dir.join("outside"));
    twente(&project, same, same);
    std::fs::rename(project.join("mgt"), &outside).unwrap();
    link(&outside, &project.join("mgt"));
    let run = mijlpaal(&project, &["snapshot", "mgt.plan"]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(has_code(&run, "I009"), "{}", run.stderr);
    assert!(run.stderr.contains("outside the project"), "{}", run.stderr);
    let written: Vec<_> = std::fs::read_dir(&outside)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with("snapshot"))
        .collect();
    assert!(written.is_empty(), "wrote {written:?}");
}

/// A snapshot inside the project is written by renaming a temporary file
/// over it; no temporary file is left behind.
#[test]
fn snapshot_writes_by_rename() {
    let dir = scratch("trust", "snapshot-rename");
    twente(&dir, same, same);
    let run = mijlpaal(&dir, &["snapshot", "mgt.plan"]);
    assert_eq!(run.code, EXIT_OK, "{}", run.stderr);
    let names: Vec<String> = std::fs::read_dir(dir.join("mgt"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n == "alles-behaald.snapshot"),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
    assert_eq!(
        read(dir.join("mgt/alles-behaald.snapshot")).lines().nth(1),
        read(common::root().join("plans/mentaal-gezond-twente/alles-behaald.snapshot"))
            .lines()
            .nth(1)
    );
}

/// `fmt` on a link refuses to write through it (I009): the file it points
/// to is unchanged.
#[cfg(unix)]
#[test]
fn fmt_never_writes_through_a_link() {
    let dir = scratch("trust", "fmt-link");
    let outside = dir.join("outside/x.plan");
    let messy = "plan x \"X\" {\n      period 2025-01-01 .. 2025-12-31\n}\n";
    write(&outside, messy);
    link(&outside, &dir.join("project/x.plan"));
    write(dir.join("project/mijlpaal.toml"), "");
    let run = mijlpaal(&dir.join("project"), &["fmt", "x.plan"]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(has_code(&run, "I009"), "{}", run.stderr);
    assert_eq!(read(&outside), messy);
}

/// Every write error but a closed pipe is reported (I010) and exits 2,
/// the report on standard output included.
#[test]
fn a_full_disk_is_an_error() {
    let full = Path::new("/dev/full");
    let Ok(file) = std::fs::OpenOptions::new().write(true).open(full) else {
        eprintln!("skipped: no /dev/full here");
        return;
    };
    let dir = scratch("trust", "dev-full");
    twente(&dir, same, same);
    let cases: [&[&str]; 3] = [
        &["explain", "C101"],
        &["evaluate", "mgt.plan", "--at", "2026-06-01"],
        &["check", "--format", "json", "mgt.plan"],
    ];
    for args in cases {
        let run = mijlpaal_to(&dir, args, Stdio::from(file.try_clone().unwrap()));
        assert_eq!(run.code, EXIT_IO, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("I010"), "{args:?}: {}", run.stderr);
    }
}

// ------------------------------------------------ 3. the pin is enforced

/// A pinned rule set changed after signing: every command that shows money
/// stops with C901 (exit 1) and prints nothing; `--allow-unpinned`
/// evaluates anyway and says so in the first line.
#[test]
fn a_tampered_rule_set_changes_no_money() {
    let dir = scratch("trust", "pin");
    twente(&dir, same, |r| {
        replace_once(r, "assessment-window 4 weeks", "assessment-window 26 weeks")
    });
    let facts = "mgt/stille-beoordelaar.facts";
    let commands: [&[&str]; 4] = [
        &[
            "evaluate",
            "mgt.plan",
            "--facts",
            facts,
            "--at",
            "2026-06-01",
        ],
        &[
            "explain-milestone",
            "mgt.plan",
            "10",
            "--facts",
            facts,
            "--at",
            "2026-06-01",
        ],
        &["diff", "mgt.plan", "mgt.plan"],
        &["snapshot", "mgt.plan"],
    ];
    for args in commands {
        let run = mijlpaal(&dir, args);
        assert_eq!(run.code, EXIT_ERRORS, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("C901"), "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("mijlpaal pin"),
            "help says how to re-pin: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("assessment-window 182 days"),
            "names the clauses as they are now: {}",
            run.stderr
        );
        assert_eq!(run.stdout, "", "{args:?}");
    }
    let snapshots = std::fs::read_dir(dir.join("mgt"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".snapshot"))
        .count();
    assert_eq!(snapshots, 0, "nothing snapshotted");

    let draft = mijlpaal(
        &dir,
        &[
            "evaluate",
            "mgt.plan",
            "--facts",
            facts,
            "--at",
            "2026-06-01",
            "--allow-unpinned",
        ],
    );
    assert_eq!(draft.code, EXIT_OK, "{}", draft.stderr);
    assert!(
        draft
            .stdout
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("evaluated with --allow-unpinned")),
        "{}",
        draft.stdout
    );
}

/// Issue 10, item 6: a plan whose streams add up to more than its amount
/// (C101) is not evaluated; `--allow-errors` evaluates it and says so.
/// The published Twente plan, whose errors compare it with the documents'
/// declared figures (C102, C103, C402), is evaluated.
#[test]
fn evaluate_refuses_what_makes_money_wrong() {
    let dir = scratch("trust", "money-gate");
    twente(
        &dir,
        |p| {
            let kpi14 = "due 2026-12-31\n      amount € 208.000 { iza € 98.500, spuk € 109.500 }\n      declared by kpi_tabel € 208 { iza € 98, spuk € 109 }\n      target count gesprekken from 2026-01-01 >= 650";
            replace_once(p, kpi14, &kpi14.replace("spuk € 109.500", "spuk € 209.500"))
        },
        same,
    );
    let args = ["evaluate", "mgt.plan", "--at", "2026-06-01"];
    let run = mijlpaal(&dir, &args);
    assert_eq!(run.code, EXIT_ERRORS, "{}", run.stderr);
    assert!(run.stderr.contains("C101"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let anyway = mijlpaal(&dir, &[&args[..], &["--allow-errors"]].concat());
    assert_eq!(anyway.code, EXIT_OK, "{}", anyway.stderr);
    assert!(
        anyway.stdout.starts_with(
            "evaluated with --allow-errors: the plan has errors that make money wrong (C101)\n"
        ),
        "{}",
        anyway.stdout
    );

    let published = scratch("trust", "money-gate-twente");
    twente(&published, same, same);
    let run = mijlpaal(&published, &args);
    assert_eq!(run.code, EXIT_OK, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("Mentaal Gezond Twente"),
        "{}",
        run.stdout
    );
}

// --------------------------------------------- 4. no terminal control

/// ESC, BEL and U+202E in a string, U+2028 in a comment: S009 warnings
/// with the place named; shown escaped, never raw, in diagnostics and in
/// the evaluation. The same characters outside strings are errors.
#[test]
fn hidden_characters_are_reported_and_escaped() {
    let dir = scratch("trust", "hidden");
    twente(
        &dir,
        |p| {
            let p = replace_once(
                p,
                "plan mgt \"Mentaal Gezond Twente\" {",
                "plan mgt \"Mentaal \u{1b}[2J\u{7}Gezond \u{202e}Twente\" {",
            );
            replace_once(
            &p,
            "  rules overeenkomst-transformatieplan pinned",
            "  // note\u{2028}  period 2020-01-01 .. 2020-12-31\n  rules overeenkomst-transformatieplan pinned",
        )
        },
        same,
    );
    let check = mijlpaal(&dir, &["check", "--format", "json", "mgt.plan"]);
    let v: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let hidden: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "S009")
        .map(|d| {
            (
                d["severity"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("warning", "control character U+001B (escape) in a string"),
        ("warning", "control character U+0007 (bell) in a string"),
        (
            "warning",
            "bidirectional control U+202E (right-to-left override) in a string",
        ),
        (
            "warning",
            "invisible line break U+2028 (line separator) in a comment",
        ),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(s, m)| (s.to_string(), m.to_string()))
        .collect();
    assert_eq!(hidden, expected);
    assert!(!check.stdout.contains('\u{202e}'), "JSON escapes it");

    let human = mijlpaal(&dir, &["check", "mgt.plan"]);
    let eval = mijlpaal(&dir, &["evaluate", "mgt.plan", "--at", "2026-06-01"]);
    assert_eq!(eval.code, EXIT_OK, "{}", eval.stderr);
    for text in [&human.stderr, &eval.stdout, &eval.stderr] {
        assert!(
            !text.contains(['\u{1b}', '\u{7}', '\u{202e}', '\u{2028}']),
            "a raw control character reached the terminal:\n{text}"
        );
    }
    assert!(human.stderr.contains("\\u{202e}"), "{}", human.stderr);
    assert!(
        eval.stdout
            .starts_with("Mentaal \\u{1b}[2J\\u{7}Gezond \\u{202e}Twente (mgt)"),
        "{}",
        eval.stdout
    );

    // Outside strings and comments the same character is an error.
    write(dir.join("bad.plan"), "plan x \"X\" {\u{202e}\n}\n");
    let run = mijlpaal(&dir, &["check", "bad.plan"]);
    assert_eq!(run.code, EXIT_ERRORS, "{}", run.stderr);
    assert!(run.stderr.contains("S009"), "{}", run.stderr);
    assert!(
        run.stderr.contains("× bidirectional control U+202E"),
        "{}",
        run.stderr
    );
}

/// A byte-order mark at the start is accepted silently, with positions as
/// without it; one elsewhere is S010, named "byte-order mark".
#[test]
fn byte_order_marks() {
    let dir = scratch("trust", "bom");
    twente(&dir, same, same);
    let plain = read(dir.join("mgt.plan"));
    write(dir.join("bom.plan"), format!("\u{feff}{plain}"));
    let json = |file: &str| {
        let run = mijlpaal(&dir, &["check", "--format", "json", file]);
        let mut v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        for d in v["diagnostics"].as_array_mut().unwrap() {
            d["file"] = serde_json::Value::Null;
        }
        (run.code, v)
    };
    assert_eq!(
        json("bom.plan"),
        json("mgt.plan"),
        "the same findings at the same places"
    );

    let inner = replace_once(
        &plain,
        "  rules overeenkomst",
        "  // pasted \u{feff}\n  rules overeenkomst",
    );
    write(dir.join("inner.plan"), inner);
    let run = mijlpaal(&dir, &["check", "inner.plan"]);
    assert!(run.stderr.contains("S010"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("invisible character U+FEFF (byte-order mark) in a comment"),
        "{}",
        run.stderr
    );
}

// ----------------------------------------- 5. machine output stays valid

/// SARIF from files whose names hold a space, `#`, `%` and `ë` validates
/// against the SARIF 2.1.0 schema, and its URIs are percent-encoded RFC 3986
/// references.
#[test]
fn sarif_validates_against_the_schema() {
    let dir = scratch("trust", "sarif");
    let project = dir.join("plans #1 100% cliënt");
    twente(&project, same, same);
    std::fs::rename(project.join("mgt.plan"), project.join("mgt plan.plan")).unwrap();
    let run = mijlpaal(
        &dir,
        &[
            "check",
            "--format",
            "sarif",
            "plans #1 100% cliënt/mgt plan.plan",
        ],
    );
    assert_eq!(run.code, EXIT_ERRORS, "{}", run.stderr);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();

    let schema: serde_json::Value = serde_json::from_str(&read(
        common::root().join("tests/fixtures/sarif-schema-2.1.0.json"),
    ))
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // Draft 4 (the SARIF schema's draft) has no `uri-reference` format, so
    // the URIs are checked with a draft 7 one.
    let uri_reference = jsonschema::options()
        .should_validate_formats(true)
        .build(&serde_json::json!({
            "$schema": "http://json-schema.org/draft-07/schema#",
            "type": "string",
            "format": "uri-reference",
        }))
        .unwrap();
    assert!(!uri_reference.is_valid(&serde_json::json!("plans #1 100% cliënt/mgt plan.plan")));
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["locations"].as_array().unwrap())
        .map(|l| {
            l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(!uris.is_empty());
    for uri in &uris {
        assert!(uri_reference.is_valid(&serde_json::json!(uri)), "{uri}");
        assert_eq!(*uri, "plans%20%231%20100%25%20cli%C3%ABnt/mgt%20plan.plan");
    }
}
