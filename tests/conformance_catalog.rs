//! Cross-target conformance of format v2 catalogs, code by code: for every code of every v2
//! spec of the tests, with parameter values chosen to break an encoder (quotes, backslashes,
//! braces, line breaks, U+2028, emoji, `</script>`, integers up to 2^53 - 1, and numbers such
//! as 0.1, 1e21, 5e-324 and -0), the Rust constructor and the TypeScript `errorBody` build the
//! same JSON value; the OpenAPI schema of the code's status accepts it, in 3.0 and 3.1; and
//! clients in both languages read each language's body back unchanged.
//!
//! And the life cycle across versions: clients generated from an older spec read every body
//! that a newer spec's server code builds (codes added, optional parameters added, codes
//! deprecated), keeping its wire code and message, with the codes they do not know reported
//! as unknown, and the other way round.
//!
//! Bodies are compared as parsed JSON values, not bytes: `1e21` is `1e+21` to JavaScript and
//! `1e21` to serde_json, both the number 10^21. A whole number is an integer to both (`-0` is
//! `0`, `9007199254740991.0` is `9007199254740991`), and the comparison holds them to it,
//! since serde_json's `Value` tells an integer from a float.

use std::path::{Path, PathBuf};

use errspec::OpenApiVersion;
use serde_json::{Value, json};

use crate::catalog_rust;
use crate::catalog_typescript::{self, NEWER, OLDER, SpecCode, SpecV2, read_spec_file};
use crate::support::openapi::{self, BodySchema};
use crate::support::repo;

/// Strings an encoder or a template renderer gets wrong: JSON's and JavaScript's escapes,
/// template braces, HTML's `</script>`, line and paragraph separators, and text outside the
/// Basic Multilingual Plane.
const STRINGS: &[&str] = &[
    "plain",
    "a \"quoted\" value with a \\ backslash and a \\\" pair",
    "{limit} {{doubled}} }{ {",
    "line\nbreak\r\ttab \u{2028}\u{2029} \u{0}\u{1f}",
    "emoji 🚀👩‍👩‍👧, ünïcödé, שלום, 𝔘",
    "</script><script>alert(1)</script>",
    "",
    "${template} `tick` %s %d \\u0041",
];

/// Integers, to the largest one JavaScript holds exactly.
const INTEGERS: &[i64] = &[
    0,
    -1,
    42,
    9_007_199_254_740_991,
    -9_007_199_254_740_991,
    1_000_000,
];

/// Numbers whose text differs between languages: JavaScript's `String(n)` is the rule.
const NUMBERS: &[f64] = &[
    0.1,
    1e21,
    -0.0,
    1e-7,
    9_007_199_254_740_991.0,
    123.456,
    5e-324,
    -2.5,
    f64::MAX,
    100.0,
    0.000_001,
];

/// How many sets of values each code is built with: enough for every value of every list to
/// reach every parameter place.
const SETS: usize = 11;

/// The input line of the `set`th body of `code`, as `construct-v2.mjs` and the Rust harness
/// read it: parameter `index` takes the `(set + index)`th value of its type's list, and an
/// optional parameter is left out in one set of three.
fn line(code: &SpecCode, set: usize) -> Value {
    let mut params = serde_json::Map::new();
    for (index, param) in code.params.iter().enumerate() {
        let at = set + index;
        if param.optional && at.is_multiple_of(3) {
            continue;
        }
        let value = match param.kind.as_str() {
            "string" => json!(STRINGS[at % STRINGS.len()]),
            "integer" => json!(INTEGERS[at % INTEGERS.len()]),
            "number" => json!(NUMBERS[at % NUMBERS.len()]),
            "boolean" => json!(at.is_multiple_of(2)),
            other => panic!("type {other}"),
        };
        params.insert(param.name.clone(), value);
    }
    let mut line = json!({ "code": code.code, "params": params });
    if code.message.is_none() {
        line["message"] = json!(STRINGS[(set + 3) % STRINGS.len()]);
    }
    line
}

