//! Format v2's own checks: the wire codes, their uniqueness, and the documentation URLs;
//! parameters and templates are in `params`, the life cycle in `lifecycle`.

use std::collections::BTreeMap;

use super::{
    CodeText, Draft, Lowering, check_codes_not_empty, check_identifier_collisions,
    check_status_range, lifecycle,
};
use crate::model::{Api, Envelope, Origin, Reserved};
use crate::spec::{RawCodeV2, RawSpecV2};
use crate::yaml::{Path, Span};

/// The longest wire code.
pub(crate) const MAX_CODE_LEN: usize = 64;

/// The one placeholder a documentation URL may hold.
const CODE_PLACEHOLDER: &str = "{code}";

impl Lowering<'_, '_> {
    pub(super) fn spec_v2(
        &mut self,
        raw: &RawSpecV2,
    ) -> (Option<Api>, Vec<Draft>, Option<Vec<Reserved>>) {
        let codes_path = Path::root().key("codes");
        check_codes_not_empty(self, raw.codes.is_empty(), &codes_path);
        let api_path = Path::root().key("api");
        let api_origin = Origin::of(self.document, &api_path);
        let docs = match &raw.api.docs {
            Some(docs) => check_docs_url(self, docs, &api_origin).map(Some).ok_or(()),
            None => Ok(None),
        };
        let mut drafts: Vec<Draft> = raw
            .codes
            .iter()
            .enumerate()
            .map(|(index, code)| self.code_v2(code, &codes_path.index(index), docs.as_ref()))
            .collect();
        check_duplicate_codes(self, &mut drafts);
        check_identifier_collisions(self, &drafts);
        let (reserved, all_reserved_valid) = self.reserved(&raw.reserved);
        lifecycle::check_reserved_unused(self, &drafts, &reserved);
        lifecycle::check_replacements(self, &drafts);
        let envelope = self.envelope(raw.api.envelope.as_deref(), &api_origin);
        if envelope == Ok(Envelope::Problem) {
            self.check_problem_codes(&drafts);
        }
        let api = self
            .api(&api_path, &raw.api.name, raw.api.error_name.as_deref())
            .zip(envelope.ok())
            .map(|(api, envelope)| Api { envelope, ..api });
        let reserved = all_reserved_valid.then_some(reserved);
        (api.filter(|_| docs.is_ok()), drafts, reserved)
    }

    /// `docs` is the API's URL template: `Ok(None)` when it has none, `Err` when it is invalid
    /// (and reported).
    fn code_v2(
        &mut self,
        raw: &RawCodeV2,
        path: &Path,
        docs: Result<&Option<String>, &()>,
    ) -> Draft {
        let origin = Origin::of(self.document, path);
        let code = check_code(self, &raw.code, &origin);
        let status = check_status_range(self, raw.status, 400..=599, &origin);
        let own_docs = raw
            .docs
            .as_deref()
            .map(|own| check_docs_url(self, own, &origin));
        let text = CodeText {
            name: raw.name.as_deref(),
            title: &raw.title,
            description: &raw.description,
            allow: &raw.allow,
        };
        let valid_code = code.is_some();
        let mut draft = self.code_text(&text, status, code, raw.retryable, "code", origin, path);
        let template = match (own_docs, docs) {
            (Some(own), _) => own,
            (None, Ok(api_docs)) => api_docs.clone(),
            (None, Err(())) => None,
        };
        draft.docs_url = template.map(|template| template.replace(CODE_PLACEHOLDER, &raw.code));
        draft.params = self.params(raw.params.as_ref(), path);
        draft.message = self.message(
            raw.message.as_deref(),
            raw.params.as_ref(),
            &draft.origin,
            path,
        );
        draft.deprecated = match &raw.deprecated {
            Some(why) => lifecycle::check_deprecation(self, why, &draft.origin, path)
                .map(Some)
                .ok_or(()),
            None => Ok(None),
        };
        draft.replaced_by = raw.replaced_by.clone();
        if !valid_code {
            // A v2 code is its wire code: without a valid one the draft must not finish.
            draft.status = None;
        }
        draft
    }
}

/// What is wrong with a wire code, if anything: it must be 1 to 64 of `[A-Za-z0-9_.-]`
/// starting with a letter.
pub(super) fn code_problem(code: &str) -> Option<&'static str> {
    Some(if code.is_empty() {
        "is empty"
    } else if !code.starts_with(|c: char| c.is_ascii_alphabetic()) {
        "does not start with a letter"
    } else if code.chars().count() > MAX_CODE_LEN {
        "is longer than 64 characters"
    } else if !code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
    {
        "holds a character other than a letter, a digit, `_`, `.` or `-`"
    } else {
        return None;
    })
}

