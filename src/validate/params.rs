//! Format v2's parameters and message templates: each parameter's name, type and
//! identifiers, and a template that uses only required parameters of its code.

use std::collections::BTreeMap;

use super::template::{self, Placeholder};
use super::{Lowering, check_not_empty};
use crate::model::{Origin, Param, ParamKind, Template};
use crate::names::ParamIdentifiers;
use crate::spec::RawParam;
use crate::yaml::read::Entries;
use crate::yaml::{Path, Span};

/// The longest parameter name.
const MAX_PARAM_NAME_LEN: usize = 64;

impl Lowering<'_, '_> {
    /// The code's parameters, when every one is valid; each problem is reported.
    pub(super) fn params(
        &mut self,
        raw: Option<&Entries<RawParam>>,
        code_path: &Path,
    ) -> Option<Vec<Param>> {
        let Some(Entries(raw)) = raw else {
            return Some(Vec::new());
        };
        let path = code_path.key("params");
        let keys = self.document.entries(&path);
        let params_span = self.document.span(&path).unwrap_or_default();
        let params: Vec<Option<Param>> = raw
            .iter()
            .map(|(name, raw)| {
                let key = keys.iter().find(|(key, _, _)| key == name);
                let name_span = key.map_or(params_span, |(_, span, _)| *span);
                self.param(name, raw, name_span, &path.key(name))
            })
            .collect();
        let params: Option<Vec<Param>> = params.into_iter().collect();
        if let Some(params) = &params {
            check_param_collisions(self, params);
        }
        params
    }

    fn param(&mut self, name: &str, raw: &RawParam, name_span: Span, path: &Path) -> Option<Param> {
        let origin = Origin::of(self.document, path);
        let valid_name = check_param_name(self, name, name_span);
        let kind = check_param_type(self, &raw.kind, &origin);
        let description = check_not_empty(self, &raw.description, &origin, path, "description");
        valid_name.then_some(())?;
        Some(Param {
            name: name.to_owned(),
            kind: kind?,
            description: description?,
            optional: raw.optional,
            idents: ParamIdentifiers::for_name(name),
            name_span,
            origin,
        })
    }

    /// The code's message template, `Ok(None)` when it has none, `Err` when it is invalid
    /// (and reported). Placeholders are checked against the parameters as written, so that
    /// a template is checked even when a parameter is invalid.
    pub(super) fn message(
        &mut self,
        raw: Option<&str>,
        params: Option<&Entries<RawParam>>,
        origin: &Origin,
        path: &Path,
    ) -> Result<Option<Template>, ()> {
        let Some(text) = raw else {
            return Ok(None);
        };
        check_not_empty(self, text, origin, path, "message").ok_or(())?;
        let span = origin.at("message");
        let (parts, placeholders) = match template::parse(text) {
            Ok(parsed) => parsed,
            Err(error) => {
                let at = self.document.lines().within(span, text, error.at);
                let message = format!("the message {}", error.problem);
                self.problem("INVALID_TEMPLATE", at, message, error.hint);
                return Err(());
            }
        };
        let declared = params.map_or(&[][..], |Entries(entries)| entries.as_slice());
        let mut valid = true;
        for placeholder in &placeholders {
            valid &= check_placeholder(self, placeholder, declared, span, text);
        }
        valid.then_some(()).ok_or(())?;
        Ok(Some(Template {
            text: text.to_owned(),
            parts,
        }))
    }
}

/// Whether `name` is 1 to 64 of `[A-Za-z0-9_]` starting with a letter; reported if not.
fn check_param_name(lowering: &mut Lowering<'_, '_>, name: &str, span: Span) -> bool {
    let problem = if name.is_empty() {
        "is empty"
    } else if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        "does not start with a letter"
    } else if name.chars().count() > MAX_PARAM_NAME_LEN {
        "is longer than 64 characters"
    } else if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        "holds a character other than a letter, a digit or `_`"
    } else {
        return true;
    };
    lowering.problem(
        "INVALID_PARAM_NAME",
        span,
        format!("the parameter name {name:?} {problem}"),
        "name the parameter as it goes on the wire: 1 to 64 letters, digits or `_`, starting \
         with a letter, e.g. `resets_at`",
    );
    false
}

