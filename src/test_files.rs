//! Test support: the repository's own input files, for the unit tests that
//! hold a fast path to the reference path on every file we have.

use std::path::{Path, PathBuf};

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
