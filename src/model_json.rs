//! The validated model as JSON (`errspec model`): the extension point for a language errspec
//! does not generate. It says everything the targets are rendered from, with each code's and
//! each parameter's identifier in every target's convention, so another renderer needs no
//! case conversion or keyword list of its own.
//!
//! The JSON is written here by hand, keys in a fixed order, so that the same spec gives the
//! same bytes everywhere and a build script compiles no JSON crate for it. Its shape is
//! `model.schema.json` (`errspec schema --model`), at `model_version` 1: fields may be added
//! within a version; removing or renaming one, or changing what one means, takes a new
//! version and is a breaking change of errspec itself.

use heck::{ToKebabCase, ToLowerCamelCase, ToShoutySnakeCase, ToSnakeCase};

use crate::error::Error;
use crate::model::{Code, Format, Param, Part, Spec};
use crate::pipeline::{Options, check};

/// The version of the model's JSON shape.
pub const MODEL_VERSION: u32 = 1;

/// The validated model of a spec as pretty-printed JSON ending in a newline, or every
/// problem of an invalid spec (warnings do not stop it unless
/// [`Options::deny_warnings`] is set).
///
/// ```
/// let spec = "version: 2\napi:\n  name: Payments\ncodes:\n  - code: card_declined\n    status: 402\n    title: Card declined\n    description: Declined.\n";
/// let json = errspec::model_json(spec, &errspec::Options::new("errors.yaml"))?;
/// assert!(json.starts_with("{\n  \"model_version\": 1,\n"));
/// assert!(json.contains("\"screaming_snake_case\": \"CARD_DECLINED\""));
/// # Ok::<(), errspec::Error>(())
/// ```
pub fn model_json(source: &str, options: &Options) -> Result<String, Error> {
    let (spec, _warnings) = check(source, options).map_err(Error::InvalidSpec)?;
    Ok(to_json(&spec))
}

/// The JSON Schema (draft 2020-12) of [`model_json`]'s output, ending in a newline.
pub fn model_schema() -> String {
    include_str!("model.schema.json").to_owned()
}

/// A JSON value, built from the model and then printed.
enum Json {
    Null,
    Bool(bool),
    Number(u64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

impl Json {
    fn string(text: &str) -> Self {
        Json::String(text.to_owned())
    }

    fn optional(text: Option<&str>) -> Self {
        text.map_or(Json::Null, Json::string)
    }
}

/// The model as JSON, pretty-printed, ending in a newline.
pub(crate) fn to_json(spec: &Spec) -> String {
    let format = match spec.format {
        Format::V1 => 1,
        Format::V2 => 2,
    };
    let api = &spec.api;
    let example = api.example.as_ref().map_or(Json::Null, |example| {
        Json::Object(vec![
            ("status", Json::Number(example.status.into())),
            ("message", Json::string(&example.message)),
        ])
    });
    let root = Json::Object(vec![
        ("model_version", Json::Number(MODEL_VERSION.into())),
        ("format", Json::Number(format)),
        (
            "api",
            Json::Object(vec![
                ("name", Json::string(&api.name)),
                ("error_name", Json::string(&api.error_name)),
                ("envelope", Json::string(api.envelope.as_str())),
                ("example", example),
            ]),
        ),
        ("codes", Json::Array(spec.codes.iter().map(code).collect())),
        (
            "reserved",
            Json::Array(
                spec.reserved
                    .iter()
                    .map(|r| Json::string(&r.code))
                    .collect(),
            ),
        ),
    ]);
    let mut out = String::new();
    write(&root, 0, &mut out);
    out.push('\n');
    out
}

fn code(code: &Code) -> Json {
    let idents = &code.idents;
    let camel = &idents.typescript;
    let message = code.message.as_ref();
    Json::Object(vec![
        ("code", Json::optional(code.code.as_deref())),
        ("status", Json::Number(code.status.into())),
        ("title", Json::string(&code.title)),
        ("description", Json::string(&code.description)),
        ("retryable", Json::Bool(code.retryable)),
        ("docs_url", Json::optional(code.docs_url.as_deref())),
        (
            "identifiers",
            Json::Object(vec![
                ("rust", Json::string(&idents.rust)),
                ("rust_constructor", Json::string(&idents.rust_constructor)),
                ("typescript", Json::string(&idents.typescript)),
                ("openapi", Json::string(&idents.openapi)),
                ("python", Json::string(&idents.python)),
                (
                    "python_constructor",
                    Json::string(&idents.python_constructor),
                ),
                ("pascal_case", Json::string(camel)),
                ("camel_case", Json::String(camel.to_lower_camel_case())),
                ("snake_case", Json::String(camel.to_snake_case())),
                (
                    "screaming_snake_case",
                    Json::String(camel.to_shouty_snake_case()),
                ),
                ("kebab_case", Json::String(camel.to_kebab_case())),
            ]),
        ),
        (
            "message_template",
            Json::optional(message.map(|m| m.text.as_str())),
        ),
        (
            "message_parts",
            message.map_or(Json::Null, |m| {
                Json::Array(m.parts.iter().map(part).collect())
            }),
        ),
        (
            "params",
            Json::Array(code.params.iter().map(param).collect()),
        ),
        ("deprecated", Json::optional(code.deprecated.as_deref())),
        ("replaced_by", Json::optional(code.replaced_by.as_deref())),
    ])
}

fn part(part: &Part) -> Json {
    match part {
        Part::Text(text) => Json::Object(vec![("text", Json::string(text))]),
        Part::Param(name) => Json::Object(vec![("param", Json::string(name))]),
    }
}

fn param(param: &Param) -> Json {
    Json::Object(vec![
        ("name", Json::string(&param.name)),
        ("type", Json::string(param.kind.as_str())),
        ("description", Json::string(&param.description)),
        ("optional", Json::Bool(param.optional)),
        (
            "identifiers",
            Json::Object(vec![
                ("rust", Json::string(&param.idents.rust)),
                ("python", Json::string(&param.idents.python)),
                ("snake_case", Json::String(param.name.to_snake_case())),
                ("camel_case", Json::String(param.name.to_lower_camel_case())),
            ]),
        ),
    ])
}

/// Prints `value` as JSON indented by two spaces a level, as `JSON.stringify(v, null, 2)` and
/// serde_json's pretty printer do.
fn write(value: &Json, depth: usize, out: &mut String) {
    let indent = |depth: usize| "  ".repeat(depth);
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&n.to_string()),
        Json::String(s) => write_string(s, out),
        Json::Array(items) if items.is_empty() => out.push_str("[]"),
        Json::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&indent(depth + 1));
                write(item, depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&indent(depth));
            out.push(']');
        }
        Json::Object(entries) => {
            out.push_str("{\n");
            for (i, (key, item)) in entries.iter().enumerate() {
                out.push_str(&indent(depth + 1));
                write_string(key, out);
                out.push_str(": ");
                write(item, depth + 1, out);
                out.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
            }
            out.push_str(&indent(depth));
            out.push('}');
        }
    }
}

/// A JSON string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX`
/// escapes, and U+2028 and U+2029 escaped too, so the text can be pasted into JavaScript.
fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_json_requires() {
        let mut out = String::new();
        write_string("a\"b\\c\nd\u{1}e\u{2028}é😀\u{7f}", &mut out);
        assert_eq!(out, r#""a\"b\\c\nd\u0001e\u2028é😀\u007f""#);
    }
}
