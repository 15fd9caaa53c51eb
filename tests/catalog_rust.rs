//! The Rust target of a format v2 catalog: parameters and message templates (each code's
//! constructor, `message_template`, `known`), and the life cycle (`#[deprecated]`,
//! `is_deprecated`, `replaced_by`), under rustfmt, rustc and clippy (pedantic and nursery) and
//! run. Every expected body is built here from the spec as this file reads it, with its own
//! template renderer and a table of JavaScript's `String(n)`; the numbers are also held to
//! Node's own `String(n)` when Node is there.
//!
//! The harness program answers, for each module `<spec>_<serde|std>`:
//!
//! - `construct MODULE`: reads JSON lines `{"code": "...", "params": {...}, "message": "..."}`
//!   (`message` only for a code without template) and prints, per line, the body the code's
//!   constructor builds: `{"text": <the body as serde_json writes it>, "fields": {...}}` (no
//!   `text` without serde; `fields` reads the body field by field, each number as its bits and
//!   its message text). The lead's cross-target conformance can feed it the same lines as the
//!   TypeScript side.
//! - `read MODULE` (serde): reads body JSON lines and prints what the client reads of each:
//!   the known code, `known()` as typed values, and the body serialized again.
//! - `facts MODULE`: each code's `message_template`, and `is_deprecated` and `replaced_by`
//!   when the file has them.
//! - `numbers MODULE`: reads `f64` bit patterns, one per line, and prints each number as a
//!   message writes it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use heck::{ToSnakeCase, ToUpperCamelCase};
use serde_json::{Value, json};

use crate::catalog_typescript::{NEWER, OLDER, read_spec_file};
use crate::support::node::node_tools_or_skip;
use crate::support::rust_harness::{Harness, Program, Source};
use crate::support::{problem_specs, render_one, repo, run_ok, v2_specs, write_if_changed};

// ------------------------------------------------------------------------------ The spec

/// A parameter's type, as the spec writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    String,
    Integer,
    Number,
    Boolean,
}

#[derive(Debug, Clone)]
struct SpecParam {
    name: String,
    kind: Kind,
    optional: bool,
}

#[derive(Debug, Clone)]
struct SpecCode {
    code: String,
    /// Where identifiers come from: `name`, else the code.
    source: String,
    message: Option<String>,
    params: Vec<SpecParam>,
    deprecated: Option<String>,
    replaced_by: Option<String>,
}

#[derive(Debug, Clone)]
struct CatalogSpec {
    error_name: String,
    codes: Vec<SpecCode>,
    /// Whether the spec uses a life cycle key, so the file has `is_deprecated`.
    lifecycle: bool,
    /// Whether its bodies are problem details (`envelope: problem`).
    problem: bool,
}

/// The spec at `path`, read straight from its YAML.
fn read_spec(path: &Path) -> CatalogSpec {
    let text = std::fs::read_to_string(path).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let text_of = |value: &serde_yaml::Value| value.as_str().map(str::to_owned);
    let codes: Vec<SpecCode> = doc["codes"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|code| {
            let wire = text_of(&code["code"]).unwrap();
            let params = code
                .get("params")
                .and_then(serde_yaml::Value::as_mapping)
                .map(|params| {
                    params
                        .iter()
                        .map(|(name, param)| SpecParam {
                            name: text_of(name).unwrap(),
                            kind: match param["type"].as_str().unwrap() {
                                "string" => Kind::String,
                                "integer" => Kind::Integer,
                                "number" => Kind::Number,
                                "boolean" => Kind::Boolean,
                                other => panic!("type {other}"),
                            },
                            optional: param
                                .get("optional")
                                .and_then(serde_yaml::Value::as_bool)
                                .unwrap_or(false),
                        })
                        .collect()
                })
                .unwrap_or_default();
            SpecCode {
                source: code.get("name").and_then(text_of).unwrap_or(wire.clone()),
                code: wire,
                message: code.get("message").and_then(text_of),
                params,
                deprecated: code.get("deprecated").and_then(text_of),
                replaced_by: code.get("replaced_by").and_then(text_of),
            }
        })
        .collect();
    let lifecycle = doc.get("reserved").is_some()
        || codes
            .iter()
            .any(|code| code.deprecated.is_some() || code.replaced_by.is_some());
    CatalogSpec {
        error_name: doc["api"]
            .get("error_name")
            .and_then(text_of)
            .unwrap_or("Error".to_owned()),
        codes,
        lifecycle,
        problem: doc["api"]
            .get("envelope")
            .and_then(serde_yaml::Value::as_str)
            == Some("problem"),
    }
}

impl SpecCode {
    /// The parameters in the constructor's order: the required ones, then the optional ones.
    fn ordered(&self) -> Vec<&SpecParam> {
        let mut ordered: Vec<&SpecParam> = self.params.iter().filter(|p| !p.optional).collect();
        ordered.extend(self.params.iter().filter(|p| p.optional));
        ordered
    }
}

// ---------------------------------------------------------------- The names, as documented

const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// A snake_case value identifier: a keyword raw, or with a `_` where Rust has no raw form.
fn value_ident(snake: &str) -> String {
    if ["crate", "self", "super"].contains(&snake) {
        format!("{snake}_")
    } else if RUST_KEYWORDS.contains(&snake) {
        format!("r#{snake}")
    } else {
        snake.to_owned()
    }
}

/// The `ErrorCode` variant: UpperCamelCase, `Code` before a digit, `Self_` for `Self`.
fn variant(code: &SpecCode) -> String {
    let camel = code.source.to_upper_camel_case();
    let camel = if camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("Code{camel}")
    } else {
        camel
    };
    if camel == "Self" {
        "Self_".to_owned()
    } else {
        camel
    }
}

/// The constructor: the variant in snake_case, `_` after a name `ErrorBody` already has.
fn constructor(code: &SpecCode) -> String {
    let snake = variant(code).trim_end_matches('_').to_snake_case();
    if ["new", "code", "known", "params"].contains(&snake.as_str()) {
        format!("{snake}_")
    } else {
        value_ident(&snake)
    }
}

