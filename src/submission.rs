//! `mijlpaal submission`: the assessment framework (`model::criteria`) as a
//! checklist filled in for one plan. Each criterion is decided by what its
//! framework names: check codes (the findings of `check::run_all`, never a
//! check of its own), the share of the money due in the plan's last quarter
//! and the rule set's `no-clawback` clause. What no check decides is
//! confirmed by a pointer in the plan (`addresses ID by plan "..."`).
//!
//! A criterion **fails** on an error of a check it names, or a test that
//! fails; it is **to-confirm** when nothing decides it, or a check it names
//! warns (the assessor weighs the warning), or a test cannot be computed; it
//! **holds** otherwise. Every decision lists the checks and figures behind it.

use chrono::{Months, NaiveDate};
use serde_json::json;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lower::names::help_for;
use crate::model::checked::percent_of;
use crate::model::criteria::{Criteria, Criterion, Decider};
use crate::model::{ClauseKind, Money, Plan, RuleSet};
use crate::source::SourceMap;

/// The framework a plan is assessed by, and its `addresses` pointers
/// checked against: the Beoordelingskader (`rules/beoordelingskader.criteria`).
pub const FRAMEWORK: &str = "beoordelingskader";

/// How a criterion stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Holds,
    Fails,
    ToConfirm,
}

impl Status {
    /// The status as written in JSON, and in every format in English.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Holds => "holds",
            Status::Fails => "fails",
            Status::ToConfirm => "to-confirm",
        }
    }
    /// The status as a reader sees it: the id in English (as the checklist
    /// has always shown it), in words in another language.
    pub fn word(self) -> String {
        match self {
            Status::Holds => crate::tr!("submission-status-holds"),
            Status::Fails => crate::tr!("submission-status-fails"),
            Status::ToConfirm => crate::tr!("submission-status-to-confirm"),
        }
    }
}

/// The words of the output other than the framework's own (whose criteria
/// are Dutch already), in the current language: the catalogue's
/// `locales/*/submission.ftl`.
pub struct Labels {
    /// The page's language, as in `<html lang="…">`.
    pub lang: &'static str,
    pub checks: String,
    pub pointer: String,
    pub plan: String,
    pub id: String,
    pub status: String,
    pub criterion: String,
    pub source: String,
}

impl Labels {
    /// The labels in the language chosen for this run.
    pub fn current() -> Labels {
        Labels {
            lang: crate::i18n::lang().tag(),
            checks: crate::tr!("submission-checks"),
            pointer: crate::tr!("submission-pointer"),
            plan: crate::tr!("submission-plan"),
            id: crate::tr!("submission-id"),
            status: crate::tr!("submission-status"),
            criterion: crate::tr!("submission-criterion"),
            source: crate::tr!("submission-source"),
        }
    }
}

/// One criterion, decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub id: String,
    pub text: String,
    pub source: String,
    pub status: Status,
    /// The findings and figures behind the status, one line each.
    pub because: Vec<String>,
    /// What was consulted: check codes and test names.
    pub checks: Vec<String>,
    /// The plan's pointers to its text, in the order written.
    pub pointers: Vec<String>,
}

/// The checklist of one plan against one framework.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    pub plan: String,
    pub plan_title: String,
    pub framework: String,
    pub framework_title: String,
    pub outcomes: Vec<Outcome>,
}

impl Checklist {
    /// How many criteria have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.outcomes.iter().filter(|o| o.status == status).count()
    }

    /// "16 criteria: 3 hold, 1 fails, 12 to confirm"
    pub fn summary(&self) -> String {
        crate::tr!(
            "submission-summary",
            criteria = self.outcomes.len(),
            holds = self.count(Status::Holds),
            fails = self.count(Status::Fails),
            to_confirm = self.count(Status::ToConfirm)
        )
    }
}

/// L011: each `addresses` of the plan names a criterion of the framework.
pub fn check_pointers(plan: &Plan, criteria: &Criteria) -> Vec<Diagnostic> {
    plan.addresses
        .iter()
        .filter(|a| !criteria.ids().any(|id| id == a.criterion))
        .map(|a| {
            Diagnostic::error(
                "L011",
                crate::tr!(
                    "l011-criterion-message",
                    criterion = a.criterion,
                    framework = criteria.id
                ),
            )
            .in_file(plan.file)
            .at(a.criterion_span, crate::tr!("l011-criterion-label"))
            .with_help(help_for("criteria", &a.criterion, criteria.ids()))
        })
        .collect()
}

