//! A real crate that compiles generated Rust under clippy with warnings denied, and a program
//! that prints what the compiled code says. [`fixtures`] is the one for every valid spec,
//! serde on and off; other tests build their own with [`Harness::build`].
//!
//! Each lives in cargo's scratch folder for tests and is built once per test run; it depends
//! on serde and serde_json from this repository's own lockfile, so it builds offline.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

use super::{Run, render_one, repo, run_ok, spec_stem, valid_specs, write_if_changed};

/// One compiled copy of a spec's generated Rust.
pub struct Module {
    /// The module's name in the harness: `<spec stem>_serde` or `<spec stem>_std`.
    pub name: String,
    pub spec: PathBuf,
    pub serde: bool,
}

/// Every module the harness compiles.
pub fn modules() -> Vec<Module> {
    valid_specs()
        .into_iter()
        .flat_map(|spec| {
            [true, false].map(|serde| Module {
                name: format!(
                    "{}_{}",
                    spec_stem(&spec),
                    if serde { "serde" } else { "std" }
                ),
                spec: spec.clone(),
                serde,
            })
        })
        .collect()
}

/// A harness crate, built: its folder and the program that answers queries.
pub struct Harness {
    program: PathBuf,
    examples: PathBuf,
}

/// One module of generated Rust to compile in a harness.
pub struct Source {
    /// The module's name: a Rust identifier.
    pub name: String,
    /// The generated code.
    pub code: String,
    /// Whether the code derives serde's traits (the harness then answers `serde` queries).
    pub serde: bool,
    /// Where the code came from, for the module's doc comment.
    pub origin: String,
}

/// The program a harness crate runs, and how strictly clippy judges the crate.
pub struct Program {
    /// `src/main.rs`, where the line `        // ARMS` becomes the query arms.
    pub main: &'static str,
    /// The query arms of one module.
    pub arms: fn(&Source) -> String,
    /// clippy's lint flags beyond `-D warnings`, e.g. `["-W", "clippy::pedantic"]`.
    pub clippy: &'static [&'static str],
}

/// The program of format v1's harness. The generated file is meant for `include!`, where a user
/// cannot allow a lint for it with an inner attribute, so it must be clean under clippy's
/// `pedantic` and `nursery` groups too, with nothing allowed.
const V1: Program = Program {
    main: MAIN,
    arms: v1_arms,
    clippy: &["-W", "clippy::pedantic", "-W", "clippy::nursery"],
};

impl Harness {
    /// Writes a harness crate with `sources` under the tests' scratch folder `folder`, checks
    /// it with clippy (warnings denied) and builds it. Panics with the compiler's or clippy's
    /// output when the generated code does not build cleanly.
    pub fn build(folder: &str, sources: &[Source]) -> Harness {
        Self::build_with(folder, sources, &[])
    }

    /// [`Harness::build`], with more files in the crate: `(path in the crate, contents)`.
    /// Programs under `examples/` are checked and built with the rest, and run with
    /// [`Harness::run_example`].
    pub fn build_with(folder: &str, sources: &[Source], files: &[(String, String)]) -> Harness {
        Self::build_all(folder, sources, files, &V1)
    }

    /// [`Harness::build_with`], with another program.
    pub fn build_program(
        folder: &str,
        sources: &[Source],
        files: &[(String, String)],
        program: &Program,
    ) -> Harness {
        Self::build_all(folder, sources, files, program)
    }

