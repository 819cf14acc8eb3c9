//! Lowering of rule sets: each clause kind has one fixed form, listed in
//! [`FORMS`] (which `docs/language.md` mirrors).

use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::source::FileId;
use crate::syntax::ast::{self, LitKind, Token};

use super::names::help_for_fixed;
use super::Ctx;

/// Every clause kind with the form its arguments take.
pub const FORMS: &[(&str, &str)] = &[
    ("entitlement", "entitlement on-achievement"),
    ("assessors", "assessors ROLE ROLE..."),
    ("assessment-window", "assessment-window N days|weeks"),
    (
        "deemed-achieved",
        "deemed-achieved if administration-compliant",
    ),
    ("payment", "payment by ROLE"),
    ("no-clawback", "no-clawback"),
    ("partial-payout", "partial-payout by ROLE ROLE..."),
    ("postponement", "postponement until payout-cutoff"),
    ("payout-cutoff", "payout-cutoff DATE"),
    ("repay-unmet", "repay-unmet STREAM by risk-key"),
    ("advances", "advances yearly"),
    ("dissolution", "dissolution lapses-claims"),
    ("double-funding", "double-funding reclaimable"),
    ("amendment", "amendment needs addendum"),
    ("monitoring", "monitoring quarterly"),
    ("max-duration", "max-duration N years"),
    ("deadline-shift", "deadline-shift next-working-day|none"),
];

pub fn lower_rules(ast: &ast::RulesAst, file: FileId) -> (RuleSet, Vec<Diagnostic>) {
    let mut ctx = Ctx::new(file);
    let mut clauses: Vec<Clause> = Vec::new();
    for c in &ast.clauses {
        if let Some(kind) = clause(&mut ctx, c) {
            let same = clauses
                .iter()
                .find(|x| std::mem::discriminant(&x.kind) == std::mem::discriminant(&kind));
            if let Some(first) = same {
                ctx.given_twice(
                    format!("clause `{}` is given twice", c.kind.name),
                    c.span,
                    first.span,
                    "a rule set has one clause of each kind",
                );
                continue;
            }
            clauses.push(Clause {
                citation: c.citation.value.clone(),
                kind,
                span: c.span,
            });
        }
    }
    let rules = RuleSet {
        file,
        hash: None,
        id: RulesId::new(&ast.id.name),
        title: ast.title.value.clone(),
        clauses,
        span: ast.span,
    };
    (rules, ctx.diagnostics)
}

fn word(t: &Token) -> Option<&str> {
    match t {
        Token::Ident(i) => Some(&i.name),
        _ => None,
    }
}

pub(super) fn clause(ctx: &mut Ctx, c: &ast::ClauseAst) -> Option<ClauseKind> {
    let Some((_, form)) = FORMS.iter().find(|(k, _)| *k == c.kind.name) else {
        ctx.error(
            "L012",
            c.kind.span,
            format!("unknown clause kind `{}`", c.kind.name),
            "not a clause kind",
            help_for_fixed("clause kinds", &c.kind.name, FORMS.iter().map(|(k, _)| *k)),
        );
        return None;
    };
    if c.citation.value.trim().is_empty() {
        ctx.error(
            "L021",
            c.citation.span,
            "a clause must cite the article it encodes",
            "empty citation",
            "write the article, e.g. \"art. 3.2.2\"",
        );
    }
    let words: Vec<Option<&str>> = c.args.iter().map(word).collect();
    let kind = match (c.kind.name.as_str(), words.as_slice()) {
        ("entitlement", [Some("on-achievement")]) => Some(ClauseKind::Entitlement),
        ("assessors", ws) if !ws.is_empty() => roles(ctx, &c.args).map(ClauseKind::Assessors),
        ("assessment-window", [None, Some(unit @ ("days" | "weeks"))]) => {
            count(ctx, &c.args).map(|n| ClauseKind::AssessmentWindow {
                days: if *unit == "weeks" {
                    n.saturating_mul(7)
                } else {
                    n
                },
            })
        }
        ("deemed-achieved", [Some("if"), Some("administration-compliant")]) => {
            Some(ClauseKind::DeemedAchieved)
        }
        ("payment", [Some("by"), Some(_)]) => roles(ctx, c.args.get(1..).unwrap_or(&[]))
            .and_then(|r| r.first().copied())
            .map(|by| ClauseKind::Payment { by }),
        ("no-clawback", []) => Some(ClauseKind::NoClawback),
        ("partial-payout", [Some("by"), rest @ ..]) if !rest.is_empty() => {
            roles(ctx, c.args.get(1..).unwrap_or(&[])).map(|by| ClauseKind::PartialPayout { by })
        }
        ("postponement", [Some("until"), Some("payout-cutoff")]) => Some(ClauseKind::Postponement),
        ("payout-cutoff", [None]) => match c.args.first() {
            Some(Token::Lit(l)) if l.kind == LitKind::Date => {
                ctx.date(l).map(ClauseKind::PayoutCutoff)
            }
            _ => None,
        },
        ("repay-unmet", [Some(stream), Some("by"), Some("risk-key")]) => {
            Some(ClauseKind::RepayUnmet {
                stream: StreamId::new(*stream),
            })
        }
        ("advances", [Some("yearly")]) => Some(ClauseKind::Advances),
        ("dissolution", [Some("lapses-claims")]) => Some(ClauseKind::DissolutionLapsesClaims),
        ("double-funding", [Some("reclaimable")]) => Some(ClauseKind::DoubleFundingReclaimable),
        ("amendment", [Some("needs"), Some("addendum")]) => {
            Some(ClauseKind::AmendmentNeedsAddendum)
        }
        ("monitoring", [Some("quarterly")]) => Some(ClauseKind::MonitoringQuarterly),
        ("max-duration", [None, Some("years")]) => {
            count(ctx, &c.args).map(|years| ClauseKind::MaxDuration { years })
        }
        ("deadline-shift", [Some("next-working-day")]) => Some(ClauseKind::DeadlineShift {
            next_working_day: true,
        }),
        ("deadline-shift", [Some("none")]) => Some(ClauseKind::DeadlineShift {
            next_working_day: false,
        }),
        _ => None,
    };
    if kind.is_none()
        && !ctx
            .diagnostics
            .iter()
            .any(|d| c.span.start <= d.offset() && d.offset() < c.span.end)
    {
        ctx.error(
            "L017",
            c.span,
            format!("clause `{}` is not written in its form", c.kind.name),
            "does not match the form",
            format!("write it as `clause \"ARTICLE\" {form}`"),
        );
    }
    kind
}

fn count(ctx: &mut Ctx, args: &[Token]) -> Option<u32> {
    match args.first() {
        Some(Token::Lit(l)) => ctx.whole(l),
        _ => None,
    }
}

fn roles(ctx: &mut Ctx, args: &[Token]) -> Option<Vec<Role>> {
    let mut out = Vec::new();
    for a in args {
        let Token::Ident(i) = a else { return None };
        match Role::parse(&i.name) {
            Some(r) => out.push(r),
            None => {
                ctx.error(
                    "L012",
                    i.span,
                    format!("unknown role `{}`", i.name),
                    "not a role",
                    help_for_fixed("roles", &i.name, Role::ALL.iter().map(|(n, _)| *n)),
                );
                return None;
            }
        }
    }
    Some(out)
}
