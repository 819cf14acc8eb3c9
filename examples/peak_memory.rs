//! Peak heap memory per stage of the pipeline, by a counting global
//! allocator (issue 12, item 6), on a generated plan (examples/synth):
//! each stage's peak above what was allocated when it started, and its
//! ratio to the input it reads, beside `serde_json::Value` of the same
//! plan as JSON.
//!
//! ```sh
//! cargo run --release --example peak_memory -- 10000      # milestones (x 342 parties)
//! ```

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

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use mijlpaal::eval::{self, Overrides};
use mijlpaal::lower;
use mijlpaal::source::FileId;
use mijlpaal::syntax::{self, ast, Limits};

/// The system allocator, counting the bytes live and the most live since
/// the last [`Counting::start`].
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now =
                    LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

impl Counting {
    /// Starts a stage: the peak is measured from what is live now.
    fn start() -> usize {
        let live = LIVE.load(Relaxed);
        PEAK.store(live, Relaxed);
        live
    }
    /// The stage's peak above what was live when it started.
    fn peak_since(start: usize) -> usize {
        PEAK.load(Relaxed).saturating_sub(start)
    }
}

fn stage<T>(name: &str, input: usize, f: impl FnOnce() -> T) -> T {
    let start = Counting::start();
    let out = f();
    let peak = Counting::peak_since(start);
    println!(
        "| {name} | {:.1} MB | {:.1} MB | {:.1}x |",
        input as f64 / 1e6,
        peak as f64 / 1e6,
        peak as f64 / input as f64
    );
    out
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let g = gen::generate(n, 342, 1);
    let json = serde_json::to_string(&g.plan).unwrap();
    let limits = Limits::default();
    let (plan_len, facts_len) = (g.plan_text.len(), g.facts_text.len());
    println!(
        "{n} milestones x 342 parties: plan {plan_len} B, facts {facts_len} B, JSON {} B\n",
        json.len()
    );
    println!(
        "| stage (its result kept while measured) | input | peak above start | peak / input |"
    );
    println!("|---|---|---|---|");
    stage("serde_json::Value of the plan as JSON", json.len(), || {
        serde_json::from_str::<serde_json::Value>(&json).unwrap()
    });
    let ast = stage(
        "parse the plan (pest, syntax tree)",
        plan_len,
        || match syntax::parse(FileId(0), &g.plan_text, &limits) {
            (Some(ast::File::Plan(p)), _) => p,
            _ => panic!("the plan did not parse"),
        },
    );
    let (plan, _) = stage("lower the plan (syntax tree alive)", plan_len, || {
        lower::lower_plan(&ast, FileId(0))
    });
    drop(ast);
    // As `Session::load` does it: a component's tree at a time.
    stage("check: parse + lower + all checks", plan_len, || {
        let (plan, _) = mijlpaal::project::plan_in_pieces(FileId(0), &g.plan_text, &limits)
            .expect("the plan did not parse in pieces");
        mijlpaal::check::run_all(&plan, None, &[])
    });
    let rules = match syntax::parse(FileId(1), &g.rules_text, &limits) {
        (Some(ast::File::Rules(r)), _) => lower::lower_rules(&r, FileId(1)).0,
        _ => panic!("the rules did not parse"),
    };
    let facts = stage(
        "parse + lower the facts",
        facts_len,
        || match syntax::parse(FileId(2), &g.facts_text, &limits) {
            (Some(ast::File::Facts(f)), _) => vec![lower::lower_facts(&f, FileId(2), &plan).0],
            _ => panic!("the facts did not parse"),
        },
    );
    let at = chrono::NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
    let options = eval::Options {
        at,
        horizon_days: 90,
        overrides: Overrides::default(),
        party_lines: mijlpaal::eval::PartyLines::None,
        // As `mijlpaal evaluate` and `mijlpaal timeline` evaluate: only
        // `explain-milestone` shows the trace.
        trace: false,
    };
    let both = plan_len + facts_len;
    stage("evaluate at 2027-01-31 + JSON (model alive)", both, || {
        let e = eval::evaluate(&plan, &rules, &facts, &options);
        let mut out = Vec::new();
        mijlpaal::render::evaluation::write_json(&e, "", &mut out).unwrap();
        out.len()
    });
    stage(
        "evaluate at 2027-01-31 + JSON streamed as the CLI writes it (model alive)",
        both,
        || {
            let e = eval::evaluate(&plan, &rules, &facts, &options);
            let mut out = std::io::BufWriter::new(std::io::sink());
            mijlpaal::render::evaluation::write_json_shown(&e, "", &mut out).unwrap();
            e.milestones.len()
        },
    );
    stage("evaluate at 2027-01-31 alone (model alive)", both, || {
        eval::evaluate(&plan, &rules, &facts, &options)
    });
    let months = gen::month_ends();
    stage(
        "incremental timeline, 36 month ends, rows kept",
        both,
        || {
            let mut rows = Vec::new();
            eval::timeline::columns(&plan, &rules, &facts, &months, &options, |x| {
                rows.push(mijlpaal::render::timeline::Row::of_columns(&x, None))
            });
            rows
        },
    );
}
