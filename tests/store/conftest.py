"""Fixtures for the store tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from store_factory import numbered_article

from rashomon.records import Article


@pytest.fixture()
def make_article() -> Callable[..., Article]:
    return numbered_article
