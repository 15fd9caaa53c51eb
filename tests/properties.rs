//! Property tests: specs whose titles, descriptions and names are drawn from hostile alphabets
//! (quotes, backslashes, comment and template delimiters, every kind of line break, control
//! and bidi characters, emoji, combining marks, right-to-left and very long text). Every target
//! is generated from each drawn spec and checked with the real tools: the Rust is formatted as
//! rustfmt would, compiled under clippy and run; the TypeScript is formatted as prettier would,
//! compiled by tsc and run in Node; the Markdown is read by a CommonMark parser. Every string
//! is read back from what the tools produced and must equal the drawn text exactly.
//!
//! Drawn specs are batched: each holds many codes, and all of them are compiled in one crate
//! and one tsc project, so a run costs a few compiles. The draws are reproducible: set
//! `ERRSPEC_PROPTEST_SEED` to explore other seeds and `ERRSPEC_PROPTEST_SPECS` for more specs;
//! a failure names the seed, the spec and the code. Cases found this way are kept as fixtures
//! (`tests/fixtures/specs/hostile_*.yaml`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Value, json};

use crate::support::markdown::{normalize, shown, tables};
use crate::support::node::node_tools_or_skip;
use crate::support::rust_harness::{Harness, Source};
use crate::support::{run_ok, write_if_changed};

/// The seed of the draws unless `ERRSPEC_PROPTEST_SEED` says otherwise.
const DEFAULT_SEED: u64 = 20_261_127;
/// How many specs are drawn unless `ERRSPEC_PROPTEST_SPECS` says otherwise.
const DEFAULT_SPECS: usize = 6;
/// Codes per drawn spec.
const CODES: usize = 20;
/// The message every body carries in the round trips.
const MESSAGE: &str = "a \"message\" with </script>, ${x}, `tick`, \\ and \u{2028}";

/// One drawn code, as the spec says it.
#[derive(Debug, Clone)]
struct Code {
    status: u16,
    name: Option<String>,
    title: String,
    description: String,
    retryable: bool,
}

/// One drawn spec: what it says, and its YAML.
#[derive(Debug, Clone)]
struct Drawn {
    api: String,
    error_name: String,
    codes: Vec<Code>,
}

impl Drawn {
    fn yaml(&self) -> String {
        let codes: Vec<Value> = self
            .codes
            .iter()
            .map(|code| {
                let mut entry = json!({
                    "status": code.status,
                    "title": code.title,
                    "description": code.description,
                    "retryable": code.retryable,
                });
                if let Some(name) = &code.name {
                    entry["name"] = json!(name);
                }
                entry
            })
            .collect();
        let spec = json!({
            "version": 1,
            "api": { "name": self.api, "error_name": self.error_name },
            "codes": codes,
        });
        let yaml = serde_yaml::to_string(&spec).unwrap();
        // The test's own YAML must say exactly what was drawn, or nothing below means anything.
        let back: Value = serde_yaml::from_str(&yaml).unwrap();
        assert_eq!(
            back, spec,
            "serde_yaml wrote YAML that does not read back:\n{yaml}"
        );
        yaml
    }
}

// -- Hostile text ---------------------------------------------------------------------------

const SYNTAX: &[&str] = &[
    "\"",
    "'",
    "\\",
    "*/",
    "/*",
    "//",
    "${",
    "`",
    "{{",
    "}}",
    "{%",
    "%}",
    "{",
    "}",
    "#",
    "|",
    ": ",
    "- ",
    "* ",
    "&",
    "!",
    ">",
    "<",
    "@",
    "[",
    "]",
    "%",
    "?",
    ",",
    "<!--",
    "-->",
    "```",
    "\\u{41}",
    "\\n",
    "*/ /**",
    "@param",
    "{@link x}",
    "</script>",
    "&amp;",
    "\"\"\"",
];
const BREAKS: &[&str] = &[
    "\n", "\r", "\r\n", "\t", "\u{2028}", "\u{2029}", "\u{85}", "\u{a0}", "\u{3000}", "  ",
];
const WIDE: &[&str] = &[
    "😀",
    "🚀",
    "👨\u{200d}👩\u{200d}👧",
    "🇩🇪",
    "👍🏽",
    "1\u{fe0f}\u{20e3}",
    "漢字",
    "ｶﾀｶﾅ",
    "한국어",
];
const MARKS: &[&str] = &[
    "e\u{301}",
    "\u{301}",
    "z\u{336}\u{353}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
];
const RIGHT_TO_LEFT: &[&str] = &[
    "שלום",
    "مرحبا",
    "\u{202e}",
    "\u{202b}",
    "\u{202c}",
    "\u{2066}",
    "\u{2069}",
    "\u{200f}",
    "\u{61c}",
];

