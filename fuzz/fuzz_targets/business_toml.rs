//! Fuzz target `business_toml`: see `regl_fuzz::business_toml` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| regl_fuzz::business_toml(data));
