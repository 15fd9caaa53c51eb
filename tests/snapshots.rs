//! insta snapshots of every generated file, for the seed spec and each fixture, and of the
//! diagnostics for each invalid fixture: a pull request shows exactly what a change does.

use crate::support::{render, repo};

#[test]
fn generated_files() {
    insta::glob!("../spec", "errors.yaml", snapshot_spec);
    insta::glob!("fixtures/specs/*.yaml", snapshot_spec);
}

fn snapshot_spec(path: &std::path::Path) {
    for file in render(path, &errspec::Target::ALL, true) {
        let name = file.path.to_string_lossy().replace('\\', "/");
        insta::assert_snapshot!(name, file.contents);
    }
}

#[test]
fn invalid_spec_diagnostics() {
    insta::glob!("fixtures/invalid/*.yaml", |path| {
        let source = std::fs::read_to_string(path).unwrap();
        let name = path
            .strip_prefix(repo())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let error = errspec::render(&source, &errspec::Options::new(name))
            .expect_err("an invalid fixture is refused");
        insta::assert_snapshot!(error.to_string());
    });
}
