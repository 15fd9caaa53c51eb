//! `Generator`: the builder that build scripts and the CLI call, in the style of
//! prost-build's `Config`.

use std::env;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::pipeline::{self, Options};
use crate::source;
use crate::target::{OpenApiVersion, Target};
use crate::write;

/// Generates code from a spec file into a folder.
///
/// Configure it with the builder methods, then call [`generate`](Generator::generate). Every
/// option of the command-line tool has a method here.
#[derive(Debug, Clone)]
pub struct Generator {
    spec: PathBuf,
    /// What to generate and how; `targets` empty means the default, Rust alone.
    options: Options,
    out_dir: Option<PathBuf>,
    check: bool,
    emit_rerun_if_changed: bool,
    emit_cargo_warnings: bool,
}

impl Generator {
    /// A generator for the spec file at `spec` (relative paths are relative to the current
    /// folder, which for a build script is the package's root).
    ///
    /// ```
    /// let generator = errspec::Generator::new("errors.yaml");
    /// ```
    pub fn new(spec: impl AsRef<Path>) -> Self {
        let spec = spec.as_ref().to_owned();
        let mut options = Options::new(spec.to_string_lossy().replace('\\', "/"));
        options.targets.clear();
        Self {
            spec,
            options,
            out_dir: None,
            check: false,
            emit_rerun_if_changed: true,
            emit_cargo_warnings: true,
        }
    }

    /// Adds a target to generate. Call it once per target; without any call, only
    /// [`Target::Rust`] is generated.
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml").target(errspec::Target::Rust);
    /// ```
    pub fn target(&mut self, target: Target) -> &mut Self {
        if !self.options.targets.contains(&target) {
            self.options.targets.push(target);
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
        self.options.serde = serde;
        self
    }

    /// The OpenAPI version that [`Target::OpenApi`] is written in (default: 3.1). Choose 3.0
    /// for tools that do not read 3.1 yet; each version is written as its own documents are.
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml")
    ///     .target(errspec::Target::OpenApi)
    ///     .openapi_version(errspec::OpenApiVersion::V3_0);
    /// ```
    pub fn openapi_version(&mut self, version: OpenApiVersion) -> &mut Self {
        self.options.openapi_version = version;
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

    /// Treat warnings (lints such as a title that is not its status's reason phrase) as
    /// errors: [`generate`](Generator::generate) and [`validate`](Generator::validate) then
    /// fail with every warning, as an error, in [`Error::InvalidSpec`], and write nothing.
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml").deny_warnings(true);
    /// ```
    pub fn deny_warnings(&mut self, deny: bool) -> &mut Self {
        self.options.deny_warnings = deny;
        self
    }

    /// The spec's name as shown in diagnostics and in each file's `@generated` header.
    /// Defaults to the path given to [`new`](Generator::new), with `/` separators.
    ///
    /// ```
    /// errspec::Generator::new("/abs/path/errors.yaml").spec_name("errors.yaml");
    /// ```
    pub fn spec_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.options.spec_name = name.into();
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

    /// Whether to print each warning as `cargo:warning=` lines when run by a build script
    /// (default: yes), so cargo shows them after the build. Outside a build script nothing is
    /// printed either way; call [`validate`](Generator::validate) to get the warnings.
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml").emit_cargo_warnings(false);
    /// ```
    pub fn emit_cargo_warnings(&mut self, emit: bool) -> &mut Self {
        self.emit_cargo_warnings = emit;
        self
    }

    /// Reads and validates the spec, renders every target, and writes the files that changed
    /// (or, in check mode, compares them). Returns the paths of all the files, written or
    /// already up to date. An invalid spec writes nothing.
    ///
    /// Warnings do not stop generation unless [`deny_warnings`](Generator::deny_warnings) is
    /// set. In a build script each is printed as `cargo:warning=` lines (see
    /// [`emit_cargo_warnings`](Generator::emit_cargo_warnings)); elsewhere nothing is printed.
    pub fn generate(&self) -> Result<Vec<PathBuf>, Error> {
        let in_build_script = running_in_build_script();
        if self.emit_rerun_if_changed && in_build_script {
            println!("cargo:rerun-if-changed={}", self.spec.display());
        }
        self.generate_with(|warnings| {
            if !(self.emit_cargo_warnings && in_build_script) {
                return;
            }
            for warning in warnings {
                for line in warning.to_string().lines() {
                    println!("cargo:warning={line}");
                }
            }
        })
    }

    /// [`generate`](Generator::generate), but the spec's warnings go to `report` (before
    /// anything is written) instead of cargo, and nothing is printed: for a tool that shows
    /// warnings its own way without reading the spec twice, as the `errspec` command does.
    ///
    /// ```no_run
    /// errspec::Generator::new("errors.yaml")
    ///     .out_dir("generated")
    ///     .generate_with(|warnings| warnings.iter().for_each(|w| eprintln!("{w}")))?;
    /// # Ok::<(), errspec::Error>(())
    /// ```
    pub fn generate_with(&self, report: impl FnOnce(&[Diagnostic])) -> Result<Vec<PathBuf>, Error> {
        let options = self.options();
        let source =
            source::read_text(&self.spec, &options.spec_name).map_err(Error::InvalidSpec)?;
        let (spec, warnings) = pipeline::check(&source, &options).map_err(Error::InvalidSpec)?;
        report(&warnings);
        let files = pipeline::render_spec(&spec, &options);
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

    /// Reads, validates and lints the spec, writing and printing nothing. Returns the
    /// warnings of a valid spec, in file order; every error is in the error. With
    /// [`deny_warnings`](Generator::deny_warnings), warnings are errors.
    ///
    /// ```no_run
    /// for warning in errspec::Generator::new("errors.yaml").validate()? {
    ///     eprintln!("{warning}");
    /// }
    /// # Ok::<(), errspec::Error>(())
    /// ```
    pub fn validate(&self) -> Result<Vec<Diagnostic>, Error> {
        let options = self.options();
        let source = source::read_spec(&self.spec, &options.spec_name)?;
        pipeline::validate(&source, &options)
    }

    /// The options the pipeline renders with: those set here, with [`Target::Rust`] alone
    /// when no target was added.
    pub fn options(&self) -> Options {
        let mut options = self.options.clone();
        if options.targets.is_empty() {
            options.targets = vec![Target::Rust];
        }
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
