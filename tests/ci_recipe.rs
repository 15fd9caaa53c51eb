//! The CI recipe for users' repositories, run as a user would: `scripts/errspec-check.sh` on a
//! temporary git repository with a committed spec and generated files (and `errspec.yaml`),
//! with the built `errspec` on `PATH`. The GitHub Action that runs it is `action`'s.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::git::{commit_all, git, init, isolate};
use crate::support::{Run, errspec, repo};

pub fn fixture(case: &str, version: &str) -> String {
    let path = repo().join(format!("tests/fixtures/diff/{case}/{version}.yaml"));
    fs::read_to_string(path).unwrap()
}

/// A user's repository: `spec/errors.yaml` and `generated/` committed on `main`, with
/// `origin/main` pointing there as in a CI checkout of a pull request.
pub struct UserRepo {
    dir: tempfile::TempDir,
    /// Programs put first on `PATH`, such as a stand-in for cargo.
    bin: tempfile::TempDir,
}

impl UserRepo {
    pub fn new(spec: Option<&str>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        init(dir.path());
        fs::write(dir.path().join("README.md"), "An API.\n").unwrap();
        let repo = UserRepo {
            dir,
            bin: tempfile::tempdir().unwrap(),
        };
        if let Some(spec) = spec {
            repo.set_spec(spec);
            repo.generate();
        }
        commit_all(repo.root(), "main");
        git(
            repo.root(),
            repo.root(),
            &["update-ref", "refs/remotes/origin/main", "HEAD"],
        );
        repo
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    fn set_spec(&self, spec: &str) {
        fs::create_dir_all(self.root().join("spec")).unwrap();
        fs::write(self.root().join("spec/errors.yaml"), spec).unwrap();
    }

    fn generate(&self) {
        let run = errspec(self.root(), &["generate"]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
    }

    /// A branch off `main` whose one commit sets the spec to `spec`, and regenerates.
    pub fn branch(&self, name: &str, spec: &str) {
        git(
            self.root(),
            self.root(),
            &["checkout", "--quiet", "-b", name, "main"],
        );
        self.set_spec(spec);
        self.generate();
        commit_all(self.root(), name);
    }

    /// Runs the recipe with `env` set, errspec and `bin` first on `PATH`, and nothing of the
    /// caller's environment that the recipe reads.
    fn check(&self, env: &[(&str, &str)]) -> Run {
        let errspec_dir = Path::new(env!("CARGO_BIN_EXE_errspec")).parent().unwrap();
        let mut path: Vec<PathBuf> = vec![self.bin.path().to_owned(), errspec_dir.to_owned()];
        path.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        let path: OsString = std::env::join_paths(path).unwrap();
        let mut command = Command::new("bash");
        command
            .arg(repo().join("scripts/errspec-check.sh"))
            .current_dir(self.root())
            .env("PATH", path)
            .env("NO_COLOR", "1")
            .env_remove("GITHUB_ACTIONS");
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("ERRSPEC") {
                command.env_remove(key);
            }
        }
        command.envs(env.iter().copied());
        isolate(&mut command, self.root());
        command.output().unwrap().into()
    }

    /// Puts a stand-in for cargo first on `PATH`: `insta` answers as `behaviour` says
    /// (`missing`, `passing` or `failing`), and every call is logged to `cargo.log`.
    fn fake_cargo(&self, behaviour: &str) -> PathBuf {
        let log = self.bin.path().join("cargo.log");
        let script = format!(
            "#!/bin/sh\necho \"$*\" >> '{}'\nif [ \"$1\" = insta ]; then\n  case {behaviour} in\n    missing) echo 'error: no such command: `insta`' >&2; exit 101 ;;\n    passing) exit 0 ;;\n    failing) [ \"$2\" = --version ] && exit 0; exit 1 ;;\n  esac\nfi\nexit 0\n",
            log.display()
        );
        let cargo = self.bin.path().join("cargo");
        fs::write(&cargo, script).unwrap();
        make_executable(&cargo);
        fs::write(
            self.root().join("Cargo.toml"),
            "[package]\nname = \"api\"\n",
        )
        .unwrap();
        log
    }
}

#[cfg(unix)]
pub fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(not(unix))]
pub fn make_executable(_: &Path) {}

