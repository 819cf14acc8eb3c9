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
        let mut facts = Vec::new();
        let mut bad = Vec::new();
        let mut evaluate_at = Vec::new();
        for item in c.rest() {
            let isp = span(&item);
            match item.as_rule() {
                Rule::evaluate_at => evaluate_at.extend(item.into_inner().map(lit)),
                Rule::fact => {
                    let mut fc = Children::of(item);
                    let date = lit(fc.need(Rule::date)?);
                    let verb = ident(fc.need(Rule::fact_verb)?);
                    let args = fc.rest().map(token).collect::<Result<_, _>>()?;
                    facts.push(FactAst {
                        date,
                        verb,
                        args,
                        span: isp,
                    });
                }
                Rule::block_end => {}
                _ => {
                    self.bad(isp, &crate::tr!("s005-fact"), &crate::tr!("s005-fact-help"));
                    bad.push(isp);
                }
            }
        }
        Ok(FactsAst {
            plan,
            facts,
            evaluate_at,
            bad,
            span: sp,
        })
    }
}
