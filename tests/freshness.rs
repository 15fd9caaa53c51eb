//! `generated/` is what the spec produces now, byte for byte, and rendering is deterministic.

use crate::support::{render, repo};

#[test]
fn generated_folder_is_fresh() {
    let result = errspec::Generator::new(repo().join("spec/errors.yaml"))
        .spec_name("spec/errors.yaml")
        .out_dir(repo().join("generated"))
        .targets(errspec::Target::ALL)
        .check(true)
        .emit_rerun_if_changed(false)
        .generate();
    if let Err(errspec::Error::Stale(files)) = &result {
        let diffs: String = files.iter().map(errspec::StaleFile::unified_diff).collect();
        panic!("generated/ is stale; run `cargo run -- generate` and commit the result:\n{diffs}");
    }
    result.unwrap();
}

#[test]
fn rendering_is_deterministic() {
    let spec = repo().join("spec/errors.yaml");
    let first = render(&spec, &errspec::Target::ALL, true);
    for _ in 0..10 {
        assert_eq!(render(&spec, &errspec::Target::ALL, true), first);
    }
}