/// One piece of hostile text.
fn piece() -> impl Strategy<Value = String> {
    let pick = |set: &'static [&'static str]| prop::sample::select(set).prop_map(str::to_owned);
    // Control characters, but never NUL (YAML has no way to write it).
    let control =
        prop_oneof![1u32..0x20, 0x7fu32..0xa0].prop_map(|c| char::from_u32(c).unwrap().to_string());
    prop_oneof![
        6 => "[a-zA-Z0-9]{1,10}( [a-zA-Z]{1,8}){0,3}",
        4 => pick(SYNTAX),
        3 => pick(BREAKS),
        2 => pick(WIDE),
        2 => pick(MARKS),
        2 => pick(RIGHT_TO_LEFT),
        1 => control,
        1 => ("[a-z ]{1,3}", 100usize..400).prop_map(|(unit, times)| unit.repeat(times)),
    ]
}

/// Hostile text with something visible in it, as a spec's strings must have.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..10).prop_map(|pieces| {
        let text = pieces.concat();
        if text.trim().is_empty() {
            text + "x"
        } else {
            text
        }
    })
}

/// Words that are keywords or names with a meaning in some target.
const LOADED_NAMES: &[&str] = &[
    "self",
    "Self",
    "type",
    "match",
    "crate",
    "super",
    "default",
    "delete",
    "new",
    "constructor",
    "__proto__",
    "toString",
    "prototype",
    "None",
    "Some",
    "Ok",
    "Err",
    "Error",
    "Result",
    "ALL",
    "String",
    "2FA",
    "404",
];

/// A name: mostly ASCII words (so most make identifiers) joined by hostile separators, with
/// words that mean something in a target thrown in.
fn name() -> impl Strategy<Value = String> {
    let pick = |set: &'static [&'static str]| prop::sample::select(set).prop_map(str::to_owned);
    let word = prop_oneof![
        4 => "[a-zA-Z][a-zA-Z0-9]{0,6}",
        2 => pick(LOADED_NAMES),
        1 => pick(SYNTAX),
        1 => pick(BREAKS),
        1 => pick(MARKS),
        1 => pick(WIDE),
        1 => pick(RIGHT_TO_LEFT),
    ];
    prop::collection::vec(word, 1..5).prop_map(|words| words.concat())
}

fn code(status: u16) -> impl Strategy<Value = Code> {
    (
        prop::option::weighted(0.7, name()),
        text(),
        text(),
        any::<bool>(),
    )
        .prop_map(move |(name, title, description, retryable)| Code {
            status,
            name,
            title,
            description,
            retryable,
        })
}

fn spec() -> impl Strategy<Value = Drawn> {
    let statuses: Vec<u16> = (100..600).collect();
    let codes = prop::sample::subsequence(statuses, CODES)
        .prop_flat_map(|statuses| statuses.into_iter().map(code).collect::<Vec<_>>());
    (text(), text(), codes).prop_map(|(api, error_name, codes)| Drawn {
        api,
        error_name,
        codes,
    })
}

// -- Drawing --------------------------------------------------------------------------------

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The drawn specs, each valid: a name errspec refuses (as it must refuse names that cannot
/// become distinct identifiers) is checked to be refused clearly, then replaced by a plain one,
/// so the rest of the spec still goes through every target.
fn drawn() -> &'static [Drawn] {
    static DRAWN: OnceLock<Vec<Drawn>> = OnceLock::new();
    DRAWN.get_or_init(|| {
        let seed = env_number("ERRSPEC_PROPTEST_SEED", DEFAULT_SEED);
        let count = env_number("ERRSPEC_PROPTEST_SPECS", DEFAULT_SPECS as u64);
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
        let mut runner = TestRunner::new_with_rng(Config::default(), rng);
        let strategy = spec();
        (0..count)
            .map(|_| strategy.new_tree(&mut runner).unwrap().current())
            .map(|drawn| with_identifiers(drawn, seed))
            .collect()
    })
}

