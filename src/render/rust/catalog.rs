//! The parts of a format v2 file that only a catalog's features bring: parameters and message
//! templates (a constructor per code, `message_template`, `known` and the typed parameters),
//! and the life cycle (`#[deprecated]`, `is_deprecated`, `replaced_by`). A spec that uses none
//! of them gets none of them, so its file stays as it was.

use super::layout::{self, Expr, Type};
use super::{Arm, DOC_WIDTH, arm, comment_line, grouped_arms, string_literal};
use crate::model::{Code, Param, ParamKind, Spec};
use crate::render::text::{doc_lines, wrap_markdown};

/// The parameter machinery: present when some code has parameters or a message template.
pub(super) struct Params {
    /// `message_template`'s arms, or `None` when no code has a template.
    pub templates: Option<Vec<Arm>>,
    pub constructors: Vec<Constructor>,
    /// `known`'s arms, from `ErrorCode` to `KnownError`.
    pub known: Vec<Arm>,
    /// Whether some code has parameters, so `known` reads the body's.
    pub any_params: bool,
    pub known_variants: Vec<KnownVariant>,
    pub structs: Vec<ParamStruct>,
    /// Which private helpers the file uses, so that none is dead code.
    pub helpers: Helpers,
    /// `, Eq` for `KnownError`, unless a parameter is a number.
    pub known_eq: &'static str,
}

/// The private helpers of the generated file, each emitted only when some code uses it.
#[derive(Default)]
pub(super) struct Helpers {
    /// `ErrorDetail::templated`: a body whose message is rendered from its code's template.
    pub templated: bool,

    /// `ParamMap::insert_some`: an optional parameter in a constructor.
    pub insert_some: bool,
    /// `ParamMap::required` and `ParamMap::optional`: reading parameters back.
    pub required: bool,
    pub optional: bool,
}

/// One code's constructor on `ErrorBody`: a blank line, its doc comment, attributes,
/// signature and body, each line whole.
pub(super) struct Constructor {
    pub lines: Vec<String>,
}

/// A variant of `KnownError`, each line whole.
pub(super) struct KnownVariant {
    pub lines: Vec<String>,
}

/// The struct of one code's parameters, and its private `read`.
pub(super) struct ParamStruct {
    pub doc: Vec<String>,
    pub name: String,
    /// `PartialEq, Eq`, or only `PartialEq` when a field is an `f64`.
    pub eq: &'static str,
    /// Each field's doc comment and declaration, each line whole.
    pub fields: Vec<Vec<String>>,
    /// `read`'s attributes and body, each line whole.
    pub read_attrs: Vec<String>,
    pub read_body: Vec<String>,
}

/// The life cycle's methods: present when the spec deprecates, replaces or reserves codes.
pub(super) struct Lifecycle {
    /// `is_deprecated`'s body lines.
    pub is_deprecated: Vec<String>,
    /// `replaced_by`'s arms, or `None` when no code names a replacement.
    pub replaced_by: Option<Vec<Arm>>,
}

/// Whether the spec uses parameters or message templates.
pub(super) fn uses_params(spec: &Spec) -> bool {
    spec.codes
        .iter()
        .any(|code| code.message.is_some() || !code.params.is_empty())
}

/// Whether the spec deprecates a code.
pub(super) fn any_deprecated(spec: &Spec) -> bool {
    spec.codes.iter().any(|code| code.deprecated.is_some())
}

/// The life cycle's methods, when the spec uses a life cycle key.
pub(super) fn lifecycle(
    spec: &Spec,
    matches: impl Fn(&[String]) -> Vec<String>,
) -> Option<Lifecycle> {
    let uses = !spec.reserved.is_empty()
        || spec
            .codes
            .iter()
            .any(|code| code.deprecated.is_some() || code.replaced_by.is_some());
    if !uses {
        return None;
    }
    let deprecated: Vec<String> = spec
        .codes
        .iter()
        .filter(|code| code.deprecated.is_some())
        .map(|code| format!("Self::{}", code.idents.rust))
        .collect();
    let replaced_by = spec
        .codes
        .iter()
        .any(|code| code.replaced_by.is_some())
        .then(|| {
            grouped_arms(spec, |code| match &code.replaced_by {
                Some(wire) => format!("Self::{}", ident_of(spec, wire)),
                None => "return ::core::option::Option::None".to_owned(),
            })
        });
    Some(Lifecycle {
        is_deprecated: matches(&deprecated),
        replaced_by,
    })
}

