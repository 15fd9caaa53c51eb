//! The schemas of a catalog: a spec whose codes have parameters, message templates or
//! deprecations. Each code has a schema of its own, `{Ident}Detail` (`QuotaExceededDetail`),
//! that pins its `code` and `status` and describes its `params`; a status's body is the
//! `oneOf` of its codes' schemas, with a `discriminator` on `code` whose `mapping` names each
//! code's schema, so that client generators make one type per code and tell them apart by
//! `code` (openapi-typescript's union, openapi-generator's `oneOf` models).
//!
//! The schemas stay open, as the rest of the fragment is: `params` has no
//! `additionalProperties`, so a newer server that adds a parameter breaks no client, and a
//! code that declares no parameters leaves `params` undescribed, so a newer server may send
//! some. Integers are `int64` and numbers `double`, the Rust target's `i64` and `f64`: a
//! generator would otherwise pick a 32-bit integer (openapi-generator's Java) or a decimal.

use super::{RETRYABLE_SENTENCE, one_line, yaml_key, yaml_string};
use crate::model::{Code, Envelope, ParamKind, Part, Spec};
use crate::render::markdown::code_span;

/// The schema of every error's `error`, whose name a code's own schema cannot take.
const GENERIC_DETAIL: &str = "ErrorDetail";

/// Whether the spec uses what only a catalog's layout shows: a code with parameters, a
/// message template, a deprecation or a replacement. A spec without them keeps the layout it
/// had before catalogs, byte for byte.
pub(super) fn is_catalog(spec: &Spec) -> bool {
    spec.uses_params() || spec.uses_lifecycle()
}

/// `ErrorDetail.code`'s description when the spec reserves codes: the fixed description, and
/// the reserved codes, so that a reader who meets one in an old log learns what it was. The
/// schema does not refuse them: `ErrorDetail` accepts any code.
pub(super) fn reserved_description(spec: &Spec) -> Option<String> {
    if spec.reserved.is_empty() {
        return None;
    }
    let codes: Vec<String> = spec
        .reserved
        .iter()
        .map(|reserved| format!("`{}`", reserved.code))
        .collect();
    Some(format!(
        "The error's code, which tells errors with the same status apart. A newer version of \
         the API may add codes, so clients should accept a code they do not know as an error \
         of its status. These codes are retired for good, and no version of the API sends \
         them again: {}.",
        codes.join(", ")
    ))
}

/// The name of `code`'s schema: its identifier and `Detail`. Identifiers are distinct, and
/// the other schemas end in `Body`, so the one name to avoid is `ErrorDetail`: a code whose
/// identifier is `Error` gets `ErrorCodeDetail` (or `ErrorCodeCodeDetail`, and so on, should
/// another code have that name).
pub(super) fn schema_name(spec: &Spec, code: &Code) -> String {
    let name = |ident: &str| format!("{ident}Detail");
    let mut ident = code.idents.openapi.clone();
    if name(&ident) != GENERIC_DETAIL {
        return name(&ident);
    }
    loop {
        ident.push_str("Code");
        let candidate = name(&ident);
        if !spec
            .codes
            .iter()
            .any(|other| name(&other.idents.openapi) == candidate)
        {
            return candidate;
        }
    }
}

/// One code's schema, its strings quoted.
pub(super) struct CodeSchema {
    /// The key under `components.schemas`.
    pub name: String,
    /// The code as a YAML key, for the discriminator's mapping.
    pub key: String,
    /// The code, quoted.
    pub code: String,
    /// The code's identifier, as a YAML scalar, and its description on one line, quoted: the
    /// `x-enum-varnames` and `x-enum-descriptions` of its one-value `enum` in OpenAPI 3.0.
    pub ident: String,
    pub enum_description: String,
    /// The code's title, quoted.
    pub title: String,
    /// The deprecation and the replacement, if any, then the code's description; quoted.
    pub description: String,
    pub deprecated: bool,
    /// Whether the schema carries `x-retryable: true`.
    pub retryable: bool,
    /// The members every body of the code has, as YAML scalars: the envelope's, and under
    /// problem details the required parameters, which are members too.
    pub required: Vec<String>,
    /// The code's documentation URL, quoted: its problem `type` (problem details only).
    pub type_url: String,
    /// `message`'s description, quoted: the template, for a code that has one.
    pub message: Option<String>,
    /// The `params` object, for a code that declares parameters.
    pub params: Option<ParamsSchema>,
}

/// A code's `params` object.
pub(super) struct ParamsSchema {
    /// The required parameters' names, as YAML scalars.
    pub required: Vec<String>,
    pub properties: Vec<ParamSchema>,
}

/// One parameter's schema.
pub(super) struct ParamSchema {
    /// The wire name, as a YAML key.
    pub key: String,
    /// The description, quoted.
    pub description: String,
    /// The JSON Schema type.
    pub kind: &'static str,
    /// The OpenAPI format, for numbers.
    pub format: Option<&'static str>,
}

