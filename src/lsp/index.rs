//! Every name in one file, where it is declared and where it is used: the
//! index that hover, definition, references, rename and the outline read.
//!
//! Built from the syntax tree (which keeps a span for every name), not from
//! the model: a name that does not resolve is still indexed, so a drafter
//! can rename or find a misspelt name. What a name refers to is decided by
//! the kind its place allows; `payout STREAM to NAME` takes a party or a key,
//! decided by the declarations.

use std::collections::BTreeMap;

use crate::source::Span;
use crate::syntax::ast::{
    self, AmendmentItem, LevelRhsAst, MilestoneAst, MilestoneItem, PlanItem, StreamAmount,
    TargetAst, Token,
};

/// What kind of thing a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Party,
    Stream,
    Key,
    Metric,
    Document,
    Milestone,
    Component,
    /// A rule set's name (`rules NAME` in a plan, the header of a `.rules`).
    Rules,
    /// A plan's name (its header; `facts NAME` in a facts file).
    Plan,
    /// A clause keyword in a rule set; `name` is the keyword, `clause` its index.
    Clause,
    Role,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Party => "party",
            Kind::Stream => "stream",
            Kind::Key => "key",
            Kind::Metric => "metric",
            Kind::Document => "document",
            Kind::Milestone => "milestone",
            Kind::Component => "component",
            Kind::Rules => "rule set",
            Kind::Plan => "plan",
            Kind::Clause => "clause",
            Kind::Role => "role",
        }
    }

    /// The kind as a reader sees it, in the current language (completion's
    /// detail, rename refusals).
    pub fn label(self) -> String {
        match self {
            Kind::Party => crate::tr!("lsp-kind-party"),
            Kind::Stream => crate::tr!("lsp-kind-stream"),
            Kind::Key => crate::tr!("lsp-kind-key"),
            Kind::Metric => crate::tr!("lsp-kind-metric"),
            Kind::Document => crate::tr!("lsp-kind-document"),
            Kind::Milestone => crate::tr!("lsp-kind-milestone"),
            Kind::Component => crate::tr!("lsp-kind-component"),
            Kind::Rules => crate::tr!("lsp-kind-rules"),
            Kind::Plan => crate::tr!("lsp-kind-plan"),
            Kind::Clause => crate::tr!("lsp-kind-clause"),
            Kind::Role => crate::tr!("lsp-kind-role"),
        }
    }

    /// Whether a name of this kind is declared by the user (and so can be
    /// renamed and has a definition).
    pub fn is_declared(self) -> bool {
        !matches!(self, Kind::Clause | Kind::Role)
    }
}

/// One name in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub span: Span,
    pub kind: Kind,
    pub name: String,
    pub declaration: bool,
}

/// The names of one file, sorted by position.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub occurrences: Vec<Occurrence>,
}

impl Index {
    /// The name at byte `offset` (its span holds the offset, or ends at it).
    pub fn at(&self, offset: usize) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.span.start <= offset && offset < o.span.end)
            .or_else(|| self.occurrences.iter().find(|o| o.span.end == offset))
    }

    pub fn declaration(&self, kind: Kind, name: &str) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.declaration && o.kind == kind && o.name == name)
    }

    /// Every occurrence of the thing `o` names, the declaration included.
    pub fn all_of<'a>(&'a self, o: &'a Occurrence) -> impl Iterator<Item = &'a Occurrence> {
        self.occurrences
            .iter()
            .filter(move |x| x.kind == o.kind && x.name == o.name)
    }

    /// The declared names of a kind, in the order of the file.
    pub fn declared(&self, kind: Kind) -> impl Iterator<Item = &Occurrence> {
        self.occurrences
            .iter()
            .filter(move |o| o.declaration && o.kind == kind)
    }
}

/// Indexes a parsed file.
pub fn index(file: &ast::File) -> Index {
    let mut b = Builder::default();
    match file {
        ast::File::Plan(p) => b.plan(p),
        ast::File::Rules(r) => {
            b.decl(Kind::Rules, &r.id);
            for (i, c) in r.clauses.iter().enumerate() {
                b.push(
                    c.kind.span,
                    Kind::Clause,
                    format!("{}#{i}", c.kind.name),
                    false,
                );
                for arg in &c.args {
                    b.roles_in(arg);
                }
            }
        }
        ast::File::Facts(f) => {
            b.refer(Kind::Plan, &f.plan);
            for fact in &f.facts {
                b.fact(fact);
            }
        }
        ast::File::Criteria(c) => {
            b.decl(Kind::Plan, &c.id);
        }
    }
    b.finish()
}

