//! YAML text -> the serde copy of the spec, or the diagnostic that stops it.
//!
//! Syntax and shape errors (wrong types, missing, unknown or repeated keys) stop at the first,
//! as serde does; everything after that is `validate`'s job and reported all at once.

use serde_yaml::Value;

use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::locate::{NodePath, locate};
use crate::spec::RawSpec;

/// The spec format version this errspec reads.
pub(crate) const FORMAT_VERSION: u64 = 1;

/// Parses `source` (the text of the spec file named `file`).
pub(crate) fn parse(source: &str, file: &str) -> Result<RawSpec, Diagnostic> {
    if let Some(at) = too_deep(source) {
        let message = format!("the spec nests `[` and `{{` more than {MAX_FLOW_DEPTH} deep");
        let hint = "flatten the nesting; a spec needs only four levels";
        return Err(diagnostic(
            "TOO_COMPLEX",
            file,
            Some(at),
            message,
            Some(hint),
        ));
    }
    let document: Value = serde_yaml::from_str(source).map_err(|e| from_serde(&e, source, file))?;
    check_version(&document, source, file)?;
    serde_yaml::from_str(source).map_err(|e| from_serde(&e, source, file))
}

/// The deepest nesting of flow collections (`[...]`, `{...}`) a spec may have. The YAML parser
/// takes time quadratic in this depth (100 000 levels took 38 s), so deeper text is refused
/// before it is parsed; the parser itself stops at 128 levels, but only after reading them all.
const MAX_FLOW_DEPTH: usize = 64;

/// Where flow nesting first exceeds [`MAX_FLOW_DEPTH`], if it does. A quick scan that skips
/// quoted scalars and comments; being approximate elsewhere can only miss a deep file, which
/// the parser then still refuses, never refuse a reasonable one.
fn too_deep(source: &str) -> Option<Location> {
    let (mut depth, mut line, mut column) = (0usize, 1, 0);
    let (mut quote, mut comment, mut previous) = (None, false, '\n');
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        column += 1;
        if c == '\n' {
            (line, column, comment) = (line + 1, 0, false);
        } else if comment {
            // Brackets in comments do not nest.
        } else if let Some(open) = quote {
            if c == '\\' && open == '"' {
                chars.next();
                column += 1;
            } else if c == open {
                quote = None;
            }
        } else if matches!(c, '"' | '\'') && matches!(previous, ' ' | '\t' | '\n' | '[' | '{' | ',')
        {
            quote = Some(c);
        } else if c == '#' && previous.is_whitespace() {
            comment = true;
        } else if matches!(c, '[' | '{') {
            depth += 1;
            if depth > MAX_FLOW_DEPTH {
                return Some(Location { line, column });
            }
        } else if matches!(c, ']' | '}') {
            depth = depth.saturating_sub(1);
        }
        previous = c;
    }
    None
}

/// Reads `version` before anything else, so that a spec of another version gets one clear
/// message instead of a list of shape errors.
fn check_version(document: &Value, source: &str, file: &str) -> Result<(), Diagnostic> {
    let at = |path: &NodePath| locate(source, path).or(Some(Location { line: 1, column: 1 }));
    let Value::Mapping(top) = document else {
        let (id, message, location) = if document.is_null() {
            let start = Location { line: 1, column: 1 };
            ("EMPTY_SPEC", "the spec is empty".to_owned(), Some(start))
        } else {
            let message = format!("the spec must be a mapping, not {}", kind(document));
            ("WRONG_TYPE", message, at(&NodePath::root()))
        };
        return Err(diagnostic(id, file, location, message, Some(SKELETON_HINT)));
    };
    let path = NodePath::root().key("version");
    match top.get("version") {
        None => Err(diagnostic(
            "MISSING_KEY",
            file,
            at(&NodePath::root()),
            "the spec has no `version`".to_owned(),
            Some("add `version: 1` as the first line"),
        )),
        Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => Ok(()),
        Some(other) => Err(diagnostic(
            "UNSUPPORTED_VERSION",
            file,
            at(&path),
            format!("unsupported spec version {}", render_scalar(other)),
            Some("this errspec reads `version: 1`; write that, or upgrade errspec"),
        )),
    }
}

const SKELETON_HINT: &str =
    "start from `version: 1`, `api: {name: ...}` and a `codes:` list, as in the README";

