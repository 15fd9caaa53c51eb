//! The parameters and message templates of a format v2 spec in TypeScript: each code's
//! parameters as an interface (`QuotaExceededParams`), what `errorBody` takes after each code
//! (`ErrorBodyArgs`), the `params` member of each code's body (`ErrorParamsMembers`), the
//! parameters' facts in `ERROR_CODES`, and the example body's values.
//!
//! The template writes the runtime part (building a body, checking one) once for every such
//! spec: it reads the facts in `ERROR_CODES`, so it holds no code of its own.

use super::super::{
    DOC_WIDTH, MEMBER_DOC_WIDTH, PRINT_WIDTH, SHORT_KEY_WIDTH, TAB_WIDTH, Value, jsdoc,
    json_string, paragraphs, string_literal, value,
};
use super::{lifecycle_doc, wire};
use crate::model::{Code, Envelope, ParamKind, Part, Spec};
use crate::render::text::{doc_lines, wrap_markdown};

/// The declarations of a spec that uses parameters or templates.
pub(in crate::render::typescript) struct Params {
    /// The parameters' interface of each code that has parameters, in spec order.
    pub types: Vec<ParamsType>,
    /// The members of `ErrorParamsMembers`: one per code that has parameters.
    pub members: Vec<TypeMember>,
    /// The members of `ErrorBodyArgs`: one per code.
    pub args: Vec<TypeMember>,
}

/// The interface of one code's parameters, e.g. `QuotaExceededParams`.
pub(in crate::render::typescript) struct ParamsType {
    /// Its JSDoc comment, one line per item.
    pub doc: Vec<String>,
    /// Its name: the code's identifier and `Params`.
    pub name: String,
    /// One member per parameter, in spec order.
    pub fields: Vec<TypeMember>,
}

/// A member of an interface: its JSDoc comment and its lines, each as written one level in
/// (a later line of a member that spans several holds its own further indent).
pub(in crate::render::typescript) struct TypeMember {
    pub doc: Vec<String>,
    pub lines: Vec<String>,
}

impl TypeMember {
    /// Its lines as the file writes them, its doc first, for a template to indent alike.
    pub fn written(&self) -> Vec<&str> {
        self.doc
            .iter()
            .chain(&self.lines)
            .map(String::as_str)
            .collect()
    }
}

/// One element of an `ERROR_CODES` entry's `params`.
pub(in crate::render::typescript) struct ParamEntry {
    /// The wire name as a string literal.
    pub name: String,
    /// The type as the spec writes it, e.g. `integer`.
    pub kind: &'static str,
    pub optional: bool,
    pub description: Value,
}

/// The first code's body in the doc of `ErrorBody`, for a code with a template or
/// parameters: its message and its required parameters, made of example values.
pub(in crate::render::typescript) struct Example {
    pub message: String,
    /// Each required parameter's name with its value as JSON; `None` for a code without
    /// parameters, which sends no `params`.
    pub params: Option<Vec<(String, String)>>,
}

/// The declarations of `spec`'s parameters and templates.
pub(super) fn params(spec: &Spec) -> Params {
    let with_params = || spec.codes.iter().filter(|code| !code.params.is_empty());
    Params {
        types: with_params().map(|code| params_type(spec, code)).collect(),
        members: with_params()
            .map(|code| params_member(spec, code))
            .collect(),
        args: spec
            .codes
            .iter()
            .map(|code| args_member(spec, code))
            .collect(),
    }
}

/// The facts of `code`'s parameters, for its `ERROR_CODES` entry.
pub(super) fn entries(code: &Code) -> Vec<ParamEntry> {
    let indent = " ".repeat(4 * TAB_WIDTH);
    code.params
        .iter()
        .map(|param| ParamEntry {
            name: string_literal(&param.name, false),
            kind: param.kind.as_str(),
            optional: param.optional,
            description: value(
                &format!("{indent}description: "),
                &param.description,
                ",",
                "description".len() >= SHORT_KEY_WIDTH,
            ),
        })
        .collect()
}

