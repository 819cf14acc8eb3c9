//! The typed model that checks and evaluation work on. Built only by `lower`.

pub mod amendment;
pub mod calendar;
pub mod checked;
pub mod criteria;
pub mod facts;
pub mod ids;
pub mod money;
pub mod plan;
pub mod rules;
pub mod terms;

pub use amendment::*;
pub use facts::*;
pub use ids::*;
pub use money::{Money, Percent};
pub use plan::*;
pub use rules::*;
pub use terms::{Cite, Repay, Terms};
