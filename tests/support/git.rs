//! Temporary git repositories for the tests of `errspec diff --base-rev` and of the CI
//! recipe, isolated from the machine's git configuration so they behave the same on a
//! developer's machine (with a global `commit.gpgsign`, say) and on a clean CI machine.

use std::path::Path;
use std::process::Command;

use super::run_ok;

/// Makes `command` (git, or a program that runs git) ignore the user's and the system's git
/// configuration, commit under a fixed identity, and stop looking for a repository at the
/// folder above `root`, so a temporary folder is never taken for part of an enclosing one.
pub fn isolate<'c>(command: &'c mut Command, root: &Path) -> &'c mut Command {
    let ceiling = root.parent().unwrap_or(root);
    command
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CEILING_DIRECTORIES", ceiling)
        .env("GIT_AUTHOR_NAME", "errspec tests")
        .env("GIT_AUTHOR_EMAIL", "tests@errspec.invalid")
        .env("GIT_COMMITTER_NAME", "errspec tests")
        .env("GIT_COMMITTER_EMAIL", "tests@errspec.invalid")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
}

/// Runs `git args` in `dir` (inside the repository at `root`), panicking if it fails; returns
/// its standard output.
pub fn git(root: &Path, dir: &Path, args: &[&str]) -> String {
    let mut command = Command::new("git");
    command.args(args).current_dir(dir);
    isolate(&mut command, root);
    run_ok(&mut command, &format!("git {}", args.join(" "))).stdout
}

/// A new repository at `root`, on branch `main`.
pub fn init(root: &Path) {
    git(root, root, &["init", "--quiet"]);
    git(root, root, &["symbolic-ref", "HEAD", "refs/heads/main"]);
}

/// Stages everything under `root` and commits it with `message`.
pub fn commit_all(root: &Path, message: &str) {
    git(root, root, &["add", "--all"]);
    git(root, root, &["commit", "--quiet", "--message", message]);
}
