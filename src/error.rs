//! The one error type of the library.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

/// Why generation did not happen.
///
/// `Debug` prints the same text as `Display`, so that a build script's
/// `fn main() -> Result<(), errspec::Error>` shows cargo the readable diagnostics rather than a
/// struct dump.
#[non_exhaustive]
pub enum Error {
    /// The spec could not be read, or is invalid, or has warnings that were denied. Every
    /// problem found is listed, each with the file, line and column. Nothing was written.
    InvalidSpec(Vec<Diagnostic>),
    /// The config file (`errspec.yaml`) could not be read, or is invalid: an unknown key, a
    /// bad value. Every problem found is listed, each with the file, line and column.
    InvalidConfig(Vec<Diagnostic>),
    /// An output file could not be written. Files written before it are complete; this one
    /// and those after it are unchanged.
    Write {
        /// The file or folder that could not be written.
        path: PathBuf,
        /// What went wrong, e.g. "is a symlink" or the operating system's error.
        source: io::Error,
    },
    /// Check mode found generated files that differ from what the spec produces.
    Stale(Vec<StaleFile>),
    /// No output folder was given and `OUT_DIR` is not set (it is set only for build scripts).
    NoOutDir,
}

/// A generated file that is missing or differs from what the spec produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleFile {
    /// The file's path, under the output folder.
    pub path: PathBuf,
    /// The file's current contents (invalid UTF-8 replaced), or `None` when it is missing.
    pub current: Option<String>,
    /// The contents the spec produces.
    pub expected: String,
}

impl StaleFile {
    /// What is wrong with the file, as messages say it: `missing`, or `not up to date with
    /// the spec`.
    pub fn problem(&self) -> &'static str {
        match self.current {
            None => "missing",
            Some(_) => "not up to date with the spec",
        }
    }
}

#[cfg(feature = "diff")]
impl StaleFile {
    /// A unified diff from the current contents to the expected ones, as `diff -u` prints
    /// it; for a missing file, every line is an addition. (Feature `diff`, on with `cli`.)
    pub fn unified_diff(&self) -> String {
        let shown = self.path.display().to_string();
        let old_header = match self.current {
            Some(_) => format!("a/{shown}"),
            None => "/dev/null".to_owned(),
        };
        similar::TextDiff::from_lines(self.current.as_deref().unwrap_or(""), &self.expected)
            .unified_diff()
            .context_radius(3)
            .header(&old_header, &format!("b/{shown}"))
            .to_string()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidSpec(diagnostics) | Error::InvalidConfig(diagnostics) => {
                for (i, diagnostic) in diagnostics.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{diagnostic}")?;
                }
                Ok(())
            }
            Error::Write { path, source } => {
                write!(f, "{}: error: cannot write: {source}", path.display())
            }
            Error::Stale(files) => {
                for (i, file) in files.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{}: error: {}", file.path.display(), file.problem())?;
                }
                Ok(())
            }
            Error::NoOutDir => f.write_str(
                "error: no output folder: call `out_dir(...)`, or run from a build script where \
                 cargo sets OUT_DIR",
            ),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}
