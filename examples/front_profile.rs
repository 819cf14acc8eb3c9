//! One `check` of a generated plan beside one `serde_json::Value` of the
//! same plan as JSON, each in a function of its own, for instruction counts
//! (issue 12: `check` within 3x of `Value`):
//!
//! ```sh
//! cargo build --release --example front_profile
//! valgrind --tool=callgrind --toggle-collect='front_profile::value' target/release/examples/front_profile 10000
//! valgrind --tool=callgrind --toggle-collect='front_profile::check' target/release/examples/front_profile 10000
//! valgrind --tool=callgrind --toggle-collect='front_profile::facts' target/release/examples/front_profile 10000
//! ```
//!
//! `facts` parses and lowers the generated facts file (against the plan,
//! lowered outside the counted function).

// Examples may unwrap, index and compute freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

#[path = "synth/gen.rs"]
mod gen;

use mijlpaal::lower;
use mijlpaal::source::FileId;
use mijlpaal::syntax::{self, ast, Limits};

#[inline(never)]
fn value(json: &str) -> usize {
    let v = serde_json::from_str::<serde_json::Value>(json).unwrap();
    std::hint::black_box(&v);
    1
}

#[inline(never)]
fn check(plan_text: &str, rules_text: &str) -> usize {
    let limits = Limits::default();
    // As `Session::load` does it: a component's tree at a time.
    let (plan, d1) = mijlpaal::project::plan_in_pieces(FileId(0), plan_text, &limits)
        .expect("the plan did not parse in pieces");
    let rules = match syntax::parse(FileId(1), rules_text, &limits) {
        (Some(ast::File::Rules(r)), _) => r,
        _ => panic!("the rules did not parse"),
    };
    let (rules, d2) = lower::lower_rules(&rules, FileId(1));
    let found = mijlpaal::check::run_all(&plan, Some(&rules), &[]);
    d1.len() + d2.len() + found.len()
}

#[inline(never)]
fn facts(facts_text: &str, plan: &mijlpaal::model::Plan) -> usize {
    let limits = Limits::default();
    let ast = match syntax::parse(FileId(2), facts_text, &limits) {
        (Some(ast::File::Facts(f)), _) => f,
        _ => panic!("the facts did not parse"),
    };
    let (facts, d) = lower::lower_facts(&ast, FileId(2), plan);
    std::hint::black_box(&facts);
    d.len()
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let g = gen::generate(n, 342, 1);
    let json = serde_json::to_string(&g.plan).unwrap();
    let a = value(&json);
    let b = check(&g.plan_text, &g.rules_text);
    let plan = match syntax::parse(FileId(0), &g.plan_text, &Limits::default()) {
        (Some(ast::File::Plan(p)), _) => lower::lower_plan(&p, FileId(0)).0,
        _ => panic!("the plan did not parse"),
    };
    let c = facts(&g.facts_text, &plan);
    println!(
        "{n} milestones: plan {} B, JSON {} B, facts {} B ({a}, {b}, {c})",
        g.plan_text.len(),
        json.len(),
        g.facts_text.len()
    );
}
