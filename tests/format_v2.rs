//! Format v2 in every target, under the real tools: the Rust under rustfmt, rustc and clippy
//! (pedantic and nursery too) and run; the TypeScript under both pinned tsc with every strict
//! flag, prettier, a type-level test and Node; the OpenAPI fragment in both versions under a
//! JSON Schema validator, @readme/openapi-parser and Redocly; the Markdown through a CommonMark
//! parser. Every value is compared with the spec as the test reads it, and one conformance
//! table holds Rust, TypeScript and OpenAPI to the same bodies, codes the spec lacks included.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use errspec::OpenApiVersion;
use serde_json::{Value, json};

use crate::catalog_typescript;
use crate::support::expected::{self, ExpectedSpecV2};
use crate::support::node::{self, node_tools_or_skip};
use crate::support::openapi::{self, BodySchema};
use crate::support::rust_harness::{Harness, Program, Source};
use crate::support::{render_one, repo, run_ok, v2_specs, write_if_changed};

/// A short name for a v2 spec: its file stem, or its folder's name for an example's
/// `errors.yaml`.
fn stem(spec: &Path) -> String {
    let file = spec.file_stem().unwrap().to_string_lossy();
    if file == "errors" {
        let folder = spec.parent().unwrap().file_name().unwrap();
        return folder.to_string_lossy().replace('-', "_");
    }
    file.replace('-', "_")
}

/// The messages every code's body is built with: plain, and with what JSON, HTML and YAML
/// escape.
const MESSAGES: [&str; 3] = [
    "Card declined",
    "a \"quoted\" message, ünïcödé 🚀, </script><script>alert(1)</script> and a \\ backslash",
    "line\nbreak\r\ttab \u{2028} {{x}} ${y} `z` שלום",
];

/// A body from a newer version of the API, with a code no spec here has.
const NEWER_BODY: &str = r#"{"error":{"name":"Error","status":418,"code":"added.later","message":"m","extra":1},"trace":"abc"}"#;

// ---------------------------------------------------------------------------------- Rust

/// The harness program for v2: `facts`, `serde`, `vectors` and `read_back` queries.
const MAIN_V2: &str = r##"//! Prints, as JSON, what the generated code of one format v2 module says.
// The harness names each generated module in a macro; pedantic clippy is for the modules.
#![allow(clippy::wildcard_imports)]

use errspec_rust_harness::*;
use serde_json::{Value, json};

/// Every code's facts, read through the generated API.
macro_rules! facts {
    ($m:ident) => {{
        use $m::{ErrorBody, ErrorCode};
        let codes: Vec<Value> = ErrorCode::ALL
            .iter()
            .map(|&code| {
                json!({
                    "code": code.code(),
                    "status": code.status(),
                    "title": code.title(),
                    "description": code.description(),
                    "retryable": code.is_retryable(),
                    "docs_url": code.docs_url(),
                    "name": code.name(),
                    "variant": format!("{code:?}"),
                    "from_code": ErrorCode::from_code(code.code()) == Some(code),
                    "from_name": ErrorCode::from_name(code.name()) == Some(code),
                    "from_name_lowercase": ErrorCode::from_name(&code.name().to_lowercase()).is_some(),
                    "parsed": code.code().parse::<ErrorCode>() == Ok(code),
                    "display": code.to_string(),
                    "padded": [format!("[{code:>70}]"), format!("[{code:*<70}]"), format!("[{code:^9.3}]")],
                })
            })
            .collect();
        // Sorted from the reverse of the spec's order, and every pair compared both ways.
        let mut sorted = ErrorCode::ALL;
        sorted.reverse();
        sorted.sort();
        let sorted: Vec<&str> = sorted.iter().map(|code| code.code()).collect();
        let position = |code: &ErrorCode| ErrorCode::ALL.iter().position(|c| c == code);
        let in_spec_order = ErrorCode::ALL.iter().all(|a| {
            ErrorCode::ALL.iter().all(|b| {
                a.cmp(b) == position(a).cmp(&position(b)) && a.partial_cmp(b) == Some(a.cmp(b))
            })
        });
        let statuses: Vec<Value> = (0..=u16::MAX)
            .filter(|&status| !ErrorCode::for_status(status).is_empty())
            .map(|status| {
                let codes: Vec<&str> =
                    ErrorCode::for_status(status).iter().map(|c| c.code()).collect();
                json!({ "status": status, "codes": codes })
            })
            .collect();
        let unknown = "added.later".parse::<ErrorCode>().map_err(|e| e.to_string());
        let first = ErrorCode::ALL[0];
        let body = ErrorBody::new(first, "m");
        json!({
            "codes": codes,
            "statuses": statuses,
            "unknown": unknown.err(),
            "from_unknown": ErrorCode::from_code("added.later").map(ErrorCode::code),
            "body": [body.error.name, body.error.status.to_string(), body.error.code, body.error.message],
            "body_code": body.code() == Some(first),
            "sorted": sorted,
            "in_spec_order": in_spec_order,
            "NAME": ErrorBody::NAME,
        })
    }};
}

