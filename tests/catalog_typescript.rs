//! Parameters, message templates and the life cycle of codes in the TypeScript of format v2,
//! under the real tools: every module compiled by both pinned tsc with every strict flag,
//! beside type-level checks and the docs' examples, and formatted as prettier formats it; the
//! bodies `errorBody` builds, run in Node, compared byte for byte with bodies this test writes
//! from the spec itself; the guards given every way a body can be wrong; clients of an older
//! spec fed the bodies of a newer one, and the other way round; and what an editor shows,
//! asked of TypeScript's language service.
//!
//! The spec is read here straight from the YAML (not through errspec), and the text of every
//! number is written out by hand as JavaScript's `String(n)` writes it, so nothing compares the
//! generated code with itself.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use serde_json::{Value, json};
use serde_yaml::Value as Yaml;

use crate::support::node::{self, Tools, node_tools_or_skip};
use crate::support::{Run, problem_specs, repo, run_ok, v2_specs, write_if_changed};

// ------------------------------------------------------------------------------- The spec

/// One parameter as the spec writes it.
#[derive(Debug, Clone)]
pub struct SpecParam {
    pub name: String,
    /// `string`, `integer`, `number` or `boolean`.
    pub kind: String,
    pub description: String,
    pub optional: bool,
}

/// One code of a format v2 spec as the spec writes it, with what this module checks.
#[derive(Debug, Clone)]
pub struct SpecCode {
    pub code: String,
    pub status: u16,
    pub title: String,
    pub description: String,
    pub retryable: bool,
    pub docs_url: Option<String>,
    pub message: Option<String>,
    pub params: Vec<SpecParam>,
    pub deprecated: Option<String>,
    pub replaced_by: Option<String>,
}

/// A format v2 spec as the spec writes it.
#[derive(Debug, Clone)]
pub struct SpecV2 {
    pub error_name: String,
    pub codes: Vec<SpecCode>,
}

impl SpecV2 {
    /// Whether some code has parameters or a template: then `ERROR_CODES` says so.
    pub fn uses_params(&self) -> bool {
        self.codes
            .iter()
            .any(|code| code.message.is_some() || !code.params.is_empty())
    }

    /// Whether some code is deprecated or replaced: then `ERROR_CODES` says so.
    pub fn uses_lifecycle(&self) -> bool {
        self.codes
            .iter()
            .any(|code| code.deprecated.is_some() || code.replaced_by.is_some())
    }

    fn code(&self, code: &str) -> &SpecCode {
        self.codes.iter().find(|c| c.code == code).unwrap()
    }
}

/// Reads the format v2 spec `text`.
pub fn read_spec(text: &str) -> SpecV2 {
    let doc: Yaml = serde_yaml::from_str(text).unwrap();
    assert_eq!(doc["version"].as_u64(), Some(2));
    let api = &doc["api"];
    let docs = api["docs"].as_str();
    let string = |value: &Yaml| value.as_str().map(str::to_owned);
    let codes = doc["codes"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|code| {
            let wire = code["code"].as_str().unwrap().to_owned();
            let params = code["params"]
                .as_mapping()
                .map(|params| {
                    params
                        .iter()
                        .map(|(name, param)| SpecParam {
                            name: name.as_str().unwrap().to_owned(),
                            kind: param["type"].as_str().unwrap().to_owned(),
                            description: param["description"].as_str().unwrap().to_owned(),
                            optional: param["optional"].as_bool().unwrap_or(false),
                        })
                        .collect()
                })
                .unwrap_or_default();
            SpecCode {
                docs_url: code["docs"]
                    .as_str()
                    .or(docs)
                    .map(|url| url.replace("{code}", &wire)),
                status: u16::try_from(code["status"].as_u64().unwrap()).unwrap(),
                title: string(&code["title"]).unwrap(),
                description: string(&code["description"]).unwrap(),
                retryable: code["retryable"].as_bool().unwrap_or(false),
                message: string(&code["message"]),
                params,
                deprecated: string(&code["deprecated"]),
                replaced_by: string(&code["replaced_by"]),
                code: wire,
            }
        })
        .collect();
    SpecV2 {
        error_name: api["error_name"].as_str().unwrap_or("Error").to_owned(),
        codes,
    }
}

/// Reads the format v2 spec at `path`.
pub fn read_spec_file(path: &Path) -> SpecV2 {
    read_spec(&std::fs::read_to_string(path).unwrap())
}

