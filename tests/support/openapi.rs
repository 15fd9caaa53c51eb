//! The OpenAPI fragment as the tests read it: rendered in either version, parsed back with
//! serde_yaml, its `ErrorBody` schema compiled by a real JSON Schema validator (the `jsonschema`
//! crate), and the pinned OpenAPI tools (@readme/openapi-parser and Redocly CLI) run on API
//! documents that reference it.

use std::path::{Path, PathBuf};

use errspec::OpenApiVersion;
use serde_json::{Value, json};

use super::node::Tools;
use super::{Run, repo};

/// The fragment rendered from the spec file at `spec` in `version`.
pub fn fragment(spec: &Path, version: OpenApiVersion) -> String {
    let source = std::fs::read_to_string(spec).unwrap();
    let mut options = errspec::Options::new(super::spec_name(spec));
    options.targets = vec![errspec::Target::OpenApi];
    options.openapi_version = version;
    errspec::render(&source, &options)
        .unwrap_or_else(|e| panic!("{} is invalid:\n{e}", spec.display()))
        .remove(0)
        .contents
}

/// YAML text as serde_yaml reads it, keeping the order of every mapping.
pub fn parse(text: &str) -> serde_yaml::Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("the fragment is not YAML: {e}\n{text}"))
}

/// A YAML value as JSON, as the validators see it.
pub fn to_json(value: &serde_yaml::Value) -> Value {
    serde_json::to_value(value).expect("the fragment's YAML is JSON data")
}

/// The `ErrorBody` schema of one fragment, compiled by a real JSON Schema validator: JSON
/// Schema 2020-12 for OpenAPI 3.1, draft 4 (which OpenAPI 3.0's schemas extend) for 3.0.
pub struct BodySchema {
    validator: jsonschema::Validator,
}

impl BodySchema {
    /// Compiles `#/components/schemas/ErrorBody` of `fragment`, a parsed fragment of
    /// `version`, after checking each of its schemas against its draft's meta-schema.
    pub fn new(fragment: &Value, version: OpenApiVersion) -> Self {
        Self::named(fragment, version, "ErrorBody")
    }

    /// [`BodySchema::new`] for the schema `name` of `fragment`.
    pub fn named(fragment: &Value, version: OpenApiVersion, name: &str) -> Self {
        let draft = match version {
            OpenApiVersion::V3_0 => jsonschema::Draft::Draft4,
            _ => jsonschema::Draft::Draft202012,
        };
        let schemas = fragment["components"]["schemas"]
            .as_object()
            .expect("the fragment has components.schemas");
        for (name, schema) in schemas {
            let meta = match draft {
                jsonschema::Draft::Draft4 => jsonschema::draft4::meta::validate(schema),
                _ => jsonschema::draft202012::meta::validate(schema),
            };
            if let Err(error) = meta {
                panic!("{version}: schema {name} is not valid under its meta-schema: {error}");
            }
        }
        // A schema document whose root is the reference, so that `#/components/...` pointers
        // resolve in the fragment itself.
        let root = serde_json::json!({
            "$ref": format!("#/components/schemas/{name}"),
            "components": fragment["components"],
        });
        let validator = jsonschema::options()
            .with_draft(draft)
            .build(&root)
            .unwrap_or_else(|e| panic!("{version}: {name} does not compile: {e}"));
        BodySchema { validator }
    }

    /// The schema of the body of `status`'s response in `fragment` (either version, either
    /// format), compiled as [`BodySchema::named`] compiles it, its local `$ref`s resolved:
    /// what a server must send with that status. A v2 fragment's response of a status pins the
    /// status in its schema (directly, or in each code's schema of a `oneOf`); a v1
    /// fragment's responses all carry `ErrorBody`, whose status is any of the spec's error
    /// statuses. Panics when no response, or responses with different schemas, carry it.
    pub fn for_status(fragment: &Value, version: OpenApiVersion, status: u16) -> Self {
        Self::named(fragment, version, &status_schema_name(fragment, status))
    }

