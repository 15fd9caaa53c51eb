"""The generated module of the seed spec (format v1), imported and run.

tests/python_target.rs runs it with ``python -m unittest`` beside the module, named
``error_codes``.
"""

from __future__ import annotations

import unittest

import error_codes
from error_codes import ErrorCode


class Seed(unittest.TestCase):
    """Members valued by status, the lookup by status, the body and its guard."""

    def test_values_are_statuses(self) -> None:
        """A member's value is its HTTP status, and its facts are the spec's."""
        assert ErrorCode.NOT_FOUND.value == 404
        assert ErrorCode.NOT_FOUND.status == 404
        assert ErrorCode.NOT_FOUND.title == "Not Found"
        assert ErrorCode.OK.value == 200
        assert ErrorCode.NOT_FOUND.docs_url is None
        assert ErrorCode.NOT_FOUND.deprecated is None
        assert ErrorCode.NOT_FOUND.replaced_by is None

    def test_lookup_by_status(self) -> None:
        """A status the spec lists is found; another is not."""
        assert ErrorCode.from_status(404) is ErrorCode.NOT_FOUND
        assert ErrorCode.from_status(418) is None

    def test_body_and_guard(self) -> None:
        """error_body builds the wire's body, which the guard accepts."""
        body = error_codes.error_body(ErrorCode.NOT_FOUND, "no such thing")
        assert body == {
            "error": {"name": "Error", "status": 404, "message": "no such thing"}
        }
        assert error_codes.is_error_body(body)
        assert not error_codes.is_error_body(
            {"error": {"name": "Error", "status": 404}}
        )


if __name__ == "__main__":
    unittest.main()
