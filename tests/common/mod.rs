//! Helpers shared by the integration tests: the crate root, fresh scratch
//! directories under `target/`, running the real binary with a time limit,
//! copies of the Twente project, plans and facts from text, and the money
//! laws every evaluation keeps. Each test file includes this with
//! `mod common;` and uses what it needs.

#![allow(dead_code)]

pub mod sheets;

use mijlpaal::eval::{allocate::cents_of, amount_of, Column, Evaluation, PerStream, Status};
use mijlpaal::model::{Money, Plan, StreamId};
use rust_decimal::Decimal;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::str::FromStr;
use std::time::{Duration, Instant};

/// Longest a single run may take; hostile input must not make it slow.
pub const TIMEOUT: Duration = Duration::from_secs(60);

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh, empty directory `target/GROUP/NAME` (absolute).
pub fn scratch(group: &str, name: &str) -> PathBuf {
    let dir = root().join("target").join(group).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes a file, creating its directory.
pub fn write(path: impl AsRef<Path>, bytes: impl AsRef<[u8]>) {
    let path = path.as_ref();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}

pub fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What a run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The binary as a command, in a neutral locale: the language of its
/// output comes from `--lang` or `LC_ALL`/`LC_MESSAGES`/`LANG`, and a test
/// must not depend on the machine's locale.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mijlpaal"));
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    c
}

/// Runs `mijlpaal --color never ARGS...` in `dir`, with a time limit.
pub fn mijlpaal(dir: &Path, args: &[&str]) -> Run {
    mijlpaal_to(dir, args, Stdio::piped())
}

/// As [`mijlpaal`], with stdout sent to `stdout` (a file such as
/// `/dev/full`); the returned `stdout` is then empty.
pub fn mijlpaal_to(dir: &Path, args: &[&str], stdout: Stdio) -> Run {
    let mut child = bin()
        .arg("--color")
        .arg("never")
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("the mijlpaal binary runs");
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut b = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut b);
            }
            String::from_utf8_lossy(&b).into_owned()
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("mijlpaal {args:?} did not finish within {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (stdout, stderr) = (out.join().unwrap(), err.join().unwrap());
    assert!(
        !stderr.contains("panicked"),
        "mijlpaal {args:?} panicked:\n{stderr}"
    );
    let code = status
        .code()
        .unwrap_or_else(|| panic!("mijlpaal {args:?} was killed: {status:?}\n{stderr}"));
    Run {
        code,
        stdout,
        stderr,
    }
}

pub const TWENTE_PLAN: &str = "plans/mentaal-gezond-twente.plan";
pub const TWENTE_RULES: &str = "rules/overeenkomst-transformatieplan.rules";
pub const TWENTE_SCENARIOS: &str = "plans/mentaal-gezond-twente";

/// The Twente scenarios (`plans/mentaal-gezond-twente/*.facts`), sorted.
pub fn twente_scenario_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(TWENTE_SCENARIOS))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "facts"))
        .collect();
    files.sort();
    files
}

/// A copy of the Twente project in `dir` (its own project root, marked by
/// `mijlpaal.toml`): `mgt.plan`, `rules/overeenkomst-transformatieplan.rules`
/// and the scenarios in `mgt/`, the plan and rules edited on the way.
pub fn twente(dir: &Path, plan: impl Fn(&str) -> String, rules: impl Fn(&str) -> String) {
    twente_at(dir, "mgt.plan", plan, rules);
}

/// As [`twente`], with the plan at `plan_path` (relative to `dir`) and the
/// scenarios beside it in the directory of the same name.
pub fn twente_at(
    dir: &Path,
    plan_path: &str,
    plan: impl Fn(&str) -> String,
    rules: impl Fn(&str) -> String,
) {
    write(dir.join("mijlpaal.toml"), "");
    write(
        dir.join(TWENTE_RULES),
        rules(&read(root().join(TWENTE_RULES))),
    );
    write(dir.join(plan_path), plan(&read(root().join(TWENTE_PLAN))));
    let scenarios = dir.join(plan_path.trim_end_matches(".plan"));
    for entry in std::fs::read_dir(root().join(TWENTE_SCENARIOS)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "facts") {
            let name = path.file_name().unwrap();
            write(scenarios.join(name), read(&path));
        }
    }
}

/// Replaces `old` by `new` where it occurs exactly once.
pub fn replace_once(text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "expected exactly one `{old}`");
    text.replacen(old, new, 1)
}