/// A parameter's argument and field.
fn field(param: &SpecParam) -> String {
    value_ident(&param.name.to_snake_case())
}

// ------------------------------------------------------------------------------ The values

/// What JSON, HTML, templates and line-based formats escape.
const HOSTILE: &str = "a \"quoted\" \\ backslash {braces} {{x}} }{ line\nbreak\r\ttab 🚀 \
                       </script><script>alert(1)</script> \u{2028} ünïcödé";

/// One value of each type for a constructor call, and whether the optional parameters get
/// theirs. Each number comes with `String(n)` as JavaScript writes it.
struct ValueSet {
    string: &'static str,
    integer: i64,
    number: (f64, &'static str),
    boolean: bool,
    optional: bool,
}

const VALUE_SETS: &[ValueSet] = &[
    ValueSet {
        string: "hour",
        integer: 100,
        number: (0.1, "0.1"),
        boolean: true,
        optional: true,
    },
    ValueSet {
        string: HOSTILE,
        integer: 9_007_199_254_740_991, // 2^53 - 1
        number: (1e21, "1e+21"),
        boolean: false,
        optional: false,
    },
    ValueSet {
        string: "",
        integer: -42,
        number: (-0.0, "0"),
        boolean: true,
        optional: true,
    },
    ValueSet {
        string: "{limit}}{ «ünï» 🚫",
        integer: i64::MIN,
        number: (1e-7, "1e-7"),
        boolean: false,
        optional: true,
    },
    ValueSet {
        string: "x",
        integer: i64::MAX,
        number: (5e-324, "5e-324"),
        boolean: true,
        optional: false,
    },
    ValueSet {
        string: "y",
        integer: 0,
        number: (f64::MAX, "1.7976931348623157e+308"),
        boolean: false,
        optional: true,
    },
    ValueSet {
        string: "z",
        integer: 1,
        number: (123_456_789_012_345_680_000.0, "123456789012345680000"),
        boolean: true,
        optional: true,
    },
    ValueSet {
        string: "w",
        integer: 2,
        number: (9_007_199_254_740_991.0, "9007199254740991"),
        boolean: false,
        optional: true,
    },
    ValueSet {
        string: "v",
        integer: 3,
        number: (-1.5, "-1.5"),
        boolean: true,
        optional: true,
    },
];

impl ValueSet {
    /// The value of `param` as constructor input (JSON), or `None` for an optional parameter
    /// this set leaves out.
    fn input(&self, param: &SpecParam) -> Option<Value> {
        if param.optional && !self.optional {
            return None;
        }
        // A whole number as an integer, as JavaScript would send it: serde_json's default
        // reader rounds some long decimals (`9007199254740991.0`) to a neighbour.
        Some(match param.kind {
            Kind::Number if self.number.0 == 0.0 => json!(self.number.0),
            kind => self.wire(kind),
        })
    }

    /// The value as the message writes it.
    fn text(&self, kind: Kind) -> String {
        match kind {
            Kind::String => self.string.to_owned(),
            Kind::Integer => self.integer.to_string(),
            Kind::Number => self.number.1.to_owned(),
            Kind::Boolean => self.boolean.to_string(),
        }
    }

    /// The value in `error.params` on the wire: a whole number within `i64` as an integer, as
    /// JavaScript writes it.
    fn wire(&self, kind: Kind) -> Value {
        let (number, _) = self.number;
        match kind {
            Kind::Number if number.fract() == 0.0 && number.abs() < 9.223_372_036_854_776e18 => {
                json!(number as i64)
            }
            Kind::Number => json!(number),
            Kind::String => json!(self.string),
            Kind::Integer => json!(self.integer),
            Kind::Boolean => json!(self.boolean),
        }
    }

    /// The value as the harness reads it from the body, field by field.
    fn field(&self, kind: Kind) -> Value {
        match kind {
            Kind::Number => json!({
                "number": self.number.0.to_bits().to_string(),
                "text": self.number.1,
            }),
            other => self.wire(other),
        }
    }

    /// The value as `known()` reads it from the wire: a number by its bits (`-0` is `0` there).
    fn typed(&self, kind: Kind) -> Value {
        match kind {
            Kind::Number => json!((self.number.0 + 0.0).to_bits().to_string()),
            Kind::String => json!(self.string),
            Kind::Integer => json!(self.integer),
            Kind::Boolean => json!(self.boolean),
        }
    }
}

/// The template with each placeholder replaced, and `{{`, `}}` made single: the test's own
/// reading of the format.
fn render(template: &str, value: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
                out.push_str(&value(&name));
            }
            c => out.push(c),
        }
    }
    out
}

/// One constructor call: the harness's input line, and the body it must build, as JSON and
/// field by field.
struct Case {
    input: Value,
    json: Value,
    fields: Value,
    /// The parameters in the order they must be sent.
    order: Vec<String>,
    /// What `known()` must read back.
    known: Value,
}

fn case(spec: &CatalogSpec, code: &SpecCode, set: &ValueSet, status: u16) -> Case {
    let given: Vec<&SpecParam> = code
        .params
        .iter()
        .filter(|param| set.input(param).is_some())
        .collect();
    let mut input_params = serde_json::Map::new();
    for param in &given {
        input_params.insert(param.name.clone(), set.input(param).unwrap());
    }
    let message = match &code.message {
        Some(template) => render(template, |name| {
            let param = code.params.iter().find(|p| p.name == name).unwrap();
            set.text(param.kind)
        }),
        None => set.string.to_owned(),
    };
    let mut input = json!({ "code": code.code, "params": input_params });
    if code.message.is_none() {
        input["message"] = json!(set.string);
    }
    let mut body = json!({
        "name": spec.error_name,
        "status": status,
        "code": code.code,
        "message": message,
    });
    let wire: serde_json::Map<String, Value> = given
        .iter()
        .map(|param| (param.name.clone(), set.wire(param.kind)))
        .collect();
    if !wire.is_empty() {
        body["params"] = Value::Object(wire);
    }
    let fields = json!({
        "name": spec.error_name,
        "status": status,
        "code": code.code,
        "message": message,
        "params": given
            .iter()
            .map(|param| json!([param.name, set.field(param.kind)]))
            .collect::<Vec<_>>(),
    });
    let typed: serde_json::Map<String, Value> = code
        .params
        .iter()
        .map(|param| {
            let value = if set.input(param).is_some() {
                set.typed(param.kind)
            } else {
                Value::Null
            };
            (param.name.clone(), value)
        })
        .collect();
    Case {
        input,
        json: json!({ "error": body }),
        fields,
        order: given.iter().map(|param| param.name.clone()).collect(),
        known: json!({ "code": code.code, "params": typed }),
    }
}