fn output(run: &Run) -> String {
    format!("--- stdout\n{}\n--- stderr\n{}", run.stdout, run.stderr)
}

#[test]
fn a_safe_change_passes_and_a_breaking_one_fails_naming_the_break() {
    let user = UserRepo::new(Some(&fixture("code_added", "old")));
    user.branch("safe", &fixture("code_added", "new"));
    let run = user.check(&[]);
    assert_eq!(run.code, Some(0), "{}", output(&run));
    assert!(
        run.stderr
            .contains("safe[CODE_ADDED]: code 410 `Gone` was added"),
        "{}",
        output(&run)
    );
    assert!(
        run.stderr.contains("errspec-check: diff: ok"),
        "{}",
        output(&run)
    );
    assert!(
        run.stderr.contains("errspec-check: every check passed"),
        "{}",
        output(&run)
    );
    assert!(
        run.stderr.contains(
            "errspec-check: no insta snapshot (*.snap) tracked here: no snapshot tests to run"
        ),
        "{}",
        output(&run)
    );

    user.branch("breaking", &fixture("status_changed", "new"));
    let run = user.check(&[]);
    assert_eq!(run.code, Some(1), "{}", output(&run));
    assert!(
        run.stderr.contains(
            "breaking[STATUS_CHANGED]: code `NotFound` changed its status from 404 to 410"
        ),
        "{}",
        output(&run)
    );
    assert!(
        run.stderr.contains("errspec-check: validate: ok"),
        "{}",
        output(&run)
    );
    assert!(
        run.stderr.contains("errspec-check: generate: ok"),
        "{}",
        output(&run)
    );
    assert!(
        run.stderr.ends_with("errspec-check: failed: diff\n"),
        "{}",
        output(&run)
    );

    for allowed in ["1", "true"] {
        let run = user.check(&[("ERRSPEC_ALLOW_BREAKING", allowed)]);
        assert_eq!(run.code, Some(0), "{allowed}: {}", output(&run));
        assert!(
            run.stderr.contains("(allowed by --allow-breaking)"),
            "{}",
            output(&run)
        );
    }
}

#[test]
fn under_github_actions_failures_are_annotations() {
    let user = UserRepo::new(Some(&fixture("status_changed", "old")));
    user.branch("breaking", &fixture("status_changed", "new"));
    let run = user.check(&[("GITHUB_ACTIONS", "true")]);
    assert_eq!(run.code, Some(1), "{}", output(&run));
    assert!(
        run.stdout.contains(
            "::error file=spec/errors.yaml,line=9,col=13,title=STATUS_CHANGED::code `NotFound` changed its status from 404 to 410%0Awas: origin/main:spec/errors.yaml:9:13%0A"
        ),
        "{}",
        output(&run)
    );
    assert!(
        run.stdout
            .contains("::group::diff: errspec diff --base-rev origin/main"),
        "{}",
        output(&run)
    );
    // 410 keeps the title "Not Found": a lint warning, which generate --check reports again.
    let warning = "::warning file=spec/errors.yaml,line=10,col=12,title=TITLE_NOT_REASON_PHRASE::";
    assert_eq!(
        run.stdout.matches(warning).count(),
        1,
        "one annotation per warning: {}",
        output(&run)
    );
    assert!(
        run.stdout.contains(
            "::notice title=errspec-check::no insta snapshot (*.snap) tracked here: no snapshot tests to run"
        ),
        "{}",
        output(&run)
    );
    assert_annotations_in_tree(user.root(), &run);
}

