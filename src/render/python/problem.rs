//! The parts of a format v2 module that only RFC 9457 problem details have
//! (`api.envelope: problem`): a `TypedDict` per code with parameters, whose keys are the
//! parameters beside the problem's own members, and the return type of the code's constructor.
//!
//! Python 3.10's `typing` has no `NotRequired`, so a code's optional parameters are the keys
//! of a second, `total=False` `TypedDict`, and the code's body inherits from `ErrorBody` and
//! both. A `TypedDict` is written in class syntax, which ruff asks for (`UP013`), unless one of
//! its keys is a keyword, which only the functional syntax can hold.

use super::{INDENT, doc_escape, docstring, python_type, string_literal};
use crate::model::{Code, Param};
use crate::names::is_python_keyword;

/// The name of the `TypedDict` of the bodies of `code`, when it has parameters:
/// `QuotaExceededErrorBody`. The suffix keeps it apart from every other name the module
/// defines (a code named `error` would otherwise be `ErrorBody`).
pub(super) fn body_type(code: &Code) -> Option<String> {
    (!code.params.is_empty()).then(|| format!("{}ErrorBody", code.idents.typescript))
}

/// The `TypedDict`s of the bodies of `code`, as lines with two blank lines between them:
/// `_QuotaExceededRequired` and `_QuotaExceededOptional` for its required and its optional
/// parameters (each only when there are some), and `QuotaExceededErrorBody` that joins them
/// to `ErrorBody`. Nothing for a code without parameters, whose body is an `ErrorBody`.
pub(super) fn body_types(code: &Code) -> Option<Vec<String>> {
    let name = body_type(code)?;
    let wire = doc_escape(code.code.as_deref().unwrap_or_default());
    let (optional, required): (Vec<&Param>, Vec<&Param>) =
        code.params.iter().partition(|param| param.optional);
    let camel = &code.idents.typescript;
    let mut bases = vec!["ErrorBody".to_owned()];
    let mut lines = Vec::new();
    for (params, suffix, total, summary) in [
        (
            &required,
            "Required",
            true,
            "The parameters every body of ``{}`` carries.",
        ),
        (
            &optional,
            "Optional",
            false,
            "The parameters a body of ``{}`` carries when they are given.",
        ),
    ] {
        if params.is_empty() {
            continue;
        }
        let part = format!("_{camel}{suffix}");
        let summary = summary.replace("{}", &wire);
        lines.extend(typed_dict(&part, params, total, &summary));
        lines.extend([String::new(), String::new()]);
        bases.push(part);
    }
    lines.push(format!("class {name}("));
    lines.extend(bases.iter().map(|base| format!("    {base},")));
    lines.push("):".to_owned());
    lines.extend(docstring(
        INDENT,
        &format!("The body of an error with the code ``{wire}``."),
        &[
            "Its parameters are members beside the problem's own, by their names on the wire;"
                .to_owned(),
            "an optional one that is not given is left out.".to_owned(),
        ],
    ));
    Some(lines)
}

/// A `TypedDict` named `name` with a key per parameter, typed as the spec declares it.
fn typed_dict(name: &str, params: &[&Param], total: bool, summary: &str) -> Vec<String> {
    let fields = params
        .iter()
        .map(|param| (param.name.as_str(), python_type(param.kind)));
    if params.iter().any(|param| is_python_keyword(&param.name)) {
        let mut lines = vec![
            format!("{name} = TypedDict("),
            format!("    {},", string_literal(name)),
            "    {".to_owned(),
        ];
        lines.extend(fields.map(|(key, kind)| format!("        {}: {kind},", string_literal(key))));
        lines.push("    },".to_owned());
        if !total {
            lines.push("    total=False,".to_owned());
        }
        lines.push(")".to_owned());
        lines.push(format!("\"\"\"{summary}\"\"\""));
        return lines;
    }
    let mut lines = vec![if total {
        format!("class {name}(TypedDict):")
    } else {
        format!("class {name}(TypedDict, total=False):")
    }];
    lines.extend(docstring(INDENT, summary, &[]));
    lines.push(String::new());
    lines.extend(fields.map(|(key, kind)| format!("    {key}: {kind}")));
    lines
}
