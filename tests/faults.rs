//! Hostile input and failing disks: each case gives one clear error naming the path, finishes
//! in bounded time, and leaves every existing output file byte-identical.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Run, errspec, tree};

const SPEC: &str = "version: 1\napi:\n  name: Acme\ncodes:\n  - status: 404\n    title: Not Found\n    description: No such thing.\n";

/// A project whose `generated/` holds the output of [`SPEC`], and a record of its bytes.
struct Project {
    dir: tempfile::TempDir,
    before: Vec<(PathBuf, Vec<u8>)>,
}

impl Project {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("errors.yaml"), SPEC).unwrap();
        let run = errspec(dir.path(), &["generate", "--spec", "errors.yaml"]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let before = tree(&dir.path().join("generated"));
        assert!(!before.is_empty());
        Project { dir, before }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> Run {
        errspec(self.path(), args)
    }

    /// Asserts that every generated file is exactly as it was, and that nothing was added.
    fn assert_untouched(&self) {
        assert_eq!(
            tree(&self.path().join("generated")),
            self.before,
            "generated/ changed"
        );
    }
}

/// Asserts that `run` failed with exactly one error, which names `path`.
fn assert_one_error_naming(run: &Run, path: &str) {
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let errors = run
        .stderr
        .lines()
        .filter(|line| line.contains("error: "))
        .count();
    assert_eq!(errors, 1, "one error:\n{}", run.stderr);
    assert!(
        run.stderr.contains(path),
        "the error names {path}:\n{}",
        run.stderr
    );
}

