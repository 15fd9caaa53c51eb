//! The JSON Schema of the spec format, under a real validator (the `jsonschema` crate): every
//! valid spec passes it, every spec errspec refuses for its shape fails it too, and the
//! committed copy is what errspec prints now.

use std::path::Path;

use crate::support::{errspec, files_in, repo, valid_specs};

const COMMITTED: &str = "spec/errspec.schema.json";

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&errspec::spec_schema()).unwrap();
    jsonschema::draft202012::new(&schema).expect("the schema is a valid draft 2020-12 schema")
}

/// The schema's objections to the YAML text `source`, one line each; empty when it passes.
fn objections(validator: &jsonschema::Validator, source: &str) -> Vec<String> {
    let instance: serde_json::Value = serde_yaml::from_str(source).expect("the YAML parses");
    validator
        .iter_errors(&instance)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

#[test]
fn the_committed_schema_is_fresh() {
    let committed = std::fs::read(repo().join(COMMITTED)).unwrap_or_default();
    assert!(
        committed == errspec::spec_schema().as_bytes(),
        "{COMMITTED} is stale; run `cargo run -- schema > {COMMITTED}` and commit the result"
    );
}

#[test]
fn errspec_schema_prints_it() {
    let run = errspec(repo(), &["schema"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout, errspec::spec_schema());
}

#[test]
fn the_spec_names_the_schema_for_editors() {
    let spec = std::fs::read_to_string(repo().join("spec/errors.yaml")).unwrap();
    assert_eq!(
        spec.lines().next(),
        Some("# yaml-language-server: $schema=errspec.schema.json")
    );
    assert!(Path::new(&repo().join("spec/errspec.schema.json")).is_file());
}

#[test]
fn the_schema_is_draft_2020_12_and_closed() {
    let schema: serde_json::Value = serde_json::from_str(&errspec::spec_schema()).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    // A spec is one format or the other, each closed, told apart by its `version`.
    let formats: Vec<&str> = schema["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|format| format["$ref"].as_str().unwrap())
        .collect();
    assert_eq!(formats, ["#/$defs/SpecV1", "#/$defs/SpecV2"]);
    for (format, version) in [("SpecV1", 1), ("SpecV2", 2)] {
        let version_schema = &schema["$defs"][format]["properties"]["version"];
        assert_eq!(version_schema["const"], version, "{format}");
    }
    for (name, definition) in schema["$defs"].as_object().unwrap() {
        if name == "Params" {
            // A map of the user's own names: each name a wire name, each value a closed `Param`.
            assert_eq!(definition["additionalProperties"]["$ref"], "#/$defs/Param");
            assert!(definition["propertyNames"]["pattern"].is_string());
            continue;
        }
        assert_eq!(definition["additionalProperties"], false, "{name}");
        for (key, property) in definition["properties"].as_object().unwrap() {
            assert!(
                property["description"]
                    .as_str()
                    .is_some_and(|d| !d.is_empty()),
                "{name}.{key} has a description for editors"
            );
        }
    }
}

#[test]
fn every_valid_spec_passes() {
    let validator = validator();
    let mut specs = valid_specs();
    specs.extend(crate::support::v2_specs());
    specs.extend(files_in(&repo().join("tests/fixtures/lints"), "yaml"));
    for spec in specs {
        let source = std::fs::read_to_string(&spec).unwrap();
        assert!(
            errspec::validate(&source, &errspec::Options::new("s.yaml")).is_ok(),
            "{} is valid",
            spec.display()
        );
        let found = objections(&validator, &source);
        assert!(found.is_empty(), "{}: {found:#?}", spec.display());
    }
}

const HEAD: &str = "version: 1\napi:\n  name: Acme\ncodes:\n";
const CODE: &str = "  - status: 404\n    title: Not Found\n    description: No such thing.\n";

const HEAD_V2: &str = "version: 2\napi:\n  name: Payments\ncodes:\n";
const CODE_V2: &str =
    "  - code: card_declined\n    status: 402\n    title: Card declined\n    description: D.\n";

/// Specs of format v2 that errspec refuses for their shape or their values, each with the
/// error id it gives; the schema must refuse each too.
fn v2_errors() -> Vec<(&'static str, String)> {
    let code = |extra: &str| format!("{HEAD_V2}{CODE_V2}{extra}");
    let replaced = |from: &str, to: &str| format!("{HEAD_V2}{CODE_V2}").replace(from, to);
    vec![
        ("MISSING_KEY", replaced("code: card_declined\n    ", "")),
        ("UNKNOWN_KEY", code("    example: x\n")),
        ("WRONG_TYPE", replaced("status: 402", "status: \"402\"")),
        (
            "STATUS_OUT_OF_RANGE",
            replaced("status: 402", "status: 302"),
        ),
        (
            "INVALID_CODE",
            replaced("code: card_declined", "code: 1card"),
        ),
        (
            "INVALID_CODE",
            replaced("code: card_declined", "code: card declined"),
        ),
        ("INVALID_DOCS_URL", code("    docs: docs.example.com\n")),
        (
            "INVALID_DOCS_URL",
            replaced("  name: Payments\n", "  name: Payments\n  docs: ftp://x\n"),
        ),
    ]
}

/// Specs errspec refuses for their shape, each with the error id it gives.
fn shape_errors() -> Vec<(&'static str, String)> {
    let code = |extra: &str| format!("{HEAD}{CODE}{extra}");
    let replaced = |from: &str, to: &str| format!("{HEAD}{CODE}").replace(from, to);
    let mut errors = v2_errors();
    errors.extend(vec![
        (
            "WRONG_TYPE",
            replaced("title: Not Found", "title: [a, list]"),
        ),
        ("WRONG_TYPE", replaced("status: 404", "status: \"404\"")),
        ("WRONG_TYPE", code("    retryable: sometimes\n")),
        ("WRONG_TYPE", code("    allow: TITLE_CASE\n")),
        ("WRONG_TYPE", format!("{HEAD}  not-a-list\n")),
        ("WRONG_TYPE", replaced("  name: Acme\n", "  name: [Acme]\n")),
        ("MISSING_KEY", replaced("    title: Not Found\n", "")),
        (
            "MISSING_KEY",
            replaced("    description: No such thing.\n", ""),
        ),
        (
            "MISSING_KEY",
            replaced("  name: Acme\n", "  error_name: E\n"),
        ),
        ("MISSING_KEY", replaced("version: 1\n", "")),
        ("MISSING_KEY", "version: 1\napi:\n  name: Acme\n".to_owned()),
        ("UNKNOWN_KEY", code("    descripton: typo\n")),
        ("UNKNOWN_KEY", format!("{HEAD}{CODE}extra: 1\n")),
        (
            "UNKNOWN_KEY",
            replaced("  name: Acme\n", "  name: Acme\n  colour: red\n"),
        ),
        (
            "UNKNOWN_KEY",
            replaced(
                "  name: Acme\n",
                "  name: Acme\n  example: {status: 404, message: m, x: 1}\n",
            ),
        ),
        ("STATUS_OUT_OF_RANGE", replaced("status: 404", "status: 99")),
        (
            "STATUS_OUT_OF_RANGE",
            replaced("status: 404", "status: 600"),
        ),
        (
            "STATUS_OUT_OF_RANGE",
            replaced("status: 404", "status: -404"),
        ),
        ("EMPTY_STRING", replaced("title: Not Found", "title: \"\"")),
        (
            "EMPTY_STRING",
            replaced("title: Not Found", "title: \"   \""),
        ),
        (
            "EMPTY_STRING",
            replaced("description: No such thing.", "description:  \"\\t\""),
        ),
        ("EMPTY_STRING", replaced("  name: Acme\n", "  name: \"\"\n")),
        (
            "EMPTY_STRING",
            replaced("  name: Acme\n", "  name: Acme\n  error_name: \" \"\n"),
        ),
        ("EMPTY_STRING", code("    name: \"\"\n")),
        ("EMPTY_CODES", format!("{HEAD}  []\n")),
        ("UNSUPPORTED_VERSION", replaced("version: 1", "version: 3")),
        (
            "UNSUPPORTED_VERSION",
            replaced("version: 1", "version: \"1\""),
        ),
        ("UNKNOWN_LINT", code("    allow: [NO_SUCH_LINT]\n")),
        ("UNKNOWN_LINT", code("    allow: [UNUSED_ALLOW]\n")),
        (
            "EXAMPLE_STATUS",
            replaced(
                "  name: Acme\n",
                "  name: Acme\n  example: {status: 200, message: m}\n",
            ),
        ),
    ]);
    errors
}

#[test]
fn shape_errors_are_refused_by_errspec_and_the_schema_alike() {
    let validator = validator();
    for (id, source) in shape_errors() {
        let refused = match errspec::validate(&source, &errspec::Options::new("s.yaml")) {
            Err(errspec::Error::InvalidSpec(diagnostics)) => diagnostics,
            other => panic!("errspec accepts, expected {id}: {other:?}\n{source}"),
        };
        assert_eq!(refused[0].id, id, "{source}");
        assert!(
            !objections(&validator, &source).is_empty(),
            "the schema accepts what errspec refuses with {id}:\n{source}"
        );
    }
}

#[test]
fn invalid_fixtures_that_parse_are_refused_by_the_schema() {
    let validator = validator();
    for fixture in files_in(&repo().join("tests/fixtures/invalid"), "yaml") {
        let source = std::fs::read_to_string(&fixture).unwrap();
        if serde_yaml::from_str::<serde_json::Value>(&source).is_err() {
            continue; // a YAML syntax error: no document for a schema to judge
        }
        assert!(
            !objections(&validator, &source).is_empty(),
            "{}",
            fixture.display()
        );
    }
}

#[test]
fn what_needs_the_whole_spec_is_left_to_errspec() {
    // The schema judges shape; these are valid in shape and refused by errspec's checks.
    let validator = validator();
    let twice = format!("{HEAD}{CODE}{CODE}");
    let collide =
        format!("{HEAD}{CODE}  - status: 410\n    title: not-found\n    description: d\n");
    for (id, source) in [
        ("DUPLICATE_STATUS", twice),
        ("IDENTIFIER_COLLISION", collide),
    ] {
        let Err(errspec::Error::InvalidSpec(d)) =
            errspec::validate(&source, &errspec::Options::new("s.yaml"))
        else {
            panic!("{id}")
        };
        assert_eq!(d[0].id, id);
        assert!(objections(&validator, &source).is_empty(), "{id}");
    }
}
