//! YAML text -> the document (where every node is) and the serde copy of the spec, or the
//! diagnostic that stops it.
//!
//! Syntax and shape errors (wrong types, missing, unknown or repeated keys) stop at the first,
//! as serde does; everything after that is `validate`'s job and reported all at once. Every
//! position comes from the document; the parser's own mark is read in one place,
//! `yaml::events::syntax_error`.

use crate::diagnostic::{Diagnostic, Location};
use crate::model::Format;
use crate::spec::{RawSpec, RawSpecV1, RawSpecV2};
use crate::yaml::document::{DocumentError, MAX_DEPTH, NodeKind};
use crate::yaml::events::{ScalarStyle, SyntaxError};
use crate::yaml::read::{self, ShapeError, ShapeErrorKind};
use crate::yaml::{Document, LineIndex, Path, Span};

/// A parsed spec: its values, and where each was written.
pub(crate) struct Parsed<'a> {
    pub raw: RawSpec,
    pub document: Document<'a>,
}

/// Parses `source` (the text of the spec file named `file`); an error is the one problem
/// that stopped it.
pub(crate) fn parse<'a>(source: &'a str, file: &str) -> Result<Parsed<'a>, Vec<Diagnostic>> {
    let document = Document::parse(source).map_err(|error| {
        let lines = LineIndex::new(source);
        vec![document_error(&error, &lines, file, "the spec")]
    })?;
    let format = check_version(&document, file).map_err(|problem| vec![*problem])?;
    let raw = match format {
        Format::V1 => read::read::<RawSpecV1>(&document).map(RawSpec::V1),
        Format::V2 => read::read::<RawSpecV2>(&document).map(RawSpec::V2),
    };
    let raw = raw.map_err(|error| vec![read_error(error, &document, file, "the spec")])?;
    Ok(Parsed { raw, document })
}

/// A diagnostic at `span` of the document's text.
fn at(
    lines: &LineIndex<'_>,
    span: Span,
    id: &'static str,
    file: &str,
    message: String,
    hint: Option<&str>,
) -> Diagnostic {
    let hint = hint.map(str::to_owned);
    Diagnostic::error(id, file, Some(lines.range(span)), message, hint)
}

/// A document error in `file`, which messages call `what` (`the spec`, `the config`).
pub(crate) fn document_error(
    error: &DocumentError,
    lines: &LineIndex<'_>,
    file: &str,
    what: &str,
) -> Diagnostic {
    match error {
        DocumentError::Syntax(syntax) => {
            let (span, message, hint) = syntax_problem(syntax, lines);
            at(lines, span, "INVALID_YAML", file, message, hint.as_deref())
        }
        DocumentError::TooDeep { at: offset } => at(
            lines,
            Span::new(*offset, offset + 1),
            "TOO_COMPLEX",
            file,
            format!("{what} nests mappings and lists more than {MAX_DEPTH} levels deep"),
            Some("flatten the nesting; a spec needs only four levels"),
        ),
        DocumentError::SecondDocument { at: offset } => at(
            lines,
            Span::new(*offset, offset + 3),
            "INVALID_YAML",
            file,
            format!("{what} holds more than one YAML document"),
            Some("keep one document: delete this `---` and what follows it, or merge the two"),
        ),
        DocumentError::UnknownAnchor { name, at: span } => at(
            lines,
            *span,
            "INVALID_YAML",
            file,
            format!("the alias `*{name}` names no anchor before it"),
            Some(&format!(
                "mark the value to repeat with `&{name}` before this alias, or write it out"
            )),
        ),
    }
}

