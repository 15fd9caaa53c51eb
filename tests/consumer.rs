//! A real consumer crate (`tests/consumer/`) that calls errspec from its build script, built and
//! tested by cargo as a user's crate would be: its tests pass, an edit to its spec reruns the
//! build script, an unchanged spec does not, and an invalid spec fails the build with the
//! position of the problem.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Run, repo};

/// A copy of the consumer in a scratch folder, with its `errspec` dependency pointing back at
/// this repository, built into a target folder shared across runs (so only the first run
/// compiles the dependencies).
pub(crate) struct Consumer {
    dir: tempfile::TempDir,
    /// The target folder, under `CARGO_TARGET_TMPDIR`: one per build script, since cargo
    /// names the two variants' build scripts alike, and two tests building both in one
    /// folder would run each other's.
    target: &'static str,
}

impl Consumer {
    pub(crate) fn copy() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let source = repo().join("tests/consumer");
        for file in ["build.rs", "errors.yaml", "src/lib.rs"] {
            fs::create_dir_all(dir.path().join(file).parent().unwrap()).unwrap();
            fs::copy(source.join(file), dir.path().join(file)).unwrap();
        }
        let manifest = fs::read_to_string(source.join("Cargo.toml")).unwrap();
        let errspec = repo().to_string_lossy().replace('\\', "/");
        let manifest = manifest.replace(r#"path = "../..""#, &format!("path = {errspec:?}"));
        fs::write(dir.path().join("Cargo.toml"), manifest).unwrap();
        // errspec's own lockfile pins every crate the consumer needs, so it builds offline.
        fs::copy(repo().join("Cargo.lock"), dir.path().join("Cargo.lock")).unwrap();
        Consumer {
            dir,
            target: "consumer-target",
        }
    }

    pub(crate) fn cargo(&self, args: &[&str]) -> Run {
        let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join(self.target);
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(args)
            .args(["--offline", "--target-dir"])
            .arg(target)
            .current_dir(self.dir.path())
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("RUSTFLAGS")
            .output()
            .unwrap()
            .into()
    }

    /// The copy's folder.
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    fn spec(&self) -> PathBuf {
        self.dir.path().join("errors.yaml")
    }

    /// The consumer with `from-config/`'s build script and `errspec.yaml` in place of its own.
    fn with_config() -> Self {
        let mut consumer = Self::copy();
        consumer.target = "consumer-from-config-target";
        let source = repo().join("tests/consumer/from-config");
        for file in ["build.rs", "errspec.yaml"] {
            fs::copy(source.join(file), consumer.dir.path().join(file)).unwrap();
        }
        consumer
    }
}

/// Whether cargo's verbose output shows the consumer's build script being run.
fn ran_build_script(run: &Run) -> bool {
    run.stderr.lines().any(|line| {
        line.contains("Running")
            && line.contains("errspec-consumer")
            && line.contains("build-script-build")
    })
}

#[test]
fn a_consumer_crate_builds_reruns_and_fails_as_cargo_users_expect() {
    let consumer = Consumer::copy();
    let tested = consumer.cargo(&["test"]);
    assert_eq!(
        tested.code,
        Some(0),
        "the consumer's tests:\n{}\n{}",
        tested.stdout,
        tested.stderr
    );
    assert!(tested.stdout.contains("2 passed"), "{}", tested.stdout);

    // `cargo test` and `cargo build` resolve features apart (dev-dependencies), so compare two
    // builds of the same kind.
    let first = consumer.cargo(&["build"]);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let again = consumer.cargo(&["build", "-v"]);
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    assert!(
        !ran_build_script(&again),
        "an unchanged spec must not rerun the build script:\n{}",
        again.stderr
    );

    let spec = fs::read_to_string(consumer.spec()).unwrap();
    let reworded = "A payment with this idempotency key is in flight.";
    let old = "A payment with this idempotency key is already being processed.";
    fs::write(consumer.spec(), spec.replace(old, reworded)).unwrap();
    let edited = consumer.cargo(&["build", "-v", "--message-format", "json"]);
    assert_eq!(edited.code, Some(0), "{}", edited.stderr);
    assert!(
        ran_build_script(&edited),
        "an edited spec must rerun the build script:\n{}",
        edited.stderr
    );
    let generated = fs::read_to_string(out_dir(&edited).join("rust/error_codes.rs")).unwrap();
    assert!(
        generated.contains(reworded),
        "the regenerated code has the new description"
    );
    assert!(!generated.contains(old));

    fs::write(consumer.spec(), spec.replace("status: 409", "status: 402")).unwrap();
    let broken = consumer.cargo(&["build"]);
    assert_eq!(broken.code, Some(101), "an invalid spec fails the build");
    assert!(
        broken.stderr.contains(
            "errors.yaml:16:13: error: status 402 is already used by the code at line 13"
        ),
        "cargo shows the position and the problem:\n{}",
        broken.stderr
    );
    assert!(
        broken
            .stderr
            .contains("hint: give each code its own status"),
        "{}",
        broken.stderr
    );
}

