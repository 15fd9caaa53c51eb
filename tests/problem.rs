//! Bodies as RFC 9457 problem details (`api.envelope: problem`), at the boundaries a user
//! touches: the Rust of every problem fixture under rustc and clippy (pedantic and nursery),
//! with and without serde, building `{"type", "title", "status", "detail", "code",
//! "instance"}` and reading bodies back, extension members kept; the TypeScript building the
//! same bodies and its guards reading only problem details; the OpenAPI schema of each
//! status accepting them. (The codes' constructors with parameters are held to the other
//! targets by `conformance_catalog`, whose specs include the problem fixtures.)

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use errspec::OpenApiVersion;
use serde_json::{Value, json};

use crate::catalog_typescript::{self, SpecV2, read_spec_file};
use crate::support::node::{self, node_tools_or_skip};
use crate::support::openapi::{self, BodySchema};
use crate::support::rust_harness::{Harness, Program, Source};
use crate::support::{problem_specs, render_one, run_ok, spec_stem};

/// The message every body is built with: what JSON escapes, and text beyond the BMP.
const MESSAGE: &str = "a \"quoted\" detail, </script>, \\ and 🚀";

/// The harness program: `bodies` and `read` per module.
const MAIN: &str = r##"//! Builds and reads problem details with the generated code (see `tests/problem.rs`).
// The harness names each generated module in a macro; pedantic clippy is for the modules.
#![allow(clippy::wildcard_imports, clippy::too_many_lines, deprecated)]

use std::io::BufRead;

use errspec_rust_harness::*;
use serde_json::{Value, json};

fn input() -> Vec<String> {
    std::io::stdin().lock().lines().map(Result::unwrap).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let message = args.get(3).cloned().unwrap_or_default();
    let out: Vec<Value> = match (args[1].as_str(), args[2].as_str()) {
        // ARMS
        other => panic!("unknown query {other:?}"),
    };
    for line in out {
        println!("{line}");
    }
}
"##;

/// The query arms of one module: `bodies MODULE MESSAGE` builds each code's body with
/// `ErrorBody::new` and an instance; `read MODULE` reads body lines back.
fn arms(source: &Source) -> String {
    let name = &source.name;
    let mut arms = format!(
        "        (\"bodies\", \"{name}\") => {name}::ErrorCode::ALL.iter().map(|&code| {{\n            let body = {name}::ErrorBody::new(code, message.as_str()).with_instance(\"/orders/42\");\n            let display = body.to_string();\n            let error: &dyn std::error::Error = &body;\n            json!({{ \"code\": code.code(), \"text\": serde_json::to_string(&body).unwrap(), \"display\": display, \"source\": error.source().is_none() }})\n        }}).collect(),\n"
    );
    arms.push_str(&format!(
        "        (\"read\", \"{name}\") => input().iter().map(|line| match serde_json::from_str::<{name}::ErrorBody>(line) {{\n            Ok(body) => json!({{ \"code\": body.code().map({name}::ErrorCode::code), \"text\": serde_json::to_string(&body).unwrap() }}),\n            Err(error) => json!({{ \"error\": error.to_string() }}),\n        }}).collect(),\n"
    ));
    arms
}

/// The harness: every problem fixture's module, serde on (queried) and off (compiled).
fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let mut sources = Vec::new();
        for spec in problem_specs() {
            for serde in [true, false] {
                sources.push(Source {
                    name: module(&spec, serde),
                    code: render_one(&spec, errspec::Target::Rust, serde),
                    serde,
                    origin: spec.to_string_lossy().into_owned(),
                });
            }
        }
        let program = Program {
            main: MAIN,
            arms: |source| {
                if source.serde {
                    arms(source)
                } else {
                    String::new()
                }
            },
            clippy: &["-W", "clippy::pedantic", "-W", "clippy::nursery"],
        };
        Harness::build_program("rust-harness-problem", &sources, &[], &program)
    })
}

fn module(spec: &Path, serde: bool) -> String {
    format!(
        "{}_{}",
        spec_stem(spec),
        if serde { "serde" } else { "std" }
    )
}

