//! Fuzz target `facts`: see fuzz/pipelines.rs and docs/fuzzing.md.
#![no_main]

#[path = "../pipelines.rs"]
mod pipelines;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    pipelines::facts_bytes(data);
});