/// Decides every criterion of `criteria` for `plan`, from the findings of
/// `check::run_all` on it (`findings`; other diagnostics are ignored).
pub fn decide(
    plan: &Plan,
    rules: Option<&RuleSet>,
    findings: &[Diagnostic],
    criteria: &Criteria,
    sources: &SourceMap,
) -> Checklist {
    let outcomes = criteria
        .criteria
        .iter()
        .map(|c| decide_one(plan, rules, findings, criteria, c, sources))
        .collect();
    Checklist {
        plan: plan.id.as_str().to_string(),
        plan_title: plan.title.clone(),
        framework: criteria.id.clone(),
        framework_title: criteria.title.clone(),
        outcomes,
    }
}

/// What one decider found.
struct Finding {
    status: Status,
    because: Vec<String>,
}

fn decide_one(
    plan: &Plan,
    rules: Option<&RuleSet>,
    findings: &[Diagnostic],
    criteria: &Criteria,
    c: &Criterion,
    sources: &SourceMap,
) -> Outcome {
    let pointers: Vec<String> = plan
        .addresses
        .iter()
        .filter(|a| a.criterion == c.id)
        .map(|a| a.pointer.clone())
        .collect();
    let mut status = if c.decided_by.is_empty() {
        Status::ToConfirm
    } else {
        Status::Holds
    };
    let mut because = Vec::new();
    for d in &c.decided_by {
        let f = match d {
            Decider::Check(code) => by_check(code, plan, rules, findings, sources),
            Decider::LastQuarter => last_quarter(plan, criteria),
            Decider::NoClawback => no_clawback(rules, sources),
        };
        status = worse(status, f.status);
        because.extend(f.because);
    }
    if c.decided_by.is_empty() && pointers.is_empty() {
        because.push(crate::tr!("submission-no-pointer"));
    }
    Outcome {
        id: c.id.clone(),
        text: c.text.clone(),
        source: c.source.clone(),
        status,
        because,
        checks: c.decided_by.iter().map(|d| d.name().to_string()).collect(),
        pointers,
    }
}

/// Fails over to-confirm over holds.
fn worse(a: Status, b: Status) -> Status {
    match (a, b) {
        (Status::Fails, _) | (_, Status::Fails) => Status::Fails,
        (Status::ToConfirm, _) | (_, Status::ToConfirm) => Status::ToConfirm,
        _ => Status::Holds,
    }
}

/// "line 42" of a diagnostic's first label, if it has one.
fn line_of(d: &Diagnostic, sources: &SourceMap) -> Option<usize> {
    let label = d.labels.iter().find(|l| l.primary).or(d.labels.first())?;
    let file = sources.get(d.file?)?;
    Some(file.line_of(label.span.start).saturating_add(1))
}

fn by_check(
    code: &'static str,
    plan: &Plan,
    rules: Option<&RuleSet>,
    findings: &[Diagnostic],
    sources: &SourceMap,
) -> Finding {
    let name = crate::check::find(code).map_or("", |c| c.name);
    // C701 says nothing without the clause and the period it compares.
    if code == "C701" && (rules.and_then(RuleSet::max_duration).is_none() || plan.period.is_none())
    {
        return Finding {
            status: Status::ToConfirm,
            because: vec![crate::tr!(
                "submission-c701-undecided",
                code = code,
                name = name
            )],
        };
    }
    let mine: Vec<&Diagnostic> = findings.iter().filter(|d| d.code == code).collect();
    if mine.is_empty() {
        return Finding {
            status: Status::Holds,
            because: vec![crate::tr!(
                "submission-no-findings",
                code = code,
                name = name
            )],
        };
    }
    let status = if mine.iter().any(|d| d.severity == Severity::Error) {
        Status::Fails
    } else {
        Status::ToConfirm
    };
    let because = mine
        .iter()
        .map(|d| {
            let severity = match d.severity {
                Severity::Error => crate::tr!("submission-error"),
                Severity::Warning => crate::tr!("submission-warning"),
                Severity::Info => crate::tr!("submission-info"),
            };
            let line = line_of(d, sources)
                .map(|n| crate::tr!("submission-at-line", line = n))
                .unwrap_or_default();
            crate::tr!(
                "submission-finding",
                code = code,
                name = name,
                severity = severity,
                message = d.message,
                line = line
            )
        })
        .collect();
    Finding { status, because }
}

