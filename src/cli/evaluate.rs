//! `mijlpaal evaluate PLAN --facts F... --at DATE` and
//! `mijlpaal explain-milestone PLAN N --facts F... --at DATE`.

use std::path::PathBuf;

use chrono::NaiveDate;

use mijlpaal::diagnostic::Diagnostic;
use mijlpaal::eval::{self, overrides, Evaluation, Overrides};
use mijlpaal::model::{MilestoneNo, Plan};
use mijlpaal::project::{self, Project, Session};
use mijlpaal::render::{self, ledger::Dialect, ledger::Kind};
use mijlpaal::write;

use super::{exit_code, print_human, Common, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

#[derive(clap::Args, Debug)]
pub struct Scenario {
    /// The plan file; its rule set is found from its `rules` statement.
    pub plan: PathBuf,
    /// Facts files (measurements, assessments, decisions, payments).
    #[arg(long = "facts", value_name = "FILE")]
    pub facts: Vec<PathBuf>,
    /// The evaluation date (YYYY-MM-DD, or `today`): facts dated later are ignored.
    #[arg(long, value_name = "DATE")]
    pub at: String,
    /// What-if: treat these milestones as achieved (numbers, ranges like 13-15, or `all`).
    #[arg(long, value_name = "LIST")]
    pub achieved: Option<String>,
    /// What-if: treat these milestones as not achieved.
    #[arg(long, value_name = "LIST")]
    pub missed: Option<String>,
    /// What-if: a partial payout, as N=60% (repeatable).
    #[arg(long, value_name = "N=PCT")]
    pub partial: Vec<String>,
    #[command(flatten)]
    pub allow: super::AllowArgs,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub scenario: Scenario,
    /// Days ahead for which obligations are listed.
    #[arg(long, default_value_t = 90, value_parser = crate::cli::horizon_days)]
    pub horizon: u32,
    /// The output: text, json, csv (one table) or xlsx (a workbook of every table; needs -o).
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Show one party: its money in total and per milestone, and its obligations.
    #[arg(long, value_name = "PARTY")]
    pub party: Option<String>,
    /// With --format csv: which table (default: milestones).
    #[arg(long, value_enum)]
    pub table: Option<Table>,
    /// With --format csv: `excel-nl` for Dutch Excel (byte-order mark, `;`, decimal comma).
    #[arg(long, value_enum, value_name = "DIALECT")]
    pub csv_dialect: Option<CsvDialect>,
    /// Write the output to FILE (replaced by rename, never through a link) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub scenario: Scenario,
    /// The milestone number.
    pub number: u32,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvalFormat {
    Text,
    Json,
    Csv,
    Xlsx,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// `,` and a decimal point, for programs (the default).
    Plain,
    /// For Dutch Excel: UTF-8 byte-order mark, `;`, decimal comma, ISO dates.
    ExcelNl,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Milestones,
    Parties,
    Obligations,
}

pub(super) fn usage(message: String) -> u8 {
    say!("{}", mijlpaal::tr!("cli-error", message = message));
    EXIT_USAGE
}

fn parse_at(text: &str) -> Result<NaiveDate, String> {
    super::evaluation_date(text).map_err(|e| format!("--at {e}"))
}

fn overrides(
    plan: &Plan,
    achieved: &Option<String>,
    missed: &Option<String>,
    partial: &[String],
) -> Result<Overrides, String> {
    let mut o = Overrides::default();
    if let Some(l) = achieved {
        o.achieved = overrides::parse_list(l, plan).map_err(|e| format!("--achieved: {e}"))?;
    }
    if let Some(l) = missed {
        o.missed = overrides::parse_list(l, plan).map_err(|e| format!("--missed: {e}"))?;
    }
    for p in partial {
        for (m, pct) in overrides::parse_partial(p, plan).map_err(|e| format!("--partial: {e}"))? {
            o.partial.insert(m, pct);
        }
    }
    if let Some(both) = o.achieved.iter().find(|m| o.missed.contains(m)) {
        return Err(mijlpaal::tr!("cli-achieved-and-missed", milestone = both));
    }
    Ok(o)
}

/// An evaluated project, and the notice for the top of its output when the
/// gate was overridden (empty otherwise).
pub(super) struct Evaluated {
    pub project: Project,
    pub evaluation: Evaluation,
    pub notice: String,
    /// The rule set the plan was evaluated under.
    pub rules: mijlpaal::model::RuleSet,
    /// The options of the evaluation (date, horizon, what-ifs).
    pub options: eval::Options,
    /// The findings of loading the plan, its rule set and facts.
    pub loaded: Vec<Diagnostic>,
}

/// Loads the project, passes the gate (pin and money checks) and evaluates
/// it; on failure, returns the exit code.
pub(super) fn run_scenario(
    session: &mut Session,
    common: &Common,
    s: &Scenario,
    horizon_days: u32,
    party_lines: eval::PartyLines,
    trace: bool,
) -> Result<Evaluated, u8> {
    let at = parse_at(&s.at).map_err(usage)?;
    let project = session.load_project(&s.plan, &s.facts);
    session.diagnostics.sort();
    let load_diags: Vec<Diagnostic> = session.diagnostics.items.clone();
    let code = exit_code(&load_diags, false);
    let Some(project) = project.filter(|_| code == 0) else {
        print_human(session, &load_diags, common);
        return Err(code.max(EXIT_ERRORS));
    };
    let Some(rules) = project.rules.clone() else {
        print_human(session, &load_diags, common);
        say!(
            "{}",
            mijlpaal::tr!("cli-evaluate-no-rule-set", plan = project.plan.id)
        );
        return Err(EXIT_ERRORS);
    };
    let gate = session.gate(&project, s.allow.allow());
    let mut shown = load_diags.clone();
    shown.extend(gate.diagnostics.iter().cloned());
    if gate.stop {
        print_human(session, &shown, common);
        say!("{}", mijlpaal::tr!("cli-evaluate-not-evaluated"));
        return Err(EXIT_ERRORS);
    }
    let overrides = overrides(&project.plan, &s.achieved, &s.missed, &s.partial).map_err(usage)?;
    let options = eval::Options {
        at,
        horizon_days,
        overrides,
        party_lines,
        trace,
    };
    let evaluation = eval::evaluate(&project.plan, &rules, &project.facts, &options);
    shown.extend(evaluation.diagnostics.iter().cloned());
    print_human(session, &shown, common);
    Ok(Evaluated {
        project,
        evaluation,
        notice: gate.notice(""),
        rules,
        options,
        loaded: load_diags,
    })
}

/// Puts the gate's notice on top of a text output (as `# ` lines in CSV).
fn with_notice(notice: &str, prefix: &str, text: String) -> String {
    if notice.is_empty() {
        return text;
    }
    let lines: String = notice.lines().map(|l| format!("{prefix}{l}\n")).collect();
    lines + &text
}

/// Flag combinations that would be ignored or cannot be written: usage
/// errors, checked before anything is loaded.
fn check_flags(args: &Args) -> Result<(), String> {
    let format = args.format;
    if format == EvalFormat::Xlsx && args.output.is_none() {
        return Err(mijlpaal::tr!("cli-xlsx-needs-output"));
    }
    if args.csv_dialect.is_some() && format != EvalFormat::Csv {
        return Err(mijlpaal::tr!("cli-csv-dialect-csv-only"));
    }
    if args.table.is_some() && format != EvalFormat::Csv {
        return Err(match format {
            EvalFormat::Xlsx => mijlpaal::tr!("cli-table-xlsx"),
            _ => mijlpaal::tr!("cli-table-csv-only"),
        });
    }
    if let Some(target) = &args.output {
        output_not_input(target, &args.scenario)?;
    }
    Ok(())
}

/// A typo that would replace an input with the output: a usage error.
pub(super) fn output_not_input(target: &PathBuf, s: &Scenario) -> Result<(), String> {
    let same = |input: &PathBuf| matches!((std::fs::canonicalize(target), std::fs::canonicalize(input)), (Ok(a), Ok(b)) if a == b);
    if let Some(input) = std::iter::once(&s.plan).chain(&s.facts).find(|p| same(p)) {
        return Err(mijlpaal::tr!(
            "cli-output-is-input",
            output = target.display(),
            input = input.display()
        ));
    }
    Ok(())
}

/// The help for a party not in the plan.
pub(super) fn no_such_party(plan: &Plan, id: &str) -> String {
    let ids: Vec<&str> = plan.parties.iter().map(|p| p.id.as_str()).collect();
    let help = mijlpaal::lower::names::help_for("parties", id, ids.iter().copied());
    mijlpaal::tr!("cli-no-such-party", party = id, plan = plan.id, help = help)
}

/// What an evaluation is shown as, ready to be written.
enum Output<'a> {
    /// Text (or CSV) after `prefix` (a byte-order mark, say), its hidden
    /// characters escaped as it is written.
    Text { prefix: &'static [u8], text: String },
    /// The JSON of the evaluation, or of one party (known to be in it),
    /// serialized as it is written, hidden characters escaped meanwhile.
    Json {
        e: &'a Evaluation,
        party: Option<&'a str>,
        notice: &'a str,
    },
    /// Bytes as they are (a workbook).
    Bytes(Vec<u8>),
}

impl Output<'_> {
    /// Writes the output to `out` (stdout or the temporary file of `-o`).
    fn write_to(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        match self {
            Output::Text { prefix, text } => {
                out.write_all(prefix)?;
                out.write_all(render::escape::text(text).as_bytes())
            }
            Output::Json {
                e,
                party: None,
                notice,
            } => render::evaluation::write_json_shown(e, notice, out),
            Output::Json {
                e,
                party: Some(id),
                notice,
            } => render::evaluation::write_party_json_shown(e, id, notice, out).map(|_| ()),
            Output::Bytes(bytes) => out.write_all(bytes),
        }
    }
}

/// What an evaluation is shown as; `Err` with the exit code when it cannot
/// be rendered (an unknown party, a workbook refused).
fn render<'a>(
    args: &'a Args,
    e: &'a Evaluation,
    plan: &Plan,
    notice: &'a str,
) -> Result<Output<'a>, u8> {
    let party = args.party.as_deref();
    let unknown = |id: &str| usage(no_such_party(plan, id));
    let text = |text: String| Output::Text { prefix: b"", text };
    match (args.format, party) {
        (EvalFormat::Text, None) => Ok(text(with_notice(
            notice,
            "",
            render::evaluation::text(e, plan),
        ))),
        (EvalFormat::Text, Some(id)) => render::evaluation::party_text(e, plan, id)
            .map(|t| text(with_notice(notice, "", t)))
            .ok_or_else(|| unknown(id)),
        (EvalFormat::Json, party) => match party {
            Some(id) if !e.parties.iter().any(|p| p.id == id) => Err(unknown(id)),
            _ => Ok(Output::Json { e, party, notice }),
        },
        (EvalFormat::Csv, _) => {
            let kind = match args.table.unwrap_or(Table::Milestones) {
                Table::Milestones => Kind::Milestones,
                Table::Parties => Kind::Parties,
                Table::Obligations => Kind::Obligations,
            };
            let dialect = match args.csv_dialect.unwrap_or(CsvDialect::Plain) {
                CsvDialect::Plain => Dialect::Plain,
                CsvDialect::ExcelNl => Dialect::ExcelNl,
            };
            let csv = render::evaluation::csv(e, kind, party, dialect)
                .ok_or_else(|| unknown(party.unwrap_or_default()))?;
            let prefix: &'static [u8] = match dialect {
                Dialect::ExcelNl => render::ledger::BOM,
                Dialect::Plain => b"",
            };
            Ok(Output::Text {
                prefix,
                text: with_notice(notice, "# ", csv),
            })
        }
        (EvalFormat::Xlsx, _) => {
            let labels = render::ledger::Labels::current();
            let tables = render::evaluation::tables(e, party, &labels)
                .ok_or_else(|| unknown(party.unwrap_or_default()))?;
            let title = mijlpaal::tr!(
                "eval-title",
                title = plan.title,
                plan = plan.id,
                date = e.at
            );
            render::xlsx::workbook(&tables, &labels, &title, e.at, notice)
                .map(Output::Bytes)
                .map_err(|r| {
                    say!("{}", mijlpaal::tr!("cli-no-workbook-written", reason = r));
                    EXIT_ERRORS
                })
        }
    }
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    if let Err(message) = check_flags(&args) {
        return usage(message);
    }
    let s = &args.scenario;
    let Evaluated {
        project,
        evaluation: e,
        notice,
        ..
    } = match run_scenario(
        session,
        common,
        s,
        args.horizon,
        match &args.party {
            Some(id) => eval::PartyLines::Only(id.clone()),
            None => eval::PartyLines::None,
        },
        false,
    ) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let output = match render(&args, &e, &project.plan, &notice) {
        Ok(o) => o,
        Err(code) => return code,
    };
    // Written as it is made: the JSON of a national plan is tens of MB.
    let written = match &args.output {
        None => super::out_with(|w| output.write_to(w)),
        Some(target) => write_output_with(session, common, target, &s.plan, |w| output.write_to(w)),
    };
    let code = exit_code(&e.diagnostics, false).max(written);
    // The process ends with this command: its memory goes back to the
    // system at once, so the evaluation and the project are not taken
    // apart piece by piece (0.11 G instructions for a national plan).
    drop(output);
    std::mem::forget(e);
    std::mem::forget(project);
    code
}