    fn build_all(
        folder: &str,
        sources: &[Source],
        files: &[(String, String)],
        program: &Program,
    ) -> Harness {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(folder);
        write_sources(&dir, sources, program);
        for (path, contents) in files {
            write_if_changed(&dir.join(path), contents);
        }
        let cargo = |subcommand: &[&str]| {
            let mut command =
                Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
            command
                .args(subcommand)
                .args(["--offline", "--quiet", "--manifest-path"])
                .arg(dir.join("Cargo.toml"))
                .arg("--target-dir")
                .arg(dir.join("target"))
                .env_remove("CARGO_TARGET_DIR")
                .env_remove("RUSTFLAGS");
            command
        };
        run_ok(
            cargo(&["clippy", "--all-targets"])
                .args(["--", "-D", "warnings"])
                .args(program.clippy),
            "clippy on the generated Rust (rustc and clippy must accept it without a warning)",
        );
        run_ok(
            &mut cargo(&["build", "--bins", "--examples"]),
            "building the generated Rust",
        );
        Harness {
            program: dir.join("target/debug/errspec-rust-harness"),
            examples: dir.join("target/debug/examples"),
        }
    }

    /// Runs the program `examples/<name>.rs`, panicking with its output if it fails.
    pub fn run_example(&self, name: &str) -> Run {
        run_ok(
            &mut Command::new(self.examples.join(name)),
            &format!("the example {name}"),
        )
    }

    /// Runs the harness program with `input` on its standard input, and returns what it
    /// prints.
    pub fn query_input(&self, args: &[&str], input: &str) -> String {
        use std::io::Write as _;
        let mut child = Command::new(&self.program)
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the Rust harness program starts");
        let mut stdin = child.stdin.take().expect("a piped stdin");
        let input = input.to_owned();
        // Written from a thread, so that a program printing as it reads never blocks on a full
        // pipe while this side is still writing.
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let run = Run::from(
            child
                .wait_with_output()
                .expect("the Rust harness program runs"),
        );
        // A query that reads no input may exit before it is all written: the pipe then breaks,
        // which says nothing of the answer.
        let _ = writer.join().expect("the writing thread does not panic");
        assert_eq!(
            run.code,
            Some(0),
            "the Rust harness program failed on {args:?}:\n{}",
            run.stderr
        );
        run.stdout
    }

    /// Runs the harness program and parses its JSON output.
    pub fn query(&self, args: &[&str]) -> Value {
        let run = run_ok(
            Command::new(&self.program).args(args),
            "the Rust harness program",
        );
        serde_json::from_str(&run.stdout).expect("the harness prints JSON")
    }
}

/// The harness of every valid spec's generated Rust, serde on and off, built once per run.
pub fn fixtures() -> &'static Harness {
    static FIXTURES: OnceLock<Harness> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let sources: Vec<Source> = modules()
            .into_iter()
            .map(|module| Source {
                code: render_one(&module.spec, errspec::Target::Rust, module.serde),
                origin: module
                    .spec
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                name: module.name,
                serde: module.serde,
            })
            .collect();
        Harness::build_with("rust-harness", &sources, &readme_usage())
    })
}

/// The README's example of using the generated Rust (the block marked `usage`, see
/// `tests/readme.rs`) as the program `examples/readme_usage.rs`, and the committed
/// `generated/rust/error_codes.rs` it includes, at the same path from the program as in the
/// README. Nothing when the README has no such block: `tests/readme.rs` fails on its own then.
fn readme_usage() -> Vec<(String, String)> {
    let Some(block) = super::readme::marked("usage") else {
        return Vec::new();
    };
    // The example uses a part of the API, and in a program the rest is dead code (as it is in
    // a user's program): that lint is the one allowed.
    let program = format!(
        "//! The README's example of using the generated Rust ({}), as written there.\n\n#![allow(dead_code)]\n\nfn main() {{\n{}}}\n",
        block.place, block.code
    );
    let generated = std::fs::read_to_string(repo().join("generated/rust/error_codes.rs")).unwrap();
    vec![
        ("examples/readme_usage.rs".to_owned(), program),
        ("generated/rust/error_codes.rs".to_owned(), generated),
    ]
}

/// Queries the harness of every valid spec.
pub fn query(args: &[&str]) -> Value {
    fixtures().query(args)
}