/// The `ErrorCode` variant of the code whose wire code is `wire`.
fn ident_of<'a>(spec: &'a Spec, wire: &str) -> &'a str {
    spec.codes
        .iter()
        .find(|code| code.code.as_deref() == Some(wire))
        .map_or("", |code| code.idents.rust.as_str())
}

/// `#[deprecated(note = "...")]` for a deprecated code, at `indent`; nothing for another.
pub(super) fn deprecated_attr(code: &Code, indent: usize) -> Vec<String> {
    code.deprecated
        .as_deref()
        .map(|reason| layout::deprecated(indent, &string_literal(reason)))
        .unwrap_or_default()
}

/// The parameter machinery, when the spec uses parameters or templates.
pub(super) fn params(spec: &Spec) -> Option<Params> {
    if !uses_params(spec) {
        return None;
    }
    let mut helpers = Helpers::default();
    let constructors = spec
        .codes
        .iter()
        .map(|code| constructor(code, &mut helpers))
        .collect();
    let templates = spec
        .codes
        .iter()
        .any(|code| code.message.is_some())
        .then(|| {
            grouped_arms(spec, |code| match &code.message {
                Some(template) => string_literal(&template.text),
                None => "return ::core::option::Option::None".to_owned(),
            })
        });
    let known = spec
        .codes
        .iter()
        .map(|code| {
            let pattern = format!("ErrorCode::{}", code.idents.rust);
            let value = if code.params.is_empty() {
                format!("KnownError::{}", code.idents.rust)
            } else {
                format!("{}::read(params)?", struct_name(code))
            };
            arm(pattern, value)
        })
        .collect();
    let structs: Vec<ParamStruct> = spec
        .codes
        .iter()
        .filter(|code| !code.params.is_empty())
        .map(|code| param_struct(code, &mut helpers))
        .collect();
    Some(Params {
        templates,
        constructors,
        known,
        any_params: !structs.is_empty(),
        known_eq: if structs.iter().all(|s| s.eq == "PartialEq, Eq") {
            ", Eq"
        } else {
            ""
        },
        known_variants: spec.codes.iter().map(known_variant).collect(),
        structs,
        helpers,
    })
}

/// `QuotaExceededParams`.
fn struct_name(code: &Code) -> String {
    format!("{}Params", code.idents.rust)
}

/// A name for a local of a constructor or an argument, `base` unless a parameter has it.
fn free_name(base: &str, params: &[Param]) -> String {
    let mut name = base.to_owned();
    while params.iter().any(|param| param.idents.rust == name) {
        name.push('_');
    }
    name
}

/// Text for a doc comment, escaped, on one line.
fn doc_text(text: &str) -> String {
    doc_lines(text, usize::MAX).join(" ")
}

/// A Markdown list item wrapped to the doc width, its later lines indented under the first.
fn list_item(text: &str) -> Vec<String> {
    let mut lines = wrap_markdown(text, DOC_WIDTH - 2);
    for (index, line) in lines.iter_mut().enumerate() {
        line.insert_str(0, if index == 0 { "- " } else { "  " });
    }
    lines
}

/// `` `type` `` or, when the wire name differs from the identifier, `` `message_id` (`messageId`
/// on the wire) ``.
fn param_label(param: &Param) -> String {
    if param.idents.rust == param.name {
        format!("`{}`", param.idents.rust)
    } else {
        format!("`{}` (`{}` on the wire)", param.idents.rust, param.name)
    }
}

