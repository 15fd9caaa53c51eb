//! The TypeScript of a format v2 spec: `ErrorCode` maps each name to the code the API sends,
//! lookups by code and by status, and a body guard that accepts codes the spec lacks.

use askama::Template;

use super::{
    MEMBER_DOC_WIDTH, Property, SHORT_KEY_WIDTH, TAB_WIDTH, Value, api_name, jsdoc, json_string,
    paragraphs, value,
};
use crate::model::{Code, Spec};
use crate::render::text::doc_lines;

#[derive(Template)]
#[template(path = "typescript/error-codes-v2.ts", escape = "none")]
struct TypeScriptFileV2 {
    header: String,
    error_code_doc: Vec<String>,
    members: Vec<Member>,
    error_codes_doc: Vec<String>,
    entries: Vec<Entry>,
    error_name_doc: Vec<String>,
    error_name: Value,
    body_doc: Vec<String>,
}

/// A key of the `ErrorCode` object.
struct Member {
    ident: String,
    /// The wire code, as the key's value.
    code: Value,
    /// The JSDoc comment, one line per item, without the indent.
    doc: Vec<String>,
}

/// One element of `ERROR_CODES`.
struct Entry {
    code: Value,
    status: u16,
    /// `name`, `title` and `description`, in that order.
    strings: Vec<Property>,
    retryable: bool,
    docs_url: Option<Value>,
}

/// Renders the TypeScript file of a format v2 spec.
pub(super) fn render(spec: &Spec, header: &str) -> String {
    let api = api_name(spec);
    let file = TypeScriptFileV2 {
        header: header.to_owned(),
        error_code_doc: error_code_doc(spec, &api),
        members: spec.codes.iter().map(member).collect(),
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

fn wire(code: &Code) -> &str {
    code.code.as_deref().unwrap_or_default()
}

fn error_code_doc(spec: &Spec, api: &str) -> Vec<String> {
    let first = &spec.codes[0];
    jsdoc(
        0,
        &paragraphs(&[
            format!(
                "The error codes of the {api} API, by name: each is the code the API sends in \
                 `error.code`, e.g. `ErrorCode.{}` is `{}`.",
                first.idents.typescript,
                json_string(wire(first))
            ),
            "{@link ERROR_CODES} has each code's status, title and description, \
             {@link errorCodeInfo} finds a code's facts by its code, and \
             {@link errorCodesForStatus} the codes sent with a status."
                .to_owned(),
        ]),
    )
}

/// `` `card_declined`: 402 Card declined ``, then the description.
fn member(code: &Code) -> Member {
    let prefix = format!("`{}`: ", wire(code));
    let mut doc = doc_lines(
        &format!("{} {}", code.status, code.title),
        MEMBER_DOC_WIDTH.saturating_sub(prefix.len()),
    );
    if let Some(first) = doc.first_mut() {
        first.insert_str(0, &prefix);
    }
    let description = doc_lines(&code.description, MEMBER_DOC_WIDTH);
    if !description.is_empty() {
        doc.push(String::new());
        doc.extend(description);
    }
    let ident = &code.idents.typescript;
    Member {
        code: value(
            &format!("{}{ident}: ", " ".repeat(TAB_WIDTH)),
            wire(code),
            ",",
            ident.len() >= SHORT_KEY_WIDTH,
        ),
        ident: ident.clone(),
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
        code: property("code", wire(code)).value,
        status: code.status,
        strings: vec![
            property("name", &code.idents.typescript),
            property("title", &code.title),
            property("description", &code.description),
        ],
        retryable: code.retryable,
        docs_url: code
            .docs_url
            .as_deref()
            .map(|url| property("docsUrl", url).value),
    }
}

/// The doc of `ErrorBody`, with the first code's body as JSON.
fn body_doc(spec: &Spec, api: &str) -> Vec<String> {
    let first = &spec.codes[0];
    let mut lines = paragraphs(&[format!(
        "The JSON body of an error response from the {api} API."
    )]);
    lines.extend(
        [
            "",
            "@example",
            "```json",
            "{",
            "  \"error\": {",
            &format!("    \"name\": {},", json_string(&spec.api.error_name)),
            &format!("    \"status\": {},", first.status),
            &format!("    \"code\": {},", json_string(wire(first))),
            &format!("    \"message\": {}", json_string(&first.title)),
            "  }",
            "}",
            "```",
        ]
        .map(str::to_owned),
    );
    jsdoc(0, &lines)
}
