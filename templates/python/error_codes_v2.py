{{ header }}
{% for line in shared.module_doc -%}
{{ line }}
{% endfor %}
from __future__ import annotations

import enum
{%- if renders %}
import math
{%- endif %}
{%- for line in typing %}
{{ line }}
{%- endfor %}

if TYPE_CHECKING:
    from collections.abc import Mapping
{%- if !problem %}

{% for line in shared.error_name -%}
{{ line }}
{% endfor -%}
"""The ``error.name`` of every error body the API documents."""
{%- endif %}


class ErrorCode(enum.Enum):
    """The error codes of the {{ shared.api }} API.
{% if problem %}
    Each member's value is the code the API sends in ``code``; its properties are the
    spec's facts about it.
{%- else %}
    Each member's value is the code the API sends in ``error.code``; its properties are
    the spec's facts about it.
{%- endif %}
    """

    _value_: str
{% for member in members %}
{% for line in member -%}
{{ line }}
{% endfor -%}
{%- endfor %}
    @property
    def code(self) -> str:
        """The code the API sends in ``{{ code_member }}``."""
        return self.value

    @property
    def status(self) -> int:
        """The HTTP status of the code's responses."""
        return _INFO[self.value].status

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
        """The page that documents the code, if the spec names one."""
        return _INFO[self.value].docs_url

    @property
    def deprecated(self) -> str | None:
        """Why the code is deprecated and what to use instead, if it is."""
        return _INFO[self.value].deprecated

    @property
    def replaced_by(self) -> ErrorCode | None:
        """The code that replaces this one, if the spec names one."""
        replacement = _INFO[self.value].replaced_by
        return None if replacement is None else ErrorCode(replacement)

    @classmethod
    def from_code(cls, code: str) -> ErrorCode | None:
        """Find the member whose code is ``code``; ``None`` for a code the spec lacks."""
        return _BY_CODE.get(code)

    @classmethod
    def for_status(cls, status: int) -> tuple[ErrorCode, ...]:
        """Find the members sent with ``status``, in the order of the spec."""
        return tuple(member for member in cls if member.status == status)


class _Info(NamedTuple):
    """The spec's facts about one code."""

    status: int
    title: str
    description: str
    retryable: bool
    docs_url: str | None
    deprecated: str | None
    replaced_by: str | None


_INFO: Final[dict[str, _Info]] = {
{%- for entry in entries %}
{%- for line in entry %}
{{ line }}
{%- endfor %}
{%- endfor %}
}

_BY_CODE: Final[dict[str, ErrorCode]] = {member.value: member for member in ErrorCode}


{% if problem -%}
class ErrorBodyMembers(TypedDict):
    """The members every ``ErrorBody`` has, as RFC 9457 names them.

    ``type`` is the URL of the page that documents the code; ``title`` the code's title;
    ``status`` the HTTP status of the response; ``detail`` says what went wrong, for
    people to read; ``code`` is the error's code as sent, one of ``ErrorCode``'s or one
    that a newer version of the API added.
    """

    type: str
    title: str
    status: int
    detail: str
    code: str


class ErrorBody(ErrorBodyMembers, total=False):
    """The JSON body of an error response from the {{ shared.api }} API.

    RFC 9457 problem details, sent as ``application/problem+json``. ``instance``, a URI of
    this occurrence of the problem, is there when the server gives one
    (``with_instance``). The code's parameters are members beside these, by their names
    on the wire: a code's constructor returns its own ``TypedDict``, which names them.
    """

    instance: str
{%- for body_type in body_types %}

{% for line in body_type %}
{{ line }}
{%- endfor %}
{%- endfor %}
{%- else -%}
class ErrorDetailMembers(TypedDict):
    """The members every ``error`` of an ``ErrorBody`` has.

    ``name`` is ``ERROR_NAME`` in every body the API documents; ``status`` is the HTTP
    status of the response; ``code`` the error's code as sent, one of ``ErrorCode``'s or
    one that a newer version of the API added; ``message`` says what went wrong, for
    people to read.
    """

    name: str
    status: int
    code: str
    message: str


class ErrorDetail(ErrorDetailMembers, total=False):
    """The ``error`` member of an ``ErrorBody``.

    ``params`` holds the values of the code's parameters, by their names on the wire; an
    error that carries no parameter values has no ``params``.
    """

    params: dict[str, object]


class ErrorBody(TypedDict):
    """The JSON body of an error response from the {{ shared.api }} API."""

    error: ErrorDetail
{%- endif %}
{%- if let Some(plain_codes) = plain_codes %}


{% for line in plain_codes -%}
{{ line }}
{% endfor -%}
"""The codes without parameters or message template: those ``error_body`` takes."""


def error_body(code: PlainErrorCode, message: str) -> ErrorBody:
    """Build the body of an error with ``code``, which takes only a message."""
    return _body(code, message, {})
{%- endif %}
{%- for constructor in constructors %}

{% for line in constructor %}
{{ line }}
{%- endfor %}
{%- endfor %}
{%- if problem %}


_PROBLEM_MEMBERS: Final = ("type", "title", "status", "detail", "code")
"""The members of ``ErrorBodyMembers``, in the order a body sends them."""

_Body = TypeVar("_Body", bound=ErrorBody)
"""A body of any code: ``with_instance`` returns one of the type it is given."""


