//! `errspec.yaml`, the one config every entry point reads: the spec, the targets, each target's
//! file, and the generation options. Read with the spec's own YAML reader, so an unknown key or
//! a bad value is a diagnostic with its file, line and column, and a build script pays for no
//! second parser.
//!
//! Paths in it are from the config's folder, and the files it places stay inside that folder:
//! errspec writes nowhere the config's folder does not hold.

pub(crate) mod raw;
#[cfg(feature = "schemars")]
mod schema;

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Location};
use crate::parse::{document_error, read_error};
use crate::paths;
use crate::pipeline::strip_bom;
use crate::target::{OpenApiVersion, Target};
use crate::yaml::document::NodeKind;
use crate::yaml::{Document, LineIndex, Path as YamlPath, read};

use raw::{Listed, RawConfig};

#[cfg(feature = "schemars")]
pub use schema::config_schema;

/// The config's file name, which the command line looks for.
pub(crate) const FILE_NAME: &str = "errspec.yaml";

/// The spec, from the config's folder, when the config names none; the command line's default.
pub(crate) const DEFAULT_SPEC: &str = "spec/errors.yaml";

/// The folder a target's file goes under when the config gives it no `path`; each target keeps
/// its fixed path there (`generated/rust/error_codes.rs`), as without a config.
pub(crate) const DEFAULT_FOLDER: &str = "generated";

/// A config is a few lines; this bounds what a wrong `--config` can make errspec read.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// `errspec.yaml`, read and checked.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// The config file, as given.
    pub file: PathBuf,
    /// Its folder, as given: empty for a file in the working folder.
    pub folder: PathBuf,
    /// The spec, from the working folder (the config's folder joined to its `spec`).
    pub spec: PathBuf,
    /// The targets listed, in [`Target::ALL`]'s order; every target when `targets` is absent.
    pub targets: Vec<Target>,
    /// Every target's file, from the config's folder: its `path`, or `generated/` and the
    /// target's fixed path. Unlisted targets have theirs too, for a `--target` that adds one.
    pub paths: BTreeMap<Target, PathBuf>,
    /// Whether the Rust target derives serde.
    pub serde: bool,
    /// Whether the Rust target implements axum's traits.
    pub axum: bool,
    /// The OpenAPI target's version.
    pub openapi_version: OpenApiVersion,
}

/// Reads and checks the config file at `file`; an error lists every problem found.
pub(crate) fn load(file: &Path) -> Result<Config, Vec<Diagnostic>> {
    let name = paths::slashed(file);
    let text = read_file(file, &name)?;
    let text = strip_bom(&text);
    let document = Document::parse(text).map_err(|error| {
        vec![document_error(
            &error,
            &LineIndex::new(text),
            &name,
            "the config",
        )]
    })?;
    let empty = document.root().is_none_or(|root| is_null(&root.kind));
    let raw = match empty {
        // An empty config changes nothing: the defaults hold.
        true => RawConfig::default(),
        false => read::read::<RawConfig>(&document)
            .map_err(|error| vec![read_error(error, &document, &name, "the config")])?,
    };
    let folder = file.parent().unwrap_or(Path::new("")).to_owned();
    let file_name = file
        .file_name()
        .map_or(FILE_NAME.into(), |n| n.to_string_lossy());
    Checker {
        document: &document,
        name: &name,
        file_name: &file_name,
        problems: Vec::new(),
    }
    .config(raw, file, folder)
}

