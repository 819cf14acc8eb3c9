//! The pipelines the fuzz targets drive, shared with the test
//! `tests/fuzz_regressions.rs` (which includes this file with `#[path]`), so
//! that the regression inputs and the seed corpora run through exactly the
//! same code in `cargo test`, without libFuzzer.
//!
//! Uses only `mijlpaal`, `chrono` and `std`. The real rule set and the real
//! Twente plan are compiled in (`include_str!`) and lowered once.
//!
//! Every pipeline must return normally on any input; a panic is a bug.

#![allow(dead_code)]

use std::sync::OnceLock;

use chrono::{Days, NaiveDate};
use mijlpaal::diagnostic::{Diagnostic, Severity};
use mijlpaal::eval::{self, Overrides};
use mijlpaal::model::{Facts, MilestoneNo};
use mijlpaal::model::{Plan, RuleSet};
use mijlpaal::source::{FileId, SourceFile, SourceMap};
use mijlpaal::syntax::{self, ast, Limits};
use mijlpaal::{check, diff, lower, render};

pub const RULES_TEXT: &str = include_str!("../rules/overeenkomst-transformatieplan.rules");
pub const TWENTE_TEXT: &str = include_str!("../plans/mentaal-gezond-twente.plan");

/// File ids: the real rule set, the real plan, then the fuzzed input.
pub const RULES_FILE: FileId = FileId(0);
pub const TWENTE_FILE: FileId = FileId(1);
pub const INPUT_FILE: FileId = FileId(2);

/// The fuzzers' inputs are at most this long (`-max_len=4096`); the limits
/// are the defaults, as in the CLI.
fn limits() -> Limits {
    Limits::default()
}

/// The real rule set, lowered once.
pub fn real_rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let (tree, diags) = syntax::parse(RULES_FILE, RULES_TEXT, &limits());
        assert!(errors(&diags) == 0, "the real rule set parses: {diags:#?}");
        let Some(ast::File::Rules(r)) = tree else {
            panic!("rules/overeenkomst-transformatieplan.rules is a rule set")
        };
        let (rules, diags) = lower::lower_rules(&r, RULES_FILE);
        assert!(errors(&diags) == 0, "the real rule set lowers: {diags:#?}");
        rules
    })
}

/// The real Twente plan, lowered once.
pub fn twente() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| {
        let (tree, diags) = syntax::parse(TWENTE_FILE, TWENTE_TEXT, &limits());
        assert!(errors(&diags) == 0, "the Twente plan parses: {diags:#?}");
        let Some(ast::File::Plan(p)) = tree else {
            panic!("plans/mentaal-gezond-twente.plan is a plan")
        };
        let (plan, diags) = lower::lower_plan(&p, TWENTE_FILE);
        assert!(errors(&diags) == 0, "the Twente plan lowers: {diags:#?}");
        plan
    })
}

fn errors(diags: &[Diagnostic]) -> usize {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// The source map the diagnostics refer to, with the input as file 2.
fn sources(input: &str) -> SourceMap {
    let mut map = SourceMap::default();
    map.add(SourceFile::new(
        "rules/overeenkomst-transformatieplan.rules",
        "rules/overeenkomst-transformatieplan.rules",
        RULES_TEXT.to_string(),
    ));
    map.add(SourceFile::new(
        "plans/mentaal-gezond-twente.plan",
        "plans/mentaal-gezond-twente.plan",
        TWENTE_TEXT.to_string(),
    ));
    map.add(SourceFile::new("input", "input", input.to_string()));
    map
}

/// Renders diagnostics as the CLI does (human without colour, JSON, SARIF).
fn render_all(diags: &[Diagnostic], input: &str, human: bool) {
    let map = sources(input);
    let _ = render::json::render(diags, &map);
    let _ = render::sarif::render(diags, &map);
    if human {
        let _ = render::human::render(diags, &map, false);
        let _ = render::human::summary(diags);
    }
}

/// `parse`: bytes → UTF-8 → `syntax::parse`; diagnostics rendered as JSON.
pub fn parse_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (_tree, diags) = syntax::parse(INPUT_FILE, text, &limits());
    render_all(&diags, text, false);
}

