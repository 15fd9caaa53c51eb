//! The example body of a code: a value for each of its parameters, and the message its
//! template makes of them. The OpenAPI fragment's examples and the Markdown page's example body
//! both show it, so the two agree.
//!
//! The values are fixed by type, so the same spec always gives the same examples: `1` for an
//! integer, `1.5` for a number, `true` for a boolean. A string is the value its description
//! gives after "e.g." or "for example", in backticks or double quotes (`'The window, e.g.
//! "hour".'` gives `hour`); else a timestamp when the description says RFC 3339; else the
//! parameter's name in angle brackets (`<window>`).

use crate::model::{Code, Param, ParamKind, Part};

/// The timestamp a string parameter described as RFC 3339 gets.
const DATE_TIME: &str = "2026-01-01T00:00:00Z";

/// The example value of one parameter.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::render) enum ExampleValue {
    /// A JSON string.
    String(String),
    /// The integer `1`.
    Integer,
    /// The number `1.5`.
    Number,
    /// `true`.
    Boolean,
}

impl ExampleValue {
    /// The example value of a parameter of `param`'s type.
    fn of(param: &Param) -> Self {
        match param.kind {
            ParamKind::String => ExampleValue::String(string_example(param)),
            ParamKind::Integer => ExampleValue::Integer,
            ParamKind::Number => ExampleValue::Number,
            ParamKind::Boolean => ExampleValue::Boolean,
        }
    }

    /// The value as a message writes it: a string as it is, the others as JSON (and
    /// JavaScript's `String(n)`) write them.
    pub(in crate::render) fn text(&self) -> &str {
        match self {
            ExampleValue::String(text) => text,
            ExampleValue::Integer => "1",
            ExampleValue::Number => "1.5",
            ExampleValue::Boolean => "true",
        }
    }
}

/// One parameter of an example body.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::render) struct ExampleParam<'a> {
    /// The wire name.
    pub name: &'a str,
    pub value: ExampleValue,
}

/// A value for every parameter of `code`, optional ones included, in spec order: an example
/// shows every member a body of the code may have.
pub(in crate::render) fn example_params(code: &Code) -> Vec<ExampleParam<'_>> {
    code.params
        .iter()
        .map(|param| ExampleParam {
            name: &param.name,
            value: ExampleValue::of(param),
        })
        .collect()
}

/// The message of the example body: the code's template with the example values, or its
/// title when the server writes the message (many servers send the title by default).
pub(in crate::render) fn example_message(code: &Code, params: &[ExampleParam<'_>]) -> String {
    let Some(template) = &code.message else {
        return code.title.clone();
    };
    template
        .parts
        .iter()
        .map(|part| match part {
            Part::Text(text) => text.as_str(),
            Part::Param(name) => params
                .iter()
                .find(|param| param.name == name)
                .map(|param| param.value.text())
                .expect("validation allows only the code's own parameters in its template"),
        })
        .collect()
}

/// A string parameter's example: from its description, or its name.
fn string_example(param: &Param) -> String {
    let description = &param.description;
    given_example(description)
        .or_else(|| {
            (description.contains("RFC 3339") || description.contains("RFC3339"))
                .then(|| DATE_TIME.to_owned())
        })
        .unwrap_or_else(|| format!("<{}>", param.name))
}

/// The first value `description` gives as an example: what follows "e.g." or "for example"
/// (either case, then an optional `,` or `:`), between backticks, double quotes or curly
/// double quotes, on one line and not empty.
fn given_example(description: &str) -> Option<String> {
    // ASCII lower case keeps every byte where it was, so positions carry over.
    let lower = description.to_ascii_lowercase();
    let mut markers: Vec<(usize, usize)> = ["e.g.", "for example"]
        .iter()
        .flat_map(|marker| {
            lower
                .match_indices(marker)
                .map(|(at, found)| (at, at + found.len()))
        })
        .collect();
    markers.sort_unstable();
    markers.into_iter().find_map(|(_, end)| {
        let rest = description[end..]
            .trim_start_matches([',', ':'])
            .trim_start();
        quoted_value(rest)
    })
}

/// The text between the quote `text` starts with and its closing quote.
fn quoted_value(text: &str) -> Option<String> {
    let open = text.chars().next()?;
    let close = match open {
        '`' | '"' => open,
        '\u{201C}' => '\u{201D}',
        _ => return None,
    };
    let inner = &text[open.len_utf8()..];
    let value = &inner[..inner.find(close)?];
    let one_line = !value.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']);
    (!value.is_empty() && one_line).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_come_from_the_description_where_it_gives_one() {
        assert_eq!(
            given_example("The window, e.g. \"hour\"."),
            Some("hour".to_owned())
        );
        assert_eq!(
            given_example("The parameter at fault, e.g. `amount`."),
            Some("amount".to_owned())
        );
        assert_eq!(
            given_example("A code. For example: `a` or `b`."),
            Some("a".to_owned())
        );
        assert_eq!(
            given_example("Curly, E.g., \u{201C}EUR\u{201D}."),
            Some("EUR".to_owned())
        );
        assert_eq!(given_example("e.g. hour, unquoted"), None);
        assert_eq!(given_example("e.g. `` then e.g. `x`"), Some("x".to_owned()));
        assert_eq!(given_example("e.g. \"a\nb\""), None);
        assert_eq!(given_example("e.g. \"unclosed"), None);
        assert_eq!(given_example("Größe, e.g. `ü`"), Some("ü".to_owned()));
        assert_eq!(given_example("no example at all"), None);
    }

    #[test]
    fn quoted_values_need_both_quotes() {
        assert_eq!(quoted_value("`x` rest"), Some("x".to_owned()));
        assert_eq!(quoted_value("\"x\" rest"), Some("x".to_owned()));
        assert_eq!(quoted_value("'x'"), None);
        assert_eq!(quoted_value(""), None);
    }
}
