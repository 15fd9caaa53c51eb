//! Cross-target conformance: one table of test vectors, built from each spec in the test, that
//! Rust, TypeScript and OpenAPI must all agree on. For every error code and every message, the
//! body the compiled Rust serializes (`ErrorBody::new(code, message)`) must validate against the
//! OpenAPI `ErrorBody` schema (3.0 and 3.1) under a real JSON Schema validator, be accepted by
//! the compiled TypeScript's `isErrorBody` with the spec's status, title and description from
//! `errorCodeFromStatus`, and deserialize back in Rust unchanged. A mismatch names the spec,
//! the code and the target.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use errspec::OpenApiVersion;
use serde_json::{Value, json};

use crate::support::expected::{self, ExpectedCode};
use crate::support::node;
use crate::support::openapi::{self, BodySchema};
use crate::support::{run_ok, rust_harness, spec_stem, valid_specs};
use crate::typescript_target::compiled_modules;

/// The messages every code's body is built with: plain, and with what JSON, HTML and YAML
/// escape (quotes, a backslash, `</script>`, line breaks, U+2028, emoji, right-to-left text).
const MESSAGES: [&str; 4] = [
    "wrong element in type",
    "a \"quoted\" message, ünïcödé 🚀, </script><script>alert(1)</script> and a \\ backslash",
    "line\nbreak\r\ttab \u{2028} {{x}} ${y} `z` שלום",
    "",
];

/// One vector: a body that the Rust target built, and what the spec says of its code.
#[derive(Clone, Debug)]
struct Vector {
    /// The spec's stem, e.g. `errors`.
    spec: String,
    code: ExpectedCode,
    message: String,
    /// The JSON text `serde_json::to_string(&ErrorBody::new(code, message))` gave.
    body: String,
}

/// One target's disagreement with a vector.
#[derive(Debug)]
struct Failure {
    spec: String,
    status: u16,
    title: String,
    target: &'static str,
    problem: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: code {} ({}): {}: {}",
            self.spec, self.status, self.title, self.target, self.problem
        )
    }
}

/// The table: every error code of every spec, with every message, as the Rust target builds
/// it. Built once per run.
fn vectors() -> &'static [Vector] {
    static VECTORS: OnceLock<Vec<Vector>> = OnceLock::new();
    VECTORS.get_or_init(|| {
        let messages = serde_json::to_string(&MESSAGES).unwrap();
        let mut table = Vec::new();
        for spec_path in valid_specs() {
            let spec = expected::read(&spec_path);
            let stem = spec_stem(&spec_path);
            let built = rust_harness::query(&["vectors", &format!("{stem}_serde"), &messages]);
            let errors: Vec<&ExpectedCode> = spec
                .codes
                .iter()
                .filter(|code| code.status >= 400)
                .collect();
            let built = built.as_array().unwrap();
            assert_eq!(
                built.len(),
                errors.len(),
                "{stem}: one Rust body per error code"
            );
            for (code, built) in errors.into_iter().zip(built) {
                assert_eq!(built["status"], code.status, "{stem}: codes in spec order");
                for (message, body) in MESSAGES.iter().zip(built["bodies"].as_array().unwrap()) {
                    table.push(Vector {
                        spec: stem.clone(),
                        code: code.clone(),
                        message: (*message).to_owned(),
                        body: body.as_str().unwrap().to_owned(),
                    });
                }
            }
        }
        table
    })
}

