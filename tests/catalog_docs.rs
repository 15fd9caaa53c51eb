//! The OpenAPI fragment and the Markdown page of catalogs: format v2 specs whose codes have
//! parameters, message templates and deprecations, and that reserve codes (issues 12 and 15).
//!
//! The spec is read by the test itself, straight from the YAML. The fragment is held to it as
//! data: each code's schema, its `params` (types, required list, descriptions), its
//! deprecation, under a real JSON Schema validator (the `jsonschema` crate, draft 2020-12 for
//! 3.1 and draft 4 for 3.0) that accepts every example and refuses a mistyped or missing
//! parameter, and under @readme/openapi-parser, `redocly lint` and prettier. The page is read
//! through a CommonMark parser with GitHub's tables (pulldown-cmark): every template, parameter
//! and deprecation shows the spec's text as written, and every link lands on an anchor.
//! Besides the fixtures, a spec of hostile text, made here, goes through every check.

use std::collections::BTreeSet;
use std::path::Path;

use errspec::OpenApiVersion;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::{Value, json};
use serde_yaml::Value as Yaml;

use crate::support::markdown::{Table, normalize, shown, tables};
use crate::support::node::node_tools_or_skip;
use crate::support::openapi::{self, BodySchema};
use crate::support::{repo, run_ok, v2_specs, write_if_changed};

const VERSIONS: [OpenApiVersion; 2] = [OpenApiVersion::V3_0, OpenApiVersion::V3_1];

// ------------------------------------------------------------------- the specs, as written

/// One parameter as the spec writes it.
#[derive(Debug, Clone)]
struct Param {
    name: String,
    kind: String,
    description: String,
    optional: bool,
}

/// One code as the spec writes it.
#[derive(Debug, Clone)]
struct Code {
    code: String,
    status: u16,
    title: String,
    description: String,
    message: Option<String>,
    params: Vec<Param>,
    deprecated: Option<String>,
    replaced_by: Option<String>,
}

impl Code {
    /// Whether the page gives the code a section: a template or parameters to show.
    fn has_section(&self) -> bool {
        self.message.is_some() || !self.params.is_empty()
    }
}

/// A format v2 spec as it is written, with what a catalog adds.
#[derive(Debug, Clone)]
struct Catalog {
    /// For messages: the fixture's path, or `hostile (made here)`.
    name: String,
    source: String,
    error_name: String,
    codes: Vec<Code>,
    reserved: Vec<String>,
}

