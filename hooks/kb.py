"""MkDocs adapter over the tipkb core.

Every MkDocs run builds one language (mkdocs-static-i18n's build_only_locale,
set from KB_LANGUAGE; tools/build_site.py runs them all). On each run this
adapter validates the docs tree, renders each page's generated parts in the
language being built, points the language selector at the same page in every
language, applies the language's search settings, marks English fallback pages
in the search index, and (for English) writes the data exports. All content
logic lives in tipkb; this module only maps MkDocs events onto it.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from pathlib import Path

from material.plugins.search import plugin as material_search
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

import tipkb
from tipkb.languages import language
from tipkb.strings import text

log = get_plugin_logger("kb")
_state: dict = {}


def _language(config) -> str:
    return config.theme["language"]


def on_startup(command, dirty):
    _state["serving"] = command == "serve"


@event_priority(100)  # before Material's search plugin reads its pipeline
def on_config(config):
    if os.environ.get("KB_CHECKED") == "true":  # tools/build_site.py checked the whole tree just before
        site, problems = tipkb.load_checked(Path(config.docs_dir)), []
    else:
        site, problems = tipkb.check(Path(config.docs_dir), config.site_url)
    for problem in problems:
        log.error(str(problem))
    if problems and not _state.get("serving"):
        raise Abort(f"{len(problems)} problem(s) in the docs; fix them and build again (run 'make check' for the list)")
    # In the preview (make serve), the problems stand above every page until fixed.
    _state.update(site=site, problems=problems, fallbacks=set(), unsafe=[])
    if _offline(config):  # the local iframe-worker shim; otherwise Material's offline plugin loads one from a CDN
        config.extra["polyfills"] = [IFRAME_WORKER_DEST]  # also without search: the plugin fills an empty list from the CDN
    config.extra_css += [f"{dest}/{css.name}" for css, dest in _font_stylesheets(config)]
    _configure_search(config)
    return config


def _configure_search(config) -> None:
    """The language's search settings, or no search at all where the reader searches (KB_SEARCH=false)."""
    if _search(config) is None and "material/search" in config.plugins:
        # Switched off (KB_SEARCH=false), it must also leave the collection: mkdocs-static-i18n 1.3.1
        # reads a disabled search plugin's index and fails; Material's header then shows no search box.
        del config.plugins["material/search"]
    if _language(config) != "zh":
        # Material segments Han text with jieba in every language's index; only the Chinese one needs it,
        # and loading jieba's dictionary costs each other build half a second (for the Translations page).
        material_search.jieba = None
    pipeline = language(_language(config)).search_pipeline
    search = _search(config)
    if pipeline is not None and search is not None:
        search.config["pipeline"] = list(pipeline)


def _search(config):
    """Material's search plugin, unless it is switched off (KB_SEARCH=false: ZIM readers search themselves)."""
    search = config.plugins.get("material/search")
    return search if search is not None and search.config.enabled else None


def on_files(files, config):
    """Leave out symbolic links, and put the built language's translations after the English pages.

    MkDocs follows symbolic links; the check refuses them, and they never reach the site
    even in the preview. Building one language, mkdocs-static-i18n takes unsuffixed
    (English) files as that language too, and the last file seen for a page wins; its
    on_files runs after this one, so ordering here makes the translation win.
    """
    docs = Path(config.docs_dir)
    kept = [file for file in files if not file.abs_src_path or not Path(file.abs_src_path).is_relative_to(docs)
            or not tipkb.refused(Path(file.abs_src_path), docs)]
    suffix = f".{_language(config)}.md"
    files = Files(sorted(kept, key=lambda file: file.src_uri.endswith(suffix)))
    for font in _font_files(config):
        files.append(font)
    if _offline(config):
        shim = NODE_MODULES / "iframe-worker" / "shim"
        files.append(File("index.js", str(shim), config.site_dir, config.use_directory_urls, dest_uri=IFRAME_WORKER_DEST))
    return files


def _one_language() -> bool:
    """KB_ONE_LANGUAGE=true: this language is published alone (a one-language bundle, a ZIM archive),
    so nothing links into the other languages: no language selector, no link to the English original."""
    return os.environ.get("KB_ONE_LANGUAGE") == "true"


def _offline(config) -> bool:
    offline = config.plugins.get("material/offline")
    return bool(offline and offline.config.enabled)


NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
IFRAME_WORKER_DEST = "assets/javascripts/iframe-worker-shim.js"
OFFLINE_UNUSED_LINKS = re.compile(r'\s*<link rel="(?:alternate|canonical)" href="[^"]*"(?: hreflang="[^"]*")?>')
FONT_URL = re.compile(r"url\(\./(files/[^)]+\.woff2)\)")


def _font_stylesheets(config) -> list[tuple[Path, str]]:
    """(stylesheet in node_modules, its folder on the site) for each font the language needs."""
    found = []
    for stylesheet in language(_language(config)).fonts:
        css = NODE_MODULES / stylesheet
        if not css.exists():
            raise Abort(f"{css} is missing: run 'make serve' or 'npm ci' to install the site's npm packages")
        found.append((css, f"assets/fonts/{css.parent.name}"))
    return found


def _font_files(config) -> list[File]:
    """The language's font stylesheets and the woff2 files they name, copied from node_modules."""
    return [
        File(name, str(css.parent), config.site_dir, config.use_directory_urls, dest_uri=f"{dest}/{name}")
        for css, dest in _font_stylesheets(config)
        for name in [css.name, *FONT_URL.findall(css.read_text(encoding="utf-8"))]
    ]