/// Every v2 spec of the tests with parameters or templates, and both versions of the evolving
/// API, each with its name in the TypeScript project. (A spec without either has no
/// constructor per code: `format_v2` holds its `ErrorBody::new` and `errorBody(code, message)`
/// to each other, code by code.)
fn specs() -> Vec<(String, PathBuf)> {
    catalog_rust::harness_specs()
        .into_iter()
        .filter(|path| !stem(path).starts_with("long_names") && stem(path) != "readme")
        .map(|path| (stem(&path), path))
        .collect()
}

/// The catalog example of the README ("A short tour"): its first `yaml` block that is a v2 spec,
/// and the `json` block after it, the body that both constructor calls it names build.
pub(crate) fn readme_example() -> (String, Value) {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let (_, rest) = readme
        .split_once("```yaml\nversion: 2\n")
        .expect("the README has a catalog example: a ```yaml block that starts with version: 2");
    let (spec, rest) = rest.split_once("\n```\n").unwrap();
    let (_, rest) = rest
        .split_once("```json\n")
        .expect("the README's catalog example is followed by the body it builds");
    let (body, _) = rest.split_once("\n```\n").unwrap();
    (format!("version: 2\n{spec}\n"), parsed(body))
}

/// The two versions of the evolving API (`OLDER`, `NEWER`) as problem details: each with
/// `envelope: problem` and a documentation URL for every code, named `older_problem` and
/// `newer_problem`.
pub(crate) fn problem_versions() -> [(String, String); 2] {
    [OLDER, NEWER].map(|(name, text)| {
        let problem = text.replacen(
            "  name: Shop\n",
            "  name: Shop\n  docs: https://docs.example.com/errors#{code}\n  envelope: problem\n",
            1,
        );
        assert_ne!(problem, text, "{name} names its API Shop");
        (format!("{name}_problem"), problem)
    })
}

/// The README's catalog example, written as the spec `readme.yaml` in the scratch folder.
pub(crate) fn readme_spec() -> (&'static str, String) {
    ("readme", readme_example().0)
}