/// The example body of `code` for the doc of `ErrorBody`, if the code has a template or
/// parameters: a string is the parameter's name in angle brackets (`<window>`), an integer
/// 1, a number 0.5 and a boolean `true`; only the required parameters are given.
pub(super) fn example(code: &Code) -> Option<Example> {
    if !code.has_params_or_template() {
        return None;
    }
    let kind = |name: &str| {
        let param = code.params.iter().find(|param| param.name == name);
        param.map_or(ParamKind::String, |param| param.kind)
    };
    let text = |name: &str| match kind(name) {
        ParamKind::String => format!("<{name}>"),
        ParamKind::Integer => "1".to_owned(),
        ParamKind::Number => "0.5".to_owned(),
        ParamKind::Boolean => "true".to_owned(),
    };
    let message = match &code.message {
        Some(template) => template
            .parts
            .iter()
            .map(|part| match part {
                Part::Text(text) => text.clone(),
                Part::Param(name) => text(name),
            })
            .collect(),
        None => code.title.clone(),
    };
    let params = (!code.params.is_empty()).then(|| {
        code.params
            .iter()
            .filter(|param| !param.optional)
            .map(|param| {
                let text = text(&param.name);
                let json = match param.kind {
                    ParamKind::String => json_string(&text),
                    _ => text,
                };
                (param.name.clone(), json)
            })
            .collect()
    });
    Some(Example { message, params })
}

/// The name of `code`'s parameters' interface. Identifiers are unique among codes, and no
/// other declaration of the module ends in `Params`, so it names nothing else.
fn type_name(code: &Code) -> String {
    format!("{}Params", code.idents.typescript)
}

/// The code as a key of an interface: as it is when it is an identifier, else quoted (a
/// wire code may hold `.` and `-`), as prettier leaves it.
pub(super) fn key(code: &Code) -> String {
    let wire = wire(code);
    let identifier = wire
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '$'));
    if identifier {
        wire.to_owned()
    } else {
        string_literal(wire, false)
    }
}

/// The doc of a member for `code` (`text`, then its deprecation) in an interface.
fn member_doc(spec: &Spec, code: &Code, text: &str) -> Vec<String> {
    let mut doc = wrap_markdown(text, MEMBER_DOC_WIDTH);
    let lifecycle = lifecycle_doc(spec, code, MEMBER_DOC_WIDTH);
    if !lifecycle.is_empty() {
        doc.push(String::new());
        doc.extend(lifecycle);
    }
    jsdoc(TAB_WIDTH, &doc)
}

fn params_type(spec: &Spec, code: &Code) -> ParamsType {
    let place = match spec.api.envelope {
        Envelope::Errspec => "in `error.params`",
        Envelope::Problem => "as members of its problem details",
    };
    let mut doc = paragraphs(&[format!(
        "The parameters of {{@link ErrorCode.{}}} {place}: what \
         {{@link errorBody}} takes for the code, and what a {{@link KnownErrorBody}} of \
         the code carries.",
        code.idents.typescript
    )]);
    let lifecycle = lifecycle_doc(spec, code, DOC_WIDTH);
    if !lifecycle.is_empty() {
        doc.push(String::new());
        doc.extend(lifecycle);
    }
    let fields = code
        .params
        .iter()
        .map(|param| {
            let mut doc = doc_lines(&param.description, MEMBER_DOC_WIDTH);
            if param.kind == ParamKind::Integer {
                doc.extend([String::new(), "An integer.".to_owned()]);
            }
            let kind = match param.kind {
                ParamKind::String => "string",
                ParamKind::Integer | ParamKind::Number => "number",
                ParamKind::Boolean => "boolean",
            };
            // prettier moves a type that does not fit after its name to the next line; only
            // an optional parameter's union can be that long.
            let (name, kind) = if param.optional {
                (format!("{}?:", param.name), format!("{kind} | undefined;"))
            } else {
                (format!("{}:", param.name), format!("{kind};"))
            };
            let lines = if TAB_WIDTH + name.len() + 1 + kind.len() <= PRINT_WIDTH {
                vec![format!("{name} {kind}")]
            } else {
                vec![name, format!("  {kind}")]
            };
            TypeMember {
                doc: jsdoc(TAB_WIDTH, &doc),
                lines,
            }
        })
        .collect();
    ParamsType {
        doc: jsdoc(0, &doc),
        name: type_name(code),
        fields,
    }
}

