//! Helpers shared by the test modules.

pub mod expected;
pub mod git;
pub mod markdown;
pub mod node;
pub mod openapi;
pub mod python;
pub mod readme;
pub mod rust_harness;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (the package root).
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every valid spec the tests generate from: the seed spec, then each fixture, by name.
pub fn valid_specs() -> Vec<PathBuf> {
    let mut specs = vec![repo().join("spec/errors.yaml")];
    specs.extend(files_in(&repo().join("tests/fixtures/specs"), "yaml"));
    specs
}

/// Every valid spec of format v2: each fixture, then the examples' catalogs.
pub fn v2_specs() -> Vec<PathBuf> {
    let mut specs = files_in(&repo().join("tests/fixtures/specs_v2"), "yaml");
    specs.push(repo().join("examples/grpc/errors.yaml"));
    specs
}

/// The format v2 specs whose bodies are RFC 9457 problem details (`api.envelope: problem`).
pub fn problem_specs() -> Vec<PathBuf> {
    files_in(&repo().join("tests/fixtures/specs_problem"), "yaml")
}

/// The files with `extension` directly in `dir`, sorted.
pub fn files_in(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == extension))
        .collect();
    files.sort();
    files
}

/// A short, stable name for a spec: its path relative to the repo, with `/` separators.
pub fn spec_name(spec: &Path) -> String {
    let relative = spec.strip_prefix(repo()).unwrap_or(spec);
    relative.to_string_lossy().replace('\\', "/")
}

/// A name for a spec that works as a Rust module or file stem: `errors`, `keywords`.
pub fn spec_stem(spec: &Path) -> String {
    spec.file_stem()
        .unwrap()
        .to_string_lossy()
        .replace('-', "_")
}

/// Renders `targets` from the spec file at `spec`, as the CLI would name it.
pub fn render(
    spec: &Path,
    targets: &[errspec::Target],
    serde: bool,
) -> Vec<errspec::GeneratedFile> {
    let source = std::fs::read_to_string(spec).unwrap();
    let mut options = errspec::Options::new(spec_name(spec));
    options.targets = targets.to_vec();
    options.serde = serde;
    errspec::render(&source, &options)
        .unwrap_or_else(|e| panic!("{} is invalid:\n{e}", spec.display()))
}

/// The text of one target's file rendered from `spec`.
pub fn render_one(spec: &Path, target: errspec::Target, serde: bool) -> String {
    render(spec, &[target], serde).remove(0).contents
}

/// The result of running a program, with its output as text.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Runs the `errspec` binary with `args` in `dir`.
pub fn errspec(dir: &Path, args: &[&str]) -> Run {
    Command::new(env!("CARGO_BIN_EXE_errspec"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the errspec binary runs")
        .into()
}

/// Whether the tests run under CI (`CI` set, as CI services and `.ci/run` do), where a tool
/// that a test needs and cannot find is a failure rather than a skip.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| !matches!(value.as_str(), "" | "0" | "false"))
}

/// Runs `command`, panicking with its output if it fails.
pub fn run_ok(command: &mut Command, what: &str) -> Run {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot start {command:?}: {e}"));
    let run = Run::from(output);
    assert_eq!(
        run.code,
        Some(0),
        "{what} failed:\n--- stdout\n{}\n--- stderr\n{}",
        run.stdout,
        run.stderr
    );
    run
}

/// Writes `contents` to `path` unless it already holds exactly that, so that cargo's
/// incremental builds of test crates see no change.
pub fn write_if_changed(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(contents) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
}

/// Every file under `dir` (its path and bytes), sorted, for comparing a folder before and after:
/// what a command wrote, changed or left behind.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap_or_default();
                files.push((path, bytes));
            }
        }
    }
    files.sort();
    files
}
