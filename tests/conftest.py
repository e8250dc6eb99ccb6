"""Shared fixtures: building a docs tree with the real mkdocs.yml into a
temporary folder, and serving a built site to Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from build_site import config_text  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def html(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def site_config(docs: Path, site: Path) -> Path:
    """A copy of the repository's mkdocs.yml that builds `docs` into `site`."""
    text = config_text(docs).replace("site_dir: site\n", f"site_dir: {site}\n")
    config = site.parent / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build(docs: Path, tmp_path: Path) -> Build:
    """Build every language of `docs` with the real configuration, as `make build` does."""
    site = tmp_path / "site"
    config = site_config(docs, site)
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build_site.py"), "--config", str(config), "--site-dir", str(site)],
                            capture_output=True, text=True, cwd=tmp_path)
    return Build(result.returncode, result.stdout + result.stderr, site)


def copy_fixture(name: str, tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / name / "docs", docs)
    return docs


@pytest.fixture(scope="session")
def basic_build(tmp_path_factory) -> Build:
    """The 'basic' fixture tree, built once for the tests that only read it."""
    tmp = tmp_path_factory.mktemp("basic")
    result = build(copy_fixture("basic", tmp), tmp)
    assert result.returncode == 0, result.output
    return result


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve_basic(basic_build):
    """The basic fixture site served on 127.0.0.1; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(basic_build.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from browser import chromium

    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and failed requests."""
    context = browser.new_context()
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    yield tab
    context.close()
