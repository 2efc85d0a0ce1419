//! Fuzz target `registry_ids`: see `regl_fuzz::registry_ids` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| regl_fuzz::registry_ids(data));
