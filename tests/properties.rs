//! Properties, checked on random input with proptest:
//!
//! - `allocate` divides any amount over any weights exactly: the parts add up
//!   to the amount rounded to cents, and each is within a cent of its exact
//!   share; for extreme weights (1 to 10^28 - 1, up to 28 decimals, mixed
//!   scales) and amounts up to the largest the language accepts it gives
//!   exactly what an independent big-integer computation (num-bigint) gives;
//! - evaluating the Twente plan against random facts at a random date, and
//!   generated plans with extreme keys and amounts against random facts,
//!   keeps the money laws of `common::money_laws` (every row: outstanding =
//!   earned - paid; every column: over parties as over milestones; every
//!   milestone's amount in exactly one of earned, at risk, lapsed), and the
//!   same input gives byte-identical JSON.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

use std::path::Path;
use std::sync::OnceLock;

use chrono::{Duration, NaiveDate};
use mijlpaal::eval::{self, allocate::allocate, Evaluation, Overrides};
use mijlpaal::model::*;
use mijlpaal::project::{Options, Project, Session};
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
        let sum = Money::checked_sum(parts.iter().copied()).expect("the parts of an amount fit");
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

/// The facts that make milestone `n` meet its `fate`: verdicts by
/// `assessor`, partial payouts and postponements decided by `deciders`.
fn fate_facts(fate: &Fate, n: MilestoneNo, assessor: &PartyId, deciders: &[PartyId]) -> Vec<Fact> {
    let assessed = |d: i64, achieved: bool| {
        fact(
            d,
            FactKind::Assessed {
                milestone: n,
                achieved,
                by: assessor.clone(),
            },
        )
    };
    match fate {
        Fate::Nothing => Vec::new(),
        Fate::Evidence(d) => vec![fact(
            *d,
            FactKind::Evidence {
                milestone: n,
                note: None,
            },
        )],
        Fate::Achieved(d) => vec![assessed(*d, true)],
        Fate::NotAchieved(d) => vec![assessed(*d, false)],
        Fate::NotThenAchieved(a, b) => vec![assessed(*a, false), assessed(*b, true)],
        Fate::AchievedThenNot(a, b) => vec![assessed(*a, true), assessed(*b, false)],
        Fate::Partial(a, b, p) => vec![
            assessed(*a, false),
            fact(
                *b,
                FactKind::Partial {
                    milestone: n,
                    share: PartialShare::Percent(*p),
                    by: deciders.to_vec(),
                },
            ),
        ],
        Fate::Postponed(a, b) => vec![fact(
            *a,
            FactKind::Postponed {
                milestone: n,
                until: day(*b),
                by: deciders.to_vec(),
            },
        )],
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
        facts.extend(fate_facts(
            fate,
            n,
            &by,
            &[PartyId::new("twentse_koers"), PartyId::new("menzis")],
        ));
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
            party_lines: mijlpaal::eval::PartyLines::None,
            trace: true,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn evaluation_keeps_the_money_invariants(w in world()) {
        let facts = facts_of(&w);
        let at = day(w.at);
        let e = evaluate(&facts, at);
        let laws = common::money_laws(&e, &project().plan, &["spuk"]);
        prop_assert!(laws.is_ok(), "{}", laws.unwrap_err());

        // The same input gives the same bytes.
        let once = common::evaluation_json(&e);
        let twice = common::evaluation_json(&e);
        prop_assert!(once == twice, "rendering the same evaluation twice differs");
        let again = evaluate(&facts, at);
        let third = common::evaluation_json(&again);
        prop_assert!(once == third, "evaluating the same facts twice gives different JSON");
        // The order the facts are written in changes nothing (issue 10, item 5).
        let mut reversed = facts.clone();
        reversed.facts.reverse();
        let backwards = common::evaluation_json(&evaluate(&reversed, at));
        prop_assert!(once == backwards, "the facts in reverse order give different JSON");
    }
}

// ------------------------------------------------- extreme weights and amounts

/// A weight the language accepts: a mantissa of 1 to 28 digits (1 to
/// 10^27, or up to 10^28 - 1) at a scale of 0 to 28 decimals.
fn extreme_weight() -> impl Strategy<Value = Decimal> {
    let mantissa = prop_oneof![
        1i128..10,
        1i128..1_000_000,
        1i128..=1_000_000_000_000_000_000_000_000_000,
        1i128..10_000_000_000_000_000_000_000_000_000,
    ];
    (mantissa, 0u32..=28).prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s))
}

