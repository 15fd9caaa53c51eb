//! The JSON Schema (draft 2020-12) of the spec format, derived from the types in `spec` so
//! that it says what the parser reads; the tests hold each key's limits to `validate`. Editors use it to complete and
//! check a spec as it is written (`# yaml-language-server: $schema=errspec.schema.json`).
//!
//! The schema covers shape: types, required and unknown keys, ranges, empty strings and lint
//! ids. What needs the whole spec (unique statuses, identifiers that collide, the example's
//! status being one of the codes) is left to `errspec validate`.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::lint::LINTS;
use crate::model::ParamKind;
use crate::spec::{RawParam, RawSpec, RawSpecV1, RawSpecV2};
use crate::yaml::read::Entries;

/// The JSON Schema of the spec format, versions 1 and 2, as pretty-printed JSON ending in a
/// newline.
///
/// It is derived from the types the parser reads, and agrees with `errspec validate` on each
/// key (whether it is required, its default, its limits) but in three ways: a bare number,
/// boolean or null where text is expected is that text to errspec and a wrong type to the
/// schema; the schema, which judges JSON, cannot tell `404.0` from `404`, which errspec
/// refuses; and it leaves a documentation URL's host and placeholders to errspec.
/// `errspec schema` prints it.
///
/// ```
/// let schema = errspec::spec_schema();
/// assert!(schema.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
/// ```
pub fn spec_schema() -> String {
    let schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<RawSpec>();
    let mut value = schema.to_value();
    tidy(&mut value);
    let mut text =
        serde_json::to_string_pretty(&value).expect("a JSON value always serializes to text");
    text.push('\n');
    text
}

/// A spec is one format or the other, told apart by `version`, which each format's schema
/// fixes (`const`), so editors complete the keys of the version a spec declares.
impl JsonSchema for RawSpec {
    fn schema_name() -> Cow<'static, str> {
        "Spec".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "title": "errspec spec",
            "description": "The error codes of one HTTP API, from which errspec generates code and docs. `version: 1` keys each code by its HTTP status; `version: 2` by an application code sent in `error.code`, several of which may share a status.",
            "oneOf": [
                generator.subschema_for::<RawSpecV1>(),
                generator.subschema_for::<RawSpecV2>(),
            ],
        })
    }
}

/// The schema of a code's `allow:` list: the ids of the lints, so editors complete them.
pub(crate) fn allow_list(_: &mut SchemaGenerator) -> Schema {
    let ids: Vec<&str> = LINTS.iter().map(|lint| lint.id).collect();
    let summaries: Vec<String> = LINTS
        .iter()
        .map(|lint| format!("{}: {}", lint.id, lint.summary))
        .collect();
    json_schema!({
        "type": "array",
        "default": [],
        "items": {
            "type": "string",
            "enum": ids,
            "description": summaries.join("\n"),
        },
    })
}

/// The schema of a code's `reserved:` list: unique wire codes.
pub(crate) fn reserved_list(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "default": [],
        "uniqueItems": true,
        "items": {
            "type": "string",
            "pattern": CODE_PATTERN,
        },
    })
}

/// A code's `params:`: a mapping from each parameter's name on the wire to its type and
/// description, in the order written.
impl JsonSchema for Entries<RawParam> {
    fn schema_name() -> Cow<'static, str> {
        "Params".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "propertyNames": {
                "pattern": PARAM_NAME_PATTERN,
            },
            "additionalProperties": generator.subschema_for::<RawParam>(),
        })
    }
}

/// The schema of a parameter's `type:`.
pub(crate) fn param_type(_: &mut SchemaGenerator) -> Schema {
    let kinds: Vec<&str> = ParamKind::ALL.iter().map(|kind| kind.as_str()).collect();
    json_schema!({
        "type": "string",
        "enum": kinds,
    })
}

/// A wire code, as `validate` checks it.
const CODE_PATTERN: &str = r"^[A-Za-z][A-Za-z0-9_.\-]{0,63}$";

/// A parameter's name, as `validate` checks it.
const PARAM_NAME_PATTERN: &str = r"^[A-Za-z][A-Za-z0-9_]{0,63}$";

/// Makes the derived schema read well and print the same everywhere: doc comments are
/// wrapped at 100 columns in the source, so single line breaks in descriptions become spaces;
/// and object keys are sorted, whatever serde_json's `preserve_order` feature says.
pub(crate) fn tidy(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(description)) = map.get_mut("description") {
                *description = unwrap_lines(description);
            }
            map.values_mut().for_each(tidy);
            map.sort_keys();
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

/// Joins lines wrapped within a paragraph; keeps paragraph breaks, and lines that start a list
/// entry (`ID: ...`), as they are.
fn unwrap_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            let starts_entry = line.split_once(": ").is_some_and(|(id, _)| {
                !id.is_empty() && id.chars().all(|c| c.is_ascii_uppercase() || c == '_')
            });
            let paragraph = line.is_empty() || out.ends_with('\n');
            out.push(if starts_entry || paragraph { '\n' } else { ' ' });
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_are_joined_but_paragraphs_and_entries_kept() {
        assert_eq!(unwrap_lines("one\ntwo\n\nthree"), "one two\n\nthree");
        assert_eq!(unwrap_lines("A_B: x\nC: y"), "A_B: x\nC: y");
    }
}
