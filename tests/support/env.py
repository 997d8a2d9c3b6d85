"""Where the tests find their fixture files and the real services."""

import os
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
POSTGRES_ADMIN_URL = os.environ.get(
    "BAOKAN_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS_TEST_URL = os.environ.get("BAOKAN_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

# Set by `make test`, which compiles the parser first: then a parser running from its sources
# is a failure, not a skip.
REQUIRE_COMPILED = os.environ.get("BAOKAN_REQUIRE_COMPILED", "") not in ("", "0")


def need_compiled_parser(compiled: bool) -> None:
    """Skip a test of the compiled parser where it is not ``compiled``; fail it where
    ``make test`` compiled it first (:data:`REQUIRE_COMPILED`)."""
    import pytest

    if compiled:
        return
    if REQUIRE_COMPILED:
        pytest.fail("the parser is not compiled: `make test` runs `baokan compile` first")
    pytest.skip("the parser is not compiled here (`baokan compile` builds it)")
