//! The OpenAPI fragment of a format v1 spec: a response per code, keyed by its identifier.

use askama::Template;

use super::{INFO_VERSION, OAS_3_1_DIALECT, RETRYABLE_SENTENCE, one_line, yaml_key, yaml_string};
use crate::model::{Code, Spec};
use crate::target::OpenApiVersion;

#[derive(Template)]
#[template(path = "openapi/error-codes.yaml", escape = "none")]
struct OpenApiFile {
    /// The whole first line: `# @generated ...`.
    header: String,
    /// The `openapi` field: `3.1.0` or `3.0.3`.
    openapi: &'static str,
    /// Written as OpenAPI 3.1 (JSON Schema 2020-12) rather than 3.0.
    v3_1: bool,
    /// The dialect of the 3.1 schemas.
    dialect: &'static str,
    /// A response to name in the comment that shows how to reference one.
    example_ref: String,
    /// `info.title`, quoted.
    title: String,
    /// `info.version`.
    info_version: &'static str,
    /// The `error.name` of every body, quoted.
    error_name: String,
    /// The statuses `error.status` may hold: the spec's error statuses, or `None` when the
    /// spec has none, and the schema then allows any error status (400 to 599).
    statuses: Option<Vec<EnumMember>>,
    /// The spec's example message, quoted, as the schema's example of `error.message`.
    message_example: Option<String>,
    /// The responses, in spec order.
    responses: Vec<Response>,
}

/// One value of the status enum, with what client generators name and document it by
/// (`x-enum-varnames`, `x-enum-descriptions`).
struct EnumMember {
    status: u16,
    /// The code's identifier, the one the Rust and TypeScript targets use, as a YAML scalar.
    name: String,
    /// The code's description on one line, quoted: generators write it into a line comment
    /// (`// ...` above the member), where a line break would end the comment.
    description: String,
}

/// One response under `components.responses`.
struct Response {
    /// The key: the code's identifier, as a YAML key.
    key: String,
    /// The code's description, quoted; for a retryable code, followed by
    /// [`RETRYABLE_SENTENCE`] in a paragraph of its own.
    description: String,
    /// Whether the response carries `x-retryable: true`.
    retryable: bool,
    /// The example error body, for an error code; `None` for a success code, which has no
    /// content.
    body: Option<ExampleBody>,
}

/// An example error body, its strings quoted.
struct ExampleBody {
    name: String,
    status: u16,
    message: String,
}

/// Renders the OpenAPI fragment for `spec`; `header` is the whole `@generated` comment line.
pub(super) fn render(spec: &Spec, header: &str, version: OpenApiVersion) -> String {
    let error_name = yaml_string(&spec.api.error_name);
    let responses: Vec<Response> = spec
        .codes
        .iter()
        .filter(|code| code.status >= 400 || has_no_body(code.status))
        .map(|code| Response {
            key: yaml_key(&code.idents.openapi),
            description: yaml_string(&response_description(code)),
            retryable: code.retryable,
            body: (code.status >= 400).then(|| ExampleBody {
                name: error_name.clone(),
                status: code.status,
                message: yaml_string(example_message(spec, code)),
            }),
        })
        .collect();
    let statuses: Vec<EnumMember> = spec
        .codes
        .iter()
        .filter(|code| code.status >= 400)
        .map(|code| EnumMember {
            status: code.status,
            name: yaml_key(&code.idents.openapi),
            description: yaml_string(&one_line(&code.description)),
        })
        .collect();
    let example_ref = spec
        .codes
        .iter()
        .find(|code| code.status >= 400)
        .map_or("<Name>", |code| code.idents.openapi.as_str())
        .to_owned();
    let file = OpenApiFile {
        header: header.to_owned(),
        openapi: version.document_version(),
        v3_1: version == OpenApiVersion::V3_1,
        dialect: OAS_3_1_DIALECT,
        example_ref,
        title: yaml_string(&format!("{} API error responses", spec.api.name)),
        info_version: INFO_VERSION,
        error_name,
        statuses: (!statuses.is_empty()).then_some(statuses),
        message_example: spec
            .api
            .example
            .as_ref()
            .map(|example| yaml_string(&example.message)),
        responses,
    };
    let mut text = file
        .render()
        .expect("the OpenAPI template renders from plain strings");
    text.push('\n'); // askama drops the template's final newline
    text
}

/// A response's description: the code's, and for a retryable code [`RETRYABLE_SENTENCE`] after
/// a blank line (descriptions are CommonMark, so it is a paragraph of its own).
fn response_description(code: &Code) -> String {
    if code.retryable {
        format!("{}\n\n{RETRYABLE_SENTENCE}", code.description)
    } else {
        code.description.clone()
    }
}

/// Whether HTTP forbids a response with `status` any content (RFC 9110: 1xx, 204, 205 and 304),
/// so that the code's response is complete without the operation's help.
fn has_no_body(status: u16) -> bool {
    matches!(status, 100..=199 | 204 | 205 | 304)
}

/// The message of an error code's example body: the spec's own example where it is for this
/// code, else the code's title, which is what many servers send as the message by default.
fn example_message<'a>(spec: &'a Spec, code: &'a Code) -> &'a str {
    match &spec.api.example {
        Some(example) if example.status == code.status => &example.message,
        _ => &code.title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_descriptions_are_one_line() {
        assert_eq!(one_line("a\nb\r\n\r\nc\u{2028} d "), "a b c d");
        assert_eq!(one_line("plain"), "plain");
    }

    #[test]
    fn only_bodiless_success_codes_are_responses() {
        for status in [100, 101, 199, 204, 205, 304] {
            assert!(has_no_body(status), "{status}");
        }
        for status in [200, 201, 206, 301, 302, 303, 307, 400] {
            assert!(!has_no_body(status), "{status}");
        }
    }
}