/// The quarter that ends on the plan's last day: `period` end minus three
/// months, plus one day, up to the end.
pub fn last_quarter_of(plan: &Plan) -> Option<(NaiveDate, NaiveDate)> {
    let end = plan.period?.to;
    let from = end.checked_sub_months(Months::new(3))?.succ_opt()?;
    Some((from, end))
}

fn last_quarter(plan: &Plan, criteria: &Criteria) -> Finding {
    let undecided = |why: String| Finding {
        status: Status::ToConfirm,
        because: vec![crate::tr!("submission-last-quarter-undecided", why = why)],
    };
    let Some(threshold) = criteria.last_quarter else {
        return undecided(crate::tr!("submission-no-threshold"));
    };
    let Some((from, to)) = last_quarter_of(plan) else {
        return undecided(crate::tr!("submission-no-period"));
    };
    let amount = |m: &crate::model::Milestone| m.amount.as_ref().map_or(Money::ZERO, |a| a.total);
    let total = Money::checked_sum(plan.milestones.iter().map(amount));
    let late = Money::checked_sum(
        plan.milestones
            .iter()
            .filter(|m| m.due.is_some_and(|d| d >= from))
            .map(amount),
    );
    let (Some(total), Some(late)) = (total, late) else {
        return undecided(crate::tr!("submission-too-large"));
    };
    let Some(share) = percent_of(late.amount(), total.amount()) else {
        return undecided(crate::tr!("submission-no-money"));
    };
    let share = share.round_dp(2);
    let figures = crate::tr!(
        "submission-last-quarter",
        late = late,
        total = total,
        share = crate::model::money::dutch(share, false),
        from = from,
        to = to,
        threshold = threshold
    );
    let status = if share > threshold.value() {
        Status::Fails
    } else {
        Status::Holds
    };
    Finding {
        status,
        because: vec![if status == Status::Fails {
            crate::tr!("submission-last-quarter-fails", figures = figures)
        } else {
            figures
        }],
    }
}

fn no_clawback(rules: Option<&RuleSet>, sources: &SourceMap) -> Finding {
    let Some(rules) = rules else {
        return Finding {
            status: Status::ToConfirm,
            because: vec![crate::tr!("submission-no-rule-set")],
        };
    };
    match rules
        .clauses
        .iter()
        .find(|c| matches!(c.kind, ClauseKind::NoClawback))
    {
        Some(c) => {
            let line = sources
                .get(rules.file)
                .map(|f| f.line_of(c.span.start).saturating_add(1));
            let at = line.map_or(String::new(), |n| {
                crate::tr!("submission-at-line", line = n)
            });
            Finding {
                status: Status::Holds,
                because: vec![crate::tr!(
                    "submission-no-clawback-holds",
                    rules = rules.id,
                    citation = c.citation,
                    line = at
                )],
            }
        }
        None => Finding {
            status: Status::Fails,
            because: vec![crate::tr!("submission-no-clawback-fails", rules = rules.id)],
        },
    }
}

// ---------------------------------------------------------------- output

/// The checklist as text.
pub fn text(list: &Checklist, l: &Labels) -> String {
    let mut out = format!(
        "{} — {} `{}` \"{}\"\n\n",
        list.framework_title, l.plan, list.plan, list.plan_title
    );
    // The status column fits the longest status word (`to-confirm` in English).
    let width = list
        .outcomes
        .iter()
        .map(|o| o.status.word().chars().count())
        .max()
        .unwrap_or(0)
        .max(10);
    for o in &list.outcomes {
        out.push_str(&format!(
            "{:<13} {:<width$}  {} ({})\n",
            o.id,
            o.status.word(),
            o.text,
            o.source
        ));
        if !o.checks.is_empty() {
            out.push_str(&format!("    {}: {}\n", l.checks, o.checks.join(", ")));
        }
        for b in &o.because {
            out.push_str(&format!("    - {b}\n"));
        }
        for p in &o.pointers {
            out.push_str(&format!("    {}: {p}\n", l.pointer));
        }
    }
    out.push('\n');
    out.push_str(&list.summary());
    out.push('\n');
    out
}