/// An amount the language accepts: up to 28 significant digits, at most
/// two decimals; small ones, ones whose cents a `Decimal` still holds, and
/// whole euros up to € 9.999.999.999.999.999.999.999.999.999.
fn extreme_amount() -> impl Strategy<Value = Money> {
    prop_oneof![
        (0i128..100_000_000).prop_map(|c| Money::new(Decimal::from_i128_with_scale(c, 2))),
        (0i128..=(1i128 << 96) - 1).prop_map(|c| Money::new(Decimal::from_i128_with_scale(c, 2))),
        (0i128..10_000_000_000_000_000_000_000_000_000)
            .prop_map(|e| Money::new(Decimal::from_i128_with_scale(e, 0))),
    ]
}

/// The allocation rule computed independently with big integers: weights
/// at their largest scale, the amount in the finest unit (cent, ten cents,
/// euro) in which every part fits a `Decimal`, floors, then one unit each by
/// largest remainder, ties to the larger weight, then the first listed.
fn reference_allocation(amount: Money, weights: &[Decimal]) -> Vec<i128> {
    use num_bigint::BigInt;
    let scale = weights.iter().map(|w| w.scale()).max().unwrap_or(0);
    let ints: Vec<BigInt> = weights
        .iter()
        .map(|w| BigInt::from(w.mantissa()) * BigInt::from(10).pow(scale - w.scale()))
        .collect();
    let total: BigInt = ints.iter().sum();
    let cents = common::cents(amount);
    let unit = [1i128, 10, 100]
        .into_iter()
        .find(|u| cents % u == 0 && (cents / u).abs() < (1i128 << 96))
        .unwrap();
    let units = BigInt::from(cents / unit);
    let mut parts: Vec<BigInt> = Vec::new();
    let mut rems: Vec<(BigInt, BigInt, usize)> = Vec::new();
    for (i, w) in ints.iter().enumerate() {
        let p = &units * w;
        parts.push(&p / &total);
        rems.push((&p % &total, w.clone(), i));
    }
    let given: BigInt = parts.iter().sum();
    let left: usize = (&units - given).try_into().unwrap();
    rems.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    for (_, _, i) in rems.iter().take(left) {
        parts[*i] += 1;
    }
    parts
        .into_iter()
        .map(|p| i128::try_from(p).unwrap() * unit)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn allocation_is_exact_for_extreme_weights(
        amount in extreme_amount(),
        weights in prop::collection::vec(extreme_weight(), 1..30),
    ) {
        let parts = allocate(amount, &weights).expect("positive weights allocate");
        let cents: Vec<i128> = parts.iter().map(|p| common::cents(*p)).collect();
        prop_assert_eq!(cents.iter().sum::<i128>(), common::cents(amount));
        prop_assert_eq!(cents, reference_allocation(amount, &weights));
    }
}

/// A generated plan: `members` municipalities sharing one key with extreme
/// weights, which receives the SPUK money and bears its risk; the IZA money
/// goes to the care providers or over the same key; one milestone per
/// (iza, spuk) pair of amounts, due through 2026 and 2027.
#[derive(Debug, Clone)]
struct GenPlan {
    weights: Vec<Decimal>,
    iza_over_key: bool,
    amounts: Vec<(Money, Money)>,
}

fn dutch(d: Decimal) -> String {
    d.to_string().replace('.', ",")
}

