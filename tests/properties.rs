//! Properties, checked on random input with proptest:
//!
//! - `allocate` divides any amount over any weights exactly: the parts add up
//!   to the amount rounded to cents, and each is within a cent of its exact
//!   share;
//! - evaluating the Twente plan against random facts at a random date keeps
//!   the money invariants: every column adds up the same over parties as
//!   over milestones, outstanding is earned minus paid, an achieved milestone
//!   is never repayable, and the same input gives byte-identical JSON.

use std::path::Path;
use std::sync::OnceLock;

use chrono::{Duration, NaiveDate};
use mijlpaal::eval::{
    self, allocate::allocate, amount_of, Evaluation, Overrides, PerStream, MONEY_COLUMNS,
};
use mijlpaal::model::*;
use mijlpaal::project::{Options, Project, Session};
use mijlpaal::render;
use mijlpaal::source::{FileId, Span};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// 64 cases per property keeps the suite fast; `PROPTEST_CASES=5000` searches harder.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64)
}

// ------------------------------------------------------------ allocation

fn weight() -> impl Strategy<Value = u64> {
    prop_oneof![0..10u64, 0..1_000u64, 0..1_000_000_000u64]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn allocation_is_exact(
        cents in 0i64..10_000_000_000,
        weights in prop::collection::vec(weight(), 1..400)
            .prop_filter("a positive sum", |w| w.iter().any(|x| *x > 0)),
    ) {
        let amount = Money::new(Decimal::new(cents, 2));
        let ws: Vec<Decimal> = weights.iter().map(|w| Decimal::from(*w)).collect();
        let parts = allocate(amount, &ws).expect("positive weights allocate");
        prop_assert_eq!(parts.len(), weights.len());
        let sum: Money = parts.iter().copied().sum();
        prop_assert_eq!(sum, amount.round_cents());
        // Within a cent of the exact share: |part × total − amount × w| < total (in cents).
        let total: i128 = weights.iter().map(|w| i128::from(*w)).sum();
        for (part, w) in parts.iter().zip(&weights) {
            let mut p = part.amount();
            p.rescale(2);
            prop_assert_eq!(p.scale(), 2);
            let diff = (p.mantissa() * total - i128::from(cents) * i128::from(*w)).abs();
            prop_assert!(
                diff < total,
                "part {} for weight {} of {}: more than a cent from {} x {} / {}",
                part, w, total, amount, w, total
            );
            prop_assert!(p.mantissa() >= 0, "negative part {}", part);
        }
    }
}

// ------------------------------------------------------------ evaluation

const TWENTE: &str = "plans/mentaal-gezond-twente.plan";

fn project() -> &'static Project {
    static PROJECT: OnceLock<Project> = OnceLock::new();
    PROJECT.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TWENTE);
        let mut session = Session::new(Options::default());
        let project = session.load_project(&path, &[]).expect("the plan loads");
        assert!(project.rules.is_some(), "the plan has its rule set");
        assert_eq!(project.plan.milestones.len(), 47);
        project
    })
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
}
/// Days from 2025-01-01 to 2028-06-30.
fn days() -> i64 {
    (NaiveDate::from_ymd_opt(2028, 6, 30).unwrap() - start()).num_days()
}
fn day(n: i64) -> NaiveDate {
    start() + Duration::days(n)
}

/// What happens to one milestone.
#[derive(Debug, Clone)]
enum Fate {
    Nothing,
    Evidence(i64),
    Achieved(i64),
    NotAchieved(i64),
    /// Not achieved, then (perhaps) achieved on the second date.
    NotThenAchieved(i64, i64),
    /// Achieved, then judged not achieved on the second date.
    AchievedThenNot(i64, i64),
    /// Not achieved, then a partial payout (percent with this scale) decided.
    Partial(i64, i64, Percent),
    /// Postponed (on the first date) until the second date.
    Postponed(i64, i64),
}

fn percent() -> impl Strategy<Value = Percent> {
    prop_oneof![
        (0i64..=100).prop_map(|p| Percent::new(Decimal::new(p, 0))),
        (0i64..=10_000).prop_map(|p| Percent::new(Decimal::new(p, 2))),
    ]
}

fn fate() -> impl Strategy<Value = Fate> {
    let d = 0..=days();
    prop_oneof![
        2 => Just(Fate::Nothing),
        1 => d.clone().prop_map(Fate::Evidence),
        3 => d.clone().prop_map(Fate::Achieved),
        2 => d.clone().prop_map(Fate::NotAchieved),
        1 => (d.clone(), d.clone()).prop_map(|(a, b)| Fate::NotThenAchieved(a, b)),
        1 => (d.clone(), d.clone()).prop_map(|(a, b)| Fate::AchievedThenNot(a, b)),
        2 => (d.clone(), d.clone(), percent()).prop_map(|(a, b, p)| Fate::Partial(a, b, p)),
        1 => (d.clone(), d).prop_map(|(a, b)| Fate::Postponed(a, b)),
    ]
}

/// A payment of `permille` of a stream's part (1000 = all of it) on a day.
type Payment = Option<(u32, i64)>;

fn payment() -> impl Strategy<Value = Payment> {
    prop::option::weighted(0.4, (prop_oneof![Just(1000u32), 0..=1000u32], 0..=days()))
}

#[derive(Debug, Clone)]
struct World {
    /// Per milestone, in plan order: its fate and a payment per stream (iza, spuk).
    milestones: Vec<(Fate, bool, Payment, Payment)>,
    administration: Vec<(i64, bool)>,
    dissolved: Option<i64>,
    at: i64,
}

