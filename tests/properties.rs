//! Property tests: specs whose titles, descriptions and names are drawn from hostile alphabets
//! (quotes, backslashes, comment and template delimiters, every kind of line break, control
//! and bidi characters, emoji, combining marks, right-to-left and very long text). Every target
//! is generated from each drawn spec and checked with the real tools: the Rust is formatted as
//! rustfmt would, compiled under clippy and run; the TypeScript is formatted as prettier would,
//! compiled by tsc and run in Node; the Markdown is read by a CommonMark parser. Every string
//! is read back from what the tools produced and must equal the drawn text exactly.
//!
//! Drawn specs are batched: one proptest case is a batch of specs with many codes each, all
//! compiled in one crate and one tsc project, so a run costs a few compiles. Each test runs
//! the batch through proptest's own runner, so a failure is shrunk (specs and codes dropped,
//! texts simplified; every step re-runs the tools, so it stops after [`MAX_SHRINK_ITERS`]
//! unless `PROPTEST_MAX_SHRINK_ITERS` says otherwise) and its seed saved in
//! `proptest-regressions/properties.txt`, which every later run replays first: commit it.
//!
//! The seed differs on every run and is printed (`properties: seed N`); set
//! `ERRSPEC_PROPTEST_SEED=N` to draw the same specs again, and `ERRSPEC_PROPTEST_SPECS` for a
//! bigger batch. Cases found this way are kept as fixtures (`tests/fixtures/specs/hostile_*`).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::strategy::{NewTree, ValueTree};
use proptest::test_runner::{
    Config, FileFailurePersistence, RngAlgorithm, RngSeed, TestError, TestRunner,
};
use serde_json::{Value, json};

use crate::support::markdown::{normalize, shown, tables};
use crate::support::node::node_tools_or_skip;
use crate::support::rust_harness::{Harness, Source};
use crate::support::{run_ok, write_if_changed};

/// How many specs a run draws unless `ERRSPEC_PROPTEST_SPECS` says otherwise.
const DEFAULT_SPECS: usize = 6;
/// Codes per drawn spec.
const CODES: usize = 20;
/// The message every body carries in the round trips.
const MESSAGE: &str = "a \"message\" with </script>, ${x}, `tick`, \\ and \u{2028}";
/// proptest's record of failing draws, replayed before new ones.
const REGRESSIONS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/proptest-regressions/properties.txt"
);
/// Shrink steps after a failure of a test that runs a tool: each step runs it again (a compile),
/// so a few dozen take minutes. `PROPTEST_MAX_SHRINK_ITERS` overrides it.
const MAX_SHRINK_ITERS: u32 = 32;
/// Shrink steps after a failure of a test that runs no tool.
const MAX_SHRINK_ITERS_IN_PROCESS: u32 = 2048;

/// One drawn code, as the spec says it.
#[derive(Debug, Clone)]
struct Code {
    status: u16,
    name: Option<String>,
    /// The name is valid by construction (ASCII words, made distinct by the status): errspec
    /// must accept it.
    known_valid: bool,
    /// The drawn name was refused, and replaced by `Code <status>`.
    replaced: bool,
    title: String,
    description: String,
    retryable: bool,
}

impl Code {
    /// What the code's identifiers are made from: its name, or else its title.
    fn identifier_source(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.title)
    }
}

/// One drawn spec: what it says, and its YAML.
#[derive(Clone)]
struct Drawn {
    api: String,
    error_name: String,
    codes: Vec<Code>,
}

/// Short, as proptest writes it beside each seed in the regressions file; a failure prints the
/// specs' YAML in full.
impl std::fmt::Debug for Drawn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let statuses: Vec<u16> = self.codes.iter().map(|code| code.status).collect();
        write!(f, "spec with codes {statuses:?}")
    }
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

/// The words of [`LOADED_NAMES`] made of letters only.
fn loaded_words() -> Vec<&'static str> {
    LOADED_NAMES
        .iter()
        .copied()
        .filter(|word| word.chars().all(|c| c.is_ascii_alphabetic()))
        .collect()
}

/// A name that can always become an identifier: one to three words of ASCII letters (keywords
/// and prelude names among them) joined by ASCII separators. [`spec`] appends `valid <status>`,
/// which makes it distinct from every other such name of the spec.
fn valid_name() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        1 => "[a-zA-Z]{1,8}",
        1 => prop::sample::select(loaded_words()).prop_map(str::to_owned),
    ];
    let separator = prop::sample::select(&[" ", "-", "_", ".", "  ", " - "][..]);
    (prop::collection::vec(word, 1..4), separator).prop_map(|(words, sep)| words.join(sep))
}