/// `ErrorCode` with serde: each code as its wire code and back; a code the spec lacks is
/// refused as an `ErrorCode` but kept in a body.
macro_rules! serde_facts {
    ($m:ident) => {{
        use $m::{ErrorBody, ErrorCode};
        let codes: Vec<Value> = ErrorCode::ALL
            .iter()
            .map(|&code| {
                let back = serde_json::from_value::<ErrorCode>(json!(code.code())).ok();
                json!({ "serialized": serde_json::to_value(code).unwrap(), "back": back == Some(code) })
            })
            .collect();
        let refused = serde_json::from_value::<ErrorCode>(json!("added.later")).is_err();
        let newer: ErrorBody = serde_json::from_str(include_str!("newer_body.json")).unwrap();
        json!({
            "codes": codes,
            "unknown_refused": refused,
            "newer_code": newer.error.code,
            "newer_known": newer.code().map(ErrorCode::code),
        })
    }};
}

/// For every code, the JSON that `ErrorBody::new(code, message)` serializes to, for each message
/// of the input (a JSON array of strings).
macro_rules! vectors {
    ($m:ident, $messages:expr) => {{
        use $m::{ErrorBody, ErrorCode};
        let messages: Vec<String> = serde_json::from_str($messages).expect("a list of messages");
        let codes: Vec<Value> = ErrorCode::ALL
            .iter()
            .map(|&code| {
                let bodies: Vec<String> = messages
                    .iter()
                    .map(|message| serde_json::to_string(&ErrorBody::new(code, message.as_str())).unwrap())
                    .collect();
                json!({ "code": code.code(), "bodies": bodies })
            })
            .collect();
        Value::from(codes)
    }};
}

/// Reads back each body of the input (a JSON array of JSON texts).
macro_rules! read_back {
    ($m:ident, $bodies:expr) => {{
        use $m::{ErrorBody, ErrorCode};
        let bodies: Vec<String> = serde_json::from_str($bodies).expect("a list of bodies");
        let results: Vec<Value> = bodies
            .iter()
            .map(|text| match serde_json::from_str::<ErrorBody>(text) {
                Ok(body) => {
                    let rebuilt = body.code().map(|code| ErrorBody::new(code, body.error.message.clone()));
                    json!({
                        "known": body.code().map(ErrorCode::code),
                        "message": body.error.message,
                        "equals_new": rebuilt.as_ref() == Some(&body),
                    })
                }
                Err(error) => json!({ "error": error.to_string() }),
            })
            .collect();
        Value::from(results)
    }};
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let input = args.get(3).cloned().unwrap_or_default();
    let out = match (args[1].as_str(), args[2].as_str()) {
        // ARMS
        other => panic!("unknown query {other:?}"),
    };
    println!("{out}");
}
"##;

fn v2_arms(source: &Source) -> String {
    let name = &source.name;
    let mut arms = format!("        (\"facts\", \"{name}\") => facts!({name}),\n");
    if source.serde {
        for (query, call) in [
            ("serde", format!("serde_facts!({name})")),
            ("vectors", format!("vectors!({name}, &input)")),
            ("read_back", format!("read_back!({name}, &input)")),
        ] {
            arms.push_str(&format!("        (\"{query}\", \"{name}\") => {call},\n"));
        }
    }
    arms
}

/// The harness of every v2 spec's Rust, serde on and off, under clippy's pedantic and
/// nursery lints too; built once per run.
fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let sources: Vec<Source> = v2_specs()
            .iter()
            .flat_map(|spec| {
                [true, false].map(|serde| Source {
                    name: module(spec, serde),
                    code: render_one(spec, errspec::Target::Rust, serde),
                    serde,
                    origin: crate::support::spec_name(spec),
                })
            })
            .collect();
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rust-harness-v2");
        write_if_changed(&dir.join("src/newer_body.json"), NEWER_BODY);
        let program = Program {
            main: MAIN_V2,
            arms: v2_arms,
            clippy: &["-W", "clippy::pedantic", "-W", "clippy::nursery"],
        };
        Harness::build_program("rust-harness-v2", &sources, &docs_usage(), &program)
    })
}

/// The docs' example of format v2's Rust (the block marked `usage-v2`, see
/// `tests/readme.rs`) as the program `examples/docs_usage_v2.rs`, with the serde module of
/// `payments.yaml`, whose codes it uses, as `errors`. Nothing when no block is so marked:
/// `tests/readme.rs` fails on its own then.
fn docs_usage() -> Vec<(String, String)> {
    let Some(block) = crate::support::readme::marked("usage-v2") else {
        return Vec::new();
    };
    // As in v1's example, the rest of the API is dead code in a program that uses a part.
    let program = format!(
        "//! The docs' example of format v2's generated Rust ({}), as written there.\n\n#![allow(dead_code)]\n\nuse errspec_rust_harness::payments_serde as errors;\n\nfn main() -> Result<(), Box<dyn std::error::Error>> {{\n{}    Ok(())\n}}\n",
        block.place, block.code
    );
    vec![("examples/docs_usage_v2.rs".to_owned(), program)]
}