/// The checks of the values, each problem at its node.
struct Checker<'a> {
    document: &'a Document<'a>,
    name: &'a str,
    /// The config's file name, as messages call it: `errspec.yaml`.
    file_name: &'a str,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn config(
        mut self,
        raw: RawConfig,
        file: &Path,
        folder: PathBuf,
    ) -> Result<Config, Vec<Diagnostic>> {
        let root = YamlPath::root();
        let spec = raw.spec.unwrap_or_else(|| DEFAULT_SPEC.to_owned());
        if spec.trim().is_empty() {
            let hint = format!(
                "give the spec's path from the folder of {}, e.g. `{DEFAULT_SPEC}`",
                self.file_name
            );
            self.problem(
                &root.key("spec"),
                "EMPTY_STRING",
                "`spec` is empty".to_owned(),
                hint,
            );
        }
        let mut paths: BTreeMap<Target, PathBuf> = Target::ALL
            .into_iter()
            .map(|target| (target, Path::new(DEFAULT_FOLDER).join(target.file_path())))
            .collect();
        let mut serde = true;
        let mut axum = false;
        let mut openapi_version = OpenApiVersion::default();
        let targets = match raw.targets {
            None => Target::ALL.to_vec(),
            Some(targets) => {
                let listed = [
                    (
                        Target::Rust,
                        targets.rust.0.as_ref().map(|rust| rust.path.clone()),
                    ),
                    (Target::TypeScript, path_of(&targets.typescript)),
                    (
                        Target::OpenApi,
                        targets.openapi.0.as_ref().map(|o| o.path.clone()),
                    ),
                    (Target::Markdown, path_of(&targets.markdown)),
                    (Target::Python, path_of(&targets.python)),
                ];
                if let Some(rust) = &targets.rust.0 {
                    serde = rust.serde.unwrap_or(true);
                    axum = rust.axum.unwrap_or(false);
                    if axum && !serde {
                        let at = root.key("targets").key("rust").key("axum");
                        let message = "`axum: true` needs serde, and `serde` is false".to_owned();
                        let hint = "axum sends the body as JSON through serde: remove `serde: false`, or `axum: true`";
                        self.problem(&at, "AXUM_WITHOUT_SERDE", message, hint.to_owned());
                    }
                }
                if let Some(version) = targets.openapi.0.as_ref().and_then(|o| o.version.as_ref()) {
                    openapi_version = self.openapi_version(version);
                }
                let mut chosen = Vec::new();
                for (target, path) in listed {
                    let Some(path) = path else { continue };
                    chosen.push(target);
                    if let Some(path) = path {
                        let at = root.key("targets").key(target.name()).key("path");
                        if let Some(path) = self.file_path(&path, &at) {
                            paths.insert(target, path);
                        }
                    }
                }
                if chosen.is_empty() {
                    let message = "`targets` lists no target".to_owned();
                    let hint = "list the targets to generate, e.g. `rust: {path: src/errors.rs}`, or remove `targets` to generate every one";
                    self.problem(&root.key("targets"), "NO_TARGETS", message, hint.to_owned());
                }
                chosen
            }
        };
        self.distinct_paths(&targets, &paths);
        if !self.problems.is_empty() {
            self.problems.sort_by_key(|problem| problem.location);
            return Err(self.problems);
        }
        Ok(Config {
            file: file.to_owned(),
            spec: folder.join(spec),
            folder,
            targets,
            paths,
            serde,
            axum,
            openapi_version,
        })
    }

    /// A target's `path`: a file inside the config's folder, or `None` after reporting why not.
    fn file_path(&mut self, path: &str, at: &YamlPath) -> Option<PathBuf> {
        let file_name = self.file_name;
        let hint = |example: &str| {
            format!(
                "give the file's path from the folder of {file_name}, e.g. `{example}`: errspec writes only inside that folder"
            )
        };
        if path.trim().is_empty() {
            self.problem(
                at,
                "EMPTY_STRING",
                format!("`{at}` is empty"),
                hint("src/errors.rs"),
            );
            return None;
        }
        let normal = paths::normalize(Path::new(path));
        let leaves = normal.has_root()
            || matches!(
                normal.components().next(),
                Some(Component::ParentDir | Component::Prefix(_))
            );
        if leaves {
            let message = format!("`{at}` is outside the folder of {}", self.file_name);
            self.problem(at, "PATH_OUTSIDE_FOLDER", message, hint("src/errors.rs"));
            return None;
        }
        if path.ends_with(['/', '\\']) || normal.as_os_str().is_empty() {
            let message = format!("`{at}` names a folder, not a file");
            let example = format!("{}/errors.rs", path.trim_end_matches(['/', '\\']));
            self.problem(
                at,
                "PATH_NOT_A_FILE",
                message,
                hint(example.trim_start_matches("./")),
            );
            return None;
        }
        Some(normal)
    }

    fn openapi_version(&mut self, version: &str) -> OpenApiVersion {
        version
            .parse()
            .unwrap_or_else(|error: crate::target::UnknownOpenApiVersion| {
                let at = YamlPath::root()
                    .key("targets")
                    .key("openapi")
                    .key("version");
                let hint = "write `version: \"3.1\"` or `version: \"3.0\"`, in quotes".to_owned();
                self.problem(&at, "UNKNOWN_OPENAPI_VERSION", error.to_string(), hint);
                OpenApiVersion::default()
            })
    }

    /// Two targets writing one file would overwrite each other's output.
    fn distinct_paths(&mut self, targets: &[Target], paths: &BTreeMap<Target, PathBuf>) {
        for (i, target) in targets.iter().enumerate() {
            let Some(first) = targets[..i]
                .iter()
                .find(|other| paths[other] == paths[target])
            else {
                continue;
            };
            let entry = YamlPath::root().key("targets").key(target.name());
            let at = match self.document.span(&entry.key("path")) {
                Some(_) => entry.key("path"),
                None => entry,
            };
            let message = format!(
                "`{target}` and `{first}` both write `{}`",
                paths::slashed(&paths[target])
            );
            let hint = "give each target a file of its own".to_owned();
            self.problem(&at, "DUPLICATE_PATH", message, hint);
        }
    }

    fn problem(&mut self, at: &YamlPath, id: &'static str, message: String, hint: String) {
        let lines = self.document.lines();
        let range = self.document.span(at).map(|span| lines.range(span));
        let problem = Diagnostic::error(id, self.name, range, message, Some(hint));
        self.problems.push(problem);
    }
}