impl GenPlan {
    fn text(&self) -> String {
        let mut t = String::from(
            "plan gen \"Gegenereerd\" {\n  rules overeenkomst-transformatieplan\n  period 2026-01-01 .. 2027-12-31\n  party zv \"Zorgverzekeraar\" coordinating-insurer\n  party zv2 \"Tweede zorgverzekeraar\" second-insurer\n  party fin \"Financier\" municipality financier\n  party sg \"Stuurgroep\" regional-body steering-group\n  party zorg \"Zorgaanbieders\" care-provider\n",
        );
        for i in 0..self.weights.len() {
            t.push_str(&format!("  party g{i} \"Gemeente {i}\" municipality\n"));
        }
        t.push_str("  stream iza \"IZA\" paid-by zv\n  stream spuk \"SPUK\" paid-by fin\n  key k \"Sleutel\" {\n");
        for (i, w) in self.weights.iter().enumerate() {
            t.push_str(&format!("    g{i} {}\n", dutch(*w)));
        }
        t.push_str("  }\n");
        let iza_to = if self.iza_over_key { "k" } else { "zorg" };
        t.push_str(&format!(
            "  default payout iza to {iza_to}\n  default payout spuk to k\n  default risk spuk by k\n  component 1 \"Alles\" {{\n"
        ));
        for (n, (iza, spuk)) in self.amounts.iter().enumerate() {
            let due = day(365 + (n as i64 * 97) % 700);
            t.push_str(&format!(
                "    milestone {} \"Mijlpaal\" {{\n      effort\n      due {due}\n      amount € {} {{ iza € {}, spuk € {} }}\n      evidence \"Bewijs\"\n    }}\n",
                n + 1,
                dutch(iza.checked_add(*spuk).expect("generated amounts fit").amount()),
                dutch(iza.amount()),
                dutch(spuk.amount()),
            ));
        }
        t.push_str("  }\n}\n");
        t
    }
}

/// Amounts per milestone: either all with cents, small enough that every
/// total a party can reach holds its cents in a `Decimal`, or whole euros
/// adding up to at most the largest amount the language accepts.
fn gen_amounts() -> impl Strategy<Value = Vec<(Money, Money)>> {
    let cents = |max: i128| (0..=max).prop_map(|c| Money::new(Decimal::from_i128_with_scale(c, 2)));
    let euros = |max: i128| (0..=max).prop_map(|e| Money::new(Decimal::from_i128_with_scale(e, 0)));
    prop_oneof![
        prop::collection::vec((cents(10_000_000_000), cents(10_000_000_000)), 1..8),
        // 7 milestones × 2 streams × 4,9 × 10^27 cents stays below 2^96 - 1 cents.
        prop::collection::vec(
            (
                cents(49i128 * 10i128.pow(26)),
                cents(49i128 * 10i128.pow(26))
            ),
            1..8
        ),
        prop::collection::vec((euros(6 * 10i128.pow(26)), euros(6 * 10i128.pow(26))), 1..8),
        // One milestone of up to the largest amount the language accepts.
        (0i128..10i128.pow(28), 0i128..=1000).prop_map(|(total, permille)| {
            let iza = total / 1000 * permille;
            let euros = |e: i128| Money::new(Decimal::from_i128_with_scale(e, 0));
            vec![(euros(iza), euros(total - iza))]
        }),
    ]
}

fn gen_plan() -> impl Strategy<Value = GenPlan> {
    (
        prop::collection::vec(extreme_weight(), 1..8),
        any::<bool>(),
        gen_amounts(),
    )
        .prop_map(|(weights, iza_over_key, amounts)| GenPlan {
            weights,
            iza_over_key,
            amounts,
        })
}

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| project().rules.clone().unwrap())
}