/// `drawn`, with each name (or title) that cannot be an identifier beside the codes before it
/// replaced by `Code <status>`, after checking that errspec refused it clearly.
fn with_identifiers(drawn: Drawn, seed: u64) -> Drawn {
    let mut kept = Drawn {
        codes: Vec::new(),
        ..drawn.clone()
    };
    for code in drawn.codes {
        kept.codes.push(code);
        if let Err(error) = errspec::render(&kept.yaml(), &all_targets()) {
            assert_refused_for_names(&error, &kept, seed);
            let last = kept.codes.last_mut().unwrap();
            last.name = Some(format!("Code {}", last.status));
        }
    }
    let result = errspec::render(&kept.yaml(), &all_targets());
    assert!(
        result.is_ok(),
        "seed {seed}: refused with plain names: {:?}",
        result.err()
    );
    kept
}

/// Asserts that `error` refuses `drawn` only for names, each time with a position and a hint.
fn assert_refused_for_names(error: &errspec::Error, drawn: &Drawn, seed: u64) {
    let errspec::Error::InvalidSpec(diagnostics) = error else {
        panic!("seed {seed}: {error}");
    };
    for diagnostic in diagnostics {
        let blank_name =
            diagnostic.id == "EMPTY_STRING" && diagnostic.message.ends_with(".name` is empty");
        let clear = (matches!(diagnostic.id, "INVALID_NAME" | "IDENTIFIER_COLLISION")
            || blank_name)
            && diagnostic.location.is_some()
            && diagnostic.hint.is_some();
        assert!(
            clear,
            "seed {seed}: a drawn spec was refused for more than its names:\n{diagnostic}\n{}",
            drawn.yaml()
        );
    }
}

fn all_targets() -> errspec::Options {
    let mut options = errspec::Options::new("drawn.yaml");
    options.targets = errspec::Target::ALL.to_vec();
    options
}

/// Each drawn spec's generated file for `target`, with the spec's index.
fn generated(target: errspec::Target) -> Vec<(usize, String)> {
    let mut options = all_targets();
    options.targets = vec![target];
    drawn()
        .iter()
        .enumerate()
        .map(|(index, spec)| {
            (
                index,
                errspec::render(&spec.yaml(), &options)
                    .unwrap()
                    .remove(0)
                    .contents,
            )
        })
        .collect()
}

fn scratch(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(folder)
}

/// Asserts that `got` is the drawn `want`, naming where it went wrong.
fn same(got: &Value, want: &str, spec: usize, code: &Code, what: &str) {
    assert_eq!(
        got.as_str(),
        Some(want),
        "spec {spec}, status {}: {what} differs from the drawn text {want:?}",
        code.status
    );
}

#[test]
fn many_drawn_names_become_identifiers() {
    // Otherwise the identifier rules would go untested: names refused are replaced by plain ones.
    let codes: Vec<&Code> = drawn().iter().flat_map(|spec| &spec.codes).collect();
    let kept = codes
        .iter()
        .filter(|code| {
            code.name
                .as_ref()
                .is_some_and(|name| !name.starts_with("Code "))
        })
        .count();
    assert!(
        kept * 4 >= codes.len(),
        "only {kept} of {} drawn names were kept",
        codes.len()
    );
}

// -- Rust -----------------------------------------------------------------------------------

#[test]
fn drawn_rust_is_rustfmt_clean() {
    let dir = scratch("properties-rustfmt");
    for (index, code) in generated(errspec::Target::Rust) {
        let path = dir.join(format!("drawn_{index}.rs"));
        write_if_changed(&path, &code);
        for edition in ["2021", "2024"] {
            run_ok(
                Command::new("rustfmt")
                    .args(["--check", "--edition", edition])
                    .arg(&path),
                &format!("rustfmt --check --edition {edition} on drawn spec {index}"),
            );
        }
    }
}

