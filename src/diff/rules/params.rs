//! The changes to a code's parameters and message template (format v2), each said in terms of
//! whom it breaks: clients that read `error.params`, and servers that build bodies with the
//! generated constructors, `ErrorBody::quota_exceeded(..)` in Rust and
//! `errorBody("quota_exceeded", ..)` in TypeScript.
//!
//! Parameters are paired by their wire name within a paired code: a renamed parameter is a
//! removed one and an added one, since clients that read the old name do not find the new one.
//! The Rust constructor takes the required parameters in spec order, then the optional ones as
//! `Option`s, after a `message` when the code has no template; TypeScript takes them by name.
//! So an order matters only within each group, and only in Rust.

use crate::diff::Finding;
use crate::diff::matching::{Comparison, Indexed, Pair};
use crate::model::{Code, Param, ParamKind};
use crate::yaml::Span;

use super::{label, longest_increasing, whole};

pub(super) fn param_removed(c: &Comparison<'_>) -> Vec<Finding> {
    let mut found = Vec::new();
    for pair in &c.pairs {
        let (old, new) = (pair.old.code, pair.new.code);
        for param in old.params.iter().filter(|p| find(new, &p.name).is_none()) {
            found.push(Finding {
                message: format!(
                    "{} no longer has the parameter `{}`",
                    label(new),
                    param.name
                ),
                hint: Some(format!(
                    "keep it: clients that read `params.{}` no longer get it, and servers' calls \
                     of {} still pass it",
                    param.name,
                    constructors(new)
                )),
                old: Some(param.name_span),
                new: params_place(&pair.new),
            });
        }
    }
    found
}

pub(super) fn param_type_changed(c: &Comparison<'_>) -> Vec<Finding> {
    param_pairs(c)
        .filter(|p| p.old.kind != p.new.kind)
        .map(|p| {
            let (before, after) = (p.old.kind, p.new.kind);
            Finding {
                message: format!(
                    "{} changed its type from {} to {}",
                    param_label(p.code.new.code, p.new),
                    before.as_str(),
                    after.as_str()
                ),
                hint: Some(format!(
                    "add a parameter under a new name instead: clients that read `params.{name}` \
                     as {kind} fail on the new value, and servers' calls of {calls} pass {kind}",
                    name = p.new.name,
                    kind = a(before),
                    calls = constructors(p.code.new.code)
                )),
                old: Some(p.old.origin.at("type")),
                new: Some(p.new.origin.at("type")),
            }
        })
        .collect()
}

pub(super) fn param_made_optional(c: &Comparison<'_>) -> Vec<Finding> {
    param_pairs(c)
        .filter(|p| !p.old.optional && p.new.optional)
        .map(|p| {
            let code = p.code.new.code;
            Finding {
                message: format!("{} is now optional", param_label(code, p.new)),
                hint: Some(format!(
                    "keep it required: clients that read `params.{}` as always there fail on \
                     bodies without it, and `ErrorBody::{}` takes it as an `Option`, after the \
                     required parameters",
                    p.new.name, code.idents.rust_constructor
                )),
                old: Some(optional_place(p.old)),
                new: Some(optional_place(p.new)),
            }
        })
        .collect()
}

pub(super) fn param_added(c: &Comparison<'_>) -> Vec<Finding> {
    added_params(c, false)
        .map(|(pair, param)| Finding {
            message: format!(
                "{} has a new required parameter `{}`",
                label(pair.new.code),
                param.name
            ),
            hint: Some(format!(
                "every server's call of {} must now pass it; clients built before ignore it, and \
                 clients built after expect it in every body, so update every server first",
                constructors(pair.new.code)
            )),
            old: params_place(&pair.old),
            new: Some(param.name_span),
        })
        .collect()
}

pub(super) fn optional_param_added(c: &Comparison<'_>) -> Vec<Finding> {
    added_params(c, true)
        .map(|(pair, param)| Finding {
            message: format!(
                "{} has a new optional parameter `{}`",
                label(pair.new.code),
                param.name
            ),
            hint: Some(format!(
                "Rust servers' calls of `ErrorBody::{}` must pass one more argument (`None` sends \
                 the bodies they sent before); TypeScript calls and clients are unaffected",
                pair.new.code.idents.rust_constructor
            )),
            old: params_place(&pair.old),
            new: Some(param.name_span),
        })
        .collect()
}

