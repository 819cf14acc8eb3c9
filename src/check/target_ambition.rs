//! # C502 target-ambition (warning)
//!
//! A series of targets for the same metric over consecutive years should not
//! lose ambition: counts and minimum shares should not go down, maximum
//! shares and upper levels should not go up. The whole series is shown.
//! (A plan may lower a target on purpose, by addendum; then the warning is
//! the reminder to say why.)
//!
//! ## Fails
//! ```text
//! milestone 16 "..." { due 2025-12-31  target share naar_sggz of gesprekken from 2025-01-01 <= 78% }
//! milestone 17 "..." { due 2026-12-31  target share naar_sggz of gesprekken from 2026-01-01 <= 80% }
//! ```
//! ## Fixed
//! ```text
//! milestone 17 "..." { due 2026-12-31  target share naar_sggz of gesprekken from 2026-01-01 <= 73% }
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::{Delta, LevelRhs, MilestoneNo, TargetKind};
use crate::source::Span;

pub const CHECK: Check = Check {
    code: "C502",
    name: "target-ambition",
    severity: Severity::Warning,
    run,
    source: include_str!("target_ambition.rs"),
};

/// One target of a series: when it is due, its threshold, and how it reads.
struct Step {
    due: NaiveDate,
    number: MilestoneNo,
    value: Decimal,
    shown: String,
    span: Span,
}

/// Targets that form one series: same kind, metric(s), direction and baseline.
fn series_key(kind: &TargetKind) -> Option<(String, bool, Decimal, String)> {
    match kind {
        TargetKind::Count {
            metric, cmp, value, ..
        } => Some((
            format!("count {metric}"),
            cmp.is_minimum(),
            *value,
            format!("{} {value}", cmp.as_str()),
        )),
        TargetKind::Share {
            numerator,
            denominator,
            cmp,
            value,
            ..
        } => Some((
            format!("share {numerator} of {denominator}"),
            cmp.is_minimum(),
            value.value(),
            format!("{} {value}", cmp.as_str()),
        )),
        TargetKind::Level {
            metric, cmp, rhs, ..
        } => match rhs {
            LevelRhs::Value(v) => Some((
                format!("level {metric}"),
                cmp.is_minimum(),
                *v,
                format!("{} {v}", cmp.as_str()),
            )),
            LevelRhs::Baseline {
                milestone,
                delta: Delta::Absolute(d),
                ..
            } => Some((
                crate::tr!("c502-series-baseline", metric = metric, base = milestone),
                cmp.is_minimum(),
                *d,
                format!("{} baseline {milestone} {d:+}", cmp.as_str()),
            )),
            LevelRhs::Baseline {
                milestone,
                delta: Delta::Relative(p),
                ..
            } => Some((
                crate::tr!("c502-series-relative", metric = metric, base = milestone),
                cmp.is_minimum(),
                p.value(),
                format!("{} baseline {milestone} {p}", cmp.as_str()),
            )),
            LevelRhs::Baseline {
                delta: Delta::None, ..
            } => None,
        },
    }
}

fn run(ctx: &Context, out: &mut Sink) {
    let mut series: BTreeMap<(String, bool), Vec<Step>> = BTreeMap::new();
    for m in &ctx.plan.milestones {
        let Some(due) = m.due else { continue };
        for t in &m.targets {
            if let Some((name, minimum, value, shown)) = series_key(&t.kind) {
                series.entry((name, minimum)).or_default().push(Step {
                    due,
                    number: m.number,
                    value,
                    shown,
                    span: t.span,
                });
            }
        }
    }
    for ((name, minimum), mut steps) in series {
        steps.sort_by_key(|s| (s.due, s.number));
        // The series as the note lists it: made only for a series with a
        // finding (on a national plan a series has thousands of steps).
        let listing = std::cell::OnceCell::new();
        let listing = || {
            listing.get_or_init(|| {
                steps
                    .iter()
                    .map(|s| format!("{} ({}): {}", s.number, s.due, s.shown))
                    .collect::<Vec<String>>()
                    .join("; ")
            })
        };
        for pair in steps.windows(2) {
            let [before, after] = pair else { continue };
            let weaker = if minimum {
                after.value < before.value
            } else {
                after.value > before.value
            };
            if weaker {
                let id = if minimum {
                    "c502-message-lower"
                } else {
                    "c502-message-higher"
                };
                let d = out
                    .report(crate::tr!(
                        id,
                        milestone = after.number,
                        earlier = before.number,
                        target = after.shown,
                        earlier_target = before.shown
                    ))
                    .at(after.span, crate::tr!("c502-label"))
                    .also(before.span, crate::tr!("c502-label-earlier"))
                    .with_help(crate::tr!("c502-help"))
                    .with_note(crate::tr!("c502-note", series = name, targets = listing()));
                out.push(d);
            }
        }
    }
}