/// Every annotation's `file=` names a file of the checkout: GitHub attaches an annotation to a
/// file of the pull request, and one on another path points at nothing.
fn assert_annotations_in_tree(root: &Path, run: &Run) {
    for line in run.stdout.lines().filter(|line| line.starts_with("::")) {
        let Some((_, properties)) = line.split_once(' ') else {
            continue;
        };
        let properties = properties.split("::").next().unwrap();
        for file in properties
            .split(',')
            .filter_map(|property| property.strip_prefix("file="))
        {
            // A property's `:` is written `%3A`; a `REV:PATH` would keep it.
            let file = file.replace("%3A", ":").replace("%2C", ",");
            assert!(
                root.join(&file).is_file(),
                "{line:?} names {file:?}, which the checkout lacks: {}",
                output(run)
            );
        }
    }
}

#[test]
fn annotations_name_only_files_of_the_checkout() {
    let github = [("GITHUB_ACTIONS", "true")];
    // A removed code is only in the base revision's spec: the annotation moves to the spec,
    // with no line (the old line would point at another code), and says where the code was.
    let user = UserRepo::new(Some(&fixture("code_removed", "old")));
    user.branch("removal", &fixture("code_removed", "new"));
    let run = user.check(&github);
    assert_eq!(run.code, Some(1), "{}", output(&run));
    assert!(
        run.stdout.contains(
            "::error file=spec/errors.yaml,title=CODE_REMOVED::origin/main:spec/errors.yaml:9:13: code 404 `NotFound` was removed%0Ahint: "
        ),
        "{}",
        output(&run)
    );
    assert_annotations_in_tree(user.root(), &run);

    // An invalid spec at the base revision is reported at `REV:PATH` too.
    git(
        user.root(),
        user.root(),
        &["checkout", "--quiet", "-b", "invalid-base", "main"],
    );
    user.set_spec(&fixture("code_removed", "old").replace("status: 503", "status: 404"));
    commit_all(user.root(), "an invalid spec, committed");
    git(
        user.root(),
        user.root(),
        &["update-ref", "refs/remotes/origin/main", "HEAD"],
    );
    user.set_spec(&fixture("code_removed", "old"));
    let run = user.check(&github);
    assert_eq!(run.code, Some(1), "{}", output(&run));
    assert!(
        run.stdout.contains(
            "::error file=spec/errors.yaml,title=DUPLICATE_STATUS::origin/main:spec/errors.yaml:13:13: status 404 is already used"
        ),
        "{}",
        output(&run)
    );
    assert_annotations_in_tree(user.root(), &run);

    // A generated file that is missing is reported at its path, which the checkout lacks.
    fs::remove_file(user.root().join("generated/docs/error-codes.md")).unwrap();
    let run = user.check(&github);
    assert!(
        run.stdout.contains(
            "::error file=spec/errors.yaml,title=MISSING_FILE::generated/docs/error-codes.md: missing%0Ahint: run `errspec generate` to update them"
        ),
        "{}",
        output(&run)
    );
    assert_annotations_in_tree(user.root(), &run);
}

#[test]
fn each_warning_is_shown_once_in_every_format() {
    // 410 keeps the title "Not Found": a lint warning, which validate and generate --check
    // both find. The generated files are stale, so generate --check has errors of its own to
    // show, and must keep them.
    let user = UserRepo::new(Some(&fixture("status_changed", "old")));
    user.set_spec(&fixture("status_changed", "new"));
    for (format, warning) in [
        ("human", "warning[TITLE_NOT_REASON_PHRASE]: "),
        ("short", "spec/errors.yaml:10:12: warning: "),
        ("json", "\"severity\":\"warning\""),
        ("github", "::warning file=spec/errors.yaml"),
    ] {
        let run = user.check(&[("ERRSPEC_MESSAGE_FORMAT", format)]);
        let all = output(&run);
        assert_eq!(run.code, Some(1), "{format}: {all}");
        assert_eq!(all.matches(warning).count(), 1, "{format}: {all}");
        assert_eq!(
            all.matches("write `title: Gone`").count(),
            1,
            "{format}: {all}"
        );
        assert!(
            all.contains("+    NotFound = 410,"),
            "the stale file's diff stays: {all}"
        );
        assert!(
            all.contains("generated/rust/error_codes.rs")
                && all.contains("not up to date with the spec"),
            "{format}: {all}"
        );
        if format == "human" {
            assert_eq!(
                all.matches("warning: 1 warning emitted").count(),
                1,
                "{all}"
            );
        }
    }
}

