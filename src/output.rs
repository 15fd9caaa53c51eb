//! Where the command's messages go, and in which format: diagnostics (and `diff`'s changes)
//! for people on stderr, for programs (`json`, `github`) on stdout; a closing summary for
//! people; the other errors (stale and missing files, failed writes) in the same format as
//! diagnostics; and, as cargo does, one line on stderr when a command succeeds.

use std::fs;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use errspec::report::{Emitter, MessageFormat};
use errspec::{Change, ChangeSeverity, Diagnostic, Error, OutputFile, Severity};

use crate::cli::{ColorChoice, OutputArgs};
use crate::init;
use crate::settings::slashed;

/// The command's reporter: the format, the colour, and the files the diagnostics point into.
pub struct Output {
    format: MessageFormat,
    color: bool,
    quiet: bool,
    /// The spec's and the config's paths, to show their lines, with their names as
    /// diagnostics give them; read only when a diagnostic points into one.
    files: Vec<(PathBuf, String)>,
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
            quiet: args.quiet,
            files: Vec::new(),
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

    /// A file the diagnostics may point into (the spec, the config), by its path and its
    /// name as the library gives it.
    pub fn file(&mut self, path: &Path, name: String) -> &mut Self {
        self.files.push((path.to_owned(), name));
        self
    }

    /// Whether the spec's warnings are denied, for the summary.
    pub fn deny_warnings(&mut self, deny_warnings: bool) -> &mut Self {
        self.deny_warnings = deny_warnings;
        self
    }

    /// Says on stderr that the command did its job, as cargo does: the verb right-aligned
    /// (green and bold when coloured), then what was done. Nothing with `--quiet`. It goes
    /// to stderr in every format, so stdout holds only what a tool reads.
    pub fn success(&self, verb: &str, what: &str) {
        if self.quiet {
            return;
        }
        if self.color {
            eprintln!("\x1b[1m\x1b[32m{verb:>12}\x1b[0m {what}");
        } else {
            eprintln!("{verb:>12} {what}");
        }
    }

    /// `validate`'s line: the spec, and how many codes it has.
    pub fn validated(&self, spec: &str, codes: usize) {
        self.success("Validated", &format!("{spec}: {}", count(codes, "code")));
    }

    /// `init`'s line: the files it wrote, and where when not in the working folder.
    pub fn created(&self, dir: &Path) {
        let files = format!("{}, {} and {}", init::CONFIG, init::SPEC, init::SCHEMA);
        let what = match dir.as_os_str().is_empty() {
            true => files,
            false => format!("{files} in {}/", slashed(dir).trim_end_matches('/')),
        };
        self.success("Created", &what);
    }

    /// `generate`'s line: how many files, written and left unchanged, and where.
    pub fn generated(&self, files: &[OutputFile], config: Option<&str>, check: bool) {
        let place = place(files, config);
        if check {
            let what = format!("{} {place}: up to date", count(files.len(), "file"));
            return self.success("Checked", &what);
        }
        let written = files.iter().filter(|file| file.written).count();
        let what = format!(
            "{} {place} ({written} written, {} unchanged)",
            count(files.len(), "file"),
            files.len() - written
        );
        self.success("Generated", &what);
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
    /// counts them by severity. Nothing when there are none: the command then says so in its
    /// success line.
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
            Error::InvalidSpec(diagnostics) | Error::InvalidConfig(diagnostics) => {
                self.diagnostics(diagnostics)
            }
            Error::Stale(files) => {
                for file in files {
                    eprint!("{}", file.unified_diff());
                }
                let hint = format!("run `{rerun}` to update them, and commit the result");
                if self.format.is_machine_readable() {
                    let stale: Vec<Diagnostic> = files
                        .iter()
                        .map(|file| {
                            let id = match file.current {
                                None => "MISSING_FILE",
                                Some(_) => "STALE_FILE",
                            };
                            let message = file.problem().to_owned();
                            plain_diagnostic(id, &file.path, message, Some(&hint))
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

    /// An emitter that knows the texts already read, and the text of each file a diagnostic
    /// points into.
    fn emitter(&self, diagnostics: &[Diagnostic]) -> Emitter {
        let mut emitter = Emitter::new(self.format).color(self.color);
        for (name, text) in &self.sources {
            emitter = emitter.source(name.as_str(), text.as_str());
        }
        for (path, name) in &self.files {
            let points_into = diagnostics
                .iter()
                .any(|d| d.location.is_some() && d.file == *name);
            if let Some(text) = points_into.then(|| read_bounded(path)).flatten() {
                emitter = emitter.source(name.clone(), text);
            }
        }
        emitter
    }

    /// Text for people goes to stderr; for programs, to stdout, where a reader that stopped
    /// early (`| head`) is no error of errspec's.
    fn print(&self, text: &str) {
        if self.format.is_machine_readable() {
            use std::io::Write;
            match std::io::stdout().lock().write_all(text.as_bytes()) {
                Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write to stdout: {error}");
                }
                _ => {}
            }
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

/// Where the files went: their common folder, or where the config puts them when that is the
/// config's own folder (they share no other).
fn place(files: &[OutputFile], config: Option<&str>) -> String {
    let mut common: Option<PathBuf> = None;
    for file in files {
        let folder = file.path.parent().unwrap_or(Path::new(""));
        common = Some(match common {
            None => folder.to_owned(),
            Some(common) => common
                .components()
                .zip(folder.components())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    let common = common.unwrap_or_default();
    let config_folder = config.and_then(|config| Path::new(config).parent());
    match config {
        Some(config) if config_folder == Some(common.as_path()) => {
            format!("where {config} puts them")
        }
        _ if common.as_os_str().is_empty() => "under the working folder".to_owned(),
        _ => format!("under {}/", common.to_string_lossy().replace('\\', "/")),
    }
}

/// A file's text again, for the snippets; the library has read it already, so a failure
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