/// Runs the docs' example of format v2's Rust, built with the v2 harness.
pub(crate) fn run_docs_usage() {
    harness().run_example("docs_usage_v2");
}

fn module(spec: &Path, serde: bool) -> String {
    format!("{}_{}", stem(spec), if serde { "serde" } else { "std" })
}

#[test]
fn v2_rust_is_formatted_as_rustfmt_formats_it() {
    let dir = tempfile::tempdir().unwrap();
    // Problem details too, and with the axum option, whose impls close the file.
    for spec in v2_specs()
        .into_iter()
        .chain(crate::support::problem_specs())
    {
        for (serde, axum) in [(true, false), (false, false), (true, true)] {
            let path = dir.path().join("error_codes.rs");
            let mut options = errspec::Options::new(crate::support::spec_name(&spec));
            options.serde = serde;
            options.axum = axum;
            let source = std::fs::read_to_string(&spec).unwrap();
            let rust = errspec::render(&source, &options)
                .unwrap()
                .remove(0)
                .contents;
            std::fs::write(&path, rust).unwrap();
            for edition in ["2021", "2024"] {
                let what = format!(
                    "rustfmt --check --edition {edition} on {} (serde {serde}, axum {axum})",
                    spec.display()
                );
                run_ok(
                    Command::new("rustfmt")
                        .args(["--check", "--edition", edition])
                        .arg(&path),
                    &what,
                );
            }
        }
    }
}

/// `is_retryable` takes three layouts as the retryable codes grow: `matches!` on one line, its
/// patterns on one line of their own, and one pattern per line. No fixture has enough
/// retryable codes for the third, so this spec has: rustfmt must leave each layout as it is.
#[test]
fn is_retryable_is_laid_out_as_rustfmt_does_however_many_codes_retry() {
    let dir = tempfile::tempdir().unwrap();
    let mut spec = "version: 2\napi:\n  name: Retries\ncodes:\n".to_owned();
    let mut shapes = Vec::new();
    for count in 1..=8 {
        spec.push_str(&format!(
            "  - code: temporarily_unavailable_backend_{count}\n    status: 503\n    title: \
             Unavailable {count}\n    description: D.\n    retryable: true\n"
        ));
        let mut options = errspec::Options::new("retries.yaml");
        options.targets = vec![errspec::Target::Rust];
        let rust = errspec::render(&spec, &options).unwrap().remove(0).contents;
        let path = dir.path().join(format!("retries_{count}.rs"));
        std::fs::write(&path, &rust).unwrap();
        for edition in ["2021", "2024"] {
            run_ok(
                Command::new("rustfmt")
                    .args(["--check", "--edition", edition])
                    .arg(&path),
                &format!("rustfmt --check --edition {edition} on {count} retryable codes"),
            );
        }
        let first = "Self::TemporarilyUnavailableBackend1";
        shapes.push(
            if rust.contains(&format!("::core::matches!(self, {first}")) {
                "one line"
            } else if rust.contains(&format!("            self,\n            {first} | ")) {
                "patterns on a line"
            } else if rust.contains(&format!(
                "            self,\n            {first}\n                | "
            )) {
                "a pattern per line"
            } else {
                panic!("is_retryable in an unknown layout:\n{rust}")
            },
        );
    }
    shapes.dedup();
    assert_eq!(
        shapes,
        ["one line", "patterns on a line", "a pattern per line"]
    );
}

#[test]
fn v2_std_only_rust_compiles_without_any_dependency() {
    let dir = tempfile::tempdir().unwrap();
    for spec in v2_specs() {
        std::fs::write(
            dir.path().join("error_codes.rs"),
            render_one(&spec, errspec::Target::Rust, false),
        )
        .unwrap();
        let root = dir.path().join("lib.rs");
        std::fs::write(
            &root,
            "//! No dependencies.\n\n/// Generated.\npub mod generated {\n    include!(\"error_codes.rs\");\n}\n",
        )
        .unwrap();
        run_ok(
            Command::new("rustc")
                .args(["--edition", "2024", "--crate-type", "lib", "-D", "warnings"])
                .args(["-D", "missing-docs", "--out-dir"])
                .arg(dir.path())
                .arg(&root),
            &format!("rustc on the std-only Rust of {}", spec.display()),
        );
    }
}