#[derive(Default)]
struct Builder {
    occurrences: Vec<Occurrence>,
    /// Names used where a party or a key may stand, resolved at the end.
    recipients: Vec<(Span, String)>,
}

impl Builder {
    fn push(&mut self, span: Span, kind: Kind, name: String, declaration: bool) {
        self.occurrences.push(Occurrence {
            span,
            kind,
            name,
            declaration,
        });
    }
    fn decl(&mut self, kind: Kind, id: &ast::Ident) {
        self.push(id.span, kind, id.name.clone(), true);
    }
    fn refer(&mut self, kind: Kind, id: &ast::Ident) {
        self.push(id.span, kind, id.name.clone(), false);
    }
    fn number(&mut self, kind: Kind, lit: &ast::Lit, declaration: bool) {
        self.push(lit.span, kind, lit.text.clone(), declaration);
    }
    fn streams(&mut self, split: Option<&[StreamAmount]>) {
        for s in split.unwrap_or_default() {
            self.refer(Kind::Stream, &s.stream);
        }
    }
    fn roles_in(&mut self, token: &Token) {
        if let Token::Ident(i) = token {
            if crate::model::Role::parse(&i.name).is_some() {
                self.refer(Kind::Role, i);
            }
        }
    }

    /// The plan's names in a fact, by the place its form gives them
    /// (`lower::facts::FORMS`): the name after the verb (a metric or a
    /// stream), the milestone number, the parties after `by`.
    fn fact(&mut self, fact: &ast::FactAst) {
        let verb = fact.verb.name.as_str();
        let first_name = match verb {
            "measured" | "counted" => Some(Kind::Metric),
            "advance" | "paid" | "repaid" => Some(Kind::Stream),
            _ => None,
        };
        let numbered = matches!(verb, "evidence" | "assessed" | "decided" | "postponed");
        let mut previous: Option<&str> = None;
        for (i, arg) in fact.args.iter().enumerate() {
            match arg {
                Token::Ident(id) if i == 0 && first_name.is_some() => {
                    if let Some(kind) = first_name {
                        self.refer(kind, id);
                    }
                }
                Token::Ident(id) if previous == Some("by") && id.name != "risk-key" => {
                    self.refer(Kind::Party, id);
                }
                Token::Names(ids, _) if previous == Some("by") => {
                    for id in ids {
                        self.refer(Kind::Party, id);
                    }
                }
                Token::Lit(l)
                    if l.kind == ast::LitKind::Number
                        && ((i == 0 && numbered) || previous == Some("for")) =>
                {
                    self.number(Kind::Milestone, l, false);
                }
                _ => {}
            }
            previous = match arg {
                Token::Ident(id) => Some(id.name.as_str()),
                _ => None,
            };
        }
    }

    fn plan(&mut self, p: &ast::PlanAst) {
        self.decl(Kind::Plan, &p.id);
        for item in &p.items {
            self.plan_item(item);
        }
    }

