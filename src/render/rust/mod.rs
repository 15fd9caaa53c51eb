//! The Rust target: `ErrorCode` with its facts, and the `ErrorBody` type.
//!
//! The file is meant for `include!`, so it has no inner attributes and no `//!` docs, and it
//! names everything from the prelude by its full path: a user's own `Result` or `Error` in
//! the including module cannot change its meaning. It is written exactly as rustfmt would
//! format it; the layout choices rustfmt makes by line width are made here, in the view model.
//! Each format has its own file (`v1.rs`, `v2.rs`); the layout helpers are shared.

mod catalog;
mod layout;
mod v1;
mod v2;

use std::collections::HashMap;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::text::{is_invisible, quoted};
use crate::model::{Code, Envelope, Format, Spec};
use crate::pipeline::Options;

/// rustfmt's default `max_width`.
pub(super) const MAX_WIDTH: usize = 100;
/// The width of a variant's doc text: the line width less the indent and `/// `.
pub(super) const DOC_WIDTH: usize = MAX_WIDTH - 8;
/// rustfmt's default `array_width`: the widest array (items only) kept on one line.
const ARRAY_WIDTH: usize = 60;
/// rustfmt's default `fn_call_width`: the widest argument list kept on one line.
const FN_CALL_WIDTH: usize = 60;

/// Renders the Rust file for `spec`.
pub(super) fn render(spec: &Spec, header: &str, options: &Options) -> String {
    match spec.format {
        Format::V1 => v1::render(spec, header, options),
        Format::V2 => v2::render(spec, header, options),
    }
}

/// Whether the file derives serde's traits: asked for, or needed by the `axum` option, which
/// sends the body through serde.
pub(super) fn uses_serde(options: &Options) -> bool {
    options.serde || options.axum
}

/// How the body is served: its `Display` and, with the `axum` option, axum's traits.
pub(super) struct Serve {
    /// The lines of `Display::fmt`'s body: one `write!`, laid out as rustfmt lays it out.
    pub display: Vec<String>,
    /// What `Display` writes, for its doc.
    pub display_doc: &'static str,
    /// Whether to implement axum's `IntoResponse` and `From<ErrorCode> for StatusCode`.
    pub axum: bool,
    /// The response's media type.
    pub content_type: &'static str,
    /// The expression of the body's status.
    pub status: &'static str,
}

impl Serve {
    /// The serving of `spec`'s body with `options`.
    pub(super) fn new(spec: &Spec, options: &Options) -> Self {
        let (args, display_doc): (&[&str], _) = match (spec.format, spec.api.envelope) {
            (Format::V1, _) => (
                &["\"{}: {}\"", "self.error.status", "self.error.message"],
                "the status and the message, `404: <the message>`",
            ),
            (Format::V2, Envelope::Errspec) => (
                &[
                    "\"{} {}: {}\"",
                    "self.error.status",
                    "self.error.code",
                    "self.error.message",
                ],
                "the status, the code and the message, `429 quota_exceeded: <the message>`",
            ),
            (Format::V2, Envelope::Problem) => (
                &["\"{} {}: {}\"", "self.status", "self.code", "self.detail"],
                "the status, the code and the detail, `429 quota_exceeded: <the detail>`",
            ),
        };
        let problem = spec.api.envelope == Envelope::Problem;
        Self {
            display: call_lines("::core::write!", &[&["f"], args].concat(), 8),
            display_doc,
            axum: options.axum,
            content_type: spec.api.envelope.media_type(),
            status: if problem {
                "self.status"
            } else {
                "self.error.status"
            },
        }
    }
}

/// Where a format v2 body keeps its parts in the envelope's Rust types.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shape {
    /// Whether the body is RFC 9457 problem details, with no `error` member.
    pub problem: bool,
    /// The field path of the parameters from a body: `error.params` or `params`.
    pub params_field: &'static str,
    /// The parameters as doc comments name them.
    pub params_place: &'static str,
    /// The type whose private associated functions build a body with parameters: one whose
    /// method names cannot clash with the constructors named after codes.
    pub helpers_type: &'static str,
}

impl Shape {
    pub(super) fn of(spec: &Spec) -> Self {
        match spec.api.envelope {
            Envelope::Errspec => Self {
                problem: false,
                params_field: "error.params",
                params_place: "`error.params`",
                helpers_type: "ErrorDetail",
            },
            Envelope::Problem => Self {
                problem: true,
                params_field: "params",
                params_place: "`body.params`",
                helpers_type: "ParamMap",
            },
        }
    }
}

