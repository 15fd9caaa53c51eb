//! The JSON Schema of the spec format, under a real validator (the `jsonschema` crate): every
//! valid spec passes it, the specs errspec refuses for their shape fail it too, each key agrees
//! with the reader (see "The schema against the reader" below), and the
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
    specs.extend(crate::support::problem_specs());
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

// -- The schema against the reader, field by field -----------------------------------------
//
// The schema is derived from the reader's types, but what it says about each field (required
// or not, its default, its limits) is written in `schemars` attributes beside the reader's own
// `= required` / `= default` and the checks of `validate`. These tests hold the two to each
// other for every field of every definition of the schema: each value a probe writes into a
// spec is judged by errspec and by the schema, and both must give the same verdict, except in
// the three ways `expected_schema_verdict` lists, each with its reason.

use serde_json::{Value, json};

/// Each definition of the schema with a spec that holds every key of it (as JSON) and the
/// JSON pointer of that instance in the spec.
fn instances() -> Vec<(&'static str, Value, &'static str)> {
    let code =
        |status: u16, title: &str| json!({"status": status, "title": title, "description": "D."});
    let full_code = json!({
        "status": 404, "name": "Missing", "title": "Not Found", "description": "D.",
        "retryable": false, "allow": [],
    });
    let v1 = |api: Value, codes: Vec<Value>| json!({"version": 1, "api": api, "codes": codes});
    let full_api = json!({
        "name": "Acme", "error_name": "AcmeError",
        "example": {"status": 404, "message": "No such thing"},
    });
    let full_v1 = v1(full_api.clone(), vec![full_code.clone()]);
    // The example's status must be an error code of the spec: these make its range's ends
    // codes, so that the range itself decides.
    let example_v1 = v1(
        full_api,
        vec![
            code(400, "Bad Request"),
            code(404, "Not Found"),
            code(599, "Timeout"),
        ],
    );
    // A code's status probes would meet the example's: this spec has none.
    let code_v1 = v1(json!({"name": "Acme"}), vec![full_code]);
    let full_v2 = json!({
        "version": 2,
        "api": {"name": "Payments", "error_name": "PaymentError", "docs": "https://docs.example.com/errors#{code}", "envelope": "errspec"},
        "codes": [{
            "code": "card_declined", "status": 402, "name": "Declined", "title": "Card declined",
            "description": "D.", "retryable": false, "docs": "https://docs.example.com/{code}",
            "allow": [],
            "params": {"limit": {"type": "integer", "description": "L.", "optional": false}},
            "message": "Used {limit}.", "deprecated": "Use card_expired.",
            "replaced_by": "card_expired",
        }, {"code": "card_expired", "status": 402, "title": "Card expired", "description": "D."}],
        "reserved": ["old_code"],
    });
    vec![
        ("SpecV1", full_v1.clone(), ""),
        ("Api", full_v1, "/api"),
        ("Example", example_v1, "/api/example"),
        ("Code", code_v1, "/codes/0"),
        ("SpecV2", full_v2.clone(), ""),
        ("ApiV2", full_v2.clone(), "/api"),
        ("CodeV2", full_v2.clone(), "/codes/0"),
        ("Param", full_v2.clone(), "/codes/0/params/limit"),
        ("Params", full_v2, "/codes/0/params"),
    ]
}

/// The keywords of a property's schema that the probes below know how to test. A keyword
/// outside this list fails `every_field_of_the_schema_agrees_with_the_reader` until it is
/// probed.
const PROBED_KEYWORDS: &[&str] = &[
    "$ref",
    "anyOf",
    "const",
    "default",
    "description",
    "enum",
    "format",
    "items",
    "minItems",
    "minLength",
    "minimum",
    "maximum",
    "pattern",
    "type",
    "uniqueItems",
];

