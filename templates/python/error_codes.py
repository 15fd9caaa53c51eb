{{ header }}
{% for line in shared.module_doc -%}
{{ line }}
{% endfor %}
from __future__ import annotations

import enum
{%- if error_codes.is_some() %}
from typing import Final, Literal, NamedTuple, TypeAlias, TypedDict, TypeGuard, cast
{%- else %}
from typing import Final, NamedTuple, TypedDict, TypeGuard, cast
{%- endif %}

{% for line in shared.error_name -%}
{{ line }}
{% endfor -%}
"""The ``error.name`` of every error body the API documents."""


class ErrorCode(enum.Enum):
    """The status codes of the {{ shared.api }} API.

    Each member's value is its HTTP status; its properties are the spec's facts about it.
    """

    _value_: int
{% for member in members %}
{% for line in member -%}
{{ line }}
{% endfor -%}
{%- endfor %}
    @property
    def status(self) -> int:
        """The HTTP status."""
        return self.value

    @property
    def title(self) -> str:
        """The short title people read."""
        return _INFO[self.value].title

    @property
    def description(self) -> str:
        """What the code means, as the spec describes it."""
        return _INFO[self.value].description

    @property
    def retryable(self) -> bool:
        """Whether the same request may succeed if it is sent again later."""
        return _INFO[self.value].retryable

    @property
    def docs_url(self) -> str | None:
        """The page that documents the code: format 1 specs name none."""
        return None

    @property
    def deprecated(self) -> str | None:
        """Why the code is deprecated: format 1 specs deprecate none."""
        return None

    @property
    def replaced_by(self) -> ErrorCode | None:
        """The code that replaces this one: format 1 specs replace none."""
        return None

    @classmethod
    def from_status(cls, status: int) -> ErrorCode | None:
        """Find the member whose status is ``status``; ``None`` for one the spec lacks."""
        return _BY_STATUS.get(status)


class _Info(NamedTuple):
    """The spec's facts about one code."""

    title: str
    description: str
    retryable: bool


_INFO: Final[dict[int, _Info]] = {
{%- for entry in entries %}
{%- for line in entry %}
{{ line }}
{%- endfor %}
{%- endfor %}
}

_BY_STATUS: Final[dict[int, ErrorCode]] = {member.value: member for member in ErrorCode}


class ErrorDetail(TypedDict):
    """The ``error`` member of an ``ErrorBody``.

    ``name`` is ``ERROR_NAME`` in every body the API documents; ``status`` is the HTTP
    status of the response; ``message`` says what went wrong, for people to read.
    """

    name: str
    status: int
    message: str


class ErrorBody(TypedDict):
    """The JSON body of an error response from the {{ shared.api }} API."""

    error: ErrorDetail
{%- if let Some(error_codes) = error_codes %}


{% for line in error_codes -%}
{{ line }}
{% endfor -%}
"""The codes of 400 and up: those ``error_body`` takes."""


def error_body(code: ErrorStatusCode, message: str) -> ErrorBody:
    """Build the body of a response that fails with ``code``, named ``ERROR_NAME``."""
    return {"error": {"name": ERROR_NAME, "status": code.value, "message": message}}
{%- endif %}


def is_error_body(value: object) -> TypeGuard[ErrorBody]:
    """Check that ``value``, such as a parsed response body, is an ``ErrorBody``.

    That is a dict whose ``error`` is a dict with a string ``name``, a string ``message``
    and a ``status`` that is an HTTP status (an integer from 100 to 599). Extra members,
    at either level, are allowed, so that a server which adds a field to its error
    bodies does not break its clients; for the same reason ``name`` may be any string
    and ``status`` any HTTP status, listed in the spec or not.
    """
    error = _member(value, "error")
    status = _member(error, "status")
    return (
        isinstance(_member(error, "name"), str)
        and isinstance(status, int)
        and not isinstance(status, bool)
        and _MIN_STATUS <= status <= _MAX_STATUS
        and isinstance(_member(error, "message"), str)
    )


_MIN_STATUS: Final = 100
"""The lowest HTTP status."""
_MAX_STATUS: Final = 599
"""The highest HTTP status."""


def _member(value: object, name: str) -> object:
    """Find the member ``name`` of ``value`` if it is a dict; ``None`` otherwise."""
    if isinstance(value, dict):
        members = cast("dict[object, object]", value)
        return members.get(name)
    return None