    /// What the schema says is wrong with `body`, one line each; empty when it is valid.
    pub fn objections(&self, body: &Value) -> Vec<String> {
        self.validator
            .iter_errors(body)
            .map(|error| format!("{}: {error}", error.instance_path()))
            .collect()
    }
}

/// The name of the schema under `components.schemas` that the responses of `fragment` whose
/// body can carry `status` reference (see [`BodySchema::for_status`]).
pub fn status_schema_name(fragment: &Value, status: u16) -> String {
    let responses = fragment["components"]["responses"]
        .as_object()
        .expect("the fragment has components.responses");
    let mut names: Vec<&str> = responses
        .values()
        .filter_map(|response| {
            // errspec's envelope is JSON; problem details are `application/problem+json`.
            [
                "/content/application~1json",
                "/content/application~1problem+json",
            ]
            .iter()
            .find_map(|content| response.pointer(&format!("{content}/schema/$ref")))
            .and_then(Value::as_str)
        })
        .filter(|reference| statuses(fragment, &json!({ "$ref": reference })).contains(&status))
        .map(|reference| {
            reference
                .strip_prefix("#/components/schemas/")
                .unwrap_or_else(|| panic!("{reference} is not a local schema"))
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    match names.as_slice() {
        [name] => (*name).to_owned(),
        [] => panic!("no response of the fragment carries the status {status}"),
        _ => panic!("the responses {names:?} all carry the status {status}"),
    }
}

/// The statuses a body valid under `schema` (within `fragment`) may have: the `const` or
/// `enum` of `error.status`, through local `$ref`s and the branches of `oneOf`, `anyOf` and
/// `allOf`.
fn statuses(fragment: &Value, schema: &Value) -> Vec<u16> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("{reference} is not a local reference"));
        let target = fragment
            .pointer(pointer)
            .unwrap_or_else(|| panic!("{reference} resolves to nothing"));
        return statuses(fragment, target);
    }
    let mut found: Vec<u16> = ["oneOf", "anyOf", "allOf"]
        .iter()
        .filter_map(|key| schema.get(*key).and_then(Value::as_array))
        .flatten()
        .flat_map(|branch| statuses(fragment, branch))
        .collect();
    let properties = &schema["properties"];
    if !properties["error"].is_null() {
        found.extend(statuses(fragment, &properties["error"]));
    }
    let status = &properties["status"];
    let pinned = status.get("const").map(std::slice::from_ref).or_else(|| {
        status
            .get("enum")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
    });
    found.extend(
        pinned
            .unwrap_or_default()
            .iter()
            .filter_map(Value::as_u64)
            .filter_map(|status| u16::try_from(status).ok()),
    );
    found
}

/// What @readme/openapi-parser says of one document.
#[derive(Debug)]
pub struct Report {
    pub path: PathBuf,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    /// The document as the parser's own YAML reader (js-yaml) reads it, references unresolved.
    pub document: Value,
}

/// Validates each document (and whatever it references) with @readme/openapi-parser, in one
/// Node process.
pub fn validate(tools: &Tools, documents: &[PathBuf]) -> Vec<Report> {
    let run = Run::from(
        tools
            .script("tests/node/openapi-validate.mjs", &paths(documents))
            .output()
            .expect("node runs"),
    );
    assert_eq!(
        run.code,
        Some(0),
        "openapi-validate.mjs failed:\n{}",
        run.stderr
    );
    let reports: Vec<Value> = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "openapi-validate.mjs printed no JSON ({e}):\n{}",
            run.stdout
        )
    });
    assert_eq!(reports.len(), documents.len(), "one report per document");
    reports
        .iter()
        .map(|report| Report {
            path: PathBuf::from(report["path"].as_str().unwrap()),
            errors: strings(&report["errors"]),
            warnings: strings(&report["warnings"]),
            document: report["document"].clone(),
        })
        .collect()
}

/// One problem Redocly CLI reports.
#[derive(Debug)]
pub struct Problem {
    pub rule: String,
    pub severity: String,
    pub message: String,
    /// The file and JSON pointer of the problem's node.
    pub at: String,
}

