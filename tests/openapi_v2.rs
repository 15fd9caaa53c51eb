//! The OpenAPI fragment of format v2 as client generators and readers use it (issue 18): every
//! enum of wire codes names its members by the identifiers the Rust and TypeScript targets use
//! (`x-enum-varnames`, checked through openapi-typescript's `--enum` too) and documents them
//! (`x-enum-descriptions`), and every retryable response and code schema says so
//! (`x-retryable: true` and a sentence in its description).

use std::path::{Path, PathBuf};

use errspec::OpenApiVersion;
use serde_json::{Value, json};

use crate::format_v2::api_document;
use crate::support::node::node_tools_or_skip;
use crate::support::openapi;
use crate::support::{run_ok, spec_stem, v2_specs, write_if_changed};

const VERSIONS: [OpenApiVersion; 2] = [OpenApiVersion::V3_0, OpenApiVersion::V3_1];

/// The sentence a retryable response's (and a retryable code schema's) description ends with.
const RETRYABLE: &str = "Retryable: the same request may succeed if it is sent again later.";

/// A spec whose 503 has a retryable code and one that is not, which no fixture has: its
/// response is then not retryable as a whole, and says which of its codes is.
const MIXED: &str = "version: 2
api:
  name: Mixed
codes:
  - code: maintenance
    status: 503
    title: Under maintenance
    description: |-
      Down for planned maintenance.
      Back soon.
    retryable: true
  - code: retired
    status: 503
    title: Retired
    description: The endpoint is gone for good.
  - code: invalid
    status: 400
    title: Invalid
    description: The request is invalid.
";

/// One code as errspec's model reads it: what the fragment must say about it.
struct Code {
    wire: String,
    status: u16,
    title: String,
    description: String,
    retryable: bool,
    deprecated: bool,
    /// The identifier the TypeScript target names the code by (and the Rust target too,
    /// unless it is a Rust keyword).
    ident: String,
}

/// Every v2 spec's text, with a short name, and the mixed spec.
fn specs() -> Vec<(String, String)> {
    let mut specs: Vec<(String, String)> = v2_specs()
        .iter()
        .chain(&crate::support::problem_specs())
        .map(|path| (spec_stem(path), std::fs::read_to_string(path).unwrap()))
        .collect();
    specs.push(("mixed".to_owned(), MIXED.to_owned()));
    specs
}

fn codes(source: &str) -> Vec<Code> {
    let model: Value = serde_json::from_str(
        &errspec::model_json(source, &errspec::Options::new("s.yaml")).unwrap(),
    )
    .unwrap();
    model["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|code| Code {
            wire: code["code"].as_str().unwrap().to_owned(),
            status: u16::try_from(code["status"].as_u64().unwrap()).unwrap(),
            title: code["title"].as_str().unwrap().to_owned(),
            description: code["description"].as_str().unwrap().to_owned(),
            retryable: code["retryable"].as_bool().unwrap(),
            deprecated: !code["deprecated"].is_null(),
            ident: code["identifiers"]["typescript"]
                .as_str()
                .unwrap()
                .to_owned(),
        })
        .collect()
}

fn fragment(source: &str, version: OpenApiVersion) -> Value {
    let mut options = errspec::Options::new("s.yaml");
    options.targets = vec![errspec::Target::OpenApi];
    options.openapi_version = version;
    let text = errspec::render(source, &options)
        .unwrap()
        .remove(0)
        .contents;
    openapi::to_json(&openapi::parse(&text))
}

/// A description on one line, as a generator writes it into a `//` comment: its lines (split at
/// every line break that ends a JavaScript comment) trimmed and joined by a space, blank ones
/// dropped. Other whitespace, a tab say, stays.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A response's one media type: `application/json`, or `application/problem+json` for
/// problem details.
fn media(response: &Value) -> &Value {
    let content = response["content"].as_object().unwrap();
    assert_eq!(content.len(), 1, "one media type");
    content.values().next().unwrap()
}

/// The error of an example body: its `error`, or the problem details themselves.
fn error_of(body: &Value) -> &Value {
    body.get("error").unwrap_or(body)
}

