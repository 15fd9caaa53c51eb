//! A spec's diagnostics rendered in every message format, with and without colour and
//! source; the checks are `errspec_fuzz::report`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errspec_fuzz::report(data));