fn lower_plan(text: &str) -> Plan {
    let (tree, diags) = mijlpaal::syntax::parse(FileId(0), text, &Default::default());
    assert!(diags.is_empty(), "{diags:#?}\n{text}");
    let Some(mijlpaal::syntax::ast::File::Plan(p)) = tree else {
        panic!("not a plan:\n{text}");
    };
    let (plan, diags) = mijlpaal::lower::lower_plan(&p, FileId(0));
    assert!(
        diags
            .iter()
            .all(|d| d.severity != mijlpaal::diagnostic::Severity::Error),
        "{diags:#?}\n{text}"
    );
    plan
}

/// A payment of `permille` of `part`, floored in the unit the part is
/// written in, so it never exceeds the part.
fn permille_of(part: Money, permille: u32) -> Money {
    let d = part.amount();
    let m = d.mantissa() * i128::from(permille) / 1000;
    Money::new(Decimal::from_i128_with_scale(m, d.scale()))
}

fn gen_facts(plan: &Plan, w: &World) -> Facts {
    let mut facts = Vec::new();
    for &(d, compliant) in &w.administration {
        facts.push(fact(d, FactKind::Administration { compliant }));
    }
    for (m, (fate, _, iza, spuk)) in plan.milestones.iter().zip(&w.milestones) {
        let n = m.number;
        facts.extend(fate_facts(
            fate,
            n,
            &PartyId::new("zv"),
            &[PartyId::new("sg"), PartyId::new("zv")],
        ));
        for (stream, pay) in [("iza", iza), ("spuk", spuk)] {
            if let Some((permille, d)) = pay {
                let stream = StreamId::new(stream);
                let amount = permille_of(m.stream_amount(&stream), *permille);
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
        file: FileId(1),
        plan: "gen".into(),
        facts,
        evaluate_at: Vec::new(),
        span: Span::default(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn generated_plans_keep_the_money_laws(g in gen_plan(), w in world(), lines in any::<bool>()) {
        let plan = lower_plan(&g.text());
        prop_assert_eq!(plan.milestones.len(), g.amounts.len());
        // Whole euros only where amounts are whole euros: a partial share of
        // such an amount has cents no `Decimal` may hold next to 10^26 euros.
        let whole_euros = g.amounts.iter().all(|(a, b)| a.amount().scale() == 0 && b.amount().scale() == 0);
        let mut w = w;
        if whole_euros {
            for m in &mut w.milestones {
                if let Fate::Partial(a, _, _) = m.0 {
                    m.0 = Fate::NotAchieved(a);
                }
            }
        }
        let facts = gen_facts(&plan, &w);
        let evaluate = |party_lines| {
            let options = eval::Options {
                at: day(w.at),
                horizon_days: 90,
                overrides: Overrides::default(),
                party_lines,
                trace: true,
            };
            eval::evaluate(&plan, rules(), std::slice::from_ref(&facts), &options)
        };
        let e = evaluate(match lines {
            true => mijlpaal::eval::PartyLines::All,
            false => mijlpaal::eval::PartyLines::None,
        });
        let refused: Vec<_> = e.diagnostics.iter().filter(|d| d.code == "E011").collect();
        prop_assert!(refused.is_empty(), "{:#?}\n{}", refused, g.text());
        let laws = common::money_laws(&e, &plan, &["spuk"]);
        prop_assert!(laws.is_ok(), "{}\n{}", laws.unwrap_err(), g.text());
        // One party's lines (`evaluate --party`): that party's lines are
        // every party's evaluation's, the rest is the same without lines.
        if let (true, Some(chosen)) = (lines, e.parties.get(w.milestones.len() % e.parties.len().max(1))) {
            let one = evaluate(mijlpaal::eval::PartyLines::Only(chosen.id.clone()));
            prop_assert_eq!(&one.milestones, &e.milestones);
            prop_assert_eq!(&one.diagnostics, &e.diagnostics);
            for (a, b) in one.parties.iter().zip(&e.parties) {
                let mut b = b.clone();
                if b.id != chosen.id {
                    b.lines.clear();
                }
                prop_assert_eq!(a, &b);
            }
        }
    }
}
