//! `mijlpaal report PLAN --facts F... --at DATE [--party ID] -o REPORT.html`:
//! one self-contained HTML page for a council (`render::report`). Loads and
//! gates as `evaluate` does (`evaluate::run_scenario`), evaluates at each
//! month end from the plan period's start for the chart (in one pass,
//! `eval::timeline::columns`), and writes
//! through `write::replace` as `evaluate -o` does.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use mijlpaal::diagnostic::Diagnostics;
use mijlpaal::eval;
use mijlpaal::project::Session;
use mijlpaal::render::report::{self, Point};

use super::evaluate::{self as evaluate_cli, Evaluated, Scenario};
use super::{exit_code, Common};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub scenario: Scenario,
    /// Days ahead for which obligations are listed.
    #[arg(long, default_value_t = 90, value_parser = crate::cli::horizon_days)]
    pub horizon: u32,
    /// Show one party only: its money and its obligations.
    #[arg(long, value_name = "PARTY")]
    pub party: Option<String>,
    /// The HTML file to write (replaced by rename, never through a link). Required:
    /// a page of HTML is not for a terminal.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The most month ends drawn; a longer period is drawn at a coarser step.
const MAX_POINTS: usize = 240;

/// The last day of the month of `d`.
fn month_end(d: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = if d.month() == 12 {
        (d.year().checked_add(1)?, 1)
    } else {
        (d.year(), d.month().checked_add(1)?)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// The dates of the chart: each month end from `from` up to `at`, and `at`.
fn chart_dates(from: NaiveDate, at: NaiveDate) -> Vec<NaiveDate> {
    let mut dates = Vec::new();
    let mut d = month_end(from);
    while let Some(end) = d.filter(|e| *e < at) {
        dates.push(end);
        d = end.succ_opt().and_then(month_end);
    }
    let step = dates.len().div_ceil(MAX_POINTS).max(1);
    // Keep the latest month ends when thinning a long period.
    let skip = dates.len().saturating_sub(1).checked_rem(step).unwrap_or(0);
    let mut kept: Vec<NaiveDate> = dates.into_iter().skip(skip).step_by(step).collect();
    kept.push(at);
    kept
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    let Some(target) = &args.output else {
        return evaluate_cli::usage(mijlpaal::tr!("cli-report-needs-output"));
    };
    if let Err(message) = evaluate_cli::output_not_input(target, &args.scenario) {
        return evaluate_cli::usage(message);
    }
    let s = &args.scenario;
    let Evaluated {
        project,
        evaluation: e,
        notice,
        rules,
        options,
        loaded,
    } = match evaluate_cli::run_scenario(
        session,
        common,
        s,
        args.horizon,
        mijlpaal::eval::PartyLines::None,
        true,
    ) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let plan = &project.plan;
    if let Some(id) = args.party.as_deref() {
        if !e.parties.iter().any(|p| p.id == id) {
            return evaluate_cli::usage(evaluate_cli::no_such_party(plan, id));
        }
    }
    // Money over time: the same evaluation at each month end before `--at`.
    let from = plan
        .period
        .as_ref()
        .map(|p| p.from)
        .or_else(|| e.milestones.iter().filter_map(|m| m.due).min())
        .unwrap_or(e.at)
        .min(e.at);
    // The dates before `--at` in one pass (`eval::timeline::columns`, which
    // recomputes only what changed between dates: each is exactly
    // `evaluate` at it), then `--at` itself, evaluated already.
    let dates = chart_dates(from, e.at);
    let earlier: Vec<chrono::NaiveDate> = dates.into_iter().filter(|d| *d != e.at).collect();
    let mut series: Vec<Point> = Vec::with_capacity(earlier.len().saturating_add(1));
    eval::timeline::columns(plan, &rules, &project.facts, &earlier, &options, |x| {
        series.push(point(&x));
    });
    series.push(Point::of(&e));
    // The findings as `check` gives them (every severity, gate errors as
    // errors: the notice on top says what was overridden), and the
    // evaluation's.
    let mut findings = Diagnostics { items: loaded };
    findings.extend(mijlpaal::check::run_all(plan, Some(&rules), &project.facts));
    findings.extend(e.diagnostics.iter().cloned());
    findings.sort();
    let plan_at = plan.as_of(e.at);
    let input = report::Input {
        plan,
        plan_at: &plan_at,
        evaluation: &e,
        series: &series,
        findings: &findings.items,
        sources: &session.sources,
        notice: &notice,
        party: args.party.as_deref(),
        texts: &report::Texts::current(),
    };
    let page = report::report(&input);
    let written = evaluate_cli::write_output(session, common, target, &s.plan, page.as_bytes());
    exit_code(&e.diagnostics, false).max(written)
}

/// The chart's point of one date of the timeline: its milestone totals of
/// the chart's columns, as [`Point::of`] sums them from an evaluation.
fn point(x: &eval::timeline::Columns<'_>) -> Point {
    let total = |c: eval::Column, s: &mijlpaal::model::StreamId| {
        x.totals
            .iter()
            .find(|(k, _)| *k == c)
            .and_then(|(_, per)| per.iter().find(|(t, _)| t == s))
            .and_then(|(_, m)| *m)
    };
    Point {
        at: x.at,
        streams: x
            .streams
            .iter()
            .map(|s| (s.clone(), report::CHART_COLUMNS.map(|c| total(c, s))))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn month_ends_up_to_the_date() {
        assert_eq!(
            chart_dates(d("2025-01-01"), d("2025-03-15")),
            vec![d("2025-01-31"), d("2025-02-28"), d("2025-03-15")]
        );
        assert_eq!(
            chart_dates(d("2025-11-05"), d("2026-01-31")),
            vec![d("2025-11-30"), d("2025-12-31"), d("2026-01-31")]
        );
        assert_eq!(
            chart_dates(d("2025-01-01"), d("2025-01-01")),
            vec![d("2025-01-01")]
        );
        assert!(chart_dates(d("1900-01-01"), d("2100-01-01")).len() <= MAX_POINTS + 1);
    }
}
