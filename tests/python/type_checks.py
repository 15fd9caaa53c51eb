"""What must type-check, under mypy --strict and pyright strict, against the generated module.

tests/python_target.rs checks it beside the module of tests/fixtures/specs_v2/catalog.yaml,
named ``error_codes``, and checks each call that must not type-check (a missing or mistyped
parameter, a message where none is taken) in a file of its own.
"""

from __future__ import annotations

from error_codes import (
    ERROR_NAME,
    ErrorBody,
    ErrorCode,
    ErrorDetail,
    amount_too_large,
    card_declined,
    card_expired,
    error_body,
    invalid_param,
    is_error_body,
    maintenance,
    quota_exceeded,
)


def bodies() -> list[ErrorBody]:
    """Build a body of each kind of code."""
    return [
        quota_exceeded(limit=1, window="hour", resets_at="soon"),
        quota_exceeded(limit=1, window="hour", resets_at="soon", plan=None),
        quota_exceeded(limit=True, window="hour", resets_at="soon", plan="pro"),
        invalid_param("message", param="amount"),
        invalid_param(message="message", param="amount", expected="a number"),
        amount_too_large(amount=1, max_amount=2.5, currency="EUR", live=False),
        card_declined(decline_code="insufficient_funds", retry_after=30),
        card_expired("expired"),
        maintenance(until="noon", partial=True),
        error_body(ErrorCode.CARD_EXPIRED, "expired"),
    ]


def facts(code: ErrorCode) -> tuple[str, int, str, str, bool, str | None, str | None]:
    """Read each fact of a code, typed."""
    return (
        code.code,
        code.status,
        code.title,
        code.description,
        code.retryable,
        code.docs_url,
        code.deprecated,
    )


def lookups() -> tuple[ErrorCode | None, tuple[ErrorCode, ...], ErrorCode | None]:
    """Find codes by code and by status."""
    return (
        ErrorCode.from_code("quota_exceeded"),
        ErrorCode.for_status(402),
        ErrorCode.CARD_EXPIRED.replaced_by,
    )


def read(value: object) -> str:
    """Narrow a parsed body with the guard, then read its members."""
    if is_error_body(value):
        detail: ErrorDetail = value["error"]
        params: dict[str, object] = detail.get("params", {})
        return f"{detail['name']} {detail['status']} {detail['code']} {len(params)}"
    return ERROR_NAME
