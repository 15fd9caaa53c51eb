//! Node and the npm tools pinned by `package.json` and `package-lock.json`, for the tests that
//! check generated code with the real tools (tsc, prettier, the OpenAPI validators).
//!
//! The first test that asks for them in a run checks that `node` and `npm` are there, then runs
//! `npm ci` into the repository's `node_modules/` (ignored by git) unless what is installed
//! there came from the same lockfile; every later test in the run reuses that answer.
//!
//! A contributor without Node.js (or without the network for the first `npm ci`) still runs
//! every Rust-side test: the Node-side ones return early, and one line on the terminal says
//! what was skipped and how to run it. Under `CI=true` they are required, and a missing tool
//! fails them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Once, OnceLock};

use super::{Run, repo};

/// The oldest Node the tools and the tests support, as major and minor version: Redocly CLI
/// needs 20.19.
const MIN_NODE: (u32, u32) = (20, 19);

/// Written into `node_modules/` after a successful `npm ci`: a copy of the lockfile it
/// installed, so a later run can tell whether the install is still the pinned one.
const STAMP: &str = ".errspec-package-lock.json";

/// The installed tools.
pub struct Tools {
    node_modules: PathBuf,
}

impl Tools {
    /// `node` running `script` (a path under the repository), with `args`. Tests written with
    /// `node:test` report in TAP, which ends with the counts of tests run, passed and failed.
    pub fn script(&self, script: &str, args: &[&Path]) -> Command {
        let mut command = Command::new("node");
        command
            .arg("--test-reporter=tap")
            .arg(repo().join(script))
            .args(args);
        command
    }

    /// `node` running the program `bin` (e.g. `bin/tsc`) of the installed `package`, which
    /// may be an alias from `package.json` such as `typescript-5`.
    pub fn bin(&self, package: &str, bin: &str) -> Command {
        let mut command = Command::new("node");
        command.arg(self.node_modules.join(package).join(bin));
        command
    }

    /// `node` running openapi-typescript's command line, pinned in the npm workspace
    /// `tests/node/client-generator`, where `npm ci` installs it beside the TypeScript 5 it
    /// needs as a peer (the root's `typescript` is 7, which has no compiler API for it).
    pub fn openapi_typescript(&self) -> Command {
        let workspace = repo().join("tests/node/client-generator/node_modules");
        let mut command = Command::new("node");
        command.arg(workspace.join("openapi-typescript/bin/cli.js"));
        command
    }
}

/// The tools, installed once per run; `None` when Node or npm is missing or the install
/// fails, outside CI. Under `CI=true` that panics with what to do instead.
pub fn tools() -> Option<&'static Tools> {
    static TOOLS: OnceLock<Result<Tools, String>> = OnceLock::new();
    match TOOLS.get_or_init(install) {
        Ok(tools) => Some(tools),
        Err(reason) if std::env::var("CI").is_ok_and(|ci| ci == "true") => panic!(
            "the TypeScript and OpenAPI tests need Node.js {}.{} or newer with npm, to run the \
             pinned tsc, prettier and OpenAPI validators on the generated code, and under \
             CI=true they are required: {reason}\n\
             hint: install Node.js (it includes npm) and make sure `node` and `npm` are on PATH",
            MIN_NODE.0, MIN_NODE.1
        ),
        Err(message) => {
            skipped_once(message);
            None
        }
    }
}

/// The Node tools for the calling test, or `return` from it when they are missing outside CI
/// (see [`tools`]).
macro_rules! node_tools_or_skip {
    () => {
        match $crate::support::node::tools() {
            Some(tools) => tools,
            None => return,
        }
    };
}

pub(crate) use node_tools_or_skip;

/// Says once per run, on the terminal itself (the test harness captures `eprintln!` of tests
/// that pass), that the Node-side tests were skipped, why, and how to run them.
fn skipped_once(reason: &str) {
    static SAID: Once = Once::new();
    SAID.call_once(|| {
        let first_line = reason.lines().next().unwrap_or_default();
        let _ = writeln!(
            std::io::stderr(),
            "note: skipped the Node-side tests (tsc, prettier, the OpenAPI validators): \
             {first_line}; to run them, install Node.js {}.{} or newer with npm and run `cargo \
             test` again (CI=true requires them)",
            MIN_NODE.0,
            MIN_NODE.1
        );
    });
}

fn install() -> Result<Tools, String> {
    check_node()?;
    let node_modules = repo().join("node_modules");
    let lock = std::fs::read_to_string(repo().join("package-lock.json"))
        .map_err(|e| format!("cannot read package-lock.json: {e}"))?;
    let stamp = node_modules.join(STAMP);
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(lock.as_str()) {
        return Ok(Tools { node_modules });
    }
    let run = output(
        Command::new(npm())
            .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
            .current_dir(repo()),
    )
    .map_err(|e| missing("npm", &e))?;
    if run.code != Some(0) {
        return Err(format!(
            "`npm ci` could not install the tools pinned in package-lock.json (is the npm \
             registry reachable?)\n--- stdout\n{}\n--- stderr\n{}",
            run.stdout, run.stderr
        ));
    }
    std::fs::write(&stamp, &lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(Tools { node_modules })
}

/// Checks that `node` runs and is recent enough.
fn check_node() -> Result<(), String> {
    let run = output(Command::new("node").arg("--version")).map_err(|e| missing("node", &e))?;
    let version = run.stdout.trim();
    let mut numbers = version
        .strip_prefix('v')
        .unwrap_or_default()
        .split('.')
        .map(|n| n.parse::<u32>().ok());
    let (major, minor) = (numbers.next().flatten(), numbers.next().flatten());
    match major.zip(minor) {
        Some(found) if found >= MIN_NODE => Ok(()),
        _ => Err(format!(
            "`node --version` says {version:?}, older than {}.{}",
            MIN_NODE.0, MIN_NODE.1
        )),
    }
}

fn missing(program: &str, error: &std::io::Error) -> String {
    format!("cannot run `{program}` ({error})")
}

/// npm is a batch file on Windows, which `Command` does not find by its bare name.
fn npm() -> &'static str {
    if cfg!(windows) { "npm.cmd" } else { "npm" }
}

fn output(command: &mut Command) -> std::io::Result<Run> {
    command.output().map(Run::from)
}

/// The count that node's test runner prints after `key` in its closing summary (`# tests `,
/// `# pass `, `# fail `); panics, showing the output, when there is none.
pub fn tap_count(stdout: &str, key: &str) -> usize {
    let line = stdout.lines().find_map(|line| line.strip_prefix(key));
    line.and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no `{key}` count in:\n{stdout}"))
}
