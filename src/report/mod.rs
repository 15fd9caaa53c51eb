//! Diagnostics and spec changes as people and tools read them: rustc-style snippets, the
//! one-line form, JSON lines for editors, and GitHub Actions annotations for pull requests.
//!
//! Every command that reports diagnostics renders them here, and so does `errspec diff` with
//! its [`Change`]s, so each `--message-format` means the same everywhere. An [`Emitter`] knows
//! the format, whether to colour, and the text of the files the diagnostics point into (for
//! the source line and the span under the caret). It renders to strings and never prints: the
//! caller chooses the stream.
//!
//! A change is shown as a diagnostic is, with its severity (`breaking`, `dangerous`, `safe`)
//! where a diagnostic has `error` or `warning`, and with its place in the new version first and
//! its place in the old version ("was") second, when it has both.

mod span;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Element, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::diff::{Change, ChangeSeverity, Place};

/// How diagnostics are written; also the command line's `--message-format` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
#[non_exhaustive]
pub enum MessageFormat {
    /// rustc's style, for people: `error[ID]: message`, ` --> file:line:column`, the source
    /// line with carets under the node, and the hint.
    #[default]
    #[value(help = "rustc-style, with the source line and the hint, on stderr")]
    Human,
    /// One line per diagnostic, `file:line:column: error: message`, then `  hint: ...`: the
    /// form of [`Diagnostic`]'s `Display`.
    #[value(help = "`file:line:column: error: message` and the hint, on stderr")]
    Short,
    /// One JSON object per line, for editors and CI: `id`, `severity`, `file`, `line`,
    /// `column`, `end_line`, `end_column` (the span's exclusive end), `message`, `hint`. A
    /// change has these for its primary place (see [`Change::primary`]) and also `old` and
    /// `new`, each `null` or an object with `file`, `line`, `column`, `end_line`, `end_column`.
    #[value(help = "one JSON object per diagnostic and line, on stdout")]
    Json,
    /// GitHub Actions workflow commands (`::error file=...,line=...,col=...::message`), which
    /// show as annotations on a pull request's changed lines. A breaking change is an `error`,
    /// a dangerous one a `warning`, a safe one a `notice`.
    #[value(help = "GitHub Actions annotations (`::error file=...::message`), on stdout")]
    Github,
}

impl MessageFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [MessageFormat; 4] = [
        MessageFormat::Human,
        MessageFormat::Short,
        MessageFormat::Json,
        MessageFormat::Github,
    ];

    /// The name used on the command line: `human`, `short`, `json` or `github`.
    pub fn name(self) -> &'static str {
        match self {
            MessageFormat::Human => "human",
            MessageFormat::Short => "short",
            MessageFormat::Json => "json",
            MessageFormat::Github => "github",
        }
    }

    /// Whether the format is read by programs rather than people: such output goes to stdout,
    /// and people's text to stderr, so a pipe gets only what it can parse.
    pub fn is_machine_readable(self) -> bool {
        matches!(self, MessageFormat::Json | MessageFormat::Github)
    }
}

impl fmt::Display for MessageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for MessageFormat {
    type Err = String;

    /// Parses a format's command-line name, e.g. `"json"`.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        MessageFormat::ALL
            .into_iter()
            .find(|format| format.name() == name)
            .ok_or_else(|| format!("unknown message format `{name}`"))
    }
}

/// Renders diagnostics in one [`MessageFormat`].
///
/// ```
/// use errspec::report::{Emitter, MessageFormat};
///
/// let source = "version: 1\napi:\n  name: Acme\ncodes:\n  - status: 700\n    title: T\n    description: D.\n";
/// let Err(errspec::Error::InvalidSpec(diagnostics)) =
///     errspec::validate(source, &errspec::Options::new("errors.yaml"))
/// else {
///     panic!("expected the spec to be refused")
/// };
/// let emitter = Emitter::new(MessageFormat::Human).source("errors.yaml", source);
/// let text = emitter.render(&diagnostics[0]);
/// assert!(text.starts_with("error[STATUS_OUT_OF_RANGE]: status 700 is not an HTTP status\n"));
/// assert!(text.contains(" --> errors.yaml:5:13\n"));
/// assert!(text.contains("^^^"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Emitter {
    format: MessageFormat,
    color: bool,
    sources: BTreeMap<String, span::Source>,
}

impl Emitter {
    /// An emitter for `format`, without colour and without any source text.
    pub fn new(format: MessageFormat) -> Self {
        Self {
            format,
            ..Self::default()
        }
    }

    /// Whether the human format uses colour (ANSI escapes). The other formats never do.
    pub fn color(mut self, color: bool) -> Self {
        self.color = color;
        self
    }