/// The response of `status`: the one whose examples carry it.
fn response(doc: &Value, status: u16) -> &Value {
    doc["components"]["responses"]
        .as_object()
        .unwrap()
        .values()
        .find(|response| {
            let examples = media(response)["examples"].as_object().unwrap();
            error_of(&examples.values().next().unwrap()["value"])["status"] == status
        })
        .unwrap_or_else(|| panic!("no response for {status}"))
}

/// The schema a `$ref` in the fragment names.
fn resolve<'a>(doc: &'a Value, reference: &Value) -> &'a Value {
    let name = reference.as_str().unwrap();
    let name = name.trim_start_matches("#/components/schemas/");
    &doc["components"]["schemas"][name]
}

#[test]
fn every_enum_of_wire_codes_names_and_describes_its_members() {
    let mut enums = 0;
    for (name, source) in specs() {
        let codes = codes(&source);
        for version in VERSIONS {
            let doc = fragment(&source, version);
            let context = format!("{name} {version}");
            let mut statuses: Vec<u16> = codes.iter().map(|code| code.status).collect();
            statuses.dedup();
            for status in statuses {
                let of_status: Vec<&Code> =
                    codes.iter().filter(|code| code.status == status).collect();
                let schema = &media(response(&doc, status))["schema"];
                // errspec's body holds the error in `error`; problem details are the error.
                let body = resolve(&doc, &schema["$ref"]);
                let error = body["properties"].get("error").unwrap_or(body);
                // A catalog's status is the `oneOf` of its codes' schemas, each of which pins
                // its code; a plain spec's lists the status's codes in one enum.
                let pinned: Vec<(&Value, Vec<&Code>)> = match error.get("oneOf") {
                    Some(schemas) => schemas
                        .as_array()
                        .unwrap()
                        .iter()
                        .zip(&of_status)
                        .map(|(one, code)| {
                            (
                                &resolve(&doc, &one["$ref"])["properties"]["code"],
                                vec![*code],
                            )
                        })
                        .collect(),
                    None => vec![(&error["properties"]["code"], of_status.clone())],
                };
                for (code_schema, listed) in pinned {
                    let context = format!("{context}, status {status}");
                    if let Some(constant) = code_schema.get("const") {
                        // OpenAPI 3.1's one value is a `const`, which has no members to name.
                        assert_eq!(constant, &json!(listed[0].wire), "{context}");
                        assert_eq!(code_schema.get("x-enum-varnames"), None, "{context}");
                        continue;
                    }
                    enums += 1;
                    let wire: Vec<&str> = listed.iter().map(|code| code.wire.as_str()).collect();
                    let idents: Vec<&str> = listed.iter().map(|code| code.ident.as_str()).collect();
                    let descriptions: Vec<String> = listed
                        .iter()
                        .map(|code| one_line(&code.description))
                        .collect();
                    assert_eq!(code_schema["enum"], json!(wire), "{context}");
                    assert_eq!(code_schema["x-enum-varnames"], json!(idents), "{context}");
                    assert_eq!(
                        code_schema["x-enum-descriptions"],
                        json!(descriptions),
                        "{context}"
                    );
                }
            }
        }
    }
    assert!(enums > 0, "no spec has an enum of codes");
}

