//! Spec bytes -> parse -> validate -> render every target: never a panic, a hang or unbounded
//! memory (libFuzzer's `-timeout` and `-rss_limit_mb` turn those into findings), and the same
//! input always renders the same bytes. The checks are `errspec_fuzz::pipeline`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errspec_fuzz::pipeline(data));
