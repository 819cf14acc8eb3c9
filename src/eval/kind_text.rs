//! The text a day's facts are put in order by (see `facts::Ordered`):
//! exactly what `format!("{:?}", kind)` gives, written straight into one
//! buffer. The order decides which of two contradicting facts is named
//! first, so it must not change; the derived `Debug` cost a `String` and
//! the formatting machinery per fact (a fifth of the evaluation). The
//! patterns name every field (no `..`): a new field or variant does not
//! compile until it is written here too, and the tests hold this text to
//! `format!("{:?}")` for generated facts of every kind and every facts file
//! of the repository.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::model::{FactKind, MilestoneNo, PartialShare};

/// Appends `format!("{:?}", kind)` to `out`.
pub fn write(out: &mut String, kind: &FactKind) {
    match kind {
        FactKind::Administration { compliant } => {
            out.push_str("Administration { compliant: ");
            out.push_str(if *compliant { "true" } else { "false" });
        }
        FactKind::Measured { metric, value, at } => {
            out.push_str("Measured { metric: ");
            id(out, "MetricId", metric.as_str());
            out.push_str(", value: ");
            decimal(out, *value);
            out.push_str(", at: ");
            date(out, *at);
        }
        FactKind::Counted {
            metric,
            from,
            to,
            value,
        } => {
            out.push_str("Counted { metric: ");
            id(out, "MetricId", metric.as_str());
            out.push_str(", from: ");
            date(out, *from);
            out.push_str(", to: ");
            date(out, *to);
            out.push_str(", value: ");
            decimal(out, *value);
        }
        FactKind::Evidence { milestone, note } => {
            out.push_str("Evidence { milestone: ");
            number(out, *milestone);
            out.push_str(", note: ");
            match note {
                Some(n) => {
                    out.push_str("Some(");
                    string(out, n);
                    out.push(')');
                }
                None => out.push_str("None"),
            }
        }
        FactKind::Assessed {
            milestone,
            achieved,
            by,
        } => {
            out.push_str("Assessed { milestone: ");
            number(out, *milestone);
            out.push_str(", achieved: ");
            out.push_str(if *achieved { "true" } else { "false" });
            out.push_str(", by: ");
            id(out, "PartyId", by.as_str());
        }
        FactKind::Partial {
            milestone,
            share,
            by,
        } => {
            out.push_str("Partial { milestone: ");
            number(out, *milestone);
            out.push_str(", share: ");
            match share {
                PartialShare::Percent(p) => {
                    out.push_str("Percent(Percent(");
                    decimal(out, p.value());
                }
                PartialShare::Amount(a) => {
                    out.push_str("Amount(Money(");
                    decimal(out, a.amount());
                }
            }
            out.push_str(")), by: ");
            parties(out, by.iter().map(|p| p.as_str()));
        }
        FactKind::Postponed {
            milestone,
            until,
            by,
        } => {
            out.push_str("Postponed { milestone: ");
            number(out, *milestone);
            out.push_str(", until: ");
            date(out, *until);
            out.push_str(", by: ");
            parties(out, by.iter().map(|p| p.as_str()));
        }
        FactKind::Advance { stream, amount, by } => {
            out.push_str("Advance { stream: ");
            id(out, "StreamId", stream.as_str());
            out.push_str(", amount: Money(");
            decimal(out, amount.amount());
            out.push_str("), by: ");
            id(out, "PartyId", by.as_str());
        }
        FactKind::Paid {
            stream,
            milestone,
            amount,
        } => {
            out.push_str("Paid { stream: ");
            id(out, "StreamId", stream.as_str());
            out.push_str(", milestone: ");
            number(out, *milestone);
            out.push_str(", amount: Money(");
            decimal(out, amount.amount());
            out.push(')');
        }
        FactKind::Repaid { stream, amount, by } => {
            out.push_str("Repaid { stream: ");
            id(out, "StreamId", stream.as_str());
            out.push_str(", amount: Money(");
            decimal(out, amount.amount());
            out.push_str("), by: ");
            id(out, "PartyId", by.as_str());
        }
        FactKind::Dissolved { reason } => {
            out.push_str("Dissolved { reason: ");
            string(out, reason);
        }
        FactKind::Submitted => {
            out.push_str("Submitted");
            return;
        }
    }
    out.push_str(" }");
}

/// An id as its derived `Debug` writes it: `PartyId("menzis")`.
fn id(out: &mut String, name: &str, text: &str) {
    out.push_str(name);
    out.push('(');
    string(out, text);
    out.push(')');
}

/// `[PartyId("a"), PartyId("b")]`.
fn parties<'a>(out: &mut String, ids: impl Iterator<Item = &'a str>) {
    out.push('[');
    for (i, p) in ids.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        id(out, "PartyId", p);
    }
    out.push(']');
}

