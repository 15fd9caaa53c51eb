//! Spec bytes -> parse -> validate -> render every target: never a panic, a hang or unbounded
//! memory (libFuzzer's `-timeout` and `-rss_limit_mb` turn those into findings), and the same
//! input always renders the same bytes.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A spec file that is not UTF-8 is refused before parsing (see `pipeline::read_spec`).
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let mut options = errspec::Options::new("fuzz.yaml");
    options.targets = errspec::Target::ALL.to_vec();
    let first = errspec::render(source, &options);
    if let Ok(files) = &first {
        assert!(files.iter().all(|file| !file.contents.is_empty()));
        let again = errspec::render(source, &options).expect("a valid spec stays valid");
        assert_eq!(&again, files, "rendering is deterministic");
    }
});