#[test]
fn a_build_script_from_errspec_yaml_keeps_writing_under_out_dir() {
    let consumer = Consumer::with_config();
    let built = consumer.cargo(&["build", "--message-format", "json"]);
    assert_eq!(built.code, Some(0), "{}", built.stderr);
    let out = out_dir(&built);
    // The config's targets, at the paths `include!` expects, whatever its `path:`s say: those
    // are where `errspec generate` writes the committed copies.
    let rust = fs::read_to_string(out.join("rust/error_codes.rs")).unwrap();
    assert!(rust.starts_with("// @generated by errspec from errors.yaml."));
    assert!(rust.contains("serde::Serialize"));
    assert!(out.join("typescript/error-codes.ts").is_file());
    assert!(!consumer.dir.path().join("src/errors.rs").exists());
    assert!(!consumer.dir.path().join("web").exists());

    // The config is watched like the spec: an edit reruns the build script.
    let config = consumer.dir.path().join("errspec.yaml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, text.replace("serde: true", "serde: false")).unwrap();
    let edited = consumer.cargo(&["build", "-v", "--message-format", "json"]);
    assert_eq!(edited.code, Some(0), "{}", edited.stderr);
    assert!(ran_build_script(&edited), "{}", edited.stderr);
    let rust = fs::read_to_string(out_dir(&edited).join("rust/error_codes.rs")).unwrap();
    assert!(!rust.contains("serde"), "the config's new option");

    // A wrong config fails the build at its line and column.
    fs::write(&config, text.replace("serde: true", "serde: maybe")).unwrap();
    let broken = consumer.cargo(&["build"]);
    assert_eq!(broken.code, Some(101));
    assert!(
        broken.stderr.contains(
            "errspec.yaml:4:38: error: targets.rust.serde must be a boolean, not string \"maybe\""
        ),
        "{}",
        broken.stderr
    );
}

/// The consumer's `OUT_DIR`, from cargo's JSON messages.
fn out_dir(run: &Run) -> PathBuf {
    run.stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .find(|message| {
            message["reason"] == "build-script-executed"
                && message["package_id"]
                    .as_str()
                    .is_some_and(|id| id.contains("errspec-consumer"))
        })
        .and_then(|message| message["out_dir"].as_str().map(PathBuf::from))
        .expect("cargo reports the consumer's build script and its OUT_DIR")
}

#[test]
fn the_readme_shows_the_consumer_verbatim() {
    let readme = fs::read_to_string(repo().join("docs/build-scripts.md")).unwrap();
    let consumer = repo().join("tests/consumer");
    for file in [
        "build.rs",
        "from-config/build.rs",
        "from-config/errspec.yaml",
    ] {
        let text = fs::read_to_string(consumer.join(file)).unwrap();
        assert!(
            readme.contains(&text),
            "docs/build-scripts.md lacks tests/consumer/{file} verbatim"
        );
    }
    let manifest = fs::read_to_string(consumer.join("Cargo.toml")).unwrap();
    let lib = fs::read_to_string(consumer.join("src/lib.rs")).unwrap();
    let shown = manifest
        .lines()
        .filter(|line| line.starts_with("errspec =") || line.starts_with("serde ="))
        .chain(lib.lines().filter(|line| line.contains("include!(")));
    for line in shown {
        assert!(
            readme.contains(line.trim()),
            "docs/build-scripts.md lacks {line:?} from tests/consumer"
        );
    }
}