    /// The text of `file`, as diagnostics name it, so that the human format can show the line
    /// and underline the node, and JSON can give the span's end. Without it, diagnostics are
    /// still rendered, without the snippet.
    pub fn source(mut self, file: impl Into<String>, text: impl Into<String>) -> Self {
        let text: String = text.into();
        // Positions are counted without the byte order mark, as the parser saw the text.
        let text = text
            .strip_prefix('\u{FEFF}')
            .map(str::to_owned)
            .unwrap_or(text);
        self.sources.insert(file.into(), span::Source::new(text));
        self
    }

    /// The format this emitter writes.
    pub fn format(&self) -> MessageFormat {
        self.format
    }

    /// One diagnostic in this format, ending in a newline. The human format adds a blank line
    /// after each, as rustc does.
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        match self.format {
            MessageFormat::Short => format!("{diagnostic}\n"),
            _ => self.render_entry(&Entry::from_diagnostic(diagnostic)),
        }
    }

    /// Every diagnostic, in order, in this format.
    pub fn render_all(&self, diagnostics: &[Diagnostic]) -> String {
        diagnostics.iter().map(|d| self.render(d)).collect()
    }

    /// One change between two versions of a spec in this format, ending in a newline, as
    /// [`render`](Emitter::render) renders a diagnostic. Give the emitter both versions'
    /// text with [`source`](Emitter::source) to show both snippets.
    ///
    /// ```
    /// use errspec::report::{Emitter, MessageFormat};
    ///
    /// let old = "version: 1\napi:\n  name: Acme\ncodes:\n  - status: 404\n    title: Not Found\n    description: No such thing.\n";
    /// let new = old.replace("404", "410");
    /// let changes = errspec::diff(old, &new, &errspec::DiffOptions::new("old.yaml", "new.yaml"))?;
    /// let emitter = Emitter::new(MessageFormat::Human)
    ///     .source("old.yaml", old)
    ///     .source("new.yaml", new.as_str());
    /// let text = emitter.render_change(&changes[0]);
    /// assert!(text.starts_with("breaking[STATUS_CHANGED]: code `NotFound` changed its status from 404 to 410\n"));
    /// assert!(text.contains(" --> new.yaml:5:13\n"));
    /// assert!(text.contains(" ::: old.yaml:5:13\n"));
    /// # Ok::<(), errspec::Error>(())
    /// ```
    pub fn render_change(&self, change: &Change) -> String {
        match self.format {
            MessageFormat::Short => format!("{change}\n"),
            _ => self.render_entry(&Entry::from_change(change)),
        }
    }

    /// Every change, in order, in this format.
    pub fn render_changes(&self, changes: &[Change]) -> String {
        changes.iter().map(|c| self.render_change(c)).collect()
    }

    /// A message with no place and no id, such as a closing summary (`error: aborting due to
    /// 2 previous errors`), ending in a newline. The machine-readable formats carry only
    /// diagnostics, so for them it is empty.
    pub fn render_message(&self, severity: Severity, message: &str) -> String {
        let level = match severity {
            Severity::Warning => Level::WARNING,
            _ => Level::ERROR,
        };
        self.render_plain(level, severity.as_str(), message)
    }

    /// A note with no place and no id (`note: message`), such as a summary that reports no
    /// problem, ending in a newline; empty in the machine-readable formats, as for
    /// [`render_message`](Emitter::render_message).
    pub fn render_note(&self, message: &str) -> String {
        self.render_plain(Level::NOTE, "note", message)
    }

    fn render_plain(&self, level: Level<'_>, name: &str, message: &str) -> String {
        match self.format {
            MessageFormat::Human => {
                let group = Group::with_title(level.primary_title(message));
                let mut text = self.renderer().render(&[group]);
                text.push('\n');
                text
            }
            MessageFormat::Short => format!("{name}: {message}\n"),
            MessageFormat::Json | MessageFormat::Github => String::new(),
        }
    }

    /// A diagnostic or a change in the human, JSON or GitHub format.
    fn render_entry(&self, entry: &Entry<'_>) -> String {
        match self.format {
            MessageFormat::Human => self.human(entry),
            MessageFormat::Json => self.json(entry),
            MessageFormat::Github | MessageFormat::Short => github(entry),
        }
    }

    fn renderer(&self) -> Renderer {
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.decor_style(DecorStyle::Ascii)
    }

    fn human(&self, entry: &Entry<'_>) -> String {
        let title = entry.kind.level().primary_title(entry.message).id(entry.id);
        // Labels tell the two versions apart only when both are shown.
        let (now, was) = match entry.was {
            Some(_) => (Some("now"), Some("was")),
            None => (None, None),
        };
        let mut group = match entry.primary {
            Some(mark) => title.element(self.snippet(mark, AnnotationKind::Primary, now)),
            None => Group::with_title(title),
        };
        if let Some(mark) = entry.was {
            group = group.element(self.snippet(mark, AnnotationKind::Context, was));
        }
        if let Some(hint) = entry.hint {
            group = group.element(Level::HELP.with_name("hint").message(hint));
        }
        let mut text = self.renderer().render(&[group]);
        text.push_str("\n\n");
        text
    }

    /// The source line of `mark` with its node underlined, or only the file and position when
    /// the emitter does not have the file's text.
    fn snippet<'a>(
        &'a self,
        mark: Mark<'a>,
        kind: AnnotationKind,
        label: Option<&'a str>,
    ) -> Element<'a> {
        let spanned = mark.location.and_then(|at| {
            let source = self.sources.get(mark.file)?;
            Some((at, source.span(at, mark.end)?))
        });
        // Only the node's line goes to the renderer, so a report's cost does not grow with the
        // file's length for every diagnostic.
        if let Some((at, (line, range))) = spanned {
            return Snippet::source(line)
                .line_start(at.line)
                .path(mark.file)
                .annotation(kind.span(range).label(label))
                .into();
        }
        match mark.location {
            Some(at) => Origin::path(mark.file)
                .line(at.line)
                .char_column(at.column)
                .into(),
            None => Origin::path(mark.file).into(),
        }
    }

    fn json(&self, entry: &Entry<'_>) -> String {
        let json_place = |mark: Option<Mark<'_>>| {
            mark.map(|mark| JsonPlace {
                file: mark.file.to_owned(),
                line: mark.location.map(|at| at.line),
                column: mark.location.map(|at| at.column),
                end_line: mark.end.map(|at| at.line),
                end_column: mark.end.map(|at| at.column),
            })
        };
        let primary = entry.primary;
        let line = JsonEntry {
            id: entry.id,
            severity: entry.kind.name(),
            file: primary.map_or("", |mark| mark.file),
            line: primary.and_then(|mark| mark.location).map(|at| at.line),
            column: primary.and_then(|mark| mark.location).map(|at| at.column),
            end_line: primary.and_then(|mark| mark.end).map(|at| at.line),
            end_column: primary.and_then(|mark| mark.end).map(|at| at.column),
            message: entry.message,
            hint: entry.hint,
            sides: entry.sides.map(|(old, new)| JsonSides {
                old: json_place(old),
                new: json_place(new),
            }),
        };
        let mut text = serde_json::to_string(&line).expect("a diagnostic serializes to JSON");
        text.push('\n');
        text
    }
}

