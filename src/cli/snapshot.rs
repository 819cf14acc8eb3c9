//! `mijlpaal snapshot PLAN [--check]`: evaluates every scenario of a plan
//! (the `.facts` files in the directory named after it: plans/x.plan →
//! plans/x/) at the dates each names with `evaluate at`, and writes the
//! outputs beside them as `NAME.snapshot`. With `--check`, writes nothing
//! and fails with a readable diff when any output would change.

use std::path::{Path, PathBuf};

use mijlpaal::diagnostic::Diagnostic;
use mijlpaal::eval;
use mijlpaal::i18n::{self, Lang};
use mijlpaal::project::{self, Session};
use mijlpaal::{render, source, write};

use super::{exit_code, print_human, Common, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan whose scenarios to evaluate.
    pub plan: PathBuf,
    /// Change nothing; exit 1 with a diff when a snapshot is out of date.
    #[arg(long)]
    pub check: bool,
    #[command(flatten)]
    pub allow: super::AllowArgs,
}

fn scenarios(plan: &Path) -> Vec<PathBuf> {
    let dir = plan.with_extension("");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "facts"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The snapshot as it is now: empty if there is none yet; refused (I009)
/// when the target is a link or lies outside the project.
// A refusal ends the command; the size of its error is irrelevant.
#[allow(clippy::result_large_err)]
fn old_snapshot(target: &Path, root: &Path, max_bytes: u64) -> Result<String, Diagnostic> {
    write::check_target(target, root)?;
    if std::fs::symlink_metadata(target).is_err() {
        return Ok(String::new());
    }
    source::load(target, max_bytes, None).map(|f| f.text)
}

/// `make()` in English. A snapshot is a checked-in reference that `--check`
/// (and CI) compares byte for byte: its text must not depend on the
/// reader's language. The findings shown on stderr stay in the reader's.
fn in_english<T>(make: impl FnOnce() -> T) -> T {
    i18n::with_lang(Lang::En, make)
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    let files = scenarios(&args.plan);
    if files.is_empty() {
        say!(
            "{}",
            mijlpaal::tr!(
                "cli-snapshot-no-scenarios",
                plan = args.plan.display(),
                dir = args.plan.with_extension("").display()
            )
        );
        return EXIT_USAGE;
    }
    let root = project::project_root(&args.plan);
    let mut code = EXIT_OK;
    let mut gate_shown = false;
    for facts_path in files {
        let mut s = Session::new(session.options.clone());
        let Some(project) = s.load_project(&args.plan, std::slice::from_ref(&facts_path)) else {
            s.diagnostics.sort();
            let d = s.diagnostics.items.clone();
            print_human(&s, &d, common);
            return exit_code(&d, false).max(EXIT_ERRORS);
        };
        let load_errors = exit_code(&s.diagnostics.items, false);
        let (Some(rules), Some(facts), EXIT_OK) =
            (project.rules.as_ref(), project.facts.first(), load_errors)
        else {
            let d = s.diagnostics.items.clone();
            print_human(&s, &d, common);
            return load_errors.max(EXIT_ERRORS);
        };
        let gate = s.gate(&project, args.allow.allow());
        // The plan and rules are the same for every scenario: shown once.
        if !gate_shown {
            print_human(&s, &gate.diagnostics, common);
            gate_shown = true;
        }
        if gate.stop {
            say!(
                "{}",
                mijlpaal::tr!("cli-snapshot-not-snapshotted", facts = facts_path.display())
            );
            return EXIT_ERRORS;
        }
        let stem = facts_path
            .file_stem()
            .map(|x| x.to_string_lossy().to_string())
            .unwrap_or_default();
        // File names only: the scenario lies beside its snapshot, in the
        // directory named after the plan, so the header does not depend on
        // the directory the command was run from.
        let name = |p: &Path| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let mut content = in_english(|| {
            format!(
                "// mijlpaal snapshot of {} with {}\n{}",
                name(&args.plan),
                name(&facts_path),
                gate.notice("// ")
            )
        });
        if facts.evaluate_at.is_empty() {
            say!(
                "{}",
                mijlpaal::tr!("cli-snapshot-no-dates", facts = facts_path.display())
            );
        }
        for at in &facts.evaluate_at {
            let evaluate = || {
                eval::evaluate(
                    &project.plan,
                    rules,
                    &project.facts,
                    &eval::Options {
                        at: *at,
                        horizon_days: 90,
                        overrides: Default::default(),
                        party_lines: mijlpaal::eval::PartyLines::None,
                        trace: true,
                    },
                )
            };
            // The texts of an evaluation are written while it is made.
            let e = in_english(evaluate);
            let findings = match i18n::lang() {
                Lang::En => e.diagnostics.clone(),
                _ => evaluate().diagnostics,
            };
            // Facts after the date are the point of a timeline scenario: only real problems are shown.
            let shown: Vec<_> = findings
                .iter()
                .filter(|d| d.code != "E001")
                .cloned()
                .collect();
            print_human(&s, &shown, common);
            content.push_str(&format!("\n== {stem} at {at} ==\n\n"));
            content.push_str(&in_english(|| render::evaluation::text(&e, &project.plan)));
        }
        // Snapshots hold rendered text: escaped as `evaluate` shows it.
        let content = render::escape::text(&content).into_owned();
        let target = facts_path.with_extension("snapshot");
        // The old snapshot is read (and shown in a diff) only when it is a
        // regular file inside the project: never through a link.
        let old = match old_snapshot(&target, &root, s.options.max_file_bytes) {
            Ok(old) => old,
            Err(d) => {
                print_human(&s, &[d], common);
                return EXIT_USAGE;
            }
        };
        if old == content {
            continue;
        }
        if args.check {
            let name = target.display().to_string();
            let now = mijlpaal::tr!("cli-snapshot-now-label");
            let written = super::out(&super::fmt::unified(&name, &old, &content, &now));
            say!(
                "{}",
                mijlpaal::tr!(
                    "cli-snapshot-out-of-date",
                    file = name,
                    plan = args.plan.display()
                )
            );
            code = code.max(EXIT_ERRORS).max(written);
        } else if let Err(d) = write::replace(&target, &content, &root) {
            print_human(&s, &[d], common);
            code = EXIT_USAGE;
        } else {
            say!("{}", mijlpaal::tr!("cli-wrote", file = target.display()));
        }
    }
    code
}