pub(super) fn param_made_required(c: &Comparison<'_>) -> Vec<Finding> {
    param_pairs(c)
        .filter(|p| p.old.optional && !p.new.optional)
        .map(|p| {
            let code = p.code.new.code;
            Finding {
                message: format!("{} is now required", param_label(code, p.new)),
                hint: Some(format!(
                    "servers must now pass it: `ErrorBody::{}` takes it as a value among the \
                     required parameters, and `errorBody({:?}, ..)` calls without it stop \
                     compiling; clients regenerated from this version expect it in every body, \
                     so update every server first",
                    code.idents.rust_constructor,
                    wire(code)
                )),
                old: Some(optional_place(p.old)),
                new: Some(optional_place(p.new)),
            }
        })
        .collect()
}

/// The parameters whose place among the Rust constructor's arguments changed relative to the
/// others: of the parameters both versions have in the same group (required or optional), a
/// longest run in the old order stays, and each of the others is reported as moved.
pub(super) fn param_reordered(c: &Comparison<'_>) -> Vec<Finding> {
    let mut found = Vec::new();
    for pair in &c.pairs {
        let (old, new) = (pair.old.code, pair.new.code);
        let before = shared_arguments(old, new);
        let after = shared_arguments(new, old);
        let old_order: Vec<usize> = after
            .iter()
            .filter_map(|param| before.iter().position(|b| b.name == param.name))
            .collect();
        let kept = longest_increasing(&old_order);
        if kept.len() == after.len() {
            continue;
        }
        let hint = if signature(old) == signature(new) {
            "keep the old order: the arguments' types line up as before, so Rust calls written \
             for the old order still compile and send each value under another parameter's name"
        } else {
            "keep the old order: Rust calls written for the old order stop compiling where the \
             types no longer line up (TypeScript takes parameters by name)"
        };
        for (i, (param, &o)) in after.iter().zip(&old_order).enumerate() {
            if kept.contains(&i) {
                continue;
            }
            found.push(Finding {
                message: format!(
                    "{} moved among the arguments of `ErrorBody::{}`",
                    param_label(new, param),
                    new.idents.rust_constructor
                ),
                hint: Some(hint.to_owned()),
                old: Some(before[o].name_span),
                new: Some(param.name_span),
            });
        }
    }
    found
}

pub(super) fn message_template_added(c: &Comparison<'_>) -> Vec<Finding> {
    c.pairs
        .iter()
        .filter(|pair| pair.old.code.message.is_none() && pair.new.code.message.is_some())
        .map(|pair| {
            let code = pair.new.code;
            Finding {
                message: format!("{} now has a message template", label(code)),
                hint: Some(format!(
                    "every server's call changes: the template writes the message, so \
                     `ErrorBody::{}` loses its `message` argument and `errorBody({:?}, ..)` takes \
                     no message",
                    code.idents.rust_constructor,
                    wire(code)
                )),
                old: whole(&pair.old),
                new: Some(code.origin.at("message")),
            }
        })
        .collect()
}

pub(super) fn message_template_removed(c: &Comparison<'_>) -> Vec<Finding> {
    c.pairs
        .iter()
        .filter(|pair| pair.old.code.message.is_some() && pair.new.code.message.is_none())
        .map(|pair| {
            let code = pair.new.code;
            Finding {
                message: format!("{} no longer has a message template", label(code)),
                hint: Some(format!(
                    "every server's call changes: servers write the message again, so \
                     `ErrorBody::{}` takes a `message` argument first and `errorBody({:?}, ..)` \
                     takes the message",
                    code.idents.rust_constructor,
                    wire(code)
                )),
                old: Some(pair.old.code.origin.at("message")),
                new: whole(&pair.new),
            }
        })
        .collect()
}

pub(super) fn message_template_changed(c: &Comparison<'_>) -> Vec<Finding> {
    c.pairs
        .iter()
        .filter_map(
            |pair| match (&pair.old.code.message, &pair.new.code.message) {
                (Some(before), Some(after)) if before != after => Some(Finding {
                    message: format!(
                        "{} changed its message template from {:?} to {:?}",
                        label(pair.new.code),
                        before.text,
                        after.text
                    ),
                    hint: None,
                    old: Some(pair.old.code.origin.at("message")),
                    new: Some(pair.new.code.origin.at("message")),
                }),
                _ => None,
            },
        )
        .collect()
}

