//! `mijlpaal diff OLD NEW [--facts F]... [--at DATE]`

use std::path::PathBuf;

use mijlpaal::diff::{self, Version};
use mijlpaal::project::{Loaded, Session};
use mijlpaal::render;

use super::{exit_code, print_human, Common, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The old version: a plan (or a rule set).
    pub old: PathBuf,
    /// The new version: a plan (or a rule set).
    pub new: PathBuf,
    /// Facts to evaluate both versions with (lowered against each).
    #[arg(long = "facts", value_name = "FILE")]
    pub facts: Vec<PathBuf>,
    /// The date to evaluate both versions at, with the facts.
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Days ahead over which obligations are compared.
    #[arg(long, default_value_t = 90, value_parser = crate::cli::horizon_days)]
    pub horizon: u32,
    /// Exit 1 when the versions differ (for scripts).
    #[arg(long)]
    pub exit_code: bool,
    #[command(flatten)]
    pub allow: super::AllowArgs,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    let at = match args.at.as_deref().map(super::evaluation_date).transpose() {
        Ok(a) => a,
        Err(e) => {
            say!(
                "{}",
                mijlpaal::tr!("cli-error", message = format!("--at {e}"))
            );
            return EXIT_USAGE;
        }
    };
    // Two rule sets: compare their clauses only.
    if let (Some(Loaded::Rules(a)), Some(Loaded::Rules(b))) =
        (peek(session, &args.old), peek(session, &args.new))
    {
        let code = exit_code(&session.diagnostics.items, false);
        if code != EXIT_OK {
            let diags = session.diagnostics.items.clone();
            print_human(session, &diags, common);
            return code;
        }
        let d = diff::PlanDiff {
            rules: diff::rules(Some(&a), Some(&b)),
            ..Default::default()
        };
        return finish(session, common, &args, &d, "");
    }
    session.diagnostics.items.clear();
    let old = session.load_project(&args.old, &args.facts);
    let new = session.load_project(&args.new, &args.facts);
    session.diagnostics.sort();
    let diags = session.diagnostics.items.clone();
    let code = exit_code(&diags, false);
    let (Some(old), Some(new)) = (old, new) else {
        print_human(session, &diags, common);
        return code.max(EXIT_ERRORS);
    };
    if code != EXIT_OK {
        print_human(session, &diags, common);
        return code;
    }
    // Both versions pass the gate: a diff shows money, and money under a
    // rule set nobody agreed to, or from a plan that overpays, is not shown.
    let (gate_old, gate_new) = (
        session.gate(&old, args.allow.allow()),
        session.gate(&new, args.allow.allow()),
    );
    if gate_old.stop || gate_new.stop {
        let mut shown = gate_old.diagnostics;
        shown.extend(gate_new.diagnostics);
        print_human(session, &shown, common);
        say!("{}", mijlpaal::tr!("cli-diff-not-compared"));
        return EXIT_ERRORS;
    }
    let mut notice = gate_old.notice("");
    notice.push_str(&gate_new.notice(""));
    let mut gate_diags = gate_old.diagnostics;
    gate_diags.extend(gate_new.diagnostics);
    session.diagnostics.extend(gate_diags);
    let vo = Version {
        plan: &old.plan,
        rules: old.rules.as_ref(),
        facts: &old.facts,
    };
    let vn = Version {
        plan: &new.plan,
        rules: new.rules.as_ref(),
        facts: &new.facts,
    };
    let d = diff::diff(&vo, &vn, at, args.horizon);
    finish(session, common, &args, &d, &notice)
}

fn peek(session: &mut Session, path: &std::path::Path) -> Option<Loaded> {
    session.load(path)
}

/// Prints the diff; `notice` (the gate's overrides, if any) opens it.
fn finish(session: &Session, common: &Common, args: &Args, d: &diff::PlanDiff, notice: &str) -> u8 {
    let diags = session.diagnostics.items.clone();
    print_human(session, &diags, common);
    let written = match args.format {
        DiffFormat::Text => super::out(&(notice.to_string() + &render::diff::text(d))),
        DiffFormat::Json => {
            let mut v = render::diff::json(d);
            if let (false, Some(map)) = (notice.is_empty(), v.as_object_mut()) {
                map.insert(
                    "overridden".to_string(),
                    notice.lines().collect::<Vec<_>>().into(),
                );
            }
            super::out_json(
                &serde_json::to_string_pretty(&v)
                    .map(|s| s + "\n")
                    .unwrap_or_default(),
            )
        }
        DiffFormat::Markdown => {
            let quoted: String = notice.lines().map(|l| format!("> {l}\n\n")).collect();
            super::out(
                &(quoted
                    + &render::diff::markdown(
                        d,
                        &args.old.display().to_string(),
                        &args.new.display().to_string(),
                    )),
            )
        }
    };
    if written != EXIT_OK {
        written
    } else if args.exit_code && !d.is_empty() {
        EXIT_ERRORS
    } else {
        EXIT_OK
    }
}