#[test]
fn stale_generated_files_and_invalid_specs_fail() {
    let old = fixture("description_changed", "old");
    let user = UserRepo::new(Some(&old));
    user.set_spec(&fixture("description_changed", "new"));
    let run = user.check(&[]);
    assert_eq!(run.code, Some(1), "{}", output(&run));
    assert!(
        run.stderr.contains("not up to date with the spec"),
        "{}",
        output(&run)
    );
    assert!(
        run.stderr.contains("errspec-check: diff: ok"),
        "a safe change: {}",
        output(&run)
    );
    assert!(
        run.stderr.ends_with("errspec-check: failed: generate\n"),
        "{}",
        output(&run)
    );

    user.set_spec(&old.replace("status: 503", "status: 404"));
    let run = user.check(&[]);
    assert_eq!(run.code, Some(1), "{}", output(&run));
    assert!(
        run.stderr.contains("error[DUPLICATE_STATUS]"),
        "{}",
        output(&run)
    );
    assert_eq!(
        run.stderr.matches("error[DUPLICATE_STATUS]").count(),
        1,
        "reported once: {}",
        output(&run)
    );
    assert!(
        run.stderr
            .contains("errspec-check: the spec is invalid: generate --check and diff skipped"),
        "{}",
        output(&run)
    );
    assert!(
        run.stderr.ends_with("errspec-check: failed: validate\n"),
        "{}",
        output(&run)
    );
}

#[test]
fn a_spec_new_in_the_branch_has_nothing_to_diff_against() {
    let user = UserRepo::new(None);
    user.branch("first", &fixture("status_changed", "old"));
    let run = user.check(&[]);
    assert_eq!(run.code, Some(0), "{}", output(&run));
    assert!(
        run.stderr.contains(
            "errspec-check: origin/main has no spec/errors.yaml yet: nothing to diff against"
        ),
        "{}",
        output(&run)
    );
    let run = user.check(&[("ERRSPEC_BASE_REV", "no-such-branch")]);
    assert_eq!(run.code, Some(1), "an unknown base fails: {}", output(&run));
    assert!(
        run.stderr.contains("error[UNKNOWN_REVISION]"),
        "{}",
        output(&run)
    );
    let run = user.check(&[("ERRSPEC_BASE_REV", "")]);
    assert_eq!(run.code, Some(0), "{}", output(&run));
    assert!(
        run.stderr.contains("ERRSPEC_BASE_REV is empty: no diff"),
        "{}",
        output(&run)
    );
}

