//! Format v2's life cycle of a code: wire codes reserved for good, and a deprecated code's
//! replacement.

use std::collections::BTreeMap;

use super::v2::code_problem;
use super::{Draft, Lowering, check_not_empty};
use crate::model::{Origin, Reserved};
use crate::yaml::{Path, Span};

impl Lowering<'_, '_> {
    /// The reserved wire codes that are valid and listed once, and whether all are; each
    /// problem is reported.
    pub(super) fn reserved(&mut self, raw: &[String]) -> (Vec<Reserved>, bool) {
        let path = Path::root().key("reserved");
        let mut reserved: Vec<Reserved> = Vec::with_capacity(raw.len());
        let mut valid = true;
        for (index, code) in raw.iter().enumerate() {
            let span = self.document.span(&path.index(index)).unwrap_or_default();
            if let Some(problem) = code_problem(code) {
                self.problem(
                    "INVALID_CODE",
                    span,
                    format!("the reserved code {code:?} {problem}"),
                    "list each retired wire code as the API sent it, e.g. `legacy_auth_failed`",
                );
                valid = false;
            } else if let Some(first) = reserved.iter().find(|r| same_code(&r.code, code)) {
                let line = self.line_of(first.span);
                self.problem(
                    "DUPLICATE_RESERVED",
                    span,
                    format!("the code `{code}` is already reserved at line {line}"),
                    "list each reserved code once",
                );
                valid = false;
            } else {
                reserved.push(Reserved {
                    code: code.clone(),
                    span,
                });
            }
        }
        (reserved, valid)
    }
}

/// The reason a code is deprecated: text, not a flag. `deprecated: true` reads as the text
/// "true", which would tell nobody why or what to use instead.
pub(super) fn check_deprecation(
    lowering: &mut Lowering<'_, '_>,
    why: &str,
    origin: &Origin,
    path: &Path,
) -> Option<String> {
    let why = check_not_empty(lowering, why, origin, path, "deprecated")?;
    let flag = why.trim();
    let hint = if flag.eq_ignore_ascii_case("true") || flag.eq_ignore_ascii_case("yes") {
        "write why the code is deprecated and what to use instead, e.g. `deprecated: Use \
         card_declined instead.`"
    } else if flag.eq_ignore_ascii_case("false") || flag.eq_ignore_ascii_case("no") {
        "remove `deprecated:`: a code without it is in use"
    } else {
        return Some(why);
    };
    lowering.problem(
        "DEPRECATED_WITHOUT_REASON",
        origin.at("deprecated"),
        format!("`deprecated` takes the reason the code is deprecated, not `{flag}`"),
        hint,
    );
    None
}

/// Codes that use a reserved wire code (as codes compare: also ignoring case).
pub(super) fn check_reserved_unused(
    lowering: &mut Lowering<'_, '_>,
    drafts: &[Draft],
    reserved: &[Reserved],
) {
    for draft in drafts {
        let Some(code) = &draft.code else { continue };
        let Some(entry) = reserved.iter().find(|r| same_code(&r.code, code)) else {
            continue;
        };
        let line = lowering.line_of(entry.span);
        lowering.problem(
            "RESERVED_CODE",
            draft.origin.at("code"),
            format!("the code `{code}` is reserved at line {line}: it was retired for good"),
            "give the code a new wire code: a reserved one never comes back, so no client reads \
             an old code with a new meaning",
        );
    }
}

/// Each `replaced_by` names another code of the spec that is not itself deprecated.
pub(super) fn check_replacements(lowering: &mut Lowering<'_, '_>, drafts: &[Draft]) {
    let by_code: BTreeMap<&str, &Draft> = drafts
        .iter()
        .filter_map(|draft| Some((draft.code.as_deref()?, draft)))
        .collect();
    for draft in drafts {
        let Some(replacement) = &draft.replaced_by else {
            continue;
        };
        let span = draft.origin.at("replaced_by");
        let problem = match by_code.get(replacement.as_str()) {
            None => unknown_replacement(replacement, &by_code),
            Some(found) if std::ptr::eq(*found, draft) => (
                "REPLACED_BY_ITSELF",
                format!("the code `{replacement}` names itself as its replacement"),
                "name the code that clients should use instead, or remove `replaced_by`".to_owned(),
            ),
            Some(found) if !matches!(found.deprecated, Ok(None)) => (
                "REPLACEMENT_DEPRECATED",
                format!("`replaced_by` names `{replacement}`, which is deprecated too"),
                match &found.replaced_by {
                    Some(next) => format!("name `{next}`, which replaces `{replacement}`"),
                    None => "name a code that is not deprecated".to_owned(),
                },
            ),
            Some(_) => continue,
        };
        report(lowering, span, problem);
    }
}

fn unknown_replacement(
    replacement: &str,
    by_code: &BTreeMap<&str, &Draft>,
) -> (&'static str, String, String) {
    let near = by_code.keys().find(|code| same_code(code, replacement));
    (
        "UNKNOWN_REPLACEMENT",
        format!("`replaced_by` names `{replacement}`, which is not a code of this spec"),
        match near {
            Some(code) => format!("write `replaced_by: {code}`: codes are compared exactly"),
            None => "name the wire code of the code that clients should use instead".to_owned(),
        },
    )
}

fn report(lowering: &mut Lowering<'_, '_>, span: Span, problem: (&'static str, String, String)) {
    let (id, message, hint) = problem;
    lowering.problem(id, span, message, &hint);
}

/// Whether two wire codes are the same as clients may compare them: ignoring case.
fn same_code(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}
