//! A milestone's status today, for hover: under the facts of the facts file
//! being edited, or, in a plan, under each scenario beside it (the
//! convention of `snapshot`: `plans/NAME/*.facts` beside `plans/NAME.plan`).
//!
//! Computed once per analysis, for every milestone, on the first hover.
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

/// The hover's status part when nothing could be evaluated.
fn not_evaluated() -> String {
    format!("\n{}\n", crate::tr!("lsp-status-not-evaluated"))
}

/// Every milestone's status today under each set of facts, computed once
/// per analysis (the first hover on a milestone) and kept with it.
#[derive(Debug)]
pub struct Statuses {
    at: NaiveDate,
    /// Per scenario (or the facts file itself): its name and each
    /// milestone's status and reason; `None` when its facts have errors.
    columns: Vec<(String, Option<Column>)>,
}

/// Each milestone's status word and reason, by number.
type Column = BTreeMap<u32, (String, String)>;

/// In a facts file: `- status at DATE (these facts): **STATUS**: reason`.
pub fn under_own_facts(analysis: &Analysis, number: &str) -> Option<String> {
    let statuses = computed_once(analysis, |plan, rules, facts, at| {
        vec![(String::new(), Some(statuses(plan, rules, facts, at)))]
    });
    let Some(statuses) = statuses else {
        return Some(not_evaluated());
    };
    let no: u32 = number.parse().ok()?;
    let (_, column) = statuses.columns.first()?;
    let (status, reason) = column.as_ref()?.get(&no)?;
    Some(format!(
        "\n{}\n",
        crate::tr!(
            "lsp-status-own-facts",
            date = statuses.at,
            status = status,
            reason = reason
        )
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
    let scenarios = scenario_files(plan_path);
    if scenarios.is_empty() {
        return None;
    }
    let statuses = computed_once(analysis, |plan, rules, _, at| {
        scenarios
            .iter()
            .map(|path| {
                let name = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let column = facts_of(path, plan, overlay, options)
                    .map(|facts| statuses(plan, rules, &[facts], at));
                (name, column)
            })
            .collect()
    });
    let Some(statuses) = statuses else {
        return Some(not_evaluated());
    };
    let no: u32 = number.parse().ok()?;
    let mut out = format!(
        "\n{}\n",
        crate::tr!("lsp-status-scenarios", date = statuses.at)
    );
    for (name, column) in &statuses.columns {
        match column {
            Some(column) => {
                if let Some((status, reason)) = column.get(&no) {
                    out.push_str(&format!("  - `{name}`: **{status}**: {reason}\n"));
                }
            }
            None => out.push_str(&format!(
                "  - `{name}`: {}\n",
                crate::tr!("lsp-status-facts-have-errors")
            )),
        }
    }
    Some(out)
}

/// The analysis's statuses, computed on the first call by `columns` (from
/// the plan, its rule set, the analysed facts and today); `None` when the
/// project cannot be evaluated.
fn computed_once(
    analysis: &Analysis,
    columns: impl FnOnce(&Plan, &RuleSet, &[Facts], NaiveDate) -> Vec<(String, Option<Column>)>,
) -> Option<&Statuses> {
    analysis
        .statuses
        .get_or_init(|| {
            let project = analysis.project()?;
            let rules = project.rules.as_ref()?;
            if stopped(analysis) {
                return None;
            }
            let at = today()?;
            let columns = columns(&project.plan, rules, &project.facts, at);
            Some(Statuses { at, columns })
        })
        .as_ref()
}

/// `plans/NAME/*.facts` for `plans/NAME.plan`, sorted, at most
/// [`MAX_SCENARIOS`].
pub(super) fn scenario_files(plan_path: &Path) -> Vec<PathBuf> {
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

/// Every milestone's status and its reason at `at`.
fn statuses(plan: &Plan, rules: &RuleSet, facts: &[Facts], at: NaiveDate) -> Column {
    let options = crate::eval::Options {
        at,
        horizon_days: 0,
        overrides: Default::default(),
        party_lines: crate::eval::PartyLines::None,
        trace: true,
    };
    let evaluation = crate::eval::evaluate(plan, rules, facts, &options);
    evaluation
        .milestones
        .into_iter()
        .map(|m| (m.number.0, (m.status.word(), m.reason)))
        .collect()
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