/// A syntax error as its author needs it: the parser's words, one position (the diagnostic's),
/// and for the mistakes people make most (a tab in the indentation, `: ` in unquoted text, a
/// line indented wrongly, a key without its `: `) a hint that says what to change. Which
/// mistake it is comes from the parser's problem, as libyaml words it, and the text at its
/// mark; a position the parser gives besides (where the node it was reading starts) goes in
/// the hint, so the message never names a line the pointer does not.
fn syntax_problem(syntax: &SyntaxError, lines: &LineIndex<'_>) -> (Span, String, Option<String>) {
    let text = lines.text();
    let at = char_boundary(text, syntax.at);
    let here = Span::new(at, at);
    let problem = syntax.problem.as_str();
    let context = syntax.context.as_ref().map(|(context, offset)| {
        let what = context
            .strip_prefix("while parsing ")
            .or_else(|| context.strip_prefix("while scanning "))
            .unwrap_or(context);
        let Location { line, column } = lines.location(*offset);
        (what, *offset, format!("line {line} column {column}"))
    });
    let line = line_of(text, at);
    match problem {
        // libyaml words a tab three ways: in a block's indentation, in a block scalar's, and
        // (where a token should start) as a character like any other. Its mark is the tab.
        _ if problem.contains("a tab character")
            || (problem == "found character that cannot start any token"
                && text[at..].starts_with('\t')) =>
        {
            let message = match problem.contains("a tab character") {
                true => problem.to_owned(),
                false => "found a tab character that violates indentation".to_owned(),
            };
            let hint = "YAML indents with spaces only: replace the tab with spaces";
            let width = usize::from(text[at..].starts_with('\t'));
            (Span::new(at, at + width), message, Some(hint.to_owned()))
        }
        "found character that cannot start any token" if text[at..].starts_with(['@', '`']) => {
            let hint =
                "YAML reserves `@` and `` ` `` at the start of unquoted text: quote the text";
            (
                Span::new(at, at + 1),
                problem.to_owned(),
                Some(hint.to_owned()),
            )
        }
        "mapping values are not allowed in this context" => {
            let column = at - line_start(text, at);
            (
                Span::new(at, at + 1),
                problem.to_owned(),
                Some(colon_hint(line, column)),
            )
        }
        "did not find expected key" | "did not find expected '-' indicator" => {
            let mut hint = "check this line's indentation: a key lines up with the other keys of \
                            its mapping, and a `-` with the other items of its list, with spaces"
                .to_owned();
            if let Some((what, _, place)) = &context {
                hint.push_str(&format!(
                    " (YAML was reading the {} that starts at {place})",
                    noun(what)
                ));
            }
            (here, problem.to_owned(), Some(hint))
        }
        "could not find expected ':'" if context.is_some() => {
            // The parser gives up where the next line starts; the key that lacks its `: ` is
            // where the context starts.
            let key = context
                .as_ref()
                .map_or(at, |(_, offset, _)| char_boundary(text, *offset));
            let end = key
                + line_of(text, key)[key - line_start(text, key)..]
                    .trim_end()
                    .len();
            let hint = "a line of a mapping is `key: value`: add `: ` after the key".to_owned();
            (Span::new(key, end), problem.to_owned(), Some(hint))
        }
        _ => {
            let hint = context
                .filter(|(_, offset, _)| *offset != at)
                .map(|(what, _, place)| {
                    if what == "a quoted scalar" {
                        return format!(
                            "close the quoted text that starts at {place} with its quote"
                        );
                    }
                    let mut hint = format!("in the {} that starts at {place}", noun(what));
                    if what.starts_with("a flow") {
                        hint.push_str(
                            ": separate its entries with `,`, close it, and quote text that \
                             holds `,`, `: `, brackets or braces",
                        );
                    }
                    hint
                });
            (here, problem.to_owned(), hint)
        }
    }
}

