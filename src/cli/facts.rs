//! `mijlpaal facts count EXPORT --plan PLAN --metric NAME --date-column COLUMN ...`:
//! counted facts from a registration export (`interop::forms`).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};

use mijlpaal::diagnostic::{Diagnostic, Severity};
use mijlpaal::interop::forms::{self, Every, Request};
use mijlpaal::project::{Loaded, Session};
use mijlpaal::{project, source, write};

use super::{exit_code, print_human, Common, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: FactsCommand,
}

#[derive(Subcommand, Debug)]
pub enum FactsCommand {
    /// Count the rows of a Forms export (.xlsx or .csv) per month, quarter or
    /// year into `counted` facts; only the counts leave the export.
    Count(CountArgs),
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum EveryArg {
    Month,
    Quarter,
    Year,
}

#[derive(clap::Args, Debug)]
pub struct CountArgs {
    /// The export: the .xlsx file Forms downloads, or a CSV file (UTF-8).
    pub export: PathBuf,
    /// The plan the facts are about; the metric must be one of its count metrics.
    #[arg(long)]
    pub plan: PathBuf,
    /// The count metric (`gesprekken`).
    #[arg(long)]
    pub metric: String,
    /// The header of the column holding each row's date (`Start time`).
    #[arg(long = "date-column", value_name = "COLUMN")]
    pub date_column: String,
    /// Count only rows whose COLUMN holds exactly VALUE; repeatable, all must hold.
    #[arg(long = "where", value_name = "COLUMN=VALUE", value_parser = filter)]
    pub filters: Vec<(String, String)>,
    /// The length of the periods counted.
    #[arg(long, value_enum, default_value_t = EveryArg::Quarter)]
    pub every: EveryArg,
    /// First day of the first period (default: the start of the plan's period).
    #[arg(long, value_parser = iso_date, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Last day of the last period (default: the last period over on --stated).
    #[arg(long, value_parser = iso_date, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// The date the counts are stated (known), the date of each fact.
    #[arg(long, value_parser = iso_date, value_name = "DATE")]
    pub stated: NaiveDate,
    /// Count without the rows whose date cannot be read; the output lists their cells.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Read dates with slashes day first (14/3/2026); by default month first (3/14/2026), as Forms writes them.
    #[arg(long)]
    pub day_first: bool,
    /// Write a new facts file (replacing it if it exists).
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        conflicts_with = "append"
    )]
    pub output: Option<PathBuf>,
    /// Add the facts to the block of an existing facts file of the plan.
    #[arg(long, value_name = "FILE")]
    pub append: Option<PathBuf>,
}

fn filter(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((c, v)) if !c.is_empty() => Ok((c.to_string(), v.to_string())),
        _ => Err(mijlpaal::tr!("cli-facts-not-a-filter", text = text)),
    }
}

fn iso_date(text: &str) -> Result<NaiveDate, String> {
    text.parse::<NaiveDate>()
        .map_err(|_| mijlpaal::tr!("cli-facts-not-a-date", text = text))
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    match args.command {
        FactsCommand::Count(a) => count(session, common, a),
    }
}

fn count(session: &mut Session, common: &Common, a: CountArgs) -> u8 {
    let plan = match session.load(&a.plan) {
        Some(Loaded::Plan(p)) => *p,
        Some(_) => {
            session.diagnostics.push(
                Diagnostic::error(
                    "I005",
                    mijlpaal::tr!("cli-not-a-plan", file = a.plan.display()),
                )
                .with_help(mijlpaal::tr!("cli-facts-give-plan")),
            );
            return finish(session, common, Vec::new());
        }
        None => return finish(session, common, Vec::new()),
    };
    if session.diagnostics.has_errors() {
        say!(
            "{}",
            mijlpaal::tr!("cli-facts-plan-has-errors", file = a.plan.display())
        );
        return finish(session, common, Vec::new());
    }
    let request = Request {
        export: &a.export,
        max_bytes: session.options.max_file_bytes,
        plan: &plan,
        metric: &a.metric,
        date_column: &a.date_column,
        filters: &a.filters,
        every: match a.every {
            EveryArg::Month => Every::Month,
            EveryArg::Quarter => Every::Quarter,
            EveryArg::Year => Every::Year,
        },
        from: a.from,
        to: a.to,
        stated: a.stated,
        skip_invalid: a.skip_invalid,
        day_first: a.day_first,
    };
    let outcome = forms::count(&request);
    let mut diags = outcome.diagnostics;
    let failed = diags.iter().any(|d| d.severity == Severity::Error);
    let Some(counted) = outcome.counted.filter(|_| !failed) else {
        return finish(session, common, diags);
    };
    let text = match &a.append {
        Some(path) => match source::load(path, session.options.max_file_bytes, None) {
            Ok(file) => forms::append(&file.text, &file.name, &counted, &plan),
            Err(d) => Err(d),
        },
        None => forms::new_file(&counted).map_err(|mut ds| {
            // The output is built by mijlpaal; failing to parse is a bug.
            ds.truncate(1);
            ds.pop().unwrap_or_else(|| {
                Diagnostic::error("F007", mijlpaal::tr!("cli-facts-counted-do-not-parse"))
            })
        }),
    };
    let text = match text {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return finish(session, common, diags);
        }
    };
    let target = a.append.as_ref().or(a.output.as_ref());
    let code = match target {
        Some(path) => match write::replace(path, &text, &project::project_root(path)) {
            Ok(()) => {
                let (count, metric, file) =
                    (counted.periods.len(), &counted.metric, path.display());
                let line = if a.append.is_some() {
                    mijlpaal::tr!(
                        "cli-facts-added-counts",
                        count = count,
                        metric = metric,
                        file = file
                    )
                } else {
                    mijlpaal::tr!(
                        "cli-facts-wrote-counts",
                        count = count,
                        metric = metric,
                        file = file
                    )
                };
                say!("{line}");
                EXIT_OK
            }
            Err(d) => {
                diags.push(d);
                EXIT_USAGE
            }
        },
        None => super::out(&text),
    };
    finish(session, common, diags).max(code)
}

/// Prints the diagnostics and picks the exit code: F006 (periods asked for
/// that are not whole, or not over) is a usage error.
fn finish(session: &mut Session, common: &Common, diags: Vec<Diagnostic>) -> u8 {
    session.diagnostics.extend(diags);
    let all: Vec<Diagnostic> = session.diagnostics.items.clone();
    print_human(session, &all, common);
    let usage = all
        .iter()
        .any(|d| d.severity == Severity::Error && d.code == "F006");
    let code = exit_code(&all, false);
    if usage {
        code.max(EXIT_USAGE)
    } else if code == EXIT_OK {
        EXIT_OK
    } else {
        code.max(EXIT_ERRORS)
    }
}
