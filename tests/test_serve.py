"""`mkdocs serve`, as `make serve` runs it: a broken edit shows its problems in the
preview, and the preview recovers when the edit is fixed, without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import copy_fixture, site_config


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, predicate, seconds: float = 40) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if predicate(body):
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never matched; last body had {len(body)} characters")


def test_serve_shows_problems_and_recovers(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    config = site_config(docs, tmp_path / "site")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_STRICT": "false"}  # as the Makefile's serve target
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/countries/thailand/"
    page = docs / "countries" / "guatemala.md"
    try:
        _wait_for(url, lambda body: "Department of Anti-Human Trafficking" in body)
        page.write_text(page.read_text(encoding="utf-8").replace("[nationwide-coverage]", "[nationwide-coverge]"), encoding="utf-8")
        broken = _wait_for(url, lambda body: "would not be published" in body)
        assert "unknown practice &#39;nationwide-coverge&#39;" in broken or "unknown practice 'nationwide-coverge'" in broken
        page.write_text(page.read_text(encoding="utf-8").replace("[nationwide-coverge]", "[nationwide-coverage]"), encoding="utf-8")
        _wait_for(url, lambda body: "would not be published" not in body and "Department of Anti-Human Trafficking" in body)
    finally:
        server.terminate()
        server.wait(timeout=10)