impl Catalog {
    fn read(name: &str, source: &str) -> Self {
        let doc: Yaml = serde_yaml::from_str(source).unwrap();
        let text = |value: &Yaml| value.as_str().map(str::to_owned);
        let codes = doc["codes"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|code| Code {
                code: text(&code["code"]).unwrap(),
                status: u16::try_from(code["status"].as_u64().unwrap()).unwrap(),
                title: text(&code["title"]).unwrap(),
                description: text(&code["description"]).unwrap(),
                message: text(&code["message"]),
                params: code["params"]
                    .as_mapping()
                    .map(|params| {
                        params
                            .iter()
                            .map(|(name, param)| Param {
                                name: text(name).unwrap(),
                                kind: text(&param["type"]).unwrap(),
                                description: text(&param["description"]).unwrap(),
                                optional: param["optional"].as_bool().unwrap_or(false),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                deprecated: text(&code["deprecated"]),
                replaced_by: text(&code["replaced_by"]),
            })
            .collect();
        Catalog {
            name: name.to_owned(),
            source: source.to_owned(),
            error_name: doc["api"]["error_name"]
                .as_str()
                .unwrap_or("Error")
                .to_owned(),
            codes,
            reserved: doc["reserved"]
                .as_sequence()
                .map(|codes| codes.iter().map(|code| text(code).unwrap()).collect())
                .unwrap_or_default(),
        }
    }

    fn from_file(path: &Path) -> Self {
        let name = crate::support::spec_name(path);
        Self::read(&name, &std::fs::read_to_string(path).unwrap())
    }

    /// Whether the spec uses anything a catalog adds.
    fn is_catalog(&self) -> bool {
        self.codes.iter().any(|code| {
            code.has_section() || code.deprecated.is_some() || code.replaced_by.is_some()
        })
    }

    fn code(&self, wire: &str) -> &Code {
        self.codes.iter().find(|code| code.code == wire).unwrap()
    }

    /// The target's file, rendered from the spec's text.
    fn render(&self, target: errspec::Target, version: OpenApiVersion) -> String {
        let mut options = errspec::Options::new(self.name.as_str());
        options.targets = vec![target];
        options.openapi_version = version;
        errspec::render(&self.source, &options)
            .unwrap_or_else(|e| panic!("{} is invalid:\n{e}", self.name))
            .remove(0)
            .contents
    }

    /// The OpenAPI fragment, parsed back.
    fn fragment(&self, version: OpenApiVersion) -> Value {
        let text = self.render(errspec::Target::OpenApi, version);
        openapi::to_json(&openapi::parse(&text))
    }

    fn page(&self) -> String {
        self.render(errspec::Target::Markdown, OpenApiVersion::V3_1)
    }
}

/// A catalog of hostile text: Markdown, HTML, YAML and JSON syntax, quotes and backslashes,
/// braces, line breaks, tabs, invisible and right-to-left characters, in titles, templates,
/// parameter descriptions and deprecation reasons; a template padded with spaces and one that
/// starts and ends with a backtick; a title that ends in `#`.
fn hostile() -> Catalog {
    let text = "| pipe *em* _u_ `tick` ``two`` <b>html</b> &amp; [link](#x) \\ back \"q\" 'a' \
                {{braces}} </script> # hash\n1. list\n- item\t\ttab \u{202E}rtl\u{202C} \
                \u{200B}zw ünï 🚀 שלום\u{2028}sep";
    let spec = json!({
        "version": 2,
        "api": { "name": "Hostile catalog", "error_name": "Err\"or </b>" },
        "codes": [
            {
                "code": "hostile_one",
                "status": 400,
                "title": "Title | with *stars* and a closing #",
                "description": text,
                "message": format!(
                    "{{{{ \"q\" }}}} `tick` ``two`` <br> | *em* [l](#x) \\ {{p_string}}\n\
                     next\t\ttab \u{202E}rtl {{p_int}} &amp; # {{p_num}} {{p_bool}} </script>"
                ),
                "params": {
                    "p_string": { "type": "string", "description": text },
                    "p_int": { "type": "integer", "description": "An *integer* | `x`." },
                    "p_num": { "type": "number", "description": "A number, e.g. `1.5`." },
                    "p_bool": { "type": "boolean", "description": "<i>a</i>\nboolean" },
                    "p_opt": {
                        "type": "string",
                        "description": "For example: \"a 'b' \\ c <d> ü\" and more.",
                        "optional": true,
                    },
                    "null": { "type": "string", "description": "A YAML word.", "optional": true },
                },
            },
            {
                "code": "hostile.two",
                "status": 400,
                "title": "Deprecated *one*",
                "description": "Gone\nsoon.",
                "deprecated": text,
                "replaced_by": "hostile_one",
                "message": "  padded {{ and }} spaces  ",
            },
            {
                "code": "hostile-three",
                "status": 422,
                "title": "Backticks",
                "description": "A template between backticks.",
                "message": "`{a}`",
                "params": { "a": { "type": "string", "description": "e.g. `` ` ``" } },
            },
            {
                "code": "plain",
                "status": 500,
                "title": "Plain",
                "description": "Nothing a catalog adds.",
            },
        ],
        "reserved": ["old.one", "old-two"],
    });
    let source = serde_yaml::to_string(&spec).unwrap();
    Catalog::read("hostile (made here)", &source)
}

/// The fixtures that are catalogs, and the hostile one.
fn catalogs() -> Vec<Catalog> {
    let mut catalogs: Vec<Catalog> = v2_specs()
        .iter()
        .map(|path| Catalog::from_file(path))
        .filter(Catalog::is_catalog)
        .collect();
    let names: Vec<&str> = catalogs.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "tests/fixtures/specs_v2/catalog.yaml",
            "tests/fixtures/specs_v2/params_edge.yaml"
        ]
    );
    catalogs.push(hostile());
    catalogs
}

/// The v2 specs that use nothing a catalog adds.
fn plain_specs() -> Vec<Catalog> {
    let plain: Vec<Catalog> = v2_specs()
        .iter()
        .map(|path| Catalog::from_file(path))
        .filter(|spec| !spec.is_catalog() && spec.reserved.is_empty())
        .collect();
    assert!(
        plain.len() >= 4,
        "payments, edge, hostile and the gRPC example"
    );
    plain
}

/// The message of `code`'s example: its template with each value written as text (strings as
/// they are, `1`, `1.5`, `true`), read here from the spec's text; its title without one.
fn expected_message(code: &Code, params: &Value) -> String {
    let Some(template) = &code.message else {
        return code.title.clone();
    };
    let mut out = String::new();
    let mut rest = template.as_str();
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        let close = tail.find('}').unwrap();
        let value = &params[&tail[1..close]];
        match value {
            Value::String(text) => out.push_str(text),
            Value::Number(number) if number.is_f64() => {
                assert_eq!(number.as_f64(), Some(1.5));
                out.push_str("1.5");
            }
            other => out.push_str(&other.to_string()),
        }
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The example values of string parameters that the description gives (after "e.g." or "for
/// example", quoted) or that say RFC 3339; every other string's example is `<name>`.
const STRING_EXAMPLES: &[(&str, &str)] = &[
    ("window", "hour"),
    ("resets_at", "2026-01-01T00:00:00Z"),
    ("param", "amount"),
    ("decline_code", "insufficient_funds"),
    ("until", "2026-01-01T00:00:00Z"),
    ("p_opt", "a 'b' \\ c <d> ü"),
    ("a", "<a>"), // params_edge's `a` and hostile's `a`, whose e.g. gives an empty span
];

fn expected_value(param: &Param) -> Value {
    match param.kind.as_str() {
        "integer" => json!(1),
        "number" => json!(1.5),
        "boolean" => json!(true),
        _ => {
            let given = STRING_EXAMPLES
                .iter()
                .find(|(name, _)| *name == param.name)
                .map(|(_, value)| (*value).to_owned());
            json!(given.unwrap_or_else(|| format!("<{}>", param.name)))
        }
    }
}

// ------------------------------------------------------------------------------- OpenAPI

/// The fragment's examples: each code's example body, by code.
fn examples(fragment: &Value) -> Vec<(String, Value)> {
    let mut found = Vec::new();
    for response in fragment["components"]["responses"]
        .as_object()
        .unwrap()
        .values()
    {
        for example in response["content"]["application/json"]["examples"]
            .as_object()
            .unwrap()
            .values()
        {
            let body = example["value"].clone();
            found.push((body["error"]["code"].as_str().unwrap().to_owned(), body));
        }
    }
    found
}

/// A code's own schema: the one its status's body names for it in the discriminator's
/// mapping; its name and the schema.
fn code_schema<'a>(fragment: &'a Value, code: &Code) -> (String, &'a Value) {
    let body = openapi::status_schema_name(fragment, code.status);
    let error = &fragment["components"]["schemas"][&body]["properties"]["error"];
    let reference = error["discriminator"]["mapping"][&code.code]
        .as_str()
        .unwrap_or_else(|| panic!("{body} maps no schema to {}", code.code));
    let name = reference.strip_prefix("#/components/schemas/").unwrap();
    (name.to_owned(), &fragment["components"]["schemas"][name])
}

/// The value a schema pins a member to: its `const` (3.1) or its one-value `enum` (3.0).
fn pinned(schema: &Value, version: OpenApiVersion) -> &Value {
    match version {
        OpenApiVersion::V3_0 => {
            assert!(schema.get("const").is_none(), "no `const` in 3.0");
            let values = schema["enum"].as_array().unwrap();
            assert_eq!(values.len(), 1, "{schema}");
            &values[0]
        }
        _ => {
            assert!(schema.get("enum").is_none(), "`const` in 3.1");
            &schema["const"]
        }
    }
}

#[test]
fn the_schema_of_a_status_is_found_for_every_status_of_every_spec() {
    for path in crate::support::valid_specs().iter().chain(&v2_specs()) {
        let source = std::fs::read_to_string(path).unwrap();
        let doc: Yaml = serde_yaml::from_str(&source).unwrap();
        for version in VERSIONS {
            let fragment = openapi::to_json(&openapi::parse(&openapi::fragment(path, version)));
            for code in doc["codes"].as_sequence().unwrap() {
                let status = u16::try_from(code["status"].as_u64().unwrap()).unwrap();
                if status < 400 {
                    continue;
                }
                let name = openapi::status_schema_name(&fragment, status);
                let expected = if doc["version"].as_u64() == Some(2) {
                    let response = fragment["components"]["responses"]
                        .as_object()
                        .unwrap()
                        .values()
                        .find(|response| {
                            response["content"]["application/json"]["examples"]
                                .as_object()
                                .unwrap()
                                .values()
                                .any(|example| example["value"]["error"]["status"] == status)
                        })
                        .unwrap();
                    let reference = &response["content"]["application/json"]["schema"]["$ref"];
                    reference.as_str().unwrap()["#/components/schemas/".len()..].to_owned()
                } else {
                    "ErrorBody".to_owned()
                };
                assert_eq!(name, expected, "{} {version}: {status}", path.display());
            }
        }
    }
}

#[test]
fn every_example_validates_against_its_status_schema_and_error_body() {
    for catalog in catalogs().into_iter().chain(plain_specs()) {
        for version in VERSIONS {
            let fragment = catalog.fragment(version);
            let any_body = BodySchema::new(&fragment, version);
            let found = examples(&fragment);
            assert_eq!(found.len(), catalog.codes.len(), "{}", catalog.name);
            for (wire, body) in found {
                let context = format!("{} {version}: {wire}", catalog.name);
                let status = catalog.code(&wire).status;
                let schema = BodySchema::for_status(&fragment, version, status);
                assert_eq!(schema.objections(&body), Vec::<String>::new(), "{context}");
                assert_eq!(
                    any_body.objections(&body),
                    Vec::<String>::new(),
                    "{context}"
                );
            }
        }
    }
}

#[test]
fn each_code_of_a_catalog_has_a_schema_with_its_params() {
    for catalog in catalogs() {
        for version in VERSIONS {
            let fragment = catalog.fragment(version);
            let schemas = &fragment["components"]["schemas"];
            let mut names = BTreeSet::new();
            for code in &catalog.codes {
                let context = format!("{} {version}: {}", catalog.name, code.code);
                let (name, schema) = code_schema(&fragment, code);
                assert!(names.insert(name.clone()), "{context}: {name} twice");
                assert!(
                    name.ends_with("Detail") && name != "ErrorDetail",
                    "{context}"
                );
                assert_eq!(schema["title"], code.title, "{context}");
                // A retryable code's schema says so after its description (see `openapi_v2`).
                let description = schema["description"].as_str().unwrap();
                let description = description
                    .strip_suffix(
                        "\n\nRetryable: the same request may succeed if it is sent again later.",
                    )
                    .unwrap_or(description);
                assert!(
                    description.ends_with(&code.description),
                    "{context}: the description"
                );
                let properties = &schema["properties"];
                assert_eq!(pinned(&properties["code"], version), &json!(code.code));
                assert_eq!(pinned(&properties["status"], version), &json!(code.status));
                assert_eq!(
                    pinned(&properties["name"], version),
                    &json!(catalog.error_name)
                );
                assert_eq!(properties["message"]["type"], "string", "{context}");
                let mut required = vec!["name", "status", "code", "message"];
                if code.params.iter().any(|param| !param.optional) {
                    required.push("params");
                }
                assert_eq!(schema["required"], json!(required), "{context}");
                // Open, as every schema of the fragment is, to members added later.
                assert!(schema.get("additionalProperties").is_none(), "{context}");
                if let Some(template) = &code.message {
                    let described = properties["message"]["description"].as_str().unwrap();
                    let has_placeholder =
                        template.replace("{{", "").replace("}}", "").contains('{');
                    if has_placeholder {
                        assert!(described.contains(template.as_str()), "{context}");
                    } else {
                        let message = template.replace("{{", "{").replace("}}", "}");
                        assert!(described.contains(&message), "{context}: {described}");
                    }
                } else {
                    assert!(properties["message"].get("description").is_none());
                }
                let params = &properties["params"];
                if code.params.is_empty() {
                    // Undescribed, so a newer server may send parameters the code lacks now.
                    assert!(params.is_null(), "{context}: no params");
                    continue;
                }
                assert_eq!(params["type"], "object", "{context}");
                assert!(params.get("additionalProperties").is_none(), "{context}");
                let names: Vec<&String> =
                    params["properties"].as_object().unwrap().keys().collect();
                let declared: BTreeSet<&String> = code.params.iter().map(|p| &p.name).collect();
                assert_eq!(
                    names.into_iter().collect::<BTreeSet<_>>(),
                    declared,
                    "{context}"
                );
                let required: Vec<&str> = code
                    .params
                    .iter()
                    .filter(|param| !param.optional)
                    .map(|param| param.name.as_str())
                    .collect();
                if required.is_empty() {
                    // Draft 4, which 3.0 extends, refuses an empty `required`.
                    assert!(params.get("required").is_none(), "{context}");
                } else {
                    assert_eq!(params["required"], json!(required), "{context}");
                }
                for param in &code.params {
                    let schema = &params["properties"][&param.name];
                    assert_eq!(schema["type"], param.kind, "{context}: {}", param.name);
                    assert_eq!(schema["description"], param.description, "{context}");
                    let format = match param.kind.as_str() {
                        "integer" => json!("int64"),
                        "number" => json!("double"),
                        _ => Value::Null,
                    };
                    assert_eq!(schema["format"], format, "{context}: {}", param.name);
                }
            }
            // Each status's body is the `oneOf` of its codes' schemas, which its
            // discriminator maps by code: in spec order, nothing else.
            for status in catalog.codes.iter().map(|code| code.status) {
                let body = openapi::status_schema_name(&fragment, status);
                let error = &schemas[&body]["properties"]["error"];
                let refs: Vec<&Value> = error["oneOf"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|branch| &branch["$ref"])
                    .collect();
                let codes: Vec<&Code> = catalog
                    .codes
                    .iter()
                    .filter(|c| c.status == status)
                    .collect();
                let mapping = error["discriminator"]["mapping"].as_object().unwrap();
                assert_eq!(error["discriminator"]["propertyName"], "code");
                assert_eq!(mapping.len(), codes.len(), "{}", catalog.name);
                for (reference, code) in refs.iter().zip(&codes) {
                    assert_eq!(**reference, mapping[&code.code], "{}", catalog.name);
                }
                assert_eq!(refs.len(), codes.len());
            }
            // Every body's `params`, in `ErrorDetail`, is an object of any members.
            let params = &schemas["ErrorDetail"]["properties"]["params"];
            let any_params = catalog.codes.iter().any(|code| !code.params.is_empty());
            assert_eq!(!params.is_null(), any_params, "{}", catalog.name);
        }
    }
}

#[test]
fn the_params_schemas_refuse_a_mistyped_or_missing_param_and_accept_an_added_one() {
    // A value of each type; each is wrong for a parameter of another type, except that an
    // integer is also a number.
    let values: [(&str, Value); 4] = [
        ("string", json!("7")),
        ("integer", json!(7)),
        ("number", json!(1.5)),
        ("boolean", json!(true)),
    ];
    for catalog in catalogs() {
        for version in VERSIONS {
            let fragment = catalog.fragment(version);
            for (wire, body) in examples(&fragment) {
                let code = catalog.code(&wire);
                let schema = BodySchema::for_status(&fragment, version, code.status);
                let context = format!("{} {version}: {wire}", catalog.name);
                assert!(schema.objections(&body).is_empty(), "{context}");
                let refused = |tampered: &Value, what: &str| {
                    assert!(
                        !schema.objections(tampered).is_empty(),
                        "{context}: accepts {what}: {tampered}"
                    );
                };
                for param in &code.params {
                    for (kind, value) in &values {
                        if *kind == param.kind
                            || (*kind, param.kind.as_str()) == ("integer", "number")
                        {
                            let mut accepted = body.clone();
                            accepted["error"]["params"][&param.name] = value.clone();
                            assert!(schema.objections(&accepted).is_empty(), "{context}");
                            continue;
                        }
                        let mut tampered = body.clone();
                        tampered["error"]["params"][&param.name] = value.clone();
                        refused(&tampered, &format!("a {kind} for {}", param.name));
                    }
                    let mut tampered = body.clone();
                    tampered["error"]["params"]
                        .as_object_mut()
                        .unwrap()
                        .remove(&param.name);
                    if param.optional {
                        assert!(schema.objections(&tampered).is_empty(), "{context}");
                    } else {
                        refused(&tampered, &format!("no {}", param.name));
                    }
                }
                let mut without = body.clone();
                without["error"].as_object_mut().unwrap().remove("params");
                if code.params.iter().any(|param| !param.optional) {
                    refused(&without, "no params");
                } else {
                    assert!(schema.objections(&without).is_empty(), "{context}");
                }
                // A newer server may add a parameter, to a code with or without parameters.
                let mut added = body.clone();
                added["error"]["params"]["added_later"] = json!({"any": ["thing"]});
                assert_eq!(schema.objections(&added), Vec::<String>::new(), "{context}");
                // A parameter is not a body's member, nor the code another status's.
                let mut not_object = body.clone();
                not_object["error"]["params"] = json!(["a"]);
                if !code.params.is_empty() {
                    refused(&not_object, "params as an array");
                }
                let mut other = body.clone();
                other["error"]["code"] = json!("added.later");
                refused(&other, "a code the status does not send");
            }
        }
    }
}

#[test]
fn each_example_carries_values_of_its_params_and_the_message_they_make() {
    for catalog in catalogs() {
        for version in VERSIONS {
            let fragment = catalog.fragment(version);
            for (wire, body) in examples(&fragment) {
                let code = catalog.code(&wire);
                let context = format!("{} {version}: {wire}", catalog.name);
                let error = &body["error"];
                if code.params.is_empty() {
                    assert!(error.get("params").is_none(), "{context}");
                } else {
                    // Every parameter, optional ones too, in spec order.
                    let params = error["params"].as_object().unwrap();
                    let names: Vec<&String> = params.keys().collect();
                    let mut declared: Vec<&String> = code.params.iter().map(|p| &p.name).collect();
                    declared.sort(); // the parsed document's maps are sorted
                    assert_eq!(names, declared, "{context}");
                    for param in &code.params {
                        assert_eq!(params[&param.name], expected_value(param), "{context}");
                    }
                }
                let message = expected_message(code, &error["params"]);
                assert_eq!(error["message"], message, "{context}");
            }
        }
    }
}

#[test]
fn deprecated_marks_are_on_the_deprecated_codes_only() {
    for catalog in catalogs().into_iter().chain(plain_specs()) {
        for version in VERSIONS {
            let fragment = catalog.fragment(version);
            let mut marked = Vec::new();
            find_key(&fragment, "deprecated", "", &mut marked);
            let mut expected = Vec::new();
            for code in catalog
                .codes
                .iter()
                .filter(|code| code.deprecated.is_some())
            {
                let (name, schema) = code_schema(&fragment, code);
                expected.push(format!("/components/schemas/{name}"));
                assert_eq!(schema["deprecated"], true);
                let description = schema["description"].as_str().unwrap();
                let reason = code.deprecated.as_deref().unwrap();
                assert!(description.contains(reason), "{}: the reason", catalog.name);
                if let Some(replacement) = &code.replaced_by {
                    assert!(
                        description.contains(&format!("Replaced by `{replacement}`.")),
                        "{}: {description}",
                        catalog.name
                    );
                }
                let response = &fragment["components"]["responses"]
                    [openapi::status_schema_name(&fragment, code.status).trim_end_matches("Body")];
                let summary =
                    response["content"]["application/json"]["examples"][&code.code]["summary"]
                        .as_str()
                        .unwrap();
                assert_eq!(summary, format!("{} (deprecated)", code.title));
            }
            expected.sort();
            marked.sort();
            assert_eq!(marked, expected, "{} {version}", catalog.name);
        }
    }
}

/// The JSON pointer of every object under `value` that has `key`.
fn find_key(value: &Value, key: &str, at: &str, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if map.contains_key(key) {
                found.push(at.to_owned());
            }
            for (name, child) in map {
                let escaped = name.replace('~', "~0").replace('/', "~1");
                find_key(child, key, &format!("{at}/{escaped}"), found);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                find_key(item, key, &format!("{at}/{index}"), found);
            }
        }
        _ => {}
    }
}

#[test]
fn reserved_codes_are_named_in_the_codes_description() {
    let fixed = "The error's code, which tells errors with the same status apart. A newer version \
                 of the API may add codes, so clients should accept a code they do not know as \
                 an error of its status.";
    for catalog in catalogs().into_iter().chain(plain_specs()) {
        for version in VERSIONS {
            let fragment = catalog.fragment(version);
            let code = &fragment["components"]["schemas"]["ErrorDetail"]["properties"]["code"];
            let description = code["description"].as_str().unwrap();
            if catalog.reserved.is_empty() {
                assert_eq!(description, fixed, "{}", catalog.name);
                continue;
            }
            let listed: Vec<String> = catalog.reserved.iter().map(|c| format!("`{c}`")).collect();
            assert_eq!(
                description,
                format!(
                    "{fixed} These codes are retired for good, and no version of the API sends \
                     them again: {}.",
                    listed.join(", ")
                ),
                "{}",
                catalog.name
            );
            // Named, not refused: any code is an `ErrorBody`.
            let schema = BodySchema::new(&fragment, version);
            for reserved in &catalog.reserved {
                let body = json!({"error": {"name": catalog.error_name, "status": 400,
                    "code": reserved, "message": "m"}});
                assert!(schema.objections(&body).is_empty(), "{}", catalog.name);
            }
        }
    }
}

#[test]
fn plain_v2_specs_get_none_of_a_catalogs_schemas() {
    for spec in plain_specs() {
        for version in VERSIONS {
            let fragment = spec.fragment(version);
            for key in ["oneOf", "discriminator", "params", "deprecated", "title"] {
                let mut found = Vec::new();
                find_key(&fragment["components"], key, "", &mut found);
                assert!(
                    found.is_empty(),
                    "{} {version}: {key} at {found:?}",
                    spec.name
                );
            }
        }
    }
}

#[test]
fn catalog_fragments_use_only_their_versions_keywords() {
    for catalog in catalogs() {
        for version in VERSIONS {
            let fragment = catalog.fragment(version);
            let foreign: &[&str] = match version {
                OpenApiVersion::V3_0 => &["const", "examples", "$schema"],
                _ => &["example", "nullable"],
            };
            for key in foreign {
                let mut found = Vec::new();
                find_key(&fragment["components"]["schemas"], key, "", &mut found);
                // `examples` as a property name would be fine, but no parameter is named so.
                assert!(
                    found.is_empty(),
                    "{} {version}: {key} at {found:?}",
                    catalog.name
                );
            }
            let mut typed = Vec::new();
            find_key(&fragment["components"]["schemas"], "type", "", &mut typed);
            for at in typed {
                let kind = &fragment["components"]["schemas"].pointer(&at).unwrap()["type"];
                if !kind.is_string() {
                    // A parameter named `type`, under `properties`, is a schema, not a keyword.
                    assert!(
                        kind.is_object(),
                        "{} {version}: a type array at {at}",
                        catalog.name
                    );
                }
            }
        }
    }
}

#[test]
fn every_string_of_the_hostile_catalog_is_in_the_fragment_exactly() {
    let catalog = hostile();
    for version in VERSIONS {
        let text = catalog.render(errspec::Target::OpenApi, version);
        for line in text.lines().filter(|line| !line.starts_with('#')) {
            assert!(
                !line.contains(['\u{202E}', '\u{200B}', '\u{2028}', '\t']),
                "{version}: an invisible character written raw: {line:?}"
            );
        }
        let fragment = catalog.fragment(version);
        for code in &catalog.codes {
            let (_, schema) = code_schema(&fragment, code);
            let context = format!("{version}: {}", code.code);
            assert_eq!(schema["title"], code.title, "{context}");
            let description = schema["description"].as_str().unwrap();
            match &code.deprecated {
                Some(reason) => assert_eq!(
                    description,
                    format!(
                        "Deprecated: {reason} Replaced by `{}`.\n\n{}",
                        code.replaced_by.as_deref().unwrap(),
                        code.description
                    ),
                    "{context}"
                ),
                None => assert_eq!(description, code.description, "{context}"),
            }
            let message = &schema["properties"]["message"]["description"];
            match &code.message {
                Some(template) if template.contains("{a}") || template.contains("{p_") => {
                    assert!(
                        message.as_str().unwrap().contains(template.as_str()),
                        "{context}"
                    );
                }
                Some(template) => {
                    let literal = template.replace("{{", "{").replace("}}", "}");
                    assert!(message.as_str().unwrap().contains(&literal), "{context}");
                }
                None => assert!(message.is_null(), "{context}"),
            }
            for param in &code.params {
                assert_eq!(
                    schema["properties"]["params"]["properties"][&param.name]["description"],
                    param.description
                );
            }
        }
    }
}

#[test]
fn catalog_fragments_pass_the_validators_and_prettier() {
    let tools = node_tools_or_skip!();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("catalog-docs");
    let mut fragments = Vec::new();
    let mut documents = Vec::new();
    // The fixtures' fragments are checked by `format_v2`; the hostile one here.
    let catalog = hostile();
    for version in VERSIONS {
        let folder = dir.join(format!("hostile-{version}"));
        let text = catalog.render(errspec::Target::OpenApi, version);
        let fragment = folder.join("error-codes.yaml");
        write_if_changed(&fragment, &text);
        let api = crate::format_v2::api_document(&catalog.fragment(version), version);
        let document = folder.join("api.yaml");
        write_if_changed(&document, &api);
        fragments.push(fragment);
        documents.push(document);
    }
    let mut all = fragments.clone();
    all.extend(documents.iter().cloned());
    for report in openapi::validate(tools, &all) {
        assert!(
            report.errors.is_empty() && report.warnings.is_empty(),
            "@readme/openapi-parser on {}:\n{report:#?}",
            report.path.display()
        );
        // js-yaml reads the fragment as serde_yaml does.
        if report.path.ends_with("error-codes.yaml") {
            let text = std::fs::read_to_string(&report.path).unwrap();
            assert_eq!(report.document, openapi::to_json(&openapi::parse(&text)));
        }
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
    let files: Vec<&Path> = fragments.iter().map(|path| path.as_path()).collect();
    run_ok(
        &mut tools.script("tests/node/prettier-check.mjs", &files),
        "prettier on the hostile catalog's OpenAPI",
    );
}

#[test]
fn redocly_refuses_an_example_with_a_mistyped_param() {
    let tools = node_tools_or_skip!();
    let path = repo().join("tests/fixtures/specs_v2/catalog.yaml");
    let fragment = openapi::fragment(&path, OpenApiVersion::V3_1);
    let from = "                    limit: 1\n";
    assert!(fragment.contains(from));
    let broken = fragment.replacen(from, "                    limit: \"1\"\n", 1);
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("catalog-docs/broken-example");
    write_if_changed(&folder.join("error-codes.yaml"), &broken);
    let doc = openapi::to_json(&openapi::parse(&broken));
    let api = crate::format_v2::api_document(&doc, OpenApiVersion::V3_1);
    let document = folder.join("api.yaml");
    write_if_changed(&document, &api);
    let problems = openapi::redocly_lint(tools, std::slice::from_ref(&document)).remove(0);
    assert!(
        problems
            .iter()
            .any(|p| p.rule == "no-invalid-media-type-examples"),
        "{}",
        openapi::describe(&problems)
    );
}

// ------------------------------------------------------------------------------ Markdown

/// The page as a reader sees it.
#[derive(Debug, Default)]
struct Page {
    /// Every id an `<a id="...">` declares, in page order.
    ids: Vec<String>,
    /// Every link's destination, in page order.
    links: Vec<String>,
    /// The text of each heading of level 2.
    chapters: Vec<String>,
    /// Each heading of level 3 with the paragraphs below it.
    sections: Vec<Section>,
    /// The reserved codes' list: each item's text.
    items: Vec<String>,
}

#[derive(Debug, Default)]
struct Section {
    heading: String,
    paragraphs: Vec<String>,
}

/// Reads `markdown` as GitHub does: text with code spans' content, `<br>` as a line break.
fn read_page(markdown: &str) -> Page {
    let mut page = Page::default();
    let mut text: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. } | Tag::Paragraph | Tag::Item) => {
                text = Some(String::new());
            }
            Event::End(TagEnd::Heading(level)) => {
                let heading = text.take().unwrap();
                match level {
                    pulldown_cmark::HeadingLevel::H2 => page.chapters.push(heading),
                    pulldown_cmark::HeadingLevel::H3 => page.sections.push(Section {
                        heading,
                        paragraphs: Vec::new(),
                    }),
                    _ => {}
                }
            }
            Event::End(TagEnd::Paragraph) => {
                let paragraph = text.take().unwrap();
                if let Some(section) = page.sections.last_mut() {
                    section.paragraphs.push(paragraph);
                }
            }
            Event::End(TagEnd::Item) => {
                // A tight list item's text is not in a paragraph.
                if let Some(item) = text.take() {
                    page.items.push(item);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => page.links.push(dest_url.to_string()),
            Event::InlineHtml(html) | Event::Html(html) => {
                if let Some(id) = html
                    .strip_prefix("<a id=\"")
                    .and_then(|rest| rest.strip_suffix("\">"))
                {
                    page.ids.push(id.to_owned());
                } else if html.as_ref() == "<br>" {
                    text.iter_mut().for_each(|t| t.push('\n'));
                }
            }
            Event::Text(part) | Event::Code(part) => {
                text.iter_mut().for_each(|t| t.push_str(&part));
            }
            Event::SoftBreak => text.iter_mut().for_each(|t| t.push(' ')),
            _ => {}
        }
    }
    page
}