/// The values written into a property to probe it (`None`: the key removed), from what its
/// schema says: every type, each side of each limit, the values of its enum, and for patterns
/// the strings that decide them.
fn probes(key: &str, property: &Value) -> Vec<Option<Value>> {
    let mut values = vec![
        None,
        Some(Value::Null),
        Some(json!(true)),
        Some(json!(7)),
        Some(json!(7.5)),
        Some(json!("text")),
        Some(json!(["text"])),
        Some(json!({"key": 1})),
        Some(json!([])),
    ];
    let number = |keyword: &str| property[keyword].as_i64();
    if let Some(minimum) = number("minimum") {
        values.extend([json!(minimum - 1), json!(minimum), json!(minimum as f64)].map(Some));
    }
    if let Some(maximum) = number("maximum") {
        values.extend([json!(maximum), json!(maximum + 1)].map(Some));
    }
    if let Some(constant) = number("const") {
        values.extend([json!(constant), json!(constant + 1), json!(constant as f64)].map(Some));
    }
    if property.get("minLength").is_some() || property["pattern"] == "\\S" {
        values.extend(["", " ", "\t", "\u{a0}", " x "].map(|text| Some(json!(text))));
    }
    match key {
        "code" => {
            let long = |n: usize| "a".repeat(n);
            values.extend(
                [
                    "a".to_owned(),
                    long(64),
                    long(65),
                    "1a".to_owned(),
                    "_a".to_owned(),
                    "a b".to_owned(),
                    "a\n".to_owned(),
                    "a.b-c_D9".to_owned(),
                    "é".to_owned(),
                ]
                .map(|text| Some(json!(text))),
            );
        }
        "docs" => values.extend(
            [
                "https://x/{code}",
                "http://x",
                "ftp://x/{code}",
                "https://a b",
                "HTTPS://x",
                "https://",
                "https://x\n",
                "https:///x",
                "https://x/{status}",
                "https://x/{code",
            ]
            .map(|text| Some(json!(text))),
        ),
        _ => {}
    }
    if let Some(kinds) = property["enum"].as_array() {
        values.extend(kinds.iter().map(|kind| Some(kind.clone())));
        values.push(Some(json!("date")));
    }
    if property["uniqueItems"] == true {
        values.extend(
            [
                json!(["old_code", "old_code"]),
                json!(["old_code", "other"]),
                json!(["1a"]),
                json!(["a b"]),
            ]
            .map(Some),
        );
    }
    if let Some(ids) = property["items"]["enum"].as_array() {
        values.extend(ids.iter().map(|id| Some(json!([id]))));
        values.extend([json!(["UNUSED_ALLOW"]), json!(["NO_SUCH_LINT"])].map(Some));
    }
    if let Some(items) = number("minItems") {
        let too_few: Vec<Value> = vec![];
        assert_eq!(items, 1, "probe minItems {items}");
        values.push(Some(Value::Array(too_few)));
    }
    values
}

/// errspec's verdict on a spec: accepted, or refused with the first error's id.
fn errspec_verdict(source: &str) -> Result<(), &'static str> {
    match errspec::validate(source, &errspec::Options::new("s.yaml")) {
        Ok(_) => Ok(()),
        Err(errspec::Error::InvalidSpec(diagnostics)) => Err(diagnostics[0].id),
        Err(other) => panic!("{other}"),
    }
}

/// `spec` with the property `key` of the instance at `pointer` set to `value`, or removed.
fn with_value(spec: &Value, pointer: &str, key: &str, value: Option<&Value>) -> String {
    let mut spec = spec.clone();
    let instance = spec
        .pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .expect("the instance is a mapping");
    match value {
        Some(value) => instance.insert(key.to_owned(), value.clone()),
        None => instance.remove(key),
    };
    serde_yaml::to_string(&spec).unwrap()
}