/// The wire code, if it is valid.
fn check_code(lowering: &mut Lowering<'_, '_>, code: &str, origin: &Origin) -> Option<String> {
    let Some(problem) = code_problem(code) else {
        return Some(code.to_owned());
    };
    lowering.problem(
        "INVALID_CODE",
        origin.at("code"),
        format!("the code {code:?} {problem}"),
        "write the code as the API sends it: 1 to 64 letters, digits, `_`, `.` or `-`, starting \
         with a letter, e.g. `card_declined`",
    );
    None
}

/// Two codes that are the same, or the same but for case (clients compare codes in either
/// way, and a case-insensitive one cannot tell them apart). A repeated code's identifiers are
/// set aside, so that it is not also reported as a collision of identifiers.
fn check_duplicate_codes(lowering: &mut Lowering<'_, '_>, drafts: &mut [Draft]) {
    let mut first_use: BTreeMap<String, (String, Span)> = BTreeMap::new();
    for draft in drafts.iter_mut() {
        let Some(code) = draft.code.clone() else {
            continue;
        };
        let span = draft.origin.at("code");
        let Some((first, first_span)) = first_use.get(&code.to_lowercase()).cloned() else {
            first_use.insert(code.to_lowercase(), (code, span));
            continue;
        };
        draft.idents = None;
        let first_line = lowering.line_of(first_span);
        let message = if first == code {
            format!("the code `{code}` is already used at line {first_line}")
        } else {
            format!("the code `{code}` differs only in case from `{first}` at line {first_line}")
        };
        lowering.problem(
            "DUPLICATE_CODE",
            span,
            message,
            "give each code its own wire code, or merge the two",
        );
    }
}

/// The URL template `docs`, if it is an absolute `http`/`https` URL whose only placeholder is
/// `{code}`; reported at `origin`'s `docs` otherwise.
fn check_docs_url(lowering: &mut Lowering<'_, '_>, docs: &str, origin: &Origin) -> Option<String> {
    let Some(problem) = docs_url_problem(docs) else {
        return Some(docs.to_owned());
    };
    lowering.problem(
        "INVALID_DOCS_URL",
        origin.at("docs"),
        format!("the documentation URL {docs:?} {problem}"),
        "write an absolute http or https URL, where `{code}` stands for the code, e.g. \
         `https://docs.example.com/errors#{code}`",
    );
    None
}

/// What is wrong with a documentation URL template, if anything.
fn docs_url_problem(docs: &str) -> Option<String> {
    let rest = docs
        .strip_prefix("https://")
        .or_else(|| docs.strip_prefix("http://"));
    let Some(rest) = rest else {
        return Some("is not an absolute http or https URL".to_owned());
    };
    if rest.is_empty() || rest.starts_with(['/', '?', '#', '{']) {
        return Some("has no host".to_owned());
    }
    if let Some(c) = docs.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Some(format!("holds {c:?}, which a URL cannot hold as it is"));
    }
    let mut rest = docs;
    while let Some(at) = rest.find(['{', '}']) {
        let after = &rest[at..];
        if !after.starts_with(CODE_PLACEHOLDER) {
            let end = after.find('}').map_or(after.len(), |i| i + 1);
            let placeholder = &after[..end.min(after.len())];
            return Some(format!(
                "has {placeholder:?}, and its only placeholder is `{{code}}`"
            ));
        }
        rest = &after[CODE_PLACEHOLDER.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documentation_urls_are_absolute_http_with_only_the_code_placeholder() {
        for good in [
            "https://docs.example.com/errors#{code}",
            "http://x/{code}/{code}",
            "https://docs.example.com/errors",
        ] {
            assert_eq!(docs_url_problem(good), None, "{good}");
        }
        for (bad, problem) in [
            ("docs.example.com/{code}", "is not an absolute"),
            ("ftp://x/{code}", "is not an absolute"),
            ("https:///{code}", "has no host"),
            ("https://x/{status}", "has \"{status}\""),
            ("https://x/{code", "has \"{code\""),
            ("https://x/code}", "has \"}\""),
            ("https://x/a b", "holds ' '"),
        ] {
            let found = docs_url_problem(bad).unwrap_or_default();
            assert!(found.starts_with(problem), "{bad}: {found}");
        }
    }
}
