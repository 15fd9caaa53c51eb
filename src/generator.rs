//! `Generator`: the builder that build scripts and the CLI call, in the style of
//! prost-build's `Config`.

use std::env;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::pipeline::{self, Options};
use crate::target::Target;
use crate::write;

/// Generates code from a spec file into a folder.
///
/// Configure it with the builder methods, then call [`generate`](Generator::generate). Every
/// option of the command-line tool has a method here.
#[derive(Debug, Clone)]
pub struct Generator {
    spec: PathBuf,
    spec_name: Option<String>,
    targets: Vec<Target>,
    serde: bool,
    out_dir: Option<PathBuf>,
    check: bool,
    emit_rerun_if_changed: bool,
}

impl Generator {
    /// A generator for the spec file at `spec` (relative paths are relative to the current
    /// folder, which for a build script is the package's root).
    ///
    /// ```
    /// let generator = errspec::Generator::new("errors.yaml");
    /// ```
    pub fn new(spec: impl AsRef<Path>) -> Self {
        Self {
            spec: spec.as_ref().to_owned(),
            spec_name: None,
            targets: Vec::new(),
            serde: true,
            out_dir: None,
            check: false,
            emit_rerun_if_changed: true,
        }
    }

    /// Adds a target to generate. Call it once per target; without any call, only
    /// [`Target::Rust`] is generated.
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml").target(errspec::Target::Rust);
    /// ```
    pub fn target(&mut self, target: Target) -> &mut Self {
        if !self.targets.contains(&target) {
            self.targets.push(target);
        }
        self
    }

    /// Adds several targets at once, e.g. [`Target::ALL`].
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml").targets(errspec::Target::ALL);
    /// ```
    pub fn targets(&mut self, targets: impl IntoIterator<Item = Target>) -> &mut Self {
        for target in targets {
            self.target(target);
        }
        self
    }

    /// Whether the Rust body types derive serde's `Serialize` and `Deserialize` (default:
    /// yes). With serde, the crate that includes the code needs `serde` with its `derive`
    /// feature; without it, the code needs only `std`.
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml").serde(false);
    /// ```
    pub fn serde(&mut self, serde: bool) -> &mut Self {
        self.serde = serde;
        self
    }

    /// The folder the files go under, each at its target's path (`rust/error_codes.rs`, ...).
    /// Defaults to `OUT_DIR`, which cargo sets for build scripts.
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml").out_dir("generated");
    /// ```
    pub fn out_dir(&mut self, out_dir: impl AsRef<Path>) -> &mut Self {
        self.out_dir = Some(out_dir.as_ref().to_owned());
        self
    }

    /// Check mode: compare the files with what the spec produces and write nothing.
    /// [`generate`](Generator::generate) then fails with [`Error::Stale`] if any differs.
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml").check(true);
    /// ```
    pub fn check(&mut self, check: bool) -> &mut Self {
        self.check = check;
        self
    }

    /// The spec's name as shown in diagnostics and in each file's `@generated` header.
    /// Defaults to the path given to [`new`](Generator::new), with `/` separators.
    ///
    /// ```
    /// errspec::Generator::new("/abs/path/errors.yaml").spec_name("errors.yaml");
    /// ```
    pub fn spec_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.spec_name = Some(name.into());
        self
    }

    /// Whether to print `cargo:rerun-if-changed=<spec>` when run by a build script (default:
    /// yes), so cargo reruns the build script exactly when the spec changes. Outside a build
    /// script nothing is printed either way.
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml").emit_rerun_if_changed(false);
    /// ```
    pub fn emit_rerun_if_changed(&mut self, emit: bool) -> &mut Self {
        self.emit_rerun_if_changed = emit;
        self
    }

    /// Reads and validates the spec, renders every target, and writes the files that changed
    /// (or, in check mode, compares them). Returns the paths of all the files, written or
    /// already up to date. An invalid spec writes nothing.
    pub fn generate(&self) -> Result<Vec<PathBuf>, Error> {
        if self.emit_rerun_if_changed && running_in_build_script() {
            println!("cargo:rerun-if-changed={}", self.spec.display());
        }
        let options = self.options();
        let source = pipeline::read_spec(&self.spec, &options.spec_name)
            .map_err(|diagnostic| Error::InvalidSpec(vec![diagnostic]))?;
        let files = pipeline::render(&source, &options)?;
        let out_dir = self.resolved_out_dir()?;
        if !self.check {
            return write::write_files(&out_dir, &files);
        }
        let stale = write::check_files(&out_dir, &files);
        if !stale.is_empty() {
            return Err(Error::Stale(stale));
        }
        Ok(files.iter().map(|file| out_dir.join(&file.path)).collect())
    }

    /// Reads and validates the spec, writing nothing: every problem found is in the error.
    ///
    /// ```no_run
    /// errspec::Generator::new("errors.yaml").validate()?;
    /// # Ok::<(), errspec::Error>(())
    /// ```
    pub fn validate(&self) -> Result<(), Error> {
        let options = self.options();
        let source = pipeline::read_spec(&self.spec, &options.spec_name)
            .map_err(|diagnostic| Error::InvalidSpec(vec![diagnostic]))?;
        pipeline::load(&source, &options.spec_name)
            .map(drop)
            .map_err(Error::InvalidSpec)
    }

    /// The options the pipeline renders with.
    pub fn options(&self) -> Options {
        let mut options = Options::new(
            self.spec_name
                .clone()
                .unwrap_or_else(|| self.spec.to_string_lossy().replace('\\', "/")),
        );
        if !self.targets.is_empty() {
            options.targets = self.targets.clone();
        }
        options.serde = self.serde;
        options
    }

    fn resolved_out_dir(&self) -> Result<PathBuf, Error> {
        match &self.out_dir {
            Some(dir) => Ok(dir.clone()),
            None => env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Error::NoOutDir),
        }
    }
}

/// cargo sets `OUT_DIR` only for build scripts (and for compiling the crate they build, where
/// nothing calls this); `CARGO_MANIFEST_DIR` rules out a stray `OUT_DIR` in a shell.
fn running_in_build_script() -> bool {
    env::var_os("OUT_DIR").is_some() && env::var_os("CARGO_MANIFEST_DIR").is_some()
}
