//! What other tools read and write: the national Mijlpalenformat (Bijlage 3
//! of the agreement) in and out, and facts counted from registration
//! exports. A stage beside the text pipeline: a sheet is read into rows
//! (`mijlpalenformat::read`), turned into plan text that the project's own
//! formatter lays out and the ordinary pipeline then lowers and checks
//! (`import`), compared with a lowered plan (`compare`), or written from one
//! (`export`); a Forms export is counted into `counted` facts (`forms`).
//! Diagnostics are X codes (sheets, each naming its cell `Mijlpalen!F12`)
//! and F codes (exports).

pub mod forms;
pub mod mijlpalenformat;