/// Writes `-o FILE`: never through a link; inside the project when named
/// inside it. Returns the exit code of the write.
pub(super) fn write_output(
    session: &Session,
    common: &Common,
    target: &std::path::Path,
    plan: &std::path::Path,
    bytes: &[u8],
) -> u8 {
    write_output_with(session, common, target, plan, |f| {
        std::io::Write::write_all(f, bytes)
    })
}

/// [`write_output`] of what `write` writes, as it is made.
pub(super) fn write_output_with(
    session: &Session,
    common: &Common,
    target: &std::path::Path,
    plan: &std::path::Path,
    write: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> std::io::Result<()>,
) -> u8 {
    let root = write::output_root(target, &project::project_root(plan));
    match write::replace_with(target, &root, write) {
        Ok(()) => {
            say!("{}", mijlpaal::tr!("cli-wrote", file = target.display()));
            EXIT_OK
        }
        Err(d) => {
            print_human(session, &[d], common);
            EXIT_USAGE
        }
    }
}

pub fn run_explain(session: &mut Session, common: &Common, args: ExplainArgs) -> u8 {
    let s = &args.scenario;
    let Evaluated {
        project,
        evaluation: e,
        notice,
        ..
        // The trace shows no obligations, so there is no horizon to choose.
    } = match run_scenario(session, common, s, 0, eval::PartyLines::None, true) {
        Ok(x) => x,
        Err(code) => return code,
    };
    match render::evaluation::trace(&e, &project.plan, MilestoneNo(args.number)) {
        Some(text) => {
            exit_code(&e.diagnostics, false).max(super::out(&with_notice(&notice, "", text)))
        }
        None => usage(mijlpaal::tr!(
            "cli-no-such-milestone",
            milestone = args.number,
            plan = project.plan.id
        )),
    }
}
