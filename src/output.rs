//! Where the command's messages go, and in which format: diagnostics (and `diff`'s changes)
//! for people on stderr, for programs (`json`, `github`) on stdout; a closing summary for
//! people; and the other errors (stale files, failed writes) in the same format as
//! diagnostics.

use std::fs;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use errspec::report::{Emitter, MessageFormat};
use errspec::{Change, ChangeSeverity, Diagnostic, Error, Severity};

use crate::cli::{ColorChoice, OutputArgs};

/// The command's reporter: the format, the colour, and the spec the diagnostics point into.
pub struct Output {
    format: MessageFormat,
    color: bool,
    /// The spec's path, to show its lines, and its name as diagnostics give it.
    spec: Option<(PathBuf, String)>,
    deny_warnings: bool,
    /// Texts already read, by the name diagnostics and changes give them.
    sources: Vec<(String, String)>,
}

impl Output {
    /// A reporter for the `--message-format` and `--color` the user chose.
    pub fn new(args: &OutputArgs) -> Self {
        Self {
            format: args.message_format,
            color: use_color(args.color),
            spec: None,
            deny_warnings: false,
            sources: Vec::new(),
        }
    }

    /// The text of a file that diagnostics or changes may point into, already read (such as
    /// the two versions `diff` compares, one of which may come from git).
    pub fn source(&mut self, name: &str, text: &str) -> &mut Self {
        self.sources.push((name.to_owned(), text.to_owned()));
        self
    }

    /// The spec file the diagnostics point into (named as the library names it, the path with
    /// `/` separators), and whether its warnings are denied, for the summary.
    pub fn spec(&mut self, path: &Path, deny_warnings: bool) -> &mut Self {
        let name = path.to_string_lossy().replace('\\', "/");
        self.spec = Some((path.to_owned(), name));
        self.deny_warnings = deny_warnings;
        self
    }

    /// Prints `diagnostics` (warnings, or the errors of an invalid spec), then, for people, a
    /// summary.
    pub fn diagnostics(&self, diagnostics: &[Diagnostic]) {
        if diagnostics.is_empty() {
            return;
        }
        let emitter = self.emitter(diagnostics);
        self.print(&emitter.render_all(diagnostics));
        if self.format != MessageFormat::Human {
            return; // `short` keeps the library's one-line form, and tools need no summary
        }
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let summary = if errors > 0 {
            let denied = if self.deny_warnings {
                " (warnings are denied by --deny-warnings)"
            } else {
                ""
            };
            let message = format!(
                "aborting due to {}{denied}",
                count(errors, "previous error")
            );
            emitter.render_message(Severity::Error, &message)
        } else {
            let message = format!("{} emitted", count(diagnostics.len(), "warning"));
            emitter.render_message(Severity::Warning, &message)
        };
        self.print(&summary);
    }

    /// Prints a diff's changes (already in report order) and, for people, a summary that
    /// counts them by severity. Nothing at all when there are none, as `validate` prints
    /// nothing for a spec without problems.
    pub fn changes(&self, changes: &[Change], allow_breaking: bool) {
        if changes.is_empty() {
            return;
        }
        let emitter = self.emitter(&[]);
        self.print(&emitter.render_changes(changes));
        if self.format != MessageFormat::Human {
            return;
        }
        let of = |severity| changes.iter().filter(|c| c.severity == severity).count();
        let others = format!(
            "{} dangerous, {} safe",
            of(ChangeSeverity::Dangerous),
            of(ChangeSeverity::Safe)
        );
        let breaking = of(ChangeSeverity::Breaking);
        let summary = if breaking == 0 {
            emitter.render_note(&format!("no breaking changes; {others}"))
        } else if allow_breaking {
            let message = format!(
                "{} (allowed by --allow-breaking), {others}",
                count(breaking, "breaking change")
            );
            emitter.render_message(Severity::Warning, &message)
        } else {
            let message = format!("{}, {others}", count(breaking, "breaking change"));
            emitter.render_message(Severity::Error, &message)
        };
        self.print(&summary);
    }

    /// Prints why a command failed. Stale files show their diffs on stderr in every format;
    /// `rerun` is the command that fixes them.
    pub fn error(&self, error: &Error, rerun: &str) {
        match error {
            Error::InvalidSpec(diagnostics) => self.diagnostics(diagnostics),
            Error::Stale(files) => {
                for file in files {
                    eprint!("{}", file.unified_diff());
                }
                let hint = format!("run `{rerun}` to update them, and commit the result");
                if self.format.is_machine_readable() {
                    let stale: Vec<Diagnostic> = files
                        .iter()
                        .map(|file| {
                            let message = "not up to date with the spec".to_owned();
                            plain_diagnostic("STALE_FILE", &file.path, message, Some(&hint))
                        })
                        .collect();
                    self.print(&self.emitter(&stale).render_all(&stale));
                } else {
                    eprintln!("{error}");
                    eprintln!("hint: {hint}");
                }
            }
            Error::Write { path, source } if self.format.is_machine_readable() => {
                let message = format!("cannot write: {source}");
                let failed = [plain_diagnostic("WRITE_FAILED", path, message, None)];
                self.print(&self.emitter(&failed).render_all(&failed));
            }
            other => eprintln!("{other}"),
        }
    }

    /// An emitter that knows the texts already read, and the text of the spec when a
    /// diagnostic points into it.
    fn emitter(&self, diagnostics: &[Diagnostic]) -> Emitter {
        let mut emitter = Emitter::new(self.format).color(self.color);
        for (name, text) in &self.sources {
            emitter = emitter.source(name.as_str(), text.as_str());
        }
        let Some((path, name)) = &self.spec else {
            return emitter;
        };
        let points_into_spec = diagnostics
            .iter()
            .any(|d| d.location.is_some() && d.file == *name);
        match points_into_spec.then(|| read_bounded(path)).flatten() {
            Some(text) => emitter.source(name.clone(), text),
            None => emitter,
        }
    }

    /// Text for people goes to stderr; for programs, to stdout.
    fn print(&self, text: &str) {
        if self.format.is_machine_readable() {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
    }
}

/// `--color auto` colours when stderr is a terminal, unless NO_COLOR is set to anything but
/// the empty string (https://no-color.org); `always` and `never` override both.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
            !no_color && std::io::stderr().is_terminal()
        }
    }
}

/// The spec's text again, for the snippets; the library has read it already, so a failure
/// here only loses the snippet. Bounded like the library's own read.
fn read_bounded(path: &Path) -> Option<String> {
    let mut bytes = Vec::new();
    fs::File::open(path)
        .ok()?
        .take(errspec::MAX_SPEC_BYTES)
        .read_to_end(&mut bytes)
        .ok()?;
    String::from_utf8(bytes).ok()
}

/// A diagnostic about a file as a whole, such as a generated file that is stale.
fn plain_diagnostic(
    id: &'static str,
    path: &Path,
    message: String,
    hint: Option<&str>,
) -> Diagnostic {
    Diagnostic {
        id,
        severity: Severity::Error,
        file: path.to_string_lossy().replace('\\', "/"),
        location: None,
        end: None,
        message,
        hint: hint.map(str::to_owned),
    }
}

/// `1 warning`, `2 warnings`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
