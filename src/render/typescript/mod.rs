//! The TypeScript target: an ES module with the `ErrorCode` object, the `ERROR_CODES` table,
//! lookups, and the `ErrorBody` type with its runtime guard. Each format has its own file
//! (`v1.rs`, `v2.rs`); the layout helpers are shared.
//!
//! The module has no imports and uses only erasable syntax (no `enum`, no `namespace`), so
//! Node's type stripping runs it as well as tsc compiles it. It is written exactly as prettier
//! (default options) prints it. Most of the layout is fixed, chosen so that prettier keeps it
//! whatever the text: objects start with a line break, which prettier keeps expanded, and
//! comments are never reflowed. The one choice prettier makes by width, whether a string
//! value moves to the line after its `key:` or `=`, is made here, measuring text as prettier's
//! `getStringWidth` does.

mod v1;
mod v2;

use unicode_width::UnicodeWidthStr;

use super::text::{doc_lines, is_invisible, quoted, wrap_markdown};
use crate::model::{Format, Spec};

/// prettier's default `printWidth`.
pub(super) const PRINT_WIDTH: usize = 80;
/// prettier's default `tabWidth`.
pub(super) const TAB_WIDTH: usize = 2;
/// prettier never moves the value of an object property whose key is narrower than this to
/// the next line ("wrapping object properties with very short keys usually doesn't add much
/// value", in its `isObjectPropertyWithShortKey`).
pub(super) const SHORT_KEY_WIDTH: usize = TAB_WIDTH + 3;
/// The width of doc text in a top-level JSDoc comment: the line less ` * `.
pub(super) const DOC_WIDTH: usize = PRINT_WIDTH - 3;
/// The width of doc text in a JSDoc comment on a key of `ErrorCode`, one level in.
pub(super) const MEMBER_DOC_WIDTH: usize = DOC_WIDTH - TAB_WIDTH;

/// A string-valued property of an object literal.
pub(super) struct Property {
    pub key: &'static str,
    pub value: Value,
}

/// A string literal on the right of a `:` or `=`, where prettier moves it to the next line
/// (indented one more level) when it does not fit after the operator.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Value {
    pub literal: String,
    pub break_after: bool,
}

/// A union type's members, laid out as prettier prints a type alias of a union: on the line
/// of its `=` when the whole line fits, else all on the next line when that fits, else one
/// per line, each after a `|`.
pub(super) struct Union {
    pub items: Vec<String>,
    /// On the line of the `=`.
    pub inline: bool,
    /// All on the line after the `=`.
    pub next_line: bool,
}

impl Union {
    /// `ErrorStatus`'s members, `items`, laid out.
    pub(super) fn error_status(items: Vec<String>) -> Self {
        let joined = items.join(" | ");
        let inline = format!("export type ErrorStatus = {joined};").len() <= PRINT_WIDTH;
        let indent = " ".repeat(TAB_WIDTH);
        let next_line = !inline && format!("{indent}{joined};").len() <= PRINT_WIDTH;
        Self {
            items,
            inline,
            next_line,
        }
    }
}

/// Renders the TypeScript file for `spec`.
pub(super) fn render(spec: &Spec, header: &str) -> String {
    match spec.format {
        Format::V1 => v1::render(spec, header),
        Format::V2 => v2::render(spec, header),
    }
}

/// The API's name as doc text: Markdown escaped, on one line.
pub(super) fn api_name(spec: &Spec) -> String {
    doc_lines(&spec.api.name, usize::MAX).join(" ")
}

/// Markdown paragraphs wrapped to [`DOC_WIDTH`], with a blank line between them.
pub(super) fn paragraphs(paragraphs: &[String]) -> Vec<String> {
    let mut lines = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if index > 0 {
            lines.push(String::new());
        }
        lines.extend(wrap_markdown(paragraph, DOC_WIDTH));
    }
    lines
}

