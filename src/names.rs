//! Identifiers for each target, made in one place: case conversion, keywords, digits, limits.
//!
//! Every target names codes in UpperCamelCase (`NotFound`): Rust enum variants, the keys of
//! TypeScript's `ErrorCode` object and OpenAPI component names. Identifiers are kept to ASCII
//! letters and digits so that they are valid, lint-free and readable in every target; a name
//! that cannot become one is refused rather than mangled.

use std::fmt;

use heck::ToUpperCamelCase;

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
}

impl Identifiers {
    /// The identifiers for a code whose identifier source is `name`.
    pub(crate) fn for_name(name: &str) -> Result<Self, NameError> {
        let camel = upper_camel(name)?;
        Ok(Self {
            rust: rust_safe(&camel),
            typescript: camel.clone(),
            openapi: camel,
        })
    }

    /// Each target's identifier with the target's name, in a fixed order.
    pub(crate) fn by_target(&self) -> [(&'static str, &str); 3] {
        [
            ("Rust", &self.rust),
            ("TypeScript", &self.typescript),
            ("OpenAPI", &self.openapi),
        ]
    }
}

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
    fn refuses_what_cannot_be_an_identifier() {
        assert_eq!(rust("?!"), Err(NameError::NoLetters));
        assert_eq!(
            rust("Ошибка"),
            Err(NameError::NotAscii("Ошибка".to_owned()))
        );
        assert_eq!(rust(&"a ".repeat(65)), Err(NameError::TooLong(65)));
    }
}