def on_page_read_source(page, config):
    """Pages are read as the check reads them: a byte-order mark, Windows or old Mac line ends and
    decomposed Unicode are harmless and normalized (tipkb.decode)."""
    return tipkb.decode(Path(page.file.abs_src_path).read_bytes())


def _norm_src_uri(page) -> str:
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def on_page_markdown(markdown, page, config, files):
    lang = _language(config)
    site = _state["site"]
    norm = _norm_src_uri(page)
    english_url = None
    if lang != tipkb.DEFAULT_LANGUAGE:
        if not _one_language():
            english_url = posixpath.join(get_relative_url(".", page.url), "..", page.url)
        if site.get(norm, lang) is None:
            _state["fallbacks"].add(page.url)
    return _problem_banner() + tipkb.render_page(site, norm, lang, markdown, english_url)


def _problem_banner() -> str:
    """In the preview only: the tree's problems, above every page, until they are fixed."""
    problems = _state["problems"]
    if not problems:
        return ""
    lines = "\n".join(f"    - `{problem}`" for problem in problems)
    return f'!!! failure "{len(problems)} problem(s): this would not be published"\n\n{lines}\n\n'


def on_page_content(html, page, config, files):
    """Second line of defence: the rendered HTML obeys the same rules as the source. Then the
    cited passages (escaped text from the source texts) go into the footnotes."""
    for line, message in tipkb.scan_html(html):
        _state["unsafe"].append(f"{page.file.src_uri}: rendered HTML line {line}: {message}")
    return tipkb.with_passages(_state["site"], _norm_src_uri(page), _language(config), tipkb.harden_links(html))


def on_env(env, config, files):
    if _state["unsafe"] and not _state.get("serving"):
        for problem in _state["unsafe"]:
            log.error(problem)
        raise Abort(f"{len(_state['unsafe'])} unsafe construct(s) in the rendered pages; nothing was published")
    return env


def on_page_context(context, page, config, nav):
    """The language selector links the same page in every language."""
    current = _language(config)
    if _one_language():
        config.extra["alternate"] = []
        return context
    up = "" if current == tipkb.DEFAULT_LANGUAGE else "../"
    config.extra["alternate"] = [
        {
            "name": lang.name,
            "lang": lang.code,
            "link": up + ("" if lang.code == tipkb.DEFAULT_LANGUAGE else f"{lang.code}/") + page.url,
        }
        for lang in tipkb.LANGUAGES
    ]
    return context


def on_post_page(output, page, config):
    """Every page gets its Content-Security-Policy (tipkb/csp.py). Offline copies drop the
    <link>s into the web: Material would fetch each alternate's sitemap.xml, which file://
    forbids (the language selector's own links suffice), and the canonical address names
    the web site, not the copy."""
    if _offline(config):
        output = OFFLINE_UNUSED_LINKS.sub("", output)
    return _with_policy(output, config)


def on_post_template(output_content, template_name, config):
    """The theme's own pages (404.html) carry the policy too."""
    return _with_policy(output_content, config) if template_name.endswith(".html") else output_content


def _with_policy(html: str, config) -> str:
    # From file://, the search worker runs through the iframe-worker shim, which writes an inline script.
    return tipkb.with_policy(html, offline=_offline(config) and _search(config) is not None)


@event_priority(-200)  # after mkdocs-static-i18n rewrites the search index
def on_post_build(config):
    site_dir = Path(config.site_dir)
    _rewrite_search_index(site_dir / "search" / "search_index.json", _language(config))
    _stem_queries(site_dir, _language(config))
    if _language(config) == tipkb.DEFAULT_LANGUAGE:
        site = _state["site"]
        tipkb.write_exports(site, site_dir / "data", lambda rel: _url(rel, config.use_directory_urls))
        tipkb.write_translation_status(site, site_dir / "translation-status.json")


def _rewrite_search_index(index_path: Path, lang: str) -> None:
    """Label the English pages standing in for missing translations, so readers know, and
    write the index as UTF-8: Material's \\u escapes make Cyrillic, Devanagari and Arabic
    script indexes several times larger."""
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    label = text("in_english", lang)
    for entry in index["docs"]:
        if entry["location"].split("#")[0] in _state["fallbacks"]:
            entry["title"] = f"{entry['title']} ({label})"
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    index_path.write_text(data, encoding="utf-8")
    script = index_path.with_suffix(".js")
    if script.exists():  # Material's offline plugin inlined the index before this ran: inline it again
        script.write_text(f"var __index = {data}", encoding="utf-8")


def _stem_queries(site_dir: Path, lang: str) -> None:
    """Let the search worker stem queries where the index is stemmed (see search-stemming.js)."""
    pipeline = language(lang).search_pipeline or ()
    script = site_dir / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{lang}.min.js"
    if "stemmer" in pipeline and script.exists():
        patch = (Path(__file__).parent / "search-stemming.js").read_text(encoding="utf-8").replace('"LANGUAGE"', f'"{lang}"')
        script.write_text(script.read_text(encoding="utf-8") + "\n" + patch, encoding="utf-8")


def _url(rel: str, directory_urls: bool) -> str:
    path = rel.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return f"{path}/" if directory_urls else f"{path}.html"
