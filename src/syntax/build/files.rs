//! Rule sets and facts files.

use super::{ident, lit, span, string, token, Builder, Children, Shape, P};
use crate::syntax::ast::*;
use crate::syntax::Rule;

impl Builder<'_> {
    pub(super) fn rules(&mut self, p: P) -> Result<RulesAst, Shape> {
        let sp = span(&p);
        let mut c = Children::of(p);
        let id = ident(c.need(Rule::ident)?);
        let title = string(c.need(Rule::string)?);
        let mut clauses = Vec::new();
        let mut bad = Vec::new();
        for item in c.rest() {
            let isp = span(&item);
            match item.as_rule() {
                Rule::clause => {
                    let mut cc = Children::of(item);
                    let citation = string(cc.need(Rule::string)?);
                    let kind = ident(cc.need(Rule::clause_kind)?);
                    let args = cc.rest().map(token).collect::<Result<_, _>>()?;
                    clauses.push(ClauseAst {
                        citation,
                        kind,
                        args,
                        span: isp,
                    });
                }
                Rule::block_end => {}
                _ => {
                    self.bad(
                        isp,
                        &crate::tr!("s005-clause"),
                        &crate::tr!("s005-clause-help"),
                    );
                    bad.push(isp);
                }
            }
        }
        Ok(RulesAst {
            id,
            title,
            clauses,
            bad,
            span: sp,
        })
    }

    // ------------------------------------------------------------ criteria

    pub(super) fn criteria(&mut self, p: P) -> Result<CriteriaAst, Shape> {
        let sp = span(&p);
        let mut c = Children::of(p);
        let id = ident(c.need(Rule::ident)?);
        let title = string(c.need(Rule::string)?);
        let mut criteria = Vec::new();
        let mut thresholds = Vec::new();
        let mut bad = Vec::new();
        for item in c.rest() {
            let isp = span(&item);
            match item.as_rule() {
                Rule::criterion => {
                    let mut cc = Children::of(item);
                    let id = ident(cc.need(Rule::ident)?);
                    let text = string(cc.need(Rule::string)?);
                    let source = string(cc.need(Rule::string)?);
                    let decided_by = cc.rest().map(ident).collect();
                    criteria.push(CriterionAst {
                        id,
                        text,
                        source,
                        decided_by,
                        span: isp,
                    });
                }
                Rule::threshold => {
                    let mut cc = Children::of(item);
                    let name = ident(cc.need(Rule::ident)?);
                    let value = lit(cc.need(Rule::percent)?);
                    thresholds.push((name, value));
                }
                Rule::block_end => {}
                _ => {
                    self.bad(
                        isp,
                        &crate::tr!("s005-criterion"),
                        &crate::tr!("s005-criterion-help"),
                    );
                    bad.push(isp);
                }
            }
        }
        Ok(CriteriaAst {
            id,
            title,
            criteria,
            thresholds,
            bad,
            span: sp,
        })
    }

    // ------------------------------------------------------------ facts

    pub(super) fn facts(&mut self, p: P) -> Result<FactsAst, Shape> {
        let sp = span(&p);
        let mut c = Children::of(p);
        let plan = ident(c.need(Rule::ident)?);
        let mut body = FactsBody::default();
        for item in c.rest() {
            self.facts_item(item, &mut body)?;
        }
        Ok(FactsAst {
            plan,
            facts: body.facts,
            evaluate_at: body.evaluate_at,
            bad: body.bad,
            span: sp,
        })
    }

    /// The items of a run of a facts file's lines parsed on their own
    /// (`Rule::facts_piece`, `syntax::pieces`), added to `body`.
    pub(in crate::syntax) fn facts_piece(
        &mut self,
        mut pairs: pest::iterators::Pairs<Rule>,
        body: &mut FactsBody,
    ) -> Result<(), Shape> {
        let Some(piece) = pairs.next() else {
            return Ok(());
        };
        for item in piece.into_inner() {
            if item.as_rule() != Rule::EOI {
                self.facts_item(item, body)?;
            }
        }
        Ok(())
    }

    fn facts_item(&mut self, item: P, body: &mut FactsBody) -> Result<(), Shape> {
        let isp = span(&item);
        match item.as_rule() {
            Rule::evaluate_at => body.evaluate_at.extend(item.into_inner().map(lit)),
            Rule::fact => {
                let mut fc = Children::of(item);
                let date = lit(fc.need(Rule::date)?);
                let verb = ident(fc.need(Rule::fact_verb)?);
                let args = fc.rest().map(token).collect::<Result<_, _>>()?;
                body.facts.push(FactAst {
                    date,
                    verb,
                    args,
                    span: isp,
                });
            }
            Rule::block_end => {}
            _ => {
                self.bad(isp, &crate::tr!("s005-fact"), &crate::tr!("s005-fact-help"));
                body.bad.push(isp);
            }
        }
        Ok(())
    }
}

/// The items of a facts file's body as they are built.
#[derive(Default)]
pub(in crate::syntax) struct FactsBody {
    pub(in crate::syntax) facts: Vec<FactAst>,
    pub(in crate::syntax) evaluate_at: Vec<Lit>,
    pub(in crate::syntax) bad: Vec<crate::source::Span>,
}