#[test]
fn retryable_responses_and_code_schemas_say_so() {
    let mut mixed_seen = false;
    for (name, source) in specs() {
        let codes = codes(&source);
        for version in VERSIONS {
            let doc = fragment(&source, version);
            let context = format!("{name} {version}");
            let mut statuses: Vec<u16> = codes.iter().map(|code| code.status).collect();
            statuses.dedup();
            for status in statuses {
                let of_status: Vec<&Code> =
                    codes.iter().filter(|code| code.status == status).collect();
                let response = response(&doc, status);
                let description = response["description"].as_str().unwrap();
                let all = of_status.iter().all(|code| code.retryable);
                let context = format!("{context}, status {status}");
                assert_eq!(
                    response.get("x-retryable"),
                    all.then_some(&json!(true)),
                    "{context}: x-retryable when every code of the status retries"
                );
                assert_eq!(
                    description.ends_with(&format!("\n\n{RETRYABLE}")),
                    all,
                    "{context}: {description}"
                );
                for code in &of_status {
                    let deprecated = if code.deprecated { ", deprecated" } else { "" };
                    let retryable = if code.retryable && !all {
                        ", retryable"
                    } else {
                        ""
                    };
                    let listed = format!("`{}` ({}{deprecated}{retryable})", code.wire, code.title);
                    assert!(
                        description.contains(&listed),
                        "{context}: {listed} in {description}"
                    );
                }
                mixed_seen |= !all && of_status.iter().any(|code| code.retryable);
            }
            // A catalog's code schemas say it too.
            for schema in doc["components"]["schemas"].as_object().unwrap().values() {
                // A code's own schema pins its code; the others hold none.
                let pinned = &schema["properties"]["code"];
                let Some(code) = pinned.get("const").or_else(|| pinned["enum"].get(0)) else {
                    continue;
                };
                let code = codes.iter().find(|c| json!(c.wire) == *code).unwrap();
                let description = schema["description"].as_str().unwrap();
                assert_eq!(
                    schema.get("x-retryable"),
                    code.retryable.then_some(&json!(true)),
                    "{context}: {}",
                    code.wire
                );
                assert_eq!(
                    description.ends_with(&format!("\n\n{RETRYABLE}")),
                    code.retryable,
                    "{context}: {description}"
                );
            }
        }
    }
    assert!(mixed_seen, "no status mixes retryable and other codes");
}

/// openapi-typescript, with `--enum`, on an API document that answers with every response of
/// each v2 fragment: each status's enum of codes has a member per code, named by the code's
/// identifier. (A catalog pins each code in a schema of its own, which openapi-typescript names
/// by the discriminator's mapping, a wire code, whatever the schema says: no enum to check.)
#[test]
fn a_client_generator_names_each_status_codes_by_the_identifiers() {
    let tools = node_tools_or_skip!();
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("openapi-v2-client");
    let mut checked = 0;
    // Problem details name no enum of a status's codes: each code's schema pins its own
    // (see `every_enum_of_wire_codes_names_and_describes_its_members`).
    let specs = specs()
        .into_iter()
        .filter(|(_, source)| !source.contains("envelope: problem"));
    for (name, source) in specs {
        let codes = codes(&source);
        for version in VERSIONS {
            let doc = fragment(&source, version);
            let folder: PathBuf = scratch.join(format!("{name}-{version}"));
            let mut options = errspec::Options::new("s.yaml");
            options.targets = vec![errspec::Target::OpenApi];
            options.openapi_version = version;
            let text = errspec::render(&source, &options)
                .unwrap()
                .remove(0)
                .contents;
            write_if_changed(&folder.join("error-codes.yaml"), &text);
            write_if_changed(&folder.join("api.yaml"), &api_document(&doc, version));
            let out = folder.join("client.ts");
            run_ok(
                tools
                    .openapi_typescript()
                    .arg(folder.join("api.yaml"))
                    .arg("--enum")
                    .arg("--output")
                    .arg(&out),
                &format!("openapi-typescript --enum on {name} {version}"),
            );
            let client = std::fs::read_to_string(&out).unwrap();
            for (schema_name, schema) in doc["components"]["schemas"].as_object().unwrap() {
                let code = &schema["properties"]["error"]["properties"]["code"];
                if code.get("enum").is_none() {
                    continue;
                }
                let want: Vec<(String, String)> = code["enum"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|wire| {
                        let code = codes.iter().find(|c| json!(c.wire) == *wire).unwrap();
                        (code.ident.clone(), code.wire.clone())
                    })
                    .collect();
                assert_eq!(
                    openapi::enum_members::<String>(&client, &format!("{schema_name}ErrorCode")),
                    want,
                    "{name} {version}: the members are the codes' identifiers, in order"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "no fragment has an enum of codes");
}