/// `MilestoneNo(14)`.
fn number(out: &mut String, n: MilestoneNo) {
    out.push_str("MilestoneNo(");
    digits(out, u64::from(n.0));
    out.push(')');
}

/// A string quoted as `Debug` quotes it. Printable ASCII other than `"`
/// and `\` is written as it is; anything else is left to `Debug` itself.
fn string(out: &mut String, s: &str) {
    if s.bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
    {
        out.push('"');
        out.push_str(s);
        out.push('"');
    } else {
        // Writing to a `String` cannot fail.
        _ = write!(out, "{s:?}");
    }
}

/// A date as chrono's `Debug` writes it: `2025-07-01`; years beyond
/// 0..=9999 (signed) are left to `Debug` itself.
fn date(out: &mut String, d: NaiveDate) {
    match u64::try_from(d.year()) {
        Ok(year) if year <= 9999 => {
            padded(out, year, 4);
            out.push('-');
            padded(out, u64::from(d.month()), 2);
            out.push('-');
            padded(out, u64::from(d.day()), 2);
        }
        _ => _ = write!(out, "{d:?}"),
    }
}

/// A `Decimal` as its `Debug` (= `Display`) writes it without flags: a
/// `-` when the sign is negative (also of zero), the mantissa's digits
/// with exactly `scale` of them after the point (`0.05`, `1.500`). A
/// mantissa beyond `u64` is left to `Debug` itself.
fn decimal(out: &mut String, d: Decimal) {
    let Ok(m) = u64::try_from(d.mantissa().unsigned_abs()) else {
        _ = write!(out, "{d:?}");
        return;
    };
    if d.is_sign_negative() {
        out.push('-');
    }
    let scale = usize::try_from(d.scale()).unwrap_or(usize::MAX);
    if scale == 0 {
        digits(out, m);
        return;
    }
    let mut buf = [b'0'; 48];
    let text = written(&mut buf, m, scale);
    let whole = text.len().saturating_sub(scale);
    let (int, frac) = text.split_at(whole);
    out.push_str(if int.is_empty() { "0" } else { int });
    out.push('.');
    out.push_str(frac);
}

/// `n` in decimal digits.
fn digits(out: &mut String, n: u64) {
    padded(out, n, 1);
}

/// `n` in decimal digits, with leading zeros to at least `width` digits.
fn padded(out: &mut String, n: u64, width: usize) {
    let mut buf = [b'0'; 48];
    out.push_str(written(&mut buf, n, width));
}