#[test]
fn drawn_rust_compiles_and_says_exactly_the_drawn_text() {
    let sources: Vec<Source> = generated(errspec::Target::Rust)
        .into_iter()
        .map(|(index, code)| Source {
            name: format!("drawn_{index}"),
            code,
            serde: true,
            origin: format!("drawn spec {index}"),
        })
        .collect();
    let harness = Harness::build("properties-rust", &sources);
    for (index, spec) in drawn().iter().enumerate() {
        let facts = harness.query(&["facts", &format!("drawn_{index}")]);
        let codes = facts["codes"].as_array().unwrap();
        assert_eq!(codes.len(), spec.codes.len());
        for (got, code) in codes.iter().zip(&spec.codes) {
            assert_eq!(got["status"], code.status);
            same(&got["title"], &code.title, index, code, "Rust's title()");
            same(
                &got["description"],
                &code.description,
                index,
                code,
                "Rust's description()",
            );
            assert_eq!(got["is_retryable"], code.retryable);
        }
        let bodies = harness.query(&["body", &format!("drawn_{index}"), MESSAGE]);
        assert_eq!(
            bodies["NAME"].as_str(),
            Some(spec.error_name.as_str()),
            "spec {index}"
        );
        for body in bodies["bodies"].as_array().unwrap() {
            assert_eq!(body["name"].as_str(), Some(spec.error_name.as_str()));
            assert_eq!(body["message"], MESSAGE);
        }
    }
}

// -- TypeScript -----------------------------------------------------------------------------

#[test]
fn drawn_typescript_is_prettier_clean_compiles_and_says_exactly_the_drawn_text() {
    let dir = scratch("properties-typescript");
    write_if_changed(
        &dir.join("package.json"),
        "{ \"private\": true, \"type\": \"module\" }\n",
    );
    let strict = crate::support::repo().join("tests/node/tsconfig.strict.json");
    let tsconfig = json!({
        "extends": strict.to_string_lossy().replace('\\', "/"),
        "compilerOptions": { "rootDir": "src", "outDir": "out" },
        "include": ["src"],
    });
    write_if_changed(&dir.join("tsconfig.json"), &format!("{tsconfig:#}\n"));
    let files: Vec<PathBuf> = generated(errspec::Target::TypeScript)
        .into_iter()
        .map(|(index, code)| {
            let path = dir.join(format!("src/drawn_{index}.ts"));
            write_if_changed(&path, &code);
            path
        })
        .collect();
    let tools = node_tools_or_skip!();
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    run_ok(
        &mut tools.script("tests/node/prettier-check.mjs", &paths),
        "prettier on the drawn specs' TypeScript",
    );
    run_ok(
        tools
            .bin("typescript", "bin/tsc")
            .args(["--pretty", "false", "-p"])
            .arg(dir.join("tsconfig.json")),
        "tsc on the drawn specs' TypeScript",
    );
    let compiled: Vec<PathBuf> = (0..files.len())
        .map(|i| dir.join(format!("out/drawn_{i}.js")))
        .collect();
    let mut args: Vec<&Path> = vec![Path::new(MESSAGE)];
    args.extend(compiled.iter().map(PathBuf::as_path));
    let run = run_ok(
        &mut tools.script("tests/node/dump-error-codes.mjs", &args),
        "Node on the drawn specs' compiled TypeScript",
    );
    let dump: Value = serde_json::from_str(&run.stdout).unwrap();
    for (index, spec) in drawn().iter().enumerate() {
        let module = &dump[compiled[index].to_string_lossy().as_ref()];
        let codes = module["codes"].as_array().unwrap();
        assert_eq!(codes.len(), spec.codes.len());
        for (got, code) in codes.iter().zip(&spec.codes) {
            assert_eq!(got["status"], code.status);
            same(
                &got["title"],
                &code.title,
                index,
                code,
                "TypeScript's title",
            );
            same(
                &got["description"],
                &code.description,
                index,
                code,
                "TypeScript's description",
            );
            assert_eq!(got["retryable"], code.retryable);
        }
        for body in module["bodies"].as_array().unwrap() {
            assert_eq!(
                body["accepted"], true,
                "spec {index}: isErrorBody refused {body}"
            );
            assert_eq!(body["message"], MESSAGE);
            let code = spec
                .codes
                .iter()
                .find(|c| body["status"] == c.status)
                .unwrap();
            same(
                &body["found"],
                &code.title,
                index,
                code,
                "errorCodeFromStatus's title",
            );
        }
    }
}

// -- Markdown -------------------------------------------------------------------------------