/// A JSDoc comment holding `lines`, for a declaration indented by `indent` columns: on one
/// line when it is a single line that fits, else one line per item (a bare ` *` for a blank
/// one, since prettier trims trailing spaces in JSDoc). `*/` would end the comment early, so
/// it is written `*\/`, which reads the same in Markdown (where `*` is already escaped as
/// `\*`) and in a JSON string.
pub(super) fn jsdoc(indent: usize, lines: &[String]) -> Vec<String> {
    let lines: Vec<String> = lines
        .iter()
        .map(|line| line.replace("*/", "*\\/"))
        .collect();
    if let [line] = lines.as_slice() {
        let single = format!("/** {line} */");
        if indent + single.width() <= PRINT_WIDTH {
            return vec![single];
        }
    }
    let mut out = vec!["/**".to_owned()];
    out.extend(lines.iter().map(|line| {
        if line.is_empty() {
            " *".to_owned()
        } else {
            format!(" * {line}")
        }
    }));
    out.push(" */".to_owned());
    out
}

/// Lays out `prefix literal suffix` as prettier does when a string is the value of a property
/// or a variable: on one line when that fits in [`PRINT_WIDTH`], else with the literal on the
/// next line, unless `can_break` is false (a short key). `prefix` is ASCII (indent, key,
/// operator).
///
/// When the choice depends on characters whose width is not known here, the literal is
/// written with them (and any emoji) as `\u` escapes instead. Its width is then exact, and
/// since an escape is wider than any character it replaces, it moves to the next line. The
/// string's value is the same either way.
pub(super) fn value(prefix: &str, text: &str, suffix: &str, can_break: bool) -> Value {
    let literal = string_literal(text, false);
    if !can_break {
        return Value {
            literal,
            break_after: false,
        };
    }
    let room = PRINT_WIDTH.saturating_sub(prefix.len() + suffix.len());
    let (narrowest, widest) = width_range(&literal);
    if widest <= room || narrowest > room {
        return Value {
            literal,
            break_after: narrowest > room,
        };
    }
    let exact = string_literal(text, true);
    let break_after = width_range(&exact).0 > room;
    Value {
        literal: exact,
        break_after,
    }
}

/// A string literal whose value is exactly `text`, written as prettier writes it: in double
/// quotes unless the text holds more double quotes than single ones, with only the enclosing
/// quote, backslashes and line breaks escaped, and characters that would be invisible or
/// rejected in source (control characters, bidi controls, line separators, the byte order
/// mark) written as `\u` escapes. Every other character is written as itself, so `couldn’t`
/// reads as `couldn’t`, except that `escape_unmeasured` escapes every character outside
/// [`prettier_width`]'s table, emoji included, so that the literal's width is exact and no
/// emoji sequence is left half escaped.
pub(super) fn string_literal(text: &str, escape_unmeasured: bool) -> String {
    let doubles = text.matches('"').count();
    let singles = text.matches('\'').count();
    let quote = if doubles > singles { '\'' } else { '"' };
    let escaped = |c| is_invisible(c) || (escape_unmeasured && prettier_width(c).is_none());
    quoted(text, quote, escaped, unicode_escape)
}

/// A JSON string whose value is exactly `text`, for the example body in a doc comment.
pub(super) fn json_string(text: &str) -> String {
    quoted(text, '"', is_invisible, unicode_escape)
}

/// `\u202E`, or `\u{1F680}` beyond the Basic Multilingual Plane (where JSON is never asked
/// to go: every invisible character is in it). Upper-case hex, as linters prefer.
fn unicode_escape(c: char) -> String {
    let code = u32::from(c);
    if code > 0xFFFF {
        format!("\\u{{{code:X}}}")
    } else {
        format!("\\u{code:04X}")
    }
}

/// The narrowest and widest prettier may measure `literal`: exact when every character's
/// width is known ([`prettier_width`], [`standalone_emoji_width`]). Each other character
/// counts from 0 columns (a combining mark; a part of an emoji sequence, which counts 2 in
/// all) to 2 (a wide character).
fn width_range(literal: &str) -> (usize, usize) {
    let chars: Vec<char> = literal.chars().collect();
    let mut range = (0, 0);
    for index in 0..chars.len() {
        match width_in(&chars, index) {
            Some(width) => range = (range.0 + width, range.1 + width),
            None => range.1 += 2,
        }
    }
    range
}