/// A call of `callee` with `args`, indented by `indent`, as rustfmt lays it out: on one line
/// when the arguments fit its `fn_call_width` (60) and the line its width, else one argument
/// per line with a trailing comma.
fn call_lines(callee: &str, args: &[&str], indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    let joined = args.join(", ");
    let line = format!("{pad}{callee}({joined})");
    if joined.len() <= 60 && line.len() <= MAX_WIDTH {
        return vec![line];
    }
    let mut lines = vec![format!("{pad}{callee}(")];
    lines.extend(args.iter().map(|arg| format!("{pad}    {arg},")));
    lines.push(format!("{pad})"));
    lines
}

/// A match arm, on one line or, when that is too wide, with its value in a block.
pub(super) struct Arm {
    /// The lines of an or-pattern too wide for one line, but its last (`| Self::C`).
    pub lines: Vec<String>,
    /// The pattern's last line, or the whole pattern.
    pub pattern: String,
    pub value: String,
    pub block: bool,
    /// `;` after a `return` in a block, which style edition 2024 adds (and 2021 keeps).
    pub block_end: &'static str,
}

/// `ErrorCode::ALL`, on one line or one item per line.
pub(super) struct ArrayLayout {
    pub items: Vec<String>,
    pub inline: bool,
}

/// A `const` whose value moves to the next line when the item is too wide.
pub(super) struct ConstLayout {
    pub value: String,
    pub split: bool,
}

/// `/// text`, or a bare `///` for a blank line (rustfmt keeps no trailing space).
pub(super) fn comment_line(marker: &str, text: &str) -> String {
    if text.is_empty() {
        marker.to_owned()
    } else {
        format!("{marker} {text}")
    }
}

pub(super) fn arms(spec: &Spec, value: impl Fn(&Code) -> String) -> Vec<Arm> {
    spec.codes
        .iter()
        .map(|code| arm(format!("Self::{}", code.idents.rust), value(code)))
        .collect()
}

/// Lays out `pattern => value` inside a `match` in a method body, as rustfmt does: on one
/// line if it fits, else with the value alone in a block. (When even the block is too wide,
/// style edition 2024 still chooses the block and earlier editions leave the whole `match` as
/// written, so the block is right for every edition.)
pub(super) fn arm(pattern: String, value: String) -> Arm {
    let block = !arm_fits(&format!("            {pattern} => {value},"), &value);
    Arm {
        lines: Vec::new(),
        pattern,
        block_end: block_end(&value),
        value,
        block,
    }
}

/// One arm per distinct value, its codes an or-pattern in spec order (so no two arms are the
/// same, as clippy's `match_same_arms` wants), laid out as rustfmt lays out an arm: the
/// pattern on one line while `pattern => {` fits, else one alternative per line.
pub(super) fn grouped_arms(spec: &Spec, value: impl Fn(&Code) -> String) -> Vec<Arm> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    // Where each value's group is, so that grouping stays linear in the number of codes; the
    // groups keep the order of the values' first use.
    let mut index: HashMap<String, usize> = HashMap::new();
    for code in &spec.codes {
        let (value, pattern) = (value(code), format!("Self::{}", code.idents.rust));
        match index.get(&value) {
            Some(&at) => groups[at].1.push(pattern),
            None => {
                index.insert(value.clone(), groups.len());
                groups.push((value, vec![pattern]));
            }
        }
    }
    groups
        .into_iter()
        .map(|(value, patterns)| or_arm(&patterns, value))
        .collect()
}

fn or_arm(patterns: &[String], value: String) -> Arm {
    let joined = patterns.join(" | ");
    if fits(&format!("            {joined} => {{")) {
        return arm(joined, value);
    }
    let mut lines: Vec<String> = patterns.iter().map(|p| format!("| {p}")).collect();
    lines[0] = patterns[0].clone();
    let last = lines.pop().unwrap_or_default();
    Arm {
        lines,
        block: !arm_fits(&format!("            {last} => {value},"), &value),
        pattern: last,
        block_end: block_end(&value),
        value,
    }
}

/// Whether an arm's `line` stays as it is: within rustfmt's width, a column narrower for a
/// `return` (measured, rustfmt 1.9, both style editions).
fn arm_fits(line: &str, value: &str) -> bool {
    if value.starts_with("return ") {
        line.width() < MAX_WIDTH
    } else {
        fits(line)
    }
}

/// What ends an arm's value in a block: `;` after a `return`.
fn block_end(value: &str) -> &'static str {
    if value.starts_with("return ") {
        ";"
    } else {
        ""
    }
}

pub(super) fn all_layout(spec: &Spec) -> ArrayLayout {
    let items: Vec<String> = spec
        .codes
        .iter()
        .map(|code| format!("Self::{}", code.idents.rust))
        .collect();
    let prefix = format!("    pub const ALL: [Self; {}] = [", items.len());
    array_layout(&prefix, "];", items)
}

