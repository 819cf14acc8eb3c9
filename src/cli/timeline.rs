//! `mijlpaal timeline PLAN --facts F... --from DATE --to DATE --every
//! month|quarter|year [--party ID] [--format text|json|csv] [-o FILE]`:
//! the money per party and stream at every period end from `--from` to
//! `--to`, the series a chart of money over time needs. Loads and gates
//! as `evaluate` does (`evaluate::run_scenario`, evaluating at the last
//! period end), then the other dates with `eval::timeline::columns`,
//! which recomputes at each date only the milestones whose result can have
//! changed since the date before. Each date's figures are exactly those of
//! `evaluate --at` that date. Diagnostics:
//! the last date's, and any error of an earlier date it does not have.

use std::collections::HashSet;
use std::path::PathBuf;

use chrono::{Datelike, Months, NaiveDate};

use mijlpaal::eval;
use mijlpaal::project::Session;
use mijlpaal::render::{self, timeline::Row};

use super::evaluate::{self as evaluate_cli, Evaluated, Scenario};
use mijlpaal::diagnostic::Diagnostic;

use super::{exit_code, print_human, Common};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The plan file; its rule set is found from its `rules` statement.
    pub plan: PathBuf,
    /// Facts files (measurements, assessments, decisions, payments).
    #[arg(long = "facts", value_name = "FILE")]
    pub facts: Vec<PathBuf>,
    /// The first day of the timeline (YYYY-MM-DD, or `today`).
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// The last day of the timeline (YYYY-MM-DD, or `today`).
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// The period: the timeline has each period end from --from to --to.
    #[arg(long, value_enum)]
    pub every: Every,
    /// Show one party only.
    #[arg(long, value_name = "PARTY")]
    pub party: Option<String>,
    /// The output: text, json or csv.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the output to FILE (replaced by rename, never through a link) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub allow: super::AllowArgs,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    Month,
    Quarter,
    Year,
}

impl Every {
    fn months(self) -> u32 {
        match self {
            Every::Month => 1,
            Every::Quarter => 3,
            Every::Year => 12,
        }
    }
    fn name(self) -> &'static str {
        match self {
            Every::Month => "month",
            Every::Quarter => "quarter",
            Every::Year => "year",
        }
    }
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
}

/// The most dates of one timeline (a hundred years of month ends).
pub const MAX_DATES: usize = 1200;

/// The first day of the calendar period (month, quarter, year) holding `d`.
fn period_start(d: NaiveDate, every: Every) -> Option<NaiveDate> {
    let month0 = d.month0();
    let first = month0.checked_sub(month0.checked_rem(every.months())?)?;
    NaiveDate::from_ymd_opt(d.year(), first.checked_add(1)?, 1)
}

/// The end of every whole calendar period that ends from `from` to `to`,
/// at most [`MAX_DATES`] of them.
pub fn period_ends(from: NaiveDate, to: NaiveDate, every: Every) -> Result<Vec<NaiveDate>, String> {
    if to < from {
        return Err(mijlpaal::tr!(
            "cli-timeline-to-before-from",
            to = to,
            from = from
        ));
    }
    let step = Months::new(every.months());
    let mut dates = Vec::new();
    let mut start = period_start(from, every);
    while let Some(s) = start {
        let Some(next) = s.checked_add_months(step) else {
            break;
        };
        let Some(end) = next.pred_opt() else { break };
        if end > to {
            break;
        }
        if dates.len() >= MAX_DATES {
            return Err(mijlpaal::tr!(
                "cli-timeline-too-many-dates",
                from = from,
                to = to,
                every = every.name(),
                max = MAX_DATES
            ));
        }
        dates.push(end);
        start = Some(next);
    }
    if dates.is_empty() {
        return Err(mijlpaal::tr!(
            "cli-timeline-empty",
            every = every.name(),
            from = from,
            to = to
        ));
    }
    Ok(dates)
}

fn date(flag: &str, text: &str) -> Result<NaiveDate, String> {
    super::evaluation_date(text).map_err(|e| format!("{flag} {e}"))
}

