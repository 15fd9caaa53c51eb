//! The changes to the API as a whole: its name, the `error.name` of every body, the example.

use crate::model::{Api, Example, Spec};

use super::and_list;
use crate::diff::Finding;
use crate::diff::matching::Comparison;

pub(super) fn error_name_changed(c: &Comparison<'_>) -> Vec<Finding> {
    let (old, new) = (&c.old.api.error_name, &c.new.api.error_name);
    if old == new {
        return Vec::new();
    }
    // Absent, it is the default, "Error": point at the `api` key then.
    let place = |spec: &Spec| {
        spec.api
            .origin
            .value("error_name")
            .or(spec.origin.key("api"))
    };
    vec![Finding {
        message: format!("every error body's `error.name` changed from {old:?} to {new:?}"),
        hint: Some(format!(
            "keep it {old:?}: clients that recognise error bodies by `error.name` (`ErrorBody::NAME` in Rust, `ERROR_NAME` in TypeScript) would reject every new one"
        )),
        old: place(c.old),
        new: place(c.new),
    }]
}

pub(super) fn envelope_changed(c: &Comparison<'_>) -> Vec<Finding> {
    let (old, new) = (c.old.api.envelope, c.new.api.envelope);
    if old == new {
        return Vec::new();
    }
    // Absent, it is errspec's: point at the `api` key then.
    let place = |spec: &Spec| spec.api.origin.value("envelope").or(spec.origin.key("api"));
    vec![Finding {
        message: format!(
            "the error bodies' envelope changed from `{}` ({}) to `{}` ({})",
            old.as_str(),
            old.media_type(),
            new.as_str(),
            new.media_type()
        ),
        hint: Some(format!(
            "keep `envelope: {}`: clients built for it read no error body of the new shape; serve the new envelope from a new version of the API instead",
            old.as_str()
        )),
        old: place(c.old),
        new: place(c.new),
    }]
}

pub(super) fn api_name_changed(c: &Comparison<'_>) -> Vec<Finding> {
    let (old, new) = (&c.old.api.name, &c.new.api.name);
    if old == new {
        return Vec::new();
    }
    vec![Finding {
        message: format!("the API's name changed from {old:?} to {new:?}"),
        hint: None,
        old: Some(c.old.api.origin.at("name")),
        new: Some(c.new.api.origin.at("name")),
    }]
}

pub(super) fn example_changed(c: &Comparison<'_>) -> Vec<Finding> {
    // The `example` key itself, for an example as a whole.
    let example = |api: &Api| api.origin.key("example");
    let (message, old, new) = match (&c.old.api.example, &c.new.api.example) {
        (None, None) => return Vec::new(),
        (Some(old), Some(new)) if old == new => return Vec::new(),
        (None, Some(_)) => (
            "the example error body was added".to_owned(),
            None,
            example(&c.new.api),
        ),
        (Some(_), None) => (
            "the example error body was removed".to_owned(),
            example(&c.old.api),
            None,
        ),
        (Some(old), Some(new)) => {
            let (message, field) = example_edit(old, new);
            let at = |api: &Api, example: &Example| match field {
                Some(field) => Some(example.origin.at(field)),
                None => api.origin.key("example"),
            };
            (message, at(&c.old.api, old), at(&c.new.api, new))
        }
    };
    vec![Finding {
        message,
        hint: None,
        old,
        new,
    }]
}

/// What changed in an example that both versions have, and the key to point at (`None`: the
/// example as a whole).
fn example_edit(old: &Example, new: &Example) -> (String, Option<&'static str>) {
    let status = (old.status != new.status)
        .then(|| format!("its status from {} to {}", old.status, new.status));
    let message = (old.message != new.message)
        .then(|| format!("its message from {:?} to {:?}", old.message, new.message));
    let at = match (&status, &message) {
        (Some(_), None) => Some("status"),
        (None, Some(_)) => Some("message"),
        _ => None,
    };
    let edits: Vec<String> = [status, message].into_iter().flatten().collect();
    (
        format!("the example error body changed {}", and_list(&edits)),
        at,
    )
}