/// A code without its status, which [`spec`] gives it.
fn code() -> impl Strategy<Value = Code> {
    let name = prop_oneof![
        2 => name().prop_map(|name| (Some(name), false)),
        1 => valid_name().prop_map(|name| (Some(name), true)),
        1 => Just((None, false)),
    ];
    (name, text(), text(), any::<bool>()).prop_map(
        |((name, known_valid), title, description, retryable)| Code {
            status: 0,
            name,
            known_valid,
            replaced: false,
            title,
            description,
            retryable,
        },
    )
}

fn spec() -> impl Strategy<Value = Drawn> {
    let statuses: Vec<u16> = (100..600).collect();
    let codes = (
        prop::sample::subsequence(statuses, CODES),
        Dropping::new(code(), CODES),
    )
        .prop_map(|(statuses, codes)| {
            codes
                .into_iter()
                .zip(statuses)
                .map(|(mut code, status)| {
                    code.status = status;
                    if code.known_valid {
                        let name = code.name.as_mut().unwrap();
                        name.push_str(&format!(" valid {status}"));
                    }
                    code
                })
                .collect::<Vec<_>>()
        });
    (text(), text(), codes).prop_map(|(api, error_name, codes)| Drawn {
        api,
        error_name,
        codes,
    })
}

/// A batch: [`spec_count`] specs.
fn batch() -> Dropping<impl Strategy<Value = Drawn>> {
    Dropping::new(spec(), spec_count())
}

/// `count` values of `element`, shrinking first by dropping values one at a time (keeping at
/// least one), then by shrinking each kept value. proptest's own `vec` drops values only down
/// to its minimum size, and batches and codes are drawn at their full size.
#[derive(Debug)]
struct Dropping<S> {
    element: S,
    count: usize,
}

impl<S: Strategy> Dropping<S> {
    fn new(element: S, count: usize) -> Self {
        Dropping { element, count }
    }
}

impl<S: Strategy> Strategy for Dropping<S> {
    type Tree = DroppingTree<S::Tree>;
    type Value = Vec<S::Value>;

    fn new_tree(&self, runner: &mut TestRunner) -> NewTree<Self> {
        let elements = (0..self.count)
            .map(|_| self.element.new_tree(runner))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(DroppingTree {
            kept: vec![true; elements.len()],
            elements,
            next: Step::Drop(0),
            last: None,
        })
    }
}

#[derive(Debug, Clone, Copy)]
enum Step {
    Drop(usize),
    Shrink(usize),
}

#[derive(Debug)]
struct DroppingTree<T> {
    elements: Vec<T>,
    kept: Vec<bool>,
    /// The next simplification to try.
    next: Step,
    /// The last simplification made, which `complicate` undoes.
    last: Option<Step>,
}

impl<T: ValueTree> ValueTree for DroppingTree<T> {
    type Value = Vec<T::Value>;

    fn current(&self) -> Self::Value {
        self.elements
            .iter()
            .zip(&self.kept)
            .filter(|(_, kept)| **kept)
            .map(|(element, _)| element.current())
            .collect()
    }

    fn simplify(&mut self) -> bool {
        loop {
            match self.next {
                Step::Drop(at) if at < self.elements.len() => {
                    self.next = Step::Drop(at + 1);
                    if self.kept[at] && self.kept.iter().filter(|k| **k).count() > 1 {
                        self.kept[at] = false;
                        self.last = Some(Step::Drop(at));
                        return true;
                    }
                }
                Step::Drop(_) => self.next = Step::Shrink(0),
                Step::Shrink(at) if at < self.elements.len() => {
                    if self.kept[at] && self.elements[at].simplify() {
                        self.last = Some(Step::Shrink(at));
                        return true;
                    }
                    self.next = Step::Shrink(at + 1);
                }
                Step::Shrink(_) => return false,
            }
        }
    }

    fn complicate(&mut self) -> bool {
        match self.last.take() {
            Some(Step::Drop(at)) => {
                self.kept[at] = true;
                true
            }
            Some(Step::Shrink(at)) => {
                let complicated = self.elements[at].complicate();
                if complicated {
                    self.last = Some(Step::Shrink(at));
                }
                complicated
            }
            None => false,
        }
    }
}

// -- Drawing --------------------------------------------------------------------------------

