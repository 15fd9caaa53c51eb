{{ header }}

{% for line in enum_doc -%}
{{ line }}
{% endfor -%}
{% if enum_doc_markdown -%}
// The docs show the spec's text, prose in which clippy's `doc_markdown` takes words for code.
#[allow(clippy::doc_markdown)]
{% endif -%}
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u16)]
pub enum ErrorCode {
{%- for variant in variants %}
{%- for line in variant.doc %}
    {{ line }}
{%- endfor %}
    {{ variant.ident }} = {{ variant.status }},
{%- endfor %}
}

impl ErrorCode {
    /// Every code, in the order of the spec.
{%- if all.inline %}
    pub const ALL: [Self; {{ variants.len() }}] = [{{ all.items|join(", ") }}];
{%- else %}
    pub const ALL: [Self; {{ variants.len() }}] = [
{%- for item in all.items %}
        {{ item }},
{%- endfor %}
    ];
{%- endif %}

    /// The HTTP status code, e.g. `404`.
    #[must_use]
    pub const fn status(self) -> u16 {
        self as u16
    }

    /// The code's name, as the variant spells it: `"NotFound"`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
{%- for arm in names %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        }
    }

    /// The short title people read, e.g. `"Not Found"`.
    #[must_use]
    // One arm per code, also where codes share the text: a change to one code's title is
    // one line of a diff.
    #[allow(clippy::match_same_arms)]
    pub const fn title(self) -> &'static str {
        match self {
{%- for arm in titles %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        }
    }

    /// What the code means, as the spec describes it.
    #[must_use]
    // One arm per code, also where codes share the text: a change to one code's description is
    // one line of a diff.
    #[allow(clippy::match_same_arms)]
    pub const fn description(self) -> &'static str {
        match self {
{%- for arm in descriptions %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        }
    }

    /// The code with this HTTP status, if the spec has one.
    #[must_use]
    pub const fn from_status(status: u16) -> ::core::option::Option<Self> {
        let code = match status {
{%- for variant in variants %}
            {{ variant.status }} => Self::{{ variant.ident }},
{%- endfor %}
            _ => return ::core::option::Option::None,
        };
        ::core::option::Option::Some(code)
    }

    /// The code with this name, as [`name`](Self::name) spells it (`"NotFound"`), if the spec
    /// has one.
    #[must_use]
    pub fn from_name(name: &str) -> ::core::option::Option<Self> {
        let code = match name {
{%- for arm in from_name %}
{%- include "rust/arm.rs" %}
{%- endfor %}
            _ => return ::core::option::Option::None,
        };
        ::core::option::Option::Some(code)
    }

    /// Whether this code reports an error: a 4xx or 5xx status.
    #[must_use]
    pub const fn is_error(self) -> bool {
        self.status() >= 400
    }

    /// Whether the same request may succeed if it is sent again later.
    #[must_use]
    pub const fn is_retryable(self) -> bool {
{%- for line in retryable %}
        {{ line }}
{%- endfor %}
    }

    /// The status and title, as in an HTTP status line: `404 Not Found`.
    const fn status_line(self) -> &'static str {
        match self {
{%- for arm in status_lines %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        }
    }
}

impl ::core::fmt::Display for ErrorCode {
    /// The status and title, as in an HTTP status line (`404 Not Found`), padded and aligned
    /// as the format asks (`{:>20}`).
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.pad(self.status_line())
    }
}

impl ::core::convert::From<ErrorCode> for u16 {
    /// The code's HTTP status.
    fn from(code: ErrorCode) -> Self {
        code.status()
    }
}

impl ::core::convert::TryFrom<u16> for ErrorCode {
    type Error = UnknownStatus;

    fn try_from(status: u16) -> ::core::result::Result<Self, UnknownStatus> {
        Self::from_status(status).ok_or(UnknownStatus(status))
    }
}

impl ::core::str::FromStr for ErrorCode {
    type Err = UnknownName;

