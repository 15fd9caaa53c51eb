//! Diagnostics as people and tools read them: rustc-style snippets, the one-line form, JSON
//! lines for editors, and GitHub Actions annotations for pull requests.
//!
//! Every command that reports diagnostics renders them here, so each `--message-format` means
//! the same everywhere. An [`Emitter`] knows the format, whether to colour, and the text of the
//! files the diagnostics point into (for the source line and the span under the caret). It
//! renders to strings and never prints: the caller chooses the stream.

mod span;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Location, Severity};

/// How diagnostics are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum MessageFormat {
    /// rustc's style, for people: `error[ID]: message`, ` --> file:line:column`, the source
    /// line with carets under the node, and the hint.
    #[default]
    Human,
    /// One line per diagnostic, `file:line:column: error: message`, then `  hint: ...`: the
    /// form of [`Diagnostic`]'s `Display`.
    Short,
    /// One JSON object per line, for editors and CI: `id`, `severity`, `file`, `line`,
    /// `column`, `end_line`, `end_column` (the span's exclusive end), `message`, `hint`.
    Json,
    /// GitHub Actions workflow commands (`::error file=...,line=...,col=...::message`), which
    /// show as annotations on a pull request's changed lines.
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
///     unreachable!()
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
    sources: BTreeMap<String, String>,
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
        self.sources.insert(file.into(), text);
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
            MessageFormat::Human => self.human(diagnostic),
            MessageFormat::Short => format!("{diagnostic}\n"),
            MessageFormat::Json => self.json(diagnostic),
            MessageFormat::Github => github(diagnostic),
        }
    }

    /// Every diagnostic, in order, in this format.
    pub fn render_all(&self, diagnostics: &[Diagnostic]) -> String {
        diagnostics.iter().map(|d| self.render(d)).collect()
    }

    /// A message with no place and no id, such as a closing summary (`error: aborting due to
    /// 2 previous errors`), ending in a newline. The machine-readable formats carry only
    /// diagnostics, so for them it is empty.
    pub fn render_message(&self, severity: Severity, message: &str) -> String {
        match self.format {
            MessageFormat::Human => {
                let level = match severity {
                    Severity::Warning => Level::WARNING,
                    _ => Level::ERROR,
                };
                let group = Group::with_title(level.primary_title(message));
                let mut text = self.renderer().render(&[group]);
                text.push('\n');
                text
            }
            MessageFormat::Short => format!("{severity}: {message}\n"),
            MessageFormat::Json | MessageFormat::Github => String::new(),
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

    fn human(&self, diagnostic: &Diagnostic) -> String {
        let level = match diagnostic.severity {
            Severity::Warning => Level::WARNING,
            _ => Level::ERROR,
        };
        let title = level
            .primary_title(diagnostic.message.as_str())
            .id(diagnostic.id);
        let file = diagnostic.file.as_str();
        let source = self.sources.get(file);
        let mut group: Group<'_> = match (diagnostic.location, source) {
            (Some(at), Some(text)) => title.element(
                Snippet::source(text.as_str())
                    .path(file)
                    .annotation(AnnotationKind::Primary.span(span::span(text, at))),
            ),
            (Some(at), None) => {
                title.element(Origin::path(file).line(at.line).char_column(at.column))
            }
            (None, _) => title.element(Origin::path(file)),
        };
        if let Some(hint) = &diagnostic.hint {
            group = group.element(Level::HELP.with_name("hint").message(hint.as_str()));
        }
        let mut text = self.renderer().render(&[group]);
        text.push_str("\n\n");
        text
    }

    fn json(&self, diagnostic: &Diagnostic) -> String {
        let end = diagnostic.location.and_then(|at| {
            let text = self.sources.get(&diagnostic.file)?;
            Some(span::end_location(text, &span::span(text, at)))
        });
        let line = JsonDiagnostic {
            id: diagnostic.id,
            severity: diagnostic.severity.as_str(),
            file: &diagnostic.file,
            line: diagnostic.location.map(|at| at.line),
            column: diagnostic.location.map(|at| at.column),
            end_line: end.map(|at| at.line),
            end_column: end.map(|at| at.column),
            message: &diagnostic.message,
            hint: diagnostic.hint.as_deref(),
        };
        let mut text = serde_json::to_string(&line).expect("a diagnostic serializes to JSON");
        text.push('\n');
        text
    }
}

/// One line of `--message-format json`; a struct, so the keys keep this order.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    id: &'a str,
    severity: &'a str,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    message: &'a str,
    hint: Option<&'a str>,
}

/// `::error file=F,line=L,col=C,title=ID::message`, with the hint on the annotation's next
/// line. GitHub reads properties up to `,` and `::`, and commands up to a line break, so those
/// characters are percent-encoded as the runner decodes them.
fn github(diagnostic: &Diagnostic) -> String {
    let command = match diagnostic.severity {
        Severity::Warning => "warning",
        _ => "error",
    };
    let mut properties = vec![format!("file={}", github_property(&diagnostic.file))];
    if let Some(Location { line, column }) = diagnostic.location {
        properties.push(format!("line={line}"));
        properties.push(format!("col={column}"));
    }
    properties.push(format!("title={}", github_property(diagnostic.id)));
    let mut message = diagnostic.message.clone();
    if let Some(hint) = &diagnostic.hint {
        message.push_str("\nhint: ");
        message.push_str(hint);
    }
    format!(
        "::{command} {}::{}\n",
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
            message: message.to_owned(),
            hint: Some("100% sure".to_owned()),
        }
    }

    #[test]
    fn github_escapes_data_and_properties() {
        let d = diagnostic(Severity::Warning, "a,b:c%.yaml", "line\r\nbreak: 50%");
        assert_eq!(
            github(&d),
            "::warning file=a%2Cb%3Ac%25.yaml,line=2,col=3,title=SOME_ID::line%0D%0Abreak: 50%25%0Ahint: 100%25 sure\n"
        );
    }

    #[test]
    fn json_is_one_line_with_the_span_end_when_the_source_is_known() {
        let d = diagnostic(Severity::Error, "f.yaml", "say \"hi\"\nnow");
        let without = Emitter::new(MessageFormat::Json).render(&d);
        assert_eq!(
            without,
            "{\"id\":\"SOME_ID\",\"severity\":\"error\",\"file\":\"f.yaml\",\"line\":2,\"column\":3,\"end_line\":null,\"end_column\":null,\"message\":\"say \\\"hi\\\"\\nnow\",\"hint\":\"100% sure\"}\n"
        );
        let with = Emitter::new(MessageFormat::Json)
            .source("f.yaml", "a:\n  bcd: e\n")
            .render(&d);
        assert!(with.contains("\"end_line\":2,\"end_column\":6"), "{with}");
    }

    #[test]
    fn formats_parse_from_their_names() {
        for format in MessageFormat::ALL {
            assert_eq!(format.name().parse::<MessageFormat>(), Ok(format));
        }
        assert!("xml".parse::<MessageFormat>().is_err());
    }
}
