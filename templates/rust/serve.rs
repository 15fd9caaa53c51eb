
impl ::core::fmt::Display for ErrorBody {
    /// Writes {{ serve.display_doc }}.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
{%- for line in serve.display %}
{{ line }}
{%- endfor %}
    }
}

/// A handler can return an error body with `?`, and a client can report one as an error.
impl ::std::error::Error for ErrorBody {}
{%- if serve.axum %}

impl ::core::convert::From<ErrorCode> for ::axum::http::StatusCode {
    /// The code's HTTP status.
    fn from(code: ErrorCode) -> Self {
        // The spec's statuses are 100 to 599, which `from_u16` always takes.
        Self::from_u16(code.status()).unwrap_or(Self::INTERNAL_SERVER_ERROR)
    }
}

impl ::axum::response::IntoResponse for ErrorBody {
    /// The response of the error: the body's status, the content type `{{ serve.content_type }}`
    /// and the body as JSON.
    fn into_response(self) -> ::axum::response::Response {
        let status = ::axum::http::StatusCode::from_u16({{ serve.status }})
            .unwrap_or(::axum::http::StatusCode::INTERNAL_SERVER_ERROR);
        let content_type = [(
            ::axum::http::header::CONTENT_TYPE,
            ::axum::http::HeaderValue::from_static("{{ serve.content_type }}"),
        )];
        ::axum::response::IntoResponse::into_response((status, content_type, ::axum::Json(self)))
    }
}
{%- endif %}
