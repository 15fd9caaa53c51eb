//! `errspec init` in a fresh folder: the starter project is valid without a warning and
//! generates at once; a second run, or a folder that holds any of its files, is refused with
//! every existing file named, and nothing is written.

use std::fs;
use std::path::Path;

use crate::support::{Run, errspec, tree};

/// What `init` writes, from the folder it writes in.
const FILES: [&str; 3] = [
    "errspec.yaml",
    "spec/errors.yaml",
    "spec/errspec.schema.json",
];

fn ok(run: &Run, what: &str) {
    assert_eq!(
        run.code,
        Some(0),
        "{what}:\n--- stdout\n{}\n--- stderr\n{}",
        run.stdout,
        run.stderr
    );
}

#[test]
fn init_writes_a_project_that_validates_without_warnings_and_generates_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let run = errspec(dir.path(), &["init"]);
    ok(&run, "init");
    assert_eq!(
        (run.stdout.as_str(), run.stderr.as_str()),
        (
            "",
            "     Created errspec.yaml, spec/errors.yaml and spec/errspec.schema.json\n"
        )
    );
    let written: Vec<_> = tree(dir.path()).into_iter().map(|(path, _)| path).collect();
    let expected: Vec<_> = FILES.iter().map(|file| dir.path().join(file)).collect();
    assert_eq!(written, expected);

    let spec = fs::read_to_string(dir.path().join("spec/errors.yaml")).unwrap();
    assert!(
        spec.starts_with("# yaml-language-server: $schema=errspec.schema.json\n"),
        "the modeline, from the spec's folder:\n{spec}"
    );
    assert!(spec.contains("\nversion: 2\n"), "format v2:\n{spec}");
    let schema = fs::read_to_string(dir.path().join("spec/errspec.schema.json")).unwrap();
    assert_eq!(
        schema,
        errspec::spec_schema(),
        "what `errspec schema` prints"
    );

    let run = errspec(dir.path(), &["validate", "--deny-warnings"]);
    ok(&run, "validate");
    assert_eq!(
        run.stderr, "   Validated spec/errors.yaml: 2 codes\n",
        "no warning"
    );
    let run = errspec(dir.path(), &["generate"]);
    ok(&run, "generate");
    assert_eq!(
        run.stderr,
        "   Generated 5 files under generated/ (5 written, 0 unchanged)\n"
    );
    for target in errspec::Target::ALL {
        let path = dir.path().join("generated").join(target.file_path());
        assert!(path.is_file(), "{} is generated", path.display());
    }
    ok(
        &errspec(dir.path(), &["generate", "--check"]),
        "generate --check",
    );
}

#[test]
fn init_again_is_refused_naming_every_file_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    ok(&errspec(dir.path(), &["init"]), "init");
    ok(&errspec(dir.path(), &["generate"]), "generate");
    let before = tree(dir.path());
    let run = errspec(dir.path(), &["init", "--message-format", "short"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let hint = "  hint: move it away to start afresh, or start elsewhere with `--dir`; nothing was written";
    let expected: String = FILES
        .iter()
        .map(|file| {
            format!(
                "{file}: error: the file exists already: errspec init writes only new files\n{hint}\n"
            )
        })
        .collect();
    assert_eq!(run.stderr, expected);
    assert_eq!(
        tree(dir.path()),
        before,
        "every file byte for byte as it was"
    );
    let run = errspec(dir.path(), &["init", "--message-format", "json"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stdout.matches("\"id\":\"FILE_EXISTS\"").count(), 3);
}

#[test]
fn one_existing_file_is_enough_to_write_none() {
    for existing in FILES {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(existing);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "mine\n").unwrap();
        let before = tree(dir.path());
        let run = errspec(dir.path(), &["init", "--message-format", "short"]);
        assert_eq!(run.code, Some(1), "{existing}: {}", run.stderr);
        assert!(
            run.stderr.starts_with(&format!(
                "{existing}: error: the file exists already: errspec init writes only new files\n"
            )),
            "{existing}: {}",
            run.stderr
        );
        assert_eq!(run.stderr.matches(": error: ").count(), 1, "{}", run.stderr);
        assert_eq!(tree(dir.path()), before, "{existing}: nothing written");
    }
}

#[test]
fn a_write_that_fails_leaves_nothing_behind() {
    // A file where the spec's folder would go: the config is written first, then the folder
    // cannot be made.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("spec"), "not a folder\n").unwrap();
    let before = tree(dir.path());
    let run = errspec(dir.path(), &["init", "--message-format", "short"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("spec/errors.yaml: error: cannot write: "),
        "{}",
        run.stderr
    );
    assert_eq!(
        tree(dir.path()),
        before,
        "the config written first is removed"
    );
}

#[test]
fn init_dir_starts_the_project_in_a_new_folder_and_quiet_says_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let run = errspec(dir.path(), &["init", "--dir", "api/errors"]);
    ok(&run, "init --dir");
    assert_eq!(
        run.stderr,
        "     Created errspec.yaml, spec/errors.yaml and spec/errspec.schema.json in api/errors/\n"
    );
    let project = dir.path().join("api/errors");
    for file in FILES {
        assert!(project.join(file).is_file(), "{file}");
    }
    // From the project's folder, its config is found and places the files under it.
    ok(&errspec(&project, &["generate"]), "generate");
    assert!(project.join("generated/rust/error_codes.rs").is_file());

    let run = errspec(dir.path(), &["init", "--dir", "other", "--quiet"]);
    ok(&run, "init --quiet");
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), ("", ""));
    assert!(Path::new(&dir.path().join("other/errspec.yaml")).is_file());
}
