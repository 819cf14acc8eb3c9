//! `mijlpaal show --format json`: the lowered model, for other tools.
//!
//! One definition of the shape: views of the model that serialize
//! themselves, fields and map keys in key order (as a `serde_json::Value`
//! writes them). `show` streams them to its output; `diff` compares them
//! as a `Value` ([`plan_json`]). A national plan's `Value` took 1.4 GB.

use std::collections::BTreeMap;

use serde::ser::{Serialize, Serializer};
use serde_json::Value;

use super::evaluation::Plain;
use crate::model::*;

/// Amounts per stream, by stream name (the last of a name counts).
fn streams(s: &StreamAmounts) -> BTreeMap<&str, Plain> {
    s.iter().map(|(id, m)| (id.as_str(), Plain(*m))).collect()
}

/// A sequence serialized as it is walked, each item viewed on the way.
struct Each<'a, T, V>(&'a [T], fn(&'a T) -> V);

impl<'a, T, V: Serialize> Serialize for Each<'a, T, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(self.1))
    }
}

#[derive(serde::Serialize)]
struct WindowView {
    from: Option<String>,
    to: Option<String>,
}

fn window(w: &Window) -> WindowView {
    WindowView {
        from: w.from.map(|d| d.to_string()),
        to: w.to.map(|d| d.to_string()),
    }
}

#[derive(serde::Serialize)]
#[serde(untagged)]
enum TargetView<'a> {
    Count {
        kind: &'static str,
        metric: &'a MetricId,
        op: &'static str,
        value: String,
        window: WindowView,
    },
    Share {
        denominator: &'a MetricId,
        kind: &'static str,
        numerator: &'a MetricId,
        op: &'static str,
        percent: String,
        window: WindowView,
    },
    Level {
        at: String,
        kind: &'static str,
        metric: &'a MetricId,
        op: &'static str,
        rhs: RhsView<'a>,
    },
}

#[derive(serde::Serialize)]
#[serde(untagged)]
enum RhsView<'a> {
    Value {
        value: String,
    },
    Baseline {
        baseline_of: &'a MilestoneNo,
        delta: Option<DeltaView>,
    },
}

#[derive(serde::Serialize)]
#[serde(untagged)]
enum DeltaView {
    Absolute { absolute: String },
    Relative { percent: String },
}

fn target(t: &Target) -> TargetView<'_> {
    match &t.kind {
        TargetKind::Count {
            metric,
            window: w,
            cmp,
            value,
        } => TargetView::Count {
            kind: "count",
            metric,
            op: cmp.as_str(),
            value: value.to_string(),
            window: window(w),
        },
        TargetKind::Share {
            numerator,
            denominator,
            window: w,
            cmp,
            value,
        } => TargetView::Share {
            denominator,
            kind: "share",
            numerator,
            op: cmp.as_str(),
            percent: value.value().to_string(),
            window: window(w),
        },
        TargetKind::Level {
            metric,
            at,
            cmp,
            rhs,
        } => TargetView::Level {
            at: at.to_string(),
            kind: "level",
            metric,
            op: cmp.as_str(),
            rhs: match rhs {
                LevelRhs::Value(v) => RhsView::Value {
                    value: v.to_string(),
                },
                LevelRhs::Baseline {
                    milestone, delta, ..
                } => RhsView::Baseline {
                    baseline_of: milestone,
                    delta: match delta {
                        Delta::None => None,
                        Delta::Absolute(d) => Some(DeltaView::Absolute {
                            absolute: d.to_string(),
                        }),
                        Delta::Relative(p) => Some(DeltaView::Relative {
                            percent: p.value().to_string(),
                        }),
                    },
                },
            },
        },
    }
}

#[derive(serde::Serialize)]
struct DeclaredView<'a, B> {
    amount: Plain,
    by: B,
    streams: BTreeMap<&'a str, Plain>,
}

#[derive(serde::Serialize)]
struct BaselineView<'a> {
    at: String,
    metric: &'a MetricId,
}

#[derive(serde::Serialize)]
struct MilestoneView<'a> {
    after: Vec<u32>,
    amount: Plain,
    component: &'a ComponentNo,
    declared: Each<'a, DeclaredAmount, DeclaredView<'a, &'a DocumentId>>,
    due: Option<String>,
    evidence: &'a [String],
    judged: &'a Option<String>,
    number: &'a MilestoneNo,
    obligation: &'static str,
    payout: BTreeMap<&'a str, &'a str>,
    /// One risk key for the milestone when all streams that bear risk share it.
    risk: Option<&'a KeyId>,
    risk_by_stream: BTreeMap<&'a str, &'a KeyId>,
    sets_baseline: Each<'a, Baseline, BaselineView<'a>>,
    streams: BTreeMap<&'a str, Plain>,
    targets: Each<'a, Target, TargetView<'a>>,
    text: &'a str,
}