#[test]
fn v2_rust_says_what_the_spec_says() {
    for spec_path in v2_specs() {
        let spec = expected::read_v2(&spec_path);
        for serde in [true, false] {
            let facts = harness().query(&["facts", &module(&spec_path, serde)]);
            let context = format!("{} (serde: {serde})", spec_path.display());
            let codes = facts["codes"].as_array().unwrap();
            assert_eq!(codes.len(), spec.codes.len(), "{context}");
            for (found, code) in codes.iter().zip(&spec.codes) {
                let want = json!({
                    "code": code.code,
                    "status": code.status,
                    "title": code.title,
                    "description": code.description,
                    "retryable": code.retryable,
                    "docs_url": code.docs_url,
                });
                let got: serde_json::Map<String, Value> = found
                    .as_object()
                    .unwrap()
                    .iter()
                    .filter(|(key, _)| want.get(key.as_str()).is_some())
                    .map(|(key, value)| (key.clone(), value.clone()))
                    .collect();
                assert_eq!(Value::Object(got), want, "{context}");
                assert_eq!(found["variant"], found["name"], "{context}");
                for check in ["from_code", "from_name", "parsed"] {
                    assert_eq!(found[check], true, "{context}: {check} of {}", code.code);
                }
                // Unless the name is lower case already, as no fixture's is.
                assert_eq!(
                    found["from_name_lowercase"], false,
                    "{context}: by the name as spelt"
                );
                assert_eq!(found["display"], code.code, "Display is the wire code");
                let wire = &code.code;
                assert_eq!(
                    found["padded"],
                    json!([
                        format!("[{wire:>70}]"),
                        format!("[{wire:*<70}]"),
                        format!("[{wire:^9.3}]")
                    ]),
                    "{context}: Display honours width, fill, alignment and precision"
                );
            }
            let mut by_status: BTreeMap<u16, Vec<&str>> = BTreeMap::new();
            for code in &spec.codes {
                by_status.entry(code.status).or_default().push(&code.code);
            }
            let statuses: Vec<Value> = by_status
                .iter()
                .map(|(status, codes)| json!({ "status": status, "codes": codes }))
                .collect();
            assert_eq!(facts["statuses"], Value::from(statuses), "{context}");
            assert_eq!(facts["unknown"], "no error code is \"added.later\"");
            assert_eq!(facts["from_unknown"], Value::Null);
            let first = &spec.codes[0];
            let body = [
                spec.error_name.as_str(),
                &first.status.to_string(),
                &first.code,
                "m",
            ];
            assert_eq!(facts["body"], json!(body), "{context}");
            assert_eq!(facts["body_code"], true);
            assert_eq!(facts["NAME"], spec.error_name);
            let wire_codes: Vec<&str> = spec.codes.iter().map(|code| code.code.as_str()).collect();
            assert_eq!(
                facts["sorted"],
                json!(wire_codes),
                "{context}: Ord is the spec's order"
            );
            assert_eq!(facts["in_spec_order"], true, "{context}: Ord, PartialOrd");
        }
    }
}

#[test]
fn some_v2_specs_order_is_neither_the_wire_codes_nor_the_statuses() {
    // Otherwise the ordering test above could not tell `Ord` in the spec's order from `Ord` by
    // wire code or by status.
    let unsorted = |key: fn(&expected::ExpectedCodeV2) -> String| {
        v2_specs().iter().any(|spec| {
            let codes = expected::read_v2(spec).codes;
            codes.windows(2).any(|pair| key(&pair[0]) > key(&pair[1]))
        })
    };
    assert!(
        unsorted(|code| code.code.clone()),
        "every spec lists its codes by wire code"
    );
    assert!(
        unsorted(|code| format!("{:03}", code.status)),
        "every spec lists its codes by status"
    );
}

#[test]
fn v2_rust_with_serde_reads_codes_it_does_not_know() {
    for spec_path in v2_specs() {
        let spec = expected::read_v2(&spec_path);
        let facts = harness().query(&["serde", &module(&spec_path, true)]);
        for (found, code) in facts["codes"].as_array().unwrap().iter().zip(&spec.codes) {
            assert_eq!(
                found["serialized"], code.code,
                "ErrorCode serializes as its code"
            );
            assert_eq!(found["back"], true);
        }
        assert_eq!(facts["unknown_refused"], true);
        assert_eq!(facts["newer_code"], "added.later", "the wire code is kept");
        assert_eq!(
            facts["newer_known"],
            Value::Null,
            "and the spec does not know it"
        );
    }
}

// ---------------------------------------------------------------------------- TypeScript

/// The scratch TypeScript project of every v2 spec's module and the type-level checks.
struct Project {
    dir: PathBuf,
    /// Each spec with its `.ts` file and the `.js` tsc emits for it.
    modules: Vec<(PathBuf, PathBuf, PathBuf)>,
}

