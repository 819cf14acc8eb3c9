//! Stage 3a: the consistency checker. A catalogue of checks on the lowered
//! model, one per file, each with a stable code, a default severity and a
//! module doc comment that is its user documentation (`mijlpaal explain CODE`
//! prints it, examples included).
//!
//! Checks only read the model and report; they never change it.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::checked::sum_money;

use crate::model::{Facts, Milestone, MilestoneNo, Money, Plan, RuleSet, Terms};
use crate::source::Span;

mod amendment_paid;
mod amount_missing;
mod baseline_not_set;
mod declared_amount;
mod dependency_cycle;
mod dependency_order;
mod due_missing;
mod due_outside_period;
mod effort_share;
mod evidence_missing;
mod key_declared_percent;
mod key_declared_total;
mod key_percent_sum;
mod key_subset;
mod key_weights;
mod max_duration;
mod measurement_after_due;
mod payout_missing;
mod plan_total;
mod result_unmeasurable;
mod risk_key_missing;
mod rules_missing;
mod rules_pinned;
mod same_ratio;
mod split_sum;
mod target_ambition;
mod target_fits_metric;
mod unpayable_window;
mod window_order;

pub mod tolerance;

/// What a check sees: the plan with every amendment applied, its rule set
/// (likewise amended) if found, the plan as written (for checks about the
/// amendments themselves) and any facts given alongside.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub rules: Option<&'a RuleSet>,
    /// What the rule set means (empty without one): the same [`Terms`] the
    /// evaluator reads, so deadlines are computed once for both.
    pub terms: Terms,
    pub written: &'a Plan,
    pub facts: &'a [Facts],
    /// The `after` graph, built once for the checks that need it.
    dependencies: std::cell::OnceCell<dependency_cycle::Dependencies>,
    /// Its strongly connected components, likewise.
    components: std::cell::OnceCell<Vec<Vec<MilestoneNo>>>,
}

impl Context<'_> {
    /// The dependency graph: an edge from each milestone to what builds on
    /// it (built on first use, shared by C201, C202 and C203).
    pub fn dependencies(&self) -> &dependency_cycle::Dependencies {
        self.dependencies
            .get_or_init(|| dependency_cycle::Dependencies::of(self.plan))
    }

    /// The strongly connected components of [`Context::dependencies`], in
    /// reverse topological order (petgraph's `kosaraju_scc`): computed on
    /// first use, shared by C201, C202 and C203.
    pub fn components(&self) -> &[Vec<MilestoneNo>] {
        self.components
            .get_or_init(|| self.dependencies().components())
    }
}

/// One check of the catalogue.
pub struct Check {
    /// Stable code, e.g. `C101`; never reused for another check.
    pub code: &'static str,
    /// Short kebab-case name, e.g. `split-sum`.
    pub name: &'static str,
    pub severity: Severity,
    pub run: fn(&Context, &mut Sink),
    /// The check's source file; its `//!` lines are its documentation.
    pub source: &'static str,
}

impl Check {
    /// The user documentation: the module doc comment of the check's file.
    pub fn doc(&self) -> String {
        doc_of(self.source)
    }
}

/// Extracts the `//!` lines of a source file as Markdown.
pub fn doc_of(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        let Some(rest) = line.strip_prefix("//!") else {
            if line.trim().is_empty() && out.is_empty() {
                continue;
            }
            break;
        };
        out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
        out.push('\n');
    }
    out
}

/// Collects one check's findings with its code and severity filled in.
pub struct Sink {
    code: &'static str,
    severity: Severity,
    file: crate::source::FileId,
    pub found: Vec<Diagnostic>,
}

impl Sink {
    /// Starts a finding with this check's code and severity.
    pub fn report(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, self.severity, message).in_file(self.file)
    }
    /// Starts a finding at another severity than the check's default.
    pub fn report_as(&self, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, severity, message).in_file(self.file)
    }
    /// A figure too large to compute with exactly, reported under `code`
    /// (this check's A-code, documented in `codes.rs`) at the figure that
    /// made the computation overflow. The check reports nothing else about it.
    pub fn overflow(&self, code: &'static str, span: Span, what: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, Severity::Error, what)
            .in_file(self.file)
            .at(span, crate::tr!("check-overflow-label"))
            .with_help(crate::tr!("check-overflow-help"))
    }
    pub fn push(&mut self, d: Diagnostic) {
        self.found.push(d);
    }
}

