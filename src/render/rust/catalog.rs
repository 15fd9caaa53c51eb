//! The parts of a format v2 file that only a catalog's features bring: parameters and message
//! templates (a constructor per code, `message_template`, `known` and the typed parameters),
//! and the life cycle (`#[deprecated]`, `is_deprecated`, `replaced_by`). A spec that uses none
//! of them gets none of them, so its file stays as it was.

use super::layout::{self, Expr, Type};
use super::{Arm, DOC_WIDTH, Shape, arm, comment_line, grouped_arms, string_literal};
use crate::model::{Code, Param, ParamKind, Spec};
use crate::render::text::{doc_lines, wrap_markdown};

/// The parameter machinery: present when some code has parameters or a message template.
pub(super) struct Params {
    /// `message_template`'s arms, or `None` when no code has a template.
    pub templates: Option<Vec<Arm>>,
    pub constructors: Vec<Constructor>,
    /// `known`'s arms, from `ErrorCode` to `KnownError`.
    pub known: Vec<Arm>,
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
    /// `templated` (on `ErrorDetail`, or `ParamMap` for problem details): a body whose message
    /// is rendered from its code's template.
    pub templated: bool,

    /// `ParamMap::put_string`: a string parameter in a constructor.
    pub put_string: bool,
    /// `ParamMap::put_some`: an optional parameter in a constructor.
    pub put_some: bool,
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
    /// `#[allow(clippy::struct_excessive_bools)]` when the spec gives the code more than three
    /// `bool` fields.
    pub attrs: Vec<String>,
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

/// Whether the spec deprecates a code.
pub(super) fn any_deprecated(spec: &Spec) -> bool {
    spec.codes.iter().any(|code| code.deprecated.is_some())
}

/// The life cycle's methods, when the spec uses a life cycle key.
pub(super) fn lifecycle(
    spec: &Spec,
    matches: impl Fn(&[String]) -> Vec<String>,
) -> Option<Lifecycle> {
    let uses = !spec.reserved.is_empty() || spec.uses_lifecycle();
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

/// `#[deprecated = "..."]` for a deprecated code, indented for a variant or an item of an
/// `impl`; nothing for another. The `= "note"` form is the attribute's `note`, and rustfmt
/// never breaks it, whereas `(note = "...")` breaks at a width that differs between style
/// editions.
pub(super) fn deprecated_attr(code: &Code) -> Vec<String> {
    code.deprecated
        .iter()
        .map(|reason| format!("    #[deprecated = {}]", string_literal(reason)))
        .collect()
}

/// The parameter machinery, when the spec uses parameters or templates.
pub(super) fn params(spec: &Spec) -> Option<Params> {
    if !spec.uses_params() {
        return None;
    }
    let mut helpers = Helpers::default();
    let shape = Shape::of(spec);
    let constructors = spec
        .codes
        .iter()
        .map(|code| constructor(code, &mut helpers, shape))
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
                format!("{}::read(self)?", struct_name(code))
            };
            arm(pattern, value)
        })
        .collect();
    let structs: Vec<ParamStruct> = spec
        .codes
        .iter()
        .filter(|code| !code.params.is_empty())
        .map(|code| param_struct(code, &mut helpers, shape))
        .collect();
    Some(Params {
        templates,
        constructors,
        known,
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

fn constructor(code: &Code, helpers: &mut Helpers, shape: Shape) -> Constructor {
    // A parameter named `message` keeps its name; the message argument is then `text`.
    let message_arg = if code
        .params
        .iter()
        .any(|param| param.idents.rust == "message")
    {
        free_name("text", &code.params)
    } else {
        "message".to_owned()
    };
    // The first paragraph stays short (clippy's `too_long_first_doc_paragraph`); the message,
    // spec text of any length, comes after it.
    let mut doc = wrap_markdown(
        &format!(
            "The body of an error of [`ErrorCode::{}`].",
            code.idents.rust
        ),
        DOC_WIDTH,
    );
    let message = match &code.message {
        Some(template) => format!(
            "Its message: {}",
            doc_text(&format!("\"{}\"", template.text))
        ),
        None if message_arg == "message" => "Its `message` is the server's.".to_owned(),
        None => format!(
            "Its message is the server's, `{message_arg}` (a parameter is named `message`)."
        ),
    };
    doc.push(String::new());
    doc.extend(wrap_markdown(&message, DOC_WIDTH));
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
    head.extend(deprecated_attr(code));
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
    // The spec decides how many arguments a code has: clippy's limits say nothing of the code.
    if args.len() > 7 {
        head.push("    #[allow(clippy::too_many_arguments)]".to_owned());
    }
    if required_booleans(code) > 3 {
        head.push("    #[allow(clippy::fn_params_excessive_bools)]".to_owned());
    }
    let mut lines = vec![String::new()];
    lines.extend(head);
    lines.extend(layout::signature(
        &code.idents.rust_constructor,
        &args,
        "Self",
    ));
    lines.extend(constructor_body(code, &message_arg, helpers, shape));
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

fn constructor_body(
    code: &Code,
    message_arg: &str,
    helpers: &mut Helpers,
    shape: Shape,
) -> Vec<String> {
    let variant = format!("ErrorCode::{}", code.idents.rust);
    if !code.has_params_or_template() {
        let new = Expr::call(
            "Self::new",
            vec![Expr::atom(variant), Expr::atom(message_arg)],
        );
        return layout::expr_lines(8, "", &new, "");
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
    // The values go in the spec's order, which `error.params` keeps on the wire.
    for param in &code.params {
        let method = if param.optional {
            helpers.put_some = true;
            "put_some"
        } else if param.kind == ParamKind::String {
            helpers.put_string = true;
            "put_string"
        } else {
            "insert"
        };
        let call = Expr::call(
            method,
            vec![
                Expr::atom(string_literal(&param.name)),
                Expr::atom(&param.idents.rust),
            ],
        );
        lines.extend(layout::method_lines(8, "", &map, &call, ";"));
    }
    let build = if code.message.is_some() {
        helpers.templated = true;
        Expr::call(
            format!("{}::templated", shape.helpers_type),
            vec![Expr::atom(variant), Expr::atom(map)],
        )
    } else {
        Expr::call(
            format!("{}::with_message", shape.helpers_type),
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
    lines.extend(deprecated_attr(code));
    if code.params.is_empty() {
        lines.push(format!("    {},", code.idents.rust));
    } else {
        lines.extend(layout::tuple_variant(&code.idents.rust, &struct_name(code)));
    }
    KnownVariant { lines }
}

fn param_struct(code: &Code, helpers: &mut Helpers, shape: Shape) -> ParamStruct {
    let wire = code.code.as_deref().unwrap_or_default();
    let mut doc = wrap_markdown(
        &format!(
            "The parameters of an error of [`ErrorCode::{}`].",
            code.idents.rust
        ),
        DOC_WIDTH + 4,
    );
    doc.push(String::new());
    doc.extend(wrap_markdown(
        &format!("As [`ErrorBody::known`] reads them from a `{wire}` body."),
        DOC_WIDTH + 4,
    ));
    let doc = doc.iter().map(|line| comment_line("///", line)).collect();
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
    let mut read_body = vec![
        format!("        let params = &body.{};", shape.params_field),
        "        let read = Self {".to_owned(),
    ];
    for param in &code.params {
        let (method, accessor) = (
            if param.optional {
                helpers.optional = true;
                "optional"
            } else {
                helpers.required = true;
                "required"
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
        read_body.extend(layout::method_lines(
            12,
            &format!("{}: ", param.idents.rust),
            "params",
            &read,
            ",",
        ));
    }
    read_body.push("        };".to_owned());
    read_body.extend(layout::some_known(&code.idents.rust));
    let eq = if code.params.iter().any(|p| p.kind == ParamKind::Number) {
        "PartialEq"
    } else {
        "PartialEq, Eq"
    };
    ParamStruct {
        attrs: if required_booleans(code) > 3 {
            vec!["#[allow(clippy::struct_excessive_bools)]".to_owned()]
        } else {
            Vec::new()
        },
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

/// How many required boolean parameters the code has: each a `bool` argument and field.
fn required_booleans(code: &Code) -> usize {
    code.params
        .iter()
        .filter(|param| param.kind == ParamKind::Boolean && !param.optional)
        .count()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::v2_spec as spec;

    const PLAIN: &str = "  - {code: a, status: 400, title: A, description: D.}\n";

    /// A second code, `b`, with `extra` among its keys.
    fn with_b(extra: &str) -> Spec {
        spec(&format!(
            "{PLAIN}  - {{code: b, status: 400, title: B, description: D., {extra}}}\n"
        ))
    }

    /// A spec whose code `b` has `strings` string parameters, `booleans` boolean ones (the
    /// last optional when `optional_boolean`), and a template unless `message_arg`.
    fn with_params(
        strings: usize,
        booleans: usize,
        optional_boolean: bool,
        message_arg: bool,
    ) -> Spec {
        let mut params: Vec<String> = (0..strings)
            .map(|i| format!("s{i}: {{type: string, description: P.}}"))
            .collect();
        params.extend((0..booleans).map(|i| {
            let optional = optional_boolean && i + 1 == booleans;
            format!("b{i}: {{type: boolean, description: P., optional: {optional}}}")
        }));
        let template = if message_arg { "" } else { ", message: M." };
        with_b(&format!("params: {{{}}}{template}", params.join(", ")))
    }

    /// The clippy lints that code `b`'s constructor and parameter struct allow.
    fn allowed(spec: &Spec) -> Vec<String> {
        let params = params(spec).expect("b has parameters");
        let constructor = &params.constructors[1];
        let struct_attrs = &params.structs[0].attrs;
        constructor
            .lines
            .iter()
            .chain(struct_attrs)
            .filter_map(|line| line.trim().strip_prefix("#[allow(clippy::"))
            .map(|lint| lint.trim_end_matches(")]").to_owned())
            .collect()
    }

    /// clippy warns past 7 arguments and past 3 `bool` arguments or fields: the generated
    /// code allows each lint exactly where clippy would warn, since the spec sets the count.
    #[test]
    fn clippys_limits_are_allowed_only_past_them() {
        assert!(allowed(&with_params(7, 0, false, false)).is_empty());
        assert!(allowed(&with_params(6, 0, false, true)).is_empty());
        assert_eq!(
            allowed(&with_params(8, 0, false, false)),
            ["too_many_arguments"]
        );
        assert_eq!(
            allowed(&with_params(7, 0, false, true)),
            ["too_many_arguments"]
        );
        assert!(allowed(&with_params(0, 3, false, false)).is_empty());
        assert!(allowed(&with_params(0, 4, true, false)).is_empty());
        assert_eq!(
            allowed(&with_params(0, 4, false, false)),
            ["fn_params_excessive_bools", "struct_excessive_bools"]
        );
    }

    /// `KnownError` is `Eq` when every parameter struct is: none holds a number.
    #[test]
    fn known_errors_compare_as_their_parameters_do() {
        let eq = |spec: &Spec| params(spec).expect("b has parameters").known_eq;
        assert_eq!(eq(&with_params(2, 1, true, false)), ", Eq");
        let number = with_b("params: {n: {type: number, description: N.}}");
        assert_eq!(eq(&number), "");
        let mixed = spec(&format!(
            "{PLAIN}  - {{code: b, status: 400, title: B, description: D., \
             params: {{n: {{type: number, description: N.}}}}}}\n  \
             - {{code: c, status: 400, title: C, description: D., \
             params: {{s: {{type: string, description: S.}}}}}}\n"
        ));
        assert_eq!(eq(&mixed), "");
    }

    #[test]
    fn a_template_or_a_parameter_alone_brings_the_parameter_machinery() {
        assert!(!spec(PLAIN).uses_params());
        assert!(params(&spec(PLAIN)).is_none());
        for extra in [
            "message: M.",
            "params: {p: {type: string, description: P.}}",
        ] {
            assert!(with_b(extra).uses_params(), "{extra}");
            assert!(params(&with_b(extra)).is_some(), "{extra}");
        }
    }

    #[test]
    fn each_lifecycle_key_alone_brings_the_lifecycle_methods() {
        let lifecycle_of = |spec: &Spec| lifecycle(spec, <[String]>::to_vec);
        assert!(lifecycle_of(&spec(PLAIN)).is_none());
        let reserved = spec(&format!("{PLAIN}reserved: [old]\n"));
        assert!(lifecycle_of(&reserved).is_some());
        let deprecated = lifecycle_of(&with_b("deprecated: Gone.")).expect("deprecated");
        assert_eq!(deprecated.is_deprecated, ["Self::B"]);
        assert!(deprecated.replaced_by.is_none());
        let replaced = lifecycle_of(&with_b("replaced_by: a")).expect("replaced");
        assert!(replaced.is_deprecated.is_empty());
        assert!(replaced.replaced_by.is_some());
    }
}