fn world() -> impl Strategy<Value = World> {
    (
        prop::collection::vec((fate(), any::<bool>(), payment(), payment()), 47),
        prop::collection::vec((0..=days(), prop::bool::weighted(0.8)), 0..4),
        prop::option::weighted(0.2, 0..=days()),
        0..=days(),
    )
        .prop_map(|(milestones, administration, dissolved, at)| World {
            milestones,
            administration,
            dissolved,
            at,
        })
}

fn fact(date: i64, kind: FactKind) -> Fact {
    Fact {
        date: day(date),
        kind,
        span: Span::default(),
    }
}

fn facts_of(w: &World) -> Facts {
    let plan = &project().plan;
    let mut facts = Vec::new();
    for &(d, compliant) in &w.administration {
        facts.push(fact(d, FactKind::Administration { compliant }));
    }
    for (m, (fate, second, iza, spuk)) in plan.milestones.iter().zip(&w.milestones) {
        let n = m.number;
        // Either insurer assesses; both are assessors.
        let by = PartyId::new(if *second { "vgz" } else { "menzis" });
        let assessed = |d: i64, achieved: bool| {
            fact(
                d,
                FactKind::Assessed {
                    milestone: n,
                    achieved,
                    by: by.clone(),
                },
            )
        };
        match fate {
            Fate::Nothing => {}
            Fate::Evidence(d) => facts.push(fact(
                *d,
                FactKind::Evidence {
                    milestone: n,
                    note: None,
                },
            )),
            Fate::Achieved(d) => facts.push(assessed(*d, true)),
            Fate::NotAchieved(d) => facts.push(assessed(*d, false)),
            Fate::NotThenAchieved(a, b) => {
                facts.push(assessed(*a, false));
                facts.push(assessed(*b, true));
            }
            Fate::AchievedThenNot(a, b) => {
                facts.push(assessed(*a, true));
                facts.push(assessed(*b, false));
            }
            Fate::Partial(a, b, p) => {
                facts.push(assessed(*a, false));
                facts.push(fact(
                    *b,
                    FactKind::Partial {
                        milestone: n,
                        share: PartialShare::Percent(*p),
                        by: PartyId::new("twentse_koers"),
                    },
                ));
            }
            Fate::Postponed(a, b) => facts.push(fact(
                *a,
                FactKind::Postponed {
                    milestone: n,
                    until: day(*b),
                },
            )),
        }
        for (stream, pay) in [("iza", iza), ("spuk", spuk)] {
            if let Some((permille, d)) = pay {
                let stream = StreamId::new(stream);
                let part = m.stream_amount(&stream);
                let amount = part
                    .checked_mul(Decimal::new(i64::from(*permille), 3))
                    .unwrap()
                    .round_cents();
                assert!(amount <= part);
                facts.push(fact(
                    *d,
                    FactKind::Paid {
                        stream,
                        milestone: n,
                        amount,
                    },
                ));
            }
        }
    }
    if let Some(d) = w.dissolved {
        facts.push(fact(
            d,
            FactKind::Dissolved {
                reason: "random".into(),
            },
        ));
    }
    Facts {
        file: FileId(0),
        plan: "mgt".into(),
        facts,
        evaluate_at: Vec::new(),
        span: Span::default(),
    }
}

fn evaluate(facts: &Facts, at: NaiveDate) -> Evaluation {
    let p = project();
    eval::evaluate(
        &p.plan,
        p.rules.as_ref().unwrap(),
        std::slice::from_ref(facts),
        &eval::Options {
            at,
            horizon_days: 90,
            overrides: Overrides::default(),
            party_lines: false,
        },
    )
}

fn total(v: &PerStream) -> Money {
    v.iter().map(|(_, m)| *m).sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn evaluation_keeps_the_money_invariants(w in world()) {
        let facts = facts_of(&w);
        let at = day(w.at);
        let e = evaluate(&facts, at);

        for (i, name) in MONEY_COLUMNS.iter().enumerate() {
            for s in &e.streams {
                let by_milestone: Money = e.milestones.iter().map(|m| amount_of(m.money_columns()[i].1, s)).sum();
                let by_party: Money = e.parties.iter().map(|p| amount_of(p.money_columns()[i].1, s)).sum();
                prop_assert_eq!(
                    by_milestone, by_party,
                    "`{}` of `{}`: over milestones {} != over parties {}",
                    name, s, by_milestone, by_party
                );
            }
        }
        for m in &e.milestones {
            for s in &e.streams {
                let get = |v: &PerStream| amount_of(v, s);
                prop_assert_eq!(
                    get(&m.earned) - get(&m.paid),
                    get(&m.outstanding),
                    "milestone {} `{}`: outstanding is not earned - paid", m.number, s
                );
            }
            if m.status.is_achieved() {
                prop_assert!(
                    total(&m.repayable).is_zero(),
                    "evaluation made an achieved amount repayable: milestone {} is {} and {} is repayable",
                    m.number, m.status.as_str(), total(&m.repayable)
                );
            }
        }

        // The same input gives the same bytes.
        let once = serde_json::to_string_pretty(&render::evaluation::json(&e)).unwrap();
        let twice = serde_json::to_string_pretty(&render::evaluation::json(&e)).unwrap();
        prop_assert!(once == twice, "rendering the same evaluation twice differs");
        let again = evaluate(&facts, at);
        let third = serde_json::to_string_pretty(&render::evaluation::json(&again)).unwrap();
        prop_assert!(once == third, "evaluating the same facts twice gives different JSON");
    }
}
