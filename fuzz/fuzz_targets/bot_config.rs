//! Fuzz target `bot_config`: see `regl_fuzz::bot_config` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| regl_fuzz::bot_config(data));