pub(super) fn param_description_changed(c: &Comparison<'_>) -> Vec<Finding> {
    param_pairs(c)
        .filter(|p| p.old.description != p.new.description)
        .map(|p| Finding {
            message: format!(
                "{} has a new description",
                param_label(p.code.new.code, p.new)
            ),
            hint: None,
            old: Some(p.old.origin.at("description")),
            new: Some(p.new.origin.at("description")),
        })
        .collect()
}

/// A parameter that both versions of a paired code have.
struct ParamPair<'c, 'a> {
    code: &'c Pair<'a>,
    old: &'a Param,
    new: &'a Param,
}

/// The parameters of every paired code that both versions have, in the new version's order.
fn param_pairs<'c, 'a>(c: &'c Comparison<'a>) -> impl Iterator<Item = ParamPair<'c, 'a>> {
    c.pairs.iter().flat_map(|code| {
        let old_code: &'a Code = code.old.code;
        code.new.code.params.iter().filter_map(move |new| {
            find(old_code, &new.name).map(|old| ParamPair { code, old, new })
        })
    })
}

/// The parameters of paired codes that only the new version has, optional or required.
fn added_params<'c, 'a>(
    c: &'c Comparison<'a>,
    optional: bool,
) -> impl Iterator<Item = (&'c Pair<'a>, &'a Param)> {
    c.pairs.iter().flat_map(move |pair| {
        let old_code: &'a Code = pair.old.code;
        pair.new
            .code
            .params
            .iter()
            .filter(move |param| {
                param.optional == optional && find(old_code, &param.name).is_none()
            })
            .map(move |param| (pair, param))
    })
}

/// The parameter of `code` with the wire name `name`.
fn find<'a>(code: &'a Code, name: &str) -> Option<&'a Param> {
    code.params.iter().find(|param| param.name == name)
}

/// The Rust constructor's parameters in the order it takes them: the required ones, then the
/// optional ones, each group in spec order.
fn arguments(code: &Code) -> impl Iterator<Item = &Param> {
    let (required, optional): (Vec<&Param>, Vec<&Param>) =
        code.params.iter().partition(|param| !param.optional);
    required.into_iter().chain(optional)
}

/// `code`'s constructor arguments that `other` has too, in the same group.
fn shared_arguments<'a>(code: &'a Code, other: &Code) -> Vec<&'a Param> {
    arguments(code)
        .filter(|param| find(other, &param.name).is_some_and(|o| o.optional == param.optional))
        .collect()
}

/// What a Rust call must match: whether the constructor takes a `message` first, then each
/// argument's type.
fn signature(code: &Code) -> (bool, Vec<(ParamKind, bool)>) {
    let types = arguments(code)
        .map(|param| (param.kind, param.optional))
        .collect();
    (code.message.is_none(), types)
}

/// How messages name a parameter: ``parameter `limit` of code `quota_exceeded` ``.
fn param_label(code: &Code, param: &Param) -> String {
    format!("parameter `{}` of {}", param.name, label(code))
}

/// The code's wire code (every v2 code has one).
fn wire(code: &Code) -> &str {
    code.code.as_deref().unwrap_or_default()
}

/// The constructors servers build the code's bodies with, in Rust and TypeScript.
fn constructors(code: &Code) -> String {
    format!(
        "`ErrorBody::{}` and `errorBody({:?}, ..)`",
        code.idents.rust_constructor,
        wire(code)
    )
}

/// A parameter's type with its article: `an integer`, `a string`.
fn a(kind: ParamKind) -> String {
    let article = match kind {
        ParamKind::Integer => "an",
        ParamKind::String | ParamKind::Number | ParamKind::Boolean => "a",
    };
    format!("{article} {}", kind.as_str())
}

/// Where reports point at a code's parameters as a whole: its `params:` key, or, without one,
/// the code itself.
fn params_place(code: &Indexed<'_>) -> Option<Span> {
    code.code.origin.key("params").or_else(|| whole(code))
}