fn write_sources(dir: &Path, sources: &[Source], program: &Program) {
    write_if_changed(&dir.join("Cargo.toml"), MANIFEST);
    let lock = std::fs::read_to_string(repo().join("Cargo.lock")).unwrap();
    write_if_changed(&dir.join("Cargo.lock"), &lock);
    let mut lib = String::from("//! Generated Rust, each in its own module.\n\n");
    let mut arms = String::new();
    for source in sources {
        let name = &source.name;
        let file = format!("generated/{name}.rs");
        write_if_changed(&dir.join(&file), &source.code);
        write!(
            lib,
            "/// Generated from `{}`, beside items of the crate's own named as the prelude's.\npub mod {name} {{\n{}    include!(\"../{file}\");\n}}\n\n",
            source.origin,
            neighbours(),
        )
        .unwrap();
        arms.push_str(&(program.arms)(source));
    }
    write_if_changed(&dir.join("src/lib.rs"), &lib);
    write_if_changed(
        &dir.join("src/main.rs"),
        &program.main.replace("        // ARMS\n", &arms),
    );
}

/// The query arms of one module of format v1.
fn v1_arms(source: &Source) -> String {
    let name = &source.name;
    let mut calls = vec![
        ("facts", format!("facts!({name})")),
        ("body", format!("body!({name}, &input)")),
    ];
    if source.serde {
        calls.extend([
            ("serde", format!("serde_round_trip!({name}, &input)")),
            ("code_serde", format!("code_serde!({name})")),
            ("vectors", format!("vectors!({name}, &input)")),
            ("read_back", format!("read_back!({name}, &input)")),
        ]);
    }
    calls
        .iter()
        .map(|(query, call)| format!("        (\"{query}\", \"{name}\") => {call},\n"))
        .collect()
}

/// The prelude's types and values that a crate may well define itself, and which the README
/// says change nothing beside the included file.
const SHADOWED_ITEMS: &[&str] = &[
    "Option", "Result", "Error", "String", "Box", "Vec", "Some", "None", "Ok", "Err",
];

/// std's macros (all that are stable and not platform-specific), each of which a crate may
/// define for itself with `macro_rules!`. `include!` is left out: the harness needs its own.
const SHADOWED_MACROS: &[&str] = &[
    "assert",
    "assert_eq",
    "assert_ne",
    "cfg",
    "column",
    "compile_error",
    "concat",
    "dbg",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "env",
    "eprint",
    "eprintln",
    "file",
    "format",
    "format_args",
    "include_bytes",
    "include_str",
    "line",
    "matches",
    "module_path",
    "option_env",
    "panic",
    "print",
    "println",
    "stringify",
    "thread_local",
    "todo",
    "unimplemented",
    "unreachable",
    "vec",
    "write",
    "writeln",
];

/// What each harness module holds before the generated file: unit structs (a type and a value)
/// named after the prelude's `Option`, `Result`, `Some`, `Ok`..., and a `macro_rules!` for each
/// std macro that stops the build if the generated code calls it. A file written to be
/// `include!`d must mean the same beside them, so it names every prelude item and macro by
/// its full path; everything the harness reads back is read from code compiled this way.
fn neighbours() -> String {
    let mut items = String::new();
    for name in SHADOWED_ITEMS {
        writeln!(
            items,
            "    /// The crate's own `{name}`.\n    pub struct {name};"
        )
        .unwrap();
    }
    for name in SHADOWED_MACROS {
        writeln!(
            items,
            "    #[allow(unused_macros)]\n    macro_rules! {name} {{\n        ($($tokens:tt)*) => {{\n            ::core::compile_error!(\"the generated code calls `{name}!` unqualified, and gets the including module's\")\n        }};\n    }}"
        )
        .unwrap();
    }
    items
}

const MANIFEST: &str = r#"[package]
name = "errspec-rust-harness"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
serde = { version = "1", features = ["derive"] }
# Read numbers exactly, as JavaScript's `JSON.parse` does: by default serde_json may be off
# by one unit in the last place (`9007199254740991.0` read as `9007199254740990`).
serde_json = { version = "1", features = ["float_roundtrip"] }