/// What `ERROR_CODES` must hold for each code of the spec at `path`, as JSON (`null` for
/// `undefined`), and the keys of an entry in the order the module writes them: the facts of
/// parameters and templates only when the spec uses them, and so those of the life cycle.
pub fn expected_entries(path: &Path) -> (Vec<Value>, Vec<&'static str>) {
    let spec = read_spec_file(path);
    let mut keys = vec![
        "code",
        "status",
        "name",
        "title",
        "description",
        "retryable",
        "docsUrl",
    ];
    if spec.uses_params() {
        keys.extend(["messageTemplate", "params"]);
    }
    if spec.uses_lifecycle() {
        keys.extend(["deprecated", "replacedBy"]);
    }
    let entries = spec
        .codes
        .iter()
        .map(|code| {
            let mut entry = json!({
                "code": code.code,
                "status": code.status,
                "title": code.title,
                "description": code.description,
                "retryable": code.retryable,
                "docsUrl": code.docs_url,
            });
            if spec.uses_params() {
                entry["messageTemplate"] = json!(code.message);
                entry["params"] = code
                    .params
                    .iter()
                    .map(|param| {
                        json!({
                            "name": param.name,
                            "type": param.kind,
                            "optional": param.optional,
                            "description": param.description,
                        })
                    })
                    .collect();
            }
            if spec.uses_lifecycle() {
                entry["deprecated"] = json!(code.deprecated);
                entry["replacedBy"] = json!(code.replaced_by);
            }
            entry
        })
        .collect();
    (entries, keys)
}

/// Whether `errorBody(code, message)` is how a body of `code` is built, as for every code of
/// a spec without parameters: no template, and no parameters (a code with parameters, even
/// optional ones, sends `params`).
pub fn takes_message_only(code: &SpecCode) -> bool {
    code.message.is_none() && code.params.is_empty()
}

// ------------------------------------------------------------------------------ The specs

/// The fixtures this module is about.
fn fixture(name: &str) -> PathBuf {
    repo().join(format!("tests/fixtures/specs_v2/{name}.yaml"))
}

/// A spec a client was built from last year: its name, and its text.
pub(crate) const OLDER: (&str, &str) = (
    "older",
    r#"version: 2
api:
  name: Shop
codes:
  - code: card_declined
    status: 402
    title: Card declined
    description: The card was declined.
    message: "Declined: {reason}."
    params:
      reason: {type: string, description: Why.}
  - code: out_of_stock
    status: 409
    title: Out of stock
    description: The item is out of stock.
  - code: legacy_error
    status: 500
    title: Legacy error
    description: An old code.
"#,
);

/// The same API a year on: codes added (one with dots and dashes), optional parameters added
/// to a code that had some and to one that had none, a code deprecated and replaced, and a
/// code reserved.
pub(crate) const NEWER: (&str, &str) = (
    "newer",
    r#"version: 2
api:
  name: Shop
codes:
  - code: card_declined
    status: 402
    title: Card declined
    description: The card was declined.
    message: "Declined: {reason}."
    params:
      reason: {type: string, description: Why.}
      retry_after: {type: integer, description: Seconds to wait., optional: true}
      network: {type: string, description: The card network., optional: true}
  - code: out_of_stock
    status: 409
    title: Out of stock
    description: The item is out of stock.
    params:
      sku: {type: string, description: The item., optional: true}
      restock: {type: boolean, description: Whether it comes back., optional: true}
  - code: legacy_error
    status: 500
    title: Legacy error
    description: An old code.
    deprecated: Use `internal` instead.
    replaced_by: internal
  - code: internal
    status: 500
    title: Internal error
    description: Something failed on our side.
    message: "Internal error {id}; it took {elapsed} s."
    params:
      id: {type: string, description: The incident.}
      elapsed: {type: number, description: Seconds spent.}
  - code: rate.limited-v2
    status: 429
    title: Rate limited
    description: Too many requests.
    message: Slow down.
    params:
      limit: {type: integer, description: The limit.}
reserved: [gone_code]
"#,
);

/// Specs that use one feature without the others, and one at the edges of the layout: each
/// must compile, document every declaration and satisfy prettier on its own.
const COMBINATIONS: &[(&str, &str)] = &[
    (
        "templates_only",
        r#"version: 2
api: {name: Templates}
codes:
  - {code: fixed, status: 400, title: Fixed, description: d, message: "A fixed {{message}}."}
  - {code: free, status: 500, title: Free, description: d}
"#,
    ),
    (
        "params_only",
        r#"version: 2
api: {name: Params}
codes:
  - code: with_params
    status: 400
    title: With params
    description: d
    params:
      field: {type: string, description: The field.}
      count: {type: integer, description: How many., optional: true}
  - {code: without, status: 500, title: Without, description: d}
"#,
    ),
    (
        "lifecycle_only",
        r#"version: 2
api: {name: Lifecycle}
codes:
  - {code: old, status: 400, title: Old, description: d, deprecated: "Use `new_one`.", replaced_by: new_one}
  - {code: new_one, status: 400, title: New one, description: d}
  - {code: replaced_only, status: 400, title: Replaced only, description: d, replaced_by: new_one, allow: [REPLACED_WITHOUT_DEPRECATION]}
reserved: [older]
"#,
    ),
    (
        "long",
        r#"version: 2
api: {name: Long}
codes:
  - code: payments.card-declined.by-the-issuer-for-a-reason-that-is-long
    status: 402
    title: Declined
    description: d
    deprecated: "A reason long enough to wrap in every doc comment that shows it, with `code` and *stars* and a\nsecond line."
    replaced_by: payments.card_declined_with_a_name_long_enough_to_wrap_its_tuple
    params:
      a_parameter_name_long_enough_to_move_the_line_past_eighty_column: {type: string, description: "A description long enough to move the description of the entry in ERROR_CODES to a line of its own.", optional: true}
  - code: payments.card_declined_with_a_name_long_enough_to_wrap_its_tuple
    status: 402
    title: Declined again
    description: d
    message: "A template that is long enough to move the message template to the next line, {x}."
    params:
      x: {type: boolean, description: X.}
  - code: all_optional_with_template
    status: 400
    title: All optional with template
    description: d
    message: "{{}}"
    params:
      only: {type: number, description: Only., optional: true}
"#,
    ),
];

