{{ header }}

{% for line in enum_doc -%}
{{ line }}
{% endfor -%}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    pub const fn status(self) -> u16 {
        self as u16
    }

    /// The code's name, as the variant spells it: `"NotFound"`.
    pub const fn name(self) -> &'static str {
        match self {
{%- for arm in names %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        }
    }

    /// The short title people read, e.g. `"Not Found"`.
    pub const fn title(self) -> &'static str {
        match self {
{%- for arm in titles %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        }
    }

    /// What the code means, as the spec describes it.
    pub const fn description(self) -> &'static str {
        match self {
{%- for arm in descriptions %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        }
    }

    /// The code with this HTTP status, if the spec has one.
    pub const fn from_status(status: u16) -> ::core::option::Option<Self> {
        let code = match status {
{%- for variant in variants %}
            {{ variant.status }} => Self::{{ variant.ident }},
{%- endfor %}
            _ => return ::core::option::Option::None,
        };
        ::core::option::Option::Some(code)
    }

    /// Whether this code reports an error: a 4xx or 5xx status.
    pub const fn is_error(self) -> bool {
        self.status() >= 400
    }

    /// Whether the same request may succeed if it is sent again later.
    pub const fn is_retryable(self) -> bool {
        match self {
{%- for variant in variants %}
            Self::{{ variant.ident }} => {{ variant.retryable }},
{%- endfor %}
        }
    }
}

impl ::core::fmt::Display for ErrorCode {
    /// The status and title, as in an HTTP status line: `404 Not Found`.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::write!(f, "{} {}", self.status(), self.title())
    }
}

impl ::core::convert::TryFrom<u16> for ErrorCode {
    type Error = UnknownStatus;

    fn try_from(status: u16) -> ::core::result::Result<Self, UnknownStatus> {
        Self::from_status(status).ok_or(UnknownStatus(status))
    }
}

/// The error of converting a status that no code of the spec has into an [`ErrorCode`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownStatus(pub u16);

impl ::core::fmt::Display for UnknownStatus {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::write!(f, "no error code has status {}", self.0)
    }
}

impl ::std::error::Error for UnknownStatus {}

{% for line in body_doc -%}
{{ line }}
{% endfor -%}
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

    /// The body of a response that fails with `code`.
    pub fn new(
        code: ErrorCode,
        message: impl ::core::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            error: ErrorDetail {
                name: ::std::string::String::from(Self::NAME),
                status: code.status(),
                message: message.into(),
            },
        }
    }

    /// The code this body's status names, if the spec has it.
    pub fn code(&self) -> ::core::option::Option<ErrorCode> {
        ErrorCode::from_status(self.error.status)
    }
}