/// The seed of this run: `ERRSPEC_PROPTEST_SEED`, or a new one, printed once so that a failure
/// can be drawn again.
fn seed() -> u64 {
    static SEED: OnceLock<u64> = OnceLock::new();
    *SEED.get_or_init(|| {
        let seed = match std::env::var("ERRSPEC_PROPTEST_SEED") {
            Ok(value) => value
                .parse()
                .unwrap_or_else(|_| panic!("ERRSPEC_PROPTEST_SEED={value:?} is not a number")),
            Err(_) => {
                use std::hash::{BuildHasher, Hasher};
                // std seeds each process's hash keys from the system's randomness.
                std::collections::hash_map::RandomState::new()
                    .build_hasher()
                    .finish()
            }
        };
        // Written past the test harness's capture, so that every run shows it.
        let _ = writeln!(
            std::io::stderr(),
            "properties: seed {seed} (ERRSPEC_PROPTEST_SEED={seed} draws the same specs)"
        );
        seed
    })
}

/// How many specs a batch holds: `ERRSPEC_PROPTEST_SPECS`, at least one, or [`DEFAULT_SPECS`].
fn spec_count() -> usize {
    let Ok(value) = std::env::var("ERRSPEC_PROPTEST_SPECS") else {
        return DEFAULT_SPECS;
    };
    match value.parse() {
        Ok(0) => panic!("ERRSPEC_PROPTEST_SPECS=0 would check nothing; give 1 or more"),
        Ok(count) => count,
        Err(_) => panic!("ERRSPEC_PROPTEST_SPECS={value:?} is not a number"),
    }
}

