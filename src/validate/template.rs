//! A code's message template, read into its parts: `{name}` is the value of a parameter,
//! `{{` and `}}` are literal braces, and any other brace is a mistake.

use std::ops::Range;

use crate::model::Part;

/// What is wrong with a template's braces, and where (byte offsets in the template).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SyntaxError {
    pub problem: String,
    pub hint: &'static str,
    pub at: Range<usize>,
}

/// A placeholder of a template, with where it is written (its braces included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Placeholder {
    pub name: String,
    pub at: Range<usize>,
}

/// The parts of `template`, with its placeholders and their places; the first brace that
/// makes no sense is an error.
pub(super) fn parse(template: &str) -> Result<(Vec<Part>, Vec<Placeholder>), SyntaxError> {
    let mut parts = Vec::new();
    let mut placeholders = Vec::new();
    let mut text = String::new();
    let mut rest = template.char_indices().peekable();
    while let Some((at, c)) = rest.next() {
        match c {
            '{' if rest.next_if(|&(_, next)| next == '{').is_some() => text.push('{'),
            '}' if rest.next_if(|&(_, next)| next == '}').is_some() => text.push('}'),
            '{' => {
                let placeholder = placeholder(template, at)?;
                while rest.next_if(|&(i, _)| i < placeholder.at.end).is_some() {}
                if !text.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut text)));
                }
                parts.push(Part::Param(placeholder.name.clone()));
                placeholders.push(placeholder);
            }
            '}' => {
                return Err(SyntaxError {
                    problem: "has a `}` that closes no placeholder".to_owned(),
                    hint: "write `}}` for a literal `}`",
                    at: at..at + 1,
                });
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        parts.push(Part::Text(text));
    }
    Ok((parts, placeholders))
}

/// The placeholder that opens with the `{` at `open`.
fn placeholder(template: &str, open: usize) -> Result<Placeholder, SyntaxError> {
    let after = &template[open + 1..];
    let unclosed = || SyntaxError {
        problem: "has a `{` that no `}` closes".to_owned(),
        hint: "close the placeholder, as in `{limit}`, or write `{{` for a literal `{`",
        at: open..open + 1,
    };
    let close = after.find(['{', '}']).ok_or_else(unclosed)?;
    if after[close..].starts_with('{') {
        return Err(unclosed());
    }
    let name = &after[..close];
    let end = open + 1 + close + 1;
    if name.is_empty() {
        return Err(SyntaxError {
            problem: "has an empty placeholder, `{}`".to_owned(),
            hint: "name a parameter between the braces, as in `{limit}`, or write `{{}}` for \
                   literal braces",
            at: open..end,
        });
    }
    Ok(Placeholder {
        name: name.to_owned(),
        at: open..end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Part {
        Part::Text(s.to_owned())
    }

    fn param(s: &str) -> Part {
        Part::Param(s.to_owned())
    }

    #[test]
    fn reads_placeholders_and_escaped_braces() {
        let (parts, placeholders) = parse("Used {limit} of {{quota}} per {window}}}").unwrap();
        assert_eq!(
            parts,
            [
                text("Used "),
                param("limit"),
                text(" of {quota} per "),
                param("window"),
                text("}"),
            ]
        );
        let places: Vec<_> = placeholders.iter().map(|p| p.at.clone()).collect();
        assert_eq!(places, [5..12, 30..38]);
        assert_eq!(parse("").unwrap().0, []);
        assert_eq!(parse("{a}{b}").unwrap().0, [param("a"), param("b")]);
        assert_eq!(parse("{{}}").unwrap().0, [text("{}")]);
        assert_eq!(parse("é{a}").unwrap().1[0].at, 2..5);
    }

    #[test]
    fn refuses_braces_that_make_no_sense() {
        for (template, problem, at) in [
            ("Used {limit", "no `}` closes", 5..6),
            ("Used {a{b}", "no `}` closes", 5..6),
            ("Used limit}", "closes no placeholder", 10..11),
            ("Used {}", "empty placeholder", 5..7),
            ("{", "no `}` closes", 0..1),
            ("}", "closes no placeholder", 0..1),
        ] {
            let error = parse(template).unwrap_err();
            assert!(error.problem.contains(problem), "{template}: {error:?}");
            assert_eq!(error.at, at, "{template}");
        }
    }
}
