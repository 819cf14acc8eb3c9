//! Lowering of rule sets: each clause kind has one fixed form, listed with
//! its keyword in [`Keyword::ALL`] (which `docs/language.md` mirrors).

use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::source::FileId;
use crate::syntax::ast::{self, LitKind, Token};

use super::names::{closest, help_for_fixed};
use super::Ctx;

pub fn lower_rules(ast: &ast::RulesAst, file: FileId) -> (RuleSet, Vec<Diagnostic>) {
    let mut ctx = Ctx::new(file);
    let mut clauses: Vec<Clause> = Vec::new();
    for c in &ast.clauses {
        if let Some(kind) = clause(&mut ctx, c) {
            if let Some(first) = clauses.iter().find(|x| same_subject(&x.kind, &kind)) {
                ctx.given_twice(
                    crate::tr!("l014-clause-message", clause = label(&kind)),
                    c.span,
                    first.span,
                    crate::tr!("l014-clause-help"),
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

/// Whether two clauses say something about the same thing, so that only one
/// of them may stand: the same keyword and subject.
fn same_subject(a: &ClauseKind, b: &ClauseKind) -> bool {
    a.keyword() == b.keyword() && a.subject() == b.subject()
}

/// The keyword, with the subject of a repeatable clause (`repay-unmet spuk`).
fn label(kind: &ClauseKind) -> String {
    match kind.subject() {
        Some(subject) => format!("{} {subject}", kind.keyword().as_str()),
        None => kind.keyword().as_str().to_string(),
    }
}

fn word(t: &Token) -> Option<&str> {
    match t {
        Token::Ident(i) => Some(&i.name),
        _ => None,
    }
}

pub(super) fn clause(ctx: &mut Ctx, c: &ast::ClauseAst) -> Option<ClauseKind> {
    let Some(keyword) = Keyword::parse(&c.kind.name) else {
        ctx.unknown(
            "L012",
            c.kind.span,
            crate::tr!("l012-clause-message", kind = c.kind.name),
            crate::tr!("l012-clause-label"),
            help_for_fixed(
                "clause kinds",
                &c.kind.name,
                Keyword::ALL.iter().map(|(_, word, _)| *word),
            ),
            closest(&c.kind.name, Keyword::ALL.iter().map(|(_, word, _)| *word)),
        );
        return None;
    };
    if c.citation.value.trim().is_empty() {
        ctx.error(
            "L021",
            c.citation.span,
            crate::tr!("l021-message"),
            crate::tr!("l021-label"),
            crate::tr!("l021-help"),
        );
    }
    let words: Vec<Option<&str>> = c.args.iter().map(word).collect();
    use Keyword as K;
    let kind = match (keyword, words.as_slice()) {
        (K::Entitlement, [Some("on-achievement")]) => Some(ClauseKind::Entitlement),
        (K::Assessors, ws) if !ws.is_empty() => roles(ctx, &c.args).map(ClauseKind::Assessors),
        (K::AssessmentWindow, [None, Some(unit @ ("days" | "weeks"))]) => {
            window_days(ctx, &c.args, unit).map(|days| ClauseKind::AssessmentWindow { days })
        }
        (K::DeemedAchieved, [Some("if"), Some("administration-compliant")]) => {
            Some(ClauseKind::DeemedAchieved)
        }
        (K::Payment, [Some("by"), Some(_)]) => roles(ctx, c.args.get(1..).unwrap_or(&[]))
            .and_then(|r| r.first().copied())
            .map(|by| ClauseKind::Payment { by }),
        (K::NoClawback, []) => Some(ClauseKind::NoClawback),
        (K::PartialPayout, [Some("by"), rest @ ..]) if !rest.is_empty() => {
            roles(ctx, c.args.get(1..).unwrap_or(&[])).map(|by| ClauseKind::PartialPayout { by })
        }
        (K::Postponement, [Some("until"), Some("payout-cutoff")]) => {
            Some(ClauseKind::Postponement { by: Vec::new() })
        }
        (K::Postponement, [Some("until"), Some("payout-cutoff"), Some("by"), rest @ ..])
            if !rest.is_empty() =>
        {
            roles(ctx, c.args.get(3..).unwrap_or(&[])).map(|by| ClauseKind::Postponement { by })
        }
        (K::PayoutCutoff, [None]) => date_arg(ctx, &c.args).map(ClauseKind::PayoutCutoff),
        (K::NonWorkingDay, [None]) => date_arg(ctx, &c.args).map(ClauseKind::NonWorkingDay),
        (K::RepayUnmet, [Some(stream), Some("by"), Some(key)]) => Some(ClauseKind::RepayUnmet {
            stream: StreamId::new(*stream),
            key: (*key != "risk-key").then(|| KeyId::new(*key)),
        }),
        (K::Advances, [Some("yearly")]) => Some(ClauseKind::Advances),
        (K::Dissolution, [Some("lapses-claims")]) => Some(ClauseKind::DissolutionLapsesClaims),
        (K::DoubleFunding, [Some("reclaimable")]) => Some(ClauseKind::DoubleFundingReclaimable),
        (K::Amendment, [Some("needs"), Some("addendum")]) => {
            Some(ClauseKind::AmendmentNeedsAddendum)
        }
        (K::Monitoring, [Some("quarterly")]) => Some(ClauseKind::MonitoringQuarterly),
        (K::MaxDuration, [None, Some("years")]) => {
            count(ctx, &c.args).map(|years| ClauseKind::MaxDuration { years })
        }
        (K::DeadlineShift, [Some("next-working-day")]) => Some(ClauseKind::DeadlineShift {
            next_working_day: true,
        }),
        (K::DeadlineShift, [Some("none")]) => Some(ClauseKind::DeadlineShift {
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
            crate::tr!("l017-clause-message", kind = c.kind.name),
            crate::tr!("l017-label"),
            crate::tr!("l017-clause-help", form = keyword.form()),
        );
    }
    kind
}

/// The longest assessment window accepted: ten years. Longer is no
/// agreement anyone signed, and it keeps every deadline inside the calendar.
pub const MAX_WINDOW_DAYS: u32 = 3653;

/// `N days` or `N weeks`, in days; L030 beyond [`MAX_WINDOW_DAYS`].
fn window_days(ctx: &mut Ctx, args: &[Token], unit: &str) -> Option<u32> {
    let n = count(ctx, args)?;
    let days = if unit == "weeks" {
        n.checked_mul(7)
    } else {
        Some(n)
    };
    match days.filter(|d| *d <= MAX_WINDOW_DAYS) {
        Some(d) => Some(d),
        None => {
            let span = args.first().map_or_else(Default::default, Token::span);
            ctx.error(
                "L030",
                span,
                crate::tr!("l030-message", count = n, unit = unit),
                crate::tr!("l030-label"),
                crate::tr!("l030-help", max = MAX_WINDOW_DAYS),
            );
            None
        }
    }
}

fn date_arg(ctx: &mut Ctx, args: &[Token]) -> Option<chrono::NaiveDate> {
    match args.first() {
        Some(Token::Lit(l)) if l.kind == LitKind::Date => ctx.date(l),
        _ => None,
    }
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
                ctx.unknown(
                    "L012",
                    i.span,
                    crate::tr!("l012-role-message", role = i.name),
                    crate::tr!("l012-role-label"),
                    help_for_fixed("roles", &i.name, Role::ALL.iter().map(|(n, _)| *n)),
                    closest(&i.name, Role::ALL.iter().map(|(n, _)| *n)),
                );
                return None;
            }
        }
    }
    Some(out)
}