/// The sum of `amount` over the plan's milestones, or the span of the
/// milestone amount that made it overflow (for the check's A-code).
pub fn milestone_sum(plan: &Plan, amount: impl Fn(&Milestone) -> Money) -> Result<Money, Span> {
    sum_money(plan.milestones.iter().map(&amount)).map_err(|i| {
        plan.milestones.get(i).map_or(plan.span, |m| {
            m.amount.as_ref().map_or(m.header_span, |a| a.span)
        })
    })
}

/// The catalogue, in code order.
pub const ALL: &[&Check] = &[
    &split_sum::CHECK,
    &plan_total::CHECK,
    &declared_amount::CHECK,
    &same_ratio::CHECK,
    &dependency_cycle::CHECK,
    &dependency_order::CHECK,
    &baseline_not_set::CHECK,
    &due_missing::CHECK,
    &due_outside_period::CHECK,
    &measurement_after_due::CHECK,
    &window_order::CHECK,
    &unpayable_window::CHECK,
    &key_weights::CHECK,
    &key_declared_total::CHECK,
    &key_declared_percent::CHECK,
    &key_percent_sum::CHECK,
    &key_subset::CHECK,
    &target_fits_metric::CHECK,
    &target_ambition::CHECK,
    &evidence_missing::CHECK,
    &result_unmeasurable::CHECK,
    &amount_missing::CHECK,
    &payout_missing::CHECK,
    &risk_key_missing::CHECK,
    &rules_missing::CHECK,
    &max_duration::CHECK,
    &effort_share::CHECK,
    &amendment_paid::CHECK,
    &rules_pinned::CHECK,
];

/// The checks whose errors make an evaluation's money wrong: a split that
/// adds up to more than the amount (C101), weights that cannot divide
/// (C401, C405), money with no amount, recipient or risk key (C603-C605).
/// `evaluate`, `explain-milestone`, `diff` and `snapshot` stop on them (and
/// on C901, a pin that does not match) unless told otherwise. Errors that
/// compare the plan with the figures another document declares (C102,
/// C103, C402, C403) do not stop them: evaluation uses the plan's own
/// amounts and weights, which are consistent; the published Twente
/// documents disagree with themselves there, and `check` reports it.
pub const GATES_EVALUATION: &[&str] = &["C101", "C401", "C405", "C603", "C604", "C605"];

pub fn find(code: &str) -> Option<&'static Check> {
    ALL.iter()
        .copied()
        .find(|c| c.code.eq_ignore_ascii_case(code) || c.name == code)
}

/// Runs every check on a plan as it stands after all its amendments.
pub fn run_all(written: &Plan, rules: Option<&RuleSet>, facts: &[Facts]) -> Vec<Diagnostic> {
    // Without amendments the plan and rules are checked as written, uncopied.
    let (amended_plan, amended_rules);
    let (plan, rules) = if written.amendments.is_empty() {
        (written, rules)
    } else {
        amended_plan = written.as_of(chrono::NaiveDate::MAX);
        amended_rules = rules.map(|r| r.as_of(written, chrono::NaiveDate::MAX));
        (&amended_plan, amended_rules.as_ref())
    };
    let ctx = Context {
        plan,
        rules,
        terms: rules.map(Terms::of).unwrap_or_default(),
        written,
        facts,
        dependencies: std::cell::OnceCell::new(),
        components: std::cell::OnceCell::new(),
    };
    let mut out = Vec::new();
    for check in ALL {
        let mut sink = Sink {
            code: check.code,
            severity: check.severity,
            file: plan.file,
            found: Vec::new(),
        };
        (check.run)(&ctx, &mut sink);
        out.append(&mut sink.found);
    }
    out
}