// ----------------------------------------------------------------------------- The harness

/// The specs of the harness: every format v2 spec of the tests that has parameters or
/// templates (the others have no constructor per code), two generated with long names, and
/// the two versions of one API that `conformance_catalog` holds each other's clients to.
pub(crate) fn specs() -> Vec<PathBuf> {
    let mut specs: Vec<PathBuf> = v2_specs()
        .into_iter()
        .filter(|spec| read_spec_file(spec).uses_params())
        .collect();
    specs.extend((1..=2).map(long_names_spec));
    specs.extend([OLDER, NEWER].map(|(name, text)| scratch_spec(name, text)));
    let (name, text) = crate::conformance_catalog::readme_spec();
    specs.push(scratch_spec(name, &text));
    specs
}

/// The problem details versions of `OLDER` and `NEWER`, written to the scratch folder.
pub(crate) fn problem_evolution_specs() -> Vec<PathBuf> {
    crate::conformance_catalog::problem_versions()
        .iter()
        .map(|(name, text)| scratch_spec(name, text))
        .collect()
}

/// The specs compiled into the harness: `specs()`, and the problem details fixtures, whose
/// bodies `conformance_catalog` holds to the other targets (this module's own checks read
/// errspec's envelope).
pub(crate) fn harness_specs() -> Vec<PathBuf> {
    let mut specs = specs();
    specs.extend(
        problem_specs()
            .into_iter()
            .filter(|spec| read_spec_file(spec).uses_params()),
    );
    specs.extend(problem_evolution_specs());
    specs
}

/// `text` written as the spec `<name>.yaml` under the tests' scratch folder.
fn scratch_spec(name: &str, text: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("catalog-specs")
        .join(format!("{name}.yaml"));
    write_if_changed(&path, text);
    path
}

/// The bodies the Rust constructors of `spec` build for `lines` (as `construct-v2.mjs` reads
/// them: `{"code", "params", "message"}`), as serde_json writes them.
pub(crate) fn construct_texts(spec: &Path, lines: &[Value]) -> Vec<String> {
    let lines: Vec<String> = lines.iter().map(Value::to_string).collect();
    answer(&["construct", &module(spec, true)], &lines)
        .into_iter()
        .map(|found| found["text"].as_str().unwrap().to_owned())
        .collect()
}

/// What a Rust client of `spec` reads of each body: `{"code", "known", "text", "fields"}`, or
/// `{"error"}` when it cannot read the body at all (see the module's docs).
pub(crate) fn read_bodies(spec: &Path, bodies: &[String]) -> Vec<Value> {
    answer(&["read", &module(spec, true)], bodies)
}

/// The spec, written to the scratch folder, of one of the two versions of an API (`OLDER`,
/// `NEWER`).
pub(crate) fn evolution_spec((name, text): (&str, &str)) -> PathBuf {
    scratch_spec(name, text)
}

/// A spec of codes and parameters with names up to the longest the format allows, drawn from
/// `seed`, written under the tests' scratch folder: what rustfmt's layout decisions by width
/// meet at their edges.
fn long_names_spec(seed: u64) -> PathBuf {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut next = move |bound: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % bound
    };
    let mut yaml = String::from("version: 2\napi:\n  name: Long\ncodes:\n");
    let kinds = ["string", "integer", "number", "boolean"];
    for index in 0..24 {
        let width = usize::try_from(if next(2) == 0 {
            1 + next(64)
        } else {
            30 + next(35)
        })
        .unwrap();
        let code = format!("c{index}_{}", "x".repeat(64));
        let code = &code[..width.max(format!("c{index}").len())];
        yaml.push_str(&format!(
            "  - code: {code}\n    status: {}\n    title: T{index}\n    description: D.\n",
            400 + index
        ));
        if next(3) == 0 {
            let reason = "why ".repeat(usize::try_from(next(30)).unwrap());
            yaml.push_str(&format!("    deprecated: '{reason}done'\n"));
        }
        let count = [0, 1, 2, 3, 5, 8, 9][usize::try_from(next(7)).unwrap()];
        let mut required = Vec::new();
        if count > 0 {
            yaml.push_str("    params:\n");
        }
        for param in 0..count {
            let width = usize::try_from(if next(2) == 0 {
                1 + next(64)
            } else {
                15 + next(26)
            })
            .unwrap();
            let name = format!("p{param}_{}", "y".repeat(64));
            let name = &name[..width.max(format!("p{param}").len())];
            let optional = next(5) < 2;
            let kind = kinds[usize::try_from(next(4)).unwrap()];
            yaml.push_str(&format!(
                "      {name}: {{type: {kind}, description: The value.{}}}\n",
                if optional { ", optional: true" } else { "" }
            ));
            if !optional {
                required.push(name.to_owned());
            }
        }
        if next(5) < 3 {
            let words: Vec<String> = required
                .iter()
                .map(|name| {
                    let filler = "w".repeat(usize::try_from(next(40)).unwrap());
                    format!("{{{name}}} {filler}")
                })
                .collect();
            let template = if words.is_empty() {
                "{{braces}}".to_owned()
            } else {
                words.join(" ")
            };
            yaml.push_str(&format!("    message: \"Msg {template}\"\n"));
        }
    }
    let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("catalog-specs")
        .join(format!("long_names_{seed}.yaml"));
    write_if_changed(&path, &yaml);
    path
}

