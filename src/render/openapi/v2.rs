//! The OpenAPI fragment of a format v2 spec: one response per HTTP status, whose body schema
//! lists the codes sent with that status, with one named example per code.
//!
//! Names are deterministic: a status's response is named after its reason phrase in the IANA
//! registry (`402` is `PaymentRequired`), or `Status` and the number for a status the
//! registry does not assign (`Status499`); its body schema is that name and `Body`
//! (`PaymentRequiredBody`); an example is named by its code.
//!
//! A spec whose codes have parameters, message templates or deprecations (a catalog) gets one
//! schema per code, `{Ident}Detail`, with the code's `params` and its deprecation, and each
//! status's `error` is the `oneOf` of its codes' schemas with a `discriminator` on `code`
//! (see [`catalog`]). A spec without them keeps the simpler layout: its status's `error`
//! lists its codes in an `enum`.

use askama::Template;
use heck::ToUpperCamelCase;

use super::catalog::{self, CodeSchema};
use super::example::{ExampleValue, example_message, example_params};
use super::{INFO_VERSION, OAS_3_1_DIALECT, RETRYABLE_SENTENCE, one_line, yaml_key, yaml_string};
use crate::lint::registry::{self, Entry};
use crate::model::{Code, Envelope, Spec};
use crate::target::OpenApiVersion;

#[derive(Template)]
#[template(path = "openapi/error-codes-v2.yaml", escape = "none")]
struct OpenApiFileV2 {
    /// The whole first line: `# @generated ...`.
    header: String,
    /// The `openapi` field: `3.1.0` or `3.0.3`.
    openapi: &'static str,
    /// Written as OpenAPI 3.1 (JSON Schema 2020-12) rather than 3.0.
    v3_1: bool,
    dialect: &'static str,
    /// A response to name in the comment that shows how to reference one.
    example_ref: String,
    /// `info.title`, quoted.
    title: String,
    info_version: &'static str,
    /// The `error.name` of every body, quoted.
    error_name: String,
    /// `ErrorDetail.code`'s description, quoted, when the spec reserves codes (it names
    /// them); `None` keeps the fixed description.
    code_description: Option<String>,
    /// Whether `ErrorDetail` describes `params`: some code of the spec has parameters.
    params: bool,
    /// Whether each code has a schema of its own (see [`catalog::is_catalog`]).
    catalog: bool,
    /// One group per status: its response, its body schema and its codes.
    groups: Vec<StatusGroup>,
    /// Whether the bodies are RFC 9457 problem details, sent as `application/problem+json`.
    problem: bool,
}

/// The codes sent with one status.
struct StatusGroup {
    status: u16,
    /// The response's key under `components.responses`.
    response: String,
    /// The body schema's key under `components.schemas`.
    schema: String,
    /// The schema's description, quoted.
    schema_description: String,
    /// The response's description, quoted: the status and its codes, each marked as
    /// deprecated or retryable as it is, and [`RETRYABLE_SENTENCE`] when every code retries.
    description: String,
    /// Whether the response carries `x-retryable: true`: every code of its status is
    /// retryable, so the response is, whichever code it carries.
    retryable: bool,
    examples: Vec<CodeExample>,
    /// Each code's own schema, in a catalog; empty otherwise.
    codes: Vec<CodeSchema>,
}

/// One code's example body, its strings quoted.
struct CodeExample {
    /// The example's key: the code, as a YAML key.
    key: String,
    /// The code, quoted.
    code: String,
    /// The code's identifier, the one the Rust and TypeScript targets use, as a YAML scalar:
    /// its `x-enum-varnames` entry, which client generators name the enum's member by.
    ident: String,
    /// The code's description on one line, quoted: its `x-enum-descriptions` entry, which
    /// generators write into a line comment, where a line break would end the comment.
    enum_description: String,
    summary: String,
    description: String,
    message: String,
    /// Each parameter's value: its name as a YAML key, and the value as YAML.
    params: Vec<(String, String)>,
    /// The code's documentation URL and its title, quoted: a problem's `type` and `title`.
    type_url: String,
    title: String,
}

/// Renders the OpenAPI fragment of a format v2 spec.
pub(super) fn render(spec: &Spec, header: &str, version: OpenApiVersion) -> String {
    let problem = spec.api.envelope == Envelope::Problem;
    // Problem details give every code a schema of its own, with its `type` URL.
    let catalog = catalog::is_catalog(spec) || problem;
    let groups = groups(spec, catalog);
    let file = OpenApiFileV2 {
        header: header.to_owned(),
        openapi: version.document_version(),
        v3_1: version == OpenApiVersion::V3_1,
        dialect: OAS_3_1_DIALECT,
        example_ref: groups[0].response.clone(),
        title: yaml_string(&format!("{} API error responses", spec.api.name)),
        info_version: INFO_VERSION,
        error_name: yaml_string(&spec.api.error_name),
        code_description: catalog::reserved_description(spec).map(|text| yaml_string(&text)),
        params: spec.codes.iter().any(|code| !code.params.is_empty()),
        catalog,
        groups,
        problem,
    };
    let mut text = file
        .render()
        .expect("the OpenAPI template renders from plain strings");
    text.push('\n'); // askama drops the template's final newline
    text
}