/// What every format shows of a diagnostic or a change.
struct Entry<'a> {
    id: &'a str,
    kind: Kind,
    message: &'a str,
    hint: Option<&'a str>,
    /// Where it points first.
    primary: Option<Mark<'a>>,
    /// For a change that shows in both versions, its place in the old one.
    was: Option<Mark<'a>>,
    /// For a change, its place in each version, for JSON.
    sides: Option<(Option<Mark<'a>>, Option<Mark<'a>>)>,
}

impl<'a> Entry<'a> {
    fn from_diagnostic(diagnostic: &'a Diagnostic) -> Self {
        Entry {
            id: diagnostic.id,
            kind: match diagnostic.severity {
                Severity::Warning => Kind::Warning,
                _ => Kind::Error,
            },
            message: &diagnostic.message,
            hint: diagnostic.hint.as_deref(),
            primary: Some(Mark {
                file: &diagnostic.file,
                location: diagnostic.location,
                end: diagnostic.end,
            }),
            was: None,
            sides: None,
        }
    }

    fn from_change(change: &'a Change) -> Self {
        let mark = |place: &'a Option<Place>| {
            place.as_ref().map(|place| Mark {
                file: &place.file,
                location: place.location,
                end: place.end,
            })
        };
        let (old, new) = (mark(&change.old), mark(&change.new));
        Entry {
            id: change.id,
            kind: match change.severity {
                ChangeSeverity::Breaking => Kind::Breaking,
                ChangeSeverity::Dangerous => Kind::Dangerous,
                ChangeSeverity::Safe => Kind::Safe,
            },
            message: &change.message,
            hint: change.hint.as_deref(),
            primary: new.or(old),
            was: new.and(old),
            sides: Some((old, new)),
        }
    }
}

/// A place an entry points at.
#[derive(Clone, Copy)]
struct Mark<'a> {
    file: &'a str,
    location: Option<Location>,
    /// The exclusive end of the node, when known.
    end: Option<Location>,
}

impl fmt::Display for Mark<'_> {
    /// `file:line:column`, or the file alone.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file)?;
        if let Some(at) = self.location {
            write!(f, ":{}:{}", at.line, at.column)?;
        }
        Ok(())
    }
}

