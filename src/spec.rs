//! The spec file as serde types: a faithful copy of the YAML, with no logic.
//!
//! Each struct deserializes as serde's derive with `deny_unknown_fields` would: an unknown
//! key, a missing required key or a key written twice is an error, located by serde_yaml at
//! the node. Checks beyond shape (ranges, uniqueness, identifiers) belong to `validate`.

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
    /// A whole spec file, format version 1.
    #[derive(Debug, Clone)]
    pub(crate) struct RawSpec expecting "a mapping with `version`, `api` and `codes`" {
        /// The format version; only 1 exists. `parse` checks it before this type is read.
        #[allow(dead_code)]
        version: u32 = required,
        /// Facts about the API as a whole.
        api: RawApi = required,
        /// The codes, in the order the generated files list them.
        codes: Vec<RawCode> = required,
    }
}

spec_struct! {
    /// The `api:` section.
    #[derive(Debug, Clone)]
    pub(crate) struct RawApi expecting "a mapping with the API's `name`" {
        /// The API's name, used in docs and titles.
        name: String = required,
        /// The `error.name` every error body carries; "Error" when absent.
        error_name: Option<String> = default,
        /// The example error body the API's own documentation shows.
        example: Option<RawExample> = default,
    }
}

spec_struct! {
    /// `api.example`: the status and message of the documented example body.
    #[derive(Debug, Clone)]
    pub(crate) struct RawExample expecting "a mapping with `status` and `message`" {
        /// The example's HTTP status; must be one of the spec's error codes.
        status: i64 = required,
        /// The example's message.
        message: String = required,
    }
}

spec_struct! {
    /// One entry of `codes:`.
    #[derive(Debug, Clone)]
    pub(crate) struct RawCode expecting "a mapping with `status`, `title` and `description`" {
        /// The HTTP status, 100 to 599. Wider than `u16` so that 70000 is a range error with
        /// a clear message instead of a type error.
        status: i64 = required,
        /// The identifier source; the title when absent.
        name: Option<String> = default,
        /// The short title people read, e.g. "Not Found".
        title: String = required,
        /// What the code means.
        description: String = required,
        /// Whether retrying the same request may succeed.
        retryable: bool = default,
    }
}
