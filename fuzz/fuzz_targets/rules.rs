//! Fuzz target `rules`: see fuzz/pipelines.rs and docs/fuzzing.md.
#![no_main]

#[path = "../pipelines.rs"]
mod pipelines;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    pipelines::rules_bytes(data);
});
