"""What must type-check, under mypy --strict and pyright strict, against a problem module.

tests/python_target.rs checks it beside the module of
tests/fixtures/specs_problem/problem.yaml, named ``error_codes``, and checks each use that
must not type-check (a missing or mistyped parameter, a member the body does not have) in a
file of its own.
"""

from __future__ import annotations

from error_codes import (
    AmountTooLargeErrorBody,
    ErrorBody,
    ErrorCode,
    QuotaExceededErrorBody,
    amount_too_large,
    card_expired,
    error_body,
    invalid_param,
    is_error_body,
    maintenance,
    quota_exceeded,
    with_instance,
)


def bodies() -> list[ErrorBody]:
    """Build a body of each kind of code: each code's own body is an ``ErrorBody``."""
    return [
        quota_exceeded(limit=1, window="hour", resets_at="soon"),
        quota_exceeded(limit=1, window="hour", resets_at="soon", plan="pro"),
        invalid_param("message", param="amount"),
        invalid_param(message="message", param="amount", expected=None),
        amount_too_large(amount=1, max_amount=2.5, live=True),
        card_expired("expired"),
        maintenance(),
        error_body(ErrorCode.CARD_EXPIRED, "expired"),
    ]


def parameters() -> tuple[int, str, str, float, bool | None, str | None]:
    """Read a body's parameters, each typed as the spec declares it."""
    quota: QuotaExceededErrorBody = quota_exceeded(limit=1, window="h", resets_at="r")
    amount: AmountTooLargeErrorBody = amount_too_large(amount=1, max_amount=2)
    return (
        quota["limit"],
        quota["window"],
        quota["code"],
        amount["max_amount"],
        amount.get("live"),
        quota.get("plan"),
    )


def located() -> QuotaExceededErrorBody:
    """``with_instance`` keeps the body's type."""
    return with_instance(
        quota_exceeded(limit=1, window="h", resets_at="r"), "/requests/1"
    )


def read(value: object) -> str:
    """Narrow a parsed body with the guard, then read its members."""
    if is_error_body(value):
        instance: str | None = value.get("instance")
        return f"{value['type']} {value['status']} {value['code']} {instance}"
    return "not a problem"
