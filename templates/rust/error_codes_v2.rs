{{ header }}

{% for line in enum_doc -%}
{{ line }}
{% endfor -%}
{% for line in enum_derive -%}
{{ line }}
{% endfor -%}
#[non_exhaustive]
pub enum ErrorCode {
{%- for variant in variants %}
{%- for line in variant.doc %}
    {{ line }}
{%- endfor %}
{%- for line in variant.attrs %}
{{ line }}
{%- endfor %}
{%- if serde %}
    #[serde(rename = {{ variant.code }})]
{%- endif %}
    {{ variant.ident }},
{%- endfor %}
}
{% if allow_deprecated %}
// Each lookup names every code, deprecated ones too; a use outside this file still warns.
#[allow(deprecated)]
{%- endif %}
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

    {{ docs.code }}
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
{%- for arm in codes %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        }
    }

    {{ docs.status }}
    #[must_use]
    pub const fn status(self) -> u16 {
        match self {
{%- for arm in statuses %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        }
    }

    {{ docs.name }}
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
{%- for arm in names %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        }
    }

    /// The short title people read.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
{%- for arm in titles %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        }
    }

    /// What the code means, as the spec describes it.
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
{%- for arm in descriptions %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        }
    }

    /// Whether the same request may succeed if it is sent again later.
    #[must_use]
    pub const fn is_retryable(self) -> bool {
{%- for line in retryable %}
        {{ line }}
{%- endfor %}
    }

    /// Where the code is documented, if the spec gives it a URL.
    #[must_use]
{%- if docs_url_always %}
    // An `Option` whatever the spec, though this one gives every code a URL, so that the
    // signature stays when a code without one is added.
    #[allow(clippy::unnecessary_wraps)]
{%- endif %}
    pub const fn docs_url(self) -> ::core::option::Option<&'static str> {
{%- if let Some(docs_urls) = docs_urls %}
        let url = match self {
{%- for arm in docs_urls %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        };
        ::core::option::Option::Some(url)
{%- else %}
        ::core::option::Option::None
{%- endif %}
    }
{%- if let Some(params) = params %}

    /// The message every error of the code carries, as the spec writes it: `{name}` stands for
{% raw %}    /// the value of the parameter `name`, `{{` and `}}` for braces. `None` for a code whose{% endraw %}
    /// message the server writes.
    #[must_use]
    pub const fn message_template(self) -> ::core::option::Option<&'static str> {
{%- if let Some(templates) = params.templates %}
        let template = match self {
{%- for arm in templates %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        };
        ::core::option::Option::Some(template)
{%- else %}
        ::core::option::Option::None
{%- endif %}
    }
{%- endif %}
{%- if let Some(lifecycle) = lifecycle %}

    /// Whether the spec deprecates the code: servers should stop sending it, and clients keep
    /// understanding it.
    #[must_use]
    pub const fn is_deprecated(self) -> bool {
{%- for line in lifecycle.is_deprecated %}
        {{ line }}
{%- endfor %}
    }

    /// The code that replaces this deprecated one, if the spec names it.
    #[must_use]
    pub const fn replaced_by(self) -> ::core::option::Option<Self> {
{%- if let Some(replaced_by) = lifecycle.replaced_by %}
        let replacement = match self {
{%- for arm in replaced_by %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        };
        ::core::option::Option::Some(replacement)
{%- else %}
        ::core::option::Option::None
{%- endif %}
    }
{%- endif %}

    /// The code the API sends as `code`, if the spec has it.
    #[must_use]
    pub fn from_code(code: &str) -> ::core::option::Option<Self> {
        let found = match code {
{%- for arm in from_code %}
{%- include "rust/arm.rs" %}
{%- endfor %}
            _ => return ::core::option::Option::None,
        };
        ::core::option::Option::Some(found)
    }

    /// The code with this name, as [`name`](Self::name) spells it, if the spec has one.
    #[must_use]
    pub fn from_name(name: &str) -> ::core::option::Option<Self> {
        let found = match name {
{%- for arm in from_name %}
{%- include "rust/arm.rs" %}
{%- endfor %}
            _ => return ::core::option::Option::None,
        };
        ::core::option::Option::Some(found)
    }

    /// The codes sent with this HTTP status, in the order of the spec; empty for a status no
    /// code has.
    #[must_use]
    pub const fn for_status(status: u16) -> &'static [Self] {
        match status {
{%- for group in for_status %}
{%- if group.items.inline %}
            {{ group.status }} => &[{{ group.items.items|join(", ") }}],
{%- else %}
            {{ group.status }} => &[
{%- for item in group.items.items %}
                {{ item }},
{%- endfor %}
            ],
{%- endif %}
{%- endfor %}
            _ => &[],
        }
    }
}

impl ::core::fmt::Display for ErrorCode {
    /// The code as the API sends it, padded and aligned as the format asks (`{:>20}`).
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.pad(self.code())
    }
}

impl ::core::str::FromStr for ErrorCode {
    type Err = UnknownCode;

    {{ docs.from_str }}
    fn from_str(code: &str) -> ::core::result::Result<Self, UnknownCode> {
        Self::from_code(code).ok_or_else(|| UnknownCode(::std::string::String::from(code)))
    }
}

/// The error of reading a code that the spec does not have as an [`ErrorCode`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownCode(pub ::std::string::String);

impl ::core::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::write!(f, "no error code is {:?}", self.0)
    }
}

impl ::std::error::Error for UnknownCode {}

