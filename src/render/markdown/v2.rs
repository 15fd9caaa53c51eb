//! The Markdown page of a format v2 spec: one row per code, each with an anchor named by its
//! code (`#card_declined`), so that `api.docs: https://.../errors#{code}` can point into the
//! page. Rows are not padded to aligned columns: each row holds one code's text, so a change
//! to one code changes one line of the page.
//!
//! A catalog's page also shows each code's message template and parameters, its deprecation,
//! and the reserved codes (see [`catalog`]); a spec without them keeps the page it had.

use askama::Template;

use super::catalog::{self, Section};
use super::{code_span, html_comment, json_string, table_cell};
use crate::model::{Code, Envelope, Spec};
use crate::render::openapi::example::{ExampleValue, example_message, example_params};
use crate::render::text::doc_lines;

#[derive(Template)]
#[template(path = "markdown/error-codes-v2.md", escape = "none")]
struct MarkdownFileV2 {
    /// The whole first line: `<!-- @generated ... -->`.
    header: String,
    /// The API's name, escaped for running text.
    api: String,
    /// The table's rows, one per code, after the header and delimiter rows.
    rows: Vec<String>,
    /// The retryable codes, as a phrase: `` `a`, `b` or `c` ``.
    retryable: Option<String>,
    /// The sections of the codes with a message template or parameters.
    sections: Vec<Section>,
    /// The reserved codes' list items.
    reserved: Vec<String>,
    /// Whether some code has parameters, which the error body's description then mentions.
    params: bool,
    /// Whether bodies are RFC 9457 problem details (`envelope: problem`).
    problem: bool,
    /// The `error.name` of every body, as a JSON string in a code span.
    error_name: String,
    /// The first code's example body.
    example: Example,
}

struct Example {
    /// The code, in a code span.
    code: String,
    /// The code's anchor, in a code span: `` `#card_declined` ``.
    anchor: String,
    json: Vec<String>,
}

/// Renders the Markdown page of a format v2 spec.
pub(super) fn render(spec: &Spec, header: &str) -> String {
    let json_name = json_string(&spec.api.error_name);
    let first = &spec.codes[0];
    let file = MarkdownFileV2 {
        header: html_comment(header),
        api: doc_lines(&spec.api.name, usize::MAX).join(" "),
        rows: spec.codes.iter().map(row).collect(),
        retryable: retryable(spec),
        sections: catalog::sections(spec),
        reserved: catalog::reserved(spec),
        params: spec.codes.iter().any(|code| !code.params.is_empty()),
        problem: spec.api.envelope == Envelope::Problem,
        error_name: code_span(&json_name),
        example: Example {
            code: code_span(wire(first)),
            anchor: code_span(&format!("#{}", wire(first))),
            json: example_json(first, &json_name, spec.api.envelope),
        },
    };
    let mut text = file
        .render()
        .expect("the Markdown template renders from plain strings");
    text.push('\n'); // askama drops the template's final newline
    text
}

fn wire(code: &Code) -> &str {
    code.code.as_deref().unwrap_or_default()
}

/// The lines of `code`'s example body as JSON, laid out as `JSON.stringify(body, null, 2)`
/// writes it: the OpenAPI fragment's example of the code, so the two agree.
fn example_json(code: &Code, json_name: &str, envelope: Envelope) -> Vec<String> {
    let params = example_params(code);
    let message = json_string(&example_message(code, &params));
    if envelope == Envelope::Problem {
        let mut members = vec![
            format!(
                "  \"type\": {}",
                json_string(code.docs_url.as_deref().unwrap_or_default())
            ),
            format!("  \"title\": {}", json_string(&code.title)),
            format!("  \"status\": {}", code.status),
            format!("  \"detail\": {message}"),
            format!("  \"code\": {}", json_string(wire(code))),
        ];
        members.extend(params.iter().map(|param| {
            let value = match &param.value {
                ExampleValue::String(text) => json_string(text),
                other => other.text().to_owned(),
            };
            format!("  \"{}\": {value}", param.name)
        }));
        let last = members.len() - 1;
        let mut json = vec!["{".to_owned()];
        json.extend(members.into_iter().enumerate().map(|(index, member)| {
            if index == last {
                member
            } else {
                format!("{member},")
            }
        }));
        json.push("}".to_owned());
        return json;
    }
    let mut json = vec![
        "{".to_owned(),
        "  \"error\": {".to_owned(),
        format!("    \"name\": {json_name},"),
        format!("    \"status\": {},", code.status),
        format!("    \"code\": {},", json_string(wire(code))),
    ];
    if params.is_empty() {
        json.push(format!("    \"message\": {message}"));
    } else {
        json.push(format!("    \"message\": {message},"));
        json.push("    \"params\": {".to_owned());
        for (index, param) in params.iter().enumerate() {
            let value = match &param.value {
                ExampleValue::String(text) => json_string(text),
                other => other.text().to_owned(),
            };
            let comma = if index + 1 < params.len() { "," } else { "" };
            json.push(format!("      \"{}\": {value}{comma}", param.name));
        }
        json.push("    }".to_owned());
    }
    json.extend(["  }".to_owned(), "}".to_owned()]);
    json
}

/// `| <a id="card_declined"></a>`card_declined` | `CardDeclined` | 402 | Card declined | ... |
/// no |`. A wire code is letters, digits, `_`, `.` and `-`, so it is a valid id and code span
/// as it is. The name is the code's identifier in TypeScript and OpenAPI (Rust's too, but for
/// `Self`, which Rust spells `Self_`): ASCII letters and digits, so a code span as it is.
fn row(code: &Code) -> String {
    let wire = wire(code);
    format!(
        "| <a id=\"{wire}\"></a>`{wire}` | `{}` | {} | {} | {} | {} |",
        code.idents.typescript,
        code.status,
        table_cell(&code.title),
        catalog::description_cell(code),
        if code.retryable { "yes" } else { "no" },
    )
}

/// `` `a`, `b` or `c` ``: the retryable codes, or `None` when there are none.
fn retryable(spec: &Spec) -> Option<String> {
    let codes: Vec<String> = spec
        .codes
        .iter()
        .filter(|code| code.retryable)
        .map(|code| format!("`{}`", wire(code)))
        .collect();
    match codes.split_last()? {
        (last, []) => Some(last.clone()),
        (last, rest) => Some(format!("{} or {last}", rest.join(", "))),
    }
}
