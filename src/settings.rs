//! What a command works on: flags over `errspec.yaml` over the defaults. Finds the config
//! from the working folder upward, builds the library's `Generator` from it, words a missing
//! spec's hint by where its path came from, and writes the command that regenerates stale
//! files.

use std::env;
use std::path::{Path, PathBuf};

use errspec::{Diagnostic, Error, Generator, Target};

use crate::cli::{GenerateArgs, InputArgs};

/// The config's name, as the command looks for it.
const CONFIG_FILE: &str = "errspec.yaml";

/// The spec without a config or `--spec`.
const DEFAULT_SPEC: &str = "spec/errors.yaml";

/// The spec and the config a command reads.
pub struct Input {
    /// The generator, set from the config and `--spec`.
    pub generator: Generator,
    /// The config file, given or found.
    pub config: Option<PathBuf>,
    /// Where the spec's path came from.
    spec_from: SpecFrom,
}

enum SpecFrom {
    Flag,
    Config,
    Default,
}

impl Input {
    /// The config file: `--config`, or `errspec.yaml` found from the working folder upward.
    pub fn config_file(args: &InputArgs) -> Option<PathBuf> {
        args.config.clone().or_else(find_config)
    }

    /// The config (from [`config_file`](Input::config_file)) and the spec, as a generator
    /// that prints nothing itself: the command reports in its chosen format.
    pub fn read(args: &InputArgs, config: Option<PathBuf>) -> Result<Self, Error> {
        let mut generator = match &config {
            Some(config) => Generator::from_config(config)?,
            None => Generator::new(DEFAULT_SPEC),
        };
        let spec_from = match (&args.spec, &config) {
            (Some(spec), _) => {
                generator.spec(spec);
                SpecFrom::Flag
            }
            (None, Some(_)) => SpecFrom::Config,
            (None, None) => SpecFrom::Default,
        };
        generator
            .emit_rerun_if_changed(false)
            .emit_cargo_warnings(false);
        Ok(Self {
            generator,
            config,
            spec_from,
        })
    }

    /// The spec's name in reports and headers.
    pub fn spec_name(&self) -> String {
        self.generator.options().spec_name
    }

    /// The config's name in reports, as the library gives it.
    pub fn config_name(&self) -> Option<String> {
        self.config.as_deref().map(slashed)
    }

    /// `error`, with a missing spec's hint in the command line's words: which flag or key to
    /// check, rather than the library's full path, which names this machine's folders.
    pub fn hinted(&self, error: Error) -> Error {
        missing_hint(error, &self.spec_name(), &self.missing_spec_hint())
    }

    fn missing_spec_hint(&self) -> String {
        match (&self.spec_from, self.config_name()) {
            (SpecFrom::Config, Some(config)) => {
                format!("check `spec:` in {config}: a path from that file's folder")
            }
            (SpecFrom::Flag, _) => "check --spec: a path from the working folder".to_owned(),
            _ => format!(
                "errspec looks for {DEFAULT_SPEC} unless told otherwise: give --spec, or `spec:` in {CONFIG_FILE}"
            ),
        }
    }
}

/// `error`, with `hint` for the spec named `name` if it is missing.
pub fn missing_hint(error: Error, name: &str, hint: &str) -> Error {
    let Error::InvalidSpec(mut problems) = error else {
        return error;
    };
    let missing =
        |problem: &&mut Diagnostic| problem.id == "SPEC_NOT_FOUND" && problem.file == name;
    for problem in problems.iter_mut().filter(missing) {
        problem.hint = Some(hint.to_owned());
    }
    Error::InvalidSpec(problems)
}

/// `errspec.yaml` in the working folder or the nearest folder above it, stopping at the
/// repository's root (the folder with `.git`), so a stray config above the repository is not
/// read. The path is relative (`errspec.yaml`, `../errspec.yaml`), so the files it places are
/// shown from the working folder.
fn find_config() -> Option<PathBuf> {
    let cwd = env::current_dir().ok()?;
    let mut up = PathBuf::new();
    for folder in cwd.ancestors() {
        if folder.join(CONFIG_FILE).is_file() {
            return Some(up.join(CONFIG_FILE));
        }
        if folder.join(".git").exists() {
            return None;
        }
        up.push("..");
    }
    None
}

/// Applies `generate`'s flags over the config.
pub fn generate(mut input: Input, args: &GenerateArgs) -> Input {
    let generator = &mut input.generator;
    generator
        .config_paths(true)
        .check(args.check)
        .deny_warnings(args.lints.deny_warnings);
    if let Some(out) = &args.out {
        generator.out_dir(out);
    } else if input.config.is_none() {
        generator.out_dir("generated");
    }
    if args.no_serde {
        generator.serde(false);
    }
    if args.axum {
        generator.axum(true);
    }
    if let Some(version) = args.openapi_version {
        generator.openapi_version(version);
    }
    // Targets added replace the config's list; without a config, the command line
    // generates every target (the library, Rust alone).
    if !args.targets.is_empty() {
        generator.targets(args.targets.iter().copied());
    } else if input.config.is_none() {
        generator.targets(Target::ALL);
    }
    input
}

/// The command that regenerates what `--check` found stale: `errspec generate` with every
/// flag that changes what is generated or where (the config, the spec, the folder, the
/// targets, the options), and none that only changes how it is shown.
pub fn rerun(args: &GenerateArgs) -> String {
    let mut words = vec!["errspec".to_owned(), "generate".to_owned()];
    let mut flag = |name: &str, value: Option<String>| {
        words.push(name.to_owned());
        words.extend(value.map(|value| quoted(&value)));
    };
    if let Some(config) = &args.input.config {
        flag("--config", Some(slashed(config)));
    }
    if let Some(spec) = &args.input.spec {
        flag("--spec", Some(slashed(spec)));
    }
    if let Some(out) = &args.out {
        flag("--out", Some(slashed(out)));
    }
    for target in &args.targets {
        flag("--target", Some(target.name().to_owned()));
    }
    if args.no_serde {
        flag("--no-serde", None);
    }
    if args.axum {
        flag("--axum", None);
    }
    if let Some(version) = args.openapi_version {
        flag("--openapi-version", Some(version.name().to_owned()));
    }
    words.join(" ")
}

/// A word as a POSIX shell reads it back: as is when it is safe, else in single quotes.
fn quoted(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "_-./:@%+=,".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        return word.to_owned();
    }
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// A path as reports show it, with `/` separators, as the library shows it.
pub fn slashed(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_only_when_the_shell_needs_it() {
        assert_eq!(quoted("api/errors.yaml"), "api/errors.yaml");
        assert_eq!(quoted("my api/it's.yaml"), r"'my api/it'\''s.yaml'");
        assert_eq!(quoted(""), "''");
    }
}