/// The columns prettier gives `chars[index]` among its neighbours, if known here.
fn width_in(chars: &[char], index: usize) -> Option<usize> {
    let before = index.checked_sub(1).map(|i| chars[i]);
    let after = chars.get(index + 1).copied();
    prettier_width(chars[index]).or_else(|| standalone_emoji_width(before, chars[index], after))
}

/// The zero width joiner, which makes one emoji of several.
const ZWJ: char = '\u{200D}';

/// The columns prettier gives an emoji that is shown as an emoji by default and is not joined
/// to a neighbour by [`ZWJ`]: 2, since prettier counts each emoji sequence as 2 and such an
/// emoji starts a sequence of its own (what may follow it, a skin tone or a variation
/// selector, is measured on its own as unknown). The ranges are a conservative part of
/// Unicode's `Emoji_Presentation` characters (the skin tones and the regional indicators,
/// which pair up, are left out), each checked against prettier's own function alone, twice in
/// a row, and between other characters.
fn standalone_emoji_width(before: Option<char>, c: char, after: Option<char>) -> Option<usize> {
    let emoji = matches!(
        c,
        '\u{1F300}'..='\u{1F320}'
            | '\u{1F32D}'..='\u{1F335}'
            | '\u{1F337}'..='\u{1F37C}'
            | '\u{1F37E}'..='\u{1F393}'
            | '\u{1F3A0}'..='\u{1F3CA}'
            | '\u{1F3CF}'..='\u{1F3D3}'
            | '\u{1F3E0}'..='\u{1F3F0}'
            | '\u{1F3F8}'..='\u{1F3FA}'
            | '\u{1F400}'..='\u{1F43E}'
            | '\u{1F440}'
            | '\u{1F442}'..='\u{1F4FC}'
            | '\u{1F4FF}'..='\u{1F53D}'
            | '\u{1F5FB}'..='\u{1F64F}'
            | '\u{1F680}'..='\u{1F6C5}'
            | '\u{1F90C}'..='\u{1F93A}'
            | '\u{1F93C}'..='\u{1F945}'
            | '\u{1F947}'..='\u{1F9FF}'
    );
    (emoji && before != Some(ZWJ) && after != Some(ZWJ)).then_some(2)
}

