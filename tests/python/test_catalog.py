"""The generated module of tests/fixtures/specs_v2/catalog.yaml, imported and run.

tests/python_target.rs runs it with ``python -m unittest`` beside the module, named
``error_codes``.
"""

from __future__ import annotations

import json
import unittest

import error_codes
from error_codes import ErrorCode


class Members(unittest.TestCase):
    """The enum's members, values and facts."""

    def test_values_are_the_wire_codes(self) -> None:
        """A member's value is the code the API sends."""
        assert ErrorCode.QUOTA_EXCEEDED.value == "quota_exceeded"
        assert ErrorCode.QUOTA_EXCEEDED.code == "quota_exceeded"
        assert [member.name for member in ErrorCode][:2] == [
            "QUOTA_EXCEEDED",
            "INVALID_PARAM",
        ]

    def test_properties_are_the_specs_facts(self) -> None:
        """Each property says what the spec says."""
        quota = ErrorCode.QUOTA_EXCEEDED
        assert quota.status == 429
        assert quota.title == "Quota exceeded"
        assert quota.description == "The account used up its quota for the window."
        assert quota.retryable
        assert quota.docs_url == "https://docs.example.com/errors#quota_exceeded"
        assert quota.deprecated is None
        assert quota.replaced_by is None
        expired = ErrorCode.CARD_EXPIRED
        assert not expired.retryable
        assert expired.deprecated == "Use `card_declined` with `decline_code` instead."
        assert expired.replaced_by is ErrorCode.CARD_DECLINED

    def test_lookups(self) -> None:
        """Codes are found by code and by status; unknown ones are not."""
        assert ErrorCode.from_code("maintenance") is ErrorCode.MAINTENANCE
        assert ErrorCode.from_code("legacy_auth_failed") is None
        assert ErrorCode.from_code("MAINTENANCE") is None
        assert ErrorCode.for_status(402) == (
            ErrorCode.CARD_DECLINED,
            ErrorCode.CARD_EXPIRED,
        )
        assert ErrorCode.for_status(418) == ()

    def test_deprecation_is_in_the_docstrings(self) -> None:
        """A deprecated code's constructor says so."""
        assert "Deprecated: Use `card_declined`" in (
            error_codes.card_expired.__doc__ or ""
        )
        assert "Replaced by ``ErrorCode.CARD_DECLINED``" in (
            error_codes.card_expired.__doc__ or ""
        )


class Bodies(unittest.TestCase):
    """The constructors build the wire's bodies."""

    def test_a_template_makes_the_message(self) -> None:
        """Values are written into the template; params keep the spec's order."""
        body = error_codes.quota_exceeded(
            resets_at="2026-01-01T00:00:00Z", window="hour", limit=100
        )
        assert json.dumps(body) == json.dumps(
            {
                "error": {
                    "name": "Error",
                    "status": 429,
                    "code": "quota_exceeded",
                    "message": "You have used all 100 requests of this hour; the quota "
                    "resets at 2026-01-01T00:00:00Z.",
                    "params": {
                        "limit": 100,
                        "window": "hour",
                        "resets_at": "2026-01-01T00:00:00Z",
                    },
                }
            }
        )
        with_plan = error_codes.quota_exceeded(
            limit=1, window="day", resets_at="x", plan="pro"
        )
        assert with_plan["error"].get("params", {}).get("plan") == "pro"

    def test_without_template_the_message_is_given(self) -> None:
        """A code without a template takes its message first."""
        body = error_codes.invalid_param("bad amount", param="amount")
        assert body["error"]["message"] == "bad amount"
        assert body["error"].get("params") == {"param": "amount"}

    def test_no_parameter_values_means_no_params(self) -> None:
        """An error that carries no parameter values has no params member."""
        body = error_codes.card_expired("expired")
        assert "params" not in body["error"]
        assert body == error_codes.error_body(ErrorCode.CARD_EXPIRED, "expired")

    def test_numbers_are_written_as_javascript_writes_them(self) -> None:
        """Numbers in messages read as JavaScript's String(n) writes them."""
        cases = [
            (0.1, "0.1"),
            (1e21, "1e+21"),
            (-0.0, "0"),
            (1e-7, "1e-7"),
            (9007199254740991.0, "9007199254740991"),
            (2.0**53, "9007199254740992"),
            (1e16, "10000000000000000"),
            (123456789.125, "123456789.125"),
            (0.000001, "0.000001"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (-1.5, "-1.5"),
            (100.0, "100"),
            (100, "100"),
            (float("inf"), "Infinity"),
            (float("-inf"), "-Infinity"),
            (float("nan"), "NaN"),
        ]
        for value, text in cases:
            with self.subTest(value=value):
                body = error_codes.amount_too_large(amount=value, max_amount=1.5)
                assert body["error"]["message"] == (
                    f"The amount {text} is above the limit of 1.5 {{per charge}}."
                )

    def test_booleans_are_written_as_json_writes_them(self) -> None:
        """A boolean in a message is true or false, as in JavaScript."""
        body = error_codes.maintenance(until="noon", partial=False)
        assert body["error"].get("params") == {"until": "noon", "partial": False}
        assert body["error"]["message"] == (
            "The service is down for maintenance; try again after noon."
        )


class Guard(unittest.TestCase):
    """is_error_body accepts what a newer server sends and nothing that is not a body."""

    def test_accepts_bodies_unknown_codes_and_extra_members(self) -> None:
        """Bodies the module builds, and those with codes it lacks, are bodies."""
        assert error_codes.is_error_body(error_codes.card_expired("x"))
        newer = {
            "error": {
                "name": "Error",
                "status": 418,
                "code": "brand_new",
                "message": "m",
                "extra": 1,
            },
            "trace": "t",
        }
        assert error_codes.is_error_body(newer)

    def test_refuses_what_is_not_a_body(self) -> None:
        """A missing member, a wrong type or a status out of range is refused."""
        good = {"name": "Error", "status": 400, "code": "c", "message": "m"}
        assert error_codes.is_error_body({"error": good})
        for name, value in [
            ("name", 1),
            ("status", "400"),
            ("status", True),
            ("status", 99),
            ("status", 600),
            ("status", 400.0),
            ("code", None),
            ("message", ["m"]),
        ]:
            with self.subTest(name=name, value=value):
                assert not error_codes.is_error_body({"error": {**good, name: value}})
        for member in good:
            with self.subTest(missing=member):
                detail = {k: v for k, v in good.items() if k != member}
                assert not error_codes.is_error_body({"error": detail})
        for value in [None, [], "body", {"error": None}, {"error": [good]}, {}]:
            with self.subTest(value=value):
                assert not error_codes.is_error_body(value)


if __name__ == "__main__":
    unittest.main()
