//! insta snapshots of every generated file, for the seed spec and each fixture (the OpenAPI
//! fragment in both versions), and of the diagnostics for each invalid and lint fixture, in
//! every message format: a pull request shows exactly what a change does.

use crate::support::{render, spec_name};

#[test]
fn generated_files() {
    insta::glob!("../spec", "errors.yaml", snapshot_spec);
    insta::glob!("fixtures/specs/*.yaml", snapshot_spec);
    // The examples' files are committed beside them, kept fresh by `format_v2`.
    insta::glob!("fixtures/specs_v2/*.yaml", snapshot_spec);
    insta::glob!("fixtures/specs_problem/*.yaml", snapshot_spec);
}

fn snapshot_spec(path: &std::path::Path) {
    for file in render(path, &errspec::Target::ALL, true) {
        let name = file.path.to_string_lossy().replace('\\', "/");
        insta::assert_snapshot!(name, file.contents);
    }
}

/// The OpenAPI fragment in the version that is not the default (`generated_files` has 3.1).
#[test]
fn openapi_3_0() {
    insta::glob!("../spec", "errors.yaml", snapshot_openapi_3_0);
    insta::glob!("fixtures/specs/*.yaml", snapshot_openapi_3_0);
    insta::glob!("fixtures/specs_v2/*.yaml", snapshot_openapi_3_0);
    insta::glob!("fixtures/specs_problem/*.yaml", snapshot_openapi_3_0);
}

fn snapshot_openapi_3_0(path: &std::path::Path) {
    let fragment = crate::support::openapi::fragment(path, errspec::OpenApiVersion::V3_0);
    insta::assert_snapshot!("openapi-3.0__error-codes.yaml", fragment);
}

#[test]
fn invalid_spec_diagnostics() {
    insta::glob!("fixtures/invalid/*.yaml", |path| {
        let source = std::fs::read_to_string(path).unwrap();
        let name = spec_name(path);
        let error = errspec::render(&source, &errspec::Options::new(name))
            .expect_err("an invalid fixture is refused");
        insta::assert_snapshot!(error.to_string());
    });
}

#[test]
fn diagnostics_in_every_format() {
    insta::glob!("fixtures/invalid/*.yaml", snapshot_diagnostics);
    insta::glob!("fixtures/lints/*.yaml", snapshot_diagnostics);
}

/// The errors of an invalid fixture, or the warnings of a lint fixture, in every message
/// format (`human` without colour, `short`, `json`, `github`).
fn snapshot_diagnostics(path: &std::path::Path) {
    use errspec::report::{Emitter, MessageFormat};

    let source = std::fs::read_to_string(path).unwrap();
    let name = spec_name(path);
    let diagnostics = match errspec::validate(&source, &errspec::Options::new(name.as_str())) {
        Ok(warnings) => warnings,
        Err(errspec::Error::InvalidSpec(errors)) => errors,
        Err(other) => panic!("{other}"),
    };
    assert!(
        !diagnostics.is_empty(),
        "{name} shows at least one diagnostic"
    );
    assert_eq!(
        MessageFormat::ALL.len(),
        4,
        "a new format gets its snapshots here"
    );
    for format in MessageFormat::ALL {
        let emitter = Emitter::new(format).source(name.as_str(), source.as_str());
        let text = emitter.render_all(&diagnostics);
        insta::assert_snapshot!(format!("diagnostics_{format}"), text);
    }
}

/// The tests that assert insta snapshots: every `.snap` file must come from one of them.
const SNAPSHOT_TESTS: &[&str] = &["snapshots::", "diff::human_reports"];

/// An orphaned snapshot (its fixture renamed, its test gone) would sit in `tests/snapshots/`
/// unnoticed, since insta only compares the snapshots a test asserts. This runs the snapshot
/// tests again, in a child process of this binary, with `INSTA_SNAPSHOT_REFERENCES_FILE`
/// (insta writes there the file of every snapshot asserted; `cargo insta test
/// --unreferenced=reject` uses the same), and fails on every file no test referenced.
#[test]
fn every_snapshot_file_is_referenced() {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    if std::env::var_os("INSTA_SNAPSHOT_REFERENCES_FILE").is_some() {
        return; // the child run below; it must not start another
    }
    let references = tempfile::NamedTempFile::new().unwrap();
    let run: crate::support::Run = std::process::Command::new(std::env::current_exe().unwrap())
        .args(SNAPSHOT_TESTS)
        .args(["--skip", "snapshots::every_snapshot_file_is_referenced"])
        .env("INSTA_SNAPSHOT_REFERENCES_FILE", references.path())
        .env("INSTA_UPDATE", "no")
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, Some(0), "the snapshot tests:\n{}", run.stdout);
    let ran: usize = run
        .stdout
        .lines()
        .filter_map(|line| line.strip_prefix("test result: ok. "))
        .filter_map(|rest| rest.split(' ').next()?.parse::<usize>().ok())
        .sum();
    assert!(
        ran >= SNAPSHOT_TESTS.len(),
        "the snapshot tests ran:\n{}",
        run.stdout
    );

    let canonical = |path: PathBuf| path.canonicalize().unwrap_or(path);
    let referenced: BTreeSet<PathBuf> = std::fs::read_to_string(references.path())
        .unwrap()
        .lines()
        .map(|line| canonical(PathBuf::from(line)))
        .collect();
    let stored: BTreeSet<PathBuf> =
        crate::support::files_in(&crate::support::repo().join("tests/snapshots"), "snap")
            .into_iter()
            .map(canonical)
            .collect();
    assert!(
        referenced.len() > 50 && !stored.is_empty(),
        "insta reported {} snapshots of {} stored",
        referenced.len(),
        stored.len()
    );
    let unreferenced: Vec<&PathBuf> = stored.difference(&referenced).collect();
    assert!(
        unreferenced.is_empty(),
        "snapshots that no test asserts (delete them, or add their test to SNAPSHOT_TESTS): \
         {unreferenced:#?}"
    );
    let missing: Vec<&PathBuf> = referenced.difference(&stored).collect();
    assert!(
        missing.is_empty(),
        "snapshots asserted but not stored: {missing:#?}"
    );
}
