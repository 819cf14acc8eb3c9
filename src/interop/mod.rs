//! Spreadsheets in and out: the national Mijlpalenformat (Bijlage 3 of the
//! agreement). A stage beside the text pipeline: a sheet is read into rows
//! (`mijlpalenformat::read`), turned into plan text that the project's own
//! formatter lays out and the ordinary pipeline then lowers and checks
//! (`import`), compared with a lowered plan (`compare`), or written from one
//! (`export`). Diagnostics are X codes, each naming its cell (`Mijlpalen!F12`).

pub mod mijlpalenformat;