#[test]
fn every_field_of_the_schema_agrees_with_the_reader() {
    let validator = validator();
    let schema: Value = serde_json::from_str(&errspec::spec_schema()).unwrap();
    let definitions = schema["$defs"].as_object().unwrap();
    let instances = instances();
    let probed: Vec<&str> = instances.iter().map(|(name, ..)| *name).collect();
    let defined: Vec<&str> = definitions.keys().map(String::as_str).collect();
    assert_eq!(
        {
            let mut probed = probed.clone();
            probed.sort();
            probed
        },
        defined,
        "every definition of the schema is probed"
    );
    let mut disagreements = Vec::new();
    let mut probes_run = 0;
    for (name, spec, pointer) in &instances {
        let source = serde_yaml::to_string(spec).unwrap();
        assert_eq!(errspec_verdict(&source), Ok(()), "{name}'s spec:\n{source}");
        assert!(objections(&validator, &source).is_empty(), "{name}'s spec");
        let definition = &definitions[*name];
        let instance = spec.pointer(pointer).unwrap().as_object().unwrap();
        if name == &"Params" {
            // A map of the user's own names, with no properties of its own: its names are
            // probed by `properties_catalog::parameter_names_are_wire_names_with_distinct_identifiers`
            // and its values as `Param`.
            assert!(definition["propertyNames"]["pattern"].is_string());
            continue;
        }
        let required: Vec<&str> = definition["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|key| key.as_str().unwrap())
            .collect();
        for (key, property) in definition["properties"].as_object().unwrap() {
            assert!(
                instance.contains_key(key),
                "{name}'s spec holds `{key}`, so that removing it is a probe"
            );
            for keyword in property.as_object().unwrap().keys() {
                assert!(
                    PROBED_KEYWORDS.contains(&keyword.as_str()),
                    "{name}.{key} has `{keyword}`, which no probe tests: add probes for it"
                );
            }
            // Required in the schema iff the reader requires it.
            let removed = with_value(spec, pointer, key, None);
            let verdict = errspec_verdict(&removed);
            let is_required = required.contains(&key.as_str());
            assert_eq!(
                verdict.err() == Some("MISSING_KEY"),
                is_required,
                "{name}.{key}: required in the schema is {is_required}, errspec says {verdict:?}"
            );
            // The default the schema states is the reader's: the same files either way.
            if let Some(default) = property.get("default") {
                let written = with_value(spec, pointer, key, Some(default));
                let render = |source: &str| {
                    let mut options = errspec::Options::new("s.yaml");
                    options.targets = errspec::Target::ALL.to_vec();
                    errspec::render(source, &options).unwrap()
                };
                assert_eq!(
                    render(&removed),
                    render(&written),
                    "{name}.{key}: without it is as with the schema's default {default}"
                );
            }
            for value in probes(key, property) {
                probes_run += 1;
                let source = with_value(spec, pointer, key, value.as_ref());
                let errspec = errspec_verdict(&source);
                let schema = objections(&validator, &source).is_empty();
                let expected =
                    expected_schema_verdict(spec, pointer, key, property, value.as_ref(), errspec);
                if schema != expected {
                    disagreements.push(format!(
                        "{name}.{key} = {}: errspec {errspec:?}, the schema {}",
                        value.map_or("(removed)".to_owned(), |v| v.to_string()),
                        if schema { "accepts" } else { "refuses" }
                    ));
                }
            }
        }
    }
    assert!(probes_run > 200, "{probes_run} probes");
    assert!(
        disagreements.is_empty(),
        "the schema and the reader disagree:\n{}",
        disagreements.join("\n")
    );
}

/// What the schema must say of a probe that errspec judged `errspec`: the same, but in the
/// ways the two differ by design.
fn expected_schema_verdict(
    spec: &Value,
    pointer: &str,
    key: &str,
    property: &Value,
    value: Option<&Value>,
    errspec: Result<(), &'static str>,
) -> bool {
    let types: Vec<&Value> = match &property["type"] {
        Value::Array(types) => types.iter().collect(),
        single => vec![single],
    };
    let is_text = types.contains(&&json!("string"));
    let nullable = types.contains(&&json!("null"));
    match value {
        // YAML's plain scalars: a bare null, number or boolean where text is expected is that
        // text to errspec, as to serde_yaml (`title: 404` is the title "404"; `name: null`
        // is no name where a name is optional), while the schema judges JSON, where it is a
        // null, a number or a boolean. The schema refuses it, so that an editor flags what is
        // probably a slip; errspec judges the text.
        Some(scalar @ (Value::Bool(_) | Value::Number(_))) if is_text => {
            as_text(spec, pointer, key, scalar, errspec)
        }
        Some(Value::Null) if is_text && !nullable => {
            as_text(spec, pointer, key, &Value::Null, errspec)
        }
        // JSON has one type of number, in which `400.0` is `400`: the schema cannot tell them
        // apart (nor can an editor, which reads the YAML into JSON), while errspec, like
        // serde_yaml, refuses a float where an integer is expected. The schema judges it as the
        // integer.
        Some(Value::Number(number))
            if types.contains(&&json!("integer"))
                && number.as_f64().is_some_and(|n| n.fract() == 0.0)
                && number.is_f64() =>
        {
            assert!(errspec.is_err(), "errspec refuses the float {number}");
            let integer = json!(number.as_f64().unwrap() as i64);
            errspec_verdict(&with_value(spec, pointer, key, Some(&integer))).is_ok()
        }
        // What needs the whole spec (a template's placeholders against the code's parameters,
        // a replacement against the other codes) is errspec's alone, as for a status used
        // twice: the schema judges each value by itself and accepts it.
        _ if matches!(
            errspec,
            Err("UNKNOWN_PLACEHOLDER"
                | "OPTIONAL_PLACEHOLDER"
                | "UNKNOWN_REPLACEMENT"
                | "REPLACED_BY_ITSELF"
                | "REPLACEMENT_DEPRECATED"
                | "RESERVED_CODE")
        ) =>
        {
            true
        }
        // A documentation URL's host and placeholders are `validate`'s to check; the schema's
        // pattern holds it to `http(s)://` and no blanks, which an editor can say as you type.
        Some(Value::String(url))
            if key == "docs"
                && errspec == Err("INVALID_DOCS_URL")
                && url
                    .strip_prefix("https://")
                    .or_else(|| url.strip_prefix("http://"))
                    .is_some_and(|rest| {
                        !rest.is_empty() && !rest.contains(char::is_whitespace)
                    }) =>
        {
            true
        }
        _ => errspec.is_ok(),
    }
}

/// Asserts that errspec judges the bare `scalar` as it judges its text, and returns the
/// schema's verdict on it: refused, as not text.
fn as_text(
    spec: &Value,
    pointer: &str,
    key: &str,
    scalar: &Value,
    errspec: Result<(), &'static str>,
) -> bool {
    let text = json!(scalar.to_string());
    assert_eq!(
        errspec,
        errspec_verdict(&with_value(spec, pointer, key, Some(&text))),
        "errspec reads {scalar} as the text {text}"
    );
    false
}
