//! Reading what other tools write: facts from their exports.

pub mod forms;