/// Whether every parameter of `code` may be left out (it has at least one).
fn all_optional(code: &Code) -> bool {
    code.params.iter().all(|param| param.optional)
}

fn params_member(spec: &Spec, code: &Code) -> TypeMember {
    if spec.api.envelope == Envelope::Problem {
        // The parameters are members of the body itself, each optional one optional there.
        return TypeMember {
            doc: member_doc(
                spec,
                code,
                &format!(
                    "`{}`: its parameters, members of its bodies beside the problem's own.",
                    wire(code)
                ),
            ),
            lines: vec![format!("{}: {};", key(code), type_name(code))],
        };
    }
    let (inner_doc, member) = if all_optional(code) {
        (
            "Its parameters; a server from before they were added sends none.",
            "params?",
        )
    } else {
        ("Its parameters, always there.", "params")
    };
    let mut lines = vec![format!("{}: {{", key(code))];
    lines.extend(
        jsdoc(2 * TAB_WIDTH, &[inner_doc.to_owned()])
            .into_iter()
            .map(|line| format!("  {line}")),
    );
    lines.push(format!("  {member}: {};", type_name(code)));
    lines.push("};".to_owned());
    TypeMember {
        doc: member_doc(
            spec,
            code,
            &format!("`{}`: the `params` of its bodies.", wire(code)),
        ),
        lines,
    }
}

