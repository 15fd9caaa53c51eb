//! Reading the spec format's types with serde_yaml, which decides every value, while errspec
//! records what went wrong and where as data.
//!
//! Each type of the format implements [`FromYaml`]: it reads itself from serde_yaml's
//! deserializer at a [`Path`]. When a node has the wrong shape (an unknown, missing or
//! repeated key, a wrong type), the reader that finds it records a [`ShapeError`] with the
//! node's path before it returns serde's error, so nothing is read back from the error's
//! message: the path is the reader's own, and the document locates it. The first error
//! recorded is the innermost, and the one reported, as serde stops at the first.

use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::Path;

/// What is wrong with the shape of the node at a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ShapeErrorKind {
    /// The mapping at the path has a key its type does not know.
    UnknownKey {
        key: String,
        allowed: &'static [&'static str],
    },
    /// The mapping at the path lacks a required key.
    MissingKey { key: &'static str },
    /// The mapping at the path has a key twice.
    DuplicateKey { key: String },
    /// The node at the path is not what its place needs, e.g. "a string".
    WrongType { expected: String },
    /// A key of the mapping at the path is a mapping or a list, not text.
    KeyNotText,
}

/// A shape error and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShapeError {
    pub path: Path,
    pub kind: ShapeErrorKind,
}

/// Why a text could not be read as a type of the format.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// A node has the wrong shape.
    Shape(ShapeError),
    /// serde_yaml failed with no shape error recorded: nothing errspec knows of should get
    /// here, since the document's checks run first; kept so that nothing is lost if it does.
    Other(serde_yaml::Error),
}

/// Reads `T` from the YAML `text`.
pub(crate) fn read<T: FromYaml>(text: &str) -> Result<T, ReadError> {
    let recorded = RefCell::new(None);
    let at = At {
        recorded: &recorded,
        path: Path::root(),
    };
    let result = T::read(serde_yaml::Deserializer::from_str(text), at);
    result.map_err(|error| match recorded.into_inner() {
        Some(shape) => ReadError::Shape(shape),
        None => ReadError::Other(error),
    })
}

/// A type of the spec format, read from serde_yaml at a path.
pub(crate) trait FromYaml: Sized {
    /// What a node of this type is, in the words of a message: "a string".
    fn expected() -> String;

    /// Reads a value at `at`, recording a shape error there (or deeper) if it fails.
    fn read<'de, D: Deserializer<'de>>(deserializer: D, at: At<'_>) -> Result<Self, D::Error>;
}

/// Where a reader is: the path, and the place to record the first shape error.
#[derive(Clone)]
pub(crate) struct At<'r> {
    recorded: &'r RefCell<Option<ShapeError>>,
    path: Path,
}

impl At<'_> {
    /// The reader of the value under `key`.
    pub(crate) fn key(&self, key: &str) -> Self {
        Self {
            recorded: self.recorded,
            path: self.path.key(key),
        }
    }

    /// The reader of the `index`th element.
    pub(crate) fn index(&self, index: usize) -> Self {
        Self {
            recorded: self.recorded,
            path: self.path.index(index),
        }
    }

    /// Records `kind` at this path, unless a deeper reader recorded an error already, and
    /// returns an error for serde to carry out (its text is never read).
    pub(crate) fn fail<E: de::Error>(&self, kind: ShapeErrorKind) -> E {
        self.record(kind);
        E::custom("the spec's shape is wrong (recorded with its path)")
    }

    /// Passes on serde_yaml's `error` for a node that is not `T`, recording a wrong type
    /// unless a deeper reader recorded something more precise.
    pub(crate) fn wrong_type<T: FromYaml, E>(&self, error: E) -> E {
        self.record(ShapeErrorKind::WrongType {
            expected: T::expected(),
        });
        error
    }

    fn record(&self, kind: ShapeErrorKind) {
        let mut recorded = self.recorded.borrow_mut();
        if recorded.is_none() {
            *recorded = Some(ShapeError {
                path: self.path.clone(),
                kind,
            });
        }
    }
}

/// `T` read at a path, as a serde seed.
pub(crate) struct Seed<'r, T> {
    at: At<'r>,
    read: PhantomData<T>,
}

impl<'r, T> Seed<'r, T> {
    pub(crate) fn new(at: At<'r>) -> Self {
        Self {
            at,
            read: PhantomData,
        }
    }
}

impl<'de, T: FromYaml> DeserializeSeed<'de> for Seed<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::read(deserializer, self.at)
    }
}

/// The scalars: serde_yaml reads them as it always does, and a node that is not one is a
/// wrong type.
macro_rules! scalar {
    ($($ty:ty => $expected:literal),* $(,)?) => {$(
        impl FromYaml for $ty {
            fn expected() -> String {
                $expected.to_owned()
            }

            fn read<'de, D: Deserializer<'de>>(deserializer: D, at: At<'_>) -> Result<Self, D::Error> {
                <$ty>::deserialize(deserializer).map_err(|error| at.wrong_type::<Self, _>(error))
            }
        }
    )*};
}