// ---------------------------------------------------------------------------- The project

/// The scratch TypeScript project of this module: one folder per module under `src/`.
struct Project {
    dir: PathBuf,
    /// Each module's name, with its `.ts` file and the `.js` tsc emits for it.
    modules: BTreeMap<String, (PathBuf, PathBuf)>,
}

impl Project {
    fn compiled(&self, name: &str) -> &Path {
        &self.modules[name].1
    }
}

/// The docs' TypeScript examples this module compiles: the heading of the section of
/// docs/generated-typescript.md whose first `ts` block it is, the fixture the block's
/// `./generated/typescript/error-codes.js` is generated from, and the folder it goes in.
const DOCS_EXAMPLES: &[(&str, &str, &str)] = &[
    ("## Format v2", "payments", "docs-format-v2"),
    (
        "### Parameters and message templates",
        "catalog",
        "docs-params",
    ),
    ("### Deprecated codes", "catalog", "docs-deprecated"),
];

/// The first `ts` block under `heading` in docs/generated-typescript.md.
fn docs_example(heading: &str) -> String {
    let docs = std::fs::read_to_string(repo().join("docs/generated-typescript.md")).unwrap();
    let section = docs
        .split_once(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("docs/generated-typescript.md has no section {heading:?}"))
        .1;
    let block = section
        .split_once("```ts\n")
        .and_then(|(_, rest)| rest.split_once("\n```\n"))
        .unwrap_or_else(|| panic!("the section {heading:?} has no ```ts block"))
        .0;
    format!("{block}\n")
}

fn render_typescript(source: &str, name: &str) -> String {
    let mut options = errspec::Options::new(name);
    options.targets = vec![errspec::Target::TypeScript];
    errspec::render(source, &options)
        .unwrap_or_else(|e| panic!("{name} is invalid:\n{e}"))
        .remove(0)
        .contents
}

/// The project, written and compiled by both pinned tsc (the newest emits) once per run;
/// `None` when the Node-side tests are skipped.
fn project() -> Option<&'static Project> {
    static PROJECT: OnceLock<Project> = OnceLock::new();
    let tools = node::tools()?;
    Some(PROJECT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("typescript-catalog-v2");
        for stale in ["src", "out"] {
            if dir.join(stale).exists() {
                std::fs::remove_dir_all(dir.join(stale)).unwrap();
            }
        }
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
        let checks =
            std::fs::read_to_string(repo().join("tests/node/type-checks-catalog-v2.ts")).unwrap();
        write_if_changed(&dir.join("src/type-checks-catalog-v2.ts"), &checks);
        let mut sources: Vec<(String, String)> = Vec::new();
        // Every format v2 spec of the tests, problem details too, named by its file's stem.
        for path in v2_specs().into_iter().chain(problem_specs()) {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let rendered = render_typescript(&text, &format!("{name}.yaml"));
            sources.push((name, rendered));
        }
        let readme = crate::conformance_catalog::readme_spec();
        let problems = crate::conformance_catalog::problem_versions();
        let problems = problems
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str()));
        for (name, text) in [OLDER, NEWER, (readme.0, &readme.1)]
            .into_iter()
            .chain(problems)
            .chain(COMBINATIONS.iter().copied())
        {
            sources.push((
                name.to_owned(),
                render_typescript(text, &format!("{name}.yaml")),
            ));
        }
        for (heading, spec, folder) in DOCS_EXAMPLES {
            let module = sources
                .iter()
                .find(|(name, _)| name == spec)
                .unwrap()
                .1
                .clone();
            sources.push((format!("{folder}/generated/typescript"), module));
            write_if_changed(
                &dir.join(format!("src/{folder}/usage.ts")),
                &docs_example(heading),
            );
        }
        let modules = sources
            .into_iter()
            .map(|(name, text)| {
                let source = dir.join(format!("src/{name}/error-codes.ts"));
                write_if_changed(&source, &text);
                let compiled = dir.join(format!("out/{name}/error-codes.js"));
                (name, (source, compiled))
            })
            .collect();
        let tsconfig = dir.join("tsconfig.json");
        run_ok(
            tools
                .bin("typescript-5", "bin/tsc")
                .args(["--noEmit", "--pretty", "false", "-p"])
                .arg(&tsconfig),
            "tsc 5 on the catalogs' TypeScript, its type-level checks and the docs' examples",
        );
        run_ok(
            tools
                .bin("typescript", "bin/tsc")
                .args(["--pretty", "false", "-p"])
                .arg(&tsconfig),
            "tsc on the catalogs' TypeScript, its type-level checks and the docs' examples",
        );
        Project { dir, modules }
    }))
}

