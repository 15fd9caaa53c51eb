//! The Rust file of a format v2 spec: `ErrorCode` keyed by the wire code, lookups by code and
//! by status, and a body that keeps any code it reads.

use askama::Template;

use super::catalog::{self, Lifecycle, Params};
use super::{
    Arm, ArrayLayout, ConstLayout, DOC_WIDTH, Serve, Shape, arm, array_layout, comment_line,
    const_layout, fits, grouped_arms, string_literal, uses_serde,
};
use crate::model::{Code, Spec};
use crate::pipeline::Options;
use crate::render::text::{doc_lines, wrap_markdown};

/// rustfmt's default `fn_call_width`: the widest argument list kept on one line.
const FN_CALL_WIDTH: usize = 60;

#[derive(Template)]
#[template(path = "rust/error_codes_v2.rs", escape = "none")]
struct RustFileV2 {
    header: String,
    enum_doc: Vec<String>,
    /// `ErrorCode`'s derive attribute, one line each, as rustfmt lays it out.
    enum_derive: &'static [&'static str],
    variants: Vec<Variant>,
    all: ArrayLayout,
    docs: MethodDocs,
    codes: Vec<Arm>,
    statuses: Vec<Arm>,
    names: Vec<Arm>,
    titles: Vec<Arm>,
    descriptions: Vec<Arm>,
    /// The body of `is_retryable`, one line each, indented.
    retryable: Vec<String>,
    /// `docs_url`'s arms, or `None` when no code has a URL.
    docs_urls: Option<Vec<Arm>>,
    /// Whether every code has a URL, so that `docs_url` is always `Some`.
    docs_url_always: bool,
    from_code: Vec<Arm>,
    /// `from_name`'s arms: each variant's name, as `name()` spells it.
    from_name: Vec<Arm>,
    for_status: Vec<StatusGroup>,
    body_doc: Vec<String>,
    name_const: ConstLayout,
    serde: bool,
    /// serde's derives, after the std ones, when serde is on.
    serde_derives: &'static str,
    /// Whether the body is RFC 9457 problem details.
    problem: bool,
    /// Where the body's parameters are, for doc comments.
    params_place: &'static str,
    /// The body's parameters, as a field path from a body.
    params_field: &'static str,
    /// The type whose associated functions build a body with parameters.
    helpers_type: &'static str,
    /// The parameters' type in those functions: `ParamMap`, or `Self` in `ParamMap`'s own.
    map_type: &'static str,
    /// `Display`, `Error` and axum's traits for the body.
    serve: Serve,
    /// `, Eq` for the body types, unless a parameter value may be an `f64`.
    body_eq: &'static str,
    /// Whether some code is deprecated: the file's own uses of it are then allowed.
    allow_deprecated: bool,
    /// Parameters and templates, when the spec uses them.
    params: Option<Params>,
    /// `is_deprecated` and `replaced_by`, when the spec uses a life cycle key.
    lifecycle: Option<Lifecycle>,
}

struct Variant {
    ident: String,
    /// `#[deprecated]`, each line whole, for a deprecated code.
    attrs: Vec<String>,
    /// The wire code as a string literal, for serde's `rename`.
    code: String,
    /// Doc comment lines, each starting with `///`.
    doc: Vec<String>,
}

/// The one-line docs of the methods whose example comes from the spec's first code.
struct MethodDocs {
    code: String,
    status: String,
    name: String,
    from_str: String,
}

/// One arm of `for_status`: a status and the codes sent with it.
struct StatusGroup {
    status: u16,
    items: ArrayLayout,
}