/// Lays out an array of `items` between `prefix` and `suffix` as rustfmt does: on one line if
/// the items are no wider than its `array_width` (a single item always is) and the line fits,
/// else one item per line.
pub(super) fn array_layout(prefix: &str, suffix: &str, items: Vec<String>) -> ArrayLayout {
    let joined = items.join(", ");
    let narrow = items.len() == 1 || joined.width() <= ARRAY_WIDTH;
    let inline = narrow && fits(&format!("{prefix}{joined}{suffix}"));
    ArrayLayout { items, inline }
}

/// Lays out `prefix value;` as rustfmt lays out a `const` item: on one line if it fits, else
/// with the value on the next line if that fits, else as written.
pub(super) fn const_layout(prefix: &str, value: &str) -> ConstLayout {
    let one_line = format!("{prefix}{value};");
    let next_line = format!("        {value};");
    ConstLayout {
        value: value.to_owned(),
        split: !fits(&one_line) && fits(&next_line),
    }
}

/// The body of `is_retryable`, one line each (indented from the body's own indent):
/// `matches!` over the retryable codes, laid out as rustfmt lays out a macro call whose
/// arguments are expressions; `false` when no code is retryable. (`v2.rs` has its own copy,
/// from before this was shared.)
pub(super) fn retryable_body(spec: &Spec) -> Vec<String> {
    let patterns: Vec<String> = spec
        .codes
        .iter()
        .filter(|code| code.retryable)
        .map(|code| format!("Self::{}", code.idents.rust))
        .collect();
    if patterns.is_empty() {
        return vec!["false".to_owned()];
    }
    let joined = patterns.join(" | ");
    let arguments = format!("self, {joined}");
    if arguments.len() <= FN_CALL_WIDTH && fits(&format!("        ::core::matches!({arguments})")) {
        return vec![format!("::core::matches!({arguments})")];
    }
    let mut lines = vec!["::core::matches!(".to_owned(), "    self,".to_owned()];
    if fits(&format!("            {joined}")) {
        lines.push(format!("    {joined}"));
    } else {
        lines.push(format!("    {}", patterns[0]));
        lines.extend(patterns[1..].iter().map(|p| format!("        | {p}")));
    }
    lines.push(")".to_owned());
    lines
}

/// Whether clippy's `doc_markdown` (pedantic) may take a word of `text`, spec prose shown in a
/// doc comment, for code that wants backticks: a word with `_`, `::` or a URL's `:`, or a
/// mixed-case word such as `NotALink`. The rule is clippy's made a little wider, so that it
/// never misses a word; the generated file then allows the lint on the item whose doc shows
/// the text, since an `include!`d file cannot allow it for the including module.
pub(super) fn may_look_like_code(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        let inner_upper = word.chars().skip(1).any(char::is_uppercase);
        word.contains(['_', ':']) || (inner_upper && word.chars().any(char::is_lowercase))
    })
}

/// Whether a line fits rustfmt's width, measured as rustfmt measures it.
pub(super) fn fits(line: &str) -> bool {
    line.width() <= MAX_WIDTH
}

/// A Rust string literal whose value is exactly `text`. Characters that would be invisible or
/// rejected in source (control characters, bidi controls, line separators) are escaped, and so
/// is every character that takes no column (combining marks, joiners, variation selectors): a
/// mark written after its letter would make the literal's source text other than its Unicode
/// normal form (NFC), which clippy's `unicode_not_nfc` rejects, and escaped it is no longer
/// invisible in a review. Every other character is written as itself, so `couldn’t` reads as
/// `couldn’t`. (A character that NFC replaces on its own, such as U+212B ANGSTROM SIGN, is not
/// escaped: that would take Unicode's normalization tables.)
pub(super) fn string_literal(text: &str) -> String {
    let escaped = |c: char| is_invisible(c) || c.width() == Some(0);
    quoted(text, '"', escaped, |c| match c {
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
        assert_eq!(
            string_literal("Cafe\u{301} 1\u{fe0f}\u{20e3} a\u{200d}b 漢"),
            r#""Cafe\u{301} 1\u{fe0f}\u{20e3} a\u{200d}b 漢""#
        );
    }

    #[test]
    fn words_clippy_may_take_for_code_are_found() {
        for text in [
            "a NotALink",
            "snake_case",
            "a::b",
            "see https://x.example",
            "IDs",
        ] {
            assert!(may_look_like_code(text), "{text}");
        }
        for text in [
            "Not Found",
            "the JSON body",
            "Signzy is down.",
            "badly-formed",
            "",
        ] {
            assert!(!may_look_like_code(text), "{text}");
        }
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
