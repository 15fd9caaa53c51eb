//! A spec rendered with every combination of options (serde, OpenAPI version, targets, denied
//! warnings); the checks are `errspec_fuzz::options`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errspec_fuzz::options(data));
