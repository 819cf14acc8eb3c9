//! The syntax tree: what was written, with spans, before any meaning is given.
//!
//! Literals keep their raw text; `lower` validates and converts them. The tree
//! is discarded after lowering: checks and evaluation work on `model`.

use crate::source::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Str {
    /// The text with escapes resolved.
    pub value: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LitKind {
    Number,
    Date,
    Percent,
    /// `€ 1.237.000`
    Money,
    /// `1.237.000€`, the documents' spelling; lowering asks for the prefix form.
    MoneySuffix,
    Op,
    Sign,
}

/// A literal as written; `text` is the numeric part (no `€`, no `%`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lit {
    pub kind: LitKind,
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum File {
    Plan(PlanAst),
    Rules(RulesAst),
    Facts(FactsAst),
    Criteria(CriteriaAst),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanAst {
    pub id: Ident,
    pub title: Str,
    pub items: Vec<PlanItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamAmount {
    pub stream: Ident,
    pub amount: Lit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanItem {
    /// `addresses voorwaarde-2 by plan "Businesscase, par. 4"`
    Addresses {
        criterion: Ident,
        pointer: Str,
        span: Span,
    },
    Rules {
        name: Ident,
        pinned: Option<Str>,
        span: Span,
    },
    Period {
        from: Lit,
        to: Lit,
        span: Span,
    },
    Document {
        id: Ident,
        title: Str,
        unit: Option<Lit>,
        span: Span,
    },
    DeclaredTotal {
        by: Option<Ident>,
        total: Lit,
        split: Option<Vec<StreamAmount>>,
        span: Span,
    },
    EffortShare {
        by: Option<Ident>,
        about: bool,
        share: Lit,
        span: Span,
    },
    SameRatio {
        within: Option<Lit>,
        span: Span,
    },
    Party {
        id: Ident,
        name: Str,
        roles: Vec<Ident>,
        reference: Option<Str>,
        span: Span,
    },
    Stream {
        id: Ident,
        name: Str,
        payer: Ident,
        span: Span,
    },
    Key(KeyAst),
    KeySubset {
        id: Ident,
        title: Option<Str>,
        parent: Ident,
        members: Vec<Ident>,
        span: Span,
    },
    Metric {
        id: Ident,
        title: Str,
        kind: Ident,
        span: Span,
    },
    DefaultPayout {
        stream: Ident,
        to: Ident,
        span: Span,
    },
    DefaultRisk {
        stream: Ident,
        key: Ident,
        span: Span,
    },
    Component(ComponentAst),
    Amendment(AmendmentAst),
    Bad(Span),
}

/// `amendment ID "title" { ... }`: an addendum to the plan (art. 2.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmendmentAst {
    pub id: Ident,
    pub title: Str,
    pub items: Vec<AmendmentItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmendmentItem {
    Effective {
        date: Lit,
        span: Span,
    },
    Decision {
        text: Str,
        span: Span,
    },
    Change {
        milestone: Lit,
        item: MilestoneItem,
        span: Span,
    },
    Withdraw {
        milestones: Vec<Lit>,
        span: Span,
    },
    Add {
        component: Lit,
        milestone: MilestoneAst,
        span: Span,
    },
    Rule {
        kind: Ident,
        args: Vec<Token>,
        span: Span,
    },
    Bad(Span),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyAst {
    pub id: Ident,
    pub title: Str,
    pub members: Vec<KeyMemberAst>,
    pub total: Option<KeyTotalAst>,
    pub extra_totals: Vec<Span>,
    pub bad: Vec<Span>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMemberAst {
    pub party: Ident,
    pub weight: Lit,
    pub declared: Option<Lit>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyTotalAst {
    pub total: Lit,
    pub declared: Option<Lit>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentAst {
    pub number: Lit,
    pub name: Str,
    pub milestones: Vec<MilestoneAst>,
    pub bad: Vec<Span>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneAst {
    pub number: Lit,
    pub text: Str,
    pub items: Vec<MilestoneItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MilestoneItem {
    Obligation {
        result: bool,
        span: Span,
    },
    Due {
        date: Lit,
        span: Span,
    },
    Amount {
        total: Lit,
        split: Option<Vec<StreamAmount>>,
        span: Span,
    },
    Declared {
        by: Ident,
        total: Lit,
        split: Option<Vec<StreamAmount>>,
        span: Span,
    },
    Evidence {
        text: Str,
        span: Span,
    },
    After {
        numbers: Vec<Lit>,
        span: Span,
    },
    Payout {
        stream: Ident,
        to: Ident,
        span: Span,
    },
    Risk {
        stream: Ident,
        key: Ident,
        span: Span,
    },
    Target {
        /// Boxed: a target is the largest item by far, and every item of a
        /// milestone is as large as the largest variant.
        target: Box<TargetAst>,
        span: Span,
    },
    SetsBaseline {
        metric: Ident,
        at: Lit,
        span: Span,
    },
    Judged {
        by: Str,
        span: Span,
    },
    Bad(Span),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WindowAst {
    pub from: Option<Lit>,
    pub to: Option<Lit>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetAst {
    Count {
        metric: Ident,
        window: WindowAst,
        op: Lit,
        value: Lit,
    },
    Share {
        numerator: Ident,
        denominator: Ident,
        window: WindowAst,
        op: Lit,
        value: Lit,
    },
    Level {
        metric: Ident,
        at: Lit,
        op: Lit,
        rhs: LevelRhsAst,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelRhsAst {
    Number(Lit),
    Baseline {
        milestone: Lit,
        delta: Option<(Lit, Lit)>,
        span: Span,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesAst {
    pub id: Ident,
    pub title: Str,
    pub clauses: Vec<ClauseAst>,
    pub bad: Vec<Span>,
    pub span: Span,
}

/// One argument of a clause or fact, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Lit(Lit),
    Ident(Ident),
    Str(Str),
    /// `2025-01-01 .. 2025-03-31`; boxed, so that the other tokens (most
    /// of a large facts file's tree) are not as large as two literals.
    Range(Box<(Lit, Lit)>, Span),
    /// Two or more names separated by commas (`twentse_koers, menzis`).
    Names(Vec<Ident>, Span),
}

impl Token {
    pub fn span(&self) -> Span {
        match self {
            Token::Lit(l) => l.span,
            Token::Ident(i) => i.span,
            Token::Str(s) => s.span,
            Token::Range(_, s) => *s,
            Token::Names(_, s) => *s,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseAst {
    pub citation: Str,
    pub kind: Ident,
    pub args: Vec<Token>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactsAst {
    pub plan: Ident,
    pub facts: Vec<FactAst>,
    /// `evaluate at 2026-06-30, 2028-01-31`
    pub evaluate_at: Vec<Lit>,
    pub bad: Vec<Span>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactAst {
    pub date: Lit,
    pub verb: Ident,
    pub args: Vec<Token>,
    pub span: Span,
}

/// An assessment framework: `criteria NAME "title" { ... }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriteriaAst {
    pub id: Ident,
    pub title: Str,
    pub criteria: Vec<CriterionAst>,
    /// `threshold NAME 50%`
    pub thresholds: Vec<(Ident, Lit)>,
    pub bad: Vec<Span>,
    pub span: Span,
}

/// `criterion ID "text" source "r. 5790" decided-by C201, last-quarter`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionAst {
    pub id: Ident,
    pub text: Str,
    pub source: Str,
    pub decided_by: Vec<Ident>,
    pub span: Span,
}