/// A template as the page shows it: line by line, invisible characters other than tabs
/// named.
fn shown_template(template: &str) -> String {
    let named: String = template
        .chars()
        .map(|c| {
            let invisible = (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{AD}' | '\u{2060}');
            if invisible {
                format!("U+{:04X}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect();
    named
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}'], "\n")
}

/// The page's tables: the codes' first, then each section's parameters.
fn page_tables(page: &str) -> (Table, Vec<Table>) {
    let mut found = tables(page);
    let codes = found.remove(0);
    (codes, found)
}

/// The links in one row of the codes' table, read as a table of its own.
fn row_links(row: &str) -> Vec<String> {
    read_page(&format!(
        "| a | b | c | d | e | f |\n| --- | --- | --- | --- | --- | --- |\n{row}\n"
    ))
    .links
}

#[test]
fn rows_say_deprecated_with_the_reason_and_link_the_replacement_and_the_section() {
    for catalog in catalogs() {
        let page = catalog.page();
        let (table, _) = page_tables(&page);
        let rows: Vec<&str> = page.lines().filter(|l| l.starts_with("| <a id=")).collect();
        assert_eq!(
            rows.len(),
            catalog.codes.len(),
            "{}: a line per code",
            catalog.name
        );
        for ((row, line), code) in table.rows.iter().zip(rows).zip(&catalog.codes) {
            let context = format!("{}: {}", catalog.name, code.code);
            assert_eq!(row.len(), 6, "{context}: six cells, none split off");
            assert_eq!(row[0].text, code.code, "{context}");
            assert_eq!(normalize(&row[3].text), normalize(&shown(&code.title)));
            let mut notice = Vec::new();
            let mut links = Vec::new();
            if let Some(reason) = &code.deprecated {
                notice.push(format!("Deprecated: {reason}"));
            }
            if let Some(replacement) = &code.replaced_by {
                notice.push(format!("Replaced by {replacement}."));
                links.push(format!("#{replacement}"));
            }
            let mut want = code.description.clone();
            if !notice.is_empty() {
                want = format!("{}\n{want}", notice.join(" "));
            }
            if code.has_section() {
                let what = match (code.message.is_some(), code.params.is_empty()) {
                    (true, false) => "Message and parameters",
                    (true, true) => "Message",
                    (false, _) => "Parameters",
                };
                want = format!("{want} {what}");
                links.push(format!("#{}:details", code.code));
            }
            assert_eq!(
                normalize(&row[4].text),
                normalize(&shown(&want)),
                "{context}: the description cell"
            );
            assert_eq!(row_links(line), links, "{context}: the links");
            assert_eq!(
                row[4].text.contains("Deprecated"),
                code.deprecated.is_some(),
                "{context}"
            );
        }
    }
}

#[test]
fn each_code_with_a_template_or_params_has_a_section_with_them_as_written() {
    for catalog in catalogs() {
        let markdown = catalog.page();
        let page = read_page(&markdown);
        let (_, param_tables) = page_tables(&markdown);
        let with_section: Vec<&Code> = catalog.codes.iter().filter(|c| c.has_section()).collect();
        assert_eq!(page.sections.len(), with_section.len(), "{}", catalog.name);
        assert!(
            page.chapters
                .contains(&"Messages and parameters".to_owned())
        );
        let mut param_tables = param_tables.iter();
        for (section, code) in page.sections.iter().zip(with_section) {
            let context = format!("{}: {}", catalog.name, code.code);
            assert_eq!(
                normalize(&section.heading),
                normalize(&shown(&format!("{}: {}", code.code, code.title))),
                "{context}: the heading"
            );
            let mut paragraphs = section.paragraphs.iter();
            if let Some(reason) = &code.deprecated {
                let notice = paragraphs.next().unwrap();
                assert!(notice.starts_with("Deprecated: "), "{context}: {notice}");
                assert!(
                    normalize(notice).contains(&normalize(&shown(reason))),
                    "{context}"
                );
            }
            let message = paragraphs.next().unwrap();
            match &code.message {
                Some(template) => assert_eq!(
                    *message,
                    format!("Message: {}", shown_template(template)),
                    "{context}: the template, as written"
                ),
                None => assert_eq!(message, "Message: written by the server for each error."),
            }
            if code.params.is_empty() {
                continue;
            }
            let table = param_tables.next().unwrap();
            let header: Vec<&str> = table.header.iter().map(|c| c.text.as_str()).collect();
            assert_eq!(header, ["Parameter", "Type", "Optional", "Description"]);
            assert_eq!(table.rows.len(), code.params.len(), "{context}");
            for (row, param) in table.rows.iter().zip(&code.params) {
                assert_eq!(row.len(), 4, "{context}: four cells");
                assert_eq!(row[0].text, param.name, "{context}");
                assert_eq!(row[1].text, param.kind, "{context}");
                assert_eq!(row[2].text, if param.optional { "yes" } else { "no" });
                assert_eq!(
                    normalize(&row[3].text),
                    normalize(&shown(&param.description)),
                    "{context}: {}",
                    param.name
                );
                assert_eq!(row[3].markup, Vec::<String>::new(), "{context}: no markup");
            }
        }
        assert!(
            param_tables.next().is_none(),
            "{}: a table too many",
            catalog.name
        );
    }
}

#[test]
fn every_link_lands_on_an_anchor_and_reserved_codes_have_theirs() {
    for catalog in catalogs().into_iter().chain(plain_specs()) {
        let markdown = catalog.page();
        let page = read_page(&markdown);
        let ids: BTreeSet<&String> = page.ids.iter().collect();
        assert_eq!(ids.len(), page.ids.len(), "{}: an id twice", catalog.name);
        for link in &page.links {
            let id = link
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("{link} leaves the page"));
            assert!(
                ids.contains(&id.to_owned()),
                "{}: {link} lands nowhere",
                catalog.name
            );
        }
        for code in &catalog.codes {
            assert!(ids.contains(&code.code), "{}: {}", catalog.name, code.code);
        }
        let has_reserved = page.chapters.contains(&"Reserved codes".to_owned());
        assert_eq!(
            has_reserved,
            !catalog.reserved.is_empty(),
            "{}",
            catalog.name
        );
        assert_eq!(
            page.items, catalog.reserved,
            "{}: the reserved codes",
            catalog.name
        );
        for reserved in &catalog.reserved {
            assert!(ids.contains(reserved), "{}: {reserved}", catalog.name);
        }
        if !catalog.is_catalog() {
            let (_, more) = page_tables(&markdown);
            assert!(
                more.is_empty() && page.sections.is_empty(),
                "{}",
                catalog.name
            );
        }
    }
}

#[test]
fn the_pages_example_body_is_the_fragments_example() {
    for catalog in catalogs().into_iter().chain(plain_specs()) {
        let markdown = catalog.page();
        let block = markdown
            .split_once("```json\n")
            .and_then(|(_, rest)| rest.split_once("\n```"))
            .unwrap()
            .0;
        let body: Value = serde_json::from_str(block).unwrap();
        let first = &catalog.codes[0];
        for version in VERSIONS {
            let fragment = catalog.fragment(version);
            let (_, example) = examples(&fragment)
                .into_iter()
                .find(|(wire, _)| *wire == first.code)
                .unwrap();
            assert_eq!(body, example, "{} {version}", catalog.name);
        }
    }
}

// ---------------------------------------------------------------------------------- Docs

/// The blocks of `page` (under `docs/`) that follow a comment saying they are an excerpt of
/// the catalog fixture's output.
fn excerpts(page: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("docs").join(page)).unwrap();
    let marker = "<!-- an excerpt of tests/fixtures/specs_v2/catalog.yaml's ";
    text.split(marker)
        .skip(1)
        .map(|rest| {
            let block = rest.split_once("\n```").unwrap().1;
            let block = block.split_once('\n').unwrap().1;
            block.split_once("\n```\n").unwrap().0.to_owned()
        })
        .collect()
}

#[test]
fn the_docs_excerpts_are_the_catalogs_output() {
    let path = repo().join("tests/fixtures/specs_v2/catalog.yaml");
    let fragment = openapi::fragment(&path, OpenApiVersion::V3_1);
    let shown = excerpts("generated-openapi.md");
    assert_eq!(
        shown.len(),
        2,
        "docs/generated-openapi.md shows two excerpts"
    );
    for block in shown {
        // Written without the indentation of `components.schemas` and `.responses`.
        let indented: Vec<String> = block
            .lines()
            .map(|line| match line {
                "" => String::new(),
                line => format!("    {line}"),
            })
            .collect();
        let indented = format!("\n{}\n", indented.join("\n"));
        assert!(
            fragment.contains(&indented),
            "docs/generated-openapi.md shows what the fragment does not hold:\n{block}"
        );
    }
    let page = Catalog::from_file(&path).page();
    let shown = excerpts("generated-markdown.md");
    assert_eq!(
        shown.len(),
        3,
        "docs/generated-markdown.md shows three excerpts"
    );
    for block in shown {
        assert!(
            page.contains(&format!("\n{block}\n")),
            "docs/generated-markdown.md shows what the page does not hold:\n{block}"
        );
    }
}
