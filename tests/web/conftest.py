"""Fixtures for the web tests: a store built from the hostile corpus, and a client over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hostile_corpus import build_store

from rashomon.web import create_app


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "hostile.db")


@pytest.fixture()
def client(hostile_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(hostile_store))) as test_client:
        yield test_client