    /// Reads a code by its name, as [`name`](Self::name) spells it.
    fn from_str(name: &str) -> ::core::result::Result<Self, UnknownName> {
        Self::from_name(name).ok_or_else(|| UnknownName(::std::string::String::from(name)))
    }
}
{%- if serde %}

impl ::serde::Serialize for ErrorCode {
    /// The code as its HTTP status, a number: `404`.
    fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
    where
        S: ::serde::Serializer,
    {
        serializer.serialize_u16(self.status())
    }
}

impl<'de> ::serde::Deserialize<'de> for ErrorCode {
    /// Reads a code from its HTTP status; a status the spec does not have is an error that
    /// names it.
    fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
    where
        D: ::serde::Deserializer<'de>,
    {
        let status = <u16 as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
        Self::from_status(status)
            .ok_or_else(|| <D::Error as ::serde::de::Error>::custom(UnknownStatus(status)))
    }
}
{%- endif %}

/// The error of converting a status that no code of the spec has into an [`ErrorCode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownStatus(pub u16);

impl ::core::fmt::Display for UnknownStatus {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::write!(f, "no error code has status {}", self.0)
    }
}

impl ::std::error::Error for UnknownStatus {}

/// The error of reading a name that no code of the spec has as an [`ErrorCode`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownName(pub ::std::string::String);

impl ::core::fmt::Display for UnknownName {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::write!(f, "no error code is named {:?}", self.0)
    }
}

impl ::std::error::Error for UnknownName {}

{% for line in body_doc -%}
{{ line }}
{% endfor -%}
{% if body_doc_markdown -%}
// The doc shows the API's name, in which clippy's `doc_markdown` may take words for code.
#[allow(clippy::doc_markdown)]
{% endif -%}
#[derive(Debug, Clone, PartialEq, Eq{{ body_derives }})]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The `error` member of an [`ErrorBody`].
#[derive(Debug, Clone, PartialEq, Eq{{ body_derives }})]
pub struct ErrorDetail {
    /// The kind of error: [`ErrorBody::NAME`] in every body this API documents.
    pub name: ::std::string::String,
    /// The HTTP status of the response.
    pub status: u16,
    /// What went wrong, for people to read.
    pub message: ::std::string::String,
}

impl ErrorBody {
    /// The `error.name` that every error body carries.
{%- if name_const.split %}
    pub const NAME: &str =
        {{ name_const.value }};
{%- else %}
    pub const NAME: &str = {{ name_const.value }};
{%- endif %}

    /// The body of a response that fails with `code`, an error code
    /// ([`ErrorCode::is_error`]); a success code has no error body.
    ///
    /// # Panics
    ///
    /// In debug builds, if `code` is a success code. Release builds build the body anyway;
    /// [`try_new`](Self::try_new) is the checked form, for a code chosen at run time.
    pub fn new(
        code: ErrorCode,
        message: impl ::core::convert::Into<::std::string::String>,
    ) -> Self {
        ::core::debug_assert!(
            code.is_error(),
            "ErrorBody::new takes an error code, and {code} is a success code"
        );
        Self::with(code, message.into())
    }

    /// The body of a response that fails with `code`, or `None` when `code` is a success
    /// code, which has no error body.
    #[must_use]
    pub fn try_new(
        code: ErrorCode,
        message: impl ::core::convert::Into<::std::string::String>,
    ) -> ::core::option::Option<Self> {
        if code.is_error() {
            ::core::option::Option::Some(Self::with(code, message.into()))
        } else {
            ::core::option::Option::None
        }
    }

    /// The code this body's status names, if the spec has it.
    #[must_use]
    pub const fn code(&self) -> ::core::option::Option<ErrorCode> {
        ErrorCode::from_status(self.error.status)
    }

    fn with(code: ErrorCode, message: ::std::string::String) -> Self {
        Self {
            error: ErrorDetail {
                name: ::std::string::String::from(Self::NAME),
                status: code.status(),
                message,
            },
        }
    }
}
{% include "rust/serve.rs" %}
