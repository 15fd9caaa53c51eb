//! What a catalog adds to the Markdown page of a format v2 spec: a deprecated code's notice
//! in its row, a section per code with a message template or parameters, and the reserved
//! codes.
//!
//! Anchors: a code's row keeps its anchor, `#card_declined`; a code's section is
//! `#card_declined:details`, and a reserved code's entry `#old_quota`. A wire code holds only
//! letters, digits, `_`, `.` and `-`, and no two codes (reserved ones included) differ only in
//! case, so no two anchors of the page are alike. A section's heading also holds the code's
//! title, so the heading's own anchor on GitHub (`#card_declined-card-declined`) is not the
//! row's.

use super::{code_span, table_cell};
use crate::model::{Code, Param, Spec, Template};
use crate::render::text::{is_invisible, lines};

/// A code's section of messages and parameters, its lines of Markdown.
pub(super) struct Section {
    /// The heading, after `### `: the anchor, the code and its title.
    pub heading: String,
    /// The deprecation notice, for a deprecated or replaced code.
    pub notice: Option<String>,
    /// The message: the template, or that the server writes it.
    pub message: String,
    /// The rows of the parameter table, after its header; empty for a code without parameters.
    pub params: Vec<String>,
}

/// The anchor of `wire`'s section.
fn section_anchor(wire: &str) -> String {
    format!("{wire}:details")
}

/// Whether `code` has a section: a template or parameters to show.
fn has_section(code: &Code) -> bool {
    code.has_params_or_template()
}

/// The sections of the codes that have one, in spec order.
pub(super) fn sections(spec: &Spec) -> Vec<Section> {
    spec.codes
        .iter()
        .filter(|code| has_section(code))
        .map(section)
        .collect()
}

fn section(code: &Code) -> Section {
    let wire = wire(code);
    // A `#` is escaped, since a heading that ends in ` #` would lose it as a closing sequence.
    let title = table_cell(&code.title).replace('#', "\\#");
    Section {
        heading: format!("<a id=\"{}\"></a>`{wire}`: {title}", section_anchor(wire)),
        notice: notice(code),
        message: match &code.message {
            Some(template) => format!("Message: {}", template_spans(template)),
            None => "Message: written by the server for each error.".to_owned(),
        },
        params: code.params.iter().map(param_row).collect(),
    }
}

/// `` `a`<br>`b` ``: each line of the template as a code span, since a span shows its text as
/// written and cannot hold a line break. Invisible characters are named (`U+202E`), as
/// everywhere on the page, except tabs, which a code span keeps.
fn template_spans(template: &Template) -> String {
    lines(&template.text)
        .iter()
        .map(|line| {
            if line.is_empty() {
                return String::new();
            }
            let named: String = line
                .chars()
                .map(|c| {
                    if is_invisible(c) && c != '\t' {
                        format!("U+{:04X}", u32::from(c))
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            code_span(&named)
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// `` | `limit` | integer | no | The quota for one window. | ``
fn param_row(param: &Param) -> String {
    format!(
        "| `{}` | {} | {} | {} |",
        param.name,
        param.kind.as_str(),
        if param.optional { "yes" } else { "no" },
        table_cell(&param.description)
    )
}

/// `**Deprecated:** <reason> Replaced by [`card_declined`](#card_declined).`, as far as the
/// code has them; `None` for a code that is neither deprecated nor replaced.
pub(super) fn notice(code: &Code) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(reason) = &code.deprecated {
        parts.push(format!("**Deprecated:** {}", table_cell(reason)));
    }
    if let Some(replacement) = &code.replaced_by {
        parts.push(format!("Replaced by [`{replacement}`](#{replacement})."));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The description cell of a code's row: the notice on a line of its own first, then the
/// description, then a link to the code's section.
pub(super) fn description_cell(code: &Code) -> String {
    let mut cell = table_cell(&code.description);
    if let Some(notice) = notice(code) {
        cell = format!("{notice}<br>{cell}");
    }
    if has_section(code) {
        let what = match (code.message.is_some(), code.params.is_empty()) {
            (true, false) => "Message and parameters",
            (true, true) => "Message",
            (false, _) => "Parameters",
        };
        cell.push_str(&format!(" [{what}](#{})", section_anchor(wire(code))));
    }
    cell
}

/// The reserved codes' list items, each with its anchor.
pub(super) fn reserved(spec: &Spec) -> Vec<String> {
    spec.reserved
        .iter()
        .map(|reserved| format!("<a id=\"{0}\"></a>`{0}`", reserved.code))
        .collect()
}

fn wire(code: &Code) -> &str {
    code.code.as_deref().unwrap_or_default()
}