/// The project, written and compiled by both pinned tsc (the newest emits) once per run;
/// `None` when the Node-side tests are skipped.
fn typescript() -> Option<&'static Project> {
    static PROJECT: OnceLock<Project> = OnceLock::new();
    let tools = node::tools()?;
    Some(PROJECT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("typescript-v2");
        let strict = repo().join("tests/node/tsconfig.strict.json");
        let tsconfig = json!({
            "extends": strict.to_string_lossy().replace('\\', "/"),
            "compilerOptions": { "rootDir": "src", "outDir": "out" },
            "include": ["src"],
        });
        write_if_changed(&dir.join("tsconfig.json"), &format!("{tsconfig:#}\n"));
        write_if_changed(
            &dir.join("package.json"),
            "{ \"private\": true, \"type\": \"module\" }\n",
        );
        let checks = std::fs::read_to_string(repo().join("tests/node/type-checks-v2.ts")).unwrap();
        write_if_changed(&dir.join("src/type-checks-v2.ts"), &checks);
        let modules = v2_specs()
            .into_iter()
            .map(|spec| {
                let name = stem(&spec);
                let source = dir.join(format!("src/{name}/error-codes.ts"));
                write_if_changed(
                    &source,
                    &render_one(&spec, errspec::Target::TypeScript, true),
                );
                let compiled = dir.join(format!("out/{name}/error-codes.js"));
                (spec, source, compiled)
            })
            .collect();
        let tsconfig = dir.join("tsconfig.json");
        run_ok(
            tools
                .bin("typescript-5", "bin/tsc")
                .args(["--noEmit", "--pretty", "false", "-p"])
                .arg(&tsconfig),
            "tsc 5 on the v2 TypeScript and its type-level checks",
        );
        run_ok(
            tools
                .bin("typescript", "bin/tsc")
                .args(["--pretty", "false", "-p"])
                .arg(&tsconfig),
            "tsc on the v2 TypeScript and its type-level checks",
        );
        Project { dir, modules }
    }))
}

#[test]
fn v2_typescript_compiles_strict_and_is_formatted_as_prettier_formats_it() {
    let Some(project) = typescript() else { return };
    let tools = node_tools_or_skip!();
    let mut files: Vec<&Path> = project
        .modules
        .iter()
        .map(|(_, ts, _)| ts.as_path())
        .collect();
    let checks = project.dir.join("src/type-checks-v2.ts");
    files.push(&checks);
    run_ok(
        &mut tools.script("tests/node/prettier-check.mjs", &files),
        "prettier on the v2 TypeScript",
    );
}

#[test]
fn v2_typescript_agrees_with_the_spec_in_node() {
    let Some(project) = typescript() else { return };
    let tools = node_tools_or_skip!();
    let modules: Vec<Value> = project
        .modules
        .iter()
        .map(|(spec_path, _, compiled)| {
            let spec = expected::read_v2(spec_path);
            // Each code's facts, with its parameters, template and life cycle when the spec
            // uses them (and only then), and the order of an entry's keys.
            let (codes, keys) = catalog_typescript::expected_entries(spec_path);
            let message_only: Vec<bool> = catalog_typescript::read_spec_file(spec_path)
                .codes
                .iter()
                .map(catalog_typescript::takes_message_only)
                .collect();
            json!({
                "name": stem(spec_path),
                "path": compiled,
                "spec": {
                    "errorName": spec.error_name,
                    "codes": codes,
                    "keys": keys,
                    "messageOnly": message_only,
                },
            })
        })
        .collect();
    let cases_file = project.dir.join("cases.json");
    std::fs::write(&cases_file, json!({ "modules": modules }).to_string()).unwrap();
    let run = run_ok(
        &mut tools.script("tests/node/error-codes-v2.test.mjs", &[&cases_file]),
        "the Node test of the v2 TypeScript",
    );
    let count = |key: &str| node::tap_count(&run.stdout, key);
    assert_eq!(count("# fail "), 0, "{}", run.stdout);
    assert_eq!(
        count("# pass "),
        7 * project.modules.len(),
        "{}",
        run.stdout
    );
}

/// esbuild bundles an entry that imports only `ErrorCode` from each v2 module, and one that
/// imports everything: the first holds none of the codes' titles, descriptions, message
/// templates, deprecation reasons and parameters' descriptions, the second all of them.
#[test]
fn v2_an_entry_importing_only_error_code_bundles_no_description() {
    let Some(project) = typescript() else { return };
    let tools = node_tools_or_skip!();
    let modules: Vec<Value> = project
        .modules
        .iter()
        .map(|(spec_path, source, _)| {
            let spec = catalog_typescript::read_spec_file(spec_path);
            let texts: Vec<&str> = spec
                .codes
                .iter()
                .flat_map(|code| {
                    let params = code.params.iter().map(|param| param.description.as_str());
                    [code.title.as_str(), code.description.as_str()]
                        .into_iter()
                        .chain(code.message.as_deref())
                        .chain(code.deprecated.as_deref())
                        .chain(params)
                })
                .collect();
            json!({ "name": stem(spec_path), "source": source, "texts": texts })
        })
        .collect();
    let cases_file = project.dir.join("tree-shaking-cases.json");
    std::fs::write(&cases_file, json!({ "modules": modules }).to_string()).unwrap();
    let run = run_ok(
        &mut tools.script("tests/node/tree-shaking.test.mjs", &[&cases_file]),
        "esbuild on the v2 TypeScript",
    );
    let count = |key: &str| node::tap_count(&run.stdout, key);
    assert_eq!(count("# fail "), 0, "{}", run.stdout);
    assert_eq!(count("# pass "), project.modules.len(), "{}", run.stdout);
}

// ------------------------------------------------------------------------------- OpenAPI

const VERSIONS: [OpenApiVersion; 2] = [OpenApiVersion::V3_0, OpenApiVersion::V3_1];

