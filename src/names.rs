//! Identifiers for each target, made in one place: case conversion, keywords, digits, limits.
//!
//! Every target names codes in UpperCamelCase (`NotFound`): Rust enum variants, the keys of
//! TypeScript's `ErrorCode` object and OpenAPI component names. Identifiers are kept to ASCII
//! letters and digits so that they are valid, lint-free and readable in every target; a name
//! that cannot become one is refused rather than mangled.

use std::fmt;

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// The longest identifier errspec makes; longer ones would not fit a formatted line.
pub(crate) const MAX_IDENTIFIER_LEN: usize = 64;

/// Put before an identifier that would start with a digit: `2FA Required` -> `Code2faRequired`.
const DIGIT_PREFIX: &str = "Code";

/// Why a name cannot become an identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NameError {
    /// The name has no letters or digits at all, e.g. `???`.
    NoLetters,
    /// The identifier would hold characters outside ASCII, e.g. `Ошибка`.
    NotAscii(String),
    /// The identifier would be longer than [`MAX_IDENTIFIER_LEN`].
    TooLong(usize),
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::NoLetters => f.write_str("it has no letters or digits"),
            NameError::NotAscii(ident) => {
                write!(f, "it gives `{ident}`, and identifiers must be ASCII")
            }
            NameError::TooLong(len) => write!(
                f,
                "it gives a {len}-character identifier, longer than the limit of {MAX_IDENTIFIER_LEN}"
            ),
        }
    }
}

/// The identifiers of one code, one per target that has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Identifiers {
    /// The `ErrorCode` enum variant in Rust.
    pub rust: String,
    /// The key in TypeScript's `ErrorCode` object, also `ErrorCodeInfo.name`. It needs no
    /// escaping: JavaScript's reserved words and the properties every object inherits
    /// (`constructor`, `toString`, `__proto__`) are all lower case or start with `_`, so no
    /// UpperCamelCase name is one of them, and a leading digit already gets a prefix.
    pub typescript: String,
    /// The name under `components.responses` in OpenAPI.
    pub openapi: String,
    /// The code's constructor on `ErrorBody` in Rust, e.g. `quota_exceeded`.
    pub rust_constructor: String,
    /// The member of Python's `ErrorCode` enum, in UPPER_SNAKE_CASE: `QUOTA_EXCEEDED`. Python's
    /// keywords and builtins are lower case or CamelCase (`None`, `True`), and an enum's
    /// reserved names start with `_`, so only `I` and `O` are kept apart (see `python_member`).
    pub python: String,
    /// The code's constructor function in Python, the Rust constructor's snake_case name kept
    /// clear of Python's keywords, soft keywords and builtins, and of the names the generated
    /// module defines itself (see [`PYTHON_MODULE_NAMES`]).
    pub python_constructor: String,
}

impl Identifiers {
    /// The identifiers for a code whose identifier source is `name`.
    pub(crate) fn for_name(name: &str) -> Result<Self, NameError> {
        let camel = upper_camel(name)?;
        let snake = camel.to_snake_case();
        Ok(Self {
            python: python_member(&camel),
            python_constructor: python_name(&snake, PYTHON_MODULE_NAMES),
            rust_constructor: rust_constructor(&camel),
            rust: rust_safe(&camel),
            typescript: camel.clone(),
            openapi: camel,
        })
    }

    /// Each target's identifier of the code itself with the target's name, in a fixed order.
    pub(crate) fn by_target(&self) -> [(&'static str, &str); 4] {
        [
            ("Rust", &self.rust),
            ("TypeScript", &self.typescript),
            ("OpenAPI", &self.openapi),
            ("Python", &self.python),
        ]
    }

    /// Every identifier made from the code, which must be distinct from every other code's:
    /// [`Identifiers::by_target`] and the Rust and Python constructors.
    pub(crate) fn all(&self) -> [(&'static str, &str); 6] {
        let [rust, typescript, openapi, python] = self.by_target();
        [
            rust,
            ("Rust", &self.rust_constructor),
            typescript,
            openapi,
            python,
            ("Python", &self.python_constructor),
        ]
    }
}

/// The methods the generated Rust `ErrorBody` has besides the constructors named after codes:
/// a code whose constructor would take one of these names gets a `_` after it (`new_`).
pub(crate) const RUST_BODY_METHODS: &[&str] = &["new", "code", "known", "params", "with_instance"];

/// The identifiers of one parameter, in the targets that name it by more than its wire name
/// (TypeScript and OpenAPI use the wire name itself, which is always a valid property name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParamIdentifiers {
    /// The constructor's argument and the field in Rust: snake_case, a keyword made raw
    /// (`r#type`) or, where Rust allows no raw form, given a `_` (`self_`).
    pub rust: String,
    /// The keyword argument in Python: snake_case, given a `_` when it is a keyword, a soft
    /// keyword or a builtin (`class_`, `type_`, `id_`), or `message`, which a constructor
    /// takes first for a code without a template.
    pub python: String,
}

impl ParamIdentifiers {
    /// The identifiers of the parameter named `name` on the wire, which is 1 to 64 of
    /// `[A-Za-z0-9_]` starting with a letter.
    pub(crate) fn for_name(name: &str) -> Self {
        let snake = name.to_snake_case();
        Self {
            rust: rust_value_ident(&snake),
            python: python_name(&snake, &["message"]),
        }
    }