/// `n`'s digits at the end of `buf` (which is all `0`s), at least `width`
/// of them (up to the buffer's length), as text.
fn written(buf: &mut [u8; 48], mut n: u64, width: usize) -> &str {
    let mut start = buf.len();
    while n > 0 {
        start = start.saturating_sub(1);
        if let Some(b) = buf.get_mut(start) {
            // `n % 10` is below 10: the cast and the sum cannot wrap.
            *b = b'0'.wrapping_add((n % 10) as u8);
        }
        n /= 10;
    }
    let start = start.min(buf.len().saturating_sub(width.max(1)));
    let text = buf.get(start..).unwrap_or_default();
    // Only ASCII digits were written.
    std::str::from_utf8(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MetricId, Money, PartyId, Percent, StreamId};
    use crate::test_files::synth;
    use proptest::prelude::*;

    fn debug_equal(kind: &FactKind) {
        let mut here = String::from("before ");
        write(&mut here, kind);
        assert_eq!(here, format!("before {kind:?}"));
    }

    fn decimal_value() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
            (any::<i128>(), 0u32..=28).prop_map(|(m, s)| {
                Decimal::try_from_i128_with_scale(m % (1i128 << 96), s).unwrap_or_default()
            }),
            (0i64..1000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s)),
            (0u32..=28).prop_map(|s| {
                let mut zero = Decimal::new(0, s);
                zero.set_sign_negative(true);
                zero
            }),
            (0u32..=28).prop_map(|s| Decimal::new(0, s)),
            Just(Decimal::MAX),
            Just(Decimal::MIN),
        ]
    }

    fn date_value() -> impl Strategy<Value = NaiveDate> {
        prop_oneof![
            (-300_000i32..300_000)
                .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap_or_default()),
            Just(NaiveDate::MIN),
            Just(NaiveDate::MAX),
            Just(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default()),
            Just(NaiveDate::from_ymd_opt(0, 1, 1).unwrap_or_default()),
            Just(NaiveDate::from_ymd_opt(-1, 12, 31).unwrap_or_default()),
            Just(NaiveDate::from_ymd_opt(10000, 1, 1).unwrap_or_default()),
        ]
    }

    /// Plain ids, and text with quotes, escapes, controls and non-ASCII.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z_][a-z0-9_]{0,12}",
            ".{0,8}",
            any::<String>(),
            "[ -~]{0,10}",
            Just("\"\\'\n\t\u{7f}\u{0}é\u{301}\u{200b}".to_string()),
        ]
    }

    fn milestone() -> impl Strategy<Value = MilestoneNo> {
        prop_oneof![any::<u32>(), 0u32..100].prop_map(MilestoneNo)
    }

    fn kind() -> impl Strategy<Value = FactKind> {
        let share = prop_oneof![
            decimal_value().prop_map(|d| PartialShare::Percent(Percent::new(d))),
            decimal_value().prop_map(|d| PartialShare::Amount(Money::new(d))),
        ];
        let by = || proptest::collection::vec(text().prop_map(PartyId::new), 0..4);
        prop_oneof![
            any::<bool>().prop_map(|compliant| FactKind::Administration { compliant }),
            (text(), decimal_value(), date_value()).prop_map(|(m, value, at)| {
                FactKind::Measured {
                    metric: MetricId::new(m),
                    value,
                    at,
                }
            }),
            (text(), date_value(), date_value(), decimal_value()).prop_map(
                |(m, from, to, value)| FactKind::Counted {
                    metric: MetricId::new(m),
                    from,
                    to,
                    value,
                }
            ),
            (milestone(), proptest::option::of(text()))
                .prop_map(|(milestone, note)| FactKind::Evidence { milestone, note }),
            (milestone(), any::<bool>(), text()).prop_map(|(milestone, achieved, by)| {
                FactKind::Assessed {
                    milestone,
                    achieved,
                    by: PartyId::new(by),
                }
            }),
            (milestone(), share, by()).prop_map(|(milestone, share, by)| {
                FactKind::Partial {
                    milestone,
                    share,
                    by,
                }
            }),
            (milestone(), date_value(), by()).prop_map(|(milestone, until, by)| {
                FactKind::Postponed {
                    milestone,
                    until,
                    by,
                }
            }),
            (text(), decimal_value(), text()).prop_map(|(s, a, by)| FactKind::Advance {
                stream: StreamId::new(s),
                amount: Money::new(a),
                by: PartyId::new(by),
            }),
            (text(), milestone(), decimal_value()).prop_map(|(s, milestone, a)| {
                FactKind::Paid {
                    stream: StreamId::new(s),
                    milestone,
                    amount: Money::new(a),
                }
            }),
            (text(), decimal_value(), text()).prop_map(|(s, a, by)| FactKind::Repaid {
                stream: StreamId::new(s),
                amount: Money::new(a),
                by: PartyId::new(by),
            }),
            text().prop_map(|reason| FactKind::Dissolved { reason }),
            Just(FactKind::Submitted),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn the_text_of_every_kind_is_its_debug(k in kind()) {
            debug_equal(&k);
        }
    }

    /// The facts of `text` lowered against the plan they name (of
    /// `plans`), else against the first plan.
    fn facts_of(text: &str, plans: &[crate::model::Plan]) -> Vec<crate::model::Fact> {
        use crate::source::FileId;
        use crate::syntax::{ast, Limits};
        let (Some(ast::File::Facts(tree)), _) =
            crate::syntax::parse(FileId(0), text, &Limits::default())
        else {
            return Vec::new();
        };
        let Some(plan) = plans
            .iter()
            .find(|p| p.id.as_str() == tree.plan.name)
            .or(plans.first())
        else {
            return Vec::new();
        };
        crate::lower::lower_facts(&tree, FileId(0), plan).0.facts
    }

    fn plan_of(text: &str) -> Option<crate::model::Plan> {
        use crate::source::FileId;
        use crate::syntax::{ast, Limits};
        match crate::syntax::parse(FileId(0), text, &Limits::default()).0? {
            ast::File::Plan(p) => Some(crate::lower::lower_plan(&p, FileId(0)).0),
            _ => None,
        }
    }

    #[test]
    fn every_fact_of_the_repository_and_the_synth_as_debug_writes_it() {
        let read = |ext| {
            crate::test_files::repository_files(ext)
                .iter()
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect::<Vec<String>>()
        };
        let plans: Vec<crate::model::Plan> =
            read("plan").iter().filter_map(|t| plan_of(t)).collect();
        let mut seen = 0;
        for text in read("facts") {
            for f in facts_of(&text, &plans) {
                debug_equal(&f.kind);
                seen += 1;
            }
        }
        assert!(seen > 100, "{seen}");
        let generated = synth::generate(300, 40, 1);
        let synth_plans: Vec<crate::model::Plan> =
            plan_of(&generated.plan_text).into_iter().collect();
        let facts = facts_of(&generated.facts_text, &synth_plans);
        assert!(facts.len() > 500, "{}", facts.len());
        facts.iter().for_each(|f| debug_equal(&f.kind));
    }
}