/// Runs `check` on a batch of drawn specs through proptest's runner: the draw comes from
/// [`seed`], the regressions file's failing draws are tried first, and a failure is shrunk,
/// saved, and reported with the seed and the failing specs' YAML.
fn check_draws(test: &str, shrink_iters: u32, check: impl Fn(&[Drawn])) {
    let seed = seed();
    let shrink_iters = match std::env::var_os("PROPTEST_MAX_SHRINK_ITERS") {
        Some(_) => Config::default().max_shrink_iters,
        None => shrink_iters,
    };
    let config = Config {
        cases: 1,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        max_shrink_iters: shrink_iters,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let result = runner.run(&batch(), |raw| {
        let drawn: Vec<Drawn> = raw.into_iter().map(with_identifiers).collect();
        check(&drawn);
        Ok(())
    });
    match result {
        Ok(()) => {}
        Err(TestError::Fail(reason, raw)) => {
            let specs: Vec<String> = raw.iter().map(Drawn::yaml).collect();
            panic!(
                "{test}: {reason}\nseed {seed} (ERRSPEC_PROPTEST_SEED={seed} draws it again; \
                 {REGRESSIONS} now replays it first, commit it)\nthe shrunk failing specs:\n{}",
                specs.join("---\n")
            );
        }
        Err(abort) => panic!("{test}: seed {seed}: {abort}"),
    }
}

/// `drawn`, with each name (or title) that cannot be an identifier beside the codes before it
/// replaced by `Code <status>`, after checking that errspec refused it rightly and clearly.
/// Every test draws the same specs, so the result is kept for the others.
fn with_identifiers(drawn: Drawn) -> Drawn {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static DONE: OnceLock<Mutex<HashMap<String, Drawn>>> = OnceLock::new();
    let key = drawn.yaml();
    let done = DONE.get_or_init(Default::default);
    if let Some(kept) = done.lock().unwrap().get(&key) {
        return kept.clone();
    }
    let kept = check_names(drawn);
    done.lock().unwrap().insert(key, kept.clone());
    kept
}

fn check_names(drawn: Drawn) -> Drawn {
    let mut kept = Drawn {
        codes: Vec::new(),
        ..drawn.clone()
    };
    for code in drawn.codes {
        kept.codes.push(code);
        if let Err(error) = errspec::validate(&kept.yaml(), &all_targets()) {
            assert_refused_for_names(&error, &kept);
            let last = kept.codes.last_mut().unwrap();
            last.name = Some(format!("Code {}", last.status));
            last.replaced = true;
        }
    }
    let result = errspec::validate(&kept.yaml(), &all_targets());
    assert!(
        result.is_ok(),
        "refused with plain names: {:?}",
        result.err()
    );
    kept
}

/// Whether `source` can become an identifier whatever the rules' details: ASCII (so the
/// identifier is), with a letter or digit, and short enough with a `Code` prefix. Every other
/// character separates words.
fn plainly_valid(source: &str) -> bool {
    let alphanumeric = source.chars().filter(char::is_ascii_alphanumeric).count();
    source.is_ascii() && alphanumeric > 0 && alphanumeric + "Code".len() <= 64
}

/// Asserts that `error` refuses the last code of `drawn` only for its name (its identifier
/// source), rightly, and each time with a position and a hint.
fn assert_refused_for_names(error: &errspec::Error, drawn: &Drawn) {
    let errspec::Error::InvalidSpec(diagnostics) = error else {
        panic!("{error}");
    };
    let last = drawn.codes.last().unwrap();
    assert!(
        !last.known_valid,
        "a valid name, {:?}, was refused:\n{}",
        last.name,
        diagnostics_text(diagnostics)
    );
    for diagnostic in diagnostics {
        let blank_name =
            diagnostic.id == "EMPTY_STRING" && diagnostic.message.ends_with(".name` is empty");
        let clear = (matches!(diagnostic.id, "INVALID_NAME" | "IDENTIFIER_COLLISION")
            || blank_name)
            && diagnostic.location.is_some()
            && diagnostic.hint.is_some();
        assert!(
            clear,
            "a drawn spec was refused for more than its names:\n{diagnostic}\n{}",
            drawn.yaml()
        );
        assert!(
            !(diagnostic.id == "INVALID_NAME" && plainly_valid(last.identifier_source())),
            "{:?} can become an identifier, and was refused:\n{diagnostic}",
            last.identifier_source()
        );
    }
}

fn diagnostics_text(diagnostics: &[errspec::Diagnostic]) -> String {
    diagnostics.iter().map(|d| format!("{d}\n")).collect()
}

fn all_targets() -> errspec::Options {
    let mut options = errspec::Options::new("drawn.yaml");
    options.targets = errspec::Target::ALL.to_vec();
    options
}

/// Each drawn spec's generated file for `target`, with the spec's index.
fn generated(drawn: &[Drawn], target: errspec::Target) -> Vec<(usize, String)> {
    let mut options = all_targets();
    options.targets = vec![target];
    drawn
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

/// Drawn names are accepted when they can be identifiers (all names valid by construction,
/// and any plain ASCII name), and refused only for their names, clearly, otherwise.
#[test]
fn drawn_names_are_accepted_or_refused_rightly() {
    check_draws(
        "drawn_names_are_accepted_or_refused_rightly",
        MAX_SHRINK_ITERS_IN_PROCESS,
        |drawn| {
            for spec in drawn {
                for code in spec.codes.iter().filter(|code| code.known_valid) {
                    assert!(!code.replaced, "{:?} was refused", code.name);
                }
            }
        },
    );
}

/// The draws hold every kind of name, so the checks on names above check something: names
/// valid by construction, hostile names that are kept, and hostile names that are refused.
#[test]
fn the_draws_hold_every_kind_of_name() {
    check_draws(
        "the_draws_hold_every_kind_of_name",
        MAX_SHRINK_ITERS_IN_PROCESS,
        |drawn| {
            let codes: Vec<&Code> = drawn.iter().flat_map(|spec| &spec.codes).collect();
            let count = |keep: fn(&Code) -> bool| codes.iter().filter(|code| keep(code)).count();
            let valid = count(|code| code.known_valid);
            let hostile_kept =
                count(|code| code.name.is_some() && !code.known_valid && !code.replaced);
            let refused = count(|code| code.replaced);
            assert!(
                valid >= codes.len() / 10 && hostile_kept > 0 && refused > 0,
                "of {} codes, {valid} valid names, {hostile_kept} hostile names kept, {refused} refused",
                codes.len()
            );
        },
    );
}

// -- Rust -----------------------------------------------------------------------------------

#[test]
fn drawn_rust_is_rustfmt_clean() {
    check_draws("drawn_rust_is_rustfmt_clean", MAX_SHRINK_ITERS, |drawn| {
        let dir = scratch("properties-rustfmt");
        for (index, code) in generated(drawn, errspec::Target::Rust) {
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
    });
}

#[test]
fn drawn_rust_compiles_and_says_exactly_the_drawn_text() {
    check_draws(
        "drawn_rust_compiles_and_says_exactly_the_drawn_text",
        MAX_SHRINK_ITERS,
        |drawn| {
            let sources: Vec<Source> = generated(drawn, errspec::Target::Rust)
                .into_iter()
                .map(|(index, code)| Source {
                    name: format!("drawn_{index}"),
                    code,
                    serde: true,
                    origin: format!("drawn spec {index}"),
                })
                .collect();
            let harness = Harness::build("properties-rust", &sources);
            for (index, spec) in drawn.iter().enumerate() {
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
        },
    );
}

// -- TypeScript -----------------------------------------------------------------------------

#[test]
fn drawn_typescript_is_prettier_clean_compiles_and_says_exactly_the_drawn_text() {
    check_draws(
        "drawn_typescript_is_prettier_clean_compiles_and_says_exactly_the_drawn_text",
        MAX_SHRINK_ITERS,
        |drawn| {
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
            // A bigger batch, or a shrinking one, leaves files that tsc would compile too.
            let _ = std::fs::remove_dir_all(dir.join("src"));
            let files: Vec<PathBuf> = generated(drawn, errspec::Target::TypeScript)
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
            for (index, spec) in drawn.iter().enumerate() {
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
        },
    );
}

// -- Markdown -------------------------------------------------------------------------------

#[test]
fn drawn_markdown_tables_show_exactly_the_drawn_text() {
    check_draws(
        "drawn_markdown_tables_show_exactly_the_drawn_text",
        MAX_SHRINK_ITERS_IN_PROCESS,
        |drawn| {
            for (index, page) in generated(drawn, errspec::Target::Markdown) {
                let spec = &drawn[index];
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
                        5,
                        "spec {index}, status {}: five cells",
                        code.status
                    );
                    // The code's anchor and the name's code span are the only markup.
                    for cell in &row[2..] {
                        assert!(
                            cell.markup.is_empty(),
                            "spec {index}, status {}: markup in {cell:?}",
                            code.status
                        );
                    }
                    assert_eq!(row[0].text, code.status.to_string());
                    assert_eq!(row[0].markup.len(), 2, "the anchor: {:?}", row[0]);
                    assert!(row[1].text.chars().all(|c| c.is_ascii_alphanumeric()));
                    assert_eq!(row[1].markup.len(), 1, "the name: {:?}", row[1]);
                    let retryable = if code.retryable { "yes" } else { "no" };
                    assert_eq!(row[4].text, retryable);
                    // A table cell shows text as a reader sees it: whitespace runs as one space.
                    let as_read = |text: &str| Value::from(normalize(&shown(text)));
                    let title = Value::from(normalize(&row[2].text));
                    let description = Value::from(normalize(&row[3].text));
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
        },
    );
}

// -- OpenAPI --------------------------------------------------------------------------------

/// What a fragment (serde_yaml's or js-yaml's reading of it) says of each error code: the
/// response's description (with `x-retryable`, as a fifth member), and its example body's name
/// and message, by the example's status.
fn responses_by_status(fragment: &Value) -> Vec<(u64, Value, Value, Value, Value)> {
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
                response["x-retryable"].clone(),
            ))
        })
        .collect()
}

#[test]
fn drawn_openapi_is_valid_and_reads_back_as_exactly_the_drawn_text() {
    check_draws(
        "drawn_openapi_is_valid_and_reads_back_as_exactly_the_drawn_text",
        MAX_SHRINK_ITERS,
        |drawn| {
            use crate::support::openapi;
            let dir = scratch("properties-openapi");
            let mut documents = Vec::new();
            let mut drawn_for = Vec::new();
            for version in [errspec::OpenApiVersion::V3_1, errspec::OpenApiVersion::V3_0] {
                let mut options = all_targets();
                options.targets = vec![errspec::Target::OpenApi];
                options.openapi_version = version;
                for (index, spec) in drawn.iter().enumerate() {
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
                let spec = &drawn[*index];
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
                // The status enum names each status by the response of its code.
                let status =
                    &by_serde_yaml["components"]["schemas"]["ErrorDetail"]["properties"]["status"];
                let names = status["x-enum-varnames"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                let statuses = status["enum"].as_array().cloned().unwrap_or_default();
                assert_eq!(names.len(), errors.len(), "{context}: x-enum-varnames");
                for (name, status) in names.iter().zip(&statuses) {
                    let response =
                        &by_serde_yaml["components"]["responses"][name.as_str().unwrap()];
                    assert_eq!(
                        &response["content"]["application/json"]["example"]["error"]["status"],
                        status,
                        "{context}: x-enum-varnames names {name} for {status}"
                    );
                }
                assert_eq!(
                    found.len(),
                    errors.len(),
                    "{context}: one response per error code"
                );
                for (status, description, name, message, retryable) in &found {
                    let code = errors
                        .iter()
                        .find(|c| u64::from(c.status) == *status)
                        .unwrap();
                    // A retryable code's response says so after the description.
                    let want = if code.retryable {
                        format!(
                            "{}\n\nRetryable: the same request may succeed if it is sent again later.",
                            code.description
                        )
                    } else {
                        code.description.clone()
                    };
                    same(
                        description,
                        &want,
                        *index,
                        code,
                        "the response's description",
                    );
                    let flag = code.retryable.then_some(true);
                    assert_eq!(retryable.as_bool(), flag, "{context}: x-retryable");
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
        },
    );
}
