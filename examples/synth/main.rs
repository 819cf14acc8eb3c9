//! Writes a synthetic plan for benchmarks and stress tests:
//!
//! ```sh
//! cargo run --release --example synth -- --milestones 100000 --parties 342 --seed 1 --out /tmp/synth [--json]
//! ```
//!
//! DIR/synth.plan, DIR/synth.facts, DIR/rules/synth.rules and with `--json`
//! DIR/synth.json (the same plan as a JSON document).

// Benchmarks and generators may unwrap, index and compute freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod gen;

use std::path::PathBuf;

fn main() {
    let mut milestones = 1_000usize;
    let mut parties = 342usize;
    let mut seed = 1u64;
    let mut out: Option<PathBuf> = None;
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| fail(&format!("{name} needs a value")))
        };
        match a.as_str() {
            "--milestones" => {
                milestones = value("--milestones")
                    .parse()
                    .unwrap_or_else(|_| fail("--milestones: a number"))
            }
            "--parties" => {
                parties = value("--parties")
                    .parse()
                    .unwrap_or_else(|_| fail("--parties: a number"))
            }
            "--seed" => {
                seed = value("--seed")
                    .parse()
                    .unwrap_or_else(|_| fail("--seed: a number"))
            }
            "--out" => out = Some(PathBuf::from(value("--out"))),
            "--json" => json = true,
            "-h" | "--help" => {
                println!("usage: synth --milestones N --parties P --seed S --out DIR [--json]");
                return;
            }
            other => fail(&format!("unknown argument `{other}`")),
        }
    }
    let Some(out) = out else {
        fail("--out DIR is required")
    };
    if !(3..=9_999).contains(&parties) {
        fail("--parties: between 3 and 9999");
    }
    let g = gen::generate(milestones, parties, seed);
    std::fs::create_dir_all(out.join("rules")).unwrap_or_else(|e| fail(&e.to_string()));
    let write = |name: &str, text: &str| {
        std::fs::write(out.join(name), text).unwrap_or_else(|e| fail(&format!("{name}: {e}")));
    };
    write("synth.plan", &g.plan_text);
    write("synth.facts", &g.facts_text);
    write("rules/synth.rules", &g.rules_text);
    if json {
        let text = serde_json::to_string(&g.plan).unwrap_or_else(|e| fail(&e.to_string()));
        write("synth.json", &text);
    }
    eprintln!(
        "wrote {}: plan {} bytes, facts {} bytes",
        out.display(),
        g.plan_text.len(),
        g.facts_text.len()
    );
}

fn fail(message: &str) -> ! {
    eprintln!("synth: {message}");
    std::process::exit(2);
}