/// Turns a serde_yaml error into a diagnostic with an id, a message in our words, and a hint.
fn from_serde(error: &serde_yaml::Error, source: &str, file: &str) -> Diagnostic {
    let location = error.location().map(|at| Location {
        line: at.line(),
        column: at.column(),
    });
    let text = strip_location(&error.to_string(), location);
    let (text, location) = match reader_position(&text, source) {
        Some((message, at)) => (message, Some(at)),
        None => (text, location),
    };
    let (path, detail) = split_path(&text);
    let subject = if path.is_empty() { "the spec" } else { path };
    let described = describe(subject, detail);
    let location = refine_location(&described, path, source)
        .or(location)
        .or_else(|| document_marker(source))
        .or_else(|| first_alias(source));
    diagnostic(
        described.id,
        file,
        location,
        described.message,
        described.hint.as_deref(),
    )
}

/// What a serde_yaml message means, in the words the user needs.
struct Described {
    id: &'static str,
    message: String,
    hint: Option<String>,
    /// For a repeated key: the key, so its second occurrence can be located.
    repeated_key: Option<String>,
}

fn describe(subject: &str, detail: &str) -> Described {
    let plain = |id, message: String, hint: Option<String>| Described {
        id,
        message,
        hint,
        repeated_key: None,
    };
    if let Some(rest) = detail.strip_prefix("unknown field ") {
        let (key, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let hint =
            format!("remove {key} or fix its spelling; the keys allowed here are {expected}");
        return plain(
            "UNKNOWN_KEY",
            format!("unknown key {key} in {subject}"),
            Some(hint),
        );
    }
    if let Some(key) = detail.strip_prefix("missing field ") {
        let hint = format!("add {key} to {subject}");
        return plain("MISSING_KEY", format!("{subject} has no {key}"), Some(hint));
    }
    let repeated = detail
        .strip_prefix("duplicate field ")
        .map(|key| key.trim_matches('`').to_owned())
        .or_else(|| {
            let key = detail.strip_prefix("duplicate entry with key ")?;
            Some(key.trim_matches('"').to_owned())
        });
    if let Some(key) = repeated {
        return Described {
            id: "DUPLICATE_KEY",
            message: format!("`{key}` appears twice in {subject}"),
            hint: Some(format!("keep one `{key}` and delete the other")),
            repeated_key: Some(key),
        };
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let expected = plain_type(expected);
        let message = format!("{subject} must be {expected}, not {}", plain_type(found));
        return plain("WRONG_TYPE", message, type_hint(&expected));
    }
    if detail.starts_with("recursion limit exceeded") {
        let hint = "flatten the nesting; a spec needs only four levels".to_owned();
        return plain(
            "TOO_COMPLEX",
            "the spec nests too deeply".to_owned(),
            Some(hint),
        );
    }
    if detail.starts_with("repetition limit exceeded") {
        let message = "the spec's aliases expand to too many nodes".to_owned();
        let hint = "write the values out instead of repeating them through aliases".to_owned();
        return plain("TOO_COMPLEX", message, Some(hint));
    }
    let message = if subject == "the spec" {
        detail.to_owned()
    } else {
        format!("{subject}: {detail}")
    };
    plain("INVALID_YAML", message, None)
}

/// How to write a value of the expected type in YAML.
fn type_hint(expected: &str) -> Option<String> {
    let hint = match expected {
        "a boolean" => "write `true` or `false`",
        "an integer" => "write a whole number, without quotes",
        "a string" => "write the text, in quotes if YAML reads it as something else",
        "a list" => "write one `- item` line per element",
        _ if expected.contains("mapping") => "write `key: value` lines, indented under the key",
        _ => return None,
    };
    Some(hint.to_owned())
}

/// serde's type words, as a YAML author says them.
fn plain_type(serde_words: &str) -> String {
    match serde_words {
        "i64" | "u64" | "u32" | "u16" => "an integer".to_owned(),
        "a sequence" | "sequence" => "a list".to_owned(),
        "unit value" => "null".to_owned(),
        "map" => "a mapping".to_owned(),
        other if other.contains(" as u128") => other.replace(" as u128", " (too large)"),
        other => other.to_owned(),
    }
}

/// A repeated key is located at its second occurrence; serde_yaml names the mapping instead.
fn refine_location(described: &Described, path: &str, source: &str) -> Option<Location> {
    let key = described.repeated_key.as_deref()?;
    let parent = parse_path(path)?;
    let key: &'static str = leak_known_key(key)?;
    locate(source, &parent.key(key).the_key_occurrence(1))
}

fn leak_known_key(key: &str) -> Option<&'static str> {
    crate::spec::static_key(key)
}