/// An entry's severity, with how each format shows it. Each format maps a change's severity
/// to the diagnostic level that fits it best: breaking to error, dangerous to warning, safe to
/// a note (GitHub's `notice`); the human format names the change's severity itself.
#[derive(Clone, Copy)]
enum Kind {
    Error,
    Warning,
    Breaking,
    Dangerous,
    Safe,
}

impl Kind {
    /// The word reports show: `error`, `breaking`, ...
    fn name(self) -> &'static str {
        match self {
            Kind::Error => Severity::Error.as_str(),
            Kind::Warning => Severity::Warning.as_str(),
            Kind::Breaking => ChangeSeverity::Breaking.as_str(),
            Kind::Dangerous => ChangeSeverity::Dangerous.as_str(),
            Kind::Safe => ChangeSeverity::Safe.as_str(),
        }
    }

    /// The level of the human format: its colour, and its name unless that is the level's own.
    fn level(self) -> Level<'static> {
        match self {
            Kind::Error => Level::ERROR,
            Kind::Warning => Level::WARNING,
            Kind::Breaking => Level::ERROR.with_name(self.name()),
            Kind::Dangerous => Level::WARNING.with_name(self.name()),
            Kind::Safe => Level::NOTE.with_name(self.name()),
        }
    }

    /// The GitHub workflow command.
    fn github(self) -> &'static str {
        match self {
            Kind::Error | Kind::Breaking => "error",
            Kind::Warning | Kind::Dangerous => "warning",
            Kind::Safe => "notice",
        }
    }
}

/// One line of `--message-format json`; a struct, so the keys keep this order.
#[derive(Serialize)]
struct JsonEntry<'a> {
    id: &'a str,
    severity: &'a str,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    message: &'a str,
    hint: Option<&'a str>,
    /// Only changes have `old` and `new`.
    #[serde(flatten)]
    sides: Option<JsonSides>,
}

/// A change's place in each version.
#[derive(Serialize)]
struct JsonSides {
    old: Option<JsonPlace>,
    new: Option<JsonPlace>,
}

#[derive(Serialize)]
struct JsonPlace {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
}

/// `::error file=F,line=L,col=C,title=ID::message`, with a change's old place and the hint on
/// the annotation's next lines. GitHub reads properties up to `,` and `::`, and commands up to
/// a line break, so those characters are percent-encoded as the runner decodes them.
fn github(entry: &Entry<'_>) -> String {
    let mut properties = Vec::new();
    if let Some(mark) = entry.primary {
        properties.push(format!("file={}", github_property(mark.file)));
        if let Some(Location { line, column }) = mark.location {
            properties.push(format!("line={line}"));
            properties.push(format!("col={column}"));
        }
    }
    properties.push(format!("title={}", github_property(entry.id)));
    let mut message = entry.message.to_owned();
    if let Some(was) = entry.was {
        message.push_str(&format!("\nwas: {was}"));
    }
    if let Some(hint) = entry.hint {
        message.push_str("\nhint: ");
        message.push_str(hint);
    }
    format!(
        "::{} {}::{}\n",
        entry.kind.github(),
        properties.join(","),
        github_data(&message)
    )
}

/// Escapes a workflow command's message: `%`, `\r` and `\n`.
fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value: as for the message, and `:` and `,` too.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(severity: Severity, file: &str, message: &str) -> Diagnostic {
        Diagnostic {
            id: "SOME_ID",
            severity,
            file: file.to_owned(),
            location: Some(Location { line: 2, column: 3 }),
            end: Some(Location { line: 2, column: 6 }),
            message: message.to_owned(),
            hint: Some("100% sure".to_owned()),
        }
    }

    #[test]
    fn github_escapes_data_and_properties() {
        let d = diagnostic(Severity::Warning, "a,b:c%.yaml", "line\r\nbreak: 50%");
        assert_eq!(
            github(&Entry::from_diagnostic(&d)),
            "::warning file=a%2Cb%3Ac%25.yaml,line=2,col=3,title=SOME_ID::line%0D%0Abreak: 50%25%0Ahint: 100%25 sure\n"
        );
    }

    #[test]
    fn json_is_one_line_with_the_node_s_end() {
        let d = diagnostic(Severity::Error, "f.yaml", "say \"hi\"\nnow");
        let line = Emitter::new(MessageFormat::Json).render(&d);
        assert_eq!(
            line,
            "{\"id\":\"SOME_ID\",\"severity\":\"error\",\"file\":\"f.yaml\",\"line\":2,\"column\":3,\"end_line\":2,\"end_column\":6,\"message\":\"say \\\"hi\\\"\\nnow\",\"hint\":\"100% sure\"}\n"
        );
    }

    #[test]
    fn formats_parse_from_their_names() {
        for format in MessageFormat::ALL {
            assert_eq!(format.name().parse::<MessageFormat>(), Ok(format));
        }
        assert!("xml".parse::<MessageFormat>().is_err());
    }
}