    fn plan_item(&mut self, item: &PlanItem) {
        match item {
            PlanItem::Rules { name, .. } => self.refer(Kind::Rules, name),
            PlanItem::Document { id, .. } => self.decl(Kind::Document, id),
            PlanItem::DeclaredTotal { by, split, .. } => {
                if let Some(by) = by {
                    self.refer(Kind::Document, by);
                }
                self.streams(split.as_deref());
            }
            PlanItem::EffortShare { by: Some(by), .. } => self.refer(Kind::Document, by),
            PlanItem::Party { id, roles, .. } => {
                self.decl(Kind::Party, id);
                for r in roles {
                    self.refer(Kind::Role, r);
                }
            }
            PlanItem::Stream { id, payer, .. } => {
                self.decl(Kind::Stream, id);
                self.refer(Kind::Party, payer);
            }
            PlanItem::Key(k) => {
                self.decl(Kind::Key, &k.id);
                for m in &k.members {
                    self.refer(Kind::Party, &m.party);
                }
            }
            PlanItem::KeySubset {
                id,
                parent,
                members,
                ..
            } => {
                self.decl(Kind::Key, id);
                self.refer(Kind::Key, parent);
                for m in members {
                    self.refer(Kind::Party, m);
                }
            }
            PlanItem::Metric { id, .. } => self.decl(Kind::Metric, id),
            PlanItem::DefaultPayout { stream, to, .. } => {
                self.refer(Kind::Stream, stream);
                self.recipients.push((to.span, to.name.clone()));
            }
            PlanItem::DefaultRisk { stream, key, .. } => {
                self.refer(Kind::Stream, stream);
                self.refer(Kind::Key, key);
            }
            PlanItem::Component(c) => {
                self.number(Kind::Component, &c.number, true);
                for m in &c.milestones {
                    self.milestone(m);
                }
            }
            PlanItem::Amendment(a) => {
                for item in &a.items {
                    match item {
                        AmendmentItem::Change {
                            milestone, item, ..
                        } => {
                            self.number(Kind::Milestone, milestone, false);
                            self.milestone_item(item);
                        }
                        AmendmentItem::Withdraw { milestones, .. } => {
                            for m in milestones {
                                self.number(Kind::Milestone, m, false);
                            }
                        }
                        AmendmentItem::Add {
                            component,
                            milestone,
                            ..
                        } => {
                            self.number(Kind::Component, component, false);
                            self.milestone(milestone);
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    fn milestone(&mut self, m: &MilestoneAst) {
        self.number(Kind::Milestone, &m.number, true);
        for item in &m.items {
            self.milestone_item(item);
        }
    }

    fn milestone_item(&mut self, item: &MilestoneItem) {
        match item {
            MilestoneItem::Amount { split, .. } => self.streams(split.as_deref()),
            MilestoneItem::Declared { by, split, .. } => {
                self.refer(Kind::Document, by);
                self.streams(split.as_deref());
            }
            MilestoneItem::After { numbers, .. } => {
                for n in numbers {
                    self.number(Kind::Milestone, n, false);
                }
            }
            MilestoneItem::Payout { stream, to, .. } => {
                self.refer(Kind::Stream, stream);
                self.recipients.push((to.span, to.name.clone()));
            }
            MilestoneItem::Risk { stream, key, .. } => {
                self.refer(Kind::Stream, stream);
                self.refer(Kind::Key, key);
            }
            MilestoneItem::Target { target, .. } => match target.as_ref() {
                TargetAst::Count { metric, .. } => self.refer(Kind::Metric, metric),
                TargetAst::Share {
                    numerator,
                    denominator,
                    ..
                } => {
                    self.refer(Kind::Metric, numerator);
                    self.refer(Kind::Metric, denominator);
                }
                TargetAst::Level { metric, rhs, .. } => {
                    self.refer(Kind::Metric, metric);
                    if let LevelRhsAst::Baseline { milestone, .. } = rhs {
                        self.number(Kind::Milestone, milestone, false);
                    }
                }
            },
            MilestoneItem::SetsBaseline { metric, .. } => self.refer(Kind::Metric, metric),
            _ => {}
        }
    }

    fn finish(mut self) -> Index {
        let keys: BTreeMap<&str, ()> = self
            .occurrences
            .iter()
            .filter(|o| o.declaration && o.kind == Kind::Key)
            .map(|o| (o.name.as_str(), ()))
            .collect();
        let resolved: Vec<Occurrence> = self
            .recipients
            .iter()
            .map(|(span, name)| Occurrence {
                span: *span,
                // A name that is neither is taken for a party, as lowering
                // reports it ("unknown party or key").
                kind: if keys.contains_key(name.as_str()) {
                    Kind::Key
                } else {
                    Kind::Party
                },
                name: name.clone(),
                declaration: false,
            })
            .collect();
        self.occurrences.extend(resolved);
        self.occurrences.sort_by_key(|o| (o.span.start, o.span.end));
        Index {
            occurrences: self.occurrences,
        }
    }
}