scalar! {
    String => "a string",
    bool => "a boolean",
    i64 => "an integer",
    u32 => "an integer",
}

/// An absent or null value is `None`, as serde reads `Option`.
impl<T: FromYaml> FromYaml for Option<T> {
    fn expected() -> String {
        T::expected()
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D, at: At<'_>) -> Result<Self, D::Error> {
        struct OptionVisitor<'r, T>(At<'r>, PhantomData<T>);

        impl<'de, T: FromYaml> Visitor<'de> for OptionVisitor<'_, T> {
            type Value = Option<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&T::expected())
            }

            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                T::read(d, self.0).map(Some)
            }
        }

        let visitor = OptionVisitor::<T>(at.clone(), PhantomData);
        deserializer
            .deserialize_option(visitor)
            .map_err(|error| at.wrong_type::<Self, _>(error))
    }
}

impl<T: FromYaml> FromYaml for Vec<T> {
    fn expected() -> String {
        "a list".to_owned()
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D, at: At<'_>) -> Result<Self, D::Error> {
        struct SeqVisitor<'r, T>(At<'r>, PhantomData<T>);

        impl<'de, T: FromYaml> Visitor<'de> for SeqVisitor<'_, T> {
            type Value = Vec<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) =
                    seq.next_element_seed(Seed::new(self.0.index(items.len())))?
                {
                    items.push(item);
                }
                Ok(items)
            }
        }

        let visitor = SeqVisitor::<T>(at.clone(), PhantomData);
        deserializer
            .deserialize_seq(visitor)
            .map_err(|error| at.wrong_type::<Self, _>(error))
    }
}

/// A mapping whose keys are the user's own names (a code's parameters), in the order written;
/// each key at most once.
#[derive(Debug, Clone, Default)]
#[allow(dead_code)] // format v2's parameters read it; its tests below use it already
pub(crate) struct Entries<T>(pub Vec<(String, T)>);

impl<T: FromYaml> FromYaml for Entries<T> {
    fn expected() -> String {
        "a mapping".to_owned()
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D, at: At<'_>) -> Result<Self, D::Error> {
        struct MapVisitor<'r, T>(At<'r>, PhantomData<T>);

        impl<'de, T: FromYaml> Visitor<'de> for MapVisitor<'_, T> {
            type Value = Entries<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries<T>, A::Error> {
                let mut entries: Vec<(String, T)> = Vec::new();
                while let Some(key) = map.next_key_seed(KeySeed {
                    fields: None,
                    at: self.0.clone(),
                })? {
                    let key = key.into_owned();
                    if entries.iter().any(|(seen, _)| *seen == key) {
                        return Err(self.0.fail(ShapeErrorKind::DuplicateKey { key }));
                    }
                    let value = map.next_value_seed(Seed::new(self.0.key(&key)))?;
                    entries.push((key, value));
                }
                Ok(Entries(entries))
            }
        }

        let visitor = MapVisitor::<T>(at.clone(), PhantomData);
        deserializer
            .deserialize_map(visitor)
            .map_err(|error| at.wrong_type::<Self, _>(error))
    }
}

/// Reads a mapping key as text. With `fields`, the key must be one of them, and an unknown
/// key is recorded while the key is read.
pub(crate) struct KeySeed<'r> {
    pub fields: Option<&'static [&'static str]>,
    pub at: At<'r>,
}

/// A key: one of a struct's field names, or a user's own.
pub(crate) type Key = std::borrow::Cow<'static, str>;

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        let at = self.at.clone();
        deserializer
            .deserialize_identifier(self)
            .inspect_err(|_| at.record(ShapeErrorKind::KeyNotText))
    }
}

impl Visitor<'_> for KeySeed<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        let Some(fields) = self.fields else {
            return Ok(Key::Owned(key.to_owned()));
        };
        match fields.iter().find(|field| **field == key) {
            Some(field) => Ok(Key::Borrowed(field)),
            None => Err(self.at.fail(ShapeErrorKind::UnknownKey {
                key: key.to_owned(),
                allowed: fields,
            })),
        }
    }
}

