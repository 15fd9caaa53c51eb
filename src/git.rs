//! Reads the spec as it is at a git revision, for `errspec diff --base-rev`, by running `git`.
//!
//! Each failure is a diagnostic with its own id, so that "not a repository", "no such
//! revision" and "no such file at that revision" read differently; they are told apart by
//! asking git one question at a time, never by reading git's messages, which vary with its
//! version and language.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use errspec::{Diagnostic, Severity};

/// The spec at `spec` (a path in the working tree) as it is at revision `rev`: the name
/// reports give it, `REV:PATH` with the path from the repository's root, and its bytes (at
/// most one past [`errspec::MAX_SPEC_BYTES`], enough for the size check to refuse it).
pub fn show(rev: &str, spec: &Path) -> Result<(String, Vec<u8>), Box<Diagnostic>> {
    let spec_name = spec.to_string_lossy().replace('\\', "/");
    let fail = |id, message: String, hint: &str| {
        Box::new(Diagnostic {
            id,
            severity: Severity::Error,
            file: spec_name.clone(),
            location: None,
            end: None,
            message,
            hint: Some(hint.to_owned()),
        })
    };
    let with_a_file = "or compare with a file: --base OLD.yaml";
    if rev.is_empty() || rev.starts_with('-') {
        let message = format!("{rev:?} is not a git revision");
        let hint = "give a branch, a tag or a commit, e.g. --base-rev origin/main";
        return Err(fail("UNKNOWN_REVISION", message, hint));
    }
    let (Some(file_name), folder) = (spec.file_name(), spec.parent()) else {
        let message = "the spec path names no file".to_owned();
        return Err(fail("SPEC_NOT_FOUND", message, "name the YAML file itself"));
    };
    // git runs in the spec's folder, so the repository is the spec's, wherever the command
    // runs from; an empty parent is the current folder.
    let folder = match folder {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        let message = format!("cannot find the spec's folder {}", folder.display());
        return Err(fail("SPEC_NOT_FOUND", message, "check --spec"));
    }
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(folder)
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
    };
    let cannot_run = |error: std::io::Error| {
        let hint = format!("install git, {with_a_file}");
        fail("GIT_FAILED", format!("cannot run git: {error}"), &hint)
    };
    // The folder's path from the repository's root, e.g. `spec/`, empty at the root.
    let prefix = git(&["rev-parse", "--show-prefix"]).map_err(cannot_run)?;
    if !prefix.status.success() {
        let message = "the spec is not in a git repository".to_owned();
        let hint = format!("run errspec diff on a spec in a git repository, {with_a_file}");
        return Err(fail("NOT_A_REPOSITORY", message, &hint));
    }
    let (Ok(prefix), Some(file_name)) = (String::from_utf8(prefix.stdout), file_name.to_str())
    else {
        let message = "the spec's path is not UTF-8, which git revisions cannot name".to_owned();
        return Err(fail("GIT_FAILED", message, with_a_file));
    };
    let path = format!("{}{file_name}", prefix.trim_end_matches(['\n', '\r']));
    let object = format!("{rev}:{path}");

    let commit = format!("{rev}^{{commit}}");
    let known = git(&["rev-parse", "--verify", "--quiet", &commit]).map_err(cannot_run)?;
    if !known.status.success() {
        let message = format!("unknown revision `{rev}`");
        let hint = "check the name; a CI checkout may need the base branch fetched (actions/checkout with `fetch-depth: 0`)";
        return Err(fail("UNKNOWN_REVISION", message, hint));
    }
    let kind = git(&["cat-file", "-t", &object]).map_err(cannot_run)?;
    if !kind.status.success() || kind.stdout.trim_ascii() != b"blob" {
        let message = format!("`{path}` is not a file at revision `{rev}`");
        let hint = format!("check --spec (the path is from the repository's root), {with_a_file}");
        return Err(fail("SPEC_NOT_AT_REVISION", message, &hint));
    }
    let bytes = read_blob(folder, &object).map_err(|error| {
        let message = format!("cannot read `{object}` with git: {error}");
        fail("GIT_FAILED", message, with_a_file)
    })?;
    Ok((object, bytes))
}

/// `git show OBJECT`'s output, read no further than one byte past the spec size limit so a
/// huge file cannot fill the memory.
fn read_blob(folder: &Path, object: &str) -> std::io::Result<Vec<u8>> {
    let mut child = Command::new("git")
        .args(["--no-pager", "show", object])
        .current_dir(folder)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let mut bytes = Vec::new();
    let stdout = child.stdout.take().expect("stdout is piped");
    stdout
        .take(errspec::MAX_SPEC_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > errspec::MAX_SPEC_BYTES {
        // The rest is not wanted; git stops on the closed pipe or here.
        let _ = child.kill();
        child.wait()?;
        return Ok(bytes);
    }
    let status = child.wait()?;
    if !status.success() {
        return Err(std::io::Error::other(format!(
            "git show exited with {status}"
        )));
    }
    Ok(bytes)
}