/// An amount from its plain form: `money("8750.03")`.
pub fn money(s: &str) -> Money {
    Money::new(Decimal::from_str(s).unwrap())
}

/// `evaluate --format json` of an evaluation, as the binary writes it.
pub fn evaluation_json(e: &Evaluation) -> String {
    let mut out = Vec::new();
    mijlpaal::render::evaluation::write_json(e, "", &mut out).expect("writes to memory");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// The sum of a per-stream amount over its streams.
pub fn total(v: &PerStream) -> Money {
    Money::checked_sum(v.iter().map(|(_, m)| *m)).expect("the streams add up")
}

/// Whole cents, exactly (sums of cents in `i128` hold what no `Money` can).
pub fn cents(m: Money) -> i128 {
    cents_of(m).expect("an amount in cents")
}

fn at(v: Option<&PerStream>, s: &StreamId) -> i128 {
    v.map(|v| cents(amount_of(v, s))).unwrap_or(0)
}

/// The conservation laws of money (issue 10, item 4), to the cent:
///
/// 1. every row: outstanding = earned - paid, for each milestone, each
///    party and each party's line per milestone, per stream;
/// 2. every column: the sum over parties equals the sum over milestones,
///    per stream;
/// 3. every milestone and stream not withdrawn: for the stream whose unmet
///    money is repaid (each of `repay`), earned + exposure + repayable + lapsed is
///    its amount; for any other stream exposure and repayable are zero,
///    and after dissolution earned + lapsed is its amount (before it,
///    lapsed is zero); no part is negative;
/// 4. an achieved milestone is never repayable; a withdrawn one carries
///    nothing at risk or lapsed.
///
/// `plan` is the plan as written; the laws read it as of the evaluation date.
pub fn money_laws(e: &Evaluation, plan: &Plan, repay: &[&str]) -> Result<(), String> {
    let plan = plan.as_of(e.at);
    let dissolved = e
        .milestones
        .iter()
        .any(|m| m.status == Status::Lapsed || !total(&m.lapsed).is_zero());
    for s in &e.streams {
        for m in &e.milestones {
            let c = |col: Column| at(m.column(col), s);
            let (earned, paid) = (c(Column::Earned), c(Column::Paid));
            if c(Column::Outstanding) != earned - paid {
                return Err(format!(
                    "milestone {} `{s}`: outstanding {} is not earned {} - paid {}",
                    m.number,
                    c(Column::Outstanding),
                    earned,
                    paid
                ));
            }
            let (exposure, repayable, lapsed) =
                (c(Column::Exposure), c(Column::Repayable), c(Column::Lapsed));
            if [earned, exposure, repayable, lapsed].iter().any(|x| *x < 0) {
                return Err(format!("milestone {} `{s}`: a negative part", m.number));
            }
            if m.status.is_achieved() && repayable != 0 {
                return Err(format!(
                    "milestone {} is {} yet {repayable} cents of `{s}` are repayable",
                    m.number,
                    m.status.as_str()
                ));
            }
            if m.status == Status::Withdrawn {
                if exposure + repayable + lapsed != 0 {
                    return Err(format!("withdrawn milestone {} carries money", m.number));
                }
                continue;
            }
            let amount = plan
                .milestone(m.number)
                .map(|x| cents(x.stream_amount(s)))
                .unwrap_or(0);
            let accounted = earned + exposure + repayable + lapsed;
            if repay.contains(&s.as_str()) {
                if accounted != amount {
                    return Err(format!(
                        "milestone {} ({}) `{s}`: earned {earned} + exposure {exposure} + repayable {repayable} + lapsed {lapsed} != amount {amount} (cents)",
                        m.number,
                        m.status.as_str()
                    ));
                }
            } else if exposure != 0 || repayable != 0 {
                return Err(format!(
                    "milestone {} `{s}`: at risk though no one repays it",
                    m.number
                ));
            } else if dissolved && accounted != amount {
                return Err(format!(
                    "milestone {} ({}) `{s}` after dissolution: earned {earned} + lapsed {lapsed} != amount {amount} (cents)",
                    m.number,
                    m.status.as_str()
                ));
            } else if !dissolved && (lapsed != 0 || accounted > amount) {
                return Err(format!(
                    "milestone {} `{s}`: lapsed {lapsed} or earned {earned} beyond the amount",
                    m.number
                ));
            }
        }
        for p in &e.parties {
            let c = |col: Column| at(Some(p.column(col)), s);
            if c(Column::Outstanding) != c(Column::Earned) - c(Column::Paid) {
                return Err(format!(
                    "party {} `{s}`: outstanding {} is not earned {} - paid {}",
                    p.id,
                    c(Column::Outstanding),
                    c(Column::Earned),
                    c(Column::Paid)
                ));
            }
            for l in &p.lines {
                let c = |col: Column| at(l.column(col), s);
                if c(Column::Outstanding) != c(Column::Earned) - c(Column::Paid) {
                    return Err(format!(
                        "party {} milestone {} `{s}`: outstanding is not earned - paid",
                        p.id, l.milestone
                    ));
                }
            }
        }
        for col in Column::MILESTONE {
            let by_milestone: i128 = e.milestones.iter().map(|m| at(m.column(col), s)).sum();
            let by_party: i128 = e.parties.iter().map(|p| at(Some(p.column(col)), s)).sum();
            if by_milestone != by_party {
                return Err(format!(
                    "`{}` of `{s}`: over milestones {by_milestone} != over parties {by_party} (cents)",
                    col.name()
                ));
            }
        }
    }
    Ok(())
}

/// The repository's rule set (the Overeenkomst Transformatieplan).
pub fn repo_rules() -> mijlpaal::model::RuleSet {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("rules/overeenkomst-transformatieplan.rules");
    let mut session = mijlpaal::project::Session::new(Default::default());
    match session.load(&path) {
        Some(mijlpaal::project::Loaded::Rules(r)) => r,
        _ => panic!("the rule set loads: {:#?}", session.diagnostics.items),
    }
}

/// A plan from its text (as file 0); panics on any error.
pub fn plan_from_text(text: &str) -> Plan {
    use mijlpaal::source::FileId;
    let (tree, diags) = mijlpaal::syntax::parse(FileId(0), text, &Default::default());
    assert!(diags.is_empty(), "{diags:#?}");
    let Some(mijlpaal::syntax::ast::File::Plan(p)) = tree else {
        panic!("not a plan");
    };
    let (plan, diags) = mijlpaal::lower::lower_plan(&p, FileId(0));
    assert!(
        diags
            .iter()
            .all(|d| d.severity != mijlpaal::diagnostic::Severity::Error),
        "{diags:#?}"
    );
    plan
}

/// Facts from their text (as file 1), lowered against `plan`, with the
/// diagnostics of lowering them.
pub fn facts_from_text(
    text: &str,
    plan: &Plan,
) -> (
    mijlpaal::model::Facts,
    Vec<mijlpaal::diagnostic::Diagnostic>,
) {
    use mijlpaal::source::FileId;
    let (tree, diags) = mijlpaal::syntax::parse(FileId(1), text, &Default::default());
    assert!(diags.is_empty(), "{diags:#?}");
    let Some(mijlpaal::syntax::ast::File::Facts(f)) = tree else {
        panic!("not a facts file");
    };
    mijlpaal::lower::lower_facts(&f, FileId(1), plan)
}

/// Evaluates `plan` with the repository's rules and `facts` at `at`
/// (YYYY-MM-DD), with each party's lines per milestone.
pub fn evaluate_at(plan: &Plan, facts: &[mijlpaal::model::Facts], at: &str) -> Evaluation {
    mijlpaal::eval::evaluate(
        plan,
        &repo_rules(),
        facts,
        &mijlpaal::eval::Options {
            at: chrono::NaiveDate::from_str(at).unwrap(),
            horizon_days: 90,
            overrides: Default::default(),
            party_lines: mijlpaal::eval::PartyLines::All,
            trace: true,
        },
    )
}

/// The amount of `party`'s `column` of stream `s`.
pub fn party_amount(e: &Evaluation, party: &str, column: Column, s: &str) -> Money {
    let p = e
        .parties
        .iter()
        .find(|p| p.id == party)
        .unwrap_or_else(|| panic!("no party {party}"));
    amount_of(p.column(column), &StreamId::new(s))
}

/// The amount of milestone `n`'s `column` of stream `s`.
pub fn milestone_amount(e: &Evaluation, n: u32, column: Column, s: &str) -> Money {
    let m = e
        .milestones
        .iter()
        .find(|m| m.number.0 == n)
        .unwrap_or_else(|| panic!("no milestone {n}"));
    amount_of(
        m.column(column).expect("a milestone column"),
        &StreamId::new(s),
    )
}
