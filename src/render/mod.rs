//! Stage 4: results → text, JSON, SARIF, CSV. Renderers only format; they
//! decide nothing.

pub mod diff;
pub mod escape;
pub mod evaluation;
pub mod human;
pub mod json;
pub mod sarif;
pub mod show;
