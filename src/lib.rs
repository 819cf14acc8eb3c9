//! mijlpaal: a rules-and-workflow engine for milestone-based funding agreements.
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md):
//! `source` → `syntax` (parse) → `lower` → `model` → `check` / `eval` → `render`;
//! `submission` decides an assessment framework's criteria from the checks' findings.
//! `lsp` runs the same pipeline for an editor (`mijlpaal lsp`), on its unsaved buffers.

pub mod builtin;
pub mod check;
pub mod codes;
pub mod diagnostic;
pub mod diff;
pub mod eval;
pub mod format;
pub mod i18n;
pub mod interop;
pub mod lower;
pub mod lsp;
pub mod model;
pub mod project;
pub mod render;
pub mod source;
pub mod submission;
pub mod syntax;
#[cfg(test)]
mod test_files;
pub mod write;
