//! The TypeScript of a format v2 spec: `ErrorCode` maps each name to the code the API sends,
//! lookups by code and by status, and a body guard that accepts codes the spec lacks.
//!
//! A spec that uses parameters or message templates also gets each code's parameters as
//! types and `errorBody` typed per code (`params.rs`); one that deprecates or replaces codes
//! gets `@deprecated` on their members and the facts in `ERROR_CODES`. A spec that uses
//! neither gets exactly the module it got before either existed.

mod params;

use askama::Template;

use super::{
    MEMBER_DOC_WIDTH, Property, SHORT_KEY_WIDTH, TAB_WIDTH, Union, Value, api_name, jsdoc,
    json_string, paragraphs, value,
};
use crate::model::{Code, Envelope, Spec};
use crate::render::text::{doc_lines, wrap_markdown};

#[derive(Template)]
#[template(path = "typescript/error-codes-v2.ts", escape = "none")]
struct TypeScriptFileV2 {
    header: String,
    error_code_doc: Vec<String>,
    members: Vec<Member>,
    error_status_doc: Vec<String>,
    error_statuses: Union,
    /// The members of `ErrorCodeStatus`'s object type, `readonly code: status;` each.
    status_members: Vec<params::TypeMember>,
    error_codes_doc: Vec<String>,
    entries: Vec<Entry>,
    error_name_doc: Vec<String>,
    error_name: Value,
    body_doc: Vec<String>,
    /// The parameters and templates, when some code has either.
    params: Option<params::Params>,
    /// Whether some code is deprecated or replaced, so that `ErrorCodeInfo` says so.
    lifecycle: bool,
    /// Whether the body is RFC 9457 problem details (`envelope: problem`).
    problem: bool,
    /// Where a body holds its code: `` `error.code` ``, or a problem's `` `code` ``.
    code_place: &'static str,
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
    /// `messageTemplate`, when the spec uses parameters or templates.
    message_template: Option<Property>,
    /// `params`, when the spec uses parameters or templates.
    params: Option<Vec<params::ParamEntry>>,
    /// `deprecated` and `replacedBy`, when the spec uses them.
    lifecycle: Vec<Property>,
}