/// Each line of the harness's answer, as JSON.
fn answer(args: &[&str], input: &str) -> Vec<Value> {
    harness()
        .query_input(args, input)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The members of a JSON object text, in the order it sends them.
fn member_order(text: &str) -> Vec<String> {
    serde_json::from_str::<crate::conformance_catalog::Keys>(text)
        .unwrap()
        .0
}

/// The Rust bodies of every code of `spec`, built with `ErrorBody::new(code, MESSAGE)` and
/// the instance `/orders/42`.
fn rust_bodies(spec: &Path) -> Vec<Value> {
    answer(&["bodies", &module(spec, true), MESSAGE], "")
}

#[test]
fn rust_builds_problem_details_and_reads_them_back() {
    for spec_path in problem_specs() {
        let spec: SpecV2 = read_spec_file(&spec_path);
        let built = rust_bodies(&spec_path);
        assert_eq!(built.len(), spec.codes.len());
        for (found, code) in built.iter().zip(&spec.codes) {
            let context = format!("{}: {}", spec_path.display(), code.code);
            let text = found["text"].as_str().unwrap();
            let expected = json!({
                "type": code.docs_url.as_deref().unwrap(),
                "title": code.title,
                "status": code.status,
                "detail": MESSAGE,
                "code": code.code,
                "instance": "/orders/42",
            });
            assert_eq!(
                serde_json::from_str::<Value>(text).unwrap(),
                expected,
                "{context}"
            );
            assert_eq!(
                member_order(text),
                ["type", "title", "status", "detail", "code", "instance"],
                "{context}"
            );
            assert_eq!(
                found["display"],
                json!(format!("{} {}: {MESSAGE}", code.status, code.code)),
                "{context}"
            );
            assert_eq!(
                found["source"], true,
                "{context}: an Error without a source"
            );
        }
        // Read back: a newer code and extension members are kept; errspec's envelope is no
        // problem, nor is a body without its `type`.
        let first = serde_json::from_str::<Value>(built[0]["text"].as_str().unwrap()).unwrap();
        let mut newer = first.clone();
        newer["code"] = json!("added.later");
        newer["retry_at"] = json!("2026-12-01T00:00:00Z");
        let mut untyped = first.clone();
        untyped.as_object_mut().unwrap().remove("type");
        let errspec =
            json!({"error": {"name": "Error", "status": 400, "code": "x", "message": "m"}});
        let lines: Vec<String> = [&first, &newer, &untyped, &errspec]
            .iter()
            .map(|value| value.to_string())
            .collect();
        let read = answer(&["read", &module(&spec_path, true)], &lines.join("\n"));
        let context = spec_path.display();
        assert_eq!(read[0]["code"], first["code"], "{context}");
        assert_eq!(
            read[1]["code"],
            Value::Null,
            "{context}: a code the spec lacks"
        );
        let uses_params = spec.uses_params();
        for (index, sent) in [(0, &first), (1, &newer)] {
            let again: Value = serde_json::from_str(read[index]["text"].as_str().unwrap()).unwrap();
            if uses_params || index == 0 {
                // With parameters the body keeps every member it does not know in `params`.
                assert_eq!(&again, sent, "{context}: read back unchanged");
            } else {
                // Without, there is nowhere to keep them: serde leaves them out.
                let mut known = sent.clone();
                known.as_object_mut().unwrap().remove("retry_at");
                assert_eq!(again, known, "{context}");
            }
        }
        for (index, what) in [(2, "no type"), (3, "errspec's envelope")] {
            assert!(
                read[index].get("error").is_some(),
                "{context}: {what} read as {}",
                read[index]
            );
        }
    }
}

#[test]
fn every_target_agrees_on_problem_details() {
    let tools = node_tools_or_skip!();
    let mut modules = Vec::new();
    for spec_path in problem_specs() {
        let spec = read_spec_file(&spec_path);
        let name = spec_stem(&spec_path);
        let built = rust_bodies(&spec_path);
        let mut bodies = Vec::new();
        for (found, code) in built.iter().zip(&spec.codes) {
            // `new` builds a code's body without parameters: the one of a code that takes
            // its message alone is the body the spec describes.
            if !catalog_typescript::takes_message_only(code) {
                continue;
            }
            let text = found["text"].as_str().unwrap();
            let body: Value = serde_json::from_str(text).unwrap();
            for version in [OpenApiVersion::V3_0, OpenApiVersion::V3_1] {
                let fragment =
                    openapi::to_json(&openapi::parse(&openapi::fragment(&spec_path, version)));
                let objections =
                    BodySchema::for_status(&fragment, version, code.status).objections(&body);
                assert_eq!(objections, Vec::<String>::new(), "{name} {version}: {text}");
            }
            bodies.push(json!({ "code": code.code, "message": MESSAGE, "text": text }));
        }
        let Some(compiled) = catalog_typescript::compiled(&name) else {
            return;
        };
        modules.push(json!({ "name": name, "path": compiled, "bodies": bodies }));
    }
    let cases: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR")).join("problem-cases.json");
    std::fs::write(&cases, json!({ "modules": modules }).to_string()).unwrap();
    let run = run_ok(
        &mut tools.script("tests/node/problem.test.mjs", &[&cases]),
        "the Node test of problem details",
    );
    let count = |key: &str| node::tap_count(&run.stdout, key);
    assert_eq!(count("# fail "), 0, "{}", run.stdout);
    assert_eq!(count("# pass "), 3 * modules.len(), "{}", run.stdout);
}