/// The name of a status's response: its reason phrase as an identifier, `Status499` when
/// the registry does not assign it.
pub(crate) fn response_name(status: u16) -> String {
    match registry::lookup(status) {
        Entry::Assigned(phrase) => phrase.to_upper_camel_case(),
        Entry::Unused | Entry::Unassigned => format!("Status{status}"),
    }
}

/// The codes by status, statuses in the order they first appear.
fn groups(spec: &Spec, catalog: bool) -> Vec<StatusGroup> {
    let mut by_status: Vec<(u16, Vec<&Code>)> = Vec::new();
    for code in &spec.codes {
        match by_status
            .iter_mut()
            .find(|(status, _)| *status == code.status)
        {
            Some((_, codes)) => codes.push(code),
            None => by_status.push((code.status, vec![code])),
        }
    }
    by_status
        .into_iter()
        .map(|(status, codes)| {
            let schemas = if catalog {
                codes
                    .iter()
                    .map(|code| {
                        let name = catalog::schema_name(spec, code);
                        CodeSchema::new(code, name, spec.api.envelope)
                    })
                    .collect()
            } else {
                Vec::new()
            };
            group(status, &codes, schemas, spec.api.envelope)
        })
        .collect()
}

/// The name of a status's body schema: its response's name and `Body`.
fn body_schema(status: u16) -> String {
    format!("{}Body", response_name(status))
}

fn group(
    status: u16,
    codes: &[&Code],
    schemas: Vec<CodeSchema>,
    envelope: Envelope,
) -> StatusGroup {
    let response = response_name(status);
    let reason = match registry::lookup(status) {
        Entry::Assigned(phrase) => format!("{status} {phrase}"),
        Entry::Unused | Entry::Unassigned => status.to_string(),
    };
    // Whether the response is retryable whichever code it carries: then its description says
    // so once, after the codes, rather than beside each.
    let retryable = codes.iter().all(|code| code.retryable);
    let listed: Vec<String> = codes
        .iter()
        .map(|code| {
            let deprecated = if code.deprecated.is_some() {
                ", deprecated"
            } else {
                ""
            };
            let retries = if code.retryable && !retryable {
                ", retryable"
            } else {
                ""
            };
            format!("`{}` ({}{deprecated}{retries})", wire(code), code.title)
        })
        .collect();
    let mut description = format!("{reason}: {}.", listed.join(", "));
    if retryable {
        description = format!("{description}\n\n{RETRYABLE_SENTENCE}");
    }
    StatusGroup {
        status,
        schema: body_schema(status),
        schema_description: yaml_string(&match envelope {
            Envelope::Errspec => format!(
                "The error body of a {reason} response: its `error.code` is one of the codes \
                 sent with that status."
            ),
            Envelope::Problem => format!(
                "The problem details of a {reason} response: its `code` is one of the codes \
                 sent with that status."
            ),
        }),
        description: yaml_string(&description),
        retryable,
        response,
        examples: codes.iter().map(|code| example(code)).collect(),
        codes: schemas,
    }
}

fn wire(code: &Code) -> &str {
    code.code.as_deref().unwrap_or_default()
}

/// A code's example body: a value for each parameter, and its message (see
/// [`example_message`]); a deprecated code's summary says so, since a reader picks an example
/// by its summary.
fn example(code: &Code) -> CodeExample {
    let params = example_params(code);
    CodeExample {
        key: yaml_key(wire(code)),
        code: yaml_string(wire(code)),
        ident: yaml_key(&code.idents.openapi),
        enum_description: yaml_string(&one_line(&code.description)),
        summary: yaml_string(&match code.deprecated {
            Some(_) => format!("{} (deprecated)", code.title),
            None => code.title.clone(),
        }),
        description: yaml_string(&code.description),
        message: yaml_string(&example_message(code, &params)),
        type_url: yaml_string(code.docs_url.as_deref().unwrap_or_default()),
        title: yaml_string(&code.title),
        params: params
            .iter()
            .map(|param| {
                let value = match &param.value {
                    ExampleValue::String(text) => yaml_string(text),
                    other => other.text().to_owned(),
                };
                (yaml_key(param.name), value)
            })
            .collect(),
    }
}