/// The responses of a fragment, by name, each with its schema's name and its examples.
fn responses(doc: &Value) -> Vec<(String, String, Vec<Value>)> {
    doc["components"]["responses"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, response)| {
            let media = &response["content"]["application/json"];
            let schema = media["schema"]["$ref"].as_str().unwrap();
            let schema = schema
                .trim_start_matches("#/components/schemas/")
                .to_owned();
            let examples = media["examples"]
                .as_object()
                .unwrap()
                .values()
                .map(|example| example["value"].clone())
                .collect();
            (name.clone(), schema, examples)
        })
        .collect()
}

#[test]
fn v2_openapi_has_a_response_per_status_whose_schema_holds_its_codes() {
    for spec_path in v2_specs() {
        let spec = expected::read_v2(&spec_path);
        for version in VERSIONS {
            let text = openapi::fragment(&spec_path, version);
            let doc = openapi::to_json(&openapi::parse(&text));
            let context = format!("{} {version}", spec_path.display());
            let mut statuses: Vec<u16> = Vec::new();
            for code in &spec.codes {
                if !statuses.contains(&code.status) {
                    statuses.push(code.status);
                }
            }
            let found = responses(&doc);
            assert_eq!(
                found.len(),
                statuses.len(),
                "{context}: one response per status"
            );
            let any_body = BodySchema::new(&doc, version);
            for status in &statuses {
                let (name, schema_name, examples) = found
                    .iter()
                    .find(|(_, _, examples)| examples[0]["error"]["status"] == *status)
                    .unwrap_or_else(|| panic!("{context}: no response for {status}"));
                let codes: Vec<&str> = spec
                    .codes
                    .iter()
                    .filter(|code| code.status == *status)
                    .map(|code| code.code.as_str())
                    .collect();
                // The parsed document's maps are sorted by key: compare the codes as sets.
                let mut examples_codes: Vec<&str> = examples
                    .iter()
                    .map(|example| example["error"]["code"].as_str().unwrap())
                    .collect();
                examples_codes.sort_unstable();
                let mut codes = codes;
                codes.sort_unstable();
                assert_eq!(
                    examples_codes, codes,
                    "{context}: {name} has an example per code"
                );
                let schema = BodySchema::named(&doc, version, schema_name);
                for example in examples {
                    assert_eq!(example["error"]["status"], *status, "{context}");
                    assert_eq!(
                        schema.objections(example),
                        Vec::<String>::new(),
                        "{context}"
                    );
                    assert_eq!(
                        any_body.objections(example),
                        Vec::<String>::new(),
                        "{context}"
                    );
                }
                // A code of another status, or one the spec lacks, is not this response's.
                let mut other = examples[0].clone();
                other["error"]["code"] = json!("added.later");
                assert!(!schema.objections(&other).is_empty(), "{context}: {name}");
                assert!(
                    any_body.objections(&other).is_empty(),
                    "{context}: ErrorBody is open"
                );
            }
        }
    }
}

#[test]
fn v2_openapi_passes_the_validators_and_prettier() {
    let tools = node_tools_or_skip!();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("openapi-v2");
    let mut fragments = Vec::new();
    let mut documents = Vec::new();
    for spec_path in v2_specs() {
        for version in VERSIONS {
            let folder = dir.join(format!("{}-{version}", stem(&spec_path)));
            let text = openapi::fragment(&spec_path, version);
            let fragment = folder.join("error-codes.yaml");
            write_if_changed(&fragment, &text);
            let doc = openapi::to_json(&openapi::parse(&text));
            let api = api_document(&doc, version);
            let document = folder.join("api.yaml");
            write_if_changed(&document, &api);
            fragments.push(fragment);
            documents.push(document);
        }
    }
    let mut all = fragments.clone();
    all.extend(documents.iter().cloned());
    for report in openapi::validate(tools, &all) {
        assert!(
            report.errors.is_empty() && report.warnings.is_empty(),
            "@readme/openapi-parser on {}:\n{report:#?}",
            report.path.display()
        );
    }
    for (document, problems) in documents
        .iter()
        .zip(openapi::redocly_lint(tools, &documents))
    {
        assert!(
            problems.is_empty(),
            "redocly lint on {}:\n{}",
            document.display(),
            openapi::describe(&problems)
        );
    }
    let files: Vec<&Path> = fragments.iter().map(PathBuf::as_path).collect();
    run_ok(
        &mut tools.script("tests/node/prettier-check.mjs", &files),
        "prettier on the v2 OpenAPI",
    );
}