fn stem(spec: &Path) -> String {
    spec.file_stem().unwrap().to_string_lossy().into_owned()
}

fn module(spec: &Path, serde: bool) -> String {
    format!("{}_{}", stem(spec), if serde { "serde" } else { "std" })
}

/// The harness program; `// ARMS` becomes each module's queries.
const MAIN: &str = r##"//! Builds and reads bodies with the generated catalog code (see `tests/catalog_rust.rs`).
// The harness names each generated module in a macro, and answers every query in `main`;
// pedantic clippy is for the modules. It uses deprecated codes as a client does, and
// tests/catalog_rust.rs checks the warnings a user gets.
#![allow(clippy::wildcard_imports, clippy::too_many_lines, deprecated)]

use std::io::BufRead;

use errspec_rust_harness::*;
use serde_json::{Value, json};

fn string(params: &Value, name: &str) -> String {
    params[name].as_str().expect(name).to_owned()
}

fn integer(params: &Value, name: &str) -> i64 {
    params[name].as_i64().expect(name)
}

fn number(params: &Value, name: &str) -> f64 {
    params[name].as_f64().expect(name)
}

fn boolean(params: &Value, name: &str) -> bool {
    params[name].as_bool().expect(name)
}

fn optional<T>(params: &Value, name: &str, read: fn(&Value, &str) -> T) -> Option<T> {
    params.get(name).map(|_| read(params, name))
}

fn input() -> Vec<String> {
    std::io::stdin().lock().lines().map(Result::unwrap).collect()
}

fn bits(number: f64) -> String {
    number.to_bits().to_string()
}

/// A body's parameters in order, `[name, value]` each, each number by its bits and its text.
macro_rules! params_json {
    ($m:ident, $params:expr) => {{
        fn value(param: &$m::ParamValue) -> Value {
            match param {
                $m::ParamValue::Null => Value::Null,
                $m::ParamValue::Boolean(b) => json!(b),
                $m::ParamValue::Integer(i) => json!(i),
                $m::ParamValue::Number(n) => json!({ "number": bits(*n), "text": param.to_string() }),
                $m::ParamValue::String(s) => json!(s),
                $m::ParamValue::Array(items) => items.iter().map(value).collect(),
                $m::ParamValue::Object(map) => map.iter().map(|(k, v)| json!([k, value(v)])).collect(),
            }
        }
        $params.iter().map(|(k, v)| json!([k, value(v)])).collect::<Vec<Value>>()
    }};
}

/// A body field by field, its parameters as `params_json!` reads them.
macro_rules! fields {
    ($m:ident, $body:expr) => {{
        let body: &$m::ErrorBody = $body;
        let params = params_json!($m, body.error.params);
        json!({
            "name": body.error.name,
            "status": body.error.status,
            "code": body.error.code,
            "message": body.error.message,
            "params": params,
        })
    }};
}

/// A problem details body (`envelope: problem`) field by field, as `fields!` reads the other.
macro_rules! problem_fields {
    ($m:ident, $body:expr) => {{
        let body: &$m::ErrorBody = $body;
        let params = params_json!($m, body.params);
        json!({
            "type": body.r#type,
            "title": body.title,
            "status": body.status,
            "detail": body.detail,
            "code": body.code,
            "instance": body.instance,
            "params": params,
            "display": body.to_string(),
        })
    }};
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out: Vec<Value> = match (args[1].as_str(), args[2].as_str()) {
        // ARMS
        other => panic!("unknown query {other:?}"),
    };
    for line in out {
        println!("{line}");
    }
}
"##;

/// The query arms of one module, generated from its spec.
fn arms(source: &Source) -> String {
    let spec = read_spec(Path::new(&source.origin));
    let name = &source.name;
    let mut constructs = String::new();
    let mut knowns = String::new();
    for code in &spec.codes {
        let mut args: Vec<String> = Vec::new();
        if code.message.is_none() {
            args.push("line[\"message\"].as_str().unwrap()".to_owned());
        }
        for param in code.ordered() {
            let read = match param.kind {
                Kind::String => "string",
                Kind::Integer => "integer",
                Kind::Number => "number",
                Kind::Boolean => "boolean",
            };
            args.push(if param.optional {
                format!("optional(p, {:?}, {read})", param.name)
            } else {
                format!("{read}(p, {:?})", param.name)
            });
        }
        constructs.push_str(&format!(
            "                {:?} => {name}::ErrorBody::{}({}),\n",
            code.code,
            constructor(code),
            args.join(", ")
        ));
        let typed: Vec<String> = code
            .params
            .iter()
            .map(|param| {
                let access = format!("k.{}", field(param));
                let value = match (param.kind, param.optional) {
                    (Kind::Number, false) => format!("bits({access})"),
                    (Kind::Number, true) => format!("{access}.map(bits)"),
                    _ => access,
                };
                format!("{:?}: {value}", param.name)
            })
            .collect();
        let pattern = if code.params.is_empty() {
            format!("{name}::KnownError::{}", variant(code))
        } else {
            format!("{name}::KnownError::{}(k)", variant(code))
        };
        knowns.push_str(&format!(
            "                    Some({pattern}) => json!({{ \"code\": {:?}, \"params\": {{ {} }} }}),\n",
            code.code,
            typed.join(", ")
        ));
    }
    let text = if source.serde {
        "\"text\": serde_json::to_string(&body).unwrap(), "
    } else {
        ""
    };
    let fields = if spec.problem {
        "problem_fields"
    } else {
        "fields"
    };
    let mut arms = format!(
        "        (\"construct\", \"{name}\") => input().iter().map(|line| {{\n            let line: Value = serde_json::from_str(line).unwrap();\n            let p = &line[\"params\"];\n            let body = match line[\"code\"].as_str().unwrap() {{\n{constructs}                other => panic!(\"no code {{other}}\"),\n            }};\n            json!({{ {text}\"fields\": {fields}!({name}, &body) }})\n        }}).collect(),\n"
    );
    let lifecycle = if spec.lifecycle {
        format!(
            "\"deprecated\": code.is_deprecated(), \"replaced_by\": code.replaced_by().map({name}::ErrorCode::code), "
        )
    } else {
        String::new()
    };
    arms.push_str(&format!(
        "        (\"facts\", \"{name}\") => {name}::ErrorCode::ALL.iter().map(|&code| json!({{ {lifecycle}\"code\": code.code(), \"template\": code.message_template() }})).collect(),\n"
    ));
    arms.push_str(&format!(
        "        (\"numbers\", \"{name}\") => input().iter().map(|line| json!({name}::ParamValue::Number(f64::from_bits(line.parse().unwrap())).to_string())).collect(),\n"
    ));
    if source.serde {
        arms.push_str(&format!(
            "        (\"read\", \"{name}\") => input().iter().map(|line| match serde_json::from_str::<{name}::ErrorBody>(line) {{\n            Ok(body) => {{\n                let known = match body.known() {{\n{knowns}                    Some(_) => panic!(\"a code the spec lacks\"),\n                    None => Value::Null,\n                }};\n                json!({{ \"code\": body.code().map({name}::ErrorCode::code), \"known\": known, \"text\": serde_json::to_string(&body).unwrap(), \"fields\": {fields}!({name}, &body) }})\n            }}\n            Err(error) => json!({{ \"error\": error.to_string() }}),\n        }}).collect(),\n"
        ));
    }
    arms
}

