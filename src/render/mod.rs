//! Stage 4: results → text, JSON, SARIF, CSV, a workbook. Renderers only
//! format; they decide nothing and do no IO (a workbook is built in memory
//! and written by the CLI).

pub mod diff;
pub mod escape;
pub mod evaluation;
pub mod human;
pub mod json;
pub mod ledger;
pub mod report;
pub mod sarif;
pub mod show;
pub mod shown_json;
pub mod svg;
pub mod timeline;
pub mod xlsx;
