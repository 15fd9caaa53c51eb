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

/// The errors of an invalid fixture, or the warnings of a lint fixture, as `human` (without
/// colour), `json` and `github` render them.
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
    for format in [
        MessageFormat::Human,
        MessageFormat::Json,
        MessageFormat::Github,
    ] {
        let emitter = Emitter::new(format).source(name.as_str(), source.as_str());
        let text = emitter.render_all(&diagnostics);
        insta::assert_snapshot!(format!("diagnostics_{format}"), text);
    }
}