/// The harness, built once per run: every spec's module, serde on and off, beside items named
/// as the prelude's, under clippy's pedantic and nursery lints; with the docs' catalog example.
fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let sources: Vec<Source> = harness_specs()
            .iter()
            .flat_map(|spec| {
                [true, false].map(|serde| Source {
                    name: module(spec, serde),
                    code: render_one(spec, errspec::Target::Rust, serde),
                    serde,
                    origin: spec.to_string_lossy().into_owned(),
                })
            })
            .collect();
        let program = Program {
            main: MAIN,
            arms,
            clippy: &["-W", "clippy::pedantic", "-W", "clippy::nursery"],
        };
        Harness::build_program("rust-harness-catalog", &sources, &docs_example(), &program)
    })
}

/// The docs' catalog examples (the blocks marked `catalog-v2` and `deprecated-v2`, see
/// `tests/readme.rs`) as the programs `examples/docs_<name>.rs`, with the serde module of
/// `catalog.yaml` as `errors`. Nothing for a block that is missing: `tests/readme.rs` fails
/// on its own then.
fn docs_example() -> Vec<(String, String)> {
    ["catalog-v2", "deprecated-v2"]
        .into_iter()
        .filter_map(|name| {
            let block = crate::support::readme::marked(name)?;
            let program = format!(
                "//! The docs' example `{name}` ({}), as written there.\n\n#![allow(dead_code)]\n\nuse errspec_rust_harness::catalog_serde as errors;\n\nfn main() -> Result<(), Box<dyn std::error::Error>> {{\n{}    Ok(())\n}}\n",
                block.place, block.code
            );
            let file = format!("examples/docs_{}.rs", name.replace('-', "_"));
            Some((file, program))
        })
        .collect()
}

/// Runs the docs' example marked `name`, built with the harness.
pub(crate) fn run_docs_example(name: &str) {
    harness().run_example(&format!("docs_{}", name.replace('-', "_")));
}

