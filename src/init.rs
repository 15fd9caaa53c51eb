//! `errspec init`: what a repository adopting errspec starts from. A spec of format v2 with
//! two example codes and the schema modeline, the spec's JSON Schema beside it for editors, and
//! `errspec.yaml` listing every target at its default path, so that `errspec generate` works at
//! once. It writes only new files: when any of them exists, it writes none of them.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use errspec::{Diagnostic, OpenApiVersion, Severity, Target};

/// The config, the spec and the schema, from the folder `init` writes in.
pub const CONFIG: &str = "errspec.yaml";
pub const SPEC: &str = "spec/errors.yaml";
pub const SCHEMA: &str = "spec/errspec.schema.json";

/// The starter spec: format v2, two codes that pass every lint, and the modeline that points
/// editors at the schema beside it (the path is from the spec's folder).
const SPEC_TEXT: &str = "\
# yaml-language-server: $schema=errspec.schema.json
#
# The API's error codes, one entry per code. `errspec generate` writes the Rust, TypeScript,
# OpenAPI, Markdown and Python that errspec.yaml lists from this file, and `errspec validate`
# checks it.
version: 2
api:
  name: Example
codes:
  - code: not_found
    status: 404
    title: Not found
    description: The resource the request names does not exist.
  - code: rate_limited
    status: 429
    title: Too many requests
    description: The client sent too many requests in too short a time.
    retryable: true
";

/// Writes the starter files under `dir` (the working folder when empty) and returns the
/// paths written; or, writing nothing, a diagnostic for each file that exists, or for the
/// write that failed.
pub fn create(dir: &Path) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let files = [
        (dir.join(CONFIG), config_text()),
        (dir.join(SPEC), SPEC_TEXT.to_owned()),
        (dir.join(SCHEMA), errspec::spec_schema()),
    ];
    // Every file is checked before any is written, so a refusal leaves the folder as it was.
    let existing: Vec<Diagnostic> = files
        .iter()
        .filter(|(path, _)| path.symlink_metadata().is_ok())
        .map(|(path, _)| exists(path))
        .collect();
    if !existing.is_empty() {
        return Err(existing);
    }
    let mut written = Vec::new();
    let mut folders = Vec::new();
    for (path, text) in &files {
        if let Err(error) = write_new(path, text, &mut folders) {
            // Undo this run's part, so a failure leaves nothing half made either.
            for path in &written {
                let _ = fs::remove_file(path);
            }
            for folder in folders.iter().rev() {
                let _ = fs::remove_dir(folder);
            }
            return Err(vec![problem(
                "WRITE_FAILED",
                path,
                format!("cannot write: {error}"),
                None,
            )]);
        }
        written.push(path.clone());
    }
    Ok(written)
}

/// `errspec.yaml`: every target at the path it has without a config, spelt out with its
/// options at their defaults, so the file shows what there is to change.
fn config_text() -> String {
    let mut text = "\
# errspec's settings, read by every errspec command, the CI check and build scripts.
# Paths are from this file's folder.
spec: spec/errors.yaml
# The targets generated, each into its file; delete those you do not need.
targets:
"
    .to_owned();
    for target in Target::ALL {
        let options = match target {
            Target::Rust => ", serde: true".to_owned(),
            Target::OpenApi => format!(", version: \"{}\"", OpenApiVersion::default().name()),
            _ => String::new(),
        };
        text.push_str(&format!(
            "  {}: {{path: generated/{}{options}}}\n",
            target.name(),
            target.file_path()
        ));
    }
    text
}

/// Creates `path` with `text`, failing if it exists (another process may have made it since
/// the check), and the folders above it, which `folders` records when this call made them.
fn write_new(path: &Path, text: &str, folders: &mut Vec<PathBuf>) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        let missing: Vec<&Path> = parent
            .ancestors()
            .take_while(|folder| !folder.as_os_str().is_empty() && !folder.exists())
            .collect();
        fs::create_dir_all(parent)?;
        folders.extend(missing.into_iter().rev().map(Path::to_owned));
    }
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(text.as_bytes())
}

fn exists(path: &Path) -> Diagnostic {
    problem(
        "FILE_EXISTS",
        path,
        "the file exists already: errspec init writes only new files".to_owned(),
        Some("move it away to start afresh, or start elsewhere with `--dir`; nothing was written"),
    )
}

/// A diagnostic about a file as a whole.
fn problem(id: &'static str, path: &Path, message: String, hint: Option<&str>) -> Diagnostic {
    Diagnostic {
        id,
        severity: Severity::Error,
        file: crate::settings::slashed(path),
        location: None,
        end: None,
        message,
        hint: hint.map(str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_lists_every_target_at_its_default_path() {
        let config = config_text();
        for target in Target::ALL {
            let line = format!(
                "  {}: {{path: generated/{}",
                target.name(),
                target.file_path()
            );
            assert!(config.contains(&line), "{config}");
        }
    }
}