/// Runs `command` with `input` on its stdin, and returns its stdout's lines; panics with its
/// output when it fails.
pub(crate) fn run_lines(command: &mut Command, input: &str, what: &str) -> Vec<String> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{what}: cannot start {command:?}: {e}"));
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let run = Run::from(child.wait_with_output().unwrap());
    writer.join().unwrap().unwrap();
    assert_eq!(
        run.code,
        Some(0),
        "{what} failed:\n--- stdout\n{}\n--- stderr\n{}",
        run.stdout,
        run.stderr
    );
    run.stdout.lines().map(str::to_owned).collect()
}

/// The bodies `errorBody` of the compiled module `name` builds for `lines`, as JSON texts.
fn construct(tools: &Tools, project: &Project, name: &str, lines: &[Value]) -> Vec<String> {
    let input: String = lines.iter().map(|line| format!("{line}\n")).collect();
    let built = run_lines(
        &mut tools.script("tests/node/construct-v2.mjs", &[project.compiled(name)]),
        &input,
        &format!("construct-v2.mjs on {name}"),
    );
    assert_eq!(built.len(), lines.len(), "one body per line");
    built
}

/// What the guards of the compiled module `name` say of each body.
fn read(tools: &Tools, project: &Project, name: &str, bodies: &[String]) -> Vec<Value> {
    let input: String = bodies.iter().map(|body| format!("{body}\n")).collect();
    let results = run_lines(
        &mut tools.script("tests/node/read-v2.mjs", &[project.compiled(name)]),
        &input,
        &format!("read-v2.mjs on {name}"),
    );
    assert_eq!(results.len(), bodies.len(), "one result per body");
    results
        .iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The bodies `errorBody` of the module of the spec named `name` (a fixture's stem, `older` or
/// `newer`) builds for `lines`; `None` when the Node-side tests are skipped.
pub(crate) fn construct_texts(name: &str, lines: &[Value]) -> Option<Vec<String>> {
    let project = project()?;
    Some(construct(node::tools()?, project, name, lines))
}

/// The compiled module (`.js`) of the spec named `name`; `None` when the Node-side tests are
/// skipped.
pub(crate) fn compiled(name: &str) -> Option<PathBuf> {
    Some(project()?.compiled(name).to_owned())
}

/// What the guards of the module of the spec named `name` say of each body (see
/// `read-v2.mjs`); `None` when the Node-side tests are skipped.
pub(crate) fn read_bodies(name: &str, bodies: &[String]) -> Option<Vec<Value>> {
    let project = project()?;
    Some(read(node::tools()?, project, name, bodies))
}

// ----------------------------------------------------------------------- Values and bodies

/// A parameter's value: its JSON text as the input gives it, its text as JavaScript's
/// `String(value)` writes it, and its JSON text as `JSON.stringify` writes it (for a finite
/// number, the same as `String`: `1e21` is `1e+21`, `-0` is `0`).
#[derive(Debug, Clone)]
struct Sample {
    json: String,
    text: String,
    written: String,
}

fn string_sample(text: &str) -> Sample {
    let json = serde_json::to_string(text).unwrap();
    Sample {
        written: json.clone(),
        json,
        text: text.to_owned(),
    }
}

/// A number written `json` in the input, which JavaScript writes as `text`.
fn number_sample(json: &str, text: &str) -> Sample {
    Sample {
        json: json.to_owned(),
        text: text.to_owned(),
        written: text.to_owned(),
    }
}

/// Strings that test every escape: quotes of both kinds, backslashes, braces (also what looks
/// like a placeholder), template syntax, line breaks and controls, emoji sequences, HTML's
/// `</script>`, text written right to left, and nothing at all.
const STRINGS: &[&str] = &[
    "hour",
    "a \"quoted\" 'single' \\ back\\slash {braces} {{double}} }{ {limit} ${x} `tick` $& $1 $$",
    "line\nbreak\r\n\ttab \u{2028}\u{2029} nul\u{0} esc\u{1b} del\u{7f}",
    "emoji 🚀👍🏽🇩🇪👨‍👩‍👧 and </script><script>alert(1)</script> <!-- -->",
    "",
    "ünïcödé שלום 漢字 \u{202E}right to left\u{202C}",
];

/// Integers up to 2^53 - 1 either way, as JSON and as `String(n)`.
const INTEGERS: &[(&str, &str)] = &[
    ("100", "100"),
    ("9007199254740991", "9007199254740991"),
    ("-9007199254740991", "-9007199254740991"),
    ("0", "0"),
    ("-1", "-1"),
];

/// Numbers, as JSON and as JavaScript's `String(n)` writes them: exponents from 1e21 up and
/// below 1e-6, `-0` as `0`, the smallest and largest doubles.
const NUMBERS: &[(&str, &str)] = &[
    ("0.1", "0.1"),
    ("1e21", "1e+21"),
    ("-0", "0"),
    ("1e-7", "1e-7"),
    ("123456789.125", "123456789.125"),
    ("100", "100"),
    ("-1.5", "-1.5"),
    ("5e-324", "5e-324"),
    ("1.7976931348623157e308", "1.7976931348623157e+308"),
    ("0.000001", "0.000001"),
    ("999999999999999900000", "999999999999999900000"),
];

/// The `index`th sample of a parameter of `kind`.
fn sample(kind: &str, index: usize) -> Sample {
    match kind {
        "string" => string_sample(STRINGS[index % STRINGS.len()]),
        "integer" => {
            let (json, text) = INTEGERS[index % INTEGERS.len()];
            number_sample(json, text)
        }
        "number" => {
            let (json, text) = NUMBERS[index % NUMBERS.len()];
            number_sample(json, text)
        }
        "boolean" => {
            let text = if index.is_multiple_of(2) {
                "true"
            } else {
                "false"
            };
            number_sample(text, text)
        }
        other => panic!("no parameter type {other}"),
    }
}

/// `template` with each `{name}` replaced by its value's text and `{{`, `}}` made single:
/// the format's rule, written here apart from errspec's.
fn fill(template: &str, values: &BTreeMap<String, Sample>) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("{{") || rest.starts_with("}}") {
            out.push(c);
            rest = &rest[2..];
        } else if c == '{' {
            let end = rest.find('}').expect("a closed placeholder");
            out.push_str(&values[&rest[1..end]].text);
            rest = &rest[end + 1..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// One body to build: the line `construct-v2.mjs` reads, and the JSON text of the body the
/// wire format defines for it, members in order.
pub(crate) struct Vector {
    pub line: Value,
    pub expected: String,
}

/// The `set`th body of `code`: every parameter gets a sample, shifted by its place so that
/// parameters of one type differ; optional parameters are given in every other set. The line
/// lists the parameters given in reverse, so that the body's spec order is errorBody's doing.
pub(crate) fn vector(spec: &SpecV2, code: &SpecCode, set: usize) -> Vector {
    let mut values = BTreeMap::new();
    let mut given = Vec::new();
    for (index, param) in code.params.iter().enumerate() {
        let sample = sample(&param.kind, set + index);
        if !param.optional || (set + index).is_multiple_of(2) {
            given.push((param.name.clone(), sample.clone()));
        }
        values.insert(param.name.clone(), sample);
    }
    let message = match &code.message {
        Some(template) => fill(template, &values),
        None => STRINGS[(set + 1) % STRINGS.len()].to_owned(),
    };
    let params_json = |pairs: &mut dyn Iterator<Item = &(String, Sample)>, written: bool| {
        let members: Vec<String> = pairs
            .map(|(name, sample)| {
                let value = if written {
                    &sample.written
                } else {
                    &sample.json
                };
                format!("{}:{value}", serde_json::to_string(name).unwrap())
            })
            .collect();
        format!("{{{}}}", members.join(","))
    };
    let mut expected = format!(
        "{{\"error\":{{\"name\":{},\"status\":{},\"code\":{},\"message\":{}",
        serde_json::to_string(&spec.error_name).unwrap(),
        code.status,
        serde_json::to_string(&code.code).unwrap(),
        serde_json::to_string(&message).unwrap(),
    );
    // An error that carries no parameter values has no `params`, in either language.
    if !given.is_empty() {
        expected.push_str(&format!(
            ",\"params\":{}",
            params_json(&mut given.iter(), true)
        ));
    }
    expected.push_str("}}");
    let params: Value = serde_json::from_str(&params_json(&mut given.iter().rev(), false)).unwrap();
    let mut line = json!({ "code": code.code, "params": params });
    if code.message.is_none() {
        line["message"] = json!(message);
    }
    Vector { line, expected }
}

/// How many bodies each code is built with: enough for every sample of every type.
pub(crate) const SETS: usize = 11;

// ---------------------------------------------------------------------------------- Tests

#[test]
fn catalog_typescript_compiles_strict_and_is_formatted_as_prettier_formats_it() {
    let Some(project) = project() else { return };
    let tools = node_tools_or_skip!();
    let mut files: Vec<&Path> = project
        .modules
        .values()
        .map(|(ts, _)| ts.as_path())
        .collect();
    let usages: Vec<PathBuf> = DOCS_EXAMPLES
        .iter()
        .map(|(_, _, folder)| project.dir.join(format!("src/{folder}/usage.ts")))
        .collect();
    files.extend(usages.iter().map(PathBuf::as_path));
    run_ok(
        &mut tools.script("tests/node/prettier-check.mjs", &files),
        "prettier on the catalogs' TypeScript and the docs' examples",
    );
    for (_, compiled) in project.modules.values() {
        assert!(compiled.is_file(), "tsc emitted no {}", compiled.display());
    }
}

#[test]
fn every_declaration_of_the_catalogs_has_a_doc_comment() {
    // As tsc declares them: each export and each member of an interface or of a type
    // literal comes right after the end of a JSDoc comment.
    let Some(project) = project() else { return };
    for (name, (_, compiled)) in &project.modules {
        let path = compiled.with_extension("d.ts");
        let declarations = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = declarations.lines().map(str::trim).collect();
        let mut checked = 0;
        let mut in_tuple = false;
        for (index, line) in lines.iter().enumerate() {
            // The elements of an `ErrorBodyArgs` tuple laid out on several lines.
            if line.ends_with(": [") {
                in_tuple = true;
            } else if in_tuple {
                in_tuple = *line != "];";
                continue;
            }
            let comment = line.starts_with("/**") || line.starts_with('*');
            // `KnownErrorBody`'s and `ErrorCodeName`'s mapped types, and `errorBody`'s return
            // type, whose members a doc comment cannot reach; the index that closes
            // `ErrorCodeName` and `ErrorCodeStatus`, whose members are documented above it.
            let mapped = matches!(
                *line,
                "[C in ErrorCode]: {"
                    | "[C in ErrorCode]: ErrorBodyOf<C>;"
                    | "error: ErrorDetailOf<C>;"
                    | "}[ErrorCode];"
                    | "readonly [K in keyof typeof ErrorCode as (typeof ErrorCode)[K]]: K;"
                    | "}[C];"
            );
            // `export {};` is how tsc marks a declaration file that also declares a private
            // constant (`errorCodes`, which `ErrorCode` freezes) as a module.
            if comment || mapped || matches!(*line, "}" | "};" | "" | "export {};") {
                continue;
            }
            // The closing line of a type whose members are all documented above it.
            if line.starts_with("} & (") {
                continue;
            }
            let documented = index > 0 && lines[index - 1].ends_with("*/");
            assert!(
                documented,
                "{name}: no doc comment on `{line}` in {}",
                path.display()
            );
            checked += 1;
        }
        assert!(
            checked > 20,
            "{name}: only {checked} declarations in {}",
            path.display()
        );
    }
}

#[test]
fn features_appear_only_in_specs_that_use_them() {
    // The compatibility rule: a spec without parameters or templates gets none of their
    // machinery, and one that deprecates nothing no life cycle.
    for (name, text) in COMBINATIONS {
        let module = render_typescript(text, &format!("{name}.yaml"));
        let spec = read_spec(text);
        for (present, needles) in [
            (
                spec.uses_params(),
                &["ErrorBodyArgs", "messageTemplate", "isParamValue"][..],
            ),
            (spec.uses_lifecycle(), &["replacedBy", "@deprecated"][..]),
        ] {
            for needle in needles {
                assert_eq!(
                    module.contains(needle),
                    present,
                    "{name}: {needle} should be there: {present}"
                );
            }
        }
        let has_params = spec.codes.iter().any(|code| !code.params.is_empty());
        assert_eq!(module.contains("ErrorParamsMembers"), has_params, "{name}");
    }
    // "replaced_only" is replaced without being deprecated: linked, never struck through.
    let lifecycle = render_typescript(COMBINATIONS[2].1, "lifecycle_only.yaml");
    assert_eq!(lifecycle.matches("@deprecated").count(), 1, "{lifecycle}");
    assert_eq!(
        lifecycle
            .matches("Replaced by {@link ErrorCode.NewOne}.")
            .count(),
        2,
        "{lifecycle}"
    );
}

#[test]
fn error_body_builds_the_bodies_the_wire_format_defines() {
    let Some(project) = project() else { return };
    let tools = node_tools_or_skip!();
    for name in ["catalog", "params_edge"] {
        let spec = read_spec_file(&fixture(name));
        let vectors: Vec<Vector> = spec
            .codes
            .iter()
            .flat_map(|code| (0..SETS).map(|set| vector(&spec, code, set)))
            .collect();
        let lines: Vec<Value> = vectors.iter().map(|v| v.line.clone()).collect();
        let built = construct(tools, project, name, &lines);
        for (body, vector) in built.iter().zip(&vectors) {
            assert_eq!(
                body, &vector.expected,
                "{name}: the body of {}",
                vector.line
            );
        }
        // Every body reads back as a body of its code, message and all.
        for (result, vector) in read(tools, project, name, &built).iter().zip(&vectors) {
            let body: Value = serde_json::from_str(&vector.expected).unwrap();
            let want = json!({
                "body": true,
                "known": true,
                "code": body["error"]["code"],
                "message": body["error"]["message"],
            });
            assert_eq!(result, &want, "{name}: {}", vector.expected);
        }
    }
}

#[test]
fn the_construct_script_builds_bodies_of_specs_without_parameters_too() {
    // The conformance tests of every target call the script with any v2 module: a code of a
    // spec without parameters takes the message, and `params` may be absent or null.
    let Some(project) = project() else { return };
    let tools = node_tools_or_skip!();
    let lines = [
        json!({ "code": "card_declined", "message": "m\n\"x\"" }),
        json!({ "code": "quota_exceeded", "message": "slow", "params": null }),
    ];
    let built = construct(tools, project, "payments", &lines);
    assert_eq!(
        built,
        [
            r#"{"error":{"name":"Error","status":402,"code":"card_declined","message":"m\n\"x\""}}"#,
            r#"{"error":{"name":"Error","status":429,"code":"quota_exceeded","message":"slow"}}"#,
        ]
    );
    // A code the module does not know stops it, naming the line.
    let mut command = tools.script(
        "tests/node/construct-v2.mjs",
        &[project.compiled("catalog")],
    );
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"code\":\"maintenance\",\"params\":{\"until\":\"x\",\"partial\":true}}\n{\"code\":\"teapot\"}\n")
        .unwrap();
    let run = Run::from(child.wait_with_output().unwrap());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("line 2"), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "{\"error\":{\"name\":\"Error\",\"status\":503,\"code\":\"maintenance\",\"message\":\"The service is down for maintenance; try again after x.\",\"params\":{\"until\":\"x\",\"partial\":true}}}\n"
    );
}

/// The ways a body of `code` (built by [`vector`] with every optional parameter given) can
/// differ from its code's parameters, each with whether `isKnownErrorBody` accepts it.
fn variations(code: &SpecCode, body: &Value) -> Vec<(String, Value, bool)> {
    let mut out = Vec::new();
    let mut vary = |what: String, change: &dyn Fn(&mut Value), known: bool| {
        let mut changed = body.clone();
        change(&mut changed);
        out.push((what, changed, known));
    };
    let required = code.params.iter().any(|param| !param.optional);
    vary(
        "an extra parameter".to_owned(),
        &|b| b["error"]["params"]["added_later"] = json!({ "nested": [1] }),
        true,
    );
    vary(
        "an extra member".to_owned(),
        &|b| b["error"]["details"] = json!([1, 2]),
        true,
    );
    if code.params.is_empty() {
        // A newer server may add parameters to a code that has none: any `params` is fine.
        vary(
            "params of any kind".to_owned(),
            &|b| b["error"]["params"] = json!(5),
            true,
        );
        return out;
    }
    vary(
        "no params".to_owned(),
        &|b| {
            b["error"].as_object_mut().unwrap().remove("params");
        },
        !required,
    );
    for bad in [json!([]), json!(null), json!("params"), json!(1)] {
        vary(
            format!("params {bad}"),
            &|b| b["error"]["params"] = bad.clone(),
            false,
        );
    }
    let wrong: &[(&str, Value)] = &[
        ("string", json!(1)),
        ("string", json!(true)),
        ("integer", json!(1.5)),
        ("integer", json!("1")),
        ("number", json!("1")),
        ("number", json!(false)),
        ("boolean", json!("true")),
        ("boolean", json!(1)),
    ];
    for param in &code.params {
        let name = param.name.clone();
        vary(
            format!("without {name}"),
            &|b| {
                b["error"]["params"].as_object_mut().unwrap().remove(&name);
            },
            param.optional,
        );
        vary(
            format!("{name} null"),
            &|b| b["error"]["params"][&name] = Value::Null,
            false,
        );
        for (_, value) in wrong.iter().filter(|(kind, _)| *kind == param.kind) {
            vary(
                format!("{name} {value}"),
                &|b| b["error"]["params"][&name] = value.clone(),
                false,
            );
        }
        // An integer is a number; a whole number is an integer however JSON writes it.
        let also_right = match param.kind.as_str() {
            "number" => Some(json!(7)),
            "integer" => Some(serde_json::from_str::<Value>("7.0").unwrap()),
            _ => None,
        };
        if let Some(value) = also_right {
            vary(
                format!("{name} {value}"),
                &|b| b["error"]["params"][&name] = value.clone(),
                true,
            );
        }
    }
    out
}

#[test]
fn the_guards_check_each_parameter_and_accept_what_a_newer_server_adds() {
    let Some(project) = project() else { return };
    let tools = node_tools_or_skip!();
    for name in ["catalog", "params_edge"] {
        let spec = read_spec_file(&fixture(name));
        let mut cases: Vec<(String, String, bool)> = Vec::new();
        for code in &spec.codes {
            // Set 0 gives each optional parameter at an even place; set 1 the others: merge.
            let mut body: Value = serde_json::from_str(&vector(&spec, code, 0).expected).unwrap();
            let other: Value = serde_json::from_str(&vector(&spec, code, 1).expected).unwrap();
            if let Some(params) = other["error"]["params"].as_object() {
                for (key, value) in params {
                    body["error"]["params"]
                        .as_object_mut()
                        .unwrap()
                        .entry(key.clone())
                        .or_insert(value.clone());
                }
            }
            for (what, changed, known) in variations(code, &body) {
                cases.push((format!("{}: {what}", code.code), changed.to_string(), known));
            }
            let mut unknown = body.clone();
            unknown["error"]["code"] = json!("added_later");
            cases.push((
                format!("{} as a code added later", code.code),
                unknown.to_string(),
                false,
            ));
        }
        let bodies: Vec<String> = cases.iter().map(|(_, body, _)| body.clone()).collect();
        for (result, (what, body, known)) in read(tools, project, name, &bodies).iter().zip(&cases)
        {
            assert_eq!(
                result["body"], true,
                "{name}, {what}: an error body: {body}"
            );
            assert_eq!(result["known"], *known, "{name}, {what}: known? {body}");
            let code: Value = serde_json::from_str::<Value>(body).unwrap()["error"]["code"].clone();
            let found = if code == "added_later" {
                Value::Null
            } else {
                code
            };
            assert_eq!(result["code"], found, "{name}, {what}");
        }
        assert!(
            cases.len() > 10 * spec.codes.len(),
            "{name}: {} cases",
            cases.len()
        );
    }
}

#[test]
fn clients_read_the_bodies_of_a_newer_server_and_of_an_older_one() {
    let Some(project) = project() else { return };
    let tools = node_tools_or_skip!();
    let older = read_spec(OLDER.1);
    let newer = read_spec(NEWER.1);
    for (server, client, server_spec, client_spec) in [
        ("newer", "older", &newer, &older),
        ("older", "newer", &older, &newer),
    ] {
        let vectors: Vec<Vector> = server_spec
            .codes
            .iter()
            .flat_map(|code| (0..4).map(|set| vector(server_spec, code, set)))
            .collect();
        let lines: Vec<Value> = vectors.iter().map(|v| v.line.clone()).collect();
        let built = construct(tools, project, server, &lines);
        for (body, vector) in built.iter().zip(&vectors) {
            assert_eq!(body, &vector.expected, "the {server} server's body");
        }
        let results = read(tools, project, client, &built);
        for (result, body) in results.iter().zip(&built) {
            let body: Value = serde_json::from_str(body).unwrap();
            let code = body["error"]["code"].as_str().unwrap();
            let known = client_spec.codes.iter().any(|c| c.code == code);
            let want = json!({
                "body": true,
                "known": known,
                "code": if known { json!(code) } else { Value::Null },
                "message": body["error"]["message"],
            });
            assert_eq!(result, &want, "a {client} client reading {body}");
        }
    }
    // The newer spec's facts: the deprecated code points at its replacement.
    let legacy = newer.code("legacy_error");
    assert_eq!(legacy.replaced_by.as_deref(), Some("internal"));
}

#[test]
fn error_body_leaves_out_what_is_undefined_and_reads_only_own_parameters() {
    let Some(project) = project() else { return };
    let tools = node_tools_or_skip!();
    let cases = json!({
        "catalog": project.compiled("catalog"),
        "params_edge": project.compiled("params_edge"),
    });
    let cases_file = project.dir.join("params-cases.json");
    std::fs::write(&cases_file, cases.to_string()).unwrap();
    let run = run_ok(
        &mut tools.script("tests/node/params-v2.test.mjs", &[&cases_file]),
        "the Node test of parameters",
    );
    let count = |key: &str| node::tap_count(&run.stdout, key);
    assert_eq!(count("# fail "), 0, "{}", run.stdout);
    assert_eq!(count("# pass "), count("# tests "), "{}", run.stdout);
    assert!(count("# pass ") >= 5, "{}", run.stdout);
}

#[test]
fn editors_strike_deprecated_codes_through_and_show_each_codes_arguments() {
    let Some(project) = project() else { return };
    let tools = node_tools_or_skip!();
    let probe = r#"import {
  ErrorCode,
  errorBody,
  type ErrorBodyArgs,
} from "./error-codes.js";

export const expired: string = ErrorCode.CardExpired;
export const declined: string = ErrorCode.CardDeclined;
export type ExpiredArgs = ErrorBodyArgs["card_expired"];
export type DeclinedArgs = ErrorBodyArgs["card_declined"];
errorBody("quota_exceeded", /*?*/ { limit: 1, window: "h", resets_at: "x" });
errorBody("invalid_param", "m", /*?*/ { param: "p" });
errorBody(ErrorCode.CardExpired, /*?*/ "m");
"#;
    let file = project.dir.join("src/catalog/probe.ts");
    write_if_changed(&file, probe);
    let run = run_ok(
        &mut tools.script(
            "tests/node/editor-v2.mjs",
            &[&project.dir.join("tsconfig.json"), &file],
        ),
        "the language service on a file that uses the catalog",
    );
    // Not left in the project, which the other tests compile.
    std::fs::remove_file(&file).unwrap();
    let shown: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(shown["errors"], json!([]), "{shown}");
    assert_eq!(
        shown["deprecated"],
        json!(["CardExpired", "\"card_expired\"", "CardExpired"]),
        "{shown}"
    );
    assert_eq!(
        shown["signatures"],
        json!([
            "errorBody(code: \"quota_exceeded\", params: QuotaExceededParams): { error: ErrorDetailOf<\"quota_exceeded\">; }",
            "errorBody(code: \"invalid_param\", message: string, params: InvalidParamParams): { error: ErrorDetailOf<\"invalid_param\">; }",
            "errorBody(code: \"card_expired\", message: string): { error: ErrorDetailOf<\"card_expired\">; }",
        ]),
        "{shown}"
    );
}

#[test]
fn the_docs_typescript_examples_are_compiled() {
    // `project` compiles each beside the module it imports; here, that each is there and
    // uses what its section is about.
    for (heading, _, _) in DOCS_EXAMPLES {
        let example = docs_example(heading);
        assert!(
            example.contains("from \"./generated/typescript/error-codes.js\""),
            "{heading}: the example imports the module as the docs place it"
        );
    }
    assert!(docs_example("### Parameters and message templates").contains(".error.params."));
    assert!(docs_example("### Deprecated codes").contains("replacedBy"));
    let Some(project) = project() else { return };
    for (_, _, folder) in DOCS_EXAMPLES {
        assert!(project.dir.join(format!("out/{folder}/usage.js")).is_file());
    }
}