impl CodeSchema {
    /// The schema of `code`, named `name`, in a body of `envelope`.
    pub(super) fn new(code: &Code, name: String, envelope: Envelope) -> Self {
        let wire = code.code.as_deref().unwrap_or_default();
        let required_params = code
            .params
            .iter()
            .filter(|param| !param.optional)
            .map(|param| yaml_key(&param.name));
        let required: Vec<String> = match envelope {
            Envelope::Errspec => {
                let mut required: Vec<String> = ["name", "status", "code", "message"]
                    .map(str::to_owned)
                    .to_vec();
                if code.params.iter().any(|param| !param.optional) {
                    required.push("params".to_owned());
                }
                required
            }
            Envelope::Problem => ["type", "title", "status", "detail", "code"]
                .map(str::to_owned)
                .into_iter()
                .chain(required_params)
                .collect(),
        };
        let params = (!code.params.is_empty()).then(|| ParamsSchema {
            required: code
                .params
                .iter()
                .filter(|param| !param.optional)
                .map(|param| yaml_key(&param.name))
                .collect(),
            properties: code
                .params
                .iter()
                .map(|param| ParamSchema {
                    key: yaml_key(&param.name),
                    description: yaml_string(&param.description),
                    kind: param.kind.as_str(),
                    format: match param.kind {
                        ParamKind::Integer => Some("int64"),
                        ParamKind::Number => Some("double"),
                        ParamKind::String | ParamKind::Boolean => None,
                    },
                })
                .collect(),
        });
        CodeSchema {
            name,
            key: yaml_key(wire),
            code: yaml_string(wire),
            ident: yaml_key(&code.idents.openapi),
            enum_description: yaml_string(&one_line(&code.description)),
            title: yaml_string(&code.title),
            description: yaml_string(&description(code)),
            deprecated: code.deprecated.is_some(),
            retryable: code.retryable,
            required,
            type_url: yaml_string(code.docs_url.as_deref().unwrap_or_default()),
            message: code
                .message
                .as_ref()
                .map(|template| yaml_string(&message_description(&template.text, &template.parts))),
            params,
        }
    }
}

/// A code schema's description: `Deprecated: <reason> Replaced by `<code>`.`, as far as
/// the code has them, then its description, then [`RETRYABLE_SENTENCE`] for a retryable code,
/// each a paragraph.
fn description(code: &Code) -> String {
    let mut notice: Vec<String> = Vec::new();
    if let Some(reason) = &code.deprecated {
        notice.push(format!("Deprecated: {reason}"));
    }
    if let Some(replacement) = &code.replaced_by {
        notice.push(format!("Replaced by `{replacement}`."));
    }
    let mut paragraphs = Vec::new();
    if !notice.is_empty() {
        paragraphs.push(notice.join(" "));
    }
    paragraphs.push(code.description.clone());
    if code.retryable {
        paragraphs.push(RETRYABLE_SENTENCE.to_owned());
    }
    paragraphs.join("\n\n")
}

/// `message`'s description for a code with a template: the template and how to read it, or,
/// when it has no placeholder, the message itself.
fn message_description(template: &str, parts: &[Part]) -> String {
    if !parts.iter().any(|part| matches!(part, Part::Param(_))) {
        let message: String = parts
            .iter()
            .map(|part| match part {
                Part::Text(text) | Part::Param(text) => text.as_str(),
            })
            .collect();
        return format!("The message this code sends: {}", code_span(&message));
    }
    let braces = if template.contains("{{") || template.contains("}}") {
        ", and `{{` and `}}` are literal braces"
    } else {
        ""
    };
    format!(
        "Written from the template {}: each `{{name}}` in it is the value of the parameter \
         `name`{braces}.",
        code_span(template)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::v2_spec as spec;

    #[test]
    fn a_code_named_error_leaves_the_generic_schema_its_name() {
        let spec = spec(
            "  - {code: error, status: 400, title: Error, description: D.}\n  \
             - {code: error_code, status: 400, title: Error code, description: D.}\n  \
             - {code: other, status: 400, title: Other, description: D., deprecated: Gone.}\n",
        );
        let names: Vec<String> = spec
            .codes
            .iter()
            .map(|code| schema_name(&spec, code))
            .collect();
        assert_eq!(
            names,
            ["ErrorCodeCodeDetail", "ErrorCodeDetail", "OtherDetail"]
        );
        let alone = self::spec("  - {code: error, status: 400, title: Error, description: D.}\n");
        assert_eq!(schema_name(&alone, &alone.codes[0]), "ErrorCodeDetail");
    }

    #[test]
    fn a_template_with_either_literal_brace_says_how_to_read_it() {
        let parts = [
            Part::Text("Use ".to_owned()),
            Part::Param("name".to_owned()),
        ];
        for template in ["Use {{ then {name}", "Use }} then {name}", "{{{name}}}"] {
            assert!(
                message_description(template, &parts).contains("`{{` and `}}` are literal braces"),
                "{template}"
            );
        }
        assert!(!message_description("Use {name}", &parts).contains("literal braces"));
    }

    #[test]
    fn a_catalog_is_a_spec_that_uses_what_only_its_layout_shows() {
        let plain = "  - {code: a, status: 400, title: A, description: D.}\n";
        assert!(!is_catalog(&spec(plain)));
        for extra in [
            "message: M.",
            "params: {p: {type: string, description: P.}}",
            "deprecated: Gone.",
            "replaced_by: b",
        ] {
            let codes = format!(
                "  - {{code: a, status: 400, title: A, description: D., {extra}}}\n  \
                 - {{code: b, status: 400, title: B, description: D.}}\n"
            );
            assert!(is_catalog(&spec(&codes)), "{extra}");
        }
        let reserved = spec(&format!("{plain}reserved: [old]\n"));
        assert!(!is_catalog(&reserved));
        assert!(
            reserved_description(&reserved)
                .unwrap()
                .ends_with("again: `old`.")
        );
    }
}