    /// Each target's identifier with the target's name, in a fixed order.
    pub(crate) fn by_target(&self) -> [(&'static str, &str); 2] {
        [("Rust", &self.rust), ("Python", &self.python)]
    }
}

/// The name of the Rust constructor of the code named `camel`: `QuotaExceeded` ->
/// `quota_exceeded`, kept apart from keywords and from `ErrorBody`'s other methods.
fn rust_constructor(camel: &str) -> String {
    let snake = camel.to_snake_case();
    if RUST_BODY_METHODS.contains(&snake.as_str()) {
        return format!("{snake}_");
    }
    rust_value_ident(&snake)
}

/// A snake_case identifier for a Rust function or value: a keyword becomes a raw identifier,
/// or gets a `_` where Rust has no raw form of it.
fn rust_value_ident(snake: &str) -> String {
    if RUST_NO_RAW.contains(&snake) {
        format!("{snake}_")
    } else if RUST_KEYWORDS.contains(&snake) {
        format!("r#{snake}")
    } else {
        snake.to_owned()
    }
}

/// A snake_case identifier for Python: a keyword, a soft keyword, a builtin or one of
/// `taken` is given a `_`, as PEP 8 advises (and ruff's `flake8-builtins` rules ask).
fn python_name(snake: &str, taken: &[&str]) -> String {
    let reserved = [
        PYTHON_KEYWORDS,
        PYTHON_SOFT_KEYWORDS,
        PYTHON_BUILTINS,
        taken,
    ];
    if reserved.iter().any(|names| names.contains(&snake)) {
        format!("{snake}_")
    } else {
        snake.to_owned()
    }
}

/// `QuotaExceeded` -> `QUOTA_EXCEEDED`, the member of Python's `ErrorCode`; `I` and `O`,
/// which read as digits (ruff's `E741`), get a `_`.
fn python_member(camel: &str) -> String {
    let shouty = camel.to_shouty_snake_case();
    if matches!(shouty.as_str(), "I" | "O") {
        format!("{shouty}_")
    } else {
        shouty
    }
}

/// The lower-case names the generated Python module binds besides its constructors: its
/// imports (`from __future__ import annotations` binds `annotations`) and its public
/// functions. Its private helpers start with `_`, which no snake_case identifier does.
pub(crate) const PYTHON_MODULE_NAMES: &[&str] = &[
    "annotations",
    "cast",
    "enum",
    "error_body",
    "is_error_body",
    "math",
    "with_instance",
];

/// Rust's keywords in lower case, strict and reserved, in every edition up to 2024.
const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The keywords that cannot be raw identifiers.
const RUST_NO_RAW: &[&str] = &["crate", "self", "super"];

/// Python's keywords in lower case.
const PYTHON_KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Whether `name` is one of Python's keywords, which cannot name anything: not even a key of a
/// `TypedDict` written in class syntax.
pub(crate) fn is_python_keyword(name: &str) -> bool {
    PYTHON_KEYWORDS.contains(&name) || matches!(name, "False" | "None" | "True")
}

/// Python's soft keywords: valid names, but confusing ones (`type` is one from 3.12).
const PYTHON_SOFT_KEYWORDS: &[&str] = &["_", "case", "match", "type"];

/// Python's builtins in lower case (3.10 to 3.13), which a name would shadow.
const PYTHON_BUILTINS: &[&str] = &[
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "credits",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
];

/// `Not Found` -> `NotFound`, refusing what cannot be a portable identifier.
fn upper_camel(name: &str) -> Result<String, NameError> {
    let camel = name.to_upper_camel_case();
    if camel.is_empty() {
        return Err(NameError::NoLetters);
    }
    if !camel.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(NameError::NotAscii(camel));
    }
    let ident = if camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{DIGIT_PREFIX}{camel}")
    } else {
        camel
    };
    if ident.len() > MAX_IDENTIFIER_LEN {
        return Err(NameError::TooLong(ident.len()));
    }
    Ok(ident)
}