/// The parameter's type, if `type` names one; reported with the likely fix if not.
fn check_param_type(
    lowering: &mut Lowering<'_, '_>,
    kind: &str,
    origin: &Origin,
) -> Option<ParamKind> {
    if let Some(kind) = ParamKind::parse(kind) {
        return Some(kind);
    }
    let meant = match kind.to_ascii_lowercase().as_str() {
        "int" | "integer" | "i64" | "i32" | "long" | "u64" | "u32" => Some(ParamKind::Integer),
        "float" | "double" | "f64" | "f32" | "decimal" | "number" => Some(ParamKind::Number),
        "bool" | "boolean" => Some(ParamKind::Boolean),
        "str" | "string" | "text" => Some(ParamKind::String),
        _ => None,
    };
    let hint = match meant {
        Some(meant) => format!("write `type: {}`", meant.as_str()),
        None => "the types are `string`, `integer`, `number` and `boolean`".to_owned(),
    };
    lowering.problem(
        "INVALID_PARAM_TYPE",
        origin.at("type"),
        format!(
            "the type {kind:?} is not a parameter type: one of string, integer, number, boolean"
        ),
        &hint,
    );
    None
}

/// Two parameters of one code whose names make the same identifier in a target
/// (`userId` and `user_id` are both `user_id` in Rust).
fn check_param_collisions(lowering: &mut Lowering<'_, '_>, params: &[Param]) {
    let mut taken: BTreeMap<(&str, &str), &Param> = BTreeMap::new();
    for param in params {
        for (target, ident) in param.idents.by_target() {
            let Some(first) = taken.insert((target, ident), param) else {
                continue;
            };
            taken.insert((target, ident), first);
            lowering.problem(
                "IDENTIFIER_COLLISION",
                param.name_span,
                format!(
                    "the parameters `{}` and `{}` both become `{ident}` in {target}",
                    first.name, param.name
                ),
                "rename one of them",
            );
            break;
        }
    }
}

/// Whether `placeholder` names a required parameter of `declared`; reported if not.
fn check_placeholder(
    lowering: &mut Lowering<'_, '_>,
    placeholder: &Placeholder,
    declared: &[(String, RawParam)],
    span: Span,
    text: &str,
) -> bool {
    let name = &placeholder.name;
    let at = lowering
        .document
        .lines()
        .within(span, text, placeholder.at.clone());
    match declared.iter().find(|(declared, _)| declared == name) {
        Some((_, param)) if !param.optional => true,
        Some(_) => {
            lowering.problem(
                "OPTIONAL_PLACEHOLDER",
                at,
                format!(
                    "the message uses `{{{name}}}`, an optional parameter, which an error may \
                     leave out"
                ),
                &format!(
                    "make `{name}` required (remove its `optional: true`), or take it out of the \
                     message"
                ),
            );
            false
        }
        None => {
            let names: Vec<String> = declared
                .iter()
                .filter(|(_, param)| !param.optional)
                .map(|(name, _)| format!("`{name}`"))
                .collect();
            let hint = match names.is_empty() {
                true => format!(
                    "declare `{name}` under the code's `params:`, or write `{{{{` and `}}}}` for \
                     literal braces"
                ),
                false => format!(
                    "use one of the code's required parameters ({}), or declare `{name}` under \
                     its `params:`",
                    names.join(", ")
                ),
            };
            lowering.problem(
                "UNKNOWN_PLACEHOLDER",
                at,
                format!("the message uses `{{{name}}}`, which is not a parameter of this code"),
                &hint,
            );
            false
        }
    }
}
