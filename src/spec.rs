//! The spec file as serde types: a faithful copy of the YAML, with no logic.
//!
//! Each struct deserializes as serde's derive with `deny_unknown_fields` would: an unknown
//! key, a missing required key or a key written twice is an error, located by serde_yaml at
//! the node. Checks beyond shape (ranges, uniqueness, identifiers) belong to `validate`.
//!
//! With the `schemars` feature these types also derive the JSON Schema of the format
//! (`errspec schema`), so the schema cannot drift from what the parser reads. Their `///` docs
//! become the schema's descriptions, which editors show while the spec is written: they speak
//! to the spec's author. Notes for errspec's developers are `//` comments.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};

/// Declares a spec struct and its `Deserialize` impl.
///
/// The impl is the one `#[derive(Deserialize)]` with `#[serde(deny_unknown_fields)]` would
/// generate, with serde's own error constructors, so messages are the same. It is written out
/// here because serde_derive was the largest single cost of compiling errspec as a
/// build-dependency (see `benches/compile-cost.sh` and the README). A field is either
/// `required` or `default` (absent means `Default::default()`, e.g. `None` or `false`).
macro_rules! spec_struct {
    (
        $(#[$meta:meta])*
        pub(crate) struct $name:ident expecting $expecting:literal {
            $(
                $(#[$field_meta:meta])*
                $field:ident: $ty:ty = $presence:ident,
            )*
        }
    ) => {
        $(#[$meta])*
        pub(crate) struct $name {
            $(
                $(#[$field_meta])*
                pub $field: $ty,
            )*
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const FIELDS: &[&str] = &[$(stringify!($field)),*];

                struct FieldsVisitor;

                impl<'de> Visitor<'de> for FieldsVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        $(let mut $field: Option<$ty> = None;)*
                        while let Some(key) = map.next_key_seed(FieldName(FIELDS))? {
                            match key {
                                $(stringify!($field) => {
                                    if $field.is_some() {
                                        return Err(de::Error::duplicate_field(stringify!($field)));
                                    }
                                    $field = Some(map.next_value()?);
                                })*
                                _ => unreachable!("FieldName only yields names in FIELDS"),
                            }
                        }
                        Ok($name {
                            $($field: spec_struct!(@take $presence, $field, stringify!($field)),)*
                        })
                    }
                }

                deserializer.deserialize_struct(stringify!($name), FIELDS, FieldsVisitor)
            }
        }
    };
    (@take required, $value:ident, $key:expr) => {
        $value.ok_or_else(|| de::Error::missing_field($key))?
    };
    (@take default, $value:ident, $key:expr) => {
        $value.unwrap_or_default()
    };
}

/// Every key of the format, at any level.
const KEYS: &[&str] = &[
    "version",
    "api",
    "codes",
    "name",
    "error_name",
    "example",
    "status",
    "message",
    "title",
    "description",
    "retryable",
    "allow",
];

/// `key` as the format's own `'static` name, if it is one of the format's keys (node paths
/// borrow key names for as long as the program runs).
pub(crate) fn static_key(key: &str) -> Option<&'static str> {
    KEYS.iter().copied().find(|known| *known == key)
}

/// Reads a mapping key that must be one of `.0`. An unknown key is an error raised while the
/// key is read, so serde_yaml locates it at the key itself rather than at its mapping.
struct FieldName(&'static [&'static str]);

impl<'de> de::DeserializeSeed<'de> for FieldName {
    type Value = &'static str;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for FieldName {
    type Value = &'static str;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        self.0
            .iter()
            .copied()
            .find(|field| *field == key)
            .ok_or_else(|| E::unknown_field(key, self.0))
    }
}

spec_struct! {
    /// An errspec spec (format version 1): the error codes of one HTTP API, from which errspec
    /// generates code and docs.
    #[derive(Debug, Clone)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(title = "errspec spec, format v1", deny_unknown_fields))]
    pub(crate) struct RawSpec expecting "a mapping with `version`, `api` and `codes`" {
        /// The spec format's version: 1, the only one so far.
        // `parse` checks it before this type is read, so nothing reads the field.
        #[allow(dead_code)]
        #[cfg_attr(feature = "schemars", schemars(extend("const" = 1)))]
        version: u32 = required,
        /// Facts about the API as a whole.
        api: RawApi = required,
        /// The codes, at least one, in the order the generated files list them.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
        codes: Vec<RawCode> = required,
    }
}

spec_struct! {
    /// Facts about the API as a whole.
    #[derive(Debug, Clone)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(rename = "Api", deny_unknown_fields))]
    pub(crate) struct RawApi expecting "a mapping with the API's `name`" {
        /// The API's name, used in the docs' title and in doc comments, e.g. `Acme`.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        name: String = required,
        /// The `error.name` that every error body carries; `Error` when absent.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        error_name: Option<String> = default,
        /// The example error body the API's documentation shows.
        example: Option<RawExample> = default,
    }
}

spec_struct! {
    /// The status and message of the example error body; its `error.name` is `api.error_name`.
    #[derive(Debug, Clone)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(rename = "Example", deny_unknown_fields))]
    pub(crate) struct RawExample expecting "a mapping with `status` and `message`" {
        /// The example's HTTP status: one of the spec's error codes (400 to 599).
        #[cfg_attr(feature = "schemars", schemars(range(min = 400, max = 599)))]
        status: i64 = required,
        /// The example's message, e.g. `wrong element in type`.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        message: String = required,
    }
}

spec_struct! {
    /// One error code: an HTTP status with its title and description.
    #[derive(Debug, Clone)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(rename = "Code", deny_unknown_fields))]
    pub(crate) struct RawCode expecting "a mapping with `status`, `title` and `description`" {
        /// The HTTP status, 100 to 599, unique in the spec.
        // Wider than `u16` so that 70000 is a range error with a clear message instead of a
        // type error.
        #[cfg_attr(feature = "schemars", schemars(range(min = 100, max = 599)))]
        status: i64 = required,
        /// Where the code's identifiers come from (`Bad Gateway` becomes `BadGateway`); the
        /// title when absent. Give one when two titles would make the same identifier.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        name: Option<String> = default,
        /// The short title people read, e.g. `Not Found`.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        title: String = required,
        /// What the code means, for the people who get it.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        description: String = required,
        /// Whether the same request may succeed if it is sent again later.
        #[cfg_attr(feature = "schemars", schemars(default))]
        retryable: bool = default,
        /// Lints to silence for this code, by id, e.g. `[TITLE_NOT_REASON_PHRASE]`. An allowed
        /// lint that does not fire here is itself reported.
        #[cfg_attr(feature = "schemars", schemars(default, schema_with = "crate::schema::allow_list"))]
        allow: Vec<String> = default,
    }
}