{% for line in body_doc -%}
{{ line }}
{% endfor -%}
#[derive(Debug, Clone, PartialEq{{ body_eq }}{{ serde_derives }})]
{%- if problem %}
pub struct ErrorBody {
    /// What kind of problem it is: the URL of its code's documentation.
    pub r#type: ::std::string::String,
    /// The code's title.
    pub title: ::std::string::String,
    /// The HTTP status of the response.
    pub status: u16,
    /// What went wrong in this occurrence, for people to read: the message.
    pub detail: ::std::string::String,
    /// The error's code as sent: one of [`ErrorCode`]'s, or one that a newer version of the
    /// API added, which [`ErrorBody::code`] reads as `None`.
    pub code: ::std::string::String,
    /// A URI of this occurrence of the problem, when the server gives one
    /// ([`with_instance`](Self::with_instance)).
{%- if serde %}
    #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
{%- endif %}
    pub instance: ::core::option::Option<::std::string::String>,
{%- if params.is_some() %}
    /// The values the error is about, by name, in the order they were sent: the code's
    /// parameters, and any member a newer version of the API added, sent beside the members
    /// above.
{%- if serde %}
    #[serde(flatten)]
{%- endif %}
    pub params: ParamMap,
{%- endif %}
}

impl ErrorBody {
    /// The body of a response that fails with `code`: its `type`, `title` and `status` are the
    /// code's, and `message` is its `detail`.
{%- if params.is_some() %}
    ///
    /// It has no parameters: a code that declares some is built by its own constructor (named
    /// as the code), which also writes the message of a code that has a template.
{%- endif %}
    pub fn new(
        code: ErrorCode,
        message: impl ::core::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            r#type: ::std::string::String::from(code.docs_url().unwrap_or_default()),
            title: ::std::string::String::from(code.title()),
            status: code.status(),
            detail: message.into(),
            code: ::std::string::String::from(code.code()),
            instance: ::core::option::Option::None,
{%- if params.is_some() %}
            params: ParamMap::new(),
{%- endif %}
        }
    }

    /// The body with `instance`, a URI of this occurrence of the problem (such as the
    /// request's path, or a link to its incident).
    #[must_use]
    pub fn with_instance(
        mut self,
        instance: impl ::core::convert::Into<::std::string::String>,
    ) -> Self {
        self.instance = ::core::option::Option::Some(instance.into());
        self
    }

    /// The body's code, if the spec has it; `None` for a code that a newer version of the API
    /// added, whose wire code is still in `code`.
    #[must_use]
    pub fn code(&self) -> ::core::option::Option<ErrorCode> {
        ErrorCode::from_code(&self.code)
    }
{%- else %}
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The `error` member of an [`ErrorBody`].
#[derive(Debug, Clone, PartialEq{{ body_eq }}{{ serde_derives }})]
pub struct ErrorDetail {
    /// The kind of error: [`ErrorBody::NAME`] in every body this API documents.
    pub name: ::std::string::String,
    /// The HTTP status of the response.
    pub status: u16,
    /// The error's code as sent: one of [`ErrorCode`]'s, or one that a newer version of the
    /// API added, which [`ErrorBody::code`] reads as `None`.
    pub code: ::std::string::String,
    /// What went wrong, for people to read.
    pub message: ::std::string::String,
{%- if params.is_some() %}
    /// The values the error is about, by name, in the order they were sent: the code's
    /// parameters, and any a newer version of the API added. Empty, and left out of the JSON,
    /// when the error has none.
{%- if serde %}
    #[serde(default, skip_serializing_if = "ParamMap::is_empty")]
{%- endif %}
    pub params: ParamMap,
{%- endif %}
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
{%- if params.is_some() %}
    ///
    /// It has no parameters: a code that declares some is built by its own constructor (named
    /// as the code), which also writes the message of a code that has a template.
{%- endif %}
    pub fn new(
        code: ErrorCode,
        message: impl ::core::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            error: ErrorDetail {
                name: ::std::string::String::from(Self::NAME),
                status: code.status(),
                code: ::std::string::String::from(code.code()),
                message: message.into(),
{%- if params.is_some() %}
                params: ParamMap::new(),
{%- endif %}
            },
        }
    }

    /// The body's code, if the spec has it; `None` for a code that a newer version of the API
    /// added, whose wire code is still in `error.code`.
    #[must_use]
    pub fn code(&self) -> ::core::option::Option<ErrorCode> {
        ErrorCode::from_code(&self.error.code)
    }
{%- endif %}
{%- if let Some(params) = params %}

    /// The error as its code's parameters, typed as the spec declares them: `None` for a code
    /// the spec does not have (see [`code`](Self::code)), and for parameters that are missing
    /// or of another type. Parameters the spec does not declare, which a newer version of the
    /// API may send, are left in {{ params_place }}.
    #[must_use]
{%- if allow_deprecated %}
    #[allow(deprecated)]
{%- endif %}
    pub fn known(&self) -> ::core::option::Option<KnownError> {
        let known = match self.code()? {
{%- for arm in params.known %}
{%- include "rust/arm.rs" %}
{%- endfor %}
        };
        ::core::option::Option::Some(known)
    }
{%- for constructor in params.constructors %}
{%- for line in constructor.lines %}
{{ line }}
{%- endfor %}
{%- endfor %}
{%- endif %}
}
{%- if let Some(params) = params %}
{%- include "rust/params_v2.rs" %}
{%- endif %}
{% include "rust/serve.rs" %}
