//! Document symbols: a plan as an outline of its declarations, components
//! and their milestones, and amendments; a rule set as its clauses; a facts
//! file as its facts.

use lsp_types::{DocumentSymbol, SymbolKind};

use crate::source::Span;
use crate::syntax::ast::{self, AmendmentItem, MilestoneAst, PlanItem};

use super::text::LineIndex;

/// The outline of a parsed file.
pub fn outline(file: &ast::File, text: &str) -> Vec<DocumentSymbol> {
    let lines = LineIndex::new(text);
    let o = Outliner { lines, text };
    match file {
        ast::File::Plan(p) => vec![o.symbol(
            format!("plan {}", p.id.name),
            Some(p.title.value.clone()),
            SymbolKind::MODULE,
            p.span,
            p.id.span,
            p.items.iter().filter_map(|i| o.plan_item(i)).collect(),
        )],
        ast::File::Rules(r) => vec![o.symbol(
            format!("rules {}", r.id.name),
            Some(r.title.value.clone()),
            SymbolKind::MODULE,
            r.span,
            r.id.span,
            r.clauses
                .iter()
                .map(|c| {
                    o.symbol(
                        c.kind.name.clone(),
                        Some(c.citation.value.clone()),
                        SymbolKind::PROPERTY,
                        c.span,
                        c.kind.span,
                        Vec::new(),
                    )
                })
                .collect(),
        )],
        ast::File::Facts(f) => vec![o.symbol(
            format!("facts {}", f.plan.name),
            None,
            SymbolKind::MODULE,
            f.span,
            f.plan.span,
            f.facts
                .iter()
                .map(|fact| {
                    o.symbol(
                        format!("{} {}", fact.date.text, fact.verb.name),
                        None,
                        SymbolKind::EVENT,
                        fact.span,
                        fact.verb.span,
                        Vec::new(),
                    )
                })
                .collect(),
        )],
        ast::File::Criteria(c) => vec![o.symbol(
            format!("criteria {}", c.id.name),
            Some(c.title.value.clone()),
            SymbolKind::MODULE,
            c.span,
            c.id.span,
            c.criteria
                .iter()
                .map(|k| {
                    o.symbol(
                        k.id.name.clone(),
                        Some(k.text.value.clone()),
                        SymbolKind::PROPERTY,
                        k.span,
                        k.id.span,
                        Vec::new(),
                    )
                })
                .collect(),
        )],
    }
}

struct Outliner<'a> {
    lines: LineIndex,
    text: &'a str,
}

impl Outliner<'_> {
    fn symbol(
        &self,
        name: String,
        detail: Option<String>,
        kind: SymbolKind,
        span: Span,
        selection: Span,
        children: Vec<DocumentSymbol>,
    ) -> DocumentSymbol {
        // The selection must lie inside the range.
        let span = span.to(selection);
        #[allow(deprecated)]
        DocumentSymbol {
            name,
            detail,
            kind,
            tags: None,
            deprecated: None,
            range: self.lines.range(self.text, span),
            selection_range: self.lines.range(self.text, selection),
            children: (!children.is_empty()).then_some(children),
        }
    }

    fn plan_item(&self, item: &PlanItem) -> Option<DocumentSymbol> {
        let named = |word: &str, id: &ast::Ident, title: Option<&ast::Str>, kind, span| {
            self.symbol(
                format!("{word} {}", id.name),
                title.map(|t| t.value.clone()),
                kind,
                span,
                id.span,
                Vec::new(),
            )
        };
        Some(match item {
            PlanItem::Party { id, name, span, .. } => {
                named("party", id, Some(name), SymbolKind::OBJECT, *span)
            }
            PlanItem::Stream { id, name, span, .. } => {
                named("stream", id, Some(name), SymbolKind::ENUM, *span)
            }
            PlanItem::Key(k) => named("key", &k.id, Some(&k.title), SymbolKind::STRUCT, k.span),
            PlanItem::KeySubset {
                id, title, span, ..
            } => named("key", id, title.as_ref(), SymbolKind::STRUCT, *span),
            PlanItem::Metric {
                id, title, span, ..
            } => named("metric", id, Some(title), SymbolKind::FIELD, *span),
            PlanItem::Document {
                id, title, span, ..
            } => named("document", id, Some(title), SymbolKind::FILE, *span),
            PlanItem::Component(c) => self.symbol(
                format!("component {}", c.number.text),
                Some(c.name.value.clone()),
                SymbolKind::NAMESPACE,
                c.span,
                c.number.span,
                c.milestones.iter().map(|m| self.milestone(m)).collect(),
            ),
            PlanItem::Amendment(a) => self.symbol(
                format!("amendment {}", a.id.name),
                Some(a.title.value.clone()),
                SymbolKind::EVENT,
                a.span,
                a.id.span,
                a.items
                    .iter()
                    .filter_map(|i| match i {
                        AmendmentItem::Add { milestone, .. } => Some(self.milestone(milestone)),
                        _ => None,
                    })
                    .collect(),
            ),
            _ => return None,
        })
    }

    fn milestone(&self, m: &MilestoneAst) -> DocumentSymbol {
        let text: String = m.text.value.chars().take(80).collect();
        self.symbol(
            format!("milestone {}", m.number.text),
            Some(text),
            SymbolKind::FUNCTION,
            m.span,
            m.number.span,
            Vec::new(),
        )
    }
}
