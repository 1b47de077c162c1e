"""Schemathesis drives every operation of the published OpenAPI with generated requests.

`call_and_validate` runs the default checks: no 5xx, status codes and bodies as documented,
content types as declared. Examples are few per operation so this stays well under a minute.
The schemas are loaded at import time (schemathesis parametrizes at collection), so the stores
live in a temporary directory removed at exit.
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hostile_corpus import build_store
from hypothesis import HealthCheck, settings

from rashomon.web import create_app

_TMP = Path(tempfile.mkdtemp(prefix="rashomon-web-schema-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)


@schemathesis.serializer("application/x-ndjson")
def _json_lines(context: object, value: object) -> bytes:
    """Generated bodies go out as they are when text, as one JSON line otherwise."""
    return value.encode("utf-8", "surrogatepass") if isinstance(value, str) else json.dumps(value).encode()


read_only = schemathesis.openapi.from_asgi("/openapi.json", create_app(str(build_store(_TMP / "ro.db"))))
writable = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(str(build_store(_TMP / "rw.db")), allow_add=True)
).include(method="POST")


@read_only.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_read_only_api_conforms(case: schemathesis.Case) -> None:
    case.call_and_validate()


@writable.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_adding_api_conforms(case: schemathesis.Case) -> None:
    # JSON Lines cannot be described in JSON Schema (the body is "a string"), so a schema-valid body
    # is not necessarily a valid upload: a 400 for random text is right, not a failure.
    # an add runs the pipeline (the first one also starts the worker and loads the encoder): on a
    # loaded 2-core machine that takes longer than the default 10 s
    case.call_and_validate(excluded_checks=[schemathesis.checks.positive_data_acceptance], timeout=120)
