//! Fuzz target `duration`: see `regl_fuzz::duration` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| regl_fuzz::duration(data));
