"""`build.py serve` in a real process on a free port: pages, live reload, errors shown, traversal refused."""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import BUILD_EPOCH, PROJECT_ROOT, copy_site
from tornado.websocket import websocket_connect


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)  # the path is sent as written: no client-side normalising
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def wait_for(condition: Callable[[], bool], seconds: float = 30, what: str = "condition") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    site = copy_site("basic", tmp_path)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "build.py"), "serve", "--port", str(port)],
        cwd=site, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH})
    try:
        wait_for(lambda: fetch(port, "/")[0] == 200, what="the server to start")
        yield site, port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def status(port: int) -> list[dict]:
    code, body = fetch(port, "/__buletin__/status.json")
    assert code == 200
    return json.loads(body)["problems"]


async def reload_after(port: int, change: Callable[[], None]) -> dict:
    """Connect as the browser's livereload client, make the change, and wait for the reload command."""
    socket_ = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    await socket_.write_message(json.dumps({"command": "hello",
                                            "protocols": ["http://livereload.com/protocols/official-7"]}))
    hello = json.loads(await asyncio.wait_for(socket_.read_message(), 10))
    assert hello["command"] == "hello"
    await socket_.write_message(json.dumps({"command": "info", "url": f"http://127.0.0.1:{port}/", "plugins": {}}))
    await asyncio.sleep(3.2)  # livereload ignores a second reload within 3 s of the last
    change()
    while True:
        message = json.loads(await asyncio.wait_for(socket_.read_message(), 30))
        if message.get("command") == "reload":
            socket_.close()
            return message


def test_serve_previews_edits_errors_and_refuses_traversal(server: tuple[Path, int]) -> None:
    site, port = server
    code, page = fetch(port, "/berita/dbd-jaktim/")
    assert code == 200
    assert "livereload.js" in page and "/__buletin__/preview.js" in page
    # drafts and scheduled bulletins are shown, labelled
    assert '<span class="label label-draft">DRAF</span>' in fetch(port, "/berita/draf-tppo/")[1]
    assert '<span class="label label-scheduled">TERJADWAL</span>' in fetch(port, "/berita/masa-depan/")[1]
    # nothing of the preview lands in output/
    assert not (site / "output").exists()

    source = site / "content" / "2023" / "dbd-jaktim.md"
    original = source.read_text(encoding="utf-8")
    message = asyncio.run(reload_after(port, lambda: source.write_text(
        original.replace("Warga diminta menguras", "Warga kini diminta menguras"), encoding="utf-8")))
    assert message["command"] == "reload"
    wait_for(lambda: "Warga kini diminta menguras" in fetch(port, "/berita/dbd-jaktim/")[1], what="the new text")

    # a broken bulletin: the error is shown, the last good page still served, the server still up
    asyncio.run(reload_after(port, lambda: source.write_text(
        original.replace("region: Jakarta Timur", "region: Jakarta Timor"), encoding="utf-8")))
    wait_for(lambda: status(port) != [], what="the error status")
    [problem] = status(port)
    assert problem["file"] == "content/2023/dbd-jaktim.md"
    assert problem["line"] == 6 and problem["field"] == "region"
    assert problem["message"] == 'unknown region "Jakarta Timor"'
    assert problem["suggestion"].startswith('Did you mean "Jakarta Timur"?')
    assert "Warga kini diminta menguras" in fetch(port, "/berita/dbd-jaktim/")[1]

    # fixing it clears the message by itself
    asyncio.run(reload_after(port, lambda: source.write_text(original, encoding="utf-8")))
    wait_for(lambda: status(port) == [], what="the error to clear")
    wait_for(lambda: "Warga diminta menguras" in fetch(port, "/berita/dbd-jaktim/")[1], what="the fixed page")

    # nothing outside the site folder is served
    preview_site = site / ".cache" / "preview" / "site"
    (preview_site / "rahasia").symlink_to(site / "site.toml")
    for path in ("/../site.toml", "/%2e%2e/site.toml", "/..%2fsite.toml", "/%2E%2E%2F%2E%2E%2Fsite.toml",
                 "/berita/../../../../site.toml", "/%252e%252e/site.toml", "/rahasia"):
        code, body = fetch(port, path)
        assert code == 404, path
        assert "base_url" not in body, path


def test_port_taken_gives_a_clear_message(tmp_path: Path) -> None:
    site = copy_site("basic", tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, str(PROJECT_ROOT / "build.py"), "serve", "--port", str(port)],
                                cwd=site, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"Error: port {port} on 127.0.0.1 is already in use." in result.stderr
    assert f"--port {port + 1}" in result.stderr
    assert not (site / ".cache").exists()  # nothing was built