#[test]
fn drawn_markdown_tables_show_exactly_the_drawn_text() {
    for (index, page) in generated(errspec::Target::Markdown) {
        let spec = &drawn()[index];
        let found = tables(&page);
        assert_eq!(found.len(), 1, "spec {index}: one table in:\n{page}");
        assert_eq!(
            found[0].rows.len(),
            spec.codes.len(),
            "spec {index}: a row per code"
        );
        for (row, code) in found[0].rows.iter().zip(&spec.codes) {
            assert_eq!(
                row.len(),
                3,
                "spec {index}, status {}: three cells",
                code.status
            );
            for cell in row {
                assert!(
                    cell.markup.is_empty(),
                    "spec {index}, status {}: markup in {cell:?}",
                    code.status
                );
            }
            assert_eq!(row[0].text, code.status.to_string());
            // A table cell shows text as a reader sees it: whitespace runs as one space.
            let as_read = |text: &str| Value::from(normalize(&shown(text)));
            let title = Value::from(normalize(&row[1].text));
            let description = Value::from(normalize(&row[2].text));
            same(
                &title,
                as_read(&code.title).as_str().unwrap(),
                index,
                code,
                "the Markdown title",
            );
            same(
                &description,
                as_read(&code.description).as_str().unwrap(),
                index,
                code,
                "the Markdown description",
            );
        }
    }
}

// -- OpenAPI --------------------------------------------------------------------------------

/// What a fragment (serde_yaml's or js-yaml's reading of it) says of each error code: the
/// response's description, and its example body's name and message, by the example's status.
fn responses_by_status(fragment: &Value) -> Vec<(u64, Value, Value, Value)> {
    fragment["components"]["responses"]
        .as_object()
        .expect("the fragment has components.responses")
        .values()
        .filter_map(|response| {
            let content = &response["content"]["application/json"];
            let error = &content["example"]["error"];
            let status = error["status"].as_u64()?;
            Some((
                status,
                response["description"].clone(),
                error["name"].clone(),
                error["message"].clone(),
            ))
        })
        .collect()
}

#[test]
fn drawn_openapi_is_valid_and_reads_back_as_exactly_the_drawn_text() {
    use crate::support::openapi;
    let dir = scratch("properties-openapi");
    let mut documents = Vec::new();
    let mut drawn_for = Vec::new();
    for version in [errspec::OpenApiVersion::V3_1, errspec::OpenApiVersion::V3_0] {
        let mut options = all_targets();
        options.targets = vec![errspec::Target::OpenApi];
        options.openapi_version = version;
        for (index, spec) in drawn().iter().enumerate() {
            let text = errspec::render(&spec.yaml(), &options)
                .unwrap()
                .remove(0)
                .contents;
            let path = dir.join(format!("drawn_{index}_{version}.yaml"));
            write_if_changed(&path, &text);
            documents.push(path);
            drawn_for.push((index, version, openapi::to_json(&openapi::parse(&text))));
        }
    }
    let tools = node_tools_or_skip!();
    let reports = openapi::validate(tools, &documents);
    for ((index, version, by_serde_yaml), report) in drawn_for.iter().zip(&reports) {
        let spec = &drawn()[*index];
        let context = format!("spec {index}, OpenAPI {version}");
        assert!(report.errors.is_empty(), "{context}: {:?}", report.errors);
        assert_eq!(
            &report.document, by_serde_yaml,
            "{context}: js-yaml and serde_yaml disagree"
        );
        let want_title = format!("{} API error responses", spec.api);
        assert_eq!(
            by_serde_yaml["info"]["title"].as_str(),
            Some(want_title.as_str()),
            "{context}"
        );
        let found = responses_by_status(by_serde_yaml);
        let errors: Vec<&Code> = spec.codes.iter().filter(|c| c.status >= 400).collect();
        assert_eq!(
            found.len(),
            errors.len(),
            "{context}: one response per error code"
        );
        for (status, description, name, message) in &found {
            let code = errors
                .iter()
                .find(|c| u64::from(c.status) == *status)
                .unwrap();
            same(
                description,
                &code.description,
                *index,
                code,
                "the response's description",
            );
            same(
                name,
                &spec.error_name,
                *index,
                code,
                "the example's error name",
            );
            same(message, &code.title, *index, code, "the example's message");
        }
    }
}
