"""MkDocs adapter over the tipkb core.

On every build and serve: validate the docs tree (once per build, before the
first language), render each page's generated parts in the language being
built, and write the data exports. All content logic lives in tipkb; this
module only maps MkDocs events and objects onto it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

import tipkb

log = get_plugin_logger("kb")
_site: tipkb.Site | None = None


def _language(config) -> str:
    """The language being built (mkdocs-static-i18n builds them one after another)."""
    i18n = config.plugins.get("i18n")
    return (i18n.current_language if i18n else None) or tipkb.DEFAULT_LANGUAGE


def on_config(config):
    global _site
    if _language(config) != tipkb.DEFAULT_LANGUAGE:
        return config  # the other languages reuse the first pass's site
    site, problems = tipkb.check(Path(config.docs_dir), config.site_url)
    if problems:
        for problem in problems:
            log.error(str(problem))
        raise Abort(f"{len(problems)} problem(s) in the docs; fix them and build again (run 'make check' for the list)")
    _site = site
    return config


def on_page_markdown(markdown, page, config, files):
    english = page.file.alternates.get(tipkb.DEFAULT_LANGUAGE) if hasattr(page.file, "alternates") else None
    english_url = get_relative_url(english.url, page.url) if english is not None else None
    norm_src_uri = getattr(page.file, "norm_src_uri", page.file.src_uri)
    return tipkb.render_page(_site, norm_src_uri, _language(config), markdown, english_url)


def on_post_build(config):
    if _language(config) == tipkb.DEFAULT_LANGUAGE:
        site_dir = Path(config.site_dir)
        tipkb.write_exports(_site, site_dir / "data", lambda rel: _url(rel, config.use_directory_urls))
        tipkb.write_translation_status(_site, site_dir / "translation-status.json")


def _url(rel: str, directory_urls: bool) -> str:
    path = rel.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return f"{path}/" if directory_urls else f"{path}.html"