fn args_member(spec: &Spec, code: &Code) -> TypeMember {
    let mut elements = Vec::new();
    if code.message.is_none() {
        elements.push("message: string".to_owned());
    }
    if !code.params.is_empty() {
        let optional = if all_optional(code) { "?" } else { "" };
        elements.push(format!("params{optional}: {}", type_name(code)));
    }
    let what = match (
        code.message.is_some(),
        code.params.is_empty(),
        all_optional(code),
    ) {
        (true, true, _) => "nothing more; its template is the message",
        (true, false, false) => "its parameters, from which its template makes the message",
        (true, false, true) => "its parameters, if any; its template makes the message",
        (false, true, _) => "the message",
        (false, false, false) => "the message, then its parameters",
        (false, false, true) => "the message, then its parameters, if any",
    };
    let key = key(code);
    let one_line = format!("{key}: [{}];", elements.join(", "));
    let lines = if TAB_WIDTH + one_line.len() <= PRINT_WIDTH {
        vec![one_line]
    } else {
        let mut lines = vec![format!("{key}: [")];
        lines.extend(elements.iter().map(|element| format!("  {element},")));
        lines.push("];".to_owned());
        lines
    };
    TypeMember {
        doc: member_doc(spec, code, &format!("`{}`: {what}.", wire(code))),
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::v2_spec as spec;

    #[test]
    fn codes_are_keys_as_they_are_unless_they_need_quotes() {
        let spec = spec(
            "  - {code: card_declined, status: 400, title: A, description: d}\n  - {code: payment.card-declined, status: 400, title: B, description: d}\n",
        );
        assert_eq!(key(&spec.codes[0]), "card_declined");
        assert_eq!(key(&spec.codes[1]), "\"payment.card-declined\"");
    }

    #[test]
    fn arguments_are_a_tuple_on_one_line_until_it_is_too_wide() {
        let spec = spec(
            "  - {code: plain, status: 400, title: A, description: d}
  - {code: fixed, status: 400, title: B, description: d, message: Fixed.}
  - code: templated
    status: 400
    title: C
    description: d
    message: '{a}'
    params: {a: {type: string, description: A.}, b: {type: integer, description: B., optional: true}}
  - code: optional_only
    status: 400
    title: D
    description: d
    params: {a: {type: string, description: A., optional: true}}
  - code: a_code_long_enough_to_push_its_tuple_past_the_limit
    status: 400
    title: E
    description: d
    params: {a: {type: boolean, description: A.}}
",
        );
        let lines: Vec<Vec<String>> = spec
            .codes
            .iter()
            .map(|code| args_member(&spec, code).lines)
            .collect();
        assert_eq!(lines[0], ["plain: [message: string];"]);
        assert_eq!(lines[1], ["fixed: [];"]);
        assert_eq!(lines[2], ["templated: [params: TemplatedParams];"]);
        assert_eq!(
            lines[3],
            ["optional_only: [message: string, params?: OptionalOnlyParams];"]
        );
        assert_eq!(
            lines[4],
            [
                "a_code_long_enough_to_push_its_tuple_past_the_limit: [",
                "  message: string,",
                "  params: ACodeLongEnoughToPushItsTuplePastTheLimitParams,",
                "];",
            ]
        );
    }

    #[test]
    fn parameters_are_typed_members_and_optional_ones_take_undefined() {
        let spec = spec(
            "  - code: c
    status: 400
    title: C
    description: d
    params:
      s: {type: string, description: S.}
      i: {type: integer, description: I.}
      n: {type: number, description: N., optional: true}
      b: {type: boolean, description: B.}
      a_parameter_name_long_enough_to_move_the_line_past_eighty_column: {type: string, description: L., optional: true}
",
        );
        let ty = params_type(&spec, &spec.codes[0]);
        assert_eq!(ty.name, "CParams");
        let lines: Vec<Vec<String>> = ty.fields.iter().map(|f| f.lines.clone()).collect();
        assert_eq!(
            lines,
            [
                vec!["s: string;".to_owned()],
                vec!["i: number;".to_owned()],
                vec!["n?: number | undefined;".to_owned()],
                vec!["b: boolean;".to_owned()],
                vec![
                    "a_parameter_name_long_enough_to_move_the_line_past_eighty_column?:".to_owned(),
                    "  string | undefined;".to_owned(),
                ],
            ]
        );
        assert_eq!(
            ty.fields[1].doc,
            ["/**", " * I.", " *", " * An integer.", " */"]
        );
        let member = params_member(&spec, &spec.codes[0]);
        assert_eq!(
            member.lines,
            [
                "c: {",
                "  /** Its parameters, always there. */",
                "  params: CParams;",
                "};"
            ]
        );
    }

    #[test]
    fn the_example_fills_the_template_with_values_of_each_type() {
        let spec = spec(
            "  - code: c
    status: 400
    title: C
    description: d
    message: '{{{s}}} {i} {n} {b}'
    params:
      s: {type: string, description: S.}
      i: {type: integer, description: I.}
      n: {type: number, description: N.}
      b: {type: boolean, description: B.}
      o: {type: string, description: O., optional: true}
  - {code: plain, status: 400, title: Plain, description: d}
  - {code: fixed, status: 400, title: Fixed, description: d, message: '{{}}'}
",
        );
        let filled = example(&spec.codes[0]).unwrap();
        assert_eq!(filled.message, "{<s>} 1 0.5 true");
        assert_eq!(
            filled.params.unwrap(),
            [
                ("s".to_owned(), "\"<s>\"".to_owned()),
                ("i".to_owned(), "1".to_owned()),
                ("n".to_owned(), "0.5".to_owned()),
                ("b".to_owned(), "true".to_owned()),
            ]
        );
        assert!(example(&spec.codes[1]).is_none());
        let fixed = example(&spec.codes[2]).unwrap();
        assert_eq!((fixed.message.as_str(), fixed.params), ("{}", None));
    }

    #[test]
    fn entries_lay_out_descriptions_as_prettier_does() {
        let long = "d".repeat(PRINT_WIDTH);
        let spec = spec(&format!(
            "  - code: c
    status: 400
    title: C
    description: d
    params:
      short: {{type: string, description: Short.}}
      long: {{type: integer, description: {long}, optional: true}}
"
        ));
        let entries = entries(&spec.codes[0]);
        assert_eq!(entries[0].name, "\"short\"");
        assert_eq!(entries[0].kind, "string");
        assert!(!entries[0].optional && !entries[0].description.break_after);
        assert_eq!(entries[1].kind, "integer");
        assert!(entries[1].optional && entries[1].description.break_after);
    }
}