fn path_of(target: &Listed<raw::RawFile>) -> Option<Option<String>> {
    target.0.as_ref().map(|file| file.path.clone())
}

fn is_null(kind: &NodeKind) -> bool {
    matches!(kind, NodeKind::Scalar { value, tag: None, .. } if matches!(value.as_str(), "" | "~" | "null" | "Null" | "NULL"))
}

/// The config's text: a folder, a file over [`MAX_CONFIG_BYTES`] or bytes that are not UTF-8
/// are refused, each with a diagnostic naming the file `name` (a list of one).
fn read_file(file: &Path, name: &str) -> Result<String, Vec<Diagnostic>> {
    read_text(file, name).map_err(|problem| vec![*problem])
}

fn read_text(file: &Path, name: &str) -> Result<String, Box<Diagnostic>> {
    let problem = |id, message: String, hint: String| {
        Box::new(Diagnostic::error(id, name, None, message, Some(hint)))
    };
    let unreadable = |error: io::Error| match error.kind() {
        io::ErrorKind::NotFound => problem(
            "CONFIG_NOT_FOUND",
            "cannot find the config file".to_owned(),
            paths::looked_for(file),
        ),
        _ => problem(
            "CONFIG_UNREADABLE",
            format!("cannot read the config: {error}"),
            "check that the file exists and can be read".to_owned(),
        ),
    };
    if fs::metadata(file).map_err(unreadable)?.is_dir() {
        let hint = format!("name the file itself, e.g. {FILE_NAME}");
        return Err(problem(
            "CONFIG_UNREADABLE",
            "the config is a folder, not a file".to_owned(),
            hint,
        ));
    }
    let mut bytes = Vec::new();
    fs::File::open(file)
        .and_then(|opened| opened.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        let message = format!(
            "the config is larger than the limit of {} MiB",
            MAX_CONFIG_BYTES >> 20
        );
        return Err(problem(
            "CONFIG_UNREADABLE",
            message,
            "a config is a few lines: check the path".to_owned(),
        ));
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let at = LineIndex::new(std::str::from_utf8(valid).unwrap_or_default()).end();
        let range: Option<(Location, Location)> = Some((at, at));
        Box::new(Diagnostic::error(
            "CONFIG_UNREADABLE",
            name,
            range,
            "the config is not valid UTF-8".to_owned(),
            Some("save the file as UTF-8".to_owned()),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(String, String)> {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        fs::write(&file, text).unwrap();
        let Err(problems) = load(&file) else {
            panic!("expected problems in {text:?}")
        };
        problems
            .into_iter()
            .map(|p| {
                let at = p
                    .location
                    .map_or(String::new(), |l| format!("{}:{}", l.line, l.column));
                (at, format!("{}: {}", p.id, p.message))
            })
            .collect()
    }

    fn at(line_column: &str, text: &str) -> (String, String) {
        (line_column.to_owned(), text.to_owned())
    }

    #[test]
    fn values_are_checked_each_at_its_node() {
        assert_eq!(
            problems(
                "targets:\n  openapi: {version: \"3.2\"}\n  rust: {path: ../x.rs}\n  markdown: {path: \"\"}\n"
            ),
            [
                at(
                    "2:22",
                    "UNKNOWN_OPENAPI_VERSION: unknown OpenAPI version `3.2`; the versions are 3.0, 3.1"
                ),
                at(
                    "3:16",
                    "PATH_OUTSIDE_FOLDER: `targets.rust.path` is outside the folder of errspec.yaml"
                ),
                at("4:20", "EMPTY_STRING: `targets.markdown.path` is empty"),
            ]
        );
        assert_eq!(
            problems("targets:\n  rust: {path: web/}\n  typescript: {path: /abs.ts}\n"),
            [
                at(
                    "2:16",
                    "PATH_NOT_A_FILE: `targets.rust.path` names a folder, not a file"
                ),
                at(
                    "3:22",
                    "PATH_OUTSIDE_FOLDER: `targets.typescript.path` is outside the folder of errspec.yaml"
                ),
            ]
        );
        assert_eq!(
            problems("targets:\n  rust: {path: a/x}\n  markdown: {path: ./a/b/../x}\n"),
            [at(
                "3:20",
                "DUPLICATE_PATH: `markdown` and `rust` both write `a/x`"
            )]
        );
        assert_eq!(
            problems("targets: {}\n"),
            [at("1:10", "NO_TARGETS: `targets` lists no target")]
        );
        assert_eq!(
            problems("spec: \"\"\n"),
            [at("1:7", "EMPTY_STRING: `spec` is empty")]
        );
    }

    #[test]
    fn shape_errors_are_the_spec_s_with_the_config_named() {
        assert_eq!(
            problems("spec: a.yaml\ntarget: {}\n"),
            [at("2:1", "UNKNOWN_KEY: unknown key `target` in the config")]
        );
        assert_eq!(
            problems("targets:\n  rust: {serde: yes}\n"),
            [at(
                "2:17",
                "WRONG_TYPE: targets.rust.serde must be a boolean, not string \"yes\""
            )]
        );
        assert_eq!(
            problems("targets:\n  rust: 5\n"),
            [at(
                "2:9",
                "WRONG_TYPE: targets.rust must be a mapping with the Rust target's `path`, `serde` and `axum`, not integer `5`"
            )]
        );
        assert_eq!(
            problems("- spec\n"),
            [at(
                "1:1",
                "WRONG_TYPE: the config must be a mapping with `spec` and `targets`, not a list"
            )]
        );
    }

    #[test]
    fn a_target_alone_is_listed_with_its_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        fs::write(&file, "targets:\n  rust:\n  openapi: {version: 3.0}\n").unwrap();
        let config = load(&file).unwrap();
        assert_eq!(config.targets, [Target::Rust, Target::OpenApi]);
        assert!(config.serde);
        assert_eq!(
            config.openapi_version,
            OpenApiVersion::V3_0,
            "an unquoted 3.0 is read as written"
        );
        assert_eq!(
            config.paths[&Target::Rust],
            Path::new("generated/rust/error_codes.rs")
        );
        assert_eq!(config.spec, dir.path().join("spec/errors.yaml"));
    }
}