/// Each line of the harness's answer, as JSON.
fn answer(args: &[&str], lines: &[String]) -> Vec<Value> {
    let mut input = lines.join("\n");
    input.push('\n');
    harness()
        .query_input(args, &input)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn status_of(spec: &Path, code: &str) -> u16 {
    let text = std::fs::read_to_string(spec).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let found = doc["codes"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|c| c["code"].as_str() == Some(code))
        .unwrap();
    u16::try_from(found["status"].as_u64().unwrap()).unwrap()
}

/// Every code of `spec` with every value set.
fn cases(path: &Path) -> Vec<Case> {
    let spec = read_spec(path);
    spec.codes
        .iter()
        .flat_map(|code| {
            let status = status_of(path, &code.code);
            VALUE_SETS
                .iter()
                .map(|set| case(&spec, code, set, status))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Where each of `keys` first appears in the `params` member of `text`, which must be in
/// increasing order.
fn in_order(text: &str, keys: &[String]) -> bool {
    let Some(start) = text.find("\"params\":{") else {
        return keys.is_empty();
    };
    let params = &text[start..];
    let places: Vec<Option<usize>> = keys
        .iter()
        .map(|key| params.find(&format!("\"{key}\":")))
        .collect();
    places.iter().all(Option::is_some) && places.windows(2).all(|pair| pair[0] < pair[1])
}

// -------------------------------------------------------------------------------- The tests

#[test]
fn each_constructor_builds_the_body_the_spec_describes() {
    for spec in specs() {
        let cases = cases(&spec);
        let lines: Vec<String> = cases.iter().map(|case| case.input.to_string()).collect();
        for serde in [true, false] {
            let found = answer(&["construct", &module(&spec, serde)], &lines);
            assert_eq!(found.len(), cases.len());
            for (found, case) in found.iter().zip(&cases) {
                let context = format!("{} (serde {serde}): {}", spec.display(), case.input);
                assert_eq!(found["fields"], case.fields, "{context}");
                if serde {
                    let text = found["text"].as_str().unwrap();
                    let value: Value = serde_json::from_str(text).unwrap();
                    assert_eq!(value, case.json, "{context}");
                    assert!(in_order(text, &case.order), "{context}: {text}");
                }
            }
        }
    }
}

#[test]
fn known_reads_back_every_value_each_constructor_sent() {
    for spec in specs() {
        let cases = cases(&spec);
        let lines: Vec<String> = cases.iter().map(|case| case.input.to_string()).collect();
        let built = answer(&["construct", &module(&spec, true)], &lines);
        let bodies: Vec<String> = built
            .iter()
            .map(|found| found["text"].as_str().unwrap().to_owned())
            .collect();
        let read = answer(&["read", &module(&spec, true)], &bodies);
        for ((found, case), body) in read.iter().zip(&cases).zip(&bodies) {
            let context = format!("{}: {body}", spec.display());
            assert_eq!(found["known"], case.known, "{context}");
            assert_eq!(found["text"].as_str(), Some(body.as_str()), "{context}");
            assert_eq!(found["code"], case.json["error"]["code"], "{context}");
        }
    }
}

#[test]
fn message_templates_and_the_life_cycle_are_the_specs() {
    for spec_path in specs() {
        let spec = read_spec(&spec_path);
        for serde in [true, false] {
            let facts = answer(&["facts", &module(&spec_path, serde)], &[]);
            assert_eq!(facts.len(), spec.codes.len());
            for (found, code) in facts.iter().zip(&spec.codes) {
                let context = format!("{}: {}", spec_path.display(), code.code);
                assert_eq!(found["code"], code.code, "{context}");
                assert_eq!(found["template"], json!(code.message), "{context}");
                if spec.lifecycle {
                    assert_eq!(found["deprecated"], code.deprecated.is_some(), "{context}");
                    assert_eq!(found["replaced_by"], json!(code.replaced_by), "{context}");
                } else {
                    assert!(found.get("deprecated").is_none(), "{context}");
                }
            }
        }
    }
    // The fixtures hold what the checks are about.
    let catalog = read_spec(&repo().join("tests/fixtures/specs_v2/catalog.yaml"));
    assert!(catalog.lifecycle && catalog.codes.iter().any(|c| c.replaced_by.is_some()));
}

/// A body the spec's clients must read whatever a newer server adds, and what they must not.
#[test]
fn known_refuses_what_the_spec_does_not_type_and_keeps_what_a_newer_server_adds() {
    let module = module(&repo().join("tests/fixtures/specs_v2/catalog.yaml"), true);
    let quota = |params: Value| {
        json!({ "error": { "name": "Error", "status": 429, "code": "quota_exceeded", "message": "m", "params": params } })
            .to_string()
    };
    let base = json!({ "limit": 100, "window": "hour", "resets_at": "2026-12-01T00:00:00Z" });
    let with = |key: &str, value: Value| {
        let mut params = base.clone();
        params[key] = value;
        quota(params)
    };
    let without = |key: &str| {
        let mut params = base.clone();
        params.as_object_mut().unwrap().remove(key);
        quota(params)
    };
    let newer = r#"{"error":{"name":"Error","status":429,"code":"quota_exceeded","message":"m","params":{"limit":1,"window":"h","resets_at":"r","added":{"a":[1,null,2.5,"s",true]},"plan":null}},"trace":"x"}"#;
    let unknown = r#"{"error":{"name":"Error","status":418,"code":"added.later","message":"m","params":{"what":[{"x":1}]}}}"#;
    let amount = r#"{"error":{"name":"Error","status":400,"code":"amount_too_large","message":"m","params":{"amount":100,"max_amount":1.5,"live":true}}}"#;
    let lines = [
        with("limit", json!("100")),                    // a string for an integer
        with("limit", json!(1.5)),                      // a fraction for an integer
        with("window", json!(1)),                       // a number for a string
        with("plan", json!(7)),                         // an optional parameter of another type
        without("resets_at"),                           // a required parameter missing
        newer.to_owned(),                               // a parameter added, an optional one null
        unknown.to_owned(),                             // a code added
        amount.to_owned(),                              // a whole number for a number
        quota(json!({})).replace(",\"params\":{}", ""), // no params at all
    ]
    .map(|line| line.to_string());
    let read = answer(&["read", &module], &lines);
    for (found, line) in read.iter().zip(&lines).take(5) {
        assert!(found.get("error").is_none(), "{line}: {found}");
        assert_eq!(found["code"], "quota_exceeded", "{line}");
        assert_eq!(found["known"], Value::Null, "{line}");
    }
    let newer_read = &read[5];
    assert_eq!(
        newer_read["known"],
        json!({ "code": "quota_exceeded", "params": { "limit": 1, "window": "h", "resets_at": "r", "plan": null } })
    );
    let added = &newer_read["fields"]["params"][3];
    assert_eq!(
        added,
        &json!(["added", [["a", [1, null, { "number": 2.5_f64.to_bits().to_string(), "text": "2.5" }, "s", true]]]])
    );
    let reserialized: Value = serde_json::from_str(newer_read["text"].as_str().unwrap()).unwrap();
    let sent: Value = serde_json::from_str(newer).unwrap();
    assert_eq!(
        reserialized["error"], sent["error"],
        "a newer server's params are kept"
    );
    assert_eq!(
        read[6]["code"],
        Value::Null,
        "a code the spec lacks is unknown"
    );
    assert_eq!(read[6]["known"], Value::Null);
    assert_eq!(
        serde_json::from_str::<Value>(read[6]["text"].as_str().unwrap()).unwrap(),
        serde_json::from_str::<Value>(unknown).unwrap(),
        "and its body is kept"
    );
    assert_eq!(
        read[7]["known"]["params"],
        json!({ "amount": 100.0_f64.to_bits().to_string(), "max_amount": 1.5_f64.to_bits().to_string(), "currency": null, "live": true })
    );
    assert_eq!(read[8]["known"], Value::Null, "required parameters missing");
    assert!(!read[8]["text"].as_str().unwrap().contains("params"));
}

/// Numbers as JavaScript's `String(n)` writes them: the table of the spec format's examples
/// and the edges of each form.
const NUMBERS: &[(f64, &str)] = &[
    (0.1, "0.1"),
    (1e21, "1e+21"),
    (1e-7, "1e-7"),
    (123_456_789_012_345_680_000.0, "123456789012345680000"),
    (9_007_199_254_740_991.0, "9007199254740991"),
    (-0.0, "0"),
    (0.0, "0"),
    (5e-324, "5e-324"),
    (f64::MAX, "1.7976931348623157e+308"),
    (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
    (1e-6, "0.000001"),
    (1.5e-6, "0.0000015"),
    (999_999_999_999_999_900_000.0, "999999999999999900000"),
    (1.5e21, "1.5e+21"),
    (-1e21, "-1e+21"),
    (100.0, "100"),
    (-2.5, "-2.5"),
    (0.000_012_3, "0.0000123"),
    (1.234_567_890_123_456_7e-7, "1.2345678901234566e-7"),
    // Exactly halfway between two shortest candidates: JavaScript takes the even digit.
    (-1_149_636_667_324_797.2, "-1149636667324797.2"),
    (1_149_636_667_324_797.8, "1149636667324797.8"),
    (f64::NAN, "NaN"),
    (f64::INFINITY, "Infinity"),
    (f64::NEG_INFINITY, "-Infinity"),
    (1.0 / 3.0, "0.3333333333333333"),
    (2e-7, "2e-7"),
    (12_345.678_9, "12345.6789"),
];

fn numbers(values: &[f64]) -> Vec<String> {
    let module = module(&repo().join("tests/fixtures/specs_v2/catalog.yaml"), false);
    let lines: Vec<String> = values.iter().map(|n| n.to_bits().to_string()).collect();
    answer(&["numbers", &module], &lines)
        .into_iter()
        .map(|text| text.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn numbers_are_written_as_javascript_writes_them() {
    let values: Vec<f64> = NUMBERS.iter().map(|(n, _)| *n).collect();
    let found = numbers(&values);
    for ((number, want), got) in NUMBERS.iter().zip(&found) {
        assert_eq!(got, want, "{number:e}");
    }
}

#[test]
fn numbers_are_written_as_nodes_string_writes_them() {
    let tools = node_tools_or_skip!();
    // Random doubles of every exponent (as bit patterns), random short decimals, integers
    // around 2^53 and the powers of ten where the forms change.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut values: Vec<f64> = Vec::new();
    for _ in 0..2000 {
        let bits = next();
        let value = f64::from_bits(bits);
        if value.is_finite() {
            values.push(value);
        }
    }
    for _ in 0..1000 {
        let digits = (next() % 1_000_000) as f64;
        let exponent = i32::try_from(next() % 50).unwrap() - 25;
        values.push(digits * 10f64.powi(exponent));
    }
    for exponent in -30..=30 {
        let power = 10f64.powi(exponent);
        values.extend([power, -power, power * 1.5, power - power * 1e-15]);
    }
    values.extend((0..100).map(|k| 9_007_199_254_740_991.0 + f64::from(k) * 2.0));
    let found = numbers(&values);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("js-numbers");
    let input = dir.join("numbers.txt");
    let lines: Vec<String> = values
        .iter()
        .map(|n| format!("{:016x}", n.to_bits()))
        .collect();
    write_if_changed(&input, &(lines.join("\n") + "\n"));
    let run = run_ok(
        &mut tools.script("tests/node/js-numbers.mjs", &[&input]),
        "Node's String(n) of the numbers",
    );
    let node: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(node.len(), values.len(), "{}", run.stdout);
    let mut differ = Vec::new();
    for ((value, rust), node) in values.iter().zip(&found).zip(&node) {
        if rust != node {
            differ.push(format!("{value:e}: Rust {rust}, Node {node}"));
        }
    }
    assert!(
        differ.is_empty(),
        "{} differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
}

// -------------------------------------------------------------------- Layout and warnings

#[test]
fn long_names_are_formatted_as_rustfmt_formats_them() {
    let dir = tempfile::tempdir().unwrap();
    // The harness compiles two of these; rustfmt reads many more.
    for seed in 1..=30 {
        let spec = long_names_spec(seed);
        for serde in [true, false] {
            let path = dir.path().join(format!("{}.rs", module(&spec, serde)));
            std::fs::write(&path, render_one(&spec, errspec::Target::Rust, serde)).unwrap();
            for edition in ["2021", "2024"] {
                run_ok(
                    Command::new("rustfmt")
                        .args(["--check", "--edition", edition])
                        .arg(&path),
                    &format!("rustfmt --check --edition {edition} on {}", spec.display()),
                );
            }
        }
    }
}

/// rustfmt's width, which the generated doc comments fill.
const MAX_WIDTH: usize = 100;

/// A catalog whose codes, wire names and parameter descriptions sweep, a column at a time,
/// across the width at which a line of their docs wraps.
fn wrapping_spec() -> String {
    let mut yaml = String::from("version: 2\napi:\n  name: Wide\ncodes:\n");
    for n in 0..24 {
        let words: Vec<String> = (0..24).map(|i| "w".repeat(1 + (i * 7 + n) % 9)).collect();
        yaml.push_str(&format!(
            "  - code: c{n:02}_{}\n    status: 400\n    title: T\n    description: D.\n    \
             params:\n      p: {{type: string, description: {}}}\n",
            "x".repeat(36 + n),
            words.join(" ")
        ));
    }
    yaml
}

/// The doc comment above each line of `rust` that `item` accepts, a line of text each, with
/// its `///` and the indent before it.
fn docs_above(rust: &str, item: impl Fn(&str) -> bool) -> Vec<Vec<&str>> {
    let lines: Vec<&str> = rust.lines().collect();
    let mut docs = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        if !item(line) {
            continue;
        }
        let mut start = at;
        while start > 0 && lines[start - 1].trim_start().starts_with(['#', '/']) {
            start -= 1;
        }
        let doc = lines[start..at]
            .iter()
            .copied()
            .filter(|line| line.trim_start().starts_with("///"))
            .collect();
        docs.push(doc);
    }
    docs
}

/// The lines of a doc comment that a greedy wrap would have filled otherwise, each with what
/// is wrong: wider than rustfmt allows though not one word, or with room for the next line's
/// first word (a line that starts a paragraph or a list item starts afresh).
fn unfilled_lines(doc: &[&str]) -> Vec<String> {
    let text = |line: &str| {
        line.trim_start()
            .trim_start_matches("///")
            .trim()
            .to_owned()
    };
    let mut found = Vec::new();
    for (at, line) in doc.iter().enumerate() {
        if line.chars().count() > MAX_WIDTH && text(line).contains(' ') {
            found.push(format!("too wide: {line}"));
        }
        let Some(next) = doc.get(at + 1).map(|next| text(next)) else {
            continue;
        };
        if text(line).is_empty() || next.is_empty() || next.starts_with("- ") {
            continue;
        }
        let word = next.split(' ').next().unwrap_or_default();
        if line.chars().count() + 1 + word.chars().count() <= MAX_WIDTH {
            found.push(format!("room for `{word}`: {line}"));
        }
    }
    found
}

#[test]
fn constructor_and_parameter_docs_fill_their_lines() {
    let mut options = errspec::Options::new("wide.yaml");
    options.targets = vec![errspec::Target::Rust];
    let rust = errspec::render(&wrapping_spec(), &options)
        .unwrap()
        .remove(0)
        .contents;
    // `C00XxxParams` and `c00_xxx(`: the codes' own items, whose docs come from the spec.
    let numbered = |rest: Option<&str>| {
        rest.is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    };
    let item = |line: &str| {
        numbered(line.strip_prefix("pub struct C")) || numbered(line.strip_prefix("    pub fn c"))
    };
    let docs = docs_above(&rust, item);
    assert_eq!(docs.len(), 48, "a struct and a constructor per code");
    let unfilled: Vec<String> = docs.iter().flat_map(|doc| unfilled_lines(doc)).collect();
    assert!(unfilled.is_empty(), "{}", unfilled.join("\n"));
}

/// A user's crate that includes the std-only file of `catalog.yaml` and uses `items`, compiled
/// by rustc with the generated file's own warnings denied: the warnings the user gets.
fn user_warnings(uses: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let spec = repo().join("tests/fixtures/specs_v2/catalog.yaml");
    std::fs::write(
        dir.path().join("error_codes.rs"),
        render_one(&spec, errspec::Target::Rust, false),
    )
    .unwrap();
    let root = dir.path().join("lib.rs");
    std::fs::write(
        &root,
        format!(
            "//! A user of the generated code.\n\n/// Generated.\n#[deny(warnings, missing_docs)]\npub mod generated {{\n    include!(\"error_codes.rs\");\n}}\n\nuse generated::{{ErrorBody, ErrorCode, KnownError}};\n\n/// Uses the codes.\n#[must_use]\npub fn uses() -> Vec<bool> {{\n{uses}}}\n"
        ),
    )
    .unwrap();
    let output = Command::new("rustc")
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "lib",
            "--error-format",
            "short",
        ])
        .arg("--out-dir")
        .arg(dir.path())
        .arg(&root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    stderr
        .lines()
        .filter(|line| line.contains("warning:") && !line.contains("warnings emitted"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_deprecated_code_warns_its_users_and_the_file_itself_does_not() {
    let deprecated = user_warnings(
        "    let body = ErrorBody::card_expired(\"m\");\n    vec![\n        body.code() == Some(ErrorCode::CardExpired),\n        matches!(body.known(), Some(KnownError::CardExpired)),\n    ]\n",
    );
    let want = [
        "use of deprecated associated function `generated::ErrorBody::card_expired`",
        "use of deprecated unit variant `generated::ErrorCode::CardExpired`",
        "use of deprecated unit variant `generated::KnownError::CardExpired`",
    ];
    for warning in want {
        assert!(
            deprecated.iter().any(|line| line.contains(warning)),
            "no `{warning}` in {deprecated:#?}"
        );
    }
    assert!(
        deprecated
            .iter()
            .all(|line| line.contains("Use `card_declined` with `decline_code` instead.")),
        "each warning says why: {deprecated:#?}"
    );
    assert_eq!(deprecated.len(), want.len(), "{deprecated:#?}");
    // The same uses of a code that is not deprecated draw no warning at all.
    let current = user_warnings(
        "    let body = ErrorBody::card_declined(\"insufficient_funds\", None);\n    vec![\n        body.code() == Some(ErrorCode::CardDeclined),\n        matches!(body.known(), Some(KnownError::CardDeclined(_))),\n        ErrorCode::CardDeclined.replaced_by().is_none(),\n    ]\n",
    );
    assert_eq!(current, Vec::<String>::new());
}

/// A body from every constructor: the input lines and expected bodies as the lead's
/// conformance reads them, for one spec.
#[test]
fn the_construct_query_answers_one_line_per_input_line() {
    let spec = repo().join("tests/fixtures/specs_v2/params_edge.yaml");
    let lines = [
        json!({ "code": "new", "params": { "type": "t", "self": 1, "class": true, "constructor": 0.5 } }),
        json!({ "code": "message_param", "params": { "message": "p", "messageId": 2 }, "message": "written" }),
        json!({ "code": "only_optional", "params": {}, "message": "none" }),
        json!({ "code": "braces", "params": {} }),
    ]
    .map(|line| line.to_string());
    let found = answer(&["construct", &module(&spec, true)], &lines);
    let texts: Vec<Value> = found
        .iter()
        .map(|found| serde_json::from_str(found["text"].as_str().unwrap()).unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            json!({ "error": { "name": "Error", "status": 400, "code": "new", "message": "t", "params": { "type": "t", "self": 1, "class": true, "constructor": 0.5 } } }),
            json!({ "error": { "name": "Error", "status": 500, "code": "message_param", "message": "written", "params": { "message": "p", "messageId": 2 } } }),
            json!({ "error": { "name": "Error", "status": 409, "code": "only_optional", "message": "none" } }),
            json!({ "error": { "name": "Error", "status": 422, "code": "braces", "message": "{} { and }" } }),
        ]
    );
}
