//! Python and the tools pinned by `tests/python/requirements.lock` (mypy, ruff, and jinja2 for
//! the README's Go script), for the tests that check the generated Python with the real tools.
//!
//! The first test that asks for them in a run checks that `python3` is 3.10 or newer, then
//! creates a virtual environment under the target folder and installs the lock into it with
//! `pip install --require-hashes`, unless the environment there came from the same lock;
//! every later test in the run, and every later run, reuses it. pyright, which runs on Node,
//! is pinned in `package.json` with the other npm tools instead.
//!
//! A contributor without Python 3.10 (or without the network for the first install) still runs
//! every other test: the Python-side ones return early, and one line on the terminal says what
//! was skipped and how to run it. Under `CI=true` they are required, and a missing tool fails
//! them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Once, OnceLock};

use super::{Run, in_ci, repo};

/// The oldest Python the generated module supports, as major and minor version.
const MIN_PYTHON: (u32, u32) = (3, 10);

/// Written into the environment after a successful install: a copy of the lock it installed,
/// so a later run can tell whether the environment is still the pinned one.
const STAMP: &str = "errspec-requirements.lock";

/// The virtual environment with the pinned tools.
pub struct Tools {
    venv: PathBuf,
}

impl Tools {
    /// The environment's `python`, which sees the pinned packages.
    pub fn python(&self) -> Command {
        Command::new(self.bin("python"))
    }

    /// The environment's program `name` (`mypy`, `ruff`).
    pub fn program(&self, name: &str) -> Command {
        Command::new(self.bin(name))
    }

    fn bin(&self, name: &str) -> PathBuf {
        if cfg!(windows) {
            self.venv.join("Scripts").join(format!("{name}.exe"))
        } else {
            self.venv.join("bin").join(name)
        }
    }
}

/// The tools, installed once; `None` when Python is missing, too old, or the install fails,
/// outside CI. Under `CI=true` that panics with what to do instead.
pub fn tools() -> Option<&'static Tools> {
    static TOOLS: OnceLock<Result<Tools, String>> = OnceLock::new();
    match TOOLS.get_or_init(install) {
        Ok(tools) => Some(tools),
        Err(reason) if in_ci() => panic!(
            "the Python tests need Python {}.{} or newer with its venv module, to run the \
             pinned mypy and ruff on the generated code, and under CI=true they are \
             required: {reason}\n\
             hint: install Python 3 with venv (Debian: `apt-get install python3-venv`) and \
             make sure `python3` is on PATH",
            MIN_PYTHON.0, MIN_PYTHON.1
        ),
        Err(reason) => {
            skipped_once(reason);
            None
        }
    }
}

/// The Python tools for the calling test, or `return` from it when they are missing outside
/// CI (see [`tools`]).
macro_rules! python_tools_or_skip {
    () => {
        match $crate::support::python::tools() {
            Some(tools) => tools,
            None => return,
        }
    };
}

pub(crate) use python_tools_or_skip;

/// Says once per run, on the terminal itself, that the Python-side tests were skipped, why,
/// and how to run them.
fn skipped_once(reason: &str) {
    static SAID: Once = Once::new();
    SAID.call_once(|| {
        let first_line = reason.lines().next().unwrap_or_default();
        let _ = writeln!(
            std::io::stderr(),
            "note: skipped the Python-side tests (mypy, pyright, ruff, the runtime tests): \
             {first_line}; to run them, install Python {}.{} or newer with venv and run `cargo \
             test` again (CI=true requires them)",
            MIN_PYTHON.0,
            MIN_PYTHON.1
        );
    });
}

fn install() -> Result<Tools, String> {
    let python = check_python()?;
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python-tools");
    let lock_path = repo().join("tests/python/requirements.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let stamp = venv.join(STAMP);
    let tools = Tools { venv: venv.clone() };
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(lock.as_str()) {
        return Ok(tools);
    }
    if venv.exists() {
        std::fs::remove_dir_all(&venv)
            .map_err(|e| format!("cannot remove {}: {e}", venv.display()))?;
    }
    let created = output(Command::new(&python).args(["-m", "venv"]).arg(&venv))
        .map_err(|e| format!("cannot run `{python} -m venv` ({e})"))?;
    if created.code != Some(0) {
        return Err(format!(
            "`{python} -m venv` failed (is the venv module installed? Debian splits it into \
             python3-venv)\n--- stderr\n{}",
            created.stderr
        ));
    }
    let installed = output(
        tools
            .python()
            .args(["-m", "pip", "install", "--require-hashes", "--no-deps"])
            .args(["--disable-pip-version-check", "--no-input", "--quiet", "-r"])
            .arg(&lock_path),
    )
    .map_err(|e| format!("cannot run pip ({e})"))?;
    if installed.code != Some(0) {
        return Err(format!(
            "`pip install --require-hashes -r tests/python/requirements.lock` failed (is PyPI \
             reachable?)\n--- stdout\n{}\n--- stderr\n{}",
            installed.stdout, installed.stderr
        ));
    }
    std::fs::write(&stamp, &lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(tools)
}

/// The Python to create the environment with, checked to run and to be recent enough.
fn check_python() -> Result<String, String> {
    let python = if cfg!(windows) { "python" } else { "python3" };
    let run = output(Command::new(python).arg("--version"))
        .map_err(|e| format!("cannot run `{python}` ({e})"))?;
    let version = run.stdout.trim().to_owned();
    let mut numbers = version
        .strip_prefix("Python ")
        .unwrap_or_default()
        .split('.')
        .map(|n| n.parse::<u32>().ok());
    match numbers.next().flatten().zip(numbers.next().flatten()) {
        Some(found) if found >= MIN_PYTHON => Ok(python.to_owned()),
        _ => Err(format!(
            "`{python} --version` says {version:?}, older than {}.{}",
            MIN_PYTHON.0, MIN_PYTHON.1
        )),
    }
}

fn output(command: &mut Command) -> std::io::Result<Run> {
    command.output().map(Run::from)
}