/// The dates of the timeline, from the flags: a usage error when wrong.
fn dates(args: &Args) -> Result<Vec<NaiveDate>, String> {
    let from = date("--from", &args.from)?;
    let to = date("--to", &args.to)?;
    period_ends(from, to, args.every)
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    let dates = match dates(&args) {
        Ok(d) => d,
        Err(message) => return evaluate_cli::usage(message),
    };
    let Some((&last, earlier)) = dates.split_last() else {
        return evaluate_cli::usage(mijlpaal::tr!("cli-timeline-no-dates"));
    };
    // The gate, and the evaluation at the last date, as `evaluate` has them.
    let s = Scenario {
        plan: args.plan.clone(),
        facts: args.facts.clone(),
        at: last.to_string(),
        achieved: None,
        missed: None,
        partial: Vec::new(),
        allow: args.allow,
    };
    if let Some(target) = &args.output {
        if let Err(message) = evaluate_cli::output_not_input(target, &s) {
            return evaluate_cli::usage(message);
        }
    }
    let Evaluated {
        project,
        evaluation: e,
        notice,
        rules,
        options,
        ..
    } = match evaluate_cli::run_scenario(session, common, &s, 0, eval::PartyLines::None, false) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let plan = &project.plan;
    let party = args.party.as_deref();
    if let Some(id) = party {
        if !e.parties.iter().any(|p| p.id == id) {
            return evaluate_cli::usage(evaluate_cli::no_such_party(plan, id));
        }
    }
    let mut rows: Vec<Row> = Vec::with_capacity(dates.len());
    // The last date's diagnostics were shown by `run_scenario`; an error at
    // an earlier date that the last one does not have is shown too, once,
    // and counts in the exit code.
    // Looked up in sets: a facts file with thousands of errors made these
    // lookups quadratic (half of a 100 000-milestone timeline).
    let mut earlier_errors: Vec<Diagnostic> = Vec::new();
    let mut known: HashSet<Diagnostic> = e.diagnostics.iter().cloned().collect();
    eval::timeline::columns(plan, &rules, &project.facts, earlier, &options, |x| {
        for d in &x.errors {
            if !known.contains(d) {
                known.insert(d.clone());
                earlier_errors.push(d.clone());
            }
        }
        rows.push(Row::of_columns(&x, party));
    });
    rows.push(Row::of(&e, party));
    print_human(session, &earlier_errors, common);
    let text = |t: String| render::escape::text(&t).into_owned().into_bytes();
    let with_notice = |prefix: &str, t: String| -> String {
        let lines: String = notice.lines().map(|l| format!("{prefix}{l}\n")).collect();
        lines + &t
    };
    let bytes = match args.format {
        Format::Text => text(with_notice("", render::timeline::text(&rows))),
        Format::Csv => text(with_notice("# ", render::timeline::csv(&rows))),
        Format::Json => {
            let head = render::timeline::Head {
                plan: plan.id.as_str(),
                from: date("--from", &args.from).unwrap_or(last),
                to: date("--to", &args.to).unwrap_or(last),
                every: args.every.name(),
                party,
                notice: &notice,
            };
            let mut out = Vec::new();
            if let Err(err) = render::timeline::json(&rows, &head, &mut out) {
                say!("{}", mijlpaal::tr!("cli-json-not-written", reason = err));
                return super::EXIT_USAGE;
            }
            let t = String::from_utf8_lossy(&out);
            render::escape::json(&t).into_owned().into_bytes()
        }
    };
    let written = match &args.output {
        None => super::out_bytes(&bytes),
        Some(target) => evaluate_cli::write_output(session, common, target, &s.plan, &bytes),
    };
    exit_code(&e.diagnostics, false)
        .max(exit_code(&earlier_errors, false))
        .max(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn whole_periods_from_to() {
        assert_eq!(
            period_ends(d("2025-01-15"), d("2025-04-30"), Every::Month).unwrap(),
            vec![
                d("2025-01-31"),
                d("2025-02-28"),
                d("2025-03-31"),
                d("2025-04-30")
            ]
        );
        assert_eq!(
            period_ends(d("2025-02-01"), d("2025-12-30"), Every::Quarter).unwrap(),
            vec![d("2025-03-31"), d("2025-06-30"), d("2025-09-30")]
        );
        assert_eq!(
            period_ends(d("2024-02-29"), d("2028-12-31"), Every::Year).unwrap(),
            vec![
                d("2024-12-31"),
                d("2025-12-31"),
                d("2026-12-31"),
                d("2027-12-31"),
                d("2028-12-31")
            ]
        );
        assert_eq!(
            period_ends(d("2028-02-01"), d("2028-02-29"), Every::Month).unwrap(),
            vec![d("2028-02-29")]
        );
        assert!(period_ends(d("2025-01-02"), d("2025-01-30"), Every::Month).is_err());
        assert!(period_ends(d("2025-01-02"), d("2024-01-30"), Every::Month).is_err());
        assert_eq!(
            period_ends(d("1900-01-01"), d("1999-12-31"), Every::Month)
                .unwrap()
                .len(),
            MAX_DATES
        );
        assert!(period_ends(d("1900-01-01"), d("2000-01-31"), Every::Month).is_err());
        assert!(period_ends(NaiveDate::MAX, NaiveDate::MAX, Every::Year).is_err());
    }
}