fn constructor(code: &Code, helpers: &mut Helpers) -> Constructor {
    let wire = code.code.as_deref().unwrap_or_default();
    let message_arg = free_name("message", &code.params);
    let intro = match &code.message {
        Some(template) => format!(
            "The `{wire}` body ({} {}), with the message {}",
            code.status,
            doc_text(&code.title),
            doc_text(&format!("\"{}\".", template.text))
        ),
        None if message_arg == "message" => format!(
            "The `{wire}` body ({} {}), with the `message` the server writes.",
            code.status,
            doc_text(&code.title)
        ),
        None => format!(
            "The `{wire}` body ({} {}), with the message the server writes as `{message_arg}` (a \
             parameter is named `message`).",
            code.status,
            doc_text(&code.title)
        ),
    };
    let mut doc = wrap_markdown(&intro, DOC_WIDTH);
    let mut ordered: Vec<&Param> = code.params.iter().filter(|p| !p.optional).collect();
    ordered.extend(code.params.iter().filter(|p| p.optional));
    if !ordered.is_empty() {
        doc.push(String::new());
        for param in &ordered {
            let optional = if param.optional {
                " Optional: `None` leaves it out."
            } else {
                ""
            };
            doc.extend(list_item(&format!(
                "{}: {}{optional}",
                param_label(param),
                doc_text(&param.description)
            )));
        }
    }
    let mut head: Vec<String> = doc
        .iter()
        .map(|line| comment_line("    ///", line))
        .collect();
    head.push("    #[must_use]".to_owned());
    head.extend(deprecated_attr(code, 4));
    if code.deprecated.is_some() {
        // The body names the deprecated variant; callers of the constructor still get the
        // warning its own attribute gives.
        head.push("    #[allow(deprecated)]".to_owned());
    }
    let mut args: Vec<(String, Type)> = Vec::new();
    if code.message.is_none() {
        args.push((message_arg.clone(), INTO_STRING));
    }
    args.extend(
        ordered
            .iter()
            .map(|param| (param.idents.rust.clone(), arg_type(param))),
    );
    if args.len() > 7 {
        head.push("    #[allow(clippy::too_many_arguments)]".to_owned());
    }
    let mut lines = vec![String::new()];
    lines.extend(head);
    lines.extend(layout::signature(
        &code.idents.rust_constructor,
        &args,
        "Self",
    ));
    lines.extend(constructor_body(code, &ordered, &message_arg, helpers));
    lines.push("    }".to_owned());
    Constructor { lines }
}

/// `impl Into<String>`, a string argument of a constructor.
const INTO_STRING: Type = Type::Generic("impl ::core::convert::Into", "::std::string::String");

fn arg_type(param: &Param) -> Type {
    let plain = match param.kind {
        ParamKind::String if param.optional => {
            return Type::Generic("::core::option::Option", "::std::string::String");
        }
        ParamKind::String => return INTO_STRING,
        ParamKind::Integer => "i64",
        ParamKind::Number => "f64",
        ParamKind::Boolean => "bool",
    };
    if param.optional {
        Type::Generic("::core::option::Option", plain)
    } else {
        Type::Plain(plain)
    }
}

fn variant_name(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::String => "String",
        ParamKind::Integer => "Integer",
        ParamKind::Number => "Number",
        ParamKind::Boolean => "Boolean",
    }
}

fn constructor_body(
    code: &Code,
    ordered: &[&Param],
    message_arg: &str,
    helpers: &mut Helpers,
) -> Vec<String> {
    let variant = format!("ErrorCode::{}", code.idents.rust);
    if code.params.is_empty() && code.message.is_none() {
        return vec![format!("        Self::new({variant}, {message_arg})")];
    }
    let map = if code.params.is_empty() {
        "ParamMap::new()".to_owned()
    } else {
        free_name("params", &code.params)
    };
    let mut lines = Vec::new();
    if !code.params.is_empty() {
        lines.push(format!("        let mut {map} = ParamMap::new();"));
    }
    for param in ordered {
        let ident = &param.idents.rust;
        let kind = variant_name(param.kind);
        let value = if param.optional {
            helpers.insert_some = true;
            Expr::call(
                format!("{ident}.map"),
                vec![Expr::atom(format!("ParamValue::{kind}"))],
            )
        } else if param.kind == ParamKind::String {
            Expr::call(
                "ParamValue::String",
                vec![Expr::atom(format!("{ident}.into()"))],
            )
        } else {
            Expr::call(format!("ParamValue::{kind}"), vec![Expr::atom(ident)])
        };
        let method = if param.optional {
            "insert_some"
        } else {
            "insert"
        };
        let call = Expr::call(
            format!("{map}.{method}"),
            vec![Expr::atom(string_literal(&param.name)), value],
        );
        lines.extend(layout::expr_lines(8, "", &call, ";"));
    }
    let build = if code.message.is_some() {
        helpers.templated = true;
        Expr::call(
            "ErrorDetail::templated",
            vec![Expr::atom(variant), Expr::atom(map)],
        )
    } else {
        Expr::call(
            "ErrorDetail::with_message",
            vec![
                Expr::atom(variant),
                Expr::atom(format!("{message_arg}.into()")),
                Expr::atom(map),
            ],
        )
    };
    lines.extend(layout::expr_lines(8, "", &build, ""));
    lines
}

