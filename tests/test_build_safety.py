"""`make build` is atomic and reproducible."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

from conftest import ROOT, copy_fixture, site_config


def _tree(folder):
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def _build(config, site, **env):
    return subprocess.run([sys.executable, str(ROOT / "tools" / "build_site.py"), "--config", str(config), "--site-dir", str(site)],
                          capture_output=True, text=True, env={**os.environ, **env})


def _good_site(tmp_path):
    """A fixture tree built once: (docs, site, config, the site's files and their hashes)."""
    docs = copy_fixture("basic", tmp_path)
    site = tmp_path / "site"
    config = site_config(docs, site)
    assert _build(config, site).returncode == 0
    return docs, site, config, _tree(site)


def test_a_failed_build_leaves_the_last_good_site(tmp_path):
    docs, site, config, before = _good_site(tmp_path)
    page = docs / "countries" / "guatemala.md"
    page.write_text(page.read_text(encoding="utf-8").replace("region: central-america", "region: atlantis"), encoding="utf-8")
    failed = _build(config, site)
    assert failed.returncode == 1 and "unknown region 'atlantis'" in failed.stdout
    assert _tree(site) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".build-")] == []


def test_a_build_that_fails_in_one_language_leaves_the_last_good_site(tmp_path):
    _, site, config, before = _good_site(tmp_path)
    # A nav entry MkDocs cannot find passes the core checks but fails every language's strict build.
    config.write_text(config.read_text(encoding="utf-8").replace("  - Translations: translation-status.md\n",
                                                                 "  - Translations: translation-status.md\n  - Gone: gone.md\n"))
    failed = _build(config, site)
    assert failed.returncode == 1 and "the build failed for" in failed.stderr
    assert _tree(site) == before


def test_two_builds_of_the_same_tree_are_byte_identical(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    first, second = tmp_path / "first", tmp_path / "second"
    assert _build(site_config(docs, first), first, SOURCE_DATE_EPOCH="31536000").returncode == 0
    assert _build(site_config(docs, second), second, SOURCE_DATE_EPOCH="31536000").returncode == 0
    assert _tree(first) == _tree(second)
    assert "<lastmod>1971-01-01</lastmod>" in (first / "sitemap.xml").read_text(encoding="utf-8")
