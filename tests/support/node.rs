//! Node and the npm tools pinned by `package.json` and `package-lock.json`, for the tests that
//! check generated code with the real tools (tsc, prettier, and later others).
//!
//! The first test that asks for them in a run checks that `node` and `npm` are there, then runs
//! `npm ci` into the repository's `node_modules/` (ignored by git) unless what is installed
//! there came from the same lockfile; every later test in the run reuses that answer.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use super::{Run, repo};

/// The oldest Node the tools and the tests support.
const MIN_NODE_MAJOR: u32 = 20;

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
}

/// The tools, installed once per run. Panics with what to do when Node or npm is missing or
/// the install fails.
pub fn tools() -> &'static Tools {
    static TOOLS: OnceLock<Result<Tools, String>> = OnceLock::new();
    match TOOLS.get_or_init(install) {
        Ok(tools) => tools,
        Err(message) => panic!("{message}"),
    }
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
             registry reachable?):\n--- stdout\n{}\n--- stderr\n{}",
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
    let major = version
        .strip_prefix('v')
        .and_then(|v| v.split('.').next())
        .and_then(|major| major.parse::<u32>().ok());
    match major {
        Some(major) if major >= MIN_NODE_MAJOR => Ok(()),
        _ => Err(format!(
            "the TypeScript tests need Node.js {MIN_NODE_MAJOR} or newer; `node --version` \
             says {version:?}"
        )),
    }
}

fn missing(program: &str, error: &std::io::Error) -> String {
    format!(
        "the TypeScript tests need Node.js {MIN_NODE_MAJOR} or newer with npm, to run the \
         pinned tsc and prettier on the generated code; cannot run `{program}`: {error}\n\
         hint: install Node.js (it includes npm) and make sure `node` and `npm` are on PATH"
    )
}

/// npm is a batch file on Windows, which `Command` does not find by its bare name.
fn npm() -> &'static str {
    if cfg!(windows) { "npm.cmd" } else { "npm" }
}

fn output(command: &mut Command) -> std::io::Result<Run> {
    command.output().map(Run::from)
}