fn known_variant(code: &Code) -> KnownVariant {
    let wire = code.code.as_deref().unwrap_or_default();
    let prefix = format!("`{wire}`: ");
    let mut doc = doc_lines(
        &format!("{} {}", code.status, code.title),
        DOC_WIDTH.saturating_sub(prefix.len()),
    );
    if let Some(first) = doc.first_mut() {
        first.insert_str(0, &prefix);
    }
    let mut lines: Vec<String> = doc
        .iter()
        .map(|line| comment_line("    ///", line))
        .collect();
    lines.extend(deprecated_attr(code, 4));
    if code.params.is_empty() {
        lines.push(format!("    {},", code.idents.rust));
    } else {
        lines.extend(layout::tuple_variant(&code.idents.rust, &struct_name(code)));
    }
    KnownVariant { lines }
}

fn param_struct(code: &Code, helpers: &mut Helpers) -> ParamStruct {
    let wire = code.code.as_deref().unwrap_or_default();
    let intro = format!(
        "The parameters of a `{wire}` error ([`ErrorCode::{}`]), as [`ErrorBody::known`] reads \
         them.",
        code.idents.rust
    );
    let doc = wrap_markdown(&intro, DOC_WIDTH + 4)
        .iter()
        .map(|line| comment_line("///", line))
        .collect();
    let fields = code
        .params
        .iter()
        .map(|param| {
            let mut doc = doc_lines(&param.description, DOC_WIDTH);
            if param.idents.rust != param.name {
                doc.push(String::new());
                doc.push(format!("`{}` on the wire.", param.name));
            }
            let mut lines: Vec<String> = doc
                .iter()
                .map(|line| comment_line("    ///", line))
                .collect();
            lines.extend(layout::field(&param.idents.rust, field_type(param)));
            lines
        })
        .collect();
    let mut read_body = vec!["        let read = Self {".to_owned()];
    for param in &code.params {
        let (method, accessor) = (
            if param.optional {
                helpers.optional = true;
                "params.optional"
            } else {
                helpers.required = true;
                "params.required"
            },
            match param.kind {
                ParamKind::String => "ParamValue::as_str",
                ParamKind::Integer => "ParamValue::as_i64",
                ParamKind::Number => "ParamValue::as_f64",
                ParamKind::Boolean => "ParamValue::as_bool",
            },
        );
        let read = Expr::try_call(
            method,
            vec![
                Expr::atom(string_literal(&param.name)),
                Expr::atom(accessor),
            ],
        );
        read_body.extend(layout::expr_lines(
            12,
            &format!("{}: ", param.idents.rust),
            &read,
            ",",
        ));
    }
    read_body.push("        };".to_owned());
    let wrap = Expr::call(
        "::core::option::Option::Some",
        vec![Expr::call(
            format!("KnownError::{}", code.idents.rust),
            vec![Expr::atom("read")],
        )],
    );
    read_body.extend(layout::expr_lines(8, "", &wrap, ""));
    let eq = if code.params.iter().any(|p| p.kind == ParamKind::Number) {
        "PartialEq"
    } else {
        "PartialEq, Eq"
    };
    ParamStruct {
        doc,
        name: struct_name(code),
        eq,
        fields,
        read_attrs: if code.deprecated.is_some() {
            vec!["    #[allow(deprecated)]".to_owned()]
        } else {
            Vec::new()
        },
        read_body,
    }
}

fn field_type(param: &Param) -> &'static str {
    match (param.kind, param.optional) {
        (ParamKind::String, false) => "::std::string::String",
        (ParamKind::String, true) => "::core::option::Option<::std::string::String>",
        (ParamKind::Integer, false) => "i64",
        (ParamKind::Integer, true) => "::core::option::Option<i64>",
        (ParamKind::Number, false) => "f64",
        (ParamKind::Number, true) => "::core::option::Option<f64>",
        (ParamKind::Boolean, false) => "bool",
        (ParamKind::Boolean, true) => "::core::option::Option<bool>",
    }
}
