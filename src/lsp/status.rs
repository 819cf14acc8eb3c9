//! A milestone's status today, for hover: under the facts of the facts file
//! being edited, or, in a plan, under each scenario beside it (the
//! convention of `snapshot`: `plans/NAME/*.facts` beside `plans/NAME.plan`).
//!
//! Evaluated only when nothing stops an evaluation (`Session::gate`'s
//! errors: C901 and `check::GATES_EVALUATION`), nor any error of reading or
//! lowering: then the hover says it was not evaluated.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lsp_types::{DiagnosticSeverity, NumberOrString};

use crate::diagnostic::Severity;
use crate::model::{Facts, Plan, RuleSet};
use crate::project::{Options, Session};

use super::analysis::Analysis;

/// Most scenarios read for one hover.
const MAX_SCENARIOS: usize = 20;

const NOT_EVALUATED: &str = "\n(status not evaluated: the plan, rules or facts have errors)\n";

/// In a facts file: `- status at DATE (these facts): **STATUS**: reason`.
pub fn under_own_facts(analysis: &Analysis, number: &str) -> Option<String> {
    let project = analysis.project()?;
    let rules = project.rules.as_ref()?;
    if stopped(analysis) {
        return Some(NOT_EVALUATED.to_string());
    }
    let at = today()?;
    let (status, reason) = status(&project.plan, rules, &project.facts, at, number)?;
    Some(format!(
        "\n- status at {at} (these facts): **{status}**: {reason}\n"
    ))
}

/// In a plan: the status under each scenario beside it, one line each.
pub fn under_scenarios(
    analysis: &Analysis,
    plan_path: &Path,
    number: &str,
    overlay: &BTreeMap<PathBuf, String>,
    options: &Options,
) -> Option<String> {
    let project = analysis.project()?;
    let rules = project.rules.as_ref()?;
    let scenarios = scenario_files(plan_path);
    if scenarios.is_empty() {
        return None;
    }
    if stopped(analysis) {
        return Some(NOT_EVALUATED.to_string());
    }
    let at = today()?;
    let mut out = format!("\n- status at {at} under the scenarios beside the plan:\n");
    for path in scenarios {
        let name = path.file_stem()?.to_string_lossy().into_owned();
        let line = match facts_of(&path, &project.plan, overlay, options) {
            Some(facts) => match status(&project.plan, rules, &[facts], at, number) {
                Some((status, reason)) => format!("  - `{name}`: **{status}**: {reason}\n"),
                None => continue,
            },
            None => format!("  - `{name}`: (its facts have errors)\n"),
        };
        out.push_str(&line);
    }
    Some(out)
}

/// `plans/NAME/*.facts` for `plans/NAME.plan`, sorted, at most
/// [`MAX_SCENARIOS`].
fn scenario_files(plan_path: &Path) -> Vec<PathBuf> {
    let dir = plan_path.with_extension("");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "facts"))
        .take(MAX_SCENARIOS.saturating_mul(4))
        .collect();
    files.sort();
    files.truncate(MAX_SCENARIOS);
    files
}

/// A facts file lowered against the plan; `None` on any error.
fn facts_of(
    path: &Path,
    plan: &Plan,
    overlay: &BTreeMap<PathBuf, String>,
    options: &Options,
) -> Option<Facts> {
    let mut session = Session::new(options.clone());
    session.overlay = overlay.clone();
    let facts = session.load_facts(path, plan)?;
    let clean = !session
        .diagnostics
        .items
        .iter()
        .any(|d| d.severity == Severity::Error);
    clean.then_some(facts)
}

/// Whether the analysis found an error that stops an evaluation.
fn stopped(analysis: &Analysis) -> bool {
    analysis.diagnostics.values().flatten().any(|p| {
        let code = match &p.diagnostic.code {
            Some(NumberOrString::String(c)) => c.as_str(),
            _ => "",
        };
        p.diagnostic.severity == Some(DiagnosticSeverity::ERROR)
            && (code == "C901"
                || crate::check::GATES_EVALUATION.contains(&code)
                || !code.starts_with('C'))
    })
}

/// Milestone `number`'s status and its reason at `at`.
fn status(
    plan: &Plan,
    rules: &RuleSet,
    facts: &[Facts],
    at: NaiveDate,
    number: &str,
) -> Option<(&'static str, String)> {
    let options = crate::eval::Options {
        at,
        horizon_days: 0,
        overrides: Default::default(),
        party_lines: false,
    };
    let evaluation = crate::eval::evaluate(plan, rules, facts, &options);
    let no: u32 = number.parse().ok()?;
    let m = evaluation.milestones.iter().find(|m| m.number.0 == no)?;
    Some((m.status.as_str(), m.reason.clone()))
}

/// Today in UTC, as `--at today` reads it.
fn today() -> Option<NaiveDate> {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs()
        / 86_400;
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(chrono::Days::new(days))
}
