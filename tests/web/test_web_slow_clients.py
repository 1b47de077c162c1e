"""Slow clients cannot hold the server (issue 13, section 5): header and body deadlines, a
connection cap, and adds that run beside reads. Loopback only, a few connections, short limits."""

from __future__ import annotations

import asyncio
import select
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from rashomon.web import create_app
from rashomon.web.cli import server_options
from rashomon.web.guard import RequestGuard
from rashomon.web.protocol import ServerLimits

HALF_SENT = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
WAIT = 20.0  # a bound on a blocking read, so a failure ends the test instead of hanging it


@pytest.fixture()
def server(hostile_store: Path, request: pytest.FixtureRequest) -> Iterator[int]:
    limits: ServerLimits = request.param
    app = create_app(str(hostile_store))
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error", **server_options(limits))
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    while not running.started:
        thread.join(0.01)
    yield running.servers[0].sockets[0].getsockname()[1]
    running.should_exit = True
    thread.join(WAIT)


def _half_sent(port: int, n: int) -> list[socket.socket]:
    sockets = []
    for _ in range(n):
        conn = socket.create_connection(("127.0.0.1", port), timeout=WAIT)
        conn.sendall(HALF_SENT)
        sockets.append(conn)
    return sockets


def _closed(conn: socket.socket) -> bool:
    """Blocks (up to WAIT) until the server closes `conn`."""
    try:
        return conn.recv(1024) == b""
    except ConnectionResetError:
        return True


def _get(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as conn:
        conn.sendall(b"GET /api/stories HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        return b"".join(iter(lambda: conn.recv(65536), b""))


@pytest.mark.parametrize("server", [ServerLimits(header_timeout=0.3)], indirect=True)
def test_half_sent_requests_are_closed_and_others_still_served(server: int) -> None:
    sockets = _half_sent(server, 20)
    try:
        assert all(_closed(conn) for conn in sockets)
        assert _get(server).startswith(b"HTTP/1.1 200")
    finally:
        for conn in sockets:
            conn.close()


@pytest.mark.parametrize("server", [ServerLimits(header_timeout=WAIT * 3, max_connections=5)], indirect=True)
def test_connections_beyond_the_cap_are_closed_at_once(server: int) -> None:
    held = _half_sent(server, 5)
    extra = _half_sent(server, 3)
    try:
        assert all(_closed(conn) for conn in extra)
        readable, _, _ = select.select(held, [], [], 0)
        assert readable == []  # the first five are still open: their deadline is far away
    finally:
        for conn in held + extra:
            conn.close()


def test_a_body_that_never_ends_gets_408() -> None:
    sent: list[dict[str, object]] = []

    async def app(scope: object, receive: object, send: object) -> None:
        raise AssertionError("the app must not see a request whose body never arrived")

    async def receive() -> dict[str, object]:
        await asyncio.Event().wait()  # the client sends nothing more
        return {}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    guard = RequestGuard(app, max_body_bytes=100, body_timeout=0.05)  # type: ignore[arg-type]
    asyncio.run(guard({"type": "http", "headers": []}, receive, send))  # type: ignore[arg-type]
    assert sent[0]["status"] == 408


def test_reads_are_answered_while_an_add_is_running(hostile_store: Path, tmp_path: Path) -> None:
    """The add waits on a write lock the test holds: GETs must complete meanwhile, then the add."""
    import http.client
    import json
    import shutil
    import sqlite3

    db = tmp_path / "w.db"
    shutil.copy(hostile_store, db)
    app = create_app(str(db), allow_add=True)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error", **server_options(ServerLimits()))
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    while not running.started:
        thread.join(0.01)
    port = running.servers[0].sockets[0].getsockname()[1]
    article = {"id": "gate-1", "source": "Gate Times", "published": "2026-01-02", "title": "A gate",
               "text": "The council of Elmsworth met on Tuesday. It voted to repair the old bridge. " * 5}  # fmt: skip
    lock = sqlite3.connect(db, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    answers: list[int] = []

    def post() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        conn.request("POST", "/api/articles", json.dumps(article) + "\n", {"Content-Type": "application/x-ndjson"})
        answers.append(conn.getresponse().status)

    poster = threading.Thread(target=post)
    try:
        poster.start()
        for _ in range(5):
            assert _get(port).startswith(b"HTTP/1.1 200")
        assert poster.is_alive() and answers == []  # the add is still waiting for the lock
    finally:
        lock.execute("ROLLBACK")
        lock.close()
        poster.join(120)
        running.should_exit = True
        thread.join(WAIT)
    assert answers == [200]


def test_an_identical_repost_stores_and_rebriefs_nothing(hostile_store: Path, tmp_path: Path) -> None:
    import json
    import shutil

    from fastapi.testclient import TestClient

    from rashomon.store import Store

    db = tmp_path / "w.db"
    shutil.copy(hostile_store, db)
    body = json.dumps({"id": "again-1", "source": "Again Times", "published": "2026-01-03", "title": "Again",
                       "text": "The ferry between the two banks started running on Monday morning. " * 5})  # fmt: skip
    headers = {"Content-Type": "application/x-ndjson"}
    with TestClient(create_app(str(db), allow_add=True)) as client:
        first = client.post("/api/articles", content=body, headers=headers)
        assert first.status_code == 200 and first.json()["added"] == 1
        revision = Store.open(str(db), read_only=True).revision()
        again = client.post("/api/articles", content=body, headers=headers)
    assert again.status_code == 200 and again.json()["added"] == 0
    assert again.json()["stories"] == first.json()["stories"]
    assert Store.open(str(db), read_only=True).revision() == revision
