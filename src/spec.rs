//! The spec file as Rust types: a faithful copy of the YAML, with no logic.
//!
//! Each struct reads as serde's derive with `deny_unknown_fields` would: an unknown key, a
//! missing required key or a key written twice is an error, recorded with the node's path
//! (see `yaml::read`). Checks beyond shape (ranges, uniqueness, identifiers) belong to
//! `validate`.
//!
//! With the `schemars` feature these types also derive the JSON Schema of the format
//! (`errspec schema`): its keys and types are these; the `schemars` attributes beside the fields
//! restate each one's limits, which the `schema` tests hold to the reader. Their `///` docs
//! become the schema's descriptions, which editors show while the spec is written: they speak
//! to the spec's author. Notes for errspec's developers are `//` comments.

use crate::yaml::read::{Entries, spec_struct};

/// A spec of either format: v1 keys codes by their HTTP status, v2 by an application code.
#[derive(Debug, Clone)]
pub(crate) enum RawSpec {
    V1(RawSpecV1),
    V2(RawSpecV2),
}

spec_struct! {
    /// An errspec spec (format version 1): the error codes of one HTTP API, from which errspec
    /// generates code and docs.
    #[derive(Debug, Clone)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(rename = "SpecV1", title = "errspec spec, format v1", deny_unknown_fields))]
    pub(crate) struct RawSpecV1 expecting "a mapping with `version`, `api` and `codes`" {
        /// The spec format's version: 1, where each code is an HTTP status.
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

spec_struct! {
    /// An errspec spec (format version 2): the error codes of one HTTP API, each an
    /// application code that the API sends on the wire, several of which may share an HTTP
    /// status.
    #[derive(Debug, Clone)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(rename = "SpecV2", title = "errspec spec, format v2", deny_unknown_fields))]
    pub(crate) struct RawSpecV2 expecting "a mapping with `version`, `api` and `codes`" {
        /// The spec format's version: 2, where each code is an application code.
        // `parse` checks it before this type is read, so nothing reads the field.
        #[allow(dead_code)]
        #[cfg_attr(feature = "schemars", schemars(extend("const" = 2)))]
        version: u32 = required,
        /// Facts about the API as a whole.
        api: RawApiV2 = required,
        /// The codes, at least one, in the order the generated files list them.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
        codes: Vec<RawCodeV2> = required,
        /// Wire codes retired for good: no code of the spec may use one again, so a client
        /// never reads an old code with a new meaning, e.g. `[legacy_auth_failed]`.
        #[cfg_attr(feature = "schemars", schemars(default, schema_with = "crate::schema::reserved_list"))]
        reserved: Vec<String> = default,
    }
}

spec_struct! {
    /// Facts about the API as a whole.
    #[derive(Debug, Clone)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(rename = "ApiV2", deny_unknown_fields))]
    pub(crate) struct RawApiV2 expecting "a mapping with the API's `name`" {
        /// The API's name, used in the docs' title and in doc comments, e.g. `Payments`.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        name: String = required,
        /// The `error.name` that every error body carries; `Error` when absent.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        error_name: Option<String> = default,
        /// Each code's documentation URL: an absolute `http` or `https` URL where `{code}`
        /// stands for the code's wire code, e.g. `https://docs.example.com/errors#{code}`.
        #[cfg_attr(feature = "schemars", schemars(regex(pattern = r"^https?://\S+$")))]
        docs: Option<String> = default,
        /// The shape of error bodies: `errspec` (the default), `{"error": {"name", "status",
        /// "code", "message", "params"}}` as `application/json`; or `problem`, RFC 9457
        /// problem details as `application/problem+json`, with the code's documentation URL as
        /// `type` (so every code needs one) and the parameters as members beside `detail`.
        // null, like an absent key, is the default.
        #[cfg_attr(feature = "schemars", schemars(extend("enum" = ["errspec", "problem", null])))]
        envelope: Option<String> = default,
    }
}

spec_struct! {
    /// One error code: the application code the API sends, with its HTTP status, title and
    /// description.
    #[derive(Debug, Clone)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(rename = "CodeV2", deny_unknown_fields))]
    pub(crate) struct RawCodeV2 expecting "a mapping with `code`, `status`, `title` and `description`" {
        /// The code as the API sends it in `error.code`, unique in the spec (also when
        /// upper and lower case are not told apart): 1 to 64 letters, digits, `_`, `.` or
        /// `-`, starting with a letter, e.g. `card_declined`.
        #[cfg_attr(feature = "schemars", schemars(regex(pattern = r"^[A-Za-z][A-Za-z0-9_.\-]{0,63}$")))]
        code: String = required,
        /// The HTTP status the code is sent with, 400 to 599; codes may share a status.
        // Wider than `u16` so that 70000 is a range error with a clear message instead of a
        // type error.
        #[cfg_attr(feature = "schemars", schemars(range(min = 400, max = 599)))]
        status: i64 = required,
        /// Where the code's identifiers come from (`Card Declined` becomes `CardDeclined`);
        /// the code when absent.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        name: Option<String> = default,
        /// The short title people read, e.g. `Card declined`.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        title: String = required,
        /// What the code means, for the people who get it.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        description: String = required,
        /// Whether the same request may succeed if it is sent again later.
        #[cfg_attr(feature = "schemars", schemars(default))]
        retryable: bool = default,
        /// This code's documentation URL, instead of the one `api.docs` makes for it: an
        /// absolute `http` or `https` URL (`{code}` stands for the wire code).
        #[cfg_attr(feature = "schemars", schemars(regex(pattern = r"^https?://\S+$")))]
        docs: Option<String> = default,
        /// The message every error of this code carries, with `{name}` for the value of the
        /// parameter `name` and `{{` and `}}` for literal braces, e.g. `You have used all
        /// {limit} requests of this {window}.` Without it, each error's message is the
        /// server's to write.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        message: Option<String> = default,
        /// The values each error of this code carries in `error.params`, by their names on
        /// the wire, in the order the generated constructors take them.
        params: Option<Entries<RawParam>> = default,
        /// Why the code is deprecated, and what to use instead, e.g. `Use card_declined.`
        /// Servers should stop sending it; clients keep understanding it.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        deprecated: Option<String> = default,
        /// The code that replaces this deprecated one: the wire code of another code of the
        /// spec that is not itself deprecated.
        #[cfg_attr(feature = "schemars", schemars(regex(pattern = r"^[A-Za-z][A-Za-z0-9_.\-]{0,63}$")))]
        replaced_by: Option<String> = default,
        /// Lints to silence for this code, by id, e.g. `[TITLE_CASE]`. An allowed lint that
        /// does not fire here is itself reported.
        #[cfg_attr(feature = "schemars", schemars(default, schema_with = "crate::schema::allow_list"))]
        allow: Vec<String> = default,
    }
}

spec_struct! {
    /// One parameter of a code: a value each error of the code carries in `error.params`.
    #[derive(Debug, Clone)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schemars", schemars(rename = "Param", deny_unknown_fields))]
    pub(crate) struct RawParam expecting "a mapping with the parameter's `type` and `description`" {
        /// The JSON type of the value: `string`, `integer`, `number` (any JSON number) or
        /// `boolean`.
        #[cfg_attr(feature = "schemars", schemars(rename = "type", schema_with = "crate::schema::param_type"))]
        kind as "type": String = required,
        /// What the value is, for the people who read the error.
        #[cfg_attr(feature = "schemars", schemars(length(min = 1), regex(pattern = r"\S")))]
        description: String = required,
        /// Whether an error may leave the value out; an optional parameter cannot appear in
        /// the message.
        #[cfg_attr(feature = "schemars", schemars(default))]
        optional: bool = default,
    }
}
