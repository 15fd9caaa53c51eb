"""The generated module of tests/fixtures/specs_problem/problem.yaml, imported and run.

tests/python_target.rs runs it with ``python -m unittest`` beside the module, named
``error_codes``. The bodies are RFC 9457 problem details: the parameters are members beside
``type``, ``title``, ``status``, ``detail`` and ``code``.
"""

from __future__ import annotations

import json
import unittest

import error_codes
from error_codes import ErrorCode


class Bodies(unittest.TestCase):
    """The constructors build the wire's problem details, members in order."""

    def test_a_template_makes_the_detail_and_params_follow_code(self) -> None:
        """Members come in the wire's order; parameters in the spec's, at the top level."""
        body = error_codes.quota_exceeded(
            resets_at="2026-01-01T00:00:00Z", window="hour", limit=100
        )
        assert json.dumps(body) == json.dumps(
            {
                "type": "https://docs.example.com/errors#quota_exceeded",
                "title": "Quota exceeded",
                "status": 429,
                "detail": "You have used all 100 requests of this hour; the quota "
                "resets at 2026-01-01T00:00:00Z.",
                "code": "quota_exceeded",
                "limit": 100,
                "window": "hour",
                "resets_at": "2026-01-01T00:00:00Z",
            }
        )
        assert body["limit"] == 100
        assert "error" not in body
        assert "params" not in body

    def test_optional_params_are_there_only_when_given(self) -> None:
        """An optional parameter given as None is left out; one given keeps its place."""
        plain = error_codes.invalid_param("bad amount", param="amount")
        assert list(plain) == ["type", "title", "status", "detail", "code", "param"]
        assert plain["detail"] == "bad amount"
        assert plain["type"] == "https://docs.example.com/errors/invalid-param"
        with_plan = error_codes.quota_exceeded(
            limit=1, window="day", resets_at="x", plan="pro"
        )
        assert list(with_plan)[-4:] == ["limit", "window", "resets_at", "plan"]
        assert with_plan.get("plan") == "pro"

    def test_codes_without_params_are_the_problem_alone(self) -> None:
        """A code without parameters has only the problem's members."""
        body = error_codes.card_expired("expired")
        assert body == error_codes.error_body(ErrorCode.CARD_EXPIRED, "expired")
        assert json.dumps(body) == json.dumps(
            {
                "type": "https://docs.example.com/errors#card_expired",
                "title": "Card expired",
                "status": 402,
                "detail": "expired",
                "code": "card_expired",
            }
        )
        assert error_codes.maintenance()["detail"] == (
            "The service is down for planned maintenance."
        )

    def test_numbers_and_booleans_are_written_as_javascript_writes_them(self) -> None:
        """The detail writes numbers as String(n); the members keep the values."""
        body = error_codes.amount_too_large(amount=1e21, max_amount=-0.0, live=False)
        assert (
            body["detail"] == "The amount 1e+21 is above the limit of 0 {per charge}."
        )
        assert body.get("live") is False
        assert list(body)[-3:] == ["amount", "max_amount", "live"]


class Instance(unittest.TestCase):
    """with_instance places instance after code, in a copy."""

    def test_instance_follows_code_and_the_body_is_a_copy(self) -> None:
        """The params stay after instance, and the body given is left as it was."""
        body = error_codes.quota_exceeded(limit=1, window="hour", resets_at="r")
        located = error_codes.with_instance(body, "/orders/42")
        assert list(located) == [
            "type",
            "title",
            "status",
            "detail",
            "code",
            "instance",
            "limit",
            "window",
            "resets_at",
        ]
        assert located.get("instance") == "/orders/42"
        assert located["limit"] == 1
        assert "instance" not in body

    def test_a_second_instance_replaces_the_first(self) -> None:
        """Setting instance twice keeps one, the last, in its place."""
        body = error_codes.with_instance(error_codes.card_expired("x"), "/a")
        again = error_codes.with_instance(body, "/b")
        assert list(again) == ["type", "title", "status", "detail", "code", "instance"]
        assert again.get("instance") == "/b"
        assert error_codes.is_error_body(again)


class Guard(unittest.TestCase):
    """is_error_body accepts what a newer server sends and nothing that is not a body."""

    good: dict[str, object] = {  # noqa: RUF012 - read, never changed
        "type": "https://docs.example.com/errors#x",
        "title": "T",
        "status": 400,
        "detail": "d",
        "code": "c",
    }

    def test_accepts_bodies_unknown_codes_and_extra_members(self) -> None:
        """Bodies the module builds, and those with codes it lacks, are bodies."""
        assert error_codes.is_error_body(error_codes.card_expired("x"))
        assert error_codes.is_error_body(
            error_codes.quota_exceeded(limit=1, window="h", resets_at="r")
        )
        newer = {**self.good, "code": "brand_new", "status": 418, "extra": [1]}
        assert error_codes.is_error_body(newer)
        assert error_codes.is_error_body({**self.good, "instance": "/i"})

    def test_refuses_what_is_not_a_body(self) -> None:
        """A missing member, a wrong type or a status out of range is refused."""
        assert error_codes.is_error_body(self.good)
        for name, value in [
            ("type", None),
            ("title", 1),
            ("status", "400"),
            ("status", True),
            ("status", 99),
            ("status", 600),
            ("status", 400.0),
            ("detail", ["d"]),
            ("code", None),
            ("instance", None),
            ("instance", 7),
        ]:
            with self.subTest(name=name, value=value):
                assert not error_codes.is_error_body({**self.good, name: value})
        for member in self.good:
            with self.subTest(missing=member):
                body = {k: v for k, v in self.good.items() if k != member}
                assert not error_codes.is_error_body(body)
        errspec = {
            "error": {"name": "Error", "status": 400, "code": "c", "message": "m"}
        }
        for value in [None, [], "body", [self.good], {}, errspec]:
            with self.subTest(value=value):
                assert not error_codes.is_error_body(value)


if __name__ == "__main__":
    unittest.main()