/// The columns prettier's `getStringWidth` gives `c`, for the characters whose width is known
/// here: printable ASCII, Latin, Greek, Cyrillic, Hebrew and Arabic letters, common
/// punctuation and spaces (1), the combining diacritical marks (0), and Chinese, Japanese and
/// Korean characters, fullwidth forms included (2). Each range was checked, character by
/// character, against prettier's own function. For anything else (emoji, which prettier
/// measures by sequence, other marks, other symbols and scripts) it is `None`.
///
/// A known character never counts for less than its width here: the only emoji sequences
/// that contain one (a keycap `1️⃣`, `©️`) hold one such character and count at least 1.
fn prettier_width(c: char) -> Option<usize> {
    match c {
        '\u{20}'..='\u{7E}'
        | '\u{A0}'..='\u{2FF}'
        | '\u{370}'..='\u{3FF}'
        | '\u{400}'..='\u{482}'
        | '\u{48A}'..='\u{52F}'
        | '\u{5D0}'..='\u{5EA}'
        | '\u{621}'..='\u{64A}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{203B}'
        | '\u{203D}'..='\u{2048}'
        | '\u{204A}'..='\u{205E}'
        | '\u{FF61}'..='\u{FF9F}' => Some(1),
        '\u{300}'..='\u{36F}' => Some(0),
        '\u{3001}'..='\u{3011}'
        | '\u{3041}'..='\u{3096}'
        | '\u{309B}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{FF01}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}' => Some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_choose_quotes_as_prettier_does() {
        assert_eq!(string_literal("plain", false), r#""plain""#);
        assert_eq!(string_literal("it's", false), r#""it's""#);
        assert_eq!(string_literal(r#"a "b" 'c'"#, false), r#""a \"b\" 'c'""#);
        assert_eq!(
            string_literal(r#"a "b" "c" 'd'"#, false),
            r#"'a "b" "c" \'d\''"#
        );
    }

    #[test]
    fn literals_escape_only_what_they_must() {
        assert_eq!(
            string_literal("couldn’t `${x}` */", false),
            "\"couldn’t `${x}` */\""
        );
        assert_eq!(string_literal("a\\b\nc\r\td", false), r#""a\\b\nc\r\td""#);
        assert_eq!(
            string_literal("\u{7}\u{202E}\u{2028}\u{FEFF}🚀", false),
            "\"\\u0007\\u202E\\u2028\\uFEFF🚀\""
        );
        assert_eq!(
            string_literal("é🚀\u{5B0}\u{301}👍🏽", true),
            "\"é\\u{1F680}\\u05B0\u{301}\\u{1F44D}\\u{1F3FD}\""
        );
        assert_eq!(string_literal("\u{200D}漢", true), r#""\u200D漢""#);
    }

    #[test]
    fn widths_are_exact_or_bounded() {
        assert_eq!(width_range("\"abc\""), (5, 5));
        assert_eq!(width_range("漢é\u{301}ｱ"), (4, 4));
        assert_eq!(width_range("a🚀😀"), (5, 5));
        assert_eq!(width_range("👍🏽"), (2, 4));
        assert_eq!(width_range("👨\u{200D}👩"), (0, 6));
        assert_eq!(width_range("a🇩🇪"), (1, 5));
    }

    #[test]
    fn values_move_to_the_next_line_only_when_too_wide() {
        let prefix = "    title: ";
        let fits = "a".repeat(PRINT_WIDTH - prefix.len() - 3);
        assert!(!value(prefix, &fits, ",", true).break_after);
        let over = "a".repeat(PRINT_WIDTH - prefix.len() - 2);
        assert!(value(prefix, &over, ",", true).break_after);
        assert!(!value(prefix, &over, ",", false).break_after);
    }

    #[test]
    fn unknown_widths_are_escaped_only_when_they_decide() {
        let prefix = "    title: ";
        let far = format!("{}🇩🇪", "a".repeat(10));
        assert_eq!(value(prefix, &far, ",", true).literal, format!("\"{far}\""));
        // The raw literal measures 66 to 70 columns where 68 fit, so the flag is escaped; the
        // longer literal then moves to the next line.
        let near = format!("{}🇩🇪", "a".repeat(PRINT_WIDTH - prefix.len() - 3 - 1 - 1));
        let laid_out = value(prefix, &near, ",", true);
        assert_eq!(
            laid_out,
            Value {
                literal: format!("\"{}\\u{{1F1E9}}\\u{{1F1EA}}\"", &near[..near.len() - 8]),
                break_after: true,
            }
        );
        // 68 to 72 columns: only the unknown ones can push it past the room, so it is escaped.
        let edge = format!("{}🇩🇪", "a".repeat(PRINT_WIDTH - prefix.len() - 3));
        assert_eq!(
            value(prefix, &edge, ",", true),
            Value {
                literal: format!("\"{}\\u{{1F1E9}}\\u{{1F1EA}}\"", &edge[..edge.len() - 8]),
                break_after: true,
            }
        );
        let emoji = format!("{}🚀", "a".repeat(PRINT_WIDTH - prefix.len() - 3 - 2));
        assert_eq!(
            value(prefix, &emoji, ",", true).literal,
            format!("\"{emoji}\"")
        );
    }

    #[test]
    fn jsdoc_never_closes_early_and_keeps_short_comments_on_one_line() {
        assert_eq!(jsdoc(0, &["short".to_owned()]), ["/** short */"]);
        assert_eq!(
            jsdoc(2, &[r"a \*/ b".to_owned(), String::new(), "c".to_owned()]),
            ["/**", r" * a \*\/ b", " *", " * c", " */"]
        );
        let long = "x".repeat(PRINT_WIDTH - 7);
        assert_eq!(jsdoc(0, std::slice::from_ref(&long)).len(), 1);
        assert_eq!(jsdoc(1, &[long]).len(), 3);
    }

    #[test]
    fn json_strings_escape_for_json() {
        assert_eq!(
            json_string("a \"q\" \\ \n\u{202E}é"),
            r#""a \"q\" \\ \n\u202Eé""#
        );
    }
}
