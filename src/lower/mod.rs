//! Stage 2: syntax tree → model. Resolves names, types literals, applies the
//! plan's defaults, and reports every problem it finds (not just the first).

mod amendment;
pub mod criteria;
pub mod facts;
pub mod literal;
mod milestone;
pub mod names;
mod plan;
pub mod rules;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diagnostic::Diagnostic;
use crate::model::{Money, Percent};
use crate::source::{FileId, Span};
use crate::syntax::ast::{Lit, LitKind};

pub use criteria::lower_criteria;
pub use facts::lower_facts;
pub use plan::{lower_plan, lower_plan_in_pieces};
pub use rules::lower_rules;

/// Shared state of one lowering: the file and the diagnostics so far.
pub(crate) struct Ctx {
    pub file: FileId,
    pub diagnostics: Vec<Diagnostic>,
}

impl Ctx {
    pub fn new(file: FileId) -> Self {
        Ctx {
            file,
            diagnostics: Vec::new(),
        }
    }

    pub fn error(
        &mut self,
        code: &'static str,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.diagnostics.push(
            Diagnostic::error(code, message)
                .in_file(self.file)
                .at(span, label)
                .with_help(help),
        );
    }

    /// L014: a statement that may appear once appears again.
    pub fn given_twice(
        &mut self,
        message: String,
        again: Span,
        first: Span,
        help: impl Into<String>,
    ) {
        self.push(
            Diagnostic::error("L014", message)
                .at(again, crate::tr!("l014-label-again"))
                .also(first, crate::tr!("l014-label-first"))
                .with_help(help),
        );
    }

    /// An unknown name or word at `span`: the error with its help, and
    /// when a known one is close (`names::closest`), the fix that writes it.
    pub fn unknown(
        &mut self,
        code: &'static str,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
        help: impl Into<String>,
        closest: Option<&str>,
    ) {
        let mut d = Diagnostic::error(code, message)
            .in_file(self.file)
            .at(span, label)
            .with_help(help);
        if let Some(name) = closest {
            d = d.with_fix(span, name);
        }
        self.diagnostics.push(d);
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d.in_file(self.file));
    }

    fn lit_error(&mut self, lit: &Lit, e: literal::LitError) {
        let label = match e.code {
            "L006" | "L007" => crate::tr!("lit-label-date"),
            "L004" => crate::tr!("lit-label-euro-after"),
            "L005" => crate::tr!("lit-label-cents"),
            _ => crate::tr!("lit-label-number"),
        };
        self.error(e.code, lit.span, e.message, label, e.help);
    }

    /// L015; `wanted` is what is expected in the current language.
    fn wrong_kind(&mut self, lit: &Lit, wanted: String, example: &str) {
        self.error(
            "L015",
            lit.span,
            crate::tr!("l015-message", wanted = wanted, found = lit.text),
            crate::tr!("l015-label"),
            crate::tr!("l015-help", wanted = wanted, example = example),
        );
    }

    pub fn date(&mut self, lit: &Lit) -> Option<NaiveDate> {
        if lit.kind != LitKind::Date {
            self.wrong_kind(lit, crate::tr!("l015-a-date"), "2026-12-31");
            return None;
        }
        literal::date(&lit.text)
            .map_err(|e| self.lit_error(lit, e))
            .ok()
    }

    pub fn number(&mut self, lit: &Lit) -> Option<Decimal> {
        if lit.kind != LitKind::Number {
            self.wrong_kind(lit, crate::tr!("l015-a-plain-number"), "1.300");
            return None;
        }
        literal::number(&lit.text)
            .map_err(|e| self.lit_error(lit, e))
            .ok()
    }

    pub fn whole(&mut self, lit: &Lit) -> Option<u32> {
        if lit.kind != LitKind::Number {
            self.wrong_kind(lit, crate::tr!("l015-a-whole-number"), "14");
            return None;
        }
        literal::whole(&lit.text)
            .map_err(|e| self.lit_error(lit, e))
            .ok()
    }

    pub fn money(&mut self, lit: &Lit) -> Option<Money> {
        if !matches!(lit.kind, LitKind::Money | LitKind::MoneySuffix) {
            self.wrong_kind(lit, crate::tr!("l015-an-amount"), "€ 98.500");
            return None;
        }
        literal::money(&lit.text, lit.kind == LitKind::MoneySuffix)
            .map_err(|e| self.lit_error(lit, e))
            .ok()
    }

    /// An amount declared in a document's unit (`€ 16.275` in `€ 1.000`),
    /// in euros; L031 when the product is too large to hold exactly.
    pub fn money_in(&mut self, lit: &Lit, unit: Money) -> Option<Money> {
        let amount = self.money(lit)?;
        let scaled = amount.checked_mul(unit.amount());
        if scaled.is_none() {
            self.error(
                "L031",
                lit.span,
                crate::tr!("l031-message", amount = amount, unit = unit),
                crate::tr!("l031-label"),
                crate::tr!("l031-help"),
            );
        }
        scaled
    }

    pub fn percent(&mut self, lit: &Lit) -> Option<Percent> {
        if lit.kind != LitKind::Percent {
            self.wrong_kind(lit, crate::tr!("l015-a-percentage"), "73%");
            return None;
        }
        literal::percent(&lit.text)
            .map_err(|e| self.lit_error(lit, e))
            .ok()
    }
}