#[test]
fn the_readmes_catalog_example_is_what_both_targets_build() {
    let (_, body) = readme_example();
    let path = catalog_rust::evolution_spec(("readme", &readme_spec().1));
    let line = json!({ "code": "quota_exceeded", "params": { "limit": 100, "window": "hour" } });
    let rust = catalog_rust::construct_texts(&path, std::slice::from_ref(&line));
    assert_eq!(
        parsed(&rust[0]),
        body,
        "ErrorBody::quota_exceeded(100, \"hour\", None)"
    );
    if let Some(typescript) = catalog_typescript::construct_texts("readme", &[line]) {
        assert_eq!(
            parsed(&typescript[0]),
            body,
            "errorBody(\"quota_exceeded\", ...)"
        );
    }
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// The JSON text `text`, parsed.
fn parsed(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// The OpenAPI fragment of `spec` in both versions, as JSON.
fn fragments(spec: &Path) -> Vec<(OpenApiVersion, Value)> {
    [OpenApiVersion::V3_0, OpenApiVersion::V3_1]
        .into_iter()
        .map(|version| {
            let text = openapi::fragment(spec, version);
            (version, openapi::to_json(&openapi::parse(&text)))
        })
        .collect()
}

/// The members of a problem details body that are not parameters.
const PROBLEM_MEMBERS: [&str; 6] = ["type", "title", "status", "detail", "instance", "code"];

/// The keys of a JSON object, in the order it sends them (a `Value`'s map sorts them).
pub(crate) struct Keys(pub(crate) Vec<String>);

impl<'de> serde::Deserialize<'de> for Keys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeysVisitor;
        impl<'de> serde::de::Visitor<'de> for KeysVisitor {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        deserializer.deserialize_map(KeysVisitor)
    }
}

/// The names in `error.params` of the errspec body `text`, in the order it sends them.
fn errspec_params_order(text: &str) -> Option<Vec<String>> {
    #[derive(serde::Deserialize)]
    struct Body {
        error: Detail,
    }
    #[derive(serde::Deserialize)]
    struct Detail {
        params: Option<Keys>,
    }
    let body: Body = serde_json::from_str(text).unwrap();
    body.error.params.map(|keys| keys.0)
}

/// A body of either envelope, as the parts every body has.
struct Parts {
    code: Value,
    status: Value,
    message: Value,
    /// The parameters, in the order sent; `None` for an errspec body without `params`.
    params: Option<Vec<(String, Value)>>,
}

/// The parts of the body `text`: errspec's `{"error": {...}}`, or problem details, whose
/// message is `detail` and whose parameters are the members beside the problem's own.
fn parts(text: &str) -> Parts {
    let body = parsed(text);
    if let Some(error) = body.get("error") {
        let params = errspec_params_order(text).map(|order| {
            order
                .into_iter()
                .map(|name| {
                    let value = error["params"][&name].clone();
                    (name, value)
                })
                .collect()
        });
        return Parts {
            code: error["code"].clone(),
            status: error["status"].clone(),
            message: error["message"].clone(),
            params,
        };
    }
    let params = serde_json::from_str::<Keys>(text)
        .unwrap()
        .0
        .into_iter()
        .filter(|key| !PROBLEM_MEMBERS.contains(&key.as_str()))
        .map(|key| {
            let value = body[&key].clone();
            (key, value)
        })
        .collect();
    Parts {
        code: body["code"].clone(),
        status: body["status"].clone(),
        message: body["detail"].clone(),
        params: Some(params),
    }
}

/// What the body `text` must say of its input line, whichever language built it and in either
/// envelope: the code, its status, the message given, and the parameters given, in spec order
/// (a number by value, `-0` as `0`).
fn assert_carries(text: &str, line: &Value, code: &SpecCode, context: &str) {
    let parts = parts(text);
    assert_eq!(parts.code, json!(code.code), "{context}");
    assert_eq!(parts.status, json!(code.status), "{context}");
    let given = line["params"].as_object().unwrap();
    let names: Vec<&String> = code
        .params
        .iter()
        .map(|param| &param.name)
        .filter(|name| given.contains_key(*name))
        .collect();
    let sent = parts.params.unwrap_or_default();
    let sent_names: Vec<&String> = sent.iter().map(|(name, _)| name).collect();
    assert_eq!(
        sent_names, names,
        "{context}: the parameters given, in spec order"
    );
    for (name, sent) in &sent {
        let given = &given[name];
        let same = match (sent.as_f64(), given.as_f64()) {
            (Some(sent), Some(given)) => sent == given,
            _ => sent == given,
        };
        assert!(same, "{context}: {name} sent as {sent}, given {given}");
    }
    if code.message.is_none() {
        assert_eq!(
            parts.message, line["message"],
            "{context}: the message given"
        );
    }
}

#[test]
fn every_constructor_builds_one_body_in_every_target() {
    for (name, path) in specs() {
        let spec = read_spec_file(&path);
        let lines: Vec<Value> = spec
            .codes
            .iter()
            .flat_map(|code| (0..SETS).map(|set| line(code, set)))
            .collect();
        let codes: Vec<&SpecCode> = spec
            .codes
            .iter()
            .flat_map(|code| std::iter::repeat_n(code, SETS))
            .collect();
        let rust = catalog_rust::construct_texts(&path, &lines);
        assert_eq!(rust.len(), lines.len(), "{name}: one Rust body per line");
        let fragments = fragments(&path);
        for ((text, line), code) in rust.iter().zip(&lines).zip(&codes) {
            let context = format!("{name}: Rust's body for {line}");
            assert_carries(text, line, code, &context);
            let body = parsed(text);
            for (version, fragment) in &fragments {
                let objections =
                    BodySchema::for_status(fragment, *version, code.status).objections(&body);
                assert_eq!(
                    objections,
                    Vec::<String>::new(),
                    "{context}, OpenAPI {version}"
                );
            }
        }
        read_back(&name, &path, &spec, &rust, "Rust");
        let Some(typescript) = catalog_typescript::construct_texts(&name, &lines) else {
            continue;
        };
        for (((rust, typescript), line), code) in
            rust.iter().zip(&typescript).zip(&lines).zip(&codes)
        {
            let context = format!("{name}: TypeScript's body for {line}");
            assert_carries(typescript, line, code, &context);
            assert_eq!(
                parsed(rust),
                parsed(typescript),
                "{name}: Rust's body (left) and TypeScript's (right) for {line}"
            );
        }
        read_back(&name, &path, &spec, &typescript, "TypeScript");
    }
}

/// Both languages' clients of `spec` read each of `bodies` (built by `builder` from the same
/// spec) as a body of its known code, and unchanged.
fn read_back(name: &str, path: &Path, spec: &SpecV2, bodies: &[String], builder: &str) {
    let rust = catalog_rust::read_bodies(path, bodies);
    for (read, body) in rust.iter().zip(bodies) {
        let context = format!("{name}: a Rust client reading {builder}'s {body}");
        assert_eq!(read.get("error"), None, "{context}");
        assert_eq!(read["code"], parts(body).code, "{context}");
        assert!(!read["known"].is_null(), "{context}: its code's parameters");
        assert_eq!(
            parsed(read["text"].as_str().unwrap()),
            parsed(body),
            "{context}"
        );
    }
    let Some(typescript) = catalog_typescript::read_bodies(name, bodies) else {
        return;
    };
    for (read, body) in typescript.iter().zip(bodies) {
        let sent = parts(body);
        let code = sent.code.as_str().unwrap();
        assert!(spec.codes.iter().any(|c| c.code == code));
        let want = json!({ "body": true, "known": true, "code": code, "message": sent.message });
        assert_eq!(
            read, &want,
            "{name}: a TypeScript client reading {builder}'s {body}"
        );
    }
}

#[test]
fn clients_of_each_version_read_what_the_other_versions_servers_send() {
    let errspec = [OLDER, NEWER].map(catalog_rust::evolution_spec);
    let problem = catalog_rust::problem_evolution_specs();
    for [older, newer] in [errspec, [problem[0].clone(), problem[1].clone()]] {
        clients_read_other_versions(&older, &newer);
    }
}

/// Clients of `older` read what servers of `newer` send, and the other way round, in both
/// languages: each body kept, its code known or reported as unknown.
fn clients_read_other_versions(older: &Path, newer: &Path) {
    for (server, client) in [(newer, older), (older, newer)] {
        let (server_name, client_name) = (stem(server), stem(client));
        let server_spec = read_spec_file(server);
        let client_spec = read_spec_file(client);
        let lines: Vec<Value> = server_spec
            .codes
            .iter()
            .flat_map(|code| (0..SETS).map(|set| line(code, set)))
            .collect();
        let mut bodies = catalog_rust::construct_texts(server, &lines);
        if let Some(typescript) = catalog_typescript::construct_texts(&server_name, &lines) {
            bodies.extend(typescript);
        }
        for (read, body) in catalog_rust::read_bodies(client, &bodies)
            .iter()
            .zip(&bodies)
        {
            let context = format!(
                "a Rust client of the {client_name} spec reading the {server_name} server's {body}"
            );
            let sent = parsed(body);
            let sent_parts = parts(body);
            let code = sent_parts.code.as_str().unwrap();
            let known = client_spec.codes.iter().any(|c| c.code == code);
            assert_eq!(read.get("error"), None, "{context}");
            assert_eq!(
                read["code"],
                if known { json!(code) } else { Value::Null },
                "{context}"
            );
            assert_eq!(read["known"].is_null(), !known, "{context}");
            let fields = &read["fields"];
            assert_eq!(fields["code"], json!(code), "{context}: the wire code kept");
            let message = fields.get("message").unwrap_or(&fields["detail"]);
            assert_eq!(message, &sent_parts.message, "{context}");
            assert_eq!(
                parsed(read["text"].as_str().unwrap()),
                sent,
                "{context}: unchanged"
            );
        }
        let Some(reads) = catalog_typescript::read_bodies(&client_name, &bodies) else {
            continue;
        };
        for (read, body) in reads.iter().zip(&bodies) {
            let sent = parts(body);
            let code = sent.code.as_str().unwrap();
            let known = client_spec.codes.iter().any(|c| c.code == code);
            let want = json!({
                "body": true,
                "known": known,
                "code": if known { json!(code) } else { Value::Null },
                "message": sent.message,
            });
            assert_eq!(
                read, &want,
                "a TypeScript client of the {client_name} spec reading the {server_name} server's {body}"
            );
        }
    }
}