/// An API document with one operation that answers with every response of the fragment.
pub(crate) fn api_document(fragment: &Value, version: OpenApiVersion) -> String {
    let mut answers = String::new();
    for (name, ..) in responses(fragment) {
        let status =
            fragment["components"]["responses"][&name]["content"]["application/json"]["examples"]
                .as_object()
                .unwrap()
                .values()
                .next()
                .unwrap()["value"]["error"]["status"]
                .clone();
        answers.push_str(&format!(
            "        \"{status}\":\n          $ref: \"./error-codes.yaml#/components/responses/{name}\"\n"
        ));
    }
    format!(
        "openapi: {}\ninfo:\n  title: An API\n  version: 1.0.0\n  license:\n    name: MIT\n    identifier: MIT\nservers:\n  - url: https://api.errspec.dev\npaths:\n  /charges:\n    post:\n      operationId: createCharge\n      summary: Create a charge.\n      description: Creates a charge.\n      security: []\n      responses:\n        \"201\":\n          description: The charge was created.\n{answers}        4XX:\n          description: Any other error.\n          content:\n            application/json:\n              schema:\n                $ref: \"./error-codes.yaml#/components/schemas/ErrorBody\"\n",
        version.document_version()
    )
    .replace(
        "    identifier: MIT\n",
        match version {
            OpenApiVersion::V3_0 => "    url: https://opensource.org/licenses/MIT\n",
            _ => "    identifier: MIT\n",
        },
    )
}

/// The wire codes of the spec at `path` that declare parameters, read from its YAML, each with
/// whether one of its parameters is required.
fn params_of(path: &Path) -> Vec<(String, bool)> {
    let doc: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["codes"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|code| {
            let params = code["params"].as_mapping()?;
            let required = params
                .values()
                .any(|param| !param["optional"].as_bool().unwrap_or(false));
            Some((code["code"].as_str().unwrap().to_owned(), required))
        })
        .collect()
}

/// The wire codes of the spec at `path` with a required parameter.
fn required_params(path: &Path) -> Vec<String> {
    params_of(path)
        .into_iter()
        .filter(|(_, required)| *required)
        .map(|(code, _)| code)
        .collect()
}

// ------------------------------------------------------------------------------ Markdown

/// Each code's name in the TypeScript module of `spec`, in spec order: the `name` of each entry
/// of `ERROR_CODES`, the only lines of the file indented by four spaces that start `name: "`.
fn typescript_names(spec: &Path) -> Vec<String> {
    let module = render_one(spec, errspec::Target::TypeScript, true);
    module
        .lines()
        .filter_map(|line| {
            let name = line.strip_prefix("    name: \"")?.strip_suffix("\",")?;
            Some(name.to_owned())
        })
        .collect()
}

#[test]
fn v2_markdown_has_a_row_and_an_anchor_per_code() {
    for spec_path in v2_specs() {
        let spec = expected::read_v2(&spec_path);
        let page = render_one(&spec_path, errspec::Target::Markdown, true);
        let tables = crate::support::markdown::tables(&page);
        // The codes' table, then a table of parameters per code that has some (see
        // `catalog_docs`).
        let with_params = params_of(&spec_path).len();
        assert_eq!(tables.len(), 1 + with_params, "{}", spec_path.display());
        for params in &tables[1..] {
            assert_eq!(
                params.header[0].text,
                "Parameter",
                "{}",
                spec_path.display()
            );
        }
        let table = &tables[0];
        let header: Vec<&str> = table.header.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            header,
            [
                "Code",
                "Name",
                "Status",
                "Title",
                "Description",
                "Retryable"
            ]
        );
        assert_eq!(table.rows.len(), spec.codes.len());
        let names = typescript_names(&spec_path);
        assert_eq!(names.len(), spec.codes.len(), "the TypeScript names");
        for ((row, code), name) in table.rows.iter().zip(&spec.codes).zip(&names) {
            assert_eq!(row.len(), 6, "{}: six cells, none split off", code.code);
            assert_eq!(row[0].text, code.code);
            let anchor = format!("InlineHtml(Borrowed(\"<a id=\\\"{}\\\">\"))", code.code);
            assert!(
                row[0].markup.contains(&anchor),
                "{}: no anchor in {:?}",
                code.code,
                row[0].markup
            );
            // The name, in a code span: the code's identifier, as the TypeScript names it.
            assert_eq!(&row[1].text, name, "{}: the name", code.code);
            assert_eq!(row[1].markup, [format!("Code(Borrowed(\"{name}\"))")]);
            assert_eq!(row[2].text, code.status.to_string());
            assert_eq!(
                row[3].text,
                code.title.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            let retryable = if code.retryable { "yes" } else { "no" };
            assert_eq!(row[5].text, retryable, "{}: retryable", code.code);
        }
        // One line per code: a change to one code's text changes one line.
        let lines = page.lines().filter(|l| l.starts_with("| <a id=")).count();
        assert_eq!(lines, spec.codes.len());
    }
}

// --------------------------------------------------------------------------- Conformance