/// `Self` is the one Rust keyword in UpperCamelCase, and it cannot be a raw identifier.
fn rust_safe(camel: &str) -> String {
    if camel == "Self" {
        format!("{camel}_")
    } else {
        camel.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rust(name: &str) -> Result<String, NameError> {
        Identifiers::for_name(name).map(|ids| ids.rust)
    }

    #[test]
    fn converts_titles_to_upper_camel_case() {
        assert_eq!(rust("Not Found").unwrap(), "NotFound");
        assert_eq!(rust("OK").unwrap(), "Ok");
        assert_eq!(
            rust("Entity cannot be processed").unwrap(),
            "EntityCannotBeProcessed"
        );
        assert_eq!(rust("__proto__").unwrap(), "Proto");
    }

    #[test]
    fn keeps_keywords_and_digits_out() {
        assert_eq!(rust("self").unwrap(), "Self_");
        assert_eq!(rust("type").unwrap(), "Type");
        assert_eq!(rust("2FA required").unwrap(), "Code2faRequired");
        assert_eq!(Identifiers::for_name("self").unwrap().typescript, "Self");
    }

    #[test]
    fn typescript_names_avoid_reserved_words_and_inherited_properties() {
        let typescript = |name: &str| Identifiers::for_name(name).unwrap().typescript;
        for (name, ident) in [
            ("delete", "Delete"),
            ("default", "Default"),
            ("new", "New"),
            ("constructor", "Constructor"),
            ("__proto__", "Proto"),
            ("toString", "ToString"),
            ("hasOwnProperty", "HasOwnProperty"),
            ("2FA required", "Code2faRequired"),
        ] {
            assert_eq!(typescript(name), ident);
        }
    }

    #[test]
    fn parameters_are_snake_case_apart_from_keywords() {
        let rust = |name: &str| ParamIdentifiers::for_name(name).rust;
        let python = |name: &str| ParamIdentifiers::for_name(name).python;
        assert_eq!(rust("resetsAt"), "resets_at");
        assert_eq!(rust("limit"), "limit");
        assert_eq!(rust("type"), "r#type");
        assert_eq!(rust("gen"), "r#gen");
        assert_eq!(rust("self"), "self_");
        assert_eq!(rust("Self"), "self_");
        assert_eq!(python("class"), "class_");
        assert_eq!(python("type"), "type_");
        assert_eq!(python("id"), "id_");
        assert_eq!(python("match"), "match_");
        assert_eq!(python("message"), "message_");
        assert_eq!(python("resetsAt"), "resets_at");
        assert_eq!(python("limit"), "limit");
        // Only keywords cannot be a key of a TypedDict in class syntax; soft ones can.
        assert!(is_python_keyword("class") && is_python_keyword("None"));
        assert!(!is_python_keyword("type") && !is_python_keyword("int"));
    }

    #[test]
    fn constructors_are_snake_case_apart_from_keywords_and_methods() {
        assert_eq!(rust_constructor("QuotaExceeded"), "quota_exceeded");
        assert_eq!(rust_constructor("Type"), "r#type");
        assert_eq!(rust_constructor("Self"), "self_");
        assert_eq!(rust_constructor("New"), "new_");
        assert_eq!(rust_constructor("Code"), "code_");
        assert_eq!(rust_constructor("Code2faRequired"), "code2fa_required");
    }

    #[test]
    fn python_names_are_upper_snake_members_and_safe_functions() {
        let ids = |name: &str| Identifiers::for_name(name).unwrap();
        assert_eq!(ids("Quota exceeded").python, "QUOTA_EXCEEDED");
        assert_eq!(ids("2FA required").python, "CODE2FA_REQUIRED");
        assert_eq!(ids("None").python, "NONE");
        assert_eq!(ids("I").python, "I_");
        assert_eq!(ids("Quota exceeded").python_constructor, "quota_exceeded");
        for (name, function) in [
            ("class", "class_"),
            ("type", "type_"),
            ("match", "match_"),
            ("filter", "filter_"),
            ("enum", "enum_"),
            ("error body", "error_body_"),
            ("is error body", "is_error_body_"),
            ("annotations", "annotations_"),
            ("new", "new"),
        ] {
            assert_eq!(ids(name).python_constructor, function);
        }
    }

    #[test]
    fn refuses_what_cannot_be_an_identifier() {
        assert_eq!(rust("?!"), Err(NameError::NoLetters));
        assert_eq!(
            rust("Ошибка"),
            Err(NameError::NotAscii("Ошибка".to_owned()))
        );
        assert_eq!(rust(&"a ".repeat(65)), Err(NameError::TooLong(65)));
    }
}