/// Checks every vector in every target; returns every disagreement.
fn check(vectors: &[Vector]) -> Vec<Failure> {
    let mut failures = Vec::new();
    let mut fail = |vector: &Vector, target: &'static str, problem: String| {
        failures.push(Failure {
            spec: vector.spec.clone(),
            status: vector.code.status,
            title: vector.code.title.clone(),
            target,
            problem: format!(
                "{problem} (message {:?}, body {})",
                vector.message, vector.body
            ),
        });
    };
    let by_spec = group_by_spec(vectors);
    let typescript = typescript_results(&by_spec);
    let rust = rust_results(&by_spec);
    for (spec, group) in &by_spec {
        let spec_path = spec_path(spec);
        let fragments: Vec<(&'static str, Value, BodySchema)> = [
            ("OpenAPI 3.0", OpenApiVersion::V3_0),
            ("OpenAPI 3.1", OpenApiVersion::V3_1),
        ]
        .map(|(target, version)| {
            let doc = openapi::to_json(&openapi::parse(&openapi::fragment(&spec_path, version)));
            let schema = BodySchema::new(&doc, version);
            (target, doc, schema)
        })
        .into();
        for (index, vector) in group.iter().enumerate() {
            let body: Value = serde_json::from_str(&vector.body).unwrap_or_else(|e| {
                panic!(
                    "{}: Rust wrote a body that is not JSON ({e}): {}",
                    vector.spec, vector.body
                )
            });

            // TypeScript: the guard accepts it, and the lookup reports the spec's code (unless
            // the Node-side tests are skipped).
            let mut ts_name = None;
            let ts = typescript.as_ref().map(|results| &results[spec][index]);
            if ts.is_some_and(|ts| ts["accepted"] != true) {
                fail(
                    vector,
                    "TypeScript",
                    "isErrorBody rejects the body".to_owned(),
                );
            } else if let Some(ts) = ts {
                let info = &ts["info"];
                let want = json!({
                    "status": vector.code.status,
                    "title": vector.code.title,
                    "description": vector.code.description,
                });
                let got = json!({
                    "status": info["status"],
                    "title": info["title"],
                    "description": info["description"],
                });
                if got != want {
                    fail(
                        vector,
                        "TypeScript",
                        format!("errorCodeFromStatus reports {got}, the spec says {want}"),
                    );
                }
                ts_name = info["name"].as_str();
            }

            // OpenAPI: the body is valid against ErrorBody, and the code's response carries it
            // under the name TypeScript gives the code.
            for (target, doc, schema) in &fragments {
                let objections = schema.objections(&body);
                if !objections.is_empty() {
                    fail(
                        vector,
                        target,
                        format!("ErrorBody rejects the body: {objections:?}"),
                    );
                }
                let response = doc["components"]["responses"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .find(|(_, response)| {
                        response.pointer("/content/application~1json/example/error/status")
                            == Some(&json!(vector.code.status))
                    });
                match (response, ts_name) {
                    (None, _) => fail(vector, target, "no response for the code".to_owned()),
                    (Some((key, _)), Some(name)) if key != name => fail(
                        vector,
                        target,
                        format!("the response is named {key}, TypeScript names the code {name}"),
                    ),
                    _ => {}
                }
            }

            // Rust: the body deserializes, serializes to the same bytes, and equals what
            // `ErrorBody::new` builds for its code.
            let read = &rust[spec][index];
            if let Some(error) = read.get("error") {
                fail(
                    vector,
                    "Rust",
                    format!("the body does not deserialize: {error}"),
                );
            } else if read["reserialized"] != vector.body.as_str() {
                fail(
                    vector,
                    "Rust",
                    format!("the body serializes again as {}", read["reserialized"]),
                );
            } else if read["equals_new"] != true {
                fail(
                    vector,
                    "Rust",
                    "the body is not ErrorBody::new(code, message)".to_owned(),
                );
            }
        }
    }
    failures
}

fn group_by_spec(vectors: &[Vector]) -> BTreeMap<String, Vec<Vector>> {
    let mut groups: BTreeMap<String, Vec<Vector>> = BTreeMap::new();
    for vector in vectors {
        groups
            .entry(vector.spec.clone())
            .or_default()
            .push(vector.clone());
    }
    groups
}

fn spec_path(stem: &str) -> PathBuf {
    valid_specs()
        .into_iter()
        .find(|path| spec_stem(path) == stem)
        .unwrap_or_else(|| panic!("no spec {stem}"))
}

