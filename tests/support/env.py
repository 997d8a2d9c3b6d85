"""Where the tests find their fixture files and the real services."""

import os
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
POSTGRES_ADMIN_URL = os.environ.get(
    "BAOKAN_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS_TEST_URL = os.environ.get("BAOKAN_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