/// `check`: text → parse → lower → checks, the way `mijlpaal check` does it.
/// The kind of file is chosen by the input's header (its first word, so in
/// effect its first byte: `p`lan, `r`ules, `f`acts), so the seeds stay valid:
///
/// - a plan is lowered, shown as JSON, and checked with the real rule set
///   (if it names one) and without a rule set, when it lowered without
///   errors (as `Session::run_checks` does);
/// - a rule set is lowered and, when clean, the checks run on the real
///   Twente plan under it;
/// - facts are lowered against the real Twente plan.
///
/// Every diagnostic is then rendered (human, JSON, SARIF).
pub fn check_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (tree, mut diags) = syntax::parse(INPUT_FILE, text, &limits());
    match tree {
        Some(ast::File::Plan(p)) => {
            let (plan, lowered) = lower::lower_plan(&p, INPUT_FILE);
            let clean = errors(&lowered) == 0;
            diags.extend(lowered);
            let _ = render::show::plan_json(&plan);
            if clean {
                let rules = plan.rules.as_ref().map(|_| real_rules());
                diags.extend(check::run_all(&plan, rules, &[]));
                if rules.is_some() {
                    diags.extend(check::run_all(&plan, None, &[]));
                }
            }
        }
        Some(ast::File::Rules(r)) => {
            let (rules, lowered) = lower::lower_rules(&r, INPUT_FILE);
            let clean = errors(&lowered) == 0;
            diags.extend(lowered);
            if clean {
                diags.extend(check::run_all(twente(), Some(&rules), &[]));
            }
        }
        Some(ast::File::Facts(f)) => {
            let (_facts, lowered) = lower::lower_facts(&f, INPUT_FILE, twente());
            diags.extend(lowered);
        }
        // A stranger's framework decides the Twente plan (`submission`).
        Some(ast::File::Criteria(c)) => {
            let (criteria, lowered) = lower::lower_criteria(&c, INPUT_FILE);
            diags.extend(lowered);
            let findings = check::run_all(twente(), Some(real_rules()), &[]);
            let list = mijlpaal::submission::decide(
                twente(),
                Some(real_rules()),
                &findings,
                &criteria,
                &mijlpaal::source::SourceMap::default(),
            );
            let labels = mijlpaal::submission::Labels::current();
            let _ = mijlpaal::submission::text(&list, &labels);
            let _ = mijlpaal::submission::markdown(&list, &labels);
            let _ = mijlpaal::submission::to_json(&list);
            diags.extend(mijlpaal::submission::check_pointers(twente(), &criteria));
        }
        None => {}
    }
    diags.sort_by_key(|d| d.file);
    render_all(&diags, text, true);
}

/// A date from 2024-01-01 to 2033-12-31 and a horizon of 0-365 days, both
/// derived from the input's bytes (FNV-1a), so the fuzzer steers them.
fn date_and_horizon(data: &[u8]) -> (NaiveDate, u32) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).expect("a valid date");
    let at = start
        .checked_add_days(Days::new(h % 3653))
        .expect("within chrono's range");
    (at, ((h >> 32) % 366) as u32)
}

/// `evaluate`: text as a facts file, lowered against the real Twente plan
/// and evaluated under the real rule set at the dates it names with
/// `evaluate at` (up to three) and at one date chosen from the input; every
/// evaluation is rendered as JSON, text, CSV and per-milestone trace.
///
/// Facts are evaluated even when some of them lowered with errors: lowering
/// drops the facts it cannot read, and `eval::evaluate` is a library entry
/// point that must take any lowered `Facts`.
pub fn evaluate_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (tree, diags) = syntax::parse(INPUT_FILE, text, &limits());
    let Some(ast::File::Facts(f)) = tree else {
        render_all(&diags, text, false);
        return;
    };
    let plan = twente();
    let rules = real_rules();
    let (facts, lowered) = lower::lower_facts(&f, INPUT_FILE, plan);
    render_all(&lowered, text, false);
    let (chosen, horizon_days) = date_and_horizon(data);
    let mut dates: Vec<NaiveDate> = facts.evaluate_at.iter().take(3).copied().collect();
    dates.push(chosen);
    let facts = [facts];
    for at in dates {
        let options = eval::Options {
            at,
            horizon_days,
            overrides: Overrides::default(),
            party_lines: mijlpaal::eval::PartyLines::None,
            trace: true,
        };
        let e = eval::evaluate(plan, rules, &facts, &options);
        let mut json = Vec::new();
        let _ = render::evaluation::write_json(&e, "", &mut json);
        let _ = render::evaluation::text(&e, plan);
        for kind in render::ledger::Kind::ALL {
            for dialect in [
                render::ledger::Dialect::Plain,
                render::ledger::Dialect::ExcelNl,
            ] {
                let _ = render::evaluation::csv(&e, kind, None, dialect);
            }
        }
        for m in &plan.milestones {
            let _ = render::evaluation::trace(&e, plan, m.number);
        }
        render_all(&e.diagnostics, text, false);
    }
}

/// Evaluates the Twente plan under `rules` with `facts` at `at` and renders
/// every output, as `evaluate` and `explain-milestone` do.
fn evaluate_and_render(
    rules: &RuleSet,
    facts: &[Facts],
    at: NaiveDate,
    horizon_days: u32,
    overrides: Overrides,
    input: &str,
) {
    let plan = twente();
    let options = eval::Options {
        at,
        horizon_days,
        overrides,
        party_lines: mijlpaal::eval::PartyLines::All,
        trace: true,
    };
    let e = eval::evaluate(plan, rules, facts, &options);
    let mut json = Vec::new();
    let _ = render::evaluation::write_json(&e, "", &mut json);
    let _ = render::escape::text(&render::evaluation::text(&e, plan));
    for kind in render::ledger::Kind::ALL {
        for dialect in [
            render::ledger::Dialect::Plain,
            render::ledger::Dialect::ExcelNl,
        ] {
            let _ = render::evaluation::csv(&e, kind, None, dialect);
        }
    }
    // The ledger workbook, of everyone and of one party.
    let labels = render::ledger::english();
    for party in [None, plan.parties.first().map(|p| p.id.as_str())] {
        if let Some(tables) = render::evaluation::tables(&e, party, &labels) {
            let _ = render::xlsx::workbook(&tables, &labels, "fuzz", e.at, "");
        }
    }
    for m in plan.milestones.iter().take(8) {
        let _ = render::evaluation::trace(&e, plan, m.number);
    }
    for p in plan.parties.iter().take(4) {
        let _ = render::evaluation::party_text(&e, plan, p.id.as_str());
    }
    render_all(&e.diagnostics, input, true);
}