[lints.rust]
missing_docs = "deny"

[workspace]
"#;

/// The harness program: `facts MODULE`, `body MODULE MESSAGE`, `serde MODULE JSON`,
/// `vectors MODULE MESSAGES` and `read_back MODULE BODIES` (both JSON arrays of strings).
const MAIN: &str = r#"//! Prints, as JSON, what the generated code of one module says.
// The harness names each generated module in a macro; pedantic clippy is for the modules.
#![allow(clippy::wildcard_imports)]

use errspec_rust_harness::*;
use serde_json::{Value, json};

/// What `ErrorBody::new(code, ..)` does, caught: `None` when it returns, else its panic's
/// message. The harness is built without `--release`, so debug assertions are on.
fn panic_message(build: impl FnOnce() + std::panic::UnwindSafe) -> Option<String> {
    let payload = std::panic::catch_unwind(build).err()?;
    let message = payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()));
    Some(message.unwrap_or_default())
}

/// Every code's facts, read through the generated API.
macro_rules! facts {
    ($m:ident) => {{
        use $m::{ErrorBody, ErrorCode};
        let codes: Vec<Value> = ErrorCode::ALL
            .iter()
            .map(|&code| {
                json!({
                    "variant": format!("{code:?}"),
                    "name": code.name(),
                    "status": code.status(),
                    "title": code.title(),
                    "description": code.description(),
                    "is_error": code.is_error(),
                    "is_retryable": code.is_retryable(),
                    "display": code.to_string(),
                    "padded": [format!("[{code:>70}]"), format!("[{code:*<70}]"), format!("[{code:^9.3}]")],
                    "from_status": ErrorCode::from_status(code.status()) == Some(code),
                    "try_from": ErrorCode::try_from(code.status()) == Ok(code),
                    "into_u16": u16::from(code),
                    "from_name": ErrorCode::from_name(code.name()) == Some(code),
                    "parsed": code.name().parse::<ErrorCode>() == Ok(code),
                    "parsed_lowercase": code.name().to_lowercase().parse::<ErrorCode>().is_ok(),
                    "try_new": ErrorBody::try_new(code, "m").map(|body| body.error.status),
                    "new_panics": panic_message(|| drop(ErrorBody::new(code, "m"))),
                })
            })
            .collect();
        let known = (0..=u16::MAX).filter(|&s| ErrorCode::from_status(s).is_some()).count();
        let unknown = ErrorCode::try_from(0).map_err(|e| e.to_string());
        let mut sorted = ErrorCode::ALL;
        sorted.sort();
        let sorted: Vec<u16> = sorted.iter().map(|code| code.status()).collect();
        let ordered_by_status = ErrorCode::ALL.iter().all(|a| {
            ErrorCode::ALL
                .iter()
                .all(|b| a.cmp(b) == a.status().cmp(&b.status()) && a.partial_cmp(b) == Some(a.cmp(b)))
        });
        // Read as any error of the standard library's, through its Display.
        let unknown_name: Box<dyn std::error::Error> =
            "not a name".parse::<ErrorCode>().unwrap_err().into();
        let unknown_status: Box<dyn std::error::Error> = ErrorCode::try_from(0).unwrap_err().into();
        json!({
            "codes": codes,
            "known_statuses": known,
            "try_from_0": unknown.err(),
            "sorted": sorted,
            "ordered_by_status": ordered_by_status,
            "unknown_name": unknown_name.to_string(),
            "unknown_status": unknown_status.to_string(),
        })
    }};
}

