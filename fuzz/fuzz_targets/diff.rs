//! Two specs (the input split at its first NUL byte) compared by `errspec::diff`; the checks
//! are `errspec_fuzz::diff`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errspec_fuzz::diff(data));