/// `rules`: text as a rule set (the trust model: a rule set may come from a
/// stranger too). Lowered and hashed; when clean, the checks run on the real
/// Twente plan under it (C901 included: the plan pins the real rule set),
/// the rule set is compared with the real one as `diff` does, and the plan
/// is evaluated under it with the real scenario facts at a date chosen from
/// the input.
pub fn rules_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (tree, mut diags) = syntax::parse(INPUT_FILE, text, &limits());
    let Some(ast::File::Rules(r)) = tree else {
        render_all(&diags, text, true);
        return;
    };
    let (mut rules, lowered) = lower::lower_rules(&r, INPUT_FILE);
    rules.hash = Some(rules.content_hash());
    let clean = errors(&lowered) == 0;
    diags.extend(lowered);
    render_all(&diags, text, true);
    if !clean {
        return;
    }
    let found = check::run_all(twente(), Some(&rules), &[]);
    render_all(&found, text, true);
    let changes = diff::rules(Some(real_rules()), Some(&rules));
    let d = diff::PlanDiff {
        rules: changes,
        ..Default::default()
    };
    let _ = render::diff::text(&d);
    let _ = render::diff::markdown(&d, "old", "new");
    let _ = render::diff::json(&d).to_string();
    let (at, horizon_days) = date_and_horizon(data);
    evaluate_and_render(
        &rules,
        &scenario_facts(),
        at,
        horizon_days,
        Overrides::default(),
        text,
    );
}

/// The real Twente scenario with every kind of fact (`ontbinding.facts`),
/// lowered once against the real plan.
pub const SCENARIO_TEXT: &str = include_str!("../plans/mentaal-gezond-twente/ontbinding.facts");

fn scenario_facts() -> Vec<Facts> {
    static FACTS: OnceLock<Facts> = OnceLock::new();
    let facts = FACTS.get_or_init(|| {
        let (tree, diags) = syntax::parse(INPUT_FILE, SCENARIO_TEXT, &limits());
        assert!(errors(&diags) == 0, "the scenario parses: {diags:#?}");
        let Some(ast::File::Facts(f)) = tree else {
            panic!("ontbinding.facts is a facts file")
        };
        let (facts, diags) = lower::lower_facts(&f, INPUT_FILE, twente());
        assert!(errors(&diags) == 0, "the scenario lowers: {diags:#?}");
        facts
    });
    vec![facts.clone()]
}

/// What-ifs chosen from the input's bytes: a milestone achieved, one
/// missed and one paid partly, so that the fuzzer steers the overrides too.
fn overrides_of(data: &[u8]) -> Overrides {
    let numbers: Vec<MilestoneNo> = twente().milestones.iter().map(|m| m.number).collect();
    let pick = |b: Option<&u8>| {
        b.and_then(|b| numbers.get(usize::from(*b) % numbers.len().max(1)))
            .copied()
    };
    let mut o = Overrides::default();
    if let Some(m) = pick(data.first()) {
        o.achieved.push(m);
    }
    if let Some(m) = pick(data.get(1)).filter(|m| !o.achieved.contains(m)) {
        o.missed.push(m);
    }
    if let (Some(m), Some(pct)) = (pick(data.get(2)), data.get(3)) {
        let given = format!("{}={}%", m.0, pct % 101);
        for (m, pct) in eval::overrides::parse_partial(&given, twente()).unwrap_or_default() {
            o.partial.insert(m, pct);
        }
    }
    o
}

/// `facts`: text as a facts file (from a care provider, say), lowered
/// against the real Twente plan; the checks that read facts run; the plan is
/// evaluated with them and with what-ifs chosen from the input, and compared
/// with itself under those facts as `diff --facts --at` does.
pub fn facts_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (tree, diags) = syntax::parse(INPUT_FILE, text, &limits());
    render_all(&diags, text, true);
    let Some(ast::File::Facts(f)) = tree else {
        return;
    };
    let plan = twente();
    let (facts, lowered) = lower::lower_facts(&f, INPUT_FILE, plan);
    render_all(&lowered, text, true);
    let facts = [facts];
    let found = check::run_all(plan, Some(real_rules()), &facts);
    render_all(&found, text, true);
    let (at, horizon_days) = date_and_horizon(data);
    evaluate_and_render(
        real_rules(),
        &facts,
        at,
        horizon_days,
        overrides_of(data),
        text,
    );
    let version = diff::Version {
        plan,
        rules: Some(real_rules()),
        facts: &facts,
    };
    let d = diff::diff(&version, &version, Some(at), horizon_days);
    let _ = render::diff::text(&d);
}