/// Waits for `child`, killing it (and failing) after a minute: "bounded time", not a benchmark.
fn wait_bounded(mut child: Child) -> Run {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("errspec did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap().into()
}

fn spawn(dir: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_errspec"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn a_spec_over_the_size_limit_is_refused_unread() {
    let project = Project::new();
    let big = SPEC.to_owned() + &format!("# {}\n", "x".repeat(10 * 1024 * 1024));
    fs::write(project.path().join("errors.yaml"), big).unwrap();
    let run = wait_bounded(spawn(
        project.path(),
        &["generate", "--spec", "errors.yaml"],
    ));
    assert_one_error_naming(&run, "errors.yaml");
    assert!(
        run.stderr.contains("larger than the limit of 10 MiB"),
        "{}",
        run.stderr
    );
    project.assert_untouched();
}

#[test]
fn an_alias_bomb_is_refused_quickly() {
    let project = Project::new();
    let mut bomb = String::from(
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        bomb.push_str(&format!("{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"));
    }
    fs::write(project.path().join("errors.yaml"), bomb).unwrap();
    let run = wait_bounded(spawn(
        project.path(),
        &["generate", "--spec", "errors.yaml"],
    ));
    assert_one_error_naming(&run, "errors.yaml:");
    project.assert_untouched();
}

#[test]
fn nesting_past_the_limit_is_refused_quickly() {
    let project = Project::new();
    // errspec's own limit (`TOO_COMPLEX`, not the parser's recursion limit, which would be
    // `INVALID_YAML`) refuses flow and block nesting alike as the 65th level opens, the root
    // mapping being the first, before the parser reads deeper: it is quadratic in flow nesting.
    let flow = format!(
        "version: 1\napi: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let block: String = (0..4000)
        .map(|depth| format!("{}k:\n", " ".repeat(depth)))
        .collect();
    let cases = [
        // `api: ` then 64 brackets: the 65th level's `[` is in column 6 + 63.
        (flow, "errors.yaml:2:69"),
        // `api:` is the second level, `k:` at line 3 the third: the 65th is at line 65 + 2,
        // indented by 64 spaces.
        (format!("version: 1\napi:\n{block}"), "errors.yaml:67:65"),
    ];
    for (deep, at) in cases {
        fs::write(project.path().join("errors.yaml"), deep).unwrap();
        let run = wait_bounded(spawn(
            project.path(),
            &["generate", "--spec", "errors.yaml"],
        ));
        assert_one_error_naming(&run, at);
        assert!(
            run.stderr.contains(
                "error[TOO_COMPLEX]: the spec nests mappings and lists more than 64 levels deep"
            ),
            "{}",
            run.stderr
        );
        project.assert_untouched();
    }
}

#[test]
fn invalid_utf8_is_refused_with_its_position() {
    let project = Project::new();
    fs::write(
        project.path().join("errors.yaml"),
        b"version: 1\napi:\n  name: Caf\xe9\n",
    )
    .unwrap();
    let run = project.run(&["generate", "--spec", "errors.yaml"]);
    assert_one_error_naming(&run, "errors.yaml:3:12");
    project.assert_untouched();
}

#[test]
fn a_bom_and_crlf_line_endings_are_accepted() {
    let project = Project::new();
    let crlf = format!("\u{feff}{}", SPEC.replace('\n', "\r\n"));
    fs::write(project.path().join("errors.yaml"), crlf).unwrap();
    let run = project.run(&["generate", "--spec", "errors.yaml", "--check"]);
    assert_eq!(
        run.code,
        Some(0),
        "the same spec with a BOM and CRLF gives the same files:\n{}",
        run.stderr
    );
}

#[test]
fn a_folder_or_a_missing_file_as_the_spec_is_one_clear_error() {
    let project = Project::new();
    let run = project.run(&["generate", "--spec", "generated"]);
    assert_one_error_naming(&run, "generated");
    assert!(run.stderr.contains("is a folder"), "{}", run.stderr);
    let run = project.run(&["generate", "--spec", "nowhere.yaml"]);
    assert_one_error_naming(&run, "nowhere.yaml");
    project.assert_untouched();
}

#[test]
fn out_pointing_to_a_file_is_one_clear_error() {
    let project = Project::new();
    fs::write(project.path().join("file"), "keep me").unwrap();
    let run = project.run(&["generate", "--spec", "errors.yaml", "--out", "file"]);
    assert_one_error_naming(&run, "file");
    // Refused as what it is, before any file under it is tried.
    assert!(
        run.stderr
            .contains("file: error: cannot write: the output folder is a file"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(project.path().join("file")).unwrap(),
        "keep me"
    );
    project.assert_untouched();
    // A symlink to a folder is a folder: `--out` may name one (links under it are refused).
    fs::create_dir(project.path().join("real")).unwrap();
    std::os::unix::fs::symlink("real", project.path().join("link")).unwrap();
    let run = project.run(&["generate", "--spec", "errors.yaml", "--out", "link"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(project.path().join("real/rust/error_codes.rs").is_file());
}

#[test]
fn a_symlink_in_the_out_folder_is_refused() {
    let project = Project::new();
    let elsewhere = tempfile::tempdir().unwrap();
    let rust = project.path().join("generated/rust");
    fs::rename(&rust, elsewhere.path().join("rust")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path().join("rust"), &rust).unwrap();
    fs::write(
        project.path().join("errors.yaml"),
        SPEC.replace("No such", "No"),
    )
    .unwrap();
    let run = project.run(&["generate", "--spec", "errors.yaml"]);
    assert_one_error_naming(&run, "generated/rust");
    assert!(run.stderr.contains("symlink"), "{}", run.stderr);
    let target = fs::read(elsewhere.path().join("rust/error_codes.rs")).unwrap();
    assert_eq!(
        target,
        project
            .before
            .iter()
            .find(|(p, _)| p.ends_with("error_codes.rs"))
            .unwrap()
            .1
    );
}

/// Whether a process of ours can create a file in `dir`.
fn writable(dir: &Path) -> bool {
    fs::write(dir.join(".probe"), "")
        .map(|()| fs::remove_file(dir.join(".probe")))
        .is_ok()
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// The user id that root drops to: `nobody` on Debian and most systems.
const NOBODY: u32 = 65534;

/// Runs `errspec generate` in `project` as [`NOBODY`], for whom permission bits bind as they
/// do not for root. `generated/` is handed to that user first, so that only the bits the test
/// sets deny a write, as the immutable attribute alone does for root: the files themselves stay
/// writable, and a write in place would succeed. The binary is copied to a folder that user
/// can reach, since the repository may sit under a private home.
fn generate_as_nobody(project: &Project) -> Run {
    hand_to_nobody(project);
    run_as_nobody(project)
}

/// Hands `generated/`, its folders and files to [`NOBODY`].
fn hand_to_nobody(project: &Project) {
    let generated = project.path().join("generated");
    let mut folders = vec![generated.clone()];
    std::os::unix::fs::chown(&generated, Some(NOBODY), Some(NOBODY)).unwrap();
    for (file, _) in tree(&generated) {
        std::os::unix::fs::chown(&file, Some(NOBODY), Some(NOBODY)).unwrap();
        folders.push(file.parent().unwrap().to_owned());
    }
    for folder in folders {
        std::os::unix::fs::chown(&folder, Some(NOBODY), Some(NOBODY)).unwrap();
    }
}

/// Runs `errspec generate` in `project` as [`NOBODY`].
fn run_as_nobody(project: &Project) -> Run {
    use std::os::unix::process::CommandExt;
    let bin = tempfile::tempdir().unwrap();
    set_mode(bin.path(), 0o755);
    let program = bin.path().join("errspec");
    // Copied by `cp`, not `fs::copy`: a child another test forks while this process holds the
    // copy open for writing would inherit that descriptor, and exec would fail with ETXTBSY.
    let copied = Command::new("cp")
        .arg(env!("CARGO_BIN_EXE_errspec"))
        .arg(&program)
        .status()
        .unwrap();
    assert!(copied.success(), "cp errspec {}", program.display());
    set_mode(project.path(), 0o755);
    Command::new(&program)
        .args(["generate", "--spec", "errors.yaml"])
        .current_dir(project.path())
        .env("NO_COLOR", "1")
        .uid(NOBODY)
        .gid(NOBODY)
        .output()
        .unwrap_or_else(|e| panic!("cannot run errspec as uid {NOBODY}: {e}"))
        .into()
}

#[test]
fn an_unwritable_out_folder_is_one_clear_error() {
    let project = Project::new();
    let rust = project.path().join("generated/rust");
    fs::write(
        project.path().join("errors.yaml"),
        SPEC.replace("No such", "No"),
    )
    .unwrap();
    set_mode(&rust, 0o555);
    if !writable(&rust) {
        let run = project.run(&["generate", "--spec", "errors.yaml"]);
        assert_one_error_naming(&run, "generated/rust/error_codes.rs");
        project.assert_untouched();
    } else {
        // Root ignores permission bits, so deny the write twice over: the immutable attribute
        // binds root too (where the file system has it), and a process that has dropped to an
        // unprivileged user is held by the bits (always, so this case runs on every machine).
        let immutable = Command::new("chattr").arg("+i").arg(&rust).status();
        if immutable.is_ok_and(|status| status.success()) && !writable(&rust) {
            let run = project.run(&["generate", "--spec", "errors.yaml"]);
            let _ = Command::new("chattr").arg("-i").arg(&rust).status();
            assert_one_error_naming(&run, "generated/rust/error_codes.rs");
            project.assert_untouched();
        }
        let run = generate_as_nobody(&project);
        assert_one_error_naming(&run, "generated/rust/error_codes.rs");
        project.assert_untouched();
    }
    set_mode(&rust, 0o755);
}

/// A generated file errspec cannot read is an error naming it, and is left as it is: errspec
/// cannot tell whether its bytes are already right, and replacing it (which its folder would
/// allow) would overwrite a file it was not allowed to read.
#[test]
fn an_unreadable_generated_file_is_one_clear_error_and_left_alone() {
    let project = Project::new();
    fs::write(
        project.path().join("errors.yaml"),
        SPEC.replace("No such", "No"),
    )
    .unwrap();
    let rust = project.path().join("generated/rust/error_codes.rs");
    // Root reads any file: then errspec runs as nobody, in folders nobody owns, on a file
    // root owns. Anyone else is held by the file's bits.
    use std::os::unix::fs::MetadataExt;
    let as_root = fs::metadata(project.path()).unwrap().uid() == 0;
    if as_root {
        hand_to_nobody(&project);
        std::os::unix::fs::chown(&rust, Some(0), Some(0)).unwrap();
    }
    set_mode(&rust, 0o000);
    let run = match as_root {
        true => run_as_nobody(&project),
        false => project.run(&["generate", "--spec", "errors.yaml"]),
    };
    set_mode(&rust, 0o644);
    assert_one_error_naming(&run, "generated/rust/error_codes.rs");
    assert!(run.stderr.contains("Permission denied"), "{}", run.stderr);
    project.assert_untouched();
}

/// Runs `errspec generate` under a file-size limit of 1 KiB, so the write of a larger file
/// fails midway: with `XFSZ` at its default the process dies mid-write (a crash); with it
/// ignored, `write` fails with `EFBIG` (a full disk).
fn generate_under_file_size_limit(project: &Project, ignore_signal: bool) -> Run {
    let trap = if ignore_signal { "trap '' XFSZ; " } else { "" };
    let script = format!("{trap}ulimit -f 1; exec \"$0\" generate --spec errors.yaml");
    Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_errspec")])
        .current_dir(project.path())
        .output()
        .unwrap()
        .into()
}

#[test]
fn a_write_that_fails_midway_leaves_the_previous_file_intact() {
    let project = Project::new();
    let long = "A description long enough that the file outgrows one kibibyte. ".repeat(40);
    fs::write(
        project.path().join("errors.yaml"),
        SPEC.replace("No such thing.", &long),
    )
    .unwrap();

    let crashed = generate_under_file_size_limit(&project, false);
    assert_eq!(
        crashed.code, None,
        "killed by SIGXFSZ mid-write:\n{}",
        crashed.stderr
    );
    let files: Vec<_> = tree(&project.path().join("generated"))
        .into_iter()
        .filter(|(p, _)| !p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert_eq!(
        files, project.before,
        "the crash left the previous files intact"
    );

    let failed = generate_under_file_size_limit(&project, true);
    assert_eq!(failed.code, Some(1), "{}", failed.stderr);
    assert!(
        failed.stderr.contains("generated/rust/error_codes.rs"),
        "{}",
        failed.stderr
    );
    assert!(failed.stderr.contains("too large"), "{}", failed.stderr);
    let files: Vec<_> = tree(&project.path().join("generated"))
        .into_iter()
        .filter(|(p, _)| !p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert_eq!(
        files, project.before,
        "the failed write left the previous files intact"
    );
}

#[test]
fn eight_racing_generates_end_with_complete_identical_files() {
    let project = Project::new();
    let spec = SPEC.replace("No such thing.", "Raced.");
    fs::write(project.path().join("errors.yaml"), spec).unwrap();
    fs::remove_dir_all(project.path().join("generated")).unwrap();
    let children: Vec<Child> = (0..8)
        .map(|_| spawn(project.path(), &["generate", "--spec", "errors.yaml"]))
        .collect();
    for child in children {
        let run = wait_bounded(child);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
    }
    let check = project.run(&["generate", "--spec", "errors.yaml", "--check"]);
    assert_eq!(
        check.code,
        Some(0),
        "every file is complete and current:\n{}",
        check.stderr
    );
    let leftovers: Vec<_> = tree(&project.path().join("generated"))
        .into_iter()
        .filter(|(p, _)| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files are left: {leftovers:?}"
    );
}

/// The fuzz corpus (`tests/fixtures/fuzz/`: what the fuzzer found or reached deep with, and
/// hostile inputs written for the report target), then every other spec of the project: the
/// seed, the fixtures of both formats, invalid and with lints, and the examples' specs.
fn fuzz_inputs() -> (Vec<PathBuf>, Vec<PathBuf>) {
    use crate::support::{files_in, repo};

    let corpus = files_in(&repo().join("tests/fixtures/fuzz"), "yaml");
    assert!(
        corpus.len() >= 12,
        "tests/fixtures/fuzz/ holds the fuzzer's findings"
    );
    let mut fixtures = crate::support::valid_specs();
    fixtures.extend(crate::support::v2_specs());
    fixtures.extend(crate::support::problem_specs());
    // Each example's spec, as fuzz/run.sh takes them (`examples/*/errors.yaml`).
    for example in fs::read_dir(repo().join("examples")).unwrap() {
        let spec = example.unwrap().path().join("errors.yaml");
        if spec.is_file() {
            fixtures.push(spec);
        }
    }
    for folder in ["invalid", "lints"] {
        fixtures.extend(files_in(
            &repo().join("tests/fixtures").join(folder),
            "yaml",
        ));
    }
    (corpus, fixtures)
}

/// Each `errspec diff` fixture pair, as the diff target reads it: the two specs split at a NUL.
fn diff_fixture_pairs() -> Vec<(String, Vec<u8>)> {
    let mut cases: Vec<PathBuf> = fs::read_dir(crate::support::repo().join("tests/fixtures/diff"))
        .unwrap()
        .map(|case| case.unwrap().path())
        .collect();
    cases.sort();
    cases
        .iter()
        .map(|case| {
            let read = |version: &str| fs::read(case.join(format!("{version}.yaml"))).unwrap();
            let mut input = read("old");
            input.push(0);
            input.extend(read("new"));
            (crate::support::spec_name(case), input)
        })
        .collect()
}

/// `fuzz/run.sh` starts each target's corpus from every input the replay below runs: the
/// corpus and every spec for the spec, options and report targets, each fixture pair for diff.
#[test]
fn the_fuzz_corpus_starts_from_every_fixture() {
    use std::collections::BTreeSet;

    let (corpus, fixtures) = fuzz_inputs();
    let specs: BTreeSet<Vec<u8>> = corpus
        .iter()
        .chain(&fixtures)
        .map(|path| fs::read(path).unwrap())
        .collect();
    let pairs: BTreeSet<Vec<u8>> = diff_fixture_pairs()
        .into_iter()
        .map(|(_, input)| input)
        .collect();
    let scratch = tempfile::tempdir().unwrap();
    for (target, expected) in [("spec", &specs), ("report", &specs), ("diff", &pairs)] {
        let dir = scratch.path().join(target);
        let run: Run = Command::new("bash")
            .arg(crate::support::repo().join("fuzz/run.sh"))
            .args(["--seed", target])
            .arg(&dir)
            .output()
            .unwrap()
            .into();
        assert_eq!(
            run.code,
            Some(0),
            "fuzz/run.sh --seed {target}: {}",
            run.stderr
        );
        let seeded: BTreeSet<Vec<u8>> = fs::read_dir(&dir)
            .unwrap()
            .map(|entry| fs::read(entry.unwrap().path()).unwrap())
            .collect();
        assert!(expected.len() > 20, "{target}: {} inputs", expected.len());
        assert!(
            &seeded == expected,
            "fuzz/run.sh starts {target} from {} inputs, the replay runs {}",
            seeded.len(),
            expected.len()
        );
    }
}

/// The fuzz corpus and every spec of the project (`fuzz_inputs`), replayed through every fuzz
/// target's checks (`fuzz/src/lib.rs`, the same code the fuzzer runs), so no finding comes back
/// and no target's checks stop holding unnoticed.
#[test]
fn fuzz_corpus_replays_through_every_target() {
    use crate::fuzz_checks;

    let (corpus, fixtures) = fuzz_inputs();
    let mut specs = corpus.clone();
    specs.extend(fixtures);
    let inputs: Vec<(String, Vec<u8>)> = specs
        .iter()
        .map(|path| (crate::support::spec_name(path), fs::read(path).unwrap()))
        .collect();
    let targets: [(&str, Check); 3] = [
        ("spec", fuzz_checks::pipeline),
        ("options", fuzz_checks::options),
        ("report", fuzz_checks::report),
    ];
    for (target, check) in targets {
        for (name, bytes) in &inputs {
            replay(target, name, || check(bytes));
        }
    }
    // The diff target reads two specs split at a NUL: every pair of the fuzz corpus, and each
    // fixture pair of `errspec diff`'s tests.
    let corpus: Vec<&(String, Vec<u8>)> = inputs.iter().take(corpus.len()).collect();
    let mut pairs: Vec<(String, Vec<u8>, Vec<u8>)> = Vec::new();
    for (old_name, old) in &corpus {
        for (new_name, new) in &corpus {
            pairs.push((
                format!("{old_name} -> {new_name}"),
                old.clone(),
                new.clone(),
            ));
        }
    }
    let mut inputs: Vec<(String, Vec<u8>)> = pairs
        .into_iter()
        .map(|(name, old, new)| {
            let mut input = old;
            input.push(0);
            input.extend_from_slice(&new);
            (name, input)
        })
        .collect();
    inputs.extend(diff_fixture_pairs());
    for (name, input) in &inputs {
        replay("diff", name, || fuzz_checks::diff(input));
    }
}

/// A fuzz target's checks (see `fuzz/src/lib.rs`).
type Check = fn(&[u8]);

/// Runs one replay, naming the target and the input when it panics.
fn replay(target: &str, input: &str, check: impl FnOnce() + std::panic::UnwindSafe) {
    if let Err(message) = panic_of(check) {
        panic!("fuzz target {target} fails on {input}: {message}");
    }
}

/// What `check` panicked with, if it did.
fn panic_of(check: impl FnOnce() + std::panic::UnwindSafe) -> Result<(), String> {
    std::panic::catch_unwind(check).map_err(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default()
    })
}