/// Lints each document (and whatever it references) with `redocly lint`, under
/// `tests/openapi/redocly.yaml` (the recommended rules, warnings counted as errors), in one
/// process; the problems of each document, in order. Telemetry and update checks are off.
pub fn redocly_lint(tools: &Tools, documents: &[PathBuf]) -> Vec<Vec<Problem>> {
    let config = repo().join("tests/openapi/redocly.yaml");
    redocly_lint_in(tools, Redocly::Config(&config), documents)
}

/// Which configuration `redocly lint` reads.
pub enum Redocly<'a> {
    /// This file, given with `--config`.
    Config(&'a Path),
    /// The `redocly.yaml` in this folder, where Redocly runs, or its defaults when the folder
    /// has none (the `recommended` rules).
    Folder(&'a Path),
}

/// [`redocly_lint`] under another configuration.
pub fn redocly_lint_in(
    tools: &Tools,
    config: Redocly<'_>,
    documents: &[PathBuf],
) -> Vec<Vec<Problem>> {
    let mut command = tools.bin("@redocly/cli", "bin/cli.js");
    command.arg("lint");
    match config {
        Redocly::Config(file) => command.arg("--config").arg(file),
        Redocly::Folder(folder) => command.current_dir(folder),
    };
    let run = Run::from(
        command
            .arg("--format=json")
            .args(documents)
            .env("REDOCLY_TELEMETRY", "off")
            .env("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true")
            .output()
            .expect("node runs"),
    );
    // One JSON object per document, one after another, whatever the exit code says.
    let results: Vec<Value> = serde_json::Deserializer::from_str(&run.stdout)
        .into_iter::<Value>()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| {
            panic!(
                "redocly printed no JSON ({e}):\n{}\n{}",
                run.stdout, run.stderr
            )
        });
    assert_eq!(
        results.len(),
        documents.len(),
        "one result per document:\n{}",
        run.stderr
    );
    let lists: Vec<Vec<Problem>> = results
        .iter()
        .map(|result| {
            result["problems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|problem| {
                    let location = &problem["location"][0];
                    Problem {
                        rule: problem["ruleId"].as_str().unwrap_or_default().to_owned(),
                        severity: problem["severity"].as_str().unwrap_or_default().to_owned(),
                        message: problem["message"].as_str().unwrap_or_default().to_owned(),
                        at: format!(
                            "{}{}",
                            location["source"]["ref"].as_str().unwrap_or_default(),
                            location["pointer"].as_str().unwrap_or_default()
                        ),
                    }
                })
                .collect()
        })
        .collect();
    let clean = lists.iter().all(Vec::is_empty);
    assert_eq!(
        run.code == Some(0),
        clean,
        "redocly's exit code agrees with its problems:\n{}",
        run.stderr
    );
    lists
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} at {}: {}",
            self.severity, self.rule, self.at, self.message
        )
    }
}

/// Problems, one per line.
pub fn describe(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("{p}\n")).collect()
}

fn paths(documents: &[PathBuf]) -> Vec<&Path> {
    documents.iter().map(PathBuf::as_path).collect()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

/// The members of the TypeScript `enum` named `name` in `code`, as openapi-typescript writes
/// one: `    Name = 404,` or `    Name = "wire",` on a line of its own, with `//` comment lines
/// between; each value read as JSON.
pub fn enum_members<T: serde::de::DeserializeOwned>(code: &str, name: &str) -> Vec<(String, T)> {
    let body = code
        .split_once(&format!("export enum {name} {{\n"))
        .and_then(|(_, rest)| rest.split_once("\n}"))
        .unwrap_or_else(|| panic!("no enum {name} in:\n{code}"))
        .0;
    body.lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("//"))
        .map(|line| {
            let (member, value) = line
                .trim_end_matches(',')
                .split_once(" = ")
                .unwrap_or_else(|| panic!("not a member: {line:?} in:\n{body}"));
            let value = serde_json::from_str(value)
                .unwrap_or_else(|e| panic!("not a JSON value: {value:?} ({e}) in:\n{body}"));
            (member.to_owned(), value)
        })
        .collect()
}
