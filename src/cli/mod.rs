//! Command-line interface. Exit codes, for every command:
//! 0 success (no errors), 1 errors found in the input (or warnings under
//! `--deny warnings`), 2 usage or I/O problem (bad arguments, missing or
//! unreadable files).

/// `eprintln!` that never panics: a closed stderr (`2>&1 | head`) is not an
/// error. Hidden characters (from a file name, say) are escaped.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let text = format!($($t)*);
        let _ = writeln!(std::io::stderr(), "{}", mijlpaal::render::escape::text(&text));
    }};
}

mod check;
mod diff;
mod evaluate;
mod explain;
mod export;
mod facts;
mod fmt;
mod generate;
mod import;
mod lsp;
mod pin;
mod report;
mod rules;
mod show;
mod snapshot;
mod submission;
mod timeline;

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use mijlpaal::diagnostic::{Diagnostic, Severity};
use mijlpaal::i18n::Lang;
use mijlpaal::project::{Options, Session};
use mijlpaal::render;
use mijlpaal::syntax::Limits;

pub const EXIT_OK: u8 = 0;
pub const EXIT_ERRORS: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "mijlpaal",
    version,
    about = "Check and evaluate milestone-based funding agreements"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub common: Common,
}

#[derive(clap::Args, Debug, Clone)]
pub struct Common {
    /// Extra directory to search for rule sets (NAME.rules), before the plan's tree.
    #[arg(long = "rules-dir", global = true, value_name = "DIR")]
    pub rules_dir: Vec<PathBuf>,
    /// Largest file to read, in bytes.
    #[arg(long, global = true, default_value_t = mijlpaal::source::DEFAULT_MAX_FILE_BYTES)]
    pub max_file_bytes: u64,
    /// Longest line to parse, in bytes.
    #[arg(long, global = true, default_value_t = Limits::default().max_line_bytes)]
    pub max_line_bytes: usize,
    /// Most lines in one file.
    #[arg(long, global = true, default_value_t = Limits::default().max_lines)]
    pub max_lines: usize,
    /// Colour in human output.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Language of every text (codes, JSON keys and status ids stay English);
    /// default from LC_ALL, LC_MESSAGES or LANG: Dutch for nl_*, else English.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangArg {
    Nl,
    En,
}