/// `ErrorCode` with serde: each code as its status and back, and the refusal of a status that
/// no code has (`unknown`, the first such status) and of a status written as a string.
macro_rules! code_serde {
    ($m:ident) => {{
        use $m::ErrorCode;
        let codes: Vec<Value> = ErrorCode::ALL
            .iter()
            .map(|&code| {
                let serialized = serde_json::to_value(code).unwrap();
                let back = serde_json::from_value::<ErrorCode>(serialized.clone()).ok();
                json!({ "serialized": serialized, "back": back == Some(code) })
            })
            .collect();
        let unknown = (0..=u16::MAX).find(|&s| ErrorCode::from_status(s).is_none()).unwrap();
        let refused = serde_json::from_value::<ErrorCode>(json!(unknown)).map_err(|e| e.to_string());
        let first = ErrorCode::ALL[0].status().to_string();
        let as_string = serde_json::from_value::<ErrorCode>(json!(first)).is_err();
        let in_a_list: Vec<ErrorCode> = serde_json::from_str(&serde_json::to_string(&ErrorCode::ALL).unwrap()).unwrap();
        json!({
            "codes": codes,
            "unknown": unknown,
            "refused": refused.err(),
            "string_refused": as_string,
            "list_round_trips": in_a_list == ErrorCode::ALL,
        })
    }};
}

/// `ErrorBody::new` for every error code, field by field (works with serde off).
macro_rules! body {
    ($m:ident, $message:expr) => {{
        use $m::{ErrorBody, ErrorCode};
        let bodies: Vec<Value> = ErrorCode::ALL
            .iter()
            .filter(|code| code.is_error())
            .map(|&code| {
                let body = ErrorBody::new(code, $message.as_str());
                json!({
                    "name": body.error.name,
                    "status": body.error.status,
                    "message": body.error.message,
                    "code_round_trips": body.code() == Some(code),
                })
            })
            .collect();
        json!({ "bodies": bodies, "NAME": ErrorBody::NAME })
    }};
}

/// Deserializes a body and serializes it again; also serializes `ErrorBody::new` for the
/// input's status.
macro_rules! serde_round_trip {
    ($m:ident, $json:expr) => {{
        use $m::{ErrorBody, ErrorCode};
        let body: ErrorBody = serde_json::from_str($json).expect("the body deserializes");
        let code = ErrorCode::from_status(body.error.status).expect("a known status");
        let rebuilt = ErrorBody::new(code, body.error.message.clone());
        json!({
            "reserialized": serde_json::to_string(&body).unwrap(),
            "rebuilt": serde_json::to_string(&rebuilt).unwrap(),
        })
    }};
}

/// For every error code, the JSON that `ErrorBody::new(code, message)` serializes to, for each
/// message of the input (a JSON array of strings).
macro_rules! vectors {
    ($m:ident, $messages:expr) => {{
        use $m::{ErrorBody, ErrorCode};
        let messages: Vec<String> = serde_json::from_str($messages).expect("a list of messages");
        let codes: Vec<Value> = ErrorCode::ALL
            .iter()
            .filter(|code| code.is_error())
            .map(|&code| {
                let bodies: Vec<String> = messages
                    .iter()
                    .map(|message| serde_json::to_string(&ErrorBody::new(code, message.as_str())))
                    .collect::<Result<_, _>>()
                    .expect("a body serializes");
                json!({ "status": code.status(), "bodies": bodies })
            })
            .collect();
        Value::from(codes)
    }};
}

/// Reads back each body of the input (a JSON array of JSON texts): whether it deserializes,
/// what it serializes to again, and whether it equals `ErrorBody::new` for its status and
/// message.
macro_rules! read_back {
    ($m:ident, $bodies:expr) => {{
        use $m::{ErrorBody, ErrorCode};
        let bodies: Vec<String> = serde_json::from_str($bodies).expect("a list of bodies");
        let results: Vec<Value> = bodies
            .iter()
            .map(|text| match serde_json::from_str::<ErrorBody>(text) {
                Ok(body) => {
                    let rebuilt = ErrorCode::from_status(body.error.status)
                        .and_then(|code| ErrorBody::try_new(code, body.error.message.clone()));
                    json!({
                        "reserialized": serde_json::to_string(&body).unwrap(),
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
"#;
