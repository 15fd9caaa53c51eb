//! The TypeScript of a format v1 spec: `ErrorCode` keyed by the HTTP status.

use askama::Template;

use super::{
    MEMBER_DOC_WIDTH, Property, SHORT_KEY_WIDTH, TAB_WIDTH, Union, Value, api_name, jsdoc,
    json_string, paragraphs, value,
};
use crate::model::{Code, Spec};
use crate::render::text::doc_lines;

#[derive(Template)]
#[template(path = "typescript/error-codes.ts", escape = "none")]
struct TypeScriptFile {
    header: String,
    error_code_doc: Vec<String>,
    members: Vec<Member>,
    error_status_doc: Vec<String>,
    error_statuses: Union,
    error_codes_doc: Vec<String>,
    entries: Vec<Entry>,
    error_name_doc: Vec<String>,
    error_name: Value,
    body_doc: Vec<String>,
}

/// A key of the `ErrorCode` object.
struct Member {
    ident: String,
    status: u16,
    /// The JSDoc comment, one line per item, without the indent.
    doc: Vec<String>,
}

/// One element of `ERROR_CODES`.
struct Entry {
    status: u16,
    /// `name`, `title` and `description`, in that order.
    strings: Vec<Property>,
    retryable: bool,
}

/// Renders the TypeScript file for `spec`.
pub(super) fn render(spec: &Spec, header: &str) -> String {
    let api = api_name(spec);
    let file = TypeScriptFile {
        header: header.to_owned(),
        error_code_doc: error_code_doc(spec, &api),
        members: spec.codes.iter().map(member).collect(),
        error_status_doc: jsdoc(
            0,
            &paragraphs(&[
                "The status of an error code (400 and up): what {@link errorBody} takes, \
                 so that no error body carries a success status."
                    .to_owned(),
            ]),
        ),
        error_statuses: error_statuses(spec),
        error_codes_doc: jsdoc(
            0,
            &paragraphs(&[format!(
                "Every error code of the {api} API, in the order of the spec."
            )]),
        ),
        entries: spec.codes.iter().map(entry).collect(),
        error_name_doc: jsdoc(
            0,
            &paragraphs(&[format!(
                "The `error.name` of every error body the {api} API documents."
            )]),
        ),
        error_name: value(
            "export const ERROR_NAME = ",
            &spec.api.error_name,
            ";",
            true,
        ),
        body_doc: body_doc(spec, &api),
    };
    let mut text = file
        .render()
        .expect("the TypeScript template renders from plain strings");
    text.push('\n'); // askama drops the template's final newline
    text
}

fn error_code_doc(spec: &Spec, api: &str) -> Vec<String> {
    let first = &spec.codes[0];
    jsdoc(
        0,
        &paragraphs(&[
            format!(
                "The error codes of the {api} API, by name. Each is the code's HTTP status: \
                 `ErrorCode.{}` is `{}`.",
                first.idents.typescript, first.status
            ),
            "{@link ERROR_CODES} has each code's title and description, and \
             {@link errorCodeFromStatus} finds a code by its status."
                .to_owned(),
        ]),
    )
}

/// The statuses of the error codes, as `ErrorStatus`'s members; `never` when there are none.
fn error_statuses(spec: &Spec) -> Union {
    let mut items: Vec<String> = spec
        .codes
        .iter()
        .filter(|code| code.status >= 400)
        .map(|code| code.status.to_string())
        .collect();
    if items.is_empty() {
        items.push("never".to_owned());
    }
    Union::error_status(items)
}

fn member(code: &Code) -> Member {
    let mut doc = doc_lines(&format!("{} {}", code.status, code.title), MEMBER_DOC_WIDTH);
    let description = doc_lines(&code.description, MEMBER_DOC_WIDTH);
    if !description.is_empty() {
        doc.push(String::new());
        doc.extend(description);
    }
    Member {
        ident: code.idents.typescript.clone(),
        status: code.status,
        doc: jsdoc(TAB_WIDTH, &doc),
    }
}

fn entry(code: &Code) -> Entry {
    let indent = " ".repeat(2 * TAB_WIDTH);
    let property = |key: &'static str, text: &str| Property {
        key,
        value: value(
            &format!("{indent}{key}: "),
            text,
            ",",
            key.len() >= SHORT_KEY_WIDTH,
        ),
    };
    Entry {
        status: code.status,
        strings: vec![
            property("name", &code.idents.typescript),
            property("title", &code.title),
            property("description", &code.description),
        ],
        retryable: code.retryable,
    }
}

/// The doc of `ErrorBody`, with the spec's example body as JSON when it has one.
fn body_doc(spec: &Spec, api: &str) -> Vec<String> {
    let mut lines = paragraphs(&[format!(
        "The JSON body of an error response from the {api} API."
    )]);
    if let Some(example) = &spec.api.example {
        lines.extend(
            [
                "",
                "@example",
                "```json",
                "{",
                "  \"error\": {",
                &format!("    \"name\": {},", json_string(&spec.api.error_name)),
                &format!("    \"status\": {},", example.status),
                &format!("    \"message\": {}", json_string(&example.message)),
                "  }",
                "}",
                "```",
            ]
            .map(str::to_owned),
        );
    }
    jsdoc(0, &lines)
}