/// Reads serde_yaml's path notation (`codes[3].api`) back into a `NodePath`.
fn parse_path(path: &str) -> Option<NodePath> {
    let mut node = NodePath::root();
    for part in path.split('.').filter(|part| !part.is_empty()) {
        let (key, indexes) = part.split_once('[').map_or((part, ""), |(k, i)| (k, i));
        node = node.key(leak_known_key(key)?);
        for index in indexes.split('[') {
            if let Some(number) = index.strip_suffix(']') {
                node = node.index(number.parse().ok()?);
            }
        }
    }
    Some(node)
}

/// serde_yaml's messages end in ` at line L column C`; diagnostics carry that separately.
fn strip_location(text: &str, location: Option<Location>) -> String {
    let Some(at) = location else {
        return text.to_owned();
    };
    let suffix = format!(" at line {} column {}", at.line, at.column);
    match text.find(&suffix) {
        Some(i) => format!("{}{}", &text[..i], &text[i + suffix.len()..]),
        None => text.to_owned(),
    }
}

/// Splits `codes[0].title: invalid type: ...` into the path and the rest.
fn split_path(text: &str) -> (&str, &str) {
    match text.split_once(": ") {
        Some((path, rest)) if looks_like_path(path) => (path, rest),
        _ => ("", text),
    }
}

fn looks_like_path(candidate: &str) -> bool {
    !candidate.is_empty()
        && candidate
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']'))
        && parse_path(candidate).is_some()
}

/// The YAML reader reports bad characters as `... at position N` (a byte offset) and leaves
/// the location at the start of the file; this turns the offset into a line and column.
fn reader_position(text: &str, source: &str) -> Option<(String, Location)> {
    let (message, offset) = text.rsplit_once(" at position ")?;
    let offset: usize = offset.parse().ok()?;
    let before = source.get(..offset)?;
    let location = crate::pipeline::location_after(before);
    Some((message.to_owned(), location))
}

/// An alias bomb has no position in serde_yaml's error; point at the first alias (`*name`).
fn first_alias(source: &str) -> Option<Location> {
    source.lines().enumerate().find_map(|(index, line)| {
        let column = line
            .char_indices()
            .find(|&(i, c)| c == '*' && (i == 0 || line[..i].ends_with([' ', '[', ',', '{'])))
            .map(|(i, _)| line[..i].chars().count() + 1)?;
        Some(Location {
            line: index + 1,
            column,
        })
    })
}

/// A second document (`---`) has no position in serde_yaml's error; find its marker.
fn document_marker(source: &str) -> Option<Location> {
    let mut seen_content = false;
    for (index, line) in source.lines().enumerate() {
        let is_marker = line == "---" || line.starts_with("--- ");
        if is_marker && seen_content {
            return Some(Location {
                line: index + 1,
                column: 1,
            });
        }
        let trimmed = line.trim_start();
        seen_content |= !(trimmed.is_empty() || trimmed.starts_with('#') || is_marker);
    }
    None
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

fn render_scalar(value: &Value) -> String {
    match value {
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("{s:?}"),
        other => kind(other).to_owned(),
    }
}

fn diagnostic(
    id: &'static str,
    file: &str,
    location: Option<Location>,
    message: String,
    hint: Option<&str>,
) -> Diagnostic {
    Diagnostic {
        id,
        severity: Severity::Error,
        file: file.to_owned(),
        location,
        message,
        hint: hint.map(str::to_owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_nesting_is_found_where_it_passes_the_limit() {
        let deep = format!("a: {}", "[".repeat(MAX_FLOW_DEPTH + 1));
        let at = too_deep(&deep).unwrap();
        assert_eq!((at.line, at.column), (1, 4 + MAX_FLOW_DEPTH));
        assert_eq!(
            too_deep(&format!("a: {}", "[".repeat(MAX_FLOW_DEPTH))),
            None
        );
    }

    #[test]
    fn brackets_in_quotes_and_comments_do_not_count() {
        let brackets = "[".repeat(MAX_FLOW_DEPTH + 1);
        assert_eq!(
            too_deep(&format!(
                "a: \"{brackets}\"\nb: '{brackets}'\n# {brackets}\n"
            )),
            None
        );
        assert_eq!(
            too_deep(&format!("a: \"\\\"{brackets}\"\nc: it's {{x}}\n")),
            None
        );
    }
}
