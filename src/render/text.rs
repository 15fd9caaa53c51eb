//! Text helpers shared by the renderers: line splitting and Markdown escaping for doc comments.

use unicode_width::UnicodeWidthStr;

/// Splits text into lines at every line break a reader would see: `\n`, `\r\n`, `\r`, and the
/// Unicode line and paragraph separators.
pub(crate) fn lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['\n', '\r', '\u{2028}', '\u{2029}']) {
        lines.push(&rest[..at]);
        let break_len = if rest[at..].starts_with("\r\n") {
            2
        } else {
            rest[at..].chars().next().map_or(1, char::len_utf8)
        };
        rest = &rest[at + break_len..];
    }
    lines.push(rest);
    lines
}

/// Characters that reorder the text around them; compilers reject them in source
/// (rustc's `text_direction_codepoint_in_literal` and `_in_comment` lints deny them).
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that must not appear raw in generated source: control characters, bidi
/// controls, line separators, the byte order mark, and the invisible characters clippy's
/// `invisible_characters` lint (deny by default) rejects in literals: zero width space, soft
/// hyphen and word joiner. Literals escape them; comments name them.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || is_bidi_control(c)
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{200B}' | '\u{AD}' | '\u{2060}'
        )
}

/// `text` between `quote`s, in the C-like escaping that every target's string literals share:
/// the quote, `\\`, `\n`, `\r` and `\t` are escaped, and every character `escaped` selects is
/// written by `code_point` (each target spells a code point its own way: `\u{202e}`,
/// `\u202E`); every other character is written as itself.
pub(crate) fn quoted(
    text: &str,
    quote: char,
    escaped: impl Fn(char) -> bool,
    code_point: impl Fn(char) -> String,
) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if escaped(c) => out.push_str(&code_point(c)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Text as the lines of a doc comment that Markdown renders (rustdoc, TSDoc), wrapped to
/// `width` columns. Markdown syntax is escaped so the text reads exactly as written, and
/// invisible characters are named (`U+202E`), since a comment cannot escape them. Runs of
/// whitespace, no-break spaces included, become one space, so no line starts or ends with
/// whitespace that formatters would trim (rustfmt and prettier trim Unicode whitespace, not
/// only ASCII); blank lines stay as paragraph breaks, except at the ends.
pub(crate) fn doc_lines(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in lines(text) {
        let words: Vec<String> = line
            .split(is_word_break)
            .filter(|word| !word.is_empty())
            .map(escape_inline)
            .collect();
        if words.is_empty() {
            out.push(String::new());
        }
        out.extend(wrap_words(&words, width));
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    let leading_blank = out.iter().take_while(|line| line.is_empty()).count();
    out.drain(..leading_blank);
    out
}

/// Wraps one line of Markdown (escaped spec text mixed with Markdown of the renderer's own) to
/// `width` columns at its spaces, escaping what would become a block marker at a line start.
/// An inline tag such as `{@link ErrorCode}` stays on one line: only its unescaped braces
/// group words, since escaped text has none.
pub(crate) fn wrap_markdown(markdown: &str, width: usize) -> Vec<String> {
    let mut words = vec![String::new()];
    let mut depth = 0_usize;
    let mut chars = markdown.chars();
    while let Some(c) = chars.next() {
        let word = words.last_mut().expect("there is always a word");
        match c {
            ' ' if depth == 0 => {
                words.push(String::new());
                continue;
            }
            '\\' => {
                word.push(c);
                word.extend(chars.next());
                continue;
            }
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        word.push(c);
    }
    words.retain(|word| !word.is_empty());
    wrap_words(&words, width)
}

/// Whitespace that separates words in doc text: ASCII spaces and tabs, and the Unicode spaces
/// (no-break, em, ideographic...). Other invisible characters (U+0085, U+000B) are named
/// instead, and the line and paragraph separators break lines.
fn is_word_break(c: char) -> bool {
    c.is_ascii_whitespace() || (c.is_whitespace() && !is_invisible(c))
}

/// Wraps words to `width` and escapes each line's start.
fn wrap_words(words: &[String], width: usize) -> Vec<String> {
    wrap(words, width)
        .iter()
        .map(|line| escape_line_start(line))
        .collect()
}

/// Greedy word wrap; a word longer than `width` gets a line of its own.
fn wrap(words: &[String], width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in words {
        if !current.is_empty() && current.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// Escapes the Markdown that can appear anywhere in a line, and names invisible characters.
pub(crate) fn escape_inline(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_invisible(c) {
            out.push_str(&format!("U+{:04X}", u32::from(c)));
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '@' | '{' | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what Markdown reads as a block marker at the start of a line: headings, list items,
/// setext underlines.
fn escape_line_start(line: &str) -> String {
    if line.starts_with(['#', '-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = &line[digits..];
    let ordered = rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")";
    if digits > 0 && ordered {
        return format!("{}\\{rest}", &line[..digits]);
    }
    line.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_every_line_break() {
        assert_eq!(lines("a\nb\r\nc\rd\u{2028}e"), ["a", "b", "c", "d", "e"]);
        assert_eq!(lines("one"), ["one"]);
    }

    #[test]
    fn escapes_markdown_so_text_reads_as_written() {
        assert_eq!(doc_lines("- a *b* [c]", 80), [r"\- a \*b\* \[c\]"]);
        assert_eq!(doc_lines("    indented\ttext", 80), ["indented text"]);
        assert_eq!(doc_lines("1. first", 80), [r"1\. first"]);
        // Each way CommonMark starts an ordered item: `.` or `)`, then a blank or the line's end.
        assert_eq!(doc_lines("12) first", 80), [r"12\) first"]);
        assert_eq!(doc_lines("3.", 80), [r"3\."]);
        assert_eq!(doc_lines("4)", 80), [r"4\)"]);
        assert_eq!(doc_lines("5.5 or 6)x", 80), ["5.5 or 6)x"]);
        assert_eq!(
            doc_lines(". or ) without a number", 80),
            [". or ) without a number"]
        );
        assert_eq!(
            doc_lines("plain, text. With 2 numbers-and-dashes", 80),
            ["plain, text. With 2 numbers-and-dashes"]
        );
    }

    #[test]
    fn wraps_and_escapes_each_wrapped_line() {
        assert_eq!(doc_lines("one two - three", 7), ["one two", r"\- three"]);
        assert_eq!(doc_lines("a\n\n\nb\n", 7), ["a", "", "", "b"]);
    }

    #[test]
    fn no_line_starts_or_ends_with_whitespace() {
        let text = "a\u{A0}b c\u{A0}\u{3000}d\u{2003}\u{A0}";
        assert_eq!(doc_lines(text, 80), ["a b c d"]);
        assert_eq!(doc_lines("ab\u{A0}cd\u{A0}ef", 4), ["ab", "cd", "ef"]);
        assert_eq!(doc_lines("C1\u{85}here", 80), ["C1U+0085here"]);
        assert_eq!(doc_lines("tab\tand\u{B}vt", 80), ["tab andU+000Bvt"]);
    }

    #[test]
    fn wraps_markdown_without_escaping_it_again() {
        assert_eq!(
            wrap_markdown("The `Acme` API: - \\*x\\*", 11),
            ["The `Acme`", "API: -", r"\*x\*"]
        );
        assert_eq!(wrap_markdown("a - b", 2), ["a", r"\-", "b"]);
        assert_eq!(
            wrap_markdown(r"see {@link A b} \{ c \} d", 6),
            ["see", "{@link A b}", r"\{ c", r"\} d"]
        );
    }

    #[test]
    fn names_invisible_characters() {
        assert_eq!(doc_lines("a\u{202E}b\u{0}", 80), ["aU+202EbU+0000"]);
    }
}
