//! The Python target: a module with the `ErrorCode` enum, the error body as `TypedDict`s, a
//! constructor per code (format v2) and the body's guard. Python 3.10 or newer, standard
//! library only. Each format has its own file (`v1.rs`, `v2.rs`); the helpers here are shared.
//!
//! The module is written exactly as `ruff format` (default options) prints it, and passes
//! `ruff check --select ALL` but for the rules `tests/python/ruff.toml` argues against. Most of
//! the layout is fixed so that ruff keeps it whatever the text: every call, signature and
//! collection that holds spec text ends with a trailing comma, which keeps it one item a line.
//! The one choice ruff makes by width, whether the string on the right of an `=` moves into
//! parentheses on the next line, is made here ([`assignment`]). String literals escape every
//! character outside printable ASCII, so their width is their length, and ruff's warnings
//! about characters that look like others (`RUF001`) cannot fire.

mod problem;
mod v1;
mod v2;

use super::text::lines;
use crate::model::{Format, ParamKind, Spec};

/// ruff's default `line-length`.
const LINE_LENGTH: usize = 88;
/// ruff's default indent width.
const INDENT: usize = 4;

/// Renders the Python file for `spec`.
pub(super) fn render(spec: &Spec, header: &str) -> String {
    match spec.format {
        Format::V1 => v1::render(spec, header),
        Format::V2 => v2::render(spec, header),
    }
}

/// A string literal whose value is exactly `text`, as ruff format writes it: in double quotes
/// unless the text holds more double quotes than single ones, with only the enclosing quote,
/// backslashes and line breaks escaped, and every character outside printable ASCII as a
/// lower-case `\x`, `\u` or `\U` escape.
pub(super) fn string_literal(text: &str) -> String {
    let doubles = text.matches('"').count();
    let singles = text.matches('\'').count();
    let quote = if doubles > singles { '\'' } else { '"' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c => out.push_str(&code_point(c)),
        }
    }
    out.push(quote);
    out
}

/// `\x07`, `\u202e` or `\U0001f680`: the shortest escape of `c`, in lower case as ruff format
/// writes hex digits.
fn code_point(c: char) -> String {
    let code = u32::from(c);
    if code <= 0xFF {
        format!("\\x{code:02x}")
    } else if code <= 0xFFFF {
        format!("\\u{code:04x}")
    } else {
        format!("\\U{code:08x}")
    }
}

/// `name = literal` at `indent` columns, as ruff format lays it out: on one line when that fits
/// in [`LINE_LENGTH`], else with the literal in parentheses on a line of its own when it fits
/// there, else on one line anyway (a string cannot be split). `name` is ASCII.
pub(super) fn assignment(indent: usize, name: &str, literal: &str) -> Vec<String> {
    let pad = " ".repeat(indent);
    let one_line = format!("{pad}{name} = {literal}");
    if one_line.len() <= LINE_LENGTH || indent + INDENT + literal.len() > LINE_LENGTH {
        return vec![one_line];
    }
    vec![
        format!("{pad}{name} = ("),
        format!("{pad}    {literal}"),
        format!("{pad})"),
    ]
}

/// Spec text as lines of a docstring, wrapped to `width` columns: each line of the text with
/// its runs of whitespace as one space (ruff format trims what ends a line), blank lines kept
/// between paragraphs. The docstring's value reads as the text: a backslash, a character
/// outside printable ASCII and a `"` followed by another (which could end the docstring) are
/// `\u` escapes, the only escapes ruff allows in a docstring that is not raw (`D301`).
pub(super) fn doc_text(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in lines(text) {
        let words: Vec<String> = line
            .split([' ', '\t'])
            .filter(|word| !word.is_empty())
            .map(doc_escape)
            .collect();
        if words.is_empty() {
            if out.last().is_some_and(|last| !last.is_empty()) {
                out.push(String::new());
            }
            continue;
        }
        out.extend(wrap(&words, width));
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// One word of doc text with what a docstring cannot hold as itself escaped.
fn doc_escape(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    for (index, &c) in chars.iter().enumerate() {
        // Two quotes in a row could close the docstring; a quote before a space or a line
        // break cannot, as the renderer never ends a docstring's line with spec text and `"""`.
        let closes = c == '"' && chars.get(index + 1) == Some(&'"');
        match c {
            '"' if closes => out.push_str("\\u0022"),
            '\\' => out.push_str("\\u005c"),
            ' '..='~' => out.push(c),
            c if u32::from(c) <= 0xFF => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push_str(&code_point(c)),
        }
    }
    out
}

/// Greedy word wrap; a word longer than `width` gets a line of its own.
fn wrap(words: &[String], width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in words {
        if !current.is_empty() && current.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// A docstring at `indent` columns: `summary` (one line, the renderer's own text ending in a
/// period, as `D400` asks), then `body`'s paragraphs. On one line when there is no body and it
/// fits, else with the closing quotes on a line of their own; each line comes indented.
pub(super) fn docstring(indent: usize, summary: &str, body: &[String]) -> Vec<String> {
    let pad = " ".repeat(indent);
    let single = format!("{pad}\"\"\"{summary}\"\"\"");
    if body.is_empty() && single.len() <= LINE_LENGTH {
        return vec![single];
    }
    let mut out = vec![format!("{pad}\"\"\"{summary}")];
    if !body.is_empty() {
        out.push(String::new());
        out.extend(body.iter().map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("{pad}{line}")
            }
        }));
    }
    out.push(format!("{pad}\"\"\""));
    out
}

/// `NAME: TypeAlias = Literal[...]` of `members` (enum members, `ErrorCode.X`), as ruff format
/// lays it out: one member on the line when it fits, else one a line (with a trailing comma
/// when there are several, which keeps them so); `None` without members, which `Literal`
/// cannot be.
pub(super) fn literal_alias(name: &str, members: &[String]) -> Option<Vec<String>> {
    let prefix = format!("{name}: TypeAlias = Literal[");
    match members {
        [] => None,
        [one] if prefix.len() + one.len() < LINE_LENGTH => Some(vec![format!("{prefix}{one}]")]),
        [one] => Some(vec![prefix, format!("    {one}"), "]".to_owned()]),
        many => {
            let mut lines = vec![prefix];
            lines.extend(many.iter().map(|member| format!("    {member},")));
            lines.push("]".to_owned());
            Some(lines)
        }
    }
}

/// The width of doc text at `indent` columns.
pub(super) fn doc_width(indent: usize) -> usize {
    LINE_LENGTH - indent
}

/// Paragraphs of doc text, each already wrapped, with a blank line between them; empty ones
/// are left out.
pub(super) fn paragraphs(paragraphs: Vec<Vec<String>>) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in paragraphs.into_iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(String::new());
        }
        out.extend(paragraph);
    }
    out
}

