//! The OpenAPI target: the error responses and the error body's schema, as a fragment that an
//! API document references (`$ref: './error-codes.yaml#/components/responses/NotFound'`).
//! Each format has its own file (`v1.rs`, `v2.rs`); quoting and the constants are shared.
//!
//! The fragment is also a valid OpenAPI document of its own (`openapi`, `info`, components and
//! no paths), so validators and linters can check it alone. Every code from 400 up is a
//! response whose content is the error body; a success code is a response only where HTTP
//! forbids it a body (1xx, 204, 205, 304), since any other success body is the operation's
//! own. The schemas leave `additionalProperties` open, as the TypeScript guard and serde do:
//! a client must not break when the server adds a member.
//!
//! Every string from the spec is a YAML quoted scalar whose value is exactly the spec's text
//! (see [`yaml_string`]); the layout is fixed, with two-space indentation, and is what
//! prettier's YAML formatting keeps.

mod catalog;
pub(super) mod example;
mod v1;
mod v2;

use super::text::{is_invisible, lines, quoted};
use crate::model::{Format, Spec};
use crate::target::OpenApiVersion;

/// The JSON Schema dialect of OpenAPI 3.1's Schema Objects, written out so the fragment's
/// schemas keep it even when the document that references them declares another default.
pub(super) const OAS_3_1_DIALECT: &str = "https://spec.openapis.org/oas/3.1/dialect/base";

/// `info.version`, which every OpenAPI document must have. The spec has no version of its
/// own, and the fragment is versioned with the repository that holds it, so this is fixed.
pub(super) const INFO_VERSION: &str = "1.0.0";

/// What the description of a retryable code's response (or schema) adds, as a paragraph of
/// its own.
pub(super) const RETRYABLE_SENTENCE: &str =
    "Retryable: the same request may succeed if it is sent again later.";

/// Renders the OpenAPI fragment for `spec`; `header` is the whole `@generated` comment line.
pub(super) fn render(spec: &Spec, header: &str, version: OpenApiVersion) -> String {
    match spec.format {
        Format::V1 => v1::render(spec, header, version),
        Format::V2 => v2::render(spec, header, version),
    }
}

