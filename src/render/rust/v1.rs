//! The Rust file of a format v1 spec: `ErrorCode` keyed by the HTTP status.

use askama::Template;

use super::{
    Arm, ArrayLayout, ConstLayout, DOC_WIDTH, all_layout, arms, comment_line, const_layout,
    string_literal,
};
use crate::model::{Code, Spec};
use crate::pipeline::Options;
use crate::render::text::doc_lines;

#[derive(Template)]
#[template(path = "rust/error_codes.rs", escape = "none")]
struct RustFile {
    header: String,
    enum_doc: Vec<String>,
    variants: Vec<Variant>,
    all: ArrayLayout,
    names: Vec<Arm>,
    titles: Vec<Arm>,
    descriptions: Vec<Arm>,
    body_doc: Vec<String>,
    name_const: ConstLayout,
    /// serde's derives, after the std ones, when serde is on.
    body_derives: &'static str,
}

struct Variant {
    ident: String,
    status: u16,
    retryable: bool,
    /// Doc comment lines, each starting with `///`.
    doc: Vec<String>,
}

/// Renders the Rust file for `spec`.
pub(super) fn render(spec: &Spec, header: &str, options: &Options) -> String {
    let file = RustFile {
        header: header.to_owned(),
        enum_doc: enum_doc(spec),
        variants: spec.codes.iter().map(variant).collect(),
        all: all_layout(spec),
        names: arms(spec, |code| string_literal(&code.idents.rust)),
        titles: arms(spec, |code| string_literal(&code.title)),
        descriptions: arms(spec, |code| string_literal(&code.description)),
        body_doc: body_doc(spec),
        name_const: const_layout(
            "    pub const NAME: &str = ",
            &string_literal(&spec.api.error_name),
        ),
        body_derives: if options.serde {
            ", ::serde::Serialize, ::serde::Deserialize"
        } else {
            ""
        },
    };
    let mut text = file
        .render()
        .expect("the Rust template renders from plain strings");
    text.push('\n'); // askama drops the template's final newline
    text
}

fn enum_doc(spec: &Spec) -> Vec<String> {
    let api = doc_lines(&spec.api.name, usize::MAX).join(" ");
    [
        format!("An error code of the {api} API: an HTTP status with its title and description."),
        String::new(),
        "Each code's facts come from the spec: [`status`](Self::status), [`title`](Self::title),"
            .to_owned(),
        "[`description`](Self::description) and whether a failed request".to_owned(),
        "[is worth retrying](Self::is_retryable).".to_owned(),
    ]
    .iter()
    .map(|line| comment_line("///", line))
    .collect()
}

fn body_doc(spec: &Spec) -> Vec<String> {
    let api = doc_lines(&spec.api.name, usize::MAX).join(" ");
    [
        format!("The JSON body of an error response from the {api} API:"),
        r#"`{"error": {"name": "...", "status": 400, "message": "..."}}`."#.to_owned(),
    ]
    .iter()
    .map(|line| comment_line("///", line))
    .collect()
}

fn variant(code: &Code) -> Variant {
    let mut doc = doc_lines(&format!("{} {}", code.status, code.title), DOC_WIDTH);
    doc.push(String::new());
    doc.extend(doc_lines(&code.description, DOC_WIDTH));
    Variant {
        ident: code.idents.rust.clone(),
        status: code.status,
        retryable: code.retryable,
        doc: doc.iter().map(|line| comment_line("///", line)).collect(),
    }
}
