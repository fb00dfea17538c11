"""Shared fixtures: Qt offscreen, a fresh encrypted workspace per test, PostgreSQL gate."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WAIQIN_LANG", "en")
# Tests never touch the developer's real keyring unless a test installs its own backend.
os.environ.setdefault("WAIQIN_NO_KEYRING", "1")

TEST_PASSPHRASE = "test-passphrase-123"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[object]:
    """A new, empty, passphrase-protected workspace in a temp folder."""
    from app.workspace import create_workspace

    ws = create_workspace(tmp_path / "ws", TEST_PASSPHRASE)
    yield ws
    ws.close()


@pytest.fixture
def pg_url() -> str:
    """URL of the test PostgreSQL (WAIQIN_TEST_DATABASE_URL), or skip with the reason."""
    url = os.environ.get("WAIQIN_TEST_DATABASE_URL")
    if not url:
        pytest.skip("PostgreSQL tests need WAIQIN_TEST_DATABASE_URL (set by .ci/run)")
    return url


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip PostgreSQL-marked tests, with a visible reason, where no database is set."""
    if os.environ.get("WAIQIN_TEST_DATABASE_URL"):
        return
    skip = pytest.mark.skip(reason="PostgreSQL not configured (WAIQIN_TEST_DATABASE_URL unset)")
    for item in items:
        if "pg" in item.keywords:
            item.add_marker(skip)
