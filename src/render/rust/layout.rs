//! rustfmt's layout of the items whose width depends on the spec's names and texts: calls,
//! function signatures, fields, tuple variants and `#[deprecated]`. Each function returns the
//! lines rustfmt (style editions 2021 and 2024) leaves as they are, indented.

use unicode_width::UnicodeWidthStr;

use super::fits;

/// rustfmt's default `fn_call_width`: the widest argument list a call keeps on one line.
const FN_CALL_WIDTH: usize = 60;

/// An expression as the layout sees it: text that never breaks, or a call whose arguments go
/// one per line when the call does not fit on one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Expr {
    /// Text on one line: a path, a literal, `name.into()`.
    Atom(String),
    /// `callee(args)` then `suffix` (`?`, or nothing).
    Call {
        callee: String,
        args: Vec<Expr>,
        suffix: &'static str,
    },
}

impl Expr {
    /// `text` as an atom.
    pub(super) fn atom(text: impl Into<String>) -> Self {
        Expr::Atom(text.into())
    }

    /// `callee(args)`.
    pub(super) fn call(callee: impl Into<String>, args: Vec<Expr>) -> Self {
        Expr::Call {
            callee: callee.into(),
            args,
            suffix: "",
        }
    }

    /// `callee(args)?`.
    pub(super) fn try_call(callee: impl Into<String>, args: Vec<Expr>) -> Self {
        Expr::Call {
            callee: callee.into(),
            args,
            suffix: "?",
        }
    }

    /// The expression on one line.
    fn one_line(&self) -> String {
        match self {
            Expr::Atom(text) => text.clone(),
            Expr::Call {
                callee,
                args,
                suffix,
            } => format!("{callee}({}){suffix}", Self::args_line(args)),
        }
    }

    fn args_line(args: &[Expr]) -> String {
        args.iter()
            .map(Expr::one_line)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `prefix expr end` at `indent` columns, as rustfmt lays out a call: on one line when its
/// arguments are no wider than `fn_call_width` and the line fits, else with one argument per
/// line, each laid out the same way. (The calls laid out here have no argument that rustfmt
/// would rather overflow: no closure, block or struct literal.)
pub(super) fn expr_lines(indent: usize, prefix: &str, expr: &Expr, end: &str) -> Vec<String> {
    let pad = " ".repeat(indent);
    let one = format!("{pad}{prefix}{}{end}", expr.one_line());
    let Expr::Call {
        callee,
        args,
        suffix,
    } = expr
    else {
        return vec![one];
    };
    if args.is_empty() || (Expr::args_line(args).width() <= FN_CALL_WIDTH && fits(&one)) {
        return vec![one];
    }
    let mut lines = vec![format!("{pad}{prefix}{callee}(")];
    for arg in args {
        lines.extend(expr_lines(indent + 4, "", arg, ","));
    }
    lines.push(format!("{pad}){suffix}{end}"));
    lines
}

/// A type as a signature or a field writes it: a plain type, or `outer<inner>`, which rustfmt
/// breaks between its angle brackets when the line is too wide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Type {
    Plain(&'static str),
    Generic(&'static str, &'static str),
}

impl Type {
    fn one_line(&self) -> String {
        match self {
            Type::Plain(text) => (*text).to_owned(),
            Type::Generic(outer, inner) => format!("{outer}<{inner}>"),
        }
    }
}

/// `pub fn name(args) -> ret {` in an `impl` block, as rustfmt lays out a signature: on one line
/// if it fits, else one argument per line (a generic type broken inside its brackets when the
/// argument's line is still too wide).
pub(super) fn signature(name: &str, args: &[(String, Type)], ret: &str) -> Vec<String> {
    let joined: Vec<String> = args
        .iter()
        .map(|(ident, ty)| format!("{ident}: {}", ty.one_line()))
        .collect();
    let one = format!("    pub fn {name}({}) -> {ret} {{", joined.join(", "));
    if fits(&one) {
        return vec![one];
    }
    let mut lines = vec![format!("    pub fn {name}(")];
    for (ident, ty) in args {
        let line = format!("        {ident}: {},", ty.one_line());
        match ty {
            Type::Generic(outer, inner) if !fits(&line) => {
                lines.push(format!("        {ident}: {outer}<"));
                lines.push(format!("            {inner},"));
                lines.push("        >,".to_owned());
            }
            _ => lines.push(line),
        }
    }
    lines.push(format!("    ) -> {ret} {{"));
    lines
}

/// `pub name: Type,` in a struct, or, too wide, the type on the next line.
pub(super) fn field(ident: &str, ty: &str) -> Vec<String> {
    let one = format!("    pub {ident}: {ty},");
    if fits(&one) {
        vec![one]
    } else {
        vec![format!("    pub {ident}:"), format!("        {ty},")]
    }
}

/// `Variant(Type),` in an enum, or, too wide, the type on a line of its own.
pub(super) fn tuple_variant(ident: &str, ty: &str) -> Vec<String> {
    let one = format!("    {ident}({ty}),");
    if fits(&one) {
        vec![one]
    } else {
        vec![
            format!("    {ident}("),
            format!("        {ty},"),
            "    ),".to_owned(),
        ]
    }
}

/// `#[deprecated(note = "...")]` at `indent`, or, too wide, with the note on a line of its own.
pub(super) fn deprecated(indent: usize, note: &str) -> Vec<String> {
    let pad = " ".repeat(indent);
    let one = format!("{pad}#[deprecated(note = {note})]");
    if fits(&one) {
        vec![one]
    } else {
        vec![
            format!("{pad}#[deprecated("),
            format!("{pad}    note = {note}"),
            format!("{pad})]"),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_goes_vertical_when_its_arguments_are_wide() {
        let call = |wire: &str| {
            Expr::call(
                "params.insert",
                vec![
                    Expr::atom(format!("\"{wire}\"")),
                    Expr::call("ParamValue::Integer", vec![Expr::atom(wire)]),
                ],
            )
        };
        assert_eq!(
            expr_lines(8, "", &call("limit"), ";"),
            ["        params.insert(\"limit\", ParamValue::Integer(limit));"]
        );
        assert_eq!(
            expr_lines(8, "", &call("retry_after_seconds"), ";"),
            [
                "        params.insert(",
                "            \"retry_after_seconds\",",
                "            ParamValue::Integer(retry_after_seconds),",
                "        );",
            ]
        );
    }

    #[test]
    fn a_generic_type_breaks_inside_its_brackets() {
        let string = Type::Generic("::core::option::Option", "::std::string::String");
        let long = "a".repeat(64);
        assert_eq!(
            signature("f", &[(long.clone(), string)], "Self"),
            [
                "    pub fn f(".to_owned(),
                format!("        {long}: ::core::option::Option<"),
                "            ::std::string::String,".to_owned(),
                "        >,".to_owned(),
                "    ) -> Self {".to_owned(),
            ]
        );
        assert_eq!(
            signature("f", &[("a".to_owned(), Type::Plain("i64"))], "Self"),
            ["    pub fn f(a: i64) -> Self {"]
        );
    }
}