#[test]
fn settings_choose_the_spec_the_targets_and_the_folder() {
    let user = UserRepo::new(None);
    git(
        user.root(),
        user.root(),
        &["checkout", "--quiet", "-b", "custom", "main"],
    );
    fs::create_dir_all(user.root().join("api")).unwrap();
    fs::write(
        user.root().join("api/errors.yaml"),
        fixture("status_changed", "old"),
    )
    .unwrap();
    let run = errspec(
        user.root(),
        &[
            "generate",
            "--spec",
            "api/errors.yaml",
            "--target",
            "rust",
            "--out",
            "src/gen",
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    commit_all(user.root(), "custom layout");
    let settings = [
        ("ERRSPEC_SPEC", "api/errors.yaml"),
        ("ERRSPEC_TARGETS", "rust"),
        ("ERRSPEC_OUT", "src/gen"),
        ("ERRSPEC_BASE_REV", "HEAD"),
    ];
    let run = user.check(&settings);
    assert_eq!(run.code, Some(0), "{}", output(&run));
    assert!(
        run.stderr.contains("errspec-check: generate: errspec generate --check --spec api/errors.yaml --out src/gen --target rust"),
        "{}",
        output(&run)
    );
    let run = user.check(&settings[..3]);
    assert_eq!(run.code, Some(0), "{}", output(&run));
    assert!(
        run.stderr
            .contains("origin/main has no api/errors.yaml yet"),
        "{}",
        output(&run)
    );
}

/// A config with the options that, as flags, a plain `generate --check` would undo.
const CONFIG: &str = "spec: api/errors.yaml\ntargets:\n  rust: {path: src/errors.rs, serde: false}\n  openapi: {path: api/openapi.yaml, version: \"3.0\"}\n";

/// A user's repository whose `errspec.yaml` places the files and sets their options.
pub fn configured(spec: &str) -> UserRepo {
    let user = UserRepo::new(None);
    fs::create_dir_all(user.root().join("api")).unwrap();
    fs::write(user.root().join("api/errors.yaml"), spec).unwrap();
    fs::write(user.root().join("errspec.yaml"), CONFIG).unwrap();
    user.generate();
    commit_all(user.root(), "errspec.yaml");
    git(
        user.root(),
        user.root(),
        &["update-ref", "refs/remotes/origin/main", "HEAD"],
    );
    user
}

#[test]
fn the_config_is_read_by_every_check_and_its_fix_keeps_its_options() {
    let user = configured(&fixture("status_changed", "old"));
    let run = user.check(&[]);
    assert_eq!(run.code, Some(0), "{}", output(&run));
    for logged in [
        "errspec-check: validate: errspec validate --config errspec.yaml --message-format human",
        "errspec-check: generate: errspec generate --check --config errspec.yaml --message-format human",
        "errspec-check: diff: errspec diff --base-rev origin/main --config errspec.yaml --message-format human",
    ] {
        assert!(run.stderr.contains(logged), "{logged}: {}", output(&run));
    }
    assert!(
        run.stderr
            .contains("where errspec.yaml puts them: up to date"),
        "{}",
        output(&run)
    );

    // A stale file's fix names the config, and running it keeps the config's options.
    let rust = user.root().join("src/errors.rs");
    let fresh = fs::read_to_string(&rust).unwrap();
    assert!(!fresh.contains("serde"), "serde: false");
    fs::write(&rust, "stale\n").unwrap();
    let run = user.check(&[]);
    assert_eq!(run.code, Some(1), "{}", output(&run));
    let fix = "hint: run `errspec generate --config errspec.yaml` to update them";
    assert!(run.stderr.contains(fix), "{}", output(&run));
    let fixed = errspec(user.root(), &["generate", "--config", "errspec.yaml"]);
    assert_eq!(fixed.code, Some(0), "{}", fixed.stderr);
    assert_eq!(
        fs::read_to_string(&rust).unwrap(),
        fresh,
        "the fix undoes nothing"
    );
    let run = user.check(&[]);
    assert_eq!(run.code, Some(0), "{}", output(&run));

    // Under GitHub, a missing file's annotation goes on the config, which asks for it.
    fs::remove_file(&rust).unwrap();
    let run = user.check(&[("GITHUB_ACTIONS", "true")]);
    assert!(
        run.stdout.contains(
            "::error file=errspec.yaml,title=MISSING_FILE::src/errors.rs: missing%0Ahint: run `errspec generate --config errspec.yaml` to update them"
        ),
        "{}",
        output(&run)
    );
    assert_annotations_in_tree(user.root(), &run);
}

#[test]
fn the_config_can_be_named_and_settings_override_it() {
    let user = UserRepo::new(None);
    fs::create_dir_all(user.root().join("api")).unwrap();
    fs::write(
        user.root().join("api/errors.yaml"),
        fixture("status_changed", "old"),
    )
    .unwrap();
    fs::write(
        user.root().join("api/errspec.yaml"),
        "spec: errors.yaml\ntargets:\n  rust: {path: gen/errors.rs, serde: false}\n",
    )
    .unwrap();
    let run = errspec(user.root(), &["generate", "--config", "api/errspec.yaml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    commit_all(user.root(), "the config in api/");
    let config = ("ERRSPEC_CONFIG", "api/errspec.yaml");
    let run = user.check(&[config, ("ERRSPEC_BASE_REV", "HEAD")]);
    assert_eq!(run.code, Some(0), "{}", output(&run));
    assert!(
        run.stderr
            .contains("errspec validate --config api/errspec.yaml"),
        "{}",
        output(&run)
    );
    // Without the setting nothing finds api/errspec.yaml, and the defaults hold.
    let run = user.check(&[]);
    assert_eq!(run.code, Some(1), "{}", output(&run));
    assert!(run.stderr.contains("SPEC_NOT_FOUND"), "{}", output(&run));

    // A setting overrides the config, as the flag it becomes does.
    let run = user.check(&[
        config,
        ("ERRSPEC_TARGETS", "markdown"),
        ("ERRSPEC_OUT", "docs"),
    ]);
    assert_eq!(run.code, Some(1), "{}", output(&run));
    assert!(
        run.stderr.contains(
            "hint: run `errspec generate --config api/errspec.yaml --out docs --target markdown` to update them"
        ),
        "{}",
        output(&run)
    );
}

#[test]
fn a_spec_new_in_the_branch_is_found_through_the_config() {
    let user = UserRepo::new(None);
    git(
        user.root(),
        user.root(),
        &["checkout", "--quiet", "-b", "first", "main"],
    );
    fs::create_dir_all(user.root().join("api")).unwrap();
    fs::write(
        user.root().join("api/errors.yaml"),
        fixture("status_changed", "old"),
    )
    .unwrap();
    fs::write(user.root().join("errspec.yaml"), CONFIG).unwrap();
    user.generate();
    commit_all(user.root(), "errspec arrives");
    let run = user.check(&[]);
    assert_eq!(run.code, Some(0), "{}", output(&run));
    assert!(
        run.stderr.contains(
            "errspec-check: origin/main has no api/errors.yaml yet: nothing to diff against"
        ),
        "{}",
        output(&run)
    );
}

/// An insta snapshot file: insta's header, then the snapshot.
const INSTA_SNAPSHOT: &str = "---\nsource: tests/api.rs\nexpression: body\n---\n{}\n";

#[test]
fn snapshot_tests_run_where_insta_snapshots_are_tracked() {
    let spec = fixture("status_changed", "old");
    let user = UserRepo::new(Some(&spec));
    let log = user.fake_cargo("missing");
    let skipped =
        "errspec-check: no insta snapshot (*.snap) tracked here: no snapshot tests to run";

    // A Rust project without snapshots has nothing for cargo-insta to check.
    let run = user.check(&[]);
    assert_eq!(run.code, Some(0), "{}", output(&run));
    assert!(run.stderr.contains(skipped), "{}", output(&run));

    // Jest and Vitest name their snapshots `.snap` too; a snapshot not tracked is not in the
    // pull request.
    fs::create_dir_all(user.root().join("web/__snapshots__")).unwrap();
    fs::write(
        user.root().join("web/__snapshots__/app.test.ts.snap"),
        "// Jest Snapshot v1, https://goo.gl/fbAQLP\n",
    )
    .unwrap();
    commit_all(user.root(), "a Jest snapshot");
    fs::create_dir_all(user.root().join("tests/snapshots")).unwrap();
    let snapshot = user.root().join("tests/snapshots/api__body.snap");
    fs::write(&snapshot, INSTA_SNAPSHOT).unwrap();
    let run = user.check(&[]);
    assert_eq!(run.code, Some(0), "{}", output(&run));
    assert!(run.stderr.contains(skipped), "{}", output(&run));
    assert!(
        !fs::read_to_string(&log)
            .unwrap_or_default()
            .contains("insta"),
        "cargo insta was not asked"
    );

    commit_all(user.root(), "an insta snapshot");
    let run = user.check(&[]);
    assert_eq!(run.code, Some(1), "{}", output(&run));
    assert!(
        run.stderr.contains("errspec-check: snapshots: cargo-insta is not installed: install it with 'cargo install cargo-insta --locked', or set ERRSPEC_SNAPSHOTS=skip"),
        "{}",
        output(&run)
    );
    let run = user.check(&[("ERRSPEC_SNAPSHOTS", "skip")]);
    assert_eq!(run.code, Some(0), "{}", output(&run));

    user.fake_cargo("passing");
    fs::remove_file(&log).unwrap();
    let run = user.check(&[]);
    assert_eq!(run.code, Some(0), "{}", output(&run));
    assert_eq!(
        fs::read_to_string(&log).unwrap(),
        "insta --version\ninsta test --check\n"
    );

    user.fake_cargo("failing");
    let run = user.check(&[]);
    assert_eq!(run.code, Some(1), "{}", output(&run));
    assert!(
        run.stderr.ends_with("errspec-check: failed: snapshots\n"),
        "{}",
        output(&run)
    );

    // Inline snapshots have no file: `always` runs the tests anyway.
    git(user.root(), user.root(), &["rm", "--quiet", "-r", "tests"]);
    commit_all(user.root(), "inline snapshots only");
    let run = user.check(&[]);
    assert_eq!(run.code, Some(0), "{}", output(&run));
    let run = user.check(&[("ERRSPEC_SNAPSHOTS", "always")]);
    assert_eq!(run.code, Some(1), "{}", output(&run));
    assert!(
        run.stderr.ends_with("errspec-check: failed: snapshots\n"),
        "{}",
        output(&run)
    );
}

#[test]
fn wrong_settings_exit_2() {
    let user = UserRepo::new(Some(&fixture("status_changed", "old")));
    for (key, value) in [
        ("ERRSPEC_MESSAGE_FORMAT", "xml"),
        ("ERRSPEC_SNAPSHOTS", "sometimes"),
        ("ERRSPEC_ALLOW_BREAKING", "yes"),
    ] {
        let run = user.check(&[(key, value)]);
        assert_eq!(run.code, Some(2), "{key}={value}: {}", output(&run));
        assert!(run.stderr.contains(key), "{}", output(&run));
    }
}

/// The `ERRSPEC*` variables a text names: `${ERRSPEC_SPEC:-...}` in the script, a table's
/// `` | `ERRSPEC_SPEC` | `` in the docs.
fn settings(text: &str, prefix: &str) -> std::collections::BTreeSet<String> {
    text.match_indices(prefix)
        .map(|(at, _)| {
            let name = &text[at + prefix.len() - "ERRSPEC".len()..];
            let end = name
                .find(|c: char| !(c.is_ascii_uppercase() || c == '_'))
                .unwrap_or(name.len());
            name[..end].to_owned()
        })
        .collect()
}

#[test]
fn the_docs_list_every_setting_of_the_script() {
    let script = fs::read_to_string(repo().join("scripts/errspec-check.sh")).unwrap();
    let docs = fs::read_to_string(repo().join("docs/pr-review-and-ci.md")).unwrap();
    assert_eq!(
        settings(&docs, "| `ERRSPEC"),
        settings(&script, "${ERRSPEC"),
        "docs/pr-review-and-ci.md's table of settings and the variables the script reads"
    );
    let row = docs
        .lines()
        .find(|line| line.starts_with("| `ERRSPEC_SNAPSHOTS` |"))
        .unwrap();
    for value in ["`auto`", "`always`", "`skip`"] {
        assert!(row.contains(value), "{row}");
    }
}