/// `offset` within `text` and on a character's first byte, so the text can be cut there
/// whatever mark the parser gave.
fn char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The byte offset where the line holding `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |newline| newline + 1)
}

/// The line holding `at`, without its line break.
fn line_of(text: &str, at: usize) -> &str {
    let rest = &text[line_start(text, at)..];
    rest[..rest.find('\n').unwrap_or(rest.len())].trim_end_matches('\r')
}

/// What the parser was reading, in the spec author's words: libyaml's `a block collection`
/// is a list, `a flow mapping` the `{...}` written on one line.
fn noun(what: &str) -> &str {
    match what {
        "a block mapping" => "mapping",
        "a block collection" => "list",
        "a flow mapping" => "`{...}` mapping",
        "a flow sequence" => "`[...]` list",
        "a quoted scalar" => "quoted text",
        "a plain scalar" => "unquoted text",
        "a block scalar" => "block of text",
        "a simple key" => "key",
        other => other
            .strip_prefix("a ")
            .or_else(|| other.strip_prefix("an "))
            .unwrap_or(other),
    }
}

/// The hint for a `: ` where YAML cannot start a key: inside unquoted text after a key on the
/// same line (quote the text), or after a key indented deeper than the line above it, which
/// YAML then reads as that line's text running on.
fn colon_hint(line: &str, column: usize) -> String {
    let content = line.trim_start().trim_start_matches("- ").trim_start();
    let before = &line[..column.min(line.len())];
    let before = before.trim_start().trim_start_matches("- ").trim_start();
    if let Some((key, value)) = content
        .split_once(": ")
        .filter(|(key, _)| key.len() < before.len())
    {
        let value = value.trim_end();
        let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
        return format!(
            "a `: ` in unquoted text starts a key: quote the text, `{key}: {quoted}`, or write it \
             on the lines under `{key}: >-`"
        );
    }
    if !before.is_empty() && !before.contains(char::is_whitespace) {
        return format!(
            "`{before}` is indented deeper than the line above it, so YAML reads it as that \
             line's text running on: line it up with the other keys of its mapping"
        );
    }
    "a `: ` in unquoted text starts a key: quote the whole text, or write it on the lines \
     under `key: >-`"
        .to_owned()
}

/// Reads `version` before anything else, so that the rest is read as that version's format,
/// and a spec of another version gets one clear message instead of a list of shape errors.
fn check_version(document: &Document<'_>, file: &str) -> Result<Format, Box<Diagnostic>> {
    let lines = document.lines();
    let error = |span: Span, id, message: String, hint: &str| {
        Box::new(at(lines, span, id, file, message, Some(hint)))
    };
    let Some(root) = document.root().filter(|root| !is_null(&root.kind)) else {
        let start = Span::new(0, 0);
        return Err(error(
            start,
            "EMPTY_SPEC",
            "the spec is empty".to_owned(),
            SKELETON_HINT,
        ));
    };
    if !matches!(root.kind, NodeKind::Mapping { .. }) {
        let message = format!("the spec must be a mapping, not {}", plain_kind(&root.kind));
        return Err(error(root.span, "WRONG_TYPE", message, SKELETON_HINT));
    }
    let path = Path::root().key("version");
    let Some(version) = document.find(&path) else {
        let message = "the spec has no `version`".to_owned();
        let hint = "add `version: 1` as the first line";
        return Err(error(root.span, "MISSING_KEY", message, hint));
    };
    let node = document.node(version.node);
    let number = match &node.kind {
        NodeKind::Scalar { value, style, tag } => integer(value, *style, tag.as_deref()),
        _ => None,
    };
    match number {
        Some(1) => Ok(Format::V1),
        Some(2) => Ok(Format::V2),
        _ => Err(error(
            version.written,
            "UNSUPPORTED_VERSION",
            format!("unsupported spec version {}", version_text(&node.kind)),
            "this errspec reads `version: 1` and `version: 2`; write one of them, or upgrade \
             errspec",
        )),
    }
}

const SKELETON_HINT: &str =
    "start from `version: 1`, `api: {name: ...}` and a `codes:` list, as in the README";

/// A shape error, in the words the spec's author needs, at the node it is about.
pub(crate) fn read_error(
    error: ShapeError,
    document: &Document<'_>,
    file: &str,
    what: &str,
) -> Diagnostic {
    let lines = document.lines();
    let ShapeError { path, kind } = error;
    let subject = match path.is_root() {
        true => what.to_owned(),
        false => path.to_string(),
    };
    let node_span = document.span(&path).unwrap_or_default();
    let (id, span, message, hint) = match kind {
        ShapeErrorKind::UnknownKey { key, allowed } => {
            let span = document.key_span(&path, &key, 0).unwrap_or(node_span);
            let hint = if key == "<<" {
                "errspec does not apply YAML merge keys (`<<`): write the keys out".to_owned()
            } else {
                format!(
                    "remove `{key}` or fix its spelling; the keys allowed here are {}",
                    one_of(allowed)
                )
            };
            let message = format!("unknown key `{key}` in {subject}");
            ("UNKNOWN_KEY", span, message, Some(hint))
        }
        ShapeErrorKind::MissingKey { key } => {
            let message = format!("{subject} has no `{key}`");
            let hint = format!("add `{key}` to {subject}");
            ("MISSING_KEY", node_span, message, Some(hint))
        }
        ShapeErrorKind::DuplicateKey { key } => {
            let span = document.key_span(&path, &key, 1).unwrap_or(node_span);
            let message = format!("`{key}` appears twice in {subject}");
            let hint = format!("keep one `{key}` and delete the other");
            ("DUPLICATE_KEY", span, message, Some(hint))
        }
        ShapeErrorKind::WrongType { expected } => {
            let found = document.find(&path).map_or("nothing".to_owned(), |found| {
                found_text(&document.node(found.node).kind)
            });
            let message = format!("{subject} must be {expected}, not {found}");
            let hint = type_hint(&expected).map(str::to_owned);
            ("WRONG_TYPE", node_span, message, hint)
        }
        ShapeErrorKind::KeyNotText => {
            let message = format!("a key in {subject} is a mapping or a list");
            let hint = "write each key as plain text".to_owned();
            ("WRONG_TYPE", node_span, message, Some(hint))
        }
    };
    Diagnostic::error(id, file, Some(lines.range(span)), message, hint)
}

/// serde's way of listing the keys allowed: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
fn one_of(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
    match quoted.as_slice() {
        [] => "none".to_owned(),
        [only] => only.clone(),
        [a, b] => format!("{a} or {b}"),
        all => format!("one of {}", all.join(", ")),
    }
}

/// How to write a value of the expected type in YAML.
fn type_hint(expected: &str) -> Option<&'static str> {
    Some(match expected {
        "a boolean" => "write `true` or `false`",
        "an integer" => "write a whole number, without quotes",
        "a string" => "write the text, in quotes if YAML reads it as something else",
        "a list" => "write one `- item` line per element",
        _ if expected.contains("mapping") => "write `key: value` lines, indented under the key",
        _ => return None,
    })
}

/// What a node is, as a message names what was found: `string "x"`, `` integer `5` ``, `null`,
/// `a mapping`, in serde's words. Scalars are described as YAML reads them (a plain `5` is a
/// number, a quoted one a string); this only words the message, `yaml::read` decides what is
/// accepted.
fn found_text(kind: &NodeKind) -> String {
    let NodeKind::Scalar { value, style, tag } = kind else {
        return plain_kind(kind).to_owned();
    };
    if tag.is_some() {
        return "a tagged value".to_owned();
    }
    if *style != ScalarStyle::Plain {
        return format!("string {value:?}");
    }
    if is_null_text(value) {
        return "null".to_owned();
    }
    if let Some(boolean) = boolean(value) {
        return format!("boolean `{boolean}`");
    }
    if let Some(number) = integer(value, *style, None) {
        return match i64::try_from(number) {
            Ok(number) => format!("integer `{number}`"),
            Err(_) => format!("integer `{number}` (too large)"),
        };
    }
    match float(value) {
        // As serde writes a float: with a decimal point, `1000.0` rather than `1000`.
        Some(float) if float.fract() == 0.0 && float.abs() < 1e16 => {
            format!("floating point `{float:.1}`")
        }
        Some(float) => format!("floating point `{float}`"),
        None => format!("string {value:?}"),
    }
}

/// `a mapping`, `a list`, or what kind of scalar a node is, for a spec that is not a mapping.
fn plain_kind(kind: &NodeKind) -> &'static str {
    match kind {
        NodeKind::Mapping { .. } => "a mapping",
        NodeKind::Sequence { .. } => "a list",
        NodeKind::Scalar { value, style, .. } if *style == ScalarStyle::Plain => {
            if is_null_text(value) {
                "null"
            } else if boolean(value).is_some() {
                "a boolean"
            } else if integer(value, *style, None).is_some() || float(value).is_some() {
                "a number"
            } else {
                "a string"
            }
        }
        NodeKind::Scalar { .. } => "a string",
        NodeKind::Alias { .. } => "an alias",
    }
}

/// The version as the message quotes it: a number as written, text in quotes.
fn version_text(kind: &NodeKind) -> String {
    match kind {
        NodeKind::Scalar {
            value,
            style,
            tag: None,
        } if *style == ScalarStyle::Plain
            && (integer(value, *style, None).is_some() || float(value).is_some()) =>
        {
            value.clone()
        }
        NodeKind::Scalar { value, .. } if !is_null_text(value) => format!("{value:?}"),
        other => plain_kind(other).to_owned(),
    }
}

fn is_null(kind: &NodeKind) -> bool {
    matches!(kind, NodeKind::Scalar { value, style: ScalarStyle::Plain, tag: None } if is_null_text(value))
}

/// The plain scalars YAML reads as null (serde_yaml's set).
fn is_null_text(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// The plain scalars YAML reads as booleans (serde_yaml's set).
fn boolean(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// A plain scalar read as an integer as serde_yaml reads one: decimal with an optional sign,
/// or `0x`, `0o`, `0b`; a decimal with a leading zero is text. `!!int` tags count as plain.
fn integer(text: &str, style: ScalarStyle, tag: Option<&str>) -> Option<i128> {
    let tagged_int = matches!(tag, Some("tag:yaml.org,2002:int"));
    if !tagged_int && (style != ScalarStyle::Plain || tag.is_some()) {
        return None;
    }
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) = [("0x", 16), ("0o", 8), ("0b", 2)]
        .into_iter()
        .find_map(|(prefix, radix)| Some((radix, digits.strip_prefix(prefix)?)))
        .unwrap_or((10, digits));
    let leading_zero = radix == 10 && digits.len() > 1 && digits.starts_with('0');
    if digits.starts_with(['+', '-']) || leading_zero {
        return None;
    }
    let magnitude = i128::from_str_radix(digits, radix).ok()?;
    Some(if negative { -magnitude } else { magnitude })
}

/// A plain scalar read as a float, as serde_yaml reads one.
fn float(text: &str) -> Option<f64> {
    match text.trim_start_matches('+') {
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let leading_zero = unsigned.len() > 1
        && unsigned.starts_with('0')
        && unsigned[1..].bytes().all(|b| b.is_ascii_digit());
    if leading_zero || unsigned.starts_with(['+', '-']) {
        return None;
    }
    text.parse::<f64>().ok().filter(|float| float.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(value: &str) -> NodeKind {
        NodeKind::Scalar {
            value: value.to_owned(),
            style: ScalarStyle::Plain,
            tag: None,
        }
    }

    #[test]
    fn found_values_are_described_as_serde_describes_them() {
        assert_eq!(found_text(&scalar("sometimes")), "string \"sometimes\"");
        assert_eq!(found_text(&scalar("5")), "integer `5`");
        assert_eq!(found_text(&scalar("0x10")), "integer `16`");
        assert_eq!(found_text(&scalar("007")), "string \"007\"");
        assert_eq!(found_text(&scalar("1.5")), "floating point `1.5`");
        assert_eq!(found_text(&scalar("True")), "boolean `true`");
        assert_eq!(found_text(&scalar("~")), "null");
        let quoted = NodeKind::Scalar {
            value: "5".to_owned(),
            style: ScalarStyle::DoubleQuoted,
            tag: None,
        };
        assert_eq!(found_text(&quoted), "string \"5\"");
    }

    #[test]
    fn integers_follow_serde_yaml() {
        let int = |text| integer(text, ScalarStyle::Plain, None);
        assert_eq!(int("1"), Some(1));
        assert_eq!(int("+1"), Some(1));
        assert_eq!(int("-0x10"), Some(-16));
        assert_eq!(int("0o17"), Some(15));
        assert_eq!(int("01"), None);
        assert_eq!(int("1.0"), None);
        assert_eq!(int("--1"), None);
    }

    #[test]
    fn keys_are_listed_as_serde_lists_them() {
        assert_eq!(one_of(&["a"]), "`a`");
        assert_eq!(one_of(&["a", "b"]), "`a` or `b`");
        assert_eq!(one_of(&["a", "b", "c"]), "one of `a`, `b`, `c`");
    }
}
