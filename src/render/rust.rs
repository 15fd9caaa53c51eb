//! The Rust target: `ErrorCode` with its facts, and the `ErrorBody` type.
//!
//! The file is meant for `include!`, so it has no inner attributes and no `//!` docs, and it
//! names everything from the prelude by its full path: a user's own `Result` or `Error` in
//! the including module cannot change its meaning. It is written exactly as rustfmt would
//! format it; the layout choices rustfmt makes by line width are made here, in the view model.

use askama::Template;
use unicode_width::UnicodeWidthStr;

use super::text::{doc_lines, is_invisible, quoted};
use crate::model::Spec;
use crate::pipeline::Options;

/// rustfmt's default `max_width`.
const MAX_WIDTH: usize = 100;
/// The width of a variant's doc text: the line width less the indent and `/// `.
const DOC_WIDTH: usize = MAX_WIDTH - 8;
/// rustfmt's default `array_width`: the widest array (items only) kept on one line.
const ARRAY_WIDTH: usize = 60;

#[derive(Template)]
#[template(path = "rust/error_codes.rs", escape = "none")]
struct RustFile {
    header: String,
    enum_doc: Vec<String>,
    variants: Vec<Variant>,
    all: ArrayLayout,
    names: Vec<Arm>,
    titles: Vec<Arm>,
    descriptions: Vec<Arm>,
    body_doc: Vec<String>,
    name_const: ConstLayout,
    /// serde's derives, after the std ones, when serde is on.
    body_derives: &'static str,
}

struct Variant {
    ident: String,
    status: u16,
    retryable: bool,
    /// Doc comment lines, each starting with `///`.
    doc: Vec<String>,
}

/// A match arm, on one line or, when that is too wide, with its value in a block.
struct Arm {
    pattern: String,
    value: String,
    block: bool,
}

/// `ErrorCode::ALL`, on one line or one item per line.
struct ArrayLayout {
    items: Vec<String>,
    inline: bool,
}

/// A `const` whose value moves to the next line when the item is too wide.
struct ConstLayout {
    value: String,
    split: bool,
}

/// Renders the Rust file for `spec`.
pub(super) fn render(spec: &Spec, header: &str, options: &Options) -> String {
    let file = RustFile {
        header: header.to_owned(),
        enum_doc: enum_doc(spec),
        variants: spec.codes.iter().map(variant).collect(),
        all: all_layout(spec),
        names: arms(spec, |code| string_literal(&code.idents.rust)),
        titles: arms(spec, |code| string_literal(&code.title)),
        descriptions: arms(spec, |code| string_literal(&code.description)),
        body_doc: body_doc(spec),
        name_const: const_layout(
            "    pub const NAME: &str = ",
            &string_literal(&spec.api.error_name),
        ),
        body_derives: if options.serde {
            ", ::serde::Serialize, ::serde::Deserialize"
        } else {
            ""
        },
    };
    let mut text = file
        .render()
        .expect("the Rust template renders from plain strings");
    text.push('\n'); // askama drops the template's final newline
    text
}

fn enum_doc(spec: &Spec) -> Vec<String> {
    let api = doc_lines(&spec.api.name, usize::MAX).join(" ");
    [
        format!("An error code of the {api} API: an HTTP status with its title and description."),
        String::new(),
        "Each code's facts come from the spec: [`status`](Self::status), [`title`](Self::title),"
            .to_owned(),
        "[`description`](Self::description) and whether a failed request".to_owned(),
        "[is worth retrying](Self::is_retryable).".to_owned(),
    ]
    .iter()
    .map(|line| comment_line("///", line))
    .collect()
}

fn body_doc(spec: &Spec) -> Vec<String> {
    let api = doc_lines(&spec.api.name, usize::MAX).join(" ");
    [
        format!("The JSON body of an error response from the {api} API:"),
        r#"`{"error": {"name": "...", "status": 400, "message": "..."}}`."#.to_owned(),
    ]
    .iter()
    .map(|line| comment_line("///", line))
    .collect()
}

fn variant(code: &crate::model::Code) -> Variant {
    let mut doc = doc_lines(&format!("{} {}", code.status, code.title), DOC_WIDTH);
    doc.push(String::new());
    doc.extend(doc_lines(&code.description, DOC_WIDTH));
    Variant {
        ident: code.idents.rust.clone(),
        status: code.status,
        retryable: code.retryable,
        doc: doc.iter().map(|line| comment_line("///", line)).collect(),
    }
}

/// `/// text`, or a bare `///` for a blank line (rustfmt keeps no trailing space).
fn comment_line(marker: &str, text: &str) -> String {
    if text.is_empty() {
        marker.to_owned()
    } else {
        format!("{marker} {text}")
    }
}

fn arms(spec: &Spec, value: impl Fn(&crate::model::Code) -> String) -> Vec<Arm> {
    spec.codes
        .iter()
        .map(|code| arm(format!("Self::{}", code.idents.rust), value(code)))
        .collect()
}

/// Lays out `pattern => value` inside a `match` in a method body, as rustfmt does: on one
/// line if it fits, else with the value alone in a block. (When even the block is too wide,
/// style edition 2024 still chooses the block and earlier editions leave the whole `match` as
/// written, so the block is right for every edition.)
fn arm(pattern: String, value: String) -> Arm {
    let block = !fits(&format!("            {pattern} => {value},"));
    Arm {
        pattern,
        value,
        block,
    }
}

fn all_layout(spec: &Spec) -> ArrayLayout {
    let items: Vec<String> = spec
        .codes
        .iter()
        .map(|code| format!("Self::{}", code.idents.rust))
        .collect();
    let joined = items.join(", ");
    let line = format!("    pub const ALL: [Self; {}] = [{joined}];", items.len());
    let inline = joined.width() <= ARRAY_WIDTH && fits(&line);
    ArrayLayout { items, inline }
}

/// Lays out `prefix value;` as rustfmt lays out a `const` item: on one line if it fits, else
/// with the value on the next line if that fits, else as written.
fn const_layout(prefix: &str, value: &str) -> ConstLayout {
    let one_line = format!("{prefix}{value};");
    let next_line = format!("        {value};");
    ConstLayout {
        value: value.to_owned(),
        split: !fits(&one_line) && fits(&next_line),
    }
}

/// Whether a line fits rustfmt's width, measured as rustfmt measures it.
fn fits(line: &str) -> bool {
    line.width() <= MAX_WIDTH
}

/// A Rust string literal whose value is exactly `text`. Characters that would be invisible or
/// rejected in source (control characters, bidi controls, line separators) are escaped; every
/// other character is written as itself, so `couldn’t` reads as `couldn’t`.
fn string_literal(text: &str) -> String {
    quoted(text, '"', is_invisible, |c| match c {
        '\0' => "\\0".to_owned(),
        c => format!("\\u{{{:x}}}", u32::from(c)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_escape_only_what_they_must() {
        assert_eq!(string_literal("couldn’t"), "\"couldn’t\"");
        assert_eq!(string_literal("a \"q\" \\ {}"), r#""a \"q\" \\ {}""#);
        assert_eq!(string_literal("l1\nl2\t\u{202E}"), r#""l1\nl2\t\u{202e}""#);
    }

    #[test]
    fn arms_move_to_a_block_only_when_that_helps() {
        assert!(!arm("Self::A".into(), "\"short\"".into()).block);
        let long = format!("\"{}\"", "x".repeat(80));
        assert!(arm("Self::A".into(), long).block);
        let too_long = format!("\"{}\"", "x".repeat(90));
        assert!(arm("Self::A".into(), too_long).block);
    }
}