def with_instance(body: _Body, instance: str) -> _Body:
    """Copy ``body`` with ``instance``, a URI of this occurrence of the problem.

    ``instance`` may be the request's path, or a link to its incident. It comes right
    after ``code``, where the Rust and TypeScript targets place it, and replaces one that
    ``body`` has.
    """
    members: dict[str, object] = dict(body)
    problem = {name: members.pop(name) for name in _PROBLEM_MEMBERS}
    members.pop("instance", None)
    return cast("_Body", {**problem, "instance": instance, **members})


def is_error_body(value: object) -> TypeGuard[ErrorBody]:
    """Check that ``value``, such as a parsed response body, is an ``ErrorBody``.

    That is a dict with a string ``type``, ``title``, ``detail`` and ``code``, a
    ``status`` that is an HTTP status (an integer from 100 to 599), and an ``instance``,
    if it has one, that is a string. Extra members are allowed: they are the code's
    parameters, or members that a newer version of the API added; for the same reason
    ``code`` may be a code the spec does not have and ``status`` any HTTP status.
    """
    if not isinstance(value, dict):
        return False
    members = cast("dict[object, object]", value)
    status = members.get("status")
    return (
        isinstance(members.get("type"), str)
        and isinstance(members.get("title"), str)
        and isinstance(status, int)
        and not isinstance(status, bool)
        and _MIN_STATUS <= status <= _MAX_STATUS
        and isinstance(members.get("detail"), str)
        and isinstance(members.get("code"), str)
        and isinstance(members.get("instance", ""), str)
    )
{%- else %}


def is_error_body(value: object) -> TypeGuard[ErrorBody]:
    """Check that ``value``, such as a parsed response body, is an ``ErrorBody``.

    That is a dict whose ``error`` is a dict with a string ``name``, a string ``code``, a
    string ``message`` and a ``status`` that is an HTTP status (an integer from 100 to
    599). Extra members, at either level, are allowed, so that a server which adds a
    field to its error bodies does not break its clients; for the same reason ``code``
    may be a code the spec does not have, ``name`` any string and ``status`` any HTTP
    status.
    """
    error = _member(value, "error")
    status = _member(error, "status")
    return (
        isinstance(_member(error, "name"), str)
        and isinstance(status, int)
        and not isinstance(status, bool)
        and _MIN_STATUS <= status <= _MAX_STATUS
        and isinstance(_member(error, "code"), str)
        and isinstance(_member(error, "message"), str)
    )
{%- endif %}


_MIN_STATUS: Final = 100
"""The lowest HTTP status."""
_MAX_STATUS: Final = 599
"""The highest HTTP status."""
{%- if renders %}
_MAX_POINT: Final = 21
"""JavaScript writes a number whose point is further right with an exponent."""
_MIN_POINT: Final = -6
"""JavaScript writes a number whose point is this far left, or further, with an exponent."""
{%- endif %}
{%- if problem %}


def _body(code: ErrorCode, message: str, params: Mapping[str, object]) -> ErrorBody:
    """Build the body of an error: RFC 9457 problem details.

    The code's documentation URL is its ``type``, the message its ``detail``; the
    parameters follow ``code`` as members of their own, but for those given as ``None``.
    """
    body: dict[str, object] = {
        "type": code.docs_url or "",
        "title": code.title,
        "status": code.status,
        "detail": message,
        "code": code.value,
    }
    body.update({name: value for name, value in params.items() if value is not None})
    return cast("ErrorBody", body)
{%- else %}


def _member(value: object, name: str) -> object:
    """Find the member ``name`` of ``value`` if it is a dict; ``None`` otherwise."""
    if isinstance(value, dict):
        members = cast("dict[object, object]", value)
        return members.get(name)
    return None


def _body(code: ErrorCode, message: str, params: Mapping[str, object]) -> ErrorBody:
    """Build the body of an error: errspec's envelope, ``{"error": {...}}``.

    The parameters given as ``None`` are left out, and an error without any parameter
    value has no ``params``.
    """
    error: ErrorDetail = {
        "name": ERROR_NAME,
        "status": code.status,
        "code": code.value,
        "message": message,
    }
    given = {name: value for name, value in params.items() if value is not None}
    if given:
        error["params"] = given
    return {"error": error}
{%- endif %}
{%- if renders %}


def _render(*parts: object) -> str:
    """Join a message's parts, each value written as JavaScript's ``String()`` does."""
    return "".join(_text(part) for part in parts)


def _text(value: object) -> str:
    """Write ``value`` as JavaScript's ``String()`` writes the JSON value it becomes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _number(value)
    if value is None:
        return "null"
    return str(value)


def _number(value: float) -> str:
    """Write ``value`` as JavaScript's ``String()`` does: ``1e+21``, ``0`` for ``-0.0``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    # repr() writes the fewest digits that read back as the number, as JavaScript does.
    mantissa, _, exponent = repr(abs(value)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    every_digit = whole + fraction
    significant = every_digit.lstrip("0")
    point = len(whole) + int(exponent or "0") - (len(every_digit) - len(significant))
    return sign + _place_point(significant.rstrip("0"), point)


def _place_point(digits: str, point: int) -> str:
    """Write ``0.digits`` times ``10**point`` as ECMAScript's ``Number::toString`` does."""
    if len(digits) <= point <= _MAX_POINT:
        return digits + "0" * (point - len(digits))
    if 0 < point <= _MAX_POINT:
        return digits[:point] + "." + digits[point:]
    if _MIN_POINT < point <= 0:
        return "0." + "0" * -point + digits
    rest = "." + digits[1:] if len(digits) > 1 else ""
    exponent = point - 1
    return digits[0] + rest + "e" + ("+" if exponent > 0 else "-") + str(abs(exponent))
{%- endif %}