/// Renders the Rust file of a format v2 spec.
pub(super) fn render(spec: &Spec, header: &str, options: &Options) -> String {
    let wire = |code: &Code| code.code.clone().unwrap_or_default();
    let shape = Shape::of(spec);
    let file = RustFileV2 {
        header: header.to_owned(),
        enum_doc: enum_doc(spec, uses_serde(options)),
        enum_derive: if uses_serde(options) {
            ENUM_DERIVE_SERDE
        } else {
            ENUM_DERIVE
        },
        variants: spec.codes.iter().map(variant).collect(),
        all: super::all_layout(spec),
        docs: method_docs(spec),
        codes: super::arms(spec, |code| string_literal(&wire(code))),
        statuses: grouped_arms(spec, |code| code.status.to_string()),
        names: super::arms(spec, |code| string_literal(&code.idents.rust)),
        titles: grouped_arms(spec, |code| string_literal(&code.title)),
        descriptions: grouped_arms(spec, |code| string_literal(&code.description)),
        retryable: matches_lines(&patterns(spec, |code| code.retryable)),
        docs_urls: docs_urls(spec),
        docs_url_always: spec.codes.iter().all(|code| code.docs_url.is_some()),
        from_code: spec
            .codes
            .iter()
            .map(|code| {
                let pattern = string_literal(&wire(code));
                arm(pattern, format!("Self::{}", code.idents.rust))
            })
            .collect(),
        from_name: spec
            .codes
            .iter()
            .map(|code| {
                let pattern = string_literal(&code.idents.rust);
                arm(pattern, format!("Self::{}", code.idents.rust))
            })
            .collect(),
        for_status: for_status(spec),
        body_doc: body_doc(spec, spec.uses_params(), shape),
        name_const: const_layout(
            "    pub const NAME: &str = ",
            &string_literal(&spec.api.error_name),
        ),
        serde: uses_serde(options),
        serve: Serve::new(spec, options),
        problem: shape.problem,
        params_place: shape.params_place,
        params_field: shape.params_field,
        helpers_type: shape.helpers_type,
        map_type: if shape.problem { "Self" } else { "ParamMap" },
        serde_derives: if uses_serde(options) {
            ", ::serde::Serialize, ::serde::Deserialize"
        } else {
            ""
        },
        body_eq: if spec.uses_params() { "" } else { ", Eq" },
        allow_deprecated: catalog::any_deprecated(spec),
        params: catalog::params(spec),
        lifecycle: catalog::lifecycle(spec, matches_lines),
    };
    let mut text = file
        .render()
        .expect("the Rust template renders from plain strings");
    text.push('\n'); // askama drops the template's final newline
    text
}

/// `ErrorCode`'s traits without serde: one line, which fits.
const ENUM_DERIVE: &[&str] =
    &["#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]"];

/// `ErrorCode`'s traits with serde's two: too wide for one line, so one trait per line, as
/// rustfmt breaks a derive.
const ENUM_DERIVE_SERDE: &[&str] = &[
    "#[derive(",
    "    Debug,",
    "    Clone,",
    "    Copy,",
    "    PartialEq,",
    "    Eq,",
    "    PartialOrd,",
    "    Ord,",
    "    Hash,",
    "    ::serde::Serialize,",
    "    ::serde::Deserialize,",
    ")]",
];

fn enum_doc(spec: &Spec, serde: bool) -> Vec<String> {
    let api = doc_lines(&spec.api.name, usize::MAX).join(" ");
    let intro = format!(
        "An error code of the {api} API: the code it sends in {}, with the HTTP status \
         it sends it with, its title and its description.",
        spec.api.envelope.code_span()
    );
    let mut lines = wrap_markdown(&intro, DOC_WIDTH);
    lines.extend(
        [
            "",
            "Each code's facts come from the spec: [`code`](Self::code), [`status`](Self::status),",
            "[`title`](Self::title), [`description`](Self::description), whether a failed request",
            "[is worth retrying](Self::is_retryable) and where it is [documented](Self::docs_url).",
            "",
            "A newer version of the API may send codes this one does not know: the enum is",
            "`#[non_exhaustive]`, and [`ErrorBody::code`] reads such a code as `None`.",
            "",
        ]
        .map(str::to_owned),
    );
    // The spec's order, as `ALL` and `for_status` list codes: the author's grouping, where
    // an order of wire codes would depend on how each code happens to be spelt.
    let mut traits = "Codes are ordered as the spec lists them (`Ord`), and read from their wire \
                      code with `parse` (`FromStr`)."
        .to_owned();
    if serde {
        traits.push_str(" With serde, a code is its wire code, a string.");
    }
    lines.extend(wrap_markdown(&traits, DOC_WIDTH));
    lines.iter().map(|line| comment_line("///", line)).collect()
}

fn body_doc(spec: &Spec, params: bool, shape: Shape) -> Vec<String> {
    let api = doc_lines(&spec.api.name, usize::MAX).join(" ");
    let lines = if shape.problem {
        let mut lines = vec![
            format!("The JSON body of an error response from the {api} API: RFC 9457 problem"),
            "details, sent as `application/problem+json`.".to_owned(),
            String::new(),
            r#"`{"type": "...", "title": "...", "status": 429, "detail": "...", "code": "..."}`"#
                .to_owned(),
        ];
        if params {
            lines.push(
                "with the code's parameters as members beside these ([`ErrorBody::params`])."
                    .to_owned(),
            );
        }
        lines
    } else if params {
        // The body's example no longer fits the first paragraph, which clippy keeps short.
        vec![
            format!("The JSON body of an error response from the {api} API."),
            String::new(),
            r#"`{"error": {"name": "...", "status": 429, "code": "...", "message": "...", "params": {...}}}`:"#
                .to_owned(),
            "`params` only when the error has parameters (see [`ErrorDetail::params`]).".to_owned(),
        ]
    } else {
        vec![
            format!("The JSON body of an error response from the {api} API:"),
            r#"`{"error": {"name": "...", "status": 402, "code": "...", "message": "..."}}`."#
                .to_owned(),
        ]
    };
    lines.iter().map(|line| comment_line("///", line)).collect()
}

