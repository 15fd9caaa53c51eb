//! `Generator`: the builder that build scripts and the CLI call, in the style of
//! prost-build's `Config`; `errspec.yaml` gives it its starting values.

use std::collections::BTreeMap;
use std::env;
use std::path::{Path, PathBuf};

use crate::config;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::paths;
use crate::pipeline::{self, Options};
use crate::source;
use crate::target::{OpenApiVersion, Target};
use crate::write;

/// Generates code from a spec file into a folder.
///
/// Configure it with the builder methods, then call [`generate`](Generator::generate). Every
/// option of the command-line tool has a method here. [`from_config`](Generator::from_config)
/// starts from `errspec.yaml`, as the command line does; the methods override it.
#[derive(Debug, Clone)]
pub struct Generator {
    spec: PathBuf,
    /// What to generate and how; `targets` empty means `default_targets`.
    options: Options,
    /// The targets when none is added: Rust alone, or the config's.
    default_targets: Vec<Target>,
    /// `errspec.yaml`, when the generator starts from one.
    config: Option<ConfigPlaces>,
    config_paths: bool,
    out_dir: Option<PathBuf>,
    check: bool,
    emit_rerun_if_changed: bool,
    emit_cargo_warnings: bool,
}

/// What the generator keeps of `errspec.yaml` besides its options: the file, for cargo to
/// watch, and where it places each target's file.
#[derive(Debug, Clone)]
struct ConfigPlaces {
    file: PathBuf,
    folder: PathBuf,
    paths: BTreeMap<Target, PathBuf>,
}

/// One file that [`Generator::generate_with`] generated or checked.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OutputFile {
    /// The file: the output folder joined to its target's path.
    pub path: PathBuf,
    /// Whether this run wrote it: `false` when its bytes were already right, so it was left
    /// alone, and always in check mode, which writes nothing.
    pub written: bool,
}

impl Generator {
    /// A generator for the spec file at `spec` (relative paths are relative to the current
    /// folder, which for a build script is the package's root). Diagnostics and headers name
    /// the spec by its path from the current folder, with `/` separators.
    ///
    /// ```
    /// let generator = errspec::Generator::new("errors.yaml");
    /// ```
    pub fn new(spec: impl AsRef<Path>) -> Self {
        let spec = spec.as_ref().to_owned();
        let options = Options::new(paths::name_from(&spec, Path::new("")));
        let mut generator = Self {
            spec,
            options,
            default_targets: vec![Target::Rust],
            config: None,
            config_paths: false,
            out_dir: None,
            check: false,
            emit_rerun_if_changed: true,
            emit_cargo_warnings: true,
        };
        generator.options.targets.clear();
        generator
    }

    /// A generator that starts from the config file at `config` (`errspec.yaml`): its spec,
    /// its targets and their options (`serde`, the OpenAPI `version`). The spec is named by
    /// its path from the config's folder, so every caller writes the same headers. The
    /// builder methods override the config, as flags do on the command line; adding a target
    /// replaces the config's list.
    ///
    /// The config's `path:`s are where `errspec generate` writes the committed copies. A
    /// build script keeps writing under `OUT_DIR` at each target's fixed path, as prost-build
    /// does, so `include!(concat!(env!("OUT_DIR"), "/rust/error_codes.rs"))` works whatever
    /// the config says; [`config_paths`](Generator::config_paths) writes where the config
    /// says instead. In a build script, cargo is told to rerun it when the config changes too.
    ///
    /// An unreadable or invalid config is [`Error::InvalidConfig`], with every problem and
    /// its line and column.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let dir = tempfile::tempdir()?;
    /// # let dir = dir.path();
    /// # std::fs::create_dir_all(dir.join("spec"))?;
    /// # std::fs::write(dir.join("spec/errors.yaml"), "version: 1\napi:\n  name: Acme\ncodes:\n  - status: 404\n    title: Not Found\n    description: No such thing.\n")?;
    /// std::fs::write(dir.join("errspec.yaml"), "\
    /// spec: spec/errors.yaml
    /// targets:
    ///   rust: {path: src/errors.rs, serde: false}
    ///   openapi: {path: api/errors.yaml, version: \"3.0\"}
    /// ")?;
    /// // A build script: the config's spec, targets and options, under OUT_DIR (here a
    /// // folder of its own) at each target's fixed path.
    /// let out_dir = dir.join("out");
    /// let written = errspec::Generator::from_config(dir.join("errspec.yaml"))?
    ///     .out_dir(&out_dir)
    ///     .generate()?;
    /// assert_eq!(
    ///     written,
    ///     [out_dir.join("rust/error_codes.rs"), out_dir.join("openapi/error-codes.yaml")]
    /// );
    /// let rust = std::fs::read_to_string(&written[0])?;
    /// assert!(rust.starts_with("// @generated by errspec from spec/errors.yaml."));
    /// assert!(!rust.contains("serde"), "serde: false");
    ///
    /// // `errspec generate`: where the config says.
    /// let written = errspec::Generator::from_config(dir.join("errspec.yaml"))?
    ///     .config_paths(true)
    ///     .generate()?;
    /// assert_eq!(written, [dir.join("src/errors.rs"), dir.join("api/errors.yaml")]);
    /// assert_eq!(std::fs::read_to_string(&written[0])?, rust, "the same bytes");
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_config(config: impl AsRef<Path>) -> Result<Self, Error> {
        let config = config::load(config.as_ref()).map_err(Error::InvalidConfig)?;
        let mut generator = Self::new(&config.spec);
        generator.options.spec_name = paths::name_from(&config.spec, &config.folder);
        generator.options.serde = config.serde;
        generator.options.axum = config.axum;
        generator.options.openapi_version = config.openapi_version;
        generator.default_targets = config.targets;
        generator.config = Some(ConfigPlaces {
            file: config.file,
            folder: config.folder,
            paths: config.paths,
        });
        Ok(generator)
    }

