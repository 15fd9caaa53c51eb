//! rustfmt's layout of the items whose width depends on the spec's names and texts: calls,
//! function signatures, fields, tuple variants and `#[deprecated]`. Each function returns the
//! lines rustfmt (style editions 2021 and 2024) leaves as they are, indented.

use unicode_width::UnicodeWidthStr;

use super::{MAX_WIDTH, fits};

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
/// arguments are no wider than `fn_call_width` (a single plain argument may be wider) and the
/// line fits; else with one argument per line, each laid out the same way. (No argument here
/// is a closure, block or struct literal, which rustfmt overflows by other rules, nor a call
/// whose one argument is a call, whose arguments rustfmt may overflow too: [`some_known`] lays
/// out the one such expression the files hold.)
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
    let plain = matches!(args.as_slice(), [Expr::Atom(_)]);
    let narrow = plain || Expr::args_line(args).width() <= FN_CALL_WIDTH;
    if args.is_empty() || (narrow && fits(&one)) {
        return vec![one];
    }
    let mut lines = vec![format!("{pad}{prefix}{callee}(")];
    for arg in args {
        lines.extend(expr_lines(indent + 4, "", arg, ","));
    }
    lines.push(format!("{pad}){suffix}{end}"));
    lines
}

/// `prefix receiver.method(args)suffix end` at `indent`, each argument an atom, as rustfmt lays
/// out a chain of one call: on one line when the arguments are no wider than `fn_call_width`
/// and the line fits; else, if the call then fits on a line of its own, with the receiver on
/// the first line and `.method(args)` on the next; else with one argument per line.
pub(super) fn method_lines(
    indent: usize,
    prefix: &str,
    receiver: &str,
    call: &Expr,
    end: &str,
) -> Vec<String> {
    let Expr::Call { args, suffix, .. } = call else {
        return expr_lines(indent, &format!("{prefix}{receiver}."), call, end);
    };
    let pad = " ".repeat(indent);
    let narrow = Expr::args_line(args).width() <= FN_CALL_WIDTH;
    let one = format!("{pad}{prefix}{receiver}.{}{end}", call.one_line());
    // With a `?`, the call is a chain of two, which rustfmt keeps on one line only to 98
    // columns (measured, rustfmt 1.9, both style editions).
    let limit = if suffix.is_empty() {
        MAX_WIDTH
    } else {
        MAX_WIDTH - 2
    };
    if narrow && one.width() <= limit {
        return vec![one];
    }
    let next = format!("{pad}    .{}{end}", call.one_line());
    if narrow && fits(&next) {
        return vec![format!("{pad}{prefix}{receiver}"), next];
    }
    expr_lines(indent, &format!("{prefix}{receiver}."), call, end)
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
        // Measured: rustfmt (1.9, both style editions) leaves an `impl Trait<T>` argument on
        // one line up to 105 columns, and breaks a generic type past 100.
        let limit = if ty.one_line().starts_with("impl ") {
            MAX_WIDTH + 5
        } else {
            MAX_WIDTH
        };
        match ty {
            Type::Generic(outer, inner) if line.width() > limit => {
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

/// `Some(KnownError::Variant(read))` at the end of a function body, as rustfmt lays it out:
/// on one line, with `read` overflowing onto a line of its own, or the inner call on a line of
/// its own. Measured (rustfmt 1.9, both style editions): one line to 98 columns, the overflow
/// while the whole would be at most 103.
pub(super) fn some_known(variant: &str) -> Vec<String> {
    let one = format!("        ::core::option::Option::Some(KnownError::{variant}(read))");
    if one.width() <= MAX_WIDTH - 2 {
        vec![one]
    } else if one.width() <= MAX_WIDTH + 3 {
        vec![
            format!("        ::core::option::Option::Some(KnownError::{variant}("),
            "            read,".to_owned(),
            "        ))".to_owned(),
        ]
    } else {
        vec![
            "        ::core::option::Option::Some(".to_owned(),
            format!("            KnownError::{variant}(read),"),
            "        )".to_owned(),
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