/// `` `card_declined`: 402 Card declined ``, then the description.
fn variant(code: &Code) -> Variant {
    let wire = code.code.clone().unwrap_or_default();
    let prefix = format!("`{wire}`: ");
    let mut doc = doc_lines(
        &format!("{} {}", code.status, code.title),
        DOC_WIDTH.saturating_sub(prefix.len()),
    );
    if let Some(first) = doc.first_mut() {
        first.insert_str(0, &prefix);
    }
    doc.push(String::new());
    doc.extend(doc_lines(&code.description, DOC_WIDTH));
    Variant {
        ident: code.idents.rust.clone(),
        attrs: catalog::deprecated_attr(code),
        code: string_literal(&wire),
        doc: doc.iter().map(|line| comment_line("///", line)).collect(),
    }
}

/// Each method's one-line doc, with the first code as its example when the line fits.
fn method_docs(spec: &Spec) -> MethodDocs {
    let first = &spec.codes[0];
    let wire = first.code.as_deref().unwrap_or_default();
    let doc = |text: &str, example: String| {
        let with = format!("    /// {text}, e.g. {example}.");
        if fits(&with) {
            with.trim_start().to_owned()
        } else {
            format!("/// {text}.")
        }
    };
    MethodDocs {
        code: doc(
            &format!(
                "The code as the API sends it in {}",
                spec.api.envelope.code_span()
            ),
            format!("`\"{wire}\"`"),
        ),
        status: doc(
            "The HTTP status the code is sent with",
            format!("`{}`", first.status),
        ),
        name: doc(
            "The code's name, as the variant spells it",
            format!("`\"{}\"`", first.idents.rust),
        ),
        from_str: doc(
            "Reads a code as the API sends it",
            format!("`\"{wire}\".parse()`"),
        ),
    }
}

/// `Self::Variant` of each code that `select` selects.
fn patterns(spec: &Spec, select: impl Fn(&Code) -> bool) -> Vec<String> {
    spec.codes
        .iter()
        .filter(|code| select(code))
        .map(|code| format!("Self::{}", code.idents.rust))
        .collect()
}

/// The body of a method such as `is_retryable`: `matches!` over `patterns`, laid out as
/// rustfmt lays out a macro call whose arguments are expressions; `false` when there are none.
fn matches_lines(patterns: &[String]) -> Vec<String> {
    if patterns.is_empty() {
        return vec!["false".to_owned()];
    }
    let joined = patterns.join(" | ");
    let arguments = format!("self, {joined}");
    if arguments.len() <= FN_CALL_WIDTH && fits(&format!("        ::core::matches!({arguments})")) {
        return vec![format!("::core::matches!({arguments})")];
    }
    let mut lines = vec!["::core::matches!(".to_owned(), "    self,".to_owned()];
    if fits(&format!("            {joined}")) {
        lines.push(format!("    {joined}"));
    } else {
        for (index, pattern) in patterns.iter().enumerate() {
            match index {
                0 => lines.push(format!("    {pattern}")),
                _ => lines.push(format!("        | {pattern}")),
            }
        }
    }
    lines.push(")".to_owned());
    lines
}

/// `docs_url`'s arms, each a URL or an early `return None`, or `None` when no code has a URL
/// (the method is then `None` itself).
fn docs_urls(spec: &Spec) -> Option<Vec<Arm>> {
    if spec.codes.iter().all(|code| code.docs_url.is_none()) {
        return None;
    }
    Some(grouped_arms(spec, |code| match &code.docs_url {
        Some(url) => string_literal(url),
        None => "return ::core::option::Option::None".to_owned(),
    }))
}

/// The codes of each status, statuses in the order they first appear in the spec.
fn for_status(spec: &Spec) -> Vec<StatusGroup> {
    let mut groups: Vec<(u16, Vec<String>)> = Vec::new();
    for code in &spec.codes {
        let item = format!("Self::{}", code.idents.rust);
        match groups.iter_mut().find(|(status, _)| *status == code.status) {
            Some((_, items)) => items.push(item),
            None => groups.push((code.status, vec![item])),
        }
    }
    groups
        .into_iter()
        .map(|(status, items)| StatusGroup {
            status,
            items: array_layout(&format!("            {status} => &["), "],", items),
        })
        .collect()
}
