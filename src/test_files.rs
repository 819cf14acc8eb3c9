//! Test support: the repository's own input files and the synth
//! generator, for the unit tests that hold a fast path to the reference
//! path on every file we have.

use std::path::{Path, PathBuf};

/// The generator of `examples/synth`, for unit tests that need a large
/// plan or facts file (one module for all of them).
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#[path = "../examples/synth/gen.rs"]
pub(crate) mod synth;

/// Every file ending in `.EXTENSION` under `plans/` and `tests/`, plans
/// first, in directory order.
pub(crate) fn repository_files(extension: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["plans", "tests"] {
        collect(Path::new(dir), extension, &mut out);
    }
    out
}

fn collect(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}

/// A small seeded generator for tests that build random inputs by hand
/// (a linear congruential one: the same numbers on every machine).
pub(crate) fn seeded(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed.wrapping_shr(33).checked_rem(n).unwrap_or(0)
    }
}