/// Characters written as escapes: those that are not printable in YAML (controls, U+FFFE,
/// U+FFFF), every line break of YAML 1.1 and 1.2 (LF, CR, NEL, LS, PS), tabs, the byte order
/// mark, and the bidirectional controls, which would reorder the text around them on screen.
fn needs_escape(c: char) -> bool {
    is_invisible(c) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// A YAML flow scalar whose value is exactly `text`, on one line.
///
/// The rule is simple enough to check by eye. A double-quoted scalar gives every character its
/// own meaning except `"`, `\` and line breaks, and cannot hold characters YAML does not print:
/// so `"` and `\` are escaped, and so is every character of [`needs_escape`] (as `\n`, `\r`,
/// `\t` or `\uXXXX`). Nothing else is special inside the quotes: `: `, `#`, `*`, `&`, `!`,
/// `|`, `>`, `%`, `@`, backticks and leading or trailing spaces all mean themselves.
///
/// One case is single-quoted instead, because prettier rewrites it so: text with a `"` that
/// needs no other escape. A single-quoted scalar has no escapes at all except `''` for `'`,
/// and the text has no character that would need one.
pub(super) fn yaml_string(text: &str) -> String {
    if text.contains('"') && !text.contains('\\') && !text.chars().any(needs_escape) {
        return format!("'{}'", text.replace('\'', "''"));
    }
    quoted(text, '"', needs_escape, |c| {
        format!("\\u{:04X}", u32::from(c))
    })
}

/// A mapping key for an identifier. Identifiers are ASCII letters and digits, which are plain
/// scalars as they stand, except for the words that YAML 1.2 reads as null or a boolean
/// (`Null`, `True`, `False`) and those YAML 1.1 parsers still do (`Yes`, `No`, `On`, `Off`,
/// `Y`, `N`); those are quoted.
pub(super) fn yaml_key(ident: &str) -> String {
    const SPECIAL: [&str; 9] = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"];
    let plain = ident.starts_with(|c: char| c.is_ascii_alphabetic())
        && ident.chars().all(|c| c.is_ascii_alphanumeric())
        && !SPECIAL.contains(&ident.to_ascii_lowercase().as_str());
    if plain {
        ident.to_owned()
    } else {
        yaml_string(ident)
    }
}

/// `text` on one line: its lines (at every line break JavaScript ends a comment at) trimmed and
/// joined by a space, blank ones dropped.
pub(super) fn one_line(text: &str) -> String {
    let words: Vec<&str> = lines(text)
        .into_iter()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value YAML reads back from `scalar`, as the tests' YAML parser reads it.
    fn parse(scalar: &str) -> String {
        let doc: serde_yaml::Value = serde_yaml::from_str(&format!("key: {scalar}\n"))
            .unwrap_or_else(|e| panic!("{scalar} does not parse: {e}"));
        doc["key"]
            .as_str()
            .unwrap_or_else(|| panic!("{scalar} is not a string: {doc:?}"))
            .to_owned()
    }

    #[test]
    fn strings_are_quoted_and_escaped() {
        assert_eq!(yaml_string("Not Found"), r#""Not Found""#);
        assert_eq!(yaml_string("a\nb\r\tc"), r#""a\nb\r\tc""#);
        assert_eq!(yaml_string(r"back\slash"), r#""back\\slash""#);
        assert_eq!(
            yaml_string("\u{85}\u{2028}\u{2029}"),
            r#""\u0085\u2028\u2029""#
        );
        assert_eq!(
            yaml_string("\u{FEFF}\u{1}\u{7F}\u{FFFE}"),
            r#""\uFEFF\u0001\u007F\uFFFE""#
        );
        assert_eq!(yaml_string("\u{202E}evil"), r#""\u202Eevil""#);
        assert_eq!(yaml_string("it's"), r#""it's""#);
        assert_eq!(yaml_string("couldn’t ünï 🚀"), "\"couldn’t ünï 🚀\"");
    }

    #[test]
    fn quotes_with_no_other_escape_are_single_quoted_as_prettier_writes_them() {
        assert_eq!(yaml_string(r#"say "hi""#), r#"'say "hi"'"#);
        assert_eq!(
            yaml_string(r#"She said "hi" and it's"#),
            r#"'She said "hi" and it''s'"#
        );
        assert_eq!(yaml_string("\"q\"\n"), r#""\"q\"\n""#);
        assert_eq!(yaml_string(r#""q" \"#), r#""\"q\" \\""#);
    }

    #[test]
    fn every_string_parses_back_to_itself() {
        let hostile = [
            "",
            " ",
            "  leading and trailing  ",
            "key: value # not a comment",
            "#hash",
            "*alias",
            "&anchor",
            "!tag",
            "|",
            ">-",
            "%YAML",
            "@at",
            "`tick`",
            "- item",
            "? key",
            "[flow]",
            "{flow: map}",
            "'single'",
            "\"double\"",
            "\"mixed\" 'both'",
            "trailing backslash \\",
            "\\\"",
            "line\nbreaks\r\nand\rCR",
            "tab\there",
            "\u{85}NEL \u{2028}LS \u{2029}PS",
            "\u{FEFF}BOM",
            "\u{1}\u{7}\u{8}\u{B}\u{C}\u{1B}\u{7F}\u{9F}",
            "\u{0}",
            "null",
            "~",
            "true",
            "yes",
            "1.0",
            "0x1F",
            "-1",
            "---",
            "...",
            "ünïcödé 😀 👨‍👩‍👧 🇩🇪 עברית",
            "\u{A0}nbsp\u{A0}",
            "\u{202E}rtl\u{202C} \u{2066}iso\u{2069}",
            "\u{FFFE}\u{FFFF}",
        ];
        for text in hostile {
            assert_eq!(parse(&yaml_string(text)), text, "{text:?}");
            let written = yaml_string(text);
            assert!(!written.contains(['\n', '\r']), "{written:?} is one line");
        }
    }

    #[test]
    fn keys_are_plain_unless_yaml_reads_them_otherwise() {
        assert_eq!(yaml_key("NotFound"), "NotFound");
        assert_eq!(yaml_key("Code2faRequired"), "Code2faRequired");
        for special in ["Null", "True", "False", "Yes", "No", "On", "Off", "Y", "N"] {
            assert_eq!(yaml_key(special), format!("\"{special}\""));
            let doc: serde_yaml::Value =
                serde_yaml::from_str(&format!("{}: 1\n", yaml_key(special))).unwrap();
            assert_eq!(doc[special], 1, "{special}");
        }
    }
}