/// The module's docstring and the facts every format's enum shares, for the template.
pub(super) struct Shared {
    /// The module docstring's lines.
    pub module_doc: Vec<String>,
    /// `ERROR_NAME: Final = "..."`, laid out.
    pub error_name: Vec<String>,
    /// The API's name as doc text on one line, for the templates' docstrings.
    pub api: String,
}

impl Shared {
    pub(super) fn new(spec: &Spec) -> Self {
        let api = doc_text(&spec.api.name, usize::MAX).join(" ");
        let module_doc = docstring(
            0,
            &format!("The error codes of the {api} API, as errspec generates them from its spec."),
            &paragraphs(vec![doc_text(
                "``ErrorCode`` names every code with its facts, ``ErrorBody`` is the JSON \
                     body of an error response, and ``is_error_body`` checks a parsed body. \
                     Python 3.10 or newer, standard library only.",
                doc_width(0),
            )]),
        );
        Self {
            module_doc,
            error_name: assignment(
                0,
                "ERROR_NAME: Final",
                &string_literal(&spec.api.error_name),
            ),
            api,
        }
    }
}

/// The Python type of a parameter of `kind`.
pub(super) fn python_type(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::String => "str",
        ParamKind::Integer => "int",
        ParamKind::Number => "float",
        ParamKind::Boolean => "bool",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_everything_but_printable_ascii() {
        assert_eq!(string_literal("plain"), r#""plain""#);
        assert_eq!(string_literal("it's"), r#""it's""#);
        assert_eq!(string_literal(r#"a "b" 'c'"#), r#""a \"b\" 'c'""#);
        assert_eq!(string_literal(r#"a "b" "c" 'd'"#), r#"'a "b" "c" \'d\''"#);
        assert_eq!(
            string_literal("é’\u{7}\n\\🚀"),
            r#""\xe9\u2019\x07\n\\\U0001f680""#
        );
    }

    #[test]
    fn long_assignments_move_into_parentheses_only_when_that_fits() {
        let short = string_literal("a");
        assert_eq!(assignment(4, "X", &short), ["    X = \"a\""]);
        let near = string_literal(&"a".repeat(LINE_LENGTH - 10));
        assert_eq!(assignment(4, "NAME", &near).len(), 3);
        let far = string_literal(&"a".repeat(LINE_LENGTH));
        assert_eq!(assignment(4, "NAME", &far).len(), 1);
    }

    #[test]
    fn doc_text_reads_as_the_text_and_never_closes_the_docstring() {
        assert_eq!(
            doc_text("a \\ b \"c\" d\"\"\" é", 80),
            [r#"a \u005c b "c" d\u0022\u0022" \u00e9"#]
        );
        assert_eq!(doc_text("\n\none\n\n\n two  \n\n", 80), ["one", "", "two"]);
        assert_eq!(doc_text("aa bb cc", 5), ["aa bb", "cc"]);
    }

    #[test]
    fn docstrings_fit_on_one_line_or_close_on_their_own() {
        assert_eq!(docstring(4, "Short.", &[]), ["    \"\"\"Short.\"\"\""]);
        assert_eq!(
            docstring(4, "Sum.", &["a".to_owned(), String::new(), "b".to_owned()]),
            ["    \"\"\"Sum.", "", "    a", "", "    b", "    \"\"\""]
        );
    }
}