/// What the compiled TypeScript of each spec says of each body, in one Node process; `None`
/// when the Node-side tests are skipped.
fn typescript_results(
    by_spec: &BTreeMap<String, Vec<Vector>>,
) -> Option<BTreeMap<String, Vec<Value>>> {
    let modules: BTreeMap<String, PathBuf> = compiled_modules()?
        .into_iter()
        .map(|(spec, module)| (spec_stem(&spec), module))
        .collect();
    let cases: Vec<Value> = by_spec
        .iter()
        .map(|(spec, group)| {
            let bodies: Vec<&str> = group.iter().map(|v| v.body.as_str()).collect();
            json!({ "module": modules[spec], "bodies": bodies })
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let cases_file = dir.path().join("cases.json");
    std::fs::write(&cases_file, Value::from(cases).to_string()).unwrap();
    let run = run_ok(
        &mut node::tools()?.script("tests/node/conformance.mjs", &[&cases_file]),
        "the TypeScript side of the conformance test",
    );
    let results: Vec<Vec<Value>> = serde_json::from_str(&run.stdout).unwrap();
    Some(by_spec.keys().cloned().zip(results).collect())
}

/// What the compiled Rust of each spec reads back from each body, one process per spec.
fn rust_results(by_spec: &BTreeMap<String, Vec<Vector>>) -> BTreeMap<String, Vec<Value>> {
    by_spec
        .iter()
        .map(|(spec, group)| {
            let bodies: Vec<&str> = group.iter().map(|v| v.body.as_str()).collect();
            let input = serde_json::to_string(&bodies).unwrap();
            let read = rust_harness::query(&["read_back", &format!("{spec}_serde"), &input]);
            (spec.clone(), read.as_array().unwrap().clone())
        })
        .collect()
}

#[test]
fn every_error_body_means_the_same_in_every_target() {
    let vectors = vectors();
    let specs = valid_specs().len();
    assert!(
        vectors.len() > specs * MESSAGES.len(),
        "the table is not empty"
    );
    let failures = check(vectors);
    let report: Vec<String> = failures.iter().map(ToString::to_string).collect();
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        report.join("\n")
    );
}

/// A change to a body.
type Tamper = fn(&mut Value);

/// The seed's vectors with each body rewritten by `tamper`.
fn tampered(tamper: Tamper) -> Vec<Vector> {
    vectors()
        .iter()
        .filter(|vector| vector.spec == "errors")
        .map(|vector| {
            let mut body: Value = serde_json::from_str(&vector.body).unwrap();
            tamper(&mut body);
            Vector {
                body: body.to_string(),
                ..vector.clone()
            }
        })
        .collect()
}

/// The targets that disagree with at least one of `vectors`.
fn failing_targets(vectors: &[Vector]) -> Vec<&'static str> {
    let mut targets: Vec<&'static str> = check(vectors).iter().map(|f| f.target).collect();
    targets.sort_unstable();
    targets.dedup();
    targets
}

#[test]
fn each_target_refuses_a_malformed_body() {
    let mut every = vec!["OpenAPI 3.0", "OpenAPI 3.1", "Rust", "TypeScript"];
    if node::tools().is_none() {
        every.pop(); // the Node-side tests are skipped
    }
    let malformed: [(&str, Tamper); 3] = [
        ("without a message", |body| {
            body["error"].as_object_mut().unwrap().remove("message");
        }),
        ("with the status as a string", |body| {
            body["error"]["status"] = json!(body["error"]["status"].to_string());
        }),
        ("with an array for `error`", |body| {
            body["error"] = json!([])
        }),
    ];
    for (what, tamper) in malformed {
        assert_eq!(failing_targets(&tampered(tamper)), every, "a body {what}");
    }
}

#[test]
fn every_target_tolerates_members_added_later() {
    // `additionalProperties` is left open in OpenAPI, as the TypeScript guard and serde's
    // derive are: a server that adds a member does not break a client.
    let extended = tampered(|body| {
        body["trace"] = json!("abc");
        body["error"]["details"] = json!({ "field": "x" });
    });
    let failures: Vec<Failure> = check(&extended)
        .into_iter()
        .filter(|f| f.target != "Rust" || !f.problem.starts_with("the body serializes again"))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}