/// A parameter's `optional:`, or its name when the key is absent (and so `false`).
fn optional_place(param: &Param) -> Span {
    param.origin.value("optional").unwrap_or(param.name_span)
}

#[cfg(test)]
mod tests {
    use crate::diff::{DiffOptions, diff};

    /// A v2 spec with one code `c` and these parameters, each `name: type` with a `?` after the
    /// type for an optional one, and the message template if any.
    fn spec(params: &[&str], message: Option<&str>) -> String {
        let mut text = "version: 2\napi:\n  name: Acme\ncodes:\n  - code: c\n    status: 400\n    title: T\n    description: d\n".to_owned();
        if let Some(message) = message {
            text.push_str(&format!("    message: {message:?}\n"));
        }
        if !params.is_empty() {
            text.push_str("    params:\n");
        }
        for param in params {
            let (name, kind) = param.split_once(": ").unwrap();
            let (kind, optional) = match kind.strip_suffix('?') {
                Some(kind) => (kind, true),
                None => (kind, false),
            };
            text.push_str(&format!(
                "      {name}: {{type: {kind}, description: d, optional: {optional}}}\n"
            ));
        }
        text
    }

    fn changes(old: &str, new: &str) -> Vec<(&'static str, String)> {
        diff(old, new, &DiffOptions::new("old.yaml", "new.yaml"))
            .unwrap()
            .into_iter()
            .map(|change| (change.id, change.hint.unwrap_or(change.message)))
            .collect()
    }

    fn ids(old: &[&str], new: &[&str]) -> Vec<&'static str> {
        changes(&spec(old, None), &spec(new, None))
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    }

    #[test]
    fn only_the_rust_constructors_order_is_an_order() {
        // Required parameters come first in Rust, whatever the spec's order.
        assert!(ids(&["a: string", "b: integer?"], &["b: integer?", "a: string"]).is_empty());
        assert_eq!(
            ids(
                &["a: string?", "b: integer?"],
                &["b: integer?", "a: string?"]
            ),
            ["PARAM_REORDERED"],
            "the optional ones keep their order among themselves"
        );
        // `b` made optional moves behind `c`: one change, not also a reordering.
        assert_eq!(
            ids(
                &["a: string", "b: string", "c: string"],
                &["a: string", "b: string?", "c: string"]
            ),
            ["PARAM_MADE_OPTIONAL"]
        );
        // A parameter added or removed shifts the others, but does not reorder them.
        assert_eq!(
            ids(&["a: string", "b: string"], &["x: string", "b: string"]),
            ["PARAM_REMOVED", "PARAM_ADDED"]
        );
    }

    #[test]
    fn a_reordering_says_whether_old_calls_still_compile() {
        let hint = |old: &[&str], new: &[&str], message: Option<&str>| -> String {
            let found = changes(&spec(old, message), &spec(new, message));
            assert_eq!(found.len(), 1, "{found:?}");
            found[0].1.clone()
        };
        let silent = hint(
            &["a: string", "b: string"],
            &["b: string", "a: string"],
            None,
        );
        assert!(silent.contains("still compile"), "{silent}");
        let loud = hint(
            &["a: string", "b: number"],
            &["b: number", "a: string"],
            None,
        );
        assert!(loud.contains("stop compiling"), "{loud}");
        let shifted = hint(
            &["a: boolean", "b: boolean", "c: integer"],
            &["a: boolean", "c: integer", "b: boolean"],
            Some("{a} {b} {c}"),
        );
        assert!(shifted.contains("stop compiling"), "{shifted}");
    }

    #[test]
    fn a_parameter_without_params_in_the_other_version_points_at_its_code() {
        let options = DiffOptions::new("old.yaml", "new.yaml");
        let found = diff(&spec(&[], None), &spec(&["a: string"], None), &options).unwrap();
        let at = |place: &Option<crate::diff::Place>| place.as_ref().unwrap().location.unwrap();
        assert_eq!(found[0].id, "PARAM_ADDED");
        assert_eq!((at(&found[0].old).line, at(&found[0].old).column), (5, 11));
        let found = diff(&spec(&["a: string"], None), &spec(&[], None), &options).unwrap();
        assert_eq!(found[0].id, "PARAM_REMOVED");
        assert_eq!((at(&found[0].new).line, at(&found[0].new).column), (5, 11));
    }
}
