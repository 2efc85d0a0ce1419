//! Fuzz target `phone`: see `regl_fuzz::phone` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| regl_fuzz::phone(data));