    /// Reads the spec at `spec` instead: a path from the current folder, named by its path
    /// from the config's folder (or, without a config, from the current folder).
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml").spec("api/errors.yaml");
    /// ```
    pub fn spec(&mut self, spec: impl AsRef<Path>) -> &mut Self {
        self.spec = spec.as_ref().to_owned();
        let base = self.config.as_ref().map_or(Path::new(""), |c| &c.folder);
        self.options.spec_name = paths::name_from(&self.spec, base);
        self
    }

    /// Adds a target to generate. Call it once per target; without any call, only
    /// [`Target::Rust`] is generated (or, from a config, the config's targets).
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

    /// Whether the Rust file implements axum 0.8's `IntoResponse` for `ErrorBody` (the body's
    /// status, the envelope's content type and the body as JSON) and
    /// `From<ErrorCode> for axum::http::StatusCode` (default: no). The crate that includes the
    /// code then depends on `axum` 0.8 with its `json` feature (on by default); without the
    /// option the file names no axum item. It implies [`serde`](Self::serde): axum sends the
    /// body through serde, so the body types derive it whatever `serde` says.
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml").axum(true);
    /// ```
    pub fn axum(&mut self, axum: bool) -> &mut Self {
        self.options.axum = axum;
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
    /// Defaults to `OUT_DIR`, which cargo sets for build scripts. It overrides
    /// [`config_paths`](Generator::config_paths).
    ///
    /// ```
    /// errspec::Generator::new("errors.yaml").out_dir("generated");
    /// ```
    pub fn out_dir(&mut self, out_dir: impl AsRef<Path>) -> &mut Self {
        self.out_dir = Some(out_dir.as_ref().to_owned());
        self
    }

    /// Whether to write each file where the config puts it (default: no), as `errspec
    /// generate` does: its `path:` from the config's folder, or, without one,
    /// `generated/` and the target's fixed path. Without it, a generator from a config
    /// writes under [`out_dir`](Generator::out_dir) (`OUT_DIR` in a build script) like any
    /// other; an `out_dir` overrides it. It does nothing for a generator without a config.
    ///
    /// ```no_run
    /// errspec::Generator::from_config("errspec.yaml")?.config_paths(true).generate()?;
    /// # Ok::<(), errspec::Error>(())
    /// ```
    pub fn config_paths(&mut self, config_paths: bool) -> &mut Self {
        self.config_paths = config_paths;
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
    /// Defaults to its path from the config's folder, or from the current folder, with `/`
    /// separators.
    ///
    /// ```
    /// errspec::Generator::new("/abs/path/errors.yaml").spec_name("errors.yaml");
    /// ```
    pub fn spec_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.options.spec_name = name.into();
        self
    }

    /// Whether to print `cargo:rerun-if-changed=<spec>` (and the config, if any) when run by
    /// a build script (default: yes), so cargo reruns the build script exactly when one of
    /// them changes. Outside a build script nothing is printed either way.
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
            if let Some(config) = &self.config {
                println!("cargo:rerun-if-changed={}", config.file.display());
            }
        }
        let files = self.generate_with(|warnings| {
            if !(self.emit_cargo_warnings && in_build_script) {
                return;
            }
            for warning in warnings {
                for line in warning.to_string().lines() {
                    println!("cargo:warning={line}");
                }
            }
        })?;
        Ok(files.into_iter().map(|file| file.path).collect())
    }

    /// [`generate`](Generator::generate), but the spec's warnings go to `report` (before
    /// anything is written) instead of cargo, nothing is printed, and each file says whether
    /// it was written: for a tool that shows warnings and progress its own way without
    /// reading the spec twice, as the `errspec` command does.
    ///
    /// ```no_run
    /// let files = errspec::Generator::new("errors.yaml")
    ///     .out_dir("generated")
    ///     .generate_with(|warnings| warnings.iter().for_each(|w| eprintln!("{w}")))?;
    /// let written = files.iter().filter(|file| file.written).count();
    /// # Ok::<(), errspec::Error>(())
    /// ```
    pub fn generate_with(
        &self,
        report: impl FnOnce(&[Diagnostic]),
    ) -> Result<Vec<OutputFile>, Error> {
        let options = self.options();
        let source =
            source::read_text(&self.spec, &options.spec_name).map_err(Error::InvalidSpec)?;
        let (spec, warnings) = pipeline::check(&source, &options).map_err(Error::InvalidSpec)?;
        report(&warnings);
        let files = pipeline::render_spec(&spec, &options);
        let out_dir = self.resolved_out_dir()?;
        if !self.check {
            let written = write::write_files(&out_dir, &files)?;
            return Ok(written
                .into_iter()
                .map(|(path, written)| OutputFile { path, written })
                .collect());
        }
        let stale = write::check_files(&out_dir, &files);
        if !stale.is_empty() {
            return Err(Error::Stale(stale));
        }
        Ok(files
            .iter()
            .map(|file| OutputFile {
                path: out_dir.join(&file.path),
                written: false,
            })
            .collect())
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
        let mut found = Vec::new();
        self.validate_with(|warnings| found = warnings.to_vec())?;
        Ok(found)
    }

    /// [`validate`](Generator::validate), but the warnings go to `report`, and a valid spec
    /// gives its number of codes: what `errspec validate` says when it succeeds.
    ///
    /// ```no_run
    /// let codes = errspec::Generator::new("errors.yaml")
    ///     .validate_with(|warnings| warnings.iter().for_each(|w| eprintln!("{w}")))?;
    /// eprintln!("{codes} codes");
    /// # Ok::<(), errspec::Error>(())
    /// ```
    pub fn validate_with(&self, report: impl FnOnce(&[Diagnostic])) -> Result<usize, Error> {
        let options = self.options();
        let source = source::read_spec(&self.spec, &options.spec_name)?;
        let (spec, warnings) = pipeline::check(&source, &options).map_err(Error::InvalidSpec)?;
        report(&warnings);
        Ok(spec.codes.len())
    }

    /// The validated model of the spec as JSON (see [`model_json`](crate::model_json)), with
    /// the warnings handed to `report`: what `errspec model` prints.
    ///
    /// ```no_run
    /// let json = errspec::Generator::new("errors.yaml").model_json_with(|_warnings| {})?;
    /// std::fs::write("model.json", json)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn model_json_with(&self, report: impl FnOnce(&[Diagnostic])) -> Result<String, Error> {
        let options = self.options();
        let source = source::read_spec(&self.spec, &options.spec_name)?;
        let (spec, warnings) = pipeline::check(&source, &options).map_err(Error::InvalidSpec)?;
        report(&warnings);
        Ok(crate::model_json::to_json(&spec))
    }

    /// The spec file this generator reads: the path given to [`new`](Generator::new) or
    /// [`spec`](Generator::spec), or the one the config names (from the current folder).
    ///
    /// ```
    /// let generator = errspec::Generator::new("api/errors.yaml");
    /// assert_eq!(generator.spec_path(), std::path::Path::new("api/errors.yaml"));
    /// ```
    pub fn spec_path(&self) -> &Path {
        &self.spec
    }

    /// The options the pipeline renders with: those set here, with the default targets
    /// (Rust alone, or the config's) when no target was added, and the config's paths when
    /// the files go where the config says.
    pub fn options(&self) -> Options {
        let mut options = self.options.clone();
        if options.targets.is_empty() {
            options.targets = self.default_targets.clone();
        }
        if let Some(config) = self.config_places() {
            options.paths = config.paths.clone();
        }
        options
    }

    /// The config, when the files go where it says.
    fn config_places(&self) -> Option<&ConfigPlaces> {
        let placed = self.config_paths && self.out_dir.is_none();
        self.config.as_ref().filter(|_| placed)
    }

    fn resolved_out_dir(&self) -> Result<PathBuf, Error> {
        if let Some(config) = self.config_places() {
            return Ok(config.folder.clone());
        }
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