fn milestone(m: &Milestone) -> MilestoneView<'_> {
    MilestoneView {
        after: m.after.iter().map(|(n, _)| n.0).collect(),
        amount: Plain(m.total()),
        component: &m.component,
        declared: Each(&m.declared, |d| DeclaredView {
            amount: Plain(d.total),
            by: &d.by,
            streams: streams(&d.streams),
        }),
        due: m.due.map(|d| d.to_string()),
        evidence: &m.evidence,
        judged: &m.judged,
        number: &m.number,
        obligation: m.obligation.as_str(),
        payout: m
            .payout
            .iter()
            .map(|p| (p.stream.as_str(), p.to.as_str()))
            .collect(),
        risk: match m.risk.as_slice() {
            [first, rest @ ..] if rest.iter().all(|r| r.key == first.key) => Some(&first.key),
            _ => None,
        },
        risk_by_stream: m.risk.iter().map(|r| (r.stream.as_str(), &r.key)).collect(),
        sets_baseline: Each(&m.baselines, |b| BaselineView {
            at: b.at.to_string(),
            metric: &b.metric,
        }),
        streams: m
            .amount
            .as_ref()
            .map(|a| streams(&a.streams))
            .unwrap_or_default(),
        targets: Each(&m.targets, target),
        text: &m.text,
    }
}

#[derive(serde::Serialize)]
struct PeriodView {
    from: String,
    to: String,
}

#[derive(serde::Serialize)]
struct PartyView<'a> {
    id: &'a PartyId,
    name: &'a str,
    roles: Vec<&'static str>,
}

#[derive(serde::Serialize)]
struct StreamView<'a> {
    id: &'a StreamId,
    name: &'a str,
    paid_by: &'a PartyId,
}

#[derive(serde::Serialize)]
struct MetricView<'a> {
    id: &'a MetricId,
    kind: &'static str,
    title: &'a str,
}

#[derive(serde::Serialize)]
struct ComponentView<'a> {
    name: &'a str,
    number: &'a ComponentNo,
}

#[derive(serde::Serialize)]
struct AddressView<'a> {
    criterion: &'a str,
    pointer: &'a str,
}

/// The plan as `show` writes it.
#[derive(serde::Serialize)]
pub struct PlanView<'a> {
    addresses: Each<'a, Address, AddressView<'a>>,
    components: Each<'a, Component, ComponentView<'a>>,
    declared_totals: Each<'a, DeclaredTotal, DeclaredView<'a, &'a Option<DocumentId>>>,
    /// Key → party → weight (the last of a name counts).
    keys: BTreeMap<&'a str, BTreeMap<&'a str, String>>,
    metrics: Each<'a, Metric, MetricView<'a>>,
    milestones: Each<'a, Milestone, MilestoneView<'a>>,
    parties: Each<'a, Party, PartyView<'a>>,
    period: Option<PeriodView>,
    plan: &'a PlanId,
    rules: Option<&'a str>,
    streams: Each<'a, Stream, StreamView<'a>>,
    title: &'a str,
}

impl<'a> PlanView<'a> {
    pub fn of(plan: &'a Plan) -> Self {
        PlanView {
            addresses: Each(&plan.addresses, |a| AddressView {
                criterion: &a.criterion,
                pointer: &a.pointer,
            }),
            components: Each(&plan.components, |c| ComponentView {
                name: &c.name,
                number: &c.number,
            }),
            declared_totals: Each(&plan.declared_totals, |d| DeclaredView {
                amount: Plain(d.total),
                by: &d.by,
                streams: streams(&d.streams),
            }),
            keys: plan
                .keys
                .iter()
                .map(|k| {
                    let members = k
                        .members
                        .iter()
                        .map(|m| (m.party.as_str(), m.weight.to_string()))
                        .collect();
                    (k.id.as_str(), members)
                })
                .collect(),
            metrics: Each(&plan.metrics, |m| MetricView {
                id: &m.id,
                kind: match m.kind {
                    MetricKind::Count => "count",
                    MetricKind::Level => "level",
                },
                title: &m.title,
            }),
            milestones: Each(&plan.milestones, milestone),
            parties: Each(&plan.parties, |p| PartyView {
                id: &p.id,
                name: &p.name,
                roles: p.roles.iter().map(|r| r.as_str()).collect(),
            }),
            period: plan.period.map(|p| PeriodView {
                from: p.from.to_string(),
                to: p.to.to_string(),
            }),
            plan: &plan.id,
            rules: plan.rules.as_ref().map(|r| r.name.as_str()),
            streams: Each(&plan.streams, |s| StreamView {
                id: &s.id,
                name: &s.name,
                paid_by: &s.payer,
            }),
            title: &plan.title,
        }
    }
}

/// The plan as `show` writes it, as a value (what `diff` compares). A view
/// of the model has string keys only, so it always makes a value.
pub fn plan_json(plan: &Plan) -> Value {
    serde_json::to_value(PlanView::of(plan)).unwrap_or_default()
}

/// The plan's JSON written to `out` as it is serialized, escaped as every
/// JSON of `mijlpaal` is, and a line break.
pub fn write_json(plan: &Plan, out: &mut impl std::io::Write) -> std::io::Result<()> {
    PlanView::of(plan).serialize(&mut super::shown_json::ShownJson::new(&mut *out))?;
    out.write_all(b"\n")
}
