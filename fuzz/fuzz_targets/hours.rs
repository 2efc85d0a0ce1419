//! Fuzz target `hours`: see `regl_fuzz::hours` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| regl_fuzz::hours(data));