/// Declares a struct of the spec format and its [`FromYaml`]: a mapping with these keys and
/// no others, each at most once. A field is `required`, or `default` (absent means
/// `Default::default()`: `None`, `false`, empty).
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

        impl $crate::yaml::read::FromYaml for $name {
            fn expected() -> String {
                $expecting.to_owned()
            }

            fn read<'de, D: serde::Deserializer<'de>>(
                deserializer: D,
                at: $crate::yaml::read::At<'_>,
            ) -> Result<Self, D::Error> {
                use $crate::yaml::read::{At, KeySeed, Seed, ShapeErrorKind};

                const FIELDS: &[&str] = &[$(stringify!($field)),*];

                struct FieldsVisitor<'r>(At<'r>);

                impl<'de> serde::de::Visitor<'de> for FieldsVisitor<'_> {
                    type Value = $name;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$name, A::Error> {
                        let at = self.0;
                        $(let mut $field: Option<$ty> = None;)*
                        while let Some(key) = map.next_key_seed(KeySeed {
                            fields: Some(FIELDS),
                            at: at.clone(),
                        })? {
                            match key.as_ref() {
                                $(stringify!($field) => {
                                    if $field.is_some() {
                                        return Err(at.fail(ShapeErrorKind::DuplicateKey {
                                            key: key.into_owned(),
                                        }));
                                    }
                                    $field = Some(map.next_value_seed(Seed::new(at.key(&key)))?);
                                })*
                                _ => unreachable!("KeySeed yields only names in FIELDS"),
                            }
                        }
                        Ok($name {
                            $($field: spec_struct!(@take $presence, $field, at),)*
                        })
                    }
                }

                deserializer
                    .deserialize_struct(stringify!($name), FIELDS, FieldsVisitor(at.clone()))
                    .map_err(|error| at.wrong_type::<Self, _>(error))
            }
        }
    };
    (@take required, $value:ident, $at:ident) => {
        match $value {
            Some(value) => value,
            None => {
                return Err($at.fail(ShapeErrorKind::MissingKey { key: stringify!($value) }));
            }
        }
    };
    (@take default, $value:ident, $at:ident) => {
        $value.unwrap_or_default()
    };
}

pub(crate) use spec_struct;

#[cfg(test)]
mod tests {
    use super::*;

    spec_struct! {
        #[derive(Debug, PartialEq)]
        pub(crate) struct Item expecting "a mapping with `id`" {
            id: i64 = required,
            tags: Vec<String> = default,
            note: Option<String> = default,
            params: Option<Entries<bool>> = default,
        }
    }

    impl PartialEq for Entries<bool> {
        fn eq(&self, other: &Self) -> bool {
            self.0 == other.0
        }
    }

    spec_struct! {
        #[derive(Debug, PartialEq)]
        pub(crate) struct Top expecting "a mapping with `items`" {
            items: Vec<Item> = required,
        }
    }

    fn shape(text: &str) -> (String, ShapeErrorKind) {
        match read::<Top>(text) {
            Err(ReadError::Shape(error)) => (error.path.to_string(), error.kind),
            other => panic!("expected a shape error, got {other:?}"),
        }
    }

    fn wrong(expected: &str) -> ShapeErrorKind {
        ShapeErrorKind::WrongType {
            expected: expected.to_owned(),
        }
    }

    #[test]
    fn values_are_serde_yaml_s() {
        let top = read::<Top>("items:\n  - id: 0x10\n    tags: [a, 1.10]\n    note: ~\n").unwrap();
        assert_eq!(top.items[0].id, 16);
        assert_eq!(
            top.items[0].tags,
            ["a", "1.10"],
            "a scalar's text, as written"
        );
        assert_eq!(top.items[0].note, None);
        let params = read::<Top>("items: [{id: 1, params: {b: true, a: false}}]\n").unwrap();
        let entries = params.items[0].params.clone().unwrap().0;
        assert_eq!(entries, [("b".to_owned(), true), ("a".to_owned(), false)]);
    }

    #[test]
    fn shape_errors_are_recorded_at_their_path() {
        assert_eq!(
            shape("items: [{id: x}]"),
            ("items[0].id".into(), wrong("an integer"))
        );
        assert_eq!(
            shape("items: [{id: 1, tags: [[]]}]"),
            ("items[0].tags[0]".into(), wrong("a string"))
        );
        assert_eq!(shape("items: 5"), ("items".into(), wrong("a list")));
        assert_eq!(
            shape("items: [[]]"),
            ("items[0]".into(), wrong("a mapping with `id`"))
        );
        assert_eq!(
            shape("items: [{}]"),
            ("items[0]".into(), ShapeErrorKind::MissingKey { key: "id" })
        );
        assert_eq!(
            shape("items: [{id: 1, colour: red}]"),
            (
                "items[0]".into(),
                ShapeErrorKind::UnknownKey {
                    key: "colour".into(),
                    allowed: &["id", "tags", "note", "params"]
                }
            )
        );
        assert_eq!(
            shape("items: [{id: 1, id: 2}]"),
            (
                "items[0]".into(),
                ShapeErrorKind::DuplicateKey { key: "id".into() }
            )
        );
        assert_eq!(
            shape("items: [{id: 1, params: {a: true, a: true}}]"),
            (
                "items[0].params".into(),
                ShapeErrorKind::DuplicateKey { key: "a".into() }
            )
        );
        assert_eq!(
            shape("items: [{id: 1, params: {a: 5}}]"),
            ("items[0].params.a".into(), wrong("a boolean"))
        );
        assert_eq!(
            shape("items: [{? [k] : 1}]"),
            ("items[0]".into(), ShapeErrorKind::KeyNotText)
        );
    }
}