/// Renders the TypeScript file of a format v2 spec.
pub(super) fn render(spec: &Spec, header: &str) -> String {
    let api = api_name(spec);
    let params = spec.uses_params();
    let lifecycle = spec.uses_lifecycle();
    let file = TypeScriptFileV2 {
        header: header.to_owned(),
        error_code_doc: error_code_doc(spec, &api),
        members: spec.codes.iter().map(|code| member(spec, code)).collect(),
        error_status_doc: jsdoc(
            0,
            &paragraphs(&[
                "An HTTP status that some code of the spec is sent with: a client error \
                 (4xx) or a server error (5xx), never a success."
                    .to_owned(),
            ]),
        ),
        error_statuses: error_statuses(spec),
        status_members: spec.codes.iter().map(status_member).collect(),
        error_codes_doc: jsdoc(
            0,
            &paragraphs(&[format!(
                "Every error code of the {api} API, in the order of the spec."
            )]),
        ),
        entries: spec
            .codes
            .iter()
            .map(|code| entry(code, params, lifecycle))
            .collect(),
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
        params: params.then(|| params::params(spec)),
        lifecycle,
        problem: spec.api.envelope == Envelope::Problem,
        code_place: spec.api.envelope.code_span(),
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

/// The end of the doc of a deprecated or replaced code's declarations, for text `width`
/// columns wide: `@deprecated` with the reason, which editors show by striking the name
/// through, and a link to the replacing code. Empty for a code that is neither.
fn lifecycle_doc(spec: &Spec, code: &Code, width: usize) -> Vec<String> {
    const TAG: &str = "@deprecated ";
    let mut lines = Vec::new();
    if let Some(reason) = &code.deprecated {
        lines = doc_lines(reason, width.saturating_sub(TAG.len()));
        match lines.first_mut() {
            Some(first) => first.insert_str(0, TAG),
            None => lines.push(TAG.trim_end().to_owned()),
        }
    }
    let replacement = code.replaced_by.as_deref().and_then(|replaced_by| {
        spec.codes
            .iter()
            .find(|other| other.code.as_deref() == Some(replaced_by))
    });
    if let Some(replacement) = replacement {
        lines.push(format!(
            "Replaced by {{@link ErrorCode.{}}}.",
            replacement.idents.typescript
        ));
    }
    lines
}

/// The statuses of the spec's codes, each once, in ascending order, as `ErrorStatus`'s members:
/// a union's order means nothing to the compiler, and this one reads as a list of statuses.
fn error_statuses(spec: &Spec) -> Union {
    let statuses: std::collections::BTreeSet<u16> =
        spec.codes.iter().map(|code| code.status).collect();
    Union::error_status(statuses.iter().map(u16::to_string).collect())
}

/// `readonly card_declined: 402;`, with its doc. A deprecated code's member is not marked so:
/// no one writes the key (`ErrorCodeStatus<C>` indexes it), so no editor would strike it.
fn status_member(code: &Code) -> params::TypeMember {
    let doc = format!(
        "The status of {{@link ErrorCode.{}}}.",
        code.idents.typescript
    );
    params::TypeMember {
        doc: jsdoc(TAB_WIDTH, &wrap_markdown(&doc, MEMBER_DOC_WIDTH)),
        lines: vec![format!("readonly {}: {};", params::key(code), code.status)],
    }
}

fn error_code_doc(spec: &Spec, api: &str) -> Vec<String> {
    let first = &spec.codes[0];
    jsdoc(
        0,
        &paragraphs(&[
            format!(
                "The error codes of the {api} API, by name: each is the code the API sends in \
                 {}, e.g. `ErrorCode.{}` is `{}`.",
                spec.api.envelope.code_span(),
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

/// `` `card_declined`: 402 Card declined ``, then the description, then the deprecation.
fn member(spec: &Spec, code: &Code) -> Member {
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
    let lifecycle = lifecycle_doc(spec, code, MEMBER_DOC_WIDTH);
    if !lifecycle.is_empty() {
        doc.push(String::new());
        doc.extend(lifecycle);
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

/// One element of `ERROR_CODES`; `params` and `lifecycle` say whether the spec uses
/// parameters or templates, and deprecation or replacement, whose facts it then carries.
fn entry(code: &Code, params: bool, lifecycle: bool) -> Entry {
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
    let undefined = |key: &'static str| Property {
        key,
        value: Value {
            literal: "undefined".to_owned(),
            break_after: false,
        },
    };
    let optional = |key: &'static str, text: Option<&str>| match text {
        Some(text) => property(key, text),
        None => undefined(key),
    };
    let lifecycle = if lifecycle {
        vec![
            optional("deprecated", code.deprecated.as_deref()),
            optional("replacedBy", code.replaced_by.as_deref()),
        ]
    } else {
        Vec::new()
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
        message_template: params.then(|| {
            let template = code.message.as_ref().map(|template| template.text.as_str());
            optional("messageTemplate", template)
        }),
        params: params.then(|| params::entries(code)),
        lifecycle,
    }
}

/// The doc of `ErrorBody`, with the first code's body as JSON: for a code with parameters,
/// with example values (see [`params::example`]).
fn body_doc(spec: &Spec, api: &str) -> Vec<String> {
    let first = &spec.codes[0];
    let example = params::example(first);
    let message = example
        .as_ref()
        .map_or(first.title.as_str(), |e| &e.message);
    if spec.api.envelope == Envelope::Problem {
        return problem_body_doc(spec, api, message, example.as_ref());
    }
    let mut lines = paragraphs(&[format!(
        "The JSON body of an error response from the {api} API."
    )]);
    let mut members = vec![
        format!("    \"name\": {}", json_string(&spec.api.error_name)),
        format!("    \"status\": {}", first.status),
        format!("    \"code\": {}", json_string(wire(first))),
        format!("    \"message\": {}", json_string(message)),
    ];
    match example
        .as_ref()
        .and_then(|example| example.params.as_deref())
    {
        Some([]) => members.push("    \"params\": {}".to_owned()),
        Some(params) => {
            let values: Vec<String> = params
                .iter()
                .map(|(name, value)| format!("      {}: {value}", json_string(name)))
                .collect();
            members.push(format!(
                "    \"params\": {{\n{}\n    }}",
                values.join(",\n")
            ));
        }
        None => {}
    }
    lines.extend(["", "@example", "```json", "{", "  \"error\": {"].map(str::to_owned));
    lines.extend(members.join(",\n").lines().map(str::to_owned));
    lines.extend(["  }", "}", "```"].map(str::to_owned));
    jsdoc(0, &lines)
}

/// The doc of `ErrorBody` as problem details, with the first code's body as JSON.
fn problem_body_doc(
    spec: &Spec,
    api: &str,
    message: &str,
    example: Option<&params::Example>,
) -> Vec<String> {
    let first = &spec.codes[0];
    let mut lines = paragraphs(&[format!(
        "The JSON body of an error response from the {api} API: RFC 9457 problem details, \
         sent as `application/problem+json`. The code's parameters are members beside the \
         problem's own."
    )]);
    let mut members = vec![
        format!(
            "  \"type\": {}",
            json_string(first.docs_url.as_deref().unwrap_or_default())
        ),
        format!("  \"title\": {}", json_string(&first.title)),
        format!("  \"status\": {}", first.status),
        format!("  \"detail\": {}", json_string(message)),
        format!("  \"code\": {}", json_string(wire(first))),
    ];
    if let Some(params) = example.and_then(|example| example.params.as_deref()) {
        members.extend(
            params
                .iter()
                .map(|(name, value)| format!("  {}: {value}", json_string(name))),
        );
    }
    lines.extend(["", "@example", "```json", "{"].map(str::to_owned));
    lines.extend(members.join(",\n").lines().map(str::to_owned));
    lines.extend(["}", "```"].map(str::to_owned));
    jsdoc(0, &lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Options, check};

    #[test]
    fn deprecation_strikes_through_and_replacement_links() {
        let text = "version: 2
api: {name: T}
codes:
  - {code: old, status: 400, title: Old, description: d, deprecated: 'Use `new_one`, *not* this.', replaced_by: new_one}
  - {code: new_one, status: 400, title: New one, description: d}
  - {code: moved, status: 400, title: Moved, description: d, replaced_by: new_one, allow: [REPLACED_WITHOUT_DEPRECATION]}
  - {code: gone, status: 400, title: Gone, description: d, deprecated: Gone.}
";
        let spec = check(text, &Options::new("t.yaml")).unwrap().0;
        let docs: Vec<Vec<String>> = spec
            .codes
            .iter()
            .map(|code| lifecycle_doc(&spec, code, 40))
            .collect();
        assert_eq!(
            docs[0],
            [
                r"@deprecated Use \`new\_one\`, \*not\*",
                "this.",
                "Replaced by {@link ErrorCode.NewOne}.",
            ]
        );
        assert!(docs[1].is_empty());
        assert_eq!(docs[2], ["Replaced by {@link ErrorCode.NewOne}."]);
        assert_eq!(docs[3], ["@deprecated Gone."]);
        assert!(spec.uses_lifecycle());
        let member = member(&spec, &spec.codes[0]);
        assert_eq!(
            member.doc[member.doc.len() - 3..],
            [
                r" * @deprecated Use \`new\_one\`, \*not\* this.",
                " * Replaced by {@link ErrorCode.NewOne}.",
                " */",
            ]
        );
    }
}