impl LangArg {
    fn lang(self) -> Lang {
        match self {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

/// The overrides of the gate before an evaluation (`Session::gate`).
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct AllowArgs {
    /// Evaluate even when the checks find errors that make money wrong
    /// (C101, C401, C405, C603-C605); the output's first line says so.
    #[arg(long)]
    pub allow_errors: bool,
    /// Evaluate under a rule set that does not match the plan's pin (C901),
    /// to try a draft; the output's first line says so.
    #[arg(long)]
    pub allow_unpinned: bool,
}

impl AllowArgs {
    pub fn allow(&self) -> mijlpaal::project::Allow {
        mijlpaal::project::Allow {
            errors: self.allow_errors,
            unpinned: self.allow_unpinned,
        }
    }
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check plans, rule sets and facts: syntax, names, types.
    Check(check::Args),
    /// Print a plan's lowered model.
    Show(show::Args),
    /// Evaluate a plan against facts at a date: statuses, money per party, obligations.
    Evaluate(evaluate::Args),
    /// Money per party and stream at every month, quarter or year end from --from to --to.
    Timeline(timeline::Args),
    /// A self-contained HTML page for a council: money per party, milestones, obligations, findings, charts.
    Report(report::Args),
    /// Show how one milestone's status and amounts follow from the facts, clause by clause.
    ExplainMilestone(evaluate::ExplainArgs),
    /// Format plans, rules and facts in the canonical layout (keeps every comment).
    Fmt(fmt::Args),
    /// The semantic difference between two versions of a plan or rule set, and its effect on money.
    Diff(diff::Args),
    /// Evaluate every scenario of a plan and write (or --check) the outputs beside them.
    Snapshot(snapshot::Args),
    /// The assessment framework (Beoordelingskader) as a checklist filled in for a plan.
    Submission(submission::Args),
    /// Print the content hash that pins a rule set (`rules NAME pinned "sha256:..."`).
    Pin(pin::Args),
    /// Facts from other tools: `facts count` turns a Forms export into `counted` facts.
    Facts(facts::Args),
    /// Explain a diagnostic code, with a failing and a fixed example; without a code, list them all.
    Explain(explain::Args),
    /// List the rule sets built into the binary, or print one (`rules show NAME`).
    Rules(rules::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(generate::CompletionsArgs),
    /// Print the man page (roff): `mijlpaal man > mijlpaal.1`.
    Man,
    /// Read a Mijlpalenformat workbook into a plan (-o), or compare it with a plan (--compare).
    Import(import::Args),
    /// Write a plan as a Mijlpalenformat workbook.
    Export(export::Args),
    /// A language server for editors (LSP over stdin/stdout): diagnostics, hover, definitions, completion, formatting.
    Lsp(lsp::Args),
}

pub fn run(cli: Cli) -> u8 {
    mijlpaal::i18n::set_lang(cli.common.lang.map_or_else(Lang::from_env, LangArg::lang));
    let mut session = Session::new(options(&cli.common));
    match cli.command {
        Command::Check(a) => check::run(&mut session, &cli.common, a),
        Command::Show(a) => show::run(&mut session, &cli.common, a),
        Command::Explain(a) => explain::run(a),
        Command::Rules(a) => rules::run(a),
        Command::Completions(a) => generate::completions(a),
        Command::Man => generate::man(),
        Command::Facts(a) => facts::run(&mut session, &cli.common, a),
        Command::Submission(a) => submission::run(&mut session, &cli.common, a),
        Command::Pin(a) => pin::run(&mut session, &cli.common, a),
        Command::Snapshot(a) => snapshot::run(&mut session, &cli.common, a),
        Command::Diff(a) => diff::run(&mut session, &cli.common, a),
        Command::Fmt(a) => fmt::run(&mut session, &cli.common, a),
        Command::Evaluate(a) => evaluate::run(&mut session, &cli.common, a),
        Command::Timeline(a) => timeline::run(&mut session, &cli.common, a),
        Command::Report(a) => report::run(&mut session, &cli.common, a),
        Command::ExplainMilestone(a) => evaluate::run_explain(&mut session, &cli.common, a),
        Command::Import(a) => import::run(&mut session, &cli.common, a),
        Command::Export(a) => export::run(&mut session, &cli.common, a),
        Command::Lsp(a) => lsp::run(&mut session, a),
    }
}

fn options(c: &Common) -> Options {
    Options {
        limits: Limits {
            max_line_bytes: c.max_line_bytes,
            max_lines: c.max_lines,
            ..Limits::default()
        },
        max_file_bytes: c.max_file_bytes,
        rule_dirs: c.rules_dir.clone(),
    }
}

/// Writes a text report to stdout, hidden characters escaped (see
/// `render::escape`). Returns the exit code of the write: a closed pipe
/// (`mijlpaal explain | head`) is no error, the reader has what it wanted;
/// any other failure (a full disk behind a redirect) is I010 and exit 2, so
/// that an empty report never passes for a clean one.
#[must_use]
pub fn out(text: &str) -> u8 {
    write_stdout(&render::escape::text(text))
}

/// Writes JSON (or SARIF) to stdout, hidden characters as JSON escapes.
#[must_use]
pub fn out_json(text: &str) -> u8 {
    write_stdout(&render::escape::json(text))
}

fn write_stdout(text: &str) -> u8 {
    out_bytes(text.as_bytes())
}

/// Writes bytes to stdout as they are (already escaped), with the exit code
/// of [`out`].
#[must_use]
pub fn out_bytes(bytes: &[u8]) -> u8 {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout_written(stdout.write_all(bytes).and_then(|_| stdout.flush()))
}

/// Writes to stdout what `write` writes, as it is made (a large output is
/// streamed through a buffer, never held whole), with the exit code of
/// [`out`]: what was written before a failure stays written, as with any
/// stream, and the exit code says it is incomplete.
#[must_use]
pub fn out_with(
    write: impl FnOnce(&mut std::io::BufWriter<std::io::StdoutLock<'static>>) -> std::io::Result<()>,
) -> u8 {
    use std::io::Write;
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let result = write(&mut stdout).and_then(|_| stdout.flush());
    if result.is_err() {
        // What is still buffered is dropped, not written once more on drop.
        let _ = stdout.into_parts();
    }
    stdout_written(result)
}

/// The exit code of a write to stdout: a closed pipe is no error; any
/// other failure is I010, reported on stderr.
fn stdout_written(result: std::io::Result<()>) -> u8 {
    match result {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let d = mijlpaal::write::write_error(
                std::path::Path::new(&mijlpaal::tr!("cli-standard-output")),
                &e,
            );
            let shown = render::human::render(&[d], &Default::default(), false);
            say!("{}", shown.trim_end());
            EXIT_USAGE
        }
    }
}

/// Prints diagnostics to stderr in human form.
pub fn print_human(session: &Session, diags: &[Diagnostic], common: &Common) {
    if diags.is_empty() {
        return;
    }
    let color = match common.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    use std::io::Write as _;
    let _ = write!(
        std::io::stderr(),
        "{}",
        render::human::render(diags, &session.sources, color)
    );
}

/// The exit code for a set of diagnostics.
pub fn exit_code(diags: &[Diagnostic], deny_warnings: bool) -> u8 {
    let io = diags
        .iter()
        .any(|d| d.severity == Severity::Error && d.code.starts_with('I'));
    if io {
        EXIT_USAGE
    } else if diags.iter().any(|d| {
        d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning)
    }) {
        EXIT_ERRORS
    } else {
        EXIT_OK
    }
}

/// The longest obligations horizon accepted: a hundred years, which reaches
/// past every plan; more is a typo, refused as a usage error.
pub const MAX_HORIZON_DAYS: u32 = 36_525;

/// Parses `--horizon DAYS`.
pub fn horizon_days(text: &str) -> Result<u32, String> {
    match text.parse::<u32>() {
        Ok(days) if days <= MAX_HORIZON_DAYS => Ok(days),
        _ => Err(mijlpaal::tr!(
            "cli-horizon-not-days",
            text = text,
            max = MAX_HORIZON_DAYS
        )),
    }
}

/// `--at DATE`: an ISO date, or `today` (the current date in UTC, so that
/// the same command gives the same answer on every machine that day).
pub fn evaluation_date(text: &str) -> Result<chrono::NaiveDate, String> {
    if text == "today" {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        return chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
            .ok_or_else(|| mijlpaal::tr!("cli-today-past-calendar"));
    }
    mijlpaal::lower::literal::date(text).map_err(|e| format!("{text}: {}; {}", e.message, e.help))
}
