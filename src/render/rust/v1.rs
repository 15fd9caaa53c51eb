//! The Rust file of a format v1 spec: `ErrorCode` keyed by the HTTP status.

use askama::Template;

use super::{
    Arm, ArrayLayout, ConstLayout, DOC_WIDTH, Serve, all_layout, arm, arms, comment_line,
    const_layout, may_look_like_code, retryable_body, string_literal, uses_serde,
};
use crate::model::{Code, Spec};
use crate::pipeline::Options;
use crate::render::text::doc_lines;

#[derive(Template)]
#[template(path = "rust/error_codes.rs", escape = "none")]
struct RustFile {
    header: String,
    enum_doc: Vec<String>,
    /// Whether the enum's docs hold spec text that clippy's `doc_markdown` may take for code.
    enum_doc_markdown: bool,
    variants: Vec<Variant>,
    all: ArrayLayout,
    names: Vec<Arm>,
    /// One arm per code, so that a change to one code's title changes one line of the file
    /// (the template allows clippy's `match_same_arms` for codes that share a title).
    titles: Vec<Arm>,
    /// One arm per code, as for titles.
    descriptions: Vec<Arm>,
    from_name: Vec<Arm>,
    /// The body of `is_retryable`, one line each.
    retryable: Vec<String>,
    /// `404 Not Found`, for `Display`.
    status_lines: Vec<Arm>,
    body_doc: Vec<String>,
    /// Whether the body's doc holds an API name that `doc_markdown` may take for code.
    body_doc_markdown: bool,
    name_const: ConstLayout,
    /// Whether `ErrorCode` implements serde's traits (as its status) and the body derives them.
    serde: bool,
    /// serde's derives, after the std ones, when serde is on.
    body_derives: &'static str,
    /// `Display`, `Error` and axum's traits for the body.
    serve: Serve,
}

struct Variant {
    ident: String,
    status: u16,
    /// Doc comment lines, each starting with `///`.
    doc: Vec<String>,
}

/// Renders the Rust file for `spec`.
pub(super) fn render(spec: &Spec, header: &str, options: &Options) -> String {
    let file = RustFile {
        header: header.to_owned(),
        enum_doc: enum_doc(spec, uses_serde(options)),
        enum_doc_markdown: may_look_like_code(&spec.api.name)
            || spec.codes.iter().any(|code| {
                may_look_like_code(&code.title) || may_look_like_code(&code.description)
            }),
        variants: spec.codes.iter().map(variant).collect(),
        all: all_layout(spec),
        names: arms(spec, |code| string_literal(&code.idents.rust)),
        titles: arms(spec, |code| string_literal(&code.title)),
        descriptions: arms(spec, |code| string_literal(&code.description)),
        from_name: spec
            .codes
            .iter()
            .map(|code| {
                let ident = &code.idents.rust;
                arm(string_literal(ident), format!("Self::{ident}"))
            })
            .collect(),
        retryable: retryable_body(spec),
        status_lines: arms(spec, |code| {
            string_literal(&format!("{} {}", code.status, code.title))
        }),
        body_doc: body_doc(spec),
        body_doc_markdown: may_look_like_code(&spec.api.name),
        name_const: const_layout(
            "    pub const NAME: &str = ",
            &string_literal(&spec.api.error_name),
        ),
        serde: uses_serde(options),
        serve: Serve::new(spec, options),
        body_derives: if uses_serde(options) {
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

fn enum_doc(spec: &Spec, serde: bool) -> Vec<String> {
    let api = doc_lines(&spec.api.name, usize::MAX).join(" ");
    // The API's name, which may be long, stays out of the first paragraph: clippy's
    // `too_long_first_doc_paragraph` (nursery) counts it, and rustdoc shows it as the summary.
    let mut lines = vec![
        "An error code: an HTTP status with its title and description.".to_owned(),
        String::new(),
        format!("The codes of the {api} API."),
        "Each code's facts come from the spec: [`status`](Self::status), [`title`](Self::title),"
            .to_owned(),
        "[`description`](Self::description) and whether a failed request".to_owned(),
        "[is worth retrying](Self::is_retryable).".to_owned(),
        String::new(),
        "Codes are ordered by status. A code converts to its status (`u16::from`) and back"
            .to_owned(),
        "(`TryFrom<u16>`), and is read from its [name](Self::name) with `parse` (`FromStr`)."
            .to_owned(),
    ];
    if serde {
        lines.push("With serde, a code is its status, a number.".to_owned());
    }
    lines.iter().map(|line| comment_line("///", line)).collect()
}

fn body_doc(spec: &Spec) -> Vec<String> {
    let api = doc_lines(&spec.api.name, usize::MAX).join(" ");
    // As in the enum's doc, the API's name is not in the first paragraph.
    [
        "The JSON body of an error response:".to_owned(),
        r#"`{"error": {"name": "...", "status": 400, "message": "..."}}`."#.to_owned(),
        String::new(),
        format!("Every error response of the {api} API carries one."),
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
        doc: doc.iter().map(|line| comment_line("///", line)).collect(),
    }
}