#[test]
fn v2_bodies_mean_the_same_in_every_target() {
    let messages = serde_json::to_string(&MESSAGES).unwrap();
    let typescript = typescript();
    let tools = node::tools();
    for spec_path in v2_specs() {
        let spec: ExpectedSpecV2 = expected::read_v2(&spec_path);
        let context = spec_path.display().to_string();
        let rust_built = harness().query(&["vectors", &module(&spec_path, true), &messages]);
        let mut bodies: Vec<String> = rust_built
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|code| code["bodies"].as_array().unwrap().clone())
            .map(|body| body.as_str().unwrap().to_owned())
            .collect();
        // A body from a newer version of this API: its name, a code and a status it lacks.
        let mut newer: Value = serde_json::from_str(NEWER_BODY).unwrap();
        newer["error"]["name"] = json!(spec.error_name);
        bodies.push(newer.to_string());
        let bodies_json = serde_json::to_string(&bodies).unwrap();
        let rust_read = harness().query(&["read_back", &module(&spec_path, true), &bodies_json]);
        let read = rust_read.as_array().unwrap();
        for (index, result) in read.iter().enumerate() {
            let newer = index == bodies.len() - 1;
            assert!(
                result.get("error").is_none(),
                "{context}: Rust reads {}",
                bodies[index]
            );
            assert_eq!(result["equals_new"], !newer, "{context}: {}", bodies[index]);
            assert_eq!(
                result["known"].is_null(),
                newer,
                "{context}: {}",
                bodies[index]
            );
        }
        // OpenAPI: each body is valid for its status's response, in both versions. A body
        // that `ErrorBody::new` builds has no `params`, which a code with a required
        // parameter must carry: its status's schema refuses it (the bodies of the codes'
        // own constructors are held to the schemas elsewhere).
        let with_required = required_params(&spec_path);
        for version in VERSIONS {
            let doc = openapi::to_json(&openapi::parse(&openapi::fragment(&spec_path, version)));
            let any_body = BodySchema::new(&doc, version);
            for (body, code) in bodies.iter().zip(spec.codes.iter().flat_map(|c| [c; 3])) {
                let value: Value = serde_json::from_str(body).unwrap();
                assert_eq!(
                    value["error"]["code"], code.code,
                    "{context}: bodies in code order"
                );
                let schema = BodySchema::for_status(&doc, version, code.status);
                let objections = schema.objections(&value);
                if with_required.contains(&code.code) {
                    assert!(!objections.is_empty(), "{context} {version}: {body}");
                } else {
                    assert_eq!(objections, Vec::<String>::new(), "{context} {version}");
                }
            }
            let newer: Value = serde_json::from_str(bodies.last().unwrap()).unwrap();
            let objections = any_body.objections(&newer);
            assert!(
                objections.is_empty(),
                "{context}: a newer code is a body: {objections:?}"
            );
        }
        // TypeScript: builds the same bytes, and reads every body the same.
        let (Some(project), Some(tools)) = (typescript, tools) else {
            continue;
        };
        let compiled = &project
            .modules
            .iter()
            .find(|(spec, ..)| *spec == spec_path)
            .unwrap()
            .2;
        // Only a code that takes a message alone is built from one: the others' bodies are
        // held to the wire format by `catalog_typescript`.
        let message_only: Vec<String> = catalog_typescript::read_spec_file(&spec_path)
            .codes
            .into_iter()
            .filter(catalog_typescript::takes_message_only)
            .map(|code| code.code)
            .collect();
        let cases = json!([{
            "module": compiled,
            "messages": MESSAGES,
            "messageOnly": message_only,
            "bodies": bodies,
        }]);
        let cases_file = project
            .dir
            .join(format!("conformance-{}.json", stem(&spec_path)));
        std::fs::write(&cases_file, cases.to_string()).unwrap();
        let run = run_ok(
            &mut tools.script("tests/node/conformance-v2.mjs", &[&cases_file]),
            "the TypeScript side of the v2 conformance test",
        );
        let results: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
        let mut comparable = rust_built.clone();
        for code in comparable.as_array_mut().unwrap() {
            if !message_only
                .iter()
                .any(|only| code["code"] == only.as_str())
            {
                code["bodies"] = Value::Null;
            }
        }
        assert_eq!(
            results[0]["built"], comparable,
            "{context}: the same bytes from both"
        );
        for (index, ts) in results[0]["read"].as_array().unwrap().iter().enumerate() {
            assert_eq!(ts["accepted"], true, "{context}: {}", bodies[index]);
            assert_eq!(
                ts["known"], read[index]["known"],
                "{context}: {}",
                bodies[index]
            );
            assert_eq!(ts["message"], read[index]["message"], "{context}");
        }
    }
}

// ------------------------------------------------------------------------------ Examples

#[test]
fn the_examples_generated_files_are_fresh() {
    let example = repo().join("examples/grpc");
    let result = errspec::Generator::new(example.join("errors.yaml"))
        .spec_name("examples/grpc/errors.yaml")
        .out_dir(example.join("generated"))
        .targets(errspec::Target::ALL)
        .check(true)
        .emit_rerun_if_changed(false)
        .generate();
    if let Err(errspec::Error::Stale(files)) = &result {
        let diffs: String = files.iter().map(errspec::StaleFile::unified_diff).collect();
        panic!(
            "examples/grpc/generated/ is stale; run `cargo run -- generate --spec \
             examples/grpc/errors.yaml --out examples/grpc/generated` and commit it:\n{diffs}"
        );
    }
    result.unwrap();
}