/// Markdown text: the characters Markdown or HTML would read escaped.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The checklist as Markdown, for attaching to the submission.
pub fn markdown(list: &Checklist, l: &Labels) -> String {
    let mut out = format!(
        "# {}\n\n{} `{}`: {}\n\n",
        md(&list.framework_title),
        l.plan,
        md(&list.plan),
        md(&list.plan_title)
    );
    for o in &list.outcomes {
        out.push_str(&format!(
            "## {} — {}\n\n{} ({})\n\n",
            md(&o.id),
            o.status.word(),
            md(&o.text),
            md(&o.source)
        ));
        if !o.checks.is_empty() {
            out.push_str(&format!("- {}: {}\n", l.checks, md(&o.checks.join(", "))));
        }
        for b in &o.because {
            out.push_str(&format!("- {}\n", md(b)));
        }
        for p in &o.pointers {
            out.push_str(&format!("- {}: {}\n", l.pointer, md(p)));
        }
        out.push('\n');
    }
    out.push_str(&format!("**{}**\n", md(&list.summary())));
    out
}

/// The checklist as JSON (docs/language.md, "Ready for submission").
pub fn to_json(list: &Checklist) -> serde_json::Value {
    let criteria: Vec<serde_json::Value> = list
        .outcomes
        .iter()
        .map(|o| {
            let mut v = json!({
                "id": o.id,
                "text": o.text,
                "source": o.source,
                "status": o.status.as_str(),
                "because": o.because,
                "checks": o.checks,
            });
            if !o.pointers.is_empty() {
                if let Some(map) = v.as_object_mut() {
                    map.insert("pointer".into(), json!(o.pointers.join("; ")));
                }
            }
            v
        })
        .collect();
    json!({
        "plan": list.plan,
        "framework": list.framework,
        "criteria": criteria,
        "summary": {
            "criteria": list.outcomes.len(),
            "holds": list.count(Status::Holds),
            "fails": list.count(Status::Fails),
            "to-confirm": list.count(Status::ToConfirm),
            "text": list.summary(),
        },
    })
}

/// The checklist's own style on top of the council report's.
const HTML_STYLE: &str = "
.c-holds { background: #d8f0dc; }
.c-fails { background: #f8d6d6; }
.c-to-confirm { background: #e3ecf7; }
td ul { margin: 0; padding-left: 1.1rem; }
";

/// The checklist as one self-contained HTML page (well-formed XML too), in
/// the style of the council report (`render::report::STYLE`); every text
/// from the input escaped by `render::report::html`.
pub fn html(list: &Checklist, l: &Labels) -> String {
    use crate::render::report::{html as h, STYLE};
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{} — {}</title>\n<style>{STYLE}{HTML_STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"meta\">{} <code>{}</code>: {}</p>\n",
        l.lang,
        h(&list.framework_title),
        h(&list.plan),
        h(&list.framework_title),
        l.plan,
        h(&list.plan),
        h(&list.plan_title),
    );
    out.push_str(&format!(
        "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>",
        l.id, l.status, l.criterion, l.source
    ));
    out.push_str(&l.checks);
    out.push_str("</th></tr></thead>\n<tbody>\n");
    for o in &list.outcomes {
        let status = o.status.as_str();
        out.push_str(&format!(
            "<tr data-criterion=\"{}\" data-status=\"{status}\"><td>{}</td><td><span class=\"status c-{status}\">{}</span></td><td>{}</td><td>{}</td><td><ul>",
            h(&o.id),
            h(&o.id),
            h(&o.status.word()),
            h(&o.text),
            h(&o.source),
        ));
        if !o.checks.is_empty() {
            out.push_str(&format!(
                "<li>{}: {}</li>",
                l.checks,
                h(&o.checks.join(", "))
            ));
        }
        for b in &o.because {
            out.push_str(&format!("<li>{}</li>", h(b)));
        }
        for p in &o.pointers {
            out.push_str(&format!("<li>{}: {}</li>", l.pointer, h(p)));
        }
        out.push_str("</ul></td></tr>\n");
    }
    out.push_str(&format!(
        "</tbody>\n</table>\n<p><strong>{}</strong></p>\n</body>\n</html>\n",
        h(&list.summary())
    ));
    out
}
